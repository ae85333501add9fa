package emulator

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
)

// The wire types below are written from Twilio's published API definitions,
// independently of the provider's client, so that the emulator checks the
// client instead of mirroring it.

// Conversation is a Conversations v2 conversation, as GET /v2/Conversations
// returns it.
type Conversation struct {
	ID              string            `json:"id"`
	AccountID       string            `json:"accountId"`
	ConfigurationID string            `json:"configurationId"`
	Status          string            `json:"status,omitempty"`
	Name            *string           `json:"name"`
	CreatedAt       string            `json:"createdAt,omitempty"`
	UpdatedAt       string            `json:"updatedAt,omitempty"`
	Metadata        map[string]string `json:"metadata,omitempty"`
	Configuration   *Configuration    `json:"configuration,omitempty"`
	Participants    *[]Participant    `json:"participants,omitempty"`
}

// Configuration is the configuration block of a v2 conversation.
//
// Twilio's spec lets none of its fields be null: one that is nil or empty
// (null or absent in a fixture) is left out of responses, as Twilio leaves
// out what is not set. An empty list stays an empty list.
type Configuration struct {
	DisplayName                  string           `json:"displayName,omitempty"`
	Description                  *string          `json:"description,omitzero"`
	ConversationGroupingType     string           `json:"conversationGroupingType,omitempty"`
	MemoryStoreID                *string          `json:"memoryStoreId,omitzero"`
	ChannelSettings              json.RawMessage  `json:"channelSettings,omitempty"`
	StatusCallbacks              []StatusCallback `json:"statusCallbacks,omitzero"`
	IntelligenceConfigurationIDs []string         `json:"intelligenceConfigurationIds,omitzero"`
	MemoryExtractionEnabled      bool             `json:"memoryExtractionEnabled"`
	ConversationsV1Bridge        *Bridge          `json:"conversationsV1Bridge,omitzero"`
}

// StatusCallback is a webhook of a configuration.
type StatusCallback struct {
	URL    string `json:"url"`
	Method string `json:"method,omitempty"`
}

// Bridge links a v2 conversation to a v1 Conversation Service.
type Bridge struct {
	ServiceID string `json:"serviceId"`
}

// Participant is a v2 participant. Its name may be null; another field a
// fixture leaves out is left out, as the spec does not let it be null.
type Participant struct {
	ID             string    `json:"id"`
	ConversationID string    `json:"conversationId"`
	AccountID      string    `json:"accountId"`
	Name           *string   `json:"name"`
	Type           string    `json:"type,omitempty"`
	ProfileID      *string   `json:"profileId,omitzero"`
	Addresses      []Address `json:"addresses,omitzero"`
	CreatedAt      string    `json:"createdAt,omitempty"`
	UpdatedAt      string    `json:"updatedAt,omitempty"`
}

// Address is one channel address of a v2 participant; a nil ChannelID is
// left out.
type Address struct {
	Channel   string  `json:"channel"`
	Address   string  `json:"address"`
	ChannelID *string `json:"channelId,omitzero"`
}

// wire is c as the emulator sends it: channel settings given as null are
// left out, as the spec does not let them be null.
func (c Configuration) wire() Configuration {
	if string(c.ChannelSettings) == "null" {
		c.ChannelSettings = nil
	}
	return c
}

// V2Conversation is a fixture entry: the API object plus the channel
// resource IDs (call or message SIDs) that the channelId filter matches.
type V2Conversation struct {
	Conversation
	ChannelIDs     []string        `json:"channelIds,omitempty"`
	Communications []Communication `json:"communications,omitempty"`
}

// V2Configuration is a conversation configuration, as
// GET /v2/ControlPlane/Configurations returns it.
type V2Configuration struct {
	ID string `json:"id"`
	Configuration
	CreatedAt string `json:"createdAt,omitempty"`
	UpdatedAt string `json:"updatedAt,omitempty"`
	Version   int64  `json:"version"`
}

// Service is a Conversations v1 Conversation Service with its users and
// conversations.
type Service struct {
	Sid           string           `json:"sid"`
	FriendlyName  string           `json:"friendly_name,omitempty"`
	DateCreated   string           `json:"date_created,omitempty"`
	DateUpdated   string           `json:"date_updated,omitempty"`
	Default       bool             `json:"default,omitempty"`
	Users         []User           `json:"users"`
	Conversations []V1Conversation `json:"conversations"`
	// The service's settings (service_config.go); all optional.
	Roles         []Role                `json:"roles,omitempty"`
	Bindings      []Binding             `json:"bindings,omitempty"`
	Configuration *ServiceConfiguration `json:"configuration,omitempty"`
	Notifications *ServiceNotifications `json:"notifications,omitempty"`
	Webhooks      *ServiceWebhooks      `json:"webhooks,omitempty"`
}

