package client

import (
	"context"
	"net/url"

	"github.com/go-json-experiment/json/jsontext"
)

// The Conversations v1 resources an audit of a Conversation Service reads:
// the service itself, its roles, push bindings, configuration,
// notification and webhook settings, and one user. Every field is nullable
// in Twilio's spec.

// Role is an item of GET /v1/Roles or GET /v1/Services/{ChatServiceSid}/Roles.
type Role struct {
	Sid            *string   `json:"sid"`
	AccountSid     *string   `json:"account_sid"`
	ChatServiceSid *string   `json:"chat_service_sid"`
	FriendlyName   *string   `json:"friendly_name"`
	Type           *string   `json:"type"`
	Permissions    []*string `json:"permissions"`
	DateCreated    *string   `json:"date_created"`
	DateUpdated    *string   `json:"date_updated"`
	URL            *string   `json:"url"`
}

// Binding is an item of GET /v1/Services/{ChatServiceSid}/Bindings: a
// user's push registration.
type Binding struct {
	Sid            *string   `json:"sid"`
	AccountSid     *string   `json:"account_sid"`
	ChatServiceSid *string   `json:"chat_service_sid"`
	CredentialSid  *string   `json:"credential_sid"`
	DateCreated    *string   `json:"date_created"`
	DateUpdated    *string   `json:"date_updated"`
	Endpoint       *string   `json:"endpoint"`
	Identity       *string   `json:"identity"`
	BindingType    *string   `json:"binding_type"`
	MessageTypes   []*string `json:"message_types"`
	URL            *string   `json:"url"`
}

// ServiceConfiguration is GET /v1/Services/{ChatServiceSid}/Configuration.
type ServiceConfiguration struct {
	ChatServiceSid                    *string `json:"chat_service_sid"`
	DefaultConversationCreatorRoleSid *string `json:"default_conversation_creator_role_sid"`
	DefaultConversationRoleSid        *string `json:"default_conversation_role_sid"`
	DefaultChatServiceRoleSid         *string `json:"default_chat_service_role_sid"`
	URL                               *string `json:"url"`
	Links                             Links   `json:"links"`
	ReachabilityEnabled               *bool   `json:"reachability_enabled"`
}

// ServiceNotification is
// GET /v1/Services/{ChatServiceSid}/Configuration/Notifications. The spec
// leaves the three push settings free-form, so they are kept as JSON.
type ServiceNotification struct {
	AccountSid              *string        `json:"account_sid"`
	ChatServiceSid          *string        `json:"chat_service_sid"`
	NewMessage              jsontext.Value `json:"new_message"`
	AddedToConversation     jsontext.Value `json:"added_to_conversation"`
	RemovedFromConversation jsontext.Value `json:"removed_from_conversation"`
	LogEnabled              *bool          `json:"log_enabled"`
	URL                     *string        `json:"url"`
}

// ServiceWebhookConfiguration is
// GET /v1/Services/{ChatServiceSid}/Configuration/Webhooks.
type ServiceWebhookConfiguration struct {
	AccountSid     *string   `json:"account_sid"`
	ChatServiceSid *string   `json:"chat_service_sid"`
	PreWebhookURL  *string   `json:"pre_webhook_url"`
	PostWebhookURL *string   `json:"post_webhook_url"`
	Filters        []*string `json:"filters"`
	Method         *string   `json:"method"`
	URL            *string   `json:"url"`
}

// MaxPageSizeBindings is the largest page of bindings; roles take
// MaxPageSizeV1.
const MaxPageSizeBindings = 100

// servicePath is /v1/Services/{chatServiceSid} followed by rest, or /v1
// followed by rest, the account's default Conversation Service, when
// chatServiceSid is "".
func servicePath(chatServiceSid, rest string) string {
	if chatServiceSid == "" {
		return "/v1" + rest
	}
	return "/v1/Services/" + EscapeSegment(chatServiceSid) + rest
}

// ListRoles reads GET /v1/Services/{chatServiceSid}/Roles, or GET /v1/Roles
// when chatServiceSid is "".
func (c *Client) ListRoles(ctx context.Context, chatServiceSid string, opts ListOptions, fn func([]Role) error) (Stats, error) {
	return listV1(ctx, c, servicePath(chatServiceSid, "/Roles"), "roles", url.Values{}, opts, MaxPageSizeV1, fn)
}

// GetRole reads GET /v1/Services/{chatServiceSid}/Roles/{sid}, or
// GET /v1/Roles/{sid} when chatServiceSid is "".
func (c *Client) GetRole(ctx context.Context, chatServiceSid, sid string) (*Role, error) {
	return getOne[Role](ctx, c, servicePath(chatServiceSid, "/Roles/"+EscapeSegment(sid)))
}

// GetService reads GET /v1/Services/{sid}.
func (c *Client) GetService(ctx context.Context, sid string) (*Service, error) {
	return getOne[Service](ctx, c, "/v1/Services/"+EscapeSegment(sid))
}

// GetServiceConfiguration reads GET /v1/Services/{chatServiceSid}/Configuration.
func (c *Client) GetServiceConfiguration(ctx context.Context, chatServiceSid string) (*ServiceConfiguration, error) {
	return getOne[ServiceConfiguration](ctx, c, servicePath(chatServiceSid, "/Configuration"))
}

// GetServiceNotification reads
// GET /v1/Services/{chatServiceSid}/Configuration/Notifications.
func (c *Client) GetServiceNotification(ctx context.Context, chatServiceSid string) (*ServiceNotification, error) {
	return getOne[ServiceNotification](ctx, c, servicePath(chatServiceSid, "/Configuration/Notifications"))
}

// GetServiceWebhookConfiguration reads
// GET /v1/Services/{chatServiceSid}/Configuration/Webhooks.
func (c *Client) GetServiceWebhookConfiguration(ctx context.Context, chatServiceSid string) (*ServiceWebhookConfiguration, error) {
	return getOne[ServiceWebhookConfiguration](ctx, c, servicePath(chatServiceSid, "/Configuration/Webhooks"))
}

// BindingFilter selects the bindings of a Conversation Service; Twilio
// applies both lists (empty: any).
type BindingFilter struct {
	ChatServiceSid string
	BindingTypes   []string
	Identities     []string
}

// ListBindings reads GET /v1/Services/{ChatServiceSid}/Bindings, with
// BindingType and Identity repeated for each value.
func (c *Client) ListBindings(ctx context.Context, f BindingFilter, opts ListOptions, fn func([]Binding) error) (Stats, error) {
	q := url.Values{}
	if len(f.BindingTypes) > 0 {
		q["BindingType"] = append([]string(nil), f.BindingTypes...)
	}
	if len(f.Identities) > 0 {
		q["Identity"] = append([]string(nil), f.Identities...)
	}
	return listV1(ctx, c, servicePath(f.ChatServiceSid, "/Bindings"), "bindings", q, opts, MaxPageSizeBindings, fn)
}

// GetBinding reads GET /v1/Services/{chatServiceSid}/Bindings/{sid}.
func (c *Client) GetBinding(ctx context.Context, chatServiceSid, sid string) (*Binding, error) {
	return getOne[Binding](ctx, c, servicePath(chatServiceSid, "/Bindings/"+EscapeSegment(sid)))
}

// GetUser reads GET /v1/Services/{chatServiceSid}/Users/{user}, or
// GET /v1/Users/{user} when chatServiceSid is "", where user is a US SID or
// an identity.
func (c *Client) GetUser(ctx context.Context, chatServiceSid, user string) (*User, error) {
	return getOne[User](ctx, c, servicePath(chatServiceSid, "/Users/"+EscapeSegment(user)))
}
