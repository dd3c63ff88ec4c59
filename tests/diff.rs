//! `isms diff` on a temporary git repository with known commits: the ISMS of
//! company-example in a subfolder, changed in ways whose effect on the posture is known.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn commit(dir: &Path, message: &str, tag: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", message]);
    git(dir, &["tag", tag]);
}

/// c0: no ISMS; c1: company-example in `isms/`; c2: a change; c3: its broken reference fixed.
/// An empty git repository on `main`, committing as a test user.
fn empty_repo() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    git(&dir, &["init", "-q", "-b", "main"]);
    git(&dir, &["config", "user.name", "isms test"]);
    git(&dir, &["config", "user.email", "test@example.invalid"]);
    git(&dir, &["config", "commit.gpgsign", "false"]);
    (tmp, dir)
}

fn repo() -> (tempfile::TempDir, PathBuf) {
    let (tmp, dir) = empty_repo();
    std::fs::write(dir.join("README.md"), "a project\n").unwrap();
    commit(&dir, "no ISMS yet", "c0");

    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("company-example");
    copy_dir(&example, &dir.join("isms"));
    commit(&dir, "the ISMS", "c1");

    let isms = dir.join("isms");
    // R-001 is re-levelled: likelihood 2 → 3 (impact 3: 6 → 9), and its owner misspelt.
    edit(
        &isms.join("risks/R-001.yaml"),
        "likelihood: 2\n",
        "likelihood: 3\nlikelihood_reason: 持ち出しの機会が増えた\n",
    );
    edit(
        &isms.join("risks/R-001.yaml"),
        "owner: ROLE-SALES",
        "owner: ROLE-SALEZ",
    );
    // R-002 is re-treated: one control fewer.
    edit(&isms.join("risks/R-002.yaml"), "    - C-NETWORK\n", "");
    // R-024 is removed, R-099 added.
    std::fs::remove_file(isms.join("risks/R-024.yaml")).unwrap();
    std::fs::write(
        isms.join("risks/R-099.yaml"),
        "kind: risk\nid: R-099\ntitle: 新しいリスク | pipe\nassets: [A-003]\nthreat: T-THEFT\n\
         likelihood: 1\nowner: ROLE-SALES\ntreatment:\n  option: reduce\n  controls: [C-ENCRYPTION]\n",
    )
    .unwrap();
    // C-ENDPOINT goes back to planned: SoA row 8.1 changes status.
    edit(
        &isms.join("controls/technological.yaml"),
        "id: C-ENDPOINT\ntitle: 利用者端末の管理（MDM・画面ロック・リモートワイプ）\ncategory: technological\nstatus: implemented",
        "id: C-ENDPOINT\ntitle: 利用者端末の管理（MDM・画面ロック・リモートワイプ）\ncategory: technological\nstatus: planned",
    );
    // 8.28 is no longer excluded: a gap in the SoA.
    let soa = isms.join("soa.yaml");
    let text = std::fs::read_to_string(&soa).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.contains("\"8.28\":")).collect();
    std::fs::write(&soa, kept.join("\n") + "\n").unwrap();
    commit(&dir, "a change", "c2");

    edit(
        &isms.join("risks/R-001.yaml"),
        "owner: ROLE-SALEZ",
        "owner: ROLE-SALES",
    );
    commit(&dir, "fix the owner", "c3");
    (tmp, dir)
}

fn isms(dir: &Path) -> Command {
    let mut c = isms_bin();
    c.current_dir(dir);
    c
}

