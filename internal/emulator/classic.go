package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The classic Conversations v1 endpoints: conversations, and their
// participants, messages and scoped webhooks, each in the default
// Conversation Service (/v1/Conversations/...) and in a named one
// (/v1/Services/{ChatServiceSid}/Conversations/...). Items are encoded
// when a page is asked for, so that a conversation of a million messages
// costs the emulator its messages, not their JSON as well.

// classicIndex finds the classic resources, by service.
type classicIndex struct {
	services       map[string]*classicService
	defaultService *classicService
}

type classicService struct {
	sid     string
	account string
	convs   []*classicConv // by SID
	// byKey finds a conversation by SID or unique name.
	byKey map[string]*classicConv
}

type classicConv struct {
	c            *V1Conversation
	participants []*V1Participant
	// byParticipant finds a participant by SID or identity.
	byParticipant map[string]*V1Participant
	messages      []*V1Message // by index
	bySid         map[string]*V1Message
	webhooks      []*V1Webhook
	webhookBySid  map[string]*V1Webhook
}

func buildClassic(d *Dataset) (*classicIndex, error) {
	ix := &classicIndex{services: map[string]*classicService{}}
	for si := range d.Services {
		s := &d.Services[si]
		cs := &classicService{sid: s.Sid, account: d.AccountSid, byKey: map[string]*classicConv{}}
		ix.services[s.Sid] = cs
		if s.Default {
			ix.defaultService = cs
		}
		for ci := range s.Conversations {
			c := &s.Conversations[ci]
			cc := &classicConv{c: c, byParticipant: map[string]*V1Participant{}, bySid: map[string]*V1Message{}, webhookBySid: map[string]*V1Webhook{}}
			for pi := range c.Participants {
				p := &c.Participants[pi]
				cc.participants = append(cc.participants, p)
				cc.byParticipant[p.Sid] = p
				if p.Identity != nil {
					cc.byParticipant[*p.Identity] = p
				}
			}
			for mi := range c.Messages {
				m := &c.Messages[mi]
				if cc.bySid[m.Sid] != nil {
					return nil, fmt.Errorf("fixture: message %s of %s is repeated", m.Sid, c.Sid)
				}
				cc.messages = append(cc.messages, m)
				cc.bySid[m.Sid] = m
			}
			sort.SliceStable(cc.messages, func(i, j int) bool { return cc.messages[i].Index < cc.messages[j].Index })
			for wi := range c.Webhooks {
				w := &c.Webhooks[wi]
				cc.webhooks = append(cc.webhooks, w)
				cc.webhookBySid[w.Sid] = w
			}
			cs.convs = append(cs.convs, cc)
			cs.byKey[c.Sid] = cc
			if c.UniqueName != nil {
				cs.byKey[*c.UniqueName] = cc
			}
		}
		sort.Slice(cs.convs, func(i, j int) bool { return cs.convs[i].c.Sid < cs.convs[j].c.Sid })
	}
	return ix, nil
}

