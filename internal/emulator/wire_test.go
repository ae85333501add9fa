package emulator

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The emulator answers as Twilio's OpenAPI specs describe the API; these
// tests pin the places where it once did not. internal/contract validates
// every response against the specs themselves.

// Both API versions answer errors as {code, message, more_info, status}:
// the newest v2 spec documents that shape, and a client that reads it
// (twilio-go among them) otherwise reports a status of 0.
func TestErrorBodiesHaveTwilioShape(t *testing.T) {
	d := Generate(DefaultGenerateOptions)
	_, hs := start(t, d, Options{})
	_, limited := start(t, d, Options{Faults: Faults{RateLimitEvery: 1}})
	for _, tc := range []struct {
		base, path   string
		user         string
		status, code int
	}{
		{hs.URL, "/v2/Conversations/conv_conversation_nope", DefaultUsername, 404, 20404},
		{hs.URL, "/v2/Conversations/conv_conversation_nope/Participants", DefaultUsername, 404, 20404},
		{hs.URL, "/v2/ControlPlane/Configurations/nope", DefaultUsername, 404, 20404},
		{hs.URL, "/v2/Conversations?status=OPEN", DefaultUsername, 400, 20001},
		{hs.URL, "/v2/Conversations?pageSize=1001", DefaultUsername, 400, 20007},
		{hs.URL, "/v2/Conversations?pageToken=bad", DefaultUsername, 400, 21481},
		{hs.URL, "/v2/Conversations", "ACwrong", 401, 20003},
		{limited.URL, "/v2/Conversations", DefaultUsername, 429, 20429},
		{hs.URL, "/v1/Services/IS99999999999999999999999999999999/Users", DefaultUsername, 404, 20404},
		{hs.URL, "/v1/ParticipantConversations", DefaultUsername, 400, 20001},
		{hs.URL, "/v1/Services", "ACwrong", 401, 20003},
	} {
		status, _, _, body := get(t, tc.base+tc.path, tc.user, DefaultPassword)
		var e map[string]any
		if err := json.Unmarshal(body, &e); err != nil {
			t.Fatalf("%s: %v: %s", tc.path, err, body)
		}
		keys := make([]string, 0, len(e))
		for k := range e {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if status != tc.status || !reflect.DeepEqual(keys, []string{"code", "message", "more_info", "status"}) ||
			e["code"] != float64(tc.code) || e["status"] != float64(tc.status) ||
			e["more_info"] != "https://www.twilio.com/docs/errors/"+jsonNumber(tc.code) || e["message"] == "" {
			t.Errorf("%s: %d %s; want %d with code %d, message, more_info and status", tc.path, status, body, tc.status, tc.code)
		}
	}
}

func jsonNumber(n int) string { b, _ := json.Marshal(n); return string(b) }

// serveAll reads every page of every list endpoint and every single
// object, and returns the bodies.
func serveAll(t *testing.T, d *Dataset) []string {
	t.Helper()
	s, err := New(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	do := func(u string) []byte {
		req := httptest.NewRequest(http.MethodGet, u, nil)
		req.SetBasicAuth(DefaultUsername, DefaultPassword)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != 200 {
			t.Fatalf("%s: %d %s", u, rec.Code, rec.Body)
		}
		return rec.Body.Bytes()
	}
	var bodies []string
	walkV2 := func(first string) {
		u := first
		for u != "" {
			b := do(u)
			bodies = append(bodies, string(b))
			var p struct {
				Meta struct {
					NextToken string `json:"nextToken"`
				} `json:"meta"`
			}
			_ = json.Unmarshal(b, &p)
			u = ""
			if p.Meta.NextToken != "" {
				u = first + "&pageToken=" + url.QueryEscape(p.Meta.NextToken)
			}
		}
	}
	walkV2("/v2/Conversations?pageSize=7")
	walkV2("/v2/ControlPlane/Configurations?pageSize=2")
	for _, c := range d.Conversations {
		walkV2("/v2/Conversations/" + url.PathEscape(c.ID) + "/Participants?pageSize=1")
		bodies = append(bodies, string(do("/v2/Conversations/"+url.PathEscape(c.ID))))
	}
	for _, c := range d.Configurations {
		bodies = append(bodies, string(do("/v2/ControlPlane/Configurations/"+url.PathEscape(c.ID))))
	}
	return bodies
}

// Where the spec gives a field no "nullable", the emulator leaves an unset
// one out rather than writing null: a configuration's description, memory
// store and v1 bridge, a participant's profile, an address's channel id,
// and the page tokens at either end of a list. A fixture may still give
// them as null.
func TestNoNullWhereTheSpecHasNone(t *testing.T) {
	notNullable := []string{"description", "memoryStoreId", "conversationsV1Bridge", "profileId", "channelId", "nextToken", "previousToken",
		"channelSettings", "statusCallbacks", "intelligenceConfigurationIds", "addresses"}
	check := func(name string, d *Dataset) {
		t.Helper()
		nulls := map[string]int{}
		for _, b := range serveAll(t, d) {
			var v any
			if err := json.Unmarshal([]byte(b), &v); err != nil {
				t.Fatal(err)
			}
			findNulls(v, nulls)
		}
		for _, k := range notNullable {
			if nulls[k] > 0 {
				t.Errorf("%s: %q is null %d times; the spec does not allow null there", name, k, nulls[k])
			}
		}
	}
	d := Generate(GenerateOptions{Seed: 4, Conversations: 30, ParticipantsPerConversation: 3})
	var unsetProfile, unsetChannelID, unsetDescription bool
	for _, c := range d.Conversations {
		unsetDescription = unsetDescription || c.Configuration != nil && c.Configuration.Description == nil
		if c.Participants != nil {
			for _, p := range *c.Participants {
				unsetProfile = unsetProfile || p.ProfileID == nil
				for _, a := range p.Addresses {
					unsetChannelID = unsetChannelID || a.ChannelID == nil
				}
			}
		}
	}
	if !unsetProfile || !unsetChannelID || !unsetDescription {
		t.Fatal("the generated data has no unset field to check")
	}
	check("generated", d)

	path := filepath.Join(t.TempDir(), "nulls.json")
	if err := os.WriteFile(path, []byte(`{"account_sid": "AC00000000000000000000000000000001",
  "conversations": [{"id": "conv_conversation_01", "accountId": "AC00000000000000000000000000000001", "configurationId": "conv_configuration_01",
    "status": "ACTIVE", "name": null, "createdAt": "2025-01-06T09:00:00Z", "updatedAt": "2025-01-06T09:30:00Z",
    "configuration": {"displayName": "Support", "description": null, "conversationGroupingType": "GROUP_BY_PROFILE", "memoryStoreId": null,
      "channelSettings": null, "statusCallbacks": null, "intelligenceConfigurationIds": null, "memoryExtractionEnabled": false, "conversationsV1Bridge": null},
    "participants": [{"id": "conv_participant_01", "conversationId": "conv_conversation_01", "accountId": "AC00000000000000000000000000000001",
      "name": null, "type": "CUSTOMER", "profileId": null, "createdAt": "2025-01-06T09:00:00Z", "updatedAt": "2025-01-06T09:00:00Z",
      "addresses": [{"channel": "SMS", "address": "+15551234567", "channelId": null}]},
      {"id": "conv_participant_02", "conversationId": "conv_conversation_01", "accountId": "AC00000000000000000000000000000001",
      "type": "AGENT", "addresses": null, "createdAt": "2025-01-06T09:00:00Z", "updatedAt": "2025-01-06T09:00:00Z"}]}],
  "configurations": [{"id": "conv_configuration_01", "displayName": "Support", "description": "Routing", "conversationGroupingType": "GROUP_BY_PROFILE",
    "memoryStoreId": "mem_store_00000000000000000000000001", "channelSettings": null, "statusCallbacks": [], "intelligenceConfigurationIds": [],
    "memoryExtractionEnabled": false, "conversationsV1Bridge": null, "createdAt": "2025-01-01T00:00:00Z", "updatedAt": "2025-01-02T00:00:00Z", "version": 3}],
  "services": []}`), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := LoadFixture(path)
	if err != nil {
		t.Fatal(err)
	}
	check("fixture with nulls", f)
	// What the fixture sets to an empty list stays one.
	body := serveAll(t, f)
	if !strings.Contains(strings.Join(body, "\n"), `"statusCallbacks":[]`) {
		t.Errorf("an empty list of the fixture was left out: %s", body)
	}
}

// findNulls counts, by key, the members of v that are null.
func findNulls(v any, nulls map[string]int) {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			if e == nil {
				nulls[k]++
			}
			findNulls(e, nulls)
		}
	case []any:
		for _, e := range v {
			findNulls(e, nulls)
		}
	}
}

// v1 meta.previous_page_url is null on the first page only; on a later page
// it leads to the page before, as Twilio's does.
func TestV1PreviousPageURL(t *testing.T) {
	d := Generate(GenerateOptions{Seed: 5, V1Conversations: 23, Users: 3})
	_, hs := start(t, d, Options{})
	type v1Page struct {
		Conversations []map[string]any `json:"conversations"`
		Meta          struct {
			Page     int     `json:"page"`
			Next     *string `json:"next_page_url"`
			Previous *string `json:"previous_page_url"`
		} `json:"meta"`
	}
	fetch := func(u string) v1Page {
		t.Helper()
		status, _, body := authGet(t, u)
		var p v1Page
		if err := json.Unmarshal(body, &p); status != 200 || err != nil {
			t.Fatalf("%s: %d %s", u, status, body)
		}
		return p
	}
	var pages []v1Page
	for u := hs.URL + "/v1/ParticipantConversations?Identity=alice&PageSize=5"; u != ""; {
		p := fetch(u)
		pages = append(pages, p)
		u = ""
		if p.Meta.Next != nil {
			u = *p.Meta.Next
		}
	}
	if len(pages) != 5 {
		t.Fatalf("%d pages, want 5", len(pages))
	}
	for i, p := range pages {
		if i == 0 {
			if p.Meta.Previous != nil {
				t.Errorf("page 0: previous_page_url %q, want null", *p.Meta.Previous)
			}
			continue
		}
		if p.Meta.Previous == nil {
			t.Errorf("page %d: previous_page_url is null", i)
			continue
		}
		prev := fetch(*p.Meta.Previous)
		if prev.Meta.Page != i-1 || !reflect.DeepEqual(prev.Conversations, pages[i-1].Conversations) {
			t.Errorf("page %d: previous_page_url %s gives page %d with other items than page %d", i, *p.Meta.Previous, prev.Meta.Page, i-1)
		}
	}
}

// A page token belongs to the listing and the filters the endpoint knows;
// other parameters neither change it nor go into it. twilio-go asks for v2
// pages with PageSize and PageToken, which the v2 endpoints do not know:
// had the emulator folded them into its next token, each token would hold
// the one before and grow by a third a page until the server refused the
// request line.
func TestPageTokensIgnoreParametersTheEndpointDoesNotKnow(t *testing.T) {
	d := Generate(GenerateOptions{Seed: 6, Conversations: 120, ParticipantsPerConversation: 1, V1Conversations: 12, Users: 2})
	_, hs := start(t, d, Options{})
	nextToken := func(u string) string {
		t.Helper()
		status, p, body := authGet(t, u)
		tok, _ := p.Meta["nextToken"].(string)
		if status != 200 || tok == "" {
			t.Fatalf("%s: %d %s", u, status, body)
		}
		return tok
	}
	// What twilio-go's v2 pager sends after the first page.
	tok := nextToken(hs.URL + "/v2/Conversations?pageSize=5")
	first := len(tok)
	for range 10 {
		tok = nextToken(hs.URL + "/v2/Conversations?PageSize=5&PageToken=" + url.QueryEscape(tok))
		if len(tok) != first {
			t.Fatalf("the token grew from %d to %d bytes", first, len(tok))
		}
	}
	// A token is good with parameters the endpoint ignores, and for the
	// same filters in another order.
	tok = nextToken(hs.URL + "/v2/Conversations?pageSize=2&status=ACTIVE&status=CLOSED")
	if status, _, body := authGet(t, hs.URL+"/v2/Conversations?pageSize=2&status=CLOSED&status=ACTIVE&utm=x&pageToken="+url.QueryEscape(tok)); status != 200 {
		t.Errorf("token with an ignored parameter: %d %s", status, body)
	}
	// v1: a token is only good for the filters it was issued with.
	_, p, _ := authGet(t, hs.URL+"/v1/Configuration/Addresses?Type=sms&PageSize=1")
	next, _ := p.Meta["next_page_url"].(string)
	u, err := url.Parse(next)
	if err != nil || u.Query().Get("PageToken") == "" {
		t.Fatalf("next_page_url %q", next)
	}
	q := u.Query()
	q.Set("Type", "whatsapp")
	if status, _, body := authGet(t, hs.URL+u.Path+"?"+q.Encode()); status != 400 {
		t.Errorf("token of Type=sms for Type=whatsapp: %d %s", status, body)
	}
	// v1: the token of next_page_url does not hold the parameters either.
	_, p, _ = authGet(t, hs.URL+"/v1/ParticipantConversations?Identity=alice&PageSize=2&Unknown=a-long-value-that-is-not-a-filter")
	next, _ = p.Meta["next_page_url"].(string)
	u, err = url.Parse(next)
	if err != nil || u.Query().Get("PageToken") == "" {
		t.Fatalf("next_page_url %q", next)
	}
	if tok := u.Query().Get("PageToken"); len(tok) > 64 {
		t.Errorf("v1 page token of %d bytes: %s", len(tok), tok)
	}
}

// The ControlPlane spec requires every configuration's description and
// memory store, so every generated configuration has them.
func TestGeneratedConfigurationsHaveWhatTheSpecRequires(t *testing.T) {
	for _, c := range Generate(DefaultGenerateOptions).Configurations {
		if c.ID == "" || c.DisplayName == "" || c.Description == nil || c.ConversationGroupingType == "" || c.MemoryStoreID == nil {
			t.Errorf("configuration %s lacks a required field: %+v", c.ID, c)
		}
	}
}

// What a fixture leaves out is left out of responses, or null where the
// spec allows null: never an empty string where the spec wants a
// timestamp or one of an enum's values. Only the fields the README calls
// required are given here.
func TestFieldsAFixtureLeavesOutAreNotEmptyStrings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "minimal.json")
	if err := os.WriteFile(path, []byte(`{"account_sid": "AC00000000000000000000000000000001",
  "conversations": [{"id": "conv_conversation_01", "accountId": "AC00000000000000000000000000000001", "configurationId": "conv_configuration_01",
    "configuration": {"statusCallbacks": [{"url": "https://hooks.example.com/status"}]},
    "participants": [{"id": "conv_participant_01", "conversationId": "conv_conversation_01", "accountId": "AC00000000000000000000000000000001"}]}],
  "configurations": [{"id": "conv_configuration_01", "displayName": "Support", "description": "Routing", "conversationGroupingType": "GROUP_BY_PROFILE",
    "memoryStoreId": "mem_store_00000000000000000000000001"}],
  "services": [{"sid": "IS00000000000000000000000000000001", "default": true,
    "users": [{"sid": "US00000000000000000000000000000001", "identity": "alice"}],
    "conversations": [{"sid": "CH00000000000000000000000000000001", "state": "active", "attributes": "{}",
      "participants": [{"sid": "MB00000000000000000000000000000001", "identity": "alice", "notification_level": "default"}]}]}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	d, err := LoadFixture(path)
	if err != nil {
		t.Fatal(err)
	}
	bodies := serveAll(t, d)
	_, hs := start(t, d, Options{})
	for _, u := range []string{"/v1/Services", "/v1/Services/" + ServiceSid + "/Users", "/v1/Users/alice/Conversations", "/v1/ParticipantConversations?Identity=alice"} {
		_, _, body := authGet(t, hs.URL+u)
		bodies = append(bodies, string(body))
	}
	for _, b := range bodies {
		var v any
		if err := json.Unmarshal([]byte(b), &v); err != nil {
			t.Fatal(err)
		}
		for _, k := range emptyStrings(v, nil) {
			t.Errorf("%q is an empty string in %s", k, b)
		}
	}
}

// emptyStrings are the keys of v's members that are "".
func emptyStrings(v any, out []string) []string {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			if e == "" {
				out = append(out, k)
			}
			out = emptyStrings(e, out)
		}
	case []any:
		for _, e := range v {
			out = emptyStrings(e, out)
		}
	}
	return out
}
