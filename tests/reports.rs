//! The reports through the binary: `isms soa`, `isms risks`, `isms report`.
//!
//! - goldens of every format on company-example (tests/golden/; XLSX compared as the rows
//!   an independent reader, calamine, reads back). `UPDATE_GOLDEN=1 cargo test --test
//!   reports` rewrites them after an intended change; review the diff.
//! - the HTML parsed (scraper): sections, rows, links that land, nothing external;
//! - tests/fixtures/hostile-titles: `<script>`, `|`, line breaks and formulas in every
//!   user-written field, checked in every format;
//! - tests/fixtures/soa-known: the SoA's counts, statuses and justifications, and the
//!   register's order and heat maps, against answers worked out by hand;
//! - exit codes, `--strict`, languages, byte-identical output.

mod common;

use calamine::{Data, Reader, Xlsx};
use common::*;
use scraper::{Html, Selector};
use serde_json::{Value, json};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

fn company() -> PathBuf {
    root().join("company-example")
}

/// Runs `isms ARGS... PATH --today TODAY`; returns stdout, stderr and the exit code.
fn isms(args: &[&str], path: &Path) -> (Vec<u8>, String, i32) {
    let out = bin()
        .args(args)
        .arg(path)
        .args(["--today", TODAY])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    (out.stdout, stderr, out.status.code().unwrap())
}

/// The output of a command that must succeed.
fn ok(args: &[&str], path: &Path) -> Vec<u8> {
    let (out, err, code) = isms(args, path);
    assert_eq!(code, 0, "{args:?} exited {code}: {err}");
    out
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

fn json_of(args: &[&str], path: &Path) -> Value {
    serde_json::from_slice(&ok(args, path)).unwrap()
}

/// Compares with tests/golden/NAME, or writes it when UPDATE_GOLDEN is set.
fn golden(name: &str, actual: &[u8]) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|_| panic!("no golden {name}: run with UPDATE_GOLDEN=1 and review it"));
    if expected != actual {
        let out = root().join("target/golden-actual");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join(name), actual).unwrap();
        let (e, a) = (
            String::from_utf8_lossy(&expected),
            String::from_utf8_lossy(actual),
        );
        let line = e
            .lines()
            .zip(a.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(e.lines().count().min(a.lines().count()));
        panic!(
            "{name} differs from its golden at line {}:\n  golden: {:?}\n  actual: {:?}\n(actual written to target/golden-actual/{name}; UPDATE_GOLDEN=1 to accept)",
            line + 1,
            e.lines().nth(line),
            a.lines().nth(line)
        );
    }
}

/// Every sheet of a workbook as text: its name, then each row's cells joined by " | ",
/// line breaks in cells shown as "⏎".
fn xlsx_rows(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec()))
        .expect("calamine reads the workbook");
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        let rows = range
            .rows()
            .map(|r| {
                r.iter()
                    .map(|c| match c {
                        Data::Empty => String::new(),
                        Data::String(s) => s.clone(),
                        Data::Float(f) => f.to_string(),
                        Data::Int(i) => i.to_string(),
                        Data::DateTime(d) => format!("date {}", excel_date(d.as_f64())),
                        other => format!("{other:?}"),
                    })
                    .collect()
            })
            .collect();
        let formulas = wb.worksheet_formula(&name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "sheet {name} holds a formula"
        );
        out.push((name, rows));
    }
    out
}

/// An Excel date serial (days since 1899-12-30) as YYYY-MM-DD (Howard Hinnant's
/// civil-from-days).
fn excel_date(serial: f64) -> String {
    #[allow(clippy::cast_possible_truncation)]
    let z = serial as i64 - 25569 + 719_468; // days since 1970-01-01, shifted to 0000-03-01
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn xlsx_dump(bytes: &[u8]) -> String {
    let mut s = String::new();
    for (name, rows) in xlsx_rows(bytes) {
        s.push_str(&format!("## {name}\n"));
        for r in rows {
            s.push_str(&r.join(" | ").replace('\n', "⏎"));
            s.push('\n');
        }
    }
    s
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

// ---------------------------------------------------------------- goldens

/// company-example copied out of this project's git repository, so that its documents
/// stand "as of" `--today` and not as of the project's latest commit.
fn company_outside_git() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_into(&company(), dir.path());
    dir
}

#[test]
fn goldens_of_every_format_on_company_example() {
    let copy = company_outside_git();
    let c = copy.path().to_owned();
    for (cmd, format) in [
        ("soa", "md"),
        ("soa", "html"),
        ("soa", "csv"),
        ("soa", "json"),
        ("risks", "md"),
        ("risks", "html"),
        ("risks", "csv"),
        ("risks", "json"),
    ] {
        golden(
            &format!("{cmd}.{format}"),
            &ok(&[cmd, "--format", format], &c),
        );
    }
    golden("soa.en.md", &ok(&["soa", "--lang", "en"], &c));
    golden("risks.en.md", &ok(&["risks", "--lang", "en"], &c));
    golden("report.html", &ok(&["report"], &c));
    golden("report.en.html", &ok(&["report", "--lang", "en"], &c));
    for cmd in ["soa", "risks"] {
        let bytes = ok(&[cmd, "--format", "xlsx"], &c);
        golden(&format!("{cmd}.xlsx.txt"), xlsx_dump(&bytes).as_bytes());
    }
}

#[test]
fn the_same_repository_gives_the_same_bytes() {
    let c = company();
    for args in [
        &["soa", "--format", "xlsx"][..],
        &["risks", "--format", "xlsx"],
        &["report"],
        &["soa", "--format", "csv"],
    ] {
        let first = ok(args, &c);
        let second = ok(args, &c);
        assert!(first == second, "{args:?} differs between two runs");
    }
}

#[test]
fn format_follows_the_output_extension() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("soa.xlsx");
    let (_, err, code) = isms(&["soa", "-o", out.to_str().unwrap()], &company());
    assert_eq!(code, 0, "{err}");
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(&bytes[..2], b"PK", "an XLSX is a zip");
    let out = dir.path().join("register.json");
    isms(&["risks", "-o", out.to_str().unwrap()], &company());
    let v: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(v["risks"].as_array().unwrap().len(), 24);
}

// ---------------------------------------------------------------- contract and content

