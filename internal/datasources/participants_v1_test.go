package datasources_test

import (
	"fmt"
	"net/url"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

func strOrNullV(s string) knownvalue.Check {
	if s == "" {
		return knownvalue.Null()
	}
	return strv(s)
}

// serviceOrNull is the chat_service_sid of an item read in variant: Twilio
// sends it only when the service is in the path.
func serviceOrNull(variant string) knownvalue.Check { return strOrNullV(variant) }

func binding(b *emulator.MessagingBinding) knownvalue.Check {
	if b == nil {
		return knownvalue.Null()
	}
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"address": strv(b.Address), "proxy_address": str(b.ProxyAddress), "projected_address": str(b.ProjectedAddress),
		"type": strv(b.Type), "level": str(b.Level), "name": str(b.Name),
	})
}

func participantV1Fields(d *emulator.Dataset, variant string, c emulator.V1Conversation, p emulator.V1Participant) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{
		"sid": strv(p.Sid), "account_sid": strv(d.AccountSid), "chat_service_sid": serviceOrNull(variant), "conversation_sid": strv(c.Sid),
		"identity": str(p.Identity), "attributes": strv(orEmptyObject(p.Attributes)), "messaging_binding": binding(p.MessagingBinding),
		"role_sid": str(p.RoleSid), "date_created": strOrNullV(p.DateCreated), "date_updated": strOrNullV(p.DateUpdated),
		"url":                     strv(classicBase(variant) + "/" + c.Sid + "/Participants/" + p.Sid),
		"last_read_message_index": intp(p.LastReadMessageIndex), "last_read_timestamp": str(p.LastReadTimestamp),
	}
}

func participantsV1(d *emulator.Dataset, variant string, c emulator.V1Conversation) ([]knownvalue.Check, map[string]knownvalue.Check) {
	var out []knownvalue.Check
	counts := map[string]int{}
	for _, p := range c.Participants {
		out = append(out, knownvalue.ObjectExact(participantV1Fields(d, variant, c, p)))
		if p.MessagingBinding == nil {
			counts["chat"]++
		} else {
			counts[p.MessagingBinding.Type]++
		}
	}
	return out, countChecks(counts)
}

func TestParticipantsV1(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 33, V1Conversations: 6, Users: 4})
	e := startEmulator(t, d, emulator.Faults{})
	support, sales := d.Services[0], d.Services[1]
	named := support.Conversations[1] // has a unique name; 3 participants: 2 chat, 1 whatsapp
	salesConv := sales.Conversations[2]
	all, counts := participantsV1(d, "", named)
	viaService, _ := participantsV1(d, support.Sid, named)
	salesAll, salesCounts := participantsV1(d, sales.Sid, salesConv)
	if len(all) != 3 || len(salesAll) != 3 || named.UniqueName == nil {
		t.Fatalf("test data: %d, %d participants", len(all), len(salesAll))
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: e.config(fmt.Sprintf(`
data "twilio_participants_v1" "by_name" {
  conversation = %q
  page_size    = 2
}
data "twilio_participants_v1" "via_service" {
  chat_service_sid = %q
  conversation     = %q
}
data "twilio_participants_v1" "sales" {
  chat_service_sid = %q
  conversation     = %q
  include_items    = false
}
data "twilio_participants_v1" "late" {
  conversation  = %q
  created_after = %q
}
`, *named.UniqueName, support.Sid, named.Sid, sales.Sid, salesConv.Sid, named.Sid, named.Participants[0].DateCreated)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.twilio_participants_v1.by_name", tfjsonpath.New("participants"), knownvalue.ListExact(all)),
					statecheck.ExpectKnownValue("data.twilio_participants_v1.by_name", tfjsonpath.New("counts_by_channel"), knownvalue.MapExact(counts)),
					statecheck.ExpectKnownValue("data.twilio_participants_v1.by_name", tfjsonpath.New("id"), strv("participants_v1?inputs_digest="+inputsDigest(url.Values{"conversation_unique_name": {*named.UniqueName}}))),
					statecheck.ExpectKnownValue("data.twilio_participants_v1.via_service", tfjsonpath.New("participants"), knownvalue.ListExact(viaService)),
					statecheck.ExpectKnownValue("data.twilio_participants_v1.via_service", tfjsonpath.New("id"),
						strv("participants_v1?chat_service_sid="+support.Sid+"&conversation="+named.Sid)),
					statecheck.ExpectKnownValue("data.twilio_participants_v1.sales", tfjsonpath.New("participants"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.twilio_participants_v1.sales", tfjsonpath.New("total"), knownvalue.Int64Exact(3)),
					statecheck.ExpectKnownValue("data.twilio_participants_v1.sales", tfjsonpath.New("counts_by_channel"), knownvalue.MapExact(salesCounts)),
					statecheck.ExpectKnownValue("data.twilio_participants_v1.late", tfjsonpath.New("participants"), knownvalue.ListExact(all[1:])),
				},
			},
			{
				Config:      e.config(`data "twilio_participants_v1" "x" { conversation = "CH0000000000000000000000000000dead" }`),
				ExpectError: errRe(`Twilio conversation "CH0000000000000000000000000000dead" not found`, "20404"),
			},
		},
	})
	if n := e.count(200); n == 0 {
		t.Fatal("no request succeeded")
	}
	pages := map[string]int{}
	for _, r := range e.Requests() {
		pages[r.Path+" "+r.Query.Get("PageSize")]++
	}
	for key, per := range map[string]int{
		"/v1/Conversations/" + *named.UniqueName + "/Participants 2":                          2,
		"/v1/Services/" + sales.Sid + "/Conversations/" + salesConv.Sid + "/Participants 100": 1,
	} {
		if n := pages[key]; n == 0 || n%per != 0 {
			t.Errorf("%q: %d requests, want a multiple of %d; all: %v", key, n, per, pages)
		}
	}
	expectPlanErrors(t, "twilio_participants_v1", map[string]planError{
		"no conversation": {``, []string{`The argument "conversation" is required`}},
		"page size":       {`conversation = "c"` + "\npage_size = 101", []string{"page_size must be a whole number from 1 to 100: got 101"}},
	})
}

