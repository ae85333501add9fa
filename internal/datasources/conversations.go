package datasources

import (
	"context"
	"net/url"
	"sort"

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
	_ datasource.DataSourceWithConfigure = (*conversationsDataSource)(nil)
	_ StateReader                        = (*conversationsDataSource)(nil)
)

// NewConversationsDataSource is the constructor of twilio_conversations.
func NewConversationsDataSource() datasource.DataSource { return &conversationsDataSource{} }

type conversationsDataSource struct {
	client *client.Client
}

// conversationStatuses are the values of the status filter.
var conversationStatuses = []string{"ACTIVE", "INACTIVE", "CLOSED"}

type conversationsModel struct {
	ID            types.String   `tfsdk:"id"`
	Statuses      []types.String `tfsdk:"statuses"`
	ChannelID     types.String   `tfsdk:"channel_id"`
	PageSize      types.Int64    `tfsdk:"page_size"`
	MaxItems      types.Int64    `tfsdk:"max_items"`
	Conversations types.List     `tfsdk:"conversations"`
}

func (d *conversationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversations"
}

func (d *conversationsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *conversationsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := pagingAttributes(client.MaxPageSizeV2)
	attrs["id"] = idAttribute()
	attrs["statuses"] = schema.ListAttribute{
		Optional:            true,
		ElementType:         types.StringType,
		MarkdownDescription: "Only conversations in one of these states: `ACTIVE`, `INACTIVE`, `CLOSED`. Unset or empty means every state.",
		Validators: []validator.List{
			listvalidator.ValueStringsAre(stringvalidator.OneOf(conversationStatuses...)),
			listvalidator.UniqueValues(),
		},
	}
	attrs["channel_id"] = schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "Only the conversation of this channel resource, such as a Call SID (`CA…`) or Message SID (`SM…`).",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["conversations"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The conversations, in the API's order; an empty list when none match.",
		NestedObject: nestedObject(map[string]schema.Attribute{
			"id":               computedString("Conversation ID, such as `conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2`."),
			"account_id":       computedString("SID of the Twilio account (`AC…`)."),
			"configuration_id": computedString("ID of the conversation configuration applied."),
			"status":           computedString("`ACTIVE`, `INACTIVE` or `CLOSED` (new values are passed through)."),
			"name":             computedString("Name of the conversation; null when not set."),
			"created_at":       computedTime("When the conversation was created (RFC 3339)."),
			"updated_at":       computedTime("When the conversation was last updated (RFC 3339)."),
			"metadata": schema.MapAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "Free-form string metadata; null when the API returns none.",
			},
			"configuration": computedObject("Configuration of the conversation.", map[string]schema.Attribute{
				"display_name":               computedString("Display name of the configuration."),
				"description":                computedString("Description of the configuration."),
				"conversation_grouping_type": computedString("`GROUP_BY_PROFILE`, `GROUP_BY_PARTICIPANT_ADDRESSES` or `GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE`."),
				"memory_store_id":            computedString("ID of the memory store."),
				"channel_settings":           computedJSON("Per-channel settings, as normalized JSON text (decode with `jsondecode`)."),
				"status_callbacks": schema.ListNestedAttribute{
					Computed:            true,
					MarkdownDescription: "Webhooks called on status changes.",
					NestedObject: nestedObject(map[string]schema.Attribute{
						"url":    computedString("Callback URL."),
						"method": computedString("HTTP method: `POST` or `GET`."),
					}),
				},
				"intelligence_configuration_ids": computedStringList("IDs of the Conversational Intelligence configurations."),
				"memory_extraction_enabled":      computedBool("Whether memory extraction is on."),
				"conversations_v1_bridge": computedObject("Link to a Conversations v1 service.", map[string]schema.Attribute{
					"service_id": computedString("SID of the Conversation Service (`IS…`)."),
				}),
			}),
			"participants": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Participants embedded in the conversation; null when the API omits them.",
				NestedObject:        nestedObject(participantAttributes()),
			},
		}),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the conversations of the account (Conversations v2), optionally only those in some states or of one channel resource.",
			"GET /v2/Conversations", "Conversations v2 conversations", client.MaxPageSizeV2),
		Attributes: attrs,
	}
}

func (d *conversationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *conversationsDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	var m conversationsModel
	if diags := config.Get(ctx, &m); diags.HasError() {
		return nil, diags
	}
	filter := client.ConversationFilter{ChannelID: m.ChannelID.ValueString()}
	for _, s := range m.Statuses {
		filter.Statuses = append(filter.Statuses, s.ValueString())
	}
	q := url.Values{}
	statuses := append([]string(nil), filter.Statuses...)
	sort.Strings(statuses)
	for _, s := range statuses {
		q.Add("status", s)
	}
	if filter.ChannelID != "" {
		q.Set("channel_id", filter.ChannelID)
	}
	opts := listOptions(m.PageSize, m.MaxItems)
	return readList(ctx, config, listRead[client.Conversation]{
		typeName: "twilio_conversations", listAttr: "conversations", id: lookupID("conversations", q, m.MaxItems),
		list: func(fn func([]client.Conversation) error) (client.Stats, error) {
			return d.client.ListConversations(ctx, filter, opts, fn)
		},
		item: writeConversation,
	})
}

// writeConversation writes a v2 conversation.
func writeConversation(w *stateWriter, c *client.Conversation) {
	w.object(10)
	w.str("account_id", c.AccountID)
	if k := c.Configuration; w.nested("configuration", k != nil, 9) {
		w.json("channel_settings", k.ChannelSettings)
		w.str("conversation_grouping_type", k.ConversationGroupingType)
		if b := k.ConversationsV1Bridge; w.nested("conversations_v1_bridge", b != nil, 1) {
			w.str("service_id", b.ServiceID)
		}
		w.str("description", k.Description)
		w.str("display_name", k.DisplayName)
		w.strList("intelligence_configuration_ids", k.IntelligenceConfigurationIDs)
		w.bool("memory_extraction_enabled", k.MemoryExtractionEnabled)
		w.str("memory_store_id", k.MemoryStoreID)
		if w.list("status_callbacks", len(k.StatusCallbacks), k.StatusCallbacks == nil) {
			for _, cb := range k.StatusCallbacks {
				w.object(2)
				w.str("method", cb.Method)
				w.str("url", cb.URL)
			}
		}
	}
	w.str("configuration_id", c.ConfigurationID)
	w.time("created_at", c.CreatedAt, "conversation", c.ID)
	w.strValue("id", c.ID)
	w.strMap("metadata", c.Metadata)
	w.str("name", c.Name)
	if w.list("participants", len(c.Participants), c.Participants == nil) {
		for i := range c.Participants {
			writeParticipant(w, &c.Participants[i])
		}
	}
	w.str("status", c.Status)
	w.time("updated_at", c.UpdatedAt, "conversation", c.ID)
}
