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

// expectParticipantConversations derives, from the emulator's account, what
// twilio_participant_conversations must hold for an identity or address.
func expectParticipantConversations(d *emulator.Dataset, identity, address string) []knownvalue.Check {
	svc := d.Services[0]
	userSid := map[string]string{}
	for _, u := range svc.Users {
		userSid[u.Identity] = u.Sid
	}
	var out []knownvalue.Check
	for _, c := range svc.Conversations {
		for _, p := range c.Participants {
			m := map[string]knownvalue.Check{
				"account_sid": strv(d.AccountSid), "chat_service_sid": strv(svc.Sid), "participant_sid": strv(p.Sid),
				"conversation_sid": strv(c.Sid), "conversation_unique_name": str(c.UniqueName),
				"conversation_friendly_name": str(c.FriendlyName), "conversation_attributes": strv(c.Attributes),
				"conversation_date_created": strv(c.DateCreated), "conversation_date_updated": strv(c.DateUpdated),
				"conversation_created_by": str(c.CreatedBy), "conversation_state": strv(c.State),
				"conversation_timers": timers(c.Timers), "links": links(svc.Sid, c, p),
			}
			switch {
			case identity != "" && p.Identity != nil && *p.Identity == identity:
				m["participant_identity"] = strv(identity)
				m["participant_user_sid"] = strv(userSid[identity])
				m["participant_messaging_binding"] = knownvalue.Null()
			case address != "" && p.MessagingBinding != nil && p.MessagingBinding.Address == address:
				b := p.MessagingBinding
				m["participant_identity"] = knownvalue.Null()
				m["participant_user_sid"] = knownvalue.Null()
				m["participant_messaging_binding"] = knownvalue.ObjectExact(map[string]knownvalue.Check{
					"address": strv(b.Address), "proxy_address": str(b.ProxyAddress), "projected_address": str(b.ProjectedAddress),
					"type": strv(b.Type), "level": str(b.Level), "name": str(b.Name),
				})
			default:
				continue
			}
			out = append(out, knownvalue.ObjectExact(m))
		}
	}
	return out
}

func TestParticipantConversationsEveryPageAndField(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 7, V1Conversations: 107, Users: 4})
	e := startEmulator(t, d, emulator.Faults{})
	address := "+15550000002" // an SMS participant of conversations 2, 42, 82
	byIdentity := expectParticipantConversations(d, "alice", "")
	byAddress := expectParticipantConversations(d, "", address)
	if len(byIdentity) != 107 || len(byAddress) != 3 {
		t.Fatalf("test data: %d by identity, %d by address", len(byIdentity), len(byAddress))
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{{
			Config: e.config(`
data "twilio_participant_conversations" "alice" {
  identity = "alice"
}
data "twilio_participant_conversations" "sms" {
  address   = "` + address + `"
  page_size = 2
}
data "twilio_participant_conversations" "nobody" {
  identity = "nobody"
}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.twilio_participant_conversations.alice", tfjsonpath.New("conversations"), knownvalue.ListExact(byIdentity)),
				statecheck.ExpectKnownValue("data.twilio_participant_conversations.sms", tfjsonpath.New("conversations"), knownvalue.ListExact(byAddress)),
				statecheck.ExpectKnownValue("data.twilio_participant_conversations.sms", tfjsonpath.New("id"), knownvalue.StringExact("participant_conversations?inputs_digest="+inputsDigest(url.Values{"address": {"+15550000002"}}))),
				statecheck.ExpectKnownValue("data.twilio_participant_conversations.nobody", tfjsonpath.New("conversations"), knownvalue.ListExact([]knownvalue.Check{})),
			},
		}},
	})
	for _, r := range e.Requests() {
		if r.Query.Get("Address") != "" {
			if want := "Address=" + url.QueryEscape(address); r.Query.Get("Address") != address || !contains(r.RawQuery, want) {
				t.Errorf("address sent as %s", r.RawQuery)
			}
		}
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func TestParticipantConversationsValidation(t *testing.T) {
	expectPlanErrors(t, "twilio_participant_conversations", map[string]planError{
		"both":           {"identity = \"a\"\naddress = \"+1\"", []string{"Invalid Attribute Combination", "Exactly one of these attributes must be configured: [identity,address]"}},
		"neither":        {``, []string{"Missing Attribute Configuration", "Exactly one of these attributes must be configured: [identity,address]"}},
		"empty address":  {`address = ""`, []string{"address string length must be at least 1"}},
		"page size 1000": {"identity = \"a\"\npage_size = 1000", []string{"page_size must be a whole number from 1 to 50: got 1000"}},
		"negative max":   {"identity = \"a\"\nmax_items = -1", []string{"max_items must be a whole number from 1 to 1000000000"}},
	})
}
