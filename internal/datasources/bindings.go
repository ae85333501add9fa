package datasources

import (
	"context"
	"net/url"
	"slices"
	"strconv"

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
	_ datasource.DataSourceWithConfigure = (*bindingsDataSource)(nil)
	_ StateReader                        = (*bindingsDataSource)(nil)
)

// NewBindingsDataSource is the constructor of twilio_bindings_v1.
func NewBindingsDataSource() datasource.DataSource { return &bindingsDataSource{} }

type bindingsDataSource struct{ configured }

type bindingsModel struct {
	listInputs
	ChatServiceSid      types.String   `tfsdk:"chat_service_sid"`
	BindingTypes        []types.String `tfsdk:"binding_types"`
	Identities          []types.String `tfsdk:"identities"`
	Bindings            types.List     `tfsdk:"bindings"`
	CountsByBindingType types.Map      `tfsdk:"counts_by_binding_type"`
}

// bindingType is a push registration of a chat user's device.
var bindingType = declare("binding", func(b *client.Binding) *string { return b.Sid }, fields(
	str("sid", "SID of the binding (`BS…`).", func(b *client.Binding) *string { return b.Sid }),
	str("account_sid", "SID of the Twilio account (`AC…`).", func(b *client.Binding) *string { return b.AccountSid }),
	str("chat_service_sid", "SID of the Conversation Service (`IS…`).", func(b *client.Binding) *string { return b.ChatServiceSid }),
	str("credential_sid", "SID of the push credential the binding uses (`CR…`).", func(b *client.Binding) *string { return b.CredentialSid }),
	timestamp("date_created", "When the binding was created (RFC 3339).", func(b *client.Binding) *string { return b.DateCreated }),
	timestamp("date_updated", "When the binding was last updated (RFC 3339).", func(b *client.Binding) *string { return b.DateUpdated }),
	str("endpoint", "Identifier of the device's endpoint; its format depends on `binding_type`. Personal data.", func(b *client.Binding) *string { return b.Endpoint }),
	str("identity", "Identity of the chat user the binding belongs to. Personal data.", func(b *client.Binding) *string { return b.Identity }),
	str("binding_type", "Push technology: `apn`, `gcm`, `fcm` or `twilsock`; Twilio may add values.", func(b *client.Binding) *string { return b.BindingType }),
	strList("message_types", "The message types the binding is subscribed to, such as `new_message`.", func(b *client.Binding) []*string { return b.MessageTypes }),
	str("url", "URL of the binding resource.", func(b *client.Binding) *string { return b.URL }),
))

// bindingTypes are the binding types of Twilio's spec.
var bindingTypes = []string{"apn", "gcm", "fcm", "twilsock"}

func (d *bindingsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_bindings_v1"
}

func (d *bindingsDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listAttributes(ctx, client.MaxPageSizeBindings, "counts_by_binding_type", "`binding_type`")
	attrs["chat_service_sid"] = chatServiceInput(true)
	attrs["binding_types"] = schema.ListAttribute{
		Optional:            true,
		ElementType:         types.StringType,
		MarkdownDescription: "Only bindings of one of these types: `apn`, `gcm`, `fcm`, `twilsock`. Unset or empty means every type. Applied by Twilio (`BindingType`).",
		Validators: []validator.List{
			listvalidator.NoNullValues(), listvalidator.ValueStringsAre(stringvalidator.OneOf(bindingTypes...)), listvalidator.UniqueValues(),
		},
	}
	attrs["identities"] = schema.ListAttribute{
		Optional:            true,
		ElementType:         types.StringType,
		MarkdownDescription: "Only the bindings of these chat users, by identity. Unset or empty means every user. Applied by Twilio (`Identity`). Personal data: the lookup's `id` holds only their SHA-256 digest.",
		Validators: []validator.List{
			listvalidator.NoNullValues(), listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)), listvalidator.UniqueValues(),
		},
	}
	attrs["bindings"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The bindings, in the API's order; an empty list when there are none.",
		NestedObject:        nestedObject(bindingType.attributes()),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the push notification bindings of a Conversation Service (Conversations v1): which devices of which users receive pushes, through which technology and credential. An unknown service is an error.",
			"`GET /v1/Services/{ChatServiceSid}/Bindings`", "Conversations v1 bindings", client.MaxPageSizeBindings),
		Attributes: attrs,
	}
}

func (d *bindingsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

// values are the strings of a list input, sorted.
func values(vs []types.String) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.ValueString()
	}
	slices.Sort(out)
	return out
}

func (d *bindingsDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	var m bindingsModel
	if diags := config.Get(ctx, &m); diags.HasError() {
		return nil, diags
	}
	f := client.BindingFilter{ChatServiceSid: m.ChatServiceSid.ValueString(), BindingTypes: values(m.BindingTypes), Identities: values(m.Identities)}
	q := url.Values{"chat_service_sid": {f.ChatServiceSid}}
	if len(f.BindingTypes) > 0 {
		q["binding_type"] = f.BindingTypes
	}
	if len(f.Identities) > 0 {
		q["identity"] = slices.Sorted(slices.Values(f.Identities)) // personal: a digest in the id
	}
	return readList(ctx, config, listRead[client.Binding]{
		typeName: "twilio_bindings_v1", listAttr: "bindings", countsAttr: "counts_by_binding_type",
		id: d.lookupID("bindings_v1", q, m.MaxItems), inputs: m.listInputs,
		notFound: "Conversation Service " + strconv.Quote(f.ChatServiceSid),
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.Binding) error) (client.Stats, error) {
			return d.client.ListBindings(ctx, f, opts, fn)
		},
		item:    bindingType.write,
		countBy: func(b *client.Binding) *string { return b.BindingType },
	})
}

// NewBindingDataSource is the constructor of twilio_binding_v1.
func NewBindingDataSource() datasource.DataSource {
	return &lookupV1[client.Binding]{
		typeName: "twilio_binding_v1",
		description: singleDescription("Looks up one push notification binding of a Conversation Service (Conversations v1) by its SID, with the attributes of an item of `twilio_bindings_v1` at the top level. An unknown binding or service is an error, not an empty result.",
			"`GET /v1/Services/{ChatServiceSid}/Bindings/{Sid}`", "Conversations v1 bindings"),
		typ: bindingType,
		inputs: []lookupV1Input[client.Binding]{
			{"sid", sidInput("BS", "SID of the binding (`BS` followed by 32 hexadecimal digits)."), func(b *client.Binding, v *string) { b.Sid = v }},
			{"chat_service_sid", chatServiceInput(true), func(b *client.Binding, v *string) { b.ChatServiceSid = v }},
		},
		get: func(ctx context.Context, c *client.Client, in map[string]string) (*client.Binding, error) {
			return c.GetBinding(ctx, in["chat_service_sid"], in["sid"])
		},
		notFound: func(in map[string]string) string {
			return "binding " + strconv.Quote(in["sid"]) + ofService(in["chat_service_sid"])
		},
	}
}
