package datasources

import (
	"context"
	"net/url"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
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
	_ datasource.DataSourceWithConfigure = (*communicationsDataSource)(nil)
	_ StateReader                        = (*communicationsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*communicationDataSource)(nil)
	_ StateReader                        = (*communicationDataSource)(nil)
)

// NewCommunicationsDataSource is the constructor of twilio_communications.
func NewCommunicationsDataSource() datasource.DataSource { return &communicationsDataSource{} }

// NewCommunicationDataSource is the constructor of twilio_communication.
func NewCommunicationDataSource() datasource.DataSource { return &communicationDataSource{} }

type communicationsDataSource struct{ configured }

type communicationDataSource struct{ configured }

// communicationType is a communication of a v2 conversation: a message, a
// call's transcript, … Its content and addresses are personal data.
var communicationType = declare("communication", func(c *client.Communication) *string { return c.ID }, fields(
	str("id", "Communication ID, such as `conv_communication_…`.", func(c *client.Communication) *string { return c.ID }),
	str("conversation_id", "ID of the conversation.", func(c *client.Communication) *string { return c.ConversationID }),
	str("account_id", "SID of the Twilio account (`AC…`).", func(c *client.Communication) *string { return c.AccountID }),
	object("author", "Who sent it. Personal data.", func(c *client.Communication) *client.CommunicationParty { return c.Author }, authorType),
	object("content", "What was said: `type` `TEXT` or `TRANSCRIPTION` (new values are passed through), its `text`, and a transcription's metadata. Personal data.",
		func(c *client.Communication) *client.CommunicationContent { return c.Content }, contentType),
	str("channel_id", "ID of the channel resource, such as a Message SID (`SM…`) or Call SID (`CA…`).", func(c *client.Communication) *string { return c.ChannelID }),
	str("resource_id", "ID of the resource the communication came from.", func(c *client.Communication) *string { return c.ResourceID }),
	objectList("recipients", "Who it was sent to, with the delivery status for each. Personal data.", func(c *client.Communication) []*client.CommunicationParty { return c.Recipients }, recipientType),
	timestamp("created_at", "When the communication was created (RFC 3339).", func(c *client.Communication) *string { return c.CreatedAt }),
	timestamp("updated_at", "When the communication was last updated (RFC 3339).", func(c *client.Communication) *string { return c.UpdatedAt }),
	timestamp("occurred_at", "When the communication took place (RFC 3339).", func(c *client.Communication) *string { return c.OccurredAt }),
))

func partyFields() []field[client.CommunicationParty] {
	return fields(
		str("address", "Address, such as `+15551234567`, `whatsapp:+15551234567` or a chat identity.", func(p *client.CommunicationParty) *string { return p.Address }),
		str("channel", "Channel: `VOICE`, `SMS`, `RCS`, `WHATSAPP`, `CHAT`, `VIDEO` (new values are passed through).", func(p *client.CommunicationParty) *string { return p.Channel }),
		str("participant_id", "ID of the participant at this address, when known.", func(p *client.CommunicationParty) *string { return p.ParticipantID }),
	)
}

var authorType = declare("author", nil, partyFields())

var recipientType = declare("recipient", nil, partyFields(), fields(
	str("delivery_status", "`INITIATED`, `IN_PROGRESS`, `DELIVERED`, `READ`, `COMPLETED` or `FAILED` (new values are passed through).", func(p *client.CommunicationParty) *string { return p.DeliveryStatus }),
))

var contentType = declare[client.CommunicationContent]("content", nil, fields(
	str("type", "`TEXT` or `TRANSCRIPTION`.", func(c *client.CommunicationContent) *string { return c.Type }),
	str("text", "The text, or the transcribed text.", func(c *client.CommunicationContent) *string { return c.Text }),
	object("transcription", "Metadata of a transcription; null for text.", func(c *client.CommunicationContent) *client.Transcription { return c.Transcription }, transcriptionType),
))

var transcriptionType = declare[client.Transcription]("transcription", nil, fields(
	integer("channel", "Audio channel: `0` inbound, `1` outbound.", func(t *client.Transcription) *int64 { return t.Channel }),
	number("confidence", "Confidence of the transcription, from 0 to 1.", func(t *client.Transcription) *float64 { return t.Confidence }),
	str("engine", "Transcription engine, such as `twilio`.", func(t *client.Transcription) *string { return t.Engine }),
	objectList("words", "The words, with their timing.", func(t *client.Transcription) []*client.TranscribedWord { return t.Words }, wordType),
))

var wordType = declare[client.TranscribedWord]("word", nil, fields(
	str("text", "The word.", func(w *client.TranscribedWord) *string { return w.Text }),
	timestamp("start_time", "When the word starts (RFC 3339).", func(w *client.TranscribedWord) *string { return w.StartTime }),
	timestamp("end_time", "When the word ends (RFC 3339).", func(w *client.TranscribedWord) *string { return w.EndTime }),
))

type communicationsModel struct {
	listInputs
	ConversationID  types.String      `tfsdk:"conversation_id"`
	ChannelID       types.String      `tfsdk:"channel_id"`
	Channels        []types.String    `tfsdk:"channels"`
	OccurredAfter   timetypes.RFC3339 `tfsdk:"occurred_after"`
	OccurredBefore  timetypes.RFC3339 `tfsdk:"occurred_before"`
	CreatedAfter    timetypes.RFC3339 `tfsdk:"created_after"`
	CreatedBefore   timetypes.RFC3339 `tfsdk:"created_before"`
	Communications  types.List        `tfsdk:"communications"`
	CountsByChannel types.Map         `tfsdk:"counts_by_channel"`
}

