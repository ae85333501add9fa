data "twilio_address_configurations_v1" "all" {}

# Addresses whose auto-created conversations go to a webhook that is not
# https://, or to a Conversation Service or Studio flow nobody expects.
locals {
  expected_services = ["IS00000000000000000000000000000001"]
  expected_flows    = ["FW00000000000000000000000000000001"]

  auto_creating = [
    for a in data.twilio_address_configurations_v1.all.address_configurations :
    a.auto_creation if(a.auto_creation == null ? false : a.auto_creation.enabled == true)
  ]
  webhook_urls = compact([for ac in local.auto_creating : ac.webhook_url])
  service_sids = compact([for ac in local.auto_creating : ac.conversation_service_sid])
  flow_sids    = compact([for ac in local.auto_creating : ac.studio_flow_sid])
}

output "address_configurations_by_type" {
  value = data.twilio_address_configurations_v1.all.counts_by_type
}

output "insecure_auto_creation_webhooks" {
  value = [for u in local.webhook_urls : u if !startswith(u, "https://")]
}

output "unexpected_auto_creation_targets" {
  value = concat(tolist(setsubtract(local.service_sids, local.expected_services)), tolist(setsubtract(local.flow_sids, local.expected_flows)))
}
