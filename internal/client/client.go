// Package client is a small HTTP client for the Twilio Conversations list
// endpoints. It knows nothing of Terraform: it authenticates, retries,
// paginates and turns Twilio's error bodies into typed errors.
package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"
	"golang.org/x/time/rate"
)

// DefaultBaseURL is the public Conversations API host.
const DefaultBaseURL = "https://conversations.twilio.com"

// Defaults applied by New when a Config field is zero.
const (
	DefaultRequestTimeout = 30 * time.Second
	DefaultRetryWaitMin   = 500 * time.Millisecond
	DefaultRetryWaitMax   = 30 * time.Second
	// MaxBodyBytes bounds what one response may hold, decompressed, so a
	// misbehaving server cannot exhaust the provider's memory. The largest
	// real page, 1,000 conversations with their participants, is a few
	// megabytes.
	MaxBodyBytes = 64 << 20
	// maxErrorBodyBytes bounds what is read of an error response.
	maxErrorBodyBytes = 64 << 10
)

// Config says how to reach and authenticate to Twilio.
type Config struct {
	// Username and Password are sent with HTTP Basic auth: an API key SID and
	// its secret, or an Account SID and its Auth Token.
	Username string
	Password string

	// BaseURL, when set, wins over Region and Edge (a proxy or the emulator).
	BaseURL string
	Region  string
	Edge    string

	// MaxRetries is how many times a retryable failure is retried.
	MaxRetries     int
	RequestTimeout time.Duration
	RetryWaitMin   time.Duration
	RetryWaitMax   time.Duration

	// RequestsPerSecond, when positive, caps the request rate of this client.
	RequestsPerSecond float64

	ProviderVersion  string
	TerraformVersion string

	// HTTPClient replaces the default pooled client (tests).
	HTTPClient *http.Client
}

// Client talks to one Twilio Conversations host. It is safe for concurrent use.
type Client struct {
	base       *url.URL
	username   string
	password   string
	userAgent  string
	maxRetries int
	waitMin    time.Duration
	waitMax    time.Duration
	http       *http.Client
	limiter    *rate.Limiter
	// redactor removes the credentials from every error and log line.
	redactor *redactor
}

// New checks cfg and builds a Client. It makes no network call.
func New(cfg Config) (*Client, error) {
	if cfg.Username == "" || cfg.Password == "" {
		return nil, errors.New("both a username (API key SID or Account SID) and a password (API secret or Auth Token) are required")
	}
	base, err := ResolveBaseURL(cfg.BaseURL, cfg.Region, cfg.Edge)
	if err != nil {
		return nil, err
	}
	c := &Client{
		base:       base,
		username:   cfg.Username,
		password:   cfg.Password,
		userAgent:  UserAgent(cfg.ProviderVersion, cfg.TerraformVersion),
		maxRetries: max(cfg.MaxRetries, 0),
		waitMin:    cfg.RetryWaitMin,
		waitMax:    cfg.RetryWaitMax,
		http:       cfg.HTTPClient,
		redactor:   newRedactor(cfg.Username, cfg.Password),
	}
	if c.waitMin <= 0 {
		c.waitMin = DefaultRetryWaitMin
	}
	if c.waitMax <= 0 {
		c.waitMax = DefaultRetryWaitMax
	}
	if c.waitMax < c.waitMin {
		c.waitMax = c.waitMin
	}
	timeout := cfg.RequestTimeout
	if timeout <= 0 {
		timeout = DefaultRequestTimeout
	}
	inner := c.http
	if inner == nil {
		inner = cleanhttp.DefaultPooledClient()
	}
	// Every attempt is logged through the request's context. A redirect
	// is never followed: credentials go to the configured host only, and
	// so does every request.
	c.http = &http.Client{
		Transport:     &loggingTransport{next: transportOf(inner), redactor: c.redactor},
		Timeout:       timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Jar:           inner.Jar,
	}
	if cfg.RequestsPerSecond > 0 {
		// A burst of one spaces requests evenly, which is what keeps many
		// parallel data sources under the account's concurrency limit.
		c.limiter = rate.NewLimiter(rate.Limit(cfg.RequestsPerSecond), 1)
	}
	return c, nil
}

func transportOf(h *http.Client) http.RoundTripper {
	if h.Transport != nil {
		return h.Transport
	}
	return http.DefaultTransport
}

