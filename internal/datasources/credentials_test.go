package datasources_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// credentialChecks are the attributes of one credential, from the
// emulator's account: exactly these, and no secret among them.
func credentialChecks(d *emulator.Dataset, c emulator.Credential) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{
		"sid": strv(c.Sid), "account_sid": strv(d.AccountSid), "friendly_name": str(c.FriendlyName), "type": strv(c.Type),
		"sandbox": str(c.Sandbox), "date_created": strv(c.DateCreated), "date_updated": strv(c.DateUpdated),
		"url": strv("https://conversations.twilio.com/v1/Credentials/" + c.Sid),
	}
}

// Credentials: every page and field (the sandbox one among them), counts
// by type, include_items and max_items.
func TestCredentials(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 25})
	e := startEmulator(t, d, emulator.Faults{})
	var all []knownvalue.Check
	counts := map[string]int64{}
	sandbox := -1
	for i, c := range d.Credentials {
		all = append(all, knownvalue.ObjectExact(credentialChecks(d, c)))
		counts[c.Type]++
		if c.Sid == emulator.SandboxCredentialSid {
			sandbox = i
		}
	}
	countChecks := map[string]knownvalue.Check{}
	for k, n := range counts {
		countChecks[k] = knownvalue.Int64Exact(n)
	}
	if len(all) != 7 || len(counts) != 3 || sandbox < 0 {
		t.Fatalf("test data: %d credentials of types %v", len(all), counts)
	}
	const ds = "data.twilio_credentials_v1."
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: e.config(`
data "twilio_credentials_v1" "all" { page_size = 3 }
data "twilio_credentials_v1" "default_page_size" {}
data "twilio_credentials_v1" "counts" { include_items = false }
data "twilio_credentials_v1" "first_two" { max_items = 2 }
locals {
  sandbox = [for c in data.twilio_credentials_v1.all.credentials : c.sid if lower(coalesce(c.sandbox, "false")) == "true"]
}
output "sandbox" { value = local.sandbox }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(ds+"all", tfjsonpath.New("credentials"), knownvalue.ListExact(all)),
				statecheck.ExpectKnownValue(ds+"all", tfjsonpath.New("total"), knownvalue.Int64Exact(7)),
				statecheck.ExpectKnownValue(ds+"all", tfjsonpath.New("counts_by_type"), knownvalue.MapExact(countChecks)),
				statecheck.ExpectKnownValue(ds+"all", tfjsonpath.New("id"), strv("credentials_v1")),
				statecheck.ExpectKnownValue(ds+"default_page_size", tfjsonpath.New("credentials"), knownvalue.ListExact(all)),
				statecheck.ExpectKnownValue(ds+"counts", tfjsonpath.New("credentials"), knownvalue.Null()),
				statecheck.ExpectKnownValue(ds+"counts", tfjsonpath.New("counts_by_type"), knownvalue.MapExact(countChecks)),
				statecheck.ExpectKnownValue(ds+"first_two", tfjsonpath.New("credentials"), knownvalue.ListExact(all[:2])),
				statecheck.ExpectKnownValue(ds+"first_two", tfjsonpath.New("id"), strv("credentials_v1?max_items=2")),
				statecheck.ExpectKnownOutputValue("sandbox", knownvalue.ListExact([]knownvalue.Check{strv(emulator.SandboxCredentialSid)})),
			},
		}},
	})
	sizes := map[string]int{}
	for _, r := range e.Requests() {
		if r.Path != "/v1/Credentials" {
			t.Errorf("request to %s", r.Path)
		}
		sizes[r.Query.Get("PageSize")]++
	}
	// Per read: 3 pages of 3, 2 pages of 100 (default_page_size and
	// counts), 1 page of 2.
	reads := sizes["2"]
	if reads == 0 || sizes["3"] != 3*reads || sizes["100"] != 2*reads {
		t.Errorf("requests by PageSize: %v", sizes)
	}
	expectPlanErrors(t, "twilio_credentials_v1", map[string]planError{
		"page size over 100": {`page_size = 101`, []string{"page_size must be a whole number from 1 to 100: got 101"}},
		"a filter":           {`type = "apn"`, []string{`An argument named "type" is not expected here`}},
	})
}