#[test]
fn soa_json_has_the_contract_keys_in_catalog_order() {
    let v = json_of(&["soa", "--format", "json"], &company());
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        &keys[..6],
        [
            "framework",
            "title",
            "version",
            "approved_by",
            "approved_on",
            "rows"
        ]
    );
    assert_eq!(v["framework"], "iso27001-2022");
    assert_eq!(v["version"], "1.0");
    assert_eq!(v["approved_by"], "ROLE-CEO");
    assert_eq!(v["approved_on"], "2026-10-01");
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 93);
    assert_eq!(rows[0]["id"], "5.1");
    assert_eq!(rows[92]["id"], "8.34");
    let row_keys: Vec<&str> = rows[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        &row_keys[..8],
        [
            "id",
            "title",
            "applicable",
            "status",
            "inclusion",
            "exclusion",
            "controls",
            "procedures"
        ]
    );
    // 5.31: treated risk R-023 and the declared legal reason, in that order.
    let r = rows.iter().find(|r| r["id"] == "5.31").unwrap();
    assert_eq!(r["applicable"], true);
    assert_eq!(r["status"], "implemented");
    assert_eq!(r["inclusion"][0], "R-023");
    assert!(r["inclusion"][1].as_str().unwrap().starts_with("法令"));
    assert_eq!(r["controls"], json!(["C-LEGAL"]));
    // 8.4: excluded with its reason, no status.
    let r = rows.iter().find(|r| r["id"] == "8.4").unwrap();
    assert_eq!(r["applicable"], false);
    assert_eq!(r["status"], Value::Null);
    assert!(r["exclusion"].as_str().unwrap().contains("ソースコード"));
    assert_eq!(v["counts"]["applicable"], 88);
    assert_eq!(v["counts"]["excluded"], 5);
    assert_eq!(v["counts"]["undecided"], 0);
    assert_eq!(v["findings"]["errors"], 0);
}

#[test]
fn framework_titles_follow_the_language() {
    let ja = json_of(&["soa", "--format", "json"], &company());
    let en = json_of(&["soa", "--format", "json", "--lang", "en"], &company());
    assert_eq!(ja["rows"][0]["title"], "情報セキュリティのための方針群");
    assert_eq!(en["rows"][0]["title"], "Policies for information security");
    let md = text(ok(&["soa", "--lang", "en"], &company()));
    assert!(md.starts_with("# Statement of Applicability"));
    assert!(md.contains("| No. | Control | Applicable | Justification for inclusion |"));
    let md = text(ok(&["soa"], &company()));
    assert!(md.starts_with("# 適用宣言書"));
    assert!(md.contains("| 番号 | 管理策 | 適用 | 採用理由 | 実施状況 |"));
}

#[test]
fn xlsx_soa_reads_back_with_header_filters_and_rows() {
    let bytes = ok(&["soa", "--format", "xlsx"], &company());
    let sheets = xlsx_rows(&bytes);
    assert_eq!(sheets[0].0, "適用宣言書");
    let rows = &sheets[0].1;
    let header = rows
        .iter()
        .position(|r| r[0] == "番号")
        .expect("a header row");
    assert_eq!(
        rows[header][..4],
        ["番号", "分類", "管理策", "適用"].map(String::from)
    );
    let data = &rows[header + 1..];
    assert_eq!(data.len(), 93);
    assert_eq!(data[0][0], "5.1");
    assert_eq!(data[0][2], "情報セキュリティのための方針群");
    assert_eq!(data[0][5], "実施済み");
    assert!(data[0][6].starts_with("C-POLICY"));
    let r84 = data.iter().find(|r| r[0] == "8.4").unwrap();
    assert_eq!(r84[3], "除外");
    assert!(r84[8].contains("ソースコード"));
    // The title block carries the version, the approval and the counts.
    let block: String = rows[..header].iter().map(|r| r[0].clone() + "\n").collect();
    assert!(block.contains("版：1.0"), "{block}");
    assert!(block.contains("承認日：2026-10-01"));
    // The approver as a signature reads: the role's title and its one member.
    assert!(block.contains("承認者：代表取締役（佐藤 一郎）"), "{block}");
    // The counts, as numbers that add up: 66 + 19 + 3 + 5 excluded = 93, 88 applicable.
    let counts = rows[..header]
        .iter()
        .find(|r| r[0] == "件数")
        .expect("the counts row");
    assert_eq!(
        counts[1..11],
        ["66", "19", "3", "0", "0", "5", "0", "0", "93", "88"].map(String::from)
    );
    assert!(block.contains("問題はありません"));
    // The sheet XML has frozen panes, an autofilter and wrapped text.
    let sheet1 = unzip_entry(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet1.contains("<pane ySplit="), "frozen panes");
    assert!(sheet1.contains("<autoFilter ref="), "autofilter");
    let styles = unzip_entry(&bytes, "xl/styles.xml");
    assert!(styles.contains("wrapText=\"1\""), "wrapped text");
    assert_eq!(sheets[1].0, "追加の管理策");
}

#[test]
fn xlsx_register_reads_back_sorted_by_level() {
    let bytes = ok(&["risks", "--format", "xlsx"], &company());
    let sheets = xlsx_rows(&bytes);
    let rows = &sheets[0].1;
    let header = rows.iter().position(|r| r[0] == "リスク番号").unwrap();
    let data = &rows[header + 1..];
    assert_eq!(data.len(), 24);
    let levels: Vec<f64> = data.iter().map(|r| r[8].parse().unwrap()).collect();
    assert!(levels.windows(2).all(|w| w[0] >= w[1]), "{levels:?}");
    assert_eq!(data[0][0], "R-002");
    assert_eq!(data[0][9], "大");
    assert_eq!(sheets[1].0, "ヒートマップ");
}

/// One file of an XLSX (a zip), as text.
fn unzip_entry(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut out).unwrap();
    out
}

