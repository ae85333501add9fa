package datasources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// lookup is one data source read over several pages of the test account.
type lookup struct {
	typ, body, list string
	size            int
	path            string // request path, for the error message
}

func lookups(d *emulator.Dataset) []lookup {
	c := d.Conversations[0]
	return []lookup{
		{"twilio_conversations", `page_size = 4`, "conversations", len(d.Conversations), "/v2/Conversations"},
		{"twilio_participants", fmt.Sprintf("conversation_id = %q\npage_size = 2", c.ID), "participants", len(*c.Participants), "/v2/Conversations/" + c.ID + "/Participants"},
		{"twilio_user_conversations", fmt.Sprintf("chat_service_sid = %q\nidentity = \"alice\"\npage_size = 4", emulator.ServiceSid), "conversations", len(d.Services[0].Conversations), "/v1/Services/" + emulator.ServiceSid + "/Users/alice/Conversations"},
		{"twilio_participant_conversations", "identity = \"alice\"\npage_size = 4", "conversations", len(d.Services[0].Conversations), "/v1/ParticipantConversations"},
	}
}

func faultData() *emulator.Dataset {
	return emulator.Generate(emulator.GenerateOptions{Seed: 21, Conversations: 13, ParticipantsPerConversation: 5, V1Conversations: 13, Users: 3})
}

func TestEveryDataSourceRidesOutRateLimits(t *testing.T) {
	for _, l := range lookups(faultData()) {
		t.Run(l.typ, func(t *testing.T) {
			e := startEmulator(t, faultData(), emulator.Faults{RateLimitEvery: 2})
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: providers,
				Steps: []resource.TestStep{{
					Config: e.providerBlock(`max_retries = 3`) + fmt.Sprintf("data %q \"x\" {\n%s\n}", l.typ, l.body),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data."+l.typ+".x", tfjsonpath.New(l.list), knownvalue.ListSizeExact(l.size)),
					},
				}},
			})
			if e.count(429) == 0 {
				t.Error("nothing was rate limited: the test proves nothing")
			}
		})
	}
}

func TestEveryDataSourceReportsFailures(t *testing.T) {
	for _, l := range lookups(faultData()) {
		cfg := fmt.Sprintf("data %q \"x\" {\n%s\n}", l.typ, l.body)
		t.Run(l.typ+"/unauthorized", func(t *testing.T) {
			e := startEmulator(t, faultData(), emulator.Faults{})
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: providers,
				Steps: []resource.TestStep{{
					Config:      `provider "twilio" {` + "\n" + `api_key = "SK00000000000000000000000000000000"` + "\n" + `api_secret = "nope"` + "\n" + `base_url = "` + e.URL + `"` + "\n}\n" + cfg,
					ExpectError: errRe("Unable to read "+l.typ, "page 1 of GET "+l.path, "HTTP 401", "Twilio error 20003: Authenticate", "credentials"),
				}},
			})
		})
		t.Run(l.typ+"/server error", func(t *testing.T) {
			e := startEmulator(t, faultData(), emulator.Faults{ServerErrorRate: 1, ServerErrorStatus: 500})
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: providers,
				Steps: []resource.TestStep{{
					Config:      e.providerBlock(`max_retries = 1`) + cfg,
					ExpectError: errRe("Unable to read "+l.typ, "HTTP 500", "Twilio error 20500", "gave up after 2 attempts", "Nothing was stored"),
				}},
			})
			if n := e.RequestCount(); n != 2 {
				t.Errorf("requests = %d, want 1 + 1 retry", n)
			}
		})
	}
}
