package datasources_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

func expectParticipant(p emulator.Participant) knownvalue.Check {
	addrs := make([]knownvalue.Check, len(p.Addresses))
	for i, a := range p.Addresses {
		addrs[i] = knownvalue.ObjectExact(map[string]knownvalue.Check{
			"channel": strv(a.Channel), "address": strv(a.Address), "channel_id": str(a.ChannelID),
		})
	}
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"id": strv(p.ID), "conversation_id": strv(p.ConversationID), "account_id": strv(p.AccountID),
		"name": str(p.Name), "type": strv(p.Type), "profile_id": str(p.ProfileID),
		"addresses": knownvalue.ListExact(addrs), "created_at": strv(p.CreatedAt), "updated_at": strv(p.UpdatedAt),
	})
}

func expectConversation(c emulator.Conversation) knownvalue.Check {
	return knownvalue.ObjectExact(conversationChecks(c))
}

// configurationChecks are the checks of a configuration's attributes, as a
// conversation embeds it.
func configurationChecks(cfg *emulator.Configuration) map[string]knownvalue.Check {
	cbs := make([]knownvalue.Check, len(cfg.StatusCallbacks))
	for i, cb := range cfg.StatusCallbacks {
		cbs[i] = knownvalue.ObjectExact(map[string]knownvalue.Check{"url": strv(cb.URL), "method": strv(cb.Method)})
	}
	ids := make([]knownvalue.Check, len(cfg.IntelligenceConfigurationIDs))
	for i, id := range cfg.IntelligenceConfigurationIDs {
		ids[i] = strv(id)
	}
	var bridge knownvalue.Check = knownvalue.Null()
	if cfg.ConversationsV1Bridge != nil {
		bridge = knownvalue.ObjectExact(map[string]knownvalue.Check{"service_id": strv(cfg.ConversationsV1Bridge.ServiceID)})
	}
	var settings knownvalue.Check = knownvalue.Null()
	if cfg.ChannelSettings != nil {
		settings = strv(string(cfg.ChannelSettings))
	}
	return map[string]knownvalue.Check{
		"display_name": strv(cfg.DisplayName), "description": str(cfg.Description),
		"conversation_grouping_type": strv(cfg.ConversationGroupingType), "memory_store_id": str(cfg.MemoryStoreID),
		"channel_settings": settings, "status_callbacks": knownvalue.ListExact(cbs),
		"intelligence_configuration_ids": knownvalue.ListExact(ids),
		"memory_extraction_enabled":      knownvalue.Bool(cfg.MemoryExtractionEnabled),
		"conversations_v1_bridge":        bridge,
	}
}

// conversationChecks are the checks of a conversation's attributes.
func conversationChecks(c emulator.Conversation) map[string]knownvalue.Check {
	m := map[string]knownvalue.Check{
		"id": strv(c.ID), "account_id": strv(c.AccountID), "configuration_id": strv(c.ConfigurationID),
		"status": strv(c.Status), "name": str(c.Name), "created_at": strv(c.CreatedAt), "updated_at": strv(c.UpdatedAt),
		"metadata": knownvalue.Null(), "configuration": knownvalue.Null(), "participants": knownvalue.Null(),
	}
	if c.Metadata != nil {
		md := map[string]knownvalue.Check{}
		for k, v := range c.Metadata {
			md[k] = strv(v)
		}
		m["metadata"] = knownvalue.MapExact(md)
	}
	if cfg := c.Configuration; cfg != nil {
		m["configuration"] = knownvalue.ObjectExact(configurationChecks(cfg))
	}
	if c.Participants != nil {
		ps := make([]knownvalue.Check, len(*c.Participants))
		for i, p := range *c.Participants {
			ps[i] = expectParticipant(p)
		}
		m["participants"] = knownvalue.ListExact(ps)
	}
	return m
}

