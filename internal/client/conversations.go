package client

import (
	"context"
	"net/url"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
)

// Maximum page sizes of the endpoints.
const (
	MaxPageSizeV2 = 1000
	MaxPageSizeV1 = 50
)

// Conversation is an item of GET /v2/Conversations. Pointer fields, and
// pointer elements of lists and maps, are null or absent in some responses.
type Conversation struct {
	ID              *string             `json:"id"`
	AccountID       *string             `json:"accountId"`
	ConfigurationID *string             `json:"configurationId"`
	Status          *string             `json:"status"`
	Name            *string             `json:"name"`
	CreatedAt       *string             `json:"createdAt"`
	UpdatedAt       *string             `json:"updatedAt"`
	Metadata        map[string]*string  `json:"metadata"`
	Configuration   *ConversationConfig `json:"configuration"`
	Participants    []*Participant      `json:"participants"`
}

// ConversationConfig is the configuration block of a v2 conversation.
type ConversationConfig struct {
	DisplayName                  *string           `json:"displayName"`
	Description                  *string           `json:"description"`
	ConversationGroupingType     *string           `json:"conversationGroupingType"`
	MemoryStoreID                *string           `json:"memoryStoreId"`
	ChannelSettings              jsontext.Value    `json:"channelSettings"`
	StatusCallbacks              []*StatusCallback `json:"statusCallbacks"`
	IntelligenceConfigurationIDs []*string         `json:"intelligenceConfigurationIds"`
	MemoryExtractionEnabled      *bool             `json:"memoryExtractionEnabled"`
	ConversationsV1Bridge        *V1Bridge         `json:"conversationsV1Bridge"`
}

// StatusCallback is a webhook of a v2 conversation configuration.
type StatusCallback struct {
	URL    *string `json:"url"`
	Method *string `json:"method"`
}

// V1Bridge links a v2 conversation to a v1 Conversation Service.
type V1Bridge struct {
	ServiceID *string `json:"serviceId"`
}

// Participant is an item of GET /v2/Conversations/{id}/Participants, and
// the shape of the participants embedded in a v2 conversation.
type Participant struct {
	ID             *string               `json:"id"`
	ConversationID *string               `json:"conversationId"`
	AccountID      *string               `json:"accountId"`
	Name           *string               `json:"name"`
	Type           *string               `json:"type"`
	ProfileID      *string               `json:"profileId"`
	Addresses      []*ParticipantAddress `json:"addresses"`
	CreatedAt      *string               `json:"createdAt"`
	UpdatedAt      *string               `json:"updatedAt"`
}

// ParticipantAddress is one channel address of a v2 participant.
type ParticipantAddress struct {
	Channel   *string `json:"channel"`
	Address   *string `json:"address"`
	ChannelID *string `json:"channelId"`
}

// ConversationFilter selects v2 conversations.
type ConversationFilter struct {
	Statuses  []string
	ChannelID string
}

// ListConversations reads GET /v2/Conversations, page after page, and hands
// each page to fn.
func (c *Client) ListConversations(ctx context.Context, f ConversationFilter, opts ListOptions, fn func([]Conversation) error) (Stats, error) {
	q := url.Values{}
	for _, s := range f.Statuses {
		q.Add("status", s)
	}
	if f.ChannelID != "" {
		q.Set("channelId", f.ChannelID)
	}
	return listV2(ctx, c, "/v2/Conversations", "conversations", q, opts, MaxPageSizeV2, fn)
}

// ListParticipants reads GET /v2/Conversations/{id}/Participants.
func (c *Client) ListParticipants(ctx context.Context, conversationID string, opts ListOptions, fn func([]Participant) error) (Stats, error) {
	path := "/v2/Conversations/" + EscapeSegment(conversationID) + "/Participants"
	return listV2(ctx, c, path, "participants", url.Values{}, opts, MaxPageSizeV2, fn)
}

// EscapeSegment escapes s as one path segment. "." and ".." are escaped too,
// so that no server or proxy on the way reads them as path traversal.
func EscapeSegment(s string) string {
	e := url.PathEscape(s)
	if s == "." || s == ".." {
		e = strings.ReplaceAll(e, ".", "%2E")
	}
	return e
}

// GetConversation reads GET /v2/Conversations/{id}.
func (c *Client) GetConversation(ctx context.Context, id string) (*Conversation, error) {
	return getOne[Conversation](ctx, c, "/v2/Conversations/"+EscapeSegment(id))
}

// Configuration is a v2 conversation configuration, an item of
// GET /v2/ControlPlane/Configurations: the block a conversation embeds,
// with its id, timestamps and version.
type Configuration struct {
	ID                 *string `json:"id"`
	ConversationConfig `json:",inline"`
	CreatedAt          *string `json:"createdAt"`
	UpdatedAt          *string `json:"updatedAt"`
	Version            *int64  `json:"version"`
}

// MaxPageSizeConfigurations is the largest page of configurations.
const MaxPageSizeConfigurations = 1000

// ListConfigurations reads GET /v2/ControlPlane/Configurations, optionally
// only those of one memory store.
func (c *Client) ListConfigurations(ctx context.Context, memoryStoreID string, opts ListOptions, fn func([]Configuration) error) (Stats, error) {
	q := url.Values{}
	if memoryStoreID != "" {
		q.Set("memoryStoreId", memoryStoreID)
	}
	return listV2(ctx, c, "/v2/ControlPlane/Configurations", "configurations", q, opts, MaxPageSizeConfigurations, fn)
}

// GetConfiguration reads GET /v2/ControlPlane/Configurations/{id}.
func (c *Client) GetConfiguration(ctx context.Context, id string) (*Configuration, error) {
	return getOne[Configuration](ctx, c, "/v2/ControlPlane/Configurations/"+EscapeSegment(id))
}
