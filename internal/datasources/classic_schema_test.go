package datasources

// classicLookupInputs are the inputs of the single lookups that have no
// id, by type name, for TestSchemas.
var classicLookupInputs = map[string][]string{
	"twilio_conversation_v1":         conversationV1Inputs,
	"twilio_participant_v1":          participantV1Inputs,
	"twilio_message_v1":              messageV1Inputs,
	"twilio_conversation_webhook_v1": conversationWebhookV1Inputs,
}
