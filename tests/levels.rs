//! The three levels of the seed, through the binary: the built-in catalogs
//! (`isms catalog`), the IPA risk method end to end, `isms init` at every level and in
//! both languages, its refusal to overwrite, and growing one repository from Lv.1 to Lv.3.
//!
//! Catalog facts are checked against numbers and sample ids written here (the reference
//! notes they come from are not part of the repository).

mod common;

use common::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Output;

fn isms(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn json(o: &Output) -> Value {
    serde_json::from_str(&stdout(o))
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", stdout(o), stderr(o)))
}

fn exit(o: &Output) -> i32 {
    o.status.code().unwrap()
}

fn write(dir: &Path, path: &str, text: &str) {
    let p = dir.join(path);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn read(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap()
}

/// `isms init DIR ARGS...`, asserting success.
fn init(dir: &Path, args: &[&str]) -> String {
    let out = bin().arg("init").arg(dir).args(args).output().unwrap();
    assert_eq!(
        exit(&out),
        0,
        "init {args:?}: {}\n{}",
        stdout(&out),
        stderr(&out)
    );
    stdout(&out)
}

fn codes(json: &Value, code: &str) -> Vec<String> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code)
        .map(|f| f["message"].as_str().unwrap().to_owned())
        .collect()
}

// ---------------------------------------------------------------- catalogs

