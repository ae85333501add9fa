# Conversations v2: none may stay INACTIVE for long (a postcondition, which
# stops the plan), and every participant of an ACTIVE one has an address (a
# check, a warning).

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
