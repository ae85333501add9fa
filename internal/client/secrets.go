package client

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"slices"
	"strings"
)

// Every error this client returns and every field it logs passes through
// the redaction below, so that a server or proxy that echoes credentials
// back (in an error message, a more_info link, a redirect, an HTML page)
// cannot bring them into a user's output, state or logs.

// secrets are the forms in which this client's credentials could come
// back: the password, the Basic credentials, and their percent-encoded
// forms, as they appear in URLs and HTML.
func (c *Client) secrets() []string {
	var out []string
	for _, s := range []string{c.password, basicAuth(c.username, c.password)} {
		for _, form := range []string{s, url.QueryEscape(s), url.PathEscape(s), strings.ReplaceAll(url.QueryEscape(s), "%", "%25")} {
			if form != "" && !slices.Contains(out, form) {
				out = append(out, form)
			}
		}
	}
	return out
}

// redact removes this client's secrets from s.
func (c *Client) redact(s string) string {
	for _, secret := range c.secrets() {
		s = strings.ReplaceAll(s, secret, "[redacted]")
	}
	return s
}

// redactErr is err with this client's secrets removed from its text. It
// unwraps to err, so that callers still find Twilio's *Error in it.
func (c *Client) redactErr(err error) error {
	if text := c.redact(err.Error()); text != err.Error() {
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
