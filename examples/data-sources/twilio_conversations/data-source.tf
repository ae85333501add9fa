# Every conversation of the account.
data "twilio_conversations" "all" {}

# Only the inactive and closed ones (a filter Twilio applies).
data "twilio_conversations" "finished" {
  statuses = ["INACTIVE", "CLOSED"]
}

# The conversation of one call or message.
data "twilio_conversations" "of_call" {
  channel_id = "CA00000000000000000000000000000001"
}

# Support conversations of one configuration created in January, with a
# name that starts with "Order" (filters the provider applies to every page).
data "twilio_conversations" "january_orders" {
  configuration_id = "conv_configuration_01"
  created_after    = "2025-01-01T00:00:00Z"
  created_before   = "2025-02-01T00:00:00Z"
  name_regex       = "^Order"
  metadata         = { team = "support" }
}

# Only the counts: no item is stored, however large the account.
data "twilio_conversations" "counts" {
  include_items = false
  timeouts = {
    read = "5m"
  }
}

output "conversations_by_status" {
  value = data.twilio_conversations.counts.counts_by_status
}
