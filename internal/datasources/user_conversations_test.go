package datasources_test

import (
	"net/url"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

func timers(m map[string]string) knownvalue.Check {
	get := func(k string) knownvalue.Check {
		if v, ok := m[k]; ok {
			return strv(v)
		}
		return knownvalue.Null()
	}
	return knownvalue.ObjectExact(map[string]knownvalue.Check{"date_inactive": get("date_inactive"), "date_closed": get("date_closed")})
}

func links(svc string, c emulator.V1Conversation, p emulator.V1Participant) knownvalue.Check {
	conv := "https://conversations.twilio.com/v1/Services/" + svc + "/Conversations/" + c.Sid
	return knownvalue.ObjectExact(map[string]knownvalue.Check{"participant": strv(conv + "/Participants/" + p.Sid), "conversation": strv(conv)})
}

// expectUserConversations derives, from the emulator's account, what
// twilio_user_conversations must hold for one user.
func expectUserConversations(d *emulator.Dataset, u emulator.User) []knownvalue.Check {
	svc := d.Services[0]
	var out []knownvalue.Check
	for _, c := range svc.Conversations {
		for _, p := range c.Participants {
			if p.Identity == nil || *p.Identity != u.Identity {
				continue
			}
			out = append(out, knownvalue.ObjectExact(map[string]knownvalue.Check{
				"account_sid": strv(d.AccountSid), "chat_service_sid": strv(svc.Sid), "conversation_sid": strv(c.Sid),
				"unread_messages_count": intp(p.UnreadMessagesCount), "last_read_message_index": intp(p.LastReadMessageIndex),
				"participant_sid": strv(p.Sid), "user_sid": strv(u.Sid), "friendly_name": str(c.FriendlyName),
				"conversation_state": strv(c.State), "timers": timers(c.Timers), "attributes": strv(c.Attributes),
				"date_created": strv(c.DateCreated), "date_updated": strv(c.DateUpdated), "created_by": str(c.CreatedBy),
				"notification_level": strv(p.NotificationLevel), "unique_name": str(c.UniqueName),
				"url":   strv("https://conversations.twilio.com/v1/Services/" + svc.Sid + "/Users/" + u.Sid + "/Conversations/" + c.Sid),
				"links": links(svc.Sid, c, p),
			}))
		}
	}
	return out
}

func TestUserConversationsEveryPageAndField(t *testing.T) {
	// alice is in all 23 conversations: pages of 10, 10 and 3.
	d := emulator.Generate(emulator.GenerateOptions{Seed: 3, V1Conversations: 23, Users: 8})
	e := startEmulator(t, d, emulator.Faults{})
	alice, carol := d.Services[0].Users[0], d.Services[0].Users[2]
	wantAlice, wantCarol := expectUserConversations(d, alice), expectUserConversations(d, carol)
	if len(wantAlice) != 23 || len(wantCarol) == 0 {
		t.Fatalf("test data: alice %d, carol %d", len(wantAlice), len(wantCarol))
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: e.config(`
data "twilio_user_conversations" "alice" {
  chat_service_sid = "` + emulator.ServiceSid + `"
  user_sid         = "` + alice.Sid + `"
  page_size        = 10
}
data "twilio_user_conversations" "carol" {
  chat_service_sid = "` + emulator.ServiceSid + `"
  identity         = "` + carol.Identity + `"
}
data "twilio_user_conversations" "alice_first_12" {
  chat_service_sid = "` + emulator.ServiceSid + `"
  identity         = "alice"
  page_size        = 5
  max_items        = 12
}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.twilio_user_conversations.alice", tfjsonpath.New("conversations"), knownvalue.ListExact(wantAlice)),
				statecheck.ExpectKnownValue("data.twilio_user_conversations.carol", tfjsonpath.New("conversations"), knownvalue.ListExact(wantCarol)),
				statecheck.ExpectKnownValue("data.twilio_user_conversations.carol", tfjsonpath.New("id"),
					knownvalue.StringExact("user_conversations?chat_service_sid="+emulator.ServiceSid+"&inputs_digest="+inputsDigest(url.Values{"identity": {"carol/ops"}}))),
				statecheck.ExpectKnownValue("data.twilio_user_conversations.alice_first_12", tfjsonpath.New("conversations"), knownvalue.ListExact(wantAlice[:12])),
			},
		}},
	})
	var sawCarol bool
	for _, r := range e.Requests() {
		if r.RawPath == "/v1/Services/"+emulator.ServiceSid+"/Users/carol%2Fops/Conversations" {
			sawCarol = true
		}
	}
	if !sawCarol {
		t.Error("the identity carol/ops was not sent as one escaped path segment")
	}
}

func TestUserConversationsNotFound(t *testing.T) {
	e := startEmulator(t, emulator.Generate(emulator.GenerateOptions{Seed: 1, V1Conversations: 2, Users: 2}), emulator.Faults{})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: e.config(`
data "twilio_user_conversations" "x" {
  chat_service_sid = "` + emulator.ServiceSid + `"
  identity         = "nobody"
}`),
			ExpectError: errRe(`Twilio Conversation Service "`+emulator.ServiceSid+`" or user "nobody" not found`, "HTTP 404", "20404"),
		}},
	})
}

func TestUserConversationsValidation(t *testing.T) {
	svc := `chat_service_sid = "` + emulator.ServiceSid + `"` + "\n"
	expectPlanErrors(t, "twilio_user_conversations", map[string]planError{
		"bad service sid":   {`chat_service_sid = "CH00000000000000000000000000000001"` + "\nidentity = \"a\"", []string{"chat_service_sid", "IS followed by 32 hexadecimal digits"}},
		"bad user sid":      {svc + `user_sid = "US123"`, []string{"user_sid", "US followed by 32 hexadecimal digits"}},
		"both user inputs":  {svc + `user_sid = "US00000000000000000000000000000001"` + "\nidentity = \"a\"", []string{"Invalid Attribute Combination", "Exactly one of these attributes must be configured: [user_sid,identity]"}},
		"neither":           {svc, []string{"Missing Attribute Configuration", "Exactly one of these attributes must be configured: [user_sid,identity]"}},
		"page size over 50": {svc + `identity = "a"` + "\npage_size = 51", []string{"page_size must be a whole number from 1 to 50: got 51"}},
	})
}
