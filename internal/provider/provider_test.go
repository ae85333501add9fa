package provider

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

const (
	testAccountSid = "AC0123456789abcdef0123456789abcdef"
	testAPIKey     = "SK0123456789abcdef0123456789abcdef"
)

var envVars = []string{"TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_API_KEY", "TWILIO_API_SECRET", "TWILIO_REGION", "TWILIO_EDGE", "TWILIO_BASE_URL", "TWILIO_MAX_RETRIES", "TWILIO_REQUEST_TIMEOUT", "TWILIO_REQUESTS_PER_SECOND"}

// configure runs the provider's Configure with the given attributes (the
// others null) and environment.
func configure(t *testing.T, attrs map[string]string, env map[string]string) *provider.ConfigureResponse {
	t.Helper()
	for _, k := range envVars {
		t.Setenv(k, env[k])
	}
	ctx := context.Background()
	p := New("test")()
	var sr provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &sr)
	if sr.Diagnostics.HasError() {
		t.Fatal(sr.Diagnostics)
	}
	typ := sr.Schema.Type().TerraformType(ctx).(tftypes.Object)
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
		if v, ok := attrs[name]; ok {
			if !at.Is(tftypes.String) {
				t.Fatalf("test helper takes string attributes only (%s)", name)
			}
			vals[name] = tftypes.NewValue(at, v)
		}
	}
	resp := &provider.ConfigureResponse{}
	p.Configure(ctx, provider.ConfigureRequest{
		TerraformVersion: "1.5.7",
		Config:           tfsdk.Config{Schema: sr.Schema, Raw: tftypes.NewValue(typ, vals)},
	}, resp)
	return resp
}

