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

// participantAttributes describe a v2 participant, in this data source and
// inside each conversation of twilio_conversations.
func participantAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":              computedString("Participant ID, such as `conv_participant_…`."),
		"conversation_id": computedString("ID of the conversation the participant belongs to."),
		"account_id":      computedString("SID of the Twilio account (`AC…`)."),
		"name":            computedString("Display name; null when not set."),
		"type":            computedString("Participant type: `HUMAN_AGENT`, `CUSTOMER`, `AI_AGENT`, `AGENT` or `UNKNOWN` (new values are passed through)."),
		"profile_id":      computedString("ID of the participant's profile, when known."),
		"addresses": schema.ListNestedAttribute{
			Computed:            true,
			MarkdownDescription: "Channel addresses the participant is reached at.",
			NestedObject: nestedObject(map[string]schema.Attribute{
				"channel":    computedString("Channel: `VOICE`, `SMS`, `RCS`, `WHATSAPP`, `CHAT`, `VIDEO`, …"),
				"address":    computedString("Address on that channel, such as `+15551234567`."),
				"channel_id": computedString("ID of the channel resource, when known."),
			}),
		},
		"created_at": computedTime("When the participant was created (RFC 3339)."),
		"updated_at": computedTime("When the participant was last updated (RFC 3339)."),
	}
}

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
		NestedObject:        nestedObject(participantAttributes()),
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
		id: lookupID("participants", q, m.MaxItems), inputs: m.listInputs,
		notFound: "conversation " + strconv.Quote(id),
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.Participant) error) (client.Stats, error) {
			return d.client.ListParticipants(ctx, id, opts, fn)
		},
		item:    writeParticipant,
		keep:    keep,
		countBy: func(p *client.Participant) *string { return p.Type },
	})
}

// writeParticipant writes a v2 participant, of this data source or
// embedded in a conversation, where it may be null.
func writeParticipant(w *stateWriter, p *client.Participant) {
	if p == nil {
		w.null()
		return
	}
	w.object(9)
	w.str("account_id", p.AccountID)
	if w.list("addresses", len(p.Addresses), p.Addresses == nil) {
		for _, a := range p.Addresses {
			if a == nil {
				w.null()
				continue
			}
			w.object(3)
			w.str("address", a.Address)
			w.str("channel", a.Channel)
			w.str("channel_id", a.ChannelID)
		}
	}
	w.str("conversation_id", p.ConversationID)
	w.time("created_at", p.CreatedAt, "participant", p.ID)
	w.strValue("id", p.ID)
	w.str("name", p.Name)
	w.str("profile_id", p.ProfileID)
	w.str("type", p.Type)
	w.time("updated_at", p.UpdatedAt, "participant", p.ID)
}
