#!/usr/bin/env bash
# The installable package's tests (CI runs them after scripts/test.sh; see .ci/run): the CI example
# of docs/publishing.md run in a clean copy of the checkout, which makes the package with a release
# compile, then the package taken apart and run where no Swift and no cmark-gfm can be found.
# Needs root (a mount namespace hides the toolchain) and the source build (swift build --build-tests).
# Ends with one plain line: "package: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=Tests/site/install_site_test_tools.sh
source Tests/site/install_site_test_tools.sh
install_site_test_tools >/dev/null
# The CI example is read as the YAML it is.
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install -q 'pyyaml==6.0.3'
log=$(mktemp)
trap 'rm -f "$log"' EXIT
python3 -m pytest Tests/package -q -p no:cacheprovider -s 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -oE '[0-9]+ passed' "$log" | grep -oE '[0-9]+' | tail -n 1)
failed=$(grep -oE '[0-9]+ (failed|errors?)' "$log" | awk '{ total += $1 } END { print total + 0 }')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "package: ${passed:-0} passed, ${failed} failed"
exit "$status"
