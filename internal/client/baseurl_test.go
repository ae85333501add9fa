package client

import (
	"strings"
	"testing"
)

// A password in base_url's user info is never shown: the URL is quoted
// with the password replaced, whatever else is wrong with it.
func TestResolveBaseURLHidesThePassword(t *testing.T) {
	const pass = "hunter2-very-secret"
	for _, base := range []string{
		"https://user:" + pass + "@proxy.example.com",
		"https://user:" + pass + "@proxy.example.com/twilio",
		"http://user:" + pass + "@127.0.0.1:99999",
		"https://user:" + pass + "@proxy.example.com:port",
		"https://user:hunter2/very-secret@proxy.example.com",
		"https://user:hunter2?very-secret@proxy.example.com",
		"https://user:hunter2#very-secret@proxy.example.com",
		"user:" + pass + "@proxy.example.com:8443",
		"//user:" + pass + "@proxy.example.com",
		"ftp://user:" + pass + "@proxy.example.com",
		"https://user:" + pass + "@proxy\x7f.example.com",
		"https://user:" + pass + "@[::1",
	} {
		_, err := ResolveBaseURL(base, "", "")
		if err == nil {
			t.Errorf("%q accepted", base)
			continue
		}
		if l := leaked(err.Error(), pass, "hunter2", "very-secret"); len(l) > 0 {
			t.Errorf("%q: the error holds %q: %v", base, l, err)
		}
		if !strings.Contains(err.Error(), "xxxxx") {
			t.Errorf("%q: the error does not show where the password was: %v", base, err)
		}
	}
}

// FuzzRedactionBaseURL: a password in base_url's user info, whatever
// surrounds it, is never in ResolveBaseURL's error.
func FuzzRedactionBaseURL(f *testing.F) {
	for _, s := range [][4]string{
		{"https", "user", "hunter2-very-secret", "proxy.example.com"},
		{"http", "SK0123", "hunter2/very?secret#x", "127.0.0.1:99999/path"},
		{"", "user", "hunter2-very-secret", "[::1"},
		{"ftp", "u@x", "pa:ss@word-long", "h\x7f"},
	} {
		f.Add(s[0], s[1], s[2], s[3])
	}
	f.Fuzz(func(t *testing.T, scheme, user, pass, rest string) {
		if len(pass) < leakLen {
			t.Skip()
		}
		raw := scheme + "://" + user + ":" + pass + "@" + rest
		_, err := ResolveBaseURL(raw, "", "")
		if err == nil {
			t.Fatalf("%q accepted", raw)
		}
		const message = "base URL must be only a scheme and host (with an optional port), without path, query, fragment or user info xxxxx"
		if l := leaked(fillerViews(scheme+"://"+user+":")+"\x00"+fillerViews("@"+rest)+"\x00"+message, pass); len(l) > 0 {
			t.Skip()
		}
		if l := leaked(err.Error(), pass); len(l) > 0 {
			t.Fatalf("the error holds %q of the password %q: %v", l, pass, err)
		}
	})
}
