# Sourced by the scripts that run the provider against the local emulator
# (demo.sh, test-modules.sh). It makes a work directory, builds the provider
# and the emulator into it, and stops the emulator and removes the directory
# on exit, whatever happens.
#
#   start_emulator [flags]   # starts it, and exports the provider
#                            # configuration it prints (TWILIO_BASE_URL, ...)
#   stop_emulator            # stops it; its last log line is in $emulator_said

export CHECKPOINT_DISABLE=1
work=$(mktemp -d "${TMPDIR:-/tmp}/twilio-provider.XXXXXX")
emu_pid=""
stop_emulator() {
	if [ -n "$emu_pid" ] && kill -0 "$emu_pid" 2>/dev/null; then
		kill -TERM "$emu_pid" 2>/dev/null || true
		wait "$emu_pid" 2>/dev/null || true
	fi
	emu_pid=""
	emulator_said=$(tail -n 1 "$work/emulator.log" 2>/dev/null || true)
}
trap 'stop_emulator; rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "==> Building the provider and the emulator"
go build -trimpath -ldflags "-X main.version=$(scripts/version.sh)" -o "$work/bin/terraform-provider-twilio" .
go build -trimpath -o "$work/bin/twilio-emulator" ./cmd/twilio-emulator

start_emulator() {
	echo "==> Starting the Twilio Conversations emulator $*"
	"$work/bin/twilio-emulator" "$@" >"$work/emulator.env" 2>"$work/emulator.log" &
	emu_pid=$!
	for _ in $(seq 1 100); do
		[ "$(wc -l <"$work/emulator.env")" -ge 3 ] && break
		kill -0 "$emu_pid" 2>/dev/null || { cat "$work/emulator.log" >&2; exit 1; }
		sleep 0.1
	done
	[ "$(wc -l <"$work/emulator.env")" -ge 3 ] || { echo "the emulator did not start" >&2; exit 1; }
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
}
