package datasources

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"time"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/vmihailenco/msgpack/v5"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// A data source's read writes its state straight into the bytes Terraform
// receives: the msgpack encoding of tfprotov6.DynamicValue, the same
// encoding tftypes writes. Items are encoded page by page as they arrive,
// so the state never exists as a tree of values. Two doors lead to the one
// read: the provider's own ReadDataSource returns the bytes as they are,
// and the framework's Read (readThroughState) decodes them into its state.

// StateReader is a data source that writes its state as Terraform's msgpack.
type StateReader interface {
	datasource.DataSource
	// ReadState reads what config asks for and returns the whole state,
	// or diagnostics that say why there is none.
	ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics)
}

// readThroughState is the framework's door to a StateReader's read.
func readThroughState(ctx context.Context, d StateReader, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	state, diags := d.ReadState(ctx, req.Config)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	v, err := (&tfprotov6.DynamicValue{MsgPack: state}).Unmarshal(resp.State.Schema.Type().TerraformType(ctx))
	if err != nil {
		resp.Diagnostics.AddError("Provider bug: state does not match the schema", err.Error())
		return
	}
	resp.State.Raw = v
}

// stateWriter encodes values into a state. Mapping an item cannot fail
// halfway through its bytes: a value that cannot be stored (a timestamp
// that is not RFC 3339) is written as null and recorded in err, and the
// read stops after the page.
//
// Each page is written into buf and then cut off into a chunk of its own
// size; join copies the chunks into the state once, at the end. Memory so
// peaks at twice the state, where one growing buffer would peak at three
// times (the old and the new buffer while it doubles).
type stateWriter struct {
	buf    bytes.Buffer
	chunks [][]byte
	enc    *msgpack.Encoder
	err    *valueError
}

// valueError is a value from Twilio that the state cannot hold.
type valueError struct{ summary, detail string }

func newStateWriter() *stateWriter {
	w := &stateWriter{}
	w.enc = msgpack.NewEncoder(&w.buf)
	return w
}

// cut moves what was written since the last cut into a chunk.
func (w *stateWriter) cut() {
	w.chunks = append(w.chunks, bytes.Clone(w.buf.Bytes()))
	w.buf.Reset()
}

// join is everything written, in one slice.
func (w *stateWriter) join() []byte {
	w.cut()
	n := 0
	for _, c := range w.chunks {
		n += len(c)
	}
	out := make([]byte, 0, n)
	for _, c := range w.chunks {
		out = append(out, c...)
	}
	w.chunks = nil
	return out
}

// Writing to a bytes.Buffer cannot fail, so the encoder's errors are not
// checked; a buffer too large for memory panics in bytes.Buffer itself.

// object starts an object of n attributes; its attributes follow, each
// written by one of the methods below, in the order of their names.
func (w *stateWriter) object(n int) { _ = w.enc.EncodeMapLen(n) }

func (w *stateWriter) key(name string) { _ = w.enc.EncodeString(name) }

// str writes a string attribute; nil is null.
func (w *stateWriter) str(name string, v *string) {
	w.key(name)
	w.value(v)
}

// strValue writes a string attribute that is never null.
func (w *stateWriter) strValue(name, v string) {
	w.key(name)
	_ = w.enc.EncodeString(v)
}

func (w *stateWriter) int(name string, v *int64) {
	w.key(name)
	if v == nil {
		_ = w.enc.EncodeNil()
		return
	}
	_ = w.enc.EncodeInt(*v)
}

func (w *stateWriter) bool(name string, v *bool) {
	w.key(name)
	if v == nil {
		_ = w.enc.EncodeNil()
		return
	}
	_ = w.enc.EncodeBool(*v)
}

// time writes an RFC 3339 timestamp of the item kind id. Anything else
// cannot be held by a timetypes.RFC3339 attribute: it is an error naming
// the item and attribute.
func (w *stateWriter) time(name string, v *string, kind, id string) {
	if v != nil {
		if _, err := time.Parse(time.RFC3339, *v); err != nil {
			w.fail("Unexpected timestamp from Twilio", fmt.Sprintf("%s of %s %q is %q, which is not an RFC 3339 timestamp: %v", name, kind, id, *v, err))
			v = nil
		}
	}
	w.str(name, v)
}