func TestConversationsEveryPageAndField(t *testing.T) {
	// 23 conversations at 10 a page: pages of 10, 10 and 3.
	e := startEmulator(t, emulator.Generate(emulator.GenerateOptions{Seed: 11, Conversations: 23, ParticipantsPerConversation: 2}), emulator.Faults{})
	all := make([]knownvalue.Check, len(e.Data.Conversations))
	for i, c := range e.Data.Conversations {
		all[i] = expectConversation(c.Conversation)
	}
	addr := "data.twilio_conversations.all"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: e.config(`data "twilio_conversations" "all" { page_size = 10 }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("conversations"), knownvalue.ListExact(all)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact("conversations")),
			},
		}},
	})
	pages := map[string]int{}
	for _, r := range e.Requests() {
		pages[r.Query.Get("pageToken")]++
		if r.Query.Get("pageSize") != "10" {
			t.Errorf("pageSize not sent: %s", r.RawQuery)
		}
	}
	if len(pages) != 3 {
		t.Errorf("read %d distinct pages, want 3", len(pages))
	}
}

func TestConversationsNullsAndVariety(t *testing.T) {
	// The generated data has null names, absent metadata, configuration
	// and participants: each must be null in state, never "" or empty.
	e := startEmulator(t, emulator.Generate(emulator.GenerateOptions{Seed: 1, Conversations: 12, ParticipantsPerConversation: 3}), emulator.Faults{})
	var checks []statecheck.StateCheck
	var sawNullName, sawNoConfig, sawNoParticipants bool
	for i, c := range e.Data.Conversations {
		p := tfjsonpath.New("conversations").AtSliceIndex(i)
		if c.Name == nil {
			sawNullName = true
			checks = append(checks, statecheck.ExpectKnownValue("data.twilio_conversations.all", p.AtMapKey("name"), knownvalue.Null()))
		}
		if c.Configuration == nil {
			sawNoConfig = true
			checks = append(checks, statecheck.ExpectKnownValue("data.twilio_conversations.all", p.AtMapKey("configuration"), knownvalue.Null()))
		}
		if c.Participants == nil {
			sawNoParticipants = true
			checks = append(checks, statecheck.ExpectKnownValue("data.twilio_conversations.all", p.AtMapKey("participants"), knownvalue.Null()))
		}
		checks = append(checks, statecheck.ExpectKnownValue("data.twilio_conversations.all", p, expectConversation(c.Conversation)))
	}
	if !sawNullName || !sawNoConfig || !sawNoParticipants {
		t.Fatal("test data lacks the nulls this test is about")
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config:            e.config(`data "twilio_conversations" "all" {}`),
			ConfigStateChecks: checks,
		}},
	})
}

func TestConversationsFiltersOnEveryPage(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 2, Conversations: 60, ParticipantsPerConversation: 1})
	e := startEmulator(t, d, emulator.Faults{})
	var want []knownvalue.Check
	for _, c := range d.Conversations {
		if c.Status == "CLOSED" || c.Status == "INACTIVE" {
			want = append(want, knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": strv(c.ID), "status": strv(c.Status)}))
		}
	}
	if len(want) < 7 {
		t.Fatalf("only %d matching conversations", len(want))
	}
	target := d.Conversations[7]
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: e.config(`
data "twilio_conversations" "closed" {
  statuses  = ["CLOSED", "INACTIVE"]
  page_size = 3
}
data "twilio_conversations" "by_channel" {
  channel_id = "` + target.ChannelIDs[len(target.ChannelIDs)-1] + `"
}
data "twilio_conversations" "none" {
  channel_id = "SMffffffffffffffffffffffffffffffff"
}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.twilio_conversations.closed", tfjsonpath.New("conversations"), knownvalue.ListExact(want)),
				statecheck.ExpectKnownValue("data.twilio_conversations.closed", tfjsonpath.New("id"), knownvalue.StringExact("conversations?status=CLOSED&status=INACTIVE")),
				statecheck.ExpectKnownValue("data.twilio_conversations.by_channel", tfjsonpath.New("conversations"), knownvalue.ListExact([]knownvalue.Check{expectConversation(target.Conversation)})),
				statecheck.ExpectKnownValue("data.twilio_conversations.none", tfjsonpath.New("conversations"), knownvalue.ListExact([]knownvalue.Check{})),
			},
		}},
	})
	filtered := 0
	for _, r := range e.Requests() {
		if r.Query.Get("pageSize") != "3" {
			continue
		}
		filtered++
		if got := strings.Join(r.Query["status"], ","); got != "CLOSED,INACTIVE" {
			t.Errorf("page request without the status filter: %s", r.RawQuery)
		}
	}
	if filtered < (len(want)+2)/3 {
		t.Errorf("%d filtered page requests, want at least %d", filtered, (len(want)+2)/3)
	}
}

