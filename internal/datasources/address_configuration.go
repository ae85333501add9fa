package datasources

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/validate"
)

var (
	_ datasource.DataSourceWithConfigure = (*addressConfigurationDataSource)(nil)
	_ StateReader                        = (*addressConfigurationDataSource)(nil)
)

// NewAddressConfigurationDataSource is the constructor of
// twilio_address_configuration_v1.
func NewAddressConfigurationDataSource() datasource.DataSource {
	return &addressConfigurationDataSource{}
}

type addressConfigurationDataSource struct{ configured }

func (d *addressConfigurationDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_address_configuration_v1"
}

func (d *addressConfigurationDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := addressConfigurationType.attributes()
	attrs["sid_or_address"] = schema.StringAttribute{
		Required: true,
		MarkdownDescription: "SID of the address configuration (`IG` followed by 32 hexadecimal digits), or the address itself, " +
			"such as `+15551234567` or `whatsapp:+15551234567`; Twilio accepts either. Personal data when it is an address: " +
			"it is sent as one path segment, and kept out of `id`, the provider's logs and its error messages.",
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["id"] = computedID("SID of the address configuration found (`IG…`), however it was looked up: never the address.")
	attrs["timeouts"] = timeoutsAttribute(ctx)
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one address configuration (Conversations v1) by its SID or by its address, with the attributes of an item of " +
			"`twilio_address_configurations_v1` at the top level: whether a message to the address creates a conversation, and where it goes. " +
			"An unknown SID or address is an error, not an empty result.\n\n" +
			"**Endpoint:** `GET /v1/Configuration/Addresses/{Sid}`, one request.\n\n" +
			"**Permissions:** read access to Conversations v1 address configurations. Nothing is ever written.",
		Attributes: attrs,
	}
}

func (d *addressConfigurationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *addressConfigurationDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	in, t, diags := lookupInputs(ctx, config, "sid_or_address")
	if diags.HasError() {
		return nil, diags
	}
	key := in["sid_or_address"]
	notFound := "address configuration of the address given in sid_or_address"
	if addressConfigurationSID.MatchString(key) {
		notFound = "address configuration " + strconv.Quote(key)
	}
	return readOne(ctx, config, oneRead[client.AddressConfiguration]{
		typeName: "twilio_address_configuration_v1", notFound: notFound, timeouts: t,
		get: func(ctx context.Context) (*client.AddressConfiguration, error) {
			return d.client.GetAddressConfiguration(ctx, key)
		},
		fields: func(w *stateWriter, a *client.AddressConfiguration) {
			w.strValue("sid_or_address", key) // as configured
			w.str("id", a.Sid)
			addressConfigurationType.writeFields(w, a, addressConfigurationType.ref(a))
		},
	})
}

// addressConfigurationSID is the pattern of an address configuration's SID.
var addressConfigurationSID = validate.SIDPattern("IG")
