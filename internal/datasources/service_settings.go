package datasources

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// One Conversation Service and its settings, each a single lookup by the
// service's SID.

// singleDescription documents a single lookup: what it does, its endpoint
// and the permission it takes.
func singleDescription(what, endpoint, api string) string {
	return what + "\n\n**Endpoint:** " + endpoint + ", one request.\n\n**Permissions:** read access to " + api + ". Nothing is ever written."
}

// NewServiceDataSource is the constructor of twilio_service_v1.
func NewServiceDataSource() datasource.DataSource {
	return &lookupV1[client.Service]{
		typeName: "twilio_service_v1",
		description: singleDescription("Looks up one Conversation Service (Conversations v1) by its SID, with the attributes of an item of `twilio_conversation_services` at the top level. An unknown service is an error, not an empty result.",
			"`GET /v1/Services/{Sid}`", "Conversations v1 services"),
		typ: serviceType,
		inputs: []lookupInput[client.Service]{
			{"sid", sidInput("IS", "SID of the Conversation Service (`IS` followed by 32 hexadecimal digits)."), func(s *client.Service, v *string) { s.Sid = v }},
		},
		get: func(ctx context.Context, c *client.Client, in map[string]string) (*client.Service, error) {
			return c.GetService(ctx, in["sid"])
		},
		notFound: func(in map[string]string) string { return "Conversation Service " + strconv.Quote(in["sid"]) },
	}
}