#[test]
fn csv_has_a_bom_crlf_and_one_row_per_control() {
    let bytes = ok(&["soa", "--format", "csv"], &company());
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 BOM for Excel");
    let body = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(body.starts_with(
        "番号,分類,管理策,適用,採用理由,実施状況,自社の管理策,実施手順,除外理由,証跡（最新）\r\n"
    ));
    let mut r = csv::Reader::from_reader(body.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let framework_rows = rows.iter().filter(|r| r[1] != *"追加").count();
    assert_eq!(framework_rows, 93);
}

#[test]
fn html_report_has_every_section_and_links_that_land() {
    let html = text(ok(&["report"], &company()));
    let doc = Html::parse_document(&html);
    for id in [
        "summary",
        "heatmaps",
        "register",
        "soa-iso27001-2022",
        "lv1",
        "controls",
    ] {
        assert_eq!(
            doc.select(&sel(&format!("section#{id}"))).count(),
            1,
            "section {id}"
        );
    }
    assert_eq!(doc.select(&sel("svg")).count(), 2, "two heat maps");
    assert_eq!(
        doc.select(&sel("table.risks tbody tr:not(.trace)")).count(),
        24
    );
    assert_eq!(
        doc.select(&sel("table.soa tbody tr[id]:not(.trace)"))
            .count(),
        93
    );
    assert_eq!(
        doc.select(&sel("table.controls tbody tr:not(.trace)"))
            .count(),
        51
    );
    assert_eq!(doc.select(&sel("table.procedures tbody tr")).count(), 34);
    assert_eq!(doc.select(&sel("div.threat")).count(), 17);
    // The Lv.1 view of the ransomware threat lists its controls under the four categories.
    let ransomware = doc.select(&sel("div#threat-T-RANSOMWARE")).next().unwrap();
    let heads: Vec<String> = ransomware
        .select(&sel("table.lv1 th"))
        .map(|t| t.text().collect())
        .collect();
    assert_eq!(
        heads,
        ["組織的対策", "人的対策", "物理的対策", "技術的対策"]
    );
    let text: String = ransomware.text().collect();
    assert!(text.contains("C-BACKUP") && text.contains("C-INCIDENT"));
    // Every in-page link lands on an element of the page.
    let ids: HashSet<String> = doc
        .select(&sel("[id]"))
        .map(|e| e.value().attr("id").unwrap().to_owned())
        .collect();
    let mut links = 0;
    for a in doc.select(&sel("a[href]")) {
        let href = a.value().attr("href").unwrap();
        let target = href
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("external link {href}"));
        assert!(ids.contains(target), "link to #{target} lands nowhere");
        links += 1;
    }
    assert!(links > 500, "{links} links");
    // Self-contained: no script, no external resource.
    for forbidden in ["script", "link", "img", "iframe", "[src]"] {
        assert_eq!(doc.select(&sel(forbidden)).count(), 0, "{forbidden}");
    }
    assert!(html.contains("@media print"));
    let lang = doc
        .select(&sel("html"))
        .next()
        .unwrap()
        .value()
        .attr("lang");
    assert_eq!(lang, Some("ja"));
}

#[test]
fn html_in_english_has_english_labels() {
    let html = text(ok(&["report", "--lang", "en"], &company()));
    let doc = Html::parse_document(&html);
    let h2: Vec<String> = doc.select(&sel("h2")).map(|h| h.text().collect()).collect();
    assert_eq!(h2[0], "Summary");
    assert!(h2.iter().any(|h| h == "Controls by threat (Lv.1 view)"));
    assert!(html.contains("Policies for information security"));
    let badges: HashSet<String> = doc
        .select(&sel("span.badge"))
        .map(|b| b.text().collect())
        .collect();
    let english: HashSet<String> = ["Implemented", "Partially implemented", "Planned"]
        .map(String::from)
        .into();
    assert_eq!(badges, english, "statuses in English");
}

// ---------------------------------------------------------------- known answers

#[test]
fn soa_counts_and_justifications_on_known_answers() {
    let dir = fixture("soa-known");
    let (out, err, code) = isms(&["soa", "--format", "json"], &dir);
    assert_eq!(code, 0, "without --strict the SoA is written: {err}");
    assert!(err.contains("5 error"), "a warning on stderr: {err}");
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["framework"], "ipa-sme");
    assert_eq!(v["version"], "2.1");
    assert_eq!(
        v["counts"],
        json!({"controls": 25, "applicable": 6, "excluded": 14, "undecided": 4,
               "contradictory": 1, "implemented": 1, "partial": 2, "planned": 1,
               "not_implemented": 1, "no_control": 1, "additional": 1})
    );
    let row = |id: &str| {
        v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()
            .clone()
    };
    let r1 = row("1");
    assert_eq!(r1["applicable"], true);
    assert_eq!(r1["status"], "implemented");
    assert_eq!(
        r1["inclusion"],
        json!(["R-1", "R-2", "Contract: customer A requires patching"])
    );
    assert_eq!(r1["controls"], json!(["C-A"]));
    assert_eq!(r1["procedures"], json!(["P-1"]));
    // The weakest status among the mapped controls.
    let r2 = row("2");
    assert_eq!(r2["status"], "partial");
    assert_eq!(r2["controls"], json!(["C-A", "C-B"]));
    assert_eq!(r2["inclusion"], json!(["R-1", "R-2"]));
    assert_eq!(row("3")["inclusion"], json!(["R-2"]));
    assert_eq!(row("4")["status"], "planned");
    assert_eq!(row("5")["status"], "not-implemented");
    // Included for a declared reason only: applicable, no control, no status; its own
    // decision, which `isms check` reports as soa/included-without-control.
    let r6 = row("6");
    assert_eq!(r6["applicable"], true);
    assert_eq!(r6["decision"], "included-without-control");
    assert_eq!(r6["status"], Value::Null);
    assert_eq!(
        r6["inclusion"],
        json!(["Law: the personal information act"])
    );
    let r7 = row("7");
    assert_eq!(r7["applicable"], false);
    assert_eq!(r7["exclusion"], "Reason 7");
    // Excluded and mapped: undecided, visible as a contradiction.
    let r21 = row("21");
    assert_eq!(r21["applicable"], Value::Null);
    assert_eq!(r21["decision"], "contradictory");
    assert_eq!(r21["exclusion"], "Reason 21");
    assert_eq!(r21["controls"], json!(["C-E"]));
    let r22 = row("22");
    assert_eq!(r22["applicable"], Value::Null);
    assert_eq!(r22["decision"], "undecided");
    assert_eq!(r22["status"], Value::Null);
    assert_eq!(r22["exclusion"], Value::Null);
    assert_eq!(v["additional"][0]["id"], "C-EXTRA");
    assert_eq!(v["additional"][0]["risks"], json!(["R-2"]));
    assert_eq!(v["findings"]["errors"], 5);
    assert_eq!(v["findings"]["warnings"], 4);
    let codes: Vec<&str> = v["findings"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    // The undecided rows exactly (22–25); row 6, included without a control, is its own
    // finding and not soa/missing.
    assert_eq!(codes.iter().filter(|c| **c == "soa/missing").count(), 4);
    assert!(codes.contains(&"soa/contradiction"));
    assert!(codes.contains(&"soa/included-without-control"));
    // Rows 4 and 5 are applied by C-C and C-D, which no risk names and no reason includes.
    assert_eq!(codes.iter().filter(|c| **c == "soa/unjustified").count(), 2);

    // The documents say so too: undecided rows stand out, findings are listed.
    let md = text(ok(&["soa"], &dir));
    assert!(md.contains("| 22 | Confidentiality clauses with business partners | **Undecided** |"));
    assert!(md.contains("| 21 | "));
    assert!(md.contains("**Contradictory (excluded and mapped)**"));
    assert!(md.contains("> **This document was produced while the repository has errors"));
    assert!(md.contains("| error | `soa/missing` | soa.yaml:2:12 |"));
    let html = text(ok(&["soa", "--format", "html"], &dir));
    let doc = Html::parse_document(&html);
    assert_eq!(doc.select(&sel("tr.d-undecided")).count(), 4);
    assert_eq!(doc.select(&sel("tr.d-contradictory")).count(), 1);
    assert_eq!(doc.select(&sel("table.findings tbody tr")).count(), 9);
    let csv = text(ok(&["soa", "--format", "csv"], &dir));
    assert!(csv.contains("\r\nNo.22,"));
    assert!(csv.contains(",Undecided,"));
    let sheets = xlsx_rows(&ok(&["soa", "--format", "xlsx"], &dir));
    assert!(
        sheets[0]
            .1
            .iter()
            .any(|r| r[0] == "22" && r[3] == "Undecided")
    );
    assert_eq!(sheets.last().unwrap().0, "Findings");
    assert_eq!(sheets.last().unwrap().1.len(), 10);
}

