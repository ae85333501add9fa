package datasources

import (
	"context"
	"net/url"
	"regexp"
	"slices"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/validate"
)

var (
	_ datasource.DataSourceWithConfigure = (*conversationsDataSource)(nil)
	_ StateReader                        = (*conversationsDataSource)(nil)
)

// NewConversationsDataSource is the constructor of twilio_conversations.
func NewConversationsDataSource() datasource.DataSource { return &conversationsDataSource{} }

type conversationsDataSource struct{ configured }

// conversationStatuses are the values of the status filter.
var conversationStatuses = []string{"ACTIVE", "INACTIVE", "CLOSED"}

type conversationsModel struct {
	listInputs
	Statuses        []types.String          `tfsdk:"statuses"`
	ChannelID       types.String            `tfsdk:"channel_id"`
	CreatedAfter    timetypes.RFC3339       `tfsdk:"created_after"`
	CreatedBefore   timetypes.RFC3339       `tfsdk:"created_before"`
	UpdatedAfter    timetypes.RFC3339       `tfsdk:"updated_after"`
	UpdatedBefore   timetypes.RFC3339       `tfsdk:"updated_before"`
	NameRegex       types.String            `tfsdk:"name_regex"`
	ConfigurationID types.String            `tfsdk:"configuration_id"`
	Metadata        map[string]types.String `tfsdk:"metadata"`
	Conversations   types.List              `tfsdk:"conversations"`
	CountsByStatus  types.Map               `tfsdk:"counts_by_status"`
}

func (d *conversationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_conversations"
}

func (d *conversationsDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listAttributes(ctx, client.MaxPageSizeV2, "counts_by_status", "`status`")
	attrs["created_after"] = timeFilter("Only conversations created after this time (RFC 3339, such as `2025-01-06T09:00:00Z`; exclusive).")
	attrs["created_before"] = timeFilter("Only conversations created before this time (RFC 3339; exclusive).")
	attrs["updated_after"] = timeFilter("Only conversations last updated after this time (RFC 3339; exclusive).")
	attrs["updated_before"] = timeFilter("Only conversations last updated before this time (RFC 3339; exclusive).")
	attrs["name_regex"] = schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "Only conversations whose `name` matches this [RE2](https://github.com/google/re2/wiki/Syntax) regular expression (anywhere in the name unless anchored with `^` and `$`); a conversation without a name never matches." + providerFilter,
		Validators:          []validator.String{validate.Regexp()},
	}
	attrs["configuration_id"] = schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "Only conversations of this configuration." + providerFilter,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["metadata"] = schema.MapAttribute{
		Optional:            true,
		ElementType:         types.StringType,
		MarkdownDescription: "Only conversations whose `metadata` has every one of these keys with that value." + providerFilter,
		Validators:          []validator.Map{mapvalidator.NoNullValues()},
	}
	attrs["statuses"] = schema.ListAttribute{
		Optional:            true,
		ElementType:         types.StringType,
		MarkdownDescription: "Only conversations in one of these states: `ACTIVE`, `INACTIVE`, `CLOSED`. Unset or empty means every state. Applied by Twilio, so only matching conversations are paged through.",
		Validators: []validator.List{
			listvalidator.NoNullValues(), listvalidator.ValueStringsAre(stringvalidator.OneOf(conversationStatuses...)),
			listvalidator.UniqueValues(),
		},
	}
	attrs["channel_id"] = schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "Only the conversation of this channel resource, such as a Call SID (`CA…`) or Message SID (`SM…`). Applied by Twilio.",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["conversations"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The conversations, in the API's order; an empty list when none match.",
		NestedObject:        nestedObject(conversationType.attributes()),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the conversations of the account (Conversations v2), optionally only those in some states or of one channel resource (filters Twilio applies), "+
			"or created or updated in a time window, by name, configuration or metadata (filters the provider applies to every page it reads). `total` and `counts_by_status` count them; with `include_items = false`, only the counts are stored.",
			"`GET /v2/Conversations`", "Conversations v2 conversations", client.MaxPageSizeV2),
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
	q := url.Values{}
	for _, s := range m.Statuses {
		filter.Statuses = append(filter.Statuses, s.ValueString())
		q.Add("status", s.ValueString())
	}
	slices.Sort(q["status"])
	if filter.ChannelID != "" {
		q.Set("channel_id", filter.ChannelID)
	}
	keep, diags := m.keep(q)
	if diags.HasError() {
		return nil, diags
	}
	return readList(ctx, config, listRead[client.Conversation]{
		typeName: "twilio_conversations", listAttr: "conversations", countsAttr: "counts_by_status",
		id: d.lookupID("conversations", q, m.MaxItems), inputs: m.listInputs,
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.Conversation) error) (client.Stats, error) {
			return d.client.ListConversations(ctx, filter, opts, fn)
		},
		item:    conversationType.write,
		keep:    keep,
		countBy: func(c *client.Conversation) *string { return c.Status },
	})
}

