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

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// JSON text that a normalized-JSON attribute cannot hold, or that nests
// deep enough to stall Terraform's plan rendering, fails the read with the
// item and attribute named, and stores nothing.
func TestJSONTextThatCannotBeStored(t *testing.T) {
	deep := strings.Repeat("[", 100) + strings.Repeat("]", 100)
	v1 := func(attributes string) *emulator.Dataset {
		d := emulator.Generate(emulator.GenerateOptions{Seed: 8, V1Conversations: 6, Users: 2})
		d.Services[0].Conversations[3].Attributes = attributes
		return d
	}
	v2 := emulator.Generate(emulator.GenerateOptions{Seed: 8, Conversations: 6})
	for i := range v2.Conversations {
		if c := v2.Conversations[i].Configuration; c != nil && i >= 2 {
			c.ChannelSettings = json.RawMessage(`{"SMS":` + deep + `}`)
			break
		}
	}
	for name, tc := range map[string]struct {
		data *emulator.Dataset
		body string
		err  []string
	}{
		"v1 attributes that are not JSON": {v1(`{"priority": 1`), `data "twilio_user_conversations" "a" {
  chat_service_sid = "` + emulator.ServiceSid + `"
  identity         = "alice"
}`, []string{"Unexpected JSON from Twilio", `attributes of conversation "`, `is not JSON text: "{\"priority\": 1"`, "Nothing was stored"}},
		"v1 attributes nested 100 deep": {v1(deep), `data "twilio_participant_conversations" "a" { identity = "alice" }`,
			[]string{"Unexpected JSON from Twilio", "conversation_attributes of conversation", "nests arrays and objects 100 levels deep; the provider stores at most 64", "Nothing was stored"}},
		"channel settings nested 101 deep": {v2, `data "twilio_conversations" "a" {}`,
			[]string{"Unexpected JSON from Twilio", "channel_settings of conversation", "101 levels deep"}},
	} {
		t.Run(name, func(t *testing.T) {
			e := startEmulator(t, tc.data, emulator.Faults{})
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: providers,
				Steps:                    []resource.TestStep{{Config: e.config(tc.body), ExpectError: errRe(tc.err...)}},
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
			ExpectError: errRe("Twilio read timed out", `timeouts.read ("2s")`, "pages had been read", "Nothing was stored"),
		}},
	})
	t.Logf("%d requests before the timeout", requests.Load())
}