#[test]
fn catalog_list_counts_every_catalog() {
    let out = isms(&["catalog", "list", "--format", "json"]);
    assert_eq!(exit(&out), 0);
    let counts: Vec<(String, u64)> = json(&out)["catalogs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_owned(),
                c["count"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("iso27001-2022", 93),
        ("ipa-sme", 25),
        ("iso27001-2022-clauses", 25),
        ("iso27001-2013-to-2022", 114),
        ("threats-ipa-10", 10),
        ("threats-iso27005", 43),
        ("vulnerabilities", 84),
    ];
    assert_eq!(counts, expected.map(|(n, c)| (n.to_owned(), c)).to_vec());
    let text = stdout(&isms(&["catalog", "list", "--lang", "ja"]));
    assert!(text.contains("ISO/IEC 27001:2022 附属書A"), "{text}");
}

#[test]
fn annex_a_has_four_themes_and_the_known_ids() {
    let out = isms(&["catalog", "show", "iso27001-2022", "--format", "json"]);
    let j = json(&out);
    let entries = j["entries"].as_array().unwrap();
    let count = |g: &str| entries.iter().filter(|e| e["group"] == g).count();
    assert_eq!(
        (
            count("organizational"),
            count("people"),
            count("physical"),
            count("technological")
        ),
        (37, 8, 14, 34)
    );
    let ids: Vec<&str> = entries.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids.first(), Some(&"5.1"));
    assert_eq!(ids.last(), Some(&"8.34"));
    for id in ["5.10", "5.23", "6.8", "7.4", "7.14", "8.5", "8.28"] {
        assert!(ids.contains(&id), "{id}");
    }
    let new: Vec<&str> = entries
        .iter()
        .filter(|e| e["new_in_2022"] == true)
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        new,
        [
            "5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28"
        ]
    );
    // One entry, by id with or without the "A." prefix, in both languages.
    let ja = stdout(&isms(&[
        "catalog",
        "show",
        "iso27001-2022",
        "A.8.5",
        "--lang",
        "ja",
    ]));
    assert!(ja.contains("セキュリティを保った認証"), "{ja}");
    assert!(ja.contains("A.9.4.2"), "{ja}");
    let en = json(&isms(&[
        "catalog",
        "show",
        "iso27001-2022",
        "8.5",
        "--format",
        "json",
    ]));
    assert_eq!(en["title"], "Secure authentication");
    assert_eq!(en["replaces_2013"][0]["id"], "A.9.4.2");
    let missing = isms(&["catalog", "show", "iso27001-2022", "9.9"]);
    assert_eq!(exit(&missing), 2);
    let unknown = isms(&["catalog", "show", "iso27001-2021"]);
    assert_eq!(exit(&unknown), 2);
    assert!(
        stderr(&unknown).contains("iso27001-2022"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn ipa_lists_have_their_ids() {
    let sme = json(&isms(&["catalog", "show", "ipa-sme", "--format", "json"]));
    let groups: Vec<usize> = ["part1", "part2", "part3"]
        .iter()
        .map(|g| {
            sme["entries"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["group"] == *g)
                .count()
        })
        .collect();
    assert_eq!(groups, [5, 13, 7]);
    let threats = json(&isms(&[
        "catalog",
        "show",
        "threats-ipa-10",
        "--format",
        "json",
    ]));
    let ids: Vec<&str> = threats["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 10);
    assert_eq!(ids[0], "IPA-2026-01");
    assert_eq!(ids[9], "IPA-2026-10");
    let t = json(&isms(&[
        "catalog",
        "show",
        "threats-iso27005",
        "T01",
        "--format",
        "json",
    ]));
    assert_eq!(
        t["origins"],
        serde_json::json!(["accidental", "deliberate", "environmental"])
    );
    let v = json(&isms(&[
        "catalog",
        "show",
        "vulnerabilities",
        "--format",
        "json",
    ]));
    let categories: BTreeSet<&str> = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["category"].as_str().unwrap())
        .collect();
    assert_eq!(
        categories,
        BTreeSet::from([
            "hardware",
            "software",
            "network",
            "personnel",
            "site",
            "organization"
        ])
    );
}

#[test]
fn catalog_map_takes_2013_ids_to_2022() {
    let samples: &[(&str, &[&str])] = &[
        ("A.5.1.1", &["5.1"]),
        ("A.6.2.2", &["6.7"]),
        ("A.9.4.2", &["8.5"]),
        ("A.11.2.6", &["7.9"]),
        ("A.12.3.1", &["8.13"]),
        ("A.12.6.1", &["8.8"]),
        ("A.13.2.1", &["5.14"]),
        ("A.14.2.5", &["8.27"]),
        ("A.16.1.7", &["5.28"]),
        ("A.17.2.1", &["8.14"]),
        ("A.18.2.3", &["5.36", "8.8"]),
        ("12.3.1", &["8.13"]),
    ];
    let mut args = vec!["catalog", "map", "--format", "json"];
    args.extend(samples.iter().map(|(id, _)| *id));
    let out = isms(&args);
    assert_eq!(exit(&out), 0, "{}", stderr(&out));
    let j = json(&out);
    let rows = j["mappings"].as_array().unwrap();
    assert_eq!(rows.len(), samples.len());
    for ((id, to), row) in samples.iter().zip(rows) {
        let got: Vec<&str> = row["to"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap())
            .collect();
        assert_eq!(got, *to, "{id}");
        assert!(row["id_2013"].as_str().unwrap().starts_with("A."));
    }
    assert_eq!(rows[4]["to"][0]["title_ja"], "情報のバックアップ");

    // Text, in English: the 2022 titles.
    let text = stdout(&isms(&["catalog", "map", "A.12.3.1", "--lang", "en"]));
    assert_eq!(
        text,
        "A.12.3.1 Information backup\n  → 8.13 Information backup\n"
    );

    // All 114 old ids are there and each leads to at least one 2022 control.
    let table = json(&isms(&[
        "catalog",
        "show",
        "iso27001-2013-to-2022",
        "--format",
        "json",
    ]));
    let rows = table["entries"].as_array().unwrap();
    assert_eq!(rows.len(), 114);
    let old: BTreeSet<&str> = rows
        .iter()
        .map(|r| r["id_2013"].as_str().unwrap())
        .collect();
    assert_eq!(old.len(), 114);
    assert!(rows.iter().all(|r| !r["to"].as_array().unwrap().is_empty()));

    // A 2022 id shows where it came from; a new control says so.
    let back = json(&isms(&["catalog", "map", "8.8", "8.9", "--format", "json"]));
    let from: Vec<&str> = back["mappings"][0]["from"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id_2013"].as_str().unwrap())
        .collect();
    assert_eq!(from, ["A.12.6.1", "A.18.2.3"]);
    assert_eq!(back["mappings"][1]["new_in_2022"], true);

    let bad = isms(&["catalog", "map", "A.12.3.9"]);
    assert_eq!(exit(&bad), 2);
    assert!(
        stderr(&bad).contains("A.12.3.1"),
        "did you mean: {}",
        stderr(&bad)
    );
}

#[test]
fn catalog_search_finds_english_and_japanese_in_any_case() {
    let hits = |word: &str| -> Vec<String> {
        let out = isms(&["catalog", "search", word, "--format", "json"]);
        json(&out)["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                format!(
                    "{} {}",
                    h["catalog"].as_str().unwrap(),
                    h["id"].as_str().unwrap()
                )
            })
            .collect()
    };
    let ja = hits("バックアップ");
    assert!(ja.contains(&"iso27001-2022 8.13".to_owned()), "{ja:?}");
    assert!(ja.contains(&"ipa-sme 11".to_owned()), "{ja:?}");
    let en = hits("BACKUP");
    assert!(en.contains(&"iso27001-2022 8.13".to_owned()), "{en:?}");
    assert!(
        en.contains(&"iso27001-2013-to-2022 A.12.3.1".to_owned()),
        "{en:?}"
    );
    // Full-width letters, as a Japanese keyboard may type them.
    assert_eq!(hits("ｂａｃｋｕｐ"), en);
    // Descriptions and IPA's questions are searched too.
    assert!(hits("多要素認証").contains(&"iso27001-2022 8.5".to_owned()));
    assert!(hits("ランサム").contains(&"threats-ipa-10 IPA-2026-01".to_owned()));
    let text = stdout(&isms(&["catalog", "search", "password", "--lang", "en"]));
    assert!(text.contains("ipa-sme"), "{text}");
    let none = isms(&["catalog", "search", "zzzz-nothing"]);
    assert_eq!(exit(&none), 1);
}

#[test]
fn ipa_sme_is_a_framework_for_the_soa_rules() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "isms.yaml",
        "organization: テスト\nframeworks: [ipa-sme]\n",
    );
    write(
        d,
        "controls.yaml",
        "kind: control\nid: C-UPDATE\ntitle: 更新\ncategory: technological\nstatus: planned\nmaps_to: [\"ipa-sme:1\", \"ipa-sme:2\"]\n",
    );
    let (j, code) = check_json(d, &["--lang", "en"]);
    assert_eq!(code, 1);
    let missing = codes(&j, "soa/missing");
    assert_eq!(missing.len(), 23, "{missing:?}");
    assert!(
        missing.iter().all(|m| m.starts_with("ipa-sme ")),
        "{missing:?}"
    );
    assert!(missing.iter().any(|m| m.contains("ipa-sme 25")));

    write(
        d,
        "soa.yaml",
        "kind: soa\nframework: ipa-sme\nexclusions:\n  \"9\": 無線 LAN を使っていない\n",
    );
    let (j, _) = check_json(d, &["--lang", "en"]);
    assert_eq!(codes(&j, "soa/missing").len(), 22);
    write(
        d,
        "controls.yaml",
        "kind: control\nid: C-UPDATE\ntitle: 更新\ncategory: technological\nstatus: planned\nmaps_to: [\"ipa-sme:26\"]\n",
    );
    let (j, _) = check_json(d, &["--lang", "en"]);
    assert_eq!(codes(&j, "ref/unknown"), ["ipa-sme has no control `26`"]);
}

