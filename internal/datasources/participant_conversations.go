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
	_ datasource.DataSourceWithConfigure        = (*participantConversationsDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*participantConversationsDataSource)(nil)
	_ StateReader                               = (*participantConversationsDataSource)(nil)
)

// NewParticipantConversationsDataSource is the constructor of
// twilio_participant_conversations.
func NewParticipantConversationsDataSource() datasource.DataSource {
	return &participantConversationsDataSource{}
}

type participantConversationsDataSource struct{ configured }

type participantConversationsModel struct {
	listInputs
	ChatServiceSid types.String   `tfsdk:"chat_service_sid"`
	Identity       types.String   `tfsdk:"identity"`
	Address        types.String   `tfsdk:"address"`
	States         []types.String `tfsdk:"states"`
	Conversations  types.List     `tfsdk:"conversations"`
	CountsByState  types.Map      `tfsdk:"counts_by_state"`
}

func (d *participantConversationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_participant_conversations"
}

func (d *participantConversationsDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("identity"), path.MatchRoot("address")),
	}
}

func (d *participantConversationsDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listAttributes(ctx, client.MaxPageSizeV1, "counts_by_state", "`conversation_state`")
	attrs["states"] = statesFilter()
	attrs["chat_service_sid"] = schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "SID of the Conversation Service (`IS` followed by 32 hexadecimal digits) to look in. Without it, the account's default Conversation Service.",
		Validators:          []validator.String{validate.SID("IS")},
	}
	attrs["identity"] = schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "Chat identity of the participant. Exactly one of `identity` or `address` is required.",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["address"] = schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "Messaging address of the participant, such as `+15551234567` or `whatsapp:+15551234567`, given as is (the provider encodes it). Exactly one of `identity` or `address` is required.",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["conversations"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The participant's conversations in the account's default Conversation Service, sorted by conversation SID; an empty list when there are none.",
		NestedObject:        nestedObject(participantConversationType.attributes()),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the conversations one participant, a chat identity or a messaging address, takes part in (Conversations v1), in the account's default Conversation Service or in the one `chat_service_sid` names; an identity or address with no conversation gives an empty list.",
			"`GET /v1/ParticipantConversations` (`GET /v1/Services/{ChatServiceSid}/ParticipantConversations` with `chat_service_sid`)", "Conversations v1 participant conversations", client.MaxPageSizeV1),
		Attributes: attrs,
	}
}

func (d *participantConversationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *participantConversationsDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	var m participantConversationsModel
	if diags := config.Get(ctx, &m); diags.HasError() {
		return nil, diags
	}
	filter := client.ParticipantFilter{ChatServiceSid: m.ChatServiceSid.ValueString(), Identity: m.Identity.ValueString(), Address: m.Address.ValueString()}
	q := url.Values{}
	notFound := "" // the default service always exists
	if filter.ChatServiceSid != "" {
		q.Set("chat_service_sid", filter.ChatServiceSid)
		notFound = "Conversation Service " + strconv.Quote(filter.ChatServiceSid)
	}
	if filter.Identity != "" {
		q.Set("identity", filter.Identity)
	} else {
		q.Set("address", filter.Address)
	}
	var keep func(*client.ParticipantConversation) bool
	if inState := oneOf(q, "state", m.States); inState != nil {
		keep = func(c *client.ParticipantConversation) bool { return inState(c.ConversationState) }
	}
	return readList(ctx, config, listRead[client.ParticipantConversation]{
		typeName: "twilio_participant_conversations", listAttr: "conversations", countsAttr: "counts_by_state",
		id: d.lookupID("participant_conversations", q, m.MaxItems), inputs: m.listInputs,
		notFound: notFound,
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.ParticipantConversation) error) (client.Stats, error) {
			return d.client.ListParticipantConversations(ctx, filter, opts, fn)
		},
		item:    participantConversationType.write,
		keep:    keep,
		countBy: func(c *client.ParticipantConversation) *string { return c.ConversationState },
	})
}

// participantConversationType is a v1 participant conversation.
var participantConversationType = declare("conversation", func(c *client.ParticipantConversation) *string { return c.ConversationSid }, fields(
	str("account_sid", "SID of the Twilio account (`AC…`).", func(c *client.ParticipantConversation) *string { return c.AccountSid }),
	str("chat_service_sid", "SID of the Conversation Service (`IS…`).", func(c *client.ParticipantConversation) *string { return c.ChatServiceSid }),
	str("participant_sid", "SID of the participant (`MB…`).", func(c *client.ParticipantConversation) *string { return c.ParticipantSid }),
	str("participant_user_sid", "SID of the participant's chat user (`US…`); null for messaging participants.", func(c *client.ParticipantConversation) *string { return c.ParticipantUserSid }),
	str("participant_identity", "Chat identity of the participant; null for messaging participants. Personal data.", func(c *client.ParticipantConversation) *string { return c.ParticipantIdentity }),
	object("participant_messaging_binding", "How a messaging participant is reached; null for chat users. Personal data.",
		func(c *client.ParticipantConversation) *client.MessagingBinding { return c.ParticipantMessagingBinding }, messagingBindingType),
	str("conversation_sid", "SID of the conversation (`CH…`).", func(c *client.ParticipantConversation) *string { return c.ConversationSid }),
	str("conversation_unique_name", "Unique name of the conversation.", func(c *client.ParticipantConversation) *string { return c.ConversationUniqueName }),
	str("conversation_friendly_name", "Friendly name of the conversation.", func(c *client.ParticipantConversation) *string { return c.ConversationFriendlyName }),
	jsonString("conversation_attributes", "Attributes of the conversation, as normalized JSON text.", func(c *client.ParticipantConversation) *string { return c.ConversationAttributes }),
	timestamp("conversation_date_created", "When the conversation was created (RFC 3339).", func(c *client.ParticipantConversation) *string { return c.ConversationDateCreated }),
	timestamp("conversation_date_updated", "When the conversation was last updated (RFC 3339).", func(c *client.ParticipantConversation) *string { return c.ConversationDateUpdated }),
	str("conversation_created_by", "Identity of the conversation's creator.", func(c *client.ParticipantConversation) *string { return c.ConversationCreatedBy }),
	str("conversation_state", "`active`, `inactive` or `closed`.", func(c *client.ParticipantConversation) *string { return c.ConversationState }),
	object("conversation_timers", "Timers of the conversation.", func(c *client.ParticipantConversation) *client.Timers { return c.ConversationTimers }, timersType),
	urlMap("links", linksDescription, func(c *client.ParticipantConversation) map[string]jsontext.Value { return c.Links }),
))

// messagingBindingType is how a non-chat participant is reached.
var messagingBindingType = declare[client.MessagingBinding]("binding", nil, fields(
	str("address", "The participant's address, such as `+15551234567`.", func(b *client.MessagingBinding) *string { return b.Address }),
	str("proxy_address", "Twilio address the participant talks to.", func(b *client.MessagingBinding) *string { return b.ProxyAddress }),
	str("projected_address", "Address shown to chat participants of a group.", func(b *client.MessagingBinding) *string { return b.ProjectedAddress }),
	str("type", "Binding type, such as `sms` or `whatsapp`.", func(b *client.MessagingBinding) *string { return b.Type }),
	str("level", "Binding level, when set.", func(b *client.MessagingBinding) *string { return b.Level }),
	str("name", "Binding name, when set.", func(b *client.MessagingBinding) *string { return b.Name }),
))
