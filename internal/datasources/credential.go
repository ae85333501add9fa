package datasources

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/validate"
)

var (
	_ datasource.DataSourceWithConfigure = (*credentialDataSource)(nil)
	_ StateReader                        = (*credentialDataSource)(nil)
)

// NewCredentialDataSource is the constructor of twilio_credential_v1.
func NewCredentialDataSource() datasource.DataSource { return &credentialDataSource{} }

type credentialDataSource struct{ configured }

func (d *credentialDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_credential_v1"
}

func (d *credentialDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := credentialType.attributes()
	attrs["sid"] = schema.StringAttribute{
		Required:            true,
		MarkdownDescription: "SID of the credential (`CR` followed by 32 hexadecimal digits), such as the `sid` of an item of `twilio_credentials_v1`.",
		Validators:          []validator.String{validate.SID("CR")},
	}
	attrs["id"] = computedID("The credential's SID, as `sid`.")
	attrs["timeouts"] = timeoutsAttribute(ctx)
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one push notification credential (Conversations v1) by its SID, with the attributes of an item of " +
			"`twilio_credentials_v1` at the top level. Twilio never returns a credential's certificate, private key or secret. " +
			"An unknown SID is an error, not an empty result.\n\n" +
			"**Endpoint:** `GET /v1/Credentials/{Sid}`, one request.\n\n" +
			"**Permissions:** read access to Conversations v1 credentials. Nothing is ever written.",
		Attributes: attrs,
	}
}

func (d *credentialDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *credentialDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	in, t, diags := lookupInputs(ctx, config, "sid")
	if diags.HasError() {
		return nil, diags
	}
	sid := in["sid"]
	return readOne(ctx, config, oneRead[client.Credential]{
		typeName: "twilio_credential_v1", notFound: "credential " + strconv.Quote(sid), timeouts: t,
		get: func(ctx context.Context) (*client.Credential, error) { return d.client.GetCredential(ctx, sid) },
		fields: func(w *stateWriter, c *client.Credential) {
			c.Sid = &sid // the state keeps the SID as configured
			w.strValue("id", sid)
			credentialType.writeFields(w, c, credentialType.ref(c))
		},
	})
}
