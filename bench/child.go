package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	twilio "github.com/twilio/twilio-go"
	twclient "github.com/twilio/twilio-go/client"
	convv1 "github.com/twilio/twilio-go/rest/conversations/v1"
	convv2 "github.com/twilio/twilio-go/rest/conversations/v2"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/provider"
)

// measure runs read and reports its wall time, CPU time, allocations and
// the process's peak RSS.
func measure(cpuprofile, memprofile string, read func() (int, string, error), n int) (result, error) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var ru0, ru1 syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	if cpuprofile != "" {
		f, err := os.Create(cpuprofile)
		if err != nil {
			return result{}, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return result{}, err
		}
	}
	start := time.Now()
	items, note, err := read()
	wall := time.Since(start)
	if cpuprofile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return result{}, err
	}
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	runtime.ReadMemStats(&after)
	if memprofile != "" {
		f, err := os.Create(memprofile)
		if err != nil {
			return result{}, err
		}
		defer f.Close()
		_ = pprof.WriteHeapProfile(f)
	}
	cpu := time.Duration(syscall.TimevalToNsec(ru1.Utime)-syscall.TimevalToNsec(ru0.Utime)) +
		time.Duration(syscall.TimevalToNsec(ru1.Stime)-syscall.TimevalToNsec(ru0.Stime))
	return result{
		Items: items, WallNs: int64(wall), CPUNs: int64(cpu),
		Allocs: after.Mallocs - before.Mallocs, Bytes: after.TotalAlloc - before.TotalAlloc,
		PeakRSS: peakRSS(), Complete: items == n, Note: note,
	}, nil
}

func runChild(kind, emuURL, endpoint string, n int, cpuprofile, memprofile string) (result, error) {
	switch kind {
	case "provider":
		return readWithProvider(emuURL, endpoint, n, cpuprofile, memprofile)
	case "twilio-go":
		return measure("", "", func() (int, string, error) { return readWithTwilioGo(emuURL, endpoint, n) }, n)
	}
	return result{}, fmt.Errorf("unknown child %q", kind)
}

// readWithProvider reads through the provider's protocol server, as
// terraform would: configure, then ReadDataSource, whose state comes back
// encoded.
func readWithProvider(emuURL, endpoint string, n int, cpuprofile, memprofile string) (result, error) {
	// The provider's Debug lines, for its own "read complete" duration.
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	srv, err := providerserver.NewProtocol6WithError(provider.New("bench")())()
	if err != nil {
		return result{}, err
	}
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || diagsErr(schemas.Diagnostics) != nil {
		return result{}, fmt.Errorf("schema: %v %v", err, diagsErr(schemas.Diagnostics))
	}
	cfg, err := dynamicValue(schemas.Provider.ValueType(), map[string]tftypes.Value{
		"account_sid": tftypes.NewValue(tftypes.String, emulator.DefaultUsername),
		"auth_token":  tftypes.NewValue(tftypes.String, emulator.DefaultPassword),
		"base_url":    tftypes.NewValue(tftypes.String, emuURL),
	})
	if err != nil {
		return result{}, err
	}
	cr, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.5.7", Config: cfg})
	if err != nil || diagsErr(cr.Diagnostics) != nil {
		return result{}, fmt.Errorf("configure: %v %v", err, diagsErr(cr.Diagnostics))
	}
	typeName, inputs, list := "twilio_conversations", map[string]tftypes.Value{}, "conversations"
	if endpoint == "v1" {
		typeName = "twilio_participant_conversations"
		inputs["identity"] = tftypes.NewValue(tftypes.String, "alice")
	}
	dsType := schemas.DataSourceSchemas[typeName].ValueType()
	dsCfg, err := dynamicValue(dsType, inputs)
	if err != nil {
		return result{}, err
	}
	var state *tfprotov6.DynamicValue
	r, err := measure(cpuprofile, memprofile, func() (int, string, error) {
		resp, err := srv.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: typeName, Config: dsCfg})
		if err != nil {
			return 0, "", err
		}
		if err := diagsErr(resp.Diagnostics); err != nil {
			return 0, "", err
		}
		state = resp.State
		return -1, "", nil
	}, n)
	if err != nil {
		return result{}, err
	}
	// Count what reached state, outside the measured time.
	v, err := state.Unmarshal(dsType)
	if err != nil {
		return result{}, err
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		return result{}, err
	}
	var items []tftypes.Value
	if err := attrs[list].As(&items); err != nil {
		return result{}, err
	}
	r.Items, r.Complete = len(items), len(items) == n
	r.Provider = readCompleteMs(logs.String())
	r.FinalList = finalListMs(attrs[list].Type(), items)
	return r, nil
}

