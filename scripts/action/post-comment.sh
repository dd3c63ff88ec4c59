#!/usr/bin/env bash
# Posts BODY_FILE as the one isms comment of pull request PR: updates the comment that
# starts with <!-- isms-report --> (written by ISMS_COMMENT_AUTHOR), or creates it.
#   post-comment.sh BODY_FILE PR
# The body may come from an untrusted artifact (a fork's pull request wrote it), so only what
# the renderer (isms diff --format md) can produce is posted: the marker is removed until none
# is left, raw HTML is escaped (but `<sub>`), images are shown as text, @mentions are
# neutralised, and a link or URL that does not lead into this repository is shown as code.
# The number must be digits, the body is cut to GitHub's 65,536 characters, and with
# ISMS_UNTRUSTED=true (the workflow_run job) ISMS_EXPECTED_HEAD_SHA is required: the pull
# request must have that head commit, so an artifact cannot aim at another pull request.
# Inputs (env): GITHUB_REPOSITORY, GITHUB_SERVER_URL, GH_TOKEN, ISMS_COMMENT_AUTHOR,
# ISMS_EXPECTED_HEAD_SHA, ISMS_UNTRUSTED.
set -euo pipefail

marker="<!-- isms-report -->"
file="${1:?usage: post-comment.sh BODY_FILE PR}"
pr="${2:?usage: post-comment.sh BODY_FILE PR}"
repo="${GITHUB_REPOSITORY:?no repository}"
author="${ISMS_COMMENT_AUTHOR:-github-actions[bot]}"
if [[ ! "$pr" =~ ^[0-9]{1,10}$ ]]; then
  echo "::error title=isms::not a pull request number"
  exit 1
fi
if [[ ! "$repo" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]]; then
  echo "::error title=isms::not a repository name"
  exit 1
fi
if [[ "${ISMS_UNTRUSTED:-}" == "true" && ! "${ISMS_EXPECTED_HEAD_SHA:-}" =~ ^[0-9a-f]{40}$ ]]; then
  echo "::error title=isms::post-comment-from needs expected-head-sha (github.event.workflow_run.head_sha): without it a saved artifact could aim at any pull request"
  exit 1
fi
if [[ -n "${ISMS_EXPECTED_HEAD_SHA:-}" ]]; then
  actual=$(gh api "repos/$repo/pulls/$pr" --jq .head.sha)
  if [[ "$actual" != "$ISMS_EXPECTED_HEAD_SHA" ]]; then
    echo "::error title=isms::pull request #$pr is at ${actual:0:7}, not at the commit that was checked (${ISMS_EXPECTED_HEAD_SHA:0:7}): no comment"
    exit 1
  fi
fi

# Only what the renderer makes; the marker first, exactly once; at most 65,536 characters.
here_url="${GITHUB_SERVER_URL:-https://github.com}/$repo/"
body=$(mktemp)
trap 'rm -f "$body"' EXIT
jq -Rsj --arg m "$marker" --arg here "$here_url" '
  def unmark: if contains($m) then gsub($m; "") | unmark else . end;
  def safe:
    gsub("<"; "&lt;")
    | gsub("&lt;(?<t>/?sub)>"; "<\(.t)>")
    | gsub("!\\["; "!\\[")
    | gsub("@(?<n>[A-Za-z0-9_-])"; "@\u200b\(.n)")
    | gsub("(?<u>(?:[A-Za-z][A-Za-z0-9+.-]*://|www\\.)[^\\s<>()`\\]]*)";
        if (.u | startswith($here)) then .u else "`" + .u + "`" end);
  ($m + "\n" + (unmark | safe | ltrimstr("\n"))) as $b
  | if ($b | length) > 65536 then $b[:65400] + "\n\n… cut to fit a comment: see the job summary." else $b end' \
  < "$file" > "$body"

payload=$(jq -cRs '{body: .}' < "$body")
id=$(gh api --paginate "repos/$repo/issues/$pr/comments" \
  | jq -r --arg a "$author" --arg m "$marker" \
    '.[] | select(.user.login == $a and (.body | startswith($m))) | .id' | head -n 1)
if [[ -n "$id" ]]; then
  what="updated"
  result=$(gh api --method PATCH "repos/$repo/issues/comments/$id" --input - --jq .html_url <<< "$payload" 2>&1) || what=""
else
  what="posted"
  result=$(gh api --method POST "repos/$repo/issues/$pr/comments" --input - --jq .html_url <<< "$payload" 2>&1) || what=""
fi
if [[ -z "$what" ]]; then
  echo "::warning title=isms::could not post the pull-request comment ($result). On a pull request from a fork the token is read-only: use the fork-safe setup (pull_request + workflow_run) of the README."
  exit 0
fi
echo "isms comment $what: $result"
