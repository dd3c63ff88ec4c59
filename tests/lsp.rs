//! `isms lsp` driven over stdio by a small LSP client, as an editor drives it: open files
//! of a copy of company-example, type into them, and check every answer at exact positions
//! (lines and characters 0-based, characters in UTF-16 code units, as the protocol counts).

mod common;

use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

/// Far longer than any answer takes: only a hung server reaches it.
const HANG: Duration = Duration::from_secs(60);

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// The last diagnostics published for each URI.
    diagnostics: HashMap<String, Vec<Value>>,
    /// How many times diagnostics were published for each URI.
    publishes: HashMap<String, usize>,
    root: PathBuf,
    _dir: Option<tempfile::TempDir>,
}

fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

impl Client {
    /// A server on a fresh copy of company-example, in English, with the date pinned.
    fn start() -> Client {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("isms");
        std::fs::create_dir(&root).unwrap();
        common::copy_into(&common::root().join("company-example"), &root);
        let mut c = Client::on(&root, json!({"lang": "en", "today": common::TODAY}));
        c._dir = Some(dir);
        c
    }

    fn on(root: &Path, options: Value) -> Client {
        let mut child = common::bin()
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(m) = read_message(&mut r) {
                if tx.send(m).is_err() {
                    break;
                }
            }
        });
        let mut c = Client {
            child,
            stdin,
            incoming,
            next_id: 0,
            diagnostics: HashMap::new(),
            publishes: HashMap::new(),
            root: root.to_owned(),
            _dir: None,
        };
        let init = c.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}},
                "initializationOptions": options,
            }),
        );
        assert_eq!(init["serverInfo"]["name"], "isms");
        assert_eq!(init["capabilities"]["textDocumentSync"], 1);
        c.notify("initialized", json!({}));
        c
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Handles one message from the server: records diagnostics, answers its requests.
    fn take(&mut self, m: &Value) {
        if m["method"] == "textDocument/publishDiagnostics" {
            let uri = m["params"]["uri"].as_str().unwrap().to_owned();
            let list = m["params"]["diagnostics"].as_array().unwrap().clone();
            *self.publishes.entry(uri.clone()).or_default() += 1;
            self.diagnostics.insert(uri, list);
        } else if m.get("method").is_some() && m.get("id").is_some() {
            // client/registerCapability
            let id = m["id"].clone();
            self.send(json!({"jsonrpc": "2.0", "id": id, "result": null}));
        }
    }

    /// Sends a request and returns its result. The server judges what changed before it
    /// answers, so every diagnostic of the edits before has arrived by then.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = match self.incoming.recv_timeout(HANG) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => panic!("no answer to {method} in {HANG:?}"),
                Err(RecvTimeoutError::Disconnected) => panic!("the server died during {method}"),
            };
            if m["id"] == json!(id) && m.get("method").is_none() {
                assert!(m.get("error").is_none(), "{method} failed: {m}");
                return m["result"].clone();
            }
            self.take(&m);
        }
    }

    /// Waits until the server has handled everything sent so far.
    fn settle(&mut self) {
        self.request("workspace/symbol", json!({"query": "\u{0}"}));
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn uri(&self, rel: &str) -> String {
        uri(&self.path(rel))
    }

    fn text(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    fn open(&mut self, rel: &str) -> String {
        let text = self.text(rel);
        let uri = self.uri(rel);
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}),
        );
        text
    }

    fn change(&mut self, rel: &str, text: &str) {
        let uri = self.uri(rel);
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]}),
        );
    }

    /// The diagnostics of a file after everything sent so far.
    fn diagnostics(&mut self, rel: &str) -> Vec<Value> {
        self.settle();
        let uri = self.uri(rel);
        self.diagnostics.get(&uri).cloned().unwrap_or_default()
    }

    fn at(&mut self, method: &str, rel: &str, line: u32, character: u32) -> Value {
        let uri = self.uri(rel);
        self.request(
            method,
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character},
                   "context": {"includeDeclaration": true}}),
        )
    }

    fn shutdown(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "exit after shutdown is 0: {status}");
    }
}

fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}

fn codes(diags: &[Value]) -> Vec<&str> {
    diags.iter().map(|d| d["code"].as_str().unwrap()).collect()
}

const R001: &str = "risks/R-001.yaml";