// User is a v1 chat user. Only Sid and Identity are required in a fixture.
type User struct {
	Sid          string  `json:"sid"`
	Identity     string  `json:"identity"`
	FriendlyName *string `json:"friendly_name,omitempty"`
	Attributes   string  `json:"attributes,omitempty"` // JSON text; "{}" when empty
	RoleSid      string  `json:"role_sid,omitempty"`
	IsOnline     *bool   `json:"is_online,omitempty"`
	IsNotifiable *bool   `json:"is_notifiable,omitempty"`
	DateCreated  string  `json:"date_created,omitempty"`
	DateUpdated  string  `json:"date_updated,omitempty"`
}

// V1Conversation is a v1 conversation and its participants.
type V1Conversation struct {
	Sid          string            `json:"sid"`
	UniqueName   *string           `json:"unique_name"`
	FriendlyName *string           `json:"friendly_name"`
	Attributes   string            `json:"attributes"`
	State        string            `json:"state"`
	Timers       map[string]string `json:"timers"`
	DateCreated  string            `json:"date_created"`
	DateUpdated  string            `json:"date_updated"`
	CreatedBy    *string           `json:"created_by"`
	Participants []V1Participant   `json:"participants"`
	// Served by the classic conversation endpoints (classic.go).
	MessagingServiceSid *string         `json:"messaging_service_sid,omitempty"`
	Bindings            json.RawMessage `json:"bindings,omitempty"`
	Messages            []V1Message     `json:"messages,omitempty"`
	Webhooks            []V1Webhook     `json:"webhooks,omitempty"`
}

// V1Participant is a participant of a v1 conversation: a chat user (Identity
// set) or a messaging address (MessagingBinding set).
type V1Participant struct {
	Sid                  string            `json:"sid"`
	Identity             *string           `json:"identity"`
	MessagingBinding     *MessagingBinding `json:"messaging_binding"`
	UnreadMessagesCount  *int              `json:"unread_messages_count"`
	LastReadMessageIndex *int              `json:"last_read_message_index"`
	NotificationLevel    string            `json:"notification_level"`
	// Served by the classic participant endpoints (classic.go).
	Attributes        string  `json:"attributes,omitempty"` // JSON text; "{}" when empty
	RoleSid           *string `json:"role_sid,omitempty"`
	DateCreated       string  `json:"date_created,omitempty"`
	DateUpdated       string  `json:"date_updated,omitempty"`
	LastReadTimestamp *string `json:"last_read_timestamp,omitempty"`
}

// V1Message is a message of a v1 conversation. Author is the chat identity
// or address of its sender, or "system"; ParticipantSid is null for a
// message no participant sent.
type V1Message struct {
	Sid            string          `json:"sid"`
	Index          int             `json:"index"`
	Author         *string         `json:"author"`
	Body           *string         `json:"body"`
	Media          json.RawMessage `json:"media,omitempty"` // array of media objects, or absent for none
	Attributes     string          `json:"attributes,omitempty"`
	ParticipantSid *string         `json:"participant_sid"`
	DateCreated    string          `json:"date_created"`
	DateUpdated    *string         `json:"date_updated"`
	Delivery       json.RawMessage `json:"delivery,omitempty"`
	ContentSid     *string         `json:"content_sid,omitempty"`
}

// V1Webhook is a webhook scoped to one v1 conversation: Target is webhook,
// studio or trigger, and Configuration its settings, a free-form object.
type V1Webhook struct {
	Sid           string          `json:"sid"`
	Target        string          `json:"target"`
	Configuration json.RawMessage `json:"configuration,omitempty"`
	DateCreated   string          `json:"date_created"`
	DateUpdated   string          `json:"date_updated"`
}

// MessagingBinding is how a messaging participant is reached.
type MessagingBinding struct {
	Address          string  `json:"address"`
	ProxyAddress     *string `json:"proxy_address"`
	ProjectedAddress *string `json:"projected_address"`
	Type             string  `json:"type"`
	Level            *string `json:"level"`
	Name             *string `json:"name"`
}

// Dataset is everything the emulator serves. Its JSON form is the fixture
// file format described in the README.
type Dataset struct {
	AccountSid     string            `json:"account_sid"`
	Conversations  []V2Conversation  `json:"conversations"`
	Configurations []V2Configuration `json:"configurations,omitempty"`
	Services       []Service         `json:"services"`
	// The account-level configuration (account.go).
	AccountConfiguration  *AccountConfiguration  `json:"account_configuration,omitempty"`
	AddressConfigurations []AddressConfiguration `json:"address_configurations,omitempty"`
	Credentials           []Credential           `json:"credentials,omitempty"`
}

