#!/usr/bin/env bash
# Wall time, CPU time and peak memory of `isms check` on synthetic repositories of N risks,
# beside the time `cat` takes to read the same files in the same run (the floor: the target
# is isms ≤ 1.3 × cat). cpu/wall above 1 means more than one core was used.
#   bench/run.sh [N ...]        default: 1000 10000 100000
# Needs GNU time (/usr/bin/time, Debian package `time`). Figures go in notes, not tests.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin isms --example gen_repo
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
printf '%-8s %-8s %-8s %-8s %-8s %-8s %-8s %s\n' N files wall_s cpu_s cat_s vs_cat peak_MB result
for n in "${sizes[@]}"; do
  repo="$work/r$n"
  target/release/examples/gen_repo "$n" "$repo"
  files=$(find "$repo" -name '*.yaml' | wc -l)
  target/release/isms check "$repo" --today 2026-11-26 --format concise >/dev/null  # warm the page cache
  best=""; peak=""; cpu=""; cat_best=""
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %M %U %S' -o "$work/t" target/release/isms check "$repo" --today 2026-11-26 --format concise >"$work/out" || true
    read -r wall kb user sys <"$work/t"
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then
      best=$wall; peak=$kb; cpu=$(awk "BEGIN{print $user + $sys}")
    fi
    # The same files read by cat, in the same order of magnitude of system calls.
    /usr/bin/time -f '%e' -o "$work/c" sh -c "find '$repo' -name '*.yaml' -print0 | xargs -0 cat >/dev/null"
    read -r cat_wall <"$work/c"
    if [ -z "$cat_best" ] || awk "BEGIN{exit !($cat_wall < $cat_best)}"; then cat_best=$cat_wall; fi
  done
  ratio=$(awk "BEGIN{printf \"%.2f\", $best / ($cat_best > 0 ? $cat_best : 0.01)}")
  printf '%-8s %-8s %-8s %-8s %-8s %-8s %-8s %s\n' "$n" "$files" "$best" "$cpu" "$cat_best" "$ratio" "$((peak / 1024))" "$(tail -n1 "$work/out")"
done
rm -rf "$work/r"*
# company-example, the small case
/usr/bin/time -f 'company-example: %e s wall, %M KB peak' target/release/isms check company-example --today 2026-11-26 >/dev/null