// BaseURL is the host every request of this client goes to.
func (c *Client) BaseURL() string { return c.base.String() }

// UserAgent builds the User-Agent header value.
func UserAgent(providerVersion, terraformVersion string) string {
	if providerVersion == "" {
		providerVersion = "dev"
	}
	ua := fmt.Sprintf("terraform-provider-twilio/%s (%s %s) go/%s", providerVersion, runtime.GOOS, runtime.GOARCH, runtime.Version())
	if terraformVersion != "" {
		ua += " terraform/" + terraformVersion
	}
	return ua
}

// regionEdges maps each Twilio region to its default edge location.
var regionEdges = map[string]string{
	"au1": "sydney",
	"br1": "sao-paulo",
	"de1": "frankfurt",
	"ie1": "dublin",
	"jp1": "tokyo",
	"jp2": "osaka",
	"sg1": "singapore",
	"us1": "ashburn",
	"us2": "umatilla",
}

// ResolveBaseURL works out the API host from an explicit base URL (which wins),
// or from a region and edge. A region with no edge takes the region's default
// edge: Twilio no longer serves region-only hosts. An edge with no region
// means region us1, as in Twilio's SDKs.
//
// No message quotes a password given in base URL's user info.
func ResolveBaseURL(baseURL, region, edge string) (*url.URL, error) {
	if baseURL != "" {
		if shown := redactUserinfo(baseURL); shown != baseURL {
			// User info is refused whatever else is wrong; url.Parse's
			// own errors would quote the password, or a part of it.
			return nil, fmt.Errorf("base URL %q must be only a scheme and host (with an optional port), without path, query, fragment or user info", shown)
		}
		u, err := url.Parse(baseURL)
		if err != nil {
			return nil, fmt.Errorf("base URL %q is not a URL: %w", baseURL, err)
		}
		if (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return nil, fmt.Errorf("base URL %q must be an absolute http or https URL such as https://conversations.twilio.com", baseURL)
		}
		if strings.Trim(u.Path, "/") != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return nil, fmt.Errorf("base URL %q must be only a scheme and host (with an optional port), without path, query, fragment or user info", baseURL)
		}
		if p := u.Port(); p != "" {
			if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
				return nil, fmt.Errorf("base URL %q has port %q: a port is a number from 1 to 65535", baseURL, p)
			}
		}
		return &url.URL{Scheme: u.Scheme, Host: u.Host}, nil
	}
	if region == "" && edge == "" {
		u, _ := url.Parse(DefaultBaseURL)
		return u, nil
	}
	if region == "" {
		region = "us1"
	}
	if edge == "" {
		var ok bool
		if edge, ok = regionEdges[region]; !ok {
			return nil, fmt.Errorf("region %q has no known default edge, and Twilio no longer serves region-only hosts: set edge as well (for example edge = \"dublin\" with region = \"ie1\")", region)
		}
	}
	for _, part := range []string{region, edge} {
		if !HostLabel.MatchString(part) {
			return nil, fmt.Errorf("region and edge must be DNS labels of letters, digits and hyphens, got %q", part)
		}
	}
	return &url.URL{Scheme: "https", Host: fmt.Sprintf("conversations.%s.%s.twilio.com", edge, region)}, nil
}

// HostLabel matches a region or edge name: a DNS label of lower-case
// letters, digits and inner hyphens.
var HostLabel = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

