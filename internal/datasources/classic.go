package datasources

import (
	"context"
	"net/url"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/validate"
)

// Pieces shared by the classic Conversations v1 data sources, the
// twilio_*_v1 ones: a conversation, its participants, messages and
// webhooks, each in the account's default Conversation Service or in the
// one chat_service_sid names.

// conversationSid matches a conversation SID; any other conversation
// input is a unique name.
var conversationSid = validate.SIDPattern("CH")

// classicService is the chat_service_sid input: optional, and in a single
// lookup also computed, as the object's own attribute of that name.
func classicService(computed bool) schema.StringAttribute {
	desc := "SID of the Conversation Service (`IS` followed by 32 hexadecimal digits) to read in, such as the `sid` of an item of `twilio_conversation_services`. " +
		"Without it, the account's default Conversation Service: the endpoints without `/Services/{ChatServiceSid}`."
	if computed {
		desc += " When not set, the value Twilio returns (null where Twilio sends none)."
	}
	return schema.StringAttribute{Optional: true, Computed: computed, MarkdownDescription: desc, Validators: []validator.String{validate.SID("IS")}}
}

// conversationInput is the conversation input of the lookups inside one
// conversation.
func conversationInput() schema.StringAttribute {
	return schema.StringAttribute{
		Required: true,
		MarkdownDescription: "The conversation: its SID (`CH…`) or its `unique_name` (Twilio accepts either in the path), such as the `sid` of an item of `twilio_conversations_v1`. " +
			"An unknown conversation is an error. A unique name may be personal data: the lookup's `id` holds only a digest of it.",
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

// classicQuery is the part of a lookup's id that names the service and the
// conversation: a conversation SID as is, a unique name by its digest.
func classicQuery(service, conversation string) url.Values {
	q := url.Values{}
	if service != "" {
		q.Set("chat_service_sid", service)
	}
	switch {
	case conversation == "":
	case conversationSid.MatchString(conversation):
		q.Set("conversation", conversation)
	default:
		q.Set("conversation_unique_name", conversation) // personal: a digest in the id
	}
	return q
}

// classicNotFound names what a 404 did not find: the conversation, and
// the service when one was named.
func classicNotFound(service, conversation string) string {
	what := "conversation " + strconv.Quote(conversation)
	if service != "" {
		return "Conversation Service " + strconv.Quote(service) + " or " + what
	}
	return what
}

// classicDescription is the description of a single lookup.
func classicDescription(what, endpoint, api string) string {
	return what + "\n\n" +
		"**Endpoint:** " + endpoint + ", one request.\n\n" +
		"**Permissions:** read access to " + api + ". Nothing is ever written."
}

// classicOne is the schema of a single classic lookup: the object's
// attributes at the top level, beside its inputs and timeouts.
func classicOne(ctx context.Context, attrs map[string]schema.Attribute, inputs map[string]schema.Attribute) map[string]schema.Attribute {
	for name, a := range inputs {
		attrs[name] = a
	}
	attrs["timeouts"] = timeoutsAttribute(ctx)
	return attrs
}

// writeInputs writes a single lookup's inputs as configured, every one but
// chat_service_sid, which is the configured value or else the object's.
func writeInputs(w *stateWriter, in map[string]string, names []string, itemService *string) {
	for _, name := range names {
		v := in[name]
		if name == "chat_service_sid" {
			if v == "" {
				w.str(name, itemService)
				continue
			}
		}
		w.strValue(name, v)
	}
}

// oneClassic is a single classic lookup's read: the inputs names, then the
// object got, as type typ, which must not declare the inputs itself.
func oneClassic[T any](ctx context.Context, config tfsdk.Config, typeName string, names []string, notFound func(in map[string]string) string,
	get func(ctx context.Context, in map[string]string) (*T, error), typ *apiType[T], service func(*T) *string,
) ([]byte, diag.Diagnostics) {
	in, t, diags := lookupInputs(ctx, config, names...)
	if diags.HasError() {
		return nil, diags
	}
	return readOne(ctx, config, oneRead[T]{
		typeName: typeName, notFound: notFound(in), timeouts: t,
		get: func(ctx context.Context) (*T, error) { return get(ctx, in) },
		fields: func(w *stateWriter, it *T) {
			writeInputs(w, in, names, service(it))
			typ.writeFields(w, it, typ.ref(it))
		},
	})
}

func quote(s string) string { return strconv.Quote(s) }
