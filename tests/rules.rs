//! Every rule against real repositories: `tests/rules/<family>/<problem>/` holds an overlay
//! on the base fixture that fires it (`fires/`, with every finding expected — code, file,
//! line and column — in `expected`) and a near miss that passes (`passes/`, no finding).

mod common;

use common::*;
use std::path::PathBuf;

fn rule_dirs() -> Vec<(String, PathBuf)> {
    let mut dirs = Vec::new();
    for family in std::fs::read_dir(root().join("tests/rules")).unwrap() {
        let family = family.unwrap().path();
        for problem in std::fs::read_dir(&family).unwrap() {
            let problem = problem.unwrap().path();
            let code = format!(
                "{}/{}",
                family.file_name().unwrap().to_str().unwrap(),
                problem.file_name().unwrap().to_str().unwrap()
            );
            dirs.push((code, problem));
        }
    }
    dirs.sort();
    dirs
}

#[test]
fn the_base_fixture_is_clean() {
    let dir = repo_with(None);
    let (json, code) = check_json(dir.path(), &[]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(code, 0);
}

#[test]
fn every_rule_fires_exactly_where_expected() {
    for (code, dir) in rule_dirs() {
        let repo = repo_with(Some(&dir.join("fires")));
        let (json, exit) = check_json(repo.path(), &[]);
        let expected: Vec<String> = std::fs::read_to_string(dir.join("expected"))
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect();
        assert!(
            expected.iter().all(|l| l.starts_with(&format!("{code} "))),
            "{code}: the expected findings are all of this rule"
        );
        assert!(!expected.is_empty(), "{code}: expects a finding");
        assert_eq!(finding_lines(&json), expected, "{code}: findings");
        let errors = json["summary"]["errors"].as_u64().unwrap();
        assert_eq!(exit, i32::from(errors > 0), "{code}: exit code");
    }
}

#[test]
fn every_rule_has_a_near_miss_that_passes() {
    for (code, dir) in rule_dirs() {
        let repo = repo_with(Some(&dir.join("passes")));
        let (json, exit) = check_json(repo.path(), &[]);
        assert_eq!(finding_lines(&json), Vec::<String>::new(), "{code}");
        assert_eq!(exit, 0, "{code}");
    }
}

#[test]
fn every_registered_rule_has_fixtures() {
    let out = bin().args(["rules", "--format", "json"]).output().unwrap();
    let rules: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<String> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap().to_owned())
        .collect();
    let dirs: Vec<String> = rule_dirs().into_iter().map(|(c, _)| c).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(sorted, dirs);
}

#[test]
fn severity_overrides_change_and_silence_rules() {
    let dir = repo_with(Some(&root().join("tests/rules/asset/unassessed/fires")));
    let config = dir.path().join("isms.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        format!("{text}rules:\n  asset/unassessed: error\n"),
    )
    .unwrap();
    let (json, exit) = check_json(dir.path(), &[]);
    assert_eq!(json["findings"][0]["severity"], "error");
    assert_eq!(exit, 1);
    std::fs::write(&config, format!("{text}rules:\n  asset/unassessed: off\n")).unwrap();
    let (json, exit) = check_json(dir.path(), &[]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(exit, 0);
    std::fs::write(&config, format!("{text}rules:\n  asset/unasessed: off\n")).unwrap();
    let (json, _) = check_json(dir.path(), &[]);
    assert_eq!(
        finding_lines(&json),
        vec![
            "asset/unassessed assets-more.yaml:2:5",
            "schema/invalid isms.yaml:11:3"
        ]
    );
    assert_eq!(
        json["findings"][1]["help"],
        "did you mean `asset/unassessed`?"
    );
}

#[test]
fn deny_warnings_and_exit_zero() {
    let dir = repo_with(Some(&root().join("tests/rules/asset/unassessed/fires")));
    assert_eq!(check_json(dir.path(), &[]).1, 0);
    assert_eq!(check_json(dir.path(), &["--deny", "warnings"]).1, 1);
    let dir = repo_with(Some(&root().join("tests/rules/ref/unknown/fires")));
    assert_eq!(check_json(dir.path(), &[]).1, 1);
    assert_eq!(check_json(dir.path(), &["--exit-zero"]).1, 0);
}

#[test]
fn readme_rules_table_is_generated_from_the_registry() {
    let out = bin()
        .args(["rules", "--format", "markdown", "--lang", "en"])
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.contains(&table),
        "README's rules table is stale: paste `isms rules --format markdown --lang en`"
    );
}

