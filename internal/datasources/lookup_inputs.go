package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
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
