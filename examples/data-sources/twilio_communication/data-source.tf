data "twilio_communication" "first" {
  conversation_id = "conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2"
  id              = "conv_communication_01k1etk2y5f1y9fpe2epfdtvv2"
}

output "delivery" {
  value = { for r in data.twilio_communication.first.recipients : r.channel => r.delivery_status }
}
