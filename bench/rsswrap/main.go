// Command rsswrap stands in for the provider binary under terraform plan:
// it runs the provider named by BENCH_PROVIDER with the same arguments and
// standard streams, so that terraform talks to the provider as usual, and
// when the provider exits writes its peak resident set (KiB) to the file
// named by BENCH_RSS_FILE.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
)

func main() {
	cmd := exec.Command(os.Getenv("BENCH_PROVIDER"), os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "rsswrap:", err)
		os.Exit(1)
	}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		for s := range sigs {
			_ = cmd.Process.Signal(s)
		}
	}()
	_ = cmd.Wait()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		_ = os.WriteFile(os.Getenv("BENCH_RSS_FILE"), fmt.Appendf(nil, "%d\n", ru.Maxrss), 0o644)
	}
	os.Exit(cmd.ProcessState.ExitCode())
}
