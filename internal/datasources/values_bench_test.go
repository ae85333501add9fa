package datasources

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/go-json-experiment/json"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// BenchmarkMapConversationsPage is the cost of mapping one full page (1,000
// conversations with two participants each) into state values; `make bench`
// measures the whole read, this isolates the mapping for profiling.
func BenchmarkMapConversationsPage(b *testing.B) {
	ctx := context.Background()
	var sr datasource.SchemaResponse
	NewConversationsDataSource().Schema(ctx, datasource.SchemaRequest{}, &sr)
	itemType := listElem(sr.Schema.Type().TerraformType(ctx), "conversations")

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

	b.ReportAllocs()
	for b.Loop() {
		items := make([]tftypes.Value, 0, len(page.Conversations))
		for chunk := range slices.Chunk(page.Conversations, mapChunk) {
			var m mapper // one per chunk, as in readList
			for _, c := range chunk {
				items = append(items, conversationValue(&m, itemType, c))
			}
			if m.diags.HasError() {
				b.Fatal(m.diags)
			}
		}
	}
}
