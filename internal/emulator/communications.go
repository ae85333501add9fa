package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// Communication is a communication of a v2 conversation, as
// GET /v2/Conversations/{ConversationId}/Communications returns it.
type Communication struct {
	ID             string             `json:"id"`
	ConversationID string             `json:"conversationId"`
	AccountID      string             `json:"accountId"`
	Author         CommunicationParty `json:"author"`
	Content        json.RawMessage    `json:"content"`
	ChannelID      string             `json:"channelId,omitempty"`
	ResourceID     string             `json:"resourceId,omitempty"`
	Recipients     []Recipient        `json:"recipients"`
	CreatedAt      string             `json:"createdAt,omitempty"`
	UpdatedAt      string             `json:"updatedAt,omitempty"`
	OccurredAt     string             `json:"occurredAt,omitempty"`
}

// CommunicationParty is the author of a communication.
type CommunicationParty struct {
	Address       string `json:"address"`
	Channel       string `json:"channel"`
	ParticipantID string `json:"participantId,omitempty"`
}

// Recipient is a recipient of a communication.
type Recipient struct {
	CommunicationParty
	DeliveryStatus string `json:"deliveryStatus,omitempty"`
}

var deliveryStatuses = []string{"DELIVERED", "READ", "FAILED", "IN_PROGRESS", "INITIATED", "COMPLETED"}

// generateCommunications gives some conversations of d communications
// between their participants: text on messaging channels, transcriptions
// on voice, with every optional field left out somewhere.
func generateCommunications(d *Dataset, ts func(int) string) {
	for i := range d.Conversations {
		c := &d.Conversations[i]
		if i%10 >= 3 || c.Participants == nil || len(*c.Participants) == 0 {
			continue
		}
		ps := *c.Participants
		for k := range 3 {
			from, to := ps[k%len(ps)], ps[(k+1)%len(ps)]
			n := i*3 + k
			author := CommunicationParty{Address: from.Addresses[0].Address, Channel: from.Addresses[0].Channel, ParticipantID: from.ID}
			content := fmt.Sprintf(`{"type":"TEXT","text":"Message %d about order #%d"}`, k, 4400+i)
			if author.Channel == "VOICE" {
				content = fmt.Sprintf(`{"type":"TRANSCRIPTION","text":"Hi, I am calling about order %d","transcription":{"channel":%d,"confidence":0.%d,"engine":"twilio",`+
					`"words":[{"text":"Hi","startTime":%q,"endTime":%q},{"text":"order"}]}}`, 4400+i, k%2, 80+n%20, ts(i), ts(i+1))
			}
			comm := Communication{
				ID: fmt.Sprintf("conv_communication_01k%022x", uint64(n)*2654435761), ConversationID: c.ID, AccountID: d.AccountSid,
				Author: author, Content: json.RawMessage(content),
				Recipients: []Recipient{{CommunicationParty{Address: to.Addresses[0].Address, Channel: to.Addresses[0].Channel, ParticipantID: to.ID}, deliveryStatuses[n%len(deliveryStatuses)]}},
				CreatedAt:  ts(i + k), OccurredAt: ts(i + k),
			}
			if k != 2 {
				comm.UpdatedAt = ts(i + k + 1)
				comm.ChannelID = fmt.Sprintf("SM%032x", n)
				comm.ResourceID = comm.ChannelID
			} else {
				comm.Recipients = append(comm.Recipients, Recipient{CommunicationParty: CommunicationParty{Address: "+15550000000", Channel: "SMS"}})
			}
			c.Communications = append(c.Communications, comm)
		}
	}
}

// communicationIndex holds each conversation's communications, encoded,
// in order, and each one by conversation and id.
type communicationIndex struct {
	byConversation map[string][]json.RawMessage
	byID           map[[2]string]json.RawMessage
}

func buildCommunicationIndex(d *Dataset) (*communicationIndex, error) {
	ix := &communicationIndex{byConversation: map[string][]json.RawMessage{}, byID: map[[2]string]json.RawMessage{}}
	for _, c := range d.Conversations {
		for _, comm := range c.Communications {
			raw, err := json.Marshal(comm)
			if err != nil {
				return nil, err
			}
			ix.byConversation[c.ID] = append(ix.byConversation[c.ID], raw)
			ix.byID[[2]string{c.ID, comm.ID}] = raw
		}
	}
	return ix, nil
}

func (s *Server) listCommunications(r *http.Request, conversation string) ([]byte, int) {
	if _, ok := s.ix.byID[conversation]; !ok {
		return twilioError(404, 20404, fmt.Sprintf("Conversation %s was not found", conversation)), 404
	}
	q := r.URL.Query()
	items := []json.RawMessage{}
	for _, raw := range s.comms.byConversation[conversation] {
		if ch := q.Get("channelId"); ch != "" {
			var c struct {
				ChannelID string `json:"channelId"`
			}
			if json.Unmarshal(raw, &c) != nil || c.ChannelID != ch {
				continue
			}
		}
		items = append(items, raw)
	}
	return pageV2(r, "communications", items, "channelId")
}

func (s *Server) communication(conversation, id string) ([]byte, int) {
	if _, ok := s.ix.byID[conversation]; !ok {
		return twilioError(404, 20404, fmt.Sprintf("Conversation %s was not found", conversation)), 404
	}
	raw, ok := s.comms.byID[[2]string{conversation, id}]
	if !ok {
		return twilioError(404, 20404, fmt.Sprintf("Communication %s was not found", id)), 404
	}
	return raw, 200
}

// participant is one participant of a v2 conversation.
func (s *Server) participant(conversation, id string) ([]byte, int) {
	c, ok := s.ix.byID[conversation]
	if !ok {
		return twilioError(404, 20404, fmt.Sprintf("Conversation %s was not found", conversation)), 404
	}
	for _, raw := range c.participants {
		var p struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(raw, &p) == nil && p.ID == id {
			return raw, 200
		}
	}
	return twilioError(404, 20404, fmt.Sprintf("Participant %s was not found", id)), 404
}
