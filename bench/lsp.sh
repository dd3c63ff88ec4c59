#!/usr/bin/env bash
# The language server on a synthetic repository of N risks (default 10000), beside
# `isms check` on the same repository: first judgment after opening a file, latency from a
# one-character edit to its diagnostics, peak memory. Figures go in the README, not tests.
#   bench/lsp.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
cargo build --release --quiet --bin isms --example gen_repo --example lsp_bench
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
target/release/examples/gen_repo "$n" "$work/r"
target/release/isms check "$work/r" --today 2026-11-26 --format concise >/dev/null  # warm the page cache
/usr/bin/time -f "isms check: %e s wall, %M KB peak" target/release/isms check "$work/r" --today 2026-11-26 --format concise >/dev/null
for _ in 1 2 3; do
  target/release/examples/lsp_bench target/release/isms "$work/r" 40
done
