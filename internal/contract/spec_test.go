package contract

import "testing"

func TestSnakeCase(t *testing.T) {
	for in, want := range map[string]string{
		"accountId": "account_id", "conversationsV1Bridge": "conversations_v1_bridge", "ChatServiceSid": "chat_service_sid",
		"intelligenceConfigurationIds": "intelligence_configuration_ids", "pageSize": "page_size", "date_created": "date_created",
		"id": "id", "URLMap": "url_map", "Identity": "identity",
	} {
		if got := SnakeCase(in); got != want {
			t.Errorf("SnakeCase(%q) = %q, want %q", in, got, want)
		}
	}
}