func TestConversationsMaxItems(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 4, Conversations: 30, ParticipantsPerConversation: 1})
	e := startEmulator(t, d, emulator.Faults{})
	ids := func(n int) knownvalue.Check {
		cs := make([]knownvalue.Check, n)
		for i := range cs {
			cs[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": strv(d.Conversations[i].ID)})
		}
		return knownvalue.ListExact(cs)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: e.config(`
data "twilio_conversations" "within_page" { max_items = 4 }
data "twilio_conversations" "across_pages" {
  max_items = 12
  page_size = 5
}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.twilio_conversations.within_page", tfjsonpath.New("conversations"), ids(4)),
				statecheck.ExpectKnownValue("data.twilio_conversations.within_page", tfjsonpath.New("id"), knownvalue.StringExact("conversations?max_items=4")),
				statecheck.ExpectKnownValue("data.twilio_conversations.across_pages", tfjsonpath.New("conversations"), ids(12)),
			},
		}},
	})
}

func TestConversationsValidation(t *testing.T) {
	expectPlanErrors(t, "twilio_conversations", map[string]planError{
		"unknown status":    {`statuses = ["OPEN"]`, []string{"statuses[0] value must be one of", `got: "OPEN"`}},
		"repeated status":   {`statuses = ["ACTIVE", "ACTIVE"]`, []string{"statuses", "duplicate"}},
		"page_size too big": {`page_size = 1001`, []string{"page_size must be a whole number from 1 to 1000: got 1001"}},
		"page_size zero":    {`page_size = 0`, []string{"page_size must be a whole number from 1 to 1000"}},
		"max_items zero":    {`max_items = 0`, []string{"max_items must be a whole number from 1 to 1000000000"}},
		"max_items huge":    {`max_items = 1e30`, []string{"max_items must be a whole number from 1 to 1000000000: got 1000000000000000000000000000000"}},
		"page_size part":    {`page_size = 2.5`, []string{"page_size must be a whole number from 1 to 1000: got 2.5"}},
		"null status":       {`statuses = [null]`, []string{"Null List Value", "statuses = [null]", "This attribute contains a null value"}},
		"null metadata":     {`metadata = { team = null }`, []string{"Null Map Value", "This attribute contains a null value"}},
		"empty channel id":  {`channel_id = ""`, []string{"channel_id string length must be at least 1"}},
	})
}

func TestConversationsMalformedTimestampStopsTheRead(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 3, Conversations: 30, ParticipantsPerConversation: 1})
	d.Conversations[1].CreatedAt = "yesterday"
	e := startEmulator(t, d, emulator.Faults{})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config:      e.config(`data "twilio_conversations" "all" { page_size = 1 }`),
			ExpectError: errRe("Unexpected timestamp from Twilio", `created_at of conversation "`+d.Conversations[1].ID+`" is "yesterday", which is not an RFC 3339 timestamp`),
		}},
	})
	// Page 2 holds the bad item: the read stops right after it, rather than
	// reading all 30 pages; the next page may already be on its way.
	if n, most := e.RequestCount(), 3; n > most {
		t.Errorf("%d requests after a mapping error on page 2; want at most %d", n, most)
	}
}

// A timestamp with a comma before its fraction passes Go's parser but not
// Terraform's timeadd() or formatdate(): it is refused like any other
// that is not RFC 3339, and a null or missing id stays null.
func TestConversationsCommaTimestampAndNullID(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 3, Conversations: 3, ParticipantsPerConversation: 1})
	d.Conversations[1].CreatedAt = "2025-01-06T09:00:00,5Z"
	e := startEmulator(t, d, emulator.Faults{})
	// The emulator refuses an item without id; this server sends two.
	nullIDs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"conversations":[{"id":null,"status":"ACTIVE"},{"status":"CLOSED"}],"meta":{"key":"conversations","pageSize":2}}`))
	}))
	defer nullIDs.Close()
	e2 := &emu{URL: nullIDs.URL}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config:      e.config(`data "twilio_conversations" "all" {}`),
				ExpectError: errRe("Unexpected timestamp from Twilio", `created_at of conversation "`+d.Conversations[1].ID+`" is "2025-01-06T09:00:00,5Z"`, "comma before the fraction"),
			},
			{
				Config: e2.config(`data "twilio_conversations" "all" {}`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.twilio_conversations.all", tfjsonpath.New("conversations").AtSliceIndex(0).AtMapKey("id"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.twilio_conversations.all", tfjsonpath.New("conversations").AtSliceIndex(1).AtMapKey("id"), knownvalue.Null()),
				},
			},
		},
	})
}
