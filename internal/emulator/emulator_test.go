package emulator

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

func start(t *testing.T, d *Dataset, opts Options) (*Server, *httptest.Server) {
	t.Helper()
	s, err := New(d, opts)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s)
	t.Cleanup(hs.Close)
	return s, hs
}

type page struct {
	Conversations []map[string]any `json:"conversations"`
	Participants  []map[string]any `json:"participants"`
	Meta          map[string]any   `json:"meta"`
}

func get(t *testing.T, rawURL string, user, pass string) (int, page, http.Header, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, rawURL, nil)
	if user != "" {
		req.SetBasicAuth(user, pass)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	var buf [4096]byte
	for {
		n, err := resp.Body.Read(buf[:])
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	var p page
	_ = json.Unmarshal([]byte(b.String()), &p)
	return resp.StatusCode, p, resp.Header, []byte(b.String())
}

func authGet(t *testing.T, rawURL string) (int, page, []byte) {
	t.Helper()
	status, p, _, body := get(t, rawURL, DefaultUsername, DefaultPassword)
	return status, p, body
}

func TestAuthentication(t *testing.T) {
	_, hs := start(t, Generate(DefaultGenerateOptions), Options{})
	for _, creds := range [][2]string{{"", ""}, {DefaultUsername, "wrong"}, {"ACwrong", DefaultPassword}} {
		status, _, hdr, body := get(t, hs.URL+"/v1/ParticipantConversations?Identity=alice", creds[0], creds[1])
		var e map[string]any
		_ = json.Unmarshal(body, &e)
		if status != 401 || e["code"] != float64(20003) || hdr.Get("Www-Authenticate") == "" {
			t.Errorf("%v: %d %s", creds, status, body)
		}
	}
}

func TestV2PagingCoversEveryItemOnce(t *testing.T) {
	d := Generate(GenerateOptions{Seed: 3, Conversations: 23, ParticipantsPerConversation: 2})
	_, hs := start(t, d, Options{})
	var ids []string
	next := ""
	pages := 0
	for {
		u := hs.URL + "/v2/Conversations?pageSize=5"
		if next != "" {
			u += "&pageToken=" + url.QueryEscape(next)
		}
		status, p, body := authGet(t, u)
		if status != 200 {
			t.Fatalf("%d %s", status, body)
		}
		pages++
		if int(p.Meta["pageSize"].(float64)) != len(p.Conversations) {
			t.Errorf("meta.pageSize %v != %d items", p.Meta["pageSize"], len(p.Conversations))
		}
		for _, c := range p.Conversations {
			ids = append(ids, c["id"].(string))
		}
		tok, _ := p.Meta["nextToken"].(string)
		if tok == "" {
			break
		}
		next = tok
	}
	if pages != 5 || len(ids) != 23 {
		t.Fatalf("pages=%d ids=%d", pages, len(ids))
	}
	for i, c := range d.Conversations {
		if ids[i] != c.ID {
			t.Fatalf("item %d: %s, want %s (API order)", i, ids[i], c.ID)
		}
	}
}

func TestV2Filters(t *testing.T) {
	d := Generate(DefaultGenerateOptions)
	_, hs := start(t, d, Options{})
	_, p, _ := authGet(t, hs.URL+"/v2/Conversations?pageSize=1000&status=INACTIVE&status=CLOSED")
	want := 0
	for _, c := range d.Conversations {
		if c.Status == "INACTIVE" || c.Status == "CLOSED" {
			want++
		}
	}
	if len(p.Conversations) != want || want == 0 {
		t.Errorf("got %d, want %d", len(p.Conversations), want)
	}
	for _, c := range p.Conversations {
		if c["status"] == "ACTIVE" {
			t.Errorf("ACTIVE conversation %v returned", c["id"])
		}
	}
	target := d.Conversations[4]
	_, p, _ = authGet(t, hs.URL+"/v2/Conversations?channelId="+target.ChannelIDs[0])
	if len(p.Conversations) != 1 || p.Conversations[0]["id"] != target.ID {
		t.Errorf("channelId filter: %v", p.Conversations)
	}
	status, _, body := authGet(t, hs.URL+"/v2/Conversations?status=OPEN")
	if status != 400 || !strings.Contains(string(body), "20001") {
		t.Errorf("unknown status: %d %s", status, body)
	}
	// A token belongs to its filters.
	_, p, _ = authGet(t, hs.URL+"/v2/Conversations?pageSize=1&status=ACTIVE")
	status, _, body = authGet(t, hs.URL+"/v2/Conversations?pageSize=1&status=CLOSED&pageToken="+url.QueryEscape(p.Meta["nextToken"].(string)))
	if status != 400 || !strings.Contains(string(body), "21481") {
		t.Errorf("token of other filters: %d %s", status, body)
	}
}

// Serving a page of conversations costs that page, not a pass over the
// whole account: otherwise reading a large account through the emulator
// costs time quadratic in its size, and the benchmarks measure the
// emulator. Compared by the bytes allocated per page, for two account sizes.
func TestV2PageCostDoesNotGrowWithTheAccount(t *testing.T) {
	perPage := func(conversations int, query string) uint64 {
		s, err := New(Generate(GenerateOptions{Seed: 5, Conversations: conversations}), Options{})
		if err != nil {
			t.Fatal(err)
		}
		serve := func() {
			req := httptest.NewRequest(http.MethodGet, "/v2/Conversations?pageSize=50"+query, nil)
			req.SetBasicAuth(DefaultUsername, DefaultPassword)
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				t.Fatalf("%d %s", rec.Code, rec.Body)
			}
		}
		serve() // the first page of a filter may select the conversations
		const pages = 20
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for range pages {
			serve()
		}
		runtime.ReadMemStats(&after)
		return (after.TotalAlloc - before.TotalAlloc) / pages
	}
	for _, query := range []string{"", "&status=ACTIVE&status=CLOSED"} {
		small, large := perPage(1_000, query), perPage(50_000, query)
		if large > 2*small {
			t.Errorf("query %q: a page of 50 allocates %d bytes in an account of 1,000 conversations and %d in one of 50,000", query, small, large)
		}
	}
}

