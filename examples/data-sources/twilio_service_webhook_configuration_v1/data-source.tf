data "twilio_service_webhook_configuration_v1" "support" {
  chat_service_sid = "IS00000000000000000000000000000001"
}

check "support_webhooks_use_https" {
  assert {
    condition = alltrue([
      for u in compact([
        data.twilio_service_webhook_configuration_v1.support.pre_webhook_url,
        data.twilio_service_webhook_configuration_v1.support.post_webhook_url,
      ]) : startswith(lower(u), "https://")
    ])
    error_message = "A webhook of the Support service is not sent over https."
  }
}
