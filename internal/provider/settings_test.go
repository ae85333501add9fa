package provider

import (
	"context"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// A password in base_url's user info is refused, and never shown: not at
// plan time by the attribute's validator, nor when the provider is
// configured, from the attribute or from TWILIO_BASE_URL.
func TestBaseURLPasswordIsNeverShown(t *testing.T) {
	const pass = "hunter2-very-secret"
	for _, base := range []string{
		"https://user:" + pass + "@proxy.example.com",
		"https://user:" + pass + "@proxy.example.com:port",
		"user:" + pass + "@proxy.example.com:8443",
	} {
		resp := &validator.StringResponse{}
		baseURL.validator().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("base_url"), ConfigValue: types.StringValue(base)}, resp)
		if !resp.Diagnostics.HasError() {
			t.Errorf("%q: the validator accepts it", base)
		}
		for _, d := range resp.Diagnostics {
			if strings.Contains(d.Summary()+d.Detail(), "hunter2") {
				t.Errorf("%q: the validator shows the password: %s", base, d.Detail())
			}
		}
		creds := map[string]string{"api_key": testAPIKey, "api_secret": "x"}
		for name, run := range map[string]func() []string{
			"attribute": func() []string {
				attrs := map[string]string{"base_url": base}
				for k, v := range creds {
					attrs[k] = v
				}
				return details(configure(t, attrs, nil).Diagnostics.Errors())
			},
			"environment": func() []string {
				return details(configure(t, creds, map[string]string{"TWILIO_BASE_URL": base}).Diagnostics.Errors())
			},
		} {
			got := run()
			if len(got) == 0 {
				t.Errorf("%q from the %s: accepted", base, name)
			}
			for _, d := range got {
				if strings.Contains(d, "hunter2") {
					t.Errorf("%q from the %s: the error shows the password: %s", base, name, d)
				}
			}
		}
	}
}

// details are the summary and detail of each diagnostic.
func details(diags diag.Diagnostics) []string {
	var out []string
	for _, d := range diags {
		out = append(out, d.Summary()+": "+d.Detail())
	}
	return out
}

// requests_per_second refuses what is not a finite number of at least 0.1
// (NaN, which compares false with everything and so passed the lower
// bound, and meant no limit; ±Inf; a negative), with the attribute's name,
// from the environment variable when the provider is configured, and from
// the attribute at plan time.
func TestRequestsPerSecondMustBeFinite(t *testing.T) {
	creds := map[string]string{"api_key": testAPIKey, "api_secret": "x"}
	for _, v := range []string{"NaN", "nan", "+NaN", "Inf", "+Inf", "-Inf", "infinity", "-infinity", "1e309", "-1", "-0.5", "0", "0.05"} {
		resp := configure(t, creds, map[string]string{"TWILIO_REQUESTS_PER_SECOND": v})
		if !resp.Diagnostics.HasError() {
			t.Errorf("TWILIO_REQUESTS_PER_SECOND=%s is accepted", v)
			continue
		}
		d := resp.Diagnostics.Errors()[0]
		if diagPath(d) != "requests_per_second" || !strings.Contains(d.Detail(), "requests_per_second") || !strings.Contains(d.Detail(), "TWILIO_REQUESTS_PER_SECOND") {
			t.Errorf("TWILIO_REQUESTS_PER_SECOND=%s: error on %q: %s", v, diagPath(d), d.Detail())
		}
	}
	// A NaN cannot reach the validator (a types.Float64 cannot hold one);
	// infinity can: requests_per_second = 1/0.
	for _, v := range []float64{math.Inf(1), math.Inf(-1), -1, 0} {
		resp := &validator.NumberResponse{}
		requestsPerSecond.validator().ValidateNumber(context.Background(), validator.NumberRequest{Path: path.Root("requests_per_second"), ConfigValue: types.NumberValue(big.NewFloat(v))}, resp)
		if !resp.Diagnostics.HasError() {
			t.Errorf("requests_per_second = %v passes the plan-time validator", v)
		} else if d := resp.Diagnostics.Errors()[0]; diagPath(d) != "requests_per_second" || !strings.Contains(d.Detail(), "requests_per_second") {
			t.Errorf("requests_per_second = %v: error on %q: %s", v, diagPath(d), d.Detail())
		}
	}
	for _, v := range []string{"0.1", "1", "2.5", "1e3"} {
		if resp := configure(t, creds, map[string]string{"TWILIO_REQUESTS_PER_SECOND": v}); resp.Diagnostics.HasError() {
			t.Errorf("TWILIO_REQUESTS_PER_SECOND=%s: %v", v, resp.Diagnostics)
		}
	}
}

// Terraform checks the provider's configuration at plan time through
// ValidateProviderConfig: requests_per_second = 1/0, which Terraform
// evaluates to +Inf, is refused there, on the attribute, by the rule
// (as a float64 attribute, it was refused as "an error in the provider");
// a finite value passes, and configures the provider.
func TestRequestsPerSecondAtPlan(t *testing.T) {
	ctx := context.Background()
	p := New("test")()
	var sr provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &sr)
	typ := sr.Schema.Type().TerraformType(ctx).(tftypes.Object)
	for v, wantErr := range map[float64]bool{math.Inf(1): true, math.Inf(-1): true, -2: true, 2.5: false, 0.1: false} {
		vals := map[string]tftypes.Value{}
		for name, at := range typ.AttributeTypes {
			vals[name] = tftypes.NewValue(at, nil)
		}
		vals["requests_per_second"] = tftypes.NewValue(tftypes.Number, big.NewFloat(v))
		vals["api_key"] = tftypes.NewValue(tftypes.String, testAPIKey)
		vals["api_secret"] = tftypes.NewValue(tftypes.String, "x")
		config, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, vals))
		if err != nil {
			t.Fatal(err)
		}
		server := providerserver.NewProtocol6(p)()
		resp, err := server.ValidateProviderConfig(ctx, &tfprotov6.ValidateProviderConfigRequest{Config: &config})
		if err != nil {
			t.Fatal(err)
		}
		diags := resp.Diagnostics
		if !wantErr {
			cresp, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.4", Config: &config})
			if err != nil {
				t.Fatal(err)
			}
			diags = append(diags, cresp.Diagnostics...)
		}
		found := false
		for _, d := range diags {
			if d.Severity == tfprotov6.DiagnosticSeverityError && d.Attribute.Equal(tftypes.NewAttributePath().WithAttributeName("requests_per_second")) &&
				strings.Contains(d.Detail, "requests_per_second must be a finite number of at least 0.1") {
				found = true
			} else if d.Severity == tfprotov6.DiagnosticSeverityError {
				t.Errorf("requests_per_second = %v: %s: %s", v, d.Summary, d.Detail)
			}
		}
		if found != wantErr {
			t.Errorf("requests_per_second = %v: refused on the attribute %v, want %v: %+v", v, found, wantErr, diags)
		}
	}
}
