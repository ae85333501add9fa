package emulator

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// getJSON fetches one emulator URL and decodes its body.
func getJSON(t *testing.T, rawURL string) (int, map[string]any) {
	t.Helper()
	status, _, body := authGet(t, rawURL)
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("%s: %v: %s", rawURL, err, body)
	}
	return status, m
}

// pages reads a v1 listing by its next_page_url and returns its items.
func pages(t *testing.T, first, key string) ([]map[string]any, int) {
	t.Helper()
	var items []map[string]any
	n := 0
	for next := first; next != ""; n++ {
		status, m := getJSON(t, next)
		if status != 200 {
			t.Fatalf("%s: %d %v", next, status, m)
		}
		for _, it := range m[key].([]any) {
			items = append(items, it.(map[string]any))
		}
		next, _ = m["meta"].(map[string]any)["next_page_url"].(string)
	}
	return items, n
}

func TestAccountConfiguration(t *testing.T) {
	d := Generate(DefaultGenerateOptions)
	_, hs := start(t, d, Options{})
	status, cfg := getJSON(t, hs.URL+"/v1/Configuration")
	want := map[string]any{
		"account_sid": AccountSid, "default_chat_service_sid": ServiceSid,
		"default_messaging_service_sid": *d.AccountConfiguration.DefaultMessagingServiceSid,
		"default_inactive_timer":        "PT1H", "default_closed_timer": nil,
		"url": "https://conversations.twilio.com/v1/Configuration",
		"links": map[string]any{
			"service":  "https://conversations.twilio.com/v1/Services/" + ServiceSid + "/Configuration",
			"webhooks": "https://conversations.twilio.com/v1/Configuration/Webhooks",
		},
	}
	if status != 200 || !reflect.DeepEqual(cfg, want) {
		t.Errorf("configuration: %d %v", status, cfg)
	}
	status, wh := getJSON(t, hs.URL+"/v1/Configuration/Webhooks")
	if status != 200 || wh["post_webhook_url"] != InsecureWebhookURL || wh["method"] != "POST" || wh["target"] != "webhook" ||
		len(wh["filters"].([]any)) != 3 || wh["account_sid"] != AccountSid {
		t.Errorf("webhooks: %d %v", status, wh)
	}

	// An account that never configured anything still has both, with
	// Twilio's defaults: method and target are never null.
	_, hs = start(t, &Dataset{AccountSid: AccountSid}, Options{})
	_, cfg = getJSON(t, hs.URL+"/v1/Configuration")
	if cfg["default_chat_service_sid"] != nil || cfg["links"].(map[string]any)["service"] != nil {
		t.Errorf("empty account's configuration: %v", cfg)
	}
	_, wh = getJSON(t, hs.URL+"/v1/Configuration/Webhooks")
	if wh["method"] != "POST" || wh["target"] != "webhook" || wh["filters"] == nil || wh["pre_webhook_url"] != nil {
		t.Errorf("empty account's webhooks: %v", wh)
	}
}

