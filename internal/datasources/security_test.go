package datasources_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// noSecrets fails a plan or state check when its JSON contains a secret.
type noSecrets struct{ secrets []string }

func (c noSecrets) find(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	for _, s := range c.secrets {
		if strings.Contains(string(b), s) {
			return fmt.Errorf("found a secret (%d bytes) in %d bytes of JSON", len(s), len(b))
		}
	}
	return nil
}

func (c noSecrets) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = c.find(req.State)
}

func (c noSecrets) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = c.find(req.Plan)
}

func TestSecretsNeverInLogsStateOrPlan(t *testing.T) {
	const token = "tok-5ecret-emulatorauthtoken-value"
	d := emulator.Generate(emulator.GenerateOptions{Seed: 2, Conversations: 9, ParticipantsPerConversation: 1, V1Conversations: 9, Users: 2})
	e := startEmulatorWith(t, d, emulator.Options{Password: token, Faults: emulator.Faults{RateLimitEvery: 3, RetryAfter: "0"}})
	basic := base64.StdEncoding.EncodeToString([]byte(emulator.DefaultUsername + ":" + token))
	check := noSecrets{secrets: []string{token, basic}}

	logFile := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logFile)
	t.Setenv("TWILIO_ACCOUNT_SID", emulator.DefaultUsername)
	t.Setenv("TWILIO_AUTH_TOKEN", token)

	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: `
provider "twilio" {
  base_url = "` + e.URL + `"
}
data "twilio_conversations" "all" { page_size = 4 }
data "twilio_participant_conversations" "alice" { identity = "alice" }
`,
			ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{check}},
			ConfigStateChecks: []statecheck.StateCheck{check, statecheck.ExpectKnownValue("data.twilio_conversations.all", tfjsonpath.New("conversations"), knownvalue.ListSizeExact(9))},
		}},
	})

	logs, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"twilio_http", "HTTP request", "HTTP response body", "retrying request"} {
		if !strings.Contains(string(logs), want) {
			t.Errorf("the trace log has no %q: the test would prove nothing", want)
		}
	}
	if strings.Contains(string(logs), token) || strings.Contains(string(logs), basic) {
		t.Error("a credential appears in the trace log")
	}
}

// hostile are identities and addresses that would break a naive client:
// path separators, query and fragment characters, escapes, traversal,
// non-Latin scripts and great length.
var hostile = []string{
	"a/b", "q?Identity=evil&x=1", "h#frag", "pct%2F%41", "..", ".", "dots/../../v2/Conversations",
	"space and\ttab", "李雷/组", "ÅÄÖ-😀", strings.Repeat("long-é", 60),
}

func hostileData() *emulator.Dataset {
	str := func(s string) *string { return &s }
	svc := emulator.Service{Sid: emulator.ServiceSid, Default: true}
	for i, id := range hostile {
		svc.Users = append(svc.Users, emulator.User{Sid: fmt.Sprintf("US%032x", i+1), Identity: id})
		svc.Conversations = append(svc.Conversations, emulator.V1Conversation{
			Sid: fmt.Sprintf("CH%032x", i+1), Attributes: "{}", State: "active", Timers: map[string]string{},
			DateCreated: "2025-01-01T00:00:00Z", DateUpdated: "2025-01-01T00:00:00Z",
			Participants: []emulator.V1Participant{
				{Sid: fmt.Sprintf("MB%032x", 2*i+1), Identity: str(id), NotificationLevel: "default"},
				{Sid: fmt.Sprintf("MB%032x", 2*i+2), NotificationLevel: "default", MessagingBinding: &emulator.MessagingBinding{Address: "addr:" + id, Type: "sms"}},
			},
		})
	}
	return &emulator.Dataset{AccountSid: emulator.AccountSid, Services: []emulator.Service{svc}}
}

