#!/usr/bin/env bash
# Runs the tests of examples/module-testing with `terraform test`, then with
# `tofu test`: the integration tests against the local emulator serving the
# fixture next to them, and the unit tests with a mock provider (with
# `tofu test`, also those of *.tofutest.hcl, which mock lists). The emulator
# is stopped whatever happens.
#
#   scripts/test-modules.sh             # both CLIs
#   scripts/test-modules.sh terraform   # one of them
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
module=examples/module-testing
. scripts/emulator.sh
start_emulator -fixture "$module/tests/fixture.json"

for kind in ${1:-terraform tofu}; do
	# terraform test with mock providers needs Terraform 1.7 or newer.
	tfbin=$(MIN_TERRAFORM_VERSION=1.7 scripts/tf-binary.sh "$kind")
	echo "==> $("$tfbin" version | head -n 1): test $module"
	rm -rf "$work/module" && cp -r "$module" "$work/module"
	# terraform fmt skips the *.tofutest.hcl files that only tofu runs.
	if [ "$kind" = tofu ]; then "$tfbin" fmt -check -recursive -diff "$work/module"; fi
	"$tfbin" -chdir="$work/module" test -no-color
done

stop_emulator
echo "==> Done: $emulator_said"
