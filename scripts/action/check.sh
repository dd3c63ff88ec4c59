#!/usr/bin/env bash
# Runs `isms check --format github` (annotations on the changed lines) and keeps the JSON
# for the summary. Never fails the step itself: the exit code goes to GITHUB_OUTPUT and the
# action's last step decides.
# Inputs (env): ISMS_PATH, ISMS_FAIL_ON (error | warning | never), ISMS_REPORT_DIR.
# Outputs: exit-code, errors, warnings, infos.
set -uo pipefail

path="${ISMS_PATH:-.}"
report="${ISMS_REPORT_DIR:?no report folder}"
mkdir -p "$report"
deny=()
case "${ISMS_FAIL_ON:-error}" in
  error | never) ;;
  warning) deny=(--deny warnings) ;;
  *)
    echo "::error title=isms::fail-on must be error, warning or never"
    exit 1
    ;;
esac

isms check "$path" --format github --color never "${deny[@]}"
code=$?
isms check "$path" --format json --color never --exit-zero --output "$report/check.json"
json_code=$?
if [[ $json_code -ne 0 || ! -s "$report/check.json" ]]; then
  code=2
  echo '{"version": 1, "findings": [], "summary": null}' > "$report/check.json"
fi
count() { jq -r ".summary.$1 // 0" "$report/check.json"; }
{
  echo "exit-code=$code"
  echo "errors=$(count errors)"
  echo "warnings=$(count warnings)"
  echo "infos=$(count infos)"
} >> "${GITHUB_OUTPUT:-/dev/null}"
exit 0
