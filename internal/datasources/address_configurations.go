package datasources

import (
	"context"
	"net/url"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

var (
	_ datasource.DataSourceWithConfigure = (*addressConfigurationsDataSource)(nil)
	_ StateReader                        = (*addressConfigurationsDataSource)(nil)
)

// NewAddressConfigurationsDataSource is the constructor of
// twilio_address_configurations_v1.
func NewAddressConfigurationsDataSource() datasource.DataSource {
	return &addressConfigurationsDataSource{}
}

type addressConfigurationsDataSource struct{ configured }

type addressConfigurationsModel struct {
	listInputs
	Type                  types.String `tfsdk:"type"`
	AddressConfigurations types.List   `tfsdk:"address_configurations"`
	CountsByType          types.Map    `tfsdk:"counts_by_type"`
}

// addressTypes are the address types of Twilio's spec.
var addressTypes = []string{"sms", "whatsapp", "messenger", "gbm", "email", "rcs", "apple", "chat"}

func (d *addressConfigurationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_address_configurations_v1"
}

func (d *addressConfigurationsDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listAttributes(ctx, client.MaxPageSizeAddressConfigurations, "counts_by_type", "`type`")
	attrs["type"] = schema.StringAttribute{
		Optional: true,
		MarkdownDescription: "Only the address configurations of this type: `sms`, `whatsapp`, `messenger`, `gbm`, `email`, `rcs`, `apple` or `chat`. " +
			"Unset means every type. Applied by Twilio.",
		Validators: []validator.String{stringvalidator.OneOf(addressTypes...)},
	}
	attrs["address_configurations"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The address configurations, in the API's order; an empty list when there are none.",
		NestedObject:        nestedObject(addressConfigurationType.attributes()),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the address configurations of the account (Conversations v1): for each of the account's addresses (phone numbers, WhatsApp senders, …), "+
			"whether a message to it creates a conversation, in which Conversation Service, and through which webhook or Studio flow. "+
			"An audit checks that `auto_creation` sends only to `https://` webhooks, expected services and expected flows.",
			"`GET /v1/Configuration/Addresses`", "Conversations v1 address configurations", client.MaxPageSizeAddressConfigurations),
		Attributes: attrs,
	}
}

func (d *addressConfigurationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *addressConfigurationsDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	var m addressConfigurationsModel
	if diags := config.Get(ctx, &m); diags.HasError() {
		return nil, diags
	}
	typ := m.Type.ValueString()
	q := url.Values{}
	if typ != "" {
		q.Set("type", typ)
	}
	return readList(ctx, config, listRead[client.AddressConfiguration]{
		typeName: "twilio_address_configurations_v1", listAttr: "address_configurations", countsAttr: "counts_by_type",
		id: d.lookupID("address_configurations_v1", q, m.MaxItems), inputs: m.listInputs,
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.AddressConfiguration) error) (client.Stats, error) {
			return d.client.ListAddressConfigurations(ctx, typ, opts, fn)
		},
		item:    addressConfigurationType.write,
		countBy: func(a *client.AddressConfiguration) *string { return a.Type },
	})
}

// addressConfigurationType is an address configuration.
var addressConfigurationType = declare("address configuration", func(a *client.AddressConfiguration) *string { return a.Sid }, fields(
	str("sid", "SID of the address configuration (`IG…`).", func(a *client.AddressConfiguration) *string { return a.Sid }),
	str("account_sid", "SID of the Twilio account (`AC…`).", func(a *client.AddressConfiguration) *string { return a.AccountSid }),
	str("type", "Type of the address: `sms`, `whatsapp`, `messenger`, `gbm`, `email`, `rcs`, `apple` or `chat`; Twilio adds types over time.",
		func(a *client.AddressConfiguration) *string { return a.Type }),
	str("address", "The address, such as `+15551234567` or `whatsapp:+15551234567`. Personal data.", func(a *client.AddressConfiguration) *string { return a.Address }),
	str("friendly_name", "Friendly name of the configuration; null when not set.", func(a *client.AddressConfiguration) *string { return a.FriendlyName }),
	object("auto_creation", "Whether and how a message to the address creates a conversation; null when auto-creation was never configured. "+
		"Twilio's spec leaves this object untyped; its members are those Twilio documents for writing it, each null when Twilio does not return it.",
		func(a *client.AddressConfiguration) *client.AutoCreation { return a.AutoCreation }, autoCreationType),
	timestamp("date_created", "When the configuration was created (RFC 3339).", func(a *client.AddressConfiguration) *string { return a.DateCreated }),
	timestamp("date_updated", "When the configuration was last updated (RFC 3339).", func(a *client.AddressConfiguration) *string { return a.DateUpdated }),
	str("url", "URL of the address configuration resource.", func(a *client.AddressConfiguration) *string { return a.URL }),
	str("address_country", "ISO 3166-1 alpha-2 country code of the address, such as `CA`; Twilio sets it for short codes only.",
		func(a *client.AddressConfiguration) *string { return a.AddressCountry }),
))

// autoCreationType is the auto-creation of an address configuration.
var autoCreationType = declare[client.AutoCreation]("auto creation", nil, fields(
	boolean("enabled", "Whether a message to the address creates a conversation.", func(a *client.AutoCreation) *bool { return a.Enabled }),
	str("type", "What handles a new conversation: `webhook`, `studio` or `default` (no handler).", func(a *client.AutoCreation) *string { return a.Type }),
	str("conversation_service_sid", "Conversation Service the conversations are created in (`IS…`); null for the account's default service.",
		func(a *client.AutoCreation) *string { return a.ConversationServiceSid }),
	str("webhook_url", "For type `webhook`: the URL Twilio sends the conversation's events to.", func(a *client.AutoCreation) *string { return a.WebhookURL }),
	str("webhook_method", "For type `webhook`: the HTTP method of the webhook, `GET` or `POST`, as Twilio returns it.", func(a *client.AutoCreation) *string { return a.WebhookMethod }),
	strList("webhook_filters", "For type `webhook`: the events sent, such as `onMessageAdded`.", func(a *client.AutoCreation) []*string { return a.WebhookFilters }),
	str("studio_flow_sid", "For type `studio`: the Studio flow the conversations are handed to (`FW…`).", func(a *client.AutoCreation) *string { return a.StudioFlowSid }),
	integer("studio_retry_count", "For type `studio`: how many times the flow's webhook is retried.", func(a *client.AutoCreation) *int64 { return a.StudioRetryCount }),
))
