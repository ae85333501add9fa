data "twilio_message_v1" "first" {
  conversation = "ticket-00001"
  sid          = "IM00000000000000000000000100000000"
}

# The body is personal data, stored in the state: this output tells only
# whether the message has media.
output "first_message_has_media" {
  value = data.twilio_message_v1.first.media != null
}
