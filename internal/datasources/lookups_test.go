package datasources_test

import (
	"net/url"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// expectAttributes checks each top-level attribute of a single lookup.
func expectAttributes(addr string, checks map[string]knownvalue.Check) []statecheck.StateCheck {
	var out []statecheck.StateCheck
	for name, c := range checks {
		out = append(out, statecheck.ExpectKnownValue(addr, tfjsonpath.New(name), c))
	}
	return out
}

// One conversation by id: every field at the top level, nulls null, an id
// that needs escaping, an unknown id and an empty one.
func TestConversationLookup(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 12, Conversations: 12, ParticipantsPerConversation: 2})
	// Conversation 9 has no participants, 5 no configuration, 3 no name.
	odd := d.Conversations[3]
	odd.ID = "conv/ü 1?x=%2F"
	odd.Configuration, odd.Participants, odd.Metadata = nil, nil, nil
	d.Conversations = append(d.Conversations, odd)
	e := startEmulator(t, d, emulator.Faults{})
	full := d.Conversations[0].Conversation
	checks := expectAttributes("data.twilio_conversation.full", conversationChecks(full))
	checks = append(checks, expectAttributes("data.twilio_conversation.odd", conversationChecks(odd.Conversation))...)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: e.config(`
data "twilio_conversation" "full" { id = "` + full.ID + `" }
data "twilio_conversation" "odd" { id = ` + hclString(odd.ID) + ` }
`),
				ConfigStateChecks: checks,
			},
			{
				Config:      e.config(`data "twilio_conversation" "missing" { id = "conv_conversation_missing" }`),
				ExpectError: errRe(`Twilio conversation "conv_conversation_missing" not found`, "HTTP 404", "Twilio error 20404"),
			},
		},
	})
	escaped := false
	for _, r := range e.Requests() {
		if r.RawPath == "/v2/Conversations/conv%2F%C3%BC%201%3Fx=%252F" {
			escaped = true
		}
	}
	if !escaped {
		t.Error("the id was not sent as one escaped path segment")
	}
	expectPlanErrors(t, "twilio_conversation", map[string]planError{
		"empty id": {`id = ""`, []string{"id string length must be at least 1"}},
		"no id":    {``, []string{`The argument "id" is required`}},
	})
}

func expectConfiguration(c emulator.V2Configuration) knownvalue.Check {
	return knownvalue.ObjectExact(resourceConfigurationChecks(c))
}

func resourceConfigurationChecks(c emulator.V2Configuration) map[string]knownvalue.Check {
	m := configurationChecks(&c.Configuration)
	m["id"] = strv(c.ID)
	m["created_at"] = strv(c.CreatedAt)
	m["updated_at"] = strv(c.UpdatedAt)
	m["version"] = knownvalue.Int64Exact(c.Version)
	return m
}

// Configurations: every page and field, the memory store filter, one
// configuration by id, and the errors of each.
func TestConfigurations(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 13, Conversations: 3})
	e := startEmulator(t, d, emulator.Faults{})
	all := make([]knownvalue.Check, len(d.Configurations))
	for i, c := range d.Configurations {
		all[i] = expectConfiguration(c)
	}
	store := *d.Configurations[1].MemoryStoreID
	// The configuration a conversation names, looked up from it.
	conv := d.Conversations[2]
	var named emulator.V2Configuration
	for _, c := range d.Configurations {
		if c.ID == conv.ConfigurationID {
			named = c
		}
	}
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue("data.twilio_conversation_configurations.all", tfjsonpath.New("configurations"), knownvalue.ListExact(all)),
		statecheck.ExpectKnownValue("data.twilio_conversation_configurations.all", tfjsonpath.New("total"), knownvalue.Int64Exact(int64(len(all)))),
		statecheck.ExpectKnownValue("data.twilio_conversation_configurations.all", tfjsonpath.New("id"), strv("conversation_configurations")),
		statecheck.ExpectKnownValue("data.twilio_conversation_configurations.of_store", tfjsonpath.New("configurations"), knownvalue.ListExact([]knownvalue.Check{all[1]})),
		statecheck.ExpectKnownValue("data.twilio_conversation_configurations.of_store", tfjsonpath.New("id"), strv("conversation_configurations?memory_store_id="+store)),
	}
	checks = append(checks, expectAttributes("data.twilio_conversation_configuration.of_conversation", resourceConfigurationChecks(named))...)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: e.config(`
data "twilio_conversation_configurations" "all" { page_size = 1 }
data "twilio_conversation_configurations" "of_store" { memory_store_id = "` + store + `" }
data "twilio_conversation" "c" { id = "` + conv.ID + `" }
data "twilio_conversation_configuration" "of_conversation" { id = data.twilio_conversation.c.configuration_id }
`),
				ConfigStateChecks: checks,
			},
			{
				Config:      e.config(`data "twilio_conversation_configuration" "missing" { id = "conv_configuration_missing" }`),
				ExpectError: errRe(`Twilio configuration "conv_configuration_missing" not found`, "Twilio error 20404"),
			},
		},
	})
	pages := 0
	for _, r := range e.Requests() {
		if r.Path == "/v2/ControlPlane/Configurations" && r.Query.Get("pageSize") == "1" {
			pages++
		}
	}
	if pages == 0 || pages%3 != 0 {
		t.Errorf("%d requests of one configuration; want 3 a read", pages)
	}
	expectPlanErrors(t, "twilio_conversation_configurations", map[string]planError{
		"bad memory store": {`memory_store_id = "mem_store_01"`, []string{"memory_store_id must be a memory store ID", `got "mem_store_01"`}},
		"page too large":   {`page_size = 1001`, []string{"page_size must be a whole number from 1 to 1000"}},
	})
}

