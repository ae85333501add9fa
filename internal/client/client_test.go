package client

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

const (
	testUser = "SK0123456789abcdef0123456789abcdef"
	testPass = "s3cr3t-api-secret-value"
)

// fake is an httptest server whose answers are scripted per request.
type fake struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []*http.Request
	n    atomic.Int32
}

func newFake(t *testing.T, h func(n int, w http.ResponseWriter, r *http.Request)) *fake {
	t.Helper()
	f := &fake{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.reqs = append(f.reqs, r.Clone(context.Background()))
		f.mu.Unlock()
		h(int(f.n.Add(1)), w, r)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fake) requests() []*http.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]*http.Request(nil), f.reqs...)
}

func newTestClient(t *testing.T, baseURL string, mod ...func(*Config)) *Client {
	t.Helper()
	cfg := Config{Username: testUser, Password: testPass, BaseURL: baseURL, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond, MaxRetries: 4}
	for _, m := range mod {
		m(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func collectConversations(t *testing.T, c *Client, f ConversationFilter, opts ListOptions) ([]string, Stats, error) {
	t.Helper()
	var ids []string
	st, err := c.ListConversations(context.Background(), f, opts, func(page []Conversation) error {
		for _, c := range page {
			ids = append(ids, *c.ID)
		}
		return nil
	})
	return ids, st, err
}

func TestV2PaginationEndConditions(t *testing.T) {
	for name, lastMeta := range map[string]string{
		"absent": `{"key":"conversations","pageSize":1}`,
		"null":   `{"key":"conversations","pageSize":1,"nextToken":null}`,
		"empty":  `{"key":"conversations","pageSize":1,"nextToken":""}`,
	} {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
				switch r.URL.Query().Get("pageToken") {
				case "":
					fmt.Fprint(w, `{"conversations":[{"id":"c1"},{"id":"c2"}],"meta":{"pageSize":2,"nextToken":"dG9rZW4x=="}}`)
				case "dG9rZW4x==":
					fmt.Fprintf(w, `{"conversations":[{"id":"c3"}],"meta":%s}`, lastMeta)
				default:
					t.Errorf("unexpected token %q", r.URL.Query().Get("pageToken"))
				}
			})
			ids, st, err := collectConversations(t, newTestClient(t, f.URL), ConversationFilter{}, ListOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(ids, ","); got != "c1,c2,c3" {
				t.Errorf("ids = %s", got)
			}
			if st.Requests != 2 || len(f.requests()) != 2 {
				t.Errorf("requests = %d (server saw %d), want 2", st.Requests, len(f.requests()))
			}
		})
	}
}

func TestV2FiltersOnEveryPage(t *testing.T) {
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n < 3 {
			fmt.Fprintf(w, `{"conversations":[{"id":"c%d"}],"meta":{"nextToken":"t%d"}}`, n, n)
			return
		}
		fmt.Fprint(w, `{"conversations":[],"meta":{"nextToken":null}}`)
	})
	_, _, err := collectConversations(t, newTestClient(t, f.URL), ConversationFilter{Statuses: []string{"ACTIVE", "CLOSED"}, ChannelID: "CA123"}, ListOptions{PageSize: 7})
	if err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 3 {
		t.Fatalf("requests = %d, want 3", len(reqs))
	}
	for i, r := range reqs {
		q := r.URL.Query()
		if got := strings.Join(q["status"], ","); got != "ACTIVE,CLOSED" {
			t.Errorf("page %d: status = %q", i+1, got)
		}
		if q.Get("channelId") != "CA123" || q.Get("pageSize") != "7" || r.URL.Path != "/v2/Conversations" {
			t.Errorf("page %d: %s", i+1, r.URL)
		}
		wantToken := ""
		if i > 0 {
			wantToken = fmt.Sprintf("t%d", i)
		}
		if q.Get("pageToken") != wantToken {
			t.Errorf("page %d: pageToken = %q, want %q", i+1, q.Get("pageToken"), wantToken)
		}
		if _, ok := q["PageToken"]; ok {
			t.Errorf("page %d: capitalised PageToken sent", i+1)
		}
	}
}