// ---------------------------------------------------------------- the IPA method

/// A repository rated the IPA way: threats T-1..3 (occurrence 1..3), vulnerabilities
/// V-1..3 (exploitability 1..3), assets A-1..3 (importance 1..3), and the given risks.
fn ipa_repo(risks: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "isms.yaml",
        "organization: テスト\nrisk:\n  likelihood_from: ipa\n",
    );
    let mut base = String::from("kind: role\nid: ROLE-CISO\ntitle: 情報セキュリティ責任者\n");
    for i in 1..=3 {
        base.push_str(&format!(
            "---\nkind: threat\nid: T-{i}\nname: 脅威{i}\norigin: deliberate\noccurrence: {i}\n\
             ---\nkind: vulnerability\nid: V-{i}\nname: 脆弱性{i}\ncategory: software\nexploitability: {i}\n\
             ---\nkind: asset\nid: A-{i}\nname: 資産{i}\ntype: information\nowner: ROLE-CISO\n\
             confidentiality: {i}\nintegrity: 1\navailability: 1\n"
        ));
    }
    write(d, "base.yaml", &base);
    write(d, "risks.yaml", risks);
    dir
}

/// `(risk id, computed level, impact, likelihood)` from the level-mismatch messages.
fn computed_levels(json: &Value) -> Vec<(String, i64, i64, i64)> {
    let mut out: Vec<_> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "risk/level-mismatch")
        .filter_map(|f| {
            let m = f["message"].as_str().unwrap();
            // "level 99 of risk R-1 differs from the computed level L (impact I, likelihood P)"
            let (head, tail) = m.split_once("the computed level")?;
            let nums: Vec<i64> = (head.split_whitespace().nth(1).unwrap().to_owned() + " " + tail)
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap())
                .collect();
            let file_line = f["line"].as_i64().unwrap();
            Some((file_line.to_string(), nums[1], nums[2], nums[3]))
        })
        .collect();
    out.sort_by_key(|(line, ..)| line.parse::<i64>().unwrap());
    out
}

fn risk(id: &str, asset: &str, threat: &str, vuln: &str) -> String {
    format!(
        "kind: risk\nid: {id}\ntitle: {id}\nassets: [{asset}]\nthreat: {threat}\nvulnerabilities: [{vuln}]\nowner: ROLE-CISO\nlevel: 99\n---\n"
    )
}

