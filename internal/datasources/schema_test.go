package datasources

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Every data source's schema is valid, documented, and holds its model.
func TestSchemas(t *testing.T) {
	ctx := context.Background()
	models := map[string]any{
		"twilio_conversations":             &conversationsModel{},
		"twilio_participants":              &participantsModel{},
		"twilio_user_conversations":        &userConversationsModel{},
		"twilio_participant_conversations": &participantConversationsModel{},
	}
	for _, newDS := range All() {
		ds := newDS()
		var md datasource.MetadataResponse
		ds.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "twilio"}, &md)
		t.Run(md.TypeName, func(t *testing.T) {
			var sr datasource.SchemaResponse
			ds.Schema(ctx, datasource.SchemaRequest{}, &sr)
			if diags := sr.Schema.ValidateImplementation(ctx); diags.HasError() {
				t.Fatal(diags)
			}
			if sr.Schema.MarkdownDescription == "" {
				t.Error("no description")
			}
			for name, a := range sr.Schema.Attributes {
				if a.GetMarkdownDescription() == "" {
					t.Errorf("%s has no description", name)
				}
			}
			model, ok := models[md.TypeName]
			if !ok {
				t.Fatal("no model listed for this data source")
			}
			state := tfsdk.State{Schema: sr.Schema, Raw: tftypes.NewValue(sr.Schema.Type().TerraformType(ctx), nil)}
			if diags := state.Set(ctx, model); diags.HasError() {
				t.Fatalf("zero model does not fit the schema: %v", diags)
			}
		})
	}
	if len(All()) != len(models) {
		t.Errorf("%d data sources, %d models", len(All()), len(models))
	}
}
