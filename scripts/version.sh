#!/usr/bin/env bash
# Prints the provider's version, a semantic version without the leading "v",
# as make build/install and goreleaser stamp it into the binary:
#
#   0.1.0                  a clean tree at the tag v0.1.0
#   0.1.1-dev.4+g1a2b3c4   anything else: the patch after the newest release tag,
#                          a pre-release counting the commits since that tag
#                          (since the first commit when there is none, from
#                          0.0.0), and the commit as build metadata;
#                          ".dirty" is added when tracked files have changes
#   0.0.0-dev              outside a git checkout
#
# Terraform and OpenTofu take such a pre-release from a mirror or a registry
# only when a configuration names it exactly, build metadata included
# (version = "0.1.1-dev.4+g1a2b3c4"); a version constraint such as "~> 0.1"
# never selects one.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! git rev-parse --git-dir >/dev/null 2>&1; then
	echo "0.0.0-dev"
	exit 0
fi

git update-index -q --refresh >/dev/null 2>&1 || true
dirty=""
git diff-index --quiet HEAD -- 2>/dev/null || dirty=".dirty"

if [ -z "$dirty" ] && tag=$(git describe --tags --exact-match --match 'v[0-9]*.[0-9]*.[0-9]*' HEAD 2>/dev/null); then
	echo "${tag#v}"
	exit 0
fi

# The newest release tag reachable from HEAD, pre-releases (v1.2.0-rc.1) left out.
if tag=$(git describe --tags --abbrev=0 --match 'v[0-9]*.[0-9]*.[0-9]*' --exclude '*-*' HEAD 2>/dev/null); then
	base=${tag#v}
	count=$(git rev-list --count "$tag..HEAD")
else
	base=0.0.0
	count=$(git rev-list --count HEAD)
fi
IFS=. read -r major minor patch <<<"${base%%+*}"
echo "$major.$minor.$((patch + 1))-dev.$count+g$(git rev-parse --short HEAD)$dirty"
