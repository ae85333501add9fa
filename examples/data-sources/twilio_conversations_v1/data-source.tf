# Every classic conversation of the account's default Conversation Service.
data "twilio_conversations_v1" "all" {}

# Only the counts, of another service: no conversation goes into the state.
data "twilio_conversations_v1" "sales_counts" {
  chat_service_sid = "IS00000000000000000000000000000002"
  include_items    = false
}

# Closed conversations created in January 2025 (Twilio filters them, newest
# first), of which those last updated before February.
data "twilio_conversations_v1" "closed_in_january" {
  state          = "closed"
  start_date     = "2025-01-01T00:00:00Z"
  end_date       = "2025-01-31T23:59:59Z"
  updated_before = "2025-02-01T00:00:00Z"
}

output "conversations_by_state" {
  value = data.twilio_conversations_v1.sales_counts.counts_by_state
}
