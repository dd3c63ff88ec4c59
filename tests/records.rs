//! The ISMS's own records (clauses 4–10) through the binary: company-example is clean with
//! the clause checklist turned on, and a single mistake in a record gives exactly one
//! finding, at the mistake (no cascade through the checklist, the evidence rule or a rule
//! of absence).

mod common;

use common::*;
use std::path::Path;

/// A copy of company-example, which lists `iso27001-2022-clauses` in `frameworks:`.
fn example_with_checklist() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_into(&root().join("company-example"), dir.path());
    dir
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from:?} in {}",
        path.display()
    );
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn company_example_is_clean_with_the_clause_checklist() {
    let dir = example_with_checklist();
    let (json, code) = check_json(dir.path(), &[]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(code, 0);
    // ... and with the checklist turned off.
    let dir = example_with_checklist();
    edit(
        &dir.path().join("isms.yaml"),
        "frameworks: [iso27001-2022, iso27001-2022-clauses]",
        "frameworks: [iso27001-2022]",
    );
    let (json, code) = check_json(dir.path(), &[]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(code, 0);
}

/// One mistake in a record file of company-example (checklist on): (file, from, to, the one
/// finding expected).
const CASES: &[(&str, &str, &str, &str)] = &[
    // A misspelt approval date is the schema's finding, not also "not approved" and "clause
    // 5.2 has no approved document".
    (
        "records/documents.yaml",
        "id: DOC-POLICY\ntitle: 情報セキュリティ基本方針\ntype: policy\nsatisfies: [\"iso27001-2022-clauses:5.2\", \"iso27001-2022:5.1\"]\nversion: \"2.0\"\nowner: ROLE-CISO\napproved_by: ROLE-CEO\napproved_on:",
        "id: DOC-POLICY\ntitle: 情報セキュリティ基本方針\ntype: policy\nsatisfies: [\"iso27001-2022-clauses:5.2\", \"iso27001-2022:5.1\"]\nversion: \"2.0\"\nowner: ROLE-CISO\napproved_by: ROLE-CEO\naproved_on:",
        "schema/invalid records/documents.yaml:28:1",
    ),
    // A draft scope: the checklist's one finding (4.3 has no approved document), which
    // names the draft; a draft is not itself reported.
    (
        "records/documents.yaml",
        "approved_on: 2026-04-01\nstatus: approved\nreview: {interval_months: 12, last: 2026-04-01}\ntext:",
        "approved_on: 2026-04-01\nstatus: draft\nreview: {interval_months: 12, last: 2026-04-01}\ntext:",
        "clause/undocumented isms.yaml:5:29",
    ),
    // A clause that does not exist.
    (
        "records/documents.yaml",
        "\"iso27001-2022-clauses:4.3\"",
        "\"iso27001-2022-clauses:4.9\"",
        "ref/unknown records/documents.yaml:7:13",
    ),
    // A content file renamed away.
    (
        "records/documents.yaml",
        "path: docs/policy.md",
        "path: docs/polcy.md",
        "file/missing records/documents.yaml:31:7",
    ),
    // A misspelt measure: the schema's finding, not also objective/no-measure.
    (
        "records/objectives.yaml",
        "measure: 訓練メール",
        "mesure: 訓練メール",
        "schema/invalid records/objectives.yaml:6:1",
    ),
    // A misspelt list of an evidence: not also evidence/missing on the controls it names.
    (
        "records/evidence.yaml",
        "controls: [C-BACKUP]",
        "control: [C-BACKUP]",
        "schema/invalid records/evidence.yaml:16:1",
    ),
    // A misspelt control in an evidence: ref/unknown, not also evidence/missing.
    (
        "records/evidence.yaml",
        "controls: [C-PASSWORD]",
        "controls: [C-PASSWRD]",
        "ref/unknown records/evidence.yaml:23:12",
    ),
    // A misspelt review input: the schema's finding, not also review/input-missing.
    (
        "records/management-review.yaml",
        "  audit_results:",
        "  audit_result:",
        "schema/invalid records/management-review.yaml:14:3",
    ),
    // A verification date that is no date: not also "closed without verification".
    (
        "records/nonconformities.yaml",
        "verified_on: 2026-11-20",
        "verified_on: 2026-11-31",
        "schema/invalid records/nonconformities.yaml:15:14",
    ),
    // An auditor who audits their own area.
    (
        "records/audits.yaml",
        "auditees: [ROLE-SALES, ROLE-ADMIN, ROLE-FACTORY, ROLE-SYSADMIN]",
        "auditees: [ROLE-SALES, ROLE-ADMIN, ROLE-FACTORY, ROLE-TECH]",
        "audit/not-independent records/audits.yaml:21:50",
    ),
    // A nonconformity that references no audit role: the audit names an unknown one.
    (
        "records/audits.yaml",
        "nonconformities: [NC-2026-01, NC-2026-02]",
        "nonconformities: [NC-2026-01, NC-2026-03]",
        "ref/unknown records/audits.yaml:23:31",
    ),
    // The only audit marked planned: the checklist says 9.2 has no held audit.
    (
        "records/audits.yaml",
        "status: completed",
        "status: planned",
        "clause/undocumented isms.yaml:5:29",
    ),
];

#[test]
fn one_mistake_in_a_record_gives_one_finding() {
    let mut wrong = Vec::new();
    for (file, from, to, expected) in CASES {
        let dir = example_with_checklist();
        edit(&dir.path().join(file), from, to);
        let (json, _) = check_json(dir.path(), &[]);
        let got = finding_lines(&json);
        if got != [*expected] {
            wrong.push(format!(
                "{file}: {to:?}\n  expected {expected}\n  got {got:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn an_open_nonconformity_past_its_due_date_is_reported_on_that_date() {
    let dir = example_with_checklist();
    let out = bin()
        .args(["check", "--format", "json", "--today", "2027-02-15"])
        .arg(dir.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let code = out.status.code().unwrap();
    let lines = finding_lines(&json);
    // In February 2027 four procedures are due for review too (reviewed in early 2026).
    assert_eq!(
        lines,
        [
            "procedure/review-overdue procedures/P-BACKUP.yaml:19:37",
            "procedure/review-overdue procedures/P-CLOUD.yaml:18:37",
            "procedure/review-overdue procedures/P-DISPOSAL.yaml:18:37",
            "procedure/review-overdue procedures/P-RECORDS.yaml:17:37",
            "nonconformity/overdue records/nonconformities.yaml:28:6",
        ]
    );
    assert_eq!(code, 0, "a warning only: {lines:?}");
}