func TestV2RepeatedTokenRefused(t *testing.T) {
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n > 10 {
			t.Error("still paging after the token repeated")
			return
		}
		fmt.Fprint(w, `{"conversations":[{"id":"c"}],"meta":{"nextToken":"same"}}`)
	})
	_, _, err := collectConversations(t, newTestClient(t, f.URL), ConversationFilter{}, ListOptions{})
	var pe *PageError
	if !errors.As(err, &pe) || pe.Page != 2 || !strings.Contains(err.Error(), "a second time") {
		t.Fatalf("err = %v", err)
	}
}

func TestV2TokenCycleRefused(t *testing.T) {
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		tok := map[string]string{"": "a", "a": "b", "b": "a"}[r.URL.Query().Get("pageToken")]
		fmt.Fprintf(w, `{"conversations":[{"id":"c"}],"meta":{"nextToken":%q}}`, tok)
	})
	_, _, err := collectConversations(t, newTestClient(t, f.URL), ConversationFilter{}, ListOptions{})
	if err == nil || !strings.Contains(err.Error(), "a second time") || len(f.requests()) != 3 {
		t.Fatalf("err = %v after %d requests", err, len(f.requests()))
	}
}

func TestMaxItems(t *testing.T) {
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"conversations":[{"id":"p%da"},{"id":"p%db"},{"id":"p%dc"}],"meta":{"nextToken":"t%d"}}`, n, n, n, n)
	})
	ids, st, err := collectConversations(t, newTestClient(t, f.URL), ConversationFilter{}, ListOptions{PageSize: 3, MaxItems: 5})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids, ","); got != "p1a,p1b,p1c,p2a,p2b" {
		t.Errorf("ids = %s", got)
	}
	if st.Requests != 2 || st.Items != 5 {
		t.Errorf("stats = %+v", st)
	}
	// A limit below the page size shrinks the page asked for.
	f2 := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"conversations":[{"id":"a"},{"id":"b"}],"meta":{"nextToken":"more"}}`)
	})
	ids, _, err = collectConversations(t, newTestClient(t, f2.URL), ConversationFilter{}, ListOptions{MaxItems: 2})
	if err != nil || len(ids) != 2 || f2.requests()[0].URL.Query().Get("pageSize") != "2" || len(f2.requests()) != 1 {
		t.Errorf("ids=%v err=%v requests=%d", ids, err, len(f2.requests()))
	}
}

func TestDefaultPageSizeIsTheMaximum(t *testing.T) {
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/v2/") {
			fmt.Fprint(w, `{"conversations":[],"meta":{}}`)
		} else {
			fmt.Fprint(w, `{"conversations":[],"meta":{"next_page_url":null}}`)
		}
	})
	c := newTestClient(t, f.URL)
	if _, _, err := collectConversations(t, c, ConversationFilter{}, ListOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListParticipantConversations(context.Background(), ParticipantFilter{Identity: "a"}, ListOptions{}, func([]ParticipantConversation) error { return nil }); err != nil {
		t.Fatal(err)
	}
	r := f.requests()
	if r[0].URL.Query().Get("pageSize") != "1000" || r[1].URL.Query().Get("PageSize") != "50" {
		t.Errorf("page sizes: %s / %s", r[0].URL.RawQuery, r[1].URL.RawQuery)
	}
}

func TestV1FollowsNextPageURL(t *testing.T) {
	for name, last := range map[string]string{"null": "null", "empty": `""`} {
		t.Run(name, func(t *testing.T) {
			var f *fake
			f = newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
				switch r.URL.Query().Get("Page") {
				case "":
					fmt.Fprintf(w, `{"conversations":[{"conversation_sid":"CH1"}],"meta":{"page":0,"next_page_url":"%s/v1/ParticipantConversations?Address=%%2B15551234567&PageSize=1&Page=1&PageToken=PT1"}}`, f.URL)
				case "1":
					fmt.Fprintf(w, `{"conversations":[{"conversation_sid":"CH2"}],"meta":{"page":1,"next_page_url":%s}}`, last)
				}
			})
			var got []string
			st, err := newTestClient(t, f.URL).ListParticipantConversations(context.Background(), ParticipantFilter{Address: "+15551234567"}, ListOptions{PageSize: 1}, func(p []ParticipantConversation) error {
				for _, c := range p {
					got = append(got, *c.ConversationSid)
				}
				return nil
			})
			if err != nil || strings.Join(got, ",") != "CH1,CH2" || st.Requests != 2 {
				t.Fatalf("got %v, %+v, %v", got, st, err)
			}
			for _, r := range f.requests() {
				if r.URL.Query().Get("Address") != "+15551234567" || !strings.Contains(r.URL.RawQuery, "Address=%2B15551234567") {
					t.Errorf("Address not sent as %%2B: %s", r.URL.RawQuery)
				}
			}
		})
	}
}

