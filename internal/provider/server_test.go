package provider_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/provider"
)

// The items below are served by a fake Twilio, two to a page, to both the
// provider's own ReadDataSource and the framework's. Each list holds an
// item with every field set (unicode included), one with empty lists and
// objects, and one with every nullable field null.

var v2Conversations = []string{
	`{"id":"conv_conversation_full","accountId":"AC00000000000000000000000000000001","configurationId":"conv_configuration_01",
	  "status":"ACTIVE","name":"Café ☕ 配送","createdAt":"2025-01-06T09:00:00Z","updatedAt":"2025-01-06T09:30:00+01:00",
	  "metadata":{"team":"support","zone":"ü","":"empty key"},
	  "configuration":{"displayName":"Support","description":"Routing «fr»","conversationGroupingType":"GROUP_BY_PROFILE",
	    "memoryStoreId":"mem_store_01","channelSettings":{"SMS":{"statusTimeouts":{"inactive":10,"closed":60}},"x":[1,2.5,"s",null,true]},
	    "statusCallbacks":[{"url":"https://hooks.example.com/a","method":"POST"},{"url":"https://hooks.example.com/b?x=1&y=ü","method":"GET"}],
	    "intelligenceConfigurationIds":["intelligence_configuration_01","intelligence_configuration_02"],
	    "memoryExtractionEnabled":false,"conversationsV1Bridge":{"serviceId":"IS00000000000000000000000000000001"}},
	  "participants":[{"id":"conv_participant_1","conversationId":"conv_conversation_full","accountId":"AC00000000000000000000000000000001",
	    "name":"Ana María","type":"NEW_TYPE","profileId":"mem_profile_1","createdAt":"2025-01-06T09:00:00Z","updatedAt":"2025-01-06T09:00:00Z",
	    "addresses":[{"channel":"SMS","address":"+15551234567","channelId":"SM00000000000000000000000000000001"}]}]}`,
	`{"id":"conv_conversation_empty","accountId":"","configurationId":"","status":"","name":"","createdAt":"2025-01-06T09:00:00Z",
	  "updatedAt":"2025-01-06T09:00:00Z","metadata":{},"configuration":{"displayName":"","description":"","conversationGroupingType":"",
	    "memoryStoreId":"","channelSettings":{},"statusCallbacks":[],"intelligenceConfigurationIds":[],"memoryExtractionEnabled":true,
	    "conversationsV1Bridge":{"serviceId":""}},"participants":[]}`,
	`{"id":"conv_conversation_null","accountId":null,"configurationId":null,"status":null,"name":null,"createdAt":null,"updatedAt":null,
	  "metadata":null,"configuration":null,"participants":null}`,
	`{"id":"conv_conversation_null_elements","metadata":{"k":null},"participants":[null],
	  "configuration":{"statusCallbacks":[null],"intelligenceConfigurationIds":[null],"channelSettings":null}}`,
}

var v2Participants = []string{
	`{"id":"conv_participant_full","conversationId":"conv_conversation_full","accountId":"AC00000000000000000000000000000001",
	  "name":"李雷","type":"CUSTOMER","profileId":"mem_profile_1","createdAt":"2025-01-06T09:00:00Z","updatedAt":"2025-01-06T09:00:00Z",
	  "addresses":[{"channel":"WHATSAPP","address":"whatsapp:+15551234567","channelId":"SM1"},{"channel":"CHAT","address":"carol/ops","channelId":"CH1"}]}`,
	`{"id":"conv_participant_empty","conversationId":"","accountId":"","name":"","type":"","profileId":"","createdAt":"2025-01-06T09:00:00Z",
	  "updatedAt":"2025-01-06T09:00:00Z","addresses":[]}`,
	`{"id":"conv_participant_null","conversationId":null,"accountId":null,"name":null,"type":null,"profileId":null,"createdAt":null,
	  "updatedAt":null,"addresses":[null,{"channel":null,"address":null,"channelId":null}]}`,
}

