#!/usr/bin/env bash
# On a pull request: `isms diff` between the pull request's base and HEAD, as one comment
# marked with <!-- isms-report -->. The body, the pull request's number and head commit are
# saved in the report folder (for the fork-safe workflow_run job); with ISMS_COMMENT=true
# the comment is posted or updated here.
# Inputs (env): ISMS_PATH, ISMS_REPORT_DIR, ISMS_COMMENT, GITHUB_EVENT_NAME, GITHUB_EVENT_PATH,
# GITHUB_REPOSITORY, GITHUB_SERVER_URL, GITHUB_RUN_ID, GH_TOKEN.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
path="${ISMS_PATH:-.}"
report="${ISMS_REPORT_DIR:?no report folder}"
case "${GITHUB_EVENT_NAME:-}" in
  pull_request | pull_request_target) ;;
  *)
    echo "not a pull request: no comment"
    exit 0
    ;;
esac
event="${GITHUB_EVENT_PATH:?no event file}"
pr=$(jq -r '.pull_request.number // empty' "$event")
base=$(jq -r '.pull_request.base.sha // empty' "$event")
head=$(jq -r '.pull_request.head.sha // empty' "$event")
if [[ ! "$pr" =~ ^[0-9]+$ || ! "$base" =~ ^[0-9a-f]{40}$ ]]; then
  echo "::warning title=isms::the event has no pull request number or base commit: no comment"
  exit 0
fi
if ! git -C "$path" cat-file -e "$base^{commit}" 2> /dev/null; then
  # A shallow checkout: fetch just the base commit.
  git -C "$path" fetch --quiet --no-tags --depth=1 origin "$base" || true
fi

# Locations in the comment link to their lines at the pull request's head.
links=()
if [[ -n "${GITHUB_REPOSITORY:-}" && "$head" =~ ^[0-9a-f]{40}$ ]]; then
  links=(--repository-url "${GITHUB_SERVER_URL:-https://github.com}/$GITHUB_REPOSITORY" --sha "$head")
fi

mkdir -p "$report"
body="$report/comment.md"
{
  echo "<!-- isms-report -->"
  if ! isms diff "$base" HEAD "$path" --format md "${links[@]}"; then
    echo "**isms diff** could not compare with the base commit (\`${base:0:7}\`): check out with \`fetch-depth: 0\`."
  fi
  if [[ -n "${GITHUB_RUN_ID:-}" && -n "${GITHUB_REPOSITORY:-}" ]]; then
    echo
    echo "<sub>[isms check: annotations and job summary](${GITHUB_SERVER_URL:-https://github.com}/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID)</sub>"
  fi
} > "$body"
echo "$pr" > "$report/pr-number"
echo "$head" > "$report/head-sha"

if [[ "${ISMS_COMMENT:-true}" == "true" ]]; then
  bash "$here/post-comment.sh" "$body" "$pr"
fi
