package client

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

func TestAccountConfigurationEndpoints(t *testing.T) {
	d := emulator.Generate(emulator.DefaultGenerateOptions)
	_, u := emulated(t, d, emulator.Faults{})
	c := emulatorClient(t, u)
	ctx := context.Background()

	cfg, err := c.GetAccountConfiguration(ctx)
	if err != nil || deref(cfg.DefaultChatServiceSid) != emulator.ServiceSid || cfg.DefaultClosedTimer != nil || len(cfg.Links) != 2 {
		t.Errorf("configuration: %+v %v", cfg, err)
	}
	wh, err := c.GetConfigurationWebhook(ctx)
	if err != nil || deref(wh.PostWebhookURL) != emulator.InsecureWebhookURL || deref(wh.Method) != "POST" || len(wh.Filters) != 3 {
		t.Errorf("webhooks: %+v %v", wh, err)
	}

	var sms []AddressConfiguration
	st, err := c.ListAddressConfigurations(ctx, "sms", ListOptions{PageSize: 2}, func(p []AddressConfiguration) error {
		sms = append(sms, p...)
		return nil
	})
	want := 0
	for _, a := range d.AddressConfigurations {
		if a.Type == "sms" {
			want++
		}
	}
	if err != nil || len(sms) != want || st.Requests != (want+1)/2 {
		t.Fatalf("%d sms address configurations in %d requests, want %d: %v", len(sms), st.Requests, want, err)
	}
	var studio *AutoCreation
	for _, a := range sms {
		if deref(a.Sid) == emulator.UnexpectedFlowAddressSid {
			studio = a.AutoCreation
		}
	}
	if studio == nil || deref(studio.StudioFlowSid) != emulator.UnexpectedFlowSid || studio.StudioRetryCount == nil || !*studio.Enabled {
		t.Errorf("studio auto-creation: %+v", studio)
	}

	var creds []Credential
	if _, err := c.ListCredentials(ctx, ListOptions{}, func(p []Credential) error { creds = append(creds, p...); return nil }); err != nil || len(creds) != len(d.Credentials) {
		t.Errorf("%d credentials: %v", len(creds), err)
	}
	cr, err := c.GetCredential(ctx, emulator.SandboxCredentialSid)
	if err != nil || deref(cr.Sandbox) != "true" {
		t.Errorf("credential: %+v %v", cr, err)
	}
}

// An address is personal data: looked up by address, it reaches the API as
// one path segment, and appears in neither the logs nor the error.
func TestAddressConfigurationByAddressIsNotLogged(t *testing.T) {
	d := emulator.Generate(emulator.DefaultGenerateOptions)
	s, u := emulated(t, d, emulator.Faults{})
	c := emulatorClient(t, u)
	var buf bytes.Buffer
	t.Setenv("TF_LOG_PROVIDER_TWILIO_HTTP", "TRACE")
	ctx := tflogtest.RootLogger(context.Background(), &buf)

	wa := d.AddressConfigurations[1]
	a, err := c.GetAddressConfiguration(ctx, wa.Address)
	if err != nil || deref(a.Sid) != wa.Sid {
		t.Fatalf("%+v %v", a, err)
	}
	const unknown = "whatsapp:+15559876543"
	_, err = c.GetAddressConfiguration(ctx, unknown)
	var apiErr *Error
	if !errors.As(err, &apiErr) || !apiErr.NotFound() {
		t.Fatalf("unknown address: %v", err)
	}
	if !strings.Contains(err.Error(), "{address}") {
		t.Errorf("the error does not say what was not found: %v", err)
	}
	logs := buf.String()
	if !strings.Contains(logs, "HTTP request") || !strings.Contains(logs, "HTTP response body") {
		t.Fatalf("no request logs:\n%s", logs)
	}
	for _, addr := range []string{wa.Address, unknown} {
		for _, form := range []string{addr, url.PathEscape(addr), url.QueryEscape(addr), strings.TrimPrefix(addr, "whatsapp:")} {
			if strings.Contains(err.Error(), form) && addr == unknown {
				t.Errorf("the error repeats the address as %q: %v", form, err)
			}
			if strings.Contains(logs, form) {
				t.Errorf("the logs hold the address as %q", form)
			}
		}
	}
	paths := map[string]bool{}
	for _, r := range s.Requests() {
		paths[r.Path] = true
	}
	if !paths["/v1/Configuration/Addresses/"+wa.Address] || !paths["/v1/Configuration/Addresses/"+unknown] {
		t.Errorf("requests: %v", paths)
	}

	// A SID is no personal data: it is logged as it is.
	buf.Reset()
	if _, err := c.GetAddressConfiguration(ctx, wa.Sid); err != nil || !strings.Contains(buf.String(), wa.Sid) {
		t.Errorf("by SID: %v", err)
	}
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
