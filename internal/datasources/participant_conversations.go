package datasources

import (
	"context"
	"net/url"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

var (
	_ datasource.DataSourceWithConfigure        = (*participantConversationsDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*participantConversationsDataSource)(nil)
)

// NewParticipantConversationsDataSource is the constructor of
// twilio_participant_conversations.
func NewParticipantConversationsDataSource() datasource.DataSource {
	return &participantConversationsDataSource{}
}

type participantConversationsDataSource struct {
	client *client.Client
}

type participantConversationsModel struct {
	ID            types.String                   `tfsdk:"id"`
	Identity      types.String                   `tfsdk:"identity"`
	Address       types.String                   `tfsdk:"address"`
	PageSize      types.Int64                    `tfsdk:"page_size"`
	MaxItems      types.Int64                    `tfsdk:"max_items"`
	Conversations []participantConversationModel `tfsdk:"conversations"`
}

type participantConversationModel struct {
	AccountSid                  types.String           `tfsdk:"account_sid"`
	ChatServiceSid              types.String           `tfsdk:"chat_service_sid"`
	ParticipantSid              types.String           `tfsdk:"participant_sid"`
	ParticipantUserSid          types.String           `tfsdk:"participant_user_sid"`
	ParticipantIdentity         types.String           `tfsdk:"participant_identity"`
	ParticipantMessagingBinding *messagingBindingModel `tfsdk:"participant_messaging_binding"`
	ConversationSid             types.String           `tfsdk:"conversation_sid"`
	ConversationUniqueName      types.String           `tfsdk:"conversation_unique_name"`
	ConversationFriendlyName    types.String           `tfsdk:"conversation_friendly_name"`
	ConversationAttributes      jsontypes.Normalized   `tfsdk:"conversation_attributes"`
	ConversationDateCreated     timetypes.RFC3339      `tfsdk:"conversation_date_created"`
	ConversationDateUpdated     timetypes.RFC3339      `tfsdk:"conversation_date_updated"`
	ConversationCreatedBy       types.String           `tfsdk:"conversation_created_by"`
	ConversationState           types.String           `tfsdk:"conversation_state"`
	ConversationTimers          *timersModel           `tfsdk:"conversation_timers"`
	Links                       *linksModel            `tfsdk:"links"`
}

type messagingBindingModel struct {
	Address          types.String `tfsdk:"address"`
	ProxyAddress     types.String `tfsdk:"proxy_address"`
	ProjectedAddress types.String `tfsdk:"projected_address"`
	Type             types.String `tfsdk:"type"`
	Level            types.String `tfsdk:"level"`
	Name             types.String `tfsdk:"name"`
}

func (d *participantConversationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_participant_conversations"
}

func (d *participantConversationsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *participantConversationsDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("identity"), path.MatchRoot("address")),
	}
}

func (d *participantConversationsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := pagingAttributes(client.MaxPageSizeV1)
	attrs["id"] = idAttribute()
	attrs["identity"] = schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "Chat identity of the participant. Exactly one of `identity` or `address` is required.",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["address"] = schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "Messaging address of the participant, such as `+15551234567` or `whatsapp:+15551234567`, given as is (the provider encodes it). Exactly one of `identity` or `address` is required.",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["conversations"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The participant's conversations in the account's default Conversation Service, sorted by conversation SID; an empty list when there are none.",
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"account_sid":          computedString("SID of the Twilio account (`AC…`)."),
			"chat_service_sid":     computedString("SID of the Conversation Service (`IS…`)."),
			"participant_sid":      computedString("SID of the participant (`MB…`)."),
			"participant_user_sid": computedString("SID of the participant's chat user (`US…`); null for messaging participants."),
			"participant_identity": computedString("Chat identity of the participant; null for messaging participants."),
			"participant_messaging_binding": computedObject("How a messaging participant is reached; null for chat users.", map[string]schema.Attribute{
				"address":           computedString("The participant's address, such as `+15551234567`."),
				"proxy_address":     computedString("Twilio address the participant talks to."),
				"projected_address": computedString("Address shown to chat participants of a group."),
				"type":              computedString("Binding type, such as `sms` or `whatsapp`."),
				"level":             computedString("Binding level, when set."),
				"name":              computedString("Binding name, when set."),
			}),
			"conversation_sid":           computedString("SID of the conversation (`CH…`)."),
			"conversation_unique_name":   computedString("Unique name of the conversation."),
			"conversation_friendly_name": computedString("Friendly name of the conversation."),
			"conversation_attributes":    computedJSON("Attributes of the conversation, as normalized JSON text."),
			"conversation_date_created":  computedTime("When the conversation was created (RFC 3339)."),
			"conversation_date_updated":  computedTime("When the conversation was last updated (RFC 3339)."),
			"conversation_created_by":    computedString("Identity of the conversation's creator."),
			"conversation_state":         computedString("`active`, `inactive` or `closed`."),
			"conversation_timers":        timersAttribute("Timers of the conversation."),
			"links":                      linksAttribute(),
		}},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the conversations one participant, a chat identity or a messaging address, takes part in (Conversations v1). Covers the account's default Conversation Service; an identity or address with no conversation gives an empty list.",
			"GET /v1/ParticipantConversations", "Conversations v1 participant conversations", client.MaxPageSizeV1),
		Attributes: attrs,
	}
}

