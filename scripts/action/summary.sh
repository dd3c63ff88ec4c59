#!/usr/bin/env bash
# Writes the job summary: the totals of `isms check` and, when `isms soa --format json`
# exists, the Statement of Applicability's counts; then the findings, as many as fit in
# the summary's limit (1 MiB per step).
# Inputs (env): ISMS_PATH, ISMS_REPORT_DIR (holding check.json), GITHUB_STEP_SUMMARY,
# ISMS_SUMMARY_LIMIT (bytes; default 1,000,000, under GitHub's 1 MiB).
set -euo pipefail

path="${ISMS_PATH:-.}"
report="${ISMS_REPORT_DIR:?no report folder}"
limit="${ISMS_SUMMARY_LIMIT:-1000000}"
out="$report/summary.md"
# Paths in check.json are relative to the ISMS root; show them relative to the repository.
prefix=$(cd "$path" && git rev-parse --show-prefix 2> /dev/null) || prefix=""

# Markdown-table-safe text: no cell break, no HTML, no emphasis, no mention.
jq_esc='def esc: tostring | gsub("[\r\n\t]"; " ") | gsub("&"; "&amp;") | gsub("<"; "&lt;")
  | gsub(">"; "&gt;") | gsub("(?<c>[\\\\`*_\\[\\]|#~!$])"; "\\\(.c)") | gsub("@"; "@\u2060");'

{
  echo "## isms check"
  echo
  jq -r "$jq_esc"'
    if .summary == null then "**isms check could not run**: see the log of this step."
    else
      "| | |\n|---|---:|",
      "| Errors | \(.summary.errors) |",
      "| Warnings | \(.summary.warnings) |",
      "| Infos | \(.summary.infos) |",
      "| Files | \(.summary.files) |",
      "| Entities | \(.summary.entities) |"
    end' "$report/check.json"
  # The SoA counts, when this isms has `isms soa` (and the repository declares a framework).
  if soa=$(cd "$path" && isms soa --format json 2> /dev/null) && jq -e '.rows | type == "array"' <<< "$soa" > /dev/null 2>&1; then
    echo
    jq -r "$jq_esc"'
      "### Statement of Applicability: \(.title // .framework | esc)",
      "",
      "| Controls | Applicable | Excluded | Implemented | Partial | Planned | Not implemented |",
      "|---:|---:|---:|---:|---:|---:|---:|",
      "| \(.rows | length) | \([.rows[] | select(.applicable == true)] | length) | \([.rows[] | select(.exclusion != null)] | length) | \([.rows[] | select(.status == "implemented")] | length) | \([.rows[] | select(.status == "partial")] | length) | \([.rows[] | select(.status == "planned")] | length) | \([.rows[] | select(.status == "not-implemented")] | length) |"
    ' <<< "$soa"
  fi
} > "$out"

# The findings, row by row, while they fit (leaving room for the closing note).
total=$(jq '.findings | length' "$report/check.json")
if [[ "$total" -gt 0 ]]; then
  printf '\n### Findings\n\n| Severity | Code | Location | Message |\n|---|---|---|---|\n' >> "$out"
  budget=$((limit - 300))
  shown=0
  size=$(wc -c < "$out")
  # Byte lengths: ${#row} counts bytes in the C locale.
  export LC_ALL=C
  while IFS= read -r row; do
    bytes=${#row}
    if [[ $((size + bytes + 1)) -gt $budget ]]; then break; fi
    printf '%s\n' "$row" >> "$out"
    size=$((size + bytes + 1))
    shown=$((shown + 1))
  done < <(jq -r --arg prefix "$prefix" "$jq_esc"'.findings[] |
    "| \(.severity) | `\(.code)` | \($prefix + .file | esc):\(.line):\(.column) | \(.message | esc) |"' "$report/check.json")
  if [[ $shown -lt $total ]]; then
    printf '\n> [!NOTE]\n> %s of %s findings are listed (the summary holds at most 1 MiB); run `isms check` for all.\n' "$shown" "$total" >> "$out"
  fi
fi

head -c "$limit" "$out" >> "${GITHUB_STEP_SUMMARY:?no job summary file}"
