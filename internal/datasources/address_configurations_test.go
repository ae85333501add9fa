package datasources_test

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// autoCreationChecks is what the state holds of an auto_creation the
// emulator serves as free-form JSON: each member Twilio documents, null
// when absent; null when the whole object is.
func autoCreationCheck(t *testing.T, raw json.RawMessage) knownvalue.Check {
	t.Helper()
	var m map[string]any
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
	}
	if m == nil {
		return knownvalue.Null()
	}
	checks := map[string]knownvalue.Check{}
	for _, k := range []string{"enabled", "type", "conversation_service_sid", "webhook_url", "webhook_method", "webhook_filters", "studio_flow_sid", "studio_retry_count"} {
		switch v := m[k].(type) {
		case nil:
			checks[k] = knownvalue.Null()
		case bool:
			checks[k] = knownvalue.Bool(v)
		case string:
			checks[k] = strv(v)
		case float64:
			checks[k] = knownvalue.Int64Exact(int64(v))
		case []any:
			var l []knownvalue.Check
			for _, s := range v {
				l = append(l, strv(s.(string)))
			}
			checks[k] = knownvalue.ListExact(l)
		default:
			t.Fatalf("auto_creation.%s: %T", k, v)
		}
	}
	return knownvalue.ObjectExact(checks)
}

// addressConfigurationChecks are the attributes of one address
// configuration, from the emulator's account.
func addressConfigurationChecks(t *testing.T, d *emulator.Dataset, a emulator.AddressConfiguration) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{
		"sid": strv(a.Sid), "account_sid": strv(d.AccountSid), "type": strv(a.Type), "address": strv(a.Address),
		"friendly_name": str(a.FriendlyName), "auto_creation": autoCreationCheck(t, a.AutoCreation),
		"date_created": strv(a.DateCreated), "date_updated": strv(a.DateUpdated),
		"url":             strv("https://conversations.twilio.com/v1/Configuration/Addresses/" + a.Sid),
		"address_country": str(a.AddressCountry),
	}
}

