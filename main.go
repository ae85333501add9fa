package main

import (
	"flag"
	"log"
	"runtime/debug"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/provider"
)

// version is set at build time with -ldflags "-X main.version=...", by make
// and goreleaser, to what scripts/version.sh prints.
var version string

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	if err := tf6server.Serve(provider.Address, provider.NewServer(providerVersion()), opts...); err != nil {
		log.Fatal(err.Error())
	}
}

// providerVersion is always a semantic version, without the leading "v": the
// one set at build time, else the module version that `go install
// ...@vX.Y.Z` (or a build in a git checkout) recorded, else 0.0.0-dev.
func providerVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && strings.HasPrefix(bi.Main.Version, "v") {
		return strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "0.0.0-dev"
}
