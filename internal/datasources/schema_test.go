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
		// Single lookups: the object's attributes, at the top level.
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
			if tc.model == nil {
				_, _, diags := oneInputs(ctx, config)
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