// routeClassic serves the classic endpoints; ok is false for any other path.
func (s *Server) routeClassic(r *http.Request, parts []string, seg func(int) string) (body []byte, status int, ok bool) {
	if len(parts) < 2 || parts[0] != "v1" {
		return nil, 0, false
	}
	service, rest := "", parts[1:]
	if len(parts) >= 4 && parts[1] == "Services" && parts[3] == "Conversations" {
		service, rest = seg(2), parts[3:]
	}
	if len(rest) == 0 || rest[0] != "Conversations" || len(rest) > 4 {
		return nil, 0, false
	}
	at := len(parts) - len(rest) // index of "Conversations" in parts
	cs := s.ix.classic.defaultService
	if service != "" {
		cs = s.ix.classic.services[service]
	}
	if cs == nil {
		return twilioError(404, 20404, fmt.Sprintf("The requested resource /Services/%s was not found", service)), 404, true
	}
	base := "https://conversations.twilio.com/v1/Conversations"
	if service != "" {
		base = "https://conversations.twilio.com/v1/Services/" + service + "/Conversations"
	}
	v := classicView{cs: cs, base: base, service: service}
	if len(rest) == 1 {
		body, status = v.listConversations(r)
		return body, status, true
	}
	key := seg(at + 1)
	cc := cs.byKey[key]
	if cc == nil {
		return twilioError(404, 20404, fmt.Sprintf("The requested resource /Conversations/%s was not found", key)), 404, true
	}
	switch {
	case len(rest) == 2:
		return mustJSON(v.conversation(cc)), 200, true
	case len(rest) == 3 && rest[2] == "Participants":
		body, status = pageLazy(r, "participants", len(cc.participants), maxPageSizeClassic, func(i int) any { return v.participant(cc, cc.participants[i]) })
		return body, status, true
	case len(rest) == 4 && rest[2] == "Participants":
		if p := cc.byParticipant[seg(at+3)]; p != nil {
			return mustJSON(v.participant(cc, p)), 200, true
		}
	case len(rest) == 3 && rest[2] == "Messages":
		body, status = v.listMessages(r, cc)
		return body, status, true
	case len(rest) == 4 && rest[2] == "Messages":
		if m := cc.bySid[seg(at+3)]; m != nil {
			return mustJSON(v.message(cc, m)), 200, true
		}
	case len(rest) == 3 && rest[2] == "Webhooks":
		body, status = pageLazy(r, "webhooks", len(cc.webhooks), maxPageSizeWebhooks, func(i int) any { return v.webhook(cc, cc.webhooks[i]) })
		return body, status, true
	case len(rest) == 4 && rest[2] == "Webhooks":
		if w := cc.webhookBySid[seg(at+3)]; w != nil {
			return mustJSON(v.webhook(cc, w)), 200, true
		}
	default:
		return nil, 0, false
	}
	return twilioError(404, 20404, "The requested resource "+r.URL.Path+" was not found"), 404, true
}

const (
	// maxPageSizeClassic is the largest page of classic conversations,
	// participants and messages; maxPageSizeWebhooks of their webhooks.
	maxPageSizeClassic  = 100
	maxPageSizeWebhooks = 5
)

// conversationStates are the states a v1 conversation can be in.
var conversationStates = []string{"initializing", "inactive", "active", "closed"}

// classicView is a service as one variant of the endpoints shows it: base
// is the URL of its conversations, and service is "" in the default
// variant, whose items have no chat_service_sid but conversations.
type classicView struct {
	cs      *classicService
	base    string
	service string
}

func (v classicView) serviceSid() *string {
	if v.service == "" {
		return nil
	}
	return &v.cs.sid
}

type conversationOut struct {
	AccountSid          string            `json:"account_sid"`
	ChatServiceSid      string            `json:"chat_service_sid"`
	MessagingServiceSid *string           `json:"messaging_service_sid"`
	Sid                 string            `json:"sid"`
	FriendlyName        *string           `json:"friendly_name"`
	UniqueName          *string           `json:"unique_name"`
	Attributes          string            `json:"attributes"`
	State               string            `json:"state"`
	DateCreated         string            `json:"date_created"`
	DateUpdated         string            `json:"date_updated"`
	Timers              timersOut         `json:"timers"`
	URL                 string            `json:"url"`
	Links               map[string]string `json:"links"`
	Bindings            json.RawMessage   `json:"bindings"`
}

func (v classicView) conversation(cc *classicConv) conversationOut {
	c := cc.c
	u := v.base + "/" + c.Sid
	bindings := c.Bindings
	if bindings == nil {
		bindings = json.RawMessage("null")
	}
	return conversationOut{
		AccountSid: v.cs.account, ChatServiceSid: v.cs.sid, MessagingServiceSid: c.MessagingServiceSid, Sid: c.Sid,
		FriendlyName: c.FriendlyName, UniqueName: c.UniqueName, Attributes: orEmptyObject(c.Attributes), State: c.State,
		DateCreated: c.DateCreated, DateUpdated: c.DateUpdated,
		Timers: timersOut{DateInactive: c.Timers["date_inactive"], DateClosed: c.Timers["date_closed"]},
		URL:    u, Links: map[string]string{"participants": u + "/Participants", "messages": u + "/Messages", "webhooks": u + "/Webhooks"},
		Bindings: bindings,
	}
}

type classicParticipantOut struct {
	AccountSid           string            `json:"account_sid"`
	ChatServiceSid       *string           `json:"chat_service_sid,omitempty"`
	ConversationSid      string            `json:"conversation_sid"`
	Sid                  string            `json:"sid"`
	Identity             *string           `json:"identity"`
	Attributes           string            `json:"attributes"`
	MessagingBinding     *MessagingBinding `json:"messaging_binding"`
	RoleSid              *string           `json:"role_sid"`
	DateCreated          *string           `json:"date_created"`
	DateUpdated          *string           `json:"date_updated"`
	URL                  string            `json:"url"`
	LastReadMessageIndex *int              `json:"last_read_message_index"`
	LastReadTimestamp    *string           `json:"last_read_timestamp"`
}

