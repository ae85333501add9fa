// Command twilio-emulator serves an in-memory Twilio Conversations account
// on a local port, for the provider's demo and tests and for testing your
// own Terraform configurations offline.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "twilio-emulator:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("twilio-emulator", flag.ContinueOnError)
	def := emulator.DefaultGenerateOptions
	var (
		addr     = fs.String("addr", "127.0.0.1:0", "address to listen on; port 0 picks a free port")
		addrFile = fs.String("url-file", "", "write the base URL to this file once listening")
		username = fs.String("username", emulator.DefaultUsername, "accepted HTTP Basic username (Account SID or API key SID)")
		password = fs.String("password", emulator.DefaultPassword, "accepted HTTP Basic password (Auth Token or API secret)")
		fixture  = fs.String("fixture", "", "JSON fixture to serve instead of generated data (format: see README)")
		seed     = fs.Uint64("seed", def.Seed, "seed of the generated data")
		convs    = fs.Int("conversations", def.Conversations, "number of generated v2 conversations")
		parts    = fs.Int("participants", def.ParticipantsPerConversation, "participants per generated v2 conversation")
		v1convs  = fs.Int("v1-conversations", def.V1Conversations, "number of generated v1 conversations")
		users    = fs.Int("users", def.Users, "number of generated v1 chat users")
		messages = fs.Int("messages", def.MessagesPerConversation, "messages per generated v1 conversation (every fifth has none)")
		latency  = fs.Duration("latency", 0, "fault: delay of every response, such as 20ms")
		rlEvery  = fs.Int("rate-limit-every", 0, "fault: answer every Nth request with 429")
		retryAft = fs.String("retry-after", "", "fault: Retry-After value sent with those 429s (seconds or HTTP date)")
		errRate  = fs.Float64("error-rate", 0, "fault: fraction of requests answered with -error-status")
		errStat  = fs.Int("error-status", http.StatusServiceUnavailable, "fault: status of injected server errors")
		malEvery = fs.Int("malformed-every", 0, "fault: answer every Nth successful request with invalid JSON")
	)
	if err := fs.Parse(args); err != nil {
		return err
	}

	var data *emulator.Dataset
	if *fixture != "" {
		var err error
		if data, err = emulator.LoadFixture(*fixture); err != nil {
			return err
		}
	} else {
		data = emulator.Generate(emulator.GenerateOptions{Seed: *seed, Conversations: *convs, ParticipantsPerConversation: *parts, V1Conversations: *v1convs, Users: *users, MessagesPerConversation: *messages})
	}
	srv, err := emulator.New(data, emulator.Options{
		Username: *username, Password: *password, Seed: *seed,
		Faults: emulator.Faults{Latency: *latency, RateLimitEvery: *rlEvery, RetryAfter: *retryAft, ServerErrorRate: *errRate, ServerErrorStatus: *errStat, MalformedEvery: *malEvery},
	})
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String()
	if *addrFile != "" {
		if err := os.WriteFile(*addrFile, []byte(url+"\n"), 0o600); err != nil {
			return err
		}
	}
	// Standard output is the provider configuration that reaches this
	// emulator, for a script to eval; everything else goes to standard
	// error.
	fmt.Print(providerEnv(url, *username, *password))
	fmt.Fprintf(os.Stderr, "twilio-emulator listening on %s (username %s)\n", url, *username)

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintf(os.Stderr, "twilio-emulator stopped after %d requests\n", srv.RequestCount())
	return nil
}

// providerEnv is the provider's configuration for this emulator as shell
// exports: an API key SID as username goes with its secret, anything else
// is an Account SID and Auth Token.
func providerEnv(url, username, password string) string {
	user, pass := "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"
	if strings.HasPrefix(username, "SK") {
		user, pass = "TWILIO_API_KEY", "TWILIO_API_SECRET"
	}
	var b strings.Builder
	for _, kv := range [][2]string{{"TWILIO_BASE_URL", url}, {user, username}, {pass, password}} {
		fmt.Fprintf(&b, "export %s=%s\n", kv[0], shellQuote(kv[1]))
	}
	return b.String()
}

// shellQuote is s as one single-quoted shell word.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
