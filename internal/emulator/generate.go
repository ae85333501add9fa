package emulator

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// GenerateOptions sizes a generated dataset.
type GenerateOptions struct {
	Seed uint64
	// Conversations is the number of v2 conversations, each with
	// ParticipantsPerConversation participants.
	Conversations               int
	ParticipantsPerConversation int
	// V1Conversations is the number of conversations of the default v1
	// service, and Users its number of chat users. The first user ("alice")
	// takes part in every v1 conversation, so looking up her conversations
	// pages through all of them.
	V1Conversations int
	Users           int
	// MessagesPerConversation is the number of messages of each v1
	// conversation but every fifth, which has none.
	MessagesPerConversation int
}

// DefaultGenerateOptions is a small account that shows every feature.
var DefaultGenerateOptions = GenerateOptions{Seed: 1, Conversations: 120, ParticipantsPerConversation: 2, V1Conversations: 75, Users: 8, MessagesPerConversation: 12}

// AccountSid and ServiceSid are the SIDs of generated datasets;
// ServiceSid is the default Conversation Service, SalesServiceSid another.
const (
	AccountSid      = "AC00000000000000000000000000000001"
	ServiceSid      = "IS00000000000000000000000000000001"
	SalesServiceSid = "IS00000000000000000000000000000002"
)

// MemoryStoreID is the memory store of the n-th generated configuration
// that has one, in the format of Twilio's spec.
func MemoryStoreID(n int) string { return fmt.Sprintf("mem_store_0%025x", n) }

// identities of generated users: plain, dotted, with a slash, a plus sign,
// a space and non-Latin scripts, so that escaping is exercised.
var identities = []string{"alice", "bob.smith", "carol/ops", "dmitri.иванов", "李雷", "eve+test@example.com", "frank 42", "grace"}

var names = []string{"Order #4411", "Café support", "Billing question", "Livraison en retard", "配送について", "Returns", "VIP onboarding", "Техподдержка"}

var statuses = []string{"ACTIVE", "ACTIVE", "ACTIVE", "INACTIVE", "CLOSED"}

var channels = []string{"SMS", "WHATSAPP", "VOICE", "CHAT", "RCS", "VIDEO"}

var participantTypes = []string{"CUSTOMER", "HUMAN_AGENT", "AI_AGENT", "AGENT", "UNKNOWN"}