/// docs/rules/<family>/<problem>.md, the page each diagnostic links to, is the registry's
/// text in both languages; `UPDATE_GOLDEN=1` writes the pages anew.
#[test]
fn the_rule_pages_in_docs_are_generated_from_the_registry() {
    let dir = root().join("docs/rules");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut expected = Vec::new();
    for rule in isms::rules::RULES.iter().map(|r| r.meta) {
        let rel = format!("{}.md", rule.code);
        let path = dir.join(&rel);
        let page = rule.page();
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &page).unwrap();
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == page,
            "docs/rules/{rel} is stale or missing: UPDATE_GOLDEN=1 cargo test --test rules"
        );
        assert_eq!(
            rule.url(),
            format!("https://github.com/isms-toolkit/isms/blob/main/docs/rules/{rel}")
        );
        expected.push(rel);
    }
    // No page of a rule that is gone.
    let mut found = Vec::new();
    for family in std::fs::read_dir(&dir).unwrap() {
        let family = family.unwrap().path();
        for page in std::fs::read_dir(&family).unwrap() {
            let name = page.unwrap().file_name().into_string().unwrap();
            found.push(format!(
                "{}/{name}",
                family.file_name().unwrap().to_str().unwrap()
            ));
        }
    }
    found.sort();
    expected.sort();
    assert_eq!(found, expected, "docs/rules holds one page per rule");
    let page = std::fs::read_to_string(dir.join("ref/unknown.md")).unwrap();
    assert!(page.contains("# ref/unknown: "), "{page}");
    assert!(page.contains("## What it does"), "{page}");
    assert!(page.contains("## 何をするか"), "{page}");
}

#[test]
fn explain_prints_the_documentation() {
    let out = bin()
        .args(["explain", "ref/unknown", "--lang", "en"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("## What it does"));
    assert!(text.contains("Default severity: error"));
    let out = bin()
        .args(["explain", "ref/unknwn", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: unknown rule `ref/unknwn`\n  help: did you mean `ref/unknown`?\n"
    );
    // The same error in Japanese, the default language.
    let out = bin().args(["explain", "ref/unknwn"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: 未知のルール `ref/unknwn` です\n  help: `ref/unknown` の誤りではありませんか？\n"
    );
}

#[test]
fn readme_json_example_is_real_output() {
    let repo = repo_with(Some(&root().join("tests/rules/ref/unknown/fires")));
    let out = bin()
        .args(["check", "--format", "json", "--today", TODAY])
        .arg(repo.path())
        .output()
        .unwrap();
    let json = String::from_utf8(out.stdout).unwrap();
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.contains(&format!("```json\n{json}```")),
        "README's JSON example is stale:\n{json}"
    );
}

#[test]
fn a_declared_impact_and_a_residual_at_it_are_one_mistake() {
    // `impact: 2` where the asset gives 3, and a residual impact of 2 that only follows it:
    // the declared impact is the one finding; the residual is unknown, not reported again.
    let repo = repo_with(None);
    let path = repo.path().join("risks/R-001.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text
        .replace("likelihood: 2\n", "likelihood: 2\nimpact: 2\n")
        .replace(
            "  impact_reason: The disk is encrypted, so a stolen laptop discloses nothing\n",
            "",
        );
    std::fs::write(&path, text).unwrap();
    let (json, _) = check_json(repo.path(), &[]);
    assert_eq!(
        finding_lines(&json),
        ["risk/level-mismatch risks/R-001.yaml:8:9"]
    );
    // Below the declared impact too, the residual is its own mistake.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("  impact: 2\n", "  impact: 1\n")).unwrap();
    let (json, _) = check_json(repo.path(), &[]);
    assert_eq!(
        finding_lines(&json),
        [
            "risk/level-mismatch risks/R-001.yaml:8:9",
            "risk/level-mismatch risks/R-001.yaml:18:11"
        ]
    );
}

#[test]
fn a_wrong_type_reads_in_japanese_with_a_full_width_colon() {
    // Japanese text takes the full-width `：` (（実際：リスト）), as every other
    // Japanese message of the schema stage does.
    let repo = repo_with(None);
    let path = repo.path().join("risks/R-001.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("likelihood: 2\n", "likelihood: [2]\n")).unwrap();
    let out = bin()
        .args([
            "check", "--format", "concise", "--lang", "ja", "--today", TODAY,
        ])
        .arg(repo.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.lines().next().unwrap(),
        "risks/R-001.yaml:7:1: error[schema/invalid] `likelihood` は整数でなければなりません（実際：リスト）"
    );
}
