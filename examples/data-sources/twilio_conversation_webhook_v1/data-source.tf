data "twilio_conversation_webhook_v1" "studio" {
  chat_service_sid = "IS00000000000000000000000000000002"
  conversation     = "CH00000000000000000000000000005002"
  sid              = "WH00000000000000000000000000010200"
}

output "studio_flow" {
  value = try(jsondecode(data.twilio_conversation_webhook_v1.studio.configuration).flow_sid, null)
}
