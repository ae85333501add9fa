package emulator

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// walkClassic reads every page of a classic list from first, checking the
// meta block of each, and returns the items under key.
func walkClassic(t *testing.T, hs *httptest.Server, first, key string) []map[string]any {
	t.Helper()
	var out []map[string]any
	next, pages := hs.URL+first, 0
	for next != "" {
		status, _, body := authGet(t, next)
		if status != 200 {
			t.Fatalf("GET %s: %d %s", next, status, body)
		}
		var p map[string]json.RawMessage
		var items []map[string]any
		var meta map[string]any
		if json.Unmarshal(body, &p) != nil || json.Unmarshal(p[key], &items) != nil || json.Unmarshal(p["meta"], &meta) != nil {
			t.Fatalf("GET %s: %s", next, body)
		}
		if meta["key"] != key || (pages == 0) != (meta["previous_page_url"] == nil) {
			t.Errorf("page %d meta: %v", pages, meta)
		}
		out = append(out, items...)
		pages++
		next, _ = meta["next_page_url"].(string)
	}
	return out
}

func TestClassicEndpointsInBothVariants(t *testing.T) {
	d := Generate(GenerateOptions{Seed: 3, V1Conversations: 9, Users: 3, MessagesPerConversation: 23})
	_, hs := start(t, d, Options{})
	for _, variant := range []struct{ prefix, service string }{{"/v1", ""}, {"/v1/Services/" + ServiceSid, ServiceSid}} {
		convs := walkClassic(t, hs, variant.prefix+"/Conversations?PageSize=4", "conversations")
		if len(convs) != 9 {
			t.Fatalf("%s: %d conversations", variant.prefix, len(convs))
		}
		for i, c := range convs {
			want := d.Services[0].Conversations[i]
			if c["sid"] != want.Sid || c["state"] != want.State || c["chat_service_sid"] != ServiceSid ||
				c["url"] != "https://conversations.twilio.com"+variant.prefix+"/Conversations/"+want.Sid {
				t.Errorf("%s conversation %d: %v", variant.prefix, i, c)
			}
		}
		c := d.Services[0].Conversations[3] // webhooks: 6, messages: 23
		msgs := walkClassic(t, hs, variant.prefix+"/Conversations/"+c.Sid+"/Messages?PageSize=10", "messages")
		desc := walkClassic(t, hs, variant.prefix+"/Conversations/"+c.Sid+"/Messages?Order=DeSc", "messages")
		hooks := walkClassic(t, hs, variant.prefix+"/Conversations/"+c.Sid+"/Webhooks", "webhooks")
		parts := walkClassic(t, hs, variant.prefix+"/Conversations/"+c.Sid+"/Participants?PageSize=1", "participants")
		if len(msgs) != 23 || len(desc) != 23 || msgs[0]["sid"] != desc[22]["sid"] || len(hooks) != 6 || len(parts) != len(c.Participants) {
			t.Fatalf("%s: %d messages, %d desc, %d webhooks, %d participants", variant.prefix, len(msgs), len(desc), len(hooks), len(parts))
		}
		for _, item := range [][]map[string]any{msgs, hooks, parts} {
			_, has := item[0]["chat_service_sid"]
			if has != (variant.service != "") {
				t.Errorf("%s: chat_service_sid present %v: %v", variant.prefix, has, item[0])
			}
		}
		if _, ok := msgs[0]["index"]; !ok {
			t.Error("index is not nullable: it must be present")
		}
		// One object by SID, by unique name, by identity.
		unique := d.Services[0].Conversations[1]
		for _, p := range []string{
			"/Conversations/" + c.Sid, "/Conversations/" + url.PathEscape(*unique.UniqueName),
			"/Conversations/" + c.Sid + "/Messages/" + c.Messages[4].Sid, "/Conversations/" + c.Sid + "/Webhooks/" + c.Webhooks[5].Sid,
			"/Conversations/" + c.Sid + "/Participants/" + c.Participants[0].Sid, "/Conversations/" + c.Sid + "/Participants/" + url.PathEscape(*c.Participants[0].Identity),
		} {
			if status, _, body := authGet(t, hs.URL+variant.prefix+p); status != 200 || !strings.Contains(string(body), `"sid"`) {
				t.Errorf("GET %s: %d %s", p, status, body)
			}
		}
		for _, p := range []string{
			"/Conversations/CH0000000000000000000000000000dead", "/Conversations/" + c.Sid + "/Messages/IM0000000000000000000000000000dead",
			"/Conversations/" + c.Sid + "/Webhooks/WH0000000000000000000000000000dead", "/Conversations/" + c.Sid + "/Participants/nobody",
			"/Conversations/CH0000000000000000000000000000dead/Messages",
		} {
			if status, _, body := authGet(t, hs.URL+variant.prefix+p); status != 404 || !strings.Contains(string(body), `"code":20404`) || !strings.Contains(string(body), `"more_info"`) {
				t.Errorf("GET %s: %d %s", p, status, body)
			}
		}
		for p, code := range map[string]string{
			"/Conversations?PageSize=101": "20007", "/Conversations/" + c.Sid + "/Webhooks?PageSize=6": "20007",
			"/Conversations?State=open": "20001", "/Conversations/" + c.Sid + "/Messages?Order=up": "20001",
			"/Conversations?StartDate=yesterday": "20001", "/Conversations?PageToken=bad": "21481",
		} {
			if status, _, body := authGet(t, hs.URL+variant.prefix+p); status != 400 || !strings.Contains(string(body), `"code":`+code) {
				t.Errorf("GET %s: %d %s", p, status, body)
			}
		}
	}
	// A conversation of another service is not in the default one.
	sales := d.Services[1].Conversations[0].Sid
	if status, _, _ := authGet(t, hs.URL+"/v1/Conversations/"+sales); status != 404 {
		t.Errorf("a sales conversation in the default service: %d", status)
	}
	if got := walkClassic(t, hs, "/v1/Services/"+SalesServiceSid+"/Conversations", "conversations"); len(got) != 3 {
		t.Errorf("sales: %d conversations", len(got))
	}
	if status, _, _ := authGet(t, hs.URL+"/v1/Services/IS0000000000000000000000000000dead/Conversations"); status != 404 {
		t.Errorf("unknown service: %d", status)
	}
}

