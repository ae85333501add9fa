package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// Pieces shared by the two Conversations v1 data sources.

// statesFilter is the states input of the v1 data sources.
func statesFilter() schema.ListAttribute {
	return schema.ListAttribute{
		Optional:            true,
		ElementType:         types.StringType,
		MarkdownDescription: "Only conversations in one of these states: `active`, `inactive`, `closed`. Unset or empty means every state." + providerFilter,
		Validators: []validator.List{
			listvalidator.NoNullValues(), listvalidator.ValueStringsAre(stringvalidator.OneOf("active", "inactive", "closed")),
			listvalidator.UniqueValues(),
		},
	}
}

// timersType are the timers of a v1 conversation; either may be absent.
var timersType = declare[client.Timers]("timers", nil, fields(
	timestamp("date_inactive", "When the conversation becomes `inactive` (RFC 3339); null when no such timer is set.", func(t *client.Timers) *string { return t.DateInactive }),
	timestamp("date_closed", "When the conversation becomes `closed` (RFC 3339); null when no such timer is set.", func(t *client.Timers) *string { return t.DateClosed }),
))

// linksDescription describes the links of a v1 resource.
const linksDescription = "URLs of the related resources, by name (such as `participants` or `conversation`); Twilio adds names over time."
