package datasources_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// The account's configuration: every attribute, from a generated account
// and from one that configured nothing (no default service, no links to
// it), one request a read, and no input.
func TestAccountConfiguration(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 23})
	e := startEmulator(t, d, emulator.Faults{})
	empty := startEmulator(t, &emulator.Dataset{AccountSid: emulator.AccountSid}, emulator.Faults{})
	cfg := d.AccountConfiguration
	const api = "https://conversations.twilio.com/v1"
	full := map[string]knownvalue.Check{
		"id": strv("configuration"), "account_sid": strv(d.AccountSid),
		"default_chat_service_sid":      strv(emulator.ServiceSid),
		"default_messaging_service_sid": str(cfg.DefaultMessagingServiceSid),
		"default_inactive_timer":        str(cfg.DefaultInactiveTimer), "default_closed_timer": str(cfg.DefaultClosedTimer),
		"url": strv(api + "/Configuration"),
		"links": knownvalue.MapExact(map[string]knownvalue.Check{
			"service": strv(api + "/Services/" + emulator.ServiceSid + "/Configuration"), "webhooks": strv(api + "/Configuration/Webhooks"),
		}),
	}
	if cfg.DefaultInactiveTimer == nil || cfg.DefaultClosedTimer != nil {
		t.Fatal("test data: one timer set and one null")
	}
	none := map[string]knownvalue.Check{
		"id": strv("configuration"), "account_sid": strv(emulator.AccountSid), "default_chat_service_sid": knownvalue.Null(),
		"default_messaging_service_sid": knownvalue.Null(), "default_inactive_timer": knownvalue.Null(), "default_closed_timer": knownvalue.Null(),
		"url": strv(api + "/Configuration"), "links": knownvalue.MapExact(map[string]knownvalue.Check{"webhooks": strv(api + "/Configuration/Webhooks")}),
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config:            e.config(`data "twilio_configuration_v1" "this" {}`),
				ConfigStateChecks: expectAttributes("data.twilio_configuration_v1.this", full),
			},
			{
				Config:            empty.config(`data "twilio_configuration_v1" "this" {}`),
				ConfigStateChecks: expectAttributes("data.twilio_configuration_v1.this", none),
			},
		},
	})
	for _, em := range []*emu{e, empty} {
		for _, r := range em.Requests() {
			if r.Path != "/v1/Configuration" || r.RawQuery != "" {
				t.Errorf("request to %s?%s", r.Path, r.RawQuery)
			}
		}
	}
	expectPlanErrors(t, "twilio_configuration_v1", map[string]planError{
		"an input": {`id = "configuration"`, []string{"Invalid Configuration for Read-Only Attribute", `id = "configuration"`}},
	})
}

// The account's webhook configuration: every attribute, an http:// URL
// passed through for an audit to find, and Twilio's defaults for an
// account that configured none.
func TestConfigurationWebhook(t *testing.T) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 24})
	e := startEmulator(t, d, emulator.Faults{})
	empty := startEmulator(t, &emulator.Dataset{AccountSid: emulator.AccountSid}, emulator.Faults{})
	wh := d.AccountConfiguration.Webhooks
	var filters []knownvalue.Check
	for _, f := range wh.Filters {
		filters = append(filters, strv(f))
	}
	const url = "https://conversations.twilio.com/v1/Configuration/Webhooks"
	full := map[string]knownvalue.Check{
		"id": strv("configuration_webhook"), "account_sid": strv(d.AccountSid), "method": strv(wh.Method),
		"filters": knownvalue.ListExact(filters), "pre_webhook_url": str(wh.PreWebhookURL), "post_webhook_url": strv(emulator.InsecureWebhookURL),
		"target": strv(wh.Target), "url": strv(url),
	}
	none := map[string]knownvalue.Check{
		"id": strv("configuration_webhook"), "account_sid": strv(emulator.AccountSid), "method": strv("POST"),
		"filters": knownvalue.ListExact([]knownvalue.Check{}), "pre_webhook_url": knownvalue.Null(), "post_webhook_url": knownvalue.Null(),
		"target": strv("webhook"), "url": strv(url),
	}
	if len(filters) == 0 || wh.PreWebhookURL == nil {
		t.Fatal("test data: filters and both URLs set")
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config:            e.config(`data "twilio_configuration_webhook_v1" "this" {}`),
				ConfigStateChecks: expectAttributes("data.twilio_configuration_webhook_v1.this", full),
			},
			{
				Config:            empty.config(`data "twilio_configuration_webhook_v1" "this" {}`),
				ConfigStateChecks: expectAttributes("data.twilio_configuration_webhook_v1.this", none),
			},
		},
	})
	for _, em := range []*emu{e, empty} {
		for _, r := range em.Requests() {
			if r.Path != "/v1/Configuration/Webhooks" || r.RawQuery != "" {
				t.Errorf("request to %s?%s", r.Path, r.RawQuery)
			}
		}
	}
	expectPlanErrors(t, "twilio_configuration_webhook_v1", map[string]planError{
		"an input": {`target = "webhook"`, []string{"Invalid Configuration for Read-Only Attribute", `target = "webhook"`}},
	})
}