// LoadFixture reads a Dataset from a JSON file.
func LoadFixture(path string) (*Dataset, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var d Dataset
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("fixture %s: %w", path, err)
	}
	return &d, d.check()
}

// check refuses a dataset that would make the emulator inconsistent.
func (d *Dataset) check() error {
	if d.AccountSid == "" {
		return fmt.Errorf("fixture: account_sid is required")
	}
	if err := d.checkAccount(); err != nil {
		return err
	}
	ids := map[string]bool{}
	for _, c := range d.Conversations {
		if c.ID == "" || ids[c.ID] {
			return fmt.Errorf("fixture: conversation id %q is empty or repeated", c.ID)
		}
		ids[c.ID] = true
	}
	ids = map[string]bool{}
	for _, c := range d.Configurations {
		if c.ID == "" || ids[c.ID] {
			return fmt.Errorf("fixture: configuration id %q is empty or repeated", c.ID)
		}
		ids[c.ID] = true
	}
	defaults := 0
	for _, s := range d.Services {
		if s.Default {
			defaults++
		}
		users := map[string]bool{}
		for _, u := range s.Users {
			users[u.Identity] = true
		}
		for _, c := range s.Conversations {
			for _, p := range c.Participants {
				if (p.Identity == nil) == (p.MessagingBinding == nil) {
					return fmt.Errorf("fixture: participant %s of %s needs exactly one of identity or messaging_binding", p.Sid, c.Sid)
				}
				if p.Identity != nil && !users[*p.Identity] {
					return fmt.Errorf("fixture: participant %s of %s names identity %q, which is not a user of service %s", p.Sid, c.Sid, *p.Identity, s.Sid)
				}
			}
		}
	}
	if len(d.Services) > 0 && defaults != 1 {
		return fmt.Errorf("fixture: exactly one service must be \"default\": true (it has %d)", defaults)
	}
	if err := d.checkServiceSettings(); err != nil {
		return err
	}
	return nil
}

// v1 output items, derived from the services.

type timersOut struct {
	DateInactive string `json:"date_inactive,omitempty"`
	DateClosed   string `json:"date_closed,omitempty"`
}

type linksOut struct {
	Participant  string `json:"participant"`
	Conversation string `json:"conversation"`
}

type userConversationOut struct {
	AccountSid           string    `json:"account_sid"`
	ChatServiceSid       string    `json:"chat_service_sid"`
	ConversationSid      string    `json:"conversation_sid"`
	UnreadMessagesCount  *int      `json:"unread_messages_count"`
	LastReadMessageIndex *int      `json:"last_read_message_index"`
	ParticipantSid       string    `json:"participant_sid"`
	UserSid              string    `json:"user_sid"`
	FriendlyName         *string   `json:"friendly_name"`
	ConversationState    string    `json:"conversation_state"`
	Timers               timersOut `json:"timers"`
	Attributes           string    `json:"attributes"`
	DateCreated          *string   `json:"date_created"`
	DateUpdated          *string   `json:"date_updated"`
	CreatedBy            *string   `json:"created_by"`
	NotificationLevel    string    `json:"notification_level"`
	UniqueName           *string   `json:"unique_name"`
	URL                  string    `json:"url"`
	Links                linksOut  `json:"links"`
}

type participantConversationOut struct {
	AccountSid                  string            `json:"account_sid"`
	ChatServiceSid              string            `json:"chat_service_sid"`
	ParticipantSid              string            `json:"participant_sid"`
	ParticipantUserSid          *string           `json:"participant_user_sid"`
	ParticipantIdentity         *string           `json:"participant_identity"`
	ParticipantMessagingBinding *MessagingBinding `json:"participant_messaging_binding"`
	ConversationSid             string            `json:"conversation_sid"`
	ConversationUniqueName      *string           `json:"conversation_unique_name"`
	ConversationFriendlyName    *string           `json:"conversation_friendly_name"`
	ConversationAttributes      string            `json:"conversation_attributes"`
	ConversationDateCreated     *string           `json:"conversation_date_created"`
	ConversationDateUpdated     *string           `json:"conversation_date_updated"`
	ConversationCreatedBy       *string           `json:"conversation_created_by"`
	ConversationState           string            `json:"conversation_state"`
	ConversationTimers          timersOut         `json:"conversation_timers"`
	Links                       linksOut          `json:"links"`
}

