// Package contract holds the provider to Twilio's own description of the
// API: the OpenAPI specs in spec/ (see spec/README.md for where they come
// from). Its tests check, offline, for every data source in Endpoints:
//
//   - every property of the items the spec says an endpoint returns,
//     nested ones included, is an attribute of the data source of the kind
//     the property's type calls for, or is in Excluded with the reason;
//   - every request the data source really makes (read against the
//     emulator) names an operation and parameters of the spec, spelled as
//     the spec spells them, with values the spec accepts, and the
//     validators of its inputs accept exactly what the spec accepts;
//   - every response of the emulator validates against the spec.
//
// The table is also what scripts/refresh-spec.sh (through ./specdiff) reports
// changes for when a new release of the specs comes in.
package contract

import (
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// The spec files, in spec/.
const (
	V1 = "twilio_conversations_v1.json"
	V2 = "twilio_conversations_v2.json"
)

// Endpoint is one data source and the endpoints it reads.
type Endpoint struct {
	// DataSource is the data source's type name.
	DataSource string
	// Spec is the file in spec/ that describes its endpoints.
	Spec string
	// Paths are the GET operations it reads, as the spec names them; each
	// returns the same item.
	Paths []string
	// List is the attribute that holds the items of a list data source, ""
	// for a single lookup, whose item attributes are at the top level.
	List string
	// Inputs name the spec parameter an input attribute is sent as, where
	// that is not the attribute's name in camelCase or PascalCase.
	Inputs map[string]string
	// Reads are configurations of the data source that, between them, read
	// every one of Paths with every parameter the data source sends, from
	// the emulator's generated account (emulator.DefaultGenerateOptions).
	Reads []Read
}

// Read is a configuration of a data source: attribute values as Go values
// (string, int, bool, []string, map[string]string) or taken from the
// account with FromData. Attributes not given are null.
type Read map[string]any

// FromData is a configuration value taken from the account read.
type FromData func(d *emulator.Dataset) any

var (
	firstConversation                = FromData(func(d *emulator.Dataset) any { return d.Conversations[0].ID })
	firstChannelID                   = FromData(func(d *emulator.Dataset) any { return d.Conversations[0].ChannelIDs[0] })
	firstParticipant                 = FromData(func(d *emulator.Dataset) any { return (*d.Conversations[0].Participants)[0].ID })
	firstCommunication               = FromData(func(d *emulator.Dataset) any { return d.Conversations[0].Communications[0].ID })
	firstCommunicationChannel        = FromData(func(d *emulator.Dataset) any { return d.Conversations[0].Communications[0].ChannelID })
	firstAddressConfiguration        = FromData(func(d *emulator.Dataset) any { return d.AddressConfigurations[0].Sid })
	firstAddressConfigurationAddress = FromData(func(d *emulator.Dataset) any { return d.AddressConfigurations[0].Address })
	firstCredential                  = FromData(func(d *emulator.Dataset) any { return d.Credentials[0].Sid })
	// The default service's classic conversations: the first, the first
	// with a unique name, with messages, and with webhooks.
	classicConversation = FromData(func(d *emulator.Dataset) any { return d.Services[0].Conversations[0].Sid })
	classicUniqueName   = FromData(func(d *emulator.Dataset) any {
		return *firstV1(d, func(c *emulator.V1Conversation) bool { return c.UniqueName != nil }).UniqueName
	})
	classicParticipant          = FromData(func(d *emulator.Dataset) any { return d.Services[0].Conversations[0].Participants[0].Sid })
	classicMessagesConversation = FromData(func(d *emulator.Dataset) any {
		return firstV1(d, func(c *emulator.V1Conversation) bool { return len(c.Messages) > 0 }).Sid
	})
	classicMessage = FromData(func(d *emulator.Dataset) any {
		return firstV1(d, func(c *emulator.V1Conversation) bool { return len(c.Messages) > 0 }).Messages[0].Sid
	})
	classicWebhooksConversation = FromData(func(d *emulator.Dataset) any {
		return firstV1(d, func(c *emulator.V1Conversation) bool { return len(c.Webhooks) > 0 }).Sid
	})
	classicWebhook = FromData(func(d *emulator.Dataset) any {
		return firstV1(d, func(c *emulator.V1Conversation) bool { return len(c.Webhooks) > 0 }).Webhooks[0].Sid
	})
	firstRole    = FromData(func(d *emulator.Dataset) any { return d.Services[0].Roles[0].Sid })
	firstBinding = FromData(func(d *emulator.Dataset) any { return d.Services[0].Bindings[0].Sid })
	firstUserSid = FromData(func(d *emulator.Dataset) any { return d.Services[0].Users[0].Sid })
	firstAddress = FromData(func(d *emulator.Dataset) any {
		for _, p := range d.Services[0].Conversations[0].Participants {
			if p.MessagingBinding != nil {
				return p.MessagingBinding.Address
			}
		}
		return nil
	})
)

// Endpoints is every data source and what it reads. A new data source is
// one more row.
var Endpoints = []Endpoint{
	{
		DataSource: "twilio_conversations", Spec: V2, Paths: []string{"/v2/Conversations"}, List: "conversations",
		Inputs: map[string]string{"statuses": "status"},
		Reads: []Read{
			{},
			{"statuses": []string{"ACTIVE", "CLOSED"}, "page_size": 7},
			{"channel_id": firstChannelID},
			{"max_items": 3},
			// Filters the provider applies itself send nothing.
			{"name_regex": "^O", "configuration_id": "conv_configuration_01", "metadata": map[string]string{"team": "support"},
				"created_after": "2025-01-06T00:00:00Z", "updated_before": "2030-01-01T00:00:00Z", "page_size": 40},
		},
	},
	{
		DataSource: "twilio_conversation", Spec: V2, Paths: []string{"/v2/Conversations/{id}"},
		Reads: []Read{{"id": firstConversation}},
	},
	{
		DataSource: "twilio_participants", Spec: V2, Paths: []string{"/v2/Conversations/{ConversationId}/Participants"}, List: "participants",
		Reads: []Read{{"conversation_id": firstConversation, "page_size": 1}, {"conversation_id": firstConversation, "types": []string{"CUSTOMER"}}},
	},
	{
		DataSource: "twilio_participant", Spec: V2, Paths: []string{"/v2/Conversations/{ConversationId}/Participants/{id}"},
		Reads: []Read{{"conversation_id": firstConversation, "id": firstParticipant}},
	},
	{
		DataSource: "twilio_communications", Spec: V2, Paths: []string{"/v2/Conversations/{ConversationId}/Communications"}, List: "communications",
		Reads: []Read{
			{"conversation_id": firstConversation, "page_size": 2},
			// Filters the provider applies itself send nothing.
			{"conversation_id": firstConversation, "channel_id": firstCommunicationChannel, "channels": []string{"SMS"},
				"occurred_after": "2025-01-01T00:00:00Z", "created_before": "2030-01-01T00:00:00Z"},
		},
	},
	{
		DataSource: "twilio_communication", Spec: V2, Paths: []string{"/v2/Conversations/{ConversationId}/Communications/{id}"},
		Reads: []Read{{"conversation_id": firstConversation, "id": firstCommunication}},
	},
	{
		DataSource: "twilio_conversation_configurations", Spec: V2, Paths: []string{"/v2/ControlPlane/Configurations"}, List: "configurations",
		Reads: []Read{{"page_size": 2}, {"memory_store_id": emulator.MemoryStoreID(1)}},
	},
	{
		DataSource: "twilio_conversation_configuration", Spec: V2, Paths: []string{"/v2/ControlPlane/Configurations/{id}"},
		Reads: []Read{{"id": "conv_configuration_01"}},
	},
	{
		DataSource: "twilio_conversation_services", Spec: V1, Paths: []string{"/v1/Services"}, List: "services",
		Reads: []Read{{"page_size": 1}, {}},
	},
	{
		DataSource: "twilio_conversation_users", Spec: V1, Paths: []string{"/v1/Services/{ChatServiceSid}/Users", "/v1/Users"}, List: "users",
		Reads: []Read{{"chat_service_sid": emulator.ServiceSid, "page_size": 3}, {}},
	},
	{
		DataSource: "twilio_user_v1", Spec: V1, Paths: []string{"/v1/Users/{Sid}", "/v1/Services/{ChatServiceSid}/Users/{Sid}"},
		Inputs: map[string]string{"identity": "Sid"},
		Reads:  []Read{{"sid": firstUserSid}, {"identity": "carol/ops", "chat_service_sid": emulator.ServiceSid}},
	},
	{
		DataSource: "twilio_service_v1", Spec: V1, Paths: []string{"/v1/Services/{Sid}"},
		Reads: []Read{{"sid": emulator.ServiceSid}},
	},
	{
		DataSource: "twilio_service_configuration_v1", Spec: V1, Paths: []string{"/v1/Services/{ChatServiceSid}/Configuration"},
		Reads: []Read{{"chat_service_sid": emulator.ServiceSid}},
	},
	{
		DataSource: "twilio_service_notification_v1", Spec: V1, Paths: []string{"/v1/Services/{ChatServiceSid}/Configuration/Notifications"},
		Reads: []Read{{"chat_service_sid": emulator.ServiceSid}},
	},
	{
		DataSource: "twilio_service_webhook_configuration_v1", Spec: V1, Paths: []string{"/v1/Services/{ChatServiceSid}/Configuration/Webhooks"},
		Reads: []Read{{"chat_service_sid": emulator.ServiceSid}},
	},
	{
		DataSource: "twilio_roles_v1", Spec: V1, Paths: []string{"/v1/Roles", "/v1/Services/{ChatServiceSid}/Roles"}, List: "roles",
		Reads: []Read{{"page_size": 2}, {"chat_service_sid": emulator.SalesServiceSid}},
	},
	{
		DataSource: "twilio_role_v1", Spec: V1, Paths: []string{"/v1/Roles/{Sid}", "/v1/Services/{ChatServiceSid}/Roles/{Sid}"},
		Reads: []Read{{"sid": firstRole}, {"sid": firstRole, "chat_service_sid": emulator.ServiceSid}},
	},
	{
		DataSource: "twilio_bindings_v1", Spec: V1, Paths: []string{"/v1/Services/{ChatServiceSid}/Bindings"}, List: "bindings",
		Inputs: map[string]string{"binding_types": "BindingType", "identities": "Identity"},
		Reads: []Read{
			{"chat_service_sid": emulator.ServiceSid, "page_size": 2},
			{"chat_service_sid": emulator.ServiceSid, "binding_types": []string{"apn", "fcm"}, "identities": []string{"alice", "bob.smith"}},
		},
	},
	{
		DataSource: "twilio_binding_v1", Spec: V1, Paths: []string{"/v1/Services/{ChatServiceSid}/Bindings/{Sid}"},
		Reads: []Read{{"sid": firstBinding, "chat_service_sid": emulator.ServiceSid}},
	},
	{
		DataSource: "twilio_user_conversations", Spec: V1,
		Paths:  []string{"/v1/Services/{ChatServiceSid}/Users/{UserSid}/Conversations", "/v1/Users/{UserSid}/Conversations"},
		List:   "conversations",
		Inputs: map[string]string{"identity": "UserSid"},
		Reads: []Read{
			{"identity": "alice"},
			{"user_sid": firstUserSid, "chat_service_sid": emulator.ServiceSid, "page_size": 20, "states": []string{"active"}, "unread_only": true},
			{"identity": "carol/ops", "chat_service_sid": emulator.ServiceSid},
		},
	},
	{
		DataSource: "twilio_participant_conversations", Spec: V1,
		Paths: []string{"/v1/ParticipantConversations", "/v1/Services/{ChatServiceSid}/ParticipantConversations"},
		List:  "conversations",
		Reads: []Read{
			{"identity": "alice", "page_size": 30},
			{"address": firstAddress, "states": []string{"active", "closed"}},
			{"identity": "alice", "chat_service_sid": emulator.SalesServiceSid},
		},
	},
	{
		DataSource: "twilio_configuration_v1", Spec: V1, Paths: []string{"/v1/Configuration"},
		Reads: []Read{{}},
	},
	{
		DataSource: "twilio_configuration_webhook_v1", Spec: V1, Paths: []string{"/v1/Configuration/Webhooks"},
		Reads: []Read{{}},
	},
	{
		DataSource: "twilio_address_configurations_v1", Spec: V1, Paths: []string{"/v1/Configuration/Addresses"}, List: "address_configurations",
		Reads: []Read{{"page_size": 5}, {"type": "whatsapp"}},
	},
	{
		DataSource: "twilio_address_configuration_v1", Spec: V1, Paths: []string{"/v1/Configuration/Addresses/{Sid}"},
		Inputs: map[string]string{"sid_or_address": "Sid"},
		Reads:  []Read{{"sid_or_address": firstAddressConfiguration}, {"sid_or_address": firstAddressConfigurationAddress}},
	},
	{
		DataSource: "twilio_credentials_v1", Spec: V1, Paths: []string{"/v1/Credentials"}, List: "credentials",
		Reads: []Read{{"page_size": 3}},
	},
	{
		DataSource: "twilio_credential_v1", Spec: V1, Paths: []string{"/v1/Credentials/{Sid}"},
		Reads: []Read{{"sid": firstCredential}},
	},
	{
		DataSource: "twilio_conversations_v1", Spec: V1, Paths: []string{"/v1/Conversations", "/v1/Services/{ChatServiceSid}/Conversations"}, List: "conversations",
		Reads: []Read{
			{"page_size": 20},
			{"chat_service_sid": emulator.ServiceSid, "state": "active", "start_date": "2025-01-01T00:00:00Z", "end_date": "2030-01-01T00:00:00Z"},
			// Filters the provider applies itself send nothing.
			{"created_after": "2025-01-01T00:00:00Z", "updated_before": "2030-01-01T00:00:00Z"},
		},
	},
	{
		DataSource: "twilio_conversation_v1", Spec: V1, Paths: []string{"/v1/Conversations/{Sid}", "/v1/Services/{ChatServiceSid}/Conversations/{Sid}"},
		Inputs: map[string]string{"sid_or_unique_name": "Sid"},
		Reads: []Read{
			{"sid_or_unique_name": classicConversation},
			{"sid_or_unique_name": classicUniqueName, "chat_service_sid": emulator.ServiceSid},
		},
	},
	{
		DataSource: "twilio_participants_v1", Spec: V1, List: "participants",
		Paths:  []string{"/v1/Conversations/{ConversationSid}/Participants", "/v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Participants"},
		Inputs: map[string]string{"conversation": "ConversationSid"},
		Reads: []Read{
			{"conversation": classicConversation, "page_size": 1},
			{"conversation": classicConversation, "chat_service_sid": emulator.ServiceSid, "created_after": "2025-01-01T00:00:00Z"},
		},
	},
	{
		DataSource: "twilio_participant_v1", Spec: V1,
		Paths:  []string{"/v1/Conversations/{ConversationSid}/Participants/{Sid}", "/v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Participants/{Sid}"},
		Inputs: map[string]string{"conversation": "ConversationSid", "sid_or_identity": "Sid"},
		Reads: []Read{
			{"conversation": classicConversation, "sid_or_identity": classicParticipant},
			{"conversation": classicConversation, "sid_or_identity": "alice", "chat_service_sid": emulator.ServiceSid},
		},
	},
	{
		DataSource: "twilio_messages_v1", Spec: V1, List: "messages",
		Paths:  []string{"/v1/Conversations/{ConversationSid}/Messages", "/v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages"},
		Inputs: map[string]string{"conversation": "ConversationSid"},
		Reads: []Read{
			{"conversation": classicMessagesConversation, "page_size": 2, "order": "desc"},
			{"conversation": classicMessagesConversation, "chat_service_sid": emulator.ServiceSid, "created_after": "2025-01-01T00:00:00Z"},
		},
	},
	{
		DataSource: "twilio_message_v1", Spec: V1,
		Paths:  []string{"/v1/Conversations/{ConversationSid}/Messages/{Sid}", "/v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages/{Sid}"},
		Inputs: map[string]string{"conversation": "ConversationSid"},
		Reads: []Read{
			{"conversation": classicMessagesConversation, "sid": classicMessage},
			{"conversation": classicMessagesConversation, "sid": classicMessage, "chat_service_sid": emulator.ServiceSid},
		},
	},
	{
		DataSource: "twilio_conversation_webhooks_v1", Spec: V1, List: "webhooks",
		Paths:  []string{"/v1/Conversations/{ConversationSid}/Webhooks", "/v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Webhooks"},
		Inputs: map[string]string{"conversation": "ConversationSid"},
		Reads: []Read{
			{"conversation": classicWebhooksConversation, "page_size": 1},
			{"conversation": classicWebhooksConversation, "chat_service_sid": emulator.ServiceSid},
		},
	},
	{
		DataSource: "twilio_conversation_webhook_v1", Spec: V1,
		Paths:  []string{"/v1/Conversations/{ConversationSid}/Webhooks/{Sid}", "/v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Webhooks/{Sid}"},
		Inputs: map[string]string{"conversation": "ConversationSid"},
		Reads: []Read{
			{"conversation": classicWebhooksConversation, "sid": classicWebhook},
			{"conversation": classicWebhooksConversation, "sid": classicWebhook, "chat_service_sid": emulator.ServiceSid},
		},
	},
}

// Exclusion is a spec property a data source leaves out, and why.
type Exclusion struct {
	DataSource string
	// Property is the property's path in the item, in the spec's names,
	// such as "configuration.displayName" (lists are passed through).
	Property string
	Reason   string
}

// Excluded is every spec property that a data source leaves out on
// purpose: the one place such a decision is written down. A property that
// is neither an attribute nor here fails the contract tests.
var Excluded = []Exclusion{
	// None yet: every property of this spec release is an attribute, or
	// is reported by the tests as missing.
}

// Unspecified is an item property that the provider reads, and the
// emulator serves, though the spec does not list it, and why.
type Unspecified struct {
	// Path is the GET operation, as the spec names it.
	Path string
	// Property is the property's path in the item, in the API's names.
	Property string
	Reason   string
}

// NotInSpec is every such property: an attribute or a field of the
// emulator's responses that the spec lacks fails the contract tests
// unless it is here.
var NotInSpec = []Unspecified{
	{"/v2/Conversations", "metadata", metadataReason},
	{"/v2/Conversations/{id}", "metadata", metadataReason},
	{"/v1/Configuration", "id", lookupID},
	{"/v1/Configuration/Webhooks", "id", lookupID},
	{"/v1/Configuration/Addresses/{Sid}", "id", lookupID},
	{"/v1/Credentials/{Sid}", "id", lookupID},
}

// lookupID is why a single lookup whose item has no id has one.
const lookupID = "the lookup's own id, which every Terraform data source has; the item has none of that name"

const metadataReason = "a conversation's string-to-string metadata: twilio/twilio-oai's v2 spec documents it (conversations.v2.metadata, at commit 157fb094), this release of the spec does not yet"

// firstV1 is the first classic conversation of the default service that
// ok accepts.
func firstV1(d *emulator.Dataset, ok func(*emulator.V1Conversation) bool) *emulator.V1Conversation {
	for i := range d.Services[0].Conversations {
		if c := &d.Services[0].Conversations[i]; ok(c) {
			return c
		}
	}
	return &emulator.V1Conversation{}
}
