#!/usr/bin/env bash
# Checks of the ways isms is installed without a Rust toolchain, called by .ci/run:
#   1. the version: isms --version names the commit it was built from;
#   2. the release archive for this host, packed by scripts/package.sh from the release
#      binary: exactly the expected files, a matching .sha256, and the unpacked binary runs;
#   3. the crate: `cargo package --list` holds src/, controls/, schema/, what include_str!
#      needs, the documents, and nothing else (no tests/, .github/, company-example/ …);
#   4. `cargo publish --dry-run --locked` (compiles the packaged crate, in this target dir);
#   5. the wheel: `maturin build --release`, installed into a fresh venv and run with no
#      Rust on PATH;
#   6. pre-commit-mirror/: `pre-commit try-repo` installs the wheel from a local folder only
#      (PIP_NO_INDEX) and passes on company-example, then fails on a broken reference;
#   7. the isms-check-system hook runs the installed isms;
#   8. the versions agree: Cargo.toml, isms --version, the wheel, the crate, the Action,
#      pre-commit-mirror's pin and CHANGELOG.md.
# Prints the time of each part, and "N passed, N failed" at the end.
set -euo pipefail

project=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache="${ISMS_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/isms-ci}"
mkdir -p "$cache"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
started=$SECONDS
step() { printf '\n== %s\n' "$*"; started=$SECONDS; }
took() { echo "   ($((SECONDS - started)) s)"; }
pass() { passed=$((passed + 1)); echo "PASS: $*"; }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
cd "$project"
export CARGO_TERM_COLOR=never
version=$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' Cargo.toml | head -n 1)

step "tools: maturin, pre-commit (PyPI)"
venv="$cache/venv"
[[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check maturin pre-commit
"$venv/bin/maturin" --version
"$venv/bin/pre-commit" --version
cargo build --release --locked --quiet
isms="$project/target/release/isms"
took

step "1. isms --version names the version and the commit"
commit=$(git rev-parse --short HEAD)
reported=$("$isms" --version)
if [[ "$reported" == "isms $version ($commit)" ]]; then
  pass "isms --version: $reported"
else
  fail "isms --version says '$reported', expected 'isms $version ($commit)'"
fi
took

step "2. the release archive for this host (scripts/package.sh)"
host=$(rustc -vV | sed -n 's/^host: //p')
archive=$(bash scripts/package.sh "$host" "$isms" "$work/dist")
name="isms-$version-$host"
tar -tzf "$archive" | LC_ALL=C sort > "$work/listed"
printf '%s\n' "$name/" "$name/CHANGELOG.md" "$name/LICENSE-APACHE" "$name/LICENSE-MIT" "$name/README.md" "$name/isms" \
  | LC_ALL=C sort > "$work/expected"
if diff "$work/expected" "$work/listed"; then pass "$(basename "$archive") holds exactly the binary, README, CHANGELOG and licences"; else fail "the archive's contents"; fi
if (cd "$work/dist" && sha256sum -c --strict "$(basename "$archive").sha256" > /dev/null); then
  pass "its .sha256 matches"
else
  fail "its .sha256 does not match"
fi
mkdir -p "$work/unpacked"
tar -xzf "$archive" -C "$work/unpacked"
if (cd "$work/unpacked/$name" && ./isms check "$project/company-example" > "$work/out" 2>&1); then
  pass "the unpacked binary: isms check company-example exits 0"
else
  cat "$work/out"
  fail "the unpacked binary failed on company-example"
fi
# The Windows layout (a zip with isms.exe), packed around a stand-in binary.
printf 'stand-in\n' > "$work/isms.exe"
zip=$(bash scripts/package.sh x86_64-pc-windows-msvc "$work/isms.exe" "$work/dist")
wname="isms-$version-x86_64-pc-windows-msvc"
python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$zip" | LC_ALL=C sort > "$work/listed"
printf '%s\n' "$wname/CHANGELOG.md" "$wname/LICENSE-APACHE" "$wname/LICENSE-MIT" "$wname/README.md" "$wname/isms.exe" \
  | LC_ALL=C sort > "$work/expected"
if diff "$work/expected" "$work/listed"; then pass "$(basename "$zip") holds isms.exe and the documents"; else fail "the Windows zip's contents"; fi
again=$(bash scripts/package.sh "$host" "$isms" "$work/again")
if cmp -s "$archive" "$again"; then pass "packing twice gives the same bytes"; else fail "the archive is not reproducible"; fi
took

step "3. cargo package --list: the crate holds what it needs and nothing else"
cargo package --list --locked --quiet > "$work/package-list"
problems=()
while IFS= read -r f; do
  case "$f" in
    Cargo.toml | Cargo.toml.orig | Cargo.lock | .cargo_vcs_info.json | build.rs) ;;
    README.md | CHANGELOG.md | LICENSE-MIT | LICENSE-APACHE) ;;
    src/*.rs | controls/*.yaml | schema/*.json | starters/*.yaml) ;;
    *) problems+=("unexpected: $f") ;;
  esac
done < "$work/package-list"
for f in Cargo.toml Cargo.lock build.rs README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE src/main.rs src/lib.rs; do
  grep -qx "$f" "$work/package-list" || problems+=("missing: $f")
done
# Every file an include_str!/include_bytes! names, resolved from the including file.
while IFS= read -r hit; do
  file=${hit%%:*}
  rel=$(sed -E 's/.*include_(str|bytes)!\("([^"]+)"\).*/\2/' <<< "$hit")
  target=$(realpath -m --relative-to="$project" "$(dirname "$file")/$rel")
  grep -qx "$target" "$work/package-list" || problems+=("missing (named by $file): $target")
