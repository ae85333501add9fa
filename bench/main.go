// Command bench measures what a user waits for: terraform plan of one data
// source reading a large account from the emulator, with a set network
// latency, and the provider's share of it. For comparison it reads the same
// items with github.com/twilio/twilio-go, which is why it lives in its own
// module: the provider never depends on twilio-go.
//
//	go run . -latency 20ms -out ../BENCHMARKS.md
//
// The emulator runs in this process. Plans run interleaved, each case once
// per round, so that a busy moment of the machine spreads over every case.
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
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// result is what a twilio-go child reports.
type result struct {
	Items    int    `json:"items"`
	WallNs   int64  `json:"wall_ns"`
	CPUNs    int64  `json:"cpu_ns"`
	Allocs   uint64 `json:"allocs"`
	Bytes    uint64 `json:"bytes"`
	PeakRSS  int64  `json:"peak_rss_kb"`
	Complete bool   `json:"complete"`
	Note     string `json:"note,omitempty"`
}

// account is one emulated account and what reading it takes.
type account struct {
	name     string // what is read
	endpoint string // "v2", "v1", "classic" or "messages"
	n        int
	srv      *emulator.Server
	url      string
	close    func()
	// ds is the data source read, whole or for its counts only, and an
	// output that makes terraform use every item.
	ds func(countsOnly bool) string
}

// dataSource is the configuration of one data source of type typ with
// body, and an output of its number of items.
func dataSource(typ, list, body string) func(bool) string {
	return func(countsOnly bool) string {
		if countsOnly {
			return fmt.Sprintf("data %q \"x\" {\n%s\ninclude_items = false\n}\noutput \"count\" { value = data.%s.x.total }", typ, body, typ)
		}
		return fmt.Sprintf("data %q \"x\" {\n%s\n}\noutput \"count\" { value = length(data.%s.x.%s) }", typ, body, typ, list)
	}
}

func newAccount(endpoint string, n int, latency time.Duration) (*account, error) {
	var d *emulator.Dataset
	a := &account{endpoint: endpoint, n: n}
	switch endpoint {
	case "v2":
		d = emulator.Generate(emulator.GenerateOptions{Seed: 42, Conversations: n, ParticipantsPerConversation: 2})
		a.name, a.ds = "v2 conversations", dataSource("twilio_conversations", "conversations", "")
	case "v1":
		d = emulator.Generate(emulator.GenerateOptions{Seed: 42, V1Conversations: n, Users: 4})
		a.name, a.ds = "v1 participant conversations", dataSource("twilio_participant_conversations", "conversations", `identity = "alice"`)
	case "classic":
		d = emulator.Generate(emulator.GenerateOptions{Seed: 42, V1Conversations: n, Users: 4})
		a.name, a.ds = "v1 conversations (classic)", dataSource("twilio_conversations_v1", "conversations", "")
	case "messages":
		d = emulator.Generate(emulator.GenerateOptions{Seed: 42, V1Conversations: 1, Users: 2, MessagesPerConversation: n})
		a.name, a.ds = "v1 messages of one conversation", dataSource("twilio_messages_v1", "messages", fmt.Sprintf("conversation = %q", d.Services[0].Conversations[0].Sid))
	default:
		return nil, fmt.Errorf("unknown endpoint %q", endpoint)
	}
	srv, err := emulator.New(d, emulator.Options{Faults: emulator.Faults{Latency: latency}})
	if err != nil {
		return nil, err
	}
	hs := httptest.NewServer(srv)
	a.srv, a.url, a.close = srv, hs.URL, hs.Close
	return a, nil
}

// pageMax is the endpoint's largest page.
func (a *account) pageMax() int {
	switch a.endpoint {
	case "v1":
		return 50
	case "classic", "messages":
		return 100
	}
	return 1000
}

