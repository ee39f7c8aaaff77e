#!/usr/bin/env bash
# Runs every test (the README's second command):
#   1. the Swift package's unit and integration tests (swift test);
#   2. the built site as a visitor's browser and the W3C checkers see it (pytest, Tests/site):
#      axe-core in headless Chromium, the Nu Html Checker, links, screenshots, page weight.
# Installs what a fresh Debian machine lacks (cmark-gfm, Chromium, poppler, Java, the PyPI tools).
# Ends with one plain line: "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh
# shellcheck source=Tests/site/install_site_test_tools.sh
source Tests/site/install_site_test_tools.sh
install_site_test_tools

swift build --build-tests

log=$(mktemp)
trap 'rm -f "$log"' EXIT

set +e
swift test --skip-build 2>&1 | tee "$log"
swift_status=${PIPESTATUS[0]}
swift_total=$(grep -oE 'Test run with [0-9]+ tests?' "$log" | grep -oE '[0-9]+' | tail -n 1)
swift_failed=$(grep -E '^✘ Test .* failed' "$log" | grep -vc '^✘ Test run ')

python3 -m pytest Tests/site -q -p no:cacheprovider 2>&1 | tee "$log"
pytest_status=${PIPESTATUS[0]}
pytest_passed=$(grep -oE '[0-9]+ passed' "$log" | grep -oE '[0-9]+' | tail -n 1)
pytest_failed=$(grep -oE '[0-9]+ (failed|errors?)' "$log" | awk '{ total += $1 } END { print total + 0 }')
set -e

passed=$(( ${swift_total:-0} - ${swift_failed:-0} + ${pytest_passed:-0} ))
failed=$(( ${swift_failed:-0} + ${pytest_failed:-0} ))
if [ "$swift_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$pytest_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: ${passed} passed, ${failed} failed"
[ "$swift_status" -eq 0 ] && [ "$pytest_status" -eq 0 ]
