package datasources

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// Items are mapped straight into terraform-plugin-go values, with types
// taken from the schema, instead of through models and the framework's
// reflection: for a large account, reflection costs more CPU and memory
// than everything else the provider does.

// asObject is t as an object type. The types come from the data sources'
// own schemas, so anything else is a bug in the provider.
func asObject(t tftypes.Type) tftypes.Object {
	o, ok := t.(tftypes.Object)
	if !ok {
		panic(fmt.Sprintf("provider bug: schema type %s is not an object", t))
	}
	return o
}

// attrType is the type of attribute name within object type t.
//
// Types are handed around as the tftypes.Type the schema's type already
// holds: converting a tftypes.Object or a primitive to that interface
// allocates, and mapping a large account builds millions of values.
func attrType(t tftypes.Type, name string) tftypes.Type {
	at, ok := asObject(t).AttributeTypes[name]
	if !ok {
		panic(fmt.Sprintf("provider bug: schema type %s has no attribute %q", t, name))
	}
	return at
}

// listElem is the element type of list attribute name within t.
func listElem(t tftypes.Type, name string) tftypes.Type {
	l, ok := attrType(t, name).(tftypes.List)
	if !ok {
		panic(fmt.Sprintf("provider bug: schema attribute %q is not a list", name))
	}
	return l.ElementType
}

var (
	stringType tftypes.Type = tftypes.String
	numberType tftypes.Type = tftypes.Number
	boolType   tftypes.Type = tftypes.Bool

	stringListType tftypes.Type = tftypes.List{ElementType: tftypes.String}
	stringMapType  tftypes.Type = tftypes.Map{ElementType: tftypes.String}

	nullString = tftypes.NewValue(stringType, nil)
	nullNumber = tftypes.NewValue(numberType, nil)
	nullBool   = tftypes.NewValue(boolType, nil)
)

func tfString(s string) tftypes.Value { return tftypes.NewValue(stringType, s) }

// tfStringPtr hands NewValue the pointer, which it dereferences itself:
// boxing a pointer costs no allocation, boxing a string does.
func tfStringPtr(p *string) tftypes.Value {
	if p == nil {
		return nullString
	}
	return tftypes.NewValue(stringType, p)
}

func tfInt64Ptr(p *int64) tftypes.Value {
	if p == nil {
		return nullNumber
	}
	return tftypes.NewValue(numberType, *p)
}

func tfBoolPtr(p *bool) tftypes.Value {
	if p == nil {
		return nullBool
	}
	return tftypes.NewValue(boolType, *p)
}

// tfJSON is JSON text; absent or JSON null becomes null.
func tfJSON(raw []byte) tftypes.Value {
	if len(raw) == 0 || string(raw) == "null" {
		return nullString
	}
	return tftypes.NewValue(stringType, string(raw))
}

// tfList is list attribute name of object type t; a nil slice is null, an
// empty one empty. The list type is taken as the schema holds it, so that
// no new type is built for every item.
func tfList(t tftypes.Type, name string, vals []tftypes.Value) tftypes.Value {
	lt := attrType(t, name)
	if vals == nil {
		return tftypes.NewValue(lt, nil)
	}
	return tftypes.NewValue(lt, vals)
}

// mapper maps the items of one chunk into state values, and collects the
// errors of those that cannot be mapped.
type mapper struct {
	diags diag.Diagnostics

	// shared holds the values of strings that recur from item to item:
	// a value is immutable, so each is built once per chunk, which saves
	// the two allocations of building it wherever it recurs.
	shared map[string]tftypes.Value
}

// maxShared bounds how many distinct values a chunk shares, should a field
// that usually recurs hold a different value in every item.
const maxShared = 512

// recurring is a string that usually recurs from item to item (an account,
// a state, a type, a channel, a configuration): it is built once per chunk.
// Anything unique to one item goes through tfStringPtr.
func (m *mapper) recurring(p *string) tftypes.Value {
	if p == nil {
		return nullString
	}
	if v, ok := m.shared[*p]; ok {
		return v
	}
	v := tftypes.NewValue(stringType, p)
	if len(m.shared) < maxShared {
		if m.shared == nil {
			m.shared = make(map[string]tftypes.Value)
		}
		m.shared[*p] = v
	}
	return v
}

// recurringList is a list of recurring strings; nil is null.
func (m *mapper) recurringList(ss []string) tftypes.Value {
	if ss == nil {
		return tftypes.NewValue(stringListType, nil)
	}
	vals := make([]tftypes.Value, len(ss))
	for i := range ss {
		vals[i] = m.recurring(&ss[i])
	}
	return tftypes.NewValue(stringListType, vals)
}

// recurringMap is a map of recurring strings; nil is null.
func (m *mapper) recurringMap(ss map[string]string) tftypes.Value {
	if ss == nil {
		return tftypes.NewValue(stringMapType, nil)
	}
	vals := make(map[string]tftypes.Value, len(ss))
	for k, v := range ss {
		vals[k] = m.recurring(&v)
	}
	return tftypes.NewValue(stringMapType, vals)
}

