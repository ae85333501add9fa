# A conversation audit, as a module: the inactive conversations of one
# configuration, and which chat users have unread messages. Its tests, in
# tests/, run offline: against the local emulator, and with a mock provider.

terraform {
  required_version = ">= 1.7"
  required_providers {
    twilio = {
      source  = "seed3f0d1ece/twilio"
      version = ">= 0.1"
    }
  }
}

variable "configuration_id" {
  description = "Conversation configuration whose inactive conversations are listed."
  type        = string
}

variable "chat_service_sid" {
  description = "Conversation Service (IS…) of the users."
  type        = string
}

variable "identities" {
  description = "Chat identities whose unread conversations are counted."
  type        = list(string)
}

variable "max_inactive" {
  description = "How many inactive conversations the configuration may have before the audit flags it."
  type        = number
  default     = 0
}

data "twilio_conversations" "inactive" {
  statuses         = ["INACTIVE"]
  configuration_id = var.configuration_id
}

data "twilio_user_conversations" "unread" {
  for_each         = toset(var.identities)
  chat_service_sid = var.chat_service_sid
  identity         = each.value
  states           = ["active", "inactive"]
  unread_only      = true
  include_items    = false
}

output "inactive_conversation_ids" {
  description = "IDs of the configuration's inactive conversations, in the API's order."
  value       = tolist([for c in data.twilio_conversations.inactive.conversations : c.id])
}

output "too_many_inactive" {
  description = "Whether the configuration has more inactive conversations than max_inactive."
  value       = data.twilio_conversations.inactive.total > var.max_inactive
}

output "unread_conversations" {
  description = "For each identity, how many of its open conversations have unread messages."
  value       = tomap({ for identity, d in data.twilio_user_conversations.unread : identity => d.total })
}

output "users_with_unread" {
  description = "The identities with at least one open conversation with unread messages, sorted."
  value       = sort([for identity, d in data.twilio_user_conversations.unread : identity if d.total > 0])
}

# Classic (v1) conversations of the service: how many are still open, and
# since when the oldest one is.
data "twilio_conversations_v1" "classic" {
  chat_service_sid = var.chat_service_sid
}

locals {
  open_classic = [for c in data.twilio_conversations_v1.classic.conversations : c if c.state != "closed"]
}

output "open_classic_conversations" {
  description = "How many classic conversations of the service are active or inactive, not closed."
  value       = lookup(data.twilio_conversations_v1.classic.counts_by_state, "active", 0) + lookup(data.twilio_conversations_v1.classic.counts_by_state, "inactive", 0)
}

output "oldest_open_classic_conversation" {
  description = "SID of the service's oldest classic conversation that is not closed, or null when none is."
  value       = try([for c in local.open_classic : c.sid if c.date_created == sort([for o in local.open_classic : o.date_created])[0]][0], null)
}
