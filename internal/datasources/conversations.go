package datasources

import (
	"context"
	"net/url"
	"sort"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

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
	ID            types.String        `tfsdk:"id"`
	Statuses      []types.String      `tfsdk:"statuses"`
	ChannelID     types.String        `tfsdk:"channel_id"`
	PageSize      types.Int64         `tfsdk:"page_size"`
	MaxItems      types.Int64         `tfsdk:"max_items"`
	Conversations []conversationModel `tfsdk:"conversations"`
}

type conversationModel struct {
	ID              types.String        `tfsdk:"id"`
	AccountID       types.String        `tfsdk:"account_id"`
	ConfigurationID types.String        `tfsdk:"configuration_id"`
	Status          types.String        `tfsdk:"status"`
	Name            types.String        `tfsdk:"name"`
	CreatedAt       timetypes.RFC3339   `tfsdk:"created_at"`
	UpdatedAt       timetypes.RFC3339   `tfsdk:"updated_at"`
	Metadata        types.Map           `tfsdk:"metadata"`
	Configuration   *configurationModel `tfsdk:"configuration"`
	Participants    []participantModel  `tfsdk:"participants"`
}

type configurationModel struct {
	DisplayName                  types.String          `tfsdk:"display_name"`
	Description                  types.String          `tfsdk:"description"`
	ConversationGroupingType     types.String          `tfsdk:"conversation_grouping_type"`
	MemoryStoreID                types.String          `tfsdk:"memory_store_id"`
	ChannelSettings              jsontypes.Normalized  `tfsdk:"channel_settings"`
	StatusCallbacks              []statusCallbackModel `tfsdk:"status_callbacks"`
	IntelligenceConfigurationIDs []types.String        `tfsdk:"intelligence_configuration_ids"`
	MemoryExtractionEnabled      types.Bool            `tfsdk:"memory_extraction_enabled"`
	ConversationsV1Bridge        *v1BridgeModel        `tfsdk:"conversations_v1_bridge"`
}

type statusCallbackModel struct {
	URL    types.String `tfsdk:"url"`
	Method types.String `tfsdk:"method"`
}

type v1BridgeModel struct {
	ServiceID types.String `tfsdk:"service_id"`
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
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
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
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"url":    computedString("Callback URL."),
						"method": computedString("HTTP method: `POST` or `GET`."),
					}},
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
				NestedObject:        schema.NestedAttributeObject{Attributes: participantAttributes()},
			},
		}},
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
	m.Conversations = []conversationModel{}
	start := time.Now()
	st, err := d.client.ListConversations(ctx, filter, listOptions(m.PageSize, m.MaxItems), func(page []client.Conversation) error {
		for _, c := range page {
			m.Conversations = append(m.Conversations, conversationFrom(ctx, c, &resp.Diagnostics))
		}
		return nil
	})
	if err != nil {
		addListError(&resp.Diagnostics, "twilio_conversations", err, "")
		return
	}
	if resp.Diagnostics.HasError() {
		return
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
	m.ID = types.StringValue(lookupID("conversations", q, m.MaxItems))
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	logRead(ctx, "twilio_conversations", st, start)
}

func conversationFrom(ctx context.Context, c client.Conversation, diags *diag.Diagnostics) conversationModel {
	m := conversationModel{
		ID:              types.StringValue(c.ID),
		AccountID:       types.StringPointerValue(c.AccountID),
		ConfigurationID: types.StringPointerValue(c.ConfigurationID),
		Status:          types.StringPointerValue(c.Status),
		Name:            types.StringPointerValue(c.Name),
		CreatedAt:       rfc3339(c.CreatedAt, diags),
		UpdatedAt:       rfc3339(c.UpdatedAt, diags),
		Metadata:        types.MapNull(types.StringType),
	}
	if c.Metadata != nil {
		md, d := types.MapValueFrom(ctx, types.StringType, c.Metadata)
		diags.Append(d...)
		m.Metadata = md
	}
	if cfg := c.Configuration; cfg != nil {
		m.Configuration = &configurationModel{
			DisplayName:                  types.StringPointerValue(cfg.DisplayName),
			Description:                  types.StringPointerValue(cfg.Description),
			ConversationGroupingType:     types.StringPointerValue(cfg.ConversationGroupingType),
			MemoryStoreID:                types.StringPointerValue(cfg.MemoryStoreID),
			ChannelSettings:              rawJSON(cfg.ChannelSettings),
			IntelligenceConfigurationIDs: stringList(cfg.IntelligenceConfigurationIDs),
			MemoryExtractionEnabled:      types.BoolPointerValue(cfg.MemoryExtractionEnabled),
		}
		if cfg.StatusCallbacks != nil {
			m.Configuration.StatusCallbacks = make([]statusCallbackModel, len(cfg.StatusCallbacks))
			for i, cb := range cfg.StatusCallbacks {
				m.Configuration.StatusCallbacks[i] = statusCallbackModel{URL: types.StringPointerValue(cb.URL), Method: types.StringPointerValue(cb.Method)}
			}
		}
		if b := cfg.ConversationsV1Bridge; b != nil {
			m.Configuration.ConversationsV1Bridge = &v1BridgeModel{ServiceID: types.StringPointerValue(b.ServiceID)}
		}
	}
	if c.Participants != nil {
		m.Participants = make([]participantModel, len(c.Participants))
		for i, p := range c.Participants {
			m.Participants[i] = participantFrom(p, diags)
		}
	}
	return m
}

// rawJSON is a free-form JSON object as normalized JSON text; absent or
// JSON null becomes Terraform null.
func rawJSON(raw []byte) jsontypes.Normalized {
	if len(raw) == 0 || string(raw) == "null" {
		return jsontypes.NewNormalizedNull()
	}
	return jsontypes.NewNormalizedValue(string(raw))
}