// get fetches one URL on the configured host and returns the body of a 2xx
// response. Connection errors, body read errors, 429 and 5xx other than 501
// are retried; any other status, a redirect, a body over MaxBodyBytes and a
// host that does not exist are returned at once.
func (c *Client) get(ctx context.Context, u *url.URL) ([]byte, error) {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(c.username, c.password)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)

	var body []byte
	var apiErr *Error
	req.SetResponseHandler(func(resp *http.Response) error {
		defer resp.Body.Close()
		switch {
		case resp.StatusCode >= 200 && resp.StatusCode < 300:
			b, err := readBounded(resp.Body, resp.ContentLength, MaxBodyBytes)
			if err != nil {
				// A body cut short is a transient fault: returning it makes
				// the request be retried, unless it is too large.
				return err
			}
			body, apiErr = b, nil
		case resp.StatusCode >= 300 && resp.StatusCode < 400:
			apiErr = c.redirectError(resp)
		default:
			apiErr = c.errorFromResponse(resp)
		}
		return nil
	})

	lastStatus := 0
	rc := &retryablehttp.Client{
		HTTPClient:   c.http,
		Logger:       retryLogger{ctx: ctx, redactor: c.redactor},
		RetryWaitMin: c.waitMin,
		RetryWaitMax: c.waitMax,
		RetryMax:     c.maxRetries,
		CheckRetry: func(ctx context.Context, resp *http.Response, err error) (bool, error) {
			if resp != nil {
				lastStatus = resp.StatusCode
			}
			// Connection and body-read errors, 429 and 5xx other than
			// 501 are retried; a done context stops at once, and so does
			// a failure that no retry can mend.
			if permanent(err) {
				return false, err
			}
			return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
		},
		Backoff:      backoff,
		ErrorHandler: c.giveUp,
		PrepareRetry: c.wait,
	}
	if err := c.wait(req.Request); err != nil {
		return nil, err
	}
	start := time.Now()
	// The response handler has read and closed the body.
	if _, err := rc.Do(req); err != nil {
		return nil, c.redactErr(c.describe(ctx, err, time.Since(start), lastStatus))
	}
	if apiErr != nil {
		return nil, apiErr
	}
	return body, nil
}

// wait blocks until the optional rate limiter lets a request go.
func (c *Client) wait(req *http.Request) error {
	if c.limiter == nil {
		return nil
	}
	return c.limiter.Wait(req.Context())
}

// describe turns a transport-level failure into an error a user can act on.
func (c *Client) describe(ctx context.Context, err error, elapsed time.Duration, lastStatus int) error {
	var apiErr *Error
	if errors.As(err, &apiErr) {
		return apiErr
	}
	if ctxErr := ctx.Err(); ctxErr != nil {
		if lastStatus == http.StatusTooManyRequests {
			return fmt.Errorf("rate limited: Twilio answered 429 Too Many Requests and the operation ran out of time while waiting to retry (after %s): %w", elapsed.Round(time.Millisecond), ctxErr)
		}
		return fmt.Errorf("request cancelled after %s: %w", elapsed.Round(time.Millisecond), ctxErr)
	}
	var dnsErr *net.DNSError
	var tooLarge *tooLargeError
	var readErr *bodyReadError
	var netErr net.Error
	switch {
	case errors.As(err, &tooLarge):
		return tooLarge
	case errors.As(err, &readErr):
		return fmt.Errorf("%s answered, but its response could not be read in full: %w", c.base.Host, err)
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return fmt.Errorf("host %s does not exist (DNS: %s): check base_url, region and edge: %w", c.base.Hostname(), dnsErr.Err, err)
	case errors.As(err, &dnsErr):
		return fmt.Errorf("could not look up host %s: the DNS resolver did not answer (%s): check the machine's DNS settings: %w", c.base.Hostname(), dnsErr.Err, err)
	case errors.As(err, &netErr) && netErr.Timeout():
		return fmt.Errorf("Twilio did not answer within the request timeout (%s): raise request_timeout or check the network path to %s: %w", c.http.Timeout, c.base.Host, err)
	}
	return fmt.Errorf("could not reach %s: %w", c.base.Host, err)
}

// permanent says whether a failed attempt is one that no retry can mend: a
// body over the limit, or a host name that does not resolve.
func permanent(err error) bool {
	var tooLarge *tooLargeError
	var dnsErr *net.DNSError
	return errors.As(err, &tooLarge) || errors.As(err, &dnsErr)
}

// redirectError is a 3xx answer, which is never followed. It names where
// it pointed by scheme and host only: a query may hold anything.
func (c *Client) redirectError(resp *http.Response) *Error {
	e := c.errorFromResponse(resp)
	where := "no Location"
	if loc, err := resp.Location(); err == nil {
		where = c.redactor.redact(loc.Scheme + "://" + loc.Host)
	}
	e.Message = fmt.Sprintf("a redirect to %s, which the provider does not follow, as credentials go only to the configured host: check base_url, or the proxy in between", where)
	return e
}

// maxRetryAfter caps a server's Retry-After so that an absurd value cannot
// park a plan; the context deadline still bounds every wait.
const maxRetryAfter = 5 * time.Minute

