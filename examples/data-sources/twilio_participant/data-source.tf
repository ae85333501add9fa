data "twilio_participant" "agent" {
  conversation_id = "conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2"
  id              = "conv_participant_01k1etk2y5f1y9fpe2epfdtvv2"
}

output "agent_channels" {
  value = [for a in data.twilio_participant.agent.addresses : a.channel]
}
