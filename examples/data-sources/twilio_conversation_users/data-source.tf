data "twilio_conversation_users" "support" {
  chat_service_sid = "IS00000000000000000000000000000001"
}

output "online_identities" {
  value = [for u in data.twilio_conversation_users.support.users : u.identity if coalesce(u.is_online, false)]
}
