data "twilio_participants" "support" {
  conversation_id = "conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2"
}

# Only its agents, human or AI (a filter the provider applies).
data "twilio_participants" "agents" {
  conversation_id = "conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2"
  types           = ["HUMAN_AGENT", "AI_AGENT"]
}

output "participants_by_type" {
  value = data.twilio_participants.support.counts_by_type
}

# Every phone number taking part in the conversation.
output "phone_numbers" {
  value = flatten([
    for p in data.twilio_participants.support.participants :
    [for a in p.addresses : a.address if contains(["SMS", "WHATSAPP", "VOICE", "RCS"], a.channel)]
  ])
}
