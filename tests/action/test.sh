#!/usr/bin/env bash
# Tests of the action's scripts (scripts/action/*.sh), run locally: a temporary git
# repository holding company-example in a subfolder, a fake GITHUB_STEP_SUMMARY,
# GITHUB_OUTPUT and GITHUB_EVENT_PATH, and a stubbed `gh` that records every API call.
#   tests/action/test.sh [PATH-TO-ISMS-BINARY]
# Ends with "N passed, N failed"; exits 1 when a test failed.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
project=$(cd "$here/../.." && pwd)
isms_bin="${1:-${ISMS_BIN:-$project/target/debug/isms}}"
if [[ ! -x "$isms_bin" ]]; then
  echo "no isms binary at $isms_bin: run cargo build first" >&2
  exit 2
fi
isms_bin=$(cd "$(dirname "$isms_bin")" && pwd)/$(basename "$isms_bin")
scripts="$project/scripts/action"
work=$(mktemp -d)
trap '[[ -n "${KEEP:-}" ]] || rm -rf "$work"' EXIT; echo "work: $work"

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; [[ -n "${2:-}" ]] && printf '  %s\n' "$2"; }
expect() { # expect NAME COMMAND...: passes when the command succeeds
  local name=$1
  shift
  if "$@" > /dev/null 2>&1; then ok "$name"; else not_ok "$name" "failed: $*"; fi
}
contains() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }

# The tools on PATH: isms, and the gh stub.
mkdir -p "$work/bin" "$work/fixtures"
ln -s "$isms_bin" "$work/bin/isms"
ln -s "$here/gh" "$work/bin/gh"
export PATH="$work/bin:$PATH"
export GH_LOG="$work/gh.log" GH_FIXTURES="$work/fixtures"

# A repository: company-example in compliance/, a base commit, then a pull request's commit
# that breaks one reference and re-levels a risk (a likelihood other than IPA's table, with
# its reason).
repo="$work/repo"
mkdir -p "$repo"
git -C "$repo" init -q -b main
git -C "$repo" config user.name "isms test"
git -C "$repo" config user.email "test@example.invalid"
git -C "$repo" config commit.gpgsign false
cp -R "$project/company-example" "$repo/compliance"
git -C "$repo" add -A
git -C "$repo" commit -q -m base
base=$(git -C "$repo" rev-parse HEAD)
sed -i.bak 's/C-PASSWORD, C-OFFSITE/C-PASSWRD, C-OFFSITE/; s/^likelihood: 2$/likelihood: 3\nlikelihood_reason: 持ち出しが増えた/' "$repo/compliance/risks/R-001.yaml"
rm "$repo/compliance/risks/R-001.yaml.bak"
git -C "$repo" commit -q -am "a pull request"
head=$(git -C "$repo" rev-parse HEAD)

# The runner's files.
reset_runner() {
  export GITHUB_OUTPUT="$work/output" GITHUB_STEP_SUMMARY="$work/summary.md" GITHUB_PATH="$work/path"
  : > "$GITHUB_OUTPUT"
  : > "$GITHUB_STEP_SUMMARY"
  : > "$GITHUB_PATH"
  : > "$GH_LOG"
  rm -rf "$work/report"
}
export GITHUB_ACTION_PATH="$project" GITHUB_REPOSITORY="o/r" GITHUB_RUN_ID=123 GITHUB_SERVER_URL="https://github.test"
export ISMS_REPORT_DIR="$work/report" ISMS_PATH="compliance" RUNNER_TEMP="$work/runner" RUNNER_OS=Linux RUNNER_ARCH=X64
cat > "$work/event.json" << JSON
{"pull_request": {"number": 7, "base": {"sha": "$base"}, "head": {"sha": "$head"}}}
JSON
export GITHUB_EVENT_PATH="$work/event.json" GITHUB_EVENT_NAME=pull_request
cd "$repo" || exit 2

# --- version.sh
reset_runner
version=$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' "$project/Cargo.toml" | head -n 1)
ISMS_VERSION="" bash "$scripts/version.sh" > /dev/null
expect "version: defaults to the action's own version" contains "$GITHUB_OUTPUT" "version=$version"
expect "version: the key names version, OS and architecture" grep -qE "^key=isms-$version-Linux-X64-[0-9a-f]{16}$" "$GITHUB_OUTPUT"
expect "version: the binary folder goes on PATH" contains "$GITHUB_PATH" "/isms/$version-Linux-X64/bin"
if ISMS_VERSION="9.9.9" bash "$scripts/version.sh" > "$work/out" 2>&1; then
  not_ok "version: another version than the ref's is refused"