func (v classicView) participant(cc *classicConv, p *V1Participant) classicParticipantOut {
	return classicParticipantOut{
		AccountSid: v.cs.account, ChatServiceSid: v.serviceSid(), ConversationSid: cc.c.Sid, Sid: p.Sid, Identity: p.Identity,
		Attributes: orEmptyObject(p.Attributes), MessagingBinding: p.MessagingBinding, RoleSid: p.RoleSid,
		DateCreated: nonEmpty(p.DateCreated), DateUpdated: nonEmpty(p.DateUpdated),
		URL:                  v.base + "/" + cc.c.Sid + "/Participants/" + p.Sid,
		LastReadMessageIndex: p.LastReadMessageIndex, LastReadTimestamp: p.LastReadTimestamp,
	}
}

type messageOut struct {
	AccountSid      string            `json:"account_sid"`
	ChatServiceSid  *string           `json:"chat_service_sid,omitempty"`
	ConversationSid string            `json:"conversation_sid"`
	Sid             string            `json:"sid"`
	Index           int               `json:"index"`
	Author          *string           `json:"author"`
	Body            *string           `json:"body"`
	Media           json.RawMessage   `json:"media"`
	Attributes      string            `json:"attributes"`
	ParticipantSid  *string           `json:"participant_sid"`
	DateCreated     string            `json:"date_created"`
	DateUpdated     *string           `json:"date_updated"`
	URL             string            `json:"url"`
	Delivery        json.RawMessage   `json:"delivery"`
	Links           map[string]string `json:"links"`
	ContentSid      *string           `json:"content_sid"`
}

func (v classicView) message(cc *classicConv, m *V1Message) messageOut {
	u := v.base + "/" + cc.c.Sid + "/Messages/" + m.Sid
	return messageOut{
		AccountSid: v.cs.account, ChatServiceSid: v.serviceSid(), ConversationSid: cc.c.Sid, Sid: m.Sid, Index: m.Index,
		Author: m.Author, Body: m.Body, Media: orNull(m.Media), Attributes: orEmptyObject(m.Attributes), ParticipantSid: m.ParticipantSid,
		DateCreated: m.DateCreated, DateUpdated: m.DateUpdated, URL: u, Delivery: orNull(m.Delivery),
		Links: map[string]string{"delivery_receipts": u + "/Receipts", "channel_metadata": u + "/ChannelMetadata"}, ContentSid: m.ContentSid,
	}
}

type webhookOut struct {
	Sid             string          `json:"sid"`
	AccountSid      string          `json:"account_sid"`
	ChatServiceSid  *string         `json:"chat_service_sid,omitempty"`
	ConversationSid string          `json:"conversation_sid"`
	Target          string          `json:"target"`
	URL             string          `json:"url"`
	Configuration   json.RawMessage `json:"configuration"`
	DateCreated     string          `json:"date_created"`
	DateUpdated     string          `json:"date_updated"`
}

func (v classicView) webhook(cc *classicConv, w *V1Webhook) webhookOut {
	return webhookOut{
		Sid: w.Sid, AccountSid: v.cs.account, ChatServiceSid: v.serviceSid(), ConversationSid: cc.c.Sid, Target: w.Target,
		URL: v.base + "/" + cc.c.Sid + "/Webhooks/" + w.Sid, Configuration: orNull(w.Configuration),
		DateCreated: w.DateCreated, DateUpdated: w.DateUpdated,
	}
}

func orEmptyObject(s string) string {
	if s == "" {
		return "{}"
	}
	return s
}

func orNull(raw json.RawMessage) json.RawMessage {
	if len(raw) == 0 {
		return json.RawMessage("null")
	}
	return raw
}

