package datasources

import (
	"context"

	"github.com/go-json-experiment/json/jsontext"
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
	_ datasource.DataSourceWithConfigure = (*conversationWebhooksV1DataSource)(nil)
	_ StateReader                        = (*conversationWebhooksV1DataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*conversationWebhookV1DataSource)(nil)
	_ StateReader                        = (*conversationWebhookV1DataSource)(nil)
)

// NewConversationWebhooksV1DataSource is the constructor of
// twilio_conversation_webhooks_v1.
func NewConversationWebhooksV1DataSource() datasource.DataSource {
	return &conversationWebhooksV1DataSource{}
}

// NewConversationWebhookV1DataSource is the constructor of
// twilio_conversation_webhook_v1.
func NewConversationWebhookV1DataSource() datasource.DataSource {
	return &conversationWebhookV1DataSource{}
}

type conversationWebhooksV1DataSource struct{ configured }

type conversationWebhookV1DataSource struct{ configured }

type conversationWebhooksV1Model struct {
	listInputs
	ChatServiceSid types.String `tfsdk:"chat_service_sid"`
	Conversation   types.String `tfsdk:"conversation"`
	Webhooks       types.List   `tfsdk:"webhooks"`
	CountsByTarget types.Map    `tfsdk:"counts_by_target"`
}

func (d *conversationWebhooksV1DataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversation_webhooks_v1"
}

func (d *conversationWebhooksV1DataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listAttributes(ctx, client.MaxPageSizeWebhooksV1, "counts_by_target", "`target` (`webhook`, `studio`, `trigger`)")
	attrs["chat_service_sid"] = classicService(false)
	attrs["conversation"] = conversationInput()
	attrs["webhooks"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The conversation's webhooks, in the API's order; an empty list when it has none.",
		NestedObject:        nestedObject(conversationWebhookV1Type.attributes()),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the webhooks scoped to one classic conversation (Conversations v1), in the account's default Conversation Service or in the one `chat_service_sid` names: "+
			"where its events go (a URL, a Studio flow or a keyword trigger). Twilio pages them 5 at a time at most. `total` and `counts_by_target` count them. "+
			"An unknown conversation is an error, not an empty list.",
			"`GET /v1/Conversations/{ConversationSid}/Webhooks` (`GET /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Webhooks` with `chat_service_sid`)",
			"Conversations v1 conversation webhooks", client.MaxPageSizeWebhooksV1),
		Attributes: attrs,
	}
}

func (d *conversationWebhooksV1DataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *conversationWebhooksV1DataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	var m conversationWebhooksV1Model
	if diags := config.Get(ctx, &m); diags.HasError() {
		return nil, diags
	}
	service, conversation := m.ChatServiceSid.ValueString(), m.Conversation.ValueString()
	return readList(ctx, config, listRead[client.ConversationWebhookV1]{
		typeName: "twilio_conversation_webhooks_v1", listAttr: "webhooks", countsAttr: "counts_by_target",
		id: d.lookupID("conversation_webhooks_v1", classicQuery(service, conversation), m.MaxItems), inputs: m.listInputs,
		notFound: classicNotFound(service, conversation),
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.ConversationWebhookV1) error) (client.Stats, error) {
			return d.client.ListConversationWebhooksV1(ctx, service, conversation, opts, fn)
		},
		item:    conversationWebhookV1Type.write,
		countBy: func(w *client.ConversationWebhookV1) *string { return w.Target },
	})
}

// conversationWebhookV1Type is a webhook scoped to a classic conversation,
// an item of twilio_conversation_webhooks_v1 and the whole of
// twilio_conversation_webhook_v1. Its configuration depends on its target
// and has no properties in Twilio's spec: it is kept as JSON text.
var conversationWebhookV1Type = declare("webhook", func(w *client.ConversationWebhookV1) *string { return w.Sid }, fields(
	str("sid", "SID of the webhook (`WH…`).", func(w *client.ConversationWebhookV1) *string { return w.Sid }),
	str("account_sid", "SID of the Twilio account (`AC…`).", func(w *client.ConversationWebhookV1) *string { return w.AccountSid }),
	str("chat_service_sid", "SID of the Conversation Service (`IS…`); Twilio sends it only when read with `chat_service_sid`, so it is null otherwise.",
		func(w *client.ConversationWebhookV1) *string { return w.ChatServiceSid }),
	str("conversation_sid", "SID of the conversation (`CH…`).", func(w *client.ConversationWebhookV1) *string { return w.ConversationSid }),
	str("target", "Where the events go: `webhook`, `studio` or `trigger` (new values are passed through).", func(w *client.ConversationWebhookV1) *string { return w.Target }),
	str("url", "URL of the webhook resource (the URL events are sent to is in `configuration`).", func(w *client.ConversationWebhookV1) *string { return w.URL }),
	jsonValue("configuration", "Settings of the webhook, which depend on its `target` (such as `url`, `method`, `filters`, `triggers`, `flow_sid`, `replay_after`), as normalized JSON text (decode with `jsondecode`); null when Twilio sends none.",
		func(w *client.ConversationWebhookV1) jsontext.Value { return w.Configuration }),
	timestamp("date_created", "When the webhook was created (RFC 3339).", func(w *client.ConversationWebhookV1) *string { return w.DateCreated }),
	timestamp("date_updated", "When the webhook was last updated (RFC 3339).", func(w *client.ConversationWebhookV1) *string { return w.DateUpdated }),
))

func (d *conversationWebhookV1DataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversation_webhook_v1"
}

// conversationWebhookV1Inputs are the inputs of
// twilio_conversation_webhook_v1.
var conversationWebhookV1Inputs = []string{"chat_service_sid", "conversation", "sid"}

// conversationWebhookV1Fields are its attributes besides its inputs.
var conversationWebhookV1Fields = conversationWebhookV1Type.without("chat_service_sid", "sid")

func (d *conversationWebhookV1DataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: classicDescription("Looks up one webhook scoped to a classic conversation (Conversations v1) by its SID, in the account's default Conversation Service or in the one `chat_service_sid` names, "+
			"with the attributes of an item of `twilio_conversation_webhooks_v1` at the top level. An unknown conversation or webhook is an error, not an empty result.",
			"`GET /v1/Conversations/{ConversationSid}/Webhooks/{Sid}` (`GET /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Webhooks/{Sid}` with `chat_service_sid`)",
			"Conversations v1 conversation webhooks"),
		Attributes: classicOne(ctx, conversationWebhookV1Fields.attributes(), map[string]schema.Attribute{
			"chat_service_sid": classicService(true),
			"conversation":     conversationInput(),
			"sid": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "SID of the webhook (`WH` followed by 32 hexadecimal digits).",
				Validators:          []validator.String{validate.SID("WH")},
			},
		}),
	}
}

func (d *conversationWebhookV1DataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *conversationWebhookV1DataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	return oneClassic(ctx, config, "twilio_conversation_webhook_v1", conversationWebhookV1Inputs,
		func(in map[string]string) string {
			return classicNotFound(in["chat_service_sid"], in["conversation"]) + " or webhook " + quote(in["sid"])
		},
		func(ctx context.Context, in map[string]string) (*client.ConversationWebhookV1, error) {
			return d.client.GetConversationWebhookV1(ctx, in["chat_service_sid"], in["conversation"], in["sid"])
		},
		conversationWebhookV1Fields, func(w *client.ConversationWebhookV1) *string { return w.ChatServiceSid })
}
