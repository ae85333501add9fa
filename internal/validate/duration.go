package validate

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// PositiveDuration accepts a Go duration (time.ParseDuration) greater than
// zero, such as 30s or 10m. Zero or a negative duration, as a time limit,
// would end a read before it starts.
func PositiveDuration() validator.String {
	return Check("must be a positive duration such as 30s or 10m", IsPositiveDuration)
}

// IsPositiveDuration is the check of PositiveDuration, for a value that
// comes from elsewhere (an environment variable).
func IsPositiveDuration(s string) error {
	d, err := time.ParseDuration(s)
	if err != nil {
		return err
	}
	if d <= 0 {
		return fmt.Errorf("%q is not positive", s)
	}
	return nil
}

// ReadTimeout is a, the timeouts attribute of a data source as the
// terraform-plugin-framework-timeouts package builds it
// (timeouts.AttributesWithOpts), with its read attribute refused at plan
// time unless it is a positive duration.
//
// The package's Opts take no validators, and the validator it gives read
// only checks that the value parses: "0s" and "-5m" pass, and a read with
// them times out at once. a is a SingleNestedAttribute whose attribute map
// is made anew on each call, so its read attribute can be replaced; its
// validator is replaced by PositiveDuration, which also refuses what does
// not parse (with both, such a value would be reported twice).
//
// An error means the package builds the attribute differently: a test of
// this package pins the shape.
func ReadTimeout(a schema.Attribute) (schema.Attribute, error) {
	nested, ok := a.(schema.SingleNestedAttribute)
	if !ok {
		return a, fmt.Errorf("the timeouts attribute is a %T, not a schema.SingleNestedAttribute", a)
	}
	read, ok := nested.Attributes["read"].(schema.StringAttribute)
	if !ok {
		return a, fmt.Errorf("timeouts.read is a %T, not a schema.StringAttribute", nested.Attributes["read"])
	}
	read.Validators = []validator.String{PositiveDuration()}
	attrs := make(map[string]schema.Attribute, len(nested.Attributes))
	for k, v := range nested.Attributes {
		attrs[k] = v
	}
	attrs["read"] = read
	nested.Attributes = attrs
	return nested, nil
}
