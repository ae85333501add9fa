package client

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// Message bodies are personal data: neither a list of messages nor one
// message is logged, even at Trace, where other bodies are.
func TestMessageBodiesNotLogged(t *testing.T) {
	t.Setenv("TF_LOG_PROVIDER_TWILIO_HTTP", "TRACE")
	const body = "my card number is 4111"
	f := newFake(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/Messages"):
			fmt.Fprintf(w, `{"messages":[{"sid":"IM1","index":0,"body":%q}],"meta":{"next_page_url":null}}`, body)
		case strings.Contains(r.URL.Path, "/Messages/"):
			fmt.Fprintf(w, `{"sid":"IM1","index":0,"body":%q}`, body)
		default:
			fmt.Fprint(w, `{"conversations":[{"sid":"CH1","friendly_name":"visible at trace"}],"meta":{"next_page_url":null}}`)
		}
	})
	c := newTestClient(t, f.URL)
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	var got []MessageV1
	if _, err := c.ListMessagesV1(ctx, "", "CH1", "desc", ListOptions{}, func(p []MessageV1) error { got = append(got, p...); return nil }); err != nil {
		t.Fatal(err)
	}
	m, err := c.GetMessageV1(ctx, "IS00000000000000000000000000000001", "CH1", "IM1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListConversationsV1(ctx, "", ConversationV1Filter{}, ListOptions{}, func([]ConversationV1) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || *got[0].Body != body || *m.Body != body {
		t.Fatalf("messages not read: %v %v", got, m)
	}
	out := buf.String()
	if strings.Contains(out, body) {
		t.Errorf("a message body was logged:\n%s", out)
	}
	if strings.Count(out, "HTTP response body withheld") != 2 || !strings.Contains(out, "visible at trace") {
		t.Errorf("want two withheld bodies and the conversations' body at Trace:\n%s", out)
	}
}
