package client

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// conversationsPage is one full page (1,000 conversations with two
// participants each) as the emulator serves it.
func conversationsPage(tb testing.TB) []byte {
	tb.Helper()
	srv, err := emulator.New(emulator.Generate(emulator.GenerateOptions{Seed: 42, Conversations: MaxPageSizeV2, ParticipantsPerConversation: 2}), emulator.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "/v2/Conversations?pageSize=1000", nil)
	req.SetBasicAuth(emulator.DefaultUsername, emulator.DefaultPassword)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		tb.Fatalf("emulator answered %d: %s", rec.Code, rec.Body)
	}
	return rec.Body.Bytes()
}

// BenchmarkDecodeConversationsPage is the cost of decoding one page; the
// pager does it on another core while the network serves the next page.
func BenchmarkDecodeConversationsPage(b *testing.B) {
	body := conversationsPage(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		items, _, err := decodePage[Conversation, v2Meta](body, "conversations")
		if err != nil || len(items) != MaxPageSizeV2 {
			b.Fatalf("decoded %d items: %v", len(items), err)
		}
	}
}
