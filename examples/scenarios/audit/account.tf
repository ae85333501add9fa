# The account's own settings: its webhook configuration, address
# configurations, push credentials, and the webhooks of each v1 conversation.

data "twilio_configuration_webhook_v1" "account" {}

data "twilio_address_configurations_v1" "all" {}

data "twilio_credentials_v1" "all" {}

data "twilio_conversations_v1" "each" {
  for_each         = var.check_conversation_webhooks ? local.services : {}
  chat_service_sid = each.key
}

data "twilio_conversation_webhooks_v1" "each" {
  for_each = merge([
    for service, d in data.twilio_conversations_v1.each : { for c in d.conversations : "${service}/${c.sid}" => { service = service, conversation = c.sid } }
  ]...)
  chat_service_sid = each.value.service
  conversation     = each.value.conversation
}

locals {
  auto_creations = [
    for a in data.twilio_address_configurations_v1.all.address_configurations : merge(a.auto_creation, { sid = a.sid, type_of_address = a.type })
    if a.auto_creation != null && try(a.auto_creation.enabled, true) != false
  ]

  account_webhook_urls = concat(
    [
      for kind, url in {
        pre  = data.twilio_configuration_webhook_v1.account.pre_webhook_url
        post = data.twilio_configuration_webhook_v1.account.post_webhook_url
      } : { where = "${kind}-event webhook of the account", url = url }
      if url != null && url != ""
    ],
    [
      for a in local.auto_creations : { where = "auto-creation webhook of address configuration ${a.sid}", url = a.webhook_url }
      if a.webhook_url != null && a.webhook_url != ""
    ],
    [
      for key, d in data.twilio_conversation_webhooks_v1.each : [
        for w in d.webhooks : { where = "webhook ${w.sid} of conversation ${key}", url = try(jsondecode(w.configuration).url, null) }
        if try(jsondecode(w.configuration).url, null) != null
      ]
    ]...
  )

  # What each enabled auto-creation hands its conversations to.
  auto_creation_targets = {
    for a in local.auto_creations : a.sid => (
      a.type == "webhook" ? a.webhook_url :
      a.type == "studio" ? a.studio_flow_sid :
      coalesce(a.conversation_service_sid, "default")
    )
  }

  sandbox_credentials = [
    for c in data.twilio_credentials_v1.all.credentials : "${c.sid} (${c.type})" if lower(tostring(coalesce(c.sandbox, "false"))) == "true"
  ]
}

check "account_webhooks_use_https" {
  assert {
    condition     = alltrue([for w in local.account_webhook_urls : can(regex(local.https, w.url))])
    error_message = "Webhooks not sent over https: ${jsonencode([for w in local.account_webhook_urls : "${w.where}: ${w.url}" if !can(regex(local.https, w.url))])}."
  }
}

check "auto_creation_targets_allowed" {
  assert {
    condition     = alltrue([for sid, target in local.auto_creation_targets : contains(var.allowed_auto_creation_targets, coalesce(target, "none"))])
    error_message = "Address configurations whose auto-creation target is not allowed: ${jsonencode({ for sid, target in local.auto_creation_targets : sid => target if !contains(var.allowed_auto_creation_targets, coalesce(target, "none")) })}."
  }
}

check "no_sandbox_credentials" {
  assert {
    condition     = length(local.sandbox_credentials) == 0
    error_message = "Push credentials that send to Apple's sandbox: ${jsonencode(local.sandbox_credentials)}."
  }
}

output "insecure_account_webhooks" {
  description = "The account's webhooks, auto-creation webhooks and conversation webhooks that are not https, as \"where: url\"."
  value       = [for w in local.account_webhook_urls : "${w.where}: ${w.url}" if !can(regex(local.https, w.url))]
}

output "auto_creation_targets" {
  description = "Each address configuration with auto-creation on, by SID, and what it hands its conversations to."
  value       = local.auto_creation_targets
}

output "sandbox_credentials" {
  description = "Push credentials that send to Apple's sandbox, as \"SID (type)\"."
  value       = local.sandbox_credentials
}
