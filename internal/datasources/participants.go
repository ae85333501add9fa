package datasources

import (
	"context"
	"net/url"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
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
	_ datasource.DataSourceWithConfigure = (*participantsDataSource)(nil)
	_ StateReader                        = (*participantsDataSource)(nil)
)

// NewParticipantsDataSource is the constructor of twilio_participants.
func NewParticipantsDataSource() datasource.DataSource { return &participantsDataSource{} }

type participantsDataSource struct{ configured }

type participantsModel struct {
	listInputs
	ConversationID types.String   `tfsdk:"conversation_id"`
	Types          []types.String `tfsdk:"types"`
	Participants   types.List     `tfsdk:"participants"`
	CountsByType   types.Map      `tfsdk:"counts_by_type"`
}

func (d *participantsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_participants"
}

// participantType is a v2 participant, of this data source and inside
// each conversation of twilio_conversations.
var participantType = declare("participant", func(p *client.Participant) *string { return p.ID }, fields(
	str("id", "Participant ID, such as `conv_participant_…`.", func(p *client.Participant) *string { return p.ID }),
	str("conversation_id", "ID of the conversation the participant belongs to.", func(p *client.Participant) *string { return p.ConversationID }),
	str("account_id", "SID of the Twilio account (`AC…`).", func(p *client.Participant) *string { return p.AccountID }),
	str("name", "Display name; null when not set. Personal data.", func(p *client.Participant) *string { return p.Name }),
	str("type", "Participant type: `HUMAN_AGENT`, `CUSTOMER`, `AI_AGENT`, `AGENT` or `UNKNOWN` (new values are passed through).", func(p *client.Participant) *string { return p.Type }),
	str("profile_id", "ID of the participant's profile, when known.", func(p *client.Participant) *string { return p.ProfileID }),
	objectList("addresses", "Channel addresses the participant is reached at. Personal data.", func(p *client.Participant) []*client.ParticipantAddress { return p.Addresses }, addressType),
	timestamp("created_at", "When the participant was created (RFC 3339).", func(p *client.Participant) *string { return p.CreatedAt }),
	timestamp("updated_at", "When the participant was last updated (RFC 3339).", func(p *client.Participant) *string { return p.UpdatedAt }),
))

var addressType = declare[client.ParticipantAddress]("address", nil, fields(
	str("channel", "Channel: `VOICE`, `SMS`, `RCS`, `WHATSAPP`, `CHAT`, `VIDEO`, …", func(a *client.ParticipantAddress) *string { return a.Channel }),
	str("address", "Address on that channel, such as `+15551234567`.", func(a *client.ParticipantAddress) *string { return a.Address }),
	str("channel_id", "ID of the channel resource, when known.", func(a *client.ParticipantAddress) *string { return a.ChannelID }),
))

func (d *participantsDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listAttributes(ctx, client.MaxPageSizeV2, "counts_by_type", "`type`")
	attrs["types"] = schema.ListAttribute{
		Optional:            true,
		ElementType:         types.StringType,
		MarkdownDescription: "Only participants of one of these types, such as `CUSTOMER` or `HUMAN_AGENT`; any value is accepted, as Twilio adds types. Unset or empty means every type." + providerFilter,
		Validators:          []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)), listvalidator.UniqueValues()},
	}
	attrs["conversation_id"] = schema.StringAttribute{
		Required:            true,
		MarkdownDescription: "ID of a v2 conversation, such as `conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2` (the `id` of an item of `twilio_conversations`).",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["participants"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The conversation's participants, in the API's order; an empty list when it has none.",
		NestedObject:        nestedObject(participantType.attributes()),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the participants of one conversation (Conversations v2). An unknown conversation is an error, not an empty list.",
			"`GET /v2/Conversations/{id}/Participants`", "Conversations v2 participants", client.MaxPageSizeV2),
		Attributes: attrs,
	}
}

func (d *participantsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *participantsDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	var m participantsModel
	if diags := config.Get(ctx, &m); diags.HasError() {
		return nil, diags
	}
	id := m.ConversationID.ValueString()
	q := url.Values{"conversation_id": {id}}
	var keep func(*client.Participant) bool
	if ofType := oneOf(q, "type", m.Types); ofType != nil {
		keep = func(p *client.Participant) bool { return ofType(p.Type) }
	}
	return readList(ctx, config, listRead[client.Participant]{
		typeName: "twilio_participants", listAttr: "participants", countsAttr: "counts_by_type",
		id: d.lookupID("participants", q, m.MaxItems), inputs: m.listInputs,
		notFound: "conversation " + strconv.Quote(id),
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.Participant) error) (client.Stats, error) {
			return d.client.ListParticipants(ctx, id, opts, fn)
		},
		item:    participantType.write,
		keep:    keep,
		countBy: func(p *client.Participant) *string { return p.Type },
	})
}

var (
	_ datasource.DataSourceWithConfigure = (*participantDataSource)(nil)
	_ StateReader                        = (*participantDataSource)(nil)
)

// NewParticipantDataSource is the constructor of twilio_participant.
func NewParticipantDataSource() datasource.DataSource { return &participantDataSource{} }

type participantDataSource struct{ configured }

func (d *participantDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_participant"
}

func (d *participantDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := oneAttributes(ctx, participantType.attributes(), "ID of the participant, such as `conv_participant_…` (the `id` of an item of `twilio_participants`).")
	attrs["conversation_id"] = conversationIDInput()
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one participant of a conversation (Conversations v2) by its ID, with the attributes of an item of `twilio_participants` at the top level. An unknown conversation or participant is an error. Names and addresses are personal data.\n\n" +
			"**Endpoint:** `GET /v2/Conversations/{ConversationId}/Participants/{id}`, one request.\n\n" +
			"**Permissions:** read access to Conversations v2 participants. Nothing is ever written.",
		Attributes: attrs,
	}
}

func (d *participantDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *participantDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	in, t, diags := lookupInputs(ctx, config, "id", "conversation_id")
	if diags.HasError() {
		return nil, diags
	}
	id, conv := in["id"], in["conversation_id"]
	return readOne(ctx, config, oneRead[client.Participant]{
		typeName: "twilio_participant", notFound: "participant " + strconv.Quote(id) + " of conversation " + strconv.Quote(conv), timeouts: t,
		get: func(ctx context.Context) (*client.Participant, error) { return d.client.GetParticipant(ctx, conv, id) },
		fields: func(w *stateWriter, p *client.Participant) {
			p.ID, p.ConversationID = &id, &conv // the state keeps the inputs as configured
			participantType.writeFields(w, p, participantType.ref(p))
		},
	})
}
