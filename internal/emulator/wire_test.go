package emulator

import (
	"encoding/json"
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
