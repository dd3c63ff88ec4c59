//! `isms diff` on the ISMS's own records, between two real git commits: a document revised,
//! one added, a nonconformity closed, an objective measured again.

mod common;

use common::*;
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn records_added_changed_and_closed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    copy_into(&root().join("company-example"), dir);
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["config", "user.name", "isms test"]);
    git(dir, &["config", "user.email", "test@example.invalid"]);
    git(dir, &["config", "commit.gpgsign", "false"]);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "the ISMS"]);

    let rec = dir.join("records");
    edit(
        &rec.join("documents.yaml"),
        "version: \"2.0\"",
        "version: \"2.1\"",
    );
    edit(
        &rec.join("nonconformities.yaml"),
        "due: 2027-01-31\nstatus: open",
        "due: 2027-01-31\nstatus: closed\nverified_on: 2026-11-25",
    );
    edit(
        &rec.join("objectives.yaml"),
        "  - {date: 2026-11-20, value: 76 %, note: 第 2 回訓練。開封率は 6 %}\n",
        "  - {date: 2026-11-20, value: 76 %, note: 第 2 回訓練。開封率は 6 %}\n  - {date: 2026-11-25, value: 81 %}\n",
    );
    std::fs::write(
        rec.join("more-documents.yaml"),
        "kind: document\nid: DOC-BCP\ntitle: 事業継続計画\ntype: plan\nstatus: draft\n",
    )
    .unwrap();

    let out = bin()
        .args(["diff", "HEAD", "--format", "json", "--today", TODAY])
        .current_dir(dir)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        d["records"],
        json!([
            {"id": "DOC-BCP", "kind": "document", "title": "事業継続計画", "change": "added",
             "before": null, "after": "draft"},
            {"id": "DOC-POLICY", "kind": "document", "title": "情報セキュリティ基本方針",
             "change": "changed", "before": "2.0 approved 2026-04-01", "after": "2.1 approved 2026-04-01"},
            {"id": "NC-2026-02", "kind": "nonconformity",
             "title": "外注加工先 2 社の秘密保持契約が期限切れのまま図面を送付していた",
             "change": "closed", "before": "open, due 2027-01-31", "after": "closed, verified 2026-11-25"},
            {"id": "OBJ-2026-01", "kind": "objective",
             "title": "標的型攻撃メール訓練で不審メールを報告できる従業員を増やす",
             "change": "changed", "before": "active, 76 % (2026-11-20)", "after": "active, 81 % (2026-11-25)"}
        ])
    );
    assert_eq!(d["summary"]["records_changed"], 4);

    let out = bin()
        .args(["diff", "HEAD", "--lang", "en", "--today", TODAY])
        .current_dir(dir)
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("**records: 1 added, 1 closed, 2 changed**"),
        "{md}"
    );
    assert!(md.contains("#### Records (clauses 4–10)"), "{md}");
    assert!(
        md.contains("| nonconformity `NC-2026-02` | 外注加工先 2 社の秘密保持契約が期限切れのまま図面を送付していた | closed | open, due 2027-01-31 | closed, verified 2026-11-25 |"),
        "{md}"
    );
}
