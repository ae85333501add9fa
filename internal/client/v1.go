package client

import (
	"context"
	"net/url"

	"github.com/go-json-experiment/json/jsontext"
)

// Timers are the v1 inactivity and closing timers; either may be absent.
type Timers struct {
	DateInactive *string `json:"date_inactive"`
	DateClosed   *string `json:"date_closed"`
}

// Links are the v1 related-resource URLs, by name: an open map, whose
// values are kept as the JSON Twilio sent, so that one odd member cannot
// fail a page.
type Links = map[string]jsontext.Value

// UserConversation is an item of
// GET /v1/Services/{ChatServiceSid}/Users/{UserSid}/Conversations.
type UserConversation struct {
	AccountSid           *string `json:"account_sid"`
	ChatServiceSid       *string `json:"chat_service_sid"`
	ConversationSid      *string `json:"conversation_sid"`
	UnreadMessagesCount  *int64  `json:"unread_messages_count"`
	LastReadMessageIndex *int64  `json:"last_read_message_index"`
	ParticipantSid       *string `json:"participant_sid"`
	UserSid              *string `json:"user_sid"`
	FriendlyName         *string `json:"friendly_name"`
	ConversationState    *string `json:"conversation_state"`
	Timers               *Timers `json:"timers"`
	Attributes           *string `json:"attributes"`
	DateCreated          *string `json:"date_created"`
	DateUpdated          *string `json:"date_updated"`
	CreatedBy            *string `json:"created_by"`
	NotificationLevel    *string `json:"notification_level"`
	UniqueName           *string `json:"unique_name"`
	URL                  *string `json:"url"`
	Links                Links   `json:"links"`
}

// MessagingBinding is how a non-chat participant is reached.
type MessagingBinding struct {
	Address          *string `json:"address"`
	ProxyAddress     *string `json:"proxy_address"`
	ProjectedAddress *string `json:"projected_address"`
	Type             *string `json:"type"`
	Level            *string `json:"level"`
	Name             *string `json:"name"`
}

// ParticipantConversation is an item of GET /v1/ParticipantConversations.
type ParticipantConversation struct {
	AccountSid                  *string           `json:"account_sid"`
	ChatServiceSid              *string           `json:"chat_service_sid"`
	ParticipantSid              *string           `json:"participant_sid"`
	ParticipantUserSid          *string           `json:"participant_user_sid"`
	ParticipantIdentity         *string           `json:"participant_identity"`
	ParticipantMessagingBinding *MessagingBinding `json:"participant_messaging_binding"`
	ConversationSid             *string           `json:"conversation_sid"`
	ConversationUniqueName      *string           `json:"conversation_unique_name"`
	ConversationFriendlyName    *string           `json:"conversation_friendly_name"`
	ConversationAttributes      *string           `json:"conversation_attributes"`
	ConversationDateCreated     *string           `json:"conversation_date_created"`
	ConversationDateUpdated     *string           `json:"conversation_date_updated"`
	ConversationCreatedBy       *string           `json:"conversation_created_by"`
	ConversationState           *string           `json:"conversation_state"`
	ConversationTimers          *Timers           `json:"conversation_timers"`
	Links                       Links             `json:"links"`
}

// ListUserConversations reads
// GET /v1/Services/{chatServiceSid}/Users/{user}/Conversations, where user is
// a US SID or an identity, or GET /v1/Users/{user}/Conversations, the
// account's default Conversation Service, when chatServiceSid is "".
func (c *Client) ListUserConversations(ctx context.Context, chatServiceSid, user string, opts ListOptions, fn func([]UserConversation) error) (Stats, error) {
	path := "/v1/Users/" + EscapeSegment(user) + "/Conversations"
	if chatServiceSid != "" {
		path = "/v1/Services/" + EscapeSegment(chatServiceSid) + "/Users/" + EscapeSegment(user) + "/Conversations"
	}
	return listV1(ctx, c, path, "conversations", url.Values{}, opts, MaxPageSizeV1, fn)
}

// ParticipantFilter selects v1 participant conversations: exactly one of
// Identity or Address, of the Conversation Service ChatServiceSid, or of
// the account's default one when that is "".
type ParticipantFilter struct {
	ChatServiceSid string
	Identity       string
	Address        string
}

// ListParticipantConversations reads GET /v1/ParticipantConversations, or
// GET /v1/Services/{ChatServiceSid}/ParticipantConversations.
func (c *Client) ListParticipantConversations(ctx context.Context, f ParticipantFilter, opts ListOptions, fn func([]ParticipantConversation) error) (Stats, error) {
	q := url.Values{}
	if f.Identity != "" {
		q.Set("Identity", f.Identity)
	}
	if f.Address != "" {
		q.Set("Address", f.Address)
	}
	path := "/v1/ParticipantConversations"
	if f.ChatServiceSid != "" {
		path = "/v1/Services/" + EscapeSegment(f.ChatServiceSid) + "/ParticipantConversations"
	}
	return listV1(ctx, c, path, "conversations", q, opts, MaxPageSizeV1, fn)
}

// Service is an item of GET /v1/Services, a Conversation Service.
type Service struct {
	Sid          *string `json:"sid"`
	AccountSid   *string `json:"account_sid"`
	FriendlyName *string `json:"friendly_name"`
	DateCreated  *string `json:"date_created"`
	DateUpdated  *string `json:"date_updated"`
	URL          *string `json:"url"`
	Links        Links   `json:"links"`
}

// MaxPageSizeServices is the largest page of services.
const MaxPageSizeServices = 100

// ListServices reads GET /v1/Services.
func (c *Client) ListServices(ctx context.Context, opts ListOptions, fn func([]Service) error) (Stats, error) {
	return listV1(ctx, c, "/v1/Services", "services", url.Values{}, opts, MaxPageSizeServices, fn)
}

// User is an item of GET /v1/Services/{ChatServiceSid}/Users, a chat user.
type User struct {
	Sid            *string `json:"sid"`
	AccountSid     *string `json:"account_sid"`
	ChatServiceSid *string `json:"chat_service_sid"`
	RoleSid        *string `json:"role_sid"`
	Identity       *string `json:"identity"`
	FriendlyName   *string `json:"friendly_name"`
	Attributes     *string `json:"attributes"`
	IsOnline       *bool   `json:"is_online"`
	IsNotifiable   *bool   `json:"is_notifiable"`
	DateCreated    *string `json:"date_created"`
	DateUpdated    *string `json:"date_updated"`
	URL            *string `json:"url"`
	Links          Links   `json:"links"`
}

// ListUsers reads GET /v1/Services/{chatServiceSid}/Users, or GET /v1/Users,
// the account's default Conversation Service, when chatServiceSid is "".
func (c *Client) ListUsers(ctx context.Context, chatServiceSid string, opts ListOptions, fn func([]User) error) (Stats, error) {
	return listV1(ctx, c, servicePath(chatServiceSid, "/Users"), "users", url.Values{}, opts, MaxPageSizeV1, fn)
}
