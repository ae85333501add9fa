package datasources

import (
	"context"
	"net/url"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/validate"
)

var (
	_ datasource.DataSourceWithConfigure        = (*userConversationsDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*userConversationsDataSource)(nil)
)

// NewUserConversationsDataSource is the constructor of twilio_user_conversations.
func NewUserConversationsDataSource() datasource.DataSource { return &userConversationsDataSource{} }

type userConversationsDataSource struct {
	client *client.Client
}

type userConversationsModel struct {
	ID             types.String `tfsdk:"id"`
	ChatServiceSid types.String `tfsdk:"chat_service_sid"`
	UserSid        types.String `tfsdk:"user_sid"`
	Identity       types.String `tfsdk:"identity"`
	PageSize       types.Int64  `tfsdk:"page_size"`
	MaxItems       types.Int64  `tfsdk:"max_items"`
	Conversations  types.List   `tfsdk:"conversations"`
}

func (d *userConversationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user_conversations"
}

func (d *userConversationsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *userConversationsDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("user_sid"), path.MatchRoot("identity")),
	}
}

func (d *userConversationsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := pagingAttributes(client.MaxPageSizeV1)
	attrs["id"] = idAttribute()
	attrs["chat_service_sid"] = schema.StringAttribute{
		Required:            true,
		MarkdownDescription: "SID of the Conversation Service (`IS` followed by 32 hexadecimal digits).",
		Validators:          []validator.String{validate.SID("IS")},
	}
	attrs["user_sid"] = schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "SID of the user (`US` followed by 32 hexadecimal digits). Exactly one of `user_sid` or `identity` is required.",
		Validators:          []validator.String{validate.SID("US")},
	}
	attrs["identity"] = schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "Identity of the user, as given to the Conversations SDK; any characters. Exactly one of `user_sid` or `identity` is required.",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["conversations"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The user's conversations, in the API's order; an empty list when there are none.",
		NestedObject: nestedObject(map[string]schema.Attribute{
			"account_sid":             computedString("SID of the Twilio account (`AC…`)."),
			"chat_service_sid":        computedString("SID of the Conversation Service (`IS…`)."),
			"conversation_sid":        computedString("SID of the conversation (`CH…`)."),
			"unread_messages_count":   computedInt("Messages the user has not read yet; null when the user has no read horizon."),
			"last_read_message_index": computedInt("Index of the last message the user read; null when none."),
			"participant_sid":         computedString("SID of the user's participant in the conversation (`MB…`)."),
			"user_sid":                computedString("SID of the user (`US…`)."),
			"friendly_name":           computedString("Friendly name of the conversation."),
			"conversation_state":      computedString("`active`, `inactive` or `closed`."),
			"timers":                  timersAttribute("Timers of the conversation; both members null when none is set."),
			"attributes":              computedJSON("Attributes of the conversation, as normalized JSON text (`{}` when unset)."),
			"date_created":            computedTime("When the conversation was created (RFC 3339)."),
			"date_updated":            computedTime("When the conversation was last updated (RFC 3339)."),
			"created_by":              computedString("Identity of the conversation's creator."),
			"notification_level":      computedString("The user's notification level: `default` or `muted`."),
			"unique_name":             computedString("Unique name of the conversation."),
			"url":                     computedString("URL of this user conversation resource."),
			"links":                   linksAttribute(),
		}),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the conversations of one chat user of a Conversation Service (Conversations v1), with the user's unread counts and notification level. An unknown service or user is an error.",
			"GET /v1/Services/{ChatServiceSid}/Users/{UserSid}/Conversations", "Conversations v1 users and their conversations", client.MaxPageSizeV1),
		Attributes: attrs,
	}
}

func (d *userConversationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m userConversationsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service := m.ChatServiceSid.ValueString()
	user, userKey := m.UserSid.ValueString(), "user_sid"
	if user == "" {
		user, userKey = m.Identity.ValueString(), "identity"
	}
	opts := listOptions(m.PageSize, m.MaxItems)
	readList(ctx, req, resp, "twilio_user_conversations", "conversations",
		lookupID("user_conversations", url.Values{"chat_service_sid": {service}, userKey: {user}}, m.MaxItems),
		"Conversation Service "+strconv.Quote(service)+" or user "+strconv.Quote(user),
		func(fn func([]client.UserConversation) error) (client.Stats, error) {
			return d.client.ListUserConversations(ctx, service, user, opts, fn)
		}, userConversationValue)
}

// userConversationValue maps a v1 user conversation; t is its type.
func userConversationValue(m *mapper, t tftypes.Type, c client.UserConversation) tftypes.Value {
	id := sid(c.ConversationSid)
	return tftypes.NewValue(t, map[string]tftypes.Value{
		"account_sid":             m.recurring(c.AccountSid),
		"chat_service_sid":        m.recurring(c.ChatServiceSid),
		"conversation_sid":        tfStringPtr(c.ConversationSid),
		"unread_messages_count":   tfInt64Ptr(c.UnreadMessagesCount),
		"last_read_message_index": tfInt64Ptr(c.LastReadMessageIndex),
		"participant_sid":         tfStringPtr(c.ParticipantSid),
		"user_sid":                m.recurring(c.UserSid),
		"friendly_name":           tfStringPtr(c.FriendlyName),
		"conversation_state":      m.recurring(c.ConversationState),
		"timers":                  timersValue(m, attrType(t, "timers"), c.Timers, id),
		"attributes":              tfStringPtr(c.Attributes),
		"date_created":            m.time(c.DateCreated, "conversation", id, "date_created"),
		"date_updated":            m.time(c.DateUpdated, "conversation", id, "date_updated"),
		"created_by":              m.recurring(c.CreatedBy),
		"notification_level":      m.recurring(c.NotificationLevel),
		"unique_name":             tfStringPtr(c.UniqueName),
		"url":                     tfStringPtr(c.URL),
		"links":                   linksValue(attrType(t, "links"), c.Links),
	})
}