// time is an RFC 3339 timestamp; anything else is an error naming the item
// and attribute, as a timetypes.RFC3339 attribute cannot hold it.
func (m *mapper) time(p *string, kind, id, attr string) tftypes.Value {
	if p == nil {
		return nullString
	}
	if _, err := time.Parse(time.RFC3339, *p); err != nil {
		m.diags.AddError("Unexpected timestamp from Twilio",
			fmt.Sprintf("%s of %s %q is %q, which is not an RFC 3339 timestamp: %v", attr, kind, id, *p, err))
		return nullString
	}
	return tftypes.NewValue(stringType, p)
}

// setState writes the configuration's inputs, the computed id and the
// listed items into state.
func setState(ctx context.Context, config tfsdk.Config, state *tfsdk.State, id, listAttr string, items []tftypes.Value) diag.Diagnostics {
	var inputs map[string]tftypes.Value
	if err := config.Raw.As(&inputs); err != nil {
		var diags diag.Diagnostics
		diags.AddError("Unable to read configuration", err.Error())
		return diags
	}
	// As hands out the configuration's own map: copy it, so that the
	// configuration stays as Terraform sent it.
	attrs := make(map[string]tftypes.Value, len(inputs))
	for k, v := range inputs {
		attrs[k] = v
	}
	t := stateType(ctx, *state)
	if items == nil {
		items = []tftypes.Value{} // no results: an empty list, never null
	}
	attrs["id"] = tfString(id)
	attrs[listAttr] = tfList(t, listAttr, items)
	state.Raw = tftypes.NewValue(t, attrs)
	return nil
}

// stateType is the schema's object type, whose nested types the mapping
// functions use.
func stateType(ctx context.Context, s tfsdk.State) tftypes.Type {
	return asObject(s.Schema.Type().TerraformType(ctx))
}

// errMapping stops a listing whose items could not be mapped; the reason is
// already in the diagnostics.
var errMapping = errors.New("an item could not be mapped")

// readList is every data source's Read after its inputs are known: it lists
// all pages (or the first max_items items) through list, maps each item
// with item into the element type of listAttr, and writes the inputs, id
// and items into state. Any failure leaves state untouched: a result is
// complete or it is an error.
//
// Pages are mapped in chunks of up to mapChunk items, each on its own
// goroutine, while the client fetches and decodes the pages after them. A
// chunk starts only once the chunk mapWorkers before it is done, so that
// at most mapWorkers run at once and a mapping error stops the listing
// within mapWorkers chunks; the items keep the API's order.
func readList[T any](ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse,
	typeName, listAttr, id, notFound string,
	list func(fn func([]T) error) (client.Stats, error),
	item func(*mapper, tftypes.Type, T) tftypes.Value,
) {
	itemType := listElem(stateType(ctx, resp.State), listAttr)
	type mapped struct {
		items []tftypes.Value
		mapper
		done chan struct{}
	}
	var (
		chunks []*mapped
		failed atomic.Bool
	)
	start := time.Now()
	st, err := list(func(page []T) error {
		for chunk := range slices.Chunk(page, mapChunk) {
			if n := len(chunks); n >= mapWorkers {
				<-chunks[n-mapWorkers].done
			}
			if failed.Load() {
				return errMapping
			}
			m := &mapped{done: make(chan struct{})}
			chunks = append(chunks, m)
			go func() {
				defer close(m.done)
				m.items = make([]tftypes.Value, len(chunk))
				for i, v := range chunk {
					m.items[i] = item(&m.mapper, itemType, v)
				}
				m.shared = nil
				if m.diags.HasError() {
					failed.Store(true)
				}
			}()
		}
		return nil
	})
	for _, m := range chunks {
		<-m.done
	}
	n := 0
	for _, m := range chunks {
		resp.Diagnostics.Append(m.diags...)
		if m.diags.HasError() {
			return // the first chunk that could not be mapped says why
		}
		n += len(m.items)
	}
	if err != nil {
		if !errors.Is(err, errMapping) {
			addListError(&resp.Diagnostics, typeName, err, notFound)
		}
		return
	}
	items := make([]tftypes.Value, 0, n)
	for _, m := range chunks {
		items = append(items, m.items...)
	}
	resp.Diagnostics.Append(setState(ctx, req.Config, &resp.State, id, listAttr, items)...)
	logRead(ctx, typeName, st, start)
}

// mapWorkers is how many chunks are mapped at once: enough to keep the
// cores busy while the network is waited on, few enough that a mapping
// error stops the listing soon and that few pages wait in memory.
var mapWorkers = min(max(2, runtime.GOMAXPROCS(0)), 4)

// mapChunk is the most items one worker maps at a time, so that even a
// single page of 1,000 conversations is mapped on every core.
const mapChunk = 250