else
  expect "version: another version than the ref's is refused" contains "$work/out" "::error title=isms::version 9.9.9"
fi
if ISMS_VERSION='1.0; rm -rf /' bash "$scripts/version.sh" > /dev/null 2>&1; then
  not_ok "version: a malformed version is refused"
else ok "version: a malformed version is refused"; fi

# --- check.sh
reset_runner
ISMS_FAIL_ON=error bash "$scripts/check.sh" > "$work/annotations" 2>&1
expect "check: an annotation with the repository-relative path" \
  contains "$work/annotations" "::error file=compliance/risks/R-001.yaml,line=15,endLine=15,col=14,endColumn=23,title=isms ref/unknown::"
expect "check: exit code 1 goes to the outputs" contains "$GITHUB_OUTPUT" "exit-code=1"
expect "check: counts go to the outputs" contains "$GITHUB_OUTPUT" "errors=1"
expect "check: the JSON is kept for the summary" test -s "$work/report/check.json"
reset_runner
ISMS_FAIL_ON=bogus bash "$scripts/check.sh" > /dev/null 2>&1 && not_ok "check: an unknown fail-on is refused" || ok "check: an unknown fail-on is refused"
reset_runner
ISMS_PATH=nowhere ISMS_FAIL_ON=error bash "$scripts/check.sh" > /dev/null 2>&1
expect "check: a missing ISMS gives exit code 2" contains "$GITHUB_OUTPUT" "exit-code=2"

# --- summary.sh
reset_runner
ISMS_FAIL_ON=error bash "$scripts/check.sh" > /dev/null 2>&1
bash "$scripts/summary.sh"
expect "summary: totals" contains "$GITHUB_STEP_SUMMARY" "| Errors | 1 |"
expect "summary: the finding, repository-relative" contains "$GITHUB_STEP_SUMMARY" "| error | \`ref/unknown\` | compliance/risks/R-001.yaml:15:14 |"
if isms soa --help > /dev/null 2>&1; then
  expect "summary: SoA counts from isms soa" contains "$GITHUB_STEP_SUMMARY" "### Statement of Applicability"
else
  expect "summary: no SoA section without isms soa" lacks "$GITHUB_STEP_SUMMARY" "Statement of Applicability"
fi
size=$(wc -c < "$GITHUB_STEP_SUMMARY")
expect "summary: at most 1 MiB" test "$size" -le 1048576
# Many findings and a small limit: cut with a note, never over the limit.
reset_runner
mkdir -p "$work/report"
jq -n '{version: 1, summary: {errors: 500, warnings: 0, infos: 0, files: 1, entities: 1},
  findings: [range(500) | {code: "ref/unknown", severity: "error", file: "r.yaml", line: ., column: 1,
  message: "no control has the id `C-\(.)` | <!-- isms-report --> @team"}]}' > "$work/report/check.json"
ISMS_SUMMARY_LIMIT=8000 bash "$scripts/summary.sh"
size=$(wc -c < "$GITHUB_STEP_SUMMARY")
expect "summary: a long list is cut under the limit" test "$size" -le 8000
expect "summary: with a note saying how many are listed" grep -qE "^> [0-9]+ of 500 findings are listed" "$GITHUB_STEP_SUMMARY"
expect "summary: user text cannot break the table or fake the marker" \
  contains "$GITHUB_STEP_SUMMARY" "\\| &lt;\\!-- isms-report --&gt; @"
expect "summary: no raw marker" lacks "$GITHUB_STEP_SUMMARY" "<!-- isms-report -->"

