package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// The account-level configuration of Conversations v1: the account's
// configuration and its webhooks, the address configurations (how a
// message to one of the account's addresses starts a conversation) and the
// push credentials. None of them belongs to a Conversation Service.

// AccountConfiguration is the account's Conversations configuration, as
// GET /v1/Configuration returns it, with its webhooks, as
// GET /v1/Configuration/Webhooks returns them. Every field may be left out
// of a fixture.
type AccountConfiguration struct {
	// DefaultChatServiceSid defaults to the service marked default.
	DefaultChatServiceSid      *string               `json:"default_chat_service_sid,omitempty"`
	DefaultMessagingServiceSid *string               `json:"default_messaging_service_sid"`
	DefaultInactiveTimer       *string               `json:"default_inactive_timer"`
	DefaultClosedTimer         *string               `json:"default_closed_timer"`
	Webhooks                   *ConfigurationWebhook `json:"webhooks,omitempty"`
}

// ConfigurationWebhook is the account's webhook configuration.
type ConfigurationWebhook struct {
	Method         string   `json:"method,omitempty"` // GET or POST; default POST
	Filters        []string `json:"filters"`
	PreWebhookURL  *string  `json:"pre_webhook_url"`
	PostWebhookURL *string  `json:"post_webhook_url"`
	Target         string   `json:"target,omitempty"` // webhook or flex; default webhook
}

// AddressConfiguration is an address configuration, as
// GET /v1/Configuration/Addresses returns it, less what the emulator
// derives (account_sid, url).
type AddressConfiguration struct {
	Sid          string  `json:"sid"`
	Type         string  `json:"type"`
	Address      string  `json:"address"`
	FriendlyName *string `json:"friendly_name"`
	// AutoCreation is free-form in Twilio's spec: it is served as given;
	// left out, it is null.
	AutoCreation   json.RawMessage `json:"auto_creation,omitempty"`
	DateCreated    string          `json:"date_created"`
	DateUpdated    string          `json:"date_updated"`
	AddressCountry *string         `json:"address_country"`
}

// Credential is a push credential, as GET /v1/Credentials returns it, less
// account_sid and url. Twilio never returns a credential's secrets.
type Credential struct {
	Sid          string  `json:"sid"`
	FriendlyName *string `json:"friendly_name"`
	Type         string  `json:"type"` // apn, gcm or fcm
	Sandbox      *string `json:"sandbox"`
	DateCreated  string  `json:"date_created"`
	DateUpdated  string  `json:"date_updated"`
}

// Audit findings planted in generated data, so that an audit of the
// account's configuration has something to find.
const (
	// InsecureWebhookURL is the account's post-event webhook URL: plain
	// http.
	InsecureWebhookURL = "http://hooks.example.com/conversations/post"
	// InsecureAddressSid auto-creates conversations through a plain http
	// webhook.
	InsecureAddressSid = "IG00000000000000000000000000000003"
	// UnknownServiceAddressSid auto-creates conversations in
	// UnknownServiceSid, which is none of the account's services.
	UnknownServiceAddressSid = "IG00000000000000000000000000000005"
	UnknownServiceSid        = "IS0000000000000000000000000000dead"
	// UnexpectedFlowAddressSid hands new conversations to Studio flow
	// UnexpectedFlowSid; the other studio addresses use StudioFlowSid.
	UnexpectedFlowAddressSid = "IG00000000000000000000000000000007"
	UnexpectedFlowSid        = "FW0000000000000000000000000000dead"
	StudioFlowSid            = "FW00000000000000000000000000000001"
	// SandboxCredentialSid is an APN credential that sends to the sandbox.
	SandboxCredentialSid = "CR00000000000000000000000000000002"
)

