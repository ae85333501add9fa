// Command specdiff prints what changed between two copies of spec/ for
// the provider: GET paths added or removed, and the parameters and item
// properties of the endpoints the data sources read (contract.Endpoints).
// scripts/refresh-spec.sh runs it after fetching a new release.
//
//	go run ./internal/contract/specdiff OLD_DIR NEW_DIR
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/contract"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: specdiff OLD_DIR NEW_DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "specdiff:", err)
		os.Exit(1)
	}
}

func run(oldDir, newDir string) error {
	changed := false
	for _, name := range []string{contract.V1, contract.V2} {
		readers := map[string][]string{}
		for _, ep := range contract.Endpoints {
			if ep.Spec != name {
				continue
			}
			for _, p := range ep.Paths {
				readers[p] = append(readers[p], ep.DataSource)
			}
		}
		updated, err := contract.LoadSpec(newDir, name)
		if err != nil {
			return err
		}
		if _, err := os.Stat(filepath.Join(oldDir, name)); err != nil {
			fmt.Printf("%s: new; the data sources read %d of its GET paths\n", name, len(readers))
			changed = true
			continue
		}
		old, err := contract.LoadSpec(oldDir, name)
		if err != nil {
			return err
		}
		lines := contract.Diff(old, updated, readers)
		if len(lines) == 0 {
			continue
		}
		changed = true
		fmt.Printf("%s:\n", name)
		for _, l := range lines {
			fmt.Println("  " + l)
		}
	}
	if !changed {
		fmt.Println("No change in the GET paths, nor in the parameters and item properties of the endpoints the data sources read.")
	}
	return nil
}
