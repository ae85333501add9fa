package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
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
	_ datasource.DataSourceWithConfigure = (*participantsV1DataSource)(nil)
	_ StateReader                        = (*participantsV1DataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*participantV1DataSource)(nil)
	_ StateReader                        = (*participantV1DataSource)(nil)
)

// NewParticipantsV1DataSource is the constructor of twilio_participants_v1.
func NewParticipantsV1DataSource() datasource.DataSource { return &participantsV1DataSource{} }

// NewParticipantV1DataSource is the constructor of twilio_participant_v1.
func NewParticipantV1DataSource() datasource.DataSource { return &participantV1DataSource{} }

type participantsV1DataSource struct{ configured }

type participantV1DataSource struct{ configured }

type participantsV1Model struct {
	listInputs
	ChatServiceSid  types.String      `tfsdk:"chat_service_sid"`
	Conversation    types.String      `tfsdk:"conversation"`
	CreatedAfter    timetypes.RFC3339 `tfsdk:"created_after"`
	CreatedBefore   timetypes.RFC3339 `tfsdk:"created_before"`
	UpdatedAfter    timetypes.RFC3339 `tfsdk:"updated_after"`
	UpdatedBefore   timetypes.RFC3339 `tfsdk:"updated_before"`
	Participants    types.List        `tfsdk:"participants"`
	CountsByChannel types.Map         `tfsdk:"counts_by_channel"`
}

func (d *participantsV1DataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_participants_v1"
}

func (d *participantsV1DataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listAttributes(ctx, client.MaxPageSizeParticipantsV1, "counts_by_channel",
		"channel (`chat` for a chat participant, whose `messaging_binding` is null, else the binding's `type`, such as `sms` or `whatsapp`)")
	attrs["chat_service_sid"] = classicService(false)
	attrs["conversation"] = conversationInput()
	attrs["created_after"] = timeFilter("Only participants added after this time (RFC 3339, such as `2025-01-06T09:00:00Z`; exclusive).")
	attrs["created_before"] = timeFilter("Only participants added before this time (RFC 3339; exclusive).")
	attrs["updated_after"] = timeFilter("Only participants last updated after this time (RFC 3339; exclusive).")
	attrs["updated_before"] = timeFilter("Only participants last updated before this time (RFC 3339; exclusive).")
	attrs["participants"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The conversation's participants, in the API's order; an empty list when it has none. Holds personal data (identities and addresses).",
		NestedObject:        nestedObject(participantV1Type.attributes()),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the participants of one classic conversation (Conversations v1), in the account's default Conversation Service or in the one `chat_service_sid` names: "+
			"chat users and messaging addresses (SMS, WhatsApp, …). `total` and `counts_by_channel` count them; with `include_items = false`, only the counts are stored, and no identity or address. "+
			"An unknown conversation is an error, not an empty list.",
			"`GET /v1/Conversations/{ConversationSid}/Participants` (`GET /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Participants` with `chat_service_sid`)",
			"Conversations v1 participants", client.MaxPageSizeParticipantsV1),
		Attributes: attrs,
	}
}

func (d *participantsV1DataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *participantsV1DataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	var m participantsV1Model
	if diags := config.Get(ctx, &m); diags.HasError() {
		return nil, diags
	}
	service, conversation := m.ChatServiceSid.ValueString(), m.Conversation.ValueString()
	q := classicQuery(service, conversation)
	var diags diag.Diagnostics
	created, d1 := timeWindow(q, "created", m.CreatedAfter, m.CreatedBefore)
	updated, d2 := timeWindow(q, "updated", m.UpdatedAfter, m.UpdatedBefore)
	if diags.Append(append(d1, d2...)...); diags.HasError() {
		return nil, diags
	}
	var keep func(*client.ConversationParticipantV1) bool
	if created != nil || updated != nil {
		keep = func(p *client.ConversationParticipantV1) bool {
			return created.contains(p.DateCreated) && updated.contains(p.DateUpdated)
		}
	}
	return readList(ctx, config, listRead[client.ConversationParticipantV1]{
		typeName: "twilio_participants_v1", listAttr: "participants", countsAttr: "counts_by_channel",
		id: d.lookupID("participants_v1", q, m.MaxItems), inputs: m.listInputs, notFound: classicNotFound(service, conversation),
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.ConversationParticipantV1) error) (client.Stats, error) {
			return d.client.ListConversationParticipantsV1(ctx, service, conversation, opts, fn)
		},
		item:    participantV1Type.write,
		keep:    keep,
		countBy: participantChannel,
	})
}