func TestAddressConfigurations(t *testing.T) {
	d := Generate(DefaultGenerateOptions)
	_, hs := start(t, d, Options{})
	items, n := pages(t, hs.URL+"/v1/Configuration/Addresses?PageSize=4", "address_configurations")
	if len(items) != len(d.AddressConfigurations) || n != 4 {
		t.Fatalf("%d items in %d pages, want %d in 4", len(items), n, len(d.AddressConfigurations))
	}
	kinds := map[string]bool{}
	for i, it := range items {
		a := d.AddressConfigurations[i]
		if it["sid"] != a.Sid || it["address"] != a.Address || it["account_sid"] != AccountSid ||
			it["url"] != "https://conversations.twilio.com/v1/Configuration/Addresses/"+a.Sid {
			t.Errorf("item %d: %v", i, it)
		}
		if ac, ok := it["auto_creation"].(map[string]any); ok {
			kinds[ac["type"].(string)] = true
		} else {
			kinds["null"] = true
		}
	}
	for _, k := range []string{"default", "webhook", "studio", "null"} {
		if !kinds[k] {
			t.Errorf("no address configuration with auto_creation %s", k)
		}
	}
	sms, _ := pages(t, hs.URL+"/v1/Configuration/Addresses?Type=sms&PageSize=2", "address_configurations")
	want := 0
	for _, a := range d.AddressConfigurations {
		if a.Type == "sms" {
			want++
		}
	}
	if len(sms) != want || want == 0 {
		t.Errorf("Type=sms: %d items, want %d", len(sms), want)
	}
	for _, it := range sms {
		if it["type"] != "sms" {
			t.Errorf("Type=sms returned %v", it["type"])
		}
	}
	if status, m := getJSON(t, hs.URL+"/v1/Configuration/Addresses?PageSize=51"); status != 400 || m["code"] != float64(20007) {
		t.Errorf("PageSize=51: %d %v", status, m)
	}

	// One by SID, or by the address itself, escaped as a path segment.
	insecure := d.AddressConfigurations[2]
	for _, key := range []string{insecure.Sid, insecure.Address} {
		status, m := getJSON(t, hs.URL+"/v1/Configuration/Addresses/"+url.PathEscape(key))
		if status != 200 || m["sid"] != InsecureAddressSid || !strings.HasPrefix(m["auto_creation"].(map[string]any)["webhook_url"].(string), "http://") {
			t.Errorf("%s: %d %v", key, status, m)
		}
	}
	if status, m := getJSON(t, hs.URL+"/v1/Configuration/Addresses/"+url.PathEscape("+15550000000")); status != 404 || m["code"] != float64(20404) || m["status"] != float64(404) {
		t.Errorf("unknown address: %d %v", status, m)
	}
}

func TestCredentials(t *testing.T) {
	d := Generate(DefaultGenerateOptions)
	_, hs := start(t, d, Options{})
	items, n := pages(t, hs.URL+"/v1/Credentials?PageSize=3", "credentials")
	if len(items) != len(d.Credentials) || n != 3 {
		t.Fatalf("%d items in %d pages", len(items), n)
	}
	sandbox := 0
	for _, it := range items {
		if it["sandbox"] == "true" {
			sandbox++
			if it["sid"] != SandboxCredentialSid || it["type"] != "apn" {
				t.Errorf("sandbox credential: %v", it)
			}
		}
		for k := range it {
			if strings.Contains(k, "secret") || strings.Contains(k, "private") || k == "certificate" || k == "api_key" {
				t.Errorf("a credential exposes %s", k)
			}
		}
	}
	if sandbox != 1 {
		t.Errorf("%d sandbox credentials", sandbox)
	}
	if status, _ := getJSON(t, hs.URL+"/v1/Credentials?PageSize=100"); status != 200 {
		t.Errorf("PageSize=100: %d", status)
	}
	if status, m := getJSON(t, hs.URL+"/v1/Credentials?PageSize=101"); status != 400 || m["code"] != float64(20007) {
		t.Errorf("PageSize=101: %d %v", status, m)
	}
	if status, m := getJSON(t, hs.URL+"/v1/Credentials/"+SandboxCredentialSid); status != 200 || m["sandbox"] != "true" {
		t.Errorf("one credential: %d %v", status, m)
	}
	if status, m := getJSON(t, hs.URL+"/v1/Credentials/CR0000000000000000000000000000dead"); status != 404 || m["code"] != float64(20404) {
		t.Errorf("unknown credential: %d %v", status, m)
	}
}

// The account's configuration survives a fixture file, and a fixture that
// repeats a SID or an address is refused.
func TestAccountFixture(t *testing.T) {
	d := Generate(DefaultGenerateOptions)
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "fixture.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	back, err := LoadFixture(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.AccountConfiguration, d.AccountConfiguration) || len(back.AddressConfigurations) != len(d.AddressConfigurations) ||
		!reflect.DeepEqual(back.Credentials, d.Credentials) {
		t.Error("the account's configuration changed through a fixture")
	}
	for name, mutate := range map[string]func(*Dataset){
		"repeated address":    func(d *Dataset) { d.AddressConfigurations[1].Address = d.AddressConfigurations[0].Address },
		"repeated credential": func(d *Dataset) { d.Credentials[1].Sid = d.Credentials[0].Sid },
		"bad auto_creation":   func(d *Dataset) { d.AddressConfigurations[0].AutoCreation = json.RawMessage("{") },
	} {
		d := Generate(DefaultGenerateOptions)
		mutate(d)
		if _, err := New(d, Options{}); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
