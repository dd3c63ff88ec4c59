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
    // Its owner as the SoA's approver reads (ROLE-FACTORY: its title and its one member).
    assert_eq!(
        texts(&doc, "table.nonconformities tbody td")[2],
        "工場長 (山口 隆)"
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
    assert!(rows[1].starts_with("| DOC-POLICY | 情報セキュリティ基本方針 | policy | iso27001-2022-clauses:5.2, iso27001-2022:5.1 | 2.0 | 情報セキュリティ責任者 (鈴木 健二) | 代表取締役 (佐藤 一郎) | 2026-04-01 | approved | 2026-04-01 | 2027-04-01 | docs/policy.md |"), "{}", rows[1]);
    // JSON.
    let json: serde_json::Value =
        serde_json::from_slice(&output(&["documents", "--format", "json", &ex])).unwrap();
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 4);
    assert_eq!(docs[0]["id"], "DOC-SCOPE");
    assert_eq!(docs[0]["location"], "inline");
    assert_eq!(docs[3]["review_next"], "2027-04-01");
    // JSON keeps the role ids the other formats name as they sign.
    assert_eq!(docs[1]["owner"], "ROLE-CISO");
    assert_eq!(docs[1]["approved_by"], "ROLE-CEO");
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
    assert_eq!(cells[1][5], "情報セキュリティ責任者（鈴木 健二）");
    assert_eq!(cells[1][6], "代表取締役（佐藤 一郎）");
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
        serde_json::json!([{
            "id": "EV-2026-MFA",
            "date": "2026-10-01",
            "title": "多要素認証の登録状況レポート（全アカウント）",
            "location": "evidence/mfa-report-2026-10.md"
        }])
    );
    assert_eq!(
        row("8.13")["evidence"],
        serde_json::json!([{
            "id": "EV-2026-BACKUP",
            "date": "2026-10-15",
            "title": "バックアップの復元テスト記録（2026 年 10 月）",
            "location": "evidence/backup-restore-2026-10.md"
        }])
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
    // The report's SoA leaves the evidence to that table and says so: its last column is
    // the exclusion's alone, empty on the applied row 8.5.
    assert_eq!(
        texts(&doc, "p.note")
            .iter()
            .filter(|t| t.contains("ISMS status"))
            .count(),
        1
    );
    assert_eq!(
        texts(&doc, "table.soa thead th").last().unwrap(),
        "Justification for exclusion"
    );
    assert_eq!(
        texts(&doc, "tr#soa-iso27001-2022-8\\.5 td").last().unwrap(),
        ""
    );
}

/// Every cell of a sheet as text (numbers and dates as calamine shows them).
fn sheet(bytes: Vec<u8>, name: &str) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let range = wb.worksheet_range(name).unwrap();
    range
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
        .collect()
}

/// The row whose first cell is `id`.
fn row_of<'a>(rows: &'a [Vec<String>], id: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r.first().is_some_and(|c| c == id))
        .unwrap_or_else(|| panic!("no row {id}"))
}

