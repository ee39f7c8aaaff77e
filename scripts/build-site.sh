#!/usr/bin/env bash
# Builds the site from Content/ into Output/ (the README's first command).
# Extra arguments go to `reportsite build`, e.g. --drafts or --output DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh
swift build -c release --product reportsite
.build/release/reportsite build "$@"
