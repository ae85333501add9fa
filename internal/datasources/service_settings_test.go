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

// testServiceSetting reads data source typ of every service of d, checks each
// with want, and fails for an unknown service.
func testServiceSetting(t *testing.T, typ string, want func(d *emulator.Dataset, s emulator.Service) map[string]knownvalue.Check) {
	t.Helper()
	d := emulator.Generate(emulator.GenerateOptions{Seed: 23, Users: 2, V1Conversations: 1})
	e := startEmulator(t, d, emulator.Faults{})
	var checks []statecheck.StateCheck
	body := ""
	for _, s := range d.Services {
		body += "data \"" + typ + "\" \"" + s.FriendlyName + "\" { chat_service_sid = \"" + s.Sid + "\" }\n"
		checks = append(checks, expectAttributes("data."+typ+"."+s.FriendlyName, want(d, s))...)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{Config: e.config(body), ConfigStateChecks: checks},
			{
				Config:      e.config(`data "` + typ + `" "x" { chat_service_sid = "` + deadService + `" }`),
				ExpectError: errRe(`Twilio Conversation Service "`+deadService+`" not found`, "HTTP 404", "Twilio error 20404"),
			},
		},
	})
	expectPlanErrors(t, typ, map[string]planError{
		"no service":  {``, []string{`The argument "chat_service_sid" is required`}},
		"bad service": {`chat_service_sid = "CH00000000000000000000000000000001"`, []string{"chat_service_sid", "must be a Twilio SID: IS followed by 32 hexadecimal digits"}},
	})
}

func TestServiceConfiguration(t *testing.T) {
	testServiceSetting(t, "twilio_service_configuration_v1", func(d *emulator.Dataset, s emulator.Service) map[string]knownvalue.Check {
		c := s.Configuration
		u := "https://conversations.twilio.com/v1/Services/" + s.Sid + "/Configuration"
		return map[string]knownvalue.Check{
			"chat_service_sid": strv(s.Sid), "default_conversation_creator_role_sid": str(c.DefaultConversationCreatorRoleSid),
			"default_conversation_role_sid": str(c.DefaultConversationRoleSid), "default_chat_service_role_sid": str(c.DefaultChatServiceRoleSid),
			"reachability_enabled": boolp(c.ReachabilityEnabled), "url": strv(u),
			"links": knownvalue.MapExact(map[string]knownvalue.Check{"notifications": strv(u + "/Notifications"), "webhooks": strv(u + "/Webhooks")}),
		}
	})
}

// jsonOrNull is free-form JSON in state: its text, or null.
func jsonOrNull(raw []byte) knownvalue.Check {
	if len(raw) == 0 {
		return knownvalue.Null()
	}
	return strv(string(raw))
}

// Every push setting as its JSON text, the second service's all null.
func TestServiceNotification(t *testing.T) {
	testServiceSetting(t, "twilio_service_notification_v1", func(d *emulator.Dataset, s emulator.Service) map[string]knownvalue.Check {
		n := s.Notifications
		if n == nil {
			n = &emulator.ServiceNotifications{}
		}
		return map[string]knownvalue.Check{
			"account_sid": strv(d.AccountSid), "chat_service_sid": strv(s.Sid),
			"new_message": jsonOrNull(n.NewMessage), "added_to_conversation": jsonOrNull(n.AddedToConversation),
			"removed_from_conversation": jsonOrNull(n.RemovedFromConversation), "log_enabled": boolp(n.LogEnabled),
			"url": strv("https://conversations.twilio.com/v1/Services/" + s.Sid + "/Configuration/Notifications"),
		}
	})
}

// Both services' webhooks; the second's post-event URL is plain http.
func TestServiceWebhookConfiguration(t *testing.T) {
	testServiceSetting(t, "twilio_service_webhook_configuration_v1", func(d *emulator.Dataset, s emulator.Service) map[string]knownvalue.Check {
		w := s.Webhooks
		return map[string]knownvalue.Check{
			"account_sid": strv(d.AccountSid), "chat_service_sid": strv(s.Sid),
			"pre_webhook_url": str(w.PreWebhookURL), "post_webhook_url": str(w.PostWebhookURL),
			"filters": strList(w.Filters), "method": strOrNull(w.Method),
			"url": strv("https://conversations.twilio.com/v1/Services/" + s.Sid + "/Configuration/Webhooks"),
		}
	})
}
