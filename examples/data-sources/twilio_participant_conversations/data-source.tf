# Everything a phone number takes part in (give it as is: the provider encodes "+").
data "twilio_participant_conversations" "customer" {
  address = "+15551234567"
}

# Everything a chat identity takes part in.
data "twilio_participant_conversations" "agent" {
  identity = "alice"
}

output "customer_open_conversations" {
  value = [
    for c in data.twilio_participant_conversations.customer.conversations :
    c.conversation_sid if c.conversation_state != "closed"
  ]
}
