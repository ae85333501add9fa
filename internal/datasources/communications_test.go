package datasources_test

import (
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// optional is null for "", the value otherwise: the emulator leaves out
// an optional field that is not set.
func optional(s string) knownvalue.Check {
	if s == "" {
		return knownvalue.Null()
	}
	return strv(s)
}

func partyChecks(p emulator.CommunicationParty) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{"address": strv(p.Address), "channel": strv(p.Channel), "participant_id": optional(p.ParticipantID)}
}

// communicationChecks are the checks of a communication's attributes,
// its content decoded from the JSON the emulator serves.
func communicationChecks(t *testing.T, c emulator.Communication) map[string]knownvalue.Check {
	t.Helper()
	var content struct {
		Type, Text    string
		Transcription *struct {
			Channel    int64
			Confidence float64
			Engine     string
			Words      []struct{ Text, StartTime, EndTime string }
		}
	}
	if err := json.Unmarshal(c.Content, &content); err != nil {
		t.Fatal(err)
	}
	var transcription knownvalue.Check = knownvalue.Null()
	if tr := content.Transcription; tr != nil {
		words := make([]knownvalue.Check, len(tr.Words))
		for i, w := range tr.Words {
			words[i] = knownvalue.ObjectExact(map[string]knownvalue.Check{"text": strv(w.Text), "start_time": optional(w.StartTime), "end_time": optional(w.EndTime)})
		}
		transcription = knownvalue.ObjectExact(map[string]knownvalue.Check{
			"channel": knownvalue.Int64Exact(tr.Channel), "confidence": knownvalue.Float64Exact(tr.Confidence),
			"engine": strv(tr.Engine), "words": knownvalue.ListExact(words),
		})
	}
	recipients := make([]knownvalue.Check, len(c.Recipients))
	for i, r := range c.Recipients {
		m := partyChecks(r.CommunicationParty)
		m["delivery_status"] = optional(r.DeliveryStatus)
		recipients[i] = knownvalue.ObjectExact(m)
	}
	return map[string]knownvalue.Check{
		"id": strv(c.ID), "conversation_id": strv(c.ConversationID), "account_id": strv(c.AccountID),
		"author":     knownvalue.ObjectExact(partyChecks(c.Author)),
		"content":    knownvalue.ObjectExact(map[string]knownvalue.Check{"type": strv(content.Type), "text": strv(content.Text), "transcription": transcription}),
		"channel_id": optional(c.ChannelID), "resource_id": optional(c.ResourceID), "recipients": knownvalue.ListExact(recipients),
		"created_at": optional(c.CreatedAt), "updated_at": optional(c.UpdatedAt), "occurred_at": optional(c.OccurredAt),
	}
}

