package client

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"
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

func errorFromResponse(resp *http.Response) *Error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBodyBytes))
	return ParseError(resp.StatusCode, body)
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
	e := &Error{StatusCode: status}
	var eb errorBody
	if err := json.Unmarshal(body, &eb); err == nil {
		if n, err := eb.Code.Int64(); err == nil {
			e.Code = int(n)
		}
		e.Message = eb.Message
		if e.Message == "" {
			e.Message = strings.TrimSpace(strings.Join(nonEmpty(eb.Title, eb.Detail), ": "))
		}
		e.MoreInfo = eb.MoreInfo
		if e.MoreInfo == "" && strings.HasPrefix(eb.Type, "http") {
			e.MoreInfo = eb.Type
		}
		if e.Message != "" || e.Code != 0 {
			e.Message = truncate(e.Message, 4*maxRawMessage)
			return e
		}
	}
	e.Message = readableExcerpt(body)
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
// proxy, plain text) into a short line of text.
func readableExcerpt(body []byte) string {
	s := string(body)
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
	s = strings.ToValidUTF8(s, "\uFFFD")
	if s == "" {
		return "(empty response body)"
	}
	return truncate(s, maxRawMessage)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	// Cut on a rune boundary.
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