#[test]
fn ipa_conversion_table_all_nine_cells_through_the_binary() {
    // (occurrence, exploitability) -> likelihood, as IPA's table; the asset's importance is 3.
    let cells = [
        (3, 3, 3),
        (3, 2, 2),
        (3, 1, 1),
        (2, 3, 2),
        (2, 2, 1),
        (2, 1, 1),
        (1, 3, 1),
        (1, 2, 1),
        (1, 1, 1),
    ];
    let risks: String = cells
        .iter()
        .map(|(o, e, _)| {
            risk(
                &format!("R-{o}{e}"),
                "A-3",
                &format!("T-{o}"),
                &format!("V-{e}"),
            )
        })
        .collect();
    let dir = ipa_repo(&risks);
    let (json, _) = check_json(dir.path(), &["--lang", "en"]);
    let got = computed_levels(&json);
    assert_eq!(got.len(), 9, "{json}");
    for ((o, e, likelihood), (_, level, impact, l)) in cells.iter().zip(&got) {
        assert_eq!(
            (impact, l),
            (&3, likelihood),
            "occurrence {o}, exploitability {e}"
        );
        assert_eq!(*level, 3 * likelihood);
    }
    // Nothing says a likelihood is missing: it was derived for every risk.
    assert!(codes(&json, "schema/invalid").is_empty(), "{json}");
}

#[test]
fn ipa_risk_value_matrix_all_nine_cells_and_bands_through_the_binary() {
    // Likelihood 1, 2, 3 from (occurrence, exploitability) = (1, 1), (2, 3), (3, 3).
    let via = [(1, "T-1", "V-1"), (2, "T-2", "V-3"), (3, "T-3", "V-3")];
    let mut risks = String::new();
    let mut expected = Vec::new();
    for impact in 1..=3 {
        for (likelihood, t, v) in via {
            risks.push_str(&risk(
                &format!("R-{impact}{likelihood}"),
                &format!("A-{impact}"),
                t,
                v,
            ));
            expected.push((impact * likelihood, impact, likelihood));
        }
    }
    let dir = ipa_repo(&risks);
    let (json, _) = check_json(dir.path(), &["--lang", "en"]);
    let got: Vec<(i64, i64, i64)> = computed_levels(&json)
        .into_iter()
        .map(|(_, level, i, l)| (level, i, l))
        .collect();
    assert_eq!(got, expected);
    // Every level above the appetite (2 by default) needs a treatment, and so does the high
    // band (6-9) always: 3, 4, 6 and 9 here; 1 and 2 do not.
    let untreated: BTreeSet<String> = codes(&json, "risk/untreated")
        .iter()
        .map(|m| {
            m.split_whitespace()
                .find(|w| w.starts_with("R-"))
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        untreated,
        BTreeSet::from([
            "R-13".into(),
            "R-22".into(),
            "R-23".into(),
            "R-31".into(),
            "R-32".into(),
            "R-33".into()
        ])
    );
}

#[test]
fn a_declared_likelihood_needs_its_reason_and_a_missing_rating_is_reported() {
    // R-DECLARED says 1 where IPA's table gives 3 and says not why: 3 is used, and the
    // declared value is reported. R-REASONED says why: its 1 is used.
    let dir = ipa_repo(
        "kind: risk\nid: R-DECLARED\ntitle: x\nassets: [A-3]\nthreat: T-3\nvulnerabilities: [V-3]\nowner: ROLE-CISO\nlikelihood: 1\nlevel: 99\n\
         ---\nkind: risk\nid: R-REASONED\ntitle: x\nassets: [A-3]\nthreat: T-3\nvulnerabilities: [V-3]\nowner: ROLE-CISO\nlikelihood: 1\nlikelihood_reason: 社外からは到達できない\nlevel: 99\n\
         ---\nkind: risk\nid: R-NO-VULN\ntitle: x\nassets: [A-3]\nthreat: T-3\nowner: ROLE-CISO\n",
    );
    let (json, code) = check_json(dir.path(), &["--lang", "en"]);
    assert_eq!(code, 1);
    let got = computed_levels(&json);
    assert_eq!(
        got.iter().map(|g| (g.1, g.3)).collect::<Vec<_>>(),
        [(9, 3), (3, 1)]
    );
    let overruled: Vec<&Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["message"]
                .as_str()
                .unwrap()
                .starts_with("likelihood 1 of risk")
        })
        .collect();
    assert_eq!(overruled.len(), 1, "{json}");
    assert_eq!(overruled[0]["code"], "risk/level-mismatch");
    assert_eq!(
        (&overruled[0]["line"], &overruled[0]["column"]),
        (&8.into(), &13.into())
    );
    assert!(
        overruled[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("likelihood 1 of risk R-DECLARED differs from 3, which IPA's table gives"),
        "{json}"
    );
    let invalid = codes(&json, "schema/invalid");
    assert_eq!(
        invalid,
        ["the likelihood of risk R-NO-VULN cannot be derived"]
    );
}

