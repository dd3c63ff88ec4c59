//! The JSON contract of PRODUCT.md: `{"version": 1, "findings": [...], "summary": {...}}`.
//! Field names and meanings are stable; tests and other tools read them. Several
//! repositories in one run (`isms check A B`) give the same object, their findings' paths
//! relative to the current folder, the summary their total (with `repositories`: how many),
//! and `repositories: [{"path", "summary"}]` for each.

use super::Report;
use crate::finding::Severity;
use serde::Serialize;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
    #[serde(skip_serializing_if = "Option::is_none")]
    repositories: Option<Vec<Repository<'a>>>,
}

#[derive(Serialize)]
struct Repository<'a> {
    path: &'a str,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    file: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    message: &'a str,
}

#[derive(Serialize, Default)]
struct Summary {
    /// Files read, isms.yaml included.
    files: usize,
    /// Files listed but not read: an I/O error, or `file/skipped`.
    unreadable: usize,
    entities: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    repositories: Option<usize>,
}

impl Summary {
    fn of(r: &Report) -> Summary {
        Summary {
            files: r.files,
            unreadable: r.unread.len(),
            entities: r.entities,
            errors: r.count(Severity::Error),
            warnings: r.count(Severity::Warning),
            infos: r.count(Severity::Info),
            repositories: None,
        }
    }
}

pub fn render(r: &Report) -> String {
    let out = Output {
        version: 1,
        findings: findings(r),
        summary: Summary::of(r),
        repositories: None,
    };
    serde_json::to_string_pretty(&out).expect("findings serialise") + "\n"
}

/// One object for several repositories, each named by its path as given.
pub fn render_many(reports: &[(&Report, &str)]) -> String {
    let mut total = Summary {
        repositories: Some(reports.len()),
        ..Summary::default()
    };
    let mut all = Vec::new();
    let mut repositories = Vec::new();
    for (r, path) in reports {
        let s = Summary::of(r);
        total.files += s.files;
        total.unreadable += s.unreadable;
        total.entities += s.entities;
        total.errors += s.errors;
        total.warnings += s.warnings;
        total.infos += s.infos;
        all.extend(findings(r));
        repositories.push(Repository { path, summary: s });
    }
    let out = Output {
        version: 1,
        findings: all,
        summary: total,
        repositories: Some(repositories),
    };
    serde_json::to_string_pretty(&out).expect("findings serialise") + "\n"
}

fn findings<'a>(r: &'a Report) -> Vec<JsonFinding<'a>> {
    r.findings
        .iter()
        .map(|f| {
            let l = r.location(f.span);
            JsonFinding {
                code: f.code,
                severity: f.severity.as_str(),
                message: f.message.get(r.lang),
                help: f.help.as_ref().map(|h| h.get(r.lang)),
                file: l.file,
                line: l.line,
                column: l.column,
                end_line: l.end_line,
                end_column: l.end_column,
                related: f
                    .related
                    .iter()
                    .map(|rel| {
                        let l = r.location(rel.span);
                        JsonRelated {
                            file: l.file,
                            line: l.line,
                            column: l.column,
                            message: rel.message.get(r.lang),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}
