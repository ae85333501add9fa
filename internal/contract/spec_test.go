package contract

import (
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// Diff, what scripts/refresh-spec.sh prints, names GET paths added and
// removed, and the parameters and item properties added, removed and
// changed of the paths the data sources read.
func TestDiffSaysWhatChanged(t *testing.T) {
	old := loadSpecs(t)[V2].doc
	changed := loadSpec(t, V2).doc
	item, _, err := ItemSchema(changed, "/v2/Conversations")
	if err != nil {
		t.Fatal(err)
	}
	item.Properties["priorityLevel"] = openapi3.NewIntegerSchema().NewRef()
	delete(Resolve(item.Properties["configuration"]).Properties, "memoryStoreId")
	nullable := *Resolve(item.Properties["id"])
	nullable.Nullable = true
	item.Properties["id"] = openapi3.NewSchemaRef("", &nullable)
	for _, p := range GetOperation(changed, "/v2/Conversations").Parameters {
		if p.Value.Name == "pageSize" {
			size := *p.Value.Schema.Value
			size.Max = openapi3.Ptr(500.0)
			p.Value = &openapi3.Parameter{Name: p.Value.Name, In: p.Value.In, Schema: openapi3.NewSchemaRef("", &size)}
		}
	}
	changed.Paths.Set("/v2/Widgets", &openapi3.PathItem{Get: openapi3.NewOperation()})
	changed.Paths.Delete("/v2/ControlPlane/Configurations/{id}")

	got := Diff(old, changed, map[string][]string{
		"/v2/Conversations":                    {"twilio_conversations"},
		"/v2/ControlPlane/Configurations/{id}": {"twilio_conversation_configuration"},
	})
	want := []string{
		"GET path added: /v2/Widgets",
		"GET path removed: /v2/ControlPlane/Configurations/{id} (read by twilio_conversation_configuration)",
		"GET /v2/Conversations (twilio_conversations):",
		"  parameter changed: pageSize: query, integer 1..1000 → query, integer 1..500",
		"  item property removed: conversations[].configuration.memoryStoreId (was string)",
		"  item property changed: conversations[].id: string → string, nullable",
		"  item property added: conversations[].priorityLevel (integer)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Diff gave:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := Diff(old, old, map[string][]string{"/v2/Conversations": {"twilio_conversations"}}); len(got) != 0 {
		t.Errorf("a spec differs from itself: %v", got)
	}
}

func TestSnakeCase(t *testing.T) {
	for in, want := range map[string]string{
		"accountId": "account_id", "conversationsV1Bridge": "conversations_v1_bridge", "ChatServiceSid": "chat_service_sid",
		"intelligenceConfigurationIds": "intelligence_configuration_ids", "pageSize": "page_size", "date_created": "date_created",
		"id": "id", "URLMap": "url_map", "Identity": "identity",
	} {
		if got := SnakeCase(in); got != want {
			t.Errorf("SnakeCase(%q) = %q, want %q", in, got, want)
		}
	}
}
