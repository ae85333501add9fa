package emulator

import (
	"encoding/json"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
)

// settingsJSON fetches path and decodes its body into a map.
func settingsJSON(t *testing.T, base, path string) (int, map[string]any) {
	t.Helper()
	status, _, body := authGet(t, base+path)
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("%s: %v: %s", path, err, body)
	}
	return status, m
}

// walkKey reads every page of a v1 list, collecting the items under key.
func walkKey(t *testing.T, base, first, key string) ([]map[string]any, int) {
	t.Helper()
	var all []map[string]any
	pages := 0
	for u := base + first; u != ""; pages++ {
		status, _, body := authGet(t, u)
		var p map[string]json.RawMessage
		if status != 200 || json.Unmarshal(body, &p) != nil {
			t.Fatalf("%s: %d %s", u, status, body)
		}
		var items []map[string]any
		var meta struct {
			Next *string `json:"next_page_url"`
		}
		_ = json.Unmarshal(p[key], &items)
		_ = json.Unmarshal(p["meta"], &meta)
		all = append(all, items...)
		u = ""
		if meta.Next != nil {
			u = *meta.Next
		}
	}
	return all, pages
}

// The settings of both services, at both kinds of path: lists page, items
// are found by SID (users by identity too), unknown ones are 404 with
// 20404, and the planted findings are there.
func TestServiceSettings(t *testing.T) {
	d := Generate(GenerateOptions{Seed: 3, Users: 6, V1Conversations: 2})
	_, hs := start(t, d, Options{})
	support, sales := d.Services[0], d.Services[1]

	roles, pages := walkKey(t, hs.URL, "/v1/Roles?PageSize=2", "roles")
	if len(roles) != len(support.Roles) || pages != 3 {
		t.Fatalf("/v1/Roles: %d roles in %d pages, want %d in 3", len(roles), pages, len(support.Roles))
	}
	svcRoles, _ := walkKey(t, hs.URL, "/v1/Services/"+support.Sid+"/Roles", "roles")
	if len(svcRoles) != len(roles) || svcRoles[4]["sid"] != roles[4]["sid"] {
		t.Error("the default service's roles differ between /v1/Roles and its own path")
	}
	if perms, _ := roles[4]["permissions"].([]any); !slices.Contains(perms, any(UnusualPermission)) {
		t.Errorf("the integration role lacks %s: %v", UnusualPermission, roles[4])
	}
	salesRoles, _ := walkKey(t, hs.URL, "/v1/Services/"+sales.Sid+"/Roles", "roles")
	null := salesRoles[1]
	if _, ok := null["type"]; ok || null["permissions"] != nil || null["friendly_name"] != nil || null["date_created"] != nil {
		t.Errorf("the null role: %v", null)
	}
	for _, p := range []string{"/v1/Roles/" + support.Roles[1].Sid, "/v1/Services/" + sales.Sid + "/Roles/" + sales.Roles[0].Sid} {
		if status, m := settingsJSON(t, hs.URL, p); status != 200 || m["sid"] != p[len(p)-34:] {
			t.Errorf("%s: %d %v", p, status, m)
		}
	}

	for _, p := range []string{"/v1/Users", "/v1/Services/" + support.Sid + "/Users"} {
		users, _ := walkKey(t, hs.URL, p+"?PageSize=4", "users")
		if len(users) != len(support.Users) {
			t.Errorf("%s: %d users", p, len(users))
		}
	}
	for _, p := range []string{"/v1/Users/" + url.PathEscape(support.Users[2].Identity), "/v1/Users/" + support.Users[2].Sid,
		"/v1/Services/" + sales.Sid + "/Users/" + sales.Users[0].Sid} {
		if status, m := settingsJSON(t, hs.URL, p); status != 200 || m["identity"] == nil {
			t.Errorf("%s: %d %v", p, status, m)
		}
	}

	if status, m := settingsJSON(t, hs.URL, "/v1/Services/"+sales.Sid); status != 200 || m["friendly_name"] != "Sales" {
		t.Errorf("one service: %d %v", status, m)
	}
	_, cfg := settingsJSON(t, hs.URL, "/v1/Services/"+support.Sid+"/Configuration")
	if cfg["reachability_enabled"] != true || cfg["default_chat_service_role_sid"] != *support.Configuration.DefaultChatServiceRoleSid {
		t.Errorf("configuration: %v", cfg)
	}
	_, n := settingsJSON(t, hs.URL, "/v1/Services/"+support.Sid+"/Configuration/Notifications")
	if nm, _ := n["new_message"].(map[string]any); nm["enabled"] != true || n["log_enabled"] != true {
		t.Errorf("notifications: %v", n)
	}
	_, n = settingsJSON(t, hs.URL, "/v1/Services/"+sales.Sid+"/Configuration/Notifications")
	if v, ok := n["new_message"]; !ok || v != nil {
		t.Errorf("the second service's notifications should be null: %v", n)
	}
	_, w := settingsJSON(t, hs.URL, "/v1/Services/"+sales.Sid+"/Configuration/Webhooks")
	if w["post_webhook_url"] != InsecureServiceWebhookURL || w["method"] != "GET" {
		t.Errorf("webhooks: %v", w)
	}

	all, _ := walkKey(t, hs.URL, "/v1/Services/"+support.Sid+"/Bindings?PageSize=100", "bindings")
	if len(all) != len(support.Bindings) {
		t.Fatalf("%d bindings, want %d", len(all), len(support.Bindings))
	}
	q := url.Values{"BindingType": {"fcm", "apn"}, "Identity": {support.Users[0].Identity, support.Users[1].Identity}}
	some, _ := walkKey(t, hs.URL, "/v1/Services/"+support.Sid+"/Bindings?"+q.Encode(), "bindings")
	want := 0
	for _, b := range support.Bindings {
		if slices.Contains(q["BindingType"], b.BindingType) && b.Identity != nil && slices.Contains(q["Identity"], *b.Identity) {
			want++
		}
	}
	if len(some) != want || want < 2 {
		t.Errorf("filtered bindings: %d, want %d", len(some), want)
	}
	if status, m := settingsJSON(t, hs.URL, "/v1/Services/"+support.Sid+"/Bindings/"+support.Bindings[0].Sid); status != 200 || m["binding_type"] != "apn" {
		t.Errorf("one binding: %d %v", status, m)
	}

	for _, p := range []string{
		"/v1/Roles/RL0000000000000000000000000000dead", "/v1/Services/IS0000000000000000000000000000dead",
		"/v1/Services/IS0000000000000000000000000000dead/Roles", "/v1/Services/IS0000000000000000000000000000dead/Configuration/Webhooks",
		"/v1/Users/nobody", "/v1/Services/" + sales.Sid + "/Bindings/BS0000000000000000000000000000dead",
		"/v1/Services/" + sales.Sid + "/Configuration/Other",
	} {
		if status, m := settingsJSON(t, hs.URL, p); status != 404 || m["code"] != float64(20404) || m["status"] != float64(404) {
			t.Errorf("%s: %d %v", p, status, m)
		}
	}
	for _, p := range []string{"/v1/Services/" + support.Sid + "/Bindings?BindingType=sms", "/v1/Services/" + support.Sid + "/Bindings?PageSize=101", "/v1/Roles?PageSize=51"} {
		if status, m := settingsJSON(t, hs.URL, p); status != 400 {
			t.Errorf("%s: %d %v", p, status, m)
		}
	}
}

