//! `--format github` and `--format sarif`: paths relative to the git repository, escaping,
//! ordering and the runner's per-step limit.

use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let ok = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .status()
        .unwrap()
        .success();
    assert!(ok, "git {args:?}");
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A small ISMS with one unknown reference, in `root`; the id carries a `%` and the file
/// name a comma, both of which must be escaped in a workflow command.
fn small_isms(root: &Path) {
    write(
        &root.join("isms.yaml"),
        "organization: Example\nlanguage: en\n",
    );
    write(
        &root.join("roles.yaml"),
        "kind: role\nid: ROLE-A\ntitle: A\n---\nkind: asset\nid: A-1\nname: laptop\ntype: hardware\n\
         owner: ROLE-A\nconfidentiality: 1\nintegrity: 1\navailability: 1\n---\n\
         kind: threat\nid: T-1\nname: theft\norigin: deliberate\n",
    );
    write(
        &root.join("risks/a,b.yaml"),
        "kind: risk\nid: R-1\ntitle: theft\nassets: [A-1]\nthreat: T-1\nlikelihood: 1\n\
         owner: \"ROLE-100%\"\n",
    );
}

/// Runs `isms check` in `dir`; git looks no higher than `ceiling`.
fn check(dir: &Path, ceiling: &Path, format: &str) -> String {
    let out = isms_bin()
        .current_dir(dir)
        .env("GIT_CEILING_DIRECTORIES", ceiling)
        .args(["check", ".", "--format", format])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn paths_are_relative_to_the_git_repository() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    git(&repo, &["init", "-q"]);
    let root = repo.join("compliance/isms");
    small_isms(&root);

    let gh = check(&root, tmp.path(), "github");
    let first = gh.lines().next().unwrap();
    assert_eq!(
        first,
        "::error file=compliance/isms/risks/a%2Cb.yaml,line=7,endLine=7,col=8,endColumn=19,\
         title=isms ref/unknown::no role has the id `ROLE-100%25`%0Adefine a role with \
         `id: ROLE-100%25`, or name an existing one%0A→ compliance/isms/risks/a,b.yaml:2: named by risk R-1"
    );
    assert_eq!(
        gh.lines().last().unwrap(),
        "isms check: 1 error, 0 warnings, 0 infos in 3 files"
    );
    assert!(
        !gh.contains("::notice"),
        "no totals notice when nothing is cut: {gh}"
    );

    let sarif: serde_json::Value =
        serde_json::from_str(&check(&root, tmp.path(), "sarif")).unwrap();
    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let loc = &run["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "compliance/isms/risks/a%2Cb.yaml"
    );
    assert_eq!(loc["region"]["startLine"], 7);
    assert_eq!(loc["region"]["startColumn"], 8);
    assert_eq!(loc["region"]["endColumn"], 19);
    assert_eq!(loc["region"]["snippet"]["text"], "\"ROLE-100%\"");
    assert_eq!(run["results"][0]["level"], "error");
    let rule = run["results"][0]["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(run["tool"]["driver"]["rules"][rule]["id"], "ref/unknown");
    assert_eq!(run["tool"]["driver"]["rules"][rule]["name"], "RefUnknown");
    assert_eq!(
        run["tool"]["driver"]["rules"][rule]["helpUri"],
        "https://github.com/isms-toolkit/isms/blob/main/docs/rules/ref/unknown.md"
    );
}

#[test]
fn outside_git_paths_are_relative_to_the_isms_root() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("isms");
    small_isms(&root);
    let gh = check(&root, tmp.path(), "github");
    assert!(gh.starts_with("::error file=risks/a%2Cb.yaml,"), "{gh}");
}

#[test]
fn errors_come_first_and_a_notice_gives_the_totals_when_the_runner_would_cut() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("isms");
    // 93 soa/missing errors; an asset no risk names in an earlier file, and no risk at all
    // under a declared framework (two warnings).
    write(
        &root.join("isms.yaml"),
        "organization: Example\nlanguage: en\nframeworks: [iso27001-2022]\n",
    );
    write(
        &root.join("a.yaml"),
        "kind: role\nid: ROLE-A\ntitle: A\n---\nkind: asset\nid: A-1\nname: laptop\ntype: hardware\n\
         owner: ROLE-A\nconfidentiality: 1\nintegrity: 1\navailability: 1\n",
    );
    let gh = check(&root, tmp.path(), "github");
    let kinds: Vec<&str> = gh
        .lines()
        .map(|l| l.split([' ', ':']).find(|s| !s.is_empty()).unwrap_or(""))
        .collect();
    let first_warning = kinds.iter().position(|k| *k == "warning").unwrap();
    assert!(kinds[..first_warning].iter().all(|k| *k == "error"));
    assert_eq!(kinds[..first_warning].len(), 93);
    let notice = gh.lines().find(|l| l.starts_with("::notice")).unwrap();
    assert!(
        notice.starts_with(
            "::notice title=isms check::isms check: 93 errors, 2 warnings, 0 infos in 2 files. \
             GitHub shows only 10 annotations"
        ),
        "{notice}"
    );
}

/// The binary under test, without the environment that changes its output.
fn isms_bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_isms"));
    c.env_remove("ISMS_FORMAT")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    c
}
