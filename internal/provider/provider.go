// Package provider is the Terraform provider "twilio": its schema, its
// configuration from attributes and TWILIO_* environment variables, and the
// one client it hands to every data source.
package provider

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
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
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/validate"
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
	RequestsPerSecond types.Float64        `tfsdk:"requests_per_second"`
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
				Validators:          []validator.String{validate.SID("AC")},
			},
			"auth_token": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "Auth Token of `account_sid`. Environment variable: `TWILIO_AUTH_TOKEN`. Prefer an API key.",
			},
			"api_key": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "API key SID (`SK…`), used with `api_secret`; preferred over the Auth Token, and wins when both are given. Environment variable: `TWILIO_API_KEY`.",
				Validators:          []validator.String{validate.SID("SK")},
			},
			"api_secret": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "Secret of `api_key`. Environment variable: `TWILIO_API_SECRET`.",
			},
			"region": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Twilio region such as `ie1` or `au1`. Requests go to `conversations.{edge}.{region}.twilio.com`; without `edge`, the region's default edge is used (`ie1` → `dublin`, `au1` → `sydney`, …). Environment variable: `TWILIO_REGION`.",
				Validators:          []validator.String{stringvalidator.RegexMatches(validate.HostLabel, "must be a Twilio region such as ie1")},
			},
			"edge": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Twilio edge location such as `dublin` or `sydney`; without `region`, region `us1` is assumed. Environment variable: `TWILIO_EDGE`.",
				Validators:          []validator.String{stringvalidator.RegexMatches(validate.HostLabel, "must be a Twilio edge such as dublin")},
			},
			"base_url": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Scheme and host that replace `https://conversations.twilio.com`, for a proxy or the local emulator; wins over `region` and `edge`. Environment variable: `TWILIO_BASE_URL`.",
			},
			"max_retries": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: fmt.Sprintf("How many times a request that hit a rate limit (HTTP 429), a server error (5xx except 501), a timeout or a dropped connection is retried. Default %d; 0 disables retries. Environment variable: `TWILIO_MAX_RETRIES`.", client.DefaultMaxRetries),
				Validators:          []validator.Int64{int64validator.Between(0, 100)},
			},
			"request_timeout": schema.StringAttribute{
				CustomType:          timetypes.GoDurationType{},
				Optional:            true,
				MarkdownDescription: fmt.Sprintf("Time limit of one HTTP attempt, as a Go duration such as `30s` or `2m`. Default `%s`. Environment variable: `TWILIO_REQUEST_TIMEOUT`.", client.DefaultRequestTimeout),
			},
			"requests_per_second": schema.Float64Attribute{
				Optional:            true,
				MarkdownDescription: "Upper bound on the request rate of this provider instance, shared by all its data sources, so that a large configuration stays under the account's concurrency limit instead of leaning on retries. Unset means no bound. Environment variable: `TWILIO_REQUESTS_PER_SECOND`.",
				Validators:          []validator.Float64{float64validator.AtLeast(0.1)},
			},
		},
	}
}

// setting is one provider attribute with its environment variable.
type setting struct {
	attr string
	env  string
	val  types.String
}

// value is the attribute, else its environment variable.
func (s setting) value() string {
	if !s.val.IsNull() && !s.val.IsUnknown() {
		return s.val.ValueString()
	}
	return os.Getenv(s.env)
}

