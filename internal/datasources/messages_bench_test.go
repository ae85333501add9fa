package datasources

import (
	"context"
	"net/http/httptest"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// BenchmarkReadMessages is the read behind twilio_messages_v1 of one
// conversation of 100,000 messages from the emulator with 20 ms of latency
// per request (1,000 pages of 100), counts only and with the items. It
// reports the read's wall time over the network floor, and the peak of
// the Go heap above what it was before the read (base-heap-MiB, mostly the
// emulator's 100,000 messages), sampled every millisecond: with the
// emulator in the process, that peak is mostly the garbage collector's
// headroom over the emulator's data, an upper bound of the read's own.
//
//	go test ./internal/datasources/ -run '^$' -bench BenchmarkReadMessages -benchtime 1x
func BenchmarkReadMessages(b *testing.B) {
	for _, latency := range []time.Duration{20 * time.Millisecond, 0} {
		for _, include := range []bool{false, true} {
			b.Run("latency="+latency.String()+"/include_items="+strconv.FormatBool(include), func(b *testing.B) { benchmarkReadMessages(b, 100_000, include, latency) })
		}
	}
}

// With no latency, the read's cost is its CPU time alone: ms/page says
// how much of each 20 ms round trip the provider and the emulator fill.
func benchmarkReadMessages(b *testing.B, n int, include bool, latency time.Duration) {
	d := emulator.Generate(emulator.GenerateOptions{Seed: 42, V1Conversations: 1, Users: 3, MessagesPerConversation: n})
	srv, err := emulator.New(d, emulator.Options{Faults: emulator.Faults{Latency: latency}})
	if err != nil {
		b.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	b.Cleanup(hs.Close)
	c, err := client.New(client.Config{Username: emulator.DefaultUsername, Password: emulator.DefaultPassword, BaseURL: hs.URL})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	ds := &messagesV1DataSource{configured{client: c}}
	config := configOf(ds, map[string]tftypes.Value{
		"conversation":  tftypes.NewValue(tftypes.String, d.Services[0].Conversations[0].Sid),
		"include_items": tftypes.NewValue(tftypes.Bool, include),
	})

	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
		}
	}()
	start := srv.RequestCount()
	var size int
	b.ResetTimer()
	for b.Loop() {
		state, diags := ds.ReadState(ctx, config)
		if diags.HasError() {
			b.Fatal(diags)
		}
		size = len(state)
	}
	b.StopTimer()
	close(stop)
	<-done
	requests := srv.RequestCount() - start
	if latency > 0 {
		b.ReportMetric(float64(b.Elapsed())/float64(time.Duration(requests)*latency), "wall/floor")
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(requests), "ms/page")
	b.ReportMetric(float64(base)/(1<<20), "base-heap-MiB")
	b.ReportMetric(float64(peak.Load()-min(base, peak.Load()))/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(size)/(1<<20), "state-MiB")
	b.ReportMetric(vmHWM()/(1<<10), "peak-RSS-MiB")
}

// vmHWM is the process's peak resident set, in KiB, from Linux's
// /proc/self/status; 0 elsewhere.
func vmHWM() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb
		}
	}
	return 0
}