// Generate builds a consistent dataset from opts; the same options always
// give the same dataset.
func Generate(opts GenerateOptions) *Dataset {
	r := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	base := time.Date(2025, 1, 6, 9, 0, 0, 0, time.UTC)
	ts := func(i int) string { return base.Add(time.Duration(i) * 17 * time.Minute).Format(time.RFC3339) }
	hex := func(prefix string, n int) string { return fmt.Sprintf("%s%032x", prefix, n) }
	ulid := func(kind string, n int) string {
		return fmt.Sprintf("conv_%s_01k%022x", kind, uint64(n)*2654435761+opts.Seed)
	}
	str := func(s string) *string { return &s }

	d := &Dataset{AccountSid: AccountSid}
	d.Conversations = make([]V2Conversation, opts.Conversations)
	for i := range d.Conversations {
		id := ulid("conversation", i)
		c := Conversation{
			ID:              id,
			AccountID:       AccountSid,
			ConfigurationID: fmt.Sprintf("conv_configuration_%02d", i%3),
			Status:          statuses[r.IntN(len(statuses))],
			CreatedAt:       ts(i),
			UpdatedAt:       ts(i + r.IntN(90)),
		}
		if i%7 != 3 {
			c.Name = str(fmt.Sprintf("%s %d", names[i%len(names)], i))
		}
		if i%4 != 1 {
			c.Metadata = map[string]string{"team": []string{"sales", "support", "billing"}[i%3], "priority": fmt.Sprint(1 + i%3)}
		}
		if i%9 != 5 {
			c.Configuration = &Configuration{
				DisplayName:                  fmt.Sprintf("Config %d", i%3),
				ConversationGroupingType:     []string{"GROUP_BY_PROFILE", "GROUP_BY_PARTICIPANT_ADDRESSES", "GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE"}[i%3],
				StatusCallbacks:              []StatusCallback{{URL: fmt.Sprintf("https://hooks.example.com/conversations/%d", i%3), Method: "POST"}},
				IntelligenceConfigurationIDs: []string{fmt.Sprintf("intelligence_configuration_%02d", i%4)},
				MemoryExtractionEnabled:      i%2 == 0,
			}
			if i%3 != 2 {
				c.Configuration.Description = str("Routing for " + names[i%len(names)])
				c.Configuration.MemoryStoreID = str(MemoryStoreID(i % 5))
				c.Configuration.ChannelSettings = json.RawMessage(fmt.Sprintf(`{"SMS":{"inactivityTimeout":"PT%dM"},"WHATSAPP":{"closeTimeout":"P1D"}}`, 10+i%50))
				c.Configuration.ConversationsV1Bridge = &Bridge{ServiceID: ServiceSid}
			}
		}
		var channelIDs []string
		if i%10 != 9 {
			ps := make([]Participant, opts.ParticipantsPerConversation)
			for j := range ps {
				n := i*opts.ParticipantsPerConversation + j
				ch := channels[(i+j)%len(channels)]
				addrs := []Address{{Channel: ch, Address: address(ch, n)}}
				if j%2 == 1 && ch != "CHAT" {
					addrs = append(addrs, Address{Channel: "CHAT", Address: identities[n%len(identities)], ChannelID: str(hex("CH", n))})
				}
				if ch == "VOICE" {
					callSid := hex("CA", n)
					addrs[0].ChannelID = &callSid
					channelIDs = append(channelIDs, callSid)
				}
				ps[j] = Participant{
					ID: ulid("participant", n), ConversationID: id, AccountID: AccountSid,
					Type: participantTypes[n%len(participantTypes)], Addresses: addrs,
					CreatedAt: ts(i + j), UpdatedAt: ts(i + j + 1),
				}
				if n%5 != 2 {
					ps[j].Name = str(displayName(identities[n%len(identities)]))
				}
				if n%3 == 0 {
					ps[j].ProfileID = str(fmt.Sprintf("mem_profile_%06d", n))
				}
			}
			c.Participants = &ps
		}
		channelIDs = append(channelIDs, hex("SM", i))
		d.Conversations[i] = V2Conversation{Conversation: c, ChannelIDs: channelIDs}
	}

	// The configurations the conversations name, each in memory store k:
	// Twilio's spec requires a configuration's description and memory
	// store. The third has no channel settings and no v1 bridge.
	for k := range 3 {
		c := V2Configuration{
			ID: fmt.Sprintf("conv_configuration_%02d", k),
			Configuration: Configuration{
				DisplayName:                  fmt.Sprintf("Config %d", k),
				Description:                  str("Routing for " + names[k]),
				ConversationGroupingType:     []string{"GROUP_BY_PROFILE", "GROUP_BY_PARTICIPANT_ADDRESSES", "GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE"}[k],
				MemoryStoreID:                str(MemoryStoreID(k)),
				StatusCallbacks:              []StatusCallback{{URL: fmt.Sprintf("https://hooks.example.com/conversations/%d", k), Method: []string{"POST", "GET"}[k%2]}},
				IntelligenceConfigurationIDs: []string{fmt.Sprintf("intelligence_configuration_%02d", k)},
				MemoryExtractionEnabled:      k%2 == 0,
			},
			CreatedAt: ts(-100 + k), UpdatedAt: ts(-50 + k), Version: int64(1 + k),
		}
		if k < 2 {
			c.ChannelSettings = json.RawMessage(fmt.Sprintf(`{"SMS":{"statusTimeouts":{"inactive":%d,"closed":1440}}}`, 10+k))
			c.ConversationsV1Bridge = &Bridge{ServiceID: ServiceSid}
		}
		d.Configurations = append(d.Configurations, c)
	}

	users := make([]User, opts.Users)
	for i := range users {
		users[i] = User{Sid: hex("US", i+1), Identity: identity(i), Attributes: "{}", DateCreated: ts(-200 + i), DateUpdated: ts(-150 + i)}
		if i%3 != 2 {
			users[i].FriendlyName = str(displayName(identity(i)))
			users[i].RoleSid = hex("RL", 1+i%2)
			users[i].Attributes = fmt.Sprintf(`{"team":%q,"level":%d}`, []string{"support", "sales"}[i%2], i)
			online, notifiable := i%2 == 0, i%4 != 1
			users[i].IsOnline, users[i].IsNotifiable = &online, &notifiable
		}
	}
	svc := Service{Sid: ServiceSid, FriendlyName: "Support", DateCreated: ts(-300), DateUpdated: ts(-290), Default: true, Users: users}
	svc.Conversations = make([]V1Conversation, opts.V1Conversations)
	for i := range svc.Conversations {
		c := V1Conversation{
			Sid:         hex("CH", 0x1000+i),
			Attributes:  "{}",
			State:       []string{"active", "active", "inactive", "closed"}[i%4],
			Timers:      map[string]string{},
			DateCreated: ts(i),
			DateUpdated: ts(i + 3),
		}
		if i%3 != 0 {
			c.FriendlyName = str(names[i%len(names)])
			c.UniqueName = str(fmt.Sprintf("ticket-%05d", i))
			c.CreatedBy = str("system")
			c.Attributes = fmt.Sprintf(`{"priority":%d,"tags":["vip","renewal"]}`, i%3)
		}
		if c.State == "active" && i%2 == 0 {
			c.Timers["date_inactive"] = ts(i + 200)
			c.Timers["date_closed"] = ts(i + 400)
		} else if c.State == "inactive" {
			c.Timers["date_closed"] = base.Add(time.Duration(i) * time.Hour).Format("2006-01-02T15:04:05+00:00")
		}
		// The first user is in every conversation; one other user and one
		// SMS or WhatsApp participant join in turn.
		members := []int{0}
		if len(users) > 1 {
			members = append(members, 1+i%(len(users)-1))
		}
		for k, u := range members {
			p := V1Participant{Sid: hex("MB", (i+1)*16+k), Identity: str(users[u].Identity), NotificationLevel: []string{"default", "muted"}[(i+k)%2]}
			if (i+k)%5 != 4 {
				unread, last := r.IntN(12), 10+r.IntN(200)
				p.UnreadMessagesCount, p.LastReadMessageIndex = &unread, &last
			}
			c.Participants = append(c.Participants, p)
		}
		kind := []string{"sms", "whatsapp"}[i%2]
		addr := fmt.Sprintf("+1555%07d", i%40)
		if kind == "whatsapp" {
			addr = "whatsapp:" + addr
		}
		c.Participants = append(c.Participants, V1Participant{
			Sid: hex("MB", (i+1)*16+15), NotificationLevel: "default",
			MessagingBinding: &MessagingBinding{Address: addr, ProxyAddress: str("+15557654321"), Type: kind},
		})
		svc.Conversations[i] = c
	}
	d.Services = []Service{svc, salesService(users, ts)}
	generateCommunications(d, ts)
	d.AccountConfiguration, d.AddressConfigurations, d.Credentials = generateAccount(ts)
	generateClassic(d, opts)
	generateServiceSettings(d, ts)
	return d
}

