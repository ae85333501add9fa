package datasources

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/go-json-experiment/json"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// BenchmarkReadConversations is the read behind the provider's
// ReadDataSource of N v2 conversations from the emulator with 20 ms of
// latency per request: client, paging and the state's encoding. It reports
// the read's wall time over the network floor; `make bench` measures the
// same through terraform plan.
func BenchmarkReadConversations(b *testing.B) {
	for _, n := range []int{1000, 20000, 100000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) { benchmarkRead(b, n) })
	}
}

func benchmarkRead(b *testing.B, n int) {
	const latency = 20 * time.Millisecond
	srv, err := emulator.New(emulator.Generate(emulator.GenerateOptions{Seed: 42, Conversations: n, ParticipantsPerConversation: 2}),
		emulator.Options{Faults: emulator.Faults{Latency: latency}})
	if err != nil {
		b.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	b.Cleanup(hs.Close)
	c, err := client.New(client.Config{Username: emulator.DefaultUsername, Password: emulator.DefaultPassword, BaseURL: hs.URL})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	ds := &conversationsDataSource{configured{client: c}}
	config := configOf(ds, nil)

	start := srv.RequestCount()
	b.ReportAllocs()
	for b.Loop() {
		if _, diags := ds.ReadState(ctx, config); diags.HasError() {
			b.Fatal(diags)
		}
	}
	floor := time.Duration(srv.RequestCount()-start) * latency
	b.ReportMetric(float64(b.Elapsed())/float64(floor), "wall/floor")
}

// conversationsPage is one full page (1,000 conversations with two
// participants each) as the emulator serves it, decoded.
func conversationsPage(b *testing.B) []client.Conversation {
	b.Helper()
	srv, err := emulator.New(emulator.Generate(emulator.GenerateOptions{Seed: 42, Conversations: client.MaxPageSizeV2, ParticipantsPerConversation: 2}), emulator.Options{})
	if err != nil {
		b.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "/v2/Conversations?pageSize=1000", nil)
	req.SetBasicAuth(emulator.DefaultUsername, emulator.DefaultPassword)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	var page struct {
		Conversations []client.Conversation `json:"conversations"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil || len(page.Conversations) != client.MaxPageSizeV2 {
		b.Fatalf("page of %d conversations: %v", len(page.Conversations), err)
	}
	return page.Conversations
}

// BenchmarkWriteConversationsPage is the cost of encoding one full page
// into the state, the work the provider does while the next page is on its
// way.
func BenchmarkWriteConversationsPage(b *testing.B) {
	page := conversationsPage(b)
	w := newStateWriter()
	b.ReportAllocs()
	for b.Loop() {
		w.buf.Reset()
		for i := range page {
			conversationType.write(w, &page[i])
		}
	}
	b.ReportMetric(float64(w.buf.Len())/float64(len(page)), "state-bytes/item")
}
