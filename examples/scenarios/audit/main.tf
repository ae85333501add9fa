# An audit of a Twilio Conversations account, as a module to copy: `check`
# blocks that assert over the whole account, and outputs that list what
# they found. Run it in CI with
#
#   terraform plan -detailed-exitcode
#
# A failed check is a warning and the plan goes on, so that every finding is
# reported at once; a failed postcondition (conversations.tf) stops the plan.
#
#   main.tf           inputs, and the Conversation Services
#   services.tf       every service's webhooks and roles
#   account.tf        the account's webhooks, address configurations, push
#                     credentials and conversation-scoped webhooks
#   conversations.tf  long-inactive conversations, participants without address
#   tests/            `terraform test` against the local emulator
#
# The provider is configured by the caller (or from TWILIO_* variables).

terraform {
  required_version = ">= 1.7"
  required_providers {
    twilio = {
      source  = "seed3f0d1ece/twilio"
      version = "~> 0.1"
    }
  }
}

variable "allowed_permissions" {
  description = "Permissions a role may grant. The default is what Twilio's default roles (service admin, service user, channel admin, channel user) grant; a custom role that grants more is a finding."
  type        = set(string)
  default = [
    "addParticipant", "createConversation", "deleteAnyMessage", "deleteOwnMessage", "destroyConversation",
    "editAnyMessage", "editAnyMessageAttributes", "editAnyParticipantAttributes", "editAnyUserInfo",
    "editConversationAttributes", "editConversationName", "editNotificationLevel", "editOwnMessage",
    "editOwnMessageAttributes", "editOwnParticipantAttributes", "editOwnUserInfo", "joinConversation",
    "leaveConversation", "removeParticipant", "sendMediaMessage", "sendMessage",
  ]
}

variable "allowed_auto_creation_targets" {
  description = <<-EOT
    Where an address configuration may hand the conversations it creates: by auto-creation type,
    `webhook` its `webhook_url`, `studio` its `studio_flow_sid`, `default` its `conversation_service_sid`
    (the account's default service when that is null: give "default" to allow it).
  EOT
  type        = set(string)
}

variable "inactive_deadline" {
  description = "No conversation may stay INACTIVE if it was last updated before this time (RFC 3339)."
  type        = string
  default     = "2025-01-01T00:00:00Z"
}

variable "check_conversation_webhooks" {
  description = "Whether to read the webhooks of every v1 conversation: one request per conversation, so a large account may turn it off."
  type        = bool
  default     = true
}

data "twilio_conversation_services" "all" {}

locals {
  services = { for s in data.twilio_conversation_services.all.services : s.sid => s }

  # An https URL, as the checks require; anything else, http:// included, is a finding.
  https = "^(?i)https://"
}