// ---------------------------------------------------------------- isms init

/// Every YAML file init wrote opens with a comment and a modeline to a schema it wrote.
fn assert_files_are_annotated(dir: &Path) {
    let mut yaml = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else if name.ends_with(".yaml") {
                yaml.push(p);
            }
        }
    }
    assert!(!yaml.is_empty());
    for p in yaml {
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(
            text.starts_with("# "),
            "{} has no opening comment",
            p.display()
        );
        let modeline = text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .find_map(|l| l.strip_prefix("# yaml-language-server: $schema="))
            .unwrap_or_else(|| panic!("{} has no modeline", p.display()));
        let schema = p.parent().unwrap().join(modeline);
        assert!(
            schema.is_file(),
            "{}: {modeline} does not exist",
            p.display()
        );
        let expected = if p.ends_with("isms.yaml") {
            "config.schema.json"
        } else {
            "isms.schema.json"
        };
        assert!(modeline.ends_with(expected), "{}: {modeline}", p.display());
    }
}

/// `(code, file:line:column)` of every finding, sorted as `isms check` sorts them.
fn found(json: &Value) -> Vec<(String, String)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                format!(
                    "{}:{}:{}",
                    f["file"].as_str().unwrap(),
                    f["line"],
                    f["column"]
                ),
            )
        })
        .collect()
}

/// What a fresh starter reports, as the README's section on `isms init` says: its to-do list,
/// warnings only. Every starter: the organisation's name to fill in (unless --organization).
/// quick: its risk's treatment, for the risk owner to approve. baseline and comprehensive:
/// no risk assessment yet. comprehensive: the SoA's version and approval, each of the
/// 93 placeholder controls, which no risk justifies yet, and the fill-ins of its drafts of
/// clauses 4–10.
fn starter_todo(level: &str) -> Vec<(String, String)> {
    let f = |code: &str, at: &str| (code.to_owned(), at.to_owned());
    let mut todo = vec![f("text/placeholder", "isms.yaml:5:15")];
    match level {
        "quick" => todo.push(f(
            "risk/treatment-unapproved",
            "standards/ransomware.yaml:32:11",
        )),
        "baseline" => todo.push(f("risk/no-assessment", "isms.yaml:7:14")),
        _ => {
            todo.push(f("risk/no-assessment", "isms.yaml:7:14"));
            todo.push(f("soa/unapproved", "soa.yaml:8:12"));
            // The drafts of clauses 4–10: each `（記入）` / `(Fill in)` left to write.
            for at in [
                "records/audits.yaml:9:8",
                "records/audits.yaml:10:11",
                "records/management-review.yaml:12:7",
                "records/objectives.yaml:7:8",
                "records/objectives.yaml:8:10",
                "records/objectives.yaml:9:9",
                "records/scope.yaml:15:7",
            ] {
                todo.push(f("text/placeholder", at));
            }
        }
    }
    todo
}

