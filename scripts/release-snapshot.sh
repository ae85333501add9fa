#!/usr/bin/env bash
# Runs the release of .goreleaser.yml without publishing it: the
# zips, the SHA256SUMS file and the registry manifest, as a v* tag would
# publish them, versioned by scripts/version.sh, and signed only when
# GPG_FINGERPRINT names a key. `make release-snapshot` runs it with the pinned
# goreleaser.
#
#   GORELEASER=path scripts/release-snapshot.sh                      # every platform, into dist/
#   GORELEASER=path scripts/release-snapshot.sh linux_amd64 DIR      # one platform, into DIR
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
: "${GORELEASER:?set GORELEASER to the goreleaser binary (make release-snapshot does)}"
platform=${1:-}
dist=${2:-}

PROVIDER_VERSION=${VERSION:-$(scripts/version.sh)}
export PROVIDER_VERSION

config=.goreleaser.yml
if [ -n "$platform" ] || [ -n "$dist" ]; then
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/twilio-goreleaser.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	cp .goreleaser.yml "$tmp/goreleaser.yml"
	config="$tmp/goreleaser.yml"
	if [ -n "$platform" ]; then
		goos=${platform%_*} goarch=${platform#*_}
		sed -i -e "s/^\([[:space:]]*\)goos: \[.*\]$/\1goos: [$goos]/" \
			-e "s/^\([[:space:]]*\)goarch: \[.*\]$/\1goarch: ['$goarch']/" "$config"
		if ! grep -q "goos: \[$goos\]$" "$config" || ! grep -q "goarch: \['$goarch'\]$" "$config"; then
			echo "release-snapshot: could not limit .goreleaser.yml to $platform" >&2
			exit 1
		fi
	fi
	if [ -n "$dist" ]; then
		echo "dist: $dist" >>"$config"
	fi
fi

out=${dist:-dist}
echo "==> goreleaser: snapshot $PROVIDER_VERSION${platform:+ for $platform}${GPG_FINGERPRINT:+, signed by $GPG_FINGERPRINT}, into $out"
# Signed only when GPG_FINGERPRINT names a key, as in the release workflow.
skip=(--skip=sign)
[ -z "${GPG_FINGERPRINT:-}" ] || skip=()
"$GORELEASER" release --snapshot --clean "${skip[@]}" --config "$config"
# A release uploads the manifest beside the zips (release.extra_files); a
# snapshot publishes nothing, so it is copied here, under the same name.
cp terraform-registry-manifest.json "$out/terraform-provider-twilio_${PROVIDER_VERSION}_manifest.json"
(cd "$out" && ls -1 terraform-provider-twilio_"$PROVIDER_VERSION"_*)
