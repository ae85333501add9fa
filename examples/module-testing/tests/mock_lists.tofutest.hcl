# Unit tests of the module's lists, with a mock provider: OpenTofu only.
#
# OpenTofu (1.10 and 1.12 tested) overrides a list of nested objects such as
# `conversations` when every object gives every attribute of the data
# source's schema, null where the test does not care; a missing one is an
# error that names it. Terraform refuses any such override (as of 1.15.9;
# hashicorp/terraform#37939) and ignores *.tofutest.hcl files, so there the
# lists are tested against the emulator (emulator.tftest.hcl).

mock_provider "twilio" {
  override_data {
    target = data.twilio_conversations.inactive
    values = {
      total = 2
      conversations = [
        {
          id               = "conv_conversation_x"
          status           = "INACTIVE"
          name             = "Refund"
          configuration_id = "conv_configuration_support"
          account_id       = null
          configuration    = null
          created_at       = null
          updated_at       = null
          metadata         = null
          participants     = null
        },
        {
          id               = "conv_conversation_y"
          status           = "INACTIVE"
          name             = null
          configuration_id = "conv_configuration_support"
          account_id       = null
          configuration    = null
          created_at       = null
          updated_at       = null
          metadata         = null
          participants     = null
        },
      ]
    }
  }
}

variables {
  configuration_id = "conv_configuration_support"
  chat_service_sid = "IS00000000000000000000000000000001"
  identities       = []
}

run "lists_the_inactive_conversation_ids_in_order" {
  command = plan

  assert {
    condition     = output.inactive_conversation_ids == tolist(["conv_conversation_x", "conv_conversation_y"])
    error_message = "Expected the mocked conversations in order, got ${jsonencode(output.inactive_conversation_ids)}."
  }

  assert {
    condition     = output.too_many_inactive
    error_message = "2 inactive conversations are more than the default max_inactive of 0."
  }
}

run "an_empty_list_is_no_inactive_conversation" {
  command = plan

  override_data {
    target = data.twilio_conversations.inactive
    values = {
      total         = 0
      conversations = []
    }
  }

  assert {
    condition     = length(output.inactive_conversation_ids) == 0 && !output.too_many_inactive
    error_message = "No conversation was mocked, got ${jsonencode(output.inactive_conversation_ids)}."
  }
}