#[test]
fn strict_refuses_while_errors_remain() {
    let dir = fixture("soa-known");
    for args in [
        &["soa", "--strict"][..],
        &["risks", "--strict"],
        &["report", "--strict"],
    ] {
        let (out, err, code) = isms(args, &dir);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?} wrote a report");
        assert!(err.contains("--strict"), "{err}");
    }
    // A clean repository passes --strict.
    let (_, err, code) = isms(&["soa", "--strict"], &company());
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn register_order_and_heat_maps_on_known_answers() {
    let v = json_of(&["risks", "--format", "json"], &fixture("soa-known"));
    let ids: Vec<&str> = v["risks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["R-2", "R-1", "R-3"], "by level, highest first");
    let r2 = &v["risks"][0];
    assert_eq!(
        (
            r2["impact"].clone(),
            r2["likelihood"].clone(),
            r2["level"].clone()
        ),
        (json!(3), json!(3), json!(9))
    );
    assert_eq!(r2["band"], "high");
    assert_eq!(
        r2["residual"],
        json!({"impact": 2, "likelihood": 1, "level": 2, "band": "low"})
    );
    let r3 = &v["risks"][2];
    assert_eq!(r3["treatment"], "accept");
    assert_eq!(
        r3["acceptance"],
        json!({"by": "ROLE-CEO", "on": "2026-04-01", "expires": "2027-03-31", "rationale": "Cheap to replace"})
    );
    assert_eq!(r3["residual"], Value::Null);
    let cell = |map: &str, i: i64, l: i64| {
        v["heatmap"][map]["cells"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["impact"] == i && c["likelihood"] == l)
            .unwrap()["risks"]
            .clone()
    };
    assert_eq!(cell("before", 3, 3), json!(["R-2"]));
    assert_eq!(cell("before", 3, 2), json!(["R-1"]));
    assert_eq!(cell("before", 2, 1), json!(["R-3"]));
    assert_eq!(
        cell("after", 2, 1),
        json!(["R-2", "R-3"]),
        "R-3 has no residual: it stays"
    );
    assert_eq!(cell("after", 3, 1), json!(["R-1"]));
    assert_eq!(
        v["heatmap"]["before"]["cells"][0]["impact"], 3,
        "drawn from the top"
    );
    assert_eq!(
        v["counts"],
        json!({"before": {"high": 2, "medium": 0, "low": 1, "unrated": 0, "above_appetite": 2},
               "after": {"high": 0, "medium": 0, "low": 3, "unrated": 0, "above_appetite": 1}})
    );
    // Scale labels from isms.yaml name the axes.
    let md = text(ok(&["risks"], &fixture("soa-known")));
    assert!(
        md.contains("| Impact ↓ / Likelihood → | 1 (rare) | 2 (possible) | 3 (likely) |"),
        "{md}"
    );
    assert!(md.contains(
        "| **3 (severe)** | 3 low · **0** | 6 high · **1**<br>R-1 | 9 high · **1**<br>R-2 |"
    ));
}

// ---------------------------------------------------------------- hostile titles

const HOSTILE: &str = "hostile-titles";
const FORMULA: &str = "=HYPERLINK(\"http://x\",\"click\")";
const SCRIPT: &str = "<script>alert(\"x\")</script>";

/// No cell of a spreadsheet may start a formula.
fn assert_no_formula_start(cell: &str, ctx: &str) {
    assert!(
        !cell.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']),
        "{ctx}: cell {cell:?} would be read as a formula"
    );
}

#[test]
fn hostile_titles_in_json_round_trip_unchanged() {
    let dir = fixture(HOSTILE);
    let soa = json_of(&["soa", "--format", "json"], &dir);
    assert_eq!(soa["rows"][0]["controls"], json!(["C-<script>"]));
    assert_eq!(soa["rows"][3]["exclusion"], FORMULA);
    assert_eq!(
        soa["rows"][1]["inclusion"],
        json!(["law | contract\nsecond line"])
    );
    assert_eq!(soa["organization"], "<b>Evil</b> | Corp =1+1");
    let risks = json_of(&["risks", "--format", "json"], &dir);
    assert_eq!(
        risks["risks"][0]["title"],
        "=HYPERLINK(\"http://x\",\"click\") <script>alert(1)</script> | pipe"
    );
}

#[test]
fn hostile_titles_in_html_stay_text() {
    let dir = fixture(HOSTILE);
    for args in [
        &["soa", "--format", "html"][..],
        &["risks", "--format", "html"],
        &["report"],
    ] {
        let html = text(ok(args, &dir));
        let doc = Html::parse_document(&html);
        for tag in ["script", "img", "b", "i", "u"] {
            assert_eq!(
                doc.select(&sel(tag)).count(),
                0,
                "{args:?}: a <{tag}> got through"
            );
        }
        let all: String = doc.root_element().text().collect();
        assert!(all.contains("<b>Evil</b> | Corp =1+1"), "{args:?}");
    }
    let html = text(ok(&["report"], &dir));
    let doc = Html::parse_document(&html);
    // Hostile ids make working anchors, and the cells show the text as written.
    let row = doc
        .select(&sel("tr[id]"))
        .find(|r| r.value().attr("id") == Some("control-C-<script>"));
    let row = row.expect("the control's row, id unescaped by the parser");
    let cells: Vec<String> = row.select(&sel("td")).map(|t| t.text().collect()).collect();
    assert_eq!(cells[0], "C-<script>");
    assert!(cells[1].starts_with(SCRIPT));
    assert!(
        doc.select(&sel("a[href]"))
            .any(|a| a.value().attr("href") == Some("#control-C-<script>"))
    );
    let lines = doc
        .select(&sel("tr[id]"))
        .find(|r| r.value().attr("id") == Some("control-C-LINES"))
        .unwrap();
    let title: String = lines.select(&sel("td")).nth(1).unwrap().text().collect();
    assert_eq!(
        title, "line one\nline two | with pipe",
        "line breaks kept (shown by CSS pre-line)"
    );
    let ids: HashSet<String> = doc
        .select(&sel("[id]"))
        .map(|e| e.value().attr("id").unwrap().to_owned())
        .collect();
    for a in doc.select(&sel("a[href]")) {
        let target = &a.value().attr("href").unwrap()[1..];
        assert!(ids.contains(target), "#{target}");
    }
}

/// The cells of a Markdown table row, split on unescaped pipes.
fn md_cells(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut chars = line.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cells.last_mut().unwrap().push(c);
                if let Some(n) = chars.next() {
                    cells.last_mut().unwrap().push(n);
                }
            }
            '|' => cells.push(String::new()),
            c => cells.last_mut().unwrap().push(c),
        }
    }
    // "| a | b |" splits into "", a, b, "".
    cells[1..cells.len() - 1]
        .iter()
        .map(|c| c.trim().to_owned())
        .collect()
}