func TestClassicConversationFilters(t *testing.T) {
	d := Generate(GenerateOptions{Seed: 3, V1Conversations: 40, Users: 3})
	_, hs := start(t, d, Options{})
	closed := walkClassic(t, hs, "/v1/Conversations?State=closed", "conversations")
	if len(closed) != 10 {
		t.Errorf("%d closed conversations, want 10", len(closed))
	}
	// StartDate and EndDate bound date_created, inclusive, newest first.
	all := d.Services[0].Conversations
	start, end := all[5].DateCreated, all[9].DateCreated
	got := walkClassic(t, hs, "/v1/Conversations?PageSize=2&StartDate="+url.QueryEscape(start)+"&EndDate="+url.QueryEscape(end), "conversations")
	if len(got) != 5 || got[0]["sid"] != all[9].Sid || got[4]["sid"] != all[5].Sid {
		t.Errorf("window %s..%s: %v", start, end, got)
	}
	if day := walkClassic(t, hs, "/v1/Conversations?EndDate=2025-01-05", "conversations"); len(day) != 0 {
		t.Errorf("nothing was created by 2025-01-05: %d", len(day))
	}
}

func TestClassicGeneratedVariety(t *testing.T) {
	d := Generate(GenerateOptions{Seed: 1, V1Conversations: 12, Users: 3, MessagesPerConversation: 30})
	var system, media, noBody, edited, content, delivery, nullConfig, targets = 0, 0, 0, 0, 0, 0, 0, map[string]bool{}
	empty := 0
	for _, c := range d.Services[0].Conversations {
		if len(c.Messages) == 0 {
			empty++
		}
		for _, m := range c.Messages {
			if m.ParticipantSid == nil {
				system++
			}
			if m.Media != nil {
				media++
			}
			if m.Body == nil {
				noBody++
			}
			if m.DateUpdated != nil {
				edited++
			}
			if m.ContentSid != nil {
				content++
			}
			if m.Delivery != nil {
				delivery++
			}
		}
		for _, w := range c.Webhooks {
			targets[w.Target] = true
			if w.Configuration == nil {
				nullConfig++
			}
		}
	}
	if empty == 0 || system == 0 || media == 0 || noBody == 0 || edited == 0 || content == 0 || delivery == 0 || nullConfig == 0 || len(targets) != 3 {
		t.Errorf("generated messages and webhooks lack variety: empty=%d system=%d media=%d noBody=%d edited=%d content=%d delivery=%d nullConfig=%d targets=%v",
			empty, system, media, noBody, edited, content, delivery, nullConfig, targets)
	}
}
