package datasources_test

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// Acceptance tests read a real Twilio account. They run with TF_ACC=1 and
// credentials in TWILIO_API_KEY/TWILIO_API_SECRET or
// TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN (make testacc); TestMain clears those
// for the other tests, so they are read here from the TWILIO_ACC_* copies
// that testAccPreCheck restores.

var accEnv = map[string]string{}

func init() {
	for _, k := range []string{"TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_API_KEY", "TWILIO_API_SECRET", "TWILIO_REGION", "TWILIO_EDGE", "TWILIO_BASE_URL"} {
		accEnv[k] = os.Getenv(k)
	}
}

func testAccPreCheck(t *testing.T) {
	t.Helper()
	apiKey := accEnv["TWILIO_API_KEY"] != "" && accEnv["TWILIO_API_SECRET"] != ""
	authToken := accEnv["TWILIO_ACCOUNT_SID"] != "" && accEnv["TWILIO_AUTH_TOKEN"] != ""
	if !apiKey && !authToken {
		t.Fatal("acceptance tests need TWILIO_API_KEY and TWILIO_API_SECRET, or TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN")
	}
	for k, v := range accEnv {
		t.Setenv(k, v)
	}
}

func TestAccConversations(t *testing.T) {
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: `
data "twilio_conversations" "recent" {
  max_items = 5
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.twilio_conversations.recent", tfjsonpath.New("id"), knownvalue.StringExact("conversations?max_items=5")),
				// Whatever the account holds, every conversation read has
				// the shape Twilio documents, and total says how many.
				statecheck.ExpectKnownValue("data.twilio_conversations.recent", tfjsonpath.New("conversations"), knownvalue.ListPartial(nil)),
				expectEach("data.twilio_conversations.recent", "conversations", map[string]*regexp.Regexp{
					"id":         regexp.MustCompile(`^conv_conversation_\w+$`),
					"account_id": regexp.MustCompile(`^AC[0-9a-f]{32}$`),
					"created_at": regexp.MustCompile(`^\d{4}-\d\d-\d\dT`),
				}),
			},
		}},
	})
}

func TestAccParticipantConversations(t *testing.T) {
	identity := os.Getenv("TWILIO_ACC_IDENTITY")
	if identity == "" {
		identity = "terraform-provider-twilio-acceptance"
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: `
data "twilio_participant_conversations" "p" {
  identity = "` + identity + `"
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				expectEach("data.twilio_participant_conversations.p", "conversations", map[string]*regexp.Regexp{
					"conversation_sid":     regexp.MustCompile(`^CH[0-9a-f]{32}$`),
					"participant_sid":      regexp.MustCompile(`^MB[0-9a-f]{32}$`),
					"participant_identity": regexp.MustCompile(`^` + regexp.QuoteMeta(identity) + `$`),
				}),
			},
		}},
	})
}

// expectEach checks that list attribute list of addr is known, that total
// is its length, and that every item's attributes match their patterns.
func expectEach(addr, list string, patterns map[string]*regexp.Regexp) statecheck.StateCheck {
	return eachCheck{addr: addr, list: list, patterns: patterns}
}

type eachCheck struct {
	addr, list string
	patterns   map[string]*regexp.Regexp
}

func (c eachCheck) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State == nil || req.State.Values == nil || req.State.Values.RootModule == nil {
		resp.Error = fmt.Errorf("no state")
		return
	}
	for _, r := range req.State.Values.RootModule.Resources {
		if r.Address != c.addr {
			continue
		}
		items, ok := r.AttributeValues[c.list].([]any)
		if !ok {
			resp.Error = fmt.Errorf("%s.%s is %T, not a list", c.addr, c.list, r.AttributeValues[c.list])
			return
		}
		if total := fmt.Sprint(r.AttributeValues["total"]); total != strconv.Itoa(len(items)) {
			resp.Error = fmt.Errorf("%s.total is %v, and the list holds %d items", c.addr, r.AttributeValues["total"], len(items))
			return
		}
		for i, it := range items {
			attrs, _ := it.(map[string]any)
			for name, re := range c.patterns {
				if v, _ := attrs[name].(string); !re.MatchString(v) {
					resp.Error = fmt.Errorf("%s.%s[%d].%s is %q, which does not match %s", c.addr, c.list, i, name, v, re)
					return
				}
			}
		}
		return
	}
	resp.Error = fmt.Errorf("%s is not in state", c.addr)
}
