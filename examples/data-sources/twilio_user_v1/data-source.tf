# One chat user of the account's default Conversation Service, by identity
# (or by sid); add chat_service_sid for another service.
data "twilio_user_v1" "alice" {
  identity = "alice"
}

output "alice_is_online" {
  value = data.twilio_user_v1.alice.is_online
}