#[test]
fn all_six_starters_pass_isms_check() {
    for level in ["quick", "baseline", "comprehensive"] {
        for lang in ["ja", "en"] {
            let dir = tempfile::tempdir().unwrap();
            let out = init(dir.path(), &["--level", level, "--lang", lang]);
            assert!(out.contains("isms.yaml"), "{out}");
            assert!(
                out.contains("to-do list") || out.contains("やることの一覧"),
                "{out}"
            );
            let (json, code) = check_json(dir.path(), &[]);
            assert_eq!(code, 0, "{level} {lang}: {json}");
            assert_eq!(json["summary"]["errors"], 0, "{level} {lang}");
            assert_eq!(json["summary"]["infos"], 0, "{level} {lang}: {json}");
            let mut got = found(&json);
            if level == "comprehensive" {
                let unjustified: Vec<String> = got
                    .iter()
                    .filter(|(c, _)| c == "soa/unjustified")
                    .map(|(_, at)| at.split(':').next().unwrap().to_owned())
                    .collect();
                assert_eq!(unjustified.len(), 93, "{json}");
                assert!(
                    unjustified
                        .iter()
                        .all(|f| f.starts_with("controls/iso27001-2022/"))
                );
                got.retain(|(c, _)| c != "soa/unjustified");
            }
            let mut want = starter_todo(level);
            want.sort_by(|a, b| a.1.cmp(&b.1));
            got.sort_by(|a, b| a.1.cmp(&b.1));
            assert_eq!(got, want, "{level} {lang}: {json}");
            // With the organisation's name given, its fill-in is gone.
            let named = tempfile::tempdir().unwrap();
            init(
                named.path(),
                &[
                    "--level",
                    level,
                    "--lang",
                    lang,
                    "--organization",
                    "株式会社サンプル",
                ],
            );
            let (json, _) = check_json(named.path(), &[]);
            assert!(
                !found(&json)
                    .iter()
                    .any(|(c, at)| c == "text/placeholder" && at.starts_with("isms.yaml:")),
                "{json}"
            );
            assert_files_are_annotated(dir.path());
            let d = dir.path();
            let config = read(d, "isms.yaml");
            assert!(config.contains(&format!("language: {lang}")), "{config}");
            for schema in ["config.schema.json", "isms.schema.json", "risk.schema.json"] {
                assert!(d.join(".isms/schema").join(schema).is_file());
            }
            let settings = read(d, ".vscode/settings.json");
            assert!(settings.contains("\"yaml.schemas\""), "{settings}");
            assert!(
                settings.contains("./.isms/schema/isms.schema.json"),
                "{settings}"
            );
            assert!(read(d, ".pre-commit-config.yaml").contains("id: isms-check"));
            assert!(read(d, ".github/workflows/isms.yml").contains("uses: isms-toolkit/isms@"));
            assert!(read(d, ".gitignore").contains("/out/"));
        }
    }
}

#[test]
fn each_level_has_its_content() {
    // Lv.1: the ransomware standard with its four categories and procedures.
    let dir = tempfile::tempdir().unwrap();
    init(dir.path(), &["--level", "quick", "--lang", "ja"]);
    let s = read(dir.path(), "standards/ransomware.yaml");
    for needle in [
        "id: IPA-2026-01",
        "likelihood_from",
        "category: organizational",
        "category: people",
        "category: physical",
        "category: technological",
        "implements: [C-RANSOM-TECH]",
    ] {
        if needle == "likelihood_from" {
            assert!(read(dir.path(), "isms.yaml").contains("likelihood_from: ipa"));
        } else {
            assert!(s.contains(needle), "{needle}");
        }
    }
    assert!(read(dir.path(), "isms.yaml").contains("frameworks: []"));

    // Lv.2: the organisation, the policy, the IPA self-assessment as the framework.
    let dir = tempfile::tempdir().unwrap();
    init(dir.path(), &["--level", "baseline", "--lang", "ja"]);
    for (role, title) in [
        ("ROLE-CISO", "情報セキュリティ責任者"),
        ("ROLE-DEPT", "部門責任者"),
        ("ROLE-SYSADMIN", "システム管理者"),
        ("ROLE-EDU", "教育責任者"),
        ("ROLE-CEO", "代表取締役"),
    ] {
        assert!(
            read(dir.path(), &format!("roles/{role}.yaml")).contains(title),
            "{role}"
        );
    }
    assert!(read(dir.path(), "policy.yaml").contains("id: C-POLICY"));
    assert!(read(dir.path(), "isms.yaml").contains("frameworks: [ipa-sme]"));

    // Lv.3: 93 placeholders, one per Annex A control, and the SoA.
    let dir = tempfile::tempdir().unwrap();
    init(
        dir.path(),
        &[
            "--level",
            "comprehensive",
            "--lang",
            "en",
            "--organization",
            "Acme: K.K.",
        ],
    );
    let mut mapped = BTreeSet::new();
    for theme in ["organizational", "people", "physical", "technological"] {
        let text = read(dir.path(), &format!("controls/iso27001-2022/{theme}.yaml"));
        for line in text.lines().filter(|l| l.starts_with("maps_to:")) {
            mapped.insert(line.to_owned());
        }
        assert!(!text.contains("status: implemented"));
    }
    assert_eq!(mapped.len(), 93);
    let soa = read(dir.path(), "soa.yaml");
    assert!(
        soa.contains("kind: soa") && soa.contains("framework: iso27001-2022"),
        "{soa}"
    );
    assert!(read(dir.path(), "isms.yaml").contains("organization: \"Acme: K.K.\""));
}

