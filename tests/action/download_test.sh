#!/usr/bin/env bash
# Tests of scripts/action/install.sh, the action's installer, against fake releases served
# on 127.0.0.1 by python3 -m http.server (started here on a free port, stopped by a trap and
# by a time limit). The archives are packed by scripts/package.sh around fake binaries that
# say which target they are, so the test sees which asset was chosen. A stubbed `cargo` on
# PATH records the source-build fallback; a stubbed `curl` shows the default URL.
#   tests/action/download_test.sh
# Ends with "N passed, N failed"; exits 1 when a test failed.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
project=$(cd "$here/../.." && pwd)
install="$project/scripts/action/install.sh"
version=$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' "$project/Cargo.toml" | head -n 1)
work=$(mktemp -d)
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2> /dev/null && wait "$server_pid" 2> /dev/null
  [[ -n "${KEEP:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; [[ -n "${2:-}" ]] && sed 's/^/  /' "$2" | tail -n 20; }
check() { # check NAME LOG COMMAND...: passes when the command succeeds; shows LOG if not
  local name=$1 log=$2
  shift 2
  if "$@" > /dev/null 2>&1; then ok "$name"; else not_ok "$name" "$log"; fi
}

# --- fake releases: good/ (every platform), tampered/ (one archive changed after the sums
# were written), empty/ (no release at all)
release_commit=0123456789abcdef0123456789abcdef01234567
fake_release() { # DIR: packs a fake isms for each target into DIR/vVERSION
  local dir="$1/v$version" target
  mkdir -p "$dir" "$work/fakes"
  for target in x86_64-unknown-linux-musl aarch64-unknown-linux-musl x86_64-apple-darwin \
    aarch64-apple-darwin x86_64-pc-windows-msvc; do
    printf '#!/bin/sh\necho "isms %s (fake %s)"\n' "$version" "$target" > "$work/fakes/$target"
    bash "$project/scripts/package.sh" "$target" "$work/fakes/$target" "$dir" > /dev/null || return 1
  done
  cat "$dir"/*.sha256 > "$dir/SHA256SUMS"
  rm "$dir"/*.sha256
  echo "$release_commit" > "$dir/isms-$version-commit.txt"
}
served="$work/served"
fake_release "$served/good" || { echo "could not pack the fake release" >&2; exit 2; }
cp -R "$served/good" "$served/tampered"
printf '#!/bin/sh\necho "isms %s (evil)"\n' "$version" > "$work/fakes/evil"
bash "$project/scripts/package.sh" x86_64-unknown-linux-musl "$work/fakes/evil" "$work/evil" > /dev/null
cp "$work/evil/isms-$version-x86_64-unknown-linux-musl.tar.gz" "$served/tampered/v$version/"
mkdir -p "$served/empty"

# --- the server, on a free port of 127.0.0.1, for at most 5 minutes
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
timeout 300 python3 -m http.server --bind 127.0.0.1 --directory "$served" "$port" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.1
done
curl -fs -o /dev/null "http://127.0.0.1:$port/" || { echo "the test server did not start" >&2; cat "$work/server.log" >&2; exit 2; }
url="http://127.0.0.1:$port"

# --- a stubbed cargo: records its arguments and "installs" a binary that reports the version
mkdir -p "$work/stub"
cat > "$work/stub/cargo" << 'SH'
#!/bin/sh
echo "cargo $*" >> "$CARGO_LOG"
root=""
while [ $# -gt 0 ]; do [ "$1" = "--root" ] && root=$2; shift; done
mkdir -p "$root/bin"
printf '#!/bin/sh\necho "isms %s (built)"\n' "$ISMS_VERSION" > "$root/bin/isms"
chmod +x "$root/bin/isms"
SH
chmod +x "$work/stub/cargo"
export CARGO_LOG="$work/cargo.log"

n=0
run() { # run OS ARCH REF BASE-URL: install.sh into a fresh root; output in $out, status in $status
  n=$((n + 1))
  root="$work/root$n"
  out="$work/out$n"
  : > "$CARGO_LOG"
  env PATH="$work/stub:$PATH" ISMS_INSTALL_ROOT="$root" ISMS_VERSION="$version" GITHUB_ACTION_PATH="$project" \
    RUNNER_OS="$1" RUNNER_ARCH="$2" ISMS_ACTION_REPOSITORY=o/r ISMS_ACTION_REF="$3" ISMS_TEST_RELEASES_URL="$4" \
    RUNNER_TEMP="$work" bash "$install" > "$out" 2>&1
  status=$?
}

# The right archive for each runner.
for pair in "Linux X64 x86_64-unknown-linux-musl isms" "Linux ARM64 aarch64-unknown-linux-musl isms" \
  "macOS X64 x86_64-apple-darwin isms" "macOS ARM64 aarch64-apple-darwin isms" \
  "Windows X64 x86_64-pc-windows-msvc isms.exe"; do
  read -r os arch target exe <<< "$pair"
  run "$os" "$arch" "v$version" "$url/good"
  check "$os/$arch: installs $exe of $target" "$out" \
    test "$status" = 0 -a "$("$root/bin/$exe" 2> /dev/null)" = "isms $version (fake $target)"
  check "$os/$arch: the sha256 was checked" "$out" grep -q "matches SHA256SUMS" "$out"
  check "$os/$arch: nothing was built" "$out" test ! -s "$CARGO_LOG"
done
check "the server was asked for the sums and the archive" "$work/server.log" \
  grep -q "GET /good/v$version/SHA256SUMS" "$work/server.log"

# Pinned to the commit the release was built from: the release is used.
run Linux X64 "$release_commit" "$url/good"
check "the release's own commit: downloaded" "$out" \
  test "$status" = 0 -a "$("$root/bin/isms" 2> /dev/null)" = "isms $version (fake x86_64-unknown-linux-musl)"

# A checksum mismatch is refused.
run Linux X64 "v$version" "$url/tampered"
check "a checksum mismatch: non-zero exit" "$out" test "$status" != 0
check "a checksum mismatch: a clear error" "$out" grep -q "::error title=isms::checksum mismatch for isms-$version-x86_64-unknown-linux-musl.tar.gz" "$out"
check "a checksum mismatch: nothing installed" "$out" test ! -e "$root/bin/isms"
check "a checksum mismatch: no fallback build" "$out" test ! -s "$CARGO_LOG"
# The untouched archives of the same release still install.
run macOS ARM64 "v$version" "$url/tampered"
check "the other archives of that release are fine" "$out" test "$status" = 0

# The fallback: cargo install --locked from the action's source, only when no release matches.
fallback() { # NAME: cargo was called once, exactly so, and its binary is in place
  check "$1: cargo install --locked from the action's source" "$out" \
    test "$(cat "$CARGO_LOG")" = "cargo install --locked --root $root --path $project"
  check "$1: the built isms is in place" "$out" test "$status" = 0 -a "$("$root/bin/isms" 2> /dev/null)" = "isms $version (built)"
}
run Linux X64 "v$version" "$url/empty"
fallback "no release"
run Linux X64 abcdefabcdefabcdefabcdefabcdefabcdefabcd "$url/good"
fallback "a commit that is not the release's"
run Linux X64 main "$url/good"
fallback "a branch"
run Windows ARM64 "v$version" "$url/good"
fallback "a platform without an archive"

# No release and no cargo: a clear error.
mkdir -p "$work/nocargo"
for tool in bash sh env cat mkdir mktemp rm sed awk tr curl uname dirname; do
  ln -sf "$(command -v "$tool")" "$work/nocargo/$tool"
done
n=$((n + 1))
env PATH="$work/nocargo" ISMS_INSTALL_ROOT="$work/root$n" ISMS_VERSION="$version" GITHUB_ACTION_PATH="$project" \
  RUNNER_OS=Linux RUNNER_ARCH=X64 ISMS_ACTION_REPOSITORY=o/r ISMS_ACTION_REF=main \
  "$work/nocargo/bash" "$install" > "$work/out$n" 2>&1
status=$?
check "no release and no cargo: an error that says so" "$work/out$n" \
  test "$status" != 0 -a -n "$(grep '::error title=isms::.*needs cargo' "$work/out$n")"

# The default URL: GitHub releases of the action's repository, https only (curl stubbed).
cat > "$work/stub/curl" << 'SH'
#!/bin/sh
echo "curl $*" >> "$CURL_LOG"
printf 404
SH
chmod +x "$work/stub/curl"
export CURL_LOG="$work/curl.log"
: > "$CURL_LOG"
run Linux X64 "v$version" ""
check "default: the sums of github.com/OWNER/REPO's release" "$CURL_LOG" \
  grep -q -- "--proto =https .* https://github.com/o/r/releases/download/v$version/SHA256SUMS" "$CURL_LOG"
check "default: a missing release falls back to the build" "$out" test "$(cat "$CARGO_LOG")" = "cargo install --locked --root $root --path $project"
rm "$work/stub/curl"

echo
echo "action download: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
