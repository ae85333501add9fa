package client

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// `go test -fuzz=FuzzRedactionEverywhere ./internal/client` explores; every
// `go test` replays the seeds below and testdata/fuzz.

// fuzzForms are the forms in which a fuzzed secret is echoed: as it is, in
// base64 (either alphabet, with or without padding) alone, as user:secret,
// and after one or two other bytes (the secret's bytes at the other two
// alignments), and each of those percent-encoded for a query or a path.
// The contexts it is put in (a JSON string, an object name) add their own
// escaping.
func fuzzForms(user, secret string) []string {
	out := []string{secret}
	for _, s := range []string{secret, user + ":" + secret, "x" + secret, "xy" + secret} {
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
			out = append(out, enc.EncodeToString([]byte(s)))
		}
	}
	for _, f := range out[:len(out):len(out)] {
		out = append(out, url.QueryEscape(f), url.PathEscape(f))
	}
	return out
}

// padUnits are what a fuzzed filler is made of, so that a secret can be
// moved to any of the client's cut points: text, spaces and line breaks
// that the excerpt collapses, tags it strips, an entity it decodes.
var padUnits = []string{"x", " ", "\n", "<b>", "&amp;", "é"}

// acceptableSecret is a secret the provider accepts (no space or control
// character, valid UTF-8) long enough for the property to mean something,
// and without the marker's brackets, so that a marker cannot read as a
// piece of the secret.
func acceptableSecret(s string) bool {
	return len(s) >= leakLen && len(s) <= 128 && utf8.ValidString(s) &&
		!strings.ContainsAny(s, "[]") &&
		strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) < 0
}

// fillerViews are the texts the client may make of filler, around the
// secret: it as it is, as JSON and Go quote it, its entities decoded, its
// tags stripped and its spaces collapsed. A piece of the secret found in
// one of them came from the filler, not from the secret.
func fillerViews(filler string) string {
	q := strconv.Quote(filler)
	j, _ := json.Marshal(filler)
	stripped := htmlTag.ReplaceAllString(htmlDrop.ReplaceAllString(filler, " "), " ")
	return strings.Join([]string{
		filler, q, string(j), html.UnescapeString(filler), html.UnescapeString(stripped),
		spaces.ReplaceAllString(html.UnescapeString(stripped), " "), spaces.ReplaceAllString(filler, " "),
	}, "\x00")
}

// FuzzRedactionEverywhere: whatever text surrounds a secret echoed by a
// server, in whatever form, and wherever that puts the client's cut points
// (the excerpt of an error body, the read limit of an error body, the
// length of a JSON message, the window and the excerpt of a malformed
// page, the JSON Pointer the decoder shortens, the logged body), no piece
// of the secret, or of the form it came in, longer than six bytes is in the
// error a user sees or in the client's log lines.
func FuzzRedactionEverywhere(f *testing.F) {
	f.Setenv("TF_LOG_PROVIDER_TWILIO_HTTP", "TRACE")
	header := "Authorization: Basic "
	for _, s := range []struct {
		secret, prefix, suffix string
		pad                    int
		unit, form             uint8
	}{
		// The Basic credentials (form 5) cut by each cut point, 40
		// characters in.
		{realSecret, header, " end", maxRawMessage - len(header) - 40, 0, 5},
		{realSecret, header, " end", maxErrorBodyBytes - len(header) - 40, 1, 5},
		{realSecret, header, "</p>", (maxErrorBodyBytes - len(header) - 40) / 3, 3, 5},
		{realSecret, header, " end", 4*maxRawMessage - len(header) - 40, 0, 5},
		{realSecret, header, " end", 2*maxRawMessage - len(header) - 40, 2, 5},
		{realSecret, header, `"`, maxLoggedBody - len(header) - 40, 0, 5},
		{realSecret, "", "kkkkkkkkkk", 150, 0, 5},
		// The secret alone: as it is, in base64, at another alignment,
		// and escaped.
		{realSecret, "token=", "&x=1", 280, 0, 1},
		{realSecret, "t=", "", 290, 0, 19},
		{"0123456789abcdef0123456789abcdef", `{"message":`, "}", 10, 1, 9},
		{"p@ss/w+rd=ü-secret&x", "<p>", "</p>", 270, 4, 0},
		{"p@ss/w+rd=ü-s3cr3t&x~y", "", "", 0, 5, 18},
	} {
		f.Add(s.secret, s.prefix, s.suffix, uint16(max(0, s.pad)), s.unit, s.form)
	}
	f.Fuzz(func(t *testing.T, secret, prefix, suffix string, pad uint16, unit, form uint8) {
		if !acceptableSecret(secret) {
			t.Skip()
		}
		forms := fuzzForms(testUser, secret)
		echoed := forms[int(form)%len(forms)]
		padding := strings.Repeat(padUnits[int(unit)%len(padUnits)], int(pad))
		sensitive := []string{secret, echoed}
		if l := leaked(fillerViews(padding+prefix)+"\x00"+fillerViews(suffix), sensitive...); len(l) > 0 {
			t.Skip() // the filler holds pieces of the secret of its own
		}
		text := padding + prefix + echoed + suffix
		c := &Client{redactor: newRedactor(testUser, secret)}
		check := func(what, out string) {
			t.Helper()
			out = strings.ReplaceAll(out, redacted, "\x00")
			if l := leaked(out, sensitive...); len(l) > 0 {
				t.Fatalf("%s holds %q of the secret %q sent as %q:\n%s", what, l, secret, echoed, out)
			}
		}
		respond := func(status int, body string) string {
			return c.errorFromResponse(&http.Response{StatusCode: status, Body: io.NopCloser(strings.NewReader(body))}).Error()
		}
		jsonText := func(v any) string {
			b, _ := json.Marshal(v)
			return string(b)
		}

		check("an error body", respond(502, text))
		check("a JSON message", respond(400, jsonText(map[string]any{"code": 20001, "message": text, "more_info": text})))
		check("problem details", respond(429, jsonText(map[string]any{"title": padding + prefix, "detail": echoed + suffix, "code": 20429})))

		for _, body := range []string{
			text,
			`{"conversations":[{"id":` + jsonText(text) + `}],"meta":{}`,
			`{"conversations":[{"metadata":{` + jsonText(text) + `:5}}],"meta":{}}`,
			`{"conversations":[{"metadata":{"k":5}}],"meta":{},` + jsonText(text) + `:1,` + jsonText(text) + `:2}`,
		} {
			b := []byte(body)
			if _, _, err := decodePage[Conversation, v2Meta](b, "conversations"); err != nil {
				check("a malformed page", c.redactMalformed(b, err).Error())
			}
			if _, _, err := readMeta[v2Meta](b, "conversations"); err != nil {
				check("a malformed page, as the fetcher reads it", c.redactMalformed(b, err).Error())
			}
			var one *Conversation
			if err := jsonv2.Unmarshal(b, &one, lenientUTF8); err != nil {
				check("a malformed object", c.redactMalformed(b, malformed(b, err)).Error())
			}

			var logs bytes.Buffer
			c.logBody(c.logContext(tflogtest.RootLogger(context.Background(), &logs)), b)
			check("the logged body", logText(t, logs.Bytes()))
		}
	})
}
