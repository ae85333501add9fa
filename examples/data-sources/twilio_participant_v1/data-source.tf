# A chat participant, by identity ...
data "twilio_participant_v1" "alice" {
  conversation    = "ticket-00001"
  sid_or_identity = "alice"
}

# ... or any participant by SID.
data "twilio_participant_v1" "customer" {
  conversation    = "CH00000000000000000000000000001001"
  sid_or_identity = "MB0000000000000000000000000000002f"
}

output "alice_last_read" {
  value = data.twilio_participant_v1.alice.last_read_message_index
}