type serviceOut struct {
	AccountSid   string            `json:"account_sid"`
	Sid          string            `json:"sid"`
	FriendlyName *string           `json:"friendly_name"`
	DateCreated  *string           `json:"date_created"`
	DateUpdated  *string           `json:"date_updated"`
	URL          string            `json:"url"`
	Links        map[string]string `json:"links"`
}

type userOut struct {
	Sid            string            `json:"sid"`
	AccountSid     string            `json:"account_sid"`
	ChatServiceSid string            `json:"chat_service_sid"`
	RoleSid        *string           `json:"role_sid"`
	Identity       string            `json:"identity"`
	FriendlyName   *string           `json:"friendly_name"`
	Attributes     string            `json:"attributes"`
	IsOnline       *bool             `json:"is_online"`
	IsNotifiable   *bool             `json:"is_notifiable"`
	DateCreated    *string           `json:"date_created"`
	DateUpdated    *string           `json:"date_updated"`
	URL            string            `json:"url"`
	Links          map[string]string `json:"links"`
}

// nonEmpty is s, or null for a field a fixture leaves out.
func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// index holds the dataset pre-encoded, in API order, for fast paging.
type index struct {
	conversations []v2Entry
	byID          map[string]*v2Entry
	// configurations in order, and by id.
	configurations     []configEntry
	configurationsByID map[string]json.RawMessage
	// services in order, and by SID; the default one, if any.
	serviceList    []json.RawMessage
	services       map[string]*serviceIndex
	defaultService *serviceIndex
	account        *accountIndex
	// classic serves the v1 conversations and what they hold.
	classic *classicIndex
	// each service's settings, by SID; the default one's.
	settings        map[string]*serviceSettings
	defaultSettings *serviceSettings
}

type configEntry struct {
	memoryStoreID string
	raw           json.RawMessage
}

type v2Entry struct {
	status       string
	channelIDs   []string
	raw          json.RawMessage
	participants []json.RawMessage
}

type serviceIndex struct {
	users  []json.RawMessage
	byUser map[string][]json.RawMessage // key: user SID and identity
	// participant conversations, by identity and by address, sorted by
	// conversation SID.
	byIdentity map[string][]json.RawMessage
	byAddress  map[string][]json.RawMessage
}

