# Integration tests: the module reads the local emulator, which serves
# tests/fixture.json (make test-modules starts it, and sets TWILIO_BASE_URL
# and the credentials). Nothing here is mocked.

provider "twilio" {}

variables {
  configuration_id = "conv_configuration_support"
  chat_service_sid = "IS00000000000000000000000000000001"
  identities       = ["alice", "bob", "carol"]
}

run "lists_the_inactive_conversations_of_the_configuration" {
  command = plan

  variables {
    max_inactive = 1
  }

  assert {
    condition     = output.too_many_inactive
    error_message = "The configuration has two inactive conversations, more than 1."
  }

  assert {
    condition     = output.inactive_conversation_ids == tolist(["conv_conversation_a", "conv_conversation_d"])
    error_message = "Expected the two INACTIVE conversations of conv_configuration_support, got ${jsonencode(output.inactive_conversation_ids)}."
  }
}

run "counts_unread_open_conversations" {
  command = plan

  # alice: two open conversations with unread messages; bob's unread one is
  # closed; carol's is closed too.
  assert {
    condition     = output.unread_conversations == tomap({ alice = 2, bob = 0, carol = 0 })
    error_message = "Unexpected unread counts: ${jsonencode(output.unread_conversations)}."
  }

  assert {
    condition     = output.users_with_unread == tolist(["alice"])
    error_message = "Expected only alice to have unread open conversations, got ${jsonencode(output.users_with_unread)}."
  }
}

run "audits_the_classic_conversations_still_open" {
  command = plan

  # ticket-1 is active, ticket-3 inactive, ticket-2 closed.
  assert {
    condition     = output.open_classic_conversations == 2
    error_message = "Expected 2 open classic conversations, got ${output.open_classic_conversations}."
  }

  assert {
    condition     = output.oldest_open_classic_conversation == "CH00000000000000000000000000000001"
    error_message = "Expected ticket-1 as the oldest open classic conversation, got ${jsonencode(output.oldest_open_classic_conversation)}."
  }
}

run "another_configuration" {
  command = plan

  variables {
    configuration_id = "conv_configuration_sales"
    identities       = []
  }

  assert {
    condition     = output.inactive_conversation_ids == tolist(["conv_conversation_c"])
    error_message = "Expected conv_conversation_c, got ${jsonencode(output.inactive_conversation_ids)}."
  }

  assert {
    condition     = length(output.users_with_unread) == 0
    error_message = "No identity was given, so no user should be listed."
  }
}
