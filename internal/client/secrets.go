package client

import (
	"bytes"
	"cmp"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Every error this client returns and every line it logs passes through
// its redactor, so that a server or proxy that echoes credentials back (in
// an error message, a more_info link, a redirect, an HTML page, a page of
// results) cannot bring them into a user's output, state or logs.
//
// Text is redacted whole, before it is cut to an excerpt: a secret cut in
// two is no longer recognised, and what is left of it, in the clear or as
// base64 that decodes to most of it, would be shown. Where the text is
// itself the start of something longer (a body read up to a limit), an
// ending that could be the start of a secret goes too. A cut never falls
// inside a redaction marker (see truncate).

// redacted stands for a secret removed from a text.
const redacted = "[redacted]"

const (
	// minPartial is the shortest ending of a text that was cut short that
	// is dropped for being the start of a secret: a few characters more
	// are common in ordinary text and say nothing of the secret.
	minPartial = 4
	// minCore is the shortest run of base64 characters that encode the
	// secret's bytes alone (see secretForms) that is redacted: a shorter
	// one would match ordinary text.
	minCore = 8
)

// redactor removes one set of credentials from text. A nil redactor knows
// no secret and leaves text as it is.
type redactor struct {
	// forms are the texts a secret can come back as, longest first.
	forms []string
}

func newRedactor(user, password string) *redactor {
	return &redactor{forms: secretForms(user, password)}
}

// secretForms are the forms in which the password, or the Basic
// credentials, could come back: as they are; in base64, with either
// alphabet, with or without padding, alone or as user:password, and the
// characters that encode the password's bytes alone at each of the three
// alignments within longer base64 text (a header dumped whole, a token
// that embeds the secret), with what ends that text when the password
// does; each percent-encoded for a query or a path,
// percent-encoded twice, escaped for JSON (with and without HTML escapes,
// with "\/" for "/"), quoted as Go quotes, and escaped as a JSON Pointer
// token.
func secretForms(user, password string) []string {
	if password == "" {
		return nil
	}
	texts := []string{password, strings.ToValidUTF8(password, "\uFFFD")}
	encodings := []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding}
	for _, s := range []string{password, user + ":" + password} {
		for _, enc := range encodings {
			texts = append(texts, enc.EncodeToString([]byte(s)))
		}
	}
	for k := 0; k < 3; k++ {
		// After k other bytes, the password's bits start at bit 8k: the
		// characters from ceil(8k/6) to floor(8(k+n)/6) encode its bits
		// and no others. When the text ends with the password, the
		// characters after those, a last one and the padding, encode
		// nothing else either.
		for _, enc := range encodings {
			b := enc.EncodeToString(append(make([]byte, k), password...))
			start := (8*k + 5) / 6
			if core := b[start : 8*(k+len(password))/6]; len(core) >= minCore {
				texts = append(texts, core, b[start:])
			}
		}
	}
	var forms []string
	add := func(f string) {
		if f != "" && !slices.Contains(forms, f) {
			forms = append(forms, f)
		}
	}
	for _, t := range texts {
		for _, u := range []string{t, url.QueryEscape(t), url.PathEscape(t), strings.ReplaceAll(url.QueryEscape(t), "%", "%25")} {
			add(u)
			for _, j := range jsonEscapes(u) {
				add(j)
			}
		}
		if q := strconv.Quote(t); len(q) >= 2 {
			add(q[1 : len(q)-1])
		}
		add(strings.NewReplacer("~", "~0", "/", "~1").Replace(t))
	}
	// Longest first: of two forms that match at the same place, the longer
	// says more of what is removed.
	slices.SortStableFunc(forms, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	return forms
}

// jsonEscapes are s as a JSON string holds it, without its quotes: with
// encoding/json's HTML escapes and without them, and with "/" escaped too,
// as some encoders do.
func jsonEscapes(s string) []string {
	var out []string
	for _, html := range []bool{true, false} {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(html)
		if enc.Encode(s) != nil {
			continue
		}
		j := strings.TrimSuffix(b.String(), "\n")
		j = j[1 : len(j)-1]
		out = append(out, j, strings.ReplaceAll(j, "/", `\/`))
	}
	return out
}

// longest is the length of the longest form: a window of text that reaches
// this far past a cut holds whole any secret that starts before it.
func (r *redactor) longest() int {
	if r == nil || len(r.forms) == 0 {
		return 0
	}
	return len(r.forms[0])
}

// redact replaces every occurrence of a secret in s, overlapping ones
// included, with the marker: all the bytes that belong to any occurrence of
// any form go, and each run of them becomes one marker, so that removing
// one form cannot leave part of another behind.
func (r *redactor) redact(s string) string {
	if r == nil || s == "" {
		return s
	}
	type span struct{ start, end int }
	var spans []span
	find := func(f string) {
		for i := 0; i < len(s); {
			j := strings.Index(s[i:], f)
			if j < 0 {
				return
			}
			spans = append(spans, span{i + j, i + j + len(f)})
			i += j + 1
		}
	}
	for _, f := range r.forms {
		find(f)
	}
	if len(spans) == 0 {
		return s
	}
	// A marker already there merges with a secret next to it.
	find(redacted)
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for i := 0; i < len(spans); {
		start, end := spans[i].start, spans[i].end
		for i++; i < len(spans) && spans[i].start <= end; i++ {
			end = max(end, spans[i].end)
		}
		b.WriteString(s[last:start])
		b.WriteString(redacted)
		last = end
	}
	b.WriteString(s[last:])
	return b.String()
}

// redactStart redacts s, the start of a longer text that was cut off:
// besides every whole secret, an ending of s that is the start of a secret
// goes, as the rest of the secret, which would have made it recognisable,
// was cut away. That ending is found before anything is redacted, as a
// part of it may be another form (the base64 of the password within the
// base64 of user:password), which redact would replace first.
func (r *redactor) redactStart(s string) string {
	if r == nil {
		return s
	}
	drop := 0
	for _, f := range r.forms {
		for l := min(len(f)-1, len(s)); l >= minPartial && l > drop; l-- {
			if strings.HasSuffix(s, f[:l]) {
				drop = l
				break
			}
		}
	}
	s = r.redact(s[:len(s)-drop])
	if drop > 0 && !strings.HasSuffix(s, redacted) {
		s += redacted
	}
	return s
}

// clean is redact, or redactStart when s was cut off at its end.
func (r *redactor) clean(s string, cut bool) string {
	if cut {
		return r.redactStart(s)
	}
	return r.redact(s)
}

// truncate cuts s to at most n bytes and marks the cut with "…". The cut
// falls on a rune boundary (when s is valid UTF-8 there), and never inside
// a redaction marker: a cut marker would read as text that was not
// redacted. s must be redacted already.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for i := 0; i < utf8.UTFMax && n > 0 && !utf8.RuneStart(s[n]); i++ {
		n--
	}
	if lo := max(0, n-len(redacted)+1); lo < n {
		if j := strings.Index(s[lo:], redacted); j >= 0 && lo+j < n {
			n = lo + j
		}
	}
	return s[:n] + "…"
}