done < <(grep -rnoE 'include_(str|bytes)!\("[^"]+"\)' src | sed -E 's/^([^:]+):[0-9]+:/\1:/')
if [[ ${#problems[@]} -eq 0 ]]; then
  pass "cargo package --list: $(wc -l < "$work/package-list") files, all of src/, controls/, schema/, starters/ and the documents; no tests, fixtures, CI or examples"
else
  printf '  %s\n' "${problems[@]}"
  fail "cargo package --list"
fi
took

step "4. cargo publish --dry-run --locked"
# The dry run compiles the unpacked crate once more (dev profile, this target dir, so a
# second run reuses it); no debug info, which only slows that build.
if CARGO_PROFILE_DEV_DEBUG=0 cargo publish --dry-run --locked --quiet > "$work/out" 2>&1; then
  crate=$(find target/package -name "isms-$version.crate" | head -n 1)
  pass "cargo publish --dry-run: the packaged crate builds ($(($(stat -c %s "$crate") / 1024)) KiB)"
else
  cat "$work/out"
  fail "cargo publish --dry-run"
fi
took

step "5. the wheel (maturin build --release), installed and run without Rust"
rm -rf target/wheels
if "$venv/bin/maturin" build --release --locked --quiet > "$work/out" 2>&1; then
  wheel=$(ls target/wheels/*.whl)
  pass "maturin built $(basename "$wheel")"
else
  cat "$work/out"
  fail "maturin build"
  wheel=""
fi
if [[ -n "$wheel" ]]; then
  python3 -m venv "$work/wheel-venv"
  "$work/wheel-venv/bin/pip" install --quiet --no-index --no-deps "$wheel"
  # Only the venv and the system: no ~/.cargo/bin, no rustup.
  if env PATH="$work/wheel-venv/bin:/usr/bin:/bin" sh -c '! command -v cargo && ! command -v rustc && [ "$(command -v isms)" = "$0/bin/isms" ] && isms check "$1"' \
    "$work/wheel-venv" "$project/company-example" > "$work/out" 2>&1; then
    pass "the wheel's isms, with no Rust on PATH: isms check company-example exits 0"
  else
    cat "$work/out"
    fail "the wheel's isms on company-example"
  fi
fi
took

step "6. pre-commit-mirror/: try-repo with the wheel from a local folder only"
if [[ -n "$wheel" ]]; then
  links="$work/links"
  mkdir -p "$links"
  cp "$wheel" "$links/"
  # pip builds the mirror's pyproject.toml with setuptools; with PIP_NO_INDEX it must be here.
  "$venv/bin/pip" download --quiet --only-binary :all: --dest "$links" "setuptools>=61"
  mirror="$work/mirror"
  cp -R pre-commit-mirror "$mirror"
  hooked="$work/hooked"
  mkdir -p "$hooked"
  cp -R company-example/. "$hooked/"
  for repo in "$mirror" "$hooked"; do
    git -C "$repo" init -q
    git -C "$repo" config user.name "isms ci"
    git -C "$repo" config user.email "ci@example.invalid"
    git -C "$repo" config commit.gpgsign false
    git -C "$repo" add -A
    git -C "$repo" commit -q -m "initial"
  done
  try_mirror() {
    (cd "$hooked" && env PIP_FIND_LINKS="$links" PIP_NO_INDEX=1 PRE_COMMIT_HOME="$work/pre-commit-home" \
      PATH="$venv/bin:/usr/bin:/bin" pre-commit try-repo "$mirror" isms-check --all-files) > "$work/out" 2>&1
  }
  if try_mirror; then
    pass "pre-commit try-repo pre-commit-mirror isms-check: the wheel installed offline, company-example passes"
  else
    cat "$work/out"
    fail "pre-commit try-repo on pre-commit-mirror"
  fi
  sed -i 's/C-PASSWORD, C-OFFSITE/C-PASSWRD, C-OFFSITE/' "$hooked/risks/R-001.yaml"
  git -C "$hooked" commit -q -am "a broken reference"
  if try_mirror; then
    cat "$work/out"
    fail "the mirror's hook passed with a broken reference"
  elif grep -q "C-PASSWRD" "$work/out" && grep -q "Failed" "$work/out"; then
    pass "the mirror's hook fails on the broken reference and shows it"
  else
    cat "$work/out"
    fail "the mirror's hook failed without the finding"
  fi
  git -C "$hooked" checkout -q HEAD~1 -- risks/R-001.yaml
  git -C "$hooked" commit -q -am "fixed"
fi
took

step "7. the isms-check-system hook runs the installed isms"
if [[ -n "$wheel" ]]; then
  if (cd "$hooked" && env PRE_COMMIT_HOME="$work/pre-commit-home" PATH="$work/wheel-venv/bin:$venv/bin:/usr/bin:/bin" \
    pre-commit try-repo "$project" isms-check-system --all-files) > "$work/out" 2>&1; then
    pass "pre-commit try-repo isms-check-system with the wheel's isms on PATH: passes, nothing built"
  else
    cat "$work/out"
    fail "pre-commit try-repo isms-check-system"
  fi
fi
took

step "8. the versions agree"
declare -A seen
seen[Cargo.toml]=$version
seen["isms --version"]=$("$isms" --version | awk '{print $2}')
seen["cargo metadata"]=$(cargo metadata --no-deps --format-version 1 --locked | python3 -c 'import json, sys; print(json.load(sys.stdin)["packages"][0]["version"])')
seen["the packaged crate"]=$(find target/package -name 'isms-*.crate' | sed -E 's/.*isms-(.*)\.crate$/\1/' | head -n 1)
if [[ -n "${wheel:-}" ]]; then
  seen["the wheel"]=$(unzip -p "$wheel" '*.dist-info/METADATA' | sed -n 's/^Version: //p')
  seen["the wheel's isms"]=$("$work/wheel-venv/bin/isms" --version | awk '{print $2}')
fi
seen["the Action (version.sh)"]=$(env GITHUB_ACTION_PATH="$project" GITHUB_OUTPUT="$work/action-output" GITHUB_PATH=/dev/null ISMS_VERSION="" \
  bash scripts/action/version.sh > /dev/null && sed -n 's/^version=//p' "$work/action-output")
seen["pre-commit-mirror's pin"]=$(sed -n 's/.*"isms-toolkit==\([^"]*\)".*/\1/p' pre-commit-mirror/pyproject.toml)
seen["pre-commit-mirror's version"]=$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' pre-commit-mirror/pyproject.toml)
seen["CHANGELOG.md"]=$(sed -n 's/^## \([0-9][^ ]*\).*/\1/p' CHANGELOG.md | head -n 1)
disagree=0
for k in "${!seen[@]}"; do
  printf '  %-28s %s\n' "$k" "${seen[$k]}"
  [[ "${seen[$k]}" == "$version" ]] || disagree=1
done
if [[ $disagree -eq 0 ]]; then pass "${#seen[@]} places say $version"; else fail "the versions disagree"; fi
took

echo
echo "distribution: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
