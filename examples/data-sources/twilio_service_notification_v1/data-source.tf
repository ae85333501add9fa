data "twilio_service_notification_v1" "support" {
  chat_service_sid = "IS00000000000000000000000000000001"
}

output "new_message_pushes_enabled" {
  value = try(jsondecode(data.twilio_service_notification_v1.support.new_message).enabled, false)
}