func TestV1NextURLOnAnotherHostStaysOnConfiguredHost(t *testing.T) {
	evil := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		t.Errorf("the other host received a request: %s (Authorization %q)", r.URL, r.Header.Get("Authorization"))
	})
	good := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n == 1 {
			fmt.Fprintf(w, `{"conversations":[{}],"meta":{"next_page_url":"%s/v1/ParticipantConversations?Identity=alice&PageSize=50&Page=1&PageToken=PT"}}`, evil.URL)
			return
		}
		fmt.Fprint(w, `{"conversations":[{}],"meta":{"next_page_url":null}}`)
	})
	st, err := newTestClient(t, good.URL).ListParticipantConversations(context.Background(), ParticipantFilter{Identity: "alice"}, ListOptions{}, func([]ParticipantConversation) error { return nil })
	if err != nil || st.Items != 2 {
		t.Fatalf("%+v %v", st, err)
	}
	reqs := good.requests()
	if len(reqs) != 2 || reqs[1].URL.Query().Get("PageToken") != "PT" || reqs[1].URL.Path != "/v1/ParticipantConversations" {
		t.Errorf("second request on the configured host: %v", reqs)
	}
	if len(evil.requests()) != 0 {
		t.Error("credentials went to the host named in the body")
	}
}