#[test]
fn hostile_titles_in_markdown_keep_tables_whole() {
    let dir = fixture(HOSTILE);
    for cmd in ["soa", "risks"] {
        let md = text(ok(&[cmd, "--format", "md"], &dir));
        let mut width = None;
        for line in md.lines() {
            if !line.starts_with('|') {
                width = None;
                continue;
            }
            let n = md_cells(line).len();
            match width {
                None => width = Some(n),
                Some(w) => assert_eq!(n, w, "{cmd}: row breaks its table: {line}"),
            }
        }
        for raw in ["<script", "<img", "<b>", "<i>", "<u>"] {
            assert!(!md.contains(raw), "{cmd}: raw {raw} in Markdown");
        }
    }
    let md = text(ok(&["soa"], &dir));
    assert!(
        md.contains(r"C-&lt;script&gt; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
            || md.contains(r#"C-&lt;script&gt; &lt;script&gt;alert("x")&lt;/script&gt;"#)
    );
    assert!(md.contains(r"C-PIPE\|X a \| b \| c"));
    assert!(md.contains(r"C-LINES line one<br>line two \| with pipe"));
    assert!(md.contains(r"P-1 +1 \*\*bold\*\* \[link\](http://x) \`code\`"));
}

#[test]
fn hostile_titles_in_csv_cannot_start_formulas() {
    let dir = fixture(HOSTILE);
    for cmd in ["soa", "risks"] {
        let bytes = ok(&[cmd, "--format", "csv"], &dir);
        let body = std::str::from_utf8(&bytes[3..]).unwrap();
        let mut r = csv::Reader::from_reader(body.as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert!(!rows.is_empty());
        for row in &rows {
            for cell in row {
                assert_no_formula_start(cell, cmd);
            }
        }
    }
    let bytes = ok(&["soa", "--format", "csv"], &dir);
    let body = std::str::from_utf8(&bytes[3..]).unwrap();
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(body.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(&rows[3][8], format!("'{FORMULA}"));
    assert_eq!(&rows[4][8], "'+cmd|' /C calc'!A0");
    assert_eq!(&rows[5][8], "'-1 | a\nb <i>c</i>");
    assert_eq!(&rows[1][4], "law | contract\nsecond line");
    let risks = ok(&["risks", "--format", "csv"], &dir);
    let text = std::str::from_utf8(&risks[3..]).unwrap();
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        &rows[0][1],
        "'=HYPERLINK(\"http://x\",\"click\") <script>alert(1)</script> | pipe"
    );
}

/// The hostile fixture with one more control whose title starts with a full-width `＝`,
/// which a Japanese input method types and a spreadsheet also reads as a formula.
fn hostile_with_full_width() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_into(&fixture(HOSTILE), dir.path());
    std::fs::write(
        dir.path().join("full-width.yaml"),
        "kind: control\nid: C-WIDE\ntitle: \"＝SUM(A1:A9)\"\ncategory: physical\nstatus: planned\n",
    )
    .unwrap();
    dir
}

/// The texts of the cells of every sheet whose style carries the quote-prefix attribute
/// (`quotePrefix="1"` in styles.xml), read from the sheet XML itself.
fn quote_prefixed_cells(bytes: &[u8]) -> Vec<String> {
    let styles = unzip_entry(bytes, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    let quoted: Vec<bool> = xfs
        .split("<xf ")
        .skip(1)
        .map(|xf| xf.split('>').next().unwrap().contains("quotePrefix=\"1\""))
        .collect();
    let unescape = |t: &str| {
        t.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    };
    let strings: Vec<String> = unzip_entry(bytes, "xl/sharedStrings.xml")
        .split("<si>")
        .skip(1)
        .map(|si| {
            let t = &si[si.find("<t").unwrap()..];
            let t = &t[t.find('>').unwrap() + 1..t.find("</t>").unwrap()];
            unescape(t)
        })
        .collect();
    let mut out = Vec::new();
    for n in 1.. {
        let name = format!("xl/worksheets/sheet{n}.xml");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        if zip.by_name(&name).is_err() {
            break;
        }
        let sheet = unzip_entry(bytes, &name);
        for c in sheet.split("<c ").skip(1) {
            let head = c.split('>').next().unwrap();
            let attr = |k: &str| {
                head.split(' ')
                    .find_map(|a| a.strip_prefix(&format!("{k}=\"")))
                    .map(|v| v.trim_end_matches(['"', '/']).to_owned())
            };
            let style: usize = attr("s").map_or(0, |v| v.parse().unwrap());
            if attr("t").as_deref() == Some("s") && quoted[style] {
                let v = &c[c.find("<v>").unwrap() + 3..c.find("</v>").unwrap()];
                out.push(strings[v.parse::<usize>().unwrap()].clone());
            }
        }
    }
    out
}

#[test]
fn hostile_titles_in_xlsx_are_text_with_the_quote_prefix_attribute() {
    let dir = hostile_with_full_width();
    for cmd in ["soa", "risks"] {
        let bytes = ok(&[cmd, "--format", "xlsx"], dir.path());
        let quoted = quote_prefixed_cells(&bytes);
        for (sheet, rows) in xlsx_rows(&bytes) {
            for cell in rows.into_iter().flatten() {
                // The text is kept as written: no visible `'` before it.
                assert!(!cell.starts_with('\''), "{cmd} / {sheet}: {cell:?}");
                if cell.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']) {
                    assert!(
                        quoted.contains(&cell),
                        "{cmd} / {sheet}: {cell:?} has no quote prefix"
                    );
                }
            }
        }
        // Only such cells are quoted.
        for q in &quoted {
            assert!(
                q.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']),
                "{cmd}: {q:?} quoted for nothing"
            );
        }
        assert!(
            quoted.iter().any(|q| q.starts_with(FORMULA)),
            "{cmd}: {quoted:?}"
        );
    }
    let soa = ok(&["soa", "--format", "xlsx"], dir.path());
    assert!(quote_prefixed_cells(&soa).contains(&"＝SUM(A1:A9)".to_owned()));
}

#[test]
fn a_full_width_equals_sign_starts_a_formula_in_csv_too() {
    let dir = hostile_with_full_width();
    let bytes = ok(&["soa", "--format", "csv"], dir.path());
    let body = std::str::from_utf8(&bytes[3..]).unwrap();
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(body.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    let wide = rows
        .iter()
        .find(|r| &r[0] == "C-WIDE")
        .expect("the additional row");
    assert_eq!(&wide[2], "'＝SUM(A1:A9)");
}

/// Would a spreadsheet (Excel, LibreOffice) read this CSV cell as a number? Integers,
/// decimals and exponents, as their import does by default.
fn reads_as_number(cell: &str) -> bool {
    !cell.is_empty() && cell.trim().parse::<f64>().is_ok()
}

#[test]
fn csv_ids_are_cited_so_no_spreadsheet_reads_them_as_numbers() {
    let bytes = ok(&["soa", "--format", "csv"], &company());
    let body = std::str::from_utf8(&bytes[3..]).unwrap();
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(body.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    let ids: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    // Annex A ids as auditors cite them: 5.10 stays 5.10, not the number 5.1.
    assert_eq!(&ids[..3], ["A.5.1", "A.5.2", "A.5.3"]);
    for cited in [
        "A.5.10", "A.5.20", "A.5.30", "A.7.10", "A.8.10", "A.8.20", "A.8.30",
    ] {
        assert!(ids.contains(&cited), "{cited}");
    }
    assert!(ids.iter().all(|i| !reads_as_number(i)), "{ids:?}");
    let unique: HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "every id once");
    // The IPA questions are cited "No.1".."No.25".
    let ipa = ok(
        &["soa", "--format", "csv", "--framework", "ipa-sme"],
        &company(),
    );
    let body = std::str::from_utf8(&ipa[3..]).unwrap();
    let first = csv::Reader::from_reader(body.as_bytes())
        .records()
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(&first[0], "No.1");
}

/// The `<row>` element of a sheet's row `n` (1-based), as written.
fn xlsx_row_tag(sheet: &str, n: usize) -> &str {
    let start = sheet.find(&format!("<row r=\"{n}\"")).expect("the row");
    &sheet[start..start + sheet[start..].find('>').unwrap()]
}

/// The style index of cell `cell` (e.g. "A5") in a sheet.
fn xlsx_style_of(sheet: &str, cell: &str) -> String {
    let start = sheet.find(&format!("<c r=\"{cell}\"")).expect("the cell");
    let tag = &sheet[start..start + sheet[start..].find('>').unwrap()];
    tag.split(" s=\"")
        .nth(1)
        .map_or("0".into(), |v| v.split('"').next().unwrap().into())
}

#[test]
fn xlsx_sheets_print_one_page_wide_with_fitted_rows_dates_and_styled_rows() {
    let risks = ok(&["risks", "--format", "xlsx"], &company());
    let register = unzip_entry(&risks, "xl/worksheets/sheet1.xml");
    // The 17-column register prints on A3 landscape, one page wide, as tall as it needs.
    assert!(register.contains("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"));
    assert!(
        register.contains("<pageSetup paperSize=\"8\" fitToHeight=\"0\" orientation=\"landscape\"")
    );
    // The heat maps print on one A4 page, and only the maps.
    let heat = unzip_entry(&risks, "xl/worksheets/sheet2.xml");
    assert!(
        heat.contains("<pageSetup paperSize=\"9\" orientation=\"landscape\""),
        "fit to 1 × 1"
    );
    assert!(heat.contains("<pageSetUpPr fitToPage=\"1\"/>"));
    let workbook = unzip_entry(&risks, "xl/workbook.xml");
    assert!(workbook.contains("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"1\">ヒートマップ!$A$1:$D$13</definedName>"));
    // Rows grow to their wrapped text: R-002 (row 13) names ten controls and four
    // vulnerabilities, R-008 (row 14) three controls; one-line rows keep the default.
    let sheets = xlsx_rows(&risks);
    let rows = &sheets[0].1;
    assert_eq!(rows[12][0], "R-002");
    let height = |n: usize| -> f64 {
        xlsx_row_tag(&register, n)
            .split("ht=\"")
            .nth(1)
            .map_or(15.0, |v| v.split('"').next().unwrap().parse().unwrap())
    };
    assert!(height(13) >= 10.0 * 15.0, "R-002: {}", height(13));
    assert!(
        height(14) >= 3.0 * 15.0 && height(14) < height(13),
        "R-008: {}",
        height(14)
    );
    assert!(xlsx_row_tag(&register, 13).contains("customHeight=\"1\""));
    // Due dates are dates (calamine reads a date serial, shown as "date …").
    assert_eq!(rows[12][13], "date 2027-03-31");
    assert_eq!(rows[11][13], "期限");

    // The SoA: applied, excluded, undecided and contradictory rows look apart.
    let known = ok(
        &["soa", "--format", "xlsx", "--lang", "en"],
        &fixture("soa-known"),
    );
    let sheet = unzip_entry(&known, "xl/worksheets/sheet1.xml");
    let sheets = xlsx_rows(&known);
    let rows = &sheets[0].1;
    let style_of_decision = |decision: &str| {
        let i = rows
            .iter()
            .position(|r| r.get(3).is_some_and(|d| d == decision))
            .unwrap_or_else(|| panic!("{decision}"));
        xlsx_style_of(&sheet, &format!("A{}", i + 1))
    };
    let styles: HashSet<String> = [
        "Yes",
        "No",
        "Undecided",
        "Contradictory (excluded and mapped)",
    ]
    .iter()
    .map(|d| style_of_decision(d))
    .collect();
    assert_eq!(styles.len(), 4, "four decisions, four looks: {styles:?}");
    let soa = ok(&["soa", "--format", "xlsx"], &company());
    let first = unzip_entry(&soa, "xl/worksheets/sheet1.xml");
    assert!(
        first.contains("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"")
    );
}

#[test]
fn html_ids_wrap_between_their_parts_and_columns_follow_content() {
    let html = text(ok(&["report"], &company()));
    // Long ids may break after `-` and `:`, never spill into the next cell; the check with
    // a browser's layout is .ci/print.sh (every cell's scroll width against its width).
    assert!(html.contains(r##"<td class="id"><a href="#control-C-ASSET-INVENTORY">C-<wbr>ASSET-<wbr>INVENTORY</a></td>"##));
    assert!(
        html.contains(r#">iso27001-<wbr>2022:<wbr>5.9</a>"#),
        "a mapping"
    );
    assert!(
        !html.contains("table-layout: fixed"),
        "widths follow the content"
    );
    assert!(!html.contains("<colgroup>"));
    assert!(!html.contains("white-space: nowrap; display: inline-block"));
    // Print: A4 landscape, rows kept whole, headers repeated and kept with a row.
    for rule in [
        "@page { size: A4 landscape;",
        "tr, .card, .threat, figure { break-inside: avoid; }",
        "thead { display: table-header-group; break-after: avoid; }",
    ] {
        assert!(html.contains(rule), "{rule}");
    }
}

// ---------------------------------------------------------------- document control

/// Runs git in `dir` with a fixed identity and dates, so that commits are reproducible.
fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .args(["-c", "user.name=Auditor", "-c", "user.email=a@example.com"])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", "2026-11-20T10:00:00+09:00")
        .env("GIT_COMMITTER_DATE", "2026-11-20T10:00:00+09:00")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn head_of(dir: &Path) -> String {
    let out = std::process::Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(dir)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[test]
fn document_control_names_the_commit_in_git_and_the_date_outside() {
    // Outside git: as of --today.
    let plain = company_outside_git();
    let md = text(ok(&["soa"], plain.path()));
    assert!(md.contains("- **時点**：2026-11-26\n"), "{md}");
    assert!(md.contains("- **文書**：適用宣言書\n"));
    let json = json_of(&["risks", "--format", "json"], plain.path());
    assert_eq!(
        json["as_of"],
        json!({"commit": null, "commit_date": null, "uncommitted": false, "today": "2026-11-26"})
    );

    // In git, committed: the commit and its date, whatever --today says.
    let repo = company_outside_git();
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-q", "-m", "ISMS"]);
    let id = head_of(repo.path());
    let short = &id[..10];
    let md = text(ok(&["soa"], repo.path()));
    assert!(
        md.contains(&format!("- **時点**：コミット {short}（2026-11-20）\n")),
        "{md}"
    );
    let en = text(ok(&["risks", "--lang", "en"], repo.path()));
    assert!(
        en.contains(&format!("- **As of**: commit {short} of 2026-11-20\n")),
        "{en}"
    );
    let json = json_of(&["soa", "--format", "json"], repo.path());
    assert_eq!(json["as_of"]["commit"], id.as_str());
    assert_eq!(json["as_of"]["commit_date"], "2026-11-20");
    assert_eq!(json["as_of"]["uncommitted"], false);

    // Every printed page carries the line: the HTML's page-margin boxes...
    let html = text(ok(&["report", "--lang", "en"], repo.path()));
    let line = format!(
        "株式会社サンプル精機 · Information security management report · As of: commit {short} of 2026-11-20"
    );
    assert!(
        html.contains(&format!("@top-left {{ content: \"{line}\"")),
        "{line}"
    );
    assert!(
        html.contains(r#"@bottom-right { content: "Page " counter(page) " of " counter(pages)"#)
    );
    let soa_html = text(ok(&["soa", "--format", "html"], repo.path()));
    assert!(soa_html.contains(&format!(
        "株式会社サンプル精機 · 適用宣言書 — ISO/IEC 27001:2022 附属書A 第 1.0 版 · 時点：コミット {short}（2026-11-20）"
    )));
    // ... and every sheet's header and footer.
    let xlsx = ok(&["soa", "--format", "xlsx"], repo.path());
    for n in 1..=2 {
        let sheet = unzip_entry(&xlsx, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(
            sheet.contains(&format!("<oddHeader>&amp;L&amp;8株式会社サンプル精機 · 適用宣言書 — ISO/IEC 27001:2022 附属書A 第 1.0 版 · 時点：コミット {short}（2026-11-20）</oddHeader>")),
            "sheet{n}: {sheet}"
        );
        assert!(sheet.contains("<oddFooter>&amp;R&amp;8&amp;P / &amp;N ページ</oddFooter>"));
    }

    // A change not committed: the work tree, as of --today, over that commit.
    std::fs::write(
        repo.path().join("new-note.yaml"),
        "kind: threat\nid: T-NEW\nname: 新しい脅威\norigin: accidental\n",
    )
    .unwrap();
    let md = text(ok(&["soa"], repo.path()));
    assert!(
        md.contains(&format!("- **時点**：2026-11-26（作業ツリー：コミット {short}（2026-11-20）に未コミットの変更あり）\n")),
        "{md}"
    );
    let json = json_of(&["soa", "--format", "json"], repo.path());
    assert_eq!(json["as_of"]["uncommitted"], true);
}

// ---------------------------------------------------------------- every word in its language

#[test]
fn scale_labels_and_the_heat_map_corner_follow_the_language() {
    // company-example names each step per language: `{ja: 高, en: high}`.
    let en = text(ok(&["risks", "--lang", "en"], &company()));
    assert!(
        en.contains("| Impact ↓ / Likelihood → | 1 (low) | 2 (medium) | 3 (high) |"),
        "{en}"
    );
    assert!(
        !en.contains('＼') && !en.contains("(低)") && !en.contains("(大)"),
        "{en}"
    );
    let ja = text(ok(&["risks"], &company()));
    assert!(
        ja.contains("| 重要度＼被害発生可能性 | 1 (低) | 2 (中) | 3 (高) |"),
        "{ja}"
    );
    // A label written once is the same in both languages; one language alone stands in
    // for the other.
    let dir = tempfile::tempdir().unwrap();
    copy_into(&company(), dir.path());
    let config = dir.path().join("isms.yaml");
    let text_of = std::fs::read_to_string(&config).unwrap();
    let changed = text_of.replace(
        "impact: [{ja: 小, en: low}, {ja: 中, en: medium}, {ja: 大, en: high}]",
        "impact: [L1, {ja: 中}, {en: severe}]",
    );
    assert_ne!(changed, text_of);
    std::fs::write(&config, changed).unwrap();
    let (_, err, code) = isms(&["check"], dir.path());
    assert_eq!(code, 0, "the schema takes both shapes: {err}");
    let en = text(ok(&["risks", "--lang", "en"], dir.path()));
    assert!(
        en.contains("| **3 (severe)** |")
            && en.contains("| **2 (中)** |")
            && en.contains("| **1 (L1)** |"),
        "{en}"
    );
}

#[test]
fn io_errors_are_worded_in_the_run_language() {
    let (out, err, code) = isms(&["soa"], Path::new("/nonexistent-isms"));
    assert_eq!((out.len(), code), (0, 2));
    assert_eq!(
        err,
        "error: /nonexistent-isms を読めません：ファイルまたはフォルダがありません\n"
    );
    let (_, err, code) = isms(&["soa", "--lang", "en"], Path::new("/nonexistent-isms"));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: cannot read /nonexistent-isms: no such file or folder\n"
    );
    let (_, err, code) = isms(&["soa", "-o", "/nonexistent-isms/soa.md"], &company());
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: /nonexistent-isms/soa.md に書き込めません：ファイルまたはフォルダがありません\n"
    );
}

// ---------------------------------------------------------------- counts that add up

/// A count table as read from a page: its header, and each row's label and numbers.
type Counts = (Vec<String>, Vec<(String, Vec<usize>)>);

/// Every count table of an HTML page, "—" read as 0.
fn count_tables(html: &str) -> Vec<Counts> {
    let doc = Html::parse_document(html);
    let cell_text = |e: scraper::ElementRef| e.text().collect::<String>();
    doc.select(&sel("table.counts"))
        .map(|t| {
            let head = t.select(&sel("thead th")).map(cell_text).collect();
            let rows = t
                .select(&sel("tbody tr"))
                .map(|tr| {
                    let label = tr.select(&sel("th")).map(cell_text).collect();
                    let cells = tr
                        .select(&sel("td"))
                        .map(|td| {
                            let t = cell_text(td);
                            if t == "—" { 0 } else { t.parse().unwrap() }
                        })
                        .collect();
                    (label, cells)
                })
                .collect();
            (head, rows)
        })
        .collect()
}

#[test]
fn every_count_table_adds_up_to_its_total() {
    let html = text(ok(&["report", "--lang", "en"], &company()));
    let tables = count_tables(&html);
    // The summary, the band counts, and the counts of the one SoA (Annex A).
    assert_eq!(tables.len(), 3, "{tables:?}");
    for (head, rows) in &tables {
        let total = head
            .iter()
            .position(|h| h == "Total")
            .expect("a total column")
            - 1;
        for (label, cells) in rows {
            let parts: usize = cells[..total].iter().sum();
            assert_eq!(parts, cells[total], "{label}: {head:?} {cells:?}");
        }
    }
    // The Annex A row of the summary: 62 implemented, 18 partial, 3 planned, the ten
    // exclusions in a column of their own, 93 in all.
    let (head, rows) = &tables[0];
    assert_eq!(
        head[1..],
        [
            "Implemented",
            "Partially implemented",
            "Planned",
            "Not implemented",
            "No status (no control)",
            "Excluded",
            "Undecided",
            "Contradictory",
            "Total"
        ]
    );
    let annex = rows
        .iter()
        .find(|(l, _)| l == "ISO/IEC 27001:2022 Annex A")
        .unwrap();
    assert_eq!(annex.1, [66, 19, 3, 0, 0, 5, 0, 0, 93]);
    // The risks by band: 24 before and after, 17 of them (16 high, 1 medium) above the appetite of 3 before.
    let (head, rows) = &tables[1];
    assert_eq!(head.last().unwrap(), "Of which above the risk appetite");
    assert_eq!(rows[0].1, [16, 1, 7, 0, 24, 17]);
    assert_eq!(rows[1].1, [0, 0, 24, 0, 24, 0]);
    // The known answers: undecided and contradictory rows have columns too.
    let known = text(ok(
        &["soa", "--format", "html", "--lang", "en"],
        &fixture("soa-known"),
    ));
    let (_, rows) = &count_tables(&known)[0];
    let cells = &rows[0].1;
    assert_eq!(cells[..8].iter().sum::<usize>(), 25, "{cells:?}");
    assert_eq!(cells[8], 25);
    assert!(
        cells[6] > 0 && cells[7] > 0,
        "undecided and contradictory: {cells:?}"
    );
}

// ---------------------------------------------------------------- usage errors

#[test]
fn usage_errors_exit_2_and_write_nothing() {
    let base = fixture("base");
    // No framework in isms.yaml and no soa document: say how to choose one.
    let (out, err, code) = isms(&["soa"], &base);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("--framework"), "{err}");
    let (out, err, code) = isms(&["soa", "--framework", "iso27001"], &base);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("iso27001-2022, ipa-sme"),
        "lists the known ones: {err}"
    );
    let missing = root().join("tests/fixtures/no-such-repository");
    for cmd in ["soa", "risks", "report"] {
        let (out, _, code) = isms(&[cmd], &missing);
        assert_eq!(code, 2, "{cmd}");
        assert!(out.is_empty());
    }
    let (_, _, code) = isms(&["risks", "--format", "pdf"], &base);
    assert_eq!(code, 2, "unknown format");
}

#[test]
fn an_explicit_framework_without_a_soa_document_is_all_undecided() {
    let base = fixture("base");
    let v = json_of(
        &["soa", "--framework", "iso27001-2022", "--format", "json"],
        &base,
    );
    assert_eq!(v["declared"], false);
    assert_eq!(v["version"], Value::Null);
    assert_eq!(v["counts"]["applicable"], 1, "8.5 is mapped by C-PASSWORD");
    assert_eq!(v["counts"]["undecided"], 92);
    let md = text(ok(&["soa", "--framework", "iso27001-2022"], &base));
    assert!(md.contains("There is no SoA document (kind: soa) for this framework"));
    // The report of a repository without frameworks has no SoA section, and still works.
    let html = text(ok(&["report"], &base));
    let doc = Html::parse_document(&html);
    assert_eq!(doc.select(&sel("section[id^=\"soa-\"]")).count(), 0);
    assert_eq!(
        doc.select(&sel("table.risks tbody tr:not(.trace)")).count(),
        2
    );
}
