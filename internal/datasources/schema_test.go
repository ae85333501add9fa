package datasources

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// Every data source's schema is valid and documented, holds its input
// model, and its mapping function builds items of the schema's type, from
// fully null API items too.
func TestSchemas(t *testing.T) {
	ctx := context.Background()
	cases := map[string]struct {
		list  string
		model func(elem attr.Type) any
		item  func(*mapper, tftypes.Type) tftypes.Value
	}{
		"twilio_conversations": {"conversations",
			func(e attr.Type) any { return &conversationsModel{Conversations: types.ListNull(e)} },
			func(m *mapper, t tftypes.Type) tftypes.Value {
				return conversationValue(m, t, client.Conversation{Configuration: &client.ConversationConfig{}, Participants: []client.Participant{{}}})
			}},
		"twilio_participants": {"participants",
			func(e attr.Type) any { return &participantsModel{Participants: types.ListNull(e)} },
			func(m *mapper, t tftypes.Type) tftypes.Value {
				return participantValue(m, t, client.Participant{Addresses: []client.ParticipantAddress{{}}})
			}},
		"twilio_user_conversations": {"conversations",
			func(e attr.Type) any { return &userConversationsModel{Conversations: types.ListNull(e)} },
			func(m *mapper, t tftypes.Type) tftypes.Value {
				return userConversationValue(m, t, client.UserConversation{Timers: &client.Timers{}, Links: &client.Links{}})
			}},
		"twilio_participant_conversations": {"conversations",
			func(e attr.Type) any { return &participantConversationsModel{Conversations: types.ListNull(e)} },
			func(m *mapper, t tftypes.Type) tftypes.Value {
				return participantConversationValue(m, t, client.ParticipantConversation{ParticipantMessagingBinding: &client.MessagingBinding{}, ConversationTimers: &client.Timers{}})
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
		elem := sr.Schema.Attributes[tc.list].(schema.ListNestedAttribute).NestedObject.Type()
		typ := sr.Schema.Type().TerraformType(ctx)
		state := tfsdk.State{Schema: sr.Schema, Raw: tftypes.NewValue(typ, nil)}
		if diags := state.Set(ctx, tc.model(elem)); diags.HasError() {
			t.Fatalf("zero model does not fit the schema: %v", diags)
		}
		nulls := map[string]tftypes.Value{}
		for name, at := range typ.(tftypes.Object).AttributeTypes {
			nulls[name] = tftypes.NewValue(at, nil)
		}
		config := tfsdk.Config{Schema: sr.Schema, Raw: tftypes.NewValue(typ, nulls)}
		if diags := config.Get(ctx, tc.model(elem)); diags.HasError() {
			t.Fatalf("the input model cannot read a configuration: %v", diags)
		}
		var m mapper
		itemType := typ.(tftypes.Object).AttributeTypes[tc.list].(tftypes.List).ElementType
		item := tc.item(&m, itemType)
		if m.diags.HasError() || !item.Type().Equal(itemType) {
			t.Fatalf("mapping a null item: %v, type %s", m.diags, item.Type())
		}
	})
	if len(All()) != len(cases) {
		t.Errorf("%d data sources, %d test cases", len(All()), len(cases))
	}
}

// Every nested object carries its object type, built once by objectType,
// and that type is the one the framework would derive from its attributes.
func TestNestedObjectTypesAreBuiltOnce(t *testing.T) {
	var check func(t *testing.T, path string, attrs map[string]schema.Attribute)
	check = func(t *testing.T, path string, attrs map[string]schema.Attribute) {
		for name, a := range attrs {
			p := path + "." + name
			var cached attr.Type
			var nested map[string]schema.Attribute
			switch a := a.(type) {
			case schema.ListNestedAttribute:
				cached, nested = a.NestedObject.CustomType, a.NestedObject.Attributes
			case schema.SingleNestedAttribute:
				cached, nested = a.CustomType, a.Attributes
			default:
				continue
			}
			derived := schema.NestedAttributeObject{Attributes: nested}.Type()
			if cached == nil {
				t.Errorf("%s: the object type is not built once (use nestedObject or computedObject)", p)
			} else if !cached.Equal(derived) {
				t.Errorf("%s: cached type %s, the framework derives %s", p, cached, derived)
			}
			check(t, p, nested)
		}
	}
	forEachSchema(t, func(t *testing.T, typeName string, sr datasource.SchemaResponse) {
		check(t, typeName, sr.Schema.Attributes)
	})
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
