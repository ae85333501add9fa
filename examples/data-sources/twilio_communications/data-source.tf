# How many messages and transcribed calls a conversation holds, by channel,
# without storing what was said (personal data).
data "twilio_communications" "counts" {
  conversation_id = "conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2"
  include_items   = false
}

# The communications of one message or call (a filter Twilio applies).
data "twilio_communications" "of_message" {
  conversation_id = "conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2"
  channel_id      = "SM00000000000000000000000000000001"
}

# Communications that failed to reach a recipient this year.
data "twilio_communications" "this_year" {
  conversation_id = "conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2"
  occurred_after  = "2026-01-01T00:00:00Z"
}

output "communications_by_channel" {
  value = data.twilio_communications.counts.counts_by_channel
}

output "undelivered" {
  value = [
    for c in data.twilio_communications.this_year.communications : c.id
    if anytrue([for r in c.recipients : r.delivery_status == "FAILED"])
  ]
}
