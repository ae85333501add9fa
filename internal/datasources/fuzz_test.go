package datasources

import (
	"context"
	"testing"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// FuzzWriteConversations: whatever conversations Twilio sends, the state
// written from them decodes against the schema with every item in order,
// or the read fails with the writer's own error and stores nothing.
// `go test -fuzz=FuzzWriteConversations ./internal/datasources` explores.
func FuzzWriteConversations(f *testing.F) {
	for _, s := range []string{
		`[{"id":"conv_1","accountId":"AC1","configurationId":"cfg","status":"ACTIVE","name":"ünï","createdAt":"2025-01-06T09:00:00Z","updatedAt":"2025-01-06T09:00:00+02:00",` +
			`"metadata":{"b":"2","a":"1","":null},"configuration":{"displayName":"d","channelSettings":{"sms":{"statusTimeouts":{"inactive":5}}},` +
			`"statusCallbacks":[{"url":"u","method":"POST"},null],"intelligenceConfigurationIds":["i",null],"memoryExtractionEnabled":true,"conversationsV1Bridge":{"serviceId":"IS1"}},` +
			`"participants":[{"id":"p","addresses":[{"channel":"SMS","address":"+1"},null],"createdAt":"2025-01-06T09:00:00Z"},null]}]`,
		`[{"id":"c","metadata":{},"configuration":{"statusCallbacks":[],"intelligenceConfigurationIds":[],"channelSettings":{}},"participants":[]}]`,
		`[{"id":"c","name":null,"metadata":null,"configuration":null,"participants":null}]`,
		`[{"id":"c","createdAt":"yesterday"}]`,
		`[{"id":"c","configuration":{"channelSettings":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}]`,
		`[]`,
	} {
		f.Add([]byte(s))
	}
	ctx := context.Background()
	config := configOf(NewConversationsDataSource(), nil)
	f.Fuzz(func(t *testing.T, body []byte) {
		var items []client.Conversation
		if err := json.Unmarshal(body, &items, jsontext.AllowInvalidUTF8(true)); err != nil {
			return // the client refuses such a page before it is written
		}
		state, diags := readList(ctx, config, listRead[client.Conversation]{
			typeName: "twilio_conversations", listAttr: "conversations", countsAttr: "counts_by_status",
			id: "the-id",
			list: func(_ context.Context, _ client.ListOptions, fn func([]client.Conversation) error) (client.Stats, error) {
				return client.Stats{Requests: 1, Items: len(items)}, fn(items)
			},
			item:    conversationType.write,
			countBy: func(c *client.Conversation) *string { return c.Status },
		})
		if diags.HasError() {
			if state != nil {
				t.Fatal("a failed read returned state")
			}
			for _, d := range diags {
				if s := d.Summary(); s != "Unexpected timestamp from Twilio" && s != "Unexpected JSON from Twilio" {
					t.Fatalf("unexpected error: %s: %s", s, d.Detail())
				}
			}
			return
		}
		attrs := decodeState(t, config, state)
		var written []tftypes.Value
		if err := attrs["conversations"].As(&written); err != nil || len(written) != len(items) {
			t.Fatalf("%d of %d items written (%v)", len(written), len(items), err)
		}
		for i, v := range written {
			var item map[string]tftypes.Value
			var id *string
			if err := v.As(&item); err != nil {
				t.Fatal(err)
			}
			if err := item["id"].As(&id); err != nil || deref(id) != deref(items[i].ID) || (id == nil) != (items[i].ID == nil) {
				t.Fatalf("item %d has id %v, want %v (%v)", i, id, items[i].ID, err)
			}
		}
	})
}
