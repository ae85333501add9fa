// Package provider is the Terraform provider "twilio": its schema, its
// configuration from attributes and TWILIO_* environment variables, and the
// one client it hands to every data source.
package provider

import (
	"context"
	"fmt"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/datasources"
)

// Address is the provider's registry address.
const Address = "registry.terraform.io/seed3f0d1ece/twilio"

var _ provider.Provider = (*twilioProvider)(nil)

// New returns a constructor of the provider for the framework's
// providerserver; NewServer is the server Terraform talks to.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &twilioProvider{version: version} }
}

// typeName is the provider's name, the prefix of its data sources' names.
const typeName = "twilio"

type twilioProvider struct {
	version string
	// client is the one Configure built, for the server's ReadDataSource.
	client atomic.Pointer[client.Client]
}

type providerModel struct {
	AccountSid        types.String         `tfsdk:"account_sid"`
	AuthToken         types.String         `tfsdk:"auth_token"`
	APIKey            types.String         `tfsdk:"api_key"`
	APISecret         types.String         `tfsdk:"api_secret"`
	Region            types.String         `tfsdk:"region"`
	Edge              types.String         `tfsdk:"edge"`
	BaseURL           types.String         `tfsdk:"base_url"`
	MaxRetries        types.Int64          `tfsdk:"max_retries"`
	RequestTimeout    timetypes.GoDuration `tfsdk:"request_timeout"`
	RequestsPerSecond types.Number         `tfsdk:"requests_per_second"`
}

func (p *twilioProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = typeName
	resp.Version = p.version
}

func (p *twilioProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Read-only lookups in Twilio Conversations. Authenticate with an API key and secret (preferred) or with an Account SID and Auth Token. Every attribute can instead come from its `TWILIO_*` environment variable.",
		Attributes: map[string]schema.Attribute{
			"account_sid": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Twilio Account SID (`AC…`), used with `auth_token`. Environment variable: `TWILIO_ACCOUNT_SID`.",
				Validators:          []validator.String{accountSID.validator()},
			},
			"auth_token": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "Auth Token of `account_sid`. Environment variable: `TWILIO_AUTH_TOKEN`. Prefer an API key.",
				Validators:          []validator.String{authToken.validator()},
			},
			"api_key": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "API key SID (`SK…`), used with `api_secret`; preferred over the Auth Token, and wins when both are given. Environment variable: `TWILIO_API_KEY`.",
				Validators:          []validator.String{apiKey.validator()},
			},
			"api_secret": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "Secret of `api_key`. Environment variable: `TWILIO_API_SECRET`.",
				Validators:          []validator.String{apiSecret.validator()},
			},
			"region": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Twilio region such as `ie1` or `au1`. Requests go to `conversations.{edge}.{region}.twilio.com`; without `edge`, the region's default edge is used (`ie1` → `dublin`, `au1` → `sydney`, …). Environment variable: `TWILIO_REGION`.",
				Validators:          []validator.String{region.validator()},
			},
			"edge": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Twilio edge location such as `dublin` or `sydney`; without `region`, region `us1` is assumed. Environment variable: `TWILIO_EDGE`.",
				Validators:          []validator.String{edge.validator()},
			},
			"base_url": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Scheme and host that replace `https://conversations.twilio.com`, for a proxy or the local emulator; wins over `region` and `edge`. The provider never follows a redirect, so every request, and the credentials, go to this host only. Environment variable: `TWILIO_BASE_URL`.",
				Validators:          []validator.String{baseURL.validator()},
			},
			"max_retries": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: fmt.Sprintf("How many times a request that hit a rate limit (HTTP 429), a server error (5xx except 501), a timeout or a dropped connection is retried. Default %d; 0 disables retries. Environment variable: `TWILIO_MAX_RETRIES`.", defaultMaxRetries),
				Validators:          []validator.Int64{maxRetries.validator()},
			},
			"request_timeout": schema.StringAttribute{
				CustomType:          timetypes.GoDurationType{},
				Optional:            true,
				MarkdownDescription: fmt.Sprintf("Time limit of one HTTP attempt, as a Go duration such as `30s` or `2m`. Default `%s`. Environment variable: `TWILIO_REQUEST_TIMEOUT`.", client.DefaultRequestTimeout),
				Validators:          []validator.String{requestTimeout.validator()},
			},
			// A number, not a float64: Terraform evaluates 1/0 to +Inf, which
			// a float64 attribute refuses with an error that blames the
			// provider; as a number, the value reaches the check, which
			// refuses it by name.
			"requests_per_second": schema.NumberAttribute{
				Optional:            true,
				MarkdownDescription: "Upper bound on the request rate of this provider instance, shared by all its data sources, so that a large configuration stays under the account's concurrency limit instead of leaning on retries. Unset means no bound. Environment variable: `TWILIO_REQUESTS_PER_SECOND`.",
				Validators:          []validator.Number{requestsPerSecond.validator()},
			},
		},
	}
}

