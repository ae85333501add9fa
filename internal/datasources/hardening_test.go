package datasources_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// JSON text that a normalized-JSON attribute cannot hold, or that nests
// deep enough to stall Terraform's plan rendering, is a value Twilio may
// send (a v1 attributes string is any string): the read succeeds, every
// item is stored, and that one value is null. The warning that names the
// item and the attribute is checked in TestWriterWarnings.
func TestJSONTextThatCannotBeStored(t *testing.T) {
	deep := strings.Repeat("[", 100) + strings.Repeat("]", 100)
	v1 := func(attributes string) (*emulator.Dataset, string) {
		d := emulator.Generate(emulator.GenerateOptions{Seed: 8, V1Conversations: 6, Users: 2})
		d.Services[0].Conversations[3].Attributes = attributes
		return d, d.Services[0].Conversations[3].Sid
	}
	v2 := emulator.Generate(emulator.GenerateOptions{Seed: 8, Conversations: 6})
	v2ID := ""
	for i := range v2.Conversations {
		if c := v2.Conversations[i].Configuration; c != nil && i >= 2 {
			c.ChannelSettings = json.RawMessage(`{"SMS":` + deep + `}`)
			v2ID = v2.Conversations[i].ID
			break
		}
	}
	notJSON, notJSONSid := v1(`{"priority": 1`)
	tooDeep, tooDeepSid := v1(deep)
	for name, tc := range map[string]struct {
		data *emulator.Dataset
		body string
	}{
		"v1 attributes that are not JSON": {notJSON, `data "twilio_user_conversations" "a" {
  chat_service_sid = "` + emulator.ServiceSid + `"
  identity         = "alice"
}
locals {
  odd = [for c in data.twilio_user_conversations.a.conversations : c.attributes if c.conversation_sid == "` + notJSONSid + `"]
}`},
		"v1 attributes nested 100 deep": {tooDeep, `data "twilio_participant_conversations" "a" { identity = "alice" }
locals {
  odd = [for c in data.twilio_participant_conversations.a.conversations : c.conversation_attributes if c.conversation_sid == "` + tooDeepSid + `"]
}`},
		"channel settings nested 101 deep": {v2, `data "twilio_conversations" "a" {}
locals {
  odd = [for c in data.twilio_conversations.a.conversations : c.configuration.channel_settings if c.id == "` + v2ID + `"]
}`},
	} {
		t.Run(name, func(t *testing.T) {
			e := startEmulator(t, tc.data, emulator.Faults{})
			// The odd item is there, and its value is null.
			body := tc.body + `
output "only_null" { value = length(local.odd) == 1 && alltrue([for v in local.odd : v == null]) }`
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: providers,
				Steps: []resource.TestStep{{Config: e.config(body), ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("only_null", knownvalue.Bool(true)),
				}}},
			})
		})
	}
}

// Through the real CLI: a redirect is an error that names where it
// pointed, and its target hears nothing; a port that cannot exist fails at
// plan time without a request.
func TestRedirectsAndImpossiblePorts(t *testing.T) {
	var stolen atomic.Int32
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { stolen.Add(1) }))
	defer target.Close()
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+r.URL.Path+"?leak=1", http.StatusTemporaryRedirect)
	}))
	defer redirector.Close()
	provider := func(baseURL string) string {
		return `
provider "twilio" {
  account_sid = "` + emulator.DefaultUsername + `"
  auth_token  = "` + emulator.DefaultPassword + `"
  base_url    = "` + baseURL + `"
}
data "twilio_conversations" "all" {}
`
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{Config: provider(redirector.URL), ExpectError: errRe("HTTP 307", "a redirect to "+target.URL+", which the provider does not follow")},
			{Config: provider("http://127.0.0.1:99999"), PlanOnly: true, ExpectError: errRe("base_url must be a scheme and host", "a port is a number from 1 to 65535")},
		},
	})
	if n := stolen.Load(); n != 0 {
		t.Errorf("the redirect target received %d requests", n)
	}
}

