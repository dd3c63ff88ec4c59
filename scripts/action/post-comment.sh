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
# The body is cut to the limit before it is sanitised, and the sanitiser is linear: jq 1.6's
# gsub, join and regex scans grow with the square of the input (a 200,000-character body took
# minutes), so literal replacements go through split and explode/implode, and the one regex
# (links) runs on pieces cut after every character that ends a link, at most one link each.
max=65536
here_url="${GITHUB_SERVER_URL:-https://github.com}/$repo/"
body=$(mktemp)
trap 'rm -f "$body"' EXIT
# 4 bytes a character at most: one byte more than that is more than $max characters.
head -c $((max * 4 + 1)) "$file" | jq -Rsj --arg m "$marker" --arg here "$here_url" --argjson max "$max" '
  def cat: [.[] | explode[]] | implode;
  # (contains first: explode and implode cost more than the search.)
  def lit($a; $b): if contains($a) then ($b | explode) as $bb | split($a) | [(.[0] | explode[]), (.[1:][] | ($bb[], explode[]))] | implode else . end;
  def unmark: if contains($m) then lit($m; "") | unmark else . end;
  # White space (\s) and <>()`]: no link goes past one of them.
  def pieces: reduce ("\t", "\n", "\u000b", "\f", "\r", " ", "\u0085", "\u00a0", "\u1680",
      "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008",
      "\u2009", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
      "<", ">", "(", ")", "`", "]") as $c (.; lit($c; $c + "\u0000"))
    | split("\u0000");
  def link:
    if contains("://") or contains("www.") then
      gsub("(?<u>(?:[A-Za-z][A-Za-z0-9+.-]{0,31}://|www\\.)[^\\s<>()`\\]]*)";
        if (.u | startswith($here)) then .u else "`" + .u + "`" end)
    else . end;
  def safe:
    lit("<"; "&lt;") | lit("&lt;sub>"; "<sub>") | lit("&lt;/sub>"; "</sub>")
    | lit("!["; "!\\[")
    | lit("@"; "@\u200b")
    | [pieces[] | link] | cat;
  # Up to the last line break, so that no code span or link is cut open.
  def whole_lines: explode as $e | [range(0; $e | length) | select($e[.] == 10)] | last as $i
    | if $i == null then "" else $e[:$i] | implode end;
  (length > $max) as $long
  | ($m + "\n" + (.[:$max] | lit("\u0000"; "\ufffd") | unmark | safe | ltrimstr("\n"))) as $b
  | if $long or ($b | length) > $max then
      ($b[:($max - 136)] | whole_lines) + "\n\n… cut to fit a comment: see the job summary."
    else $b end' \
  > "$body"

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
