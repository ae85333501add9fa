# One address configuration, by the address itself (or by its IG… SID).
data "twilio_address_configuration_v1" "support_line" {
  sid_or_address = "whatsapp:+15553000010"
}

output "support_line_auto_creation" {
  value = data.twilio_address_configuration_v1.support_line.auto_creation
}

# Warn on every plan when auto-created conversations would leave over plain http.
check "support_line_webhook_is_https" {
  assert {
    condition = (
      data.twilio_address_configuration_v1.support_line.auto_creation == null ? true :
      !startswith(coalesce(data.twilio_address_configuration_v1.support_line.auto_creation.webhook_url, "https://"), "http://")
    )
    error_message = "The support line's auto-creation webhook is not https://."
  }
}
