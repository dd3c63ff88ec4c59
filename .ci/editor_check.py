#!/usr/bin/env python3
"""Proves that schema/ works in VS Code's YAML extension: drives the same language server
(yaml-language-server, from npm) over LSP with the settings of
company-example/.vscode/settings.json, as VS Code does, and checks completion (properties
and the kind snippets), hover documentation and validation.

    editor_check.py PATH-TO-yaml-language-server PROJECT
"""

import json
import pathlib
import subprocess
import sys
import threading
import queue


class Client:
    def __init__(self, server: str, settings: dict):
        self.settings = settings
        self.proc = subprocess.Popen(
            ["node", server, "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages: "queue.Queue[dict]" = queue.Queue()
        self.next_id = 0
        self.diagnostics: dict = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            self.messages.put(json.loads(out.read(length)))

    def send(self, msg: dict):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: dict, timeout: float = 30):
        self.next_id += 1
        rid = self.next_id
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        while True:
            msg = self.messages.get(timeout=timeout)
            if msg.get("id") == rid and "method" not in msg:
                return msg.get("result")
            self._handle(msg)

    def _handle(self, msg: dict):
        if msg.get("method") == "textDocument/publishDiagnostics":
            p = msg["params"]
            self.diagnostics[p["uri"]] = p["diagnostics"]
        elif msg.get("method") == "workspace/configuration":  # VS Code's settings
            items = msg["params"]["items"]
            result = [self.settings.get(i.get("section"), {}) for i in items]
            self.send({"jsonrpc": "2.0", "id": msg["id"], "result": result})
        elif "id" in msg and "method" in msg:  # another request from the server
            self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})

    def wait_diagnostics(self, uri: str, timeout: float = 30):
        self.diagnostics.pop(uri, None)
        import time
        end = time.time() + timeout
        while uri not in self.diagnostics and time.time() < end:
            try:
                self._handle(self.messages.get(timeout=0.5))
            except queue.Empty:
                pass
        return self.diagnostics.get(uri)


def main() -> int:
    server, project = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
    root = project / "company-example"
    settings = json.loads((root / ".vscode" / "settings.json").read_text("utf-8"))
    yaml_settings = {
        "schemas": settings["yaml.schemas"], "validate": True, "hover": True,
        "completion": True, "schemaStore": {"enable": False},
    }
    c = Client(server, {"yaml": yaml_settings})
    failures = []

    def check(name, ok, detail=""):
        print(("PASS " if ok else "FAIL ") + name + ("" if ok else f": {detail}"))
        if not ok:
            failures.append(name)

    c.request("initialize", {
        "processId": None,
        "rootUri": root.as_uri(),
        "workspaceFolders": [{"uri": root.as_uri(), "name": "company-example"}],
        "capabilities": {"workspace": {"configuration": True}, "textDocument": {
            "completion": {"completionItem": {"snippetSupport": True, "documentationFormat": ["markdown"]}},
            "hover": {"contentFormat": ["markdown", "plaintext"]},
        }},
    })
    c.notify("initialized", {})
    c.notify("workspace/didChangeConfiguration", {"settings": {"yaml": yaml_settings}})

    def open_doc(rel: str, text: str) -> str:
        uri = (root / rel).as_uri()
        c.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        return uri

    # Warm up: the settings are pulled and the schemas loaded before the first answer.
    warm = open_doc("roles-warm-up.yaml", "kind: role\nid: ROLE-X\ntitle: x\n")
    c.wait_diagnostics(warm)

    # A new risk file without a modeline: the schema comes from settings.json.
    uri = open_doc("risks/R-100.yaml", "kind: risk\nid: R-100\n\nlikelihood: 2\n")
    items = c.request("textDocument/completion", {
        "textDocument": {"uri": uri}, "position": {"line": 2, "character": 0}}) or {}
    labels = {i["label"] for i in (items.get("items", []) if isinstance(items, dict) else items)}
    check("completion offers a risk's fields (dispatch on kind), not a control's",
          {"treatment", "assets", "residual"} <= labels and "maps_to" not in labels, sorted(labels))
    hover = c.request("textDocument/hover", {
        "textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}})
    text = json.dumps(hover, ensure_ascii=False) if hover else ""
    check("hover shows the markdownDescription (English and Japanese)",
          "Kind" in text and "種類" in text, text[:300])
    hover = c.request("textDocument/hover", {
        "textDocument": {"uri": uri}, "position": {"line": 3, "character": 2}})
    text = json.dumps(hover, ensure_ascii=False) if hover else ""
    check("hover on a risk's field documents it", "被害発生可能性" in text, text[:300])

    # An empty file: the snippets of each kind.
    uri = open_doc("assets/new.yaml", "")
    items = c.request("textDocument/completion", {
        "textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}) or {}
    labels = {i["label"] for i in (items.get("items", []) if isinstance(items, dict) else items)}
    check("an empty file offers a snippet for each kind",
          {"risk (リスク)", "asset (資産)", "control (管理策)"} <= labels, sorted(labels))

    check("an empty file offers the snippets of the ISMS's own records too",
          {"document (文書)", "management-review (マネジメントレビュー)", "evidence (証跡)"} <= labels,
          sorted(labels))

    # A management review: completion of its inputs (9.3.2), hover on one of them.
    uri = open_doc("records/MR-2027.yaml",
                   "kind: management-review\nid: MR-2027\ndate: 2027-11-10\ninputs:\n  risks: x\n  \n")
    items = c.request("textDocument/completion", {
        "textDocument": {"uri": uri}, "position": {"line": 5, "character": 2}}) or {}
    labels = {i["label"] for i in (items.get("items", []) if isinstance(items, dict) else items)}
    check("completion offers the inputs of a management review",
          {"previous_actions", "audit_results", "improvement"} <= labels, sorted(labels))
    hover = c.request("textDocument/hover", {
        "textDocument": {"uri": uri}, "position": {"line": 4, "character": 3}})
    text = json.dumps(hover, ensure_ascii=False) if hover else ""
    check("hover on a review input documents it in both languages",
          "9.3.2" in text and "リスクアセスメント" in text, text[:300])

    # Validation: an unknown field gets a red squiggle.
    uri = open_doc("risks/R-101.yaml", "kind: risk\nid: R-101\nlikelyhood: 2\n")
    diags = c.wait_diagnostics(uri) or []
    check("an unknown field is reported", any("likelyhood" in d["message"] for d in diags),
          [d["message"] for d in diags])

    # isms.yaml gets the config schema only.
    text = (root / "isms.yaml").read_text("utf-8")
    text = "\n".join(l for l in text.splitlines() if "yaml-language-server" not in l) + "\n"
    uri = open_doc("isms.yaml", text)
    diags = c.wait_diagnostics(uri) or []
    check("isms.yaml validates under config.schema.json alone", diags == [],
          [d["message"] for d in diags])
    uri = open_doc("sub/isms.yaml", "organization: x\n\n")
    items = c.request("textDocument/completion", {
        "textDocument": {"uri": uri}, "position": {"line": 1, "character": 0}}) or {}
    labels = {i["label"] for i in (items.get("items", []) if isinstance(items, dict) else items)}
    check("isms.yaml completion offers the settings", {"frameworks", "risk"} <= labels,
          sorted(labels))

    c.proc.kill()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
