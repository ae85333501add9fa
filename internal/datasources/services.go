package datasources

import (
	"context"
	"net/url"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/validate"
)

var (
	_ datasource.DataSourceWithConfigure = (*servicesDataSource)(nil)
	_ StateReader                        = (*servicesDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*usersDataSource)(nil)
	_ StateReader                        = (*usersDataSource)(nil)
)

// NewServicesDataSource is the constructor of twilio_conversation_services.
func NewServicesDataSource() datasource.DataSource { return &servicesDataSource{} }

// NewUsersDataSource is the constructor of twilio_conversation_users.
func NewUsersDataSource() datasource.DataSource { return &usersDataSource{} }

type servicesDataSource struct{ configured }

type usersDataSource struct{ configured }

type servicesModel struct {
	listInputs
	Services types.List `tfsdk:"services"`
}

type usersModel struct {
	listInputs
	ChatServiceSid types.String `tfsdk:"chat_service_sid"`
	Users          types.List   `tfsdk:"users"`
}

func (d *servicesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversation_services"
}

func (d *servicesDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listAttributes(ctx, client.MaxPageSizeServices, "", "")
	attrs["services"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The Conversation Services, in the API's order; an empty list when there are none.",
		NestedObject:        nestedObject(serviceType.attributes()),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the Conversation Services of the account (Conversations v1), for example to find one by its `friendly_name`.",
			"`GET /v1/Services`", "Conversations v1 services", client.MaxPageSizeServices),
		Attributes: attrs,
	}
}

func (d *servicesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *servicesDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	var m servicesModel
	if diags := config.Get(ctx, &m); diags.HasError() {
		return nil, diags
	}
	return readList(ctx, config, listRead[client.Service]{
		typeName: "twilio_conversation_services", listAttr: "services",
		id: d.lookupID("conversation_services", url.Values{}, m.MaxItems), inputs: m.listInputs,
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.Service) error) (client.Stats, error) {
			return d.client.ListServices(ctx, opts, fn)
		},
		item: serviceType.write,
	})
}

// serviceType is a Conversation Service.
var serviceType = declare("service", func(s *client.Service) *string { return s.Sid }, fields(
	str("sid", "SID of the Conversation Service (`IS…`).", func(s *client.Service) *string { return s.Sid }),
	str("account_sid", "SID of the Twilio account (`AC…`).", func(s *client.Service) *string { return s.AccountSid }),
	str("friendly_name", "Friendly name of the service.", func(s *client.Service) *string { return s.FriendlyName }),
	timestamp("date_created", "When the service was created (RFC 3339).", func(s *client.Service) *string { return s.DateCreated }),
	timestamp("date_updated", "When the service was last updated (RFC 3339).", func(s *client.Service) *string { return s.DateUpdated }),
	str("url", "URL of the service resource.", func(s *client.Service) *string { return s.URL }),
	urlMap("links", linksDescription, func(s *client.Service) map[string]jsontext.Value { return s.Links }),
))

func (d *usersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversation_users"
}

func (d *usersDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listAttributes(ctx, client.MaxPageSizeV1, "", "")
	attrs["chat_service_sid"] = schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "SID of the Conversation Service (`IS` followed by 32 hexadecimal digits), such as the `sid` of an item of `twilio_conversation_services`. Without it, the account's default Conversation Service.",
		Validators:          []validator.String{validate.SID("IS")},
	}
	attrs["users"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The service's chat users, in the API's order; an empty list when there are none.",
		NestedObject:        nestedObject(userType.attributes()),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the chat users of one Conversation Service (Conversations v1), or of the account's default one. An unknown service is an error.",
			"`GET /v1/Services/{ChatServiceSid}/Users` (`GET /v1/Users` without `chat_service_sid`)", "Conversations v1 users", client.MaxPageSizeV1),
		Attributes: attrs,
	}
}

func (d *usersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *usersDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	var m usersModel
	if diags := config.Get(ctx, &m); diags.HasError() {
		return nil, diags
	}
	service := m.ChatServiceSid.ValueString()
	q := url.Values{}
	notFound := "" // the default service always exists
	if service != "" {
		q.Set("chat_service_sid", service)
		notFound = "Conversation Service " + strconv.Quote(service)
	}
	return readList(ctx, config, listRead[client.User]{
		typeName: "twilio_conversation_users", listAttr: "users",
		id: d.lookupID("conversation_users", q, m.MaxItems), inputs: m.listInputs,
		notFound: notFound,
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.User) error) (client.Stats, error) {
			return d.client.ListUsers(ctx, service, opts, fn)
		},
		item: userType.write,
	})
}

