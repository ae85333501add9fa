// Package validate holds the plan-time validators shared by the provider
// and its data sources.
package validate

import (
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
