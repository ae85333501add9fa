package client

import (
	"context"
	"net/url"
)

// Communication is an item of
// GET /v2/Conversations/{ConversationId}/Communications: one message, call
// transcript or other exchange of a v2 conversation.
type Communication struct {
	ID             *string               `json:"id"`
	ConversationID *string               `json:"conversationId"`
	AccountID      *string               `json:"accountId"`
	Author         *CommunicationParty   `json:"author"`
	Content        *CommunicationContent `json:"content"`
	ChannelID      *string               `json:"channelId"`
	ResourceID     *string               `json:"resourceId"`
	Recipients     []*CommunicationParty `json:"recipients"`
	CreatedAt      *string               `json:"createdAt"`
	UpdatedAt      *string               `json:"updatedAt"`
	OccurredAt     *string               `json:"occurredAt"`
}

// CommunicationParty is the author or a recipient of a communication;
// only a recipient has a delivery status.
type CommunicationParty struct {
	Address        *string `json:"address"`
	Channel        *string `json:"channel"`
	ParticipantID  *string `json:"participantId"`
	DeliveryStatus *string `json:"deliveryStatus"`
}

// CommunicationContent is a communication's content: text, or the text of
// a transcription with its metadata.
type CommunicationContent struct {
	Type          *string        `json:"type"`
	Text          *string        `json:"text"`
	Transcription *Transcription `json:"transcription"`
}

// Transcription is the metadata of transcribed content.
type Transcription struct {
	Channel    *int64             `json:"channel"`
	Confidence *float64           `json:"confidence"`
	Engine     *string            `json:"engine"`
	Words      []*TranscribedWord `json:"words"`
}

// TranscribedWord is one word of a transcription, with its timing.
type TranscribedWord struct {
	Text      *string `json:"text"`
	StartTime *string `json:"startTime"`
	EndTime   *string `json:"endTime"`
}

// MaxPageSizeCommunications is the largest page of communications.
const MaxPageSizeCommunications = 1000

// ListCommunications reads
// GET /v2/Conversations/{conversationID}/Communications, optionally only
// those of one channel resource (channelID).
func (c *Client) ListCommunications(ctx context.Context, conversationID, channelID string, opts ListOptions, fn func([]Communication) error) (Stats, error) {
	q := url.Values{}
	if channelID != "" {
		q.Set("channelId", channelID)
	}
	path := "/v2/Conversations/" + EscapeSegment(conversationID) + "/Communications"
	return listV2(ctx, c, path, "communications", q, opts, MaxPageSizeCommunications, fn)
}

// GetCommunication reads GET /v2/Conversations/{conversationID}/Communications/{id}.
func (c *Client) GetCommunication(ctx context.Context, conversationID, id string) (*Communication, error) {
	return getOne[Communication](ctx, c, "/v2/Conversations/"+EscapeSegment(conversationID)+"/Communications/"+EscapeSegment(id))
}

// GetParticipant reads GET /v2/Conversations/{conversationID}/Participants/{id}.
func (c *Client) GetParticipant(ctx context.Context, conversationID, id string) (*Participant, error) {
	return getOne[Participant](ctx, c, "/v2/Conversations/"+EscapeSegment(conversationID)+"/Participants/"+EscapeSegment(id))
}
