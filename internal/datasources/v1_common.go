package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// Pieces shared by the two Conversations v1 data sources.

type timersModel struct {
	DateInactive timetypes.RFC3339 `tfsdk:"date_inactive"`
	DateClosed   timetypes.RFC3339 `tfsdk:"date_closed"`
}

type linksModel struct {
	Participant  types.String `tfsdk:"participant"`
	Conversation types.String `tfsdk:"conversation"`
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

func timersFrom(t *client.Timers, diags *diag.Diagnostics) *timersModel {
	if t == nil {
		return nil
	}
	return &timersModel{DateInactive: rfc3339(t.DateInactive, diags), DateClosed: rfc3339(t.DateClosed, diags)}
}

func linksFrom(l *client.Links) *linksModel {
	if l == nil {
		return nil
	}
	return &linksModel{Participant: types.StringPointerValue(l.Participant), Conversation: types.StringPointerValue(l.Conversation)}
}