func TestConfigureCredentials(t *testing.T) {
	for name, tc := range map[string]struct {
		attrs   map[string]string
		env     map[string]string
		errPath string
		errText string
	}{
		"api key":                 {attrs: map[string]string{"api_key": testAPIKey, "api_secret": "x"}},
		"auth token":              {attrs: map[string]string{"account_sid": testAccountSid, "auth_token": "x"}},
		"env api key":             {env: map[string]string{"TWILIO_API_KEY": testAPIKey, "TWILIO_API_SECRET": "x"}},
		"env auth token":          {env: map[string]string{"TWILIO_ACCOUNT_SID": testAccountSid, "TWILIO_AUTH_TOKEN": "x"}},
		"attribute wins over env": {attrs: map[string]string{"api_secret": "x"}, env: map[string]string{"TWILIO_API_KEY": testAPIKey}},
		"none":                    {errPath: "api_key", errText: "TWILIO_API_KEY"},
		"key without secret": {attrs: map[string]string{"api_key": testAPIKey},
			errPath: "api_secret", errText: "TWILIO_API_SECRET"},
		"secret without key": {env: map[string]string{"TWILIO_API_SECRET": "x"},
			errPath: "api_key", errText: "TWILIO_API_KEY"},
		"sid without token": {attrs: map[string]string{"account_sid": testAccountSid},
			errPath: "auth_token", errText: "TWILIO_AUTH_TOKEN"},
		"token without sid": {env: map[string]string{"TWILIO_AUTH_TOKEN": "x"},
			errPath: "account_sid", errText: "TWILIO_ACCOUNT_SID"},
		"region without known edge": {attrs: map[string]string{"api_key": testAPIKey, "api_secret": "x", "region": "zz9"},
			errPath: "region", errText: "set edge as well"},
		"bad base url": {attrs: map[string]string{"api_key": testAPIKey, "api_secret": "x", "base_url": "localhost:8080"},
			errPath: "base_url", errText: "absolute http or https URL"},
		"bad timeout": {attrs: map[string]string{"api_key": testAPIKey, "api_secret": "x"}, env: map[string]string{"TWILIO_REQUEST_TIMEOUT": "soon"},
			errPath: "request_timeout", errText: "Go duration"},
		"bad retries env": {attrs: map[string]string{"api_key": testAPIKey, "api_secret": "x"}, env: map[string]string{"TWILIO_MAX_RETRIES": "many"},
			errPath: "max_retries", errText: "TWILIO_MAX_RETRIES"},
		// Environment variables get the checks the attributes get.
		"ambiguous sid env": {env: map[string]string{"TWILIO_ACCOUNT_SID": "AC:evil", "TWILIO_AUTH_TOKEN": "x"},
			errPath: "account_sid", errText: `account_sid must be a Twilio SID: AC followed by 32 hexadecimal digits (set by the environment variable TWILIO_ACCOUNT_SID): got 7 characters, starting with "AC"`},
		"key env": {env: map[string]string{"TWILIO_API_KEY": "SK123", "TWILIO_API_SECRET": "x"},
			errPath: "api_key", errText: "TWILIO_API_KEY"},
		"secret with a newline": {env: map[string]string{"TWILIO_API_KEY": testAPIKey, "TWILIO_API_SECRET": "x\n"},
			errPath: "api_secret", errText: "control character"},
		"region env": {attrs: map[string]string{"api_key": testAPIKey, "api_secret": "x"}, env: map[string]string{"TWILIO_REGION": "IE1.evil"},
			errPath: "region", errText: "TWILIO_REGION"},
		"port out of range": {attrs: map[string]string{"api_key": testAPIKey, "api_secret": "x"}, env: map[string]string{"TWILIO_BASE_URL": "http://127.0.0.1:99999"},
			errPath: "base_url", errText: "a port is a number from 1 to 65535"},
		"too many retries env": {attrs: map[string]string{"api_key": testAPIKey, "api_secret": "x"}, env: map[string]string{"TWILIO_MAX_RETRIES": "101"},
			errPath: "max_retries", errText: "from 0 to 100"},
		"zero timeout": {attrs: map[string]string{"api_key": testAPIKey, "api_secret": "x", "request_timeout": "0s"},
			errPath: "request_timeout", errText: "not positive"},
		"rate env": {attrs: map[string]string{"api_key": testAPIKey, "api_secret": "x"}, env: map[string]string{"TWILIO_REQUESTS_PER_SECOND": "0"},
			errPath: "requests_per_second", errText: "at least 0.1"},
	} {
		t.Run(name, func(t *testing.T) {
			resp := configure(t, tc.attrs, tc.env)
			if tc.errText == "" {
				if resp.Diagnostics.HasError() {
					t.Fatalf("unexpected error: %v", resp.Diagnostics)
				}
				if _, ok := resp.DataSourceData.(*client.Client); !ok {
					t.Fatalf("DataSourceData = %T", resp.DataSourceData)
				}
				return
			}
			if !resp.Diagnostics.HasError() {
				t.Fatal("expected an error")
			}
			d := resp.Diagnostics.Errors()[0]
			if !strings.Contains(d.Detail(), tc.errText) {
				t.Errorf("detail %q lacks %q", d.Detail(), tc.errText)
			}
			if got := diagPath(d); got != tc.errPath {
				t.Errorf("error on %q, want %q", got, tc.errPath)
			}
			if resp.DataSourceData != nil {
				t.Error("a client was handed out despite the error")
			}
		})
	}
}

// A secret given where a SID belongs (an Auth Token in account_sid, an
// API secret in api_key) is refused without being printed back.
func TestMisplacedSecretIsNotPrinted(t *testing.T) {
	const token = "0123456789abcdef0123456789abcdef"
	for name, tc := range map[string]struct {
		attrs, env map[string]string
		path       string
	}{
		"account_sid attribute": {attrs: map[string]string{"account_sid": token, "auth_token": "x"}, path: "account_sid"},
		"account_sid env":       {env: map[string]string{"TWILIO_ACCOUNT_SID": token, "TWILIO_AUTH_TOKEN": "x"}, path: "account_sid"},
		"api_key env":           {env: map[string]string{"TWILIO_API_KEY": token, "TWILIO_API_SECRET": "x"}, path: "api_key"},
	} {
		t.Run(name, func(t *testing.T) {
			resp := configure(t, tc.attrs, tc.env)
			if !resp.Diagnostics.HasError() {
				t.Fatal("expected an error")
			}
			for _, d := range resp.Diagnostics {
				if strings.Contains(d.Summary()+d.Detail(), token[2:10]) {
					t.Errorf("the value is printed back: %s: %s", d.Summary(), d.Detail())
				}
			}
			if d := resp.Diagnostics.Errors()[0]; !strings.Contains(d.Detail(), `got 32 characters, starting with "01"`) || diagPath(d) != tc.path {
				t.Errorf("error on %q: %s", diagPath(d), d.Detail())
			}
		})
	}
}