func main() {
	child := flag.String("child", "", "internal: run one twilio-go read in this process")
	url := flag.String("url", "", "internal: emulator URL")
	endpoint := flag.String("endpoint", "v2", "internal: v2 or v1")
	n := flag.Int("n", 0, "internal: items expected")

	latency := flag.Duration("latency", 20*time.Millisecond, "network latency the emulator adds to every request")
	v2sizes := flag.String("v2", "1000,10000,20000,100000", "numbers of v2 conversations to plan")
	v1sizes := flag.String("v1", "1000,10000", "numbers of v1 participant conversations to plan")
	countsOnly := flag.Int("counts-only", 100000, "also plan this many v2 conversations with include_items = false (0 for none)")
	classic := flag.String("classic", "10000", "numbers of classic v1 conversations to plan, whole and counts only")
	messages := flag.String("messages", "100000", "numbers of v1 messages of one conversation to plan, whole and counts only")
	runs := flag.Int("runs", 3, "plans of each case, interleaved")
	twilioGo := flag.Bool("twilio-go", true, "add the twilio-go comparison rows")
	out := flag.String("out", "", "also write the Markdown report to this file")
	flag.Parse()

	if *child != "" {
		r, err := runChild(*child, *url, *endpoint, *n)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench child:", err)
			os.Exit(1)
		}
		_ = json.NewEncoder(os.Stdout).Encode(r)
		return
	}
	if err := run(*latency, sizes(*v2sizes), sizes(*v1sizes), sizes(*classic), sizes(*messages), *countsOnly, *runs, *twilioGo, *out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// benchCase is one plan to repeat: an account, read whole or for its
// counts only.
type benchCase struct {
	*account
	countsOnly bool
}

func (c benchCase) String() string {
	if c.countsOnly {
		return fmt.Sprintf("%s, counts only (`include_items = false`)", c.name)
	}
	return c.name
}

func run(latency time.Duration, v2, v1, classic, messages []int, countsOnly, runs int, twilioGo bool, out string) error {
	before := readCPU()
	var cases []benchCase
	for _, c := range []struct {
		endpoint string
		sizes    []int
	}{{"v2", v2}, {"v1", v1}} {
		for _, n := range c.sizes {
			a, err := newAccount(c.endpoint, n, latency)
			if err != nil {
				return err
			}
			defer a.close()
			cases = append(cases, benchCase{account: a})
		}
	}
	// Classic conversations and messages, each whole and for its counts.
	for _, c := range []struct {
		endpoint string
		sizes    []int
	}{{"classic", classic}, {"messages", messages}} {
		for _, n := range c.sizes {
			a, err := newAccount(c.endpoint, n, latency)
			if err != nil {
				return err
			}
			defer a.close()
			cases = append(cases, benchCase{account: a}, benchCase{account: a, countsOnly: true})
		}
	}
	if countsOnly > 0 {
		a := cases[0].account
		for _, c := range cases {
			if c.endpoint == "v2" && c.n == countsOnly {
				a = c.account
			}
		}
		if a.endpoint != "v2" || a.n != countsOnly {
			var err error
			if a, err = newAccount("v2", countsOnly, latency); err != nil {
				return err
			}
			defer a.close()
		}
		cases = append(cases, benchCase{account: a, countsOnly: true})
	}
	p, err := newPlanner()
	if err != nil {
		return err
	}
	defer p.close()

	plans := make([][]plan, len(cases))
	requests := make([]int, len(cases))
	for round := range runs {
		for i, c := range cases {
			start := c.srv.RequestCount()
			r, err := p.run(c.url, c.ds(c.countsOnly))
			if err != nil {
				return fmt.Errorf("%s N=%d: %w", c, c.n, err)
			}
			if r.items != c.n {
				return fmt.Errorf("%s N=%d: the plan read %d items", c, c.n, r.items)
			}
			requests[i] = c.srv.RequestCount() - start
			plans[i] = append(plans[i], r)
			fmt.Fprintf(os.Stderr, "round %d: %s N=%d: plan %s, ReadDataSource %s, peak RSS %s\n",
				round+1, c, c.n, ms(r.wall), ms(r.provider), mib(r.rssKiB<<10))
		}
	}

	var rows []string
	for i, c := range cases {
		rows = append(rows, planRow(c, plans[i], requests[i], latency))
	}
	var goRows []string
	goV2Incomplete := false
	if twilioGo {
		for _, c := range cases {
			a := c.account
			if c.countsOnly {
				continue
			}
			// Both v1 sizes, and one v2 size of several pages, so that the
			// SDK's v2 paging is exercised.
			if a.endpoint == "v1" || a.endpoint == "v2" && a.n == 10000 {
				row, complete, err := twilioGoRow(a, latency)
				if err != nil {
					return err
				}
				goRows = append(goRows, row)
				goV2Incomplete = goV2Incomplete || a.endpoint == "v2" && !complete
			}
		}
	}
	report := render(rows, goRows, goV2Incomplete, latency, runs, before, readCPU())
	fmt.Print(report)
	if out != "" {
		return os.WriteFile(out, []byte(report), 0o644)
	}
	return nil
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

// planRow is the min and median of each measure of one case's plans.
func planRow(a benchCase, ps []plan, requests int, latency time.Duration) string {
	floor := time.Duration(requests) * latency
	minReq := (a.n + a.pageMax() - 1) / a.pageMax()
	wall := stats(ps, func(p plan) float64 { return float64(p.wall) })
	prov := stats(ps, func(p plan) float64 { return float64(p.provider) })
	ratio := stats(ps, func(p plan) float64 { return float64(p.provider) / float64(floor) })
	core := stats(ps, func(p plan) float64 { return float64(p.wall - p.provider) })
	share := stats(ps, func(p plan) float64 { return float64(p.wall) / float64(p.wall-p.provider) })
	rss := stats(ps, func(p plan) float64 { return float64(p.rssKiB << 10) })
	d := func(f float64) string { return ms(time.Duration(f)) }
	return fmt.Sprintf("| %s | %d | %d (%d) | %s | %s / %s | %s / %s | **%.2f** / %.2f | %s / %s | %.3f / %.3f | %s / %s |",
		a, a.n, requests, minReq, ms(floor), d(wall[0]), d(wall[1]), d(prov[0]), d(prov[1]), ratio[0], ratio[1],
		d(core[0]), d(core[1]), share[0], share[1], mib(int64(rss[0])), mib(int64(rss[1])))
}

// stats is the min and the median of f over ps.
func stats(ps []plan, f func(plan) float64) [2]float64 {
	vs := make([]float64, len(ps))
	for i, p := range ps {
		vs[i] = f(p)
	}
	slices.Sort(vs)
	return [2]float64{vs[0], vs[len(vs)/2]}
}

// twilioGoRow reads a with twilio-go and says whether it read every item.
func twilioGoRow(a *account, latency time.Duration) (string, bool, error) {
	start := a.srv.RequestCount()
	r, err := runSelf("-child", "twilio-go", "-url", a.url, "-endpoint", a.endpoint, "-n", strconv.Itoa(a.n))
	if err != nil {
		return "", false, fmt.Errorf("twilio-go %s N=%d: %w", a.name, a.n, err)
	}
	requests := a.srv.RequestCount() - start
	floor := time.Duration(requests) * latency
	complete := "yes"
	if !r.Complete {
		complete = fmt.Sprintf("**no**: %d of %d", r.Items, a.n)
	}
	if r.Note != "" {
		complete += " (" + r.Note + ")"
	}
	return fmt.Sprintf("| %s | %d | %d (%d) | %s | %s | %.2f | %s | %s | %s |", a.name, a.n, requests, (a.n+a.pageMax()-1)/a.pageMax(),
		ms(floor), ms(time.Duration(r.WallNs)), float64(r.WallNs)/float64(floor), ms(time.Duration(r.CPUNs)), mib(r.PeakRSS<<10), complete), r.Complete, nil
}

// twilioGoV2Cause says why twilio-go's v2 reads come out incomplete: its
// own pager, in the version bench/go.mod pins. The table alone would show
// the failure as a result of the comparison, without its cause.
const twilioGoV2Cause = "twilio-go's v2 read is incomplete because of its own pager (twilio-go v1.31.0). " +
	"For every page after the first it builds the URL from the bare list path, so the caller's filters (`status`, `channelId`) are dropped " +
	"(`rest/conversations/v2/conversations.go:471`); it asks for that page with `PageSize` and `PageToken` (`client/page_util.go:268-292`), " +
	"where the v2 endpoints take camelCase `pageSize` and `pageToken`, so the emulator, which ignores parameters an endpoint does not know, " +
	"answers with the first page again and the SDK repeats it until the benchmark stops it; and for participants it leaves `{ConversationId}` " +
	"literally in the path (`rest/conversations/v2/conversations_participants.go:378`). The v1 reads follow `next_page_url` as given, and are complete.\n"

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

// cpuTimes is the machine's busy and total CPU time from /proc/stat, and
// its load average, to say how busy the machine was.
type cpuTimes struct {
	busy, total float64
	load        string
}

func readCPU() cpuTimes {
	var t cpuTimes
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(b)); len(f) >= 3 {
			t.load = strings.Join(f[:3], " ")
		}
	}
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return t
	}
	f := strings.Fields(strings.SplitN(string(b), "\n", 2)[0])
	for i, s := range f[1:] {
		v, _ := strconv.ParseFloat(s, 64)
		t.total += v
		if i != 3 && i != 4 { // idle, iowait
			t.busy += v
		}
	}
	return t
}

