#!/usr/bin/env bash
# Runs the tests of examples/module-testing with `terraform test`, then with
# `tofu test`: the integration tests against the local emulator serving the
# fixture next to them, and the unit tests with a mock provider. The
# emulator is stopped whatever happens.
#
#   scripts/test-modules.sh             # both CLIs
#   scripts/test-modules.sh terraform   # one of them
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CHECKPOINT_DISABLE=1
module=examples/module-testing

work=$(mktemp -d "${TMPDIR:-/tmp}/twilio-modules.XXXXXX")
emu_pid=""
cleanup() {
	if [ -n "$emu_pid" ] && kill -0 "$emu_pid" 2>/dev/null; then
		kill -TERM "$emu_pid" 2>/dev/null || true
		wait "$emu_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "==> Building the provider and the emulator"
go build -trimpath -ldflags "-X main.version=test" -o "$work/bin/terraform-provider-twilio" .
go build -trimpath -o "$work/bin/twilio-emulator" ./cmd/twilio-emulator

echo "==> Starting the emulator with $module/tests/fixture.json"
"$work/bin/twilio-emulator" -fixture "$module/tests/fixture.json" >"$work/emulator.env" 2>"$work/emulator.log" &
emu_pid=$!
for _ in $(seq 1 100); do
	[ "$(wc -l <"$work/emulator.env")" -ge 3 ] && break
	kill -0 "$emu_pid" 2>/dev/null || { cat "$work/emulator.log" >&2; exit 1; }
	sleep 0.1
done
# What the emulator prints on start configures the provider.
eval "$(cat "$work/emulator.env")"
echo "    $TWILIO_BASE_URL"

cat >"$work/cli.tfrc" <<CFG
provider_installation {
  dev_overrides {
    "registry.terraform.io/seed3f0d1ece/twilio" = "$work/bin"
    "registry.opentofu.org/seed3f0d1ece/twilio" = "$work/bin"
  }
  direct {}
}
CFG
export TF_CLI_CONFIG_FILE="$work/cli.tfrc"

for kind in ${1:-terraform tofu}; do
	# terraform test with mock providers needs Terraform 1.7 or newer.
	tfbin=$(MIN_TERRAFORM_VERSION=1.7 scripts/tf-binary.sh "$kind")
	echo "==> $("$tfbin" version | head -n 1): test $module"
	rm -rf "$work/module" && cp -r "$module" "$work/module"
	"$tfbin" -chdir="$work/module" test -no-color
done
kill -TERM "$emu_pid" && wait "$emu_pid" || true
emu_pid=""
echo "==> Done: $(tail -n 1 "$work/emulator.log")"
