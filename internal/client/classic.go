package client

import (
	"context"
	"net/url"

	"github.com/go-json-experiment/json/jsontext"
)

// The classic Conversations v1 resources: conversations, their
// participants, messages and scoped webhooks. Each is read either in the
// account's default Conversation Service (/v1/Conversations/...) or in a
// named one (/v1/Services/{ChatServiceSid}/Conversations/...); the items
// have the same fields both ways, but for chat_service_sid, which Twilio
// sends only in the second.

// Largest pages of the classic endpoints, from Twilio's spec.
const (
	MaxPageSizeConversationsV1 = 100
	MaxPageSizeParticipantsV1  = 100
	MaxPageSizeMessagesV1      = 100
	MaxPageSizeWebhooksV1      = 5
)

// ConversationV1 is an item of GET /v1/Conversations.
type ConversationV1 struct {
	AccountSid          *string        `json:"account_sid"`
	ChatServiceSid      *string        `json:"chat_service_sid"`
	MessagingServiceSid *string        `json:"messaging_service_sid"`
	Sid                 *string        `json:"sid"`
	FriendlyName        *string        `json:"friendly_name"`
	UniqueName          *string        `json:"unique_name"`
	Attributes          *string        `json:"attributes"`
	State               *string        `json:"state"`
	DateCreated         *string        `json:"date_created"`
	DateUpdated         *string        `json:"date_updated"`
	Timers              *Timers        `json:"timers"`
	URL                 *string        `json:"url"`
	Links               Links          `json:"links"`
	Bindings            jsontext.Value `json:"bindings"`
}

// ConversationParticipantV1 is an item of
// GET /v1/Conversations/{ConversationSid}/Participants.
type ConversationParticipantV1 struct {
	AccountSid           *string           `json:"account_sid"`
	ChatServiceSid       *string           `json:"chat_service_sid"`
	ConversationSid      *string           `json:"conversation_sid"`
	Sid                  *string           `json:"sid"`
	Identity             *string           `json:"identity"`
	Attributes           *string           `json:"attributes"`
	MessagingBinding     *MessagingBinding `json:"messaging_binding"`
	RoleSid              *string           `json:"role_sid"`
	DateCreated          *string           `json:"date_created"`
	DateUpdated          *string           `json:"date_updated"`
	URL                  *string           `json:"url"`
	LastReadMessageIndex *int64            `json:"last_read_message_index"`
	LastReadTimestamp    *string           `json:"last_read_timestamp"`
}

// MessageV1 is an item of GET /v1/Conversations/{ConversationSid}/Messages.
type MessageV1 struct {
	AccountSid      *string        `json:"account_sid"`
	ChatServiceSid  *string        `json:"chat_service_sid"`
	ConversationSid *string        `json:"conversation_sid"`
	Sid             *string        `json:"sid"`
	Index           *int64         `json:"index"`
	Author          *string        `json:"author"`
	Body            *string        `json:"body"`
	Media           jsontext.Value `json:"media"`
	Attributes      *string        `json:"attributes"`
	ParticipantSid  *string        `json:"participant_sid"`
	DateCreated     *string        `json:"date_created"`
	DateUpdated     *string        `json:"date_updated"`
	URL             *string        `json:"url"`
	Delivery        jsontext.Value `json:"delivery"`
	Links           Links          `json:"links"`
	ContentSid      *string        `json:"content_sid"`
}

// ConversationWebhookV1 is an item of
// GET /v1/Conversations/{ConversationSid}/Webhooks, a webhook scoped to
// one conversation.
type ConversationWebhookV1 struct {
	Sid             *string        `json:"sid"`
	AccountSid      *string        `json:"account_sid"`
	ChatServiceSid  *string        `json:"chat_service_sid"`
	ConversationSid *string        `json:"conversation_sid"`
	Target          *string        `json:"target"`
	URL             *string        `json:"url"`
	Configuration   jsontext.Value `json:"configuration"`
	DateCreated     *string        `json:"date_created"`
	DateUpdated     *string        `json:"date_updated"`
}

// conversationsPath is the conversations of Conversation Service service,
// or of the account's default one when service is "".
func conversationsPath(service string) string {
	if service == "" {
		return "/v1/Conversations"
	}
	return "/v1/Services/" + EscapeSegment(service) + "/Conversations"
}

// conversationPath is one conversation, by SID or unique name.
func conversationPath(service, conversation string) string {
	return conversationsPath(service) + "/" + EscapeSegment(conversation)
}

