//! `isms show ID` (one entity's whole trace) and `isms assets` (the asset register) through
//! the binary, on company-example.

mod common;

use common::*;
use serde_json::Value;
use std::path::PathBuf;

fn company() -> PathBuf {
    root().join("company-example")
}

fn run_ok(args: &[&str]) -> Vec<u8> {
    run_ok_in(&company(), args)
}

/// Runs isms on `repo` and returns its standard output, after checking it exited 0.
fn run_ok_in(repo: &std::path::Path, args: &[&str]) -> Vec<u8> {
    let out = bin()
        .args(args)
        .arg(repo)
        .args(["--today", TODAY])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn show_json(id: &str) -> Value {
    serde_json::from_slice(&run_ok(&["show", id, "--format", "json"])).unwrap()
}

/// The nodes a node links to by a relation.
fn linked<'a>(node: &'a Value, relation: &str) -> Vec<&'a Value> {
    node["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["relation"] == relation)
        .map_or_else(Vec::new, |l| {
            l["nodes"].as_array().unwrap().iter().collect()
        })
}

fn fact<'a>(node: &'a Value, key: &str) -> &'a str {
    node["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == key)
        .and_then(|f| f["value"].as_str())
        .unwrap_or_else(|| panic!("no fact {key} in {node}"))
}

#[test]
fn a_risk_shows_its_assets_threat_levels_treatment_controls_procedures_and_soa_rows() {
    let r = show_json("R-001");
    assert_eq!(r["kind"], "risk");
    assert_eq!(r["title"], "営業用ノートPCの盗難による顧客情報の漏えい");
    assert_eq!(fact(&r, "level"), "6 大 (3×2)");
    assert_eq!(fact(&r, "residual"), "3 小（重要度 3 × 被害発生可能性 1）");
    assert_eq!(fact(&r, "treatment"), "低減");
    let assets = linked(&r, "assets");
    assert_eq!(assets[0]["id"], "A-003");
    assert_eq!(fact(assets[0], "confidentiality"), "3");
    assert_eq!(fact(assets[0], "importance"), "3");
    assert_eq!(linked(&r, "threat")[0]["id"], "T-THEFT");
    assert_eq!(linked(&r, "vulnerabilities").len(), 2);
    let controls = linked(&r, "controls");
    let ids: Vec<&str> = controls.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["C-PASSWORD", "C-OFFSITE", "C-ENCRYPTION", "C-ENDPOINT"]
    );
    let password = controls[0];
    assert_eq!(fact(password, "status"), "実施済み");
    assert_eq!(linked(password, "procedures")[0]["id"], "P-PASSWORD");
    let soa = linked(password, "soa");
    assert_eq!(soa[1]["id"], "iso27001-2022:8.5");
    assert_eq!(fact(soa[1], "decision"), "適用");

    // The same trace as text, indented, in English on request.
    let text = String::from_utf8(run_ok(&["show", "R-001", "--lang", "en"])).unwrap();
    assert!(
        text.starts_with(
            "R-001 営業用ノートPCの盗難による顧客情報の漏えい\n  Level: 6 high (3×2)\n"
        ),
        "{text}"
    );
    assert!(text.contains("\n  Controls:\n    C-PASSWORD 複雑なパスワードと多要素認証\n      Implementation status: Implemented\n"), "{text}");
    assert!(
        text.contains(
            "\n        iso27001-2022:8.5 Secure authentication\n          Applicable: Yes\n"
        ),
        "{text}"
    );
}

#[test]
fn a_control_shows_the_risks_it_treats_and_the_soa_rows_it_decides() {
    let c = show_json("C-PASSWORD");
    assert_eq!(c["kind"], "control");
    let risks: Vec<&str> = linked(&c, "risks")
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(
        risks.contains(&"R-001") && risks.contains(&"R-004"),
        "{risks:?}"
    );
    assert_eq!(fact(linked(&c, "risks")[0], "level"), "6 大");
    let soa: Vec<&str> = linked(&c, "soa")
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(soa, ["iso27001-2022:5.17", "iso27001-2022:8.5"]);
}