// maxJSONDepth is the deepest nesting of arrays and objects that JSON text
// may have: Terraform takes minutes to render a plan of a value nested a
// thousand levels deep, and no Twilio setting nests more than a few.
const maxJSONDepth = 64

// json writes the JSON value raw, a field of the item kind id, as text:
// as the API sent it; absent or JSON null is null.
func (w *stateWriter) json(name string, raw jsontext.Value, kind, id string) {
	if len(raw) == 0 || string(raw) == "null" {
		w.str(name, nil)
		return
	}
	text := string(raw)
	w.jsonText(name, &text, kind, id)
}

// jsonText writes a field of the item kind id that holds JSON text, as
// the API sent it. Text that is not JSON, or nests deeper than
// maxJSONDepth, cannot be stored in a jsontypes.Normalized attribute: it
// is an error naming the item and attribute.
func (w *stateWriter) jsonText(name string, v *string, kind, id string) {
	if v != nil {
		switch {
		case !json.Valid([]byte(*v)):
			w.fail("Unexpected JSON from Twilio", fmt.Sprintf("%s of %s %q is not JSON text: %s", name, kind, id, excerpt(*v)))
			v = nil
		case jsonDepth(*v) > maxJSONDepth:
			w.fail("Unexpected JSON from Twilio", fmt.Sprintf("%s of %s %q nests arrays and objects %d levels deep; the provider stores at most %d.", name, kind, id, jsonDepth(*v), maxJSONDepth))
			v = nil
		}
	}
	w.str(name, v)
}

// jsonDepth is how deep valid JSON text nests arrays and objects.
func jsonDepth(text string) int {
	depth, deepest, inString, escaped := 0, 0, false, false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case inString && escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			depth++
			deepest = max(deepest, depth)
		case c == ']' || c == '}':
			depth--
		}
	}
	return deepest
}

// excerpt is the start of s, for a message.
func excerpt(s string) string {
	if len(s) > 60 {
		return strconv.Quote(s[:60]) + "…"
	}
	return strconv.Quote(s)
}

// null writes a null value, such as a null element of a list.
func (w *stateWriter) null() { _ = w.enc.EncodeNil() }

// strList writes a list of strings; nil is null, empty is empty, and so
// is each element.
func (w *stateWriter) strList(name string, vs []*string) {
	if w.list(name, len(vs), vs == nil) {
		for _, v := range vs {
			w.value(v)
		}
	}
}

// value writes a string value; nil is null.
func (w *stateWriter) value(v *string) {
	if v == nil {
		_ = w.enc.EncodeNil()
		return
	}
	_ = w.enc.EncodeString(*v)
}

// intMap writes a map of numbers as its value, keys sorted.
func (w *stateWriter) intMap(m map[string]int64) {
	_ = w.enc.EncodeMapLen(len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		_ = w.enc.EncodeString(k)
		_ = w.enc.EncodeInt(m[k])
	}
}

// strMap writes a map of strings, keys sorted so that equal maps give
// equal bytes; nil is null, and so is each nil element.
func (w *stateWriter) strMap(name string, m map[string]*string) {
	w.key(name)
	if m == nil {
		_ = w.enc.EncodeNil()
		return
	}
	_ = w.enc.EncodeMapLen(len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		_ = w.enc.EncodeString(k)
		w.value(m[k])
	}
}

// nested starts nested object attribute name of n attributes, and says
// whether to write them: an absent object is null.
func (w *stateWriter) nested(name string, present bool, n int) bool {
	w.key(name)
	if !present {
		_ = w.enc.EncodeNil()
		return false
	}
	w.object(n)
	return true
}

// list starts list attribute name of n elements, and says whether to
// write them: a nil list is null.
func (w *stateWriter) list(name string, n int, isNil bool) bool {
	w.key(name)
	if isNil {
		_ = w.enc.EncodeNil()
		return false
	}
	_ = w.enc.EncodeArrayLen(n)
	return true
}