// ConversationV1Filter selects v1 conversations, as Twilio applies it:
// StartDate and EndDate bound their creation (ISO 8601 text, passed as
// given) and State is one of initializing, inactive, active or closed; an
// empty field does not filter.
type ConversationV1Filter struct {
	StartDate string
	EndDate   string
	State     string
}

// ListConversationsV1 reads GET /v1/Conversations, or
// GET /v1/Services/{service}/Conversations when service is not "".
func (c *Client) ListConversationsV1(ctx context.Context, service string, f ConversationV1Filter, opts ListOptions, fn func([]ConversationV1) error) (Stats, error) {
	q := url.Values{}
	for k, v := range map[string]string{"StartDate": f.StartDate, "EndDate": f.EndDate, "State": f.State} {
		if v != "" {
			q.Set(k, v)
		}
	}
	return listV1(ctx, c, conversationsPath(service), "conversations", q, opts, MaxPageSizeConversationsV1, fn)
}

// GetConversationV1 reads GET /v1/Conversations/{conversation}, a SID or a
// unique name, or its service variant.
func (c *Client) GetConversationV1(ctx context.Context, service, conversation string) (*ConversationV1, error) {
	return getOne[ConversationV1](ctx, c, conversationPath(service, conversation))
}

// ListConversationParticipantsV1 reads
// GET /v1/Conversations/{conversation}/Participants, or its service variant.
func (c *Client) ListConversationParticipantsV1(ctx context.Context, service, conversation string, opts ListOptions, fn func([]ConversationParticipantV1) error) (Stats, error) {
	return listV1(ctx, c, conversationPath(service, conversation)+"/Participants", "participants", url.Values{}, opts, MaxPageSizeParticipantsV1, fn)
}

// GetConversationParticipantV1 reads one participant, by SID or identity.
func (c *Client) GetConversationParticipantV1(ctx context.Context, service, conversation, participant string) (*ConversationParticipantV1, error) {
	return getOne[ConversationParticipantV1](ctx, c, conversationPath(service, conversation)+"/Participants/"+EscapeSegment(participant))
}

// ListMessagesV1 reads GET /v1/Conversations/{conversation}/Messages, or
// its service variant, in order "asc" or "desc" ("" is Twilio's default,
// asc). Message bodies are personal data: the response bodies are never
// logged.
func (c *Client) ListMessagesV1(ctx context.Context, service, conversation, order string, opts ListOptions, fn func([]MessageV1) error) (Stats, error) {
	q := url.Values{}
	if order != "" {
		q.Set("Order", order)
	}
	return listV1(withoutBodies(ctx), c, conversationPath(service, conversation)+"/Messages", "messages", q, opts, MaxPageSizeMessagesV1, fn)
}

// GetMessageV1 reads one message, by SID; its response body is never
// logged.
func (c *Client) GetMessageV1(ctx context.Context, service, conversation, sid string) (*MessageV1, error) {
	return getOne[MessageV1](withoutBodies(ctx), c, conversationPath(service, conversation)+"/Messages/"+EscapeSegment(sid))
}

// ListConversationWebhooksV1 reads
// GET /v1/Conversations/{conversation}/Webhooks, or its service variant.
func (c *Client) ListConversationWebhooksV1(ctx context.Context, service, conversation string, opts ListOptions, fn func([]ConversationWebhookV1) error) (Stats, error) {
	return listV1(ctx, c, conversationPath(service, conversation)+"/Webhooks", "webhooks", url.Values{}, opts, MaxPageSizeWebhooksV1, fn)
}

// GetConversationWebhookV1 reads one conversation-scoped webhook, by SID.
func (c *Client) GetConversationWebhookV1(ctx context.Context, service, conversation, sid string) (*ConversationWebhookV1, error) {
	return getOne[ConversationWebhookV1](ctx, c, conversationPath(service, conversation)+"/Webhooks/"+EscapeSegment(sid))
}

// bodiesWithheldKey marks a context whose response bodies hold personal
// data, such as message bodies, and are not logged, even at Trace.
type bodiesWithheldKey struct{}

func withoutBodies(ctx context.Context) context.Context {
	return context.WithValue(ctx, bodiesWithheldKey{}, true)
}

func bodiesWithheld(ctx context.Context) bool {
	v, _ := ctx.Value(bodiesWithheldKey{}).(bool)
	return v
}
