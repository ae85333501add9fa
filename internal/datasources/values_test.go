package datasources

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// setState must leave the configuration as Terraform sent it: the
// framework compares the two afterwards, and a configuration that suddenly
// holds the whole result makes that comparison walk every item.
func TestSetStateLeavesConfigurationAlone(t *testing.T) {
	ctx := context.Background()
	var sr datasource.SchemaResponse
	NewParticipantsDataSource().Schema(ctx, datasource.SchemaRequest{}, &sr)
	typ := sr.Schema.Type().TerraformType(ctx).(tftypes.Object)
	inputs := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		inputs[name] = tftypes.NewValue(at, nil)
	}
	inputs["conversation_id"] = tftypes.NewValue(tftypes.String, "conv_conversation_1")
	config := tfsdk.Config{Schema: sr.Schema, Raw: tftypes.NewValue(typ, inputs)}
	before := config.Raw.Copy()

	state := tfsdk.State{Schema: sr.Schema}
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
	if !got["conversation_id"].Equal(inputs["conversation_id"]) {
		t.Error("an input was not copied into state")
	}
}
