#!/usr/bin/env bash
# Prints the path of a Terraform or OpenTofu CLI, building one from the Go
# module proxy when none is installed, so that nothing is downloaded from
# releases.hashicorp.com or any other host.
#
#   scripts/tf-binary.sh terraform   # $TF_ACC_TERRAFORM_PATH, else terraform on PATH, else built
#   scripts/tf-binary.sh tofu        # $TOFU_PATH, else tofu on PATH, else built
#
# With MIN_TERRAFORM_VERSION set, a terraform older than that is passed over
# for the built one (terraform test with mock providers needs 1.7).
#
# Built binaries are cached in .tools/ (ignored by git), so later runs reuse them.
set -euo pipefail

# 1.8.5 is the newest Terraform that builds from the Go module proxy with
# go install (later ones carry replace directives), and it has
# `terraform test` with mock providers.
TERRAFORM_VERSION=${TERRAFORM_VERSION:-1.8.5}
TOFU_VERSION=${TOFU_VERSION:-1.10.10}

root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
kind=${1:-terraform}

log() { echo "tf-binary: $*" >&2; }

# new_enough says whether terraform binary $1 is at least MIN_TERRAFORM_VERSION.
new_enough() {
	[ -n "${MIN_TERRAFORM_VERSION:-}" ] || return 0
	local v
	v=$("$1" version 2>/dev/null | sed -n '1s/^Terraform v\([0-9.]*\).*/\1/p')
	[ -n "$v" ] && [ "$(printf '%s\n%s\n' "$MIN_TERRAFORM_VERSION" "$v" | sort -V | head -n 1)" = "$MIN_TERRAFORM_VERSION" ]
}

case "$kind" in
terraform)
	if [ -n "${TF_ACC_TERRAFORM_PATH:-}" ] && [ -x "$TF_ACC_TERRAFORM_PATH" ] && new_enough "$TF_ACC_TERRAFORM_PATH"; then
		echo "$TF_ACC_TERRAFORM_PATH"; exit 0
	fi
	if command -v terraform >/dev/null 2>&1 && new_enough "$(command -v terraform)"; then
		command -v terraform; exit 0
	fi
	bin="$tools/terraform-$TERRAFORM_VERSION/terraform"
	if [ ! -x "$bin" ]; then
		log "no terraform${MIN_TERRAFORM_VERSION:+ $MIN_TERRAFORM_VERSION or newer} on PATH: building terraform $TERRAFORM_VERSION from the Go module proxy (a few minutes, once)"
		mkdir -p "$(dirname "$bin")"
		GOBIN="$(dirname "$bin")" GOFLAGS=-mod=mod go install "github.com/hashicorp/terraform@v$TERRAFORM_VERSION"
	fi
	echo "$bin"
	;;
tofu)
	if [ -n "${TOFU_PATH:-}" ] && [ -x "$TOFU_PATH" ]; then
		echo "$TOFU_PATH"; exit 0
	fi
	if command -v tofu >/dev/null 2>&1; then
		command -v tofu; exit 0
	fi
	bin="$tools/tofu-$TOFU_VERSION/tofu"
	if [ ! -x "$bin" ]; then
		log "no tofu on PATH: building OpenTofu $TOFU_VERSION from the Go module proxy (a few minutes, once)"
		mkdir -p "$(dirname "$bin")"
		# OpenTofu's module has replace directives, so it is built inside its
		# own downloaded module rather than with go install.
		dir=$(GOFLAGS=-mod=mod go mod download -json "github.com/opentofu/opentofu@v$TOFU_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
		[ -n "$dir" ] || { log "could not download github.com/opentofu/opentofu@v$TOFU_VERSION"; exit 1; }
		(cd "$dir" && GOFLAGS=-mod=mod go build -ldflags "-X github.com/opentofu/opentofu/version.dev=no" -o "$bin" ./cmd/tofu)
	fi
	echo "$bin"
	;;
*)
	log "usage: $0 terraform|tofu"; exit 2
	;;
esac
