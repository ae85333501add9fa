#!/usr/bin/env bash
# Runs the module tests with `terraform test`, then with `tofu test`:
# examples/module-testing (integration tests against the local emulator
# serving the fixture next to them, and unit tests with a mock provider;
# with `tofu test`, also those of *.tofutest.hcl, which mock lists), then
# the audit module, examples/scenarios/audit, against the emulator's
# generated account and the findings planted in it. The emulator is
# stopped whatever happens.
#
#   scripts/test-modules.sh             # both CLIs
#   scripts/test-modules.sh terraform   # one of them
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/emulator.sh

# run_tests MODULE: copies MODULE into the work directory and runs its tests
# with each CLI.
run_tests() {
	local module=$1 kind tfbin
	for kind in ${CLIS:-terraform tofu}; do
		# terraform test with mock providers needs Terraform 1.7 or newer.
		tfbin=$(MIN_TERRAFORM_VERSION=1.7 scripts/tf-binary.sh "$kind")
		echo "==> $("$tfbin" version | head -n 1): test $module"
		rm -rf "$work/module" && cp -r "$module" "$work/module"
		# terraform fmt skips the *.tofutest.hcl files that only tofu runs.
		if [ "$kind" = tofu ]; then "$tfbin" fmt -check -recursive -diff "$work/module"; fi
		"$tfbin" -chdir="$work/module" test -no-color
	done
}

CLIS=${1:-terraform tofu}

start_emulator -fixture examples/module-testing/tests/fixture.json
run_tests examples/module-testing
stop_emulator
echo "==> Done: $emulator_said"

start_emulator -seed 1
run_tests examples/scenarios/audit
stop_emulator
echo "==> Done: $emulator_said"
