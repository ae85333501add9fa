# Unit tests: a mock provider answers every data source, with the values
# below where given, so the module's own logic is tested with nothing
# running. Terraform cannot override a list of nested objects such as
# `conversations` (no release can, through 1.15.9: hashicorp/terraform#37939),
# so these tests work on the counts; the emulator tests cover the lists, and
# so does mock_lists.tofutest.hcl under OpenTofu, which can.

mock_provider "twilio" {
  override_data {
    target = data.twilio_conversations.inactive
    values = {
      total = 2
    }
  }

  override_data {
    target = data.twilio_user_conversations.unread
    values = {
      total = 0
    }
  }
}

variables {
  configuration_id = "conv_configuration_support"
  chat_service_sid = "IS00000000000000000000000000000001"
  identities       = ["alice", "bob"]
}

run "flags_more_inactive_conversations_than_allowed" {
  command = plan

  variables {
    max_inactive = 1
  }

  assert {
    condition     = output.too_many_inactive
    error_message = "2 inactive conversations are more than 1."
  }
}

run "accepts_as_many_inactive_conversations_as_allowed" {
  command = plan

  variables {
    max_inactive = 2
  }

  assert {
    condition     = !output.too_many_inactive
    error_message = "2 inactive conversations are not more than 2."
  }
}

run "lists_nobody_without_unread_conversations" {
  command = plan

  assert {
    condition     = length(output.users_with_unread) == 0
    error_message = "No user has unread conversations, got ${jsonencode(output.users_with_unread)}."
  }

  assert {
    condition     = output.unread_conversations == tomap({ alice = 0, bob = 0 })
    error_message = "Unexpected counts: ${jsonencode(output.unread_conversations)}."
  }
}

run "lists_users_with_unread_conversations_sorted" {
  command = plan

  variables {
    identities = ["bob", "alice"]
  }

  override_data {
    target = data.twilio_user_conversations.unread
    values = {
      total = 3
    }
  }

  assert {
    condition     = output.users_with_unread == tolist(["alice", "bob"])
    error_message = "Expected alice and bob, sorted, got ${jsonencode(output.users_with_unread)}."
  }

  assert {
    condition     = output.unread_conversations == tomap({ alice = 3, bob = 3 })
    error_message = "Unexpected counts: ${jsonencode(output.unread_conversations)}."
  }
}
