#!/usr/bin/env bash
# Builds isms from the action's source on a cache miss:
#   cargo install --locked --path "$GITHUB_ACTION_PATH" --root "$ISMS_INSTALL_ROOT"
# Inputs (env): GITHUB_ACTION_PATH, ISMS_INSTALL_ROOT.
set -euo pipefail

root="${ISMS_INSTALL_ROOT:?no install folder}"
if ! command -v cargo > /dev/null; then
  echo "::error title=isms::cargo is needed to build isms on a cache miss: add a Rust toolchain to the job (GitHub's hosted runners have one)"
  exit 1
fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/isms-target}"
cargo install --locked --root "$root" --path "${GITHUB_ACTION_PATH:?the action path is not set}"
"$root/bin/isms" --version
