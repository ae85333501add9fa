data "twilio_conversation_webhooks_v1" "ticket" {
  conversation = "ticket-00001"
}

# The URLs a conversation's events are sent to.
output "webhook_urls" {
  value = [
    for w in data.twilio_conversation_webhooks_v1.ticket.webhooks : jsondecode(w.configuration).url
    if w.target == "webhook" && w.configuration != null
  ]
}
