//! The reports of the ISMS's own records through the binary: the "ISMS status" section of
//! `isms report` (parsed as HTML) and the documents register of `isms documents` in every
//! format (the workbook read back with calamine).

mod common;

use calamine::{Data, Reader, Xlsx};
use common::*;
use scraper::{Html, Selector};

fn output(args: &[&str]) -> Vec<u8> {
    let out = bin().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn example() -> String {
    root().join("company-example").display().to_string()
}

fn texts(doc: &Html, selector: &str) -> Vec<String> {
    let sel = Selector::parse(selector).unwrap();
    doc.select(&sel)
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect()
}

#[test]
fn the_report_shows_company_example_clause_checklist_complete() {
    let html = output(&["report", "--lang", "en", "--today", TODAY, &example()]);
    let doc = Html::parse_document(&String::from_utf8(html).unwrap());
    assert_eq!(
        texts(&doc, "section#isms-status > h2"),
        ["ISMS status"],
        "the section is there"
    );
    // Every clause of 4–10, in catalog order; the 14 required ones all satisfied.
    let ids = texts(&doc, "table.clauses tbody tr td.id");
    assert_eq!(ids.len(), 25);
    assert_eq!(ids[..3], ["4.1", "4.2", "4.3"]);
    assert_eq!(ids[24], "10.2");
    assert_eq!(
        texts(&doc, "table.clauses tbody tr.d-undecided"),
        Vec::<String>::new()
    );
    assert_eq!(
        texts(&doc, "section#isms-status p.ok"),
        ["14 / 14 required clauses satisfied"]
    );
    // Each clause lists what satisfies it; documents link to their register row.
    let scope = texts(&doc, "tr#clause-4\\.3 td");
    assert_eq!(scope[3], "DOC-SCOPE");
    let audit = texts(&doc, "tr#clause-9\\.2 td");
    assert_eq!(audit[3], "audit: AUD-2026");
    let risks = texts(&doc, "tr#clause-6\\.1\\.2 td");
    assert_eq!(risks[3], "DOC-RISK-PROCESS risk: 24");
    let sel = Selector::parse("tr#clause-5\\.2 a").unwrap();
    let link = doc
        .select(&sel)
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap();
    assert_eq!(link, "#doc-DOC-POLICY");
    assert_eq!(texts(&doc, "tr#doc-DOC-POLICY td.id"), ["DOC-POLICY"]);
    // The register, the timeline, the open nonconformity, the objectives.
    assert_eq!(
        texts(&doc, "table.documents tbody td.id"),
        ["DOC-SCOPE", "DOC-POLICY", "DOC-MANUAL", "DOC-RISK-PROCESS"]
    );
    let timeline = texts(&doc, "table.timeline tbody td.id");
    assert_eq!(
        timeline,
        ["2026-09-15", "AUD-2026", "2026-11-25", "MR-2026"]
    );
    assert_eq!(
        texts(&doc, "table.nonconformities tbody td.id"),
        ["NC-2026-02"]
    );
    let objectives = texts(&doc, "table.objectives tbody tr");
    assert_eq!(objectives.len(), 3);
    assert!(
        objectives[0].contains("76 % (2026-11-20)"),
        "{}",
        objectives[0]
    );
}

#[test]
fn a_missing_clause_is_marked_and_the_checklist_counts_it() {
    let dir = tempfile::tempdir().unwrap();
    copy_into(&root().join("company-example"), dir.path());
    std::fs::remove_file(dir.path().join("records/competence.yaml")).unwrap();
    let html = output(&[
        "report",
        "--lang",
        "en",
        "--today",
        TODAY,
        &dir.path().display().to_string(),
    ]);
    let doc = Html::parse_document(&String::from_utf8(html).unwrap());
    let missing = texts(&doc, "table.clauses tbody tr.d-undecided td.id");
    assert_eq!(missing, ["7.2"]);
    assert_eq!(
        texts(&doc, "section#isms-status p.note"),
        // company-example lists iso27001-2022-clauses: the checklist is judged, no note says otherwise.
        ["13 / 14 required clauses satisfied"]
    );
    assert_eq!(texts(&doc, "tr#clause-7\\.2 td")[3], "missing");
}

#[test]
fn a_repository_without_records_has_no_status_section() {
    let html = output(&[
        "report",
        "--today",
        TODAY,
        &fixture("base").display().to_string(),
    ]);
    let doc = Html::parse_document(&String::from_utf8(html).unwrap());
    assert_eq!(texts(&doc, "section#isms-status"), Vec::<String>::new());
}

#[test]
fn the_documents_register_in_every_format() {
    let ex = example();
    // Markdown: a header row and one row per document.
    let md = String::from_utf8(output(&["documents", "--lang", "en", &ex])).unwrap();
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| DOC-")).collect();
    assert_eq!(rows.len(), 4);
    assert!(rows[1].starts_with("| DOC-POLICY | 情報セキュリティ基本方針 | policy | iso27001-2022-clauses:5.2, iso27001-2022:5.1 | 2.0 | ROLE-CISO | ROLE-CEO | 2026-04-01 | approved | 2026-04-01 | 2027-04-01 | docs/policy.md |"), "{}", rows[1]);
    // JSON.
    let json: serde_json::Value =
        serde_json::from_slice(&output(&["documents", "--format", "json", &ex])).unwrap();
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 4);
    assert_eq!(docs[0]["id"], "DOC-SCOPE");
    assert_eq!(docs[0]["location"], "inline");
    assert_eq!(docs[3]["review_next"], "2027-04-01");
    // CSV: the BOM Excel needs, CRLF.
    let csv = output(&["documents", "--format", "csv", "--lang", "en", &ex]);
    assert!(csv.starts_with("\u{FEFF}id".replace("id", "Id").as_bytes()));
    let text = String::from_utf8(csv).unwrap();
    assert_eq!(text.matches("\r\n").count(), 5);
    // HTML.
    let html = String::from_utf8(output(&["documents", "--format", "html", &ex])).unwrap();
    let doc = Html::parse_document(&html);
    assert_eq!(texts(&doc, "table.documents tbody tr").len(), 4);
    // XLSX, read back.
    let bytes = output(&[
        "documents",
        "--format",
        "xlsx",
        "--lang",
        "ja",
        "-o",
        "/dev/stdout",
        &ex,
    ]);
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(wb.sheet_names(), ["文書管理台帳"]);
    let range = wb.worksheet_range("文書管理台帳").unwrap();
    let cells: Vec<Vec<String>> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => format!("{other:?}"),
                })
                .collect()
        })
        .collect();
    assert_eq!(cells.len(), 5);
    assert_eq!(cells[0][0], "ID");
    assert_eq!(cells[0][8], "状態");
    assert_eq!(cells[1][..3], ["DOC-SCOPE", "ISMS 適用範囲", "適用範囲"]);
    assert_eq!(cells[1][8], "承認済み");
    assert_eq!(cells[1][11], "本文に記載");
    assert_eq!(cells[4][11], "docs/risk-process.md");
}