// keep is the filter of the inputs the provider applies, nil when none is
// set; it adds them to q, which the lookup's id is made of.
func (m conversationsModel) keep(q url.Values) (func(*client.Conversation) bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	created, d := timeWindow(q, "created", m.CreatedAfter, m.CreatedBefore)
	diags.Append(d...)
	updated, d := timeWindow(q, "updated", m.UpdatedAfter, m.UpdatedBefore)
	diags.Append(d...)
	var name *regexp.Regexp
	if !m.NameRegex.IsNull() {
		var err error
		if name, err = regexp.Compile(m.NameRegex.ValueString()); err != nil {
			diags.AddAttributeError(path.Root("name_regex"), "Invalid regular expression", err.Error())
		}
		q.Set("name_regex", m.NameRegex.ValueString())
	}
	configuration := m.ConfigurationID.ValueStringPointer()
	if configuration != nil {
		q.Set("configuration_id", *configuration)
	}
	for k, v := range m.Metadata {
		q.Set("metadata."+k, v.ValueString())
	}
	if diags.HasError() || (created == nil && updated == nil && name == nil && configuration == nil && len(m.Metadata) == 0) {
		return nil, diags
	}
	return func(c *client.Conversation) bool {
		if !created.contains(c.CreatedAt) || !updated.contains(c.UpdatedAt) {
			return false
		}
		if name != nil && (c.Name == nil || !name.MatchString(*c.Name)) {
			return false
		}
		if configuration != nil && (c.ConfigurationID == nil || *c.ConfigurationID != *configuration) {
			return false
		}
		for k, v := range m.Metadata {
			if got := c.Metadata[k]; got == nil || *got != v.ValueString() {
				return false
			}
		}
		return true
	}, diags
}

// conversationType is a v2 conversation, an item of twilio_conversations
// and the whole of twilio_conversation.
var conversationType = declare("conversation", func(c *client.Conversation) *string { return c.ID }, fields(
	str("id", "Conversation ID, such as `conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2`.", func(c *client.Conversation) *string { return c.ID }),
	str("account_id", "SID of the Twilio account (`AC…`).", func(c *client.Conversation) *string { return c.AccountID }),
	str("configuration_id", "ID of the conversation configuration applied.", func(c *client.Conversation) *string { return c.ConfigurationID }),
	str("status", "`ACTIVE`, `INACTIVE` or `CLOSED` (new values are passed through).", func(c *client.Conversation) *string { return c.Status }),
	str("name", "Name of the conversation; null when not set.", func(c *client.Conversation) *string { return c.Name }),
	timestamp("created_at", "When the conversation was created (RFC 3339).", func(c *client.Conversation) *string { return c.CreatedAt }),
	timestamp("updated_at", "When the conversation was last updated (RFC 3339).", func(c *client.Conversation) *string { return c.UpdatedAt }),
	strMap("metadata", "Free-form string metadata; null when the API returns none.", func(c *client.Conversation) map[string]*string { return c.Metadata }),
	object("configuration", "Configuration of the conversation.", func(c *client.Conversation) *client.ConversationConfig { return c.Configuration }, conversationConfigType),
	objectList("participants", "Participants embedded in the conversation; null when the API omits them.", func(c *client.Conversation) []*client.Participant { return c.Participants }, participantType),
))

// conversationConfigType is a conversation configuration as a conversation
// embeds it; configurationType adds its id, timestamps and version.
var conversationConfigType = declare[client.ConversationConfig]("configuration", nil, fields(
	str("display_name", "Display name of the configuration.", func(c *client.ConversationConfig) *string { return c.DisplayName }),
	str("description", "Description of the configuration.", func(c *client.ConversationConfig) *string { return c.Description }),
	str("conversation_grouping_type", "`GROUP_BY_PROFILE`, `GROUP_BY_PARTICIPANT_ADDRESSES` or `GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE` (new values are passed through).",
		func(c *client.ConversationConfig) *string { return c.ConversationGroupingType }),
	str("memory_store_id", "ID of the memory store.", func(c *client.ConversationConfig) *string { return c.MemoryStoreID }),
	jsonValue("channel_settings", "Per-channel settings (status timeouts and capture rules), as normalized JSON text (decode with `jsondecode`).",
		func(c *client.ConversationConfig) jsontext.Value { return c.ChannelSettings }),
	objectList("status_callbacks", "Webhooks called on status changes.", func(c *client.ConversationConfig) []*client.StatusCallback { return c.StatusCallbacks }, statusCallbackType),
	strList("intelligence_configuration_ids", "IDs of the Conversational Intelligence configurations.", func(c *client.ConversationConfig) []*string { return c.IntelligenceConfigurationIDs }),
	boolean("memory_extraction_enabled", "Whether memory extraction is on.", func(c *client.ConversationConfig) *bool { return c.MemoryExtractionEnabled }),
	object("conversations_v1_bridge", "Link to a Conversations v1 service.", func(c *client.ConversationConfig) *client.V1Bridge { return c.ConversationsV1Bridge }, v1BridgeType),
))

var statusCallbackType = declare[client.StatusCallback]("status callback", nil, fields(
	str("url", "Callback URL.", func(c *client.StatusCallback) *string { return c.URL }),
	str("method", "HTTP method: `POST` or `GET`.", func(c *client.StatusCallback) *string { return c.Method }),
))

var v1BridgeType = declare[client.V1Bridge]("bridge", nil, fields(
	str("service_id", "SID of the Conversation Service (`IS…`).", func(b *client.V1Bridge) *string { return b.ServiceID }),
))
