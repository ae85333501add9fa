package datasources

import (
	"context"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

var (
	_ datasource.DataSourceWithConfigure = (*accountConfigurationDataSource)(nil)
	_ StateReader                        = (*accountConfigurationDataSource)(nil)
)

// NewAccountConfigurationDataSource is the constructor of
// twilio_configuration_v1.
func NewAccountConfigurationDataSource() datasource.DataSource {
	return &accountConfigurationDataSource{}
}

type accountConfigurationDataSource struct{ configured }

func (d *accountConfigurationDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_configuration_v1"
}

func (d *accountConfigurationDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := accountConfigurationType.attributes()
	attrs["id"] = computedID("Always `configuration`: the account has one.")
	attrs["timeouts"] = timeoutsAttribute(ctx)
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the account's Conversations configuration (Conversations v1): the default Conversation Service and Messaging Service " +
			"of new conversations, and their default inactive and closed timers. It takes no input.\n\n" +
			"**Endpoint:** `GET /v1/Configuration`, one request.\n\n" +
			"**Permissions:** read access to the Conversations v1 configuration. Nothing is ever written.",
		Attributes: attrs,
	}
}

func (d *accountConfigurationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *accountConfigurationDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	_, t, diags := lookupInputs(ctx, config)
	if diags.HasError() {
		return nil, diags
	}
	return readOne(ctx, config, oneRead[client.AccountConfiguration]{
		typeName: "twilio_configuration_v1", timeouts: t,
		get: d.client.GetAccountConfiguration,
		fields: func(w *stateWriter, c *client.AccountConfiguration) {
			w.strValue("id", "configuration")
			accountConfigurationType.writeFields(w, c, accountConfigurationType.ref(c))
		},
	})
}

// accountConfigurationType is the account's Conversations configuration.
var accountConfigurationType = declare("configuration", func(c *client.AccountConfiguration) *string { return c.AccountSid }, fields(
	str("account_sid", "SID of the Twilio account (`AC…`).", func(c *client.AccountConfiguration) *string { return c.AccountSid }),
	str("default_chat_service_sid", "SID of the Conversation Service new conversations are created in by default (`IS…`): the service that the lookups without `chat_service_sid` read.",
		func(c *client.AccountConfiguration) *string { return c.DefaultChatServiceSid }),
	str("default_messaging_service_sid", "SID of the Messaging Service new conversations use by default (`MG…`).",
		func(c *client.AccountConfiguration) *string { return c.DefaultMessagingServiceSid }),
	str("default_inactive_timer", "ISO 8601 duration after which a conversation becomes `inactive` by default, such as `PT1H`; null when not set.",
		func(c *client.AccountConfiguration) *string { return c.DefaultInactiveTimer }),
	str("default_closed_timer", "ISO 8601 duration after which a conversation becomes `closed` by default, such as `P1D`; null when not set.",
		func(c *client.AccountConfiguration) *string { return c.DefaultClosedTimer }),
	str("url", "URL of the configuration resource.", func(c *client.AccountConfiguration) *string { return c.URL }),
	urlMap("links", "URLs of the related resources, by name (`service`, the default service's configuration, and `webhooks`); Twilio adds names over time.",
		func(c *client.AccountConfiguration) map[string]jsontext.Value { return c.Links }),
))
