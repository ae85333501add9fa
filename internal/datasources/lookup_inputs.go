package datasources

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// computedID is the id of a single lookup whose input is not called id (a
// SID, a SID or an address, or nothing at all for an account's singleton).
func computedID(desc string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
}

// lookupInputs reads a single lookup's string inputs, by name ("" when
// null), and its
// timeouts: id for most, sid or sid_or_address for others, none for an
// account's singleton. The other attributes are the object's, which the
// state writer writes.
func lookupInputs(ctx context.Context, config tfsdk.Config, names ...string) (map[string]string, timeouts.Value, diag.Diagnostics) {
	var t timeouts.Value
	diags := config.GetAttribute(ctx, path.Root("timeouts"), &t)
	values := make(map[string]string, len(names))
	for _, name := range names {
		var v types.String
		diags.Append(config.GetAttribute(ctx, path.Root(name), &v)...)
		values[name] = v.ValueString() // null is ""
	}
	return values, t, diags
}

var (
	_ datasource.DataSourceWithConfigure = (*singletonV1[client.AccountConfiguration])(nil)
	_ StateReader                        = (*singletonV1[client.AccountConfiguration])(nil)
)

// singletonV1 reads an object the account has exactly one of, such as its
// Conversations configuration: it takes no input but timeouts, and its id
// is always id.
type singletonV1[T any] struct {
	configured
	typeName    string // such as twilio_configuration_v1
	id          string
	description string
	typ         *apiType[T]
	get         func(*client.Client, context.Context) (*T, error)
}

func (d *singletonV1[T]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + strings.TrimPrefix(d.typeName, "twilio")
}

func (d *singletonV1[T]) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := d.typ.attributes()
	attrs["id"] = computedID("Always `" + d.id + "`: the account has one.")
	attrs["timeouts"] = timeoutsAttribute(ctx)
	resp.Schema = schema.Schema{MarkdownDescription: d.description, Attributes: attrs}
}

func (d *singletonV1[T]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *singletonV1[T]) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	_, t, diags := lookupInputs(ctx, config)
	if diags.HasError() {
		return nil, diags
	}
	return readOne(ctx, config, oneRead[T]{
		typeName: d.typeName, timeouts: t,
		get: func(ctx context.Context) (*T, error) { return d.get(d.client, ctx) },
		fields: func(w *stateWriter, it *T) {
			w.strValue("id", d.id)
			d.typ.writeFields(w, it, d.typ.ref(it))
		},
	})
}
