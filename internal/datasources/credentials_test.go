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

// One credential by SID: every attribute at the top level, the SID as
// configured, an unknown SID, and a malformed one at plan time.
func TestCredentialLookup(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 26})
	e := startEmulator(t, d, emulator.Faults{})
	var sandbox, fcm emulator.Credential
	for _, c := range d.Credentials {
		switch {
		case c.Sid == emulator.SandboxCredentialSid:
			sandbox = c
		case c.Type == "fcm" && c.FriendlyName == nil:
			fcm = c
		}
	}
	if sandbox.Sid == "" || fcm.Sid == "" {
		t.Fatal("test data: a sandbox credential and an unnamed fcm one")
	}
	checks := expectAttributes("data.twilio_credential_v1.sandbox", withID(credentialChecks(d, sandbox), sandbox.Sid))
	checks = append(checks, expectAttributes("data.twilio_credential_v1.fcm", withID(credentialChecks(d, fcm), fcm.Sid))...)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: e.config(`
data "twilio_credentials_v1" "all" {}
data "twilio_credential_v1" "sandbox" { sid = "` + sandbox.Sid + `" }
data "twilio_credential_v1" "fcm" {
  sid = one([for c in data.twilio_credentials_v1.all.credentials : c.sid if c.type == "fcm" && c.friendly_name == null])
}
`),
				ConfigStateChecks: checks,
			},
			{
				Config:      e.config(`data "twilio_credential_v1" "x" { sid = "CR0000000000000000000000000000dead" }`),
				ExpectError: errRe(`Twilio credential "CR0000000000000000000000000000dead" not found`, "HTTP 404", "Twilio error 20404"),
			},
		},
	})
	paths := map[string]bool{}
	for _, r := range e.Requests() {
		paths[r.Path] = true
	}
	for _, p := range []string{"/v1/Credentials/" + sandbox.Sid, "/v1/Credentials/" + fcm.Sid} {
		if !paths[p] {
			t.Errorf("no request to %s: %v", p, paths)
		}
	}
	expectPlanErrors(t, "twilio_credential_v1", map[string]planError{
		"not a CR SID": {`sid = "IS00000000000000000000000000000001"`, []string{"sid", "must be a Twilio SID: CR followed by 32 hexadecimal digits"}},
		"no sid":       {``, []string{`The argument "sid" is required`}},
	})
}

func withID(m map[string]knownvalue.Check, id string) map[string]knownvalue.Check {
	m["id"] = strv(id)
	return m
}
