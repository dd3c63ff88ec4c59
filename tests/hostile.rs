//! Hostile and unusual inputs: each is a clear finding or error with the documented exit
//! code — never a panic, a hang or a silently dropped entity.

mod common;

use common::*;
use std::path::Path;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// Runs check on a base repository plus one file; returns the findings and exit code,
/// and asserts the process did not panic.
fn check_with(name: &str, bytes: &[u8]) -> (Vec<String>, serde_json::Value, i32) {
    let repo = repo_with(None);
    write(repo.path(), name, bytes);
    let out = bin()
        .args(["check", "--format", "json", "--today", TODAY])
        .arg(repo.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    (finding_lines(&json), json, out.status.code().unwrap())
}

#[test]
fn alias_bomb_is_stopped() {
    let mut bomb = String::from(
        "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    for (p, c) in ('a'..='h').zip('b'..='i') {
        let refs = vec![format!("*{p}"); 9].join(", ");
        bomb.push_str(&format!("{c}: &{c} [{refs}]\n"));
    }
    let (lines, json, code) = check_with("bomb.yaml", bomb.as_bytes());
    assert_eq!(lines, vec!["yaml/syntax bomb.yaml:6:8"]);
    assert!(
        json["findings"][0]["help"]
            .as_str()
            .unwrap()
            .contains("alias bomb")
    );
    assert_eq!(code, 1);
}

#[test]
fn deep_flow_nesting_is_a_finding() {
    let deep = "[".repeat(100_000);
    let (lines, _, code) = check_with("deep.yaml", deep.as_bytes());
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].starts_with("yaml/syntax deep.yaml:1:"),
        "{lines:?}"
    );
    assert_eq!(code, 1);
}

