package datasources

import (
	"context"
	"net/url"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

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
	ID             types.String            `tfsdk:"id"`
	ChatServiceSid types.String            `tfsdk:"chat_service_sid"`
	UserSid        types.String            `tfsdk:"user_sid"`
	Identity       types.String            `tfsdk:"identity"`
	PageSize       types.Int64             `tfsdk:"page_size"`
	MaxItems       types.Int64             `tfsdk:"max_items"`
	Conversations  []userConversationModel `tfsdk:"conversations"`
}

type userConversationModel struct {
	AccountSid           types.String         `tfsdk:"account_sid"`
	ChatServiceSid       types.String         `tfsdk:"chat_service_sid"`
	ConversationSid      types.String         `tfsdk:"conversation_sid"`
	UnreadMessagesCount  types.Int64          `tfsdk:"unread_messages_count"`
	LastReadMessageIndex types.Int64          `tfsdk:"last_read_message_index"`
	ParticipantSid       types.String         `tfsdk:"participant_sid"`
	UserSid              types.String         `tfsdk:"user_sid"`
	FriendlyName         types.String         `tfsdk:"friendly_name"`
	ConversationState    types.String         `tfsdk:"conversation_state"`
	Timers               *timersModel         `tfsdk:"timers"`
	Attributes           jsontypes.Normalized `tfsdk:"attributes"`
	DateCreated          timetypes.RFC3339    `tfsdk:"date_created"`
	DateUpdated          timetypes.RFC3339    `tfsdk:"date_updated"`
	CreatedBy            types.String         `tfsdk:"created_by"`
	NotificationLevel    types.String         `tfsdk:"notification_level"`
	UniqueName           types.String         `tfsdk:"unique_name"`
	URL                  types.String         `tfsdk:"url"`
	Links                *linksModel          `tfsdk:"links"`
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
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
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
		}},
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
	m.Conversations = []userConversationModel{}
	start := time.Now()
	st, err := d.client.ListUserConversations(ctx, service, user, listOptions(m.PageSize, m.MaxItems), func(page []client.UserConversation) error {
		for _, c := range page {
			m.Conversations = append(m.Conversations, userConversationFrom(c, &resp.Diagnostics))
		}
		return nil
	})
	if err != nil {
		addListError(&resp.Diagnostics, "twilio_user_conversations", err, "Conversation Service "+quote(service)+" or user "+quote(user))
		return
	}
	if resp.Diagnostics.HasError() {
		return
	}
	m.ID = types.StringValue(lookupID("user_conversations", url.Values{"chat_service_sid": {service}, userKey: {user}}, m.MaxItems))
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	logRead(ctx, "twilio_user_conversations", st, start)
}

func userConversationFrom(c client.UserConversation, diags *diag.Diagnostics) userConversationModel {
	return userConversationModel{
		AccountSid:           types.StringPointerValue(c.AccountSid),
		ChatServiceSid:       types.StringPointerValue(c.ChatServiceSid),
		ConversationSid:      types.StringPointerValue(c.ConversationSid),
		UnreadMessagesCount:  types.Int64PointerValue(c.UnreadMessagesCount),
		LastReadMessageIndex: types.Int64PointerValue(c.LastReadMessageIndex),
		ParticipantSid:       types.StringPointerValue(c.ParticipantSid),
		UserSid:              types.StringPointerValue(c.UserSid),
		FriendlyName:         types.StringPointerValue(c.FriendlyName),
		ConversationState:    types.StringPointerValue(c.ConversationState),
		Timers:               timersFrom(c.Timers, diags),
		Attributes:           jsonText(c.Attributes),
		DateCreated:          rfc3339(c.DateCreated, diags),
		DateUpdated:          rfc3339(c.DateUpdated, diags),
		CreatedBy:            types.StringPointerValue(c.CreatedBy),
		NotificationLevel:    types.StringPointerValue(c.NotificationLevel),
		UniqueName:           types.StringPointerValue(c.UniqueName),
		URL:                  types.StringPointerValue(c.URL),
		Links:                linksFrom(c.Links),
	}
}
