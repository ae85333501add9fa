# One conversation, by the ID a webhook or another lookup gave.
data "twilio_conversation" "order" {
  id = "conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2"
}

output "order_status" {
  value = data.twilio_conversation.order.status
}

output "order_phone_numbers" {
  value = flatten([
    for p in coalesce(data.twilio_conversation.order.participants, []) :
    [for a in p.addresses : a.address if a.channel == "SMS"]
  ])
}
