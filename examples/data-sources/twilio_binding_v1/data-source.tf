data "twilio_binding_v1" "device" {
  chat_service_sid = "IS00000000000000000000000000000001"
  sid              = "BS00000000000000000000000000000001"
}

output "device_credential" {
  value = data.twilio_binding_v1.device.credential_sid
}
