package datasources_test

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// matching is what a list data source must hold for the items that match:
// their keys in order (up to max), their total and their counts by value.
type matching struct {
	keys   []string
	counts map[string]int
}

func (m *matching) add(key, countedAs string) {
	m.keys = append(m.keys, key)
	if m.counts == nil {
		m.counts = map[string]int{}
	}
	m.counts[countedAs]++
}

// first is m cut to its first n items.
func (m matching) first(n int) matching {
	out := matching{}
	for _, k := range m.keys[:min(n, len(m.keys))] {
		out.add(k, "")
	}
	out.counts = nil
	return out
}

// checks are the state checks of data source addr holding m in list, keyed
// by keyAttr; counts are checked when m has them.
func (m matching) checks(addr, list, keyAttr, countsAttr string) []statecheck.StateCheck {
	items := make([]knownvalue.Check, len(m.keys))
	for i, k := range m.keys {
		items[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{keyAttr: strv(k)})
	}
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(addr, tfjsonpath.New(list), knownvalue.ListExact(items)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("total"), knownvalue.Int64Exact(int64(len(m.keys)))),
	}
	if m.counts != nil {
		counts := map[string]knownvalue.Check{}
		for k, n := range m.counts {
			counts[k] = knownvalue.Int64Exact(int64(n))
		}
		checks = append(checks, statecheck.ExpectKnownValue(addr, tfjsonpath.New(countsAttr), knownvalue.MapExact(counts)))
	}
	return checks
}

func after(ts string, bound time.Time) bool {
	t, _ := time.Parse(time.RFC3339, ts)
	return t.After(bound)
}

func before(ts string, bound time.Time) bool {
	t, _ := time.Parse(time.RFC3339, ts)
	return t.Before(bound)
}

// Every filter of twilio_conversations, alone and combined with the
// statuses Twilio applies and with max_items, across pages; the counts
// follow the filters; a filter never changes which requests are made.
func TestConversationsFilters(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 4, Conversations: 60, ParticipantsPerConversation: 1})
	e := startEmulator(t, d, emulator.Faults{})
	created := func(i int) time.Time { ts, _ := time.Parse(time.RFC3339, d.Conversations[i].CreatedAt); return ts }
	lo, hi := created(10), created(40)
	nameRe := regexp.MustCompile(`^(Café|Returns)`)

	want := func(keep func(c emulator.Conversation) bool) matching {
		var m matching
		for _, c := range d.Conversations {
			if keep(c.Conversation) {
				m.add(c.ID, c.Status)
			}
		}
		return m
	}
	window := want(func(c emulator.Conversation) bool { return after(c.CreatedAt, lo) && before(c.CreatedAt, hi) })
	updated := want(func(c emulator.Conversation) bool { return before(c.UpdatedAt, created(45)) })
	named := want(func(c emulator.Conversation) bool { return c.Name != nil && nameRe.MatchString(*c.Name) })
	ofConfig := want(func(c emulator.Conversation) bool { return c.ConfigurationID == "conv_configuration_01" })
	support := want(func(c emulator.Conversation) bool {
		return c.Metadata["team"] == "support" && c.Metadata["priority"] == "2"
	})
	combined := want(func(c emulator.Conversation) bool {
		return (c.Status == "ACTIVE" || c.Status == "CLOSED") && c.ConfigurationID == "conv_configuration_01" && before(c.CreatedAt, hi)
	})
	for name, m := range map[string]matching{"window": window, "updated": updated, "named": named, "config": ofConfig, "support": support, "combined": combined} {
		if len(m.keys) < 3 || len(m.keys) > 50 {
			t.Fatalf("test data: %s matches %d conversations", name, len(m.keys))
		}
	}

	checks := window.checks("data.twilio_conversations.window", "conversations", "id", "counts_by_status")
	checks = append(checks, updated.checks("data.twilio_conversations.updated", "conversations", "id", "counts_by_status")...)
	checks = append(checks, named.checks("data.twilio_conversations.named", "conversations", "id", "counts_by_status")...)
	checks = append(checks, ofConfig.checks("data.twilio_conversations.config", "conversations", "id", "counts_by_status")...)
	checks = append(checks, support.checks("data.twilio_conversations.support", "conversations", "id", "counts_by_status")...)
	checks = append(checks, combined.checks("data.twilio_conversations.combined", "conversations", "id", "counts_by_status")...)
	checks = append(checks, combined.first(2).checks("data.twilio_conversations.combined_first_2", "conversations", "id", "")...)
	checks = append(checks,
		statecheck.ExpectKnownValue("data.twilio_conversations.combined", tfjsonpath.New("id"), strv(
			"conversations?configuration_id=conv_configuration_01&created_before="+url.QueryEscape(d.Conversations[40].CreatedAt)+"&status=ACTIVE&status=CLOSED")),
		statecheck.ExpectKnownValue("data.twilio_conversations.support", tfjsonpath.New("id"), strv("conversations?inputs_digest="+inputsDigest(url.Values{"metadata.priority": {"2"}, "metadata.team": {"support"}}))),
	)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: e.config(fmt.Sprintf(`
data "twilio_conversations" "window" {
  created_after  = %[1]q
  created_before = %[2]q
  page_size      = 7
}
data "twilio_conversations" "updated" { updated_before = %[3]q }
data "twilio_conversations" "named" { name_regex = "^(Café|Returns)" }
data "twilio_conversations" "config" { configuration_id = "conv_configuration_01" }
data "twilio_conversations" "support" {
  metadata = { team = "support", priority = "2" }
}
data "twilio_conversations" "combined" {
  statuses         = ["CLOSED", "ACTIVE"]
  configuration_id = "conv_configuration_01"
  created_before   = %[2]q
  page_size        = 4
}
data "twilio_conversations" "combined_first_2" {
  statuses         = ["CLOSED", "ACTIVE"]
  configuration_id = "conv_configuration_01"
  created_before   = %[2]q
  page_size        = 4
  max_items        = 2
}`, d.Conversations[10].CreatedAt, d.Conversations[40].CreatedAt, d.Conversations[45].CreatedAt)),
			ConfigStateChecks: checks,
		}},
	})
	// The window's read asked for pages of 7 and read them all: nine pages.
	pages := 0
	for _, r := range e.Requests() {
		if r.Query.Get("pageSize") == "7" && r.Status == 200 {
			pages++
		}
	}
	if pages%9 != 0 || pages == 0 {
		t.Errorf("the filtered read made %d requests of 7 items; want 9 for each read of all 60", pages)
	}
}