/// The records of a CSV report, its byte-order mark dropped.
fn csv_rows(csv: &str) -> Vec<Vec<String>> {
    ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

const BACKUP_JA: &str = "2026-10-15 バックアップの復元テスト記録（2026 年 10 月）（evidence/backup-restore-2026-10.md）";
const AUDIT_JA: &str = "2026-09-15 2026 年度 内部監査チェックリスト（運用確認の結果）（evidence/audit-checklist-2026.md）";

#[test]
fn the_soa_shows_the_newest_evidence_of_its_applied_controls_in_every_format() {
    let ex = example();
    // CSV: the last column, "証跡（最新）"; A.8.13 is C-BACKUP's, evidenced by EV-2026-BACKUP.
    let csv = String::from_utf8(output(&["soa", "--format", "csv", &ex])).unwrap();
    let rows = csv_rows(&csv);
    assert_eq!(rows[0][9], "証跡（最新）");
    assert_eq!(row_of(&rows, "A.8.13")[9], BACKUP_JA);
    // An excluded row (A.8.4, source code: no development) shows none.
    assert_eq!(row_of(&rows, "A.8.4")[9], "");
    // XLSX, read back: the same cell.
    let bytes = output(&["soa", "--format", "xlsx", "-o", "/dev/stdout", &ex]);
    let cells = sheet(bytes, "適用宣言書");
    let head = cells.iter().find(|r| r[0] == "番号").unwrap();
    assert_eq!(head[9], "証跡（最新）");
    assert_eq!(row_of(&cells, "8.13")[9], BACKUP_JA);
    assert_eq!(row_of(&cells, "8.4")[9], "");
    // Markdown: the last cell of the row.
    let md = String::from_utf8(output(&["soa", "--format", "md", &ex])).unwrap();
    let line = md.lines().find(|l| l.starts_with("| 8.13 |")).unwrap();
    assert!(line.ends_with(&format!("| {BACKUP_JA} |")), "{line}");
    // HTML, in English: the last cell, which the exclusion shares (an applied row has none).
    let html = output(&["soa", "--format", "html", "--lang", "en", &ex]);
    let doc = Html::parse_document(&String::from_utf8(html).unwrap());
    assert_eq!(
        texts(&doc, "table.soa thead th").last().unwrap(),
        "Justification for exclusion / Evidence (newest)"
    );
    assert_eq!(
        texts(&doc, "tr#soa-iso27001-2022-8\\.13 td")
            .last()
            .unwrap(),
        "2026-10-15 バックアップの復元テスト記録（2026 年 10 月） (evidence/backup-restore-2026-10.md)"
    );
    let excluded = texts(&doc, "tr#soa-iso27001-2022-8\\.4 td");
    assert!(
        excluded
            .last()
            .unwrap()
            .starts_with("自社でソフトウェアを開発"),
        "{excluded:?}"
    );
}

#[test]
fn the_risk_register_shows_the_newest_evidence_of_the_treatment_and_owners_as_they_sign() {
    let ex = example();
    // R-012 is treated by C-SERVER-ROOM (evidenced through its procedure by the audit
    // checklist), C-BACKUP and C-MAINTENANCE: two pieces of evidence, each once, in the
    // controls' order.
    let csv = String::from_utf8(output(&["risks", "--format", "csv", &ex])).unwrap();
    let rows = csv_rows(&csv);
    assert_eq!(rows[0][17], "証跡（最新）");
    let r012 = row_of(&rows, "R-012");
    assert_eq!(r012[17], format!("{AUDIT_JA}\n{BACKUP_JA}"));
    // The owner and the approver as the SoA's approver reads: title and person.
    let r022 = row_of(&rows, "R-022");
    assert_eq!(r022[12], "代表取締役（佐藤 一郎）");
    assert_eq!(
        r022[16],
        "対応計画の承認者：代表取締役（佐藤 一郎）\n対応計画の承認日：2026-10-01"
    );
    // A treatment without controls (R-011, transferred) has no evidence.
    assert_eq!(row_of(&rows, "R-011")[17], "");
    // XLSX, read back.
    let bytes = output(&["risks", "--format", "xlsx", "-o", "/dev/stdout", &ex]);
    let cells = sheet(bytes, "リスク台帳");
    assert_eq!(
        row_of(&cells, "R-012")[17],
        format!("{AUDIT_JA}\n{BACKUP_JA}")
    );
    assert_eq!(row_of(&cells, "R-022")[12], "代表取締役（佐藤 一郎）");
    // Markdown.
    let md = String::from_utf8(output(&["risks", "--format", "md", &ex])).unwrap();
    let line = md.lines().find(|l| l.starts_with("| R-012 |")).unwrap();
    assert!(
        line.ends_with(&format!("| {AUDIT_JA}<br>{BACKUP_JA} |")),
        "{line}"
    );
    assert!(line.contains("| システム管理者 |"), "{line}");
    // JSON keeps the ids and gives each piece of evidence whole.
    let json: serde_json::Value =
        serde_json::from_slice(&output(&["risks", "--format", "json", &ex])).unwrap();
    let r = json["risks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "R-022")
        .unwrap();
    assert_eq!(r["owner"], "ROLE-CEO");
    assert_eq!(r["approval"]["by"], "ROLE-CEO");
    assert_eq!(
        r["evidence"][1],
        serde_json::json!({
            "id": "EV-2026-BCP",
            "date": "2026-03-18",
            "title": "事業継続計画の机上訓練記録（ランサムウェアによる生産管理システム停止を想定）",
            "location": "evidence/bcp-drill-2026-03.md"
        })
    );
    // HTML: the evidence under the approval, one a line; the owner as it signs.
    let html = output(&["risks", "--format", "html", &ex]);
    let doc = Html::parse_document(&String::from_utf8(html).unwrap());
    assert_eq!(
        texts(&doc, "table.risks thead th").last().unwrap(),
        "承認・受容 / 証跡（最新）"
    );
    assert_eq!(
        texts(&doc, "tr#risk-R-012 td:last-child div"),
        [AUDIT_JA, BACKUP_JA]
    );
    assert_eq!(
        texts(&doc, "tr#risk-R-022 td.w6"),
        ["代表取締役（佐藤 一郎）"]
    );
}

#[test]
fn evidence_text_is_escaped_in_every_format() {
    // Undated, so the line starts with the title: a formula start in a spreadsheet.
    let dir = repo_with(None);
    std::fs::write(
        dir.path().join("evidence.yaml"),
        "kind: evidence\nid: EV-X\ntitle: \"=HYPERLINK(1) | <b>x</b> *y*\"\nurl: \"https://example.com/a_b?x=<1>\"\ncontrols: [C-PASSWORD]\n",
    )
    .unwrap();
    let p = dir.path().display().to_string();
    let soa = |f: &str| {
        output(&[
            "soa",
            "--framework",
            "iso27001-2022",
            "--format",
            f,
            "-o",
            "/dev/stdout",
            &p,
        ])
    };
    let line = "=HYPERLINK(1) | <b>x</b> *y* (https://example.com/a_b?x=<1>)";
    let csv = String::from_utf8(soa("csv")).unwrap();
    let row = csv.lines().find(|l| l.starts_with("A.8.5,")).unwrap();
    assert!(row.ends_with(&format!(",'{line}")), "{row}");
    let md = String::from_utf8(soa("md")).unwrap();
    let row = md.lines().find(|l| l.starts_with("| 8.5 |")).unwrap();
    assert!(
        row.ends_with(
            "| =HYPERLINK(1) \\| &lt;b&gt;x&lt;/b&gt; \\*y\\* (https://example.com/a\\_b?x=&lt;1&gt;) |"
        ),
        "{row}"
    );
    let html = String::from_utf8(soa("html")).unwrap();
    assert!(!html.contains("<b>x</b>"), "raw HTML got through");
    let doc = Html::parse_document(&html);
    assert_eq!(
        texts(&doc, "tr#soa-iso27001-2022-8\\.5 td").last().unwrap(),
        line
    );
    // XLSX: the text as written, a string and not a formula (the cell's quote prefix).
    let bytes = soa("xlsx");
    let mut wb: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    let formulas = wb.worksheet_formula("Statement of Applicability").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "a formula in the workbook"
    );
    let cells = sheet(bytes, "Statement of Applicability");
    assert_eq!(row_of(&cells, "8.5")[9], line);
    // Against IPA's framework C-PASSWORD maps to nothing: an additional control, with its
    // evidence in the JSON as written.
    let json: serde_json::Value = serde_json::from_slice(&output(&[
        "soa",
        "--framework",
        "ipa-sme",
        "--format",
        "json",
        &p,
    ]))
    .unwrap();
    assert_eq!(json["additional"][0]["id"], "C-PASSWORD");
    assert_eq!(
        json["additional"][0]["evidence"],
        serde_json::json!([{
            "id": "EV-X",
            "date": "",
            "title": "=HYPERLINK(1) | <b>x</b> *y*",
            "location": "https://example.com/a_b?x=<1>"
        }])
    );
    // The risk register, which shows the same evidence under R-001's treatment.
    let risks = String::from_utf8(output(&["risks", "--format", "csv", &p])).unwrap();
    let r001 = risks.lines().find(|l| l.contains(line)).unwrap();
    assert!(r001.ends_with(&format!(",'{line}")), "{r001}");
}

#[test]
fn a_planned_control_shows_no_evidence() {
    // Evidence of a control that is not yet implemented or partial is not shown as the
    // evidence of an applied control: the SoA row of 8.5 and R-001's treatment show none.
    let dir = repo_with(None);
    let controls = dir.path().join("controls");
    let file = std::fs::read_dir(&controls)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("status: implemented", "status: planned"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("evidence.yaml"),
        "kind: evidence\nid: EV-X\ntitle: MFA report\ndate: 2026-10-01\npath: isms.yaml\ncontrols: [C-PASSWORD]\n",
    )
    .unwrap();
    let p = dir.path().display().to_string();
    let json: serde_json::Value = serde_json::from_slice(&output(&[
        "soa",
        "--framework",
        "iso27001-2022",
        "--format",
        "json",
        &p,
    ]))
    .unwrap();
    let row = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "8.5")
        .unwrap();
    assert_eq!(row["status"], "planned");
    assert_eq!(row["evidence"], serde_json::json!([]));
    let json: serde_json::Value =
        serde_json::from_slice(&output(&["risks", "--format", "json", &p])).unwrap();
    let r = json["risks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "R-001")
        .unwrap();
    assert_eq!(r["controls"], serde_json::json!(["C-PASSWORD"]));
    assert_eq!(r["evidence"], serde_json::json!([]));
}