func TestV1RepeatedNextURLRefused(t *testing.T) {
	var f *fake
	f = newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"conversations":[{}],"meta":{"next_page_url":"%s/v1/ParticipantConversations?Identity=a&Page=1"}}`, f.URL)
	})
	_, err := newTestClient(t, f.URL).ListParticipantConversations(context.Background(), ParticipantFilter{Identity: "a"}, ListOptions{}, func([]ParticipantConversation) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "a second time") || len(f.requests()) != 2 {
		t.Fatalf("err = %v after %d requests", err, len(f.requests()))
	}
}

func TestRetryAfterThenSuccess(t *testing.T) {
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprint(w, `{"code":20429,"message":"Too Many Requests","more_info":"https://www.twilio.com/docs/errors/20429","status":429}`)
			return
		}
		fmt.Fprint(w, `{"conversations":[{"id":"c1"}],"meta":{}}`)
	})
	start := time.Now()
	ids, _, err := collectConversations(t, newTestClient(t, f.URL), ConversationFilter{}, ListOptions{})
	if err != nil || len(ids) != 1 {
		t.Fatalf("ids=%v err=%v", ids, err)
	}
	if waited := time.Since(start); waited < 900*time.Millisecond {
		t.Errorf("retried after %s, before Retry-After: 1 elapsed", waited)
	}
}

func TestServerErrorsThenSuccess(t *testing.T) {
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n <= 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, `{"conversations":[{"id":"c1"}],"meta":{}}`)
	})
	ids, _, err := collectConversations(t, newTestClient(t, f.URL), ConversationFilter{}, ListOptions{})
	if err != nil || len(ids) != 1 || len(f.requests()) != 4 {
		t.Fatalf("ids=%v err=%v requests=%d", ids, err, len(f.requests()))
	}
}

func TestRetriesExhaustedGivesLastTwilioError(t *testing.T) {
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprintf(w, `{"code":20429,"message":"Too Many Requests (attempt %d)","more_info":"https://www.twilio.com/docs/errors/20429","status":429}`, n)
	})
	_, _, err := collectConversations(t, newTestClient(t, f.URL), ConversationFilter{}, ListOptions{})
	var apiErr *Error
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v", err)
	}
	if apiErr.StatusCode != 429 || apiErr.Code != 20429 || apiErr.Message != "Too Many Requests (attempt 5)" || apiErr.Attempts != 5 || !apiErr.RateLimited() {
		t.Errorf("error = %+v", apiErr)
	}
	if len(f.requests()) != 5 {
		t.Errorf("requests = %d, want 1 + 4 retries", len(f.requests()))
	}
}

func TestClientErrorsNotRetried(t *testing.T) {
	for _, status := range []int{400, 401, 403, 404, 501} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(status)
				fmt.Fprintf(w, `{"code":%d,"message":"nope","more_info":"https://www.twilio.com/docs/errors/%d","status":%d}`, 20000+status, 20000+status, status)
			})
			_, _, err := collectConversations(t, newTestClient(t, f.URL), ConversationFilter{}, ListOptions{})
			var apiErr *Error
			if !errors.As(err, &apiErr) || apiErr.StatusCode != status || apiErr.Code != 20000+status {
				t.Fatalf("err = %v", err)
			}
			if len(f.requests()) != 1 {
				t.Errorf("requests = %d, want 1", len(f.requests()))
			}
		})
	}
}

func TestCancelDuringBackoffReturnsPromptly(t *testing.T) {
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "60")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err := newTestClient(t, f.URL).ListConversations(ctx, ConversationFilter{}, ListOptions{}, func([]Conversation) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("returned after %s", d)
	}
	if len(f.requests()) != 1 {
		t.Errorf("requests = %d after cancel", len(f.requests()))
	}
}

func TestParseErrorShapes(t *testing.T) {
	for name, tc := range map[string]struct {
		status int
		body   string
		want   Error
	}{
		"classic": {404, `{"code":20404,"message":"The requested resource was not found","more_info":"https://www.twilio.com/docs/errors/20404","status":404}`,
			Error{StatusCode: 404, Code: 20404, Message: "The requested resource was not found", MoreInfo: "https://www.twilio.com/docs/errors/20404"}},
		"v2": {400, `{"code":20007,"message":"Page size too large","httpStatusCode":400,"params":{"pageSize":"2000"},"userError":true}`,
			Error{StatusCode: 400, Code: 20007, Message: "Page size too large"}},
		"problem": {429, `{"type":"https://www.twilio.com/docs/errors/20429","title":"Too Many Requests","status":429,"detail":"Concurrency limit reached","code":20429}`,
			Error{StatusCode: 429, Code: 20429, Message: "Too Many Requests: Concurrency limit reached", MoreInfo: "https://www.twilio.com/docs/errors/20429"}},
		"html": {502, `<html><head><title>Upstream error</title><style>p{}</style></head><body><h1>502 Bad Gateway</h1><p>nginx &amp; friends</p></body></html>`,
			Error{StatusCode: 502, Message: "Upstream error: 502 Bad Gateway nginx & friends"}},
		"nginx": {502, "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>",
			Error{StatusCode: 502, Message: "502 Bad Gateway nginx"}},
		"empty": {503, ``, Error{StatusCode: 503, Message: "(empty response body)"}},
		"text":  {500, strings.Repeat("x", 5000), Error{StatusCode: 500, Message: strings.Repeat("x", 300) + "…"}},
	} {
		t.Run(name, func(t *testing.T) {
			got := ParseError(tc.status, []byte(tc.body))
			if *got != tc.want {
				t.Errorf("got  %+v\nwant %+v", *got, tc.want)
			}
			if !strings.Contains(got.Error(), fmt.Sprint(tc.status)) {
				t.Errorf("Error() lacks the status: %s", got)
			}
		})
	}
}

func TestPathEscaping(t *testing.T) {
	for identity, wantRaw := range map[string]string{
		"carol/ops":     "carol%2Fops",
		"bob.smith":     "bob.smith",
		"frank 42":      "frank%2042",
		"李雷":            "%E6%9D%8E%E9%9B%B7",
		"..":            "%2E%2E",
		"a?b#c%d":       "a%3Fb%23c%25d",
		"eve+x@y.com":   "eve+x@y.com",
		"dmitri.иванов": "dmitri.%D0%B8%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2",
	} {
		t.Run(identity, func(t *testing.T) {
			f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, `{"conversations":[],"meta":{"next_page_url":null}}`)
			})
			_, err := newTestClient(t, f.URL).ListUserConversations(context.Background(), "IS00000000000000000000000000000001", identity, ListOptions{}, func([]UserConversation) error { return nil })
			if err != nil {
				t.Fatal(err)
			}
			r := f.requests()[0]
			want := "/v1/Services/IS00000000000000000000000000000001/Users/" + wantRaw + "/Conversations"
			if r.URL.EscapedPath() != want {
				t.Errorf("path = %s, want %s", r.URL.EscapedPath(), want)
			}
			if r.URL.RawQuery != "PageSize=50" {
				t.Errorf("query = %s", r.URL.RawQuery)
			}
		})
	}
}

func TestSecretsNotLogged(t *testing.T) {
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			// A hostile or buggy server echoing the credentials back.
			fmt.Fprintf(w, `{"code":20500,"message":"echo %s %s","status":503}`, r.Header.Get("Authorization"), testPass)
			return
		}
		fmt.Fprintf(w, `{"conversations":[{"id":"c1","name":"%s"}],"meta":{}}`, testPass)
	})
	c := newTestClient(t, f.URL)
	if _, err := c.ListConversations(ctx, ConversationFilter{}, ListOptions{}, func([]Conversation) error { return nil }); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, "HTTP request") || !strings.Contains(out, "/v2/Conversations") {
		t.Fatalf("expected request logs, got:\n%s", out)
	}
	for _, secret := range []string{testPass, basicAuth(testPass)} {
		if strings.Contains(out, secret) {
			t.Errorf("log output contains a secret %q:\n%s", secret, out)
		}
	}
}

func TestResolveBaseURL(t *testing.T) {
	for _, tc := range []struct {
		base, region, edge, want, err string
	}{
		{want: "https://conversations.twilio.com"},
		{region: "ie1", edge: "dublin", want: "https://conversations.dublin.ie1.twilio.com"},
		{region: "au1", want: "https://conversations.sydney.au1.twilio.com"},
		{region: "jp2", want: "https://conversations.osaka.jp2.twilio.com"},
		{edge: "ashburn", want: "https://conversations.ashburn.us1.twilio.com"},
		{region: "zz9", err: "no known default edge"},
		{region: "ie1", edge: "evil.com/x", err: "DNS labels"},
		{base: "http://127.0.0.1:8080/", region: "ie1", edge: "dublin", want: "http://127.0.0.1:8080"},
		{base: "ftp://x", err: "absolute http or https"},
		{base: "https://proxy.example.com/twilio", err: "without path"},
	} {
		u, err := ResolveBaseURL(tc.base, tc.region, tc.edge)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%+v: err = %v, want %q", tc, err, tc.err)
			}
			continue
		}
		if err != nil || u.String() != tc.want {
			t.Errorf("%+v: got %v, %v", tc, u, err)
		}
	}
}

func TestRequestHeaders(t *testing.T) {
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"participants":[],"meta":{}}`)
	})
	c := newTestClient(t, f.URL, func(c *Config) { c.ProviderVersion = "1.2.3"; c.TerraformVersion = "1.5.7" })
	if _, err := c.ListParticipants(context.Background(), "conv_conversation_1", ListOptions{}, func([]Participant) error { return nil }); err != nil {
		t.Fatal(err)
	}
	r := f.requests()[0]
	user, pass, ok := r.BasicAuth()
	if !ok || user != testUser || pass != testPass {
		t.Errorf("basic auth = %q %q %v", user, pass, ok)
	}
	ua := r.Header.Get("User-Agent")
	if !strings.HasPrefix(ua, "terraform-provider-twilio/1.2.3 (") || !strings.Contains(ua, " go/go1.") || !strings.HasSuffix(ua, " terraform/1.5.7") {
		t.Errorf("User-Agent = %q", ua)
	}
	if r.URL.Path != "/v2/Conversations/conv_conversation_1/Participants" {
		t.Errorf("path = %s", r.URL.Path)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"1":     time.Second,
		"0":     0,
		"86400": maxRetryAfter,
		now.Add(3 * time.Second).Format(http.TimeFormat): 3 * time.Second,
		now.Add(-time.Hour).Format(http.TimeFormat):      0,
	} {
		got, ok := parseRetryAfter(v, now)
		if !ok || got != want {
			t.Errorf("%q: got %s %v, want %s", v, got, ok, want)
		}
	}
	for _, v := range []string{"", "-1", "+5", "soon", "1.5"} {
		if _, ok := parseRetryAfter(v, now); ok {
			t.Errorf("%q parsed", v)
		}
	}
}

