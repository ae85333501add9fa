#!/usr/bin/env bash
# Prints the section of CHANGELOG.md for one released version, the notes of
# its GitHub release, and fails when there is none: a tag is released only
# once the changelog says what it holds.
#
#   scripts/release-notes.sh 0.1.0
set -euo pipefail
cd "$(dirname "$0")/.."

version=${1:?usage: $0 VERSION}
case "$version" in
*-dev* | *+*)
	echo "release-notes: $version is a development build, not a release: tag the commit vX.Y.Z first" >&2
	exit 1
	;;
esac
notes=$(awk -v v="$version" '
	index($0, "## [" v "]") == 1 { found = 1; next }
	found && /^## / { exit }
	found && /^\[[^]]*\]: / { exit }
	found { print }
' CHANGELOG.md)
if [ -z "$(printf '%s' "$notes" | tr -d '[:space:]')" ]; then
	echo "release-notes: CHANGELOG.md has no section \"## [$version]\": move the Unreleased entries under it" >&2
	exit 1
fi
printf '%s\n' "$notes" | sed -e '/./,$!d'
