package datasources

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// setState must leave the configuration as Terraform sent it: the
// framework compares the two afterwards, and a configuration that suddenly
// holds the whole result makes that comparison walk every item.
func TestSetStateLeavesConfigurationAlone(t *testing.T) {
	ctx := context.Background()
	config := configOf(NewParticipantsDataSource(), map[string]tftypes.Value{
		"conversation_id": tftypes.NewValue(tftypes.String, "conv_conversation_1"),
	})
	before := config.Raw.Copy()

	state := tfsdk.State{Schema: config.Schema}
	if diags := setState(ctx, config, &state, "participants?conversation_id=conv_conversation_1", "participants", nil); diags.HasError() {
		t.Fatal(diags)
	}
	if !config.Raw.Equal(before) {
		t.Error("setState changed the configuration")
	}
	var got map[string]tftypes.Value
	if err := state.Raw.As(&got); err != nil {
		t.Fatal(err)
	}
	var list []tftypes.Value
	if err := got["participants"].As(&list); err != nil || list == nil || len(list) != 0 {
		t.Errorf("no results must be an empty list, got %v (%v)", got["participants"], err)
	}
	if !got["conversation_id"].Equal(tftypes.NewValue(tftypes.String, "conv_conversation_1")) {
		t.Error("an input was not copied into state")
	}
}

// configOf is a configuration of ds that sets the attributes in set and
// leaves the others null, as Terraform sends it.
func configOf(ds datasource.DataSource, set map[string]tftypes.Value) tfsdk.Config {
	ctx := context.Background()
	var sr datasource.SchemaResponse
	ds.Schema(ctx, datasource.SchemaRequest{}, &sr)
	typ := asObject(sr.Schema.Type().TerraformType(ctx))
	inputs := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		inputs[name] = tftypes.NewValue(at, nil)
	}
	for name, v := range set {
		inputs[name] = v
	}
	return tfsdk.Config{Schema: sr.Schema, Raw: tftypes.NewValue(typ, inputs)}
}

// participantsRead is a ReadRequest and ReadResponse of twilio_participants
// with a configuration of conversation_id only; state starts as the
// configuration, as the framework hands it to Read.
func participantsRead() (datasource.ReadRequest, *datasource.ReadResponse) {
	config := configOf(NewParticipantsDataSource(), map[string]tftypes.Value{
		"conversation_id": tftypes.NewValue(tftypes.String, "conv_conversation_1"),
	})
	return datasource.ReadRequest{Config: config},
		&datasource.ReadResponse{State: tfsdk.State{Schema: config.Schema, Raw: config.Raw.Copy()}}
}

// pagesOf is a list function that hands out pages of participants p0, p1,
// … in order, and counts the pages it handed out.
func pagesOf(pages, perPage int, created func(i int) string, handed *int) func(fn func([]client.Participant) error) (client.Stats, error) {
	return func(fn func([]client.Participant) error) (client.Stats, error) {
		var st client.Stats
		for p := 0; p < pages; p++ {
			page := make([]client.Participant, perPage)
			for j := range page {
				i := p*perPage + j
				ts := created(i)
				page[j] = client.Participant{ID: fmt.Sprintf("p%d", i), CreatedAt: &ts}
			}
			*handed++
			st.Requests++
			st.Items += len(page)
			if err := fn(page); err != nil {
				return st, err
			}
		}
		return st, nil
	}
}

// Pages larger than a chunk are mapped on several goroutines at once; the
// state must still hold every item in the API's order.
func TestReadListKeepsOrderAcrossChunksAndPages(t *testing.T) {
	req, resp := participantsRead()
	const pages, perPage = 4, 2*mapChunk + 100 // three chunks per page, the last one short
	handed := 0
	list := pagesOf(pages, perPage, func(int) string { return "2025-01-06T09:00:00Z" }, &handed)
	readList(context.Background(), req, resp, "twilio_participants", "participants", "id", "", list, participantValue)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	var state map[string]tftypes.Value
	var items []tftypes.Value
	if err := resp.State.Raw.As(&state); err != nil {
		t.Fatal(err)
	}
	if err := state["participants"].As(&items); err != nil {
		t.Fatal(err)
	}
	if len(items) != pages*perPage {
		t.Fatalf("%d items in state, want %d", len(items), pages*perPage)
	}
	for i, v := range items {
		var attrs map[string]tftypes.Value
		var id string
		if err := v.As(&attrs); err != nil {
			t.Fatal(err)
		}
		if err := attrs["id"].As(&id); err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("p%d", i); id != want {
			t.Fatalf("item %d is %s, want %s", i, id, want)
		}
	}
}

// An item that cannot be mapped stops the listing within a few chunks and
// leaves state as it was, with the error of that item only.
func TestReadListMappingErrorStopsAndLeavesStateAlone(t *testing.T) {
	req, resp := participantsRead()
	before := resp.State.Raw.Copy()
	const pages, perPage, bad = 40, mapChunk, mapChunk + 7 // the bad item is on page 2
	handed := 0
	list := pagesOf(pages, perPage, func(i int) string {
		if i == bad {
			return "yesterday"
		}
		return "2025-01-06T09:00:00Z"
	}, &handed)
	readList(context.Background(), req, resp, "twilio_participants", "participants", "id", "", list, participantValue)
	if got := resp.Diagnostics.ErrorsCount(); got != 1 {
		t.Fatalf("%d errors, want the bad item's only: %v", got, resp.Diagnostics)
	}
	if d := resp.Diagnostics.Errors()[0].Detail(); !strings.Contains(d, fmt.Sprintf(`participant "p%d" is "yesterday"`, bad)) {
		t.Errorf("error does not name the item: %s", d)
	}
	if !resp.State.Raw.Equal(before) {
		t.Error("a failed read changed state")
	}
	// A chunk waits for the one mapWorkers before it, and none starts once
	// one has failed: the page whose chunk waited on the bad one is the last
	// handed out.
	if most := 2 + mapWorkers; handed > most {
		t.Errorf("%d pages handed out after a mapping error on page 2; want at most %d", handed, most)
	}
}

// A recurring string is built once per chunk and shared; sharing is bounded
// and never changes what a value holds.
func TestRecurringStringsAreSharedAndBounded(t *testing.T) {
	var m mapper
	if v := m.recurring(nil); !v.Equal(nullString) {
		t.Errorf("absent string is %s, want null", v)
	}
	for i := range maxShared + 100 {
		s := fmt.Sprintf("value-%d", i%(maxShared+50))
		if v, want := m.recurring(&s), tfString(s); !v.Equal(want) {
			t.Fatalf("recurring(%q) = %s, want %s", s, v, want)
		}
	}
	if len(m.shared) != maxShared {
		t.Errorf("%d values shared, want the bound %d", len(m.shared), maxShared)
	}
	if got := m.recurringMap(map[string]string{"a": "x", "b": "x"}); !got.Equal(tftypes.NewValue(stringMapType, map[string]tftypes.Value{"a": tfString("x"), "b": tfString("x")})) {
		t.Errorf("map of recurring strings: %s", got)
	}
	if got := m.recurringList([]string{"x", "y", "x"}); !got.Equal(tftypes.NewValue(stringListType, []tftypes.Value{tfString("x"), tfString("y"), tfString("x")})) {
		t.Errorf("list of recurring strings: %s", got)
	}
	if got := m.recurringList(nil); !got.IsNull() {
		t.Errorf("absent list is %s, want null", got)
	}
}