func (p *twilioProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var m providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}

	strs := map[string]setting{}
	for _, s := range []setting{
		{"account_sid", "TWILIO_ACCOUNT_SID", m.AccountSid},
		{"auth_token", "TWILIO_AUTH_TOKEN", m.AuthToken},
		{"api_key", "TWILIO_API_KEY", m.APIKey},
		{"api_secret", "TWILIO_API_SECRET", m.APISecret},
		{"region", "TWILIO_REGION", m.Region},
		{"edge", "TWILIO_EDGE", m.Edge},
		{"base_url", "TWILIO_BASE_URL", m.BaseURL},
		{"request_timeout", "TWILIO_REQUEST_TIMEOUT", m.RequestTimeout.StringValue},
	} {
		if s.val.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root(s.attr), "Unknown Twilio provider setting",
				fmt.Sprintf("%s depends on a value that is not known until apply, but the provider must be configured before any data source is read. Set it to a literal or a variable, or use the %s environment variable.", s.attr, s.env))
		}
		strs[s.attr] = s
	}
	if m.MaxRetries.IsUnknown() || m.RequestsPerSecond.IsUnknown() {
		resp.Diagnostics.AddError("Unknown Twilio provider setting", "max_retries and requests_per_second must be known when the provider is configured: set them to literals or variables.")
	}
	if resp.Diagnostics.HasError() {
		return
	}

	username, password := credentials(strs, &resp.Diagnostics)

	cfg := client.Config{
		Username:         username,
		Password:         password,
		BaseURL:          strs["base_url"].value(),
		Region:           strs["region"].value(),
		Edge:             strs["edge"].value(),
		ProviderVersion:  p.version,
		TerraformVersion: req.TerraformVersion,
	}
	if v, ok := intSetting(m.MaxRetries, "max_retries", "TWILIO_MAX_RETRIES", &resp.Diagnostics); ok {
		cfg.MaxRetries = int(v)
		if v == 0 {
			cfg.MaxRetries = -1 // explicitly no retries
		}
	}
	if s := strs["request_timeout"].value(); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			resp.Diagnostics.AddAttributeError(path.Root("request_timeout"), "Invalid request timeout",
				fmt.Sprintf("%q is not a positive Go duration such as 30s or 2m (attribute request_timeout or TWILIO_REQUEST_TIMEOUT).", s))
		}
		cfg.RequestTimeout = d
	}
	if v, ok := floatSetting(m.RequestsPerSecond, "requests_per_second", "TWILIO_REQUESTS_PER_SECOND", &resp.Diagnostics); ok {
		cfg.RequestsPerSecond = v
	}
	if resp.Diagnostics.HasError() {
		return
	}

	c, err := client.New(cfg)
	if err != nil {
		attr := "base_url"
		if cfg.BaseURL == "" {
			attr = "region"
		}
		resp.Diagnostics.AddAttributeError(path.Root(attr), "Invalid Twilio endpoint", err.Error())
		return
	}
	tflog.Debug(ctx, "Twilio client configured", map[string]interface{}{"base_url": c.BaseURL(), "username": username})
	resp.DataSourceData = c
	p.client.Store(c)
}

// credentials picks the API key pair when either half of it is given, else
// the Account SID and Auth Token, and reports a missing half by name.
func credentials(s map[string]setting, diags *diag.Diagnostics) (string, string) {
	missing := func(have, want setting) {
		diags.AddAttributeError(path.Root(want.attr), "Missing Twilio credential",
			fmt.Sprintf("%s is set but %s is not: set the %s attribute or the %s environment variable.", have.attr, want.attr, want.attr, want.env))
	}
	// pair is a username and password that were given at least in part.
	pair := func(user, pass setting) (string, string) {
		if user.value() == "" {
			missing(pass, user)
		} else if pass.value() == "" {
			missing(user, pass)
		}
		return user.value(), pass.value()
	}
	key, secret := s["api_key"], s["api_secret"]
	sid, token := s["account_sid"], s["auth_token"]
	switch {
	case key.value() != "" || secret.value() != "":
		return pair(key, secret)
	case sid.value() != "" || token.value() != "":
		return pair(sid, token)
	default:
		diags.AddAttributeError(path.Root("api_key"), "Missing Twilio credentials",
			"No credentials were given. Set api_key and api_secret (or TWILIO_API_KEY and TWILIO_API_SECRET), or account_sid and auth_token (or TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN).")
		return "", ""
	}
}

func intSetting(v types.Int64, attr, env string, diags *diag.Diagnostics) (int64, bool) {
	if !v.IsNull() {
		return v.ValueInt64(), true
	}
	s := os.Getenv(env)
	if s == "" {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > 100 {
		diags.AddAttributeError(path.Root(attr), "Invalid "+attr, fmt.Sprintf("%s=%q must be a whole number from 0 to 100.", env, s))
		return 0, false
	}
	return n, true
}

func floatSetting(v types.Float64, attr, env string, diags *diag.Diagnostics) (float64, bool) {
	if !v.IsNull() {
		return v.ValueFloat64(), true
	}
	s := os.Getenv(env)
	if s == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0.1 {
		diags.AddAttributeError(path.Root(attr), "Invalid "+attr, fmt.Sprintf("%s=%q must be a number of at least 0.1.", env, s))
		return 0, false
	}
	return f, true
}

func (p *twilioProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return datasources.All()
}

func (p *twilioProvider) Resources(_ context.Context) []func() resource.Resource {
	return nil
}