func TestHostileIdentitiesAndAddressesReachTheAPIAsGiven(t *testing.T) {
	d := hostileData()
	e := startEmulator(t, d, emulator.Faults{})
	var cfg strings.Builder
	var checks []statecheck.StateCheck
	for i, id := range hostile {
		fmt.Fprintf(&cfg, `
data "twilio_user_conversations" "u%d" {
  chat_service_sid = %q
  identity         = %s
}
data "twilio_participant_conversations" "i%d" {
  identity = %s
}
data "twilio_participant_conversations" "a%d" {
  address = %s
}
`, i, emulator.ServiceSid, hclString(id), i, hclString(id), i, hclString("addr:"+id))
		one := knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{"conversation_sid": strv(fmt.Sprintf("CH%032x", i+1))})})
		for _, ds := range []string{"data.twilio_user_conversations.u", "data.twilio_participant_conversations.i", "data.twilio_participant_conversations.a"} {
			checks = append(checks, statecheck.ExpectKnownValue(ds+strconv.Itoa(i), tfjsonpath.New("conversations"), one))
		}
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps:                    []resource.TestStep{{Config: e.config(cfg.String()), ConfigStateChecks: checks}},
	})
	seen := map[string]bool{}
	for _, r := range e.Requests() {
		switch {
		case strings.HasPrefix(r.Path, "/v1/Services/"):
			seg := strings.Split(strings.TrimPrefix(r.RawPath, "/v1/Services/"+emulator.ServiceSid+"/Users/"), "/")
			if len(seg) != 2 || seg[1] != "Conversations" {
				t.Errorf("identity escaped into several path segments: %s", r.RawPath)
				continue
			}
			seen["path:"+unescape(t, seg[0])] = true
		case r.Path == "/v1/ParticipantConversations":
			if len(r.Query) != 2 {
				t.Errorf("query injection: %s", r.RawQuery)
			}
			seen["identity:"+r.Query.Get("Identity")] = true
			seen["address:"+r.Query.Get("Address")] = true
		default:
			t.Errorf("request to %s", r.RawPath)
		}
	}
	for _, id := range hostile {
		for _, k := range []string{"path:" + id, "identity:" + id, "address:addr:" + id} {
			if !seen[k] {
				t.Errorf("the API never received %q exactly", k)
			}
		}
	}
}

func TestFiftyDataSourcesInParallelUnderRateLimits(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 4, Conversations: 30, ParticipantsPerConversation: 2, V1Conversations: 30, Users: 4})
	e := startEmulator(t, d, emulator.Faults{RateLimitEvery: 4, RetryAfter: "0"})
	var cfg strings.Builder
	var checks []statecheck.StateCheck
	for i := 0; i < 50; i++ {
		switch i % 3 {
		case 0:
			fmt.Fprintf(&cfg, "data \"twilio_conversations\" \"d%d\" {\n  page_size = %d\n}\n", i, 3+i%7)
			checks = append(checks, statecheck.ExpectKnownValue(fmt.Sprintf("data.twilio_conversations.d%d", i), tfjsonpath.New("conversations"), knownvalue.ListSizeExact(30)))
		case 1:
			fmt.Fprintf(&cfg, "data \"twilio_participant_conversations\" \"d%d\" {\n  identity  = \"alice\"\n  page_size = %d\n}\n", i, 4+i%5)
			checks = append(checks, statecheck.ExpectKnownValue(fmt.Sprintf("data.twilio_participant_conversations.d%d", i), tfjsonpath.New("conversations"), knownvalue.ListSizeExact(30)))
		default:
			c := d.Conversations[i%30]
			want := 0
			if c.Participants != nil {
				want = len(*c.Participants)
			}
			fmt.Fprintf(&cfg, "data \"twilio_participants\" \"d%d\" {\n  conversation_id = %q\n  page_size = 1\n}\n", i, c.ID)
			checks = append(checks, statecheck.ExpectKnownValue(fmt.Sprintf("data.twilio_participants.d%d", i), tfjsonpath.New("participants"), knownvalue.ListSizeExact(want)))
		}
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps:                    []resource.TestStep{{Config: e.providerBlock("max_retries = 10") + cfg.String(), ConfigStateChecks: checks}},
	})
	limited := e.count(429)
	if limited < 20 {
		t.Errorf("only %d requests were rate limited", limited)
	}
	t.Logf("%d requests, %d rate limited", e.RequestCount(), limited)
}

func TestRequestsPerSecondSpacesRequests(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 4, Conversations: 8, ParticipantsPerConversation: 1})
	e := startEmulator(t, d, emulator.Faults{})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: e.providerBlock("requests_per_second = 10") + `
data "twilio_conversations" "a" { page_size = 2 }
data "twilio_conversations" "b" { page_size = 4 }`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.twilio_conversations.a", tfjsonpath.New("conversations"), knownvalue.ListSizeExact(8)),
				statecheck.ExpectKnownValue("data.twilio_conversations.b", tfjsonpath.New("conversations"), knownvalue.ListSizeExact(8)),
			},
		}},
	})
	// Within one provider instance (one plan or apply), the two data
	// sources share the limit of one request per 100ms: six requests take
	// at least half a second. A new instance (plan, then apply, then
	// refresh) starts its own limiter after terraform's own work, so the
	// requests come in runs of six, each at least 500ms long. Two data
	// sources with a limiter each would make a run in 300ms. The gap
	// between two requests is not checked: on a busy machine one request
	// can reach the server late and the next on time.
	reqs := e.Requests()
	sort.Slice(reqs, func(i, j int) bool { return reqs[i].Received.Before(reqs[j].Received) })
	if len(reqs) < 12 || len(reqs)%6 != 0 {
		t.Fatalf("%d requests, want runs of 6", len(reqs))
	}
	for i := 0; i < len(reqs); i += 6 {
		if span := reqs[i+5].Received.Sub(reqs[i].Received); span < 450*time.Millisecond {
			t.Errorf("run %d: six requests within %s, want at least 500ms at 10 per second", i/6+1, span)
		}
	}
}