#[test]
fn quick_takes_any_of_the_ten_threats() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["--level", "quick", "--lang", "en"];
    let all = [
        "1",
        "supply-chain",
        "IPA-2026-03",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        "ipa-2026-10",
    ];
    for t in &all {
        args.extend(["--threat", t]);
    }
    let out = init(dir.path(), &args);
    assert!(out.contains("standards/bec.yaml"), "{out}");
    let standards = std::fs::read_dir(dir.path().join("standards"))
        .unwrap()
        .count();
    assert_eq!(standards, 10);
    let (json, code) = check_json(dir.path(), &[]);
    assert_eq!(code, 0, "{json}");
    // The to-do list: the organisation's name, and each threat's treatment to approve.
    assert_eq!(json["summary"]["warnings"], 11, "{json}");
    assert_eq!(
        codes(&json, "risk/treatment-unapproved").len(),
        10,
        "{json}"
    );
    assert_eq!(codes(&json, "text/placeholder").len(), 1, "{json}");

    let bad = bin()
        .arg("init")
        .arg(tempfile::tempdir().unwrap().path())
        .args(["--level", "quick", "--threat", "IPA-2025-01"])
        .output()
        .unwrap();
    assert_eq!(exit(&bad), 2);
    assert!(
        stderr(&bad).contains("IPA-2026-01"),
        "lists the valid ids: {}",
        stderr(&bad)
    );
    let wrong_level = bin()
        .arg("init")
        .arg(tempfile::tempdir().unwrap().path())
        .args(["--level", "baseline", "--threat", "1"])
        .output()
        .unwrap();
    assert_eq!(exit(&wrong_level), 2);
}

#[test]
fn init_refuses_to_overwrite_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, ".gitignore", "mine\n");
    write(d, "assets.yaml", "# my own notes\n");
    let out = bin()
        .arg("init")
        .arg(d)
        .args(["--level", "quick", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(exit(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains(".gitignore") && err.contains("assets.yaml") && err.contains("--force"),
        "{err}"
    );
    assert!(
        !d.join("isms.yaml").exists(),
        "nothing is written when init refuses"
    );
    assert_eq!(read(d, ".gitignore"), "mine\n");

    let out = init(d, &["--level", "quick", "--lang", "en", "--force"]);
    assert!(out.contains("overwrote"), "{out}");
    assert_ne!(read(d, ".gitignore"), "mine\n");
    let (_, code) = check_json(d, &[]);
    assert_eq!(code, 0);
}

// ---------------------------------------------------------------- growing a level

#[test]
fn quick_grows_to_baseline_then_comprehensive_in_one_repository() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    init(d, &["--level", "quick", "--lang", "en"]);
    let config = read(d, "isms.yaml");
    let ciso = read(d, "roles/ROLE-CISO.yaml");

    // Lv.2 adds the missing roles and the controls, keeps what is there, and says which
    // framework to add. The language follows the repository.
    let out = init(d, &["--level", "baseline"]);
    assert!(out.contains("kept      roles/ROLE-CISO.yaml"), "{out}");
    assert!(out.contains("created   roles/ROLE-EDU.yaml"), "{out}");
    assert!(out.contains("frameworks: [ipa-sme]"), "{out}");
    assert_eq!(read(d, "isms.yaml"), config);
    assert_eq!(read(d, "roles/ROLE-CISO.yaml"), ciso);
    assert!(read(d, "controls/basic.yaml").contains("Keeping OS and software up to date"));
    let (json, code) = check_json(d, &[]);
    assert_eq!(code, 0, "{json}");
    std::fs::write(
        d.join("isms.yaml"),
        config.replace("frameworks: []", "frameworks: [ipa-sme]"),
    )
    .unwrap();
    let (json, code) = check_json(d, &[]);
    assert_eq!(code, 0, "all 25 self-assessment items are covered: {json}");

    // Lv.3 adds the SoA but not the 93 placeholders: soa/missing is the to-do list.
    let out = init(d, &["--level", "comprehensive"]);
    assert!(out.contains("created   soa.yaml"), "{out}");
    assert!(
        out.contains("frameworks: [ipa-sme, iso27001-2022]"),
        "{out}"
    );
    assert!(!d.join("controls/iso27001-2022").exists());
    let undecided: usize = out
        .split("Now ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {out}"));
    let (json, code) = check_json(d, &[]);
    assert_eq!(
        code, 0,
        "nothing changes until the framework is listed: {json}"
    );
    let config = read(d, "isms.yaml");
    std::fs::write(
        d.join("isms.yaml"),
        config.replace(
            "frameworks: [ipa-sme]",
            "frameworks: [ipa-sme, iso27001-2022]",
        ),
    )
    .unwrap();
    let (json, code) = check_json(d, &[]);
    assert_eq!(code, 1);
    let missing = codes(&json, "soa/missing");
    assert_eq!(missing.len(), undecided, "{missing:?}");
    assert!(
        missing.len() > 10 && missing.len() < 93,
        "{}",
        missing.len()
    );
    let about = |id: &str| {
        missing
            .iter()
            .any(|m| m.starts_with(&format!("iso27001-2022 {id} ")))
    };
    assert!(!about("8.13"), "backup is mapped by Lv.1 and Lv.2 controls");
    assert!(!about("5.1"), "the policy maps 5.1");
    assert!(about("8.4"), "access to source code is undecided");
    assert_eq!(
        json["summary"]["errors"].as_u64().unwrap() as usize,
        missing.len(),
        "{json}"
    );

    // Deciding one: exclude it in the SoA. Running init again never touches the SoA.
    let soa = read(d, "soa.yaml").replace(
        "exclusions: {}",
        "exclusions:\n  \"8.4\": We develop no software and hold no source code.",
    );
    std::fs::write(d.join("soa.yaml"), &soa).unwrap();
    let again = init(d, &["--level", "comprehensive", "--force"]);
    assert!(again.contains("--force does not apply"), "{again}");
    assert_eq!(read(d, "soa.yaml"), soa);
    let (json, _) = check_json(d, &[]);
    assert_eq!(codes(&json, "soa/missing").len(), undecided - 1);
}