func TestBackoffIsJitteredAndBounded(t *testing.T) {
	lo, hi := 100*time.Millisecond, 2*time.Second
	seen := map[time.Duration]bool{}
	for i := 0; i < 50; i++ {
		d := backoff(lo, hi, 3, nil)
		if d < lo || d > 800*time.Millisecond {
			t.Fatalf("attempt 3: %s outside [%s, 800ms]", d, lo)
		}
		seen[d] = true
		if d := backoff(lo, hi, 40, nil); d > hi {
			t.Fatalf("attempt 40: %s above the maximum", d)
		}
	}
	if len(seen) < 10 {
		t.Errorf("no jitter: %d distinct waits in 50", len(seen))
	}
}

func TestMalformedBodies(t *testing.T) {
	for name, body := range map[string]string{
		"truncated":   `{"conversations":[{"id":"c1"},{"id":`,
		"wrong shape": `{"conversations":{"id":"c1"},"meta":{}}`,
		"no list":     `{"items":[],"meta":{}}`,
		"no meta":     `{"conversations":[{"id":"c1"}]}`,
		"not json":    `<html>OK</html>`,
		"trailing":    `{"conversations":[],"meta":{}} {}`,
		// Which of the two would be meant is anyone's guess.
		"name twice": `{"conversations":[{"id":"c1","status":"ACTIVE","status":"CLOSED"}],"meta":{}}`,
		"meta twice": `{"conversations":[{"id":"c1"}],"meta":{"nextToken":"t2"},"meta":{"nextToken":null}}`,
		"list twice": `{"conversations":[{"id":"c1"}],"conversations":[{"id":"c2"}],"meta":{}}`,
	} {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, body) })
			ids, _, err := collectConversations(t, newTestClient(t, f.URL), ConversationFilter{}, ListOptions{})
			var me *MalformedError
			if !errors.As(err, &me) || len(ids) != 0 {
				t.Fatalf("ids=%v err=%v", ids, err)
			}
		})
	}
}

