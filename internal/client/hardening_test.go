package client

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// A redirect is never followed, whatever it points at: the error names
// where it pointed, by scheme and host only, and the target sees nothing.
func TestRedirectsAreNeverFollowed(t *testing.T) {
	target := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"conversations":[{"id":"stolen"}],"meta":{}}`)
	})
	targetURL, _ := url.Parse(target.URL)
	for name, location := range map[string]string{
		"same host, other port": target.URL + "/v2/Conversations?pageToken=secret-token",
		"other host":            "https://elsewhere.example:8443/v2/Conversations?pageToken=secret-token",
		"https to http":         "http://" + targetURL.Host + "/v2/Conversations",
	} {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, location, http.StatusFound)
			})
			_, _, err := collectConversations(t, newTestClient(t, f.URL), ConversationFilter{}, ListOptions{})
			loc, _ := url.Parse(location)
			if err == nil || !strings.Contains(err.Error(), "HTTP 302") || !strings.Contains(err.Error(), "a redirect to "+loc.Scheme+"://"+loc.Host+", which the provider does not follow") {
				t.Fatalf("err = %v", err)
			}
			if strings.Contains(err.Error(), "secret-token") {
				t.Errorf("the error shows the redirect's query: %v", err)
			}
			if n := len(f.requests()); n != 1 {
				t.Errorf("%d requests to the configured host, want 1: a redirect is not retried", n)
			}
		})
	}
	if n := len(target.requests()); n != 0 {
		t.Errorf("the redirect target received %d requests", n)
	}
}

// hostilePass has characters that percent-encoding changes, so that its
// raw, Basic and percent-encoded forms all differ.
const hostilePass = "p@ss/w+rd=ü secret&x"

// Credentials a server echoes back, in any form, reach neither the error a
// user sees nor the logs, at TRACE.
func TestEchoedSecretsAreRedactedEverywhere(t *testing.T) {
	basic := basicAuth(hostilePass)
	forms := []string{hostilePass, basic, url.QueryEscape(hostilePass), url.PathEscape(hostilePass), url.QueryEscape(basic)}
	for i, f := range forms {
		for _, g := range forms[:i] {
			if f == g {
				t.Fatalf("test data: two forms are the same: %q", f)
			}
		}
	}
	cases := map[string]func(n int, w http.ResponseWriter, r *http.Request){
		"message and more_info": func(n int, w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(400)
			fmt.Fprintf(w, `{"code":20001,"message":"bad %s %s","more_info":"https://x.example/?a=%s&b=%s"}`, forms[0], forms[2], forms[1], forms[4])
		},
		"HTML page": func(n int, w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(502)
			fmt.Fprintf(w, `<html><title>Bad gateway %s</title><body>%s %s</body></html>`, forms[3], forms[2], forms[4])
		},
		"malformed body": func(n int, w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `{"conversations":[{"id":"%s %s %s"`, forms[1], forms[2], forms[3])
		},
		"next page URL in a transport error": func(n int, w http.ResponseWriter, r *http.Request) {
			if n == 1 {
				// A v2 token that holds the secret, then a dropped
				// connection: Go's url.Error quotes the URL.
				fmt.Fprintf(w, `{"conversations":[],"meta":{"nextToken":%q}}`, forms[0]+" "+forms[1])
				return
			}
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
		},
	}
	for name, h := range cases {
		t.Run(name, func(t *testing.T) {
			var logs bytes.Buffer
			ctx := tflogtest.RootLogger(context.Background(), &logs)
			t.Setenv("TF_LOG_PROVIDER_TWILIO_HTTP", "TRACE")
			f := newFake(t, h)
			c := newTestClient(t, f.URL, func(c *Config) { c.Password = hostilePass })
			_, err := c.ListConversations(ctx, ConversationFilter{}, ListOptions{}, func([]Conversation) error { return nil })
			if err == nil {
				t.Fatal("no error")
			}
			for _, secret := range forms {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("the error holds %q: %v", secret, err)
				}
				if strings.Contains(logs.String(), secret) {
					t.Errorf("the logs hold %q:\n%s", secret, logs.String())
				}
			}
			if !strings.Contains(logs.String(), "HTTP request") {
				t.Errorf("no request was logged:\n%s", logs.String())
			}
		})
	}
}

// A body over the limit is refused after one request, whatever says so:
// its Content-Length, or the bytes themselves, chunked or gzipped.
func TestOversizedBodiesAreRefusedOnce(t *testing.T) {
	const limit = MaxBodyBytes
	// 65 MiB of spaces, sent as 64 KiB of gzip, compressed once: under the
	// race detector, compressing it for each request took long enough to
	// run into the request timeout, which a retry followed.
	bomb := sync.OnceValue(func() *bytes.Buffer {
		var zipped bytes.Buffer
		zw := gzip.NewWriter(&zipped)
		chunk := bytes.Repeat([]byte(" "), 1<<20)
		for i := 0; i < limit>>20+1; i++ {
			_, _ = zw.Write(chunk)
		}
		_ = zw.Close()
		return &zipped
	})
	bomb()
	cases := map[string]func(w http.ResponseWriter){
		"content length": func(w http.ResponseWriter) {
			w.Header().Set("Content-Length", strconv.Itoa(limit+1))
			w.WriteHeader(200)
			// Nothing more: the client must not wait for the body.
		},
		"gzip bomb": func(w http.ResponseWriter) {
			zipped := bomb()
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Content-Length", strconv.Itoa(zipped.Len()))
			_, _ = w.Write(zipped.Bytes())
		},
		"endless chunked body": func(w http.ResponseWriter) {
			w.WriteHeader(200)
			chunk := bytes.Repeat([]byte(" "), 1<<20)
			for i := 0; i < limit>>20+2; i++ {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		},
	}
	for name, write := range cases {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) { write(w) })
			start := time.Now()
			_, _, err := collectConversations(t, newTestClient(t, f.URL), ConversationFilter{}, ListOptions{})
			var tooLarge *tooLargeError
			if !errors.As(err, &tooLarge) || !strings.Contains(err.Error(), "larger than 64 MiB") {
				t.Fatalf("err = %v", err)
			}
			if n := len(f.requests()); n != 1 {
				t.Errorf("%d requests: an oversized body is not retried", n)
			}
			t.Logf("refused in %s", time.Since(start))
		})
	}
}

// readBounded never holds more than the limit, and reads a body of the
// limit exactly.
func TestReadBounded(t *testing.T) {
	const limit = 1000
	for _, tc := range []struct {
		size, length int64
		ok           bool
	}{{limit, limit, true}, {limit, -1, true}, {0, -1, true}, {limit + 1, -1, false}, {limit + 1, limit + 1, false}, {5 * limit, -1, false}} {
		b, err := readBounded(bytes.NewReader(make([]byte, tc.size)), tc.length, limit)
		if ok := err == nil; ok != tc.ok || (ok && int64(len(b)) != tc.size) || cap(b) > limit+1 && !ok {
			t.Errorf("size %d, length %d: %d bytes (cap %d), %v", tc.size, tc.length, len(b), cap(b), err)
		}
	}
}

// A host that does not exist fails at once, saying so; a port that cannot
// exist is refused before any request.
func TestPermanentFailuresAreNotRetried(t *testing.T) {
	c := newTestClient(t, "http://no-such-host.invalid", func(c *Config) { c.RetryWaitMin, c.RetryWaitMax = time.Second, time.Second })
	start := time.Now()
	_, _, err := collectConversations(t, c, ConversationFilter{}, ListOptions{})
	var dnsErr *net.DNSError
	if !errors.As(err, &dnsErr) || !strings.Contains(err.Error(), "host no-such-host.invalid does not exist") {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(start); d > 900*time.Millisecond {
		t.Errorf("took %s: a missing host was retried", d)
	}
	for _, base := range []string{"http://127.0.0.1:99999", "http://127.0.0.1:0", "https://example.com:http"} {
		if _, err := ResolveBaseURL(base, "", ""); err == nil || !strings.Contains(err.Error(), "port") {
			t.Errorf("%s: %v", base, err)
		}
	}
}

// A Retry-After of zero or in the past still waits the least backoff.
func TestRetryAfterNeverBelowTheMinimum(t *testing.T) {
	lo, hi := 200*time.Millisecond, time.Second
	for _, v := range []string{"0", time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat)} {
		resp := &http.Response{StatusCode: http.StatusTooManyRequests, Header: http.Header{"Retry-After": {v}}}
		if d := backoff(lo, hi, 1, resp); d < lo {
			t.Errorf("Retry-After %q waits %s, less than the minimum %s", v, d, lo)
		}
	}
}

// A server that hands out a new page token forever is stopped by the
// caller's deadline, which is what timeouts.read sets.
func TestEndlessPagingStopsAtTheDeadline(t *testing.T) {
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"conversations":[{"id":"c%d"}],"meta":{"nextToken":"t%d"}}`, n, n)
	})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := newTestClient(t, f.URL).ListConversations(ctx, ConversationFilter{}, ListOptions{}, func([]Conversation) error { return nil })
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the listing went on for %s past a 300 ms deadline", d)
	}
	t.Logf("%d pages read before the deadline", len(f.requests()))
}

// An item that is null is no item: the page is malformed, rather than
// read as an item with every field empty.
func TestNullItemMakesThePageMalformed(t *testing.T) {
	f := newFake(t, func(n int, w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"conversations":[{"id":"a"},null],"meta":{}}`)
	})
	_, _, err := collectConversations(t, newTestClient(t, f.URL), ConversationFilter{}, ListOptions{})
	var me *MalformedError
	if !errors.As(err, &me) || !strings.Contains(err.Error(), `item 1 of "conversations" is null`) {
		t.Fatalf("err = %v", err)
	}
}
