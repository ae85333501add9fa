package datasources_test

import (
	"os"
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
	for _, k := range []string{"TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_API_KEY", "TWILIO_API_SECRET", "TWILIO_REGION", "TWILIO_EDGE"} {
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
				statecheck.ExpectKnownValue("data.twilio_conversations.recent", tfjsonpath.New("conversations"), knownvalue.NotNull()),
				statecheck.ExpectKnownValue("data.twilio_conversations.recent", tfjsonpath.New("id"), knownvalue.StringExact("conversations?max_items=5")),
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
				statecheck.ExpectKnownValue("data.twilio_participant_conversations.p", tfjsonpath.New("conversations"), knownvalue.NotNull()),
			},
		}},
	})
}