func (p *twilioProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var m providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	d := &resp.Diagnostics
	sid, token := accountSID.read(m.AccountSid, d), authToken.read(m.AuthToken, d)
	key, secret := apiKey.read(m.APIKey, d), apiSecret.read(m.APISecret, d)
	cfg := client.Config{
		BaseURL:          baseURL.read(m.BaseURL, d),
		Region:           region.read(m.Region, d),
		Edge:             edge.read(m.Edge, d),
		MaxRetries:       defaultMaxRetries,
		ProviderVersion:  p.version,
		TerraformVersion: req.TerraformVersion,
	}
	// The values were checked as they were read.
	if v := maxRetries.read(m.MaxRetries, d); v != "" {
		cfg.MaxRetries, _ = strconv.Atoi(v)
	}
	if v := requestTimeout.read(m.RequestTimeout, d); v != "" {
		cfg.RequestTimeout, _ = time.ParseDuration(v)
	}
	if v := requestsPerSecond.read(m.RequestsPerSecond, d); v != "" {
		cfg.RequestsPerSecond, _ = strconv.ParseFloat(v, 64)
	}
	if d.HasError() {
		return
	}
	if cfg.Username, cfg.Password = credentials(sid, token, key, secret, d); d.HasError() {
		return
	}

	c, err := client.New(cfg)
	if err != nil {
		attr := baseURL.attr
		if cfg.BaseURL == "" {
			attr = region.attr
		}
		resp.Diagnostics.AddAttributeError(path.Root(attr), "Invalid Twilio endpoint", err.Error())
		return
	}
	tflog.Debug(ctx, "Twilio client configured", map[string]interface{}{"base_url": c.BaseURL(), "username": cfg.Username,
		"provider_version": p.version, "user_agent": client.UserAgent(cfg.ProviderVersion, cfg.TerraformVersion)})
	resp.DataSourceData = c
	p.client.Store(c)
}

// credentials picks the API key pair when either half of it is given, else
// the Account SID and Auth Token, and reports a missing half by name.
func credentials(sid, token, key, secret string, diags *diag.Diagnostics) (string, string) {
	pair := func(user, pass string, userSetting, passSetting setting) (string, string) {
		missing, have := userSetting, passSetting
		switch {
		case user == "":
		case pass == "":
			missing, have = passSetting, userSetting
		default:
			return user, pass
		}
		diags.AddAttributeError(path.Root(missing.attr), "Missing Twilio credential",
			fmt.Sprintf("%s is set but %s is not: set the %s attribute or the %s environment variable.", have.attr, missing.attr, missing.attr, missing.env))
		return "", ""
	}
	switch {
	case key != "" || secret != "":
		return pair(key, secret, apiKey, apiSecret)
	case sid != "" || token != "":
		return pair(sid, token, accountSID, authToken)
	}
	diags.AddAttributeError(path.Root(apiKey.attr), "Missing Twilio credentials",
		"No credentials were given. Set api_key and api_secret (or TWILIO_API_KEY and TWILIO_API_SECRET), or account_sid and auth_token (or TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN).")
	return "", ""
}

func (p *twilioProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return datasources.All()
}

func (p *twilioProvider) Resources(_ context.Context) []func() resource.Resource {
	return nil
}