func TestParticipantV1(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 34, V1Conversations: 4, Users: 4})
	e := startEmulator(t, d, emulator.Faults{})
	support, sales := d.Services[0], d.Services[1]
	c := support.Conversations[2]
	chat, sms := c.Participants[1], c.Participants[2]
	salesConv := sales.Conversations[1]
	salesP := salesConv.Participants[0]
	if chat.Identity == nil || sms.MessagingBinding == nil || salesP.Identity == nil {
		t.Fatal("test data")
	}
	var checks []statecheck.StateCheck
	add := func(name string, fields map[string]knownvalue.Check) {
		for k, v := range fields {
			checks = append(checks, statecheck.ExpectKnownValue("data.twilio_participant_v1."+name, tfjsonpath.New(k), v))
		}
	}
	add("by_identity", participantV1Fields(d, "", c, chat))
	add("by_sid", participantV1Fields(d, "", c, sms))
	salesFields := participantV1Fields(d, sales.Sid, salesConv, salesP)
	salesFields["sid_or_identity"] = strv(*salesP.Identity)
	salesFields["conversation"] = strv(salesConv.Sid)
	add("sales", salesFields)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: e.config(fmt.Sprintf(`
data "twilio_participant_v1" "by_identity" {
  conversation    = %q
  sid_or_identity = %q
}
data "twilio_participant_v1" "by_sid" {
  conversation    = %q
  sid_or_identity = %q
}
data "twilio_participant_v1" "sales" {
  chat_service_sid = %q
  conversation     = %q
  sid_or_identity  = %q
}
`, c.Sid, *chat.Identity, c.Sid, sms.Sid, sales.Sid, salesConv.Sid, *salesP.Identity)),
				ConfigStateChecks: checks,
			},
			{
				Config: e.config(fmt.Sprintf(`
data "twilio_participant_v1" "x" {
  conversation    = %q
  sid_or_identity = "nobody"
}`, c.Sid)),
				ExpectError: errRe(`Twilio conversation "`+c.Sid+`" or participant "nobody" not found`, "20404"),
			},
		},
	})
	expectPlanErrors(t, "twilio_participant_v1", map[string]planError{
		"no participant": {`conversation = "c"`, []string{`The argument "sid_or_identity" is required`}},
		"bad service":    {"conversation = \"c\"\nsid_or_identity = \"a\"\nchat_service_sid = \"IS1\"", []string{"chat_service_sid", "IS followed by 32"}},
	})
}
