#!/usr/bin/env bash
# The VS Code extension (editors/vscode/): install its locked npm packages (npm ci, from
# package-lock.json), compile its TypeScript and package it as a .vsix with @vscode/vsce,
# then check what the .vsix holds: the compiled client, its manifest starting `isms lsp`,
# and vscode-languageclient. Bounded: every step has its own timeout.
set -euo pipefail
cd "$(dirname "$0")/../editors/vscode"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
timeout 600 npm ci --no-audit --no-fund --loglevel=error
timeout 300 npx --no-install vsce package --out "$work/isms.vsix"
timeout 60 python3 - "$work/isms.vsix" <<'PY'
import json, sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
need = [
    "extension/package.json",
    "extension/out/extension.js",
    "extension/node_modules/vscode-languageclient/package.json",
    "extension.vsixmanifest",
]
missing = [n for n in need if n not in names]
assert not missing, f"missing from the .vsix: {missing}"
manifest = json.loads(zipfile.ZipFile(sys.argv[1]).read("extension/package.json"))
assert manifest["main"] == "./out/extension.js", manifest["main"]
assert "workspaceContains:**/isms.yaml" in manifest["activationEvents"]
code = zipfile.ZipFile(sys.argv[1]).read("extension/out/extension.js").decode()
assert '"lsp"' in code, "the client starts `isms lsp`"
assert not any(n.startswith("extension/src/") for n in names), "sources left out"
print(f"vsix: {len(names)} files, {sum(1 for n in names if '/node_modules/' in n)} of node_modules; ok")
PY
