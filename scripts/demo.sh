#!/usr/bin/env bash
# Runs the provider end to end with no Twilio account: builds the provider
# and the emulator, starts the emulator, and applies examples/demo with the
# freshly built provider through a throw-away CLI configuration. The user's
# own ~/.terraformrc is never read or touched. TF=tofu uses OpenTofu.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tfbin=$(scripts/tf-binary.sh "${TF:-terraform}")
. scripts/emulator.sh
start_emulator

mkdir -p "$work/config"
cp examples/demo/*.tf "$work/config/"
echo "==> $("$tfbin" version | head -n 1): apply examples/demo"
"$tfbin" -chdir="$work/config" apply -auto-approve -input=false -no-color

stop_emulator
echo "==> Done: $emulator_said"
