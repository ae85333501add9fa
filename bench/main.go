// Command bench measures the provider reading large accounts from the
// emulator with a set network latency, and compares it with what a user
// would otherwise script with github.com/twilio/twilio-go. It lives in its
// own module so that the provider never depends on twilio-go.
//
//	go run . -latency 20ms -out ../BENCHMARKS.md
//
// Each case runs in a child process (so that its CPU time and peak memory
// are its own) against an emulator served by this process.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// result is what a child reports.
type result struct {
	Items    int     `json:"items"`
	WallNs   int64   `json:"wall_ns"`
	CPUNs    int64   `json:"cpu_ns"`
	Allocs   uint64  `json:"allocs"`
	Bytes    uint64  `json:"bytes"`
	PeakRSS  int64   `json:"peak_rss_kb"`
	Complete bool    `json:"complete"`
	Note     string  `json:"note,omitempty"`
	Provider float64 `json:"provider_ms,omitempty"` // e2e: the provider's own read
	// FinalList is the time to build the state's list of all items, the
	// step of a read that follows the last page.
	FinalList float64 `json:"final_list_ms,omitempty"`
}

type benchCase struct {
	name     string // what is read
	endpoint string // "v2" or "v1"
	client   string // "provider", "twilio-go", "terraform plan"
	n        int
}

func main() {
	child := flag.String("child", "", "internal: run one case in this process (provider, twilio-go)")
	url := flag.String("url", "", "internal: emulator URL")
	endpoint := flag.String("endpoint", "v2", "internal: v2 or v1")
	n := flag.Int("n", 0, "internal: items expected")
	cpuprofile := flag.String("cpuprofile", "", "internal: write a CPU profile of the read")
	memprofile := flag.String("memprofile", "", "internal: write a heap profile after the read")

	latency := flag.Duration("latency", 20*time.Millisecond, "network latency the emulator adds to every request")
	v2sizes := flag.String("v2", "1000,10000,100000", "numbers of v2 conversations to read")
	v1sizes := flag.String("v1", "1000,10000", "numbers of v1 participant conversations to read")
	e2esizes := flag.String("e2e", "1000,10000", "numbers of v2 conversations for the terraform plan cases ('' for none)")
	twilioGo := flag.Bool("twilio-go", true, "add the twilio-go comparison rows")
	out := flag.String("out", "", "also write the Markdown report to this file")
	profileDir := flag.String("profile-dir", "", "write CPU and heap profiles of each provider case here")
	flag.Parse()

	if *child != "" {
		r, err := runChild(*child, *url, *endpoint, *n, *cpuprofile, *memprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench child:", err)
			os.Exit(1)
		}
		_ = json.NewEncoder(os.Stdout).Encode(r)
		return
	}

	var cases []benchCase
	for _, s := range sizes(*v2sizes) {
		cases = append(cases, benchCase{"v2 conversations", "v2", "provider", s})
	}
	for _, s := range sizes(*v1sizes) {
		cases = append(cases, benchCase{"v1 participant conversations", "v1", "provider", s})
	}
	if *twilioGo {
		for _, s := range sizes(*v1sizes) {
			cases = append(cases, benchCase{"v1 participant conversations", "v1", "twilio-go", s})
		}
		// Several pages, so that the SDK's v2 paging is exercised.
		if v := sizes(*v2sizes); len(v) > 0 {
			cases = append(cases, benchCase{"v2 conversations", "v2", "twilio-go", v[min(1, len(v)-1)]})
		}
	}
	for _, s := range sizes(*e2esizes) {
		cases = append(cases, benchCase{"v2 conversations", "v2", "terraform plan", s})
	}

	var rows []string
	for _, c := range cases {
		row, err := runCase(c, *latency, *profileDir)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s %s N=%d: %v\n", c.client, c.name, c.n, err)
			os.Exit(1)
		}
		fmt.Fprintln(os.Stderr, row)
		rows = append(rows, row)
	}
	report := render(rows, *latency)
	fmt.Print(report)
	if *out != "" {
		if err := os.WriteFile(*out, []byte(report), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func sizes(s string) []int {
	var out []int
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			n, err := strconv.Atoi(f)
			if err != nil || n < 1 {
				fmt.Fprintf(os.Stderr, "bad size %q\n", f)
				os.Exit(2)
			}
			out = append(out, n)
		}
	}
	return out
}

// dataset builds an account with n items on the endpoint: n conversations
// with two participants each, or n v1 conversations that alice is in.
func dataset(endpoint string, n int) *emulator.Dataset {
	if endpoint == "v2" {
		return emulator.Generate(emulator.GenerateOptions{Seed: 42, Conversations: n, ParticipantsPerConversation: 2})
	}
	return emulator.Generate(emulator.GenerateOptions{Seed: 42, V1Conversations: n, Users: 4})
}

