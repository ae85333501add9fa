package client

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// Each fault ends in the complete result or in an error a user can act on;
// never a panic, never a short list presented as whole.

func emulated(t *testing.T, d *emulator.Dataset, f emulator.Faults) (*emulator.Server, string) {
	t.Helper()
	s, err := emulator.New(d, emulator.Options{Faults: f})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s)
	t.Cleanup(hs.Close)
	return s, hs.URL
}

func emulatorClient(t *testing.T, url string, mod ...func(*Config)) *Client {
	t.Helper()
	return newTestClient(t, url, append([]func(*Config){func(c *Config) {
		c.Username, c.Password = emulator.DefaultUsername, emulator.DefaultPassword
	}}, mod...)...)
}

func countAll(t *testing.T, c *Client, ctx context.Context, pageSize int) (int, error) {
	t.Helper()
	n := 0
	_, err := c.ListConversations(ctx, ConversationFilter{}, ListOptions{PageSize: pageSize}, func(p []Conversation) error {
		n += len(p)
		return nil
	})
	return n, err
}

func TestRateLimitedMostRequests(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 1, Conversations: 40, ParticipantsPerConversation: 1})
	future := time.Now().Add(-time.Second).UTC().Format(http.TimeFormat) // a date already reached: retry at once
	for name, retryAfter := range map[string]string{"seconds": "0", "http date": future, "absent": ""} {
		t.Run(name, func(t *testing.T) {
			// Every other request is refused: most pages need a retry.
			s, url := emulated(t, d, emulator.Faults{RateLimitEvery: 2, RetryAfter: retryAfter})
			n, err := countAll(t, emulatorClient(t, url), context.Background(), 7)
			if err != nil || n != 40 {
				t.Fatalf("read %d of 40: %v", n, err)
			}
			limited := 0
			for _, r := range s.Requests() {
				if r.Status == 429 {
					limited++
				}
			}
			if limited < 3 {
				t.Errorf("only %d requests were rate limited", limited)
			}
		})
	}
	t.Run("retries spent", func(t *testing.T) {
		_, url := emulated(t, d, emulator.Faults{RateLimitEvery: 1, RetryAfter: "0"})
		n, err := countAll(t, emulatorClient(t, url), context.Background(), 7)
		var apiErr *Error
		if !errors.As(err, &apiErr) || !apiErr.RateLimited() || !strings.Contains(err.Error(), "rate limited") || n != 0 {
			t.Fatalf("read %d: %v", n, err)
		}
	})
	t.Run("absurd Retry-After is capped and bounded by the deadline", func(t *testing.T) {
		if d, _ := parseRetryAfter("999999999", time.Now()); d != maxRetryAfter {
			t.Errorf("Retry-After 999999999 gives %s, want the cap %s", d, maxRetryAfter)
		}
		_, url := emulated(t, d, emulator.Faults{RateLimitEvery: 1, RetryAfter: "999999999"})
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := countAll(t, emulatorClient(t, url), ctx, 7)
		if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "rate limited") {
			t.Fatalf("err = %v", err)
		}
		if waited := time.Since(start); waited > 10*time.Second {
			t.Errorf("waited %s past a 300ms deadline", waited)
		}
	})
}

func TestServerErrorBursts(t *testing.T) {
	for _, status := range []int{500, 502, 503, 504} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
				if n%4 != 0 { // three failures, then success, for every page
					w.WriteHeader(status)
					return
				}
				if r.URL.Query().Get("pageToken") == "" {
					fmt.Fprint(w, `{"conversations":[{"id":"a"}],"meta":{"nextToken":"t"}}`)
					return
				}
				fmt.Fprint(w, `{"conversations":[{"id":"b"}],"meta":{}}`)
			})
			ids, _, err := collectConversations(t, newTestClient(t, f.URL), ConversationFilter{}, ListOptions{})
			if err != nil || strings.Join(ids, ",") != "a,b" || len(f.requests()) != 8 {
				t.Fatalf("ids=%v err=%v requests=%d", ids, err, len(f.requests()))
			}
		})
	}
}

func TestConnectionResetMidBody(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			// Promise a long body, send part of it, and drop the connection.
			conn, buf, _ := w.(http.Hijacker).Hijack()
			fmt.Fprint(buf, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{\"conversations\":[{\"id\":\"a\"},")
			buf.Flush()
			if tc, ok := conn.(*net.TCPConn); ok {
				_ = tc.SetLinger(0) // RST, not FIN
			}
			conn.Close()
			return
		}
		fmt.Fprint(w, `{"conversations":[{"id":"a"},{"id":"b"}],"meta":{}}`)
	}))
	defer srv.Close()
	ids, _, err := collectConversations(t, newTestClient(t, srv.URL), ConversationFilter{}, ListOptions{})
	if err != nil || strings.Join(ids, ",") != "a,b" || calls.Load() != 2 {
		t.Fatalf("ids=%v err=%v calls=%d", ids, err, calls.Load())
	}
}

