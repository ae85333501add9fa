package datasources

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

var (
	_ datasource.DataSourceWithConfigure = (*conversationDataSource)(nil)
	_ StateReader                        = (*conversationDataSource)(nil)
)

// NewConversationDataSource is the constructor of twilio_conversation.
func NewConversationDataSource() datasource.DataSource { return &conversationDataSource{} }

type conversationDataSource struct{ configured }

func (d *conversationDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversation"
}

func (d *conversationDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one conversation (Conversations v2) by its ID, with the attributes of an item of `twilio_conversations` at the top level. An unknown ID is an error, not an empty result.\n\n" +
			"**Endpoint:** `GET /v2/Conversations/{id}`, one request.\n\n" +
			"**Permissions:** read access to Conversations v2 conversations. Nothing is ever written.",
		Attributes: oneAttributes(ctx, conversationType.attributes(), "ID of the conversation, such as `conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2` (the `id` of an item of `twilio_conversations`)."),
	}
}

func (d *conversationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *conversationDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	in, t, diags := lookupInputs(ctx, config, "id")
	if diags.HasError() {
		return nil, diags
	}
	id := in["id"]
	return readOne(ctx, config, oneRead[client.Conversation]{
		typeName: "twilio_conversation", notFound: "conversation " + strconv.Quote(id), timeouts: t,
		get: func(ctx context.Context) (*client.Conversation, error) { return d.client.GetConversation(ctx, id) },
		fields: func(w *stateWriter, c *client.Conversation) {
			c.ID = &id // the state keeps the id as configured
			conversationType.writeFields(w, c, conversationType.ref(c))
		},
	})
}
