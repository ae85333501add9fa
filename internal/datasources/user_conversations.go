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
	_ datasource.DataSourceWithConfigure        = (*userConversationsDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*userConversationsDataSource)(nil)
	_ StateReader                               = (*userConversationsDataSource)(nil)
)

// NewUserConversationsDataSource is the constructor of twilio_user_conversations.
func NewUserConversationsDataSource() datasource.DataSource { return &userConversationsDataSource{} }

type userConversationsDataSource struct{ configured }

type userConversationsModel struct {
	listInputs
	ChatServiceSid types.String   `tfsdk:"chat_service_sid"`
	UserSid        types.String   `tfsdk:"user_sid"`
	Identity       types.String   `tfsdk:"identity"`
	States         []types.String `tfsdk:"states"`
	UnreadOnly     types.Bool     `tfsdk:"unread_only"`
	Conversations  types.List     `tfsdk:"conversations"`
	CountsByState  types.Map      `tfsdk:"counts_by_state"`
}

func (d *userConversationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user_conversations"
}

func (d *userConversationsDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("user_sid"), path.MatchRoot("identity")),
	}
}

func (d *userConversationsDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listAttributes(ctx, client.MaxPageSizeV1, "counts_by_state", "`conversation_state`")
	attrs["states"] = statesFilter()
	attrs["unread_only"] = schema.BoolAttribute{
		Optional:            true,
		MarkdownDescription: "With `true`, only conversations in which the user has unread messages (`unread_messages_count` above zero)." + providerFilter,
	}
	attrs["chat_service_sid"] = schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "SID of the Conversation Service (`IS` followed by 32 hexadecimal digits). Without it, the account's default Conversation Service.",
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
		NestedObject:        nestedObject(userConversationType.attributes()),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the conversations of one chat user of a Conversation Service (Conversations v1), or of the account's default one, with the user's unread counts and notification level. An unknown service or user is an error.",
			"`GET /v1/Services/{ChatServiceSid}/Users/{UserSid}/Conversations` (`GET /v1/Users/{UserSid}/Conversations` without `chat_service_sid`)", "Conversations v1 users and their conversations", client.MaxPageSizeV1),
		Attributes: attrs,
	}
}

func (d *userConversationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *userConversationsDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	var m userConversationsModel
	if diags := config.Get(ctx, &m); diags.HasError() {
		return nil, diags
	}
	service := m.ChatServiceSid.ValueString()
	user, userKey := m.UserSid.ValueString(), "user_sid"
	if user == "" {
		user, userKey = m.Identity.ValueString(), "identity"
	}
	q := url.Values{userKey: {user}}
	notFound := "user " + strconv.Quote(user)
	if service != "" {
		q.Set("chat_service_sid", service)
		notFound = "Conversation Service " + strconv.Quote(service) + " or " + notFound
	}
	inState := oneOf(q, "state", m.States)
	unreadOnly := m.UnreadOnly.ValueBool()
	if unreadOnly {
		q.Set("unread_only", "true")
	}
	var keep func(*client.UserConversation) bool
	if inState != nil || unreadOnly {
		keep = func(c *client.UserConversation) bool {
			return (inState == nil || inState(c.ConversationState)) &&
				(!unreadOnly || c.UnreadMessagesCount != nil && *c.UnreadMessagesCount > 0)
		}
	}
	return readList(ctx, config, listRead[client.UserConversation]{
		typeName: "twilio_user_conversations", listAttr: "conversations", countsAttr: "counts_by_state",
		id: d.lookupID("user_conversations", q, m.MaxItems), inputs: m.listInputs,
		notFound: notFound,
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.UserConversation) error) (client.Stats, error) {
			return d.client.ListUserConversations(ctx, service, user, opts, fn)
		},
		item:    userConversationType.write,
		keep:    keep,
		countBy: func(c *client.UserConversation) *string { return c.ConversationState },
	})
}

// userConversationType is a v1 user conversation: a conversation as one
// chat user takes part in it.
var userConversationType = declare("conversation", func(c *client.UserConversation) *string { return c.ConversationSid }, fields(
	str("account_sid", "SID of the Twilio account (`AC…`).", func(c *client.UserConversation) *string { return c.AccountSid }),
	str("chat_service_sid", "SID of the Conversation Service (`IS…`).", func(c *client.UserConversation) *string { return c.ChatServiceSid }),
	str("conversation_sid", "SID of the conversation (`CH…`).", func(c *client.UserConversation) *string { return c.ConversationSid }),
	integer("unread_messages_count", "Messages the user has not read yet; null when the user has no read horizon.", func(c *client.UserConversation) *int64 { return c.UnreadMessagesCount }),
	integer("last_read_message_index", "Index of the last message the user read; null when none.", func(c *client.UserConversation) *int64 { return c.LastReadMessageIndex }),
	str("participant_sid", "SID of the user's participant in the conversation (`MB…`).", func(c *client.UserConversation) *string { return c.ParticipantSid }),
	str("user_sid", "SID of the user (`US…`).", func(c *client.UserConversation) *string { return c.UserSid }),
	str("friendly_name", "Friendly name of the conversation.", func(c *client.UserConversation) *string { return c.FriendlyName }),
	str("conversation_state", "`active`, `inactive` or `closed`.", func(c *client.UserConversation) *string { return c.ConversationState }),
	object("timers", "Timers of the conversation; both members null when none is set.", func(c *client.UserConversation) *client.Timers { return c.Timers }, timersType),
	jsonString("attributes", "Attributes of the conversation, as normalized JSON text (`{}` when unset).", func(c *client.UserConversation) *string { return c.Attributes }),
	timestamp("date_created", "When the conversation was created (RFC 3339).", func(c *client.UserConversation) *string { return c.DateCreated }),
	timestamp("date_updated", "When the conversation was last updated (RFC 3339).", func(c *client.UserConversation) *string { return c.DateUpdated }),
	str("created_by", "Identity of the conversation's creator.", func(c *client.UserConversation) *string { return c.CreatedBy }),
	str("notification_level", "The user's notification level: `default` or `muted`.", func(c *client.UserConversation) *string { return c.NotificationLevel }),
	str("unique_name", "Unique name of the conversation.", func(c *client.UserConversation) *string { return c.UniqueName }),
	str("url", "URL of this user conversation resource.", func(c *client.UserConversation) *string { return c.URL }),
	urlMap("links", linksDescription, func(c *client.UserConversation) map[string]jsontext.Value { return c.Links }),
))
