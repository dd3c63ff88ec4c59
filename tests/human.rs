//! Snapshots of the human output (miette) in English and Japanese: the excerpt, the
//! underline under the exact value (also under Japanese text), help, related locations.

mod common;

use common::*;

fn human(dir: &std::path::Path, lang: &str) -> String {
    let out = bin()
        .args([
            "check", "--color", "never", "--today", TODAY, "--lang", lang,
        ])
        .arg(dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stdout).unwrap()
}

/// company-example with one broken reference and one misspelt field, in Japanese text.
fn broken_example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_into(&root().join("company-example"), dir.path());
    let risk = dir.path().join("risks/R-001.yaml");
    let text = std::fs::read_to_string(&risk).unwrap();
    let text = text
        .replace("C-PASSWORD, C-OFFSITE", "C-PASSWRD, C-OFFSITE")
        .replace("likelihood: 2", "likelyhood: 2");
    std::fs::write(&risk, text).unwrap();
    let threats = dir.path().join("threats.yaml");
    let text = std::fs::read_to_string(&threats).unwrap();
    std::fs::write(
        &threats,
        text.replacen("origin: deliberate", "origin: 意図的", 1),
    )
    .unwrap();
    let roles = dir.path().join("roles.yaml");
    let text = std::fs::read_to_string(&roles).unwrap();
    std::fs::write(
        &roles,
        format!("{text}---\nkind: role\nid: ROLE-CEO\ntitle: 社長\n"),
    )
    .unwrap();
    dir
}

#[test]
fn human_output_in_english() {
    let dir = broken_example();
    insta::assert_snapshot!(human(dir.path(), "en"));
}

#[test]
fn human_output_in_japanese() {
    let dir = broken_example();
    insta::assert_snapshot!(human(dir.path(), "ja"));
}

#[test]
fn concise_output() {
    let dir = broken_example();
    let out = bin()
        .args([
            "check", "--format", "concise", "--today", TODAY, "--lang", "en",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn output_is_byte_identical_from_run_to_run() {
    let dir = broken_example();
    let runs: Vec<Vec<u8>> = (0..3)
        .map(|_| {
            bin()
                .args(["check", "--format", "json", "--today", TODAY])
                .arg(dir.path())
                .output()
                .unwrap()
                .stdout
        })
        .collect();
    assert_eq!(runs[0], runs[1]);
    assert_eq!(runs[1], runs[2]);
}

#[test]
fn company_example_is_clean() {
    let (json, code) = check_json(&root().join("company-example"), &[]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(code, 0);
    assert_eq!(json["summary"]["errors"], 0);
}

/// Findings of one rule at one place share one excerpt, the rest listed in emission order.
#[test]
fn findings_at_one_place_share_one_excerpt() {
    let repo = repo_with(Some(&root().join("tests/rules/soa/missing/passes")));
    let soa = repo.path().join("soa.yaml");
    let text = std::fs::read_to_string(&soa).unwrap();
    let text: String = text
        .lines()
        .filter(|l| {
            !["  \"5\":", "  \"6\":", "  \"10\":"]
                .iter()
                .any(|k| l.starts_with(k))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&soa, text).unwrap();
    let out = human(repo.path(), "en");
    assert_eq!(out.matches("soa.yaml:2:12]").count(), 1, "{out}");
    assert!(out.contains("× ipa-sme 5 ("), "{out}");
    assert!(
        out.contains(
            "  … and 2 more soa/missing at soa.yaml:2:12:\n    - ipa-sme 6 (Malware arriving by e-mail) is neither applied nor excluded\n    - ipa-sme 10 ("
        ),
        "{out}"
    );
    assert!(out.ends_with("Found 3 errors, 0 warnings, 0 infos in 9 files (12 entities).\n"));
}

/// A syntax error points at the mistake, and a full-width (全角) colon or space is named,
/// with its line and column, in both languages.
#[test]
fn full_width_characters_are_named_in_both_languages() {
    let repo = repo_with(None);
    let broken = root().join("tests/rules/yaml/syntax/fires/broken");
    for name in [
        "full-width-colon.yaml",
        "full-width-indent.yaml",
        "full-width-space-after-colon.yaml",
    ] {
        std::fs::copy(broken.join(name), repo.path().join(name)).unwrap();
    }
    insta::assert_snapshot!("full_width_en", human(repo.path(), "en"));
    insta::assert_snapshot!("full_width_ja", human(repo.path(), "ja"));
}