// finalListMs is how long building the state's list of items takes, at
// best of three: the Read does it once, in one tftypes.NewValue that
// checks every item's type on one core, after the last page has arrived,
// so no overlap with the network can hide it.
func finalListMs(t tftypes.Type, items []tftypes.Value) float64 {
	best := time.Duration(0)
	for range 3 {
		start := time.Now()
		_ = tftypes.NewValue(t, items)
		if d := time.Since(start); best == 0 || d < best {
			best = d
		}
	}
	return float64(best) / 1e6
}

// readCompleteMs is duration_ms of the provider's JSON "read complete" line.
func readCompleteMs(logs string) float64 {
	for _, line := range strings.Split(logs, "\n") {
		var l struct {
			Message  string  `json:"@message"`
			Duration float64 `json:"duration_ms"`
		}
		if json.Unmarshal([]byte(line), &l) == nil && l.Message == "read complete" {
			return l.Duration
		}
	}
	return 0
}

func dynamicValue(t tftypes.Type, set map[string]tftypes.Value) (*tfprotov6.DynamicValue, error) {
	obj, ok := t.(tftypes.Object)
	if !ok {
		return nil, fmt.Errorf("schema type %s is not an object", t)
	}
	vals := map[string]tftypes.Value{}
	for name, at := range obj.AttributeTypes {
		if v, ok := set[name]; ok {
			vals[name] = v
		} else {
			vals[name] = tftypes.NewValue(at, nil)
		}
	}
	dv, err := tfprotov6.NewDynamicValue(t, tftypes.NewValue(t, vals))
	return &dv, err
}

func diagsErr(ds []*tfprotov6.Diagnostic) error {
	for _, d := range ds {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return fmt.Errorf("%s: %s", d.Summary, d.Detail)
		}
	}
	return nil
}

// toEmulator sends what twilio-go addresses to Twilio's hosts to the
// emulator instead, as a user would with a proxy.
type toEmulator struct{ target *url.URL }

func (t toEmulator) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host, r.Host = t.target.Scheme, t.target.Host, t.target.Host
	return http.DefaultTransport.RoundTrip(r)
}

// readWithTwilioGo lists the same items with the official Go SDK.
func readWithTwilioGo(emuURL, endpoint string, n int) (int, string, error) {
	target, err := url.Parse(emuURL)
	if err != nil {
		return 0, "", err
	}
	base := &twclient.Client{
		Credentials: twclient.NewCredentials(emulator.DefaultUsername, emulator.DefaultPassword),
		HTTPClient:  &http.Client{Transport: toEmulator{target}, Timeout: 60 * time.Second},
	}
	base.SetAccountSid(emulator.DefaultUsername)
	c := twilio.NewRestClientWithParams(twilio.ClientParams{Username: emulator.DefaultUsername, Password: emulator.DefaultPassword, Client: base})
	if endpoint == "v1" {
		items, err := c.ConversationsV1.ListParticipantConversation((&convv1.ListParticipantConversationParams{}).SetIdentity("alice").SetPageSize(50))
		return len(items), "", err
	}
	// The v2 pager is known to lose its place after page 1; stop it once
	// it has returned more than exists, or after a minute.
	records, errs := c.ConversationsV2.StreamConversationByAccount((&convv2.ListConversationByAccountParams{}).SetPageSize(1000))
	seen, total := map[string]bool{}, 0
	deadline := time.After(time.Minute)
	for {
		select {
		case rec, ok := <-records:
			if !ok {
				if err := drain(errs); err != nil {
					// What a script gets: a short list and an error it may
					// or may not check.
					return len(seen), "failed after page 1: " + firstLine(err.Error()), nil
				}
				return len(seen), note(total, len(seen)), nil
			}
			total++
			seen[rec.Id] = true
			if total > 2*n {
				return len(seen), fmt.Sprintf("stopped after %d items with %d distinct: its pager repeats pages", total, len(seen)), nil
			}
		case <-deadline:
			return len(seen), "timed out", nil
		}
	}
}

func note(total, distinct int) string {
	if total != distinct {
		return fmt.Sprintf("%d items, %d distinct", total, distinct)
	}
	return ""
}

func drain(errs chan error) error {
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 90 {
		s = s[:90] + "…"
	}
	return s
}

// peakRSS is this process's peak resident set in KiB, from /proc: unlike
// getrusage, it does not carry the parent's high-water mark across exec.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			var kb int64
			if _, err := fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:")), "%d", &kb); err != nil {
				return 0
			}
			return kb
		}
	}
	return 0
}
