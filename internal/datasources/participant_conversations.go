package datasources

import (
	"context"
	"net/url"
	"strconv"

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
		NestedObject: nestedObject(map[string]schema.Attribute{
			"account_sid":          computedString("SID of the Twilio account (`AC…`)."),
			"chat_service_sid":     computedString("SID of the Conversation Service (`IS…`)."),
			"participant_sid":      computedString("SID of the participant (`MB…`)."),
			"participant_user_sid": computedString("SID of the participant's chat user (`US…`); null for messaging participants."),
			"participant_identity": computedString("Chat identity of the participant; null for messaging participants."),
			"participant_messaging_binding": computedObject("How a messaging participant is reached; null for chat users.", map[string]schema.Attribute{
				"address":           computedString("The participant's address, such as `+15551234567`."),
				"proxy_address":     computedString("Twilio address the participant talks to."),
				"projected_address": computedString("Address shown to chat participants of a group."),
				"type":              computedString("Binding type, such as `sms` or `whatsapp`."),
				"level":             computedString("Binding level, when set."),
				"name":              computedString("Binding name, when set."),
			}),
			"conversation_sid":           computedString("SID of the conversation (`CH…`)."),
			"conversation_unique_name":   computedString("Unique name of the conversation."),
			"conversation_friendly_name": computedString("Friendly name of the conversation."),
			"conversation_attributes":    computedJSON("Attributes of the conversation, as normalized JSON text."),
			"conversation_date_created":  computedTime("When the conversation was created (RFC 3339)."),
			"conversation_date_updated":  computedTime("When the conversation was last updated (RFC 3339)."),
			"conversation_created_by":    computedString("Identity of the conversation's creator."),
			"conversation_state":         computedString("`active`, `inactive` or `closed`."),
			"conversation_timers":        timersAttribute("Timers of the conversation."),
			"links":                      linksAttribute(),
		}),
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
		id: lookupID("participant_conversations", q, m.MaxItems), inputs: m.listInputs,
		notFound: notFound,
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.ParticipantConversation) error) (client.Stats, error) {
			return d.client.ListParticipantConversations(ctx, filter, opts, fn)
		},
		item:    writeParticipantConversation,
		keep:    keep,
		countBy: func(c *client.ParticipantConversation) *string { return c.ConversationState },
	})
}

// writeParticipantConversation writes a v1 participant conversation.
func writeParticipantConversation(w *stateWriter, c *client.ParticipantConversation) {
	id := deref(c.ConversationSid)
	w.object(16)
	w.str("account_sid", c.AccountSid)
	w.str("chat_service_sid", c.ChatServiceSid)
	w.jsonText("conversation_attributes", c.ConversationAttributes, "conversation", id)
	w.str("conversation_created_by", c.ConversationCreatedBy)
	w.time("conversation_date_created", c.ConversationDateCreated, "conversation", id)
	w.time("conversation_date_updated", c.ConversationDateUpdated, "conversation", id)
	w.str("conversation_friendly_name", c.ConversationFriendlyName)
	w.str("conversation_sid", c.ConversationSid)
	w.str("conversation_state", c.ConversationState)
	writeTimers(w, "conversation_timers", c.ConversationTimers, id)
	w.str("conversation_unique_name", c.ConversationUniqueName)
	writeLinks(w, "links", c.Links)
	w.str("participant_identity", c.ParticipantIdentity)
	if b := c.ParticipantMessagingBinding; w.nested("participant_messaging_binding", b != nil, 6) {
		w.str("address", b.Address)
		w.str("level", b.Level)
		w.str("name", b.Name)
		w.str("projected_address", b.ProjectedAddress)
		w.str("proxy_address", b.ProxyAddress)
		w.str("type", b.Type)
	}
	w.str("participant_sid", c.ParticipantSid)
	w.str("participant_user_sid", c.ParticipantUserSid)
}
