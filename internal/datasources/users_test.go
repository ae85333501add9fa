package datasources_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// userChecks are the attributes of user u of service s.
func userChecks(d *emulator.Dataset, s emulator.Service, u emulator.User) map[string]knownvalue.Check {
	url := "https://conversations.twilio.com/v1/Services/" + s.Sid + "/Users/" + u.Sid
	attributes := u.Attributes
	if attributes == "" {
		attributes = "{}"
	}
	return map[string]knownvalue.Check{
		"sid": strv(u.Sid), "account_sid": strv(d.AccountSid), "chat_service_sid": strv(s.Sid), "role_sid": strOrNull(u.RoleSid),
		"identity": strv(u.Identity), "friendly_name": str(u.FriendlyName), "attributes": strv(attributes),
		"is_online": boolp(u.IsOnline), "is_notifiable": boolp(u.IsNotifiable),
		"date_created": strOrNull(u.DateCreated), "date_updated": strOrNull(u.DateUpdated), "url": strv(url),
		"links": knownvalue.MapExact(map[string]knownvalue.Check{"user_conversations": strv(url + "/Conversations"), "user_bindings": strv(url + "/Bindings")}),
	}
}

// The users of the default service without chat_service_sid, and one user
// by identity or SID in either service: every field, the inputs not given
// filled in, an identity that needs escaping, unknown users and services,
// and invalid inputs at plan time.
func TestUsersOfTheDefaultServiceAndOneUser(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 25, Users: 7, V1Conversations: 1})
	e := startEmulator(t, d, emulator.Faults{})
	support, sales := d.Services[0], d.Services[1]
	users := make([]knownvalue.Check, len(support.Users))
	for i, u := range support.Users {
		users[i] = expectUser(d, support, u)
	}
	carol := support.Users[2] // carol/ops, whose fields are partly null
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue("data.twilio_conversation_users.default", tfjsonpath.New("users"), knownvalue.ListExact(users)),
		statecheck.ExpectKnownValue("data.twilio_conversation_users.default", tfjsonpath.New("id"), strv("conversation_users")),
		statecheck.ExpectKnownValue("data.twilio_conversation_users.default", tfjsonpath.New("chat_service_sid"), knownvalue.Null()),
	}
	checks = append(checks, expectAttributes("data.twilio_user_v1.by_identity", userChecks(d, support, carol))...)
	checks = append(checks, expectAttributes("data.twilio_user_v1.by_sid", userChecks(d, support, support.Users[0]))...)
	checks = append(checks, expectAttributes("data.twilio_user_v1.sales", userChecks(d, sales, sales.Users[1]))...)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: e.config(`
data "twilio_conversation_users" "default" { page_size = 3 }
data "twilio_user_v1" "by_identity" { identity = ` + hclString(carol.Identity) + ` }
data "twilio_user_v1" "by_sid" { sid = "` + support.Users[0].Sid + `" }
data "twilio_user_v1" "sales" {
  identity         = ` + hclString(sales.Users[1].Identity) + `
  chat_service_sid = "` + sales.Sid + `"
}
`),
				ConfigStateChecks: checks,
			},
			{
				Config:      e.config(`data "twilio_user_v1" "x" { identity = "nobody" }`),
				ExpectError: errRe(`Twilio user "nobody" not found`, "HTTP 404", "Twilio error 20404"),
			},
			{
				Config: e.config(`data "twilio_user_v1" "x" {
  sid              = "` + support.Users[0].Sid + `"
  chat_service_sid = "` + deadService + `"
}`),
				ExpectError: errRe(`Twilio user "` + support.Users[0].Sid + `" of Conversation Service "` + deadService + `" not found`),
			},
		},
	})
	paths := map[string]int{}
	for _, r := range e.Requests() {
		paths[r.RawPath+" "+r.Query.Get("PageSize")]++
	}
	if n := paths["/v1/Users 3"]; n == 0 || n%3 != 0 {
		t.Errorf("requests: %v; want 3 pages of 3 users from /v1/Users a read", paths)
	}
	if paths["/v1/Users/carol%2Fops "] == 0 {
		t.Errorf("the identity was not sent as one escaped segment: %v", paths)
	}
	expectPlanErrors(t, "twilio_user_v1", map[string]planError{
		"neither":     {``, []string{"Exactly one of these attributes must be configured: [sid,identity]"}},
		"both":        {"sid = \"US00000000000000000000000000000001\"\nidentity = \"alice\"", []string{"Exactly one of these attributes must be configured"}},
		"bad sid":     {`sid = "RL00000000000000000000000000000001"`, []string{"sid", "must be a Twilio SID: US"}},
		"bad service": {"identity = \"alice\"\nchat_service_sid = \"IS1\"", []string{"chat_service_sid", "must be a Twilio SID: IS"}},
	})
}
