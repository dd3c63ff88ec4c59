//! Finding the repository and its files: walking up to isms.yaml, `.gitignore`,
//! `exclude:` globs, several documents per file.

mod common;

use common::*;
use std::path::Path;

#[test]
fn isms_yaml_is_found_by_walking_up() {
    let example = root().join("company-example");
    let (top, _) = check_json(&example, &[]);
    let (inner, code) = check_json(&example.join("risks"), &[]);
    assert_eq!(code, 0);
    assert_eq!(top["summary"], inner["summary"]);
    let (from_file, _) = check_json(&example.join("risks/R-001.yaml"), &[]);
    assert_eq!(top["summary"], from_file["summary"]);
}

#[test]
fn gitignore_and_exclude_globs_are_respected() {
    let repo = repo_with(Some(&root().join("tests/rules/ref/unknown/fires")));
    let broken = std::fs::read(repo.path().join("risks/R-001.yaml")).unwrap();
    // Move the broken risk where it is ignored, restore the good one.
    std::fs::create_dir_all(repo.path().join("drafts")).unwrap();
    std::fs::create_dir_all(repo.path().join("scratch")).unwrap();
    std::fs::write(repo.path().join("drafts/R-001.yaml"), &broken).unwrap();
    std::fs::write(repo.path().join("scratch/R-001.yaml"), &broken).unwrap();
    copy_into(&fixture("base/risks"), &repo.path().join("risks"));
    let (json, _) = check_json(repo.path(), &[]);
    assert_eq!(
        json["summary"]["errors"], 3,
        "drafts and scratch are read: {json}"
    );

    std::fs::write(repo.path().join(".gitignore"), "scratch/\n").unwrap();
    let config = repo.path().join("isms.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}exclude: [\"drafts/**\"]\n")).unwrap();
    let (json, code) = check_json(repo.path(), &[]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(code, 0);
}

