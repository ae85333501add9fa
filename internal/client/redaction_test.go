package client

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// realSecret looks like an API secret: 32 letters and digits.
const realSecret = "Zq8wXv3NcK7pLm2Rt9Yh4Bd6Fs1Jg5Ue"

// leakLen is the length from which a piece of a secret, in any of its
// forms, counts as leaked: shorter pieces occur in ordinary text.
const leakLen = 7

// leaked returns the pieces of leakLen bytes of the secrets found in text.
func leaked(text string, secrets ...string) []string {
	var out []string
	for _, s := range secrets {
		for i := 0; i+leakLen <= len(s); i++ {
			if f := s[i : i+leakLen]; strings.Contains(text, f) && !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// logText is every message and field of the JSON log lines in logs, as
// text: the log's own escaping ("\u0026" for "&") must hide nothing.
func logText(t *testing.T, logs []byte) string {
	t.Helper()
	var b strings.Builder
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			b.WriteString(v)
			b.WriteByte('\n')
		case map[string]any:
			for k, e := range v {
				walk(k)
				walk(e)
			}
		case []any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	for _, line := range bytes.Split(logs, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var v any
		if err := json.Unmarshal(line, &v); err != nil {
			t.Fatalf("log line is not JSON: %v: %s", err, line)
		}
		walk(v)
	}
	return b.String()
}

// echoRun lists conversations, with password as the secret, from a server
// that answers with body(off) for each offset of 0..n, and returns, per offset, the error's text and
// what was logged at TRACE.
func echoRun(t *testing.T, password string, status int, n int, body func(off int) string) (errs, logs []string) {
	t.Helper()
	t.Setenv("TF_LOG_PROVIDER_TWILIO_HTTP", "TRACE")
	var cur atomic.Int64
	f := newFake(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(status)
		fmt.Fprint(w, body(int(cur.Load())))
	})
	c := newTestClient(t, f.URL, func(c *Config) { c.Password = password; c.MaxRetries = 0 })
	for off := 0; off <= n; off++ {
		cur.Store(int64(off))
		var buf bytes.Buffer
		ctx := tflogtest.RootLogger(context.Background(), &buf)
		_, err := c.ListConversations(ctx, ConversationFilter{}, ListOptions{}, func([]Conversation) error { return nil })
		text := ""
		if err != nil {
			text = err.Error()
		}
		errs = append(errs, text)
		logs = append(logs, logText(t, buf.Bytes()))
	}
	return errs, logs
}

// A proxy that echoes the request's Authorization header into its error
// body, the body cut to an excerpt at any offset of the credential: no
// piece of the credential, nor of the secret, comes through. Each case puts
// one of the client's cut points at every offset of the credential.
func TestRedactionSurvivesEveryCut(t *testing.T) {
	basic := basicAuth(realSecret)
	header := "Authorization: Basic "
	cred := header + basic
	n := len(cred)
	// pad is the filler that puts the cut point at off within cred, for a
	// cut at byte at of the text the cut is made in.
	pad := func(ch string, at, off int) string { return strings.Repeat(ch, at-off) }
	cases := map[string]struct {
		status int
		body   func(off int) string
		inLogs bool
	}{
		"error body, excerpt cut": {400, func(off int) string {
			return pad("x", maxRawMessage, off) + cred + " and more text after it"
		}, false},
		"error body, read limit": {400, func(off int) string {
			// Spaces collapse, so that what is read last is shown.
			return pad(" ", maxErrorBodyBytes, off) + cred + " and more text after it"
		}, false},
		"error body in HTML, read limit": {502, func(off int) string {
			return "<html><body>" + pad(" ", maxErrorBodyBytes-len("<html><body>"), off) + cred + "</body></html>"
		}, false},
		"JSON message cut": {400, func(off int) string {
			msg := pad("m", 4*maxRawMessage, off) + cred + " tail"
			b, _ := json.Marshal(map[string]any{"code": 20001, "message": msg})
			return string(b)
		}, false},
		"problem detail cut": {429, func(off int) string {
			// title + ": " + detail is what is cut.
			title := "Too Many Requests"
			detail := pad("d", 4*maxRawMessage-len(title)-2, off) + cred
			b, _ := json.Marshal(map[string]any{"type": "https://www.twilio.com/docs/errors/20429", "title": title, "detail": detail, "code": 20429})
			return string(b)
		}, false},
		"malformed page, excerpt cut": {200, func(off int) string {
			return pad("x", maxRawMessage, off) + cred + " tail"
		}, false},
		"malformed page, window cut": {200, func(off int) string {
			return pad(" ", 2*maxRawMessage, off) + cred + " tail"
		}, false},
		"logged body cut": {200, func(off int) string {
			prefix := `{"conversations":[{"id":"c1","name":"`
			return prefix + pad("n", maxLoggedBody-len(prefix), off) + cred + `"}],"meta":{}}`
		}, true},
		"JSON pointer cut": {200, func(off int) string {
			// The decoder's error keeps the last 50 bytes or so of a long
			// name: that cut falls at every offset of cred's last 50.
			name := strings.Repeat("k", 100) + cred + strings.Repeat("k", max(0, 50-(n-off)))
			return `{"conversations":[{"id":"c1","metadata":{"` + name + `":5}}],"meta":{}}`
		}, false},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			errs, logs := echoRun(t, realSecret, tc.status, n, tc.body)
			for off := range errs {
				if !tc.inLogs && errs[off] == "" {
					t.Fatalf("offset %d: no error", off)
				}
				if l := leaked(errs[off], realSecret, basic); len(l) > 0 {
					t.Errorf("offset %d: the error holds %q: %s", off, l, errs[off])
				}
				if l := leaked(logs[off], realSecret, basic); len(l) > 0 {
					t.Errorf("offset %d: the logs hold %q", off, l)
				}
			}
			if tc.inLogs && !strings.Contains(logs[0], "HTTP response body") {
				t.Errorf("the body was not logged:\n%s", logs[0])
			}
		})
	}
}

