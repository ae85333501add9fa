#!/usr/bin/env bash
# Runs examples/scenarios/side-by-side, this provider beside the official
# twilio/twilio one, as the README describes it: init, validate and plan,
# with Terraform and with OpenTofu.
#
# This provider is the one built here, installed from a filesystem mirror
# under both registry hostnames (with dev_overrides, init fails to find it
# whenever a configuration has another provider to install), and the
# example's copy requires this build's version exactly, as a pre-release
# must be. It reads the emulator, started to accept only the API key the
# example gives this provider as attributes. The environment is set the
# official provider's way, with other credentials (the emulator refuses
# them), so the plan succeeds only if the two providers' credentials stay
# apart. The official provider plans its resources without calling Twilio.
#
# twilio/twilio comes from its registry, or, with TWILIO_PROVIDER_BINARY
# naming its binary (version TWILIO_PROVIDER_VERSION, default 0.18.46), from
# the same mirror, for a machine that cannot reach the registry.
#
#   scripts/side-by-side.sh             # both CLIs
#   scripts/side-by-side.sh terraform   # one of them
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/emulator.sh

fail() { echo "side-by-side: $*" >&2; exit 1; }

example=examples/scenarios/side-by-side
platform="$(go env GOOS)_$(go env GOARCH)"
official_version=${TWILIO_PROVIDER_VERSION:-0.18.46}

start_emulator -username SK00000000000000000000000000000042 -password conversations-read-only
export TF_VAR_conversations_api_key="$TWILIO_API_KEY" TF_VAR_conversations_api_secret="$TWILIO_API_SECRET"
# What the official provider reads: credentials the emulator refuses.
export TWILIO_ACCOUNT_SID=AC0000000000000000000000000000beef TWILIO_AUTH_TOKEN=official-auth-token
export TWILIO_API_KEY=SK0000000000000000000000000000beef TWILIO_API_SECRET=official-api-secret

version=$(scripts/version.sh)
ours='"registry.terraform.io/seed3f0d1ece/twilio", "registry.opentofu.org/seed3f0d1ece/twilio"'
for host in registry.terraform.io registry.opentofu.org; do
	dir="$work/mirror/$host/seed3f0d1ece/twilio/$version/$platform"
	mkdir -p "$dir" && cp "$work/bin/terraform-provider-twilio" "$dir/terraform-provider-twilio_v$version"
	if [ -n "${TWILIO_PROVIDER_BINARY:-}" ]; then
		dir="$work/mirror/$host/twilio/twilio/$official_version/$platform"
		mkdir -p "$dir" && cp "$TWILIO_PROVIDER_BINARY" "$dir/terraform-provider-twilio_v$official_version"
	fi
done
if [ -n "${TWILIO_PROVIDER_BINARY:-}" ]; then
	installation="filesystem_mirror {
    path = \"$work/mirror\"
  }"
else
	installation="filesystem_mirror {
    path    = \"$work/mirror\"
    include = [$ours]
  }
  direct {
    exclude = [$ours]
  }"
fi
cat >"$work/side-by-side.tfrc" <<CFG
provider_installation {
  $installation
}
CFG
export TF_CLI_CONFIG_FILE="$work/side-by-side.tfrc"

for kind in ${1:-terraform tofu}; do
	tfbin=$(scripts/tf-binary.sh "$kind")
	echo "==> $("$tfbin" version | head -n 1): init, validate and plan $example"
	rm -rf "$work/config" && mkdir -p "$work/config" && cp "$example"/*.tf "$work/config/"
	sed -i "s|^\( *version *= *\)\"~> 0.1\"\$|\1\"$version\"|" "$work/config/main.tf"
	[ "$(grep -c "\"$version\"" "$work/config/main.tf")" = 1 ] || fail "could not require version $version in the example's copy"
	"$tfbin" -chdir="$work/config" init -input=false -no-color >"$work/init.log" 2>&1 || { cat "$work/init.log" >&2; fail "$kind init failed"; }
	grep -E "Installed (twilio|seed3f0d1ece)/twilio" "$work/init.log" | sed 's/^/    /' ||
		{ cat "$work/init.log" >&2; fail "$kind init did not install twilio/twilio"; }
	"$tfbin" -chdir="$work/config" validate -no-color >"$work/validate.log" 2>&1 || { cat "$work/validate.log" >&2; fail "$kind validate failed"; }
	grep -F "The configuration is valid" "$work/validate.log" | sed 's/^/    /'
	"$tfbin" -chdir="$work/config" plan -input=false -no-color >"$work/plan.log" 2>&1 || { cat "$work/plan.log" >&2; fail "$kind plan failed"; }
	grep -E "^Plan: " "$work/plan.log" | sed 's/^/    /' || { cat "$work/plan.log" >&2; fail "$kind plan planned nothing"; }
	grep -qF "twilio_conversations_services_conversations_v1.announcements will be created" "$work/plan.log" ||
		{ cat "$work/plan.log" >&2; fail "$kind plan does not create the announcements conversation"; }
	# Every user of the emulator's "Support" service joins it, as read by this
	# provider with its own key.
	joined=$(grep -cE 'twilio_conversations_services_conversations_participants_v1\.everyone\[".*"\] will be created' "$work/plan.log" || true)
	[ "$joined" -gt 0 ] || { cat "$work/plan.log" >&2; fail "$kind plan adds no participant"; }
	echo "    $joined participants, from the users this provider read"
done

stop_emulator
echo "==> Done: $emulator_said"
