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

func webhookV1Fields(d *emulator.Dataset, variant string, c emulator.V1Conversation, w emulator.V1Webhook) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{
		"sid": strv(w.Sid), "account_sid": strv(d.AccountSid), "chat_service_sid": serviceOrNull(variant), "conversation_sid": strv(c.Sid),
		"target": strv(w.Target), "url": strv(classicBase(variant) + "/" + c.Sid + "/Webhooks/" + w.Sid), "configuration": rawOrNull(w.Configuration),
		"date_created": strv(w.DateCreated), "date_updated": strv(w.DateUpdated),
	}
}

func webhooksV1(d *emulator.Dataset, variant string, c emulator.V1Conversation) ([]knownvalue.Check, map[string]knownvalue.Check) {
	var out []knownvalue.Check
	counts := map[string]int{}
	for _, w := range c.Webhooks {
		out = append(out, knownvalue.ObjectExact(webhookV1Fields(d, variant, c, w)))
		counts[w.Target]++
	}
	return out, countChecks(counts)
}

func TestConversationWebhooksV1(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 37, V1Conversations: 4, Users: 3})
	e := startEmulator(t, d, emulator.Faults{})
	support, sales := d.Services[0], d.Services[1]
	six, none, salesConv := support.Conversations[3], support.Conversations[0], sales.Conversations[2]
	all, counts := webhooksV1(d, "", six)
	viaService, _ := webhooksV1(d, support.Sid, six)
	salesAll, salesCounts := webhooksV1(d, sales.Sid, salesConv)
	if len(all) != 6 || len(none.Webhooks) != 0 || len(salesAll) != 4 {
		t.Fatalf("test data: %d, %d, %d", len(all), len(none.Webhooks), len(salesAll))
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: e.config(fmt.Sprintf(`
data "twilio_conversation_webhooks_v1" "six" { conversation = %q }
data "twilio_conversation_webhooks_v1" "via_service" {
  chat_service_sid = %q
  conversation     = %q
  page_size        = 2
}
data "twilio_conversation_webhooks_v1" "sales" {
  chat_service_sid = %q
  conversation     = %q
  include_items    = false
}
data "twilio_conversation_webhooks_v1" "none" { conversation = %q }
data "twilio_conversation_webhooks_v1" "first" {
  conversation = %q
  max_items    = 1
}
`, six.Sid, support.Sid, six.Sid, sales.Sid, salesConv.Sid, none.Sid, six.Sid)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.twilio_conversation_webhooks_v1.six", tfjsonpath.New("webhooks"), knownvalue.ListExact(all)),
					statecheck.ExpectKnownValue("data.twilio_conversation_webhooks_v1.six", tfjsonpath.New("counts_by_target"), knownvalue.MapExact(counts)),
					statecheck.ExpectKnownValue("data.twilio_conversation_webhooks_v1.six", tfjsonpath.New("id"), strv("conversation_webhooks_v1?conversation="+six.Sid)),
					statecheck.ExpectKnownValue("data.twilio_conversation_webhooks_v1.via_service", tfjsonpath.New("webhooks"), knownvalue.ListExact(viaService)),
					statecheck.ExpectKnownValue("data.twilio_conversation_webhooks_v1.sales", tfjsonpath.New("webhooks"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.twilio_conversation_webhooks_v1.sales", tfjsonpath.New("total"), knownvalue.Int64Exact(4)),
					statecheck.ExpectKnownValue("data.twilio_conversation_webhooks_v1.sales", tfjsonpath.New("counts_by_target"), knownvalue.MapExact(salesCounts)),
					statecheck.ExpectKnownValue("data.twilio_conversation_webhooks_v1.none", tfjsonpath.New("webhooks"), knownvalue.ListExact(nil)),
					statecheck.ExpectKnownValue("data.twilio_conversation_webhooks_v1.first", tfjsonpath.New("webhooks"), knownvalue.ListExact(all[:1])),
				},
			},
			{
				Config:      e.config(`data "twilio_conversation_webhooks_v1" "x" { conversation = "ticket-nope" }`),
				ExpectError: errRe(`Twilio conversation "ticket-nope" not found`, "20404"),
			},
		},
	})
	pages := map[string]int{}
	for _, r := range e.Requests() {
		pages[r.Path+" "+r.Query.Get("PageSize")]++
	}
	for key, per := range map[string]int{
		"/v1/Conversations/" + six.Sid + "/Webhooks 5":                              2,
		"/v1/Services/" + support.Sid + "/Conversations/" + six.Sid + "/Webhooks 2": 3,
		"/v1/Conversations/" + six.Sid + "/Webhooks 1":                              1,
	} {
		if n := pages[key]; n == 0 || n%per != 0 {
			t.Errorf("%q: %d requests, want a multiple of %d; all: %v", key, n, per, pages)
		}
	}
	expectPlanErrors(t, "twilio_conversation_webhooks_v1", map[string]planError{
		"page size over 5": {"conversation = \"c\"\npage_size = 6", []string{"page_size must be a whole number from 1 to 5: got 6"}},
	})
}

func TestConversationWebhookV1(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 38, V1Conversations: 4, Users: 3})
	e := startEmulator(t, d, emulator.Faults{})
	support, sales := d.Services[0], d.Services[1]
	c, salesConv := support.Conversations[3], sales.Conversations[2]
	studio, nullConfig, salesHook := c.Webhooks[1], c.Webhooks[5], salesConv.Webhooks[0]
	if studio.Target != "studio" || nullConfig.Configuration != nil {
		t.Fatal("test data")
	}
	var checks []statecheck.StateCheck
	add := func(name string, fields map[string]knownvalue.Check) {
		for k, v := range fields {
			checks = append(checks, statecheck.ExpectKnownValue("data.twilio_conversation_webhook_v1."+name, tfjsonpath.New(k), v))
		}
	}
	add("studio", webhookV1Fields(d, "", c, studio))
	add("null_config", webhookV1Fields(d, "", c, nullConfig))
	add("sales", webhookV1Fields(d, sales.Sid, salesConv, salesHook))
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: e.config(fmt.Sprintf(`
data "twilio_conversation_webhook_v1" "studio" {
  conversation = %q
  sid          = %q
}
data "twilio_conversation_webhook_v1" "null_config" {
  conversation = %q
  sid          = %q
}
data "twilio_conversation_webhook_v1" "sales" {
  chat_service_sid = %q
  conversation     = %q
  sid              = %q
}
`, c.Sid, studio.Sid, c.Sid, nullConfig.Sid, sales.Sid, salesConv.Sid, salesHook.Sid)),
				ConfigStateChecks: checks,
			},
			{
				Config: e.config(fmt.Sprintf(`
data "twilio_conversation_webhook_v1" "x" {
  conversation = %q
  sid          = "WH0000000000000000000000000000dead"
}`, c.Sid)),
				ExpectError: errRe(`Twilio conversation "`+c.Sid+`" or webhook "WH0000000000000000000000000000dead" not found`, "20404"),
			},
		},
	})
	expectPlanErrors(t, "twilio_conversation_webhook_v1", map[string]planError{
		"bad sid": {"conversation = \"c\"\nsid = \"IM00000000000000000000000000000001\"", []string{"sid", "WH followed by 32 hexadecimal digits"}},
	})
}
