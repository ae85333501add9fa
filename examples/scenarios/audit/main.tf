# An audit that fails a CI run: `terraform plan` exits non-zero when a
# postcondition fails, and reports check block failures as warnings.
#
#   terraform plan -detailed-exitcode

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

variable "inactive_deadline" {
  description = "No conversation may stay INACTIVE if it was last updated before this time (RFC 3339)."
  type        = string
  default     = "2025-01-01T00:00:00Z"
}

data "twilio_conversations" "inactive" {
  statuses = ["INACTIVE"]

  lifecycle {
    # A hard failure: the plan stops here.
    postcondition {
      condition = alltrue([
        for c in self.conversations : timecmp(c.updated_at, var.inactive_deadline) >= 0
      ])
      error_message = "Some conversations have been INACTIVE since before ${var.inactive_deadline}: close them."
    }
  }
}

data "twilio_conversations" "active" {
  statuses = ["ACTIVE"]
}

# A soft failure: reported as a warning, the run goes on.
check "every_participant_has_an_address" {
  assert {
    condition = alltrue(flatten([
      for c in data.twilio_conversations.active.conversations : [
        for p in coalesce(c.participants, []) : length(p.addresses) > 0
      ]
    ]))
    error_message = "An ACTIVE conversation has a participant without any address."
  }
}