#[test]
fn an_annex_a_id_shows_its_decision_and_everything_behind_it() {
    let row = show_json("iso27001-2022:8.5");
    assert_eq!(row["kind"], "soa");
    assert_eq!(fact(&row, "decision"), "適用");
    assert_eq!(fact(&row, "status"), "実施済み");
    assert_eq!(linked(&row, "controls")[0]["id"], "C-PASSWORD");
    assert!(linked(&row, "risks").iter().any(|r| r["id"] == "R-001"));
    // The bare catalog id finds the same row; an excluded row gives its reason.
    assert_eq!(show_json("8.5"), row);
    let excluded = show_json("8.4");
    assert_eq!(fact(&excluded, "decision"), "除外");
    assert!(fact(&excluded, "exclusion").contains("ソースコード"));
}

#[test]
fn an_asset_shows_its_ratings_and_the_risks_that_name_it() {
    let a = show_json("A-008");
    assert_eq!(a["kind"], "asset");
    assert_eq!(fact(&a, "type"), "ハードウェア");
    let risks: Vec<&str> = linked(&a, "risks")
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        risks,
        ["R-002", "R-004", "R-006", "R-010", "R-012", "R-024"]
    );
}

#[test]
fn an_unknown_id_exits_2_with_the_closest_one() {
    let out = bin()
        .args(["show", "R-0O1"])
        .arg(company())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "error: ID `R-0O1` のエンティティも規格の管理策もありません\n  help: `R-001` の誤りではありませんか？\n"
    );
}

#[test]
fn the_asset_register_in_every_format() {
    let json: Value = serde_json::from_slice(&run_ok(&["assets", "--format", "json"])).unwrap();
    let assets = json["assets"].as_array().unwrap();
    assert_eq!(assets.len(), 18);
    let nas = assets.iter().find(|a| a["id"] == "A-008").unwrap();
    assert_eq!(nas["type"], "hardware");
    assert_eq!(nas["owner"], "ROLE-SYSADMIN");
    assert_eq!(
        (
            nas["confidentiality"].as_i64(),
            nas["integrity"].as_i64(),
            nas["availability"].as_i64(),
            nas["importance"].as_i64()
        ),
        (Some(3), Some(3), Some(3), Some(3))
    );
    assert_eq!(nas["risks"][0], "R-002");
    assert_eq!(json["as_of"]["today"], TODAY);

    let md = String::from_utf8(run_ok(&["assets"])).unwrap();
    assert!(
        md.starts_with("# 情報資産台帳 — 株式会社サンプル精機\n"),
        "{md}"
    );
    assert!(md.contains("| 資産番号 | 名称 | 種類 | 所有者 | 機密性 | 完全性 | 可用性 | 重要度 | 保管場所 | 関連するリスク |"));
    assert!(md.contains("| A-008 | ファイルサーバ（本社 NAS） | ハードウェア | ROLE-SYSADMIN システム管理者 | 3 | 3 | 3 | 3 | 本社 2 階 サーバラック | R-002、R-004、R-006、R-010、R-012、R-024 |"), "{md}");

    let csv = run_ok(&["assets", "--format", "csv"]);
    assert_eq!(&csv[..3], b"\xEF\xBB\xBF");
    let body = std::str::from_utf8(&csv[3..]).unwrap();
    assert_eq!(body.lines().count(), 19, "a header and 18 assets");

    let html = String::from_utf8(run_ok(&["assets", "--format", "html"])).unwrap();
    assert_eq!(html.matches("<tr id=\"asset-").count(), 18);
    assert!(html.contains("@top-left { content: \"株式会社サンプル精機 · 情報資産台帳 · 時点："));

    let xlsx = run_ok(&["assets", "--format", "xlsx"]);
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    use calamine::Reader;
    let range = wb.worksheet_range("情報資産台帳").unwrap();
    let rows: Vec<Vec<calamine::Data>> = range.rows().map(<[_]>::to_vec).collect();
    let nas = rows
        .iter()
        .find(|r| r[0] == calamine::Data::String("A-008".into()))
        .unwrap();
    // Ratings are numbers, so that a filter or a sum works.
    assert_eq!(nas[4], calamine::Data::Float(3.0));
    assert_eq!(nas[7], calamine::Data::Float(3.0));
}