// salesService is a second, non-default Conversation Service: the first
// users of the default one, under their own SIDs, in three conversations.
func salesService(users []User, ts func(int) string) Service {
	s := Service{Sid: SalesServiceSid, FriendlyName: "Sales", DateCreated: ts(-280), DateUpdated: ts(-270)}
	for i, u := range users[:min(2, len(users))] {
		s.Users = append(s.Users, User{Sid: fmt.Sprintf("US%032x", 0x5000+i), Identity: u.Identity, Attributes: "{}"})
	}
	for i := range 3 {
		c := V1Conversation{
			Sid: fmt.Sprintf("CH%032x", 0x5000+i), Attributes: "{}", State: []string{"active", "closed", "inactive"}[i],
			Timers: map[string]string{}, DateCreated: ts(i), DateUpdated: ts(i + 1),
		}
		for k, u := range s.Users {
			if k <= i {
				c.Participants = append(c.Participants, V1Participant{Sid: fmt.Sprintf("MB%032x", 0x5000+3*i+k), Identity: &u.Identity, NotificationLevel: "default"})
			}
		}
		c.Participants = append(c.Participants, V1Participant{
			Sid: fmt.Sprintf("MB%032x", 0x5000+3*i+2), NotificationLevel: "default",
			MessagingBinding: &MessagingBinding{Address: fmt.Sprintf("+1555000%04d", i), Type: "sms"},
		})
		s.Conversations = append(s.Conversations, c)
	}
	return s
}

func identity(i int) string {
	if i < len(identities) {
		return identities[i]
	}
	return fmt.Sprintf("user-%d", i)
}

func address(channel string, n int) string {
	switch channel {
	case "WHATSAPP":
		return fmt.Sprintf("whatsapp:+4477009%05d", n%100000)
	case "CHAT", "VIDEO":
		return identities[n%len(identities)]
	default:
		return fmt.Sprintf("+1555%07d", n%10000000)
	}
}

// displayName turns an identity such as "bob.smith" into "Bob".
func displayName(identity string) string {
	first := strings.FieldsFunc(identity, func(r rune) bool { return r == '.' || r == '/' || r == '+' || r == ' ' || r == '@' })[0]
	rs := []rune(first)
	return strings.ToUpper(string(rs[0])) + string(rs[1:])
}
