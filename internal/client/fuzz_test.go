package client

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// The fuzz targets replay their seeds and testdata/fuzz corpus in every
// `go test` run; `go test -fuzz=FuzzParseError ./internal/client` explores.

func FuzzParseError(f *testing.F) {
	for _, s := range []string{
		`{"code":20404,"message":"not found","more_info":"https://www.twilio.com/docs/errors/20404","status":404}`,
		`{"code":20007,"message":"Page size too large","httpStatusCode":400,"params":{"a":1},"userError":true}`,
		`{"type":"https://www.twilio.com/docs/errors/20429","title":"Too Many Requests","status":429,"detail":"x","code":20429}`,
		`{"code":"20404"}`, `{"code":1e400}`, `{"message":null}`, `[]`, `null`, ``,
		`<html><title>t</title><body>b</body></html>`, "\xff\xfe<p>bad utf8</p>",
	} {
		f.Add(404, []byte(s))
	}
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		e := ParseError(status, body)
		if e.StatusCode != status {
			t.Fatalf("status %d became %d", status, e.StatusCode)
		}
		if !utf8.ValidString(e.Message) {
			t.Fatalf("message is not valid UTF-8: %q", e.Message)
		}
		if len(e.Message) > 4*maxRawMessage+len("…") {
			t.Fatalf("message of %d bytes is not bounded", len(e.Message))
		}
		if e.Message == "" && e.Code == 0 {
			t.Fatal("an error with neither message nor code says nothing")
		}
		if !strings.Contains(e.Error(), "HTTP ") {
			t.Fatalf("Error() = %q", e.Error())
		}
	})
}

func FuzzDecodeV2Page(f *testing.F) {
	for _, s := range []string{
		`{"conversations":[{"id":"a","name":null,"metadata":{"k":"v"},"configuration":{"channelSettings":{"x":[1]}},"participants":[{"id":"p","addresses":[{"channel":"SMS"}]}]}],"meta":{"nextToken":"t=="}}`,
		`{"conversations":[],"meta":{"nextToken":null}}`, `{"conversations":null,"meta":{}}`,
		`{"meta":{},"conversations":[{}],"extra":[1,2,{"a":null}]}`, `{"conversations":[{"id":1}],"meta":{}}`,
		`{"conversations":[],"meta":[]}`, `{"conversations":[]}`, `{}`, `[]`, `{"conversations":[],"meta":{}} x`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		items, meta, err := decodePage[Conversation, v2Meta](body, "conversations")
		checkDecoded(t, items, meta, err)
		checkFetcherAgrees(t, body, items, meta, err)
	})
}

func FuzzDecodeV1Page(f *testing.F) {
	for _, s := range []string{
		`{"conversations":[{"account_sid":"AC1","participant_messaging_binding":{"address":"+1"},"conversation_timers":{},"links":{"participant":"u"}}],"meta":{"next_page_url":"https://x/v1/P?Page=1","page":0,"page_size":50}}`,
		`{"conversations":[{"unread_messages_count":5,"timers":{"date_closed":"2025-01-01T00:00:00Z"}}],"meta":{"next_page_url":null}}`,
		`{"conversations":[{"unread_messages_count":"5"}],"meta":{}}`, `{"conversations":[],"meta":{"next_page_url":5}}`,
		`{"conversations":[]}`, `{"meta":{}}`, `{"conversations":[],"meta":{"next_page_url":""}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		items, meta, err := decodePage[ParticipantConversation, v1Meta](body, "conversations")
		checkDecoded(t, items, meta, err)
		checkFetcherAgrees(t, body, items, meta, err)
		uitems, umeta, uerr := decodePage[UserConversation, v1Meta](body, "conversations")
		checkDecoded(t, uitems, umeta, uerr)
	})
}

// checkFetcherAgrees: on every page the caller accepts, the fetcher, which
// scans more leniently, finds the same meta block and counts the same
// items, or refuses the page for a null item.
func checkFetcherAgrees[T, M any](t *testing.T, body []byte, items []T, meta *M, err error) {
	t.Helper()
	if err != nil {
		return
	}
	m, n, merr := readMeta[M](body, "conversations")
	switch {
	case merr != nil && strings.Contains(merr.Error(), "is null"):
	case merr != nil:
		t.Fatalf("the caller accepts the page, the fetcher refuses it: %v", merr)
	case n != len(items):
		t.Fatalf("the fetcher counts %d items, the caller decodes %d", n, len(items))
	case !reflect.DeepEqual(m, meta):
		t.Fatalf("the fetcher reads meta %+v, the caller %+v", m, meta)
	}
}

// checkDecoded: a page decodes into a list and a meta block, or into a
// MalformedError with a bounded excerpt; never into half of it.
func checkDecoded[T, M any](t *testing.T, items []T, meta *M, err error) {
	t.Helper()
	if err != nil {
		me, ok := err.(*MalformedError)
		if !ok {
			t.Fatalf("error of type %T: %v", err, err)
		}
		if len(me.Excerpt) > maxRawMessage+len("…") || !utf8.ValidString(me.Excerpt) {
			t.Fatalf("excerpt not bounded or not UTF-8: %q", me.Excerpt)
		}
		if items != nil || meta != nil {
			t.Fatal("an error came with a partial page")
		}
		return
	}
	if items == nil || meta == nil {
		t.Fatalf("success without items (%v) or meta (%v)", items == nil, meta == nil)
	}
}
