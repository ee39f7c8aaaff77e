#!/usr/bin/env bash
# Benchmarks reportsite against the cmark-gfm floor and Hugo: see bench/run.py for what is timed.
# usage: bash bench/run.sh [N ...]   (default: 1000 10000; BENCH_RUNS=3, BENCH_DIR=/tmp/reportsite-bench)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh
missing=()
for tool in cmark-gfm hugo; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Pagefind, for the row of Hugo with print pages and full-text search, comes from PyPI.
if ! python3 -m pagefind_bin --version >/dev/null 2>&1; then
  python3 -m pip install --quiet 'pagefind[bin]' || echo "pagefind not installed: its row is left out" >&2
fi
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --product reportsite
fi
exec python3 bench/run.py "$@"
