package datasources

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"golang.org/x/text/unicode/norm"

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
	if c, ok := d.(interface{ unconfigured() diag.Diagnostics }); ok {
		if resp.Diagnostics.Append(c.unconfigured()...); resp.Diagnostics.HasError() {
			return
		}
	}
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
	start := time.Now()
	attrs, t, diags := configAttributes(ctx, config)
	if diags.HasError() {
		return nil, diags
	}
	ctx, cancel, timeout, d := readDeadline(ctx, r.inputs.Timeouts)
	defer cancel()
	if diags.Append(d...); diags.HasError() {
		return nil, diags
	}

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
	total, pages := 0, 0
	counts := map[string]int64{}
	st, err := r.list(ctx, opts, func(page []T) error {
		pages++
		for i := range page {
			it := &page[i]
			if r.keep != nil && !r.keep(it) {
				continue
			}
			total++
			if r.countBy != nil {
				counts[countKey(r.countBy(it))]++
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
			fmt.Sprintf("Reading %s took longer than timeouts.read (%s): %s had been read in full when it ran out. Nothing was stored: a partial result is never returned.\n\n"+
				"Raise timeouts.read, or narrow the lookup (filters the API applies, or max_items).", r.typeName, timeout, progress(total, pages)))
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
	return state, w.diagnostics()
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
	start := time.Now()
	attrs, t, diags := configAttributes(ctx, config)
	if diags.HasError() {
		return nil, diags
	}
	ctx, cancel, timeout, d := readDeadline(ctx, r.timeouts)
	defer cancel()
	if diags.Append(d...); diags.HasError() {
		return nil, diags
	}
	it, err := r.get(ctx)
	switch {
	case err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded):
		diags.AddAttributeError(path.Root("timeouts").AtName("read"), "Twilio read timed out",
			fmt.Sprintf("Reading %s took longer than timeouts.read (%s). Nothing was stored.\n\nRaise timeouts.read.", r.typeName, timeout))
		return nil, diags
	case err != nil:
		addListError(&diags, r.typeName, err, r.notFound)
		return nil, diags
	}
	w := newStateWriter()
	w.object(len(t.AttributeTypes))
	if err := w.raw("timeouts", t.AttributeTypes["timeouts"], attrs["timeouts"]); err != nil {
		diags.AddError("Unable to read configuration", err.Error())
		return nil, diags
	}
	r.fields(w, it)
	if w.err != nil {
		diags.AddError(w.err.summary, w.err.detail+"\n\nNothing was stored.")
		return nil, diags
	}
	logRead(ctx, r.typeName, client.Stats{Requests: 1, Items: 1}, start)
	return w.join(), w.diagnostics()
}

// countKey is the key an item is counted under: its value in Unicode NFC,
// as Terraform keeps map keys, so that values that differ only in their
// normalisation are counted together and the counts add up to total.
func countKey(v *string) string {
	if v == nil {
		return ""
	}
	if isNFC(*v) {
		return *v
	}
	return norm.NFC.String(*v)
}

// progress says how much of a listing was read: items and pages.
func progress(items, pages int) string {
	return plural(items, "matching item") + " in " + plural(pages, "page")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// configAttributes is the configuration's attributes, and the schema's type.
func configAttributes(ctx context.Context, config tfsdk.Config) (map[string]tftypes.Value, tftypes.Object, diag.Diagnostics) {
	var diags diag.Diagnostics
	t, ok := config.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		diags.AddError("Provider bug: schema type is not an object", config.Schema.Type().String())
		return nil, t, diags
	}
	attrs := map[string]tftypes.Value{}
	if err := config.Raw.As(&attrs); err != nil {
		diags.AddError("Unable to read configuration", err.Error())
	}
	return attrs, t, diags
}

// readDeadline bounds ctx by timeouts.read, or by defaultReadTimeout when
// it is unset, and says how it was set, for messages.
func readDeadline(ctx context.Context, t timeouts.Value) (context.Context, context.CancelFunc, string, diag.Diagnostics) {
	d, diags := t.Read(ctx, defaultReadTimeout)
	ctx, cancel := context.WithTimeout(ctx, d)
	if v, ok := t.Attributes()["read"].(types.String); ok && !v.IsNull() && !v.IsUnknown() {
		return ctx, cancel, strconv.Quote(v.ValueString()), diags
	}
	return ctx, cancel, shortDuration(d) + ", the default", diags
}

// deref is *p, "" for nil.
func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func ptr[V any](v V) *V { return &v }
