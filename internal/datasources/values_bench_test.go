package datasources

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

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

// mapPage maps a page into state values as readList does: a mapper per
// chunk.
func mapPage(b *testing.B, itemType tftypes.Type, page []client.Conversation) []tftypes.Value {
	items := make([]tftypes.Value, 0, len(page))
	for chunk := range slices.Chunk(page, mapChunk) {
		var m mapper
		for _, c := range chunk {
			items = append(items, conversationValue(&m, itemType, c))
		}
		if m.diags.HasError() {
			b.Fatal(m.diags)
		}
	}
	return items
}

// BenchmarkMapConversationsPage is the cost of mapping one full page into
// state values; `make bench` measures the whole read, this isolates the
// mapping for profiling.
func BenchmarkMapConversationsPage(b *testing.B) {
	ctx := context.Background()
	var sr datasource.SchemaResponse
	NewConversationsDataSource().Schema(ctx, datasource.SchemaRequest{}, &sr)
	itemType := listElem(sr.Schema.Type().TerraformType(ctx), "conversations")
	page := conversationsPage(b)

	b.ReportAllocs()
	for b.Loop() {
		mapPage(b, itemType, page)
	}
}

// BenchmarkStateOfConversations is the part of a read that no overlap with
// the network can hide: once the last page is mapped, the state's list of
// all N items is built in one tftypes.NewValue, which checks every item's
// type against the schema's, on one core. Its cost grows with N as the
// network floor does, one page per request, so it bounds wall/floor from
// below whatever the size of the account: it reports
// min-wall/floor = 1 + (its time per page of items) / (20 ms per request).
func BenchmarkStateOfConversations(b *testing.B) {
	const (
		n       = 100 * client.MaxPageSizeV2
		latency = 20 * time.Millisecond
	)
	ds := &conversationsDataSource{}
	config := configOf(ds, nil)
	itemType := listElem(asObject(config.Raw.Type()), "conversations")
	page := mapPage(b, itemType, conversationsPage(b))
	items := make([]tftypes.Value, 0, n)
	for len(items) < n {
		items = append(items, page...) // values are immutable: sharing them is safe
	}
	ctx := context.Background()

	b.ReportAllocs()
	for b.Loop() {
		state := tfsdk.State(config) // the framework hands Read the configuration as state
		if diags := setState(ctx, config, &state, "conversations", "conversations", items); diags.HasError() {
			b.Fatal(diags)
		}
	}
	perPage := b.Elapsed() / time.Duration(b.N) / (n / client.MaxPageSizeV2)
	b.ReportMetric(1+float64(perPage)/float64(latency), "min-wall/floor")
}