// The README's example of a service with its settings loads and serves.
func TestREADMEServiceSettingsExample(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	i := strings.Index(readme, "- Each service may also have its settings")
	if i < 0 {
		t.Fatal("the README does not describe the settings of a service")
	}
	start := strings.Index(readme[i:], "```json\n")
	end := strings.Index(readme[i+start+8:], "```")
	if start < 0 || end < 0 {
		t.Fatal("no JSON example of a service's settings")
	}
	var s Service
	if err := json.Unmarshal([]byte(readme[i+start+8:i+start+8+end]), &s); err != nil {
		t.Fatal(err)
	}
	s.Default = true
	_, hs := serveService(t, s)
	for _, p := range []string{"/v1/Roles", "/v1/Services/" + s.Sid + "/Bindings", "/v1/Services/" + s.Sid + "/Configuration/Webhooks"} {
		if status, m := settingsJSON(t, hs, p); status != 200 || len(m) == 0 {
			t.Errorf("%s: %d %v", p, status, m)
		}
	}
	if len(s.Roles) == 0 || len(s.Bindings) == 0 || s.Configuration == nil || s.Notifications == nil || s.Webhooks == nil {
		t.Errorf("the example lacks a part of the format: %+v", s)
	}
}

// start_ serves a dataset of the one service s.
func serveService(t *testing.T, s Service) (*Server, string) {
	t.Helper()
	srv, hs := start(t, &Dataset{AccountSid: AccountSid, Services: []Service{s}}, Options{})
	return srv, hs.URL
}