// Communications: every page and field of one conversation's, Twilio's
// channelId filter, the provider's channel and time filters, counts, one
// communication and one participant looked up, and the errors of each.
func TestCommunications(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 21, Conversations: 4, ParticipantsPerConversation: 3})
	conv := d.Conversations[0]
	if len(conv.Communications) < 3 {
		t.Fatalf("the generated conversation has %d communications", len(conv.Communications))
	}
	e := startEmulator(t, d, emulator.Faults{})
	all := make([]knownvalue.Check, len(conv.Communications))
	counts := map[string]int64{}
	for i, c := range conv.Communications {
		all[i] = knownvalue.ObjectExact(communicationChecks(t, c))
		counts[c.Author.Channel]++
	}
	countChecks := map[string]knownvalue.Check{}
	for k, n := range counts {
		countChecks[k] = knownvalue.Int64Exact(n)
	}
	first := conv.Communications[0]
	participant := (*conv.Participants)[1]
	addr := "data.twilio_communications.all"
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("communications"), knownvalue.ListExact(all)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("total"), knownvalue.Int64Exact(int64(len(all)))),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("counts_by_channel"), knownvalue.MapExact(countChecks)),
		statecheck.ExpectKnownValue("data.twilio_communications.of_channel", tfjsonpath.New("communications"), knownvalue.ListExact([]knownvalue.Check{all[0]})),
		statecheck.ExpectKnownValue("data.twilio_communications.counted", tfjsonpath.New("communications"), knownvalue.Null()),
		statecheck.ExpectKnownValue("data.twilio_communications.counted", tfjsonpath.New("total"), knownvalue.Int64Exact(counts[first.Author.Channel])),
		statecheck.ExpectKnownValue("data.twilio_communications.before", tfjsonpath.New("total"), knownvalue.Int64Exact(1)),
	}
	checks = append(checks, expectAttributes("data.twilio_communication.one", communicationChecks(t, first))...)
	checks = append(checks, statecheck.ExpectKnownValue("data.twilio_participant.one", tfjsonpath.New("id"), strv(participant.ID)),
		statecheck.ExpectKnownValue("data.twilio_participant.one", tfjsonpath.New("name"), str(participant.Name)),
		statecheck.ExpectKnownValue("data.twilio_participant.one", tfjsonpath.New("type"), strv(participant.Type)),
		statecheck.ExpectKnownValue("data.twilio_participant.one", tfjsonpath.New("created_at"), strv(participant.CreatedAt)))
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: e.config(`
data "twilio_communications" "all" {
  conversation_id = "` + conv.ID + `"
  page_size       = 1
}
data "twilio_communications" "of_channel" {
  conversation_id = "` + conv.ID + `"
  channel_id      = "` + first.ChannelID + `"
}
data "twilio_communications" "counted" {
  conversation_id = "` + conv.ID + `"
  channels        = ["` + first.Author.Channel + `"]
  include_items   = false
}
data "twilio_communications" "before" {
  conversation_id = "` + conv.ID + `"
  occurred_before = "` + conv.Communications[1].OccurredAt + `"
}
data "twilio_communication" "one" {
  conversation_id = "` + conv.ID + `"
  id              = "` + first.ID + `"
}
data "twilio_participant" "one" {
  conversation_id = "` + conv.ID + `"
  id              = "` + participant.ID + `"
}
`),
				ConfigStateChecks: checks,
			},
			{
				Config:      e.config(`data "twilio_communications" "x" { conversation_id = "conv_conversation_missing" }`),
				ExpectError: errRe(`Twilio conversation "conv_conversation_missing" not found`, "Twilio error 20404"),
			},
			{
				Config: e.config(`data "twilio_communication" "x" {
  conversation_id = "` + conv.ID + `"
  id              = "conv_communication_missing"
}`),
				ExpectError: errRe(`Twilio communication "conv_communication_missing" of conversation "`+conv.ID+`" not found`, "Twilio error 20404"),
			},
			{
				Config: e.config(`data "twilio_participant" "x" {
  conversation_id = "` + conv.ID + `"
  id              = "conv_participant_missing"
}`),
				ExpectError: errRe(`Twilio participant "conv_participant_missing" of conversation "`+conv.ID+`" not found`, "Twilio error 20404"),
			},
		},
	})
	// page_size = 1 reads every page, one request each, every time the
	// data source is read.
	pages := 0
	for _, r := range e.Requests() {
		if r.Path == "/v2/Conversations/"+conv.ID+"/Communications" && r.Query.Get("pageSize") == "1" {
			pages++
		}
	}
	if pages == 0 || pages%len(all) != 0 {
		t.Errorf("%d requests of one item each for %d communications", pages, len(all))
	}
	expectPlanErrors(t, "twilio_communications", map[string]planError{
		"no conversation": {``, []string{`The argument "conversation_id" is required`}},
		"page too large":  {`conversation_id = "c"` + "\n" + `page_size = 1001`, []string{"must be a whole number from 1 to 1000"}},
		"bad time":        {`conversation_id = "c"` + "\n" + `occurred_after = "yesterday"`, []string{"Invalid RFC3339 String Value"}},
	})
}
