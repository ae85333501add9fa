# By unique name ...
data "twilio_conversation_v1" "ticket" {
  sid_or_unique_name = "ticket-00001"
}

# ... or by SID, in a Conversation Service other than the default one.
data "twilio_conversation_v1" "sales" {
  chat_service_sid   = "IS00000000000000000000000000000002"
  sid_or_unique_name = "CH00000000000000000000000000005000"
}

output "ticket_state" {
  value = data.twilio_conversation_v1.ticket.state
}