// A null list is a page without items, to the fetcher as to the caller:
// the fetcher used to refuse the page that the caller would have read.
func TestNullListIsAnEmptyPage(t *testing.T) {
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"conversations":null,"meta":{"nextToken":null}}`)
	})
	ids, st, err := collectConversations(t, newTestClient(t, f.URL), ConversationFilter{}, ListOptions{})
	if err != nil || len(ids) != 0 || st.Requests != 1 {
		t.Fatalf("ids=%v stats=%+v err=%v", ids, st, err)
	}
}

// What decodes: invalid UTF-8 becomes U+FFFD, JSON text is kept as sent,
// and names unknown to the provider are skipped.
func TestDecodePageLeniency(t *testing.T) {
	body := []byte("{\"conversations\":[{\"id\":\"c1\",\"name\":\"caf\xe9\",\"new_field\":[1,{\"x\":null}]," +
		"\"configuration\":{\"channelSettings\":{\"sms\": {\"x\":[1, 2]}}}}],\"meta\":{\"nextToken\":null}}")
	items, meta, err := decodePage[Conversation, v2Meta](body, "conversations")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || meta.NextToken != nil {
		t.Fatalf("items %+v, meta %+v", items, meta)
	}
	if got := *items[0].Name; got != "caf\uFFFD" {
		t.Errorf("name = %q, want the invalid byte replaced", got)
	}
	if got := string(items[0].Configuration.ChannelSettings); got != `{"sms": {"x":[1, 2]}}` {
		t.Errorf("channelSettings = %s, want the JSON text as sent", got)
	}
}

func TestNewRequiresCredentials(t *testing.T) {
	if _, err := New(Config{Username: "x"}); err == nil {
		t.Error("no password accepted")
	}
}

func TestErrorsNeverEchoSecrets(t *testing.T) {
	for name, status := range map[string]int{"error status": 400, "retries spent": 503, "malformed success": 200} {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(status)
				// A hostile proxy echoing the request's credentials.
				fmt.Fprintf(w, `{"code":20001,"message":"bad request from %s with %s"`, r.Header.Get("Authorization"), testPass)
				if status != 200 {
					fmt.Fprint(w, `}`)
				}
			})
			_, _, err := collectConversations(t, newTestClient(t, f.URL), ConversationFilter{}, ListOptions{})
			if err == nil || !strings.Contains(err.Error(), "[redacted]") {
				t.Fatalf("err = %v", err)
			}
			for _, secret := range []string{testPass, basicAuth(testPass)} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("error echoes a secret: %v", err)
				}
			}
		})
	}
}

func TestLogLevelFromEnvironment(t *testing.T) {
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"conversations":[],"meta":{}}`)
	})
	for level, wantDebug := range map[string]bool{"": true, "DEBUG": true, "WARN": false} {
		t.Run("level "+level, func(t *testing.T) {
			t.Setenv("TF_LOG_PROVIDER_TWILIO_HTTP", level)
			var buf bytes.Buffer
			ctx := tflogtest.RootLogger(context.Background(), &buf)
			if _, err := newTestClient(t, f.URL).ListConversations(ctx, ConversationFilter{}, ListOptions{}, func([]Conversation) error { return nil }); err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(buf.String(), `"HTTP request"`); got != wantDebug {
				t.Errorf("TF_LOG_PROVIDER_TWILIO_HTTP=%q: HTTP request logged = %v, want %v", level, got, wantDebug)
			}
		})
	}
}

