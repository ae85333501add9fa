package client

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// benchEmulator serves n conversations with two participants each.
func benchEmulator(tb testing.TB, n int) *emulator.Server {
	tb.Helper()
	srv, err := emulator.New(emulator.Generate(emulator.GenerateOptions{Seed: 42, Conversations: n, ParticipantsPerConversation: 2}), emulator.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return srv
}

// conversationsPage is one full page (1,000 conversations with two
// participants each) as the emulator serves it.
func conversationsPage(tb testing.TB) []byte {
	tb.Helper()
	srv := benchEmulator(tb, MaxPageSizeV2)
	req := httptest.NewRequest(http.MethodGet, "/v2/Conversations?pageSize=1000", nil)
	req.SetBasicAuth(emulator.DefaultUsername, emulator.DefaultPassword)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		tb.Fatalf("emulator answered %d: %s", rec.Code, rec.Body)
	}
	return rec.Body.Bytes()
}

// BenchmarkDecodeConversationsPage is the cost of decoding one page, which
// the caller does while the next page is on its way.
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

// BenchmarkReadMetaConversationsPage is the cost of finding where the next
// page is, which the fetcher pays on every page before requesting it.
func BenchmarkReadMetaConversationsPage(b *testing.B) {
	body := conversationsPage(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		_, n, err := readMeta[v2Meta](body, "conversations")
		if err != nil || n != MaxPageSizeV2 {
			b.Fatalf("counted %d items: %v", n, err)
		}
	}
}

// BenchmarkListConversations is the client's whole cost of listing 20 full
// pages from the emulator with no latency: requests, reading bodies,
// finding the next page and decoding, without mapping into state.
func BenchmarkListConversations(b *testing.B) {
	const n = 20 * MaxPageSizeV2
	hs := httptest.NewServer(benchEmulator(b, n))
	b.Cleanup(hs.Close)
	c, err := New(Config{Username: emulator.DefaultUsername, Password: emulator.DefaultPassword, BaseURL: hs.URL})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		got := 0
		if _, err := c.ListConversations(context.Background(), ConversationFilter{}, ListOptions{}, func(page []Conversation) error {
			got += len(page)
			return nil
		}); err != nil || got != n {
			b.Fatalf("listed %d of %d: %v", got, n, err)
		}
	}
}
