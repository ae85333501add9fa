package emulator

import (
	"encoding/json"
	"fmt"
	"time"
)

// generateClassic fills in what the classic v1 endpoints serve of every
// generated v1 conversation: its messaging service and bindings, its
// participants' attributes, roles, dates and read timestamps, and its
// messages and webhooks, with every nullable field null somewhere. It
// draws on no random source, so the rest of a generated dataset is the
// same with it as without it.
func generateClassic(d *Dataset, opts GenerateOptions) {
	str := func(s string) *string { return &s }
	for si := range d.Services {
		s := &d.Services[si]
		for i := range s.Conversations {
			c := &s.Conversations[i]
			n := 0x100*si + i
			created, err := time.Parse(time.RFC3339, c.DateCreated)
			if err != nil {
				created = time.Date(2025, 1, 6, 9, 0, 0, 0, time.UTC)
			}
			at := func(minutes int) string {
				return created.Add(time.Duration(minutes) * time.Minute).Format(time.RFC3339)
			}
			if i%3 != 1 {
				c.MessagingServiceSid = str(fmt.Sprintf("MG%032x", 1+si))
			}
			if i%5 == 2 {
				c.Bindings = json.RawMessage(`{}`)
			}
			for k := range c.Participants {
				p := &c.Participants[k]
				p.DateCreated, p.DateUpdated = at(k), at(k+30)
				if p.Identity != nil {
					p.RoleSid = str(fmt.Sprintf("RL%032x", 0x10+k%2))
					p.Attributes = fmt.Sprintf(`{"seat":%d}`, k)
				}
				if p.LastReadMessageIndex != nil {
					p.LastReadTimestamp = str(at(60 + *p.LastReadMessageIndex))
				}
			}
			c.Messages = classicMessages(c, n, opts.MessagesPerConversation, at)
			c.Webhooks = nil
			for k := range (i % 4) * 2 {
				w := V1Webhook{Sid: fmt.Sprintf("WH%032x", n<<8+k), Target: []string{"webhook", "studio", "trigger"}[k%3], DateCreated: at(k), DateUpdated: at(k + 5)}
				switch {
				case k == 5:
					// a webhook whose configuration Twilio sends as null
				case w.Target == "webhook":
					w.Configuration = json.RawMessage(fmt.Sprintf(`{"url":"https://hooks.example.com/conversations/%d","method":"POST","filters":["onMessageAdded","onParticipantAdded"]}`, k))
				case w.Target == "studio":
					w.Configuration = json.RawMessage(fmt.Sprintf(`{"flow_sid":"FW%032x","replay_after":%d}`, k, k%2))
				default:
					w.Configuration = json.RawMessage(`{"url":"https://hooks.example.com/trigger","method":"GET","triggers":["refund","ticket"]}`)
				}
				c.Webhooks = append(c.Webhooks, w)
			}
		}
	}
}

// classicMessages are count messages of conversation c (none in every fifth
// one), numbered n: system messages and messages of each participant in
// turn, some with media and no body, some edited, some from a content
// template, with a delivery summary on those that reached a messaging
// participant.
func classicMessages(c *V1Conversation, n, count int, at func(minutes int) string) []V1Message {
	if count == 0 || n%5 == 4 {
		return nil
	}
	messaging := false
	for _, p := range c.Participants {
		messaging = messaging || p.MessagingBinding != nil
	}
	out := make([]V1Message, count)
	for k := range out {
		m := V1Message{Sid: fmt.Sprintf("IM%032x", n<<32+k), Index: k + k/10, DateCreated: at(k), Attributes: "{}"}
		if k%4 == 0 || len(c.Participants) == 0 {
			m.Author = &systemAuthor
		} else {
			p := &c.Participants[(k/4+k%4)%len(c.Participants)]
			m.ParticipantSid = &p.Sid
			if p.Identity != nil {
				m.Author = p.Identity
			} else {
				m.Author = &p.MessagingBinding.Address
			}
			if messaging && p.Identity != nil {
				m.Delivery = deliveryChat
			}
		}
		if k%7 == 5 {
			m.Media = json.RawMessage(fmt.Sprintf(`[{"sid":"ME%032x","content_type":"image/jpeg","filename":"photo-%d.jpg","size":%d,"category":"media"}]`, k, k, 1000+k))
		} else {
			body := fmt.Sprintf("Message %d of %s: %s", k, c.Sid[:8], messageTexts[k%len(messageTexts)])
			m.Body = &body
		}
		if k%6 == 1 {
			edited := at(k + 2)
			m.DateUpdated = &edited
			m.Attributes = `{"edited":true}`
		}
		if k%13 == 7 {
			content := fmt.Sprintf("HX%032x", k%3)
			m.ContentSid = &content
		}
		out[k] = m
	}
	return out
}

var systemAuthor = "system"

var deliveryChat = json.RawMessage(`{"total":1,"sent":"all","delivered":"all","read":"some","failed":"none","undelivered":"none"}`)

var messageTexts = []string{"Hello!", "Où est ma commande ?", "請稍等", "Спасибо", "Refund approved ✅", "See you tomorrow"}
