package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// The settings of a v1 Conversation Service that an audit reads: its
// roles, push bindings, configuration, notification and webhook settings,
// served by the service's SID and, for the default service, at the /v1
// paths without it (/v1/Roles, /v1/Users).

// Role is a role of a Conversation Service, in a fixture.
type Role struct {
	Sid          string   `json:"sid"`
	FriendlyName *string  `json:"friendly_name"`
	Type         string   `json:"type,omitempty"` // conversation or service
	Permissions  []string `json:"permissions"`
	DateCreated  string   `json:"date_created,omitempty"`
	DateUpdated  string   `json:"date_updated,omitempty"`
}

// Binding is a push registration of a chat user, in a fixture.
type Binding struct {
	Sid           string   `json:"sid"`
	Identity      *string  `json:"identity"`
	BindingType   string   `json:"binding_type,omitempty"` // apn, gcm, fcm or twilsock
	Endpoint      *string  `json:"endpoint"`
	CredentialSid *string  `json:"credential_sid"`
	MessageTypes  []string `json:"message_types"`
	DateCreated   string   `json:"date_created,omitempty"`
	DateUpdated   string   `json:"date_updated,omitempty"`
}

// ServiceConfiguration is a service's configuration, in a fixture.
type ServiceConfiguration struct {
	DefaultConversationCreatorRoleSid *string `json:"default_conversation_creator_role_sid"`
	DefaultConversationRoleSid        *string `json:"default_conversation_role_sid"`
	DefaultChatServiceRoleSid         *string `json:"default_chat_service_role_sid"`
	ReachabilityEnabled               *bool   `json:"reachability_enabled"`
}

// ServiceNotifications are a service's push notification settings, in a
// fixture; the three settings are free-form JSON, as in Twilio's spec.
type ServiceNotifications struct {
	LogEnabled              *bool           `json:"log_enabled"`
	NewMessage              json.RawMessage `json:"new_message,omitempty"`
	AddedToConversation     json.RawMessage `json:"added_to_conversation,omitempty"`
	RemovedFromConversation json.RawMessage `json:"removed_from_conversation,omitempty"`
}

// ServiceWebhooks is a service's webhook configuration, in a fixture.
type ServiceWebhooks struct {
	PreWebhookURL  *string  `json:"pre_webhook_url"`
	PostWebhookURL *string  `json:"post_webhook_url"`
	Filters        []string `json:"filters"`
	Method         string   `json:"method,omitempty"` // GET or POST
}

// Wire forms. Every field is nullable in the spec but the enums (type,
// binding_type, method), which are omitted when unset.

type roleOut struct {
	Sid            string   `json:"sid"`
	AccountSid     string   `json:"account_sid"`
	ChatServiceSid string   `json:"chat_service_sid"`
	FriendlyName   *string  `json:"friendly_name"`
	Type           string   `json:"type,omitempty"`
	Permissions    []string `json:"permissions"`
	DateCreated    *string  `json:"date_created"`
	DateUpdated    *string  `json:"date_updated"`
	URL            string   `json:"url"`
}

type bindingOut struct {
	Sid            string   `json:"sid"`
	AccountSid     string   `json:"account_sid"`
	ChatServiceSid string   `json:"chat_service_sid"`
	CredentialSid  *string  `json:"credential_sid"`
	DateCreated    *string  `json:"date_created"`
	DateUpdated    *string  `json:"date_updated"`
	Endpoint       *string  `json:"endpoint"`
	Identity       *string  `json:"identity"`
	BindingType    string   `json:"binding_type,omitempty"`
	MessageTypes   []string `json:"message_types"`
	URL            string   `json:"url"`
}

type serviceConfigurationOut struct {
	ChatServiceSid string `json:"chat_service_sid"`
	ServiceConfiguration
	URL   string            `json:"url"`
	Links map[string]string `json:"links"`
}

