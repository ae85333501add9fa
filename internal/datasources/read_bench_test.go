package datasources

import (
	"context"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// BenchmarkReadConversations is the provider's own Read of N v2
// conversations from the emulator with 20 ms of latency per request:
// client, paging and mapping into state, without the framework's work
// afterwards, which `make bench` measures too. It reports the read's wall
// time over the network floor.
func BenchmarkReadConversations(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) { benchmarkRead(b, n) })
	}
}

func benchmarkRead(b *testing.B, n int) {
	const latency = 20 * time.Millisecond
	srv, err := emulator.New(emulator.Generate(emulator.GenerateOptions{Seed: 42, Conversations: n, ParticipantsPerConversation: 2}),
		emulator.Options{Faults: emulator.Faults{Latency: latency}})
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
	ds := &conversationsDataSource{client: c}
	config := configOf(ds, nil)

	start := srv.RequestCount()
	b.ResetTimer()
	for b.Loop() {
		resp := datasource.ReadResponse{State: tfsdk.State{Schema: config.Schema, Raw: config.Raw.Copy()}}
		ds.Read(ctx, datasource.ReadRequest{Config: config}, &resp)
		if resp.Diagnostics.HasError() {
			b.Fatal(resp.Diagnostics)
		}
	}
	floor := time.Duration(srv.RequestCount()-start) * latency
	b.ReportMetric(float64(b.Elapsed())/float64(floor), "wall/floor")
}
