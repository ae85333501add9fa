# A plan-time lookup feeding another resource: the participants of a support
# conversation become the recipients that downstream configuration uses.
# terraform_data stands in for any resource that takes such a list.

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

variable "conversation_id" {
  description = "The v2 conversation whose participants are notified."
  type        = string
}

data "twilio_participants" "this" {
  conversation_id = var.conversation_id
}

locals {
  sms_recipients = sort(distinct(flatten([
    for p in data.twilio_participants.this.participants :
    [for a in p.addresses : a.address if a.channel == "SMS"]
  ])))
}

resource "terraform_data" "notification_targets" {
  input = local.sms_recipients

  lifecycle {
    precondition {
      condition     = length(local.sms_recipients) > 0
      error_message = "Conversation ${var.conversation_id} has no participant reachable by SMS."
    }
  }
}

output "sms_recipients" {
  value = terraform_data.notification_targets.output
}