func TestConnectionResetEveryTime(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, buf, _ := w.(http.Hijacker).Hijack()
		fmt.Fprint(buf, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"conv")
		buf.Flush()
		conn.Close()
	}))
	defer srv.Close()
	ids, _, err := collectConversations(t, newTestClient(t, srv.URL), ConversationFilter{}, ListOptions{})
	// The host answered: the error says so, not that it could not be reached.
	if err == nil || len(ids) != 0 || !strings.Contains(err.Error(), "giving up after 5 attempt(s)") || !strings.Contains(err.Error(), "answered, but its response could not be read in full") ||
		strings.Contains(err.Error(), "could not reach") {
		t.Fatalf("ids=%v err=%v", ids, err)
	}
}

func TestProxyHTMLErrorPage(t *testing.T) {
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, `<!DOCTYPE html><html><head><title>403</title><style>body{color:red}</style></head><body><h1>Access denied</h1><p>Blocked by corporate proxy policy #12.</p></body></html>`)
	})
	_, _, err := collectConversations(t, newTestClient(t, f.URL), ConversationFilter{}, ListOptions{})
	if err == nil || !strings.Contains(err.Error(), "HTTP 403 Forbidden: 403: Access denied Blocked by corporate proxy policy #12.") || strings.Contains(err.Error(), "<") {
		t.Fatalf("err = %v", err)
	}
}

func TestServerThatNeverAnswers(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var accepted atomic.Int32
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			accepted.Add(1)
			go func() { <-done; conn.Close() }()
		}
	}()
	defer ln.Close()
	c := newTestClient(t, "http://"+ln.Addr().String(), func(c *Config) { c.RequestTimeout = 100 * time.Millisecond; c.MaxRetries = 2 })
	_, _, err = collectConversations(t, c, ConversationFilter{}, ListOptions{})
	if err == nil || !strings.Contains(err.Error(), "did not answer within the request timeout (100ms)") || !strings.Contains(err.Error(), "request_timeout") {
		t.Fatalf("err = %v", err)
	}
	if accepted.Load() != 3 {
		t.Errorf("%d connections, want 1 + 2 retries", accepted.Load())
	}
}

func TestPageLargerThanAskedFor(t *testing.T) {
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		items := make([]string, 25)
		for i := range items {
			items[i] = fmt.Sprintf(`{"id":"c%d"}`, i)
		}
		fmt.Fprintf(w, `{"conversations":[%s],"meta":{"nextToken":"more"}}`, strings.Join(items, ","))
	})
	// Every item is kept, and max_items still cuts at the limit without
	// another request.
	ids, st, err := collectConversations(t, newTestClient(t, f.URL), ConversationFilter{}, ListOptions{PageSize: 5, MaxItems: 12})
	if err != nil || len(ids) != 12 || ids[11] != "c11" || st.Requests != 1 {
		t.Fatalf("ids=%d %v stats=%+v", len(ids), err, st)
	}
}

// A read cancelled while a page is written stops at once: the one page
// already on its way may be fetched, and nothing after it, then or later.
func TestCancellationStopsRequests(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 1, Conversations: 200, ParticipantsPerConversation: 1})
	s, url := emulated(t, d, emulator.Faults{Latency: 30 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pages := 0
	_, err := emulatorClient(t, url).ListConversations(ctx, ConversationFilter{}, ListOptions{PageSize: 2}, func([]Conversation) error {
		if pages++; pages == 2 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	// Page 3 may have been sent before the cancel; a pager that went on
	// would have sent page 4 long before this sleep ends (30 ms a page).
	time.Sleep(200 * time.Millisecond)
	if n := s.RequestCount(); n > 3 {
		t.Errorf("%d requests after a cancel on page 2; want at most 3", n)
	}
}

func TestRequestsPerSecond(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 1, Conversations: 12, ParticipantsPerConversation: 1})
	s, url := emulated(t, d, emulator.Faults{})
	c := emulatorClient(t, url, func(c *Config) { c.RequestsPerSecond = 20 })
	n, err := countAll(t, c, context.Background(), 2)
	if err != nil || n != 12 {
		t.Fatalf("%d %v", n, err)
	}
	reqs := s.Requests()
	if len(reqs) != 6 {
		t.Fatalf("%d requests", len(reqs))
	}
	// At 20 per second, 6 requests cannot span less than 250ms. Single
	// gaps measured at the server jitter with delivery, so the bound is on
	// the whole span, with room for that jitter; without the limiter the
	// span is a few milliseconds.
	if span := reqs[len(reqs)-1].Received.Sub(reqs[0].Received); span < 200*time.Millisecond {
		t.Errorf("6 requests at 20 per second spanned only %s", span)
	}
}