#[test]
fn a_misspelt_reference_is_reported_as_isms_check_does_and_goes_when_fixed() {
    let mut c = Client::start();
    let text = c.open(R001);
    assert_eq!(c.diagnostics(R001), Vec::<Value>::new());
    c.change(R001, &text.replace("[C-PASSWORD,", "[C-PASSWRD,"));
    let d = c.diagnostics(R001);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["code"], "ref/unknown");
    assert_eq!(d[0]["severity"], 1);
    assert_eq!(d[0]["source"], "isms");
    assert_eq!(d[0]["range"], range(13, 13, 13, 22));
    assert_eq!(
        d[0]["message"],
        "no control has the id `C-PASSWRD`\nhelp: did you mean `C-PASSWORD`?"
    );
    assert_eq!(
        d[0]["codeDescription"]["href"],
        "https://github.com/isms-toolkit/isms/blob/main/docs/rules/ref/unknown.md"
    );
    let related = &d[0]["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], c.uri(R001));
    assert_eq!(related["location"]["range"], range(3, 4, 3, 9));
    assert_eq!(related["message"], "named by risk R-001");
    c.change(R001, &text);
    assert_eq!(c.diagnostics(R001), Vec::<Value>::new());
    c.shutdown();
}

#[test]
fn messages_are_in_the_repository_language_and_overrides_apply() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_into(&common::root().join("company-example"), dir.path());
    // No `lang` option: isms.yaml says `language: ja`.
    let mut c = Client::on(dir.path(), json!({"today": common::TODAY}));
    let text = c.open(R001);
    c.change(R001, &text.replace("threat: T-THEFT", "threat: T-THEF"));
    let d = c.diagnostics(R001);
    assert_eq!(codes(&d), ["ref/unknown"]);
    assert_eq!(
        d[0]["message"],
        "ID `T-THEF` の脅威はありません\nhelp: `T-THEFT` の誤りではありませんか？"
    );
    // A severity override in the unsaved isms.yaml applies at once.
    let config = c.open("isms.yaml");
    c.change(
        "isms.yaml",
        &format!("{config}rules:\n  ref/unknown: warning\n"),
    );
    let d = c.diagnostics(R001);
    assert_eq!(
        (d[0]["code"].as_str(), d[0]["severity"].as_u64()),
        (Some("ref/unknown"), Some(2))
    );
    c.shutdown();
}

#[test]
fn columns_are_utf16_code_units_after_japanese_and_emoji() {
    let mut c = Client::start();
    let text = c.open(R001);
    // 盗 and 難 are one UTF-16 unit each, 🚗 two: A-0O9 starts at character 17, column 16.
    c.change(
        R001,
        &text.replace("assets: [A-003, A-009]", "assets: [\"盗難🚗\", A-0O9]"),
    );
    let d = c.diagnostics(R001);
    let typo = d
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("A-0O9"))
        .expect("A-0O9 reported");
    assert_eq!(typo["code"], "ref/unknown");
    assert_eq!(typo["range"], range(6, 17, 6, 22));
    let emoji = d
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("盗難🚗"))
        .expect("the emoji id reported");
    assert_eq!(emoji["range"], range(6, 9, 6, 15));
    c.shutdown();
}

#[test]
fn a_file_that_is_not_open_gets_diagnostics_after_another_files_edit() {
    let mut c = Client::start();
    let controls = "controls/technological.yaml";
    let text = c.open(controls);
    c.change(
        controls,
        &text.replace("id: C-PASSWORD\n", "id: C-PASSWORDS\n"),
    );
    c.settle();
    // R-001 and P-PASSWORD were never opened.
    let d = c.diagnostics(R001);
    assert_eq!(codes(&d), ["ref/unknown"]);
    assert_eq!(d[0]["range"], range(13, 13, 13, 23));
    let p = c.diagnostics("procedures/P-PASSWORD.yaml");
    assert_eq!(codes(&p), ["ref/unknown"]);
    assert_eq!(p[0]["range"], range(5, 13, 5, 23));
    // Undone: both are cleared.
    c.change(controls, &text);
    assert_eq!(c.diagnostics(R001), Vec::<Value>::new());
    assert_eq!(
        c.diagnostics("procedures/P-PASSWORD.yaml"),
        Vec::<Value>::new()
    );
    c.shutdown();
}

