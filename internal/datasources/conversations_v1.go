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
)

var (
	_ datasource.DataSourceWithConfigure = (*conversationsV1DataSource)(nil)
	_ StateReader                        = (*conversationsV1DataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*conversationV1DataSource)(nil)
	_ StateReader                        = (*conversationV1DataSource)(nil)
)

// NewConversationsV1DataSource is the constructor of twilio_conversations_v1.
func NewConversationsV1DataSource() datasource.DataSource { return &conversationsV1DataSource{} }

// NewConversationV1DataSource is the constructor of twilio_conversation_v1.
func NewConversationV1DataSource() datasource.DataSource { return &conversationV1DataSource{} }

type conversationsV1DataSource struct{ configured }

type conversationV1DataSource struct{ configured }

// conversationV1States are the values of the state filter, from the spec.
var conversationV1States = []string{"initializing", "inactive", "active", "closed"}

type conversationsV1Model struct {
	listInputs
	ChatServiceSid types.String      `tfsdk:"chat_service_sid"`
	StartDate      timetypes.RFC3339 `tfsdk:"start_date"`
	EndDate        timetypes.RFC3339 `tfsdk:"end_date"`
	State          types.String      `tfsdk:"state"`
	CreatedAfter   timetypes.RFC3339 `tfsdk:"created_after"`
	CreatedBefore  timetypes.RFC3339 `tfsdk:"created_before"`
	UpdatedAfter   timetypes.RFC3339 `tfsdk:"updated_after"`
	UpdatedBefore  timetypes.RFC3339 `tfsdk:"updated_before"`
	Conversations  types.List        `tfsdk:"conversations"`
	CountsByState  types.Map         `tfsdk:"counts_by_state"`
}

func (d *conversationsV1DataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversations_v1"
}

func (d *conversationsV1DataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listAttributes(ctx, client.MaxPageSizeConversationsV1, "counts_by_state", "`state`")
	attrs["chat_service_sid"] = classicService(false)
	attrs["start_date"] = schema.StringAttribute{
		Optional:   true,
		CustomType: timetypes.RFC3339Type{},
		MarkdownDescription: "Only conversations created at or after this time (RFC 3339; Twilio's documentation asks for the start of a day, such as `2025-01-06T00:00:00Z`). " +
			"Applied by Twilio, so only matching conversations are paged through; with `start_date` or `end_date`, Twilio returns the conversations newest first.",
	}
	attrs["end_date"] = schema.StringAttribute{
		Optional:   true,
		CustomType: timetypes.RFC3339Type{},
		MarkdownDescription: "Only conversations created at or before this time (RFC 3339; Twilio's documentation asks for the end of a day, such as `2025-01-31T23:59:59Z`). " +
			"Applied by Twilio; with `start_date` or `end_date`, Twilio returns the conversations newest first.",
	}
	attrs["state"] = schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "Only conversations in this state: `initializing`, `inactive`, `active` or `closed`. Applied by Twilio, so only matching conversations are paged through.",
		Validators:          []validator.String{stringvalidator.OneOf(conversationV1States...)},
	}
	attrs["created_after"] = timeFilter("Only conversations created after this time (RFC 3339, such as `2025-01-06T09:00:00Z`; exclusive).")
	attrs["created_before"] = timeFilter("Only conversations created before this time (RFC 3339; exclusive).")
	attrs["updated_after"] = timeFilter("Only conversations last updated after this time (RFC 3339; exclusive).")
	attrs["updated_before"] = timeFilter("Only conversations last updated before this time (RFC 3339; exclusive).")
	attrs["conversations"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The conversations, in the API's order; an empty list when none match.",
		NestedObject:        nestedObject(conversationV1Type.attributes()),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the conversations of a Conversation Service (Conversations v1, the classic conversations): the account's default service, or the one `chat_service_sid` names. "+
			"Twilio filters them by creation date (`start_date`, `end_date`) and `state`; the provider by time windows of creation and last update. "+
			"`total` and `counts_by_state` count them; with `include_items = false`, only the counts are stored.",
			"`GET /v1/Conversations` (`GET /v1/Services/{ChatServiceSid}/Conversations` with `chat_service_sid`)", "Conversations v1 conversations", client.MaxPageSizeConversationsV1),
		Attributes: attrs,
	}
}

