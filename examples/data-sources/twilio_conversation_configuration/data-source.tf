# The configuration a conversation uses.
data "twilio_conversation" "order" {
  id = "conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2"
}

data "twilio_conversation_configuration" "of_order" {
  id = data.twilio_conversation.order.configuration_id
}

output "inactive_after_minutes" {
  value = try(jsondecode(data.twilio_conversation_configuration.of_order.channel_settings).SMS.statusTimeouts.inactive, null)
}
