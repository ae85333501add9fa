# By identity (any characters; the provider escapes it) ...
data "twilio_user_conversations" "alice" {
  chat_service_sid = "IS00000000000000000000000000000001"
  identity         = "alice"
}

# ... or by user SID.
data "twilio_user_conversations" "by_sid" {
  chat_service_sid = "IS00000000000000000000000000000001"
  user_sid         = "US00000000000000000000000000000001"
}

# Only the open conversations in which alice has unread messages.
data "twilio_user_conversations" "alice_unread" {
  chat_service_sid = "IS00000000000000000000000000000001"
  identity         = "alice"
  states           = ["active", "inactive"]
  unread_only      = true
}

output "alice_unread_messages" {
  value = sum(concat([0], [
    for c in data.twilio_user_conversations.alice.conversations : coalesce(c.unread_messages_count, 0)
  ]))
}
