package datasources

import (
	"context"
	"maps"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// Every data source's schema is valid and documented, its model reads a
// configuration, and its mapping function writes items of the schema's
// type, from fully null API items too.
func TestSchemas(t *testing.T) {
	ctx := context.Background()
	cases := map[string]struct {
		list  string
		model any
		item  func(*stateWriter)
	}{
		"twilio_conversations": {"conversations",
			&conversationsModel{},
			func(w *stateWriter) {
				conversationType.write(w, &client.Conversation{Configuration: &client.ConversationConfig{}, Participants: []*client.Participant{{}, nil}})
			}},
		"twilio_participants": {"participants",
			&participantsModel{},
			func(w *stateWriter) {
				participantType.write(w, &client.Participant{Addresses: []*client.ParticipantAddress{{}, nil}})
			}},
		"twilio_user_conversations": {"conversations",
			&userConversationsModel{},
			func(w *stateWriter) {
				userConversationType.write(w, &client.UserConversation{Timers: &client.Timers{}, Links: client.Links{"a": nil}})
			}},
		"twilio_participant_conversations": {"conversations",
			&participantConversationsModel{},
			func(w *stateWriter) {
				participantConversationType.write(w, &client.ParticipantConversation{ParticipantMessagingBinding: &client.MessagingBinding{}, ConversationTimers: &client.Timers{}})
			}},
		"twilio_conversation_configurations": {"configurations",
			&configurationsModel{},
			func(w *stateWriter) { configurationType.write(w, &client.Configuration{}) }},
		"twilio_conversation_services": {"services",
			&servicesModel{},
			func(w *stateWriter) { serviceType.write(w, &client.Service{Links: client.Links{"a": nil}}) }},
		"twilio_conversation_users": {"users",
			&usersModel{},
			func(w *stateWriter) { userType.write(w, &client.User{}) }},
		"twilio_communications": {"communications",
			&communicationsModel{},
			func(w *stateWriter) {
				communicationType.write(w, &client.Communication{Author: &client.CommunicationParty{}, Recipients: []*client.CommunicationParty{{}, nil},
					Content: &client.CommunicationContent{Transcription: &client.Transcription{Words: []*client.TranscribedWord{{}, nil}}}})
			}},
		"twilio_address_configurations_v1": {"address_configurations",
			&addressConfigurationsModel{},
			func(w *stateWriter) {
				addressConfigurationType.write(w, &client.AddressConfiguration{AutoCreation: &client.AutoCreation{WebhookFilters: []*string{nil}}})
			}},
		// Single lookups: the object's attributes, at the top level.
		"twilio_participant": {"",
			nil,
			func(w *stateWriter) {
				w.object(len(participantType.fields))
				participantType.writeFields(w, &client.Participant{Addresses: []*client.ParticipantAddress{{}, nil}}, itemRef{})
			}},
		"twilio_communication": {"",
			nil,
			func(w *stateWriter) {
				w.object(len(communicationType.fields))
				communicationType.writeFields(w, &client.Communication{}, itemRef{})
			}},
		"twilio_conversation": {"",
			nil,
			func(w *stateWriter) {
				w.object(len(conversationType.fields))
				conversationType.writeFields(w, &client.Conversation{Configuration: &client.ConversationConfig{}}, itemRef{})
			}},
		"twilio_conversation_configuration": {"",
			nil,
			func(w *stateWriter) {
				w.object(len(configurationType.fields))
				configurationType.writeFields(w, &client.Configuration{}, itemRef{})
			}},
		"twilio_address_configuration_v1": {"",
			nil,
			func(w *stateWriter) {
				w.object(len(addressConfigurationType.fields) + 2)
				w.strValue("sid_or_address", "+15551234567")
				w.str("id", nil)
				addressConfigurationType.writeFields(w, &client.AddressConfiguration{AutoCreation: &client.AutoCreation{}}, itemRef{})
			}},
		"twilio_configuration_v1": {"",
			nil,
			func(w *stateWriter) {
				w.object(len(accountConfigurationType.fields) + 1)
				w.strValue("id", "configuration")
				accountConfigurationType.writeFields(w, &client.AccountConfiguration{Links: client.Links{"a": nil}}, itemRef{})
			}},
		"twilio_configuration_webhook_v1": {"",
			nil,
			func(w *stateWriter) {
				w.object(len(configurationWebhookType.fields) + 1)
				w.strValue("id", "configuration_webhook")
				configurationWebhookType.writeFields(w, &client.ConfigurationWebhook{Filters: []*string{nil}}, itemRef{})
			}},
		"twilio_credentials_v1": {"credentials",
			&credentialsModel{},
			func(w *stateWriter) { credentialType.write(w, &client.Credential{}) }},
		"twilio_credential_v1": {"",
			nil,
			func(w *stateWriter) {
				w.object(len(credentialType.fields) + 1)
				w.strValue("id", "CR00000000000000000000000000000001")
				credentialType.writeFields(w, &client.Credential{}, itemRef{})
			}},
		"twilio_conversations_v1": {"conversations",
			&conversationsV1Model{},
			func(w *stateWriter) {
				conversationV1Type.write(w, &client.ConversationV1{Timers: &client.Timers{}, Links: client.Links{"a": nil}})
			}},
		"twilio_conversation_v1": {"", nil,
			func(w *stateWriter) {
				w.object(len(conversationV1Type.fields) + 1)
				writeInputs(w, map[string]string{"sid_or_unique_name": "x"}, conversationV1Inputs, nil)
				conversationV1Type.without("chat_service_sid").writeFields(w, &client.ConversationV1{}, itemRef{})
			}},
		"twilio_participants_v1": {"participants",
			&participantsV1Model{},
			func(w *stateWriter) {
				participantV1Type.write(w, &client.ConversationParticipantV1{MessagingBinding: &client.MessagingBinding{}})
			}},
		"twilio_participant_v1": {"", nil,
			func(w *stateWriter) {
				w.object(len(participantV1Type.fields) + 2)
				writeInputs(w, map[string]string{"conversation": "c", "sid_or_identity": "x"}, participantV1Inputs, nil)
				participantV1Type.without("chat_service_sid").writeFields(w, &client.ConversationParticipantV1{}, itemRef{})
			}},
		"twilio_messages_v1": {"messages",
			&messagesV1Model{},
			func(w *stateWriter) { messageV1Type.write(w, &client.MessageV1{Links: client.Links{"a": nil}}) }},
		"twilio_message_v1": {"", nil,
			func(w *stateWriter) {
				w.object(len(messageV1Type.fields) + 1)
				writeInputs(w, map[string]string{"conversation": "c", "sid": "IM1"}, messageV1Inputs, nil)
				messageV1Fields.writeFields(w, &client.MessageV1{}, itemRef{})
			}},
		"twilio_conversation_webhooks_v1": {"webhooks",
			&conversationWebhooksV1Model{},
			func(w *stateWriter) { conversationWebhookV1Type.write(w, &client.ConversationWebhookV1{}) }},
		"twilio_conversation_webhook_v1": {"", nil,
			func(w *stateWriter) {
				w.object(len(conversationWebhookV1Type.fields) + 1)
				writeInputs(w, map[string]string{"conversation": "c", "sid": "WH1"}, conversationWebhookV1Inputs, nil)
				conversationWebhookV1Fields.writeFields(w, &client.ConversationWebhookV1{}, itemRef{})
			}},
		"twilio_roles_v1": {"roles",
			&rolesModel{},
			func(w *stateWriter) { roleType.write(w, &client.Role{Permissions: []*string{nil}}) }},
		// v1 single lookups, whose inputs are attributes of the object.
		"twilio_role_v1": {"",
			&types.Object{},
			func(w *stateWriter) {
				w.object(len(roleType.fields))
				roleType.writeFields(w, &client.Role{}, itemRef{})
			}},
		"twilio_service_v1": {"",
			&types.Object{},
			func(w *stateWriter) {
				w.object(len(serviceType.fields))
				serviceType.writeFields(w, &client.Service{}, itemRef{})
			}},
		"twilio_service_configuration_v1": {"",
			&types.Object{},
			func(w *stateWriter) {
				w.object(len(serviceConfigurationType.fields))
				serviceConfigurationType.writeFields(w, &client.ServiceConfiguration{}, itemRef{})
			}},
		"twilio_service_notification_v1": {"",
			&types.Object{},
			func(w *stateWriter) {
				w.object(len(serviceNotificationType.fields))
				serviceNotificationType.writeFields(w, &client.ServiceNotification{}, itemRef{})
			}},
		"twilio_service_webhook_configuration_v1": {"",
			&types.Object{},
			func(w *stateWriter) {
				w.object(len(serviceWebhookConfigurationType.fields))
				serviceWebhookConfigurationType.writeFields(w, &client.ServiceWebhookConfiguration{Filters: []*string{nil}}, itemRef{})
			}},
		"twilio_bindings_v1": {"bindings",
			&bindingsModel{},
			func(w *stateWriter) { bindingType.write(w, &client.Binding{MessageTypes: []*string{nil}}) }},
		"twilio_binding_v1": {"",
			&types.Object{},
			func(w *stateWriter) {
				w.object(len(bindingType.fields))
				bindingType.writeFields(w, &client.Binding{}, itemRef{})
			}},
		"twilio_user_v1": {"",
			&types.Object{},
			func(w *stateWriter) {
				w.object(len(userType.fields))
				userType.writeFields(w, &client.User{}, itemRef{})
			}},
	}
	forEachSchema(t, func(t *testing.T, typeName string, sr datasource.SchemaResponse) {
		if diags := sr.Schema.ValidateImplementation(ctx); diags.HasError() {
			t.Fatal(diags)
		}
		if sr.Schema.MarkdownDescription == "" {
			t.Error("no description")
		}
		for name, a := range sr.Schema.Attributes {
			if a.GetMarkdownDescription() == "" {
				t.Errorf("%s has no description", name)
			}
		}
		tc, ok := cases[typeName]
		if !ok {
			t.Fatal("no test case for this data source")
		}
		typ := sr.Schema.Type().TerraformType(ctx)
		nulls := map[string]tftypes.Value{}
		for name, at := range typ.(tftypes.Object).AttributeTypes {
			nulls[name] = tftypes.NewValue(at, nil)
		}
		config := tfsdk.Config{Schema: sr.Schema, Raw: tftypes.NewValue(typ, nulls)}
		read := func() diag.Diagnostics {
			if names, ok := classicLookupInputs[typeName]; ok {
				_, _, diags := lookupInputs(ctx, config, names...)
				return diags
			}
			if tc.model == nil {
				_, _, diags := lookupInputs(ctx, config, "id")
				return diags
			}
			return config.Get(ctx, tc.model)
		}
		if diags := read(); diags.HasError() {
			t.Fatalf("the input model cannot read a configuration: %v", diags)
		}
		w := newStateWriter()
		tc.item(w)
		var itemType tftypes.Type
		if tc.list != "" {
			itemType = typ.(tftypes.Object).AttributeTypes[tc.list].(tftypes.List).ElementType
		} else {
			attrs := maps.Clone(typ.(tftypes.Object).AttributeTypes)
			delete(attrs, "timeouts")
			itemType = tftypes.Object{AttributeTypes: attrs}
		}
		if _, err := (&tfprotov6.DynamicValue{MsgPack: w.buf.Bytes()}).Unmarshal(itemType); err != nil || w.err != nil {
			t.Fatalf("an item of null values does not decode against the schema: %v %v", err, w.err)
		}
	})
	if len(All()) != len(cases) {
		t.Errorf("%d data sources, %d test cases", len(All()), len(cases))
	}
}

// forEachSchema runs test on the schema of every data source, in a subtest
// named after its type.
func forEachSchema(t *testing.T, test func(t *testing.T, typeName string, sr datasource.SchemaResponse)) {
	ctx := context.Background()
	for _, newDS := range All() {
		ds := newDS()
		var md datasource.MetadataResponse
		ds.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "twilio"}, &md)
		t.Run(md.TypeName, func(t *testing.T) {
			var sr datasource.SchemaResponse
			ds.Schema(ctx, datasource.SchemaRequest{}, &sr)
			test(t, md.TypeName, sr)
		})
	}
}