func render(rows, goRows []string, goV2Incomplete bool, latency time.Duration, runs int, before, after cpuTimes) string {
	host, _ := os.Hostname()
	var b strings.Builder
	fmt.Fprintf(&b, "# Benchmarks\n\n")
	fmt.Fprintf(&b, "`make bench` (`cd bench && go run . -latency %s`): `terraform plan` of one data source that reads every item of an account from the local emulator, which delays every response by L = %s to stand for the network. ", latency, latency)
	fmt.Fprintf(&b, "Each case ran %d times, interleaved with the others; each cell is **min / median**.\n\n", runs)
	fmt.Fprintf(&b, "Machine: %s, %s/%s, %d CPUs, %s. Load average before the runs: %s; CPU busy during them (every process, the emulator and terraform included): %.0f%%.\n\n",
		host, runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version(), before.load, 100*(after.busy-before.busy)/max(1, after.total-before.total))
	b.WriteString("- **requests (min)**: requests of one plan, and the fewest possible, `ceil(N / max page size)`. **floor**: requests × L, the time the network alone takes.\n")
	b.WriteString("- **plan**: the wall time of `terraform plan`. **provider**: the provider's `ReadDataSource`, as terraform-plugin-go logs it (`tf_req_duration_ms` of \"Received downstream response\"): configuration decoding, every request, decoding and the state's encoding. **provider / floor**: the provider's overhead on the network.\n")
	b.WriteString("- **core**: plan − provider, what Terraform itself spends (start-up, the provider's launch, decoding and checking the state, rendering the plan). **plan / core**: what the provider adds to it.\n")
	b.WriteString("- **peak RSS**: of the provider process.\n\n")
	b.WriteString("| read | N | requests (min) | floor | plan | provider | provider / floor | core | plan / core | peak RSS |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		b.WriteString(r + "\n")
	}
	if len(goRows) > 0 {
		b.WriteString("\nThe same reads with [twilio-go](https://github.com/twilio/twilio-go), as a user would script them, once each:\n\n")
		b.WriteString("| read | N | requests (min) | floor | wall | wall / floor | CPU | peak RSS | complete |\n")
		b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---|\n")
		for _, r := range goRows {
			b.WriteString(r + "\n")
		}
		if goV2Incomplete {
			b.WriteString("\n" + twilioGoV2Cause)
		}
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

func mib(b int64) string {
	if b <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20))
}
