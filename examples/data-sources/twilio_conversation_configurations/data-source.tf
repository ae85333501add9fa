# Every conversation configuration of the account.
data "twilio_conversation_configurations" "all" {}

# Only those of one memory store (a filter Twilio applies).
data "twilio_conversation_configurations" "of_store" {
  memory_store_id = "mem_store_01k1etk2y5f1y9fpe2epfdtvv2"
}

output "configurations_by_name" {
  value = { for c in data.twilio_conversation_configurations.all.configurations : c.display_name => c.id }
}