type serviceNotificationsOut struct {
	AccountSid              string          `json:"account_sid"`
	ChatServiceSid          string          `json:"chat_service_sid"`
	NewMessage              json.RawMessage `json:"new_message"`
	AddedToConversation     json.RawMessage `json:"added_to_conversation"`
	RemovedFromConversation json.RawMessage `json:"removed_from_conversation"`
	LogEnabled              *bool           `json:"log_enabled"`
	URL                     string          `json:"url"`
}

type serviceWebhooksOut struct {
	AccountSid     string `json:"account_sid"`
	ChatServiceSid string `json:"chat_service_sid"`
	ServiceWebhooks
	URL string `json:"url"`
}

// serviceSettings is one service's settings, pre-encoded.
type serviceSettings struct {
	sid           string
	service       json.RawMessage
	roles         []json.RawMessage
	rolesBySid    map[string]json.RawMessage
	bindings      []bindingEntry
	bindingsBySid map[string]json.RawMessage
	// users by SID and by identity, as a fetch returns them.
	users                                  map[string]json.RawMessage
	configuration, notifications, webhooks json.RawMessage
}

type bindingEntry struct {
	bindingType string
	identity    *string
	raw         json.RawMessage
}

// bindingTypes are the binding types of Twilio's spec.
var bindingTypes = []string{"apn", "gcm", "fcm", "twilsock"}

// checkServiceSettings refuses settings the emulator could not serve.
func (d *Dataset) checkServiceSettings() error {
	for _, s := range d.Services {
		seen := map[string]bool{}
		for _, r := range s.Roles {
			if r.Sid == "" || seen[r.Sid] {
				return fmt.Errorf("fixture: role sid %q of service %s is empty or repeated", r.Sid, s.Sid)
			}
			seen[r.Sid] = true
		}
		for _, b := range s.Bindings {
			if b.Sid == "" || seen[b.Sid] {
				return fmt.Errorf("fixture: binding sid %q of service %s is empty or repeated", b.Sid, s.Sid)
			}
			seen[b.Sid] = true
		}
	}
	return nil
}

// indexServiceSettings encodes every service's settings; ix.serviceList
// is already built, in the order of d.Services.
func indexServiceSettings(ix *index, d *Dataset) error {
	ix.settings = map[string]*serviceSettings{}
	for i, s := range d.Services {
		ss := &serviceSettings{
			sid: s.Sid, service: ix.serviceList[i], rolesBySid: map[string]json.RawMessage{}, bindingsBySid: map[string]json.RawMessage{},
			users: map[string]json.RawMessage{},
		}
		ix.settings[s.Sid] = ss
		if s.Default {
			ix.defaultSettings = ss
		}
		svcURL := "https://conversations.twilio.com/v1/Services/" + s.Sid
		for j, u := range s.Users {
			ss.users[u.Sid] = ix.services[s.Sid].users[j]
			ss.users[u.Identity] = ix.services[s.Sid].users[j]
		}
		for _, r := range s.Roles {
			raw, err := json.Marshal(roleOut{
				Sid: r.Sid, AccountSid: d.AccountSid, ChatServiceSid: s.Sid, FriendlyName: r.FriendlyName, Type: r.Type,
				Permissions: r.Permissions, DateCreated: nonEmpty(r.DateCreated), DateUpdated: nonEmpty(r.DateUpdated),
				URL: svcURL + "/Roles/" + r.Sid,
			})
			if err != nil {
				return err
			}
			ss.roles = append(ss.roles, raw)
			ss.rolesBySid[r.Sid] = raw
		}
		for _, b := range s.Bindings {
			raw, err := json.Marshal(bindingOut{
				Sid: b.Sid, AccountSid: d.AccountSid, ChatServiceSid: s.Sid, CredentialSid: b.CredentialSid,
				DateCreated: nonEmpty(b.DateCreated), DateUpdated: nonEmpty(b.DateUpdated), Endpoint: b.Endpoint,
				Identity: b.Identity, BindingType: b.BindingType, MessageTypes: b.MessageTypes, URL: svcURL + "/Bindings/" + b.Sid,
			})
			if err != nil {
				return err
			}
			ss.bindings = append(ss.bindings, bindingEntry{bindingType: b.BindingType, identity: b.Identity, raw: raw})
			ss.bindingsBySid[b.Sid] = raw
		}
		cfgURL := svcURL + "/Configuration"
		var cfg ServiceConfiguration
		if s.Configuration != nil {
			cfg = *s.Configuration
		}
		var err error
		if ss.configuration, err = json.Marshal(serviceConfigurationOut{
			ChatServiceSid: s.Sid, ServiceConfiguration: cfg, URL: cfgURL,
			Links: map[string]string{"notifications": cfgURL + "/Notifications", "webhooks": cfgURL + "/Webhooks"},
		}); err != nil {
			return err
		}
		var n ServiceNotifications
		if s.Notifications != nil {
			n = *s.Notifications
		}
		if ss.notifications, err = json.Marshal(serviceNotificationsOut{
			AccountSid: d.AccountSid, ChatServiceSid: s.Sid, LogEnabled: n.LogEnabled, NewMessage: n.NewMessage,
			AddedToConversation: n.AddedToConversation, RemovedFromConversation: n.RemovedFromConversation,
			URL: cfgURL + "/Notifications",
		}); err != nil {
			return err
		}
		var w ServiceWebhooks
		if s.Webhooks != nil {
			w = *s.Webhooks
		}
		if ss.webhooks, err = json.Marshal(serviceWebhooksOut{
			AccountSid: d.AccountSid, ChatServiceSid: s.Sid, ServiceWebhooks: w, URL: cfgURL + "/Webhooks",
		}); err != nil {
			return err
		}
	}
	return nil
}