// A server that hands out a new page token forever cannot keep a plan
// reading: timeouts.read ends it, and nothing is stored.
func TestEndlessPagingEndsAtTheReadTimeout(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := requests.Add(1)
		fmt.Fprintf(w, `{"conversations":[{"id":"c%d"}],"meta":{"nextToken":"t%d"}}`, n, n)
	}))
	defer srv.Close()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: `
provider "twilio" {
  account_sid = "` + emulator.DefaultUsername + `"
  auth_token  = "` + emulator.DefaultPassword + `"
  base_url    = "` + srv.URL + `"
}
data "twilio_conversations" "endless" {
  timeouts = { read = "2s" }
}`,
			ExpectError: errRe("Twilio read timed out", `timeouts.read ("2s")`, "had been read in full", "Nothing was stored"),
		}},
	})
	t.Logf("%d requests before the timeout", requests.Load())
}

// Invalid UTF-8 inside JSON text is replaced with U+FFFD as in every other
// string: kept as sent, Terraform replaced it in state and every later
// plan showed a change.
func TestInvalidUTF8InJSONTextPlansNoChange(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 8, Conversations: 3})
	for i := range d.Conversations {
		if c := d.Conversations[i].Configuration; c != nil {
			c.ChannelSettings = json.RawMessage("{\"SMS\":{\"greeting\":\"caf\xe9\"}}")
		}
	}
	e := startEmulator(t, d, emulator.Faults{})
	body := `data "twilio_conversations" "a" {}
output "settings" { value = [for c in data.twilio_conversations.a.conversations : c.configuration.channel_settings if c.configuration != null] }
`
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{Config: e.config(body), ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValueAtPath("settings", tfjsonpath.New(0), knownvalue.StringExact("{\"SMS\":{\"greeting\":\"caf\uFFFD\"}}")),
			}},
			// A second plan of the same configuration shows no change.
			{Config: e.config(body), PlanOnly: true},
		},
	})
}

// Terraform keeps strings in Unicode NFC: statuses that differ only in
// their normalisation are counted together, so the counts add up to
// total, and metadata keys that would collapse into one keep the first.
func TestUnicodeNormalisation(t *testing.T) {
	composed, decomposed := "\u00e9t\u00e9", "e\u0301te\u0301"
	d := emulator.Generate(emulator.GenerateOptions{Seed: 8, Conversations: 4})
	d.Conversations[0].Status = composed
	d.Conversations[1].Status = decomposed
	d.Conversations[0].Metadata = map[string]string{composed: "first", decomposed: "second"}
	e := startEmulator(t, d, emulator.Faults{})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: e.config(`data "twilio_conversations" "a" {}
output "sum" { value = sum(values(data.twilio_conversations.a.counts_by_status)) }
output "metadata" { value = data.twilio_conversations.a.conversations[0].metadata }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("sum", knownvalue.Int64Exact(4)),
				statecheck.ExpectKnownValue("data.twilio_conversations.a", tfjsonpath.New("counts_by_status").AtMapKey(composed), knownvalue.Int64Exact(2)),
				// The decomposed key sorts first, and is the one kept.
				statecheck.ExpectKnownOutputValue("metadata", knownvalue.MapExact(map[string]knownvalue.Check{composed: strv("second")})),
			},
		}},
	})
}

// A read timeout of zero or less is refused at plan time, naming the
// attribute, for every kind of data source; before, it passed and the read
// then failed with a timeout message.
func TestNonPositiveReadTimeoutRefusedAtPlan(t *testing.T) {
	for _, typ := range []string{"twilio_conversations", "twilio_conversation_services"} {
		expectPlanErrors(t, typ, map[string]planError{
			"zero":     {`timeouts = { read = "0s" }`, []string{"timeouts.read", "must be a positive duration such as 30s or 10m"}},
			"negative": {`timeouts = { read = "-5m" }`, []string{"timeouts.read", "must be a positive duration"}},
		})
	}
}
