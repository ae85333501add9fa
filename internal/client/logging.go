package client

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// LogSubsystem is the tflog subsystem of the HTTP client; its level is set
// with TF_LOG_PROVIDER_TWILIO_HTTP.
const LogSubsystem = "twilio_http"

// maxLoggedBody bounds what a Trace line holds of a response body.
const maxLoggedBody = 8 << 10

// logContext derives the client's logging context from the caller's, with
// every secret of this client masked in messages and fields. The client
// redacts what it logs itself, before any cut; the masks are a second line.
func (c *Client) logContext(ctx context.Context) context.Context {
	// TF_LOG_PROVIDER_TWILIO_HTTP sets this subsystem's level; unset, it
	// follows TF_LOG_PROVIDER.
	ctx = tflog.NewSubsystem(ctx, LogSubsystem, tflog.WithLevelFromEnv("TF_LOG_PROVIDER", "TWILIO_HTTP"))
	secrets := append(slices.Clone(c.redactor.forms), personal(ctx)...)
	ctx = tflog.SubsystemMaskAllFieldValuesStrings(ctx, LogSubsystem, secrets...)
	ctx = tflog.SubsystemMaskMessageStrings(ctx, LogSubsystem, secrets...)
	ctx = tflog.SubsystemMaskFieldValuesWithFieldKeys(ctx, LogSubsystem, "Authorization", "authorization")
	return ctx
}

// loggingTransport logs every attempt, with the request's own context.
type loggingTransport struct {
	next     http.RoundTripper
	redactor *redactor
}

func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	// A path or query that follows a server's next_page_url or page token
	// holds whatever the server put there.
	fields := map[string]interface{}{
		"method":      req.Method,
		"path":        t.redactor.redact(req.URL.Path),
		"query":       t.redactor.redact(req.URL.RawQuery),
		"duration_ms": time.Since(start).Milliseconds(),
	}
	if err != nil {
		fields["error"] = t.redactor.redact(err.Error())
		tflog.SubsystemDebug(ctx, LogSubsystem, "HTTP request failed", fields)
		return resp, err
	}
	fields["status"] = resp.StatusCode
	tflog.SubsystemDebug(ctx, LogSubsystem, "HTTP request", fields)
	return resp, nil
}

// retryLogger routes go-retryablehttp's messages to tflog.
type retryLogger struct {
	ctx      context.Context
	redactor *redactor
}

func (l retryLogger) Error(msg string, kv ...interface{}) {
	tflog.SubsystemWarn(l.ctx, LogSubsystem, msg, l.pairs(kv))
}
func (l retryLogger) Info(msg string, kv ...interface{}) {
	tflog.SubsystemInfo(l.ctx, LogSubsystem, msg, l.pairs(kv))
}
func (l retryLogger) Debug(msg string, kv ...interface{}) {
	if msg == "performing request" {
		return // loggingTransport logs every attempt already
	}
	tflog.SubsystemDebug(l.ctx, LogSubsystem, msg, l.pairs(kv))
}
func (l retryLogger) Warn(msg string, kv ...interface{}) {
	tflog.SubsystemWarn(l.ctx, LogSubsystem, msg, l.pairs(kv))
}

// pairs turns key-value pairs into log fields. Errors and other values
// become their text, redacted: the URLs and errors it is given quote what
// a server sent.
func (l retryLogger) pairs(kv []interface{}) map[string]interface{} {
	m := make(map[string]interface{}, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		if k, ok := kv[i].(string); ok {
			m[k] = l.redactor.redact(fmt.Sprint(kv[i+1]))
		}
	}
	return m
}

// logBody logs the start of a response body at Trace, without this
// client's secrets. It redacts a window that reaches past the cut by the
// longest form of a secret, so that a secret across the cut is removed
// whole, then cuts.
func (c *Client) logBody(ctx context.Context, body []byte) {
	if bodiesWithheld(ctx) {
		tflog.SubsystemTrace(ctx, LogSubsystem, "HTTP response body withheld: it holds personal data", map[string]interface{}{"bytes": len(body)})
		return
	}
	n := min(len(body), maxLoggedBody+c.redactor.longest())
	s := c.redactor.clean(string(body[:n]), n < len(body))
	tflog.SubsystemTrace(ctx, LogSubsystem, "HTTP response body", map[string]interface{}{
		"body":       truncate(s, maxLoggedBody),
		"body_bytes": len(body),
	})
}
