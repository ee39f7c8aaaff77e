#!/usr/bin/env bash
# Runs every test (the README's second command): unit and integration tests of the Swift package,
# including a build of the real Content/ checked from its HTML.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh
swift build --build-tests
swift test --skip-build
