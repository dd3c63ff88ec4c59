//! `isms check DIR...`: several repositories in one run (a consultant's CI over client
//! repositories). Each is judged on its own; paths are relative to the current folder; a
//! count line per repository, then the total; the exit code is the worst of them.

mod common;

use common::*;
use std::path::Path;

/// A folder holding `clean/` (the base fixture) and `known/` (soa-known: 5 errors, 2 warnings).
fn clients() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, from) in [("clean", fixture("base")), ("known", fixture("soa-known"))] {
        std::fs::create_dir_all(dir.path().join(name)).unwrap();
        copy_into(&from, &dir.path().join(name));
    }
    dir
}

fn check_in(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let out = bin()
        .current_dir(dir)
        .args(["check", "--today", TODAY, "--lang", "en"])
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

const KNOWN_FINDINGS: &str = "\
known/controls.yaml:22:11: warning[soa/unjustified] ipa-sme 4 is applicable through C-C, but no risk is treated through it and the SoA gives no reason to include it
known/controls.yaml:29:11: warning[soa/unjustified] ipa-sme 5 is applicable through C-D, but no risk is treated through it and the SoA gives no reason to include it
known/risks.yaml:14:1: warning[risk/residual-above-appetite] the residual level of risk R-1 is 3, above the appetite of 2
known/soa.yaml:2:12: error[soa/missing] ipa-sme 22 (Confidentiality clauses with business partners) is neither applied nor excluded
known/soa.yaml:2:12: error[soa/missing] ipa-sme 23 (Choosing external and cloud services) is neither applied nor excluded
known/soa.yaml:2:12: error[soa/missing] ipa-sme 24 (Preparing for security incidents) is neither applied nor excluded
known/soa.yaml:2:12: error[soa/missing] ipa-sme 25 (Security rules written down and made known to staff) is neither applied nor excluded
known/soa.yaml:8:3: warning[soa/included-without-control] ipa-sme 6 is applicable, but no control implements it
known/soa.yaml:24:3: error[soa/contradiction] 21 is excluded, but mapped by C-E
";

#[test]
fn several_repositories_one_summary_line_each_and_a_total() {
    let dir = clients();
    let (out, err, code) = check_in(dir.path(), &["--format", "concise", "clean", "known"]);
    let expected = format!(
        "clean: No problems found in 8 files (11 entities).\n\
         {KNOWN_FINDINGS}\
         known: Found 5 errors, 4 warnings, 0 infos in 5 files (18 entities).\n\
         Total: 5 errors, 4 warnings, 0 infos in 2 repositories (13 files).\n"
    );
    assert_eq!(out, expected, "stderr: {err}");
    assert_eq!(code, 1, "the worst of 0 and 1");
}

#[test]
fn quiet_prints_only_findings_and_the_total() {
    let dir = clients();
    let (out, _, code) = check_in(
        dir.path(),
        &["--format", "concise", "--quiet", "clean", "known"],
    );
    assert_eq!(
        out,
        format!(
            "{KNOWN_FINDINGS}Total: 5 errors, 4 warnings, 0 infos in 2 repositories (13 files).\n"
        )
    );
    assert_eq!(code, 1);
    // One repository: the findings, then the total instead of the count line.
    let (out, _, code) = check_in(dir.path(), &["--format", "concise", "--quiet", "clean"]);
    assert_eq!(out, "Total: 0 errors, 0 warnings, 0 infos in 8 files.\n");
    assert_eq!(code, 0);
}

#[test]
fn json_over_several_repositories() {
    let dir = clients();
    let (out, _, code) = check_in(dir.path(), &["--format", "json", "clean", "known"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["summary"],
        serde_json::json!({"files": 13, "unreadable": 0, "entities": 29, "errors": 5, "warnings": 4, "infos": 0, "repositories": 2})
    );
    assert_eq!(v["repositories"][0]["path"], "clean");
    assert_eq!(v["repositories"][0]["summary"]["errors"], 0);
    assert_eq!(v["repositories"][1]["path"], "known");
    assert_eq!(v["repositories"][1]["summary"]["errors"], 5);
    let first = &v["findings"][0];
    assert_eq!(
        (
            first["code"].as_str(),
            first["file"].as_str(),
            &first["line"]
        ),
        (
            Some("soa/unjustified"),
            Some("known/controls.yaml"),
            &serde_json::json!(22)
        )
    );
}

#[test]
fn a_repository_that_cannot_be_loaded_is_exit_2_and_the_others_are_still_checked() {
    let dir = clients();
    let (out, err, code) = check_in(dir.path(), &["--format", "concise", "clean", "missing"]);
    assert_eq!(
        out,
        "clean: No problems found in 8 files (11 entities).\n\
         Total: 0 errors, 0 warnings, 0 infos in 1 repository (8 files).\n"
    );
    assert_eq!(err, "error: cannot read missing: no such file or folder\n");
    assert_eq!(code, 2);
}

#[test]
fn sarif_over_several_repositories_has_a_run_each() {
    let dir = clients();
    let (out, _, _) = check_in(dir.path(), &["--format", "sarif", "clean", "known"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let runs = v["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[0]["results"].as_array().unwrap().len(), 0);
    assert_eq!(runs[1]["results"].as_array().unwrap().len(), 9);
}
