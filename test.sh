#!/usr/bin/env bash
# Installs what the tests need and runs every test. CI calls this through .ci/run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# shellcheck source=/dev/null
source "$root/scripts/install-test-deps.sh"

dotnet build Storyfold.slnx -c Release -nologo -v q -clp:NoSummary
mkdir -p "$root/test-output"
set +e
dotnet test --solution Storyfold.slnx -c Release --no-build --results-directory "$root/test-output" \
  --output detailed --no-progress 2>&1 | tee "$root/test-output/test.log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line, whatever the runner printed above it.
totals=$(grep -Eio 'total: *[0-9]+|failed: *[0-9]+|succeeded: *[0-9]+|skipped: *[0-9]+' "$root/test-output/test.log" \
  | tr 'A-Z' 'a-z' | awk -F': *' '$1=="failed"{f=$2} $1=="succeeded"{p=$2} $1=="skipped"{s=$2} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
# When browser tests fail, what the pages asked for and got is the first thing to read.
if [ "$status" -ne 0 ] && [ -s "$root/test-output/browser.log" ]; then
  echo "--- last lines of test-output/browser.log ---"
  tail -n 60 "$root/test-output/browser.log"
fi
echo "tests: ${totals:-0 passed, 0 failed}"
exit "$status"