// redactErr is err with this client's secrets removed from its text. It
// unwraps to err, so that callers still find Twilio's *Error in it.
func (c *Client) redactErr(err error) error {
	if err == nil {
		return nil
	}
	if text := c.redactor.redact(err.Error()); text != err.Error() {
		return &redactedError{text: text, err: err}
	}
	return err
}

type redactedError struct {
	text string
	err  error
}

func (e *redactedError) Error() string { return e.text }
func (e *redactedError) Unwrap() error { return e.err }

// Fingerprint is a keyed digest of data (HMAC-SHA256 under this client's
// secret, 128 bits in hex): it tells equal inputs apart without showing
// them, and cannot be reversed by trying every phone number.
func (c *Client) Fingerprint(data []byte) string {
	m := hmac.New(sha256.New, []byte(c.password))
	m.Write(data)
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// redactUserinfo is raw, a URL or what was meant as one, with the password
// of its user info replaced as url.URL.Redacted replaces it, also when raw
// does not parse, and when the password holds characters that end the
// user info in a URL ("/", "?", "#"): whatever lies between the first ":"
// after the scheme and the last "@" goes.
func redactUserinfo(raw string) string {
	at := strings.LastIndex(raw, "@")
	if at < 0 {
		return raw
	}
	start := 0
	if i := strings.Index(raw[:at], "://"); i >= 0 {
		start = i + len("://")
	}
	colon := strings.Index(raw[start:at], ":")
	if colon < 0 {
		return raw
	}
	return raw[:start+colon+1] + "xxxxx" + raw[at:]
}
