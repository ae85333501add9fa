package main

import (
	"os/exec"
	"testing"
)

// What the emulator prints on start is what a shell needs: evaluated, it
// sets the provider's variables to exactly the emulator's URL and
// credentials, whatever characters they hold.
func TestProviderEnvEvaluates(t *testing.T) {
	for _, tc := range []struct{ user, pass, userVar, passVar string }{
		{"AC00000000000000000000000000000001", "emulatorauthtoken", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"},
		{"SK00000000000000000000000000000001", `it's $HOME "quoted" \ back`, "TWILIO_API_KEY", "TWILIO_API_SECRET"},
	} {
		script := providerEnv("http://127.0.0.1:8080", tc.user, tc.pass) +
			`printf '%s\n%s\n%s' "$TWILIO_BASE_URL" "$` + tc.userVar + `" "$` + tc.passVar + `"`
		out, err := exec.Command("bash", "-c", script).Output()
		if err != nil {
			t.Fatal(err)
		}
		if want := "http://127.0.0.1:8080\n" + tc.user + "\n" + tc.pass; string(out) != want {
			t.Errorf("evaluated to %q, want %q", out, want)
		}
	}
}
