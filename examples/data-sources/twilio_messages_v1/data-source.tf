# How many messages a conversation holds, by kind of author, without
# storing a single message: every page is read, nothing personal is kept.
data "twilio_messages_v1" "ticket_counts" {
  conversation  = "ticket-00001"
  include_items = false
}

# The ten latest messages of a conversation of another service.
data "twilio_messages_v1" "latest" {
  chat_service_sid = "IS00000000000000000000000000000002"
  conversation     = "CH00000000000000000000000000005000"
  order            = "desc"
  max_items        = 10
}

output "messages_by_author_kind" {
  value = data.twilio_messages_v1.ticket_counts.counts_by_author_kind # such as { participant = 17, system = 6 }
}