// The secret alone, base64-encoded in any alphabet, with or without
// padding, at any alignment within longer base64 text, or escaped for a
// URL or JSON, is redacted in errors and logs like the secret itself.
func TestRedactionOfEncodedSecrets(t *testing.T) {
	type enc struct {
		name   string
		secret string
		form   string
	}
	var encs []enc
	for _, secret := range []string{realSecret, hostilePass} {
		for _, e := range []struct {
			name string
			enc  *base64.Encoding
		}{{"std", base64.StdEncoding}, {"url", base64.URLEncoding}, {"raw std", base64.RawStdEncoding}, {"raw url", base64.RawURLEncoding}} {
			encs = append(encs,
				enc{"base64 " + e.name + " of the secret", secret, e.enc.EncodeToString([]byte(secret))},
				enc{"base64 " + e.name + " of user:secret", secret, e.enc.EncodeToString([]byte(testUser + ":" + secret))},
				// A dump of a header, or a token that embeds the secret:
				// the secret's bytes fall at the other two alignments.
				enc{"base64 " + e.name + " of x + secret", secret, e.enc.EncodeToString([]byte("x" + secret + "!"))},
				enc{"base64 " + e.name + " of xy + secret", secret, e.enc.EncodeToString([]byte("xy" + secret + "!"))},
				enc{"query-escaped base64 " + e.name + " of the secret", secret, url.QueryEscape(e.enc.EncodeToString([]byte(secret)))},
			)
		}
		js, _ := json.Marshal(secret)
		encs = append(encs,
			enc{"JSON-escaped secret", secret, string(js[1 : len(js)-1])},
			enc{"JSON-escaped secret, slashes too", secret, strings.ReplaceAll(string(js[1:len(js)-1]), "/", `\/`)},
			enc{"path-escaped secret", secret, url.PathEscape(secret)},
		)
	}
	for _, e := range encs {
		t.Run(e.name+" "+e.secret[:4], func(t *testing.T) {
			// What the secret is to a reader: itself and the form.
			secrets := []string{e.secret, e.form}
			if e.secret == hostilePass {
				// Its pieces that percent-encoding or base64 leave as
				// they are.
				secrets = []string{"secret&x", e.form}
			}
			for _, where := range []struct {
				status int
				body   string
			}{
				{400, fmt.Sprintf(`{"code":20001,"message":"token %s rejected"}`, e.form)},
				{502, "<html><body>token " + e.form + " rejected</body></html>"},
				// A success page: logged at TRACE, and echoed into the
				// error of the malformed page.
				{200, `{"conversations":[{"id":"` + e.form + `"}],"meta":{},"oops"`},
			} {
				errs, logs := echoRun(t, e.secret, where.status, 0, func(int) string { return where.body })
				if l := leaked(errs[0], secrets...); len(l) > 0 {
					t.Errorf("HTTP %d: the error holds %q: %s", where.status, l, errs[0])
				}
				if l := leaked(logs[0], secrets...); len(l) > 0 {
					t.Errorf("HTTP %d: the logs hold %q:\n%s", where.status, l, logs[0])
				}
			}
		})
	}
}