func expectService(d *emulator.Dataset, s emulator.Service) knownvalue.Check {
	return knownvalue.ObjectExact(serviceChecks(d, s))
}

func boolp(p *bool) knownvalue.Check {
	if p == nil {
		return knownvalue.Null()
	}
	return knownvalue.Bool(*p)
}

func strOrNull(s string) knownvalue.Check {
	if s == "" {
		return knownvalue.Null()
	}
	return strv(s)
}

func expectUser(d *emulator.Dataset, s emulator.Service, u emulator.User) knownvalue.Check {
	url := "https://conversations.twilio.com/v1/Services/" + s.Sid + "/Users/" + u.Sid
	attributes := u.Attributes
	if attributes == "" {
		attributes = "{}"
	}
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"sid": strv(u.Sid), "account_sid": strv(d.AccountSid), "chat_service_sid": strv(s.Sid), "role_sid": strOrNull(u.RoleSid),
		"identity": strv(u.Identity), "friendly_name": str(u.FriendlyName), "attributes": strv(attributes),
		"is_online": boolp(u.IsOnline), "is_notifiable": boolp(u.IsNotifiable),
		"date_created": strOrNull(u.DateCreated), "date_updated": strOrNull(u.DateUpdated), "url": strv(url),
		"links": knownvalue.MapExact(map[string]knownvalue.Check{"user_conversations": strv(url + "/Conversations"), "user_bindings": strv(url + "/Bindings")}),
	})
}

