#!/usr/bin/env bash
# The VS Code extension (editors/vscode/): install its locked npm packages (npm ci, from
# package-lock.json), compile its TypeScript and package it as a .vsix with @vscode/vsce,
# then check what the .vsix holds: the compiled client, its manifest, vscode-languageclient;
# and run the packaged client's activate() under node with `vscode` and the language client
# stubbed, to see it start `isms lsp` as configured. Bounded: every step has its own timeout.
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

# The packaged extension.js, activated with stubs: which server does it start?
python3 -c 'import sys, zipfile; open(sys.argv[2], "wb").write(zipfile.ZipFile(sys.argv[1]).read("extension/out/extension.js"))' \
  "$work/isms.vsix" "$work/extension.js"
cat > "$work/activate.js" <<'JS'
const Module = require("module");
const started = [];
let settings = {};
const stubs = {
  vscode: {
    workspace: { getConfiguration: (section) => ({ get: (key) => settings[`${section}.${key}`] }) },
    commands: { registerCommand: (name) => ({ name, dispose() {} }) },
  },
  "vscode-languageclient/node": {
    TransportKind: { stdio: 0 },
    LanguageClient: class {
      constructor(id, name, server, client) { Object.assign(this, { id, name, server, client }); }
      async start() { started.push(this); }
      async stop() {}
    },
  },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request in stubs ? stubs[request] : load.call(this, request, ...rest);
};
const assert = require("assert");
const extension = require(process.argv[2]);
(async () => {
  const context = { subscriptions: [] };
  await extension.activate(context);
  settings = { "isms.path": "/opt/isms/bin/isms", "isms.lang": "en" };
  await extension.activate(context);
  assert.deepStrictEqual(started[0].server, { command: "isms", args: ["lsp"], transport: 0 });
  assert.deepStrictEqual(started[1].server, { command: "/opt/isms/bin/isms", args: ["lsp", "--lang", "en"], transport: 0 });
  assert.ok(started[0].client.documentSelector.some((s) => s.language === "yaml"));
  assert.deepStrictEqual(context.subscriptions.map((d) => d.name), ["isms.restart", "isms.restart"]);
  console.log("activate(): starts `isms lsp` (and `--lang en` with /opt/isms/bin/isms when configured); ok");
})().catch((e) => { console.error(e); process.exit(1); });
JS
timeout 60 node "$work/activate.js" "$work/extension.js"
