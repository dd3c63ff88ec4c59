#!/usr/bin/env bash
# Decides which isms the action installs, where it lives and the key it is cached under:
# the version, the OS and architecture, and a hash of the action's own source (so a branch
# of this repository that changes the code never runs a stale binary of the same version).
# Inputs (env): ISMS_VERSION (may be empty), GITHUB_ACTION_PATH, RUNNER_OS, RUNNER_ARCH.
# Writes `version`, `dir` and `key` to GITHUB_OUTPUT, and `dir/bin` to GITHUB_PATH.
set -euo pipefail

src="${GITHUB_ACTION_PATH:?the action path is not set}"
source_version=$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' "$src/Cargo.toml" | head -n 1)
version="${ISMS_VERSION:-$source_version}"
if [[ ! "$version" =~ ^[0-9A-Za-z][0-9A-Za-z.+-]*$ ]]; then
  echo "::error title=isms::the version input must look like 1.2.3"
  exit 1
fi
if [[ "$version" != "$source_version" ]]; then
  echo "::error title=isms::version $version was asked for, but this ref of the action builds $source_version: pin the action (uses: …@ref) to the release of that version"
  exit 1
fi

os="${RUNNER_OS:-$(uname -s)}"
arch="${RUNNER_ARCH:-$(uname -m)}"
# The source the binary is built from; file names and contents, in a stable order.
if command -v sha256sum > /dev/null; then sha=(sha256sum); else sha=(shasum -a 256); fi # macOS
hash=$(cd "$src" && find Cargo.toml Cargo.lock src schema controls -type f 2>/dev/null | LC_ALL=C sort \
  | while IFS= read -r f; do printf '%s\n' "$f"; cat -- "$f"; done | "${sha[@]}" | cut -c1-16)
dir="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}}/isms/$version-$os-$arch"
key="isms-$version-$os-$arch-$hash"

{
  echo "version=$version"
  echo "dir=$dir"
  echo "key=$key"
} >> "${GITHUB_OUTPUT:-/dev/null}"
echo "$dir/bin" >> "${GITHUB_PATH:-/dev/null}"
echo "isms $version for $os/$arch: cache key $key"
