#!/usr/bin/env bash
# Installs isms into "$ISMS_INSTALL_ROOT/bin" on a cache miss.
#
# When the action is pinned to a release — the tag vVERSION, or the commit that tag names —
# it downloads that release's archive for the runner's OS and architecture and checks it
# against the release's SHA256SUMS; a mismatch stops the job. Only when no release matches
# (a branch, a commit that is not a release, a platform without an archive, `uses: ./`) does
# it build the action's own source: cargo install --locked --path "$GITHUB_ACTION_PATH".
#
# Inputs (env): ISMS_INSTALL_ROOT, ISMS_VERSION (from version.sh), GITHUB_ACTION_PATH,
# ISMS_ACTION_REPOSITORY and ISMS_ACTION_REF (github.action_repository and
# github.action_ref, passed by action.yml: the runner leaves GITHUB_ACTION_REPOSITORY and
# GITHUB_ACTION_REF empty in composite actions), RUNNER_OS, RUNNER_ARCH, GITHUB_SERVER_URL.
# ISMS_TEST_RELEASES_URL replaces "$GITHUB_SERVER_URL/OWNER/REPO/releases/download" and
# allows plain http: for tests only (tests/action/download_test.sh); action.yml never sets it.
set -euo pipefail

root="${ISMS_INSTALL_ROOT:?no install folder}"
src="${GITHUB_ACTION_PATH:?the action path is not set}"
version="${ISMS_VERSION:?no version: run version.sh first}"
os="${RUNNER_OS:-$(uname -s)}"
arch="${RUNNER_ARCH:-$(uname -m)}"

# Where the action came from. The runner checks actions out to _actions/OWNER/REPO/REF.
repository="${ISMS_ACTION_REPOSITORY:-${GITHUB_ACTION_REPOSITORY:-}}"
ref="${ISMS_ACTION_REF:-${GITHUB_ACTION_REF:-}}"
if [[ -z "$repository" && "$src" =~ /_actions/([^/]+)/([^/]+)/([^/]+)/?$ ]]; then
  repository="${BASH_REMATCH[1]}/${BASH_REMATCH[2]}"
  ref="${ref:-${BASH_REMATCH[3]}}"
fi

build_from_source() { # why
  echo "isms: $1: building isms $version from the action's source"
  if ! command -v cargo > /dev/null; then
    echo "::error title=isms::$1, so isms is built from source, and that needs cargo: add a Rust toolchain to the job (GitHub's hosted runners have one), or pin the action to a release tag"
    exit 1
  fi
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/isms-target}"
  # In the action's own folder, never the caller's working directory: rustup reads the
  # toolchain file and cargo the .cargo/config.toml of the folder it runs in, and a pull
  # request could put its own there (a `cargo` of its choosing). This folder's
  # rust-toolchain.toml is the action's.
  unset RUSTUP_TOOLCHAIN
  cd "$src/scripts/action"
  cargo install --locked --root "$root" --path "$src"
  "$root/bin/isms" --version
  exit 0
}

case "$os/$arch" in
  Linux/X64) target=x86_64-unknown-linux-musl ;;
  Linux/ARM64) target=aarch64-unknown-linux-musl ;;
  macOS/X64) target=x86_64-apple-darwin ;;
  macOS/ARM64) target=aarch64-apple-darwin ;;
  Windows/X64) target=x86_64-pc-windows-msvc ;;
  *) target="" ;;
esac
case "$target" in
  *windows*) exe=isms.exe archive="isms-$version-$target.zip" ;;
  *) exe=isms archive="isms-$version-$target.tar.gz" ;;
esac

tag="v$version"
if [[ -n "${ISMS_TEST_RELEASES_URL:-}" ]]; then
  base="${ISMS_TEST_RELEASES_URL%/}/$tag"
  protocols="=http,https"
