#!/usr/bin/env bash
# Generates docs/ with tfplugindocs (pinned in tools/go.mod) and checks the
# examples. Runs offline: tfplugindocs uses the CLI found by tf-binary.sh.
#
#   scripts/docs.sh generate   # rewrite docs/
#   scripts/docs.sh check      # fail when docs/ is stale or an example is not
#                              # formatted or does not validate
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CHECKPOINT_DISABLE=1
mode=${1:-generate}

tfbin=$(scripts/tf-binary.sh "${TF:-terraform}")
work=$(mktemp -d "${TMPDIR:-/tmp}/twilio-docs.XXXXXX")
trap 'rm -rf "$work"' EXIT
: >"$work/empty.tfrc"

generate() {
	# tfplugindocs looks for terraform on PATH; never let it download one.
	mkdir -p "$work/path"
	ln -sf "$tfbin" "$work/path/terraform"
	(cd tools && PATH="$work/path:$PATH" TF_CLI_CONFIG_FILE="$work/empty.tfrc" \
		go run github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs generate \
		--provider-dir "$root" --provider-name twilio --rendered-provider-name "Twilio Conversations")
}

check_examples() {
	echo "==> $tfbin fmt -check -recursive examples"
	"$tfbin" fmt -check -recursive -diff examples

	go build -o "$work/bin/terraform-provider-twilio" .
	cat >"$work/cli.tfrc" <<CFG
provider_installation {
  dev_overrides {
    "registry.terraform.io/seed3f0d1ece/twilio" = "$work/bin"
    "registry.terraform.io/hashicorp/twilio"    = "$work/bin"
    "registry.opentofu.org/seed3f0d1ece/twilio" = "$work/bin"
    "registry.opentofu.org/hashicorp/twilio"    = "$work/bin"
  }
  direct {}
}
CFG
	local failed=0
	for dir in $(find examples -name '*.tf' -exec dirname {} \; | sort -u); do
		# An example that also needs another provider (twilio/twilio beside
		# this one) cannot validate without installing it: make
		# test-side-by-side does that where it can be installed.
		others=$(grep -hoE 'source *= *"[^"]+"' "$dir"/*.tf | grep -v '"seed3f0d1ece/twilio"' | sed 's/.*"\(.*\)"/\1/' | sort -u | tr '\n' ' ' || true)
		if [ -n "$others" ]; then
			echo "    not validated here (needs ${others% }): $dir"
			continue
		fi
		rm -rf "$work/example" && mkdir -p "$work/example" && cp "$dir"/*.tf "$work/example/"
		if out=$(TF_CLI_CONFIG_FILE="$work/cli.tfrc" "$tfbin" -chdir="$work/example" validate -no-color 2>&1); then
			echo "    valid: $dir"
		else
			echo "    INVALID: $dir"; echo "$out" | grep -v -i "development overrides\|^ - \|^$\|may not match\|incompatible with published\|The following provider" >&2
			failed=1
		fi
	done
	return $failed
}

case "$mode" in
generate)
	generate
	;;
check)
	check_examples
	echo "==> docs/ is up to date"
	generate >/dev/null
	if [ -n "$(git status --porcelain -- docs)" ]; then
		git status --short -- docs >&2
		git --no-pager diff --stat -- docs >&2
		echo "docs/ is stale: run 'make docs' and commit the result" >&2
		exit 1
	fi
	;;
*)
	echo "usage: $0 generate|check" >&2; exit 2
	;;
esac