func buildIndex(d *Dataset) (*index, error) {
	ix := &index{
		byID:               map[string]*v2Entry{},
		configurationsByID: map[string]json.RawMessage{},
		services:           map[string]*serviceIndex{},
	}
	account, err := buildAccountIndex(d)
	if err != nil {
		return nil, err
	}
	ix.account = account
	for _, c := range d.Configurations {
		c.Configuration = c.wire()
		raw, err := json.Marshal(c)
		if err != nil {
			return nil, err
		}
		store := ""
		if c.MemoryStoreID != nil {
			store = *c.MemoryStoreID
		}
		ix.configurations = append(ix.configurations, configEntry{memoryStoreID: store, raw: raw})
		ix.configurationsByID[c.ID] = raw
	}
	ix.conversations = make([]v2Entry, len(d.Conversations))
	for i, c := range d.Conversations {
		if c.Configuration != nil {
			k := c.Configuration.wire()
			c.Configuration = &k
		}
		raw, err := json.Marshal(c.Conversation)
		if err != nil {
			return nil, err
		}
		e := v2Entry{status: c.Status, channelIDs: c.ChannelIDs, raw: raw}
		if c.Participants != nil {
			for _, p := range *c.Participants {
				pr, err := json.Marshal(p)
				if err != nil {
					return nil, err
				}
				e.participants = append(e.participants, pr)
			}
		}
		ix.conversations[i] = e
		ix.byID[c.ID] = &ix.conversations[i]
	}
	for _, s := range d.Services {
		si := &serviceIndex{byUser: map[string][]json.RawMessage{}, byIdentity: map[string][]json.RawMessage{}, byAddress: map[string][]json.RawMessage{}}
		ix.services[s.Sid] = si
		if s.Default {
			ix.defaultService = si
		}
		svcURL := "https://conversations.twilio.com/v1/Services/" + s.Sid
		raw, err := json.Marshal(serviceOut{
			AccountSid: d.AccountSid, Sid: s.Sid, FriendlyName: nonEmpty(s.FriendlyName), DateCreated: nonEmpty(s.DateCreated), DateUpdated: nonEmpty(s.DateUpdated), URL: svcURL,
			Links: map[string]string{
				"conversations": svcURL + "/Conversations", "users": svcURL + "/Users", "roles": svcURL + "/Roles",
				"bindings": svcURL + "/Bindings", "configuration": svcURL + "/Configuration", "participant_conversations": svcURL + "/ParticipantConversations",
			},
		})
		if err != nil {
			return nil, err
		}
		ix.serviceList = append(ix.serviceList, raw)
		userSid := map[string]string{}
		for _, u := range s.Users {
			userSid[u.Identity] = u.Sid
			// Every user exists, even with no conversation.
			si.byUser[u.Sid] = []json.RawMessage{}
			si.byUser[u.Identity] = []json.RawMessage{}
			attributes := u.Attributes
			if attributes == "" {
				attributes = "{}"
			}
			userURL := svcURL + "/Users/" + u.Sid
			raw, err := json.Marshal(userOut{
				Sid: u.Sid, AccountSid: d.AccountSid, ChatServiceSid: s.Sid, RoleSid: nonEmpty(u.RoleSid), Identity: u.Identity,
				FriendlyName: u.FriendlyName, Attributes: attributes, IsOnline: u.IsOnline, IsNotifiable: u.IsNotifiable,
				DateCreated: nonEmpty(u.DateCreated), DateUpdated: nonEmpty(u.DateUpdated), URL: userURL,
				Links: map[string]string{"user_conversations": userURL + "/Conversations", "user_bindings": userURL + "/Bindings"},
			})
			if err != nil {
				return nil, err
			}
			si.users = append(si.users, raw)
		}
		convs := append([]V1Conversation(nil), s.Conversations...)
		sort.Slice(convs, func(i, j int) bool { return convs[i].Sid < convs[j].Sid })
		for _, c := range convs {
			convURL := "https://conversations.twilio.com/v1/Services/" + s.Sid + "/Conversations/" + c.Sid
			timers := timersOut{DateInactive: c.Timers["date_inactive"], DateClosed: c.Timers["date_closed"]}
			// Twilio returns "{}" for attributes that were never set.
			attributes := c.Attributes
			if attributes == "" {
				attributes = "{}"
			}
			for _, p := range c.Participants {
				links := linksOut{Participant: convURL + "/Participants/" + p.Sid, Conversation: convURL}
				if p.Identity != nil {
					us := userSid[*p.Identity]
					raw, err := json.Marshal(userConversationOut{
						AccountSid: d.AccountSid, ChatServiceSid: s.Sid, ConversationSid: c.Sid,
						UnreadMessagesCount: p.UnreadMessagesCount, LastReadMessageIndex: p.LastReadMessageIndex,
						ParticipantSid: p.Sid, UserSid: us, FriendlyName: c.FriendlyName, ConversationState: c.State,
						Timers: timers, Attributes: attributes, DateCreated: nonEmpty(c.DateCreated), DateUpdated: nonEmpty(c.DateUpdated),
						CreatedBy: c.CreatedBy, NotificationLevel: p.NotificationLevel, UniqueName: c.UniqueName,
						URL:   "https://conversations.twilio.com/v1/Services/" + s.Sid + "/Users/" + us + "/Conversations/" + c.Sid,
						Links: links,
					})
					if err != nil {
						return nil, err
					}
					si.byUser[us] = append(si.byUser[us], raw)
					si.byUser[*p.Identity] = append(si.byUser[*p.Identity], raw)
				}
				out := participantConversationOut{
					AccountSid: d.AccountSid, ChatServiceSid: s.Sid, ParticipantSid: p.Sid,
					ParticipantIdentity: p.Identity, ParticipantMessagingBinding: p.MessagingBinding,
					ConversationSid: c.Sid, ConversationUniqueName: c.UniqueName, ConversationFriendlyName: c.FriendlyName,
					ConversationAttributes: attributes, ConversationDateCreated: nonEmpty(c.DateCreated), ConversationDateUpdated: nonEmpty(c.DateUpdated),
					ConversationCreatedBy: c.CreatedBy, ConversationState: c.State, ConversationTimers: timers, Links: links,
				}
				if p.Identity != nil {
					us := userSid[*p.Identity]
					out.ParticipantUserSid = &us
				}
				raw, err := json.Marshal(out)
				if err != nil {
					return nil, err
				}
				if p.Identity != nil {
					si.byIdentity[*p.Identity] = append(si.byIdentity[*p.Identity], raw)
				} else {
					si.byAddress[p.MessagingBinding.Address] = append(si.byAddress[p.MessagingBinding.Address], raw)
				}
			}
		}
	}
	if err := indexServiceSettings(ix, d); err != nil {
		return nil, err
	}
	ix.classic, err = buildClassic(d)
	return ix, err
}