// routeServiceSettings answers the paths of a service's settings, and
// /v1/Users, /v1/Roles and their items for the default service; ok is false
// for any other path.
func (s *Server) routeServiceSettings(r *http.Request) (body []byte, status int, ok bool) {
	parts := strings.Split(strings.TrimPrefix(r.URL.EscapedPath(), "/"), "/")
	for i, p := range parts {
		v, err := url.PathUnescape(p)
		if err != nil {
			return nil, 0, false
		}
		parts[i] = v
	}
	if len(parts) < 2 || parts[0] != "v1" {
		return nil, 0, false
	}
	service, rest := "", parts[1:]
	if rest[0] == "Services" && len(rest) >= 2 {
		service, rest = rest[1], rest[2:]
	}
	if service == "" && (rest[0] == "Services" || rest[0] == "Bindings" || rest[0] == "Configuration") {
		return nil, 0, false // no default-service form of these
	}
	if len(rest) == 0 {
		ss := s.ix.settings[service]
		if ss == nil {
			return s.notFound(r), http.StatusNotFound, true
		}
		return ss.service, http.StatusOK, true
	}
	known := map[string]bool{"Roles": true, "Users": true, "Bindings": true, "Configuration": true}
	if !known[rest[0]] || len(rest) > 2 {
		return nil, 0, false
	}
	if rest[0] == "Users" && len(rest) == 1 && service != "" {
		return nil, 0, false // the existing list of a service's users
	}
	ss := s.ix.settings[service]
	if service == "" {
		ss = s.ix.defaultSettings
	}
	if ss == nil {
		return twilioError(404, 20404, fmt.Sprintf("The requested resource /Services/%s was not found", service)), http.StatusNotFound, true
	}
	one := func(raw json.RawMessage) ([]byte, int, bool) {
		if raw == nil {
			return s.notFound(r), http.StatusNotFound, true
		}
		return raw, http.StatusOK, true
	}
	switch {
	case rest[0] == "Roles" && len(rest) == 1:
		b, st := pageV1(r, "roles", ss.roles, maxPageSizeV1)
		return b, st, true
	case rest[0] == "Roles":
		return one(ss.rolesBySid[rest[1]])
	case rest[0] == "Users" && len(rest) == 1:
		b, st := pageV1(r, "users", s.ix.services[ss.sid].users, maxPageSizeV1)
		return b, st, true
	case rest[0] == "Users":
		return one(ss.users[rest[1]])
	case rest[0] == "Bindings" && len(rest) == 1:
		return s.listBindings(r, ss)
	case rest[0] == "Bindings":
		return one(ss.bindingsBySid[rest[1]])
	case rest[0] == "Configuration" && len(rest) == 1:
		return ss.configuration, http.StatusOK, true
	case rest[0] == "Configuration" && rest[1] == "Notifications":
		return ss.notifications, http.StatusOK, true
	case rest[0] == "Configuration" && rest[1] == "Webhooks":
		return ss.webhooks, http.StatusOK, true
	}
	return nil, 0, false
}