else
  base="${GITHUB_SERVER_URL:-https://github.com}/$repository/releases/download/$tag"
  protocols="=https"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() { # URL FILE: prints the HTTP status; 000 when nothing answered
  curl --silent --show-error --location --proto "$protocols" --proto-redir "$protocols" \
    --retry 3 --connect-timeout 20 --max-time 300 \
    --output "$2" --write-out '%{http_code}' "$1" || true
}
need() { # URL FILE: fetches or stops the job
  local status
  status=$(fetch "$1" "$2")
  if [[ "$status" != "200" ]]; then
    echo "::error title=isms::could not download $1 (HTTP $status)"
    exit 1
  fi
}

[[ -n "$repository" || -n "${ISMS_TEST_RELEASES_URL:-}" ]] || build_from_source "the action runs from a local path (uses: ./)"
[[ -n "$target" ]] || build_from_source "no release archive is made for $os/$arch"
if [[ "$ref" == "$tag" || "$ref" == "$version" ]]; then
  :
elif [[ "$ref" =~ ^[0-9a-f]{40}$ ]]; then
  # A commit: the release counts only if it was built from that very commit.
  status=$(fetch "$base/isms-$version-commit.txt" "$work/commit")
  if [[ "$status" != "200" ]]; then
    build_from_source "no release $tag (HTTP $status) to match commit $ref"
  fi
  released=$(tr -d '[:space:]' < "$work/commit")
  [[ "$released" == "$ref" ]] || build_from_source "commit $ref is not release $tag (built from $released)"
else
  build_from_source "the action's ref '${ref:-(none)}' is neither the release tag $tag nor a commit"
fi

status=$(fetch "$base/SHA256SUMS" "$work/SHA256SUMS")
case "$status" in
  200) ;;
  404) build_from_source "release $tag has no SHA256SUMS" ;;
  *)
    echo "::error title=isms::could not download $base/SHA256SUMS (HTTP $status)"
    exit 1
    ;;
esac
expected=$(awk -v f="$archive" '$2 == f || $2 == "*" f { print tolower($1); exit }' "$work/SHA256SUMS")
[[ -n "$expected" ]] || build_from_source "release $tag has no $archive"

echo "isms: downloading $archive from $base"
need "$base/$archive" "$work/$archive"
if command -v sha256sum > /dev/null; then sha=(sha256sum); else sha=(shasum -a 256); fi # macOS
actual=$("${sha[@]}" "$work/$archive" | awk '{ print tolower($1) }')
if [[ "$actual" != "$expected" ]]; then
  echo "::error title=isms::checksum mismatch for $archive: SHA256SUMS of $tag says $expected, the download is $actual; refusing to install it"
  exit 1
fi
echo "isms: sha256 $actual matches SHA256SUMS"

mkdir -p "$work/unpacked"
case "$archive" in
  *.zip)
    if command -v unzip > /dev/null; then
      unzip -q "$work/$archive" -d "$work/unpacked"
    elif command -v python3 > /dev/null; then
      python3 -m zipfile -e "$work/$archive" "$work/unpacked"
    else
      powershell -NoProfile -Command "Expand-Archive -LiteralPath '$work/$archive' -DestinationPath '$work/unpacked'"
    fi
    ;;
  *) tar -xzf "$work/$archive" -C "$work/unpacked" ;;
esac
binary="$work/unpacked/isms-$version-$target/$exe"
if [[ ! -f "$binary" ]]; then
  echo "::error title=isms::$archive holds no isms-$version-$target/$exe"
  exit 1
fi
mkdir -p "$root/bin"
mv "$binary" "$root/bin/$exe"
chmod 755 "$root/bin/$exe"
reported=$("$root/bin/$exe" --version)
if [[ "$reported" != "isms $version" && "$reported" != "isms $version "* ]]; then
  echo "::error title=isms::the downloaded binary reports '$reported', not isms $version"
  exit 1
fi
echo "isms: installed $reported ($target) into $root/bin"
