package provider

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/validate"
)

// A setting is one provider attribute and the environment variable that
// stands in for it when the attribute is unset. Both go through the same
// check: at plan time as the attribute's validator, and when the provider
// is configured, whichever of the two gave the value.
type setting struct {
	attr, env string
	// rule says what check accepts, after the attribute's name.
	rule  string
	check func(string) error
}

var (
	accountSID        = setting{"account_sid", "TWILIO_ACCOUNT_SID", "must be a Twilio SID: AC followed by 32 hexadecimal digits", validate.MatchesWithoutEcho(validate.SIDPattern("AC"))}
	authToken         = setting{"auth_token", "TWILIO_AUTH_TOKEN", "must be text without spaces or control characters", secret}
	apiKey            = setting{"api_key", "TWILIO_API_KEY", "must be a Twilio SID: SK followed by 32 hexadecimal digits", validate.MatchesWithoutEcho(validate.SIDPattern("SK"))}
	apiSecret         = setting{"api_secret", "TWILIO_API_SECRET", "must be text without spaces or control characters", secret}
	region            = setting{"region", "TWILIO_REGION", "must be a Twilio region such as ie1", validate.Matches(client.HostLabel)}
	edge              = setting{"edge", "TWILIO_EDGE", "must be a Twilio edge such as dublin", validate.Matches(client.HostLabel)}
	baseURL           = setting{"base_url", "TWILIO_BASE_URL", "must be a scheme and host such as https://conversations.twilio.com", baseURLCheck}
	maxRetries        = setting{"max_retries", "TWILIO_MAX_RETRIES", fmt.Sprintf("must be a whole number from 0 to %d", maxRetriesLimit), validate.WholeNumber(0, maxRetriesLimit)}
	requestTimeout    = setting{"request_timeout", "TWILIO_REQUEST_TIMEOUT", "must be a positive Go duration such as 30s or 2m", validate.IsPositiveDuration}
	requestsPerSecond = setting{"requests_per_second", "TWILIO_REQUESTS_PER_SECOND", "must be a finite number of at least 0.1", atLeast(0.1)}
)

const (
	defaultMaxRetries = 5
	maxRetriesLimit   = 100
)

// validator is the setting's check as the attribute's plan-time validator.
func (s setting) validator() validate.CheckValidator { return validate.Check(s.rule, s.check) }

// read is the setting's value: the attribute's, else the environment
// variable's, checked either way; "" when neither is set. An error names
// the attribute, and the variable when the value came from it.
func (s setting) read(v attr.Value, diags *diag.Diagnostics) string {
	if v.IsUnknown() {
		diags.AddAttributeError(path.Root(s.attr), "Unknown Twilio provider setting",
			fmt.Sprintf("%s depends on a value that is not known until apply, but the provider must be configured before any data source is read. Set it to a literal or a variable, or use the %s environment variable.", s.attr, s.env))
		return ""
	}
	value, from := text(v), s.attr
	if v.IsNull() {
		value, from = os.Getenv(s.env), "the environment variable "+s.env
	}
	if value == "" {
		return ""
	}
	if err := s.check(value); err != nil {
		diags.AddAttributeError(path.Root(s.attr), "Invalid "+s.attr,
			fmt.Sprintf("%s %s (set by %s): %v", s.attr, s.rule, from, err))
		return ""
	}
	return value
}

// text is an attribute value as the check reads it.
func text(v attr.Value) string {
	switch v := v.(type) {
	case types.String:
		return v.ValueString()
	case timetypes.GoDuration:
		return v.ValueString()
	case types.Int64:
		return strconv.FormatInt(v.ValueInt64(), 10)
	case types.Float64:
		return strconv.FormatFloat(v.ValueFloat64(), 'g', -1, 64)
	case types.Number:
		if f := v.ValueBigFloat(); f != nil { // nil when null
			return f.Text('g', -1)
		}
		return ""
	}
	return v.String()
}

// secret accepts what can go into an HTTP Basic password: anything but
// spaces and control characters, which a copy and paste brings along.
func secret(s string) error {
	if i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }); i >= 0 {
		return fmt.Errorf("it holds a space or control character at byte %d", i)
	}
	return nil
}

func baseURLCheck(s string) error {
	_, err := client.ResolveBaseURL(s, "", "")
	return err
}

// atLeast accepts a finite number of at least lo. NaN has to be refused by
// name: it compares false with everything, so it is never below lo.
func atLeast(lo float64) func(string) error {
	return func(s string) error {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < lo {
			return fmt.Errorf("got %q", s)
		}
		return nil
	}
}
