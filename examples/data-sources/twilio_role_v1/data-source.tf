# One role of the account's default Conversation Service, by SID, such as a
# user's role_sid; add chat_service_sid for another service.
data "twilio_role_v1" "support_agent" {
  sid = "RL00000000000000000000000000000002"
}

output "support_agents_may_create_conversations" {
  value = contains(coalesce(data.twilio_role_v1.support_agent.permissions, []), "createConversation")
}