#[test]
fn growing_fills_a_gap_beside_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    init(d, &["--level", "quick", "--lang", "ja"]);
    // The user kept only their own asset in assets.yaml; A-DATA and A-IT are gone.
    write(
        d,
        "assets.yaml",
        "kind: asset\nid: A-MINE\nname: 自社の資産\ntype: information\nowner: ROLE-CISO\nconfidentiality: 1\nintegrity: 1\navailability: 1\n",
    );
    std::fs::remove_file(d.join("standards/ransomware.yaml")).unwrap();
    let out = init(d, &["--level", "quick", "--threat", "bec"]);
    assert!(out.contains("assets-quick.yaml"), "{out}");
    assert!(read(d, "assets.yaml").contains("A-MINE"));
    assert!(read(d, "assets-quick.yaml").contains("id: A-DATA"));
    let (json, code) = check_json(d, &[]);
    assert_eq!(code, 0, "{json}");
}

#[test]
fn quick_into_a_repository_without_the_ipa_method_states_the_likelihood() {
    let dir = tempfile::tempdir().unwrap();
    copy_into(&root().join("company-example"), dir.path());
    // company-example derives its likelihoods with IPA's table; this repository declares them.
    let config = read(dir.path(), "isms.yaml");
    let declared: String = config
        .lines()
        .filter(|l| !l.contains("likelihood_from"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(declared, config);
    std::fs::write(dir.path().join("isms.yaml"), declared).unwrap();
    let out = init(dir.path(), &["--level", "quick", "--threat", "ransomware"]);
    assert!(out.contains("standards/ransomware.yaml"), "{out}");
    assert!(read(dir.path(), "standards/ransomware.yaml").contains("likelihood: 3"));
    let (json, code) = check_json(dir.path(), &[]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["summary"]["errors"], 0);
}

#[test]
fn a_threat_by_its_japanese_name_and_a_did_you_mean_for_a_typo() {
    // The Japanese name, whole or a part that names one threat only.
    for (name, file) in [
        ("内部不正", "insider"),
        ("内部不正による情報漏えい等", "insider"),
        ("ランサム", "ransomware"),
        ("ビジネスメール詐欺", "bec"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        init(dir.path(), &["--level", "quick", "--threat", name]);
        let written: Vec<String> = std::fs::read_dir(dir.path().join("standards"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(written, [format!("{file}.yaml")], "{name}");
    }
    // A part that several names share is no name, and a typo gets its did-you-mean.
    for (value, help) in [
        ("攻撃", None),
        ("suply-chain", Some("help: did you mean `supply-chain`?")),
        ("IPA-2026-1O", Some("help: did you mean `IPA-2026-10`?")),
    ] {
        let out = bin()
            .arg("init")
            .arg(tempfile::tempdir().unwrap().path())
            .args(["--level", "quick", "--lang", "en", "--threat", value])
            .output()
            .unwrap();
        assert_eq!(exit(&out), 2, "{value}");
        let err = stderr(&out);
        assert!(
            err.starts_with(&format!(
                "error: `{value}` is not one of IPA's current 10 major threats:"
            )),
            "{err}"
        );
        match help {
            Some(h) => assert!(err.trim_end().ends_with(h), "{value}: {err}"),
            None => assert!(!err.contains("help:"), "{value}: {err}"),
        }
    }
}