// userType is a chat user of a Conversation Service.
var userType = declare("user", func(u *client.User) *string { return u.Sid }, fields(
	str("sid", "SID of the user (`US…`).", func(u *client.User) *string { return u.Sid }),
	str("account_sid", "SID of the Twilio account (`AC…`).", func(u *client.User) *string { return u.AccountSid }),
	str("chat_service_sid", "SID of the Conversation Service (`IS…`).", func(u *client.User) *string { return u.ChatServiceSid }),
	str("role_sid", "SID of the user's role (`RL…`).", func(u *client.User) *string { return u.RoleSid }),
	str("identity", "Identity of the user, as given to the Conversations SDK. Personal data.", func(u *client.User) *string { return u.Identity }),
	str("friendly_name", "Friendly name of the user; null when not set. Personal data.", func(u *client.User) *string { return u.FriendlyName }),
	jsonString("attributes", "Attributes of the user, as normalized JSON text (`{}` when unset).", func(u *client.User) *string { return u.Attributes }),
	boolean("is_online", "Whether the user is connected to the service. Twilio sends it only to a single lookup (`twilio_user_v1`): null in a list, and null when the service's `reachability_enabled` is off or the user was never online.", func(u *client.User) *bool { return u.IsOnline }),
	boolean("is_notifiable", "Whether the user has a push registration that may be valid. Twilio sends it only to a single lookup (`twilio_user_v1`): null in a list, and null when the service's `reachability_enabled` is off or the user never had a registration.", func(u *client.User) *bool { return u.IsNotifiable }),
	timestamp("date_created", "When the user was created (RFC 3339).", func(u *client.User) *string { return u.DateCreated }),
	timestamp("date_updated", "When the user was last updated (RFC 3339).", func(u *client.User) *string { return u.DateUpdated }),
	str("url", "URL of the user resource.", func(u *client.User) *string { return u.URL }),
	urlMap("links", linksDescription, func(u *client.User) map[string]jsontext.Value { return u.Links }),
))

// NewUserDataSource is the constructor of twilio_user_v1.
func NewUserDataSource() datasource.DataSource {
	return &lookupV1[client.User]{
		typeName: "twilio_user_v1",
		description: singleDescription("Looks up one chat user (Conversations v1) by SID or by identity, in a Conversation Service or in the account's default one, with the attributes of an item of `twilio_conversation_users` at the top level; unlike a list, it has the user's `is_online` and `is_notifiable`. An unknown user or service is an error, not an empty result.",
			"`GET /v1/Users/{Sid}` (`GET /v1/Services/{ChatServiceSid}/Users/{Sid}` with `chat_service_sid`), where `{Sid}` is the SID or the identity", "Conversations v1 users"),
		typ: userType,
		inputs: []lookupV1Input[client.User]{
			{"sid", schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "SID of the user (`US` followed by 32 hexadecimal digits). Exactly one of `sid` or `identity` is required; the other is the user's.",
				Validators:          []validator.String{validate.SID("US")},
			}, func(u *client.User, v *string) { u.Sid = v }},
			{"identity", schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Identity of the user, as given to the Conversations SDK; any characters. Exactly one of `sid` or `identity` is required; the other is the user's. Personal data.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			}, func(u *client.User, v *string) { u.Identity = v }},
			{"chat_service_sid", chatServiceInput(false), func(u *client.User, v *string) { u.ChatServiceSid = v }},
		},
		validators: []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("sid"), path.MatchRoot("identity"))},
		get: func(ctx context.Context, c *client.Client, in map[string]string) (*client.User, error) {
			user := in["sid"]
			if user == "" {
				user = in["identity"]
			}
			return c.GetUser(ctx, in["chat_service_sid"], user)
		},
		notFound: func(in map[string]string) string {
			return "user " + strconv.Quote(in["sid"]+in["identity"]) + ofService(in["chat_service_sid"])
		},
	}
}
