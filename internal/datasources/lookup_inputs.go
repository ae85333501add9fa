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

// Single lookups whose input is not called id (a SID, a SID or an
// address, or nothing at all for an account's singleton): their id is
// computed, and the input is written beside the object's attributes.

// computedID is the id of such a lookup.
func computedID(desc string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
}

// lookupInput reads the lookup's input name ("" for none) and its
// timeouts.
func lookupInput(ctx context.Context, config tfsdk.Config, name string) (string, timeouts.Value, diag.Diagnostics) {
	var in types.String
	var t timeouts.Value
	diags := config.GetAttribute(ctx, path.Root("timeouts"), &t)
	if name != "" {
		diags.Append(config.GetAttribute(ctx, path.Root(name), &in)...)
	}
	return in.ValueString(), t, diags
}
