# The audit against the local emulator serving its generated account (make
# test-modules starts it: `twilio-emulator -seed 1`), which has findings
# planted in every part the audit checks: the "Sales" service and the account
# post their webhooks over plain http, so does one address configuration's
# auto-creation webhook, another hands its conversations to an unexpected
# Studio flow, an APN credential sends to Apple's sandbox, and the
# "integration" role of the default service grants addNonChatParticipant,
# which no default role does. A run fails on a check that fails unexpected,
# so each run names the checks it expects to fail, and asserts on what they
# found.

provider "twilio" {}

variables {
  allowed_auto_creation_targets = [
    "default",
    "IS00000000000000000000000000000001",
    "https://hooks.example.com/autocreate",
    "FW00000000000000000000000000000001",
  ]
}

run "reports_the_planted_findings" {
  command = plan

  expect_failures = [
    check.service_webhooks_use_https,
    check.roles_grant_only_allowed_permissions,
    check.account_webhooks_use_https,
    check.auto_creation_targets_allowed,
    check.no_sandbox_credentials,
  ]

  assert {
    condition     = output.insecure_service_webhooks == ["post-event webhook of Conversation Service IS00000000000000000000000000000002 (Sales): http://hooks.example.com/sales/post"]
    error_message = "Expected only the Sales service's http webhook, got ${jsonencode(output.insecure_service_webhooks)}."
  }

  assert {
    condition     = jsonencode(output.roles_beyond_allowed) == jsonencode({ "IS00000000000000000000000000000001/RL00000000000000000000000000000005 (integration)" = ["addNonChatParticipant"] })
    error_message = "Expected only the integration role, with addNonChatParticipant, got ${jsonencode(output.roles_beyond_allowed)}."
  }

  assert {
    condition     = anytrue([for w in output.insecure_account_webhooks : endswith(w, ": http://hooks.example.com/autocreate")]) && alltrue([for w in output.insecure_account_webhooks : length(regexall(": https://", w)) == 0])
    error_message = "Expected the http auto-creation webhook among the insecure account webhooks, and no https one, got ${jsonencode(output.insecure_account_webhooks)}."
  }

  assert {
    condition     = contains([for sid, target in output.auto_creation_targets : target if !contains(var.allowed_auto_creation_targets, coalesce(target, "none"))], "http://hooks.example.com/autocreate")
    error_message = "Expected the http auto-creation webhook among the targets not allowed, got ${jsonencode(output.auto_creation_targets)}."
  }

  assert {
    condition     = length(output.sandbox_credentials) > 0 && alltrue([for c in output.sandbox_credentials : can(regex("^CR[0-9a-fA-F]{32} ", c))])
    error_message = "Expected the sandbox APN credential, got ${jsonencode(output.sandbox_credentials)}."
  }
}

run "allows_what_the_policy_allows" {
  command = plan

  variables {
    allowed_permissions = [
      "addNonChatParticipant",
      "addParticipant", "createConversation", "deleteAnyMessage", "deleteOwnMessage", "destroyConversation",
      "editAnyMessage", "editAnyMessageAttributes", "editAnyParticipantAttributes", "editAnyUserInfo",
      "editConversationAttributes", "editConversationName", "editNotificationLevel", "editOwnMessage",
      "editOwnMessageAttributes", "editOwnParticipantAttributes", "editOwnUserInfo", "joinConversation",
      "leaveConversation", "removeParticipant", "sendMediaMessage", "sendMessage",
    ]
  }

  expect_failures = [
    check.service_webhooks_use_https,
    check.account_webhooks_use_https,
    check.auto_creation_targets_allowed,
    check.no_sandbox_credentials,
  ]

  assert {
    condition     = length(output.roles_beyond_allowed) == 0
    error_message = "Every permission is allowed, yet roles were reported: ${jsonencode(output.roles_beyond_allowed)}."
  }
}

run "a_strict_policy_flags_the_default_roles_too" {
  command = plan

  variables {
    allowed_permissions = ["sendMessage", "leaveConversation"]
  }

  expect_failures = [
    check.service_webhooks_use_https,
    check.roles_grant_only_allowed_permissions,
    check.account_webhooks_use_https,
    check.auto_creation_targets_allowed,
    check.no_sandbox_credentials,
  ]

  assert {
    condition     = length(output.roles_beyond_allowed) == 5 && contains(output.roles_beyond_allowed["IS00000000000000000000000000000001/RL00000000000000000000000000000002 (service user)"], "createConversation")
    error_message = "Expected the five roles that grant more than sendMessage and leaveConversation, got ${jsonencode(output.roles_beyond_allowed)}."
  }
}
