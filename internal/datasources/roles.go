package datasources

import (
	"context"
	"net/url"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

var (
	_ datasource.DataSourceWithConfigure = (*rolesDataSource)(nil)
	_ StateReader                        = (*rolesDataSource)(nil)
)

// NewRolesDataSource is the constructor of twilio_roles_v1.
func NewRolesDataSource() datasource.DataSource { return &rolesDataSource{} }

type rolesDataSource struct{ configured }

type rolesModel struct {
	listInputs
	ChatServiceSid types.String `tfsdk:"chat_service_sid"`
	Roles          types.List   `tfsdk:"roles"`
	CountsByType   types.Map    `tfsdk:"counts_by_type"`
}

// roleType is a role of a Conversation Service: what its holders may do.
var roleType = declare("role", func(r *client.Role) *string { return r.Sid }, fields(
	str("sid", "SID of the role (`RL…`).", func(r *client.Role) *string { return r.Sid }),
	str("account_sid", "SID of the Twilio account (`AC…`).", func(r *client.Role) *string { return r.AccountSid }),
	str("chat_service_sid", "SID of the Conversation Service the role belongs to (`IS…`).", func(r *client.Role) *string { return r.ChatServiceSid }),
	str("friendly_name", "Name of the role, such as `channel user`.", func(r *client.Role) *string { return r.FriendlyName }),
	str("type", "`conversation` for a role within a conversation, `service` for a role in the Conversation Service; Twilio may add values.", func(r *client.Role) *string { return r.Type }),
	strList("permissions", "The permissions the role grants, such as `sendMessage` or `deleteAnyMessage`, in the API's order.", func(r *client.Role) []*string { return r.Permissions }),
	timestamp("date_created", "When the role was created (RFC 3339).", func(r *client.Role) *string { return r.DateCreated }),
	timestamp("date_updated", "When the role was last updated (RFC 3339).", func(r *client.Role) *string { return r.DateUpdated }),
	str("url", "URL of the role resource.", func(r *client.Role) *string { return r.URL }),
))

func (d *rolesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_roles_v1"
}

func (d *rolesDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listAttributes(ctx, client.MaxPageSizeV1, "counts_by_type", "`type`")
	attrs["chat_service_sid"] = schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "SID of the Conversation Service (`IS` followed by 32 hexadecimal digits) whose roles are listed. Without it, the roles of the account's default Conversation Service.",
		Validators:          chatServiceInput(true).Validators,
	}
	attrs["roles"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The roles, with their permissions, in the API's order; an empty list when there are none.",
		NestedObject:        nestedObject(roleType.attributes()),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the roles of a Conversation Service (Conversations v1), or of the account's default one, with the permissions each grants: for example to check that no role grants more than a policy allows. `counts_by_type` counts `conversation` and `service` roles. An unknown service is an error.",
			"`GET /v1/Roles` (`GET /v1/Services/{ChatServiceSid}/Roles` with `chat_service_sid`)", "Conversations v1 roles", client.MaxPageSizeV1),
		Attributes: attrs,
	}
}

func (d *rolesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *rolesDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	var m rolesModel
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
	return readList(ctx, config, listRead[client.Role]{
		typeName: "twilio_roles_v1", listAttr: "roles", countsAttr: "counts_by_type",
		id: d.lookupID("roles_v1", q, m.MaxItems), inputs: m.listInputs,
		notFound: notFound,
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.Role) error) (client.Stats, error) {
			return d.client.ListRoles(ctx, service, opts, fn)
		},
		item:    roleType.write,
		countBy: func(r *client.Role) *string { return r.Type },
	})
}

// NewRoleDataSource is the constructor of twilio_role_v1.
func NewRoleDataSource() datasource.DataSource {
	return &lookupV1[client.Role]{
		typeName: "twilio_role_v1",
		description: "Looks up one role (Conversations v1) by its SID, in a Conversation Service or in the account's default one, with the attributes of an item of `twilio_roles_v1` at the top level. An unknown role or service is an error, not an empty result.\n\n" +
			"**Endpoint:** `GET /v1/Roles/{Sid}` (`GET /v1/Services/{ChatServiceSid}/Roles/{Sid}` with `chat_service_sid`), one request.\n\n" +
			"**Permissions:** read access to Conversations v1 roles. Nothing is ever written.",
		typ: roleType,
		inputs: []lookupV1Input[client.Role]{
			{"sid", sidInput("RL", "SID of the role (`RL` followed by 32 hexadecimal digits), such as a user's `role_sid`."), func(r *client.Role, v *string) { r.Sid = v }},
			{"chat_service_sid", chatServiceInput(false), func(r *client.Role, v *string) { r.ChatServiceSid = v }},
		},
		get: func(ctx context.Context, c *client.Client, in map[string]string) (*client.Role, error) {
			return c.GetRole(ctx, in["chat_service_sid"], in["sid"])
		},
		notFound: func(in map[string]string) string {
			return "role " + strconv.Quote(in["sid"]) + ofService(in["chat_service_sid"])
		},
	}
}

// ofService ends the name of an object looked up in a service, for a 404.
func ofService(sid string) string {
	if sid == "" {
		return ""
	}
	return " of Conversation Service " + strconv.Quote(sid)
}
