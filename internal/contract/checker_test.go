package contract

import (
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// The checker of TestEveryPropertyIsAnAttribute fails on a spec with one
// more property, top-level or nested, naming it and the attribute it
// wants; on a property whose type changed; and stops failing once the
// property is in Excluded. It runs on a copy of the spec, changed here.
func TestCheckerNamesANewProperty(t *testing.T) {
	ep := endpoint(t, "twilio_conversations")
	s := dataSources(t)[ep.DataSource]
	baseline := checkEndpoint(loadSpecs(t)[V2].doc, ep, s, Excluded, NotInSpec).problems

	changed := loadSpec(t, V2).doc
	item, _, err := ItemSchema(changed, "/v2/Conversations")
	if err != nil {
		t.Fatal(err)
	}
	item.Properties["priorityLevel"] = openapi3.NewIntegerSchema().NewRef()
	Resolve(item.Properties["configuration"]).Properties["routingHint"] = openapi3.NewStringSchema().NewRef()
	item.Properties["name"] = openapi3.NewBoolSchema().NewRef()

	got := newProblems(checkEndpoint(changed, ep, s, Excluded, NotInSpec).problems, baseline)
	want := []string{
		"GET /v2/Conversations: property conversations[].configuration.routingHint (string) is not an attribute of twilio_conversations: " +
			"map it as conversations[].configuration.routing_hint, or add it to contract.Excluded with the reason it is left out",
		"GET /v2/Conversations: property conversations[].name (boolean) wants a bool, but twilio_conversations has conversations[].name as a string",
		"GET /v2/Conversations: property conversations[].priorityLevel (integer) is not an attribute of twilio_conversations: " +
			"map it as conversations[].priority_level, or add it to contract.Excluded with the reason it is left out",
	}
	if !slices.Equal(got, want) {
		t.Errorf("the changed spec gave:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	excluded := append(slices.Clone(Excluded),
		Exclusion{DataSource: ep.DataSource, Property: "priorityLevel", Reason: "a test"},
		Exclusion{DataSource: ep.DataSource, Property: "configuration.routingHint", Reason: "a test"})
	r := checkEndpoint(changed, ep, s, excluded, NotInSpec)
	if got := newProblems(r.problems, baseline); len(got) != 1 || !strings.Contains(got[0], "conversations[].name") {
		t.Errorf("with both new properties excluded: %v", got)
	}
	if len(r.excluded) != 2 {
		t.Errorf("exclusions applied: %v", r.excluded)
	}
}

// A property of v1, nested in a list of maps, and a changed kind there,
// are found as well: the v1 users' links become a list.
func TestCheckerFollowsV1Items(t *testing.T) {
	ep := endpoint(t, "twilio_conversation_users")
	s := dataSources(t)[ep.DataSource]
	baseline := checkEndpoint(loadSpecs(t)[V1].doc, ep, s, Excluded, NotInSpec).problems
	changed := loadSpec(t, V1).doc
	item, _, err := ItemSchema(changed, ep.Paths[0])
	if err != nil {
		t.Fatal(err)
	}
	// The item is a shared component: this copy of the spec is this test's.
	item.Properties["last_seen"] = openapi3.NewDateTimeSchema().NewRef()
	item.Properties["links"] = openapi3.NewArraySchema().WithItems(openapi3.NewStringSchema()).NewRef()
	got := newProblems(checkEndpoint(changed, ep, s, Excluded, NotInSpec).problems, baseline)
	want := []string{
		"GET /v1/Services/{ChatServiceSid}/Users: property users[].last_seen (string date-time) is not an attribute of twilio_conversation_users: " +
			"map it as users[].last_seen, or add it to contract.Excluded with the reason it is left out",
		"GET /v1/Services/{ChatServiceSid}/Users: property users[].links (list of string) wants a list, but twilio_conversation_users has users[].links as a map of string",
	}
	if !slices.Equal(got, want) {
		t.Errorf("the changed spec gave:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// newProblems are the problems of got that are not in baseline.
func newProblems(got, baseline []string) []string {
	var out []string
	for _, p := range got {
		if !slices.Contains(baseline, p) {
			out = append(out, p)
		}
	}
	return out
}

// The checker looks into a oneOf (a communication's content, mapped as
// one object with the properties of every schema) and an allOf (its
// recipients): a property added to one of their schemas fails it too.
func TestCheckerLooksIntoCompositions(t *testing.T) {
	ep := endpoint(t, "twilio_communications")
	s := dataSources(t)[ep.DataSource]
	baseline := checkEndpoint(loadSpecs(t)[V2].doc, ep, s, Excluded, NotInSpec).problems
	changed := loadSpec(t, V2).doc
	item, _, err := ItemSchema(changed, ep.Paths[0])
	if err != nil {
		t.Fatal(err)
	}
	// The second schema of content, and the second of the recipients' allOf.
	Resolve(item.Properties["content"].Value.OneOf[1]).Properties["language"] = openapi3.NewStringSchema().NewRef()
	Resolve(item.Properties["recipients"]).Items.Value.AllOf[1].Value.Properties["readAt"] = openapi3.NewDateTimeSchema().NewRef()
	got := newProblems(checkEndpoint(changed, ep, s, Excluded, NotInSpec).problems, baseline)
	want := []string{
		"GET /v2/Conversations/{ConversationId}/Communications: property communications[].content.language (string) is not an attribute of twilio_communications: " +
			"map it as communications[].content.language, or add it to contract.Excluded with the reason it is left out",
		"GET /v2/Conversations/{ConversationId}/Communications: property communications[].recipients[].readAt (string date-time) is not an attribute of twilio_communications: " +
			"map it as communications[].recipients[].read_at, or add it to contract.Excluded with the reason it is left out",
	}
	if !slices.Equal(got, want) {
		t.Errorf("the changed spec gave:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// An attribute that no property matches fails, unless a property of
// another path of the row matches it: the classic participants of a
// service have chat_service_sid, those of the default service do not.
func TestCheckerNamesAnAttributeOfNoProperty(t *testing.T) {
	ep := endpoint(t, "twilio_participants_v1")
	s := dataSources(t)[ep.DataSource]
	baseline := checkEndpoint(loadSpecs(t)[V1].doc, ep, s, Excluded, NotInSpec).problems
	changed := loadSpec(t, V1).doc
	for _, p := range ep.Paths {
		item, _, err := ItemSchema(changed, p)
		if err != nil {
			t.Fatal(err)
		}
		delete(item.Properties, "chat_service_sid")
	}
	got := newProblems(checkEndpoint(changed, ep, s, Excluded, NotInSpec).problems, baseline)
	want := []string{"GET /v1/Conversations/{ConversationSid}/Participants, GET /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Participants: " +
		"attribute participants[].chat_service_sid of twilio_participants_v1 is no property of the items: remove it, or add it to contract.NotInSpec with the reason"}
	if !slices.Equal(got, want) {
		t.Errorf("the changed spec gave:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