#[test]
fn a_change_on_disk_outside_the_editor_is_judged() {
    let mut c = Client::start();
    c.open("roles.yaml");
    c.settle();
    let r = c
        .text(R001)
        .replace("owner: ROLE-SALES", "owner: ROLE-SALE");
    std::fs::write(c.path(R001), r).unwrap();
    let uri = c.uri(R001);
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri, "type": 2}]}),
    );
    let d = c.diagnostics(R001);
    assert_eq!(codes(&d), ["ref/unknown"]);
    assert_eq!(d[0]["range"], range(10, 7, 10, 16));
    // A file deleted on disk: references to what it defined break.
    std::fs::remove_file(c.path("procedures/P-PASSWORD.yaml")).unwrap();
    let uri = c.uri("procedures/P-PASSWORD.yaml");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri, "type": 3}]}),
    );
    let d = c.diagnostics("controls/technological.yaml");
    assert!(codes(&d).contains(&"control/no-procedure"), "{d:?}");
    c.shutdown();
}

#[test]
fn definition_and_references_of_a_control() {
    let mut c = Client::start();
    c.open(R001);
    // `C-PASSWORD` in `controls: [C-PASSWORD, …]` (line 14, column 14 in the file).
    let def = c.at("textDocument/definition", R001, 13, 16);
    assert_eq!(def["uri"], c.uri("controls/technological.yaml"));
    assert_eq!(def["range"], range(33, 4, 33, 14));
    let refs = c.at("textDocument/references", R001, 13, 16);
    let mut found: Vec<(String, u64)> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let u = l["uri"].as_str().unwrap();
            let rel = u.rsplit_once("/isms/").unwrap().1.to_owned();
            (rel, l["range"]["start"]["line"].as_u64().unwrap())
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("controls/technological.yaml".to_owned(), 33),
            ("procedures/P-PASSWORD.yaml".to_owned(), 5),
            ("records/evidence.yaml".to_owned(), 22),
            ("risks/R-001.yaml".to_owned(), 13),
            ("risks/R-002.yaml".to_owned(), 20),
            ("risks/R-004.yaml".to_owned(), 13),
            ("risks/R-019.yaml".to_owned(), 13),
        ]
        .map(|(a, b)| (a, b))
    );
    // A framework id: the SoA's exclusion of it.
    c.open("controls/technological.yaml");
    let def = c.at("textDocument/definition", R001, 0, 0);
    assert_eq!(def, Value::Null, "a comment names nothing");
    c.shutdown();
}

#[test]
fn symbols_of_a_file_and_of_the_workspace() {
    let mut c = Client::start();
    c.open("roles.yaml");
    let uri = c.uri("roles.yaml");
    let s = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let names: Vec<&str> = s
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(names.len() >= 3, "{names:?}");
    assert!(names.iter().all(|n| n.starts_with("ROLE-")), "{names:?}");
    let w = c.request("workspace/symbol", json!({"query": "C-PASSWORD"}));
    let w = w.as_array().unwrap();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0]["name"], "C-PASSWORD 複雑なパスワードと多要素認証");
    assert_eq!(w[0]["location"]["range"], range(33, 4, 33, 14));
    c.shutdown();
}

fn hover_text(v: &Value) -> String {
    v["contents"]["value"].as_str().unwrap_or("").to_owned()
}

