data "twilio_configuration_webhook_v1" "this" {}

locals {
  webhook_urls = compact([
    data.twilio_configuration_webhook_v1.this.pre_webhook_url,
    data.twilio_configuration_webhook_v1.this.post_webhook_url,
  ])
}

output "webhook_events" {
  value = data.twilio_configuration_webhook_v1.this.filters
}

# Conversation events carry message bodies: they must travel over TLS.
check "webhooks_are_https" {
  assert {
    condition     = alltrue([for u in local.webhook_urls : startswith(u, "https://")])
    error_message = "A Conversations webhook is not https://: ${join(", ", [for u in local.webhook_urls : u if !startswith(u, "https://")])}"
  }
}
