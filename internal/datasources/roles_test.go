package datasources_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// strList is a list of strings in state; nil is null.
func strList(vs []string) knownvalue.Check {
	if vs == nil {
		return knownvalue.Null()
	}
	checks := make([]knownvalue.Check, len(vs))
	for i, v := range vs {
		checks[i] = strv(v)
	}
	return knownvalue.ListExact(checks)
}

func roleChecks(d *emulator.Dataset, s emulator.Service, r emulator.Role) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{
		"sid": strv(r.Sid), "account_sid": strv(d.AccountSid), "chat_service_sid": strv(s.Sid), "friendly_name": str(r.FriendlyName),
		"type": strOrNull(r.Type), "permissions": strList(r.Permissions), "date_created": strOrNull(r.DateCreated),
		"date_updated": strOrNull(r.DateUpdated), "url": strv("https://conversations.twilio.com/v1/Services/" + s.Sid + "/Roles/" + r.Sid),
	}
}

func expectRoles(d *emulator.Dataset, s emulator.Service) []knownvalue.Check {
	out := make([]knownvalue.Check, len(s.Roles))
	for i, r := range s.Roles {
		out[i] = knownvalue.ObjectExact(roleChecks(d, s, r))
	}
	return out
}

// countsByType counts the service's roles by type, as counts_by_type.
func countsByType(s emulator.Service) knownvalue.Check {
	n := map[string]int64{}
	for _, r := range s.Roles {
		n[r.Type]++
	}
	m := map[string]knownvalue.Check{}
	for k, v := range n {
		m[k] = knownvalue.Int64Exact(v)
	}
	return knownvalue.MapExact(m)
}

// Roles of the default service and of a named one: every page and field,
// nulls null, counts, max_items, include_items = false; one role by SID in
// each; unknown roles and services; invalid inputs at plan time.
func TestRoles(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 21, Users: 3, V1Conversations: 1})
	e := startEmulator(t, d, emulator.Faults{})
	support, sales := d.Services[0], d.Services[1]
	roles := expectRoles(d, support)
	if len(roles) < 5 || len(sales.Roles) != 2 {
		t.Fatalf("test data: %d and %d roles", len(roles), len(sales.Roles))
	}
	const ds = "data.twilio_roles_v1."
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(ds+"default", tfjsonpath.New("roles"), knownvalue.ListExact(roles)),
		statecheck.ExpectKnownValue(ds+"default", tfjsonpath.New("total"), knownvalue.Int64Exact(int64(len(roles)))),
		statecheck.ExpectKnownValue(ds+"default", tfjsonpath.New("counts_by_type"), countsByType(support)),
		statecheck.ExpectKnownValue(ds+"default", tfjsonpath.New("id"), strv("roles_v1")),
		statecheck.ExpectKnownValue(ds+"default", tfjsonpath.New("chat_service_sid"), knownvalue.Null()),
		statecheck.ExpectKnownValue(ds+"sales", tfjsonpath.New("roles"), knownvalue.ListExact(expectRoles(d, sales))),
		statecheck.ExpectKnownValue(ds+"sales", tfjsonpath.New("counts_by_type"), countsByType(sales)),
		statecheck.ExpectKnownValue(ds+"sales", tfjsonpath.New("id"), strv("roles_v1?chat_service_sid="+sales.Sid)),
		statecheck.ExpectKnownValue(ds+"first_two", tfjsonpath.New("roles"), knownvalue.ListExact(roles[:2])),
		statecheck.ExpectKnownValue(ds+"first_two", tfjsonpath.New("id"), strv("roles_v1?max_items=2")),
		statecheck.ExpectKnownValue(ds+"counts_only", tfjsonpath.New("roles"), knownvalue.Null()),
		statecheck.ExpectKnownValue(ds+"counts_only", tfjsonpath.New("total"), knownvalue.Int64Exact(int64(len(roles)))),
		statecheck.ExpectKnownValue(ds+"counts_only", tfjsonpath.New("counts_by_type"), countsByType(support)),
	}
	// One role by SID: of the default service, whose SID is then stored,
	// and of the second service, every nullable field null.
	checks = append(checks, expectAttributes("data.twilio_role_v1.default", roleChecks(d, support, support.Roles[4]))...)
	checks = append(checks, expectAttributes("data.twilio_role_v1.sales", roleChecks(d, sales, sales.Roles[1]))...)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: e.config(`
data "twilio_roles_v1" "default" { page_size = 2 }
data "twilio_roles_v1" "sales" { chat_service_sid = "` + sales.Sid + `" }
data "twilio_roles_v1" "first_two" { max_items = 2 }
data "twilio_roles_v1" "counts_only" { include_items = false }
data "twilio_role_v1" "default" { sid = "` + support.Roles[4].Sid + `" }
data "twilio_role_v1" "sales" {
  sid              = "` + sales.Roles[1].Sid + `"
  chat_service_sid = "` + sales.Sid + `"
}
`),
				ConfigStateChecks: checks,
			},
			{
				Config:      e.config(`data "twilio_roles_v1" "x" { chat_service_sid = "IS0000000000000000000000000000dead" }`),
				ExpectError: errRe(`Twilio Conversation Service "IS0000000000000000000000000000dead" not found`, "Twilio error 20404"),
			},
			{
				// A role of the second service is not one of the default's.
				Config:      e.config(`data "twilio_role_v1" "x" { sid = "` + sales.Roles[0].Sid + `" }`),
				ExpectError: errRe(`Twilio role "`+sales.Roles[0].Sid+`" not found`, "HTTP 404", "Twilio error 20404"),
			},
			{
				Config: e.config(`data "twilio_role_v1" "x" {
  sid              = "` + support.Roles[0].Sid + `"
  chat_service_sid = "IS0000000000000000000000000000dead"
}`),
				ExpectError: errRe(`Twilio role "` + support.Roles[0].Sid + `" of Conversation Service "IS0000000000000000000000000000dead" not found`),
			},
		},
	})
	pages := map[string]int{}
	for _, r := range e.Requests() {
		pages[r.Path+" "+r.Query.Get("PageSize")]++
	}
	if n := pages["/v1/Roles 2"]; n == 0 || n%3 != 0 {
		t.Errorf("requests by path and page size: %v; want 3 pages of 2 roles a read", pages)
	}
	if pages["/v1/Roles/"+support.Roles[4].Sid+" "] == 0 || pages["/v1/Services/"+sales.Sid+"/Roles/"+sales.Roles[1].Sid+" "] == 0 {
		t.Errorf("the lookups did not read their paths: %v", pages)
	}
	expectPlanErrors(t, "twilio_roles_v1", map[string]planError{
		"bad service":    {`chat_service_sid = "CH00000000000000000000000000000001"`, []string{"chat_service_sid", "must be a Twilio SID: IS followed by 32 hexadecimal digits"}},
		"page too large": {`page_size = 51`, []string{"page_size must be a whole number from 1 to 50"}},
	})
	expectPlanErrors(t, "twilio_role_v1", map[string]planError{
		"no sid":      {``, []string{`The argument "sid" is required`}},
		"bad sid":     {`sid = "US00000000000000000000000000000001"`, []string{"sid", "must be a Twilio SID: RL followed by 32 hexadecimal digits"}},
		"bad service": {"sid = \"RL00000000000000000000000000000001\"\nchat_service_sid = \"IS1\"", []string{"chat_service_sid", "must be a Twilio SID: IS"}},
	})
}
