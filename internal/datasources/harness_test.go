package datasources_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/provider"
)

// providers serve the provider in process to the terraform CLI, as the
// plugin binary does.
var providers = map[string]func() (tfprotov6.ProviderServer, error){
	"twilio": func() (tfprotov6.ProviderServer, error) { return provider.NewServer("test")(), nil },
}

// emu is a running emulator for one test.
type emu struct {
	*emulator.Server
	URL  string
	Data *emulator.Dataset
}

func startEmulator(t *testing.T, d *emulator.Dataset, f emulator.Faults) *emu {
	t.Helper()
	return startEmulatorWith(t, d, emulator.Options{Faults: f})
}

func startEmulatorWith(t *testing.T, d *emulator.Dataset, opts emulator.Options) *emu {
	t.Helper()
	s, err := emulator.New(d, opts)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s)
	t.Cleanup(hs.Close)
	return &emu{Server: s, URL: hs.URL, Data: d}
}

// count is how many requests the emulator answered with status.
func (e *emu) count(status int) int {
	n := 0
	for _, r := range e.Requests() {
		if r.Status == status {
			n++
		}
	}
	return n
}

// providerBlock configures the provider for the emulator, with fast
// retries so that fault tests stay quick.
func (e *emu) providerBlock(extra string) string {
	return fmt.Sprintf(`
provider "twilio" {
  account_sid = %q
  auth_token  = %q
  base_url    = %q
  %s
}
`, emulator.DefaultUsername, emulator.DefaultPassword, e.URL, extra)
}

// config is a full configuration: the provider block and body.
func (e *emu) config(body string) string { return e.providerBlock("") + body }

func TestMain(m *testing.M) {
	// No credentials from the environment leak into these tests.
	for _, k := range []string{"TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_API_KEY", "TWILIO_API_SECRET", "TWILIO_REGION", "TWILIO_EDGE", "TWILIO_BASE_URL"} {
		os.Unsetenv(k)
	}
	// The CLI gets a real, empty configuration: neither the user's own nor
	// a TF_CLI_CONFIG_FILE naming a missing file (OpenTofu then prints a
	// warning on stdout, where the test harness reads its version).
	dir, err := os.MkdirTemp("", "twilio-provider-test")
	if err != nil {
		panic(err)
	}
	cliConfig := filepath.Join(dir, "empty.tfrc")
	if err := os.WriteFile(cliConfig, nil, 0o600); err != nil {
		panic(err)
	}
	os.Setenv("TF_CLI_CONFIG_FILE", cliConfig)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// Known-value helpers: a nil pointer must be null in state.

func str(p *string) knownvalue.Check {
	if p == nil {
		return knownvalue.Null()
	}
	return knownvalue.StringExact(*p)
}

func strv(s string) knownvalue.Check { return knownvalue.StringExact(s) }

func intp(p *int) knownvalue.Check {
	if p == nil {
		return knownvalue.Null()
	}
	return knownvalue.Int64Exact(int64(*p))
}

// errRe matches the parts in order, anywhere in an error, whatever line
// wrapping terraform applied to them.
func errRe(parts ...string) *regexp.Regexp {
	for i, p := range parts {
		parts[i] = strings.Join(strings.Fields(regexp.QuoteMeta(p)), `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, `.*`))
}

// hclString is s as an HCL string literal, with template sequences escaped.
func hclString(s string) string {
	q := strconv.Quote(s)
	q = strings.ReplaceAll(q, "${", "$${")
	return strings.ReplaceAll(q, "%{", "%%{")
}

func unescape(t *testing.T, s string) string {
	t.Helper()
	u, err := url.PathUnescape(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// planError is a configuration body and the parts of the error it gives.
type planError struct {
	body string
	err  []string
}

// expectPlanErrors checks that each body of data source typ fails at plan
// time with its error, without a single request to the API.
func expectPlanErrors(t *testing.T, typ string, cases map[string]planError) {
	t.Helper()
	e := startEmulator(t, emulator.Generate(emulator.GenerateOptions{Seed: 1}), emulator.Faults{})
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: providers,
				Steps: []resource.TestStep{{
					Config:      e.config(fmt.Sprintf("data %q \"x\" {\n%s\n}", typ, tc.body)),
					PlanOnly:    true,
					ExpectError: errRe(tc.err...),
				}},
			})
		})
	}
	if n := e.RequestCount(); n != 0 {
		t.Errorf("invalid configurations made %d requests", n)
	}
}

// inputsDigest is the digest that stands for personal inputs in a lookup's
// id, under the emulator's credentials: the inputs themselves never appear.
func inputsDigest(hidden url.Values) string {
	m := hmac.New(sha256.New, []byte(emulator.DefaultPassword))
	m.Write([]byte(hidden.Encode()))
	return hex.EncodeToString(m.Sum(nil)[:16])
}
