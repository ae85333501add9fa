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

func timersAttribute(desc string) schema.SingleNestedAttribute {
	return computedObject(desc, map[string]schema.Attribute{
		"date_inactive": computedTime("When the conversation becomes `inactive` (RFC 3339); null when no such timer is set."),
		"date_closed":   computedTime("When the conversation becomes `closed` (RFC 3339); null when no such timer is set."),
	})
}

func linksAttribute() schema.SingleNestedAttribute {
	return computedObject("URLs of the related resources.", map[string]schema.Attribute{
		"participant":  computedString("URL of the participant resource."),
		"conversation": computedString("URL of the conversation resource."),
	})
}

// writeTimers writes the v1 timers of conversation id (either may be
// absent).
func writeTimers(w *stateWriter, name string, t *client.Timers, id string) {
	if w.nested(name, t != nil, 2) {
		w.time("date_closed", t.DateClosed, "conversation", id)
		w.time("date_inactive", t.DateInactive, "conversation", id)
	}
}

// writeLinks writes v1 links.
func writeLinks(w *stateWriter, name string, l *client.Links) {
	if w.nested(name, l != nil, 2) {
		w.str("conversation", l.Conversation)
		w.str("participant", l.Participant)
	}
}
