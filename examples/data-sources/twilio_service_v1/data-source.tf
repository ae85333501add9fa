data "twilio_service_v1" "support" {
  sid = "IS00000000000000000000000000000001"
}

output "support_service_name" {
  value = data.twilio_service_v1.support.friendly_name
}