fn diff_json(dir: &Path, args: &[&str]) -> Value {
    let out = isms(dir)
        .arg("diff")
        .args(args)
        .args(["--format", "json", "--today", "2026-11-26"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn ids(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_change_between_two_commits() {
    let (_tmp, dir) = repo();
    let d = diff_json(&dir, &["c1", "c2", "isms"]);
    assert_eq!(d["root"], "isms");
    assert_eq!(d["base"]["rev"], "c1");
    assert_eq!(d["head"]["rev"], "c2");
    assert_eq!(d["base"]["commit"].as_str().unwrap().len(), 40);

    assert_eq!(ids(&d, "risks"), ["R-001", "R-002", "R-024", "R-099"]);
    let r = &d["risks"];
    assert_eq!(r[0]["change"], serde_json::json!(["relevelled"]));
    assert_eq!(r[0]["before"]["level"], 6);
    assert_eq!(r[0]["before"]["band"], "high");
    assert_eq!(r[0]["after"]["level"], 9);
    assert_eq!(r[0]["after"]["band"], "high");
    assert_eq!(r[0]["after"]["residual_level"], 3);
    assert_eq!(r[1]["change"], serde_json::json!(["retreated"]));
    assert!(
        r[1]["before"]["controls"]
            .as_array()
            .unwrap()
            .contains(&"C-NETWORK".into())
    );
    assert!(
        !r[1]["after"]["controls"]
            .as_array()
            .unwrap()
            .contains(&"C-NETWORK".into())
    );
    assert_eq!(r[2]["change"], serde_json::json!(["removed"]));
    assert_eq!(r[2]["after"], Value::Null);
    assert_eq!(r[3]["change"], serde_json::json!(["added"]));
    assert_eq!(r[3]["after"]["level"], 3);
    assert_eq!(r[3]["after"]["band"], "low");

    assert_eq!(ids(&d, "controls"), ["C-ENDPOINT"]);
    assert_eq!(d["controls"][0]["before"], "implemented");
    assert_eq!(d["controls"][0]["after"], "planned");

    assert_eq!(ids(&d, "soa"), ["8.1", "8.28"]);
    let s = &d["soa"];
    assert_eq!(s[0]["before"]["status"], "implemented");
    assert_eq!(s[0]["after"]["status"], "planned");
    assert_eq!(s[1]["before"]["excluded"], true);
    assert_eq!(s[1]["after"]["excluded"], false);
    assert_eq!(s[1]["before"]["applicable"], false);
    assert_eq!(s[1]["after"]["applicable"], Value::Null); // undecided, as `isms soa` says

    let introduced: Vec<(String, String)> = d["findings"]["introduced"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["file"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        introduced,
        [
            ("ref/unknown".to_owned(), "risks/R-001.yaml".to_owned()),
            ("soa/missing".to_owned(), "soa.yaml".to_owned()),
        ]
    );
    assert_eq!(d["findings"]["fixed"], serde_json::json!([]));
    assert_eq!(d["summary"]["risks_added"], 1);
    assert_eq!(d["summary"]["risks_removed"], 1);
    assert_eq!(d["summary"]["risks_relevelled"], 1);
    assert_eq!(d["summary"]["risks_retreated"], 1);

    // The fix: only the finding goes away.
    let d = diff_json(&dir, &["c2", "c3", "isms"]);
    assert_eq!(d["risks"], serde_json::json!([]));
    assert_eq!(d["controls"], serde_json::json!([]));
    assert_eq!(d["soa"], serde_json::json!([]));
    assert_eq!(d["findings"]["introduced"], serde_json::json!([]));
    let fixed = d["findings"]["fixed"].as_array().unwrap();
    assert_eq!(fixed.len(), 1);
    assert_eq!(fixed[0]["code"], "ref/unknown");
    assert_eq!(fixed[0]["file"], "risks/R-001.yaml");
}

#[test]
fn markdown_for_a_pull_request_comment() {
    let (_tmp, dir) = repo();
    let out = isms(&dir)
        .args([
            "diff",
            "c1",
            "c2",
            "isms",
            "--lang",
            "en",
            "--today",
            "2026-11-26",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = md.lines().collect();
    assert!(lines[0].starts_with("### isms diff: `c1` ("), "{md}");
    assert!(lines[0].ends_with(" — `isms`"), "{md}");
    // First the verdict and the numbers it weighs, before → after.
    assert_eq!(
        lines[2],
        "**Posture: worse** — high risks 16 → 15, medium 1, low 7 → 8 · above the appetite after \
         treatment 0 · SoA rows undecided 0 → 1 · controls implemented 41 → 40 · errors: 2 new, \
         0 fixed"
    );
    assert_eq!(
        lines[4],
        "**risks: 1 added, 1 removed, 1 re-levelled, 1 re-treated · controls: 1 changed status · \
         SoA: 2 rows flipped · findings: 2 introduced, 0 fixed**"
    );
    assert!(md.contains(
        "| re-levelled | `R-001` | 営業用ノートPCの盗難による顧客情報の漏えい | 6 (high) → 9 (high) | 3 (low) |"
    ));
    // User text cannot break the table.
    assert!(
        md.contains("| added | `R-099` | 新しいリスク \\| pipe | — → 3 (low) |"),
        "{md}"
    );
    assert!(md.contains("| status | `C-ENDPOINT` | 利用者端末の管理（MDM・画面ロック・リモートワイプ） | Implemented → Planned |"), "{md}");
    assert!(
        md.contains("| `iso27001-2022:8.28` | Secure coding | no → undecided | yes → no | — |  |"),
        "{md}"
    );
    assert!(
        md.contains("| error | `ref/unknown` | `isms/risks/R-001.yaml:"),
        "{md}"
    );

    let out = isms(&dir)
        .args(["diff", "c3", "c3", "isms", "--lang", "en"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.ends_with("**Posture: unchanged** — high risks 15, medium 1, low 8 · above the appetite after treatment 0 · SoA rows undecided 1 · controls implemented 40 · errors: 0 new, 0 fixed\n\n**No change to the risk posture.**\n"), "{md}");
}

#[test]
fn the_work_tree_is_the_default_head_and_is_left_untouched() {
    let (_tmp, dir) = repo();
    edit(
        &dir.join("isms/risks/R-003.yaml"),
        "likelihood: 2\n",
        "likelihood: 1\nlikelihood_reason: 工場ネットワークを分離した\n",
    );
    let status = git(&dir, &["status", "--porcelain"]);
    let index = std::fs::read(dir.join(".git/index")).unwrap();
    // From the ISMS folder itself, and with the folder as the second argument.
    let inside = diff_json(&dir.join("isms"), &["c3"]);
    let beside = diff_json(&dir, &["c3", "isms"]);
    assert_eq!(inside, beside);
    assert_eq!(ids(&inside, "risks"), ["R-003"]);
    assert_eq!(inside["head"]["commit"], Value::Null);
    assert_eq!(git(&dir, &["status", "--porcelain"]), status);
    assert_eq!(std::fs::read(dir.join(".git/index")).unwrap(), index);
}

#[test]
fn a_base_without_the_isms_adds_everything() {
    let (_tmp, dir) = repo();
    let d = diff_json(&dir, &["c0", "c1", "isms"]);
    assert_eq!(d["base"]["exists"], false);
    assert_eq!(d["summary"]["risks_added"], 24);
    assert_eq!(
        d["posture"]["verdict"], "worse",
        "24 high and medium risks where there were none"
    );
    assert_eq!(d["posture"]["before"]["high"], 0);
    assert_eq!(d["posture"]["after"]["high"], 16);
    assert_eq!(d["posture"]["after"]["implemented"], 41);
    assert_eq!(d["findings"]["introduced"], serde_json::json!([]));
}

#[test]
fn revisions_are_only_revisions() {
    let (_tmp, dir) = repo();
    for bad in ["--output=/tmp/pwned", "-p", "--all"] {
        let out = isms(&dir)
            .args(["diff", "--", bad, "isms"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("cannot start with `-`"), "{bad}: {err}");
    }
    let out = isms(&dir)
        .args(["diff", "c1", "--", "--all", "isms"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = isms(&dir)
        .args(["diff", "no-such-branch", "HEAD", "isms"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("names no commit"));
    // A tree or blob is not a commit.
    let out = isms(&dir)
        .args(["diff", "c1:isms", "HEAD", "isms"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// The binary under test, without the environment that changes its output.
fn isms_bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_isms"));
    c.env_remove("ISMS_FORMAT")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    c
}

/// Findings are matched by identity (code, file, subject, field), not by wording or line: a
/// change of `language:` rewords every message, and a comment added above a finding moves
/// it down a line; neither fixes or introduces anything.
#[test]
fn findings_are_matched_by_identity_not_wording_or_line() {
    let (_tmp, dir) = repo();
    git(&dir, &["checkout", "-q", "c2"]);
    let isms = dir.join("isms");
    edit(&isms.join("isms.yaml"), "language: ja", "language: en");
    let r001 = isms.join("risks/R-001.yaml");
    let text = std::fs::read_to_string(&r001).unwrap();
    std::fs::write(&r001, format!("# a new first line\n{text}")).unwrap();
    commit(&dir, "reword and move", "c2b");

    let d = diff_json(&dir, &["c2", "c2b", "isms"]);
    assert_eq!(d["findings"]["introduced"], serde_json::json!([]));
    assert_eq!(d["findings"]["fixed"], serde_json::json!([]));

    // The finding is there, with its identity, in both revisions.
    let d = diff_json(&dir, &["c1", "c2b", "isms"]);
    let introduced = d["findings"]["introduced"].as_array().unwrap();
    let owner = introduced
        .iter()
        .find(|f| f["code"] == "ref/unknown")
        .expect("the misspelt owner");
    assert_eq!(owner["file"], "risks/R-001.yaml");
    assert_eq!(owner["subject"], "R-001");
    assert_eq!(owner["field"], "owner=ROLE-SALEZ");
    assert_eq!(owner["message"], "no role has the id `ROLE-SALEZ`");
}

/// A row that loses its only control stays applicable by its declared reason: the diff says
/// so in the words the SoA uses, and the one new finding is soa/included-without-control.
#[test]
fn a_row_that_loses_its_control_reads_yes_no_control() {
    let (_tmp, dir) = empty_repo();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("company-example");
    copy_dir(&example, &dir.join("isms"));
    commit(&dir, "the ISMS", "base");
    edit(
        &dir.join("isms/controls/organizational.yaml"),
        "maps_to: [\"iso27001-2022:5.31\", \"iso27001-2022:5.32\"]",
        "maps_to: [\"iso27001-2022:5.32\"]",
    );
    let out = isms(&dir)
        .args([
            "diff",
            "base",
            "isms",
            "--today",
            "2026-11-26",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("**SoA: 1 row flipped · findings: 1 introduced, 0 fixed**"),
        "{md}"
    );
    assert!(md.contains(
        "| `iso27001-2022:5.31` | Legal, statutory, regulatory and contractual requirements | yes → yes (no control) | no | Implemented → — |  |"
    ), "{md}");
    assert!(md.contains(
        "| warning | `soa/included-without-control` | `isms/soa.yaml:26:3` | iso27001-2022 5.31 is applicable, but no control implements it |"
    ), "{md}");
}

/// One base, one head: a control deleted, an exclusion added over a mapped control; the
/// comment in Japanese, with links to the lines at the head.
#[test]
fn the_comment_states_the_posture_names_removals_and_contradictions_in_its_language() {
    let (_tmp, dir) = empty_repo();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("company-example");
    copy_dir(&example, &dir.join("isms"));
    commit(&dir, "the ISMS", "base");
    let isms_dir = dir.join("isms");
    // C-THREAT-INTEL deleted with its references: 5.7 loses its only control.
    let file = isms_dir.join("controls/organizational.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let start = text.find("kind: control\nid: C-THREAT-INTEL").unwrap();
    let end = start + text[start..].find("---\n").unwrap() + 4;
    std::fs::write(&file, format!("{}{}", &text[..start], &text[end..])).unwrap();
    for r in ["R-004", "R-005"] {
        edit(
            &isms_dir.join(format!("risks/{r}.yaml")),
            ", C-THREAT-INTEL]",
            "]",
        );
    }
    edit(
        &isms_dir.join("procedures/P-CONTACTS.yaml"),
        "[C-CONTACTS, C-THREAT-INTEL]",
        "[C-CONTACTS]",
    );
    // 5.1 excluded although C-POLICY maps it: a contradiction.
    edit(
        &isms_dir.join("soa.yaml"),
        "exclusions:\n",
        "exclusions:\n  \"5.1\": 方針は親会社が定める | *強調*\n",
    );
    commit(&dir, "a change", "head");
    let sha = git(&dir, &["rev-parse", "head"]).trim().to_owned();

    let out = isms(&dir)
        .args(["diff", "base", "head", "isms", "--today", "2026-11-26"])
        .args(["--repository-url", "https://github.com/owner/repo/"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(
        lines[2],
        "**リスクの状況：悪化** — 高リスク 16、中 1、低 7 · 対応後も受容基準を超えるリスク 0 · \
         適用宣言書の未決定の行 0 → 1 · 矛盾 0 → 1 · 実施済みの管理策 41 · エラー：新規 2、解消 0",
        "{md}"
    );
    // The deleted control is removed, not "実施済み → —"; values are Japanese.
    assert!(
        md.contains("| 削除 | `C-THREAT-INTEL` | 脅威情報の収集と社内への共有 | 一部実施 |"),
        "{md}"
    );
    assert!(md.contains("| 対応変更 | `R-004` |"), "{md}");
    assert!(md.contains("低減："), "{md}");
    assert!(md.contains("`C-PATCH`、`C-NETWORK`"), "{md}");
    // The contradiction is named, and the reason just added is quoted (escaped).
    assert!(
        md.contains(
            "| `iso27001-2022:5.1` | 情報セキュリティのための方針群 | はい → **矛盾**（除外かつ適用） | いいえ → はい | 実施済み | “方針は親会社が定める \\| \\*強調\\*” |"
        ),
        "{md}"
    );
    assert!(
        md.contains("| はい → 未決定 |"),
        "5.7 without its control: {md}"
    );
    // Findings in Japanese, their locations linked at the head commit.
    assert!(
        md.contains(&format!(
            "| エラー | `soa/contradiction` | [`isms/soa.yaml:11:3`](https://github.com/owner/repo/blob/{sha}/isms/soa.yaml#L11) |"
        )),
        "{md}"
    );
    for raw in ["| error |", "reduce", "implemented", "accept", ", `C-"] {
        assert!(!md.contains(raw), "{raw:?} in a Japanese comment: {md}");
    }

    // An address that could break out of the link is refused.
    let out = isms(&dir)
        .args(["diff", "base", "head", "isms"])
        .args(["--repository-url", "https://x/a)[b](javascript:"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let out = isms(&dir)
        .args([
            "diff",
            "base",
            "head",
            "isms",
            "--repository-url",
            "https://github.com/o/r",
            "--sha",
            "HEAD",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// A change of isms.yaml is a change of the posture: listed first; a rule turned off
/// silences its findings (not "fixed"); levels the method moves say so.
#[test]
fn settings_changes_come_first_and_a_rule_turned_off_silences() {
    let (_tmp, dir) = empty_repo();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("company-example");
    copy_dir(&example, &dir.join("isms"));
    // The base has one warning: an asset no risk names.
    std::fs::write(
        dir.join("isms/assets/A-900.yaml"),
        "kind: asset\nid: A-900\nname: 予備の資産\ntype: hardware\nowner: ROLE-CEO\nconfidentiality: 1\nintegrity: 1\navailability: 1\n",
    )
    .unwrap();
    commit(&dir, "base", "base");
    let config = dir.join("isms/isms.yaml");
    edit(&config, "acceptable: 3 ", "acceptable: 9 ");
    edit(&config, "importance: max ", "importance: sum ");
    // Sums of C + I + A up to 9 need an impact scale of 9 steps (config/importance-exceeds-impact).
    edit(&config, "  impact: 3 ", "  impact: 9 ");
    let text = std::fs::read_to_string(&config).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("    impact: ["))
        .collect();
    std::fs::write(&config, kept.join("\n") + "\n").unwrap();
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text + "rules:\n  asset/unassessed: off\n").unwrap();
    let out = isms(&dir)
        .args([
            "diff",
            "base",
            "isms",
            "--lang",
            "en",
            "--today",
            "2026-11-26",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    let settings = md
        .find("#### Settings of isms.yaml")
        .expect("a settings table");
    assert!(
        settings < md.find("#### Risks").unwrap_or(usize::MAX),
        "settings first: {md}"
    );
    assert!(md.contains("| `risk.acceptable` | 3 → 9 |"), "{md}");
    assert!(md.contains("| `risk.importance` | max → sum |"), "{md}");
    assert!(
        md.contains("| `rules.asset/unassessed` | (not set) → off |"),
        "{md}"
    );
    assert!(
        md.contains("#### Findings silenced (their rule is turned off in isms.yaml, not fixed)"),
        "{md}"
    );
    assert!(!md.contains("#### Findings fixed"), "{md}");
    assert!(md.contains("| re-levelled by the method | `R-"), "{md}");
    let json = diff_json(&dir, &["base", "isms"]);
    assert_eq!(json["findings"]["silenced"][0]["code"], "asset/unassessed");
    assert_eq!(json["findings"]["fixed"], serde_json::json!([]));
    assert!(
        json["settings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["key"] == "risk.acceptable" && s["before"] == "3" && s["after"] == "9")
    );
}
