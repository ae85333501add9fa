package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// runPlan times `terraform plan` of one data source returning n items, with
// the freshly built provider, and reads the provider's own share from its
// "read complete" log line.
func runPlan(emuURL string, n int) (result, error) {
	tfbin := os.Getenv("TF_BINARY")
	if tfbin == "" {
		return result{}, fmt.Errorf("TF_BINARY is not set (make bench sets it)")
	}
	dir, err := os.MkdirTemp("", "twilio-bench-plan")
	if err != nil {
		return result{}, err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "bin")
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "terraform-provider-twilio"), "..")
	if out, err := build.CombinedOutput(); err != nil {
		return result{}, fmt.Errorf("build: %v: %s", err, out)
	}
	cli := fmt.Sprintf(`provider_installation {
  dev_overrides {
    "registry.terraform.io/seed3f0d1ece/twilio" = %q
  }
  direct {}
}
`, bin)
	cfg := `terraform {
  required_providers {
    twilio = { source = "registry.terraform.io/seed3f0d1ece/twilio" }
  }
}
data "twilio_conversations" "all" {}
output "count" { value = length(data.twilio_conversations.all.conversations) }
`
	work := filepath.Join(dir, "config")
	if err := os.MkdirAll(work, 0o755); err != nil {
		return result{}, err
	}
	if err := os.WriteFile(filepath.Join(dir, "cli.tfrc"), []byte(cli), 0o644); err != nil {
		return result{}, err
	}
	if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(cfg), 0o644); err != nil {
		return result{}, err
	}
	logPath := filepath.Join(dir, "provider.log")
	cmd := exec.Command(tfbin, "-chdir="+work, "plan", "-input=false", "-no-color", "-json")
	cmd.Env = append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+filepath.Join(dir, "cli.tfrc"), "CHECKPOINT_DISABLE=1",
		"TF_LOG_PROVIDER=DEBUG", "TF_LOG_PATH="+logPath,
		"TWILIO_ACCOUNT_SID="+emulator.DefaultUsername, "TWILIO_AUTH_TOKEN="+emulator.DefaultPassword, "TWILIO_BASE_URL="+emuURL)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	wall := time.Since(start)
	if err != nil {
		return result{}, fmt.Errorf("terraform plan: %v: %s", err, out)
	}
	providerMs, items, err := readComplete(logPath)
	if err != nil {
		return result{}, err
	}
	return result{Items: items, WallNs: int64(wall), Complete: items == n, Provider: providerMs}, nil
}

// readComplete finds duration_ms and items in the provider's "read
// complete" log line.
func readComplete(logPath string) (float64, int, error) {
	f, err := os.Open(logPath)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		line := sc.Text()
		if !strings.Contains(line, "read complete") {
			continue
		}
		var d float64
		var items int
		if field(line, "duration_ms", &d) && field(line, "items", &items) {
			return d, items, nil
		}
	}
	return 0, 0, fmt.Errorf("no 'read complete' line in the provider log")
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