// Services and their users: every page and field, nulls null, the chain
// from a service's name to its users, and the errors.
func TestServicesAndUsers(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 14, V1Conversations: 4, Users: 8})
	e := startEmulator(t, d, emulator.Faults{})
	services := make([]knownvalue.Check, len(d.Services))
	for i, s := range d.Services {
		services[i] = expectService(d, s)
	}
	support := d.Services[0]
	users := make([]knownvalue.Check, len(support.Users))
	for i, u := range support.Users {
		users[i] = expectUser(d, support, u)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: e.config(`
data "twilio_conversation_services" "all" { page_size = 1 }
data "twilio_conversation_services" "default_page_size" {}
locals {
  support = one([for s in data.twilio_conversation_services.all.services : s.sid if s.friendly_name == "Support"])
}
data "twilio_conversation_users" "support" {
  chat_service_sid = local.support
  page_size        = 3
}
data "twilio_conversation_users" "first_two" {
  chat_service_sid = local.support
  max_items        = 2
}
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.twilio_conversation_services.all", tfjsonpath.New("services"), knownvalue.ListExact(services)),
					statecheck.ExpectKnownValue("data.twilio_conversation_services.all", tfjsonpath.New("id"), strv("conversation_services")),
					statecheck.ExpectKnownValue("data.twilio_conversation_services.default_page_size", tfjsonpath.New("services"), knownvalue.ListExact(services)),
					statecheck.ExpectKnownValue("data.twilio_conversation_users.support", tfjsonpath.New("users"), knownvalue.ListExact(users)),
					statecheck.ExpectKnownValue("data.twilio_conversation_users.support", tfjsonpath.New("total"), knownvalue.Int64Exact(int64(len(users)))),
					statecheck.ExpectKnownValue("data.twilio_conversation_users.support", tfjsonpath.New("id"), strv("conversation_users?chat_service_sid="+support.Sid)),
					statecheck.ExpectKnownValue("data.twilio_conversation_users.first_two", tfjsonpath.New("users"), knownvalue.ListExact(users[:2])),
				},
			},
			{
				Config:      e.config(`data "twilio_conversation_users" "missing" { chat_service_sid = "IS0000000000000000000000000000dead" }`),
				ExpectError: errRe(`Twilio Conversation Service "IS0000000000000000000000000000dead" not found`, "Twilio error 20404"),
			},
		},
	})
	pages := map[string]int{}
	for _, r := range e.Requests() {
		pages[r.Path+" "+r.Query.Get("PageSize")]++
	}
	if pages["/v1/Services 1"]%2 != 0 || pages["/v1/Services 1"] == 0 || pages["/v1/Services 100"] == 0 || pages["/v1/Services/"+support.Sid+"/Users 3"]%3 != 0 {
		t.Errorf("requests by path and page size: %v; want 2 pages of services and 3 of users a read, and services 100 a page by default", pages)
	}
	expectPlanErrors(t, "twilio_conversation_users", map[string]planError{
		"bad service": {`chat_service_sid = "CH00000000000000000000000000000001"`, []string{"chat_service_sid", "must be a Twilio SID: IS followed by 32 hexadecimal digits"}},
	})
}

// The v1 lookups without chat_service_sid read the default service's
// endpoints; with it, the named service's; an unknown one is an error.
func TestV1ServiceVariants(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 15, V1Conversations: 7, Users: 3})
	e := startEmulator(t, d, emulator.Faults{})
	alice := d.Services[0].Users[0]
	want := expectUserConversations(d, alice)
	var sales []knownvalue.Check
	for _, c := range d.Services[1].Conversations {
		for _, p := range c.Participants {
			if p.Identity != nil && *p.Identity == alice.Identity {
				sales = append(sales, knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"conversation_sid": strv(c.Sid), "chat_service_sid": strv(emulator.SalesServiceSid), "participant_sid": strv(p.Sid),
				}))
			}
		}
	}
	if len(want) != 7 || len(sales) != 3 {
		t.Fatalf("test data: %d and %d conversations", len(want), len(sales))
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: e.config(`
data "twilio_user_conversations" "default_service" {
  identity  = "alice"
  page_size = 3
}
data "twilio_participant_conversations" "sales" {
  identity         = "alice"
  chat_service_sid = "` + emulator.SalesServiceSid + `"
}
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.twilio_user_conversations.default_service", tfjsonpath.New("conversations"), knownvalue.ListExact(want)),
					statecheck.ExpectKnownValue("data.twilio_user_conversations.default_service", tfjsonpath.New("id"), strv("user_conversations?inputs_digest="+inputsDigest(url.Values{"identity": {"alice"}}))),
					statecheck.ExpectKnownValue("data.twilio_participant_conversations.sales", tfjsonpath.New("conversations"), knownvalue.ListExact(sales)),
					statecheck.ExpectKnownValue("data.twilio_participant_conversations.sales", tfjsonpath.New("id"),
						strv("participant_conversations?chat_service_sid="+emulator.SalesServiceSid+"&inputs_digest="+inputsDigest(url.Values{"identity": {"alice"}}))),
				},
			},
			{
				Config: e.config(`
data "twilio_participant_conversations" "unknown" {
  identity         = "alice"
  chat_service_sid = "IS0000000000000000000000000000dead"
}`),
				ExpectError: errRe(`Twilio Conversation Service "IS0000000000000000000000000000dead" not found`),
			},
		},
	})
	paths := map[string]bool{}
	for _, r := range e.Requests() {
		paths[r.Path] = true
	}
	for _, p := range []string{"/v1/Users/alice/Conversations", "/v1/Services/" + emulator.SalesServiceSid + "/ParticipantConversations"} {
		if !paths[p] {
			t.Errorf("no request to %s; requests: %v", p, paths)
		}
	}
	expectPlanErrors(t, "twilio_participant_conversations", map[string]planError{
		"bad service": {"identity = \"a\"\nchat_service_sid = \"IS1\"", []string{"chat_service_sid", "must be a Twilio SID: IS"}},
	})
}
