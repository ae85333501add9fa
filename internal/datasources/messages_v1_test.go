package datasources_test

import (
	"fmt"
	"net/url"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

func messageV1Fields(d *emulator.Dataset, variant string, c emulator.V1Conversation, m emulator.V1Message) map[string]knownvalue.Check {
	u := classicBase(variant) + "/" + c.Sid + "/Messages/" + m.Sid
	return map[string]knownvalue.Check{
		"sid": strv(m.Sid), "account_sid": strv(d.AccountSid), "chat_service_sid": serviceOrNull(variant), "conversation_sid": strv(c.Sid),
		"index": knownvalue.Int64Exact(int64(m.Index)), "author": str(m.Author), "body": str(m.Body), "media": rawOrNull(m.Media),
		"attributes": strv(orEmptyObject(m.Attributes)), "participant_sid": str(m.ParticipantSid), "date_created": strv(m.DateCreated),
		"date_updated": str(m.DateUpdated), "url": strv(u), "delivery": rawOrNull(m.Delivery), "content_sid": str(m.ContentSid),
		"links": knownvalue.MapExact(map[string]knownvalue.Check{"delivery_receipts": strv(u + "/Receipts"), "channel_metadata": strv(u + "/ChannelMetadata")}),
	}
}

func messagesV1(d *emulator.Dataset, variant string, c emulator.V1Conversation, keep func(emulator.V1Message) bool) ([]knownvalue.Check, map[string]knownvalue.Check) {
	var out []knownvalue.Check
	counts := map[string]int{}
	for _, m := range c.Messages {
		if keep != nil && !keep(m) {
			continue
		}
		out = append(out, knownvalue.ObjectExact(messageV1Fields(d, variant, c, m)))
		if m.ParticipantSid != nil {
			counts["participant"]++
		} else {
			counts["system"]++
		}
	}
	return out, countChecks(counts)
}

func TestMessagesV1(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 35, V1Conversations: 5, Users: 3, MessagesPerConversation: 23})
	e := startEmulator(t, d, emulator.Faults{})
	support, sales := d.Services[0], d.Services[1]
	c, salesConv := support.Conversations[1], sales.Conversations[0]
	all, counts := messagesV1(d, "", c, nil)
	desc := slices.Clone(all)
	slices.Reverse(desc)
	salesAll, salesCounts := messagesV1(d, sales.Sid, salesConv, nil)
	from, to := c.Messages[3].DateCreated, c.Messages[9].DateCreated
	window, _ := messagesV1(d, "", c, func(m emulator.V1Message) bool { return m.DateCreated > from && m.DateCreated < to })
	edited, _ := messagesV1(d, "", c, func(m emulator.V1Message) bool { return m.DateUpdated != nil })
	empty := support.Conversations[4]
	if len(all) != 23 || len(salesAll) != 23 || len(window) != 5 || len(edited) == 0 || len(empty.Messages) != 0 {
		t.Fatalf("test data: %d, %d, %d, %d, %d", len(all), len(salesAll), len(window), len(edited), len(empty.Messages))
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: e.config(fmt.Sprintf(`
data "twilio_messages_v1" "all" {
  conversation = %q
  page_size    = 10
}
data "twilio_messages_v1" "latest" {
  conversation = %q
  order        = "desc"
  max_items    = 5
}
data "twilio_messages_v1" "counts" {
  conversation  = %q
  include_items = false
  page_size     = 4
}
data "twilio_messages_v1" "sales" {
  chat_service_sid = %q
  conversation     = %q
}
data "twilio_messages_v1" "window" {
  conversation   = %q
  created_after  = %q
  created_before = %q
}
data "twilio_messages_v1" "edited" {
  conversation  = %q
  updated_after = "2000-01-01T00:00:00Z"
}
data "twilio_messages_v1" "none" { conversation = %q }
`, c.Sid, *c.UniqueName, c.Sid, sales.Sid, salesConv.Sid, c.Sid, from, to, c.Sid, empty.Sid)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.twilio_messages_v1.all", tfjsonpath.New("messages"), knownvalue.ListExact(all)),
					statecheck.ExpectKnownValue("data.twilio_messages_v1.all", tfjsonpath.New("counts_by_author_kind"), knownvalue.MapExact(counts)),
					statecheck.ExpectKnownValue("data.twilio_messages_v1.all", tfjsonpath.New("id"), strv("messages_v1?conversation="+c.Sid)),
					statecheck.ExpectKnownValue("data.twilio_messages_v1.latest", tfjsonpath.New("messages"), knownvalue.ListExact(desc[:5])),
					statecheck.ExpectKnownValue("data.twilio_messages_v1.latest", tfjsonpath.New("id"),
						strv("messages_v1?inputs_digest="+inputsDigest(url.Values{"conversation_unique_name": {*c.UniqueName}})+"&max_items=5&order=desc")),
					statecheck.ExpectKnownValue("data.twilio_messages_v1.counts", tfjsonpath.New("messages"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.twilio_messages_v1.counts", tfjsonpath.New("total"), knownvalue.Int64Exact(23)),
					statecheck.ExpectKnownValue("data.twilio_messages_v1.counts", tfjsonpath.New("counts_by_author_kind"), knownvalue.MapExact(counts)),
					statecheck.ExpectKnownValue("data.twilio_messages_v1.sales", tfjsonpath.New("messages"), knownvalue.ListExact(salesAll)),
					statecheck.ExpectKnownValue("data.twilio_messages_v1.sales", tfjsonpath.New("counts_by_author_kind"), knownvalue.MapExact(salesCounts)),
					statecheck.ExpectKnownValue("data.twilio_messages_v1.window", tfjsonpath.New("messages"), knownvalue.ListExact(window)),
					statecheck.ExpectKnownValue("data.twilio_messages_v1.edited", tfjsonpath.New("messages"), knownvalue.ListExact(edited)),
					statecheck.ExpectKnownValue("data.twilio_messages_v1.none", tfjsonpath.New("messages"), knownvalue.ListExact(nil)),
					statecheck.ExpectKnownValue("data.twilio_messages_v1.none", tfjsonpath.New("counts_by_author_kind"), knownvalue.MapExact(map[string]knownvalue.Check{})),
				},
			},
			{
				Config: e.config(fmt.Sprintf(`
data "twilio_messages_v1" "x" {
  chat_service_sid = %q
  conversation     = %q
}`, sales.Sid, c.Sid)),
				ExpectError: errRe(`Twilio Conversation Service "`+sales.Sid+`" or conversation "`+c.Sid+`" not found`, "20404"),
			},
		},
	})
	pages := map[string]int{}
	for _, r := range e.Requests() {
		pages[r.Path+" "+r.Query.Get("PageSize")+" "+r.Query.Get("Order")]++
	}
	for key, per := range map[string]int{
		"/v1/Conversations/" + c.Sid + "/Messages 10 ": 3, "/v1/Conversations/" + c.Sid + "/Messages 4 ": 6,
		"/v1/Conversations/" + *c.UniqueName + "/Messages 5 desc":                          1,
		"/v1/Services/" + sales.Sid + "/Conversations/" + salesConv.Sid + "/Messages 100 ": 1,
	} {
		if n := pages[key]; n == 0 || n%per != 0 {
			t.Errorf("%q: %d requests, want a multiple of %d; all: %v", key, n, per, pages)
		}
	}
	expectPlanErrors(t, "twilio_messages_v1", map[string]planError{
		"bad order": {"conversation = \"c\"\norder = \"newest\"", []string{"order", "value must be one of"}},
		"page size": {"conversation = \"c\"\npage_size = 101", []string{"page_size must be a whole number from 1 to 100: got 101"}},
	})
}