func (d *conversationsV1DataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *conversationsV1DataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	var m conversationsV1Model
	if diags := config.Get(ctx, &m); diags.HasError() {
		return nil, diags
	}
	service := m.ChatServiceSid.ValueString()
	filter := client.ConversationV1Filter{StartDate: m.StartDate.ValueString(), EndDate: m.EndDate.ValueString(), State: m.State.ValueString()}
	q := classicQuery(service, "")
	for k, v := range map[string]string{"start_date": filter.StartDate, "end_date": filter.EndDate, "state": filter.State} {
		if v != "" {
			q.Set(k, v)
		}
	}
	var diags diag.Diagnostics
	created, d1 := timeWindow(q, "created", m.CreatedAfter, m.CreatedBefore)
	updated, d2 := timeWindow(q, "updated", m.UpdatedAfter, m.UpdatedBefore)
	if diags.Append(append(d1, d2...)...); diags.HasError() {
		return nil, diags
	}
	var keep func(*client.ConversationV1) bool
	if created != nil || updated != nil {
		keep = func(c *client.ConversationV1) bool {
			return created.contains(c.DateCreated) && updated.contains(c.DateUpdated)
		}
	}
	notFound := ""
	if service != "" {
		notFound = "Conversation Service " + quote(service)
	}
	return readList(ctx, config, listRead[client.ConversationV1]{
		typeName: "twilio_conversations_v1", listAttr: "conversations", countsAttr: "counts_by_state",
		id: d.lookupID("conversations_v1", q, m.MaxItems), inputs: m.listInputs, notFound: notFound,
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.ConversationV1) error) (client.Stats, error) {
			return d.client.ListConversationsV1(ctx, service, filter, opts, fn)
		},
		item:    conversationV1Type.write,
		keep:    keep,
		countBy: func(c *client.ConversationV1) *string { return c.State },
	})
}

// conversationV1Type is a classic conversation, an item of
// twilio_conversations_v1 and the whole of twilio_conversation_v1.
var conversationV1Type = declare("conversation", func(c *client.ConversationV1) *string { return c.Sid }, fields(
	str("sid", "SID of the conversation (`CH…`).", func(c *client.ConversationV1) *string { return c.Sid }),
	str("account_sid", "SID of the Twilio account (`AC…`).", func(c *client.ConversationV1) *string { return c.AccountSid }),
	str("chat_service_sid", "SID of the Conversation Service the conversation belongs to (`IS…`).", func(c *client.ConversationV1) *string { return c.ChatServiceSid }),
	str("messaging_service_sid", "SID of the Messaging Service the conversation belongs to (`MG…`).", func(c *client.ConversationV1) *string { return c.MessagingServiceSid }),
	str("friendly_name", "Friendly name of the conversation; null when not set. May be personal data.", func(c *client.ConversationV1) *string { return c.FriendlyName }),
	str("unique_name", "Unique name of the conversation, which can stand for its SID in a lookup; null when not set. May be personal data.", func(c *client.ConversationV1) *string { return c.UniqueName }),
	jsonString("attributes", "Attributes of the conversation, as normalized JSON text (`{}` when unset). May hold personal data.", func(c *client.ConversationV1) *string { return c.Attributes }),
	str("state", "`initializing`, `inactive`, `active` or `closed` (new values are passed through).", func(c *client.ConversationV1) *string { return c.State }),
	timestamp("date_created", "When the conversation was created (RFC 3339).", func(c *client.ConversationV1) *string { return c.DateCreated }),
	timestamp("date_updated", "When the conversation was last updated (RFC 3339).", func(c *client.ConversationV1) *string { return c.DateUpdated }),
	object("timers", "When the conversation becomes inactive or closed; null when Twilio sends none.", func(c *client.ConversationV1) *client.Timers { return c.Timers }, timersType),
	str("url", "URL of the conversation resource.", func(c *client.ConversationV1) *string { return c.URL }),
	urlMap("links", linksDescription, func(c *client.ConversationV1) map[string]jsontext.Value { return c.Links }),
	jsonValue("bindings", "The conversation's bindings, as normalized JSON text (decode with `jsondecode`); null when Twilio sends none.", func(c *client.ConversationV1) jsontext.Value { return c.Bindings }),
))

func (d *conversationV1DataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversation_v1"
}

// conversationV1Inputs are the inputs of twilio_conversation_v1.
var conversationV1Inputs = []string{"chat_service_sid", "sid_or_unique_name"}

func (d *conversationV1DataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: classicDescription("Looks up one classic conversation (Conversations v1) by its SID or its unique name, in the account's default Conversation Service or in the one `chat_service_sid` names, "+
			"with the attributes of an item of `twilio_conversations_v1` at the top level. An unknown conversation is an error, not an empty result.",
			"`GET /v1/Conversations/{Sid}` (`GET /v1/Services/{ChatServiceSid}/Conversations/{Sid}` with `chat_service_sid`)", "Conversations v1 conversations"),
		Attributes: classicOne(ctx, conversationV1Type.without("chat_service_sid").attributes(), map[string]schema.Attribute{
			"chat_service_sid": classicService(true),
			"sid_or_unique_name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The conversation's SID (`CH…`) or its `unique_name`: Twilio accepts either. The conversation's own SID is in `sid`.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
		}),
	}
}

func (d *conversationV1DataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *conversationV1DataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	return oneClassic(ctx, config, "twilio_conversation_v1", conversationV1Inputs,
		func(in map[string]string) string {
			return classicNotFound(in["chat_service_sid"], in["sid_or_unique_name"])
		},
		func(ctx context.Context, in map[string]string) (*client.ConversationV1, error) {
			return d.client.GetConversationV1(ctx, in["chat_service_sid"], in["sid_or_unique_name"])
		},
		conversationV1Type.without("chat_service_sid"), func(c *client.ConversationV1) *string { return c.ChatServiceSid })
}