// Address configurations: every page and field (auto-creation of each
// kind, and null), the Type filter Twilio applies, counts by type,
// include_items and max_items.
func TestAddressConfigurations(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 21})
	e := startEmulator(t, d, emulator.Faults{})
	var all, sms []knownvalue.Check
	counts := map[string]int64{}
	for _, a := range d.AddressConfigurations {
		c := knownvalue.ObjectExact(addressConfigurationChecks(t, d, a))
		all = append(all, c)
		if a.Type == "sms" {
			sms = append(sms, c)
		}
		counts[a.Type]++
	}
	countChecks := map[string]knownvalue.Check{}
	for k, n := range counts {
		countChecks[k] = knownvalue.Int64Exact(n)
	}
	if len(all) != 13 || len(counts) < 3 || len(sms) == 0 {
		t.Fatalf("test data: %d address configurations, types %v", len(all), counts)
	}
	const ds = "data.twilio_address_configurations_v1."
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: e.config(`
data "twilio_address_configurations_v1" "all" { page_size = 4 }
data "twilio_address_configurations_v1" "sms" { type = "sms" }
data "twilio_address_configurations_v1" "counts" {
  include_items = false
}
data "twilio_address_configurations_v1" "first_five" {
  page_size = 2
  max_items = 5
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(ds+"all", tfjsonpath.New("address_configurations"), knownvalue.ListExact(all)),
				statecheck.ExpectKnownValue(ds+"all", tfjsonpath.New("total"), knownvalue.Int64Exact(int64(len(all)))),
				statecheck.ExpectKnownValue(ds+"all", tfjsonpath.New("counts_by_type"), knownvalue.MapExact(countChecks)),
				statecheck.ExpectKnownValue(ds+"all", tfjsonpath.New("id"), strv("address_configurations_v1")),
				statecheck.ExpectKnownValue(ds+"sms", tfjsonpath.New("address_configurations"), knownvalue.ListExact(sms)),
				statecheck.ExpectKnownValue(ds+"sms", tfjsonpath.New("counts_by_type"), knownvalue.MapExact(map[string]knownvalue.Check{"sms": knownvalue.Int64Exact(counts["sms"])})),
				statecheck.ExpectKnownValue(ds+"sms", tfjsonpath.New("id"), strv("address_configurations_v1?type=sms")),
				statecheck.ExpectKnownValue(ds+"counts", tfjsonpath.New("address_configurations"), knownvalue.Null()),
				statecheck.ExpectKnownValue(ds+"counts", tfjsonpath.New("total"), knownvalue.Int64Exact(int64(len(all)))),
				statecheck.ExpectKnownValue(ds+"counts", tfjsonpath.New("counts_by_type"), knownvalue.MapExact(countChecks)),
				statecheck.ExpectKnownValue(ds+"first_five", tfjsonpath.New("address_configurations"), knownvalue.ListExact(all[:5])),
				statecheck.ExpectKnownValue(ds+"first_five", tfjsonpath.New("id"), strv("address_configurations_v1?max_items=5")),
			},
		}},
	})
	// Per read: 4 pages of 4 (all), 1 of 50 filtered by Twilio (sms), 1
	// of 50 (counts), and 3 of at most 2 (first_five).
	byQuery := map[string]int{}
	for _, r := range e.Requests() {
		if r.Path != "/v1/Configuration/Addresses" {
			t.Errorf("request to %s", r.Path)
		}
		byQuery[r.Query.Get("Type")+"/"+r.Query.Get("PageSize")]++
	}
	reads := byQuery["sms/50"]
	if reads == 0 || byQuery["/4"] != 4*reads || byQuery["/50"] != reads || byQuery["/2"] != 3*reads {
		t.Errorf("requests by Type/PageSize: %v", byQuery)
	}
	expectPlanErrors(t, "twilio_address_configurations_v1", map[string]planError{
		"unknown type":      {`type = "SMS"`, []string{"type", "value must be one of", `got: "SMS"`}},
		"page size over 50": {`page_size = 51`, []string{"page_size must be a whole number from 1 to 50: got 51"}},
		"max_items zero":    {`max_items = 0`, []string{"max_items must be a whole number from 1 to " + strconv.Itoa(1_000_000_000)}},
	})
}

// One address configuration by SID and by address: every attribute at the
// top level, id always the SID, and the not-found errors of each. An
// address is personal data: it reaches Twilio as one path segment, and is
// in no provider log line and no error.
func TestAddressConfigurationLookup(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 22})
	e := startEmulator(t, d, emulator.Faults{})
	byType := map[string]emulator.AddressConfiguration{}
	for _, a := range d.AddressConfigurations {
		byType[a.Type] = a
	}
	insecure, wa := d.AddressConfigurations[2], byType["whatsapp"]
	if insecure.Sid != emulator.InsecureAddressSid {
		t.Fatalf("test data: %s", insecure.Sid)
	}
	const unknown = "whatsapp:+15559876543"
	logFile := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logFile)

	bySid := addressConfigurationChecks(t, d, insecure)
	bySid["sid_or_address"], bySid["id"] = strv(insecure.Sid), strv(insecure.Sid)
	byAddress := addressConfigurationChecks(t, d, wa)
	byAddress["sid_or_address"], byAddress["id"] = strv(wa.Address), strv(wa.Sid)
	checks := append(expectAttributes("data.twilio_address_configuration_v1.by_sid", bySid),
		expectAttributes("data.twilio_address_configuration_v1.by_address", byAddress)...)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: e.config(`
data "twilio_address_configuration_v1" "by_sid" { sid_or_address = "` + insecure.Sid + `" }
data "twilio_address_configuration_v1" "by_address" { sid_or_address = "` + wa.Address + `" }
`),
				ConfigStateChecks: checks,
			},
			{
				Config:      e.config(`data "twilio_address_configuration_v1" "x" { sid_or_address = "IG0000000000000000000000000000dead" }`),
				ExpectError: errRe(`Twilio address configuration "IG0000000000000000000000000000dead" not found`, "HTTP 404", "Twilio error 20404"),
			},
			{
				Config:      e.config(`data "twilio_address_configuration_v1" "x" { sid_or_address = "` + unknown + `" }`),
				ExpectError: errRe(`Twilio address configuration of the address given in sid_or_address not found`, "/v1/Configuration/Addresses/{address}", "20404"),
			},
		},
	})
	paths := map[string]bool{}
	for _, r := range e.Requests() {
		paths[r.RawPath] = true
	}
	for _, p := range []string{"/v1/Configuration/Addresses/" + insecure.Sid, "/v1/Configuration/Addresses/" + url.PathEscape(wa.Address), "/v1/Configuration/Addresses/" + url.PathEscape(unknown)} {
		if !paths[p] {
			t.Errorf("no request to %s: %v", p, paths)
		}
	}
	logs, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	var provider int
	for _, line := range strings.Split(string(logs), "\n") {
		if !providerLine.MatchString(line) {
			continue // terraform's and the test's own lines, which print the configuration
		}
		provider++
		for _, addr := range []string{wa.Address, unknown} {
			if strings.Contains(line, strings.TrimPrefix(addr, "whatsapp:")) {
				t.Errorf("a provider log line holds an address: %.300s", line)
			}
		}
	}
	if provider < 100 || !strings.Contains(string(logs), "/v1/Configuration/Addresses/***") {
		t.Errorf("%d provider log lines, none with a masked address: the test would prove nothing", provider)
	}
	expectPlanErrors(t, "twilio_address_configuration_v1", map[string]planError{
		"empty": {`sid_or_address = ""`, []string{"sid_or_address string length must be at least 1"}},
		"none":  {``, []string{`The argument "sid_or_address" is required`}},
	})
}

// providerLine is a log line of the provider: its own, and those the
// plugin framework and protocol server write for it.
var providerLine = regexp.MustCompile(`^\S+ \[[A-Z]+\] (twilio|sdk\.framework|sdk\.proto)[a-z_.]*:`)