// listConversations applies Twilio's filters: State, and StartDate and
// EndDate, which bound the creation date (inclusive) and, when either is
// given, order the conversations newest first.
func (v classicView) listConversations(r *http.Request) ([]byte, int) {
	q := r.URL.Query()
	state := q.Get("State")
	if state != "" && !contains(conversationStates, state) {
		return twilioError(400, 20001, fmt.Sprintf("Invalid State %q: must be one of %s", state, strings.Join(conversationStates, ", "))), 400
	}
	var bounds [2]time.Time
	for i, key := range []string{"StartDate", "EndDate"} {
		if s := q.Get(key); s != "" {
			t, err := parseISODate(s, i == 1)
			if err != nil {
				return twilioError(400, 20001, fmt.Sprintf("Invalid %s %q: must be an ISO 8601 date", key, s)), 400
			}
			bounds[i] = t
		}
	}
	var convs []*classicConv
	for _, cc := range v.cs.convs {
		if state != "" && cc.c.State != state {
			continue
		}
		if !bounds[0].IsZero() || !bounds[1].IsZero() {
			created, err := time.Parse(time.RFC3339, cc.c.DateCreated)
			if err != nil || (!bounds[0].IsZero() && created.Before(bounds[0])) || (!bounds[1].IsZero() && created.After(bounds[1])) {
				continue
			}
		}
		convs = append(convs, cc)
	}
	if !bounds[0].IsZero() || !bounds[1].IsZero() {
		sort.SliceStable(convs, func(i, j int) bool { return convs[i].c.DateCreated > convs[j].c.DateCreated })
	}
	return pageLazy(r, "conversations", len(convs), maxPageSizeClassic, func(i int) any { return v.conversation(convs[i]) }, "State", "StartDate", "EndDate")
}

// parseISODate reads an RFC 3339 timestamp or a date, which as an end
// bound covers its whole day.
func parseISODate(s string, end bool) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err == nil && end {
		t = t.Add(24*time.Hour - time.Second)
	}
	return t, err
}

// listMessages serves messages by index, Order asc (the default) or desc,
// in any letter case.
func (v classicView) listMessages(r *http.Request, cc *classicConv) ([]byte, int) {
	order := strings.ToLower(r.URL.Query().Get("Order"))
	if order != "" && order != "asc" && order != "desc" {
		return twilioError(400, 20001, fmt.Sprintf("Invalid Order %q: must be asc or desc", r.URL.Query().Get("Order"))), 400
	}
	n := len(cc.messages)
	at := func(i int) *V1Message { return cc.messages[i] }
	if order == "desc" {
		at = func(i int) *V1Message { return cc.messages[n-1-i] }
	}
	return pageLazy(r, "messages", n, maxPageSizeClassic, func(i int) any { return v.message(cc, at(i)) }, "Order")
}

// pageLazy is pageV1 for n items of which only the page's are encoded,
// with previous_page_url on every page after the first; filters name the
// query parameters that select the items.
func pageLazy(r *http.Request, key string, n, maxPageSize int, item func(i int) any, filters ...string) ([]byte, int) {
	q := r.URL.Query()
	size, errBody := pageSize(q, "PageSize", maxPageSize)
	if errBody != nil {
		return errBody, 400
	}
	filter := listing(r, filters...)
	page, offset := 0, 0
	if t := q.Get("PageToken"); t != "" {
		var ok bool
		if offset, ok = decodeToken(t, filter); !ok {
			return twilioError(400, 21481, "Invalid page token"), 400
		}
		page, _ = strconv.Atoi(q.Get("Page"))
	}
	offset = min(offset, n)
	end := min(offset+size, n)
	items := make([]json.RawMessage, 0, end-offset)
	for i := offset; i < end; i++ {
		items = append(items, mustJSON(item(i)))
	}
	base := "http://" + r.Host + r.URL.EscapedPath()
	pageURL := func(p, off int) string {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Set("PageSize", strconv.Itoa(size))
		v.Set("Page", strconv.Itoa(p))
		v.Del("PageToken")
		if off > 0 {
			v.Set("PageToken", encodeToken(token{Offset: off, Filter: filter}))
		}
		return base + "?" + v.Encode()
	}
	meta := map[string]any{
		"key": key, "page": page, "page_size": size,
		"first_page_url": pageURL(0, 0), "url": pageURL(page, offset),
		"previous_page_url": nil, "next_page_url": nil,
	}
	if offset > 0 {
		meta["previous_page_url"] = pageURL(max(page-1, 0), max(offset-size, 0))
	}
	if end < n {
		meta["next_page_url"] = pageURL(page+1, end)
	}
	return envelope(key, items, mustJSON(meta)), 200
}
