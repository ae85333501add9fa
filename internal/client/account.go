package client

import (
	"context"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// The account-level configuration of Conversations v1.

// AccountConfiguration is GET /v1/Configuration: the account's
// Conversations defaults.
type AccountConfiguration struct {
	AccountSid                 *string `json:"account_sid"`
	DefaultChatServiceSid      *string `json:"default_chat_service_sid"`
	DefaultMessagingServiceSid *string `json:"default_messaging_service_sid"`
	DefaultInactiveTimer       *string `json:"default_inactive_timer"`
	DefaultClosedTimer         *string `json:"default_closed_timer"`
	URL                        *string `json:"url"`
	Links                      Links   `json:"links"`
}

// ConfigurationWebhook is GET /v1/Configuration/Webhooks: the account's
// webhooks.
type ConfigurationWebhook struct {
	AccountSid     *string   `json:"account_sid"`
	Method         *string   `json:"method"`
	Filters        []*string `json:"filters"`
	PreWebhookURL  *string   `json:"pre_webhook_url"`
	PostWebhookURL *string   `json:"post_webhook_url"`
	Target         *string   `json:"target"`
	URL            *string   `json:"url"`
}

// AddressConfiguration is an item of GET /v1/Configuration/Addresses: how
// a message to one of the account's addresses starts a conversation.
type AddressConfiguration struct {
	Sid            *string       `json:"sid"`
	AccountSid     *string       `json:"account_sid"`
	Type           *string       `json:"type"`
	Address        *string       `json:"address"`
	FriendlyName   *string       `json:"friendly_name"`
	AutoCreation   *AutoCreation `json:"auto_creation"`
	DateCreated    *string       `json:"date_created"`
	DateUpdated    *string       `json:"date_updated"`
	URL            *string       `json:"url"`
	AddressCountry *string       `json:"address_country"`
}

// AutoCreation is how an address configuration creates conversations. The
// spec leaves the response's object untyped; its members are those of the
// AutoCreation.* parameters that write it.
type AutoCreation struct {
	Enabled                *bool     `json:"enabled"`
	Type                   *string   `json:"type"`
	ConversationServiceSid *string   `json:"conversation_service_sid"`
	WebhookURL             *string   `json:"webhook_url"`
	WebhookMethod          *string   `json:"webhook_method"`
	WebhookFilters         []*string `json:"webhook_filters"`
	StudioFlowSid          *string   `json:"studio_flow_sid"`
	StudioRetryCount       *int64    `json:"studio_retry_count"`
}

// Credential is an item of GET /v1/Credentials, a push credential. Twilio
// never returns its secrets.
type Credential struct {
	Sid          *string `json:"sid"`
	AccountSid   *string `json:"account_sid"`
	FriendlyName *string `json:"friendly_name"`
	Type         *string `json:"type"`
	Sandbox      *string `json:"sandbox"`
	DateCreated  *string `json:"date_created"`
	DateUpdated  *string `json:"date_updated"`
	URL          *string `json:"url"`
}

// Largest pages of the account-level lists, from Twilio's spec.
const (
	MaxPageSizeAddressConfigurations = 50
	MaxPageSizeCredentials           = 100
)

// GetAccountConfiguration reads GET /v1/Configuration.
func (c *Client) GetAccountConfiguration(ctx context.Context) (*AccountConfiguration, error) {
	return getOne[AccountConfiguration](ctx, c, "/v1/Configuration")
}

// GetConfigurationWebhook reads GET /v1/Configuration/Webhooks.
func (c *Client) GetConfigurationWebhook(ctx context.Context) (*ConfigurationWebhook, error) {
	return getOne[ConfigurationWebhook](ctx, c, "/v1/Configuration/Webhooks")
}

// ListAddressConfigurations reads GET /v1/Configuration/Addresses, only
// those of one type when typ is not "".
func (c *Client) ListAddressConfigurations(ctx context.Context, typ string, opts ListOptions, fn func([]AddressConfiguration) error) (Stats, error) {
	q := url.Values{}
	if typ != "" {
		q.Set("Type", typ)
	}
	return listV1(ctx, c, "/v1/Configuration/Addresses", "address_configurations", q, opts, MaxPageSizeAddressConfigurations, fn)
}

// addressConfigurationSid is the SID of an address configuration.
var addressConfigurationSid = regexp.MustCompile(`^IG[0-9a-fA-F]{32}$`)

// GetAddressConfiguration reads GET /v1/Configuration/Addresses/{Sid},
// where sidOrAddress is the configuration's SID or its address. An
// address is personal data: it is masked in this client's logs and
// replaced by "{address}" in the error returned, Twilio's message included.
func (c *Client) GetAddressConfiguration(ctx context.Context, sidOrAddress string) (*AddressConfiguration, error) {
	segment := EscapeSegment(sidOrAddress)
	if addressConfigurationSid.MatchString(sidOrAddress) {
		return getOne[AddressConfiguration](ctx, c, "/v1/Configuration/Addresses/"+segment)
	}
	forms := personalForms(sidOrAddress)
	a, err := getOne[AddressConfiguration](withPersonal(ctx, forms...), c, "/v1/Configuration/Addresses/"+segment)
	if err != nil {
		text := err.Error()
		for _, f := range forms {
			text = strings.ReplaceAll(text, f, "{address}")
		}
		return nil, &redactedError{text: text, err: err}
	}
	return a, nil
}

// ListCredentials reads GET /v1/Credentials.
func (c *Client) ListCredentials(ctx context.Context, opts ListOptions, fn func([]Credential) error) (Stats, error) {
	return listV1(ctx, c, "/v1/Credentials", "credentials", url.Values{}, opts, MaxPageSizeCredentials, fn)
}

// GetCredential reads GET /v1/Credentials/{sid}.
func (c *Client) GetCredential(ctx context.Context, sid string) (*Credential, error) {
	return getOne[Credential](ctx, c, "/v1/Credentials/"+EscapeSegment(sid))
}

// Personal data a request carries, such as an address in its path, is
// masked in this client's logs like a secret.

type personalKey struct{}

// withPersonal marks values as personal data for the requests made with
// the returned context.
func withPersonal(ctx context.Context, values ...string) context.Context {
	return context.WithValue(ctx, personalKey{}, append(personal(ctx), values...))
}

// personal are the values ctx marks as personal data.
func personal(ctx context.Context) []string {
	v, _ := ctx.Value(personalKey{}).([]string)
	return slices.Clone(v)
}

// personalForms are the forms in which s may appear in a URL, a log line
// or an error: as is, path-escaped and query-escaped, longest first, so
// that replacing them in turn leaves no part of one behind.
func personalForms(s string) []string {
	var out []string
	for _, f := range []string{EscapeSegment(s), url.QueryEscape(s), url.PathEscape(s), s} {
		if f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}
