# Every Conversation Service's webhooks and roles.

data "twilio_service_webhook_configuration_v1" "each" {
  for_each         = local.services
  chat_service_sid = each.key
}

data "twilio_roles_v1" "each" {
  for_each         = local.services
  chat_service_sid = each.key
}

locals {
  service_webhook_urls = flatten([
    for sid, w in data.twilio_service_webhook_configuration_v1.each : [
      for kind, url in { pre = w.pre_webhook_url, post = w.post_webhook_url } :
      { where = "${kind}-event webhook of Conversation Service ${sid} (${local.services[sid].friendly_name})", url = url }
      if url != null && url != ""
    ]
  ])

  # Each role granting a permission outside the allowed set, with those permissions.
  roles_beyond_allowed = merge([
    for sid, d in data.twilio_roles_v1.each : {
      for r in d.roles : "${sid}/${r.sid} (${coalesce(r.friendly_name, "unnamed")})" => sort(tolist(setsubtract(coalesce(r.permissions, []), var.allowed_permissions)))
      if length(setsubtract(coalesce(r.permissions, []), var.allowed_permissions)) > 0
    }
  ]...)
}

check "service_webhooks_use_https" {
  assert {
    condition     = alltrue([for w in local.service_webhook_urls : can(regex(local.https, w.url))])
    error_message = "Webhooks not sent over https: ${jsonencode([for w in local.service_webhook_urls : "${w.where}: ${w.url}" if !can(regex(local.https, w.url))])}."
  }
}

check "roles_grant_only_allowed_permissions" {
  assert {
    condition     = length(local.roles_beyond_allowed) == 0
    error_message = "Roles granting permissions outside allowed_permissions: ${jsonencode(local.roles_beyond_allowed)}."
  }
}

output "insecure_service_webhooks" {
  description = "Webhooks of the Conversation Services that are not https, as \"where: url\"."
  value       = [for w in local.service_webhook_urls : "${w.where}: ${w.url}" if !can(regex(local.https, w.url))]
}

output "roles_beyond_allowed" {
  description = "Each role (service SID/role SID (name)) that grants a permission outside allowed_permissions, with those permissions."
  value       = local.roles_beyond_allowed
}