func TestMessageV1(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 36, V1Conversations: 3, Users: 3, MessagesPerConversation: 8})
	e := startEmulator(t, d, emulator.Faults{})
	support, sales := d.Services[0], d.Services[1]
	c, salesConv := support.Conversations[1], sales.Conversations[2]
	media, system, salesMsg := c.Messages[5], c.Messages[0], salesConv.Messages[1]
	if media.Body != nil || media.Media == nil || system.ParticipantSid != nil {
		t.Fatal("test data")
	}
	var checks []statecheck.StateCheck
	add := func(name string, fields map[string]knownvalue.Check) {
		for k, v := range fields {
			checks = append(checks, statecheck.ExpectKnownValue("data.twilio_message_v1."+name, tfjsonpath.New(k), v))
		}
	}
	add("media", messageV1Fields(d, "", c, media))
	add("system", messageV1Fields(d, "", c, system))
	salesFields := messageV1Fields(d, sales.Sid, salesConv, salesMsg)
	salesFields["conversation"] = strv(salesConv.Sid)
	add("sales", salesFields)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: e.config(fmt.Sprintf(`
data "twilio_message_v1" "media" {
  conversation = %q
  sid          = %q
}
data "twilio_message_v1" "system" {
  conversation = %q
  sid          = %q
}
data "twilio_message_v1" "sales" {
  chat_service_sid = %q
  conversation     = %q
  sid              = %q
}
`, *c.UniqueName, media.Sid, c.Sid, system.Sid, sales.Sid, salesConv.Sid, salesMsg.Sid)),
				ConfigStateChecks: checks,
			},
			{
				Config: e.config(fmt.Sprintf(`
data "twilio_message_v1" "x" {
  conversation = %q
  sid          = "IM0000000000000000000000000000dead"
}`, c.Sid)),
				ExpectError: errRe(`Twilio conversation "`+c.Sid+`" or message "IM0000000000000000000000000000dead" not found`, "20404"),
			},
		},
	})
	expectPlanErrors(t, "twilio_message_v1", map[string]planError{
		"bad sid": {"conversation = \"c\"\nsid = \"MB00000000000000000000000000000001\"", []string{"sid", "IM followed by 32 hexadecimal digits"}},
		"no sid":  {`conversation = "c"`, []string{`The argument "sid" is required`}},
	})
}
