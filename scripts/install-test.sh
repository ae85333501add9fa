#!/usr/bin/env bash
# Installs the provider as a user does, from the zip a release publishes:
#
#  1. goreleaser builds this machine's zip, SHA256SUMS and manifest
#     (scripts/release-snapshot.sh, for this platform only);
#  2. the zip is laid out as a filesystem mirror (the layout `terraform
#     providers mirror` writes) under registry.terraform.io and
#     registry.opentofu.org;
#  3. `terraform init` and `tofu init`, with a CLI configuration that has that
#     mirror and nothing else, install it by its short source address, which
#     each CLI resolves to its own registry;
#  4. the lock file must name that version, and its hash must be the one of
#     the zip that SHA256SUMS lists;
#  5. `plan` reads the emulator with the installed binary, which must log its
#     version and send it in the User-Agent.
#
#   GORELEASER=path scripts/install-test.sh             # both CLIs (make test-install sets GORELEASER)
#   GORELEASER=path scripts/install-test.sh terraform   # one of them
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
: "${GORELEASER:?set GORELEASER to the goreleaser binary (make test-install does)}"
. scripts/emulator.sh

fail() { echo "install-test: $*" >&2; exit 1; }

platform="$(go env GOOS)_$(go env GOARCH)"
version=${VERSION:-$(scripts/version.sh)}
name="terraform-provider-twilio_$version"
version_re=$(printf '%s' "$version" | sed 's/[.+]/\\&/g') # for grep -E
scripts/release-snapshot.sh "$platform" "$work/dist"

echo "==> Checking the release files of $version"
dist="$work/dist"
for f in "${name}_${platform}.zip" "${name}_SHA256SUMS" "${name}_manifest.json"; do
	[ -f "$dist/$f" ] || fail "goreleaser did not write $f"
done
(cd "$dist" && sha256sum --check --strict "${name}_SHA256SUMS") | sed 's/^/    /'
cmp -s terraform-registry-manifest.json "$dist/${name}_manifest.json" || fail "the manifest is not terraform-registry-manifest.json"
zip_sha=$(awk -v f="${name}_${platform}.zip" '$2 == f { print $1 }' "$dist/${name}_SHA256SUMS")
[ -n "$zip_sha" ] || fail "SHA256SUMS does not list ${name}_${platform}.zip"
zip_h1=$(cd tools && go run ./cmd/h1sum "$dist/${name}_${platform}.zip" | cut -d' ' -f1)

for host in registry.terraform.io registry.opentofu.org; do
	mkdir -p "$work/mirror/$host/seed3f0d1ece/twilio"
	cp "$dist/${name}_${platform}.zip" "$work/mirror/$host/seed3f0d1ece/twilio/"
done
cat >"$work/mirror.tfrc" <<CFG
provider_installation {
  filesystem_mirror {
    path = "$work/mirror"
  }
}
CFG

mkdir -p "$work/install"
cat >"$work/install/main.tf" <<TF
terraform {
  required_providers {
    twilio = {
      source  = "seed3f0d1ece/twilio"
      version = "$version" # a pre-release is only ever selected by its exact version
    }
  }
}

provider "twilio" {}

data "twilio_conversations" "all" {
  include_items = false
}

output "conversations" {
  value = data.twilio_conversations.all.total
}
TF

start_emulator
export TF_CLI_CONFIG_FILE="$work/mirror.tfrc"

for kind in ${1:-terraform tofu}; do
	tfbin=$(scripts/tf-binary.sh "$kind")
	host=registry.terraform.io
	[ "$kind" = tofu ] && host=registry.opentofu.org
	echo "==> $("$tfbin" version | head -n 1): init from the filesystem mirror ($host)"
	rm -rf "$work/install/.terraform" "$work/install/.terraform.lock.hcl"
	"$tfbin" -chdir="$work/install" init -input=false -no-color >"$work/init.log" 2>&1 || { cat "$work/init.log" >&2; fail "$kind init failed"; }
	grep -F "Installed seed3f0d1ece/twilio v$version" "$work/init.log" | sed 's/^/    /' ||
		{ cat "$work/init.log" >&2; fail "$kind init did not install seed3f0d1ece/twilio v$version"; }
	[ -x "$work/install/.terraform/providers/$host/seed3f0d1ece/twilio/$version/$platform/terraform-provider-twilio_v$version" ] ||
		fail "$kind did not unpack the binary under .terraform/providers/$host"

	lock="$work/install/.terraform.lock.hcl"
	grep -qF "provider \"$host/seed3f0d1ece/twilio\" {" "$lock" || { cat "$lock" >&2; fail "the lock file does not name $host/seed3f0d1ece/twilio"; }
	grep -qF "version     = \"$version\"" "$lock" || { cat "$lock" >&2; fail "the lock file does not record version $version"; }
	grep -qF "\"$zip_h1\"," "$lock" || { cat "$lock" >&2; fail "the lock file does not record $zip_h1, the hash of the zip SHA256SUMS lists"; }
	# A mirror gives no zh: hashes (they come from a registry's SHA256SUMS);
	# any recorded must be the zip's.
	sed -n 's/.*"zh:\([0-9a-f]*\)".*/\1/p' "$lock" | while IFS= read -r zh; do
		[ "$zh" = "$zip_sha" ] || fail "the lock file records zh:$zh, which is not the zip's SHA-256"
	done
	echo "    lock file: $version, $zip_h1"

	echo "==> $kind plan against the emulator, with the installed provider"
	rm -f "$work/provider.log"
	TF_LOG_PROVIDER=DEBUG TF_LOG_PATH="$work/provider.log" \
		"$tfbin" -chdir="$work/install" plan -input=false -no-color >"$work/plan.log" 2>&1 || { cat "$work/plan.log" >&2; fail "$kind plan failed"; }
	grep -E '^[[:space:]]*\+ conversations = 120$' "$work/plan.log" | sed 's/^ */    /' ||
		{ cat "$work/plan.log" >&2; fail "$kind plan did not read the emulator's 120 conversations"; }
	grep -qE "provider_version=\"?$version_re\"? " "$work/provider.log" || fail "the provider did not log its version $version"
	ua=$(grep -oE "user_agent=\"terraform-provider-twilio/$version_re [^\"]*\"" "$work/provider.log" | head -n 1)
	[ -n "$ua" ] || fail "the provider's User-Agent does not carry version $version"
	echo "    $ua"
done

stop_emulator
echo "==> Done: $emulator_said"
