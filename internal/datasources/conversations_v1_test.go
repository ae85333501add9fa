package datasources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// classicBase is the URL of a service's conversations as Twilio names
// them: /v1/Conversations in the default variant, read without
// chat_service_sid, and /v1/Services/{sid}/Conversations with it.
func classicBase(service string) string {
	if service == "" {
		return "https://conversations.twilio.com/v1/Conversations"
	}
	return "https://conversations.twilio.com/v1/Services/" + service + "/Conversations"
}

func orEmptyObject(s string) string {
	if s == "" {
		return "{}"
	}
	return s
}

func rawOrNull(b []byte) knownvalue.Check {
	if b == nil {
		return knownvalue.Null()
	}
	return strv(string(b))
}

// conversationV1Fields are the attributes of conversation c of service
// svc, read in variant (svc.Sid, or "" for the default service).
func conversationV1Fields(d *emulator.Dataset, svc emulator.Service, variant string, c emulator.V1Conversation) map[string]knownvalue.Check {
	u := classicBase(variant) + "/" + c.Sid
	return map[string]knownvalue.Check{
		"sid": strv(c.Sid), "account_sid": strv(d.AccountSid), "chat_service_sid": strv(svc.Sid), "messaging_service_sid": str(c.MessagingServiceSid),
		"friendly_name": str(c.FriendlyName), "unique_name": str(c.UniqueName), "attributes": strv(orEmptyObject(c.Attributes)), "state": strv(c.State),
		"date_created": strv(c.DateCreated), "date_updated": strv(c.DateUpdated), "timers": timers(c.Timers), "url": strv(u),
		"links":    knownvalue.MapExact(map[string]knownvalue.Check{"participants": strv(u + "/Participants"), "messages": strv(u + "/Messages"), "webhooks": strv(u + "/Webhooks")}),
		"bindings": rawOrNull(c.Bindings),
	}
}

func conversationsV1(d *emulator.Dataset, svc emulator.Service, variant string, keep func(emulator.V1Conversation) bool) ([]knownvalue.Check, map[string]knownvalue.Check) {
	var out []knownvalue.Check
	counts := map[string]int{}
	for _, c := range svc.Conversations {
		if keep == nil || keep(c) {
			out = append(out, knownvalue.ObjectExact(conversationV1Fields(d, svc, variant, c)))
			counts[c.State]++
		}
	}
	return out, countChecks(counts)
}

func countChecks(counts map[string]int) map[string]knownvalue.Check {
	m := map[string]knownvalue.Check{}
	for k, v := range counts {
		m[k] = knownvalue.Int64Exact(int64(v))
	}
	return m
}

