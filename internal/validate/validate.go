// Package validate holds the plan-time validators shared by the provider
// and its data sources.
package validate

import (
	"context"
	"fmt"
	"regexp"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// HostLabel matches a region or edge name, as the client checks them.
var HostLabel = client.HostLabel

// SID accepts a Twilio SID with the given two-letter prefix.
func SID(prefix string) validator.String {
	return Check("must be a Twilio SID: "+prefix+" followed by 32 hexadecimal digits", Matches(SIDPattern(prefix)))
}

// SIDPattern matches a Twilio SID with the given two-letter prefix.
func SIDPattern(prefix string) *regexp.Regexp {
	return regexp.MustCompile(`^` + prefix + `[0-9a-fA-F]{32}$`)
}

// Regexp accepts an RE2 regular expression, as Go's regexp package reads it.
func Regexp() validator.String {
	return Check("must be an RE2 regular expression (https://github.com/google/re2/wiki/Syntax)", func(s string) error {
		_, err := regexp.Compile(s)
		return err
	})
}

// Check is a validator of every kind whose values check accepts, given as
// text: one check serves an attribute and the environment variable that
// stands in for it.
func Check(description string, check func(string) error) CheckValidator {
	return CheckValidator{description: description, check: check}
}

// CheckValidator is a String, Int64, Float64 and Number validator made of
// a check.
type CheckValidator struct {
	description string
	check       func(string) error
}

var (
	_ validator.String  = CheckValidator{}
	_ validator.Int64   = CheckValidator{}
	_ validator.Float64 = CheckValidator{}
	_ validator.Number  = CheckValidator{}
)

// Matches accepts what re matches.
func Matches(re *regexp.Regexp) func(string) error {
	return func(s string) error {
		if !re.MatchString(s) {
			return fmt.Errorf("got %q", s)
		}
		return nil
	}
}

// MatchesWithoutEcho accepts what re matches, and describes what it does
// not match by its length and first two characters only: a setting such
// as account_sid may be given a secret by mistake, which an error must not
// print.
func MatchesWithoutEcho(re *regexp.Regexp) func(string) error {
	return func(s string) error {
		if re.MatchString(s) {
			return nil
		}
		start := s
		if r := []rune(s); len(r) > 2 {
			start = string(r[:2])
		}
		return fmt.Errorf("got %d characters, starting with %q", len(s), start)
	}
}

// WholeNumber accepts a whole number from lo to hi, written in decimal.
func WholeNumber(lo, hi int64) func(string) error {
	return func(s string) error {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < lo || n > hi {
			return fmt.Errorf("got %s", s)
		}
		return nil
	}
}

func (v CheckValidator) Description(context.Context) string { return v.description }

func (v CheckValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v CheckValidator) validate(value string, req validator.StringRequest, resp *validator.StringResponse) {
	if err := v.check(value); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(),
			fmt.Sprintf("%s %s: %v", req.Path, v.description, err))
	}
}

func (v CheckValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	v.validate(req.ConfigValue.ValueString(), req, resp)
}

func (v CheckValidator) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	sresp := &validator.StringResponse{}
	v.validate(strconv.FormatInt(req.ConfigValue.ValueInt64(), 10), validator.StringRequest{Path: req.Path}, sresp)
	resp.Diagnostics.Append(sresp.Diagnostics...)
}

func (v CheckValidator) ValidateFloat64(_ context.Context, req validator.Float64Request, resp *validator.Float64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	sresp := &validator.StringResponse{}
	v.validate(strconv.FormatFloat(req.ConfigValue.ValueFloat64(), 'g', -1, 64), validator.StringRequest{Path: req.Path}, sresp)
	resp.Diagnostics.Append(sresp.Diagnostics...)
}

func (v CheckValidator) ValidateNumber(_ context.Context, req validator.NumberRequest, resp *validator.NumberResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	sresp := &validator.StringResponse{}
	v.validate(req.ConfigValue.ValueBigFloat().Text('f', -1), validator.StringRequest{Path: req.Path}, sresp)
	resp.Diagnostics.Append(sresp.Diagnostics...)
}