func (d *participantConversationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m participantConversationsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	filter := client.ParticipantFilter{Identity: m.Identity.ValueString(), Address: m.Address.ValueString()}
	m.Conversations = []participantConversationModel{}
	start := time.Now()
	st, err := d.client.ListParticipantConversations(ctx, filter, listOptions(m.PageSize, m.MaxItems), func(page []client.ParticipantConversation) error {
		for _, c := range page {
			m.Conversations = append(m.Conversations, participantConversationFrom(c, &resp.Diagnostics))
		}
		return nil
	})
	if err != nil {
		addListError(&resp.Diagnostics, "twilio_participant_conversations", err, "")
		return
	}
	if resp.Diagnostics.HasError() {
		return
	}
	q := url.Values{}
	if filter.Identity != "" {
		q.Set("identity", filter.Identity)
	} else {
		q.Set("address", filter.Address)
	}
	m.ID = types.StringValue(lookupID("participant_conversations", q, m.MaxItems))
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	logRead(ctx, "twilio_participant_conversations", st, start)
}

func participantConversationFrom(c client.ParticipantConversation, diags *diag.Diagnostics) participantConversationModel {
	m := participantConversationModel{
		AccountSid:               types.StringPointerValue(c.AccountSid),
		ChatServiceSid:           types.StringPointerValue(c.ChatServiceSid),
		ParticipantSid:           types.StringPointerValue(c.ParticipantSid),
		ParticipantUserSid:       types.StringPointerValue(c.ParticipantUserSid),
		ParticipantIdentity:      types.StringPointerValue(c.ParticipantIdentity),
		ConversationSid:          types.StringPointerValue(c.ConversationSid),
		ConversationUniqueName:   types.StringPointerValue(c.ConversationUniqueName),
		ConversationFriendlyName: types.StringPointerValue(c.ConversationFriendlyName),
		ConversationAttributes:   jsonText(c.ConversationAttributes),
		ConversationDateCreated:  rfc3339(c.ConversationDateCreated, diags),
		ConversationDateUpdated:  rfc3339(c.ConversationDateUpdated, diags),
		ConversationCreatedBy:    types.StringPointerValue(c.ConversationCreatedBy),
		ConversationState:        types.StringPointerValue(c.ConversationState),
		ConversationTimers:       timersFrom(c.ConversationTimers, diags),
		Links:                    linksFrom(c.Links),
	}
	if b := c.ParticipantMessagingBinding; b != nil {
		m.ParticipantMessagingBinding = &messagingBindingModel{
			Address:          types.StringPointerValue(b.Address),
			ProxyAddress:     types.StringPointerValue(b.ProxyAddress),
			ProjectedAddress: types.StringPointerValue(b.ProjectedAddress),
			Type:             types.StringPointerValue(b.Type),
			Level:            types.StringPointerValue(b.Level),
			Name:             types.StringPointerValue(b.Name),
		}
	}
	return m
}