// Every page and field of both variants, Twilio's filters, the provider's
// windows, counts alone and max_items.
func TestConversationsV1(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 31, V1Conversations: 9, Users: 3})
	e := startEmulator(t, d, emulator.Faults{})
	support, sales := d.Services[0], d.Services[1]
	all, counts := conversationsV1(d, support, "", nil)
	salesAll, salesCounts := conversationsV1(d, sales, sales.Sid, nil)
	closed, _ := conversationsV1(d, support, "", func(c emulator.V1Conversation) bool { return c.State == "closed" })
	windowStart, windowEnd := support.Conversations[2].DateCreated, support.Conversations[6].DateCreated
	// Twilio's date filters are inclusive and list newest first.
	var byDate []knownvalue.Check
	for i := 6; i >= 2; i-- {
		byDate = append(byDate, knownvalue.ObjectExact(conversationV1Fields(d, support, "", support.Conversations[i])))
	}
	// The provider's windows are exclusive, in the API's order.
	created, _ := conversationsV1(d, support, "", func(c emulator.V1Conversation) bool {
		return c.DateCreated > windowStart && c.DateCreated < windowEnd
	})
	if len(all) != 9 || len(closed) != 2 || len(salesAll) != 3 || len(created) != 3 {
		t.Fatalf("test data: %d, %d, %d, %d", len(all), len(closed), len(salesAll), len(created))
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: e.config(fmt.Sprintf(`
data "twilio_conversations_v1" "all" { page_size = 4 }
data "twilio_conversations_v1" "sales" { chat_service_sid = %q }
data "twilio_conversations_v1" "counts" {
  chat_service_sid = %q
  include_items    = false
  page_size        = 2
}
data "twilio_conversations_v1" "closed" { state = "closed" }
data "twilio_conversations_v1" "by_date" {
  start_date = %q
  end_date   = %q
  page_size  = 2
}
data "twilio_conversations_v1" "created" {
  created_after  = %q
  created_before = %q
}
data "twilio_conversations_v1" "first_five" { max_items = 5 }
`, sales.Sid, support.Sid, windowStart, windowEnd, windowStart, windowEnd)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.twilio_conversations_v1.all", tfjsonpath.New("conversations"), knownvalue.ListExact(all)),
				statecheck.ExpectKnownValue("data.twilio_conversations_v1.all", tfjsonpath.New("counts_by_state"), knownvalue.MapExact(counts)),
				statecheck.ExpectKnownValue("data.twilio_conversations_v1.all", tfjsonpath.New("id"), strv("conversations_v1")),
				statecheck.ExpectKnownValue("data.twilio_conversations_v1.sales", tfjsonpath.New("conversations"), knownvalue.ListExact(salesAll)),
				statecheck.ExpectKnownValue("data.twilio_conversations_v1.sales", tfjsonpath.New("counts_by_state"), knownvalue.MapExact(salesCounts)),
				statecheck.ExpectKnownValue("data.twilio_conversations_v1.counts", tfjsonpath.New("conversations"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.twilio_conversations_v1.counts", tfjsonpath.New("total"), knownvalue.Int64Exact(9)),
				statecheck.ExpectKnownValue("data.twilio_conversations_v1.counts", tfjsonpath.New("counts_by_state"), knownvalue.MapExact(counts)),
				statecheck.ExpectKnownValue("data.twilio_conversations_v1.closed", tfjsonpath.New("conversations"), knownvalue.ListExact(closed)),
				statecheck.ExpectKnownValue("data.twilio_conversations_v1.closed", tfjsonpath.New("id"), strv("conversations_v1?state=closed")),
				statecheck.ExpectKnownValue("data.twilio_conversations_v1.by_date", tfjsonpath.New("conversations"), knownvalue.ListExact(byDate)),
				statecheck.ExpectKnownValue("data.twilio_conversations_v1.created", tfjsonpath.New("conversations"), knownvalue.ListExact(created)),
				statecheck.ExpectKnownValue("data.twilio_conversations_v1.first_five", tfjsonpath.New("conversations"), knownvalue.ListExact(all[:5])),
			},
		}},
	})
	pages := map[string]int{}
	for _, r := range e.Requests() {
		pages[r.Path+" "+r.Query.Get("PageSize")+" "+r.Query.Get("State")+r.Query.Get("StartDate")+r.Query.Get("EndDate")]++
	}
	for key, per := range map[string]int{
		"/v1/Conversations 4 ": 3, "/v1/Services/" + sales.Sid + "/Conversations 100 ": 1, "/v1/Services/" + support.Sid + "/Conversations 2 ": 5,
		"/v1/Conversations 100 closed": 1, "/v1/Conversations 2 " + windowStart + windowEnd: 3, "/v1/Conversations 5 ": 1,
	} {
		if n := pages[key]; n == 0 || n%per != 0 {
			t.Errorf("%q: %d requests, want a multiple of %d; all: %v", key, n, per, pages)
		}
	}
	expectPlanErrors(t, "twilio_conversations_v1", map[string]planError{
		"bad state":      {`state = "open"`, []string{"state", "value must be one of"}},
		"bad service":    {`chat_service_sid = "CH00000000000000000000000000000001"`, []string{"chat_service_sid", "IS followed by 32 hexadecimal digits"}},
		"page size":      {`page_size = 101`, []string{"page_size must be a whole number from 1 to 100: got 101"}},
		"bad start date": {`start_date = "2025-01-06"`, []string{"Invalid RFC3339 String Value", "start_date"}},
	})
}

