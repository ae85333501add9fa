# The roles of the account's default Conversation Service; add
# chat_service_sid for another service.
data "twilio_roles_v1" "default" {}

locals {
  allowed_permissions = ["sendMessage", "sendMediaMessage", "leaveConversation", "editOwnMessage", "deleteOwnMessage"]
}

output "roles_granting_more" {
  description = "Each role that grants a permission outside the allowed set, with those permissions."
  value = {
    for r in data.twilio_roles_v1.default.roles : r.friendly_name => setsubtract(coalesce(r.permissions, []), local.allowed_permissions)
    if length(setsubtract(coalesce(r.permissions, []), local.allowed_permissions)) > 0
  }
}
