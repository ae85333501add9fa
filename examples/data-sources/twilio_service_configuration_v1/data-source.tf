data "twilio_service_configuration_v1" "support" {
  chat_service_sid = "IS00000000000000000000000000000001"
}

# The permissions every new user of the service gets.
data "twilio_role_v1" "default_user_role" {
  sid              = data.twilio_service_configuration_v1.support.default_chat_service_role_sid
  chat_service_sid = data.twilio_service_configuration_v1.support.chat_service_sid
}

output "new_users_may" {
  value = data.twilio_role_v1.default_user_role.permissions
}