var v1UserConversations = []string{
	`{"account_sid":"AC1","chat_service_sid":"IS1","conversation_sid":"CH1","unread_messages_count":0,"last_read_message_index":42,
	  "participant_sid":"MB1","user_sid":"US1","friendly_name":"Техподдержка","conversation_state":"active",
	  "timers":{"date_inactive":"2025-02-01T00:00:00Z","date_closed":"2025-03-01T00:00:00+00:00"},"attributes":"{\"a\": [1, {\"b\": \"ü\"}]}",
	  "date_created":"2015-07-30T20:00:00Z","date_updated":"2023-05-04T09:42:00+00:00","created_by":"system","notification_level":"muted",
	  "unique_name":"ticket-1","url":"https://conversations.twilio.com/v1/x","links":{"participant":"https://p","conversation":"https://c"}}`,
	`{"account_sid":"","chat_service_sid":"","conversation_sid":"","unread_messages_count":0,"last_read_message_index":0,"participant_sid":"",
	  "user_sid":"","friendly_name":"","conversation_state":"","timers":{},"attributes":"{}","date_created":"2015-07-30T20:00:00Z",
	  "date_updated":"2015-07-30T20:00:00Z","created_by":"","notification_level":"","unique_name":"","url":"","links":{}}`,
	`{"account_sid":null,"chat_service_sid":null,"conversation_sid":null,"unread_messages_count":null,"last_read_message_index":null,
	  "participant_sid":null,"user_sid":null,"friendly_name":null,"conversation_state":null,"timers":null,"attributes":null,
	  "date_created":null,"date_updated":null,"created_by":null,"notification_level":null,"unique_name":null,"url":null,"links":null}`,
}

var v1ParticipantConversations = []string{
	`{"account_sid":"AC1","chat_service_sid":"IS1","participant_sid":"MB1","participant_user_sid":"US1","participant_identity":"eve+test@example.com",
	  "participant_messaging_binding":{"address":"+15551234567","proxy_address":"+15557654321","projected_address":"+15550000000","type":"sms","level":"l","name":"n"},
	  "conversation_sid":"CH1","conversation_unique_name":"u","conversation_friendly_name":"配送について","conversation_attributes":"{\"x\":1}",
	  "conversation_date_created":"2015-07-30T20:00:00Z","conversation_date_updated":"2023-05-04T09:42:00+00:00","conversation_created_by":"c",
	  "conversation_state":"closed","conversation_timers":{"date_inactive":"2025-02-01T00:00:00Z","date_closed":"2025-03-01T00:00:00Z"},
	  "links":{"participant":"https://p","conversation":"https://c"}}`,
	`{"account_sid":"","chat_service_sid":"","participant_sid":"","participant_user_sid":"","participant_identity":"",
	  "participant_messaging_binding":{},"conversation_sid":"","conversation_unique_name":"","conversation_friendly_name":"",
	  "conversation_attributes":"{}","conversation_date_created":"2015-07-30T20:00:00Z","conversation_date_updated":"2015-07-30T20:00:00Z",
	  "conversation_created_by":"","conversation_state":"","conversation_timers":{},"links":{}}`,
	`{"account_sid":null,"chat_service_sid":null,"participant_sid":null,"participant_user_sid":null,"participant_identity":null,
	  "participant_messaging_binding":null,"conversation_sid":null,"conversation_unique_name":null,"conversation_friendly_name":null,
	  "conversation_attributes":null,"conversation_date_created":null,"conversation_date_updated":null,"conversation_created_by":null,
	  "conversation_state":null,"conversation_timers":null,"links":null}`,
}

var v2Configurations = []string{
	`{"id":"conv_configuration_full","displayName":"Support ☎","description":"Routing «fr»","conversationGroupingType":"GROUP_BY_PROFILE",
	  "memoryStoreId":"mem_store_01k1etk2y5f1y9fpe2epfdtvv2","channelSettings":{"SMS":{"statusTimeouts":{"inactive":10,"closed":60},"captureRules":[{"from":"+1","to":"+2","metadata":{}}]}},
	  "statusCallbacks":[{"url":"https://hooks.example.com/a","method":"POST"}],"intelligenceConfigurationIds":["intelligence_configuration_01"],
	  "memoryExtractionEnabled":false,"conversationsV1Bridge":{"serviceId":"IS00000000000000000000000000000001"},
	  "createdAt":"2025-01-06T09:00:00Z","updatedAt":"2025-01-07T09:00:00+02:00","version":7}`,
	`{"id":"conv_configuration_empty","displayName":"","description":"","conversationGroupingType":"","memoryStoreId":"","channelSettings":{},
	  "statusCallbacks":[],"intelligenceConfigurationIds":[],"memoryExtractionEnabled":true,"conversationsV1Bridge":{"serviceId":""},
	  "createdAt":"2025-01-06T09:00:00Z","updatedAt":"2025-01-06T09:00:00Z","version":0}`,
	`{"id":"conv_configuration_null","displayName":null,"description":null,"conversationGroupingType":null,"memoryStoreId":null,"channelSettings":null,
	  "statusCallbacks":null,"intelligenceConfigurationIds":null,"memoryExtractionEnabled":null,"conversationsV1Bridge":null,
	  "createdAt":null,"updatedAt":null,"version":null}`,
}

