package datasources

import (
	"context"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// One Conversation Service and its settings, each a single lookup by the
// service's SID.

// singleDescription documents a single lookup: what it does, its endpoint
// and the permission it takes.
func singleDescription(what, endpoint, api string) string {
	return what + "\n\n**Endpoint:** " + endpoint + ", one request.\n\n**Permissions:** read access to " + api + ". Nothing is ever written."
}

// NewServiceDataSource is the constructor of twilio_service_v1.
func NewServiceDataSource() datasource.DataSource {
	return &lookupV1[client.Service]{
		typeName: "twilio_service_v1",
		description: singleDescription("Looks up one Conversation Service (Conversations v1) by its SID, with the attributes of an item of `twilio_conversation_services` at the top level. An unknown service is an error, not an empty result.",
			"`GET /v1/Services/{Sid}`", "Conversations v1 services"),
		typ: serviceType,
		inputs: []lookupV1Input[client.Service]{
			{"sid", sidInput("IS", "SID of the Conversation Service (`IS` followed by 32 hexadecimal digits)."), func(s *client.Service, v *string) { s.Sid = v }},
		},
		get: func(ctx context.Context, c *client.Client, in map[string]string) (*client.Service, error) {
			return c.GetService(ctx, in["sid"])
		},
		notFound: func(in map[string]string) string { return "Conversation Service " + strconv.Quote(in["sid"]) },
	}
}

// serviceSettingInput is the input of a service's settings: the service.
func serviceSettingInput[T any](set func(*T, *string)) []lookupV1Input[T] {
	return []lookupV1Input[T]{{"chat_service_sid", chatServiceInput(true), set}}
}

// serviceNotFound names the service whose settings a 404 did not find.
func serviceNotFound(in map[string]string) string {
	return "Conversation Service " + strconv.Quote(in["chat_service_sid"])
}

// serviceConfigurationType is the configuration of a Conversation Service.
var serviceConfigurationType = declare("service configuration", func(c *client.ServiceConfiguration) *string { return c.ChatServiceSid }, fields(
	str("chat_service_sid", "SID of the Conversation Service (`IS…`).", func(c *client.ServiceConfiguration) *string { return c.ChatServiceSid }),
	str("default_conversation_creator_role_sid", "Conversation role (`RL…`) given to a user who creates a conversation, when they join it.", func(c *client.ServiceConfiguration) *string { return c.DefaultConversationCreatorRoleSid }),
	str("default_conversation_role_sid", "Conversation role (`RL…`) given to users added to a conversation.", func(c *client.ServiceConfiguration) *string { return c.DefaultConversationRoleSid }),
	str("default_chat_service_role_sid", "Service role (`RL…`) given to users added to the service.", func(c *client.ServiceConfiguration) *string { return c.DefaultChatServiceRoleSid }),
	boolean("reachability_enabled", "Whether the Reachability Indicator is on: users' `is_online` and `is_notifiable` are tracked only then.", func(c *client.ServiceConfiguration) *bool { return c.ReachabilityEnabled }),
	str("url", "URL of the configuration resource.", func(c *client.ServiceConfiguration) *string { return c.URL }),
	urlMap("links", "URLs of the related resources, by name (such as `notifications`); Twilio adds names over time.", func(c *client.ServiceConfiguration) map[string]jsontext.Value { return c.Links }),
))

// NewServiceConfigurationDataSource is the constructor of
// twilio_service_configuration_v1.
func NewServiceConfigurationDataSource() datasource.DataSource {
	return &lookupV1[client.ServiceConfiguration]{
		typeName: "twilio_service_configuration_v1",
		description: singleDescription("Reads the configuration of a Conversation Service (Conversations v1): the roles users and conversation creators get by default, and whether reachability is tracked. An unknown service is an error.",
			"`GET /v1/Services/{ChatServiceSid}/Configuration`", "Conversations v1 service configuration"),
		typ:    serviceConfigurationType,
		inputs: serviceSettingInput(func(c *client.ServiceConfiguration, v *string) { c.ChatServiceSid = v }),
		get: func(ctx context.Context, c *client.Client, in map[string]string) (*client.ServiceConfiguration, error) {
			return c.GetServiceConfiguration(ctx, in["chat_service_sid"])
		},
		notFound: serviceNotFound,
	}
}

// pushSetting describes one of the free-form push notification settings.
func pushSetting(event string) string {
	return "Push notification settings for " + event + ", as normalized JSON text (decode with `jsondecode`): Twilio's spec leaves the object open; " +
		"it typically holds `enabled`, `template`, `sound`, and for new messages `badge_count_enabled` and `with_media`. Null when not set."
}

// serviceNotificationType is the push notification configuration of a
// Conversation Service.
var serviceNotificationType = declare("notification configuration", func(n *client.ServiceNotification) *string { return n.ChatServiceSid }, fields(
	str("account_sid", "SID of the Twilio account (`AC…`).", func(n *client.ServiceNotification) *string { return n.AccountSid }),
	str("chat_service_sid", "SID of the Conversation Service (`IS…`).", func(n *client.ServiceNotification) *string { return n.ChatServiceSid }),
	jsonValue("new_message", pushSetting("a new message"), func(n *client.ServiceNotification) jsontext.Value { return n.NewMessage }),
	jsonValue("added_to_conversation", pushSetting("being added to a conversation"), func(n *client.ServiceNotification) jsontext.Value { return n.AddedToConversation }),
	jsonValue("removed_from_conversation", pushSetting("being removed from a conversation"), func(n *client.ServiceNotification) jsontext.Value { return n.RemovedFromConversation }),
	boolean("log_enabled", "Whether push notifications are logged.", func(n *client.ServiceNotification) *bool { return n.LogEnabled }),
	str("url", "URL of the notification configuration resource.", func(n *client.ServiceNotification) *string { return n.URL }),
))

// NewServiceNotificationDataSource is the constructor of
// twilio_service_notification_v1.
func NewServiceNotificationDataSource() datasource.DataSource {
	return &lookupV1[client.ServiceNotification]{
		typeName: "twilio_service_notification_v1",
		description: singleDescription("Reads the push notification configuration of a Conversation Service (Conversations v1): for new messages and for being added to or removed from a conversation, whether a push is sent and with which template. An unknown service is an error.",
			"`GET /v1/Services/{ChatServiceSid}/Configuration/Notifications`", "Conversations v1 service configuration"),
		typ:    serviceNotificationType,
		inputs: serviceSettingInput(func(n *client.ServiceNotification, v *string) { n.ChatServiceSid = v }),
		get: func(ctx context.Context, c *client.Client, in map[string]string) (*client.ServiceNotification, error) {
			return c.GetServiceNotification(ctx, in["chat_service_sid"])
		},
		notFound: serviceNotFound,
	}
}

// serviceWebhookConfigurationType is the webhook configuration of a
// Conversation Service.
var serviceWebhookConfigurationType = declare("webhook configuration", func(c *client.ServiceWebhookConfiguration) *string { return c.ChatServiceSid }, fields(
	str("account_sid", "SID of the Twilio account (`AC…`).", func(c *client.ServiceWebhookConfiguration) *string { return c.AccountSid }),
	str("chat_service_sid", "SID of the Conversation Service (`IS…`).", func(c *client.ServiceWebhookConfiguration) *string { return c.ChatServiceSid }),
	str("pre_webhook_url", "URL the pre-event webhooks are sent to, which can reject an action; null when none.", func(c *client.ServiceWebhookConfiguration) *string { return c.PreWebhookURL }),
	str("post_webhook_url", "URL the post-event webhooks are sent to; null when none.", func(c *client.ServiceWebhookConfiguration) *string { return c.PostWebhookURL }),
	strList("filters", "The events the webhooks are sent for, such as `onMessageAdded`; events not listed fire none.", func(c *client.ServiceWebhookConfiguration) []*string { return c.Filters }),
	str("method", "HTTP method of the webhook requests: `GET` or `POST`.", func(c *client.ServiceWebhookConfiguration) *string { return c.Method }),
	str("url", "URL of the webhook configuration resource.", func(c *client.ServiceWebhookConfiguration) *string { return c.URL }),
))

// NewServiceWebhookConfigurationDataSource is the constructor of
// twilio_service_webhook_configuration_v1.
func NewServiceWebhookConfigurationDataSource() datasource.DataSource {
	return &lookupV1[client.ServiceWebhookConfiguration]{
		typeName: "twilio_service_webhook_configuration_v1",
		description: singleDescription("Reads the webhook configuration of a Conversation Service (Conversations v1): where its pre- and post-event webhooks go, for which events and with which method; for example to check that every webhook URL uses `https`. An unknown service is an error.",
			"`GET /v1/Services/{ChatServiceSid}/Configuration/Webhooks`", "Conversations v1 service configuration"),
		typ:    serviceWebhookConfigurationType,
		inputs: serviceSettingInput(func(c *client.ServiceWebhookConfiguration, v *string) { c.ChatServiceSid = v }),
		get: func(ctx context.Context, c *client.Client, in map[string]string) (*client.ServiceWebhookConfiguration, error) {
			return c.GetServiceWebhookConfiguration(ctx, in["chat_service_sid"])
		},
		notFound: serviceNotFound,
	}
}
