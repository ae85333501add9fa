data "twilio_configuration_v1" "this" {}

# The default Conversation Service: the one read by the lookups without
# chat_service_sid, and where new conversations go.
output "default_conversation_service_sid" {
  value = data.twilio_configuration_v1.this.default_chat_service_sid
}

# Conversations that are never closed keep their participants' data.
check "conversations_close_by_default" {
  assert {
    condition     = data.twilio_configuration_v1.this.default_closed_timer != null
    error_message = "No default closed timer: conversations stay open until closed explicitly."
  }
}