// generateAccount is the account-level configuration of a generated
// dataset: every field set and null somewhere, and the findings above.
func generateAccount(ts func(int) string) (*AccountConfiguration, []AddressConfiguration, []Credential) {
	str := func(s string) *string { return &s }
	cfg := &AccountConfiguration{
		DefaultMessagingServiceSid: str("MG00000000000000000000000000000001"),
		DefaultInactiveTimer:       str("PT1H"),
		DefaultClosedTimer:         nil,
		Webhooks: &ConfigurationWebhook{
			Method:         "POST",
			Filters:        []string{"onMessageAdded", "onConversationStateUpdated", "onParticipantAdded"},
			PreWebhookURL:  str("https://hooks.example.com/conversations/pre"),
			PostWebhookURL: str(InsecureWebhookURL),
			Target:         "webhook",
		},
	}
	webhook := func(url string, method string) json.RawMessage {
		return mustJSON(map[string]any{
			"enabled": true, "type": "webhook", "conversation_service_sid": ServiceSid,
			"webhook_url": url, "webhook_method": method, "webhook_filters": []string{"onParticipantAdded", "onMessageAdded"},
		})
	}
	studio := func(flow string, enabled bool, retries int) json.RawMessage {
		return mustJSON(map[string]any{
			"enabled": enabled, "type": "studio", "conversation_service_sid": ServiceSid,
			"studio_flow_sid": flow, "studio_retry_count": retries,
		})
	}
	autos := []json.RawMessage{
		mustJSON(map[string]any{"enabled": true, "type": "default"}),
		webhook("https://hooks.example.com/autocreate", "POST"),
		webhook("http://hooks.example.com/autocreate", "GET"), // InsecureAddressSid
		studio(StudioFlowSid, true, 3),
		mustJSON(map[string]any{"enabled": true, "type": "default", "conversation_service_sid": UnknownServiceSid}), // UnknownServiceAddressSid
		json.RawMessage("null"),                                                                                     // auto-creation never configured
		studio(UnexpectedFlowSid, true, 1),                                                                          // UnexpectedFlowAddressSid
		mustJSON(map[string]any{"enabled": false, "type": "default", "conversation_service_sid": SalesServiceSid}),
		studio(StudioFlowSid, false, 0),
	}
	var addrs []AddressConfiguration
	for i := range 13 {
		a := AddressConfiguration{
			Sid: fmt.Sprintf("IG%032x", i+1), Type: []string{"sms", "whatsapp", "sms"}[i%3],
			Address:     fmt.Sprintf("+1555300%04d", i),
			DateCreated: ts(-400 + i), DateUpdated: ts(-380 + 2*i),
		}
		if a.Type == "whatsapp" {
			a.Address = "whatsapp:" + a.Address
		}
		if i%4 != 3 {
			a.FriendlyName = str(fmt.Sprintf("Inbound %s %d", a.Type, i+1))
		}
		if i < len(autos) {
			a.AutoCreation = autos[i]
		} else {
			a.AutoCreation = autos[i%2]
		}
		addrs = append(addrs, a)
	}
	// A short code, the one kind of address with a country, and a channel
	// the older spec did not list.
	addrs[9].Type, addrs[9].Address, addrs[9].AddressCountry = "sms", "24680", str("CA")
	addrs[12].Type, addrs[12].Address = "rcs", "rcs:support_agent"

	var creds []Credential
	for i := range 7 {
		c := Credential{
			Sid: fmt.Sprintf("CR%032x", i+1), Type: []string{"apn", "apn", "fcm", "gcm"}[i%4],
			DateCreated: ts(-500 + i), DateUpdated: ts(-450 + i),
		}
		if i%3 != 2 {
			c.FriendlyName = str(fmt.Sprintf("Push %s %d", c.Type, i+1))
		}
		if c.Type == "apn" {
			c.Sandbox = str("false")
		}
		creds = append(creds, c)
	}
	creds[1].Sandbox = str("true") // SandboxCredentialSid
	return cfg, addrs, creds
}

// checkAccount refuses address configurations and credentials whose SIDs
// (or addresses) are empty or repeated.
func (d *Dataset) checkAccount() error {
	seen := map[string]bool{}
	for _, a := range d.AddressConfigurations {
		if a.Sid == "" || a.Address == "" || seen[a.Sid] || seen[a.Address] {
			return fmt.Errorf("fixture: address configuration %q (address %q) has an empty or repeated sid or address", a.Sid, a.Address)
		}
		seen[a.Sid], seen[a.Address] = true, true
		if len(a.AutoCreation) > 0 && !json.Valid(a.AutoCreation) {
			return fmt.Errorf("fixture: address configuration %s: auto_creation is not JSON", a.Sid)
		}
	}
	for _, c := range d.Credentials {
		if c.Sid == "" || seen[c.Sid] {
			return fmt.Errorf("fixture: credential sid %q is empty or repeated", c.Sid)
		}
		seen[c.Sid] = true
	}
	return nil
}

// Output items.

type accountConfigurationOut struct {
	AccountSid                 string            `json:"account_sid"`
	DefaultChatServiceSid      *string           `json:"default_chat_service_sid"`
	DefaultMessagingServiceSid *string           `json:"default_messaging_service_sid"`
	DefaultInactiveTimer       *string           `json:"default_inactive_timer"`
	DefaultClosedTimer         *string           `json:"default_closed_timer"`
	URL                        string            `json:"url"`
	Links                      map[string]string `json:"links"`
}

type configurationWebhookOut struct {
	AccountSid     string   `json:"account_sid"`
	Method         string   `json:"method"`
	Filters        []string `json:"filters"`
	PreWebhookURL  *string  `json:"pre_webhook_url"`
	PostWebhookURL *string  `json:"post_webhook_url"`
	Target         string   `json:"target"`
	URL            string   `json:"url"`
}

type addressConfigurationOut struct {
	AccountSid string `json:"account_sid"`
	AddressConfiguration
	URL string `json:"url"`
}

type credentialOut struct {
	AccountSid string `json:"account_sid"`
	Credential
	URL string `json:"url"`
}

