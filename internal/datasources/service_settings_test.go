package datasources_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// serviceChecks are the attributes of service s, as an item of
// twilio_conversation_services has them.
func serviceChecks(d *emulator.Dataset, s emulator.Service) map[string]knownvalue.Check {
	u := "https://conversations.twilio.com/v1/Services/" + s.Sid
	links := map[string]knownvalue.Check{}
	for name, path := range map[string]string{
		"conversations": "Conversations", "users": "Users", "roles": "Roles", "bindings": "Bindings",
		"configuration": "Configuration", "participant_conversations": "ParticipantConversations",
	} {
		links[name] = strv(u + "/" + path)
	}
	return map[string]knownvalue.Check{
		"sid": strv(s.Sid), "account_sid": strv(d.AccountSid), "friendly_name": strv(s.FriendlyName),
		"date_created": strv(s.DateCreated), "date_updated": strv(s.DateUpdated), "url": strv(u), "links": knownvalue.MapExact(links),
	}
}

const deadService = "IS0000000000000000000000000000dead"

// One service by SID, each service's every field, and an unknown one.
func TestServiceLookup(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 22, Users: 1, V1Conversations: 1})
	e := startEmulator(t, d, emulator.Faults{})
	var checks []statecheck.StateCheck
	for _, s := range d.Services {
		checks = append(checks, expectAttributes("data.twilio_service_v1."+s.FriendlyName, serviceChecks(d, s))...)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: e.config(`
data "twilio_service_v1" "` + d.Services[0].FriendlyName + `" { sid = "` + d.Services[0].Sid + `" }
data "twilio_service_v1" "` + d.Services[1].FriendlyName + `" { sid = "` + d.Services[1].Sid + `" }
`),
				ConfigStateChecks: checks,
			},
			{
				Config:      e.config(`data "twilio_service_v1" "x" { sid = "` + deadService + `" }`),
				ExpectError: errRe(`Twilio Conversation Service "`+deadService+`" not found`, "HTTP 404", "Twilio error 20404"),
			},
		},
	})
	expectPlanErrors(t, "twilio_service_v1", map[string]planError{
		"no sid":  {``, []string{`The argument "sid" is required`}},
		"bad sid": {`sid = "RL00000000000000000000000000000001"`, []string{"sid", "must be a Twilio SID: IS followed by 32 hexadecimal digits"}},
	})
}
