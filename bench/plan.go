package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// planner runs terraform plan with the freshly built provider, which a
// wrapper starts so that the provider process's peak memory is known.
type planner struct {
	dir   string // the provider, the wrapper, the CLI configuration
	tfbin string
}

func newPlanner() (*planner, error) {
	tfbin := os.Getenv("TF_BINARY")
	if tfbin == "" {
		return nil, fmt.Errorf("TF_BINARY is not set (make bench sets it)")
	}
	dir, err := os.MkdirTemp("", "twilio-bench-plan")
	if err != nil {
		return nil, err
	}
	// The provider builds in its own module, the wrapper in this one.
	for _, b := range []struct{ dir, out string }{
		{"..", filepath.Join(dir, "provider")},
		{"rsswrap", filepath.Join(dir, "bin", "terraform-provider-twilio")},
	} {
		build := exec.Command("go", "build", "-trimpath", "-o", b.out, ".")
		build.Dir = b.dir
		if out, err := build.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("build %s: %v: %s", b.dir, err, out)
		}
	}
	cli := fmt.Sprintf(`provider_installation {
  dev_overrides {
    "registry.terraform.io/seed3f0d1ece/twilio" = %q
  }
  direct {}
}
`, filepath.Join(dir, "bin"))
	if err := os.WriteFile(filepath.Join(dir, "cli.tfrc"), []byte(cli), 0o644); err != nil {
		return nil, err
	}
	return &planner{dir: dir, tfbin: tfbin}, nil
}

func (p *planner) close() { os.RemoveAll(p.dir) }

// plan is what one terraform plan took.
type plan struct {
	wall     time.Duration
	provider time.Duration // ReadDataSource, as terraform-plugin-go logs it
	rssKiB   int64         // the provider process's peak
	items    int
}

// run times `terraform plan` of one data source reading the emulator at
// emuURL. The provider's share is the tf_req_duration_ms that
// terraform-plugin-go logs at TRACE when ReadDataSource returns: the whole
// RPC, decoding the configuration and encoding the state included.
func (p *planner) run(emuURL, ds string) (plan, error) {
	work, err := os.MkdirTemp(p.dir, "run")
	if err != nil {
		return plan{}, err
	}
	defer os.RemoveAll(work)
	cfg := `terraform {
  required_providers {
    twilio = { source = "registry.terraform.io/seed3f0d1ece/twilio" }
  }
}
` + ds + "\n"
	if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(cfg), 0o644); err != nil {
		return plan{}, err
	}
	logPath, rssPath := filepath.Join(work, "terraform.log"), filepath.Join(work, "rss")
	cmd := exec.Command(p.tfbin, "-chdir="+work, "plan", "-input=false", "-no-color", "-json")
	cmd.Env = append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+filepath.Join(p.dir, "cli.tfrc"), "CHECKPOINT_DISABLE=1",
		// Only the provider's lines, and of those only the protocol's
		// and the provider's own Debug lines (one per page).
		"TF_LOG_CORE=OFF", "TF_LOG_PROVIDER=TRACE", "TF_LOG_SDK_PROTO=TRACE", "TF_LOG_SDK_FRAMEWORK=WARN",
		"TF_LOG_PROVIDER_TWILIO=DEBUG", "TF_LOG_PROVIDER_TWILIO_HTTP=INFO", "TF_LOG_PATH="+logPath,
		"BENCH_PROVIDER="+filepath.Join(p.dir, "provider"), "BENCH_RSS_FILE="+rssPath,
		"TWILIO_ACCOUNT_SID="+emulator.DefaultUsername, "TWILIO_AUTH_TOKEN="+emulator.DefaultPassword, "TWILIO_BASE_URL="+emuURL)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	wall := time.Since(start)
	if err != nil {
		return plan{}, fmt.Errorf("terraform plan: %v: %s", err, out)
	}
	r := plan{wall: wall}
	if r.provider, r.items, err = readDataSourceTime(logPath); err != nil {
		return plan{}, err
	}
	// terraform waits for the provider to exit before it exits itself.
	b, err := os.ReadFile(rssPath)
	if err != nil {
		return plan{}, fmt.Errorf("the provider's peak memory was not recorded: %w", err)
	}
	if r.rssKiB, err = strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err != nil {
		return plan{}, err
	}
	return r, nil
}

// readDataSourceTime finds terraform-plugin-go's "Received downstream
// response" line of ReadDataSource, and the provider's "read complete"
// line for the number of items read.
func readDataSourceTime(logPath string) (time.Duration, int, error) {
	f, err := os.Open(logPath)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	var d time.Duration
	items := -1
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.Contains(line, "Received downstream response") && strings.Contains(line, "tf_rpc=ReadDataSource"):
			var ms float64
			if !field(line, "tf_req_duration_ms", &ms) {
				return 0, 0, fmt.Errorf("no tf_req_duration_ms in %q", line)
			}
			d = time.Duration(ms * float64(time.Millisecond))
		case strings.Contains(line, "read complete"):
			field(line, "items", &items)
		}
	}
	if d == 0 || items < 0 {
		return 0, 0, fmt.Errorf("%s has no ReadDataSource response or no read complete line", logPath)
	}
	return d, items, sc.Err()
}

// field reads key=value from a log line.
func field(line, key string, v any) bool {
	i := strings.Index(line, " "+key+"=")
	if i < 0 {
		return false
	}
	_, err := fmt.Sscan(line[i+len(key)+2:], v)
	return err == nil
}
