package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/validate"
)

// A v1 single lookup reads one object by inputs that are attributes of the
// object itself (its sid, its chat_service_sid, a user's identity): each
// input takes the place of that attribute in the schema, and the state
// keeps the value as configured. An input left unset, when optional, is
// the object's value. Such a lookup is declared as a table: its type
// name, the object's type, its inputs and the request they make.

var (
	_ datasource.DataSourceWithConfigure        = (*lookupV1[client.Role])(nil)
	_ datasource.DataSourceWithConfigValidators = (*lookupV1[client.Role])(nil)
	_ StateReader                               = (*lookupV1[client.Role])(nil)
)

// lookupV1 is a v1 single lookup of an object of type T.
type lookupV1[T any] struct {
	configured
	typeName    string // such as twilio_role_v1
	description string
	typ         *apiType[T]
	inputs      []lookupV1Input[T]
	validators  []datasource.ConfigValidator
	// get reads the object the inputs name, by input name; an unset input
	// is "".
	get func(ctx context.Context, c *client.Client, in map[string]string) (*T, error)
	// notFound names the object for a 404 ("role \"RL…\"").
	notFound func(in map[string]string) string
}

// lookupV1Input is an input of a lookup, which is also the object's attribute
// of the same name: set puts the configured value into the object.
type lookupV1Input[T any] struct {
	name string
	attr schema.StringAttribute
	set  func(*T, *string)
}

func (d *lookupV1[T]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + d.typeName[len("twilio"):]
}

func (d *lookupV1[T]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return d.validators
}

func (d *lookupV1[T]) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := d.typ.attributes()
	for _, in := range d.inputs {
		attrs[in.name] = in.attr
	}
	attrs["timeouts"] = timeoutsAttribute(ctx)
	resp.Schema = schema.Schema{MarkdownDescription: d.description, Attributes: attrs}
}

func (d *lookupV1[T]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *lookupV1[T]) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	names := make([]string, len(d.inputs))
	for i, input := range d.inputs {
		names[i] = input.name
	}
	in, t, diags := lookupInputs(ctx, config, names...)
	if diags.HasError() {
		return nil, diags
	}
	return readOne(ctx, config, oneRead[T]{
		typeName: d.typeName, notFound: d.notFound(in), timeouts: t,
		get: func(ctx context.Context) (*T, error) { return d.get(ctx, d.client, in) },
		fields: func(w *stateWriter, it *T) {
			for _, input := range d.inputs {
				if v := in[input.name]; v != "" {
					input.set(it, &v) // the state keeps the input as configured
				}
			}
			d.typ.writeFields(w, it, d.typ.ref(it))
		},
	})
}

// sidInput is a required SID input with the given prefix.
func sidInput(prefix, desc string) schema.StringAttribute {
	return schema.StringAttribute{Required: true, MarkdownDescription: desc, Validators: []validator.String{validate.SID(prefix)}}
}

// chatServiceInput is the chat_service_sid input of a lookup: required, or
// optional for a resource the account's default Conversation Service also
// serves at a path without it; then, unset, it is the object's service.
func chatServiceInput(required bool) schema.StringAttribute {
	if required {
		return schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "SID of the Conversation Service (`IS` followed by 32 hexadecimal digits), such as the `sid` of an item of `twilio_conversation_services`.",
			Validators:          []validator.String{validate.SID("IS")},
		}
	}
	return schema.StringAttribute{
		Optional: true, Computed: true,
		MarkdownDescription: "SID of the Conversation Service (`IS` followed by 32 hexadecimal digits) to look in. Without it, the account's default Conversation Service, whose SID is then stored here.",
		Validators:          []validator.String{validate.SID("IS")},
	}
}