func (d *communicationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_communications"
}

// conversationIDInput is the conversation a v2 data source reads in.
func conversationIDInput() schema.StringAttribute {
	return schema.StringAttribute{
		Required:            true,
		MarkdownDescription: "ID of a v2 conversation, such as `conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2` (the `id` of an item of `twilio_conversations`).",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

func (d *communicationsDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listAttributes(ctx, client.MaxPageSizeCommunications, "counts_by_channel", "author's `channel`")
	attrs["conversation_id"] = conversationIDInput()
	attrs["channel_id"] = schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "Only the communications of this channel resource, such as a Message SID (`SM…`) or Call SID (`CA…`). Applied by Twilio.",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["channels"] = schema.ListAttribute{
		Optional:            true,
		ElementType:         types.StringType,
		MarkdownDescription: "Only communications whose author wrote on one of these channels, such as `SMS` or `VOICE`; any value is accepted, as Twilio adds channels. Unset or empty means every channel." + providerFilter,
		Validators:          []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)), listvalidator.UniqueValues()},
	}
	attrs["occurred_after"] = timeFilter("Only communications that took place after this time (RFC 3339; exclusive).")
	attrs["occurred_before"] = timeFilter("Only communications that took place before this time (RFC 3339; exclusive).")
	attrs["created_after"] = timeFilter("Only communications created after this time (RFC 3339; exclusive).")
	attrs["created_before"] = timeFilter("Only communications created before this time (RFC 3339; exclusive).")
	attrs["communications"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The conversation's communications, in the API's order; an empty list when it has none. Their content and addresses are personal data: with `include_items = false`, only the counts are stored.",
		NestedObject:        nestedObject(communicationType.attributes()),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the communications of one conversation (Conversations v2): its messages and transcribed calls, with author, recipients and delivery status, optionally of one channel resource (a filter Twilio applies), "+
			"or by author channel and time window (filters the provider applies). An unknown conversation is an error. Communications hold personal data (what was said, and addresses): prefer `include_items = false` in audits.",
			"`GET /v2/Conversations/{ConversationId}/Communications`", "Conversations v2 communications", client.MaxPageSizeCommunications),
		Attributes: attrs,
	}
}

func (d *communicationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *communicationsDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	var m communicationsModel
	if diags := config.Get(ctx, &m); diags.HasError() {
		return nil, diags
	}
	conversation, channel := m.ConversationID.ValueString(), m.ChannelID.ValueString()
	q := url.Values{"conversation_id": {conversation}}
	if channel != "" {
		q.Set("channel_id", channel)
	}
	var diags diag.Diagnostics
	occurred, more := timeWindow(q, "occurred", m.OccurredAfter, m.OccurredBefore)
	diags.Append(more...)
	created, more := timeWindow(q, "created", m.CreatedAfter, m.CreatedBefore)
	diags.Append(more...)
	onChannel := oneOf(q, "channel", m.Channels)
	if diags.HasError() {
		return nil, diags
	}
	var keep func(*client.Communication) bool
	if occurred != nil || created != nil || onChannel != nil {
		keep = func(c *client.Communication) bool {
			return occurred.contains(c.OccurredAt) && created.contains(c.CreatedAt) &&
				(onChannel == nil || c.Author != nil && onChannel(c.Author.Channel))
		}
	}
	return readList(ctx, config, listRead[client.Communication]{
		typeName: "twilio_communications", listAttr: "communications", countsAttr: "counts_by_channel",
		id: d.lookupID("communications", q, m.MaxItems), inputs: m.listInputs,
		notFound: "conversation " + strconv.Quote(conversation),
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.Communication) error) (client.Stats, error) {
			return d.client.ListCommunications(ctx, conversation, channel, opts, fn)
		},
		item: communicationType.write,
		keep: keep,
		countBy: func(c *client.Communication) *string {
			if c.Author == nil {
				return nil
			}
			return c.Author.Channel
		},
	})
}

func (d *communicationDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_communication"
}

func (d *communicationDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := oneAttributes(ctx, communicationType.attributes(), "ID of the communication, such as `conv_communication_…` (the `id` of an item of `twilio_communications`).")
	attrs["conversation_id"] = conversationIDInput()
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one communication of a conversation (Conversations v2) by its ID, with the attributes of an item of `twilio_communications` at the top level. An unknown conversation or communication is an error. Its content and addresses are personal data.\n\n" +
			"**Endpoint:** `GET /v2/Conversations/{ConversationId}/Communications/{id}`, one request.\n\n" +
			"**Permissions:** read access to Conversations v2 communications. Nothing is ever written.",
		Attributes: attrs,
	}
}

func (d *communicationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *communicationDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	in, t, diags := lookupInputs(ctx, config, "id", "conversation_id")
	if diags.HasError() {
		return nil, diags
	}
	id, conv := in["id"], in["conversation_id"]
	return readOne(ctx, config, oneRead[client.Communication]{
		typeName: "twilio_communication", notFound: "communication " + strconv.Quote(id) + " of conversation " + strconv.Quote(conv), timeouts: t,
		get: func(ctx context.Context) (*client.Communication, error) {
			return d.client.GetCommunication(ctx, conv, id)
		},
		fields: func(w *stateWriter, c *client.Communication) {
			c.ID, c.ConversationID = &id, &conv // the state keeps the inputs as configured
			communicationType.writeFields(w, c, communicationType.ref(c))
		},
	})
}
