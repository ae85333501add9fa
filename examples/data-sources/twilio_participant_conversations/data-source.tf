# Everything a phone number takes part in (give it as is: the provider encodes "+").
data "twilio_participant_conversations" "customer" {
  address = "+15551234567"
}

# Everything a chat identity takes part in, counted by state.
data "twilio_participant_conversations" "agent" {
  identity      = "alice"
  include_items = false
}

# Only the closed ones.
data "twilio_participant_conversations" "agent_closed" {
  identity = "alice"
  states   = ["closed"]
}

output "agent_conversations_by_state" {
  value = data.twilio_participant_conversations.agent.counts_by_state
}

output "customer_open_conversations" {
  value = [
    for c in data.twilio_participant_conversations.customer.conversations :
    c.conversation_sid if c.conversation_state != "closed"
  ]
}