// accountIndex is the account-level configuration, pre-encoded.
type accountIndex struct {
	configuration, webhooks []byte
	addresses               []addressEntry
	addressesByKey          map[string]json.RawMessage // by SID and by address
	credentials             []json.RawMessage
	credentialsBySid        map[string]json.RawMessage
}

type addressEntry struct {
	typ string
	raw json.RawMessage
}

const api = "https://conversations.twilio.com/v1"

func buildAccountIndex(d *Dataset) (*accountIndex, error) {
	ix := &accountIndex{addressesByKey: map[string]json.RawMessage{}, credentialsBySid: map[string]json.RawMessage{}}
	cfg := d.AccountConfiguration
	if cfg == nil {
		cfg = &AccountConfiguration{}
	}
	out := accountConfigurationOut{
		AccountSid: d.AccountSid, DefaultChatServiceSid: cfg.DefaultChatServiceSid, DefaultMessagingServiceSid: cfg.DefaultMessagingServiceSid,
		DefaultInactiveTimer: cfg.DefaultInactiveTimer, DefaultClosedTimer: cfg.DefaultClosedTimer, URL: api + "/Configuration",
		Links: map[string]string{"webhooks": api + "/Configuration/Webhooks"},
	}
	if out.DefaultChatServiceSid == nil {
		for _, s := range d.Services {
			if s.Default {
				out.DefaultChatServiceSid = &s.Sid
			}
		}
	}
	if out.DefaultChatServiceSid != nil {
		out.Links["service"] = api + "/Services/" + *out.DefaultChatServiceSid + "/Configuration"
	}
	ix.configuration = mustJSON(out)
	wh := ConfigurationWebhook{}
	if cfg.Webhooks != nil {
		wh = *cfg.Webhooks
	}
	whOut := configurationWebhookOut{
		AccountSid: d.AccountSid, Method: wh.Method, Filters: wh.Filters, PreWebhookURL: wh.PreWebhookURL,
		PostWebhookURL: wh.PostWebhookURL, Target: wh.Target, URL: api + "/Configuration/Webhooks",
	}
	if whOut.Method == "" {
		whOut.Method = "POST"
	}
	if whOut.Target == "" {
		whOut.Target = "webhook"
	}
	if whOut.Filters == nil {
		whOut.Filters = []string{}
	}
	ix.webhooks = mustJSON(whOut)
	for _, a := range d.AddressConfigurations {
		if len(a.AutoCreation) == 0 {
			a.AutoCreation = json.RawMessage("null")
		}
		raw, err := json.Marshal(addressConfigurationOut{AccountSid: d.AccountSid, AddressConfiguration: a, URL: api + "/Configuration/Addresses/" + a.Sid})
		if err != nil {
			return nil, err
		}
		ix.addresses = append(ix.addresses, addressEntry{typ: a.Type, raw: raw})
		ix.addressesByKey[a.Sid], ix.addressesByKey[a.Address] = raw, raw
	}
	for _, c := range d.Credentials {
		raw, err := json.Marshal(credentialOut{AccountSid: d.AccountSid, Credential: c, URL: api + "/Credentials/" + c.Sid})
		if err != nil {
			return nil, err
		}
		ix.credentials = append(ix.credentials, raw)
		ix.credentialsBySid[c.Sid] = raw
	}
	return ix, nil
}

// Largest pages, from Twilio's spec.
const (
	maxPageSizeAddressConfigurations = 50
	maxPageSizeCredentials           = 100
)

// routeAccount serves the account-level endpoints; ok is false for any
// other path.
func (s *Server) routeAccount(r *http.Request, is func(...string) bool, seg func(int) string) (body []byte, status int, ok bool) {
	a := s.ix.account
	notFound := func(what string) ([]byte, int, bool) {
		return twilioError(404, 20404, "The requested resource "+what+" was not found"), 404, true
	}
	switch {
	case is("v1", "Configuration"):
		return a.configuration, 200, true
	case is("v1", "Configuration", "Webhooks"):
		return a.webhooks, 200, true
	case is("v1", "Configuration", "Addresses"):
		typ := r.URL.Query().Get("Type")
		items := []json.RawMessage{}
		for _, e := range a.addresses {
			if typ == "" || e.typ == typ {
				items = append(items, e.raw)
			}
		}
		body, status := pageV1(r, "address_configurations", items, maxPageSizeAddressConfigurations, "Type")
		return body, status, true
	case is("v1", "Configuration", "Addresses", "*"):
		// Twilio takes the SID or the address itself, and repeats either
		// in its error.
		if raw, found := a.addressesByKey[seg(3)]; found {
			return raw, 200, true
		}
		return notFound("/Configuration/Addresses/" + seg(3))
	case is("v1", "Credentials"):
		body, status := pageV1(r, "credentials", a.credentials, maxPageSizeCredentials)
		return body, status, true
	case is("v1", "Credentials", "*"):
		if raw, found := a.credentialsBySid[seg(2)]; found {
			return raw, 200, true
		}
		return notFound("/Credentials/" + seg(2))
	}
	return nil, 0, false
}
