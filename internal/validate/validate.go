// Package validate holds the plan-time validators shared by the provider
// and its data sources.
package validate

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// HostLabel matches a region or edge name, as the client checks them.
var HostLabel = client.HostLabel

// SID accepts a Twilio SID with the given two-letter prefix.
func SID(prefix string) validator.String {
	return stringvalidator.RegexMatches(regexp.MustCompile(`^`+prefix+`[0-9a-fA-F]{32}$`),
		"must be a Twilio SID: "+prefix+" followed by 32 hexadecimal digits")
}

// Regexp accepts an RE2 regular expression, as Go's regexp package reads it.
func Regexp() validator.String { return regexpValidator{} }

type regexpValidator struct{}

func (regexpValidator) Description(context.Context) string {
	return "must be an RE2 regular expression"
}

func (v regexpValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (regexpValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := regexp.Compile(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid regular expression",
			fmt.Sprintf("%s is not an RE2 regular expression (https://github.com/google/re2/wiki/Syntax): %v", req.Path, err))
	}
}