# --- comment.sh: a first comment is posted
reset_runner
echo '[]' > "$work/fixtures/comments.json"
ISMS_COMMENT=true bash "$scripts/comment.sh" > "$work/out" 2>&1
expect "comment: the body starts with the marker" test "$(head -n 1 "$work/report/comment.md")" = "<!-- isms-report -->"
expect "comment: the body is isms diff against the base" contains "$work/report/comment.md" "### isms diff: \`${base}\` (${base:0:7}) → \`HEAD\` (${head:0:7}) — \`compliance\`"
expect "comment: the re-levelled risk is in it" contains "$work/report/comment.md" "| \`R-001\` |"
expect "comment: the introduced finding is in it" contains "$work/report/comment.md" "\`ref/unknown\`"
expect "comment: locations link to their lines at the pull request's head" contains "$work/report/comment.md" "](https://github.test/o/r/blob/${head}/compliance/risks/R-001.yaml#L"
expect "comment: the number and head are saved for workflow_run" test "$(cat "$work/report/pr-number") $(cat "$work/report/head-sha")" = "7 $head"
expect "comment: the existing comments are looked up" contains "$GH_LOG" "gh api --paginate repos/o/r/issues/7/comments"
expect "comment: a new comment is posted" contains "$GH_LOG" "gh api --method POST repos/o/r/issues/7/comments --input - --jq .html_url"
expect "comment: the posted body carries the marker" grep -qF 'BODY {"body":"<!-- isms-report -->\n### isms diff' "$GH_LOG"
expect "comment: not updated" lacks "$GH_LOG" "PATCH"

# --- comment.sh: the bot's comment is updated; another user's marked comment is left alone
reset_runner
cat > "$work/fixtures/comments.json" << 'JSON'
[{"id": 5, "user": {"login": "mallory"}, "body": "<!-- isms-report -->\nfake"},
 {"id": 41, "user": {"login": "github-actions[bot]"}, "body": "unrelated"}]
[{"id": 42, "user": {"login": "github-actions[bot]"}, "body": "<!-- isms-report -->\nold"}]
JSON
ISMS_COMMENT=true bash "$scripts/comment.sh" > "$work/out" 2>&1
expect "comment: the marked comment of the bot is updated (second page)" contains "$GH_LOG" "gh api --method PATCH repos/o/r/issues/comments/42"
expect "comment: nothing is posted anew" lacks "$GH_LOG" "POST"

# --- comment.sh: comment=false only saves (the fork-safe pull_request job)
reset_runner
ISMS_COMMENT=false bash "$scripts/comment.sh" > /dev/null 2>&1
expect "comment: with comment=false the body is saved" test -s "$work/report/comment.md"
expect "comment: with comment=false no API call" test ! -s "$GH_LOG"

# --- comment.sh: not a pull request
reset_runner
GITHUB_EVENT_NAME=push bash "$scripts/comment.sh" > /dev/null 2>&1
expect "comment: nothing on a push" test ! -e "$work/report/comment.md"

# --- post-comment.sh: the workflow_run side
reset_runner
mkdir -p "$work/saved"
printf '%s\n' "$head" > "$work/fixtures/head-sha"
echo '[]' > "$work/fixtures/comments.json"
printf 'hello <!-- isms-report --> again\n' > "$work/saved/comment.md"
ISMS_EXPECTED_HEAD_SHA="$head" bash "$scripts/post-comment.sh" "$work/saved/comment.md" 7 > /dev/null 2>&1
expect "post: the head commit is checked" contains "$GH_LOG" "gh api repos/o/r/pulls/7 --jq .head.sha"
expect "post: the marker comes first, exactly once" grep -qF 'BODY {"body":"<!-- isms-report -->\nhello  again\n"}' "$GH_LOG"
reset_runner
if ISMS_EXPECTED_HEAD_SHA="0000000000000000000000000000000000000000" bash "$scripts/post-comment.sh" "$work/saved/comment.md" 7 > "$work/out" 2>&1; then
  not_ok "post: another head commit is refused"
else
  expect "post: another head commit is refused" lacks "$GH_LOG" "POST"
fi
reset_runner
if bash "$scripts/post-comment.sh" "$work/saved/comment.md" '7; touch pwned' > /dev/null 2>&1; then
  not_ok "post: a number that is not digits is refused"
else
  expect "post: a number that is not digits is refused" test ! -s "$GH_LOG"