// One conversation by SID or unique name, in both variants, and not found.
func TestConversationV1(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 32, V1Conversations: 5, Users: 3})
	e := startEmulator(t, d, emulator.Faults{})
	support, sales := d.Services[0], d.Services[1]
	named, unnamed, salesConv := support.Conversations[1], support.Conversations[0], sales.Conversations[2]
	if named.UniqueName == nil || unnamed.UniqueName != nil {
		t.Fatal("test data: conversation 1 must have a unique name, 0 none")
	}
	check := func(name string, fields map[string]knownvalue.Check, inputs map[string]knownvalue.Check) []statecheck.StateCheck {
		var out []statecheck.StateCheck
		for k, v := range fields {
			out = append(out, statecheck.ExpectKnownValue("data.twilio_conversation_v1."+name, tfjsonpath.New(k), v))
		}
		for k, v := range inputs {
			out = append(out, statecheck.ExpectKnownValue("data.twilio_conversation_v1."+name, tfjsonpath.New(k), v))
		}
		return out
	}
	var checks []statecheck.StateCheck
	checks = append(checks, check("by_name", conversationV1Fields(d, support, "", named), map[string]knownvalue.Check{"sid_or_unique_name": strv(*named.UniqueName)})...)
	checks = append(checks, check("by_sid", conversationV1Fields(d, support, "", unnamed), map[string]knownvalue.Check{"sid_or_unique_name": strv(unnamed.Sid)})...)
	checks = append(checks, check("sales", conversationV1Fields(d, sales, sales.Sid, salesConv), nil)...)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: e.config(fmt.Sprintf(`
data "twilio_conversation_v1" "by_name" { sid_or_unique_name = %q }
data "twilio_conversation_v1" "by_sid" { sid_or_unique_name = %q }
data "twilio_conversation_v1" "sales" {
  chat_service_sid   = %q
  sid_or_unique_name = %q
}
`, *named.UniqueName, unnamed.Sid, sales.Sid, salesConv.Sid)),
				ConfigStateChecks: checks,
			},
			{
				// A conversation of another service is not in the default one.
				Config:      e.config(fmt.Sprintf(`data "twilio_conversation_v1" "x" { sid_or_unique_name = %q }`, salesConv.Sid)),
				ExpectError: errRe(`Twilio conversation "`+salesConv.Sid+`" not found`, "20404"),
			},
			{
				Config:      e.config("data \"twilio_conversation_v1\" \"x\" {\n  sid_or_unique_name = \"ticket-nope\"\n  chat_service_sid = \"" + sales.Sid + "\"\n}"),
				ExpectError: errRe(`Twilio Conversation Service "` + sales.Sid + `" or conversation "ticket-nope" not found`),
			},
		},
	})
	paths := map[string]bool{}
	for _, r := range e.Requests() {
		paths[r.Path] = true
	}
	for _, p := range []string{"/v1/Conversations/" + *named.UniqueName, "/v1/Services/" + sales.Sid + "/Conversations/" + salesConv.Sid} {
		if !paths[p] {
			t.Errorf("no request to %s: %v", p, paths)
		}
	}
	expectPlanErrors(t, "twilio_conversation_v1", map[string]planError{
		"no conversation": {``, []string{`The argument "sid_or_unique_name" is required`}},
		"empty":           {`sid_or_unique_name = ""`, []string{"sid_or_unique_name", "at least 1"}},
		"bad service":     {`sid_or_unique_name = "x"` + "\n" + `chat_service_sid = "IS1"`, []string{"chat_service_sid", "IS followed by 32"}},
	})
}
