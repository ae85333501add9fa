# One push credential, by the SID a service's notification settings name.
data "twilio_credential_v1" "ios" {
  sid = "CR00000000000000000000000000000001"
}

output "ios_push" {
  value = {
    name    = data.twilio_credential_v1.ios.friendly_name
    type    = data.twilio_credential_v1.ios.type
    sandbox = lower(coalesce(data.twilio_credential_v1.ios.sandbox, "false")) == "true"
  }
}