// raw writes attribute name of type t with value v, as tftypes encodes it:
// the inputs of a read are stored exactly as configured.
func (w *stateWriter) raw(name string, t tftypes.Type, v tftypes.Value) error {
	b, err := v.MarshalMsgPack(t) //nolint:staticcheck // the documented way to encode a DynamicValue
	if err != nil {
		return fmt.Errorf("encoding %s: %w", name, err)
	}
	w.key(name)
	w.buf.Write(b)
	return nil
}

// fail records the first value that cannot be stored.
func (w *stateWriter) fail(summary, detail string) {
	if w.err == nil {
		w.err = &valueError{summary, detail}
	}
}

// Errors that stop a listing early: an item that cannot be stored (the
// reason is in the writer's err), and max_items matching items read.
var (
	errMapping = errors.New("an item could not be mapped")
	errEnough  = errors.New("max_items items were read")
)

// listRead is what a list data source's read is made of.
type listRead[T any] struct {
	typeName   string // such as twilio_conversations, for messages
	listAttr   string // the attribute that holds the items
	countsAttr string // the attribute that counts them by value, or ""
	id         string // the lookup's id, derived from its inputs
	notFound   string // what a 404 did not find ("conversation \"conv_…\""), or ""
	inputs     listInputs
	// list reads every page, or the first MaxItems items, handing each
	// page to fn.
	list func(ctx context.Context, opts client.ListOptions, fn func([]T) error) (client.Stats, error)
	// item writes one item: an object of the list's element type.
	item func(*stateWriter, *T)
	// keep is the filter applied by the provider; nil keeps every item.
	keep func(*T) bool
	// countBy is the value an item is counted under in countsAttr.
	countBy func(*T) *string
}

// readList writes a list data source's state: every input as configured,
// the computed id, the matching items, encoded page by page while the
// client fetches the next page, and their counts. The list's length is
// known only at the end, so its header is written with room for any length
// and filled in then. Any failure returns no state at all: a result is
// complete or it is an error.
func readList[T any](ctx context.Context, config tfsdk.Config, r listRead[T]) ([]byte, diag.Diagnostics) {
	var diags diag.Diagnostics
	start := time.Now()
	attrs := map[string]tftypes.Value{}
	if err := config.Raw.As(&attrs); err != nil {
		diags.AddError("Unable to read configuration", err.Error())
		return nil, diags
	}
	t, ok := config.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		diags.AddError("Provider bug: schema type is not an object", config.Schema.Type().String())
		return nil, diags
	}
	timeout, d := r.inputs.Timeouts.Read(ctx, defaultReadTimeout)
	if diags.Append(d...); diags.HasError() {
		return nil, diags
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	w := newStateWriter()
	w.object(len(t.AttributeTypes))
	computed := []string{"id", r.listAttr, "total"}
	if r.countsAttr != "" {
		computed = append(computed, r.countsAttr)
	}
	names := make([]string, 0, len(t.AttributeTypes))
	for name := range t.AttributeTypes {
		if !slices.Contains(computed, name) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		if err := w.raw(name, t.AttributeTypes[name], attrs[name]); err != nil {
			diags.AddError("Unable to read configuration", err.Error())
			return nil, diags
		}
	}
	w.strValue("id", r.id)

	include := r.inputs.IncludeItems.IsNull() || r.inputs.IncludeItems.ValueBool()
	w.key(r.listAttr)
	header := w.buf.Len()
	if include {
		w.buf.Write([]byte{0xdd, 0, 0, 0, 0}) // array 32, length below
	} else {
		_ = w.enc.EncodeNil()
	}
	w.cut()

	maxItems := whole(r.inputs.MaxItems) // 0: every item
	opts := client.ListOptions{PageSize: whole(r.inputs.PageSize)}
	if r.keep == nil {
		// Every item matches: the client can stop at max_items itself.
		opts.MaxItems = maxItems
	}
	total := 0
	counts := map[string]int64{}
	st, err := r.list(ctx, opts, func(page []T) error {
		for i := range page {
			it := &page[i]
			if r.keep != nil && !r.keep(it) {
				continue
			}
			total++
			if r.countBy != nil {
				counts[deref(r.countBy(it))]++
			}
			if include {
				r.item(w, it)
			}
			if total == maxItems {
				break // total is never 0 here
			}
		}
		w.cut()
		switch {
		case w.err != nil:
			return errMapping
		case maxItems > 0 && total == maxItems:
			return errEnough
		}
		return nil
	})
	switch {
	case w.err != nil:
		diags.AddError(w.err.summary, w.err.detail+"\n\nNothing was stored: a partial result is never returned.")
		return nil, diags
	case errors.Is(err, errEnough):
	case err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded):
		diags.AddAttributeError(path.Root("timeouts").AtName("read"), "Twilio read timed out",
			fmt.Sprintf("Reading %s took longer than timeouts.read (%s): %d items in %d pages had been read when it ran out. Nothing was stored: a partial result is never returned.\n\n"+
				"Raise timeouts.read, or narrow the lookup (filters the API applies, or max_items).", r.typeName, describeTimeout(r.inputs.Timeouts, timeout), st.Items, st.Requests))
		return nil, diags
	case err != nil:
		addListError(&diags, r.typeName, err, r.notFound)
		return nil, diags
	}
	w.int("total", ptr(int64(total)))
	if r.countsAttr != "" {
		w.key(r.countsAttr)
		w.intMap(counts)
	}
	state := w.join()
	if include {
		binary.BigEndian.PutUint32(state[header+1:], uint32(total))
	}
	// The chunks are garbage now. Collecting them before the state is
	// copied once more (gRPC encodes the response into a buffer of its
	// own) lets that copy reuse their memory: the provider reading 100,000
	// conversations peaks at about 360 MiB instead of 490. A small state
	// is not worth a collection.
	if len(state) > 8<<20 {
		runtime.GC()
	}
	logRead(ctx, r.typeName, st, start)
	return state, nil
}

