package datasources

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// configOf is a configuration of ds that sets the attributes in set and
// leaves the others null, as Terraform sends it.
func configOf(ds datasource.DataSource, set map[string]tftypes.Value) tfsdk.Config {
	ctx := context.Background()
	var sr datasource.SchemaResponse
	ds.Schema(ctx, datasource.SchemaRequest{}, &sr)
	typ := sr.Schema.Type().TerraformType(ctx).(tftypes.Object)
	inputs := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		inputs[name] = tftypes.NewValue(at, nil)
	}
	for name, v := range set {
		inputs[name] = v
	}
	return tfsdk.Config{Schema: sr.Schema, Raw: tftypes.NewValue(typ, inputs)}
}

// decodeState decodes a written state against the schema's own type, which
// refuses a missing or an extra attribute.
func decodeState(t testing.TB, config tfsdk.Config, state []byte) map[string]tftypes.Value {
	t.Helper()
	v, err := (&tfprotov6.DynamicValue{MsgPack: state}).Unmarshal(config.Schema.Type().TerraformType(context.Background()))
	if err != nil {
		t.Fatalf("state does not decode against the schema: %v", err)
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		t.Fatal(err)
	}
	return attrs
}

// pagesOf is a list function that hands out pages of participants p0, p1,
// … in order, and counts the pages it handed out.
func pagesOf(pages, perPage int, created func(i int) string, handed *int) func(context.Context, client.ListOptions, func([]client.Participant) error) (client.Stats, error) {
	return func(_ context.Context, _ client.ListOptions, fn func([]client.Participant) error) (client.Stats, error) {
		var st client.Stats
		for p := 0; p < pages; p++ {
			page := make([]client.Participant, perPage)
			for j := range page {
				i := p*perPage + j
				ts := created(i)
				page[j] = client.Participant{ID: ptr(fmt.Sprintf("p%d", i)), CreatedAt: &ts}
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

func participantsConfig() tfsdk.Config {
	return configOf(NewParticipantsDataSource(), map[string]tftypes.Value{
		"conversation_id": tftypes.NewValue(tftypes.String, "conv_conversation_1"),
		"page_size":       tftypes.NewValue(tftypes.Number, 7),
	})
}

func participantsRead(list func(context.Context, client.ListOptions, func([]client.Participant) error) (client.Stats, error)) listRead[client.Participant] {
	return listRead[client.Participant]{
		typeName: "twilio_participants", listAttr: "participants", countsAttr: "counts_by_type", id: "the-id",
		list: list, item: participantType.write, countBy: func(p *client.Participant) *string { return p.Type },
	}
}

// The state holds the inputs as configured, the id, and every item of
// every page in the API's order, with the list's length filled in at the
// end; no items is an empty list, never null.
func TestReadListWritesInputsAndEveryItemInOrder(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct{ pages, perPage int }{{4, 300}, {0, 0}} {
		t.Run(fmt.Sprintf("%dx%d", tc.pages, tc.perPage), func(t *testing.T) {
			config := participantsConfig()
			handed := 0
			state, diags := readList(ctx, config, participantsRead(pagesOf(tc.pages, tc.perPage, func(int) string { return "2025-01-06T09:00:00Z" }, &handed)))
			if diags.HasError() {
				t.Fatal(diags)
			}
			attrs := decodeState(t, config, state)
			var configured map[string]tftypes.Value
			_ = config.Raw.As(&configured)
			for _, name := range []string{"conversation_id", "page_size", "max_items"} {
				if !attrs[name].Equal(configured[name]) {
					t.Errorf("%s is %s in state, %s in the configuration", name, attrs[name], configured[name])
				}
			}
			if !attrs["id"].Equal(tftypes.NewValue(tftypes.String, "the-id")) {
				t.Errorf("id is %s", attrs["id"])
			}
			var items []tftypes.Value
			if err := attrs["participants"].As(&items); err != nil || items == nil {
				t.Fatalf("participants is %s (%v), want a list", attrs["participants"], err)
			}
			if len(items) != tc.pages*tc.perPage {
				t.Fatalf("%d items in state, want %d", len(items), tc.pages*tc.perPage)
			}
			for i, v := range items {
				var item map[string]tftypes.Value
				var id string
				if err := v.As(&item); err != nil {
					t.Fatal(err)
				}
				if err := item["id"].As(&id); err != nil {
					t.Fatal(err)
				}
				if want := fmt.Sprintf("p%d", i); id != want {
					t.Fatalf("item %d is %s, want %s", i, id, want)
				}
			}
		})
	}
}

// An item that cannot be stored stops the listing after its page and
// returns no state, with the error of that item only.
func TestReadListStopsAtAnItemThatCannotBeStored(t *testing.T) {
	const pages, perPage, bad = 40, 100, 100 + 7 // the bad item is on page 2
	handed := 0
	list := pagesOf(pages, perPage, func(i int) string {
		if i == bad {
			return "yesterday"
		}
		return "2025-01-06T09:00:00Z"
	}, &handed)
	state, diags := readList(context.Background(), participantsConfig(), participantsRead(list))
	if state != nil {
		t.Error("a failed read returned a state")
	}
	if got := diags.ErrorsCount(); got != 1 {
		t.Fatalf("%d errors, want the bad item's only: %v", got, diags)
	}
	if s, d := diags.Errors()[0].Summary(), diags.Errors()[0].Detail(); s != "Unexpected timestamp from Twilio" || !strings.Contains(d, fmt.Sprintf(`created_at of participant "p%d" is "yesterday"`, bad)) {
		t.Errorf("error does not name the item and attribute: %s: %s", s, d)
	}
	if handed != 2 {
		t.Errorf("%d pages handed out after a bad item on page 2; want 2", handed)
	}
}

// A listing error returns no state either, with the page that failed.
func TestReadListFailedPageStoresNothing(t *testing.T) {
	list := func(_ context.Context, _ client.ListOptions, fn func([]client.Participant) error) (client.Stats, error) {
		_ = fn([]client.Participant{{ID: ptr("p0")}})
		return client.Stats{Requests: 2, Items: 1}, &client.PageError{Page: 2, Path: "/v2/x", Err: fmt.Errorf("connection reset")}
	}
	state, diags := readList(context.Background(), participantsConfig(), participantsRead(list))
	if state != nil || !diags.HasError() {
		t.Fatalf("state %v, diagnostics %v", state, diags)
	}
	if d := diags.Errors()[0].Detail(); !strings.Contains(d, "page 2 of GET /v2/x: connection reset") || !strings.Contains(d, "Nothing was stored") {
		t.Errorf("detail: %s", d)
	}
}

func TestShortDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{20 * time.Minute: "20m", time.Hour: "1h", 90 * time.Second: "1m30s", 2*time.Hour + 5*time.Minute: "2h5m", 1500 * time.Millisecond: "1.5s"} {
		if got := shortDuration(d); got != want {
			t.Errorf("shortDuration(%s) = %q, want %q", d, got, want)
		}
	}
}

// A read before the provider is configured is an error, not a panic.
func TestReadBeforeConfigureIsAnError(t *testing.T) {
	for _, newDS := range All() {
		ds := newDS()
		config := configOf(ds, nil)
		resp := datasource.ReadResponse{State: tfsdk.State{Schema: config.Schema}}
		ds.Read(context.Background(), datasource.ReadRequest{Config: config}, &resp)
		if !resp.Diagnostics.HasError() || resp.Diagnostics.Errors()[0].Summary() != "Twilio provider not configured" {
			t.Errorf("%T: %v", ds, resp.Diagnostics)
		}
	}
}

// A 404 on the first page means the listed object does not exist; on a
// later page it exists, and the listing broke while it was read.
func TestNotFoundOnALaterPage(t *testing.T) {
	for _, tc := range []struct {
		page    int
		summary string
		detail  string
	}{
		{1, `Twilio conversation "conv_conversation_1" not found`, `conversation "conv_conversation_1" not found.`},
		{3, "Unable to read twilio_participants", "The first 2 pages were read, so what was looked up exists"},
	} {
		list := func(_ context.Context, _ client.ListOptions, fn func([]client.Participant) error) (client.Stats, error) {
			for range tc.page - 1 {
				_ = fn([]client.Participant{{ID: ptr("p")}})
			}
			return client.Stats{}, &client.PageError{Page: tc.page, Path: "/v2/x", Err: &client.Error{StatusCode: http.StatusNotFound, Code: 20404, Message: "Not found"}}
		}
		r := participantsRead(list)
		r.notFound = `conversation "conv_conversation_1"`
		_, diags := readList(context.Background(), participantsConfig(), r)
		if !diags.HasError() || diags.Errors()[0].Summary() != tc.summary || !strings.Contains(diags.Errors()[0].Detail(), tc.detail) {
			t.Errorf("page %d: %v", tc.page, diags)
		}
	}
}

// A read that timed out says how much it had read in full: none of the
// page it was waiting for.
func TestTimeoutCountsWhatWasRead(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	list := func(ctx context.Context, _ client.ListOptions, fn func([]client.Participant) error) (client.Stats, error) {
		<-ctx.Done()
		return client.Stats{Requests: 1}, &client.PageError{Page: 1, Path: "/v2/x", Err: ctx.Err()}
	}
	config := configOf(NewParticipantsDataSource(), map[string]tftypes.Value{
		"conversation_id": tftypes.NewValue(tftypes.String, "conv_conversation_1"),
		"timeouts":        tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{"read": tftypes.String}}, map[string]tftypes.Value{"read": tftypes.NewValue(tftypes.String, "10ms")}),
	})
	defer cancel()
	var m participantsModel
	if diags := config.Get(ctx, &m); diags.HasError() {
		t.Fatal(diags)
	}
	r := participantsRead(list)
	r.inputs = m.listInputs
	_, diags := readList(ctx, config, r)
	if !diags.HasError() || !strings.Contains(diags.Errors()[0].Detail(), "0 matching items in 0 pages had been read in full") {
		t.Errorf("%v", diags)
	}
}
