package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// NewConfigurationWebhookDataSource is the constructor of
// twilio_configuration_webhook_v1.
func NewConfigurationWebhookDataSource() datasource.DataSource {
	return &singletonV1[client.ConfigurationWebhook]{
		typeName: "twilio_configuration_webhook_v1", id: "configuration_webhook", typ: configurationWebhookType,
		get: (*client.Client).GetConfigurationWebhook,
		description: "Reads the account's Conversations webhook configuration (Conversations v1): where Twilio sends the events of the " +
			"conversations of the account, before (`pre_webhook_url`) and after (`post_webhook_url`) they happen, and which events. " +
			"An audit checks that both URLs are `https://`. It takes no input.\n\n" +
			"**Endpoint:** `GET /v1/Configuration/Webhooks`, one request.\n\n" +
			"**Permissions:** read access to the Conversations v1 configuration. Nothing is ever written.",
	}
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
