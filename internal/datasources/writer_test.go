package datasources

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// readItems reads the items of body, a JSON list as a page holds it,
// through the read of data source ds, with the writer of of.
func readItems[T any](t *testing.T, ds StateReader, listAttr, countsAttr string, countBy func(*T) *string, of *apiType[T], body string) (map[string]tftypes.Value, []tftypes.Value, diag.Diagnostics) {
	t.Helper()
	var items []T
	if err := json.Unmarshal([]byte(body), &items, jsontext.AllowInvalidUTF8(true)); err != nil {
		t.Fatal(err)
	}
	config := configOf(ds, nil)
	state, diags := readList(context.Background(), config, listRead[T]{
		typeName: "test", listAttr: listAttr, countsAttr: countsAttr, id: "the-id",
		list: func(_ context.Context, _ client.ListOptions, fn func([]T) error) (client.Stats, error) {
			return client.Stats{Requests: 1, Items: len(items)}, fn(items)
		},
		item: of.write, countBy: countBy,
	})
	if diags.HasError() {
		return nil, nil, diags
	}
	attrs := decodeState(t, config, state)
	var written []tftypes.Value
	if err := attrs[listAttr].As(&written); err != nil {
		t.Fatal(err)
	}
	return attrs, written, diags
}

func attr(t *testing.T, item tftypes.Value, path ...string) tftypes.Value {
	t.Helper()
	for _, name := range path {
		var m map[string]tftypes.Value
		if err := item.As(&m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		item = m[name]
	}
	return item
}

func warnings(diags diag.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags.Warnings() {
		b.WriteString(d.Summary() + ": " + d.Detail() + "\n")
	}
	return b.String()
}

// Values Twilio may send but a Terraform attribute cannot hold as sent are
// stored as faithfully as the attribute allows, each with a warning that
// names the item and the attribute; the read never fails for them.
func TestWriterWarnings(t *testing.T) {
	t.Run("v1 JSON text and links", func(t *testing.T) {
		deep := strings.Repeat("[", 70) + strings.Repeat("]", 70)
		_, items, diags := readItems(t, NewUserConversationsDataSource().(StateReader), "conversations", "counts_by_state",
			func(c *client.UserConversation) *string { return c.ConversationState }, userConversationType,
			`[{"conversation_sid":"CH1","attributes":"{\"a\": 1","links":{"participant":"https://p","odd":42,"gone":null}},
			  {"conversation_sid":"CH2","attributes":"`+deep+`"},
			  {"conversation_sid":"CH3","attributes":"{}"}]`)
		if diags.HasError() {
			t.Fatal(diags)
		}
		if len(items) != 3 {
			t.Fatalf("%d items stored, want 3", len(items))
		}
		for i, want := range []bool{true, true, false} {
			if got := attr(t, items[i], "attributes").IsNull(); got != want {
				t.Errorf("item %d: attributes null is %v, want %v", i, got, want)
			}
		}
		var odd, participant string
		_ = attr(t, items[0], "links", "odd").As(&odd)
		_ = attr(t, items[0], "links", "participant").As(&participant)
		if odd != "42" || participant != "https://p" || !attr(t, items[0], "links", "gone").IsNull() {
			t.Errorf("links: odd %q, participant %q", odd, participant)
		}
		w := warnings(diags)
		for _, want := range []string{
			`attributes of conversation "CH1" is not JSON text, so it is stored as null: "{\"a\": 1"`,
			`attributes of conversation "CH2" nests arrays and objects 70 levels deep`,
			`links["odd"] of conversation "CH1" is "42", not a string`,
		} {
			if !strings.Contains(w, want) {
				t.Errorf("no warning %q in:\n%s", want, w)
			}
		}
	})
	t.Run("NFC keys and counts", func(t *testing.T) {
		// "é" as one code point, and as "e" and a combining accent.
		composed, decomposed := "\u00e9", "e\u0301"
		attrs, items, diags := readItems(t, NewConversationsDataSource().(StateReader), "conversations", "counts_by_status",
			func(c *client.Conversation) *string { return c.Status }, conversationType,
			`[{"id":"c1","status":"`+composed+`","metadata":{"`+composed+`":"one","`+decomposed+`":"two","x":"3"}},
			  {"id":"c2","status":"`+decomposed+`"},
			  {"id":"c3","status":"ACTIVE"}]`)
		if diags.HasError() {
			t.Fatal(diags)
		}
		var counts map[string]tftypes.Value
		if err := attrs["counts_by_status"].As(&counts); err != nil {
			t.Fatal(err)
		}
		var n, total int64
		for k, v := range counts {
			f := new(big.Float)
			if err := v.As(&f); err != nil {
				t.Fatal(err)
			}
			i, _ := f.Int64()
			total += i
			if k == composed {
				n = i
			}
		}
		if len(counts) != 2 || n != 2 || total != 3 {
			t.Errorf("counts %v: want %s: 2 and ACTIVE: 1, adding up to total", counts, composed)
		}
		var metadata map[string]tftypes.Value
		if err := attr(t, items[0], "metadata").As(&metadata); err != nil {
			t.Fatal(err)
		}
		if len(metadata) != 2 {
			t.Errorf("metadata %v: want the first of the colliding keys and x", metadata)
		}
		if w := warnings(diags); !strings.Contains(w, `metadata of conversation "c1" has the keys "e\u0301" and "\u00e9", which are the same text in Unicode NFC`) {
			t.Errorf("no warning naming both keys in:\n%s", w)
		}
	})
	t.Run("invalid UTF-8 in JSON text", func(t *testing.T) {
		_, items, diags := readItems(t, NewConversationsDataSource().(StateReader), "conversations", "counts_by_status",
			func(c *client.Conversation) *string { return c.Status }, conversationType,
			"[{\"id\":\"c1\",\"configuration\":{\"channelSettings\":{\"SMS\":\"a\xffb\"}}}]")
		if diags.HasError() {
			t.Fatal(diags)
		}
		var settings string
		if err := attr(t, items[0], "configuration", "channel_settings").As(&settings); err != nil {
			t.Fatal(err)
		}
		if settings != "{\"SMS\":\"a\uFFFDb\"}" {
			t.Errorf("channel_settings %q: invalid UTF-8 must become U+FFFD as in every other string", settings)
		}
	})
	t.Run("null ids stay null", func(t *testing.T) {
		_, items, diags := readItems(t, NewConversationsDataSource().(StateReader), "conversations", "counts_by_status",
			func(c *client.Conversation) *string { return c.Status }, conversationType,
			`[{"id":null,"participants":[{"name":"p"}]},{}]`)
		if diags.HasError() {
			t.Fatal(diags)
		}
		for i, it := range items {
			if !attr(t, it, "id").IsNull() {
				t.Errorf("item %d: a null or missing id is stored as %v", i, attr(t, it, "id"))
			}
		}
	})
	t.Run("warnings are bounded", func(t *testing.T) {
		body := "["
		for i := range 25 {
			if i > 0 {
				body += ","
			}
			body += `{"conversation_sid":"CH` + string(rune('a'+i)) + `","attributes":"nope"}`
		}
		_, _, diags := readItems(t, NewUserConversationsDataSource().(StateReader), "conversations", "counts_by_state",
			func(c *client.UserConversation) *string { return c.ConversationState }, userConversationType, body+"]")
		if n := len(diags.Warnings()); n != maxWarnings {
			t.Fatalf("%d warnings, want %d", n, maxWarnings)
		}
		if last := diags.Warnings()[maxWarnings-1].Detail(); !strings.Contains(last, "15 more values were stored with warnings") {
			t.Errorf("the last warning does not count the rest: %s", last)
		}
	})
}

// Timestamps Terraform's functions cannot read are errors naming the item
// and attribute, as any other timestamp that is not RFC 3339.
func TestTimestampsTerraformCannotRead(t *testing.T) {
	for _, ts := range []string{"2025-01-06T09:00:00,5Z", "2025-01-06 09:00:00Z", "2025-01-06T09:00:00", "2025-13-06T09:00:00Z"} {
		_, _, diags := readItems(t, NewConversationsDataSource().(StateReader), "conversations", "counts_by_status",
			func(c *client.Conversation) *string { return c.Status }, conversationType,
			`[{"id":"c1","createdAt":"`+ts+`"}]`)
		if !diags.HasError() || !strings.Contains(diags.Errors()[0].Detail(), `created_at of conversation "c1" is "`+ts+`", which is not an RFC 3339 timestamp`) {
			t.Errorf("%s: %v", ts, diags)
		}
	}
	for _, ts := range []string{"2025-01-06T09:00:00Z", "2025-01-06T09:00:00.123+02:00", "2023-05-04T09:42:00+00:00"} {
		if _, _, diags := readItems(t, NewConversationsDataSource().(StateReader), "conversations", "counts_by_status",
			func(c *client.Conversation) *string { return c.Status }, conversationType,
			`[{"id":"c1","createdAt":"`+ts+`"}]`); diags.HasError() {
			t.Errorf("%s: %v", ts, diags)
		}
	}
}