func (s *Server) notFound(r *http.Request) []byte {
	return twilioError(404, 20404, "The requested resource "+r.URL.Path+" was not found")
}

// maxPageSizeBindings is the largest page of bindings.
const maxPageSizeBindings = 100

// listBindings serves a service's bindings, of any of the BindingType
// values and any of the Identity values given (every one when none is).
func (s *Server) listBindings(r *http.Request, ss *serviceSettings) ([]byte, int, bool) {
	q := r.URL.Query()
	for _, t := range q["BindingType"] {
		if !slices.Contains(bindingTypes, t) {
			return twilioError(400, 20001, fmt.Sprintf("Invalid BindingType %q: must be one of apn, gcm, fcm, twilsock", t)), 400, true
		}
	}
	items := []json.RawMessage{}
	for _, b := range ss.bindings {
		if len(q["BindingType"]) > 0 && !slices.Contains(q["BindingType"], b.bindingType) {
			continue
		}
		if len(q["Identity"]) > 0 && (b.identity == nil || !slices.Contains(q["Identity"], *b.identity)) {
			continue
		}
		items = append(items, b.raw)
	}
	body, status := pageV1(r, "bindings", items, maxPageSizeBindings, "BindingType", "Identity")
	return body, status, true
}

// Generated settings. The default service has Twilio's four default roles,
// the ones its users name, and "integration", a custom role with many
// permissions, one of them (addNonChatParticipant) granted by no default
// role; push bindings of every type; secure webhooks. The second service
// has roles, configuration and notifications full of nulls, and a post-event
// webhook over plain http: the findings an audit should report.

// DefaultRolePermissions are the permissions of the generated default
// roles, by role name: what an audit would typically allow.
var DefaultRolePermissions = map[string][]string{
	"service admin": {"createConversation", "destroyConversation", "editAnyUserInfo", "editOwnUserInfo", "joinConversation"},
	"service user":  {"createConversation", "editOwnUserInfo", "joinConversation"},
	"channel admin": {"addParticipant", "deleteAnyMessage", "editAnyMessage", "editAnyMessageAttributes", "editAnyParticipantAttributes",
		"editConversationAttributes", "editConversationName", "editNotificationLevel", "leaveConversation", "removeParticipant", "sendMediaMessage", "sendMessage"},
	"channel user": {"deleteOwnMessage", "editNotificationLevel", "editOwnMessage", "editOwnMessageAttributes", "editOwnParticipantAttributes",
		"leaveConversation", "sendMediaMessage", "sendMessage"},
}

// UnusualPermission is the permission of the generated "integration" role
// that no default role grants.
const UnusualPermission = "addNonChatParticipant"