/// A trace as `(kind, id)` in reading order: each relation's entities, each followed by
/// what it leads to.
fn flatten(node: &Value, out: &mut Vec<(String, String)>) {
    for l in node["links"].as_array().unwrap() {
        for child in l["nodes"].as_array().unwrap() {
            out.push((
                child["kind"].as_str().unwrap().to_owned(),
                child["id"].as_str().unwrap().to_owned(),
            ));
            flatten(child, out);
        }
    }
}

fn json_trace(id: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    flatten(&show_json(id), &mut out);
    out
}

/// The same, read from an HTML trace: its `li[data-kind]` in document order.
fn html_trace(el: scraper::ElementRef) -> Vec<(String, String)> {
    let li = scraper::Selector::parse("li[data-kind]").unwrap();
    el.select(&li)
        .map(|e| {
            let v = e.value();
            (
                v.attr("data-kind").unwrap().into(),
                v.attr("data-id").unwrap().into(),
            )
        })
        .collect()
}

fn sel(s: &str) -> scraper::Selector {
    scraper::Selector::parse(s).unwrap()
}

/// In `doc`, the ids that name `anchor` (`risk-R-001`) from `section` link to its row, and
/// the row right after it holds the trace of `id`: the same entities, in the same order,
/// as `isms show ID --format json`.
fn assert_traced(
    doc: &scraper::Html,
    section: &str,
    anchor: &str,
    id: &str,
) -> Vec<(String, String)> {
    let href = format!("{section} a[href=\"#{anchor}\"]");
    assert!(
        doc.select(&sel(&href)).next().is_some(),
        "no link to #{anchor} in {section}"
    );
    let row = doc
        .select(&sel("tr[id]"))
        .find(|r| r.value().attr("id") == Some(anchor))
        .unwrap_or_else(|| panic!("no row #{anchor}"));
    let own = format!("a[href=\"#{anchor}\"]");
    assert!(
        row.select(&sel(&own)).next().is_some(),
        "the row's own id opens its trace"
    );
    let next = row
        .next_siblings()
        .find_map(scraper::ElementRef::wrap)
        .expect("a row after it");
    assert_eq!(
        next.value().attr("id"),
        Some(format!("trace-{anchor}").as_str())
    );
    assert_eq!(next.value().attr("class"), Some("trace"));
    let ids = html_trace(next);
    assert_eq!(
        ids,
        json_trace(id),
        "the trace of {id} in HTML and in `isms show`"
    );
    // Every link of the trace lands on the page.
    for a in next.select(&sel("a[href]")) {
        let target = &a.value().attr("href").unwrap()[1..];
        assert!(
            doc.select(&sel("[id]"))
                .any(|e| e.value().attr("id") == Some(target)),
            "{id}'s trace links to #{target}, which is not on the page"
        );
    }
    ids
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, i)| ((*k).into(), (*i).into()))
        .collect()
}

