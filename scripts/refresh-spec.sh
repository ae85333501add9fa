#!/usr/bin/env bash
# Replaces spec/ with Twilio's Conversations OpenAPI specs as a release of
# the npm package @twilio/cli-core ships them, records where they come
# from in spec/README.md, and prints what changed for the provider: GET
# paths added or removed, and the parameters and item properties of the
# endpoints the data sources read. Then run the contract tests:
#
#   scripts/refresh-spec.sh [VERSION]    # default: the latest release
#   go test ./internal/contract/
#
# Needs npm (for npm pack and npm view), tar and Go.
set -euo pipefail
cd "$(dirname "$0")/.."

pkg=@twilio/cli-core
inner=src/services/twilio-api
files=(twilio_conversations_v1.json twilio_conversations_v2.json)

version=${1:-}
if [[ -z $version ]]; then
	version=$(npm view "$pkg" version)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "Fetching $pkg@$version with npm pack" >&2
tarball=$(cd "$tmp" && npm pack --silent "$pkg@$version" | tail -n 1)
tar -xzf "$tmp/$tarball" -C "$tmp"
published=$(npm view "$pkg@$version" "time[$version]")
integrity=$(npm view "$pkg@$version" dist.integrity)

sha256() {
	if command -v sha256sum >/dev/null; then
		sha256sum "$1" | cut -d' ' -f1
	else
		shasum -a 256 "$1" | cut -d' ' -f1
	fi
}

mkdir -p "$tmp/old" spec
for f in "${files[@]}"; do
	[[ -f spec/$f ]] && cp "spec/$f" "$tmp/old/"
	if [[ ! -f $tmp/package/$inner/$f ]]; then
		echo "$pkg@$version has no $inner/$f" >&2
		exit 1
	fi
done
for f in "${files[@]}"; do
	cp "$tmp/package/$inner/$f" "spec/$f"
done
cp "$tmp/package/LICENSE" spec/LICENSE

{
	cat <<EOF
# Twilio's OpenAPI specs of Conversations

Test data, not a build input: the provider never reads these files. \`internal/contract\` holds the
data sources and the emulator to them (see its package documentation), and \`make spec-refresh\`
(\`scripts/refresh-spec.sh\`) replaces them with a newer release and prints what changed.

| | |
|---|---|
| origin | the npm package [\`$pkg\`](https://www.npmjs.com/package/$pkg), version $version, published ${published%%T*} (\`$published\`) |
| package integrity | \`$integrity\` |
| licence | MIT, Copyright (C) Twilio, Inc.: [\`LICENSE\`](LICENSE), the package's own |

| file | path in the package | sha256 |
|---|---|---|
EOF
	for f in "${files[@]}"; do
		echo "| \`$f\` | \`package/$inner/$f\` | \`$(sha256 "spec/$f")\` |"
	done
	cat <<EOF

The files are the package's, whole and unchanged. To take a newer release:

\`\`\`sh
make spec-refresh                # the latest release
make spec-refresh VERSION=9.1.0  # or this one
go test ./internal/contract/     # then see what the provider and the emulator lack
\`\`\`
EOF
} >spec/README.md

echo "spec/ now holds $pkg@$version (published $published)." >&2
echo
go run ./internal/contract/specdiff "$tmp/old" spec
