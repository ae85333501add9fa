package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
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