fi
# A fork's body: only what the renderer can produce is posted.
reset_runner
cat > "$work/saved/evil.md" << 'MD'
<!-- isms-<!-- isms-report -->report -->
Hi @maintainer and @org/team ![pixel](https://evil.test/p.png) <img src=x onerror=alert(1)>
[phish](https://evil.test/login) www.evil.test and [ours](https://github.test/o/r/pull/7)
<sub>[run](https://github.test/o/r/actions/runs/123)</sub>
MD
ISMS_UNTRUSTED=true ISMS_EXPECTED_HEAD_SHA="$head" bash "$scripts/post-comment.sh" "$work/saved/evil.md" 7 > /dev/null 2>&1
posted=$(grep '^BODY ' "$GH_LOG" | sed 's/^BODY //' | jq -r .body)
printf '%s\n' "$posted" > "$work/posted.md"
expect "post: the marker is removed until none is left" test "$(grep -o 'isms-report' "$work/posted.md" | wc -l)" = 1
expect "post: the marker comes first" test "$(head -n 1 "$work/posted.md")" = "<!-- isms-report -->"
expect "post: mentions are neutralised" lacks "$work/posted.md" "@maintainer"
expect "post: team mentions too" lacks "$work/posted.md" "@org"
expect "post: no image" lacks "$work/posted.md" "![pixel]"
expect "post: no raw HTML" lacks "$work/posted.md" "<img"
expect "post: a link out of the repository is code" contains "$work/posted.md" "[phish](\`https://evil.test/login\`)"
expect "post: a bare address out of the repository is code" contains "$work/posted.md" "\`www.evil.test\`"
expect "post: a link into the repository stays" contains "$work/posted.md" "[ours](https://github.test/o/r/pull/7)"
expect "post: the run link stays small" contains "$work/posted.md" "<sub>[run](https://github.test/o/r/actions/runs/123)</sub>"
reset_runner
if ISMS_UNTRUSTED=true bash "$scripts/post-comment.sh" "$work/saved/comment.md" 7 > "$work/out" 2>&1; then
  not_ok "post: a saved comment without expected-head-sha is refused"
else
  expect "post: a saved comment without expected-head-sha is refused" test ! -s "$GH_LOG"
fi
# The installer builds only from the action's own folder, with its own toolchain file.
expect "install: cargo runs in the action's folder" grep -qF 'cd "$src/scripts/action"' "$scripts/install.sh"
expect "install: the action has a toolchain file of its own" test -s "$scripts/rust-toolchain.toml"
expect "install: --locked" grep -qF 'cargo install --locked' "$scripts/install.sh"
expect "workflow: the comment job's concurrency names the head repository" \
  grep -qF 'github.event.workflow_run.head_repository.full_name' "$project/.github/workflows/isms-comment.yml"

# A body over GitHub's limit is cut before it is sanitised, so its cost is bounded (jq 1.6's
# gsub took minutes on 200,000 characters): one line of 200,000 characters,
# and 1 MB of the lines a fork could write, each step of the sanitiser busy on every line.
reset_runner
head -c 200000 /dev/zero | tr '\0' 'x' > "$work/saved/big.md"
bash "$scripts/post-comment.sh" "$work/saved/big.md" 7 > /dev/null 2>&1
grep '^BODY ' "$GH_LOG" | sed 's/^BODY //' | jq -r .body > "$work/posted.md"
expect "post: a body over 65,536 characters is cut" test "$(jq -Rs length < "$work/posted.md")" -le 65536
expect "post: a cut body says so" contains "$work/posted.md" "cut to fit a comment"
reset_runner
for i in $(seq 1 9000); do
  printf '| R-%05d | <img src=x> @maintainer ![p](https://evil.test/%d.png) www.evil.test [ours](https://github.test/o/r/pull/%d) |\n' "$i" "$i" "$i"
done > "$work/saved/huge.md"
bash "$scripts/post-comment.sh" "$work/saved/huge.md" 7 > /dev/null 2>&1
grep '^BODY ' "$GH_LOG" | sed 's/^BODY //' | jq -r .body > "$work/posted.md"
expect "post: a body of 1 MB is cut to 65,536 characters" test "$(jq -Rs length < "$work/posted.md")" -le 65536
expect "post: a cut body still starts with the marker" test "$(head -n 1 "$work/posted.md")" = "<!-- isms-report -->"
expect "post: a cut body says so at its end" test "$(tail -n 1 "$work/posted.md")" = "… cut to fit a comment: see the job summary."
expect "post: a cut body is cut at a line's end" test "$(grep -c '^| R-.*|$' "$work/posted.md")" = "$(($(wc -l < "$work/posted.md") - 3))"
expect "post: a cut body is sanitised too" lacks "$work/posted.md" "<img"
expect "post: ... its mentions too" lacks "$work/posted.md" "@maintainer"
expect "post: ... its outside links too" contains "$work/posted.md" "(\`https://evil.test/9.png\`)"
expect "post: ... its links into the repository stay" contains "$work/posted.md" "[ours](https://github.test/o/r/pull/9)"

echo
echo "action scripts: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
