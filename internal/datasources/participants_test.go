package datasources_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

func TestParticipantsEveryPageAndField(t *testing.T) {
	// One conversation with 7 participants, read 3 at a time: 3, 3 and 1.
	d := emulator.Generate(emulator.GenerateOptions{Seed: 8, Conversations: 3, ParticipantsPerConversation: 7})
	e := startEmulator(t, d, emulator.Faults{})
	c := d.Conversations[1]
	want := make([]knownvalue.Check, len(*c.Participants))
	for i, p := range *c.Participants {
		want[i] = expectParticipant(p)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: e.config(`
data "twilio_participants" "p" {
  conversation_id = "` + c.ID + `"
  page_size       = 3
}
data "twilio_participants" "first_four" {
  conversation_id = "` + c.ID + `"
  page_size       = 3
  max_items       = 4
}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.twilio_participants.p", tfjsonpath.New("participants"), knownvalue.ListExact(want)),
				statecheck.ExpectKnownValue("data.twilio_participants.p", tfjsonpath.New("id"), knownvalue.StringExact("participants?conversation_id="+c.ID)),
				statecheck.ExpectKnownValue("data.twilio_participants.first_four", tfjsonpath.New("participants"), knownvalue.ListExact(want[:4])),
			},
		}},
	})
	for _, r := range e.Requests() {
		if r.Path != "/v2/Conversations/"+c.ID+"/Participants" || r.Query.Get("pageSize") != "3" {
			t.Errorf("unexpected request %s?%s", r.Path, r.RawQuery)
		}
	}
}

func TestParticipantsOfConversationWithoutAny(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 8, Conversations: 10, ParticipantsPerConversation: 1})
	e := startEmulator(t, d, emulator.Faults{})
	empty := d.Conversations[9] // every tenth conversation has no participants
	if empty.Participants != nil {
		t.Fatal("test data changed: conversation 9 has participants")
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: e.config(`data "twilio_participants" "p" { conversation_id = "` + empty.ID + `" }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.twilio_participants.p", tfjsonpath.New("participants"), knownvalue.ListExact([]knownvalue.Check{})),
			},
		}},
	})
}

func TestParticipantsUnknownConversation(t *testing.T) {
	e := startEmulator(t, emulator.Generate(emulator.GenerateOptions{Seed: 1, Conversations: 2}), emulator.Faults{})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config:      e.config(`data "twilio_participants" "p" { conversation_id = "conv_conversation_missing" }`),
			ExpectError: errRe(`Twilio conversation "conv_conversation_missing" not found`, "HTTP 404", "Twilio error 20404"),
		}},
	})
}

func TestParticipantsValidation(t *testing.T) {
	expectPlanErrors(t, "twilio_participants", map[string]planError{
		"missing id":     {``, []string{`The argument "conversation_id" is required`}},
		"empty id":       {`conversation_id = ""`, []string{"conversation_id string length must be at least 1"}},
		"page too large": {`conversation_id = "conv_conversation_x"` + "\npage_size = 1001", []string{"page_size must be a whole number from 1 to 1000"}},
	})
}