func runCase(c benchCase, latency time.Duration, profileDir string) (string, error) {
	srv, err := emulator.New(dataset(c.endpoint, c.n), emulator.Options{Faults: emulator.Faults{Latency: latency}})
	if err != nil {
		return "", err
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()

	var r result
	if c.client == "terraform plan" {
		r, err = runPlan(hs.URL, c.n)
	} else {
		args := []string{"-child", c.client, "-url", hs.URL, "-endpoint", c.endpoint, "-n", strconv.Itoa(c.n)}
		if profileDir != "" && c.client == "provider" {
			base := fmt.Sprintf("%s/%s-%d", profileDir, c.endpoint, c.n)
			args = append(args, "-cpuprofile", base+".cpu.prof", "-memprofile", base+".mem.prof")
		}
		r, err = runSelf(args...)
	}
	if err != nil {
		return "", err
	}
	pageMax := 1000
	if c.endpoint == "v1" {
		pageMax = 50
	}
	minReq := (c.n + pageMax - 1) / pageMax
	reqs := srv.RequestCount()
	if c.client == "terraform plan" {
		reqs /= 1 // plan reads the data source once
	}
	floor := time.Duration(reqs) * latency
	wall := time.Duration(r.WallNs)
	complete := "yes"
	if !r.Complete {
		complete = fmt.Sprintf("**no**: %d of %d", r.Items, c.n)
	}
	if r.Note != "" {
		complete += " (" + r.Note + ")"
	}
	cpuPerItem := "–"
	if r.CPUNs > 0 && r.Items > 0 {
		cpuPerItem = fmt.Sprintf("%.1f µs", float64(r.CPUNs)/float64(r.Items)/1e3)
	}
	providerShare, framework := "–", "–"
	read := time.Duration(r.Provider * 1e6)
	switch {
	case r.Provider > 0 && c.client == "terraform plan":
		providerShare = fmt.Sprintf("%s (%.0f%% of the plan)", ms(read), 100*float64(read)/float64(wall))
	case r.Provider > 0:
		least := floor + time.Duration(r.FinalList*1e6)
		providerShare = fmt.Sprintf("%s (%.2f × floor; least %.2f ×)", ms(read), float64(read)/float64(floor), float64(least)/float64(floor))
		framework = ms(wall - read)
	}
	return fmt.Sprintf("| %s | %s | %d | %d (%d) | %s | %s | %.2f | %s | %s | %s | %s | %s | %s | %s | %s |",
		c.client, c.name, c.n, reqs, minReq, ms(wall), ms(floor), float64(wall)/float64(floor),
		providerShare, framework, ms(time.Duration(r.CPUNs)), cpuPerItem, count(r.Allocs), mib(r.Bytes), mib(uint64(r.PeakRSS)*1024), complete), nil
}

func runSelf(args ...string) (result, error) {
	exe, err := os.Executable()
	if err != nil {
		return result{}, err
	}
	var out, errb bytes.Buffer
	cmd := exec.Command(exe, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return result{}, fmt.Errorf("%v: %s", err, errb.String())
	}
	var r result
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		return result{}, fmt.Errorf("child said %q: %w", out.String(), err)
	}
	return r, nil
}

func render(rows []string, latency time.Duration) string {
	host, _ := os.Hostname()
	var b strings.Builder
	fmt.Fprintf(&b, "# Benchmarks\n\n")
	fmt.Fprintf(&b, "`make bench` (`cd bench && go run . -latency %s`): reads from the local emulator, which delays every response by L = %s to stand for the network. ", latency, latency)
	fmt.Fprintf(&b, "Each row runs in its own process; the emulator runs in the parent.\n\n")
	fmt.Fprintf(&b, "Machine: %s, %s/%s, %d CPUs, %s.\n\n", host, runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	b.WriteString("- **requests (min)**: requests made, and the fewest possible, `ceil(N / max page size)`.\n")
	b.WriteString("- **floor**: requests × L, the time the network alone takes; **wall / floor** is the overhead on top of it.\n")
	b.WriteString("- **wall**: the whole `ReadDataSource` call, as terraform makes it. **provider read**: the data source's own Read (client, paging, mapping into state), from its `read complete` log line, against the floor, and the least it could be: the floor plus the time to build the state's list of all N items in one `tftypes.NewValue`, measured in the same process after the read. That step checks every item's type on one core once the last page has arrived, so no overlap with the network can hide it. For `terraform plan`, its share of the whole plan. **framework after Read**: the rest of the wall, which the plugin framework spends on the state the Read returned (copies, semantic equality, null-block reification, msgpack encoding) and no provider code runs in.\n")
	b.WriteString("- **CPU**, **allocs**, **allocated**, **peak RSS**: of the process that reads (the provider in process, twilio-go, or the provider plugin under terraform: CPU and memory not measured there).\n\n")
	b.WriteString("| client | read | N | requests (min) | wall | floor | wall / floor | provider read | framework after Read | CPU | CPU / item | allocs | allocated | peak RSS | complete |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n")
	for _, r := range rows {
		b.WriteString(r + "\n")
	}
	return b.String()
}

func ms(d time.Duration) string {
	if d <= 0 {
		return "–"
	}
	if d < 10*time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

func mib(b uint64) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
}

func count(n uint64) string {
	switch {
	case n == 0:
		return "–"
	case n >= 1e6:
		return fmt.Sprintf("%.2f M", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f k", float64(n)/1e3)
	}
	return strconv.FormatUint(n, 10)
}
