package datasources

import (
	"context"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/validate"
)

var (
	_ datasource.DataSourceWithConfigure = (*messagesV1DataSource)(nil)
	_ StateReader                        = (*messagesV1DataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*messageV1DataSource)(nil)
	_ StateReader                        = (*messageV1DataSource)(nil)
)

// NewMessagesV1DataSource is the constructor of twilio_messages_v1.
func NewMessagesV1DataSource() datasource.DataSource { return &messagesV1DataSource{} }

// NewMessageV1DataSource is the constructor of twilio_message_v1.
func NewMessageV1DataSource() datasource.DataSource { return &messageV1DataSource{} }

type messagesV1DataSource struct{ configured }

type messageV1DataSource struct{ configured }

type messagesV1Model struct {
	listInputs
	ChatServiceSid     types.String      `tfsdk:"chat_service_sid"`
	Conversation       types.String      `tfsdk:"conversation"`
	Order              types.String      `tfsdk:"order"`
	CreatedAfter       timetypes.RFC3339 `tfsdk:"created_after"`
	CreatedBefore      timetypes.RFC3339 `tfsdk:"created_before"`
	UpdatedAfter       timetypes.RFC3339 `tfsdk:"updated_after"`
	UpdatedBefore      timetypes.RFC3339 `tfsdk:"updated_before"`
	Messages           types.List        `tfsdk:"messages"`
	CountsByAuthorKind types.Map         `tfsdk:"counts_by_author_kind"`
}

func (d *messagesV1DataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_messages_v1"
}

func (d *messagesV1DataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listAttributes(ctx, client.MaxPageSizeMessagesV1, "counts_by_author_kind",
		"kind of author: `participant` for a message with a `participant_sid`, `system` for one without (sent by Twilio or through the API on no participant's behalf). "+
			"The author's identity or address would be personal data in the state's map keys, so messages are not counted by author")
	attrs["chat_service_sid"] = classicService(false)
	attrs["conversation"] = conversationInput()
	attrs["order"] = schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "Order of the messages by `index`: `asc` (oldest first, Twilio's default) or `desc` (newest first; with `max_items`, the latest messages). Applied by Twilio.",
		Validators:          []validator.String{stringvalidator.OneOf("asc", "desc")},
	}
	attrs["created_after"] = timeFilter("Only messages sent after this time (RFC 3339, such as `2025-01-06T09:00:00Z`; exclusive).")
	attrs["created_before"] = timeFilter("Only messages sent before this time (RFC 3339; exclusive).")
	attrs["updated_after"] = timeFilter("Only messages edited after this time (RFC 3339; exclusive). A message never edited has a null `date_updated` and is outside every such window.")
	attrs["updated_before"] = timeFilter("Only messages edited before this time (RFC 3339; exclusive). A message never edited has a null `date_updated` and is outside every such window.")
	attrs["messages"] = schema.ListNestedAttribute{
		Computed: true,
		MarkdownDescription: "The conversation's messages, in the order asked for; an empty list when it has none. Holds personal data: message bodies, authors, media. " +
			"A conversation can hold millions of messages: set `include_items = false` for counts only, or `max_items`.",
		NestedObject: nestedObject(messageV1Type.attributes()),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the messages of one classic conversation (Conversations v1), in the account's default Conversation Service or in the one `chat_service_sid` names. "+
			"Message bodies, authors and media are personal data: they are never logged and never part of the lookup's `id`, but they are stored in the state with the items. "+
			"With `include_items = false`, only `total` and `counts_by_author_kind` are stored, and no personal data; every page is still read, as cheaply as the counts of conversations. "+
			"An unknown conversation is an error, not an empty list.",
			"`GET /v1/Conversations/{ConversationSid}/Messages` (`GET /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages` with `chat_service_sid`)",
			"Conversations v1 messages", client.MaxPageSizeMessagesV1),
		Attributes: attrs,
	}
}

func (d *messagesV1DataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *messagesV1DataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	var m messagesV1Model
	if diags := config.Get(ctx, &m); diags.HasError() {
		return nil, diags
	}
	service, conversation, order := m.ChatServiceSid.ValueString(), m.Conversation.ValueString(), m.Order.ValueString()
	q := classicQuery(service, conversation)
	if order != "" {
		q.Set("order", order)
	}
	var diags diag.Diagnostics
	created, d1 := timeWindow(q, "created", m.CreatedAfter, m.CreatedBefore)
	updated, d2 := timeWindow(q, "updated", m.UpdatedAfter, m.UpdatedBefore)
	if diags.Append(append(d1, d2...)...); diags.HasError() {
		return nil, diags
	}
	var keep func(*client.MessageV1) bool
	if created != nil || updated != nil {
		keep = func(m *client.MessageV1) bool {
			return created.contains(m.DateCreated) && updated.contains(m.DateUpdated)
		}
	}
	return readList(ctx, config, listRead[client.MessageV1]{
		typeName: "twilio_messages_v1", listAttr: "messages", countsAttr: "counts_by_author_kind",
		id: d.lookupID("messages_v1", q, m.MaxItems), inputs: m.listInputs, notFound: classicNotFound(service, conversation),
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.MessageV1) error) (client.Stats, error) {
			return d.client.ListMessagesV1(ctx, service, conversation, order, opts, fn)
		},
		item:    messageV1Type.write,
		keep:    keep,
		countBy: authorKind,
	})
}

