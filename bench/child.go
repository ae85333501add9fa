package main

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"strings"
	"syscall"
	"time"

	twilio "github.com/twilio/twilio-go"
	twclient "github.com/twilio/twilio-go/client"
	convv1 "github.com/twilio/twilio-go/rest/conversations/v1"
	convv2 "github.com/twilio/twilio-go/rest/conversations/v2"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// measure runs read and reports its wall time, CPU time, allocations and
// the process's peak RSS.
func measure(read func() (int, string, error), n int) (result, error) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var ru0, ru1 syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	start := time.Now()
	items, note, err := read()
	wall := time.Since(start)
	if err != nil {
		return result{}, err
	}
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	runtime.ReadMemStats(&after)
	cpu := time.Duration(syscall.TimevalToNsec(ru1.Utime)-syscall.TimevalToNsec(ru0.Utime)) +
		time.Duration(syscall.TimevalToNsec(ru1.Stime)-syscall.TimevalToNsec(ru0.Stime))
	return result{
		Items: items, WallNs: int64(wall), CPUNs: int64(cpu),
		Allocs: after.Mallocs - before.Mallocs, Bytes: after.TotalAlloc - before.TotalAlloc,
		PeakRSS: peakRSS(), Complete: items == n, Note: note,
	}, nil
}

func runChild(kind, emuURL, endpoint string, n int) (result, error) {
	if kind != "twilio-go" {
		return result{}, fmt.Errorf("unknown child %q", kind)
	}
	return measure(func() (int, string, error) { return readWithTwilioGo(emuURL, endpoint, n) }, n)
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
	// twilio-go's v2 pager asks for page 2 on with parameters the v2 API
	// does not know (see twilioGoV2Cause); stop it once it has returned
	// more than exists, or after a minute.
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
				return len(seen), fmt.Sprintf("stopped after %d items with %d distinct: from page 2 on, its pager gets the first page again", total, len(seen)), nil
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
