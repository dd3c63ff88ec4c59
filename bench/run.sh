#!/usr/bin/env bash
# Wall time and peak memory of `isms check` on synthetic repositories of N risks.
#   bench/run.sh [N ...]        default: 1000 10000 100000
# Needs GNU time (/usr/bin/time, Debian package `time`). Figures go in notes, not tests.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin isms --example gen_repo
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
printf '%-8s %-8s %-10s %-10s %s\n' N files wall_s peak_MB result
for n in "${sizes[@]}"; do
  repo="$work/r$n"
  target/release/examples/gen_repo "$n" "$repo"
  files=$(find "$repo" -name '*.yaml' | wc -l)
  target/release/isms check "$repo" --today 2026-11-26 --format concise >/dev/null  # warm the page cache
  best=""; peak=""
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$work/t" target/release/isms check "$repo" --today 2026-11-26 --format concise >"$work/out" || true
    read -r wall kb <"$work/t"
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; peak=$kb; fi
  done
  printf '%-8s %-8s %-10s %-10s %s\n' "$n" "$files" "$best" "$((peak / 1024))" "$(tail -n1 "$work/out")"
done
rm -rf "$work/r"*
# company-example, the small case
/usr/bin/time -f 'company-example: %e s wall, %M KB peak' target/release/isms check company-example --today 2026-11-26 >/dev/null
