package datasources

import (
	"context"
	"net/url"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
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

func linksMap() schema.MapAttribute {
	return schema.MapAttribute{
		Computed:            true,
		ElementType:         types.StringType,
		MarkdownDescription: "URLs of the related resources, by name; Twilio adds names over time.",
	}
}

func (d *servicesDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listAttributes(ctx, client.MaxPageSizeServices, "", "")
	attrs["services"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The Conversation Services, in the API's order; an empty list when there are none.",
		NestedObject: nestedObject(map[string]schema.Attribute{
			"sid":           computedString("SID of the Conversation Service (`IS…`)."),
			"account_sid":   computedString("SID of the Twilio account (`AC…`)."),
			"friendly_name": computedString("Friendly name of the service."),
			"date_created":  computedTime("When the service was created (RFC 3339)."),
			"date_updated":  computedTime("When the service was last updated (RFC 3339)."),
			"url":           computedString("URL of the service resource."),
			"links":         linksMap(),
		}),
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
		id: lookupID("conversation_services", url.Values{}, m.MaxItems), inputs: m.listInputs,
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.Service) error) (client.Stats, error) {
			return d.client.ListServices(ctx, opts, fn)
		},
		item: writeService,
	})
}

// writeService writes a Conversation Service.
func writeService(w *stateWriter, s *client.Service) {
	sid := deref(s.Sid)
	w.object(7)
	w.str("account_sid", s.AccountSid)
	w.time("date_created", s.DateCreated, "service", sid)
	w.time("date_updated", s.DateUpdated, "service", sid)
	w.str("friendly_name", s.FriendlyName)
	w.strMap("links", s.Links)
	w.str("sid", s.Sid)
	w.str("url", s.URL)
}

func (d *usersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversation_users"
}

func (d *usersDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listAttributes(ctx, client.MaxPageSizeV1, "", "")
	attrs["chat_service_sid"] = schema.StringAttribute{
		Required:            true,
		MarkdownDescription: "SID of the Conversation Service (`IS` followed by 32 hexadecimal digits), such as the `sid` of an item of `twilio_conversation_services`.",
		Validators:          []validator.String{validate.SID("IS")},
	}
	attrs["users"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The service's chat users, in the API's order; an empty list when there are none.",
		NestedObject: nestedObject(map[string]schema.Attribute{
			"sid":              computedString("SID of the user (`US…`)."),
			"account_sid":      computedString("SID of the Twilio account (`AC…`)."),
			"chat_service_sid": computedString("SID of the Conversation Service (`IS…`)."),
			"role_sid":         computedString("SID of the user's role (`RL…`)."),
			"identity":         computedString("Identity of the user, as given to the Conversations SDK."),
			"friendly_name":    computedString("Friendly name of the user; null when not set."),
			"attributes":       computedJSON("Attributes of the user, as normalized JSON text (`{}` when unset)."),
			"is_online":        computedBool("Whether the user is connected to the service; null when the service does not track it."),
			"is_notifiable":    computedBool("Whether the user can be reached by push notification; null when unknown."),
			"date_created":     computedTime("When the user was created (RFC 3339)."),
			"date_updated":     computedTime("When the user was last updated (RFC 3339)."),
			"url":              computedString("URL of the user resource."),
			"links":            linksMap(),
		}),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the chat users of one Conversation Service (Conversations v1). An unknown service is an error.",
			"`GET /v1/Services/{ChatServiceSid}/Users`", "Conversations v1 users", client.MaxPageSizeV1),
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
	return readList(ctx, config, listRead[client.User]{
		typeName: "twilio_conversation_users", listAttr: "users",
		id: lookupID("conversation_users", url.Values{"chat_service_sid": {service}}, m.MaxItems), inputs: m.listInputs,
		notFound: "Conversation Service " + strconv.Quote(service),
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.User) error) (client.Stats, error) {
			return d.client.ListUsers(ctx, service, opts, fn)
		},
		item: writeUser,
	})
}

// writeUser writes a chat user.
func writeUser(w *stateWriter, u *client.User) {
	sid := deref(u.Sid)
	w.object(13)
	w.str("account_sid", u.AccountSid)
	w.jsonText("attributes", u.Attributes, "user", sid)
	w.str("chat_service_sid", u.ChatServiceSid)
	w.time("date_created", u.DateCreated, "user", sid)
	w.time("date_updated", u.DateUpdated, "user", sid)
	w.str("friendly_name", u.FriendlyName)
	w.str("identity", u.Identity)
	w.bool("is_notifiable", u.IsNotifiable)
	w.bool("is_online", u.IsOnline)
	w.strMap("links", u.Links)
	w.str("role_sid", u.RoleSid)
	w.str("sid", u.Sid)
	w.str("url", u.URL)
}
