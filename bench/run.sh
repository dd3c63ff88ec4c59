#!/usr/bin/env bash
# Wall time, CPU time and peak memory of `isms check` on synthetic repositories of N risks,
# beside the time `cat` takes to read the same files in the same run (the floor: the target
# is isms ≤ 1.3 × cat). cpu/wall above 1 means more than one core was used.
#   bench/run.sh [N ...]        default: 1000 10000 100000
# Needs GNU time (/usr/bin/time, Debian package `time`). Figures go in notes, not tests.
# With ISMS_BENCH_AJV=DIR (a folder where `npm install ajv-cli ajv-formats` was run), two more
# columns: ajv-cli validating the same files (but isms.yaml and the two-document roles.yaml)
# against the same schemas (isms.schema.json, the others by $ref), `--strict=false` for the
# editor keywords, ajv-formats for `format: date`. ajv_yaml_s: ajv-cli reading the YAML itself
# (js-yaml, whose YAML 1.1 dates fail `type: string` — the time still counts every file);
# ajv_json_s: JSON copies made beforehand with the YAML 1.2 core schema (bench/yaml-to-json.js,
# not timed), so only ajv's own validation is timed. Both are wall times, best of three.
# CARGO_TARGET_DIR is honoured (the binaries are read from it).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin isms --example gen_repo
bin="${CARGO_TARGET_DIR:-target}/release"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
ajv="${ISMS_BENCH_AJV:-}"
if [ -n "$ajv" ]; then
  # The schemas refer to each other by file name; ajv finds them by $id.
  mkdir "$work/schemas"
  for f in schema/*.schema.json; do
    jq --arg id "$(basename "$f")" '{"$id": $id} + .' "$f" > "$work/schemas/$(basename "$f")"
  done
  refs=()
  for f in "$work"/schemas/*.schema.json; do
    case "$f" in *isms.schema.json | *config.schema.json) ;; *) refs+=(-r "$f") ;; esac
  done
fi
# ajv-cli on the files below $1 matching the glob $2; prints the best wall time of three.
ajv_time() {
  local best=""
  for _ in 1 2 3; do
    (cd "$ajv" && /usr/bin/time -f '%e' -o "$work/a" node_modules/.bin/ajv validate --spec=draft7 --strict=false \
      -c ajv-formats -s "$work/schemas/isms.schema.json" "${refs[@]}" -d "$1/$2" >/dev/null 2>&1) || true
    t=$(tail -n 1 "$work/a")  # after "Command exited with non-zero status" when files fail
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
  done
  echo "$best"
}
printf '%-8s %-8s %-8s %-8s %-8s %-8s %-8s %s\n' N files wall_s cpu_s cat_s vs_cat peak_MB result
for n in "${sizes[@]}"; do
  repo="$work/r$n"
  "$bin/examples/gen_repo" "$n" "$repo"
  files=$(find "$repo" -name '*.yaml' | wc -l)
  "$bin/isms" check "$repo" --today 2026-11-26 --format concise >/dev/null  # warm the page cache
  best=""; peak=""; cpu=""; cat_best=""
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %M %U %S' -o "$work/t" "$bin/isms" check "$repo" --today 2026-11-26 --format concise >"$work/out" || true
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
  if [ -n "$ajv" ]; then
    NODE_PATH="$ajv/node_modules" node bench/yaml-to-json.js "$repo" "$work/j$n"
    a_yaml=$(ajv_time "$repo" '{assets,controls,procedures,risks,threats,vulnerabilities}/*.yaml')
    a_json=$(ajv_time "$work/j$n" '**/*.json')
    printf '         ajv_yaml_s %s (isms %sx faster)  ajv_json_s %s (isms %sx faster)\n' \
      "$a_yaml" "$(awk "BEGIN{printf \"%.1f\", $a_yaml / $best}")" \
      "$a_json" "$(awk "BEGIN{printf \"%.1f\", $a_json / $best}")"
    rm -rf "$work/j$n"
  fi
done
rm -rf "$work/r"*
# company-example, the small case
/usr/bin/time -f 'company-example: %e s wall, %M KB peak' "$bin/isms" check company-example --today 2026-11-26 >/dev/null
