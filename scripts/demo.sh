#!/usr/bin/env bash
# Runs the provider end to end with no Twilio account: builds the provider
# and the emulator, starts the emulator, and applies examples/demo with the
# freshly built provider through a throw-away CLI configuration. The user's
# own ~/.terraformrc is never read or touched. TF=tofu uses OpenTofu.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CHECKPOINT_DISABLE=1

tfbin=$(scripts/tf-binary.sh "${TF:-terraform}")
work=$(mktemp -d "${TMPDIR:-/tmp}/twilio-demo.XXXXXX")
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
go build -trimpath -ldflags "-X main.version=demo" -o "$work/bin/terraform-provider-twilio" .
go build -trimpath -o "$work/bin/twilio-emulator" ./cmd/twilio-emulator

echo "==> Starting the Twilio Conversations emulator"
"$work/bin/twilio-emulator" -url-file "$work/url" >"$work/emulator.log" 2>&1 &
emu_pid=$!
for _ in $(seq 1 100); do
	[ -s "$work/url" ] && break
	kill -0 "$emu_pid" 2>/dev/null || { cat "$work/emulator.log" >&2; exit 1; }
	sleep 0.1
done
[ -s "$work/url" ] || { echo "the emulator did not start" >&2; exit 1; }
url=$(cat "$work/url")
echo "    $url"

cat >"$work/cli.tfrc" <<CFG
provider_installation {
  dev_overrides {
    "registry.terraform.io/seed3f0d1ece/twilio" = "$work/bin"
  }
  direct {}
}
CFG

mkdir -p "$work/config"
cp examples/demo/*.tf "$work/config/"

export TF_CLI_CONFIG_FILE="$work/cli.tfrc"
echo "==> $("$tfbin" version | head -n 1): apply examples/demo"
TWILIO_ACCOUNT_SID=AC00000000000000000000000000000001 \
	TWILIO_AUTH_TOKEN=emulatorauthtoken \
	TWILIO_BASE_URL="$url" \
	"$tfbin" -chdir="$work/config" apply -auto-approve -input=false -no-color

kill -TERM "$emu_pid" && wait "$emu_pid" || true
emu_pid=""
echo "==> Done: $(tail -n 1 "$work/emulator.log")"