#[test]
fn user_text_is_escaped_in_the_register() {
    let dir = repo_with(None);
    std::fs::write(
        dir.path().join("documents.yaml"),
        "kind: document\nid: DOC-X\ntitle: \"=HYPERLINK(1) | <b>x</b>\"\ntype: other\nstatus: draft\n",
    )
    .unwrap();
    let p = dir.path().display().to_string();
    let md = String::from_utf8(output(&["documents", &p])).unwrap();
    assert!(
        md.contains("=HYPERLINK(1) \\| &lt;b&gt;x&lt;/b&gt;"),
        "{md}"
    );
    let csv = String::from_utf8(output(&["documents", "--format", "csv", &p])).unwrap();
    assert!(csv.contains("'=HYPERLINK(1) | <b>x</b>"), "{csv}");
    let html = String::from_utf8(output(&["documents", "--format", "html", &p])).unwrap();
    assert!(
        html.contains("=HYPERLINK(1) | &lt;b&gt;x&lt;/b&gt;"),
        "{html}"
    );
}

#[test]
fn the_soa_and_the_report_show_the_newest_evidence_of_each_applied_control() {
    let ex = example();
    let json: serde_json::Value =
        serde_json::from_slice(&output(&["soa", "--format", "json", "--today", TODAY, &ex]))
            .unwrap();
    let row = |id: &str| {
        json["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()
            .clone()
    };
    // 8.5 is mapped by C-PASSWORD, evidenced by EV-2026-MFA; 8.13 by C-BACKUP.
    assert_eq!(
        row("8.5")["evidence"],
        serde_json::json!([{"id": "EV-2026-MFA", "date": "2026-10-01"}])
    );
    assert_eq!(
        row("8.13")["evidence"],
        serde_json::json!([{"id": "EV-2026-BACKUP", "date": "2026-10-15"}])
    );
    // An excluded row has none.
    assert_eq!(row("8.4")["evidence"], serde_json::json!([]));

    let html = output(&["report", "--lang", "en", "--today", TODAY, &ex]);
    let doc = Html::parse_document(&String::from_utf8(html).unwrap());
    // 41 implemented and 8 partial controls, each with its newest evidence: none lacks it.
    assert_eq!(texts(&doc, "table.evidence tbody tr").len(), 49);
    assert_eq!(
        texts(&doc, "table.evidence tbody tr.d-undecided"),
        Vec::<String>::new()
    );
    let sel = Selector::parse("table.evidence tbody tr").unwrap();
    let password: Vec<String> = doc
        .select(&sel)
        .find(|r| r.text().any(|t| t == "C-PASSWORD"))
        .unwrap()
        .select(&Selector::parse("td").unwrap())
        .map(|c| c.text().collect())
        .collect();
    assert_eq!(
        password,
        [
            "C-PASSWORD",
            "複雑なパスワードと多要素認証",
            "Implemented",
            "EV-2026-MFA",
            "2026-10-01",
            "evidence/mfa-report-2026-10.md"
        ]
    );
}
