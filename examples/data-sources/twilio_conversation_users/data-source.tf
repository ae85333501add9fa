# The users of one Conversation Service; without chat_service_sid, of the
# account's default one.
data "twilio_conversation_users" "support" {
  chat_service_sid = "IS00000000000000000000000000000001"
}

output "users_without_a_role" {
  value = [for u in data.twilio_conversation_users.support.users : u.identity if u.role_sid == null]
}
