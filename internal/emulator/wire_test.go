package emulator

import (
	"encoding/json"
	"net/url"
	"reflect"
	"slices"
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