func TestPageSizeLimitsAreErrorsNotClamps(t *testing.T) {
	_, hs := start(t, Generate(DefaultGenerateOptions), Options{})
	for _, u := range []string{"/v2/Conversations?pageSize=1001", "/v2/Conversations?pageSize=0", "/v1/ParticipantConversations?Identity=alice&PageSize=51"} {
		status, _, body := authGet(t, hs.URL+u)
		if status != 400 || !strings.Contains(string(body), "20007") {
			t.Errorf("%s: %d %s", u, status, body)
		}
	}
}

func TestParticipantsAndNotFound(t *testing.T) {
	d := Generate(DefaultGenerateOptions)
	_, hs := start(t, d, Options{})
	c := d.Conversations[0]
	_, p, _ := authGet(t, hs.URL+"/v2/Conversations/"+url.PathEscape(c.ID)+"/Participants")
	if len(p.Participants) != len(*c.Participants) || p.Participants[0]["conversationId"] != c.ID {
		t.Errorf("participants: %v", p.Participants)
	}
	for _, u := range []string{
		"/v2/Conversations/conv_conversation_nope/Participants",
		"/v1/Services/IS99999999999999999999999999999999/Users/alice/Conversations",
		"/v1/Services/" + ServiceSid + "/Users/nobody/Conversations",
	} {
		status, _, body := authGet(t, hs.URL+u)
		if status != 404 || !strings.Contains(string(body), "20404") {
			t.Errorf("%s: %d %s", u, status, body)
		}
	}
}

// walkV1 follows next_page_url from first and returns every item.
func walkV1(t *testing.T, hs *httptest.Server, first string) []map[string]any {
	t.Helper()
	var all []map[string]any
	u := hs.URL + first
	for u != "" {
		status, p, body := authGet(t, u)
		if status != 200 {
			t.Fatalf("%s: %d %s", u, status, body)
		}
		all = append(all, p.Conversations...)
		next, _ := p.Meta["next_page_url"].(string)
		if next != "" && !strings.HasPrefix(next, hs.URL+"/") {
			t.Fatalf("next_page_url %s is not absolute on the emulator's host", next)
		}
		u = next
	}
	return all
}

