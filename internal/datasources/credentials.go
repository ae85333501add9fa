package datasources

import (
	"context"
	"net/url"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

var (
	_ datasource.DataSourceWithConfigure = (*credentialsDataSource)(nil)
	_ StateReader                        = (*credentialsDataSource)(nil)
)

// NewCredentialsDataSource is the constructor of twilio_credentials_v1.
func NewCredentialsDataSource() datasource.DataSource { return &credentialsDataSource{} }

type credentialsDataSource struct{ configured }

type credentialsModel struct {
	listInputs
	Credentials  types.List `tfsdk:"credentials"`
	CountsByType types.Map  `tfsdk:"counts_by_type"`
}

func (d *credentialsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_credentials_v1"
}

func (d *credentialsDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listAttributes(ctx, client.MaxPageSizeCredentials, "counts_by_type", "`type`")
	attrs["credentials"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "The push credentials, in the API's order; an empty list when there are none.",
		NestedObject:        nestedObject(credentialType.attributes()),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: description("Lists the push notification credentials of the account (Conversations v1): APNs, GCM and FCM, and whether an APN credential "+
			"sends to Apple's sandbox. Twilio never returns a credential's certificate, private key or secret, and this data source never asks for one.",
			"`GET /v1/Credentials`", "Conversations v1 credentials", client.MaxPageSizeCredentials),
		Attributes: attrs,
	}
}

func (d *credentialsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readThroughState(ctx, d, req, resp)
}

func (d *credentialsDataSource) ReadState(ctx context.Context, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	var m credentialsModel
	if diags := config.Get(ctx, &m); diags.HasError() {
		return nil, diags
	}
	return readList(ctx, config, listRead[client.Credential]{
		typeName: "twilio_credentials_v1", listAttr: "credentials", countsAttr: "counts_by_type",
		id: d.lookupID("credentials_v1", url.Values{}, m.MaxItems), inputs: m.listInputs,
		list: func(ctx context.Context, opts client.ListOptions, fn func([]client.Credential) error) (client.Stats, error) {
			return d.client.ListCredentials(ctx, opts, fn)
		},
		item:    credentialType.write,
		countBy: func(c *client.Credential) *string { return c.Type },
	})
}

// credentialType is a push credential, without secrets: Twilio returns none.
var credentialType = declare("credential", func(c *client.Credential) *string { return c.Sid }, fields(
	str("sid", "SID of the credential (`CR…`).", func(c *client.Credential) *string { return c.Sid }),
	str("account_sid", "SID of the Twilio account (`AC…`).", func(c *client.Credential) *string { return c.AccountSid }),
	str("friendly_name", "Friendly name of the credential; null when not set. Personal data (Twilio handles it as such).", func(c *client.Credential) *string { return c.FriendlyName }),
	str("type", "Push service of the credential: `apn`, `gcm` or `fcm`.", func(c *client.Credential) *string { return c.Type }),
	str("sandbox", "APN only: whether notifications go to Apple's sandbox rather than production, as the text Twilio returns (`true` or `false`; "+
		"Twilio's examples also show `True`/`False`, so compare with `lower()`). Null for other types. A sandbox credential in production is an audit finding.",
		func(c *client.Credential) *string { return c.Sandbox }),
	timestamp("date_created", "When the credential was created (RFC 3339).", func(c *client.Credential) *string { return c.DateCreated }),
	timestamp("date_updated", "When the credential was last updated (RFC 3339).", func(c *client.Credential) *string { return c.DateUpdated }),
	str("url", "URL of the credential resource.", func(c *client.Credential) *string { return c.URL }),
))
