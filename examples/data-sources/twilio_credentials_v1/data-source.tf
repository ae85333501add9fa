data "twilio_credentials_v1" "all" {}

# APN credentials that push to Apple's sandbox: fine in development, a
# finding in a production account. Twilio returns sandbox as text.
locals {
  sandbox_credentials = [
    for c in data.twilio_credentials_v1.all.credentials : c.sid
    if c.type == "apn" && lower(coalesce(c.sandbox, "false")) == "true"
  ]
}

output "credentials_by_type" {
  value = data.twilio_credentials_v1.all.counts_by_type
}

check "no_sandbox_push_credentials" {
  assert {
    condition     = length(local.sandbox_credentials) == 0
    error_message = "Sandbox APN credentials: ${join(", ", local.sandbox_credentials)}"
  }
}
