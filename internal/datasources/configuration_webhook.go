package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

var (
	_ datasource.DataSourceWithConfigure = (*configurationWebhookDataSource)(nil)
	_ StateReader                        = (*configurationWebhookDataSource)(nil)
)

// NewConfigurationWebhookDataSource is the constructor of
// twilio_configuration_webhook_v1.
func NewConfigurationWebhookDataSource() datasource.DataSource {
	return &configurationWebhookDataSource{}
}

type configurationWebhookDataSource struct{ configured }

func (d *configurationWebhookDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_configuration_webhook_v1"
}

func (d *configurationWebhookDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := configurationWebhookType.attributes()
	attrs["id"] = computedID("Always `configuration_webhook`: the account has one.")
	attrs["timeouts"] = timeoutsAttribute(ctx)
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the account's Conversations webhook configuration (Conversations v1): where Twilio sends the events of the " +
			"conversations of the account, before (`pre_webhook_url`) and after (`post_webhook_url`) they happen, and which events. " +
			"An audit checks that both URLs are `https://`. It takes no input.\n\n" +
			"**Endpoint:** `GET /v1/Configuration/Webhooks`, one request.\n\n" +
			"**Permissions:** read access to the Conversations v1 configuration. Nothing is ever written.",
		Attributes: attrs,
	}
}

func (d *configurationWebhookDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *configurationWebhookDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	_, t, diags := lookupInputs(ctx, config)
	if diags.HasError() {
		return nil, diags
	}
	return readOne(ctx, config, oneRead[client.ConfigurationWebhook]{
		typeName: "twilio_configuration_webhook_v1", timeouts: t,
		get: d.client.GetConfigurationWebhook,
		fields: func(w *stateWriter, c *client.ConfigurationWebhook) {
			w.strValue("id", "configuration_webhook")
			configurationWebhookType.writeFields(w, c, configurationWebhookType.ref(c))
		},
	})
}

// configurationWebhookType is the account's webhook configuration.
var configurationWebhookType = declare("webhook configuration", func(c *client.ConfigurationWebhook) *string { return c.AccountSid }, fields(
	str("account_sid", "SID of the Twilio account (`AC…`).", func(c *client.ConfigurationWebhook) *string { return c.AccountSid }),
	str("method", "HTTP method of the webhook requests: `GET` or `POST`.", func(c *client.ConfigurationWebhook) *string { return c.Method }),
	strList("filters", "The events sent to the webhooks, such as `onMessageAdded` or `onConversationUpdated`; empty when none.",
		func(c *client.ConfigurationWebhook) []*string { return c.Filters }),
	str("pre_webhook_url", "URL the pre-event webhook requests are sent to, before Twilio acts; null when not set.",
		func(c *client.ConfigurationWebhook) *string { return c.PreWebhookURL }),
	str("post_webhook_url", "URL the post-event webhook requests are sent to, after Twilio acted; null when not set.",
		func(c *client.ConfigurationWebhook) *string { return c.PostWebhookURL }),
	str("target", "Where the webhooks go: `webhook` (the URLs above) or `flex` (routed to Flex inside Twilio).", func(c *client.ConfigurationWebhook) *string { return c.Target }),
	str("url", "URL of the webhook configuration resource.", func(c *client.ConfigurationWebhook) *string { return c.URL }),
))
