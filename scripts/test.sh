#!/usr/bin/env bash
# Runs every test (the README's second command): unit and integration tests of the Swift package,
# including a build of the real Content/ checked from its HTML.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh
swift build --build-tests

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
swift test --skip-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# XCTest also prints "Executed 0 tests" (the tests use Swift Testing); end with one plain count line.
count=$(grep -oE 'Test run with [0-9]+ tests?' "$log" | grep -oE '[0-9]+' | tail -n 1)
if [ "$status" -eq 0 ]; then
  echo "swift-testing: ${count:-0} passed, 0 failed"
else
  failed=$(grep -cE '^✘ Test .* failed' "$log" || true)
  echo "swift-testing: $(( ${count:-0} - failed )) passed, ${failed} failed"
fi
exit "$status"
