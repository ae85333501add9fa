package datasources

import (
	"context"
	"net/url"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/validate"
)

var (
	_ datasource.DataSourceWithConfigure = (*configurationsDataSource)(nil)
	_ StateReader                        = (*configurationsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*configurationDataSource)(nil)
	_ StateReader                        = (*configurationDataSource)(nil)
)

// NewConfigurationsDataSource is the constructor of
// twilio_conversation_configurations.
func NewConfigurationsDataSource() datasource.DataSource { return &configurationsDataSource{} }

// NewConfigurationDataSource is the constructor of
// twilio_conversation_configuration.
func NewConfigurationDataSource() datasource.DataSource { return &configurationDataSource{} }

type configurationsDataSource struct{ configured }

type configurationDataSource struct{ configured }

type configurationsModel struct {
	listInputs
	MemoryStoreID  types.String `tfsdk:"memory_store_id"`
	Configurations types.List   `tfsdk:"configurations"`
}

// configurationType is a configuration as the ControlPlane endpoints
// return it: the block a conversation embeds, with its id, timestamps and
// version.
var configurationType = declare("configuration", func(c *client.Configuration) *string { return c.ID }, fields(
	str("id", "Configuration ID, such as `conv_configuration_01k1etk2y5f1y9fpe2epfdtvv2` (the `configuration_id` of a conversation).", func(c *client.Configuration) *string { return c.ID }),
	timestamp("created_at", "When the configuration was created (RFC 3339).", func(c *client.Configuration) *string { return c.CreatedAt }),
	timestamp("updated_at", "When the configuration was last updated (RFC 3339).", func(c *client.Configuration) *string { return c.UpdatedAt }),
	integer("version", "Version of the configuration, raised by every change.", func(c *client.Configuration) *int64 { return c.Version }),
), embed(func(c *client.Configuration) *client.ConversationConfig { return &c.ConversationConfig }, conversationConfigType))

func (d *configurationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversation_configurations"
}

func (d *configurationsDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listAttributes(ctx, client.MaxPageSizeConfigurations, "", "")
	attrs["memory_store_id"] = schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "Only the configurations of this memory store, such as `mem_store_01k1etk2y5f1y9fpe2epfdtvv2`. Applied by Twilio.",
		Validators: []validator.String{validate.Check("must be a memory store ID: mem_store_ or mem_service_, then a digit from 0 to 7 and 25 lower-case letters or digits",
			validate.Matches(memoryStoreID))},
	}
	attrs["configurations"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The configurations, in the API's order; an empty list when there are none.",
		NestedObject:        nestedObject(configurationType.attributes()),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the conversation configurations of the account (Conversations v2): how conversations are grouped, their status timeouts and webhooks. `total` counts them; with `include_items = false`, only the count is stored.",
			"`GET /v2/ControlPlane/Configurations`", "Conversations v2 configurations", client.MaxPageSizeConfigurations),
		Attributes: attrs,
	}
}

func (d *configurationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *configurationsDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	var m configurationsModel
	if diags := config.Get(ctx, &m); diags.HasError() {
		return nil, diags
	}
	store := m.MemoryStoreID.ValueString()
	q := url.Values{}
	if store != "" {
		q.Set("memory_store_id", store)
	}
	return readList(ctx, config, listRead[client.Configuration]{
		typeName: "twilio_conversation_configurations", listAttr: "configurations",
		id: d.lookupID("conversation_configurations", q, m.MaxItems), inputs: m.listInputs,
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.Configuration) error) (client.Stats, error) {
			return d.client.ListConfigurations(ctx, store, opts, fn)
		},
		item: configurationType.write,
	})
}

func (d *configurationDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversation_configuration"
}

func (d *configurationDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one conversation configuration (Conversations v2) by its ID, such as the `configuration_id` of a conversation, with the attributes of an item of `twilio_conversation_configurations` at the top level. An unknown ID is an error, not an empty result.\n\n" +
			"**Endpoint:** `GET /v2/ControlPlane/Configurations/{id}`, one request.\n\n" +
			"**Permissions:** read access to Conversations v2 configurations. Nothing is ever written.",
		Attributes: oneAttributes(ctx, configurationType.attributes(), "ID of the configuration, such as the `configuration_id` of a conversation."),
	}
}

func (d *configurationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *configurationDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	in, t, diags := lookupInputs(ctx, config, "id")
	if diags.HasError() {
		return nil, diags
	}
	id := in["id"]
	return readOne(ctx, config, oneRead[client.Configuration]{
		typeName: "twilio_conversation_configuration", notFound: "configuration " + strconv.Quote(id), timeouts: t,
		get: func(ctx context.Context) (*client.Configuration, error) { return d.client.GetConfiguration(ctx, id) },
		fields: func(w *stateWriter, c *client.Configuration) {
			c.ID = &id // the state keeps the id as configured
			configurationType.writeFields(w, c, configurationType.ref(c))
		},
	})
}