// chatChannel is the channel of a chat participant, in counts_by_channel.
var chatChannel = "chat"

// participantChannel is the channel p is counted under: chat without a
// messaging binding, else the binding's type.
func participantChannel(p *client.ConversationParticipantV1) *string {
	if p.MessagingBinding == nil {
		return &chatChannel
	}
	return p.MessagingBinding.Type
}

// participantV1Type is a participant of a classic conversation, an item of
// twilio_participants_v1 and the whole of twilio_participant_v1.
var participantV1Type = declare("participant", func(p *client.ConversationParticipantV1) *string { return p.Sid }, fields(
	str("sid", "SID of the participant (`MB…`).", func(p *client.ConversationParticipantV1) *string { return p.Sid }),
	str("account_sid", "SID of the Twilio account (`AC…`).", func(p *client.ConversationParticipantV1) *string { return p.AccountSid }),
	str("chat_service_sid", "SID of the Conversation Service (`IS…`); Twilio sends it only when read with `chat_service_sid`, so it is null otherwise.",
		func(p *client.ConversationParticipantV1) *string { return p.ChatServiceSid }),
	str("conversation_sid", "SID of the conversation (`CH…`).", func(p *client.ConversationParticipantV1) *string { return p.ConversationSid }),
	str("identity", "Chat identity of the participant; null for a messaging participant. Personal data.", func(p *client.ConversationParticipantV1) *string { return p.Identity }),
	jsonString("attributes", "Attributes of the participant, as normalized JSON text (`{}` when unset). May hold personal data.", func(p *client.ConversationParticipantV1) *string { return p.Attributes }),
	object("messaging_binding", "How a messaging participant is reached; null for a chat participant. Personal data.",
		func(p *client.ConversationParticipantV1) *client.MessagingBinding { return p.MessagingBinding }, messagingBindingType),
	str("role_sid", "SID of the participant's conversation role (`RL…`).", func(p *client.ConversationParticipantV1) *string { return p.RoleSid }),
	timestamp("date_created", "When the participant was added (RFC 3339).", func(p *client.ConversationParticipantV1) *string { return p.DateCreated }),
	timestamp("date_updated", "When the participant was last updated (RFC 3339).", func(p *client.ConversationParticipantV1) *string { return p.DateUpdated }),
	str("url", "URL of the participant resource.", func(p *client.ConversationParticipantV1) *string { return p.URL }),
	integer("last_read_message_index", "Index of the last message the participant read; null when unknown.", func(p *client.ConversationParticipantV1) *int64 { return p.LastReadMessageIndex }),
	str("last_read_timestamp", "When the participant last read a message, as Twilio sends it (the spec gives it no format); null when unknown.",
		func(p *client.ConversationParticipantV1) *string { return p.LastReadTimestamp }),
))

func (d *participantV1DataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_participant_v1"
}

// participantV1Inputs are the inputs of twilio_participant_v1.
var participantV1Inputs = []string{"chat_service_sid", "conversation", "sid_or_identity"}

func (d *participantV1DataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: classicDescription("Looks up one participant of a classic conversation (Conversations v1) by its SID or chat identity, in the account's default Conversation Service or in the one `chat_service_sid` names, "+
			"with the attributes of an item of `twilio_participants_v1` at the top level. An unknown conversation or participant is an error, not an empty result.",
			"`GET /v1/Conversations/{ConversationSid}/Participants/{Sid}` (`GET /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Participants/{Sid}` with `chat_service_sid`)",
			"Conversations v1 participants"),
		Attributes: classicOne(ctx, participantV1Type.without("chat_service_sid").attributes(), map[string]schema.Attribute{
			"chat_service_sid": classicService(true),
			"conversation":     conversationInput(),
			"sid_or_identity": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The participant's SID (`MB…`) or, for a chat participant, its identity: Twilio accepts either. An identity is personal data. The participant's own SID is in `sid`.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
		}),
	}
}

func (d *participantV1DataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *participantV1DataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	return oneClassic(ctx, config, "twilio_participant_v1", participantV1Inputs,
		func(in map[string]string) string {
			return classicNotFound(in["chat_service_sid"], in["conversation"]) + " or participant " + quote(in["sid_or_identity"])
		},
		func(ctx context.Context, in map[string]string) (*client.ConversationParticipantV1, error) {
			return d.client.GetConversationParticipantV1(ctx, in["chat_service_sid"], in["conversation"], in["sid_or_identity"])
		},
		participantV1Type.without("chat_service_sid"), func(p *client.ConversationParticipantV1) *string { return p.ChatServiceSid })
}
