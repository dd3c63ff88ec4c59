//! Finding the repository and its files: walking up to isms.yaml, `.gitignore`,
//! `exclude:` globs, several documents per file.

mod common;

use common::*;

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
