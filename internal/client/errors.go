package client

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"
)

// Error is a non-2xx answer from Twilio.
type Error struct {
	// StatusCode is the HTTP status of the response; it is always set.
	StatusCode int
	// Code is Twilio's error code (for example 20404), 0 when the body had none.
	Code int
	// Message is Twilio's message, or a bounded, readable excerpt of a body
	// that was not one of Twilio's JSON error shapes.
	Message string
	// MoreInfo is the link to Twilio's page about Code, when given.
	MoreInfo string
	// Attempts is how many attempts were made when retries were spent, else 0.
	Attempts int
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.RateLimited() {
		b.WriteString("rate limited: ")
	}
	fmt.Fprintf(&b, "HTTP %d %s", e.StatusCode, http.StatusText(e.StatusCode))
	if e.Code != 0 {
		fmt.Fprintf(&b, ", Twilio error %d", e.Code)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.MoreInfo != "" {
		fmt.Fprintf(&b, " (more info: %s)", e.MoreInfo)
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " [gave up after %d attempts]", e.Attempts)
	}
	return b.String()
}

// RateLimited reports whether Twilio refused the request for exceeding the
// account's concurrency limit.
func (e *Error) RateLimited() bool {
	return e.StatusCode == http.StatusTooManyRequests || e.Code == 20429
}

// NotFound reports whether the resource does not exist.
func (e *Error) NotFound() bool {
	return e.StatusCode == http.StatusNotFound || e.Code == 20404
}

// errorFromResponse reads an error response, up to maxErrorBodyBytes of
// its body, into an *Error with this client's secrets removed.
func (c *Client) errorFromResponse(resp *http.Response) *Error {
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxErrorBodyBytes+1))
	// A body cut at the limit, or cut short by a failed read, is only the
	// start of what the server sent.
	cut := err != nil || len(body) > maxErrorBodyBytes
	return parseError(resp.StatusCode, body[:min(len(body), maxErrorBodyBytes)], cut, c.redactor)
}

// errorBody holds the union of the three error shapes Twilio uses:
// the classic {code, message, more_info, status}, the v2
// {code, message, httpStatusCode, params, userError}, and RFC 9457 problem
// details {type, title, status, detail, code}.
type errorBody struct {
	Code     json.Number `json:"code"`
	Message  string      `json:"message"`
	MoreInfo string      `json:"more_info"`
	Type     string      `json:"type"`
	Title    string      `json:"title"`
	Detail   string      `json:"detail"`
}

const maxRawMessage = 300

// ParseError builds an *Error from a status and a response body of any shape.
func ParseError(status int, body []byte) *Error {
	return parseError(status, body, false, nil)
}

// parseError is ParseError with r's secrets removed from the message and
// link, before they are cut to length. cut says that body is the start of
// a longer one.
func parseError(status int, body []byte, cut bool, r *redactor) *Error {
	e := &Error{StatusCode: status}
	var eb errorBody
	if err := json.Unmarshal(body, &eb); err == nil {
		if n, err := eb.Code.Int64(); err == nil {
			e.Code = int(n)
		}
		// The strings are redacted as decoded: a secret written with
		// JSON escapes is whole only once they are undone.
		e.Message = eb.Message
		if e.Message == "" {
			e.Message = strings.TrimSpace(strings.Join(nonEmpty(eb.Title, eb.Detail), ": "))
		}
		e.MoreInfo = eb.MoreInfo
		if e.MoreInfo == "" && strings.HasPrefix(eb.Type, "http") {
			e.MoreInfo = eb.Type
		}
		e.MoreInfo = truncate(r.redact(e.MoreInfo), 4*maxRawMessage)
		if e.Message != "" || e.Code != 0 {
			e.Message = truncate(r.redact(e.Message), 4*maxRawMessage)
			return e
		}
	}
	e.Message = readableExcerpt(body, cut, r)
	return e
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

var (
	htmlDrop  = regexp.MustCompile(`(?is)<(script|style|head)\b.*?</(script|style|head)>`)
	htmlTag   = regexp.MustCompile(`(?s)<[^>]*>`)
	htmlTitle = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)
	spaces    = regexp.MustCompile(`\s+`)
)

// readableExcerpt turns a body that is not Twilio JSON (an HTML page from a
// proxy, plain text) into a short line of text without r's secrets. cut
// says that body is the start of a longer one.
//
// The body is redacted as it came, and again once its tags are stripped,
// its entities decoded and its spaces collapsed, which can make a secret
// whole ("&#112;ass", a line break inside it); then it is cut.
func readableExcerpt(body []byte, cut bool, r *redactor) string {
	s := r.clean(string(body), cut)
	title := ""
	if strings.Contains(s, "<") {
		if m := htmlTitle.FindStringSubmatch(s); m != nil {
			title = strings.TrimSpace(spaces.ReplaceAllString(html.UnescapeString(m[1]), " "))
		}
		s = htmlDrop.ReplaceAllString(s, " ")
		s = htmlTag.ReplaceAllString(s, " ")
		s = html.UnescapeString(s)
	}
	s = strings.TrimSpace(spaces.ReplaceAllString(s, " "))
	if title != "" && !strings.Contains(s, title) {
		s = strings.TrimSpace(title + ": " + s)
	}
	s = r.clean(strings.ToValidUTF8(s, "\uFFFD"), cut)
	if s == "" {
		return "(empty response body)"
	}
	return truncate(s, maxRawMessage)
}
