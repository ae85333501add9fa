# This provider beside the official twilio/twilio provider, which manages
# Twilio resources: this one looks up what already exists, the official one
# creates what should. Here, the Conversation Service found by its name gets
# an announcements conversation that every one of its chat users joins.
#
# Both providers want the local name "twilio" and both name their types
# twilio_*. The official one keeps "twilio", so its resources need nothing
# more; this one is required under another local name, twilioconv, and each
# of its data sources says `provider = twilioconv` (without it, Terraform
# asks twilio/twilio for the data source, which it does not have).
#
# Both read TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_API_KEY,
# TWILIO_API_SECRET, TWILIO_REGION and TWILIO_EDGE. The environment is left
# to the official provider; this one is given a read-only API key of its own
# as attributes, which it uses whatever those variables say.

terraform {
  required_version = ">= 1.5"
  required_providers {
    twilio = {
      source  = "twilio/twilio"
      version = "~> 0.18"
    }
    twilioconv = {
      source  = "seed3f0d1ece/twilio"
      version = "~> 0.1"
    }
  }
}

# Credentials from TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or
# TWILIO_API_KEY and TWILIO_API_SECRET).
provider "twilio" {}

provider "twilioconv" {
  api_key    = var.conversations_api_key
  api_secret = var.conversations_api_secret
}

variable "conversations_api_key" {
  description = "SID (SK…) of a restricted API key that may only read Conversations, for this provider alone."
  type        = string
}

variable "conversations_api_secret" {
  description = "Secret of that API key."
  type        = string
  sensitive   = true
}

variable "service_name" {
  description = "Friendly name of the Conversation Service whose users are gathered."
  type        = string
  default     = "Support"
}

data "twilio_conversation_services" "all" {
  provider = twilioconv
}

locals {
  service_sid = one([for s in data.twilio_conversation_services.all.services : s.sid if s.friendly_name == var.service_name])
}

data "twilio_conversation_users" "service" {
  provider         = twilioconv
  chat_service_sid = local.service_sid
}

resource "twilio_conversations_services_conversations_v1" "announcements" {
  chat_service_sid = local.service_sid
  unique_name      = "announcements"
  friendly_name    = "Announcements"
}

resource "twilio_conversations_services_conversations_participants_v1" "everyone" {
  for_each = toset([for u in data.twilio_conversation_users.service.users : u.identity])

  chat_service_sid = local.service_sid
  conversation_sid = twilio_conversations_services_conversations_v1.announcements.sid
  identity         = each.value
}

output "announcement_participants" {
  description = "The identities that join the announcements conversation."
  value       = sort(keys(twilio_conversations_services_conversations_participants_v1.everyone))
}