func generateServiceSettings(d *Dataset, ts func(int) string) {
	hex := func(prefix string, n int) string { return fmt.Sprintf("%s%032x", prefix, n) }
	str := func(s string) *string { return &s }
	yes, no := true, false
	support, sales := &d.Services[0], &d.Services[1]

	for i, name := range []string{"service admin", "service user", "channel admin", "channel user"} {
		typ := "service"
		if strings.HasPrefix(name, "channel") {
			typ = "conversation"
		}
		support.Roles = append(support.Roles, Role{
			Sid: hex("RL", i+1), FriendlyName: str(name), Type: typ, Permissions: DefaultRolePermissions[name],
			DateCreated: ts(-400 + i), DateUpdated: ts(-390 + i),
		})
	}
	integration := append([]string{UnusualPermission}, DefaultRolePermissions["channel admin"]...)
	support.Roles = append(support.Roles, Role{
		Sid: hex("RL", 5), FriendlyName: str("integration"), Type: "conversation", Permissions: integration,
		DateCreated: ts(-300), DateUpdated: ts(-10),
	})
	sales.Roles = []Role{
		{Sid: hex("RL", 0x50), FriendlyName: str("sales user"), Type: "service", Permissions: []string{}, DateCreated: ts(-280)},
		{Sid: hex("RL", 0x51)}, // every nullable field null
	}

	types := bindingTypes
	for i, u := range support.Users {
		typ := types[i%len(types)]
		b := Binding{
			Sid: hex("BS", i+1), Identity: str(u.Identity), BindingType: typ, Endpoint: str(fmt.Sprintf("endpoint-%s-%d", typ, i)),
			MessageTypes: []string{"new_message", "added_to_conversation", "removed_from_conversation"}[:1+i%3],
			DateCreated:  ts(-100 + i), DateUpdated: ts(-90 + i),
		}
		if typ != "twilsock" {
			b.CredentialSid = str(hex("CR", 1+i%3))
		}
		support.Bindings = append(support.Bindings, b)
	}
	if len(support.Users) > 0 {
		// A second device of the first user.
		support.Bindings = append(support.Bindings, Binding{Sid: hex("BS", 0x100), Identity: str(support.Users[0].Identity), BindingType: "fcm",
			Endpoint: str("endpoint-fcm-second"), CredentialSid: str(hex("CR", 2)), MessageTypes: []string{"new_message"}, DateCreated: ts(5)})
	}
	sales.Bindings = []Binding{{Sid: hex("BS", 0x500)}, {Sid: hex("BS", 0x501), Identity: str("alice"), BindingType: "apn", MessageTypes: []string{}}}

	support.Configuration = &ServiceConfiguration{
		DefaultConversationCreatorRoleSid: str(hex("RL", 3)), DefaultConversationRoleSid: str(hex("RL", 4)),
		DefaultChatServiceRoleSid: str(hex("RL", 2)), ReachabilityEnabled: &yes,
	}
	sales.Configuration = &ServiceConfiguration{ReachabilityEnabled: &no}

	support.Notifications = &ServiceNotifications{
		LogEnabled:              &yes,
		NewMessage:              json.RawMessage(`{"enabled":true,"template":"${PARTICIPANT}: ${MESSAGE}","sound":"default","badge_count_enabled":true,"with_media":{"enabled":true,"template":"${PARTICIPANT} sent a file"}}`),
		AddedToConversation:     json.RawMessage(`{"enabled":true,"template":"You joined ${CONVERSATION}","sound":null}`),
		RemovedFromConversation: json.RawMessage(`{"enabled":false,"template":null,"sound":null}`),
	}

	support.Webhooks = &ServiceWebhooks{
		PreWebhookURL: str("https://hooks.example.com/conversations/pre"), PostWebhookURL: str("https://hooks.example.com/conversations/post"),
		Filters: []string{"onMessageAdd", "onMessageAdded", "onConversationAdded"}, Method: "POST",
	}
	sales.Webhooks = &ServiceWebhooks{PostWebhookURL: str(InsecureServiceWebhookURL), Filters: []string{"onMessageAdded"}, Method: "GET"}
}

// InsecureServiceWebhookURL is the generated second service's post-event webhook,
// over plain http.
const InsecureServiceWebhookURL = "http://hooks.example.com/sales/post"