var v1Services = []string{
	`{"sid":"IS00000000000000000000000000000001","account_sid":"AC1","friendly_name":"Support ☎","date_created":"2015-07-30T20:00:00Z",
	  "date_updated":"2023-05-04T09:42:00+00:00","url":"https://conversations.twilio.com/v1/Services/IS1","links":{"users":"https://u","roles":"https://r"}}`,
	`{"sid":"","account_sid":"","friendly_name":"","date_created":"2015-07-30T20:00:00Z","date_updated":"2015-07-30T20:00:00Z","url":"","links":{}}`,
	`{"sid":null,"account_sid":null,"friendly_name":null,"date_created":null,"date_updated":null,"url":null,"links":null}`,
	`{"links":{"users":null}}`,
}

var v1Users = []string{
	`{"sid":"US1","account_sid":"AC1","chat_service_sid":"IS1","role_sid":"RL1","identity":"carol/ops","friendly_name":"Carol ü",
	  "attributes":"{\"team\": \"ops\", \"tags\": [1, 2]}","is_online":false,"is_notifiable":true,"date_created":"2015-07-30T20:00:00Z",
	  "date_updated":"2023-05-04T09:42:00+00:00","url":"https://conversations.twilio.com/v1/Services/IS1/Users/US1","links":{"user_conversations":"https://c"}}`,
	`{"sid":"","account_sid":"","chat_service_sid":"","role_sid":"","identity":"","friendly_name":"","attributes":"{}","is_online":true,
	  "is_notifiable":false,"date_created":"2015-07-30T20:00:00Z","date_updated":"2015-07-30T20:00:00Z","url":"","links":{}}`,
	`{"sid":null,"account_sid":null,"chat_service_sid":null,"role_sid":null,"identity":null,"friendly_name":null,"attributes":null,
	  "is_online":null,"is_notifiable":null,"date_created":null,"date_updated":null,"url":null,"links":null}`,
}