func TestV1ConsistencyAcrossEndpoints(t *testing.T) {
	d := Generate(GenerateOptions{Seed: 5, V1Conversations: 33, Users: 5})
	_, hs := start(t, d, Options{})
	svc := d.Services[0]
	for _, u := range svc.Users {
		byIdentity := walkV1(t, hs, "/v1/ParticipantConversations?PageSize=4&Identity="+url.QueryEscape(u.Identity))
		bySid := walkV1(t, hs, "/v1/Services/"+ServiceSid+"/Users/"+u.Sid+"/Conversations?PageSize=7")
		byName := walkV1(t, hs, "/v1/Services/"+ServiceSid+"/Users/"+url.PathEscape(u.Identity)+"/Conversations?PageSize=50")
		want := 0
		for _, c := range svc.Conversations {
			for _, p := range c.Participants {
				if p.Identity != nil && *p.Identity == u.Identity {
					want++
				}
			}
		}
		if len(byIdentity) != want || len(bySid) != want || len(byName) != want {
			t.Errorf("%s: participant conversations %d, by SID %d, by identity %d, want %d", u.Identity, len(byIdentity), len(bySid), len(byName), want)
		}
		for i := range bySid {
			if bySid[i]["conversation_sid"] != byIdentity[i]["conversation_sid"] || bySid[i]["user_sid"] != u.Sid || byIdentity[i]["participant_identity"] != u.Identity {
				t.Errorf("%s: item %d differs between endpoints", u.Identity, i)
			}
			if i > 0 && byIdentity[i]["conversation_sid"].(string) < byIdentity[i-1]["conversation_sid"].(string) {
				t.Errorf("participant conversations not sorted by conversation SID")
			}
		}
	}
	if got := len(walkV1(t, hs, "/v1/ParticipantConversations?Identity=alice")); got != 33 {
		t.Errorf("alice is in %d conversations, want all 33", got)
	}
	addr := svc.Conversations[2].Participants[2].MessagingBinding.Address
	items := walkV1(t, hs, "/v1/ParticipantConversations?Address="+url.QueryEscape(addr))
	if len(items) == 0 || items[0]["participant_messaging_binding"].(map[string]any)["address"] != addr || items[0]["participant_identity"] != nil {
		t.Errorf("by address %s: %v", addr, items)
	}
	for _, q := range []string{"", "Identity=alice&Address=%2B1"} {
		status, _, body := authGet(t, hs.URL+"/v1/ParticipantConversations?"+q)
		if status != 400 {
			t.Errorf("%q: %d %s", q, status, body)
		}
	}
}

func TestFaults(t *testing.T) {
	d := Generate(GenerateOptions{Seed: 1, Conversations: 3})
	t.Run("rate limit every 3rd with Retry-After", func(t *testing.T) {
		_, hs := start(t, d, Options{Faults: Faults{RateLimitEvery: 3, RetryAfter: "2"}})
		for i := 1; i <= 6; i++ {
			status, _, hdr, body := get(t, hs.URL+"/v2/Conversations", DefaultUsername, DefaultPassword)
			if i%3 == 0 {
				if status != 429 || hdr.Get("Retry-After") != "2" || !strings.Contains(string(body), "20429") {
					t.Errorf("request %d: %d %v %s", i, status, hdr, body)
				}
			} else if status != 200 {
				t.Errorf("request %d: %d", i, status)
			}
		}
	})
	t.Run("server errors", func(t *testing.T) {
		_, hs := start(t, d, Options{Faults: Faults{ServerErrorRate: 1, ServerErrorStatus: 502}})
		if status, _, _ := authGet(t, hs.URL+"/v2/Conversations"); status != 502 {
			t.Errorf("status %d", status)
		}
	})
	t.Run("malformed", func(t *testing.T) {
		_, hs := start(t, d, Options{Faults: Faults{MalformedEvery: 2}})
		_, _, first := authGet(t, hs.URL+"/v2/Conversations")
		_, _, second := authGet(t, hs.URL+"/v2/Conversations")
		if !json.Valid(first) || json.Valid(second) {
			t.Errorf("valid: first %v, second %v", json.Valid(first), json.Valid(second))
		}
	})
	t.Run("latency", func(t *testing.T) {
		_, hs := start(t, d, Options{Faults: Faults{Latency: 50 * time.Millisecond}})
		t0 := time.Now()
		authGet(t, hs.URL+"/v2/Conversations")
		if el := time.Since(t0); el < 50*time.Millisecond {
			t.Errorf("answered after %s", el)
		}
	})
}

