package provider_test

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/provider"
)

// xs is what the huge strings are made of, written as it is: the server
// allocates nothing per string.
var xs = []byte(strings.Repeat("x", 64<<10))

// hugeConversations serves pages of conversations whose names are huge
// strings, written as they are sent, so that the server holds none of
// them. gzip compresses the pages, which Go's transport undoes, so the
// client does not know their length, as with Twilio; otherwise they have a
// Content-Length, as the emulator sends.
type hugeConversations struct {
	pages, perPage, size int
	gzip                 bool
}

func (h hugeConversations) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	page := 1
	if t := r.URL.Query().Get("pageToken"); t != "" {
		page, _ = strconv.Atoi(t)
	}
	var parts []string
	for i := range h.perPage {
		sep := ","
		if i == 0 {
			sep = `{"conversations":[`
		}
		parts = append(parts, fmt.Sprintf(`%s{"id":"c%d_%d","name":"`, sep, page, i), "", `"}`)
	}
	next := "null"
	if page < h.pages {
		next = strconv.Quote(strconv.Itoa(page + 1))
	}
	parts = append(parts, `],"meta":{"nextToken":`+next+`}}`)
	var out io.Writer = w
	if h.gzip {
		w.Header().Set("Content-Encoding", "gzip")
		zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
		defer zw.Close()
		out = zw
	} else {
		n := h.perPage * h.size
		for _, p := range parts {
			n += len(p)
		}
		w.Header().Set("Content-Length", strconv.Itoa(n))
	}
	for _, p := range parts {
		if p != "" {
			io.WriteString(out, p)
			continue
		}
		for s := h.size; s > 0; s -= len(xs) {
			out.Write(xs[:min(s, len(xs))])
		}
	}
}

// heapPeak runs fn and returns by how much the heap's objects grew, at
// most, sampled every 100µs with runtime/metrics.
func heapPeak(fn func()) uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	runtime.GC()
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		peak := uint64(0)
		tick := time.NewTicker(100 * time.Microsecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-stop:
				done <- peak
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(stop)
	return max(<-done, base) - base
}

func dynamicValue(tb testing.TB, typ tftypes.Type, set map[string]tftypes.Value) *tfprotov6.DynamicValue {
	tb.Helper()
	attrs := map[string]tftypes.Value{}
	for name, at := range typ.(tftypes.Object).AttributeTypes {
		attrs[name] = tftypes.NewValue(at, nil)
	}
	for name, v := range set {
		attrs[name] = v
	}
	dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, attrs))
	if err != nil {
		tb.Fatal(err)
	}
	return &dv
}

// BenchmarkReadHugeStrings is what the provider's ReadDataSource holds at
// most, the client's share and the state's, to read eight 10 MB strings
// over two pages, as twilio_conversations; the state it returns is kept,
// as gRPC holds it until it is sent. It reports the heap's peak growth
// (MiB) at GOGC=100 and at GOGC=10, where the peak is close to what was
// live at once.
//
//	go test -run '^$' -bench ReadHugeStrings -benchtime 3x ./internal/provider
func BenchmarkReadHugeStrings(b *testing.B) {
	const pages, perPage, size = 2, 4, 10 << 20
	for _, gz := range []bool{false, true} {
		for _, gogc := range []int{100, 10} {
			b.Run(fmt.Sprintf("gzip=%v/gogc=%d", gz, gogc), func(b *testing.B) {
				srv := httptest.NewServer(hugeConversations{pages, perPage, size, gz})
				defer srv.Close()
				ctx := context.Background()
				s := provider.NewServer("test")()
				schemas, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
				if err != nil {
					b.Fatal(err)
				}
				cresp, err := s.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: dynamicValue(b, schemas.Provider.ValueType(), map[string]tftypes.Value{
					"account_sid": tftypes.NewValue(tftypes.String, "AC00000000000000000000000000000001"),
					"auth_token":  tftypes.NewValue(tftypes.String, "token"),
					"base_url":    tftypes.NewValue(tftypes.String, srv.URL),
				})})
				if err != nil || len(cresp.Diagnostics) > 0 {
					b.Fatal(err, cresp.Diagnostics)
				}
				config := dynamicValue(b, schemas.DataSourceSchemas["twilio_conversations"].ValueType(), nil)
				defer debug.SetGCPercent(debug.SetGCPercent(gogc))
				var worst uint64
				for b.Loop() {
					var resp *tfprotov6.ReadDataSourceResponse
					peak := heapPeak(func() {
						resp, err = s.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: "twilio_conversations", Config: config})
					})
					if err != nil || len(resp.Diagnostics) > 0 {
						b.Fatal(err, resp.Diagnostics)
					}
					if n := len(resp.State.MsgPack); n < pages*perPage*size {
						b.Fatalf("a state of %d bytes", n)
					}
					worst = max(worst, peak)
				}
				b.ReportMetric(float64(worst)/(1<<20), "peak-MiB")
				b.ReportMetric(float64(worst)/float64(pages*perPage*size), "peak/data")
			})
		}
	}
}