#[test]
fn hover_on_a_risk_a_control_a_framework_id_and_a_rule_code() {
    let mut c = Client::start();
    c.open(R001);
    let h = c.at("textDocument/hover", R001, 3, 6);
    assert_eq!(h["range"], range(3, 4, 3, 9));
    let text = hover_text(&h);
    assert!(
        text.starts_with("**risk R-001** — 営業用ノートPCの盗難による顧客情報の漏えい"),
        "{text}"
    );
    assert!(
        text.contains("- inherent level 6 (high): likelihood 2 × impact 3"),
        "{text}"
    );
    assert!(text.contains("- residual level 3 (low)"), "{text}");
    assert!(
        text.contains("- treatment: reduce C-PASSWORD, C-OFFSITE, C-ENCRYPTION, C-ENDPOINT"),
        "{text}"
    );
    assert!(text.contains("- owner: `ROLE-SALES`"), "{text}");

    let text = hover_text(&c.at("textDocument/hover", R001, 13, 16));
    assert!(
        text.starts_with("**control C-PASSWORD** — 複雑なパスワードと多要素認証"),
        "{text}"
    );
    assert!(text.contains("- status: implemented"), "{text}");
    assert!(
        text.contains("- `iso27001-2022:8.5` Secure authentication"),
        "{text}"
    );
    assert!(text.contains("- procedures: `P-PASSWORD`"), "{text}");

    let controls = "controls/technological.yaml";
    c.open(controls);
    // `"iso27001-2022:8.5"` on line 39: `maps_to: ["iso27001-2022:5.17", "iso27001-2022:8.5"]`
    let text = hover_text(&c.at("textDocument/hover", controls, 38, 40));
    assert!(
        text.starts_with("**iso27001-2022:8.5**\n\n- Secure authentication\n- "),
        "{text}"
    );
    assert!(text.contains("SoA: applied (C-PASSWORD)"), "{text}");
    // A key of the SoA's exclusions: `  "8.4": >-` on line 11.
    c.open("soa.yaml");
    let text = hover_text(&c.at("textDocument/hover", "soa.yaml", 10, 4));
    assert!(
        text.starts_with(
            "**iso27001-2022:8.4**\n\n- Access to source code\n- ソースコードへのアクセス\n\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("SoA: excluded — 自社でソフトウェアを開発・改修しておらず"),
        "{text}"
    );
    let def = c.at("textDocument/definition", "soa.yaml", 10, 4);
    assert_eq!(def["range"]["start"], json!({"line": 10, "character": 2}));

    let config = c.open("isms.yaml");
    c.change(
        "isms.yaml",
        &format!("{config}rules:\n  control/unused: warning\n"),
    );
    let line = config.lines().count() as u32 + 1;
    let text = hover_text(&c.at("textDocument/hover", "isms.yaml", line, 4));
    assert!(
        text.starts_with("**control/unused** (info)  \nA control treats no risk"),
        "{text}"
    );
    c.shutdown();
}

fn labels(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|i| i["label"].as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn completion_offers_ids_of_the_right_kind_framework_ids_and_enum_values() {
    let mut c = Client::start();
    let text = c.open(R001);
    // After `threat: T-` (line 8): threats only, each with its name.
    c.change(R001, &text.replace("threat: T-THEFT", "threat: T-"));
    let v = c.at("textDocument/completion", R001, 7, 10);
    let all = labels(&v);
    assert!(all.contains(&"T-THEFT".to_owned()), "{all:?}");
    assert!(all.iter().all(|l| l.starts_with("T-")), "{all:?}");
    let theft = v
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "T-THEFT")
        .unwrap();
    assert_eq!(theft["detail"], "盗難");
    assert_eq!(theft["textEdit"]["range"], range(7, 8, 7, 10));
    c.change(R001, &text);
    // In `treatment.controls`: controls.
    let all = labels(&c.at("textDocument/completion", R001, 13, 13));
    assert!(all.contains(&"C-PASSWORD".to_owned()) && all.iter().all(|l| l.starts_with("C-")));
    // `owner:`: roles.
    let all = labels(&c.at("textDocument/completion", R001, 10, 7));
    assert!(all.contains(&"ROLE-SALES".to_owned()) && all.iter().all(|l| l.starts_with("ROLE-")));
    // `option: reduce`: the four options with their meaning in both languages.
    let v = c.at("textDocument/completion", R001, 12, 10);
    assert_eq!(labels(&v), ["reduce", "transfer", "avoid", "accept"]);
    let doc = v[0]["documentation"]["value"].as_str().unwrap();
    assert!(doc.starts_with("**低減** — adopt controls"), "{doc}");
    // `maps_to`: framework ids with their titles.
    let controls = "controls/technological.yaml";
    c.open(controls);
    let v = c.at("textDocument/completion", controls, 38, 12);
    let auth = v
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "iso27001-2022:8.5")
        .expect("8.5 offered");
    assert_eq!(auth["detail"], "Secure authentication");
    assert_eq!(labels(&v).len(), 93);
    c.shutdown();
}