// The kinds of author, in counts_by_author_kind.
var participantAuthor, systemAuthor = "participant", "system"

// authorKind is participant for a message a participant sent, else system.
func authorKind(m *client.MessageV1) *string {
	if m.ParticipantSid != nil {
		return &participantAuthor
	}
	return &systemAuthor
}

// messageV1Type is a message of a classic conversation, an item of
// twilio_messages_v1 and the whole of twilio_message_v1.
var messageV1Type = declare("message", func(m *client.MessageV1) *string { return m.Sid }, fields(
	str("sid", "SID of the message (`IM…`).", func(m *client.MessageV1) *string { return m.Sid }),
	str("account_sid", "SID of the Twilio account (`AC…`).", func(m *client.MessageV1) *string { return m.AccountSid }),
	str("chat_service_sid", "SID of the Conversation Service (`IS…`); Twilio sends it only when read with `chat_service_sid`, so it is null otherwise.",
		func(m *client.MessageV1) *string { return m.ChatServiceSid }),
	str("conversation_sid", "SID of the conversation (`CH…`).", func(m *client.MessageV1) *string { return m.ConversationSid }),
	integer("index", "Index of the message in the conversation: increasing, but numbers may be skipped.", func(m *client.MessageV1) *int64 { return m.Index }),
	str("author", "Chat identity or address of the author, or `system`. Personal data.", func(m *client.MessageV1) *string { return m.Author }),
	str("body", "Text of the message, up to 1,600 characters; null for a message of media only. Personal data: it is stored in the state, never logged.",
		func(m *client.MessageV1) *string { return m.Body }),
	jsonValue("media", "Media of the message (each with `sid`, `content_type`, `filename`, `size`), as normalized JSON text (decode with `jsondecode`); null when it has none. Personal data.",
		func(m *client.MessageV1) jsontext.Value { return m.Media }),
	jsonString("attributes", "Attributes of the message, as normalized JSON text (`{}` when unset). May hold personal data.", func(m *client.MessageV1) *string { return m.Attributes }),
	str("participant_sid", "SID of the participant who sent the message (`MB…`); null for a message of the system.", func(m *client.MessageV1) *string { return m.ParticipantSid }),
	timestamp("date_created", "When the message was sent (RFC 3339).", func(m *client.MessageV1) *string { return m.DateCreated }),
	timestamp("date_updated", "When the message was last edited (RFC 3339); null when never edited.", func(m *client.MessageV1) *string { return m.DateUpdated }),
	str("url", "URL of the message resource.", func(m *client.MessageV1) *string { return m.URL }),
	jsonValue("delivery", "Summary of the delivery to non-chat participants (`total`, `sent`, `delivered`, `read`, `failed`, `undelivered`), as normalized JSON text (decode with `jsondecode`); null when there is none.",
		func(m *client.MessageV1) jsontext.Value { return m.Delivery }),
	urlMap("links", "URLs of the related resources, by name (such as `delivery_receipts`); Twilio adds names over time.", func(m *client.MessageV1) map[string]jsontext.Value { return m.Links }),
	str("content_sid", "SID of the Content template the message was sent from (`HX…`); null when none.", func(m *client.MessageV1) *string { return m.ContentSid }),
))

func (d *messageV1DataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_message_v1"
}

// messageV1Inputs are the inputs of twilio_message_v1: the message's sid
// is an input, not read from Twilio.
var messageV1Inputs = []string{"chat_service_sid", "conversation", "sid"}

// messageV1Fields are the attributes of twilio_message_v1 besides its inputs.
var messageV1Fields = messageV1Type.without("chat_service_sid", "sid")

func (d *messageV1DataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: classicDescription("Looks up one message of a classic conversation (Conversations v1) by its SID, in the account's default Conversation Service or in the one `chat_service_sid` names, "+
			"with the attributes of an item of `twilio_messages_v1` at the top level. Its body, author and media are personal data: stored in the state, never logged. "+
			"An unknown conversation or message is an error, not an empty result.",
			"`GET /v1/Conversations/{ConversationSid}/Messages/{Sid}` (`GET /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages/{Sid}` with `chat_service_sid`)",
			"Conversations v1 messages"),
		Attributes: classicOne(ctx, messageV1Fields.attributes(), map[string]schema.Attribute{
			"chat_service_sid": classicService(true),
			"conversation":     conversationInput(),
			"sid": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "SID of the message (`IM` followed by 32 hexadecimal digits).",
				Validators:          []validator.String{validate.SID("IM")},
			},
		}),
	}
}

func (d *messageV1DataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *messageV1DataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	return oneClassic(ctx, config, "twilio_message_v1", messageV1Inputs,
		func(in map[string]string) string {
			return classicNotFound(in["chat_service_sid"], in["conversation"]) + " or message " + quote(in["sid"])
		},
		func(ctx context.Context, in map[string]string) (*client.MessageV1, error) {
			return d.client.GetMessageV1(ctx, in["chat_service_sid"], in["conversation"], in["sid"])
		},
		messageV1Fields, func(m *client.MessageV1) *string { return m.ChatServiceSid })
}