#[test]
fn the_html_report_links_risk_control_and_annex_a_ids_to_their_traces() {
    let html = String::from_utf8(run_ok(&["report"])).unwrap();
    let doc = scraper::Html::parse_document(&html);

    // A risk, followed from the SoA: its assets, threat, vulnerabilities, then each
    // control with its procedures and Annex A rows.
    let r001 = assert_traced(&doc, "section#soa-iso27001-2022", "risk-R-001", "R-001");
    assert_eq!(
        r001,
        pairs(&[
            ("asset", "A-003"),
            ("asset", "A-009"),
            ("threat", "T-THEFT"),
            ("vulnerability", "V-WEAK-PASSWORD"),
            ("vulnerability", "V-CARELESS-HANDLING"),
            ("control", "C-PASSWORD"),
            ("procedure", "P-PASSWORD"),
            ("soa", "iso27001-2022:5.17"),
            ("soa", "iso27001-2022:8.5"),
            ("control", "C-OFFSITE"),
            ("procedure", "P-LAPTOP"),
            ("soa", "iso27001-2022:7.9"),
            ("control", "C-ENCRYPTION"),
            ("procedure", "P-LAPTOP"),
            ("soa", "iso27001-2022:8.24"),
            ("control", "C-ENDPOINT"),
            ("procedure", "P-LAPTOP"),
            ("soa", "iso27001-2022:8.1"),
        ])
    );
    let trace = doc.select(&sel("tr#trace-risk-R-001")).next().unwrap();
    let text: String = trace.text().collect();
    assert!(
        text.contains("C-PASSWORD 複雑なパスワードと多要素認証 実施状況：実施済み"),
        "{text}"
    );
    assert!(text.contains("リスク値6 大 (3×2)"), "{text}");

    // A control, followed from the register: the risks it treats, its procedures, its rows.
    let control = assert_traced(&doc, "section#register", "control-C-PASSWORD", "C-PASSWORD");
    assert_eq!(
        control,
        pairs(&[
            ("risk", "R-001"),
            ("risk", "R-002"),
            ("risk", "R-004"),
            ("risk", "R-019"),
            ("procedure", "P-PASSWORD"),
            ("soa", "iso27001-2022:5.17"),
            ("soa", "iso27001-2022:8.5"),
        ])
    );

    // An Annex A row, followed from the controls table: its controls and the risks behind.
    let row = assert_traced(
        &doc,
        "section#controls",
        "soa-iso27001-2022-8.5",
        "iso27001-2022:8.5",
    );
    assert_eq!(row[0], ("control".into(), "C-PASSWORD".into()));
    assert!(row.contains(&("risk".into(), "R-001".into())));

    // Every risk, control and Annex A row has its trace under it; none prints.
    assert_eq!(
        doc.select(&sel("tr.trace[id^=\"trace-risk-\"]")).count(),
        24
    );
    assert_eq!(
        doc.select(&sel("tr.trace[id^=\"trace-control-\"]")).count(),
        51
    );
    assert_eq!(doc.select(&sel("tr.trace[id^=\"trace-soa-\"]")).count(), 93);
    let style: String = doc.select(&sel("style")).next().unwrap().text().collect();
    let print = &style[style.find("@media print").unwrap()..];
    assert!(print.contains("tr.trace, tr:target + tr.trace, tr.trace:target { display: none; }"));
}

#[test]
fn the_soa_and_the_register_pages_open_each_rows_trace_too() {
    let soa = String::from_utf8(run_ok(&["soa", "--format", "html"])).unwrap();
    let doc = scraper::Html::parse_document(&soa);
    let row = doc
        .select(&sel("tr#trace-soa-iso27001-2022-8\\.5"))
        .next()
        .expect("8.5's trace");
    assert_eq!(html_trace(row), json_trace("iso27001-2022:8.5"));
    // The page has no risk rows: the trace names them as text; its Annex A ids link.
    assert_eq!(doc.select(&sel("a[href^=\"#risk-\"]")).count(), 0);
    assert!(
        row.select(&sel("a[href=\"#soa-iso27001-2022-5.17\"]"))
            .next()
            .is_some()
    );

    let risks = String::from_utf8(run_ok(&["risks", "--format", "html"])).unwrap();
    let doc = scraper::Html::parse_document(&risks);
    let row = doc
        .select(&sel("tr#trace-risk-R-001"))
        .next()
        .expect("R-001's trace");
    assert_eq!(html_trace(row), json_trace("R-001"));
}

#[test]
fn show_writes_one_entitys_trace_as_an_html_page() {
    let html = String::from_utf8(run_ok(&["show", "R-001", "--format", "html"])).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let h1: String = doc.select(&sel("h1")).next().unwrap().text().collect();
    assert_eq!(
        h1,
        "トレース — R-001 営業用ノートPCの盗難による顧客情報の漏えい"
    );
    let section = doc.select(&sel("section.trace")).next().unwrap();
    assert_eq!(html_trace(section), json_trace("R-001"));
    assert!(
        html.contains("@top-left { content: \"株式会社サンプル精機 · トレース — R-001 · 時点：")
    );
    // A page of its own holds no rows: no link that would not land.
    assert_eq!(doc.select(&sel("a")).count(), 0);

    // Hostile titles and ids stay text.
    let html = String::from_utf8(run_ok_in(
        &fixture("hostile-titles"),
        &["show", "C-<script>", "--format", "html"],
    ))
    .unwrap();
    let doc = scraper::Html::parse_document(&html);
    for tag in ["script", "img", "b", "i"] {
        assert_eq!(doc.select(&sel(tag)).count(), 0, "a <{tag}> got through");
    }
    let h1: String = doc.select(&sel("h1")).next().unwrap().text().collect();
    assert_eq!(h1, "Trace — C-<script> <script>alert(\"x\")</script>");
}
