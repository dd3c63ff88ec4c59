//! The JSON contract of PRODUCT.md: `{"version": 1, "findings": [...], "summary": {...}}`.
//! Field names and meanings are stable; tests and other tools read them.

use super::Report;
use crate::finding::Severity;
use serde::Serialize;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
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

#[derive(Serialize)]
struct Summary {
    files: usize,
    entities: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

pub fn render(r: &Report) -> String {
    let findings = r
        .findings
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
        .collect();
    let out = Output {
        version: 1,
        findings,
        summary: Summary {
            files: r.files,
            entities: r.entities,
            errors: r.count(Severity::Error),
            warnings: r.count(Severity::Warning),
            infos: r.count(Severity::Info),
        },
    };
    serde_json::to_string_pretty(&out).expect("findings serialise") + "\n"
}
