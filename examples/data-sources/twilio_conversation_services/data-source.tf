data "twilio_conversation_services" "all" {}

# A service's SID by its friendly name, for the lookups that need one.
locals {
  support_service_sid = one([
    for s in data.twilio_conversation_services.all.services : s.sid if s.friendly_name == "Support"
  ])
}

output "support_service_sid" {
  value = local.support_service_sid
}
