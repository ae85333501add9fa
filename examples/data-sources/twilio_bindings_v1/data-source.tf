# The Apple and Firebase push registrations of two users.
data "twilio_bindings_v1" "devices" {
  chat_service_sid = "IS00000000000000000000000000000001"
  binding_types    = ["apn", "fcm"]
  identities       = ["alice", "bob.smith"]
}

output "push_registrations_by_type" {
  value = data.twilio_bindings_v1.devices.counts_by_binding_type
}
