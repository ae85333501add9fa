package datasources_test

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

func bindingChecks(d *emulator.Dataset, s emulator.Service, b emulator.Binding) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{
		"sid": strv(b.Sid), "account_sid": strv(d.AccountSid), "chat_service_sid": strv(s.Sid), "credential_sid": str(b.CredentialSid),
		"date_created": strOrNull(b.DateCreated), "date_updated": strOrNull(b.DateUpdated), "endpoint": str(b.Endpoint),
		"identity": str(b.Identity), "binding_type": strOrNull(b.BindingType), "message_types": strList(b.MessageTypes),
		"url": strv("https://conversations.twilio.com/v1/Services/" + s.Sid + "/Bindings/" + b.Sid),
	}
}

// expectBindings are the bindings of s that keep accepts, and their counts
// by type.
func expectBindings(d *emulator.Dataset, s emulator.Service, keep func(emulator.Binding) bool) ([]knownvalue.Check, knownvalue.Check) {
	var out []knownvalue.Check
	n := map[string]int64{}
	for _, b := range s.Bindings {
		if keep(b) {
			out = append(out, knownvalue.ObjectExact(bindingChecks(d, s, b)))
			n[b.BindingType]++
		}
	}
	counts := map[string]knownvalue.Check{}
	for k, v := range n {
		counts[k] = knownvalue.Int64Exact(v)
	}
	return out, knownvalue.MapExact(counts)
}