#[test]
fn quick_fixes_for_a_did_you_mean_a_number_key_and_an_undecided_row() {
    let mut c = Client::start();
    let text = c.open(R001);
    c.change(R001, &text.replace("[C-PASSWORD,", "[C-PASSWRD,"));
    c.settle();
    let uri = c.uri(R001);
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(13, 15, 13, 15), "context": {"diagnostics": []}}),
    );
    let a = &actions[0];
    assert_eq!(a["title"], "Change to `C-PASSWORD`");
    assert_eq!(a["kind"], "quickfix");
    assert_eq!(a["diagnostics"][0]["code"], "ref/unknown");
    assert_eq!(
        a["edit"]["changes"][uri.as_str()],
        json!([{"range": range(13, 13, 13, 22), "newText": "C-PASSWORD"}])
    );
    assert_eq!(actions.as_array().unwrap().len(), 1);

    let soa = "soa.yaml";
    let text = c.open(soa);
    let uri = c.uri(soa);
    // `"8.25":` written as a number, and the exclusion of 8.34 deleted.
    let edited = text.replace("  \"8.25\":", "  8.25:");
    let line_834 = edited
        .lines()
        .position(|l| l.starts_with("  \"8.34\""))
        .unwrap();
    let edited: String = edited
        .lines()
        .enumerate()
        .filter(|(i, _)| *i != line_834)
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    c.change(soa, &edited);
    let d = c.diagnostics(soa);
    assert_eq!(codes(&d), ["soa/missing", "schema/invalid"], "{d:?}");
    let line_825 = edited
        .lines()
        .position(|l| l.starts_with("  8.25:"))
        .unwrap() as u32;
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(line_825, 3, line_825, 3), "context": {"diagnostics": []}}),
    );
    assert_eq!(actions[0]["title"], "Quote it: \"8.25\"");
    assert_eq!(
        actions[0]["edit"]["changes"][uri.as_str()],
        json!([{"range": range(line_825, 2, line_825, 6), "newText": "\"8.25\""}])
    );
    // soa/missing sits on `framework:` (line 5).
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(4, 12, 4, 12), "context": {"diagnostics": []}}),
    );
    assert_eq!(
        actions[0]["title"],
        "Exclude 8.34 in the SoA (then write the reason)"
    );
    let first = edited
        .lines()
        .position(|l| l.starts_with("  \"8.4\":"))
        .unwrap() as u32;
    let edit = &actions[0]["edit"]["changes"][uri.as_str()][0];
    assert_eq!(edit["range"], range(first, 0, first, 0));
    assert_eq!(edit["newText"], "  \"8.34\": \"\"\n");
    c.shutdown();
}

#[test]
fn half_typed_files_never_stop_the_server_and_a_syntax_error_keeps_the_rest() {
    let mut c = Client::start();
    let text = c.open(R001);
    // Every prefix of the file, as if typed character by character (every 7th, to be quick).
    let chars: Vec<char> = text.chars().collect();
    for n in (0..chars.len()).step_by(7) {
        let prefix: String = chars[..n].iter().collect();
        c.change(R001, &prefix);
        c.at("textDocument/completion", R001, 0, 0);
    }
    // R-002 misspelt, then R-001 broken: R-002's finding stays.
    let r2 = "risks/R-002.yaml";
    let t2 = c.open(r2);
    c.change(r2, &t2.replace("owner: ROLE-", "owner: ROLE-X"));
    c.change(
        R001,
        &text.replace("assets: [A-003, A-009]", "assets: [A-003, A-009"),
    );
    let d1 = c.diagnostics(R001);
    assert_eq!(codes(&d1), ["yaml/syntax"]);
    let d2 = c.diagnostics(r2);
    assert_eq!(codes(&d2), ["ref/unknown"]);
    let h = c.at("textDocument/hover", r2, 3, 5);
    assert!(hover_text(&h).starts_with("**risk R-002**"));
    c.shutdown();
}

#[test]
fn a_file_outside_any_repository_gets_empty_answers() {
    let mut c = Client::start();
    let dir = tempfile::tempdir().unwrap();
    let lone = dir.path().join("lone.yaml");
    std::fs::write(&lone, "kind: risk\nid: R-1\nthreat: T-X\n").unwrap();
    let u = uri(&lone);
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": u, "languageId": "yaml", "version": 1, "text": "kind: risk\nid: R-1\nthreat: T-X\n"}}),
    );
    let p = json!({"textDocument": {"uri": u}, "position": {"line": 2, "character": 9}});
    assert_eq!(c.request("textDocument/hover", p.clone()), Value::Null);
    assert_eq!(c.request("textDocument/definition", p.clone()), Value::Null);
    assert_eq!(c.request("textDocument/completion", p), Value::Null);
    c.settle();
    assert!(!c.publishes.contains_key(&u), "nothing published for it");
    c.shutdown();
}

