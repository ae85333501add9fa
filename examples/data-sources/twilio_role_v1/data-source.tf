# The service-level role of one chat user of the account's default
# Conversation Service; add chat_service_sid for another service.
data "twilio_user_v1" "alice" {
  identity = "alice"
}

data "twilio_role_v1" "of_alice" {
  sid = data.twilio_user_v1.alice.role_sid
}

output "alice_may_create_conversations" {
  value = contains(coalesce(data.twilio_role_v1.of_alice.permissions, []), "createConversation")
}