// The items of every page stay as they were decoded while later pages are
// read, including raw JSON and metadata.
func TestItemsOutliveLaterPages(t *testing.T) {
	const pages = 12
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		next := fmt.Sprintf(`"t%d"`, n)
		if n == pages {
			next = "null"
		}
		// Later pages are longer, so that both reuse and growth happen.
		pad := strings.Repeat(string(rune('a'+n)), 100*n)
		fmt.Fprintf(w, `{"conversations":[{"id":"c%[1]d","name":"%[2]s","metadata":{"k%[1]d":"%[2]s"},"configuration":{"channelSettings":{"p":"%[2]s"}}}],"meta":{"nextToken":%[3]s}}`, n, pad, next)
	})
	var got []Conversation
	_, err := newTestClient(t, f.URL).ListConversations(context.Background(), ConversationFilter{}, ListOptions{}, func(page []Conversation) error {
		got = append(got, page...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != pages {
		t.Fatalf("got %d items, want %d", len(got), pages)
	}
	for i, c := range got {
		n := i + 1
		pad := strings.Repeat(string(rune('a'+n)), 100*n)
		if *c.ID != fmt.Sprintf("c%d", n) || c.Name == nil || *c.Name != pad ||
			c.Metadata[fmt.Sprintf("k%d", n)] == nil || *c.Metadata[fmt.Sprintf("k%d", n)] != pad ||
			c.Configuration == nil || string(c.Configuration.ChannelSettings) != fmt.Sprintf(`{"p":"%s"}`, pad) {
			t.Errorf("item %d changed after later pages were read: %+v", n, c)
		}
	}
}

// While the caller works on page k, page k+1 is requested, and no page
// after it.
func TestOnePageAhead(t *testing.T) {
	const pages = 5
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		next := fmt.Sprintf(`"t%d"`, n)
		if n == pages {
			next = "null"
		}
		fmt.Fprintf(w, `{"conversations":[{"id":"%d"}],"meta":{"nextToken":%s}}`, n, next)
	})
	seen := 0
	_, err := newTestClient(t, f.URL).ListConversations(context.Background(), ConversationFilter{}, ListOptions{}, func(page []Conversation) error {
		seen++
		k, _ := strconv.Atoi(*page[0].ID)
		for deadline := time.Now().Add(5 * time.Second); k < pages && len(f.requests()) < k+1; time.Sleep(time.Millisecond) {
			if time.Now().After(deadline) {
				return fmt.Errorf("page %d was not requested while page %d was worked on", k+1, k)
			}
		}
		time.Sleep(50 * time.Millisecond)
		if n := len(f.requests()); n > k+1 {
			return fmt.Errorf("%d pages requested while page %d was worked on", n, k)
		}
		return nil
	})
	if err != nil || seen != pages {
		t.Fatalf("%d pages seen: %v", seen, err)
	}
}

// basicAuth is the Authorization credential of testUser and pass, as a
// server that echoes it would send it back.
func basicAuth(pass string) string {
	return base64.StdEncoding.EncodeToString([]byte(testUser + ":" + pass))
}