/// The server's fast path: one file patched into the last workspace is judged exactly as
/// the repository loaded anew; an edit that changes what a file defines is refused.
#[test]
fn patching_one_file_judges_as_loading_the_repository_anew() {
    use isms::workspace::Files;
    let root = common::root().join("company-example");
    let none = |_: &Path| None::<String>;
    let today = jiff::civil::date(2026, 11, 26);
    let mut files = Files::load(&root, None, &none).unwrap();
    let render = |j: &isms::judge::Judged| -> Vec<String> {
        j.findings
            .iter()
            .map(|f| {
                let l = j.ws.sources.location(f.span);
                format!(
                    "{}:{}:{} {} {}",
                    l.file, l.line, l.column, f.code, f.message.en
                )
            })
            .collect()
    };
    let text = std::fs::read_to_string(root.join(R001)).unwrap();
    let edits = [
        // inside values: patched
        (text.replace("[C-PASSWORD,", "[C-PASSWRD,"), true),
        (text.replace("likelihood: 2", "likelihood: 3"), true),
        (format!("# a new first line\n{text}"), true),
        (text.replace("  option: reduce", "  option: reduse"), true),
        // what the file defines changes: loaded anew
        (text.replace("id: R-001", "id: R-0001"), false),
        (
            text.replace("assets: [A-003, A-009]", "assets: [A-003, A-009"),
            false,
        ),
    ];
    for (edited, patched) in edits {
        let mut ws = files.workspace();
        let change = files.update(R001, edited.clone()).unwrap();
        assert_eq!(files.patch(&mut ws, &change), patched, "{edited}");
        if patched {
            let fast = isms::judge::judge(ws, today);
            let anew = isms::judge::judge(files.workspace(), today);
            assert_eq!(render(&fast), render(&anew));
            assert_eq!(fast.ws.model.risks.len(), anew.ws.model.risks.len());
        }
        files.update(R001, text.clone()).unwrap();
    }
}

/// The server's judgment per edit (`judge::rejudge`, which keeps the last analysis's
/// references of the files not edited) after a run of edits in two files, each on top of the
/// last, is the judgment of the repository loaded anew: the same findings and the same
/// references, resolutions, did-you-means and SoA rows.
#[test]
fn many_edits_judged_by_the_fast_path_equal_a_fresh_full_judgment() {
    use isms::workspace::Files;
    let root = common::root().join("company-example");
    let none = |_: &Path| None::<String>;
    let today = jiff::civil::date(2026, 11, 26);
    let mut files = Files::load(&root, None, &none).unwrap();
    let render = |j: &isms::judge::Judged| -> Vec<String> {
        let mut out: Vec<String> = j
            .findings
            .iter()
            .map(|f| {
                let l = j.ws.sources.location(f.span);
                format!(
                    "{}:{}:{} {} {}",
                    l.file, l.line, l.column, f.code, f.message.en
                )
            })
            .collect();
        out.push(format!("{:?}", j.analysis.refs.all));
        out.push(format!("{:?}", j.analysis.soas));
        out.push(format!("{:?}", j.analysis.assessments));
        out
    };
    let risk = std::fs::read_to_string(root.join(R001)).unwrap();
    const P: &str = "procedures/P-ACCOUNT.yaml";
    let procedure = std::fs::read_to_string(root.join(P)).unwrap();
    const A: &str = "assets/information.yaml";
    const A003: &str = "id: A-003\nname: 営業用ノートPC内の顧客情報・見積データ\ntype: information\nowner: ROLE-SALES\nconfidentiality: 3\n";
    let asset = std::fs::read_to_string(root.join(A)).unwrap();
    assert!(asset.contains(A003));
    let typo = risk.replace("[C-PASSWORD,", "[C-PASSWRD,");
    let two = typo.replace("threat: T-THEFT", "threat: T-THEF");
    let edits = [
        (R001, typo.clone()),
        (R001, two.clone()),
        (P, procedure.replace("[C-ACCESS,", "[C-ACCES,")),
        (R001, format!("# a new first line\n{two}")),
        (
            P,
            procedure.replace("owner: ROLE-SYSADMIN", "owner: ROLE-SALES"),
        ),
        // A-003 less confidential: R-001's numbers change, from another file
        (A, asset.replace(A003, "id: A-003\nname: 営業用ノートPC内の顧客情報・見積データ\ntype: information\nowner: ROLE-SALES\nconfidentiality: 1\n")),
        // one reference more: the references are made anew
        (R001, risk.replace("[C-PASSWORD,", "[C-PASSWORD, C-BACKUP,")),
        (R001, typo),
        (P, procedure.clone()),
        (A, asset.clone()),
        (R001, risk.clone()),
    ];
    let mut judged = isms::judge::judge(files.workspace(), today);
    let clean = render(&judged);
    for (n, (rel, text)) in edits.into_iter().enumerate() {
        let change = files.update(rel, text).unwrap();
        let mut ws = judged.ws;
        assert!(files.patch(&mut ws, &change), "edit {n} is patched");
        judged = isms::judge::rejudge(ws, judged.analysis, &[change.file()], today);
        let anew = isms::judge::judge(files.workspace(), today);
        assert_eq!(render(&judged), render(&anew), "edit {n}");
        if n == 1 {
            let codes: Vec<&str> = judged.findings.iter().map(|f| f.code).collect();
            assert_eq!(codes, ["ref/unknown", "ref/unknown"], "edit {n}");
        }
    }
    assert_eq!(render(&judged), clean, "back to the files on disk");
}