// oneRead is what a single lookup's read is made of.
type oneRead[T any] struct {
	typeName string // such as twilio_conversation, for messages
	notFound string // what a 404 did not find ("conversation \"conv_…\"")
	timeouts timeouts.Value
	get      func(ctx context.Context) (*T, error)
	// fields writes the object's attributes, every one but timeouts.
	fields func(*stateWriter, *T)
}

// readOne writes a single lookup's state: timeouts as configured and the
// object's attributes at the top level. A failure returns no state.
func readOne[T any](ctx context.Context, config tfsdk.Config, r oneRead[T]) ([]byte, diag.Diagnostics) {
	var diags diag.Diagnostics
	start := time.Now()
	t, ok := config.Schema.Type().TerraformType(ctx).(tftypes.Object)
	var configured tftypes.Value
	if ok {
		var attrs map[string]tftypes.Value
		if err := config.Raw.As(&attrs); err == nil {
			configured = attrs["timeouts"]
		}
	}
	timeout, d := r.timeouts.Read(ctx, defaultReadTimeout)
	if diags.Append(d...); diags.HasError() {
		return nil, diags
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	it, err := r.get(ctx)
	switch {
	case err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded):
		diags.AddAttributeError(path.Root("timeouts").AtName("read"), "Twilio read timed out",
			fmt.Sprintf("Reading %s took longer than timeouts.read (%s). Nothing was stored.\n\nRaise timeouts.read.", r.typeName, describeTimeout(r.timeouts, timeout)))
		return nil, diags
	case err != nil:
		addListError(&diags, r.typeName, err, r.notFound)
		return nil, diags
	}
	w := newStateWriter()
	w.object(len(t.AttributeTypes))
	if err := w.raw("timeouts", t.AttributeTypes["timeouts"], configured); err != nil {
		diags.AddError("Unable to read configuration", err.Error())
		return nil, diags
	}
	r.fields(w, it)
	if w.err != nil {
		diags.AddError(w.err.summary, w.err.detail+"\n\nNothing was stored.")
		return nil, diags
	}
	logRead(ctx, r.typeName, client.Stats{Requests: 1, Items: 1}, start)
	return w.join(), nil
}

// describeTimeout is how timeouts.read was set, for messages.
func describeTimeout(t timeouts.Value, d time.Duration) string {
	if v, ok := t.Attributes()["read"].(types.String); ok && !v.IsNull() && !v.IsUnknown() {
		return strconv.Quote(v.ValueString())
	}
	return shortDuration(d) + ", the default"
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func ptr[V any](v V) *V { return &v }
