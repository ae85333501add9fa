# The provider's whole job in one configuration, run by `make demo` against
# the local emulator. Credentials and the emulator's address come from the
# TWILIO_* environment variables the demo sets.

terraform {
  required_version = ">= 1.5"
  required_providers {
    twilio = {
      source  = "seed3f0d1ece/twilio"
      version = "~> 0.1"
    }
  }
}

provider "twilio" {}

variable "service_name" {
  description = "Friendly name of the Conversation Service whose users are looked up."
  type        = string
  default     = "Support"
}

variable "stale_before" {
  description = "An INACTIVE conversation last updated before this time is stale."
  type        = string
  default     = "2025-01-07T00:00:00Z"
}

# Audit: every conversation of the account, counted by status.
data "twilio_conversations" "all" {}

locals {
  conversations = data.twilio_conversations.all.conversations
  by_status = {
    for status in distinct([for c in local.conversations : c.status]) :
    status => length([for c in local.conversations : c if c.status == status])
  }
  stale = [
    for c in local.conversations : c.id
    if c.status == "INACTIVE" && timecmp(c.updated_at, var.stale_before) < 0
  ]
}

# Lookup: the participants of the newest active conversation feed another
# expression (here, the channels it spans).
data "twilio_conversations" "active" {
  statuses = ["ACTIVE"]
}

data "twilio_participants" "newest_active" {
  conversation_id = data.twilio_conversations.active.conversations[length(data.twilio_conversations.active.conversations) - 1].id
}

# ... and the configuration it uses, looked up by the ID it names.
data "twilio_conversation_configuration" "newest_active" {
  id = data.twilio_conversations.active.conversations[length(data.twilio_conversations.active.conversations) - 1].configuration_id
}

# Chain: the Conversation Service found by name, its users, and the first
# user's conversations with their unread totals.
data "twilio_conversation_services" "all" {}

locals {
  service_sid = one([for s in data.twilio_conversation_services.all.services : s.sid if s.friendly_name == var.service_name])
}

data "twilio_conversation_users" "service" {
  chat_service_sid = local.service_sid
}

data "twilio_user_conversations" "alice" {
  chat_service_sid = local.service_sid
  identity         = data.twilio_conversation_users.service.users[0].identity
}

# Everything one phone number is part of.
data "twilio_participant_conversations" "customer" {
  address = "+15550000002"
}

# Classic conversations (Conversations v1) of the default service, counted
# by state without storing them, and the messages and webhooks of one,
# counted by kind of author: no message body is stored.
data "twilio_conversations_v1" "counts" {
  include_items = false
}

data "twilio_conversations_v1" "active" {
  state     = "active"
  max_items = 1
}

data "twilio_messages_v1" "first_active" {
  conversation  = data.twilio_conversations_v1.active.conversations[0].sid
  include_items = false
}

data "twilio_conversation_webhooks_v1" "first_active" {
  conversation = data.twilio_conversations_v1.active.conversations[0].sid
}

# Flags (as a warning, without failing the run) stale INACTIVE conversations.
# The emulator's account has some on purpose, so `make demo` shows the
# warning; examples/scenarios/audit shows a postcondition that fails a run.
check "no_stale_inactive_conversations" {
  assert {
    condition     = length(local.stale) == 0
    error_message = "${length(local.stale)} INACTIVE conversation(s) not updated since ${var.stale_before}, for example ${try(local.stale[0], "")}."
  }
}

output "conversations_by_status" {
  description = "Audit: how many conversations are in each status."
  value       = local.by_status
}

output "newest_active_conversation" {
  description = "The newest ACTIVE conversation, its participants and their channels, and its configuration."
  value = {
    id            = data.twilio_participants.newest_active.conversation_id
    configuration = "${data.twilio_conversation_configuration.newest_active.display_name} (version ${data.twilio_conversation_configuration.newest_active.version})"
    participants  = [for p in data.twilio_participants.newest_active.participants : coalesce(p.name, p.id)]
    channels      = sort(distinct(flatten([for p in data.twilio_participants.newest_active.participants : [for a in p.addresses : a.channel]])))
  }
}

output "service_users" {
  description = "The users of the Conversation Service named by var.service_name, and which are online."
  value = {
    service = local.service_sid
    users   = length(data.twilio_conversation_users.service.users)
    online  = [for u in data.twilio_conversation_users.service.users : u.identity if coalesce(u.is_online, false)]
  }
}

output "alice_unread" {
  description = "The first user's unread messages: in total, and the conversation with the most."
  value = {
    identity                  = data.twilio_user_conversations.alice.identity
    conversations             = length(data.twilio_user_conversations.alice.conversations)
    conversations_with_unread = length([for c in data.twilio_user_conversations.alice.conversations : c if coalesce(c.unread_messages_count, 0) > 0])
    total_unread              = sum(concat([0], [for c in data.twilio_user_conversations.alice.conversations : coalesce(c.unread_messages_count, 0)]))
    most_unread = try(
      [for c in data.twilio_user_conversations.alice.conversations : coalesce(c.unique_name, c.conversation_sid)
      if c.unread_messages_count == max(concat([0], [for x in data.twilio_user_conversations.alice.conversations : coalesce(x.unread_messages_count, 0)])...)][0],
      null
    )
  }
}

output "classic_conversations" {
  description = "Classic (v1) conversations by state, and the messages and webhooks of the first active one."
  value = {
    by_state         = data.twilio_conversations_v1.counts.counts_by_state
    first_active     = data.twilio_conversations_v1.active.conversations[0].sid
    messages         = data.twilio_messages_v1.first_active.total
    messages_by_kind = data.twilio_messages_v1.first_active.counts_by_author_kind
    webhook_targets  = [for w in data.twilio_conversation_webhooks_v1.first_active.webhooks : w.target]
  }
}

output "customer_conversations" {
  description = "Conversations that +15550000002 takes part in, with their state."
  value = {
    for c in data.twilio_participant_conversations.customer.conversations :
    c.conversation_sid => c.conversation_state
  }
}