func TestConfigureRegionAndBaseURL(t *testing.T) {
	for name, tc := range map[string]struct {
		attrs map[string]string
		env   map[string]string
		want  string
	}{
		"default":          {want: "https://conversations.twilio.com"},
		"region and edge":  {env: map[string]string{"TWILIO_REGION": "ie1", "TWILIO_EDGE": "dublin"}, want: "https://conversations.dublin.ie1.twilio.com"},
		"region only":      {attrs: map[string]string{"region": "au1"}, want: "https://conversations.sydney.au1.twilio.com"},
		"base url wins":    {attrs: map[string]string{"region": "au1", "base_url": "http://127.0.0.1:9"}, want: "http://127.0.0.1:9"},
		"base url env var": {env: map[string]string{"TWILIO_BASE_URL": "http://127.0.0.1:9"}, want: "http://127.0.0.1:9"},
	} {
		t.Run(name, func(t *testing.T) {
			attrs := map[string]string{"api_key": testAPIKey, "api_secret": "x"}
			for k, v := range tc.attrs {
				attrs[k] = v
			}
			resp := configure(t, attrs, tc.env)
			if resp.Diagnostics.HasError() {
				t.Fatal(resp.Diagnostics)
			}
			if got := resp.DataSourceData.(*client.Client).BaseURL(); got != tc.want {
				t.Errorf("base URL = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestConfigureMakesNoRequest(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hits.Add(1) }))
	defer srv.Close()
	resp := configure(t, map[string]string{"api_key": testAPIKey, "api_secret": "x", "base_url": srv.URL}, nil)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	if hits.Load() != 0 {
		t.Errorf("Configure made %d requests", hits.Load())
	}
}

func TestSecretAttributesAreSensitive(t *testing.T) {
	var sr provider.SchemaResponse
	New("test")().Schema(context.Background(), provider.SchemaRequest{}, &sr)
	for name, a := range sr.Schema.Attributes {
		want := name == "auth_token" || name == "api_secret"
		if a.IsSensitive() != want {
			t.Errorf("%s: sensitive = %v, want %v", name, a.IsSensitive(), want)
		}
		if a.GetMarkdownDescription() == "" {
			t.Errorf("%s has no description", name)
		}
	}
}

func TestSchemaIsValid(t *testing.T) {
	var sr provider.SchemaResponse
	New("test")().Schema(context.Background(), provider.SchemaRequest{}, &sr)
	if diags := sr.Schema.ValidateImplementation(context.Background()); diags.HasError() {
		t.Fatal(diags)
	}
}

// Each setting's plan-time validator and its environment variable refuse
// the same values: one check serves both.
func TestAttributeAndEnvironmentChecksAgree(t *testing.T) {
	ctx := context.Background()
	for _, s := range []setting{accountSID, authToken, apiKey, apiSecret, region, edge, baseURL, maxRetries, requestTimeout, requestsPerSecond} {
		for _, value := range []string{"AC:evil", "x y", "http://127.0.0.1:99999", "-1", "0", "soon", "AC0123456789abcdef0123456789abcdef", "ie1", "30s", "5"} {
			envErr := s.check(value) != nil
			resp := &validator.StringResponse{}
			s.validator().ValidateString(ctx, validator.StringRequest{Path: path.Root(s.attr), ConfigValue: types.StringValue(value)}, resp)
			if resp.Diagnostics.HasError() != envErr {
				t.Errorf("%s = %q: the attribute's validator says %v, the variable's check %v", s.attr, value, resp.Diagnostics, envErr)
			}
		}
	}
}