// With include_items = false only the counts are stored; with filters,
// the counts are those of the matching items.
func TestCountsWithoutItems(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 5, Conversations: 45, ParticipantsPerConversation: 2, V1Conversations: 30, Users: 3})
	e := startEmulator(t, d, emulator.Faults{})
	var all, closed matching
	byType := map[string]int{}
	for _, c := range d.Conversations {
		all.add(c.ID, c.Status)
		if c.Status == "CLOSED" {
			closed.add(c.ID, c.Status)
		}
	}
	first := d.Conversations[0]
	for _, p := range *first.Participants {
		byType[p.Type]++
	}
	var states matching
	for _, c := range d.Services[0].Conversations {
		states.add(c.Sid, c.State)
	}
	counts := func(m map[string]int) knownvalue.Check {
		out := map[string]knownvalue.Check{}
		for k, n := range m {
			out[k] = knownvalue.Int64Exact(int64(n))
		}
		return knownvalue.MapExact(out)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: e.config(`
data "twilio_conversations" "all" {
  include_items = false
  page_size     = 10
}
data "twilio_conversations" "closed" {
  include_items = false
  statuses      = ["CLOSED"]
}
data "twilio_participants" "first" {
  conversation_id = "` + first.ID + `"
  include_items   = false
}
data "twilio_participant_conversations" "alice" {
  identity      = "alice"
  include_items = false
}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.twilio_conversations.all", tfjsonpath.New("conversations"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.twilio_conversations.all", tfjsonpath.New("total"), knownvalue.Int64Exact(45)),
				statecheck.ExpectKnownValue("data.twilio_conversations.all", tfjsonpath.New("counts_by_status"), counts(all.counts)),
				statecheck.ExpectKnownValue("data.twilio_conversations.closed", tfjsonpath.New("total"), knownvalue.Int64Exact(int64(len(closed.keys)))),
				statecheck.ExpectKnownValue("data.twilio_conversations.closed", tfjsonpath.New("counts_by_status"), counts(closed.counts)),
				statecheck.ExpectKnownValue("data.twilio_participants.first", tfjsonpath.New("participants"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.twilio_participants.first", tfjsonpath.New("counts_by_type"), counts(byType)),
				statecheck.ExpectKnownValue("data.twilio_participant_conversations.alice", tfjsonpath.New("conversations"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.twilio_participant_conversations.alice", tfjsonpath.New("total"), knownvalue.Int64Exact(30)),
				statecheck.ExpectKnownValue("data.twilio_participant_conversations.alice", tfjsonpath.New("counts_by_state"), counts(states.counts)),
			},
		}},
	})
}

// The filters of the other three data sources, with their counts.
func TestParticipantAndV1Filters(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 6, Conversations: 3, ParticipantsPerConversation: 12, V1Conversations: 40, Users: 3})
	e := startEmulator(t, d, emulator.Faults{})
	conv := d.Conversations[0]
	var agents matching
	for _, p := range *conv.Participants {
		if p.Type == "HUMAN_AGENT" || p.Type == "AI_AGENT" {
			agents.add(p.ID, p.Type)
		}
	}
	var open, unreadClosed, inactive matching
	alice := d.Services[0].Users[0]
	for _, c := range d.Services[0].Conversations {
		for _, p := range c.Participants {
			if p.Identity == nil || *p.Identity != alice.Identity {
				continue
			}
			if c.State == "active" || c.State == "inactive" {
				open.add(c.Sid, c.State)
			}
			if c.State == "closed" && p.UnreadMessagesCount != nil && *p.UnreadMessagesCount > 0 {
				unreadClosed.add(c.Sid, c.State)
			}
		}
		if c.State == "inactive" {
			inactive.add(c.Sid, c.State)
		}
	}
	for name, m := range map[string]matching{"agents": agents, "open": open, "unread closed": unreadClosed, "inactive": inactive} {
		if len(m.keys) < 2 || slices.Contains([]int{12, 40}, len(m.keys)) {
			t.Fatalf("test data: %s matches %d items", name, len(m.keys))
		}
	}
	checks := agents.checks("data.twilio_participants.agents", "participants", "id", "counts_by_type")
	checks = append(checks, open.checks("data.twilio_user_conversations.open", "conversations", "conversation_sid", "counts_by_state")...)
	checks = append(checks, unreadClosed.checks("data.twilio_user_conversations.unread_closed", "conversations", "conversation_sid", "counts_by_state")...)
	checks = append(checks, inactive.checks("data.twilio_participant_conversations.inactive", "conversations", "conversation_sid", "counts_by_state")...)
	checks = append(checks, inactive.first(1).checks("data.twilio_participant_conversations.inactive_first", "conversations", "conversation_sid", "")...)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: e.config(`
data "twilio_participants" "agents" {
  conversation_id = "` + conv.ID + `"
  types           = ["HUMAN_AGENT", "AI_AGENT", "SOMETHING_NEW"]
  page_size       = 5
}
data "twilio_user_conversations" "open" {
  chat_service_sid = "` + emulator.ServiceSid + `"
  identity         = "alice"
  states           = ["active", "inactive"]
  page_size        = 7
}
data "twilio_user_conversations" "unread_closed" {
  chat_service_sid = "` + emulator.ServiceSid + `"
  user_sid         = "` + alice.Sid + `"
  states           = ["closed"]
  unread_only      = true
}
data "twilio_participant_conversations" "inactive" {
  identity = "alice"
  states   = ["inactive"]
}
data "twilio_participant_conversations" "inactive_first" {
  identity  = "alice"
  states    = ["inactive"]
  max_items = 1
}`),
			ConfigStateChecks: checks,
		}},
	})
}

func TestFilterValidation(t *testing.T) {
	expectPlanErrors(t, "twilio_conversations", map[string]planError{
		"not a timestamp": {`created_after = "yesterday"`, []string{"Invalid RFC3339 String Value", "created_after", `Given Value: yesterday`}},
		"bad regex":       {`name_regex = "(unclosed"`, []string{"name_regex must be an RE2 regular expression", "missing closing )"}},
		"bad timeout":     {`timeouts = { read = "soon" }`, []string{"Invalid timeouts.read", "must be a positive duration such as 30s or 10m", `invalid duration "soon"`}},
	})
	expectPlanErrors(t, "twilio_user_conversations", map[string]planError{
		"unknown state": {`
chat_service_sid = "` + emulator.ServiceSid + `"
identity         = "alice"
states           = ["open"]`, []string{"states[0] value must be one of", `got: "open"`}},
	})
}

// A read that outlasts timeouts.read fails, saying how far it got and that
// nothing was stored; the emulator's latency makes each page take 250 ms.
func TestReadTimeoutMidListing(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 7, Conversations: 40})
	e := startEmulator(t, d, emulator.Faults{Latency: 250 * time.Millisecond})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: e.config(`data "twilio_conversations" "slow" {
  page_size = 2
  timeouts  = { read = "1s" }
}`),
			ExpectError: errRe("Twilio read timed out", `twilio_conversations took longer than timeouts.read ("1s")`, "matching items in", "had been read in full", "Nothing was stored"),
		}},
	})
	if n := e.RequestCount(); n >= 20 {
		t.Errorf("%d requests: the timeout did not stop the listing", n)
	}
}