// Bindings: every page and field, nulls null, Twilio's filters (repeated
// BindingType and Identity), counts, an id without identities in it, one
// binding by SID, unknown ones, and invalid inputs at plan time.
func TestBindings(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 24, Users: 8, V1Conversations: 1})
	e := startEmulator(t, d, emulator.Faults{})
	support, sales := d.Services[0], d.Services[1]
	all, allCounts := expectBindings(d, support, func(emulator.Binding) bool { return true })
	who := []string{support.Users[2].Identity, support.Users[0].Identity} // carol/ops, alice
	types := []string{"gcm", "fcm"}
	some, someCounts := expectBindings(d, support, func(b emulator.Binding) bool {
		return slices.Contains(types, b.BindingType) && b.Identity != nil && slices.Contains(who, *b.Identity)
	})
	salesAll, salesCounts := expectBindings(d, sales, func(emulator.Binding) bool { return true })
	if len(all) != 9 || len(some) != 2 || len(salesAll) != 2 {
		t.Fatalf("test data: %d, %d and %d bindings", len(all), len(some), len(salesAll))
	}
	sorted := slices.Clone(who)
	slices.Sort(sorted)
	const ds = "data.twilio_bindings_v1."
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(ds+"all", tfjsonpath.New("bindings"), knownvalue.ListExact(all)),
		statecheck.ExpectKnownValue(ds+"all", tfjsonpath.New("total"), knownvalue.Int64Exact(int64(len(all)))),
		statecheck.ExpectKnownValue(ds+"all", tfjsonpath.New("counts_by_binding_type"), allCounts),
		statecheck.ExpectKnownValue(ds+"all", tfjsonpath.New("id"), strv("bindings_v1?chat_service_sid="+support.Sid)),
		statecheck.ExpectKnownValue(ds+"some", tfjsonpath.New("bindings"), knownvalue.ListExact(some)),
		statecheck.ExpectKnownValue(ds+"some", tfjsonpath.New("counts_by_binding_type"), someCounts),
		statecheck.ExpectKnownValue(ds+"some", tfjsonpath.New("id"),
			strv("bindings_v1?binding_type=fcm&binding_type=gcm&chat_service_sid="+support.Sid+"&inputs_digest="+inputsDigest(url.Values{"identity": sorted}))),
		statecheck.ExpectKnownValue(ds+"sales", tfjsonpath.New("bindings"), knownvalue.ListExact(salesAll)),
		statecheck.ExpectKnownValue(ds+"sales", tfjsonpath.New("counts_by_binding_type"), salesCounts),
		statecheck.ExpectKnownValue(ds+"counts_only", tfjsonpath.New("bindings"), knownvalue.Null()),
		statecheck.ExpectKnownValue(ds+"counts_only", tfjsonpath.New("counts_by_binding_type"), allCounts),
		statecheck.ExpectKnownValue(ds+"first_three", tfjsonpath.New("bindings"), knownvalue.ListExact(all[:3])),
	}
	checks = append(checks, expectAttributes("data.twilio_binding_v1.one", bindingChecks(d, support, support.Bindings[3]))...)
	checks = append(checks, expectAttributes("data.twilio_binding_v1.null", bindingChecks(d, sales, sales.Bindings[0]))...)
	identities, _ := json.Marshal(who)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: e.config(`
data "twilio_bindings_v1" "all" {
  chat_service_sid = "` + support.Sid + `"
  page_size        = 4
}
data "twilio_bindings_v1" "some" {
  chat_service_sid = "` + support.Sid + `"
  binding_types    = ["gcm", "fcm"]
  identities       = ` + string(identities) + `
}
data "twilio_bindings_v1" "sales" { chat_service_sid = "` + sales.Sid + `" }
data "twilio_bindings_v1" "counts_only" {
  chat_service_sid = "` + support.Sid + `"
  include_items    = false
}
data "twilio_bindings_v1" "first_three" {
  chat_service_sid = "` + support.Sid + `"
  max_items        = 3
}
data "twilio_binding_v1" "one" {
  chat_service_sid = "` + support.Sid + `"
  sid              = "` + support.Bindings[3].Sid + `"
}
data "twilio_binding_v1" "null" {
  chat_service_sid = "` + sales.Sid + `"
  sid              = "` + sales.Bindings[0].Sid + `"
}
`),
				ConfigStateChecks: checks,
			},
			{
				Config:      e.config(`data "twilio_bindings_v1" "x" { chat_service_sid = "` + deadService + `" }`),
				ExpectError: errRe(`Twilio Conversation Service "`+deadService+`" not found`, "Twilio error 20404"),
			},
			{
				Config: e.config(`data "twilio_binding_v1" "x" {
  chat_service_sid = "` + sales.Sid + `"
  sid              = "` + support.Bindings[0].Sid + `"
}`),
				ExpectError: errRe(`Twilio binding "`+support.Bindings[0].Sid+`" of Conversation Service "`+sales.Sid+`" not found`, "HTTP 404"),
			},
		},
	})
	pages, filtered := 0, false
	for _, r := range e.Requests() {
		if r.Path == "/v1/Services/"+support.Sid+"/Bindings" && r.Query.Get("PageSize") == "4" {
			pages++
		}
		if slices.Equal(r.Query["BindingType"], []string{"fcm", "gcm"}) && len(r.Query["Identity"]) == 2 {
			filtered = true
		}
		if strings.Contains(r.RawQuery, "Identity") && !strings.Contains(r.RawQuery, "carol%2Fops") {
			t.Errorf("an identity was not encoded: %s", r.RawQuery)
		}
	}
	if pages == 0 || pages%3 != 0 || !filtered {
		t.Errorf("%d requests of 4 bindings (want 3 a read); filters sent: %v", pages, filtered)
	}
	expectPlanErrors(t, "twilio_bindings_v1", map[string]planError{
		"no service":     {``, []string{`The argument "chat_service_sid" is required`}},
		"bad type":       {"chat_service_sid = \"" + support.Sid + "\"\nbinding_types = [\"sms\"]", []string{"binding_types", "value must be one of"}},
		"empty identity": {"chat_service_sid = \"" + support.Sid + "\"\nidentities = [\"\"]", []string{"identities", "length must be at least 1"}},
		"page too large": {"chat_service_sid = \"" + support.Sid + "\"\npage_size = 101", []string{"page_size must be a whole number from 1 to 100"}},
	})
	expectPlanErrors(t, "twilio_binding_v1", map[string]planError{
		"bad sid":    {"chat_service_sid = \"" + support.Sid + "\"\nsid = \"RL00000000000000000000000000000001\"", []string{"sid", "must be a Twilio SID: BS"}},
		"no service": {`sid = "BS00000000000000000000000000000001"`, []string{`The argument "chat_service_sid" is required`}},
	})
}
