package datasources

import (
	"github.com/go-json-experiment/json/jsontext"
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// NewAccountConfigurationDataSource is the constructor of
// twilio_configuration_v1.
func NewAccountConfigurationDataSource() datasource.DataSource {
	return &singletonV1[client.AccountConfiguration]{
		typeName: "twilio_configuration_v1", id: "configuration", typ: accountConfigurationType,
		get: (*client.Client).GetAccountConfiguration,
		description: "Reads the account's Conversations configuration (Conversations v1): the default Conversation Service and Messaging Service " +
			"of new conversations, and their default inactive and closed timers. It takes no input.\n\n" +
			"**Endpoint:** `GET /v1/Configuration`, one request.\n\n" +
			"**Permissions:** read access to the Conversations v1 configuration. Nothing is ever written.",
	}
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