#[test]
fn one_file_or_many_documents_give_the_same_model() {
    let repo = repo_with(None);
    // Merge every entity file into one multi-document file.
    let mut all = String::new();
    for rel in [
        "roles.yaml",
        "assets.yaml",
        "threats.yaml",
        "vulnerabilities.yaml",
        "risks/R-001.yaml",
        "risks/R-002.yaml",
        "controls/password.yaml",
    ] {
        let p = repo.path().join(rel);
        all.push_str("---\n");
        all.push_str(&std::fs::read_to_string(&p).unwrap());
        std::fs::remove_file(p).unwrap();
    }
    std::fs::write(repo.path().join("everything.yaml"), all).unwrap();
    let (json, code) = check_json(repo.path(), &[]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(json["summary"]["entities"], 11);
    assert_eq!(json["summary"]["files"], 2);
    assert_eq!(code, 0);
}

#[test]
fn messages_follow_the_language() {
    let repo = repo_with(Some(&root().join("tests/rules/ref/unknown/fires")));
    let (en, _) = check_json(repo.path(), &[]);
    assert_eq!(
        en["findings"][0]["message"],
        "no control has the id `C-PASSWRD`"
    );
    let (ja, _) = check_json(repo.path(), &["--lang", "ja"]);
    assert_eq!(
        ja["findings"][0]["message"],
        "ID `C-PASSWRD` の管理策はありません"
    );
    assert_eq!(
        ja["findings"][0]["help"],
        "`C-PASSWORD` の誤りではありませんか？"
    );
}

/// A 5 × 5 method with C/I/A on 1..5: untreated fires at level ≥ 15, not below.
#[test]
fn risk_method_scales_of_any_size() {
    let repo = repo_with(None);
    std::fs::write(
        repo.path().join("isms.yaml"),
        "organization: Example\nlanguage: en\nrisk:\n  likelihood: 5\n  impact: 5\n  cia: 5\n  bands: {high: 15, medium: 8}\n  acceptable: 10\n",
    )
    .unwrap();
    let asset = repo.path().join("assets.yaml");
    let text = std::fs::read_to_string(&asset).unwrap();
    std::fs::write(
        &asset,
        text.replacen("confidentiality: 3", "confidentiality: 5", 1),
    )
    .unwrap();
    let risk = "kind: risk\nid: R-003\ntitle: t\nassets: [A-001]\nthreat: T-FIRE\nlikelihood: LIKELIHOOD\nowner: ROLE-CISO\n";
    std::fs::write(
        repo.path().join("risks/R-003.yaml"),
        risk.replace("LIKELIHOOD", "3"),
    )
    .unwrap();
    let (json, _) = check_json(repo.path(), &[]);
    // 5 × 3 = 15: high.
    assert_eq!(
        finding_lines(&json),
        vec!["risk/untreated risks/R-003.yaml:2:5"]
    );
    std::fs::write(
        repo.path().join("risks/R-003.yaml"),
        risk.replace("LIKELIHOOD", "2"),
    )
    .unwrap();
    let (json, _) = check_json(repo.path(), &[]);
    // 5 × 2 = 10: medium, within the appetite of 10, no treatment needed.
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    // Outside the scale: a schema finding that names the setting.
    std::fs::write(
        repo.path().join("risks/R-003.yaml"),
        risk.replace("LIKELIHOOD", "6"),
    )
    .unwrap();
    let (json, _) = check_json(repo.path(), &[]);
    assert!(finding_lines(&json).contains(&"schema/invalid risks/R-003.yaml:6:13".to_owned()));
}

/// An explicit matrix (rows = impact, columns = likelihood) replaces the product.
#[test]
fn risk_method_explicit_matrix() {
    let repo = repo_with(None);
    let config = repo.path().join("isms.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    // Impact 3 × likelihood 2 is 6 by product (high), 3 by this matrix (low, within the
    // appetite of 3).
    std::fs::write(
        &config,
        text.replace(
            "  acceptable: 2\n",
            "  acceptable: 3\n  matrix: [[1, 1, 2], [1, 2, 3], [2, 3, 6]]\n",
        ),
    )
    .unwrap();
    std::fs::write(
        repo.path().join("risks/R-003.yaml"),
        "kind: risk\nid: R-003\ntitle: t\nassets: [A-001]\nthreat: T-FIRE\nlikelihood: 2\nowner: ROLE-CISO\n",
    )
    .unwrap();
    let (json, code) = check_json(repo.path(), &[]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(code, 0);
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let repo = repo_with(Some(&root().join("tests/rules/ref/unknown/fires")));
    let run = |args: &[&str], no_color: bool| {
        let mut c = bin();
        c.args(["check", "--today", TODAY])
            .args(args)
            .arg(repo.path());
        if no_color {
            c.env("NO_COLOR", "1");
        }
        String::from_utf8(c.output().unwrap().stdout).unwrap()
    };
    assert!(run(&["--color", "always"], false).contains('\u{1b}'));
    assert!(!run(&["--color", "never"], false).contains('\u{1b}'));
    assert!(!run(&[], true).contains('\u{1b}'));
    // Not a terminal: no colour by default.
    assert!(!run(&[], false).contains('\u{1b}'));
}

#[test]
fn shell_completions_cover_the_commands() {
    let out = bin().args(["completions", "bash"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let script = String::from_utf8(out.stdout).unwrap();
    assert!(script.starts_with("_isms()"));
    for command in [
        "check", "soa", "risks", "report", "diff", "init", "catalog", "explain",
    ] {
        assert!(
            script.contains(&format!("isms__subcmd__{command}")),
            "{command}"
        );
    }
}

fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

#[test]
fn check_and_diff_read_the_same_files() {
    let repo = repo_with(None);
    let d = repo.path();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["config", "user.email", "test@example.invalid"]);
    git(d, &["config", "user.name", "isms test"]);
    git(d, &["config", "commit.gpgsign", "false"]);
    git(d, &["add", "-A"]);
    git(d, &["commit", "-qm", "c1"]);
    git(d, &["tag", "c1"]);
    // A risk tracked in a folder that .gitignore ignores: read by neither command.
    std::fs::create_dir(d.join("scratch")).unwrap();
    let risk = std::fs::read_to_string(d.join("risks/R-001.yaml"))
        .unwrap()
        .replace("R-001", "R-900");
    std::fs::write(d.join("scratch/R-900.yaml"), risk).unwrap();
    std::fs::write(d.join(".gitignore"), "scratch/\n").unwrap();
    // `.ignore` files (and global excludes) are not read: they would hide risks from
    // `isms check` that `isms diff` shows.
    std::fs::write(d.join(".ignore"), "risks/\n").unwrap();
    git(d, &["add", "-A"]);
    git(d, &["add", "-f", "scratch/R-900.yaml"]);
    git(d, &["commit", "-qm", "c2"]);
    git(d, &["tag", "c2"]);

    let (json, code) = check_json(d, &[]);
    assert_eq!(json["summary"]["entities"], 11, "{json}");
    assert_eq!(code, 0);
    let out = bin()
        .args(["diff", "c1", "c2", "--format", "json"])
        .arg(d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let diff: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(diff["summary"]["risks_added"], 0, "{diff}");
    assert_eq!(diff["risks"], serde_json::json!([]));
}