#[test]
fn closing_a_file_returns_to_the_disk_and_exit_without_shutdown_is_1() {
    let mut c = Client::start();
    let text = c.open(R001);
    c.change(R001, &text.replace("threat: T-THEFT", "threat: T-THEF"));
    assert_eq!(codes(&c.diagnostics(R001)), ["ref/unknown"]);
    // Closed unsaved: the file on disk is what counts again.
    let uri = c.uri(R001);
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(c.diagnostics(R001), Vec::<Value>::new());
    c.notify("exit", Value::Null);
    let status = c.child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "exit without shutdown");
}

#[test]
fn an_unknown_request_is_answered_with_method_not_found() {
    let mut c = Client::start();
    c.next_id += 1;
    let id = c.next_id;
    c.send(json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/formatting", "params": {}}));
    loop {
        let m = c.incoming.recv_timeout(HANG).unwrap();
        if m["id"] == json!(id) {
            assert_eq!(m["error"]["code"], -32601);
            break;
        }
    }
    c.shutdown();
}

#[test]
fn quick_fixes_for_a_misspelt_field_and_enum_value() {
    let mut c = Client::start();
    let text = c.open(R001);
    let edited = text
        .replace("likelihood: 2", "likelyhood: 2")
        .replace("option: reduce", "option: reduse");
    c.change(R001, &edited);
    let d = c.diagnostics(R001);
    assert_eq!(codes(&d), ["schema/invalid", "schema/invalid"]);
    let uri = c.uri(R001);
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(0, 0, 20, 0), "context": {"diagnostics": []}}),
    );
    let got: Vec<(String, Value)> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["title"].as_str().unwrap().to_owned(),
                a["edit"]["changes"][uri.as_str()][0].clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Change to `likelihood`".to_owned(),
                json!({"range": range(9, 0, 9, 10), "newText": "likelihood"})
            ),
            (
                "Change to `reduce`".to_owned(),
                json!({"range": range(12, 10, 12, 16), "newText": "reduce"})
            ),
        ]
    );
    c.shutdown();
}

#[test]
fn a_file_created_on_disk_is_read_and_its_references_resolve() {
    let mut c = Client::start();
    let text = c.open(R001);
    c.change(R001, &text.replace("threat: T-THEFT", "threat: T-NEW"));
    assert_eq!(codes(&c.diagnostics(R001)), ["ref/unknown"]);
    std::fs::write(
        c.path("threats-new.yaml"),
        "kind: threat\nid: T-NEW\nname: 新しい脅威\norigin: deliberate\n",
    )
    .unwrap();
    let uri = c.uri("threats-new.yaml");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri, "type": 1}]}),
    );
    assert_eq!(c.diagnostics(R001), Vec::<Value>::new());
    c.shutdown();
}