func TestEscapedPathSegments(t *testing.T) {
	d := Generate(DefaultGenerateOptions)
	s, hs := start(t, d, Options{})
	for _, id := range []string{"carol/ops", "李雷", "frank 42", "eve+test@example.com", "dmitri.иванов"} {
		items := walkV1(t, hs, "/v1/Services/"+ServiceSid+"/Users/"+url.PathEscape(id)+"/Conversations")
		if len(items) == 0 {
			t.Errorf("%s: no conversations", id)
		}
	}
	if reqs := s.Requests(); len(reqs) == 0 || !strings.Contains(reqs[0].RawPath, "carol%2Fops") {
		t.Errorf("recorded %v", reqs)
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := Generate(DefaultGenerateOptions), Generate(DefaultGenerateOptions)
	if !reflect.DeepEqual(a, b) {
		t.Error("same options, different data")
	}
	c := Generate(GenerateOptions{Seed: 2, Conversations: 120, ParticipantsPerConversation: 2, V1Conversations: 75, Users: 8})
	if reflect.DeepEqual(a.Conversations, c.Conversations) {
		t.Error("the seed changes nothing")
	}
	// Variety the tests rely on: nulls, empty timers, several channels.
	var nullName, noParticipants, noConfig bool
	channels := map[string]bool{}
	for _, cv := range a.Conversations {
		nullName = nullName || cv.Name == nil
		noParticipants = noParticipants || cv.Participants == nil
		noConfig = noConfig || cv.Configuration == nil
		if cv.Participants != nil {
			for _, p := range *cv.Participants {
				for _, ad := range p.Addresses {
					channels[ad.Channel] = true
				}
			}
		}
	}
	if !nullName || !noParticipants || !noConfig || len(channels) < 5 {
		t.Errorf("generated data lacks variety: nullName=%v noParticipants=%v noConfig=%v channels=%v", nullName, noParticipants, noConfig, channels)
	}
}

func TestFixtureRoundTrip(t *testing.T) {
	d := Generate(GenerateOptions{Seed: 9, Conversations: 4, ParticipantsPerConversation: 1, V1Conversations: 3, Users: 2})
	b, _ := json.Marshal(d)
	path := filepath.Join(t.TempDir(), "account.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := LoadFixture(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, d) {
		t.Error("fixture did not round-trip")
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	_ = os.WriteFile(bad, []byte(`{"account_sid":"AC1","services":[{"sid":"IS1","default":true,"users":[],"conversations":[{"sid":"CH1","participants":[{"sid":"MB1","identity":"ghost"}]}]}]}`), 0o600)
	if _, err := LoadFixture(bad); err == nil || !strings.Contains(err.Error(), "ghost") {
		t.Errorf("inconsistent fixture: %v", err)
	}
}

// Requests served at once are each counted, recorded and answered. The
// clients run in goroutines, which report to the test through a channel:
// t.Fatal belongs to the test's own goroutine.
func TestConcurrentRequests(t *testing.T) {
	s, hs := start(t, Generate(DefaultGenerateOptions), Options{Faults: Faults{RateLimitEvery: 5}})
	statuses := make(chan int, 100)
	errs := make(chan error, 100)
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Go(func() {
			for j := 0; j < 5; j++ {
				req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/v2/Conversations?pageSize=%d", hs.URL, 1+i), nil)
				req.SetBasicAuth(DefaultUsername, DefaultPassword)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					errs <- err
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				statuses <- resp.StatusCode
			}
		})
	}
	wg.Wait()
	close(statuses)
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	counts := map[int]int{}
	for st := range statuses {
		counts[st]++
	}
	if counts[200] != 80 || counts[429] != 20 {
		t.Errorf("answers by status: %v, want 80 OK and every fifth, 20, rate limited", counts)
	}
	if s.RequestCount() != 100 || len(s.Requests()) != 100 {
		t.Errorf("counted %d, recorded %d", s.RequestCount(), len(s.Requests()))
	}
}

// The fixture the README shows is one the emulator loads.
func TestREADMEFixtureLoads(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	i := strings.Index(readme, "### Fixture format")
	if i < 0 {
		t.Fatal("the README has no fixture format section")
	}
	start := strings.Index(readme[i:], "```json\n")
	end := strings.Index(readme[i+start+8:], "```")
	if start < 0 || end < 0 {
		t.Fatal("the fixture format section has no JSON block")
	}
	path := filepath.Join(t.TempDir(), "fixture.json")
	if err := os.WriteFile(path, []byte(readme[i+start+8:i+start+8+end]), 0o600); err != nil {
		t.Fatal(err)
	}
	d, err := LoadFixture(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(d, Options{}); err != nil {
		t.Fatal(err)
	}
	if len(d.Conversations) == 0 || len(d.Conversations[0].Communications) == 0 || len(d.Configurations) == 0 || len(d.Services) == 0 || d.Services[0].FriendlyName == "" ||
		d.AccountConfiguration == nil || len(d.AddressConfigurations) == 0 || len(d.Credentials) == 0 ||
		len(d.Services[0].Roles) == 0 || len(d.Services[0].Bindings) == 0 {
		t.Errorf("the README's fixture lacks a part of the format: %+v", d)
	}
}