#[test]
fn deep_block_nesting_is_a_finding() {
    let deep = "- ".repeat(100_000) + "x\n";
    let (lines, json, code) = check_with("deep.yaml", deep.as_bytes());
    assert_eq!(lines, vec!["yaml/syntax deep.yaml:1:129"]);
    assert!(
        json["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("nesting")
    );
    assert_eq!(code, 1);
}

#[test]
fn duplicate_key_points_at_the_second() {
    let (lines, json, code) = check_with(
        "t.yaml",
        b"kind: threat\nid: T-X\nname: a\nname: b\norigin: deliberate\n",
    );
    assert_eq!(lines, vec!["yaml/duplicate-key t.yaml:4:1"]);
    assert_eq!(json["findings"][0]["related"][0]["line"], 3);
    assert_eq!(code, 1);
}

/// A key that is a list or a mapping is valid YAML that no field is named by: it was left
/// out with no word (and in JSON it is an empty key). One finding each, at the key; the
/// entity and its other fields are read.
#[test]
fn a_key_that_is_a_list_or_a_mapping_is_one_finding_each() {
    let text = "kind: role\nid: ROLE-X\ntitle: X\n? [a, b]\n: 1\n? {c: d}\n: 2\n";
    let (lines, json, code) = check_with("x.yaml", text.as_bytes());
    assert_eq!(
        lines,
        vec!["yaml/syntax x.yaml:4:3", "yaml/syntax x.yaml:6:3"]
    );
    for (i, what) in [(0, "a list"), (1, "a mapping")] {
        let message = json["findings"][i]["message"].as_str().unwrap();
        assert!(message.contains(what), "{json}");
    }
    // The base repository's 11 entities and ROLE-X, read with its other fields.
    assert_eq!(json["summary"]["entities"], 12, "{json}");
    assert_eq!(code, 1);
}

#[test]
fn unquoted_number_id_says_quote_it() {
    let (lines, json, code) = check_with(
        "c.yaml",
        b"kind: control\nid: 5.10\ntitle: t\ncategory: people\nstatus: planned\nmaps_to: [\"iso27001-2022:5.10\"]\n",
    );
    assert_eq!(lines, vec!["schema/invalid c.yaml:2:5"]);
    let f = &json["findings"][0];
    assert!(
        f["message"].as_str().unwrap().contains("the number 5.1"),
        "{f}"
    );
    assert_eq!(f["help"], "quote it: \"5.10\"");
    assert_eq!(f["end_column"], 9);
    assert_eq!(code, 1);
}

#[test]
fn unquoted_number_key_says_quote_it() {
    let repo = repo_with(Some(&root().join("tests/rules/soa/missing/passes")));
    let soa = std::fs::read_to_string(repo.path().join("soa.yaml")).unwrap();
    std::fs::write(
        repo.path().join("soa.yaml"),
        soa.replace("\"10\": Covered", "10: Covered"),
    )
    .unwrap();
    let (json, code) = check_json(repo.path(), &[]);
    // One finding: the key is still taken as "10", so nothing cascades.
    assert_eq!(finding_lines(&json), vec!["schema/invalid soa.yaml:15:3"]);
    assert_eq!(json["findings"][0]["help"], "quote it: \"10\"");
    assert_eq!(code, 1);
}

#[test]
fn tab_indentation_points_at_the_tab() {
    let (lines, json, code) = check_with("t.yaml", b"kind: threat\nid: T-X\n\tname: a\n");
    assert_eq!(lines, vec!["yaml/syntax t.yaml:3:1"]);
    assert!(
        json["findings"][0]["help"]
            .as_str()
            .unwrap()
            .contains("tabs")
    );
    assert_eq!(code, 1);
}

#[test]
fn shift_jis_says_resave_as_utf8() {
    let sjis = b"kind: threat\nid: T-X\nname: \x93\x90\x93\xEF\norigin: deliberate\n";
    let (lines, json, code) = check_with("t.yaml", sjis);
    assert_eq!(lines, vec!["yaml/encoding t.yaml:3:7"]);
    assert!(
        json["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Shift_JIS")
    );
    assert!(
        json["findings"][0]["help"]
            .as_str()
            .unwrap()
            .contains("re-save as UTF-8")
    );
    assert_eq!(code, 1);
}

#[test]
fn bom_and_crlf_are_fine() {
    let text = "\u{feff}kind: threat\r\nid: T-X\r\nname: 地震\r\norigin: environmental\r\n";
    let (lines, json, code) = check_with("t.yaml", text.as_bytes());
    assert_eq!(lines, Vec::<String>::new());
    assert_eq!(json["summary"]["entities"], 12);
    assert_eq!(code, 0);
    // Positions on CRLF lines are right too.
    let text = "kind: threat\r\nid: T-X\r\nname: 地震\r\norigin: sideways\r\n";
    let (lines, _, _) = check_with("t.yaml", text.as_bytes());
    assert_eq!(lines, vec!["schema/invalid t.yaml:4:9"]);
}

#[test]
fn binary_file_is_an_encoding_finding() {
    let (lines, _, code) = check_with("logo.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    assert_eq!(lines, vec!["yaml/encoding logo.yaml:1:1"]);
    assert_eq!(code, 1);
}

#[test]
fn empty_file_is_a_warning() {
    let (lines, _, code) = check_with("empty.yaml", b"");
    assert_eq!(lines, vec!["yaml/empty empty.yaml:1:1"]);
    assert_eq!(code, 0);
}

#[cfg(unix)]
#[test]
fn symlink_loops_do_not_hang() {
    let repo = repo_with(None);
    std::os::unix::fs::symlink(repo.path(), repo.path().join("loop")).unwrap();
    std::os::unix::fs::symlink("b.yaml", repo.path().join("a.yaml")).unwrap();
    std::os::unix::fs::symlink("a.yaml", repo.path().join("b.yaml")).unwrap();
    let (json, code) = check_json(repo.path(), &[]);
    // Links that lead nowhere are one finding each; the folder link is not walked twice.
    assert_eq!(
        finding_lines(&json),
        vec!["file/skipped a.yaml:1:1", "file/skipped b.yaml:1:1"]
    );
    assert_eq!(code, 1);
}

#[test]
fn nothing_outside_the_repository_is_read() {
    let repo = repo_with(None);
    let p = repo.path();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("t.yaml"),
        "kind: threat\nid: T-OUTSIDE\nname: o\norigin: deliberate\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), p.join("elsewhere")).unwrap();
    std::os::unix::fs::symlink("/etc", p.join("etc")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", p.join("zero.yaml")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("t.yaml"), p.join("t.yaml")).unwrap();
    // A FIFO named *.yaml: opening it for reading would block for ever.
    let fifo = p.join("pipe.yaml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    // A file larger than the limit (sparse: nothing is written).
    let big = std::fs::File::create(p.join("huge.yaml")).unwrap();
    big.set_len(65 * 1024 * 1024).unwrap();
    // A dangling link that is not YAML is none of the check's business.
    std::os::unix::fs::symlink("nowhere.md", p.join("README.md")).unwrap();
    let (json, code) = check_json(p, &[]);
    assert_eq!(
        finding_lines(&json),
        vec![
            "file/skipped elsewhere:1:1",
            "file/skipped etc:1:1",
            "file/skipped huge.yaml:1:1",
            "file/skipped pipe.yaml:1:1",
            "file/skipped t.yaml:1:1",
            "file/skipped zero.yaml:1:1",
        ]
    );
    let messages: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        vec![
            "`elsewhere` is a symbolic link out of the repository: not read",
            "`etc` is a symbolic link out of the repository: not read",
            "`huge.yaml` is 65 MB, larger than the 64 MB a file may be: not read",
            "`pipe.yaml` is not a regular file (a FIFO, a socket or a device): not read",
            "`t.yaml` is a symbolic link out of the repository: not read",
            "`zero.yaml` is a symbolic link out of the repository: not read",
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn a_link_inside_the_repository_is_read_once() {
    let repo = repo_with(None);
    std::fs::create_dir(repo.path().join("more")).unwrap();
    std::fs::write(
        repo.path().join("more/t.yaml"),
        "kind: threat\nid: T-MORE\nname: m\norigin: deliberate\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("more", repo.path().join("again")).unwrap();
    let (json, code) = check_json(repo.path(), &[]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(json["summary"]["entities"], 12);
    assert_eq!(code, 0);
}

#[test]
fn one_bad_document_never_hides_the_others() {
    let text = b"kind: threat\nid: T-A\nname: a\norigin: deliberate\n---\nkind: threat\nid: T-B\nname: [b\n---\nkind: threat\nid: T-C\nname: c\norigin: sideways\n";
    let (lines, json, _) = check_with("t.yaml", text);
    assert_eq!(
        lines,
        // The unclosed `[` itself, not the `---` where the parser noticed it.
        vec!["yaml/syntax t.yaml:8:7", "schema/invalid t.yaml:13:9"]
    );
    // T-A and T-C are defined: 11 base entities + 2.
    assert_eq!(json["summary"]["entities"], 13);
}

#[test]
fn missing_config_and_bad_path_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("isms.yaml"));
    let out = bin().args(["check", "/no/such/place"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin().args(["check", "--format", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin()
        .args(["check", "--today", "2026-02-30"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_large_valid_file_is_checked() {
    // About 50 MB of risks in one file.
    let repo = repo_with(None);
    let mut text = String::with_capacity(52_000_000);
    let mut i = 0;
    while text.len() < 50_000_000 {
        i += 1;
        text.push_str(&format!(
            "---\nkind: risk\nid: R-BIG-{i:06}\ntitle: 大量のリスク {i} — customer list leaked through a stolen laptop in transit\nassets: [A-002]\nthreat: T-FIRE\nlikelihood: 1\nowner: ROLE-CISO\ndescription: >-\n  A long description that makes the file large, as real registers with notes are; it\n  says what could happen and why the likelihood is what it is.\n"
        ));
    }
    write(repo.path(), "big.yaml", text.as_bytes());
    let (json, code) = check_json(repo.path(), &[]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(json["summary"]["entities"], 11 + i);
    assert_eq!(code, 0);
}

#[test]
fn empty_or_broken_config_is_a_finding_and_the_rest_is_checked() {
    let repo = repo_with(Some(&root().join("tests/rules/ref/unknown/fires")));
    std::fs::write(repo.path().join("isms.yaml"), "").unwrap();
    let (json, code) = check_json(repo.path(), &["--lang", "en"]);
    assert_eq!(
        finding_lines(&json),
        vec![
            "schema/invalid isms.yaml:1:1",
            "ref/unknown risks/R-001.yaml:11:14"
        ]
    );
    assert_eq!(code, 1);
    std::fs::write(repo.path().join("isms.yaml"), "organization: [x\n").unwrap();
    let (json, _) = check_json(repo.path(), &["--lang", "en"]);
    assert_eq!(finding_lines(&json)[0], "yaml/syntax isms.yaml:1:15");
}

#[test]
fn absurd_ratings_do_not_overflow() {
    let repo = repo_with(None);
    std::fs::write(
        repo.path().join("risks/R-003.yaml"),
        "kind: risk\nid: R-003\ntitle: t\nassets: [A-001]\nthreat: T-FIRE\nlikelihood: 9223372036854775807\nowner: ROLE-CISO\n",
    )
    .unwrap();
    let (json, code) = check_json(repo.path(), &[]);
    // The off-scale rating is reported once and never used: the level is unknown, so no
    // rule that needs it (risk/untreated here) judges the risk on it.
    assert_eq!(
        finding_lines(&json),
        vec!["schema/invalid risks/R-003.yaml:6:13"]
    );
    assert_eq!(code, 1);
}

/// Runs check in one format on a base repository plus one file: stdout and the exit code.
fn check_format(format: &str, name: &str, bytes: &[u8]) -> (String, i32) {
    let repo = repo_with(None);
    write(repo.path(), name, bytes);
    let out = bin()
        .args(["check", "--format", format, "--today", TODAY])
        .arg(repo.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn a_finding_past_column_65535_is_shown_without_its_excerpt() {
    let text = format!(
        "kind: threat\nid: T-LONG\nname: t\norigin: deliberate\ndescription: '{}' junk\n",
        "a".repeat(70_000)
    );
    let (out, code) = check_format("human", "long.yaml", text.as_bytes());
    assert_eq!(code, 1);
    assert!(out.contains("yaml/syntax"), "{out}");
    assert!(
        out.contains("at long.yaml:5:70017 (the line is too long to show)"),
        "{}",
        &out[..out.len().min(2000)]
    );
    assert!(out.len() < 2000, "the long line is not printed");
}

#[test]
fn control_characters_in_user_text_are_made_visible() {
    // An id with ESC (a terminal sequence), a C1 control, a bidi override and a newline.
    let text = "kind: vulnerability\nid: V-EVIL\nname: v\ncategory: software\nthreats: [\"T-\\e[31mX\\u0085\\u202E\\nforged\"]\n";
    let (human, code) = check_format("human", "evil.yaml", text.as_bytes());
    assert_eq!(code, 1);
    assert!(!human.contains('\u{1b}'), "{human}");
    assert!(
        !human.contains('\u{85}') && !human.contains('\u{202e}'),
        "{human}"
    );
    assert!(human.contains("T-<U+001B>[31mX<U+0085><U+202E>"), "{human}");

    let (concise, _) = check_format("concise", "evil.yaml", text.as_bytes());
    let line = concise
        .lines()
        .find(|l| l.starts_with("evil.yaml:5:11:"))
        .expect("the finding on the id");
    // The id breaks the schema's id pattern: that is its one finding (not also ref/unknown).
    assert_eq!(
        line,
        "evil.yaml:5:11: error[schema/invalid] `T-<U+001B>[31mX<U+0085><U+202E><U+000A>forged` is not a valid `threats`"
    );
    assert!(
        !concise.lines().any(|l| l.starts_with("forged")),
        "{concise}"
    );

    let (github, _) = check_format("github", "evil.yaml", text.as_bytes());
    assert!(!github.contains('\u{1b}'), "{github}");
    assert!(!github.lines().any(|l| l.starts_with("forged")), "{github}");
}

#[test]
fn cr_only_line_endings_give_the_right_lines() {
    let (lines, _, code) = check_with(
        "mac.yaml",
        b"kind: threat\rid: T-MAC\rname: t\rorigin: deliberate\rbogus: 1\r",
    );
    assert_eq!(lines, vec!["schema/invalid mac.yaml:5:1"]);
    assert_eq!(code, 1);
    let (human, _) = check_format(
        "human",
        "mac.yaml",
        b"kind: threat\rid: T-MAC\rname: t\rorigin: deliberate\rbogus: 1\r",
    );
    assert!(human.contains("[mac.yaml:5:1]"), "{human}");
}

#[test]
fn a_padded_alias_bomb_gets_no_larger_budget() {
    let mut bomb = "# padding\n".repeat(200_000);
    bomb.push_str("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (p, c) in ('a'..='h').zip('b'..='i') {
        let refs = vec![format!("*{p}"); 10].join(", ");
        bomb.push_str(&format!("{c}: &{c} [{refs}]\n"));
    }
    let (lines, json, code) = check_with("bomb.yaml", bomb.as_bytes());
    // At the ninth `*d` of line `e:`, the alias that passes 100,000 nodes.
    assert_eq!(lines, vec!["yaml/syntax bomb.yaml:200005:36"]);
    let message = json["findings"][0]["message"].as_str().unwrap();
    assert!(message.contains("more than 100000 nodes"), "{message}");
    assert!(
        message.contains("from line 200005, is not read"),
        "{message}"
    );
    assert_eq!(code, 1);
}

#[test]
fn documents_after_an_unknown_alias_are_read() {
    let (lines, _, code) = check_with(
        "alias.yaml",
        b"kind: threat\nid: T-A\nname: *nope\norigin: deliberate\n---\nkind: threat\nid: T-B\nname: b\norigin: deliberate\nbogus: 1\n",
    );
    assert_eq!(
        lines,
        vec![
            "yaml/syntax alias.yaml:3:7",
            "schema/invalid alias.yaml:10:1"
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn a_file_not_read_is_counted_and_fails_the_sarif_run() {
    let repo = repo_with(None);
    assert!(
        std::process::Command::new("mkfifo")
            .arg(repo.path().join("pipe.yaml"))
            .status()
            .unwrap()
            .success()
    );
    let (json, code) = check_json(repo.path(), &[]);
    assert_eq!(json["summary"]["files"], 8);
    assert_eq!(json["summary"]["unreadable"], 1);
    assert_eq!(code, 1);
    let out = bin()
        .args(["check", "--format", "sarif", "--today", TODAY])
        .arg(repo.path())
        .output()
        .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(
        note["message"]["text"],
        "pipe.yaml was not read: its findings are missing from this log"
    );
    assert_eq!(
        note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "pipe.yaml"
    );
    // Every file read: a successful run.
    let clean = repo_with(None);
    let out = bin()
        .args(["check", "--format", "sarif", "--today", TODAY])
        .arg(clean.path())
        .output()
        .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        sarif["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
}

#[test]
fn a_whole_number_written_with_a_point_is_that_number() {
    // `3.0` passes the schema's `integer`; the model must rate it as 3, not drop it.
    let repo = repo_with(None);
    let path = repo.path().join("risks/R-001.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("likelihood: 2\n", "likelihood: 2.0\n")
            .replace(
                "{likelihood: 1, impact: 2}",
                "{likelihood: 1.0, impact: 2e0}",
            ),
    )
    .unwrap();
    let (json, code) = check_json(repo.path(), &[]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(code, 0);
    let out = bin()
        .args(["risks", "--format", "json"])
        .arg(repo.path())
        .output()
        .unwrap();
    let risks: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(risks["counts"]["before"]["unrated"], 0, "{risks}");
    assert_eq!(risks["counts"]["after"]["unrated"], 0, "{risks}");
    assert_eq!(risks["counts"]["before"]["high"], 1, "{risks}");
}

#[test]
fn a_reason_of_only_spaces_is_no_reason() {
    let (lines, json, code) = check_with(
        "soa.yaml",
        "kind: soa\nframework: iso27001-2022\nversion: \"1\"\napproved_by: ROLE-CISO\napproved_on: 2026-10-01\nexclusions:\n  \"7.5\": \"   \"\n  \"7.6\": \"\u{3000}\"\n  \"7.7\": no building of our own\n".as_bytes(),
    );
    assert_eq!(
        lines,
        vec![
            "schema/invalid soa.yaml:7:10",
            "schema/invalid soa.yaml:8:10"
        ]
    );
    assert_eq!(
        json["findings"][0]["message"],
        "`7.5` holds only spaces: write the reason in words"
    );
    assert_eq!(code, 1);
}

#[test]
fn human_output_is_not_wrapped_when_not_a_terminal() {
    // The help lists every field of a risk: far more than 100 columns, on one line in a log.
    let (out, code) = check_format(
        "human",
        "r.yaml",
        b"kind: threat\nid: T-W\nname: t\norigin: deliberate\nbogus: 1\n",
    );
    assert_eq!(code, 1);
    let help = out
        .lines()
        .find(|l| l.contains("help: the fields here are:"))
        .expect("the help line");
    assert!(
        help.ends_with("kind, id, name, origin, occurrence, source, description"),
        "{out}"
    );
    let (out, _) = check_format(
        "human",
        "r.yaml",
        format!(
            "kind: threat\nid: T-W\nname: t\norigin: deliberate\n{}: 1\n",
            "a_very_long_unknown_field_name_".repeat(6)
        )
        .as_bytes(),
    );
    let message = out
        .lines()
        .find(|l| l.contains("unknown field"))
        .expect("the message line");
    assert!(message.chars().count() > 200, "one line: {message}");
}

/// `isms show ID --format json` on a repository: its title.
fn shown_title(repo: &Path, id: &str) -> String {
    let out = bin()
        .args(["show", id, "--format", "json"])
        .arg(repo)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["title"].as_str().unwrap().to_owned()
}

#[test]
fn a_surrogate_pair_escape_is_its_character() {
    let repo = repo_with(None);
    // As JSON writes a character beyond U+FFFF; in a flow mapping the columns after the pair
    // stay where they are written (the schema finding at `origin`).
    write(
        repo.path(),
        "pair.yaml",
        b"kind: threat\nid: T-PAIR\nname: \"\\ud842\\udfb7 \\uD83D\\uDE00\"\norigin: deliberate\n---\n{kind: threat, id: T-FLOW, name: \"\\ud842\\udfb7\", origin: nowhere}\n",
    );
    // Outside a double-quoted value the text is what was written.
    write(
        repo.path(),
        "literal.yaml",
        b"kind: threat\nid: T-LIT\nname: '\\ud842\\udfb7' \norigin: deliberate\n---\nkind: threat\nid: T-PLAIN\nname: a \\ud842\\udfb7\norigin: deliberate\n",
    );
    let (json, code) = check_json(repo.path(), &[]);
    assert_eq!(finding_lines(&json), vec!["schema/invalid pair.yaml:6:58"]);
    assert_eq!(code, 1);
    assert_eq!(shown_title(repo.path(), "T-PAIR"), "𠮷 😀");
    assert_eq!(shown_title(repo.path(), "T-FLOW"), "𠮷");
    assert_eq!(shown_title(repo.path(), "T-LIT"), "\\ud842\\udfb7");
    assert_eq!(shown_title(repo.path(), "T-PLAIN"), "a \\ud842\\udfb7");
}

#[test]
fn a_lone_or_reversed_surrogate_is_one_finding_at_the_escape() {
    let repo = repo_with(None);
    write(
        repo.path(),
        "high.yaml",
        b"kind: threat\nid: T-HIGH\nname: \"ok \\ud842 x\"\norigin: deliberate\n",
    );
    write(
        repo.path(),
        "low.yaml",
        b"kind: threat\nid: T-LOW\nname: \"\\n\\udfb7\"\norigin: deliberate\n",
    );
    write(
        repo.path(),
        "reversed.yaml",
        b"kind: threat\nid: T-REV\nname: \"first\n  \\udfb7\\ud842\"\norigin: deliberate\n",
    );
    write(
        repo.path(),
        "large.yaml",
        b"kind: threat\nid: T-BIG\nname: \"\\U00110000\"\norigin: deliberate\n",
    );
    let (json, code) = check_json(repo.path(), &[]);
    assert_eq!(
        finding_lines(&json),
        vec![
            "yaml/syntax high.yaml:3:11",
            "yaml/syntax large.yaml:3:8",
            "yaml/syntax low.yaml:3:10",
            "yaml/syntax reversed.yaml:4:3",
        ]
    );
    let messages: Vec<(&str, &str)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["message"].as_str().unwrap(), f["help"].as_str().unwrap()))
        .collect();
    assert!(
        messages[0]
            .0
            .contains("`\\ud842`: the first half of a UTF-16 surrogate pair")
    );
    assert!(messages[0].1.contains("write the character itself"));
    assert!(messages[1].0.contains("beyond the last Unicode character"));
    assert!(messages[2].0.contains("`\\udfb7`: the second half"));
    assert!(messages[3].0.contains("the wrong way round"));
    assert!(messages[3].1.contains("write `\\ud842\\udfb7` (𠮷)"));
    assert_eq!(code, 1);
}