// fakeTwilio serves items two to a page, with v2 tokens or v1 next-page
// URLs, on every path that starts with a key of lists.
func fakeTwilio(t *testing.T) *httptest.Server {
	type list struct {
		key   string
		v1    bool
		items []string
	}
	listOf := func(path string) (list, bool) {
		parts := strings.Split(strings.Trim(path, "/"), "/")
		switch {
		case path == "/v2/Conversations":
			return list{"conversations", false, v2Conversations}, true
		case strings.HasPrefix(path, "/v2/Conversations/") && strings.HasSuffix(path, "/Participants"):
			return list{"participants", false, v2Participants}, true
		case path == "/v2/ControlPlane/Configurations":
			return list{"configurations", false, v2Configurations}, true
		case path == "/v1/Services":
			return list{"services", true, v1Services}, true
		case len(parts) == 4 && parts[0] == "v1" && parts[3] == "Users":
			return list{"users", true, v1Users}, true
		case strings.HasPrefix(path, "/v1/") && strings.HasSuffix(path, "/Conversations"):
			return list{"conversations", true, v1UserConversations}, true
		case strings.HasSuffix(path, "/ParticipantConversations"):
			return list{"conversations", true, v1ParticipantConversations}, true
		}
		return list{}, false
	}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// One object: the first item with every field set.
		switch {
		case strings.HasPrefix(r.URL.Path, "/v2/ControlPlane/Configurations/"):
			fmt.Fprint(w, v2Configurations[0])
			return
		case strings.HasPrefix(r.URL.Path, "/v2/Conversations/") && !strings.HasSuffix(r.URL.Path, "/Participants"):
			fmt.Fprint(w, v2Conversations[0])
			return
		}
		l, ok := listOf(r.URL.Path)
		if !ok {
			http.NotFound(w, r)
			return
		}
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if tok := r.URL.Query().Get("pageToken"); tok != "" {
			page, _ = strconv.Atoi(tok)
		}
		from := min(2*page, len(l.items))
		to := min(from+2, len(l.items))
		var next string
		if to < len(l.items) {
			if l.v1 {
				q := r.URL.Query()
				q.Set("page", strconv.Itoa(page+1))
				next = strconv.Quote(srv.URL + r.URL.Path + "?" + q.Encode())
			} else {
				next = strconv.Quote(strconv.Itoa(page + 1))
			}
		} else {
			next = "null"
		}
		meta := `{"key":"` + l.key + `","pageSize":2,"nextToken":` + next + `}`
		if l.v1 {
			meta = `{"key":"` + l.key + `","page":` + strconv.Itoa(page) + `,"page_size":2,"next_page_url":` + next + `}`
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{%q:[%s],"meta":%s}`, l.key, strings.Join(l.items[from:to], ","), meta)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// dynamic is an object value of type t with the attributes in set and the
// others null, as Terraform sends configurations.
func dynamic(t *testing.T, typ tftypes.Type, set map[string]tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	attrs := map[string]tftypes.Value{}
	for name, at := range typ.(tftypes.Object).AttributeTypes {
		attrs[name] = tftypes.NewValue(at, nil)
	}
	for name, v := range set {
		attrs[name] = v
	}
	dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, attrs))
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}

// configured is a provider server configured for baseURL, and the types of
// its data sources.
func configured(t *testing.T, s tfprotov6.ProviderServer, baseURL string) map[string]tftypes.Type {
	t.Helper()
	ctx := context.Background()
	schemas, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(schemas.Diagnostics) > 0 {
		t.Fatalf("schema: %v %v", err, schemas.Diagnostics)
	}
	resp, err := s.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: dynamic(t, schemas.Provider.ValueType(), map[string]tftypes.Value{
		"account_sid": tftypes.NewValue(tftypes.String, "AC00000000000000000000000000000001"),
		"auth_token":  tftypes.NewValue(tftypes.String, "token"),
		"base_url":    tftypes.NewValue(tftypes.String, baseURL),
	})})
	if err != nil || len(resp.Diagnostics) > 0 {
		t.Fatalf("configure: %v %v", err, resp.Diagnostics)
	}
	types := map[string]tftypes.Type{}
	for name, s := range schemas.DataSourceSchemas {
		types[name] = s.ValueType()
	}
	return types
}

// read reads a data source and decodes its state against the schema's
// type, which refuses a missing or an extra attribute.
func read(t *testing.T, s tfprotov6.ProviderServer, typ tftypes.Type, typeName string, config map[string]tftypes.Value) tftypes.Value {
	t.Helper()
	resp, err := s.ReadDataSource(context.Background(), &tfprotov6.ReadDataSourceRequest{TypeName: typeName, Config: dynamic(t, typ, config)})
	if err != nil || len(resp.Diagnostics) > 0 {
		t.Fatalf("read: %v %v", err, resp.Diagnostics)
	}
	v, err := resp.State.Unmarshal(typ)
	if err != nil {
		t.Fatalf("the state does not decode against the schema: %v", err)
	}
	return v
}

// The provider's ReadDataSource writes the state the framework's does,
// for every data source, every field and every kind of null and emptiness,
// across pages and with max_items; an item with every field set leaves no
// attribute null, and those with every nullable field null, or null
// elements in their lists and maps, leave no attribute set but their id.
func TestServerStateMatchesTheFramework(t *testing.T) {
	fake := fakeTwilio(t)
	ours := provider.NewServer("test")()
	framework := providerserver.NewProtocol6(provider.New("test")())()
	types := configured(t, ours, fake.URL)
	configured(t, framework, fake.URL)

	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	cases := map[string]struct {
		typeName, list string
		config         map[string]tftypes.Value
		items          []string
	}{
		"conversations":                             {"twilio_conversations", "conversations", nil, v2Conversations},
		"participants":                              {"twilio_participants", "participants", map[string]tftypes.Value{"conversation_id": str("conv/ü 1")}, v2Participants},
		"user conversations":                        {"twilio_user_conversations", "conversations", map[string]tftypes.Value{"chat_service_sid": str("IS00000000000000000000000000000001"), "identity": str("李雷")}, v1UserConversations},
		"participant conversations":                 {"twilio_participant_conversations", "conversations", map[string]tftypes.Value{"address": str("+15551234567")}, v1ParticipantConversations},
		"participant conversations of a service":    {"twilio_participant_conversations", "conversations", map[string]tftypes.Value{"identity": str("alice"), "chat_service_sid": str("IS00000000000000000000000000000002")}, v1ParticipantConversations},
		"user conversations of the default service": {"twilio_user_conversations", "conversations", map[string]tftypes.Value{"user_sid": str("US00000000000000000000000000000001")}, v1UserConversations},
		"configurations":                            {"twilio_conversation_configurations", "configurations", nil, v2Configurations},
		"services":                                  {"twilio_conversation_services", "services", nil, v1Services},
		"users":                                     {"twilio_conversation_users", "users", map[string]tftypes.Value{"chat_service_sid": str("IS00000000000000000000000000000001")}, v1Users},
		// Single lookups: the one object, at the top level.
		"conversation":  {"twilio_conversation", "", map[string]tftypes.Value{"id": str("conv_conversation_full")}, v2Conversations[:1]},
		"configuration": {"twilio_conversation_configuration", "", map[string]tftypes.Value{"id": str("conv_configuration_full")}, v2Configurations[:1]},
	}
	for name, tc := range cases {
		for _, maxItems := range []int{0, 1, 2} {
			if tc.list == "" && maxItems > 0 {
				continue
			}
			t.Run(fmt.Sprintf("%s/max_items=%d", name, maxItems), func(t *testing.T) {
				config := map[string]tftypes.Value{}
				for k, v := range tc.config {
					config[k] = v
				}
				if maxItems > 0 {
					config["max_items"] = tftypes.NewValue(tftypes.Number, maxItems)
				}
				typ := types[tc.typeName]
				got := read(t, ours, typ, tc.typeName, config)
				want := read(t, framework, typ, tc.typeName, config)
				if diff, err := got.Diff(want); err != nil || len(diff) > 0 {
					t.Fatalf("states differ (%v): %v", err, diff)
				}
				var attrs map[string]tftypes.Value
				var items []tftypes.Value
				if err := got.As(&attrs); err != nil {
					t.Fatal(err)
				}
				if tc.list == "" {
					delete(attrs, "timeouts") // an input, null here
					if nulls := leaves(t, tftypes.NewValue(objectTypeOf(attrs), attrs), true); len(nulls) > 0 {
						t.Errorf("the object with every field set has null attributes: %v", nulls)
					}
					return
				}
				if err := attrs[tc.list].As(&items); err != nil {
					t.Fatal(err)
				}
				wantItems := len(tc.items)
				if maxItems > 0 {
					wantItems = maxItems
				}
				if len(items) != wantItems {
					t.Fatalf("%d items, want %d", len(items), wantItems)
				}
				if maxItems > 0 {
					return
				}
				if nulls := leaves(t, items[0], true); len(nulls) > 0 {
					t.Errorf("the item with every field set has null attributes: %v", nulls)
				}
				for i, item := range items[2:] {
					for _, p := range leaves(t, item, false) {
						if p != `AttributeName("id")` {
							t.Errorf("item %d, with every field null, has %s set", 2+i, p)
						}
					}
				}
			})
		}
	}
}

func objectTypeOf(attrs map[string]tftypes.Value) tftypes.Object {
	types := map[string]tftypes.Type{}
	for k, v := range attrs {
		types[k] = v.Type()
	}
	return tftypes.Object{AttributeTypes: types}
}

// leaves lists the paths of v's primitive values that are null (nulls) or
// set (!nulls); an object or list that is null counts as a null leaf.
func leaves(t *testing.T, v tftypes.Value, nulls bool) []string {
	t.Helper()
	var out []string
	err := tftypes.Walk(v, func(p *tftypes.AttributePath, v tftypes.Value) (bool, error) {
		if v.IsNull() {
			if nulls {
				out = append(out, p.String())
			}
			return false, nil
		}
		if v.Type().Is(tftypes.Object{}) || v.Type().Is(tftypes.List{}) || v.Type().Is(tftypes.Map{}) {
			return true, nil
		}
		if !nulls {
			out = append(out, p.String())
		}
		return true, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func init() {
	// The fixtures must be valid JSON, or the test would only test errors.
	for _, items := range [][]string{v2Conversations, v2Participants, v1UserConversations, v1ParticipantConversations} {
		for _, it := range items {
			if !json.Valid([]byte(it)) {
				panic("invalid fixture: " + it)
			}
		}
	}
}
