package datasources

import (
	"context"
	"net/url"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*conversationsDataSource)(nil)

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
	var m conversationsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
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
	readList(ctx, req, resp, "twilio_conversations", "conversations", lookupID("conversations", q, m.MaxItems), "",
		func(fn func([]client.Conversation) error) (client.Stats, error) {
			return d.client.ListConversations(ctx, filter, opts, fn)
		}, conversationValue)
}

// conversationValue maps a v2 conversation; t is its object type.
func conversationValue(m *mapper, t tftypes.Type, c client.Conversation) tftypes.Value {
	cfgType := attrType(t, "configuration")
	cfg := tftypes.NewValue(cfgType, nil)
	if k := c.Configuration; k != nil {
		cbType := listElem(cfgType, "status_callbacks")
		var cbs []tftypes.Value
		if k.StatusCallbacks != nil {
			cbs = make([]tftypes.Value, len(k.StatusCallbacks))
			for i, cb := range k.StatusCallbacks {
				cbs[i] = tftypes.NewValue(cbType, map[string]tftypes.Value{"url": m.recurring(cb.URL), "method": m.recurring(cb.Method)})
			}
		}
		bridgeType := attrType(cfgType, "conversations_v1_bridge")
		bridge := tftypes.NewValue(bridgeType, nil)
		if b := k.ConversationsV1Bridge; b != nil {
			bridge = tftypes.NewValue(bridgeType, map[string]tftypes.Value{"service_id": m.recurring(b.ServiceID)})
		}
		cfg = tftypes.NewValue(cfgType, map[string]tftypes.Value{
			"display_name":                   m.recurring(k.DisplayName),
			"description":                    m.recurring(k.Description),
			"conversation_grouping_type":     m.recurring(k.ConversationGroupingType),
			"memory_store_id":                m.recurring(k.MemoryStoreID),
			"channel_settings":               tfJSON(k.ChannelSettings),
			"status_callbacks":               tfList(cfgType, "status_callbacks", cbs),
			"intelligence_configuration_ids": m.recurringList(k.IntelligenceConfigurationIDs),
			"memory_extraction_enabled":      tfBoolPtr(k.MemoryExtractionEnabled),
			"conversations_v1_bridge":        bridge,
		})
	}
	pType := listElem(t, "participants")
	var participants []tftypes.Value
	if c.Participants != nil {
		participants = make([]tftypes.Value, len(c.Participants))
		for i, p := range c.Participants {
			participants[i] = participantValue(m, pType, p)
		}
	}
	return tftypes.NewValue(t, map[string]tftypes.Value{
		"id":               tfString(c.ID),
		"account_id":       m.recurring(c.AccountID),
		"configuration_id": m.recurring(c.ConfigurationID),
		"status":           m.recurring(c.Status),
		"name":             tfStringPtr(c.Name),
		"created_at":       m.time(c.CreatedAt, "conversation", c.ID, "created_at"),
		"updated_at":       m.time(c.UpdatedAt, "conversation", c.ID, "updated_at"),
		"metadata":         m.recurringMap(c.Metadata),
		"configuration":    cfg,
		"participants":     tfList(t, "participants", participants),
	})
}
