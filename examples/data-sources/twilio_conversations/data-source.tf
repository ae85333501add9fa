# Every conversation of the account.
data "twilio_conversations" "all" {}

# Only the inactive and closed ones.
data "twilio_conversations" "finished" {
  statuses = ["INACTIVE", "CLOSED"]
}

# The conversation of one call or message.
data "twilio_conversations" "of_call" {
  channel_id = "CA00000000000000000000000000000001"
}

output "conversations_by_status" {
  value = {
    for s in ["ACTIVE", "INACTIVE", "CLOSED"] :
    s => length([for c in data.twilio_conversations.all.conversations : c if c.status == s])
  }
}
