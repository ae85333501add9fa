package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// Pieces shared by the two Conversations v1 data sources.

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

// timersValue maps the v1 timers of conversation id (either may be
// absent); t is their type.
func timersValue(m *mapper, t tftypes.Type, tm *client.Timers, id string) tftypes.Value {
	if tm == nil {
		return tftypes.NewValue(t, nil)
	}
	return tftypes.NewValue(t, map[string]tftypes.Value{
		"date_inactive": m.time(tm.DateInactive, "conversation", id, "date_inactive"),
		"date_closed":   m.time(tm.DateClosed, "conversation", id, "date_closed"),
	})
}

// linksValue maps v1 links; t is their type.
func linksValue(t tftypes.Type, l *client.Links) tftypes.Value {
	if l == nil {
		return tftypes.NewValue(t, nil)
	}
	return tftypes.NewValue(t, map[string]tftypes.Value{
		"participant":  tfStringPtr(l.Participant),
		"conversation": tfStringPtr(l.Conversation),
	})
}

// sid is a SID for messages, "" when absent.
func sid(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