// backoff honours Retry-After (seconds or an HTTP date) on 429 and 503, and
// otherwise waits an exponentially growing, fully jittered time.
func backoff(lo, hi time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			// A Retry-After of 0 or in the past waits the least still.
			return max(lo, min(d, maxRetryAfter))
		}
	}
	ceiling := hi
	if attempt < 30 {
		if d := lo << uint(attempt); d > 0 && d < hi {
			ceiling = d
		}
	}
	// Full jitter, but never below the minimum.
	return lo + time.Duration(rand.Int64N(int64(ceiling-lo)+1))
}

// parseRetryAfter reads a Retry-After header in either of its two forms.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	// delta-seconds is digits only: no sign, no fraction.
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if v[0] < '0' || v[0] > '9' {
			return 0, false
		}
		if secs > int64(maxRetryAfter/time.Second) {
			return maxRetryAfter, true
		}
		return time.Duration(secs) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	if d := t.Sub(now); d > 0 {
		return d, true
	}
	return 0, true
}

// giveUp is called once retries are spent: the last Twilio error wins over
// the generic "giving up" message, so the user sees Twilio's code.
func (c *Client) giveUp(resp *http.Response, err error, attempts int) (*http.Response, error) {
	if resp != nil && (resp.StatusCode < 200 || resp.StatusCode >= 300) {
		apiErr := c.errorFromResponse(resp)
		resp.Body.Close()
		apiErr.Attempts = attempts
		return nil, apiErr
	}
	if resp != nil {
		resp.Body.Close()
	}
	return nil, fmt.Errorf("giving up after %d attempt(s): %w", attempts, err)
}

// tooLargeError is a body over MaxBodyBytes: no retry makes it smaller.
type tooLargeError struct{ limit int64 }

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("the response body is larger than %d MiB, the most the provider reads of one page: a misbehaving server or proxy? Lower page_size if the page is real", e.limit>>20)
}

// bodyReadError is a body that ended before it was complete.
type bodyReadError struct{ err error }

func (e *bodyReadError) Error() string { return "reading the response body: " + e.err.Error() }
func (e *bodyReadError) Unwrap() error { return e.err }

// readBounded reads r, which must hold at most limit bytes; length is its
// Content-Length, or -1 when unknown. Neither a Content-Length over the
// limit nor a body that keeps coming (chunked, or decompressed) makes it
// hold more than the limit and one piece (readPiece).
//
// The body is returned in a slice of its size, as it is held while the
// page is decoded and while the next one is read. With a Content-Length,
// that is the one buffer read into. Without one (a gzipped body, which Go's
// transport decompresses, is read that way), the body is read in pieces
// that double up to readPiece and stay that size after, then joined once:
// a buffer that doubles as it fills is up to twice the body when it ends,
// and three times while it grows.
func readBounded(r io.Reader, length, limit int64) ([]byte, error) {
	if length > limit {
		return nil, &tooLargeError{limit}
	}
	var pieces [][]byte
	total := 0
	if length >= 0 {
		// One byte more to see the end, or that the length was wrong.
		buf, err := fill(r, make([]byte, 0, length+1), limit)
		if err != nil || len(buf) <= int(length) {
			return buf, tooLarge(err, limit)
		}
		// More than the Content-Length: read on as for no length.
		pieces, total = [][]byte{buf}, len(buf)
	}
	for {
		size := min(max(minReadPiece, total), readPiece)
		piece, err := fill(r, make([]byte, 0, size), limit-int64(total))
		if err != nil {
			return nil, tooLarge(err, limit)
		}
		total += len(piece)
		if len(piece) < size {
			// The body ended within this piece.
			if pieces == nil {
				return piece, nil
			}
			body := make([]byte, 0, total)
			for _, p := range append(pieces, piece) {
				body = append(body, p...)
			}
			return body, nil
		}
		pieces = append(pieces, piece)
	}
}

var errOverLimit = errors.New("over the limit")

// tooLarge is err, with errOverLimit as the tooLargeError of limit.
func tooLarge(err error, limit int64) error {
	if err == errOverLimit {
		return &tooLargeError{limit}
	}
	return err
}

// Sizes of the pieces readBounded reads a body of unknown length in.
const (
	minReadPiece = 64 << 10
	readPiece    = 1 << 20
)

// fill reads r into buf until buf is full or r ends, and refuses
// more than limit bytes with errOverLimit.
func fill(r io.Reader, buf []byte, limit int64) ([]byte, error) {
	for len(buf) < cap(buf) {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, errOverLimit
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, &bodyReadError{err}
		}
	}
	return buf, nil
}
