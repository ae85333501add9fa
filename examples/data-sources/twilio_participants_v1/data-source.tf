# The participants of one conversation, by its SID or its unique name.
data "twilio_participants_v1" "ticket" {
  conversation = "ticket-00001"
}

# How many chat and messaging participants a conversation of another
# service has, without storing any identity or address.
data "twilio_participants_v1" "sales_channels" {
  chat_service_sid = "IS00000000000000000000000000000002"
  conversation     = "CH00000000000000000000000000005000"
  include_items    = false
}

output "participants_by_channel" {
  value = data.twilio_participants_v1.sales_channels.counts_by_channel # such as { chat = 2, sms = 1 }
}
