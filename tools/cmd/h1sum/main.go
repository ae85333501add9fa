// Command h1sum prints the "h1:" hash that Terraform and OpenTofu record in a
// dependency lock file for a provider package zip, so that a test can check a
// lock file against the zips a release publishes.
//
//	go run ./cmd/h1sum terraform-provider-twilio_0.1.0_linux_amd64.zip
package main

import (
	"fmt"
	"os"

	"golang.org/x/mod/sumdb/dirhash"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: h1sum ZIP...")
		os.Exit(2)
	}
	for _, zip := range os.Args[1:] {
		// The hash of the files the zip holds, as Terraform's
		// getproviders.PackageHashV1 computes it for a package archive.
		h, err := dirhash.HashZip(zip, dirhash.Hash1)
		if err != nil {
			fmt.Fprintln(os.Stderr, "h1sum:", err)
			os.Exit(1)
		}
		fmt.Printf("%s  %s\n", h, zip)
	}
}
