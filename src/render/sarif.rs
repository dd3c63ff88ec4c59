//! SARIF 2.1.0 for GitHub code scanning. The rule table is generated from the registry;
//! regions count columns in Unicode code points, as the run declares.

use super::Report;
use crate::finding::Severity;
use crate::rules::RULES;
use serde_json::{Value, json};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// SARIF limits `fullDescription` to 1,024 characters.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        s.chars().take(max - 1).collect::<String>() + "…"
    }
}

pub fn render(r: &Report) -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|rule| {
            let what = rule.section_in(r.lang, "What it does").unwrap_or_default();
            json!({
                "id": rule.code,
                "name": rule.code.replace(['/', '-'], "_"),
                "shortDescription": {"text": rule.summary_in(r.lang)},
                "fullDescription": {"text": clip(&what, 1024)},
                "help": {"text": rule.doc_in(r.lang), "markdown": rule.doc_in(r.lang)},
                "defaultConfiguration": {"level": level(rule.severity)},
                "properties": {"tags": [rule.code.split('/').next().unwrap_or_default()]},
            })
        })
        .collect();
    let results: Vec<Value> = r
        .findings
        .iter()
        .map(|f| {
            let l = r.location(f.span);
            let rule_index = RULES.iter().position(|x| x.code == f.code);
            let mut text = f.message.clone();
            if let Some(h) = &f.help {
                text.push('\n');
                text.push_str(h);
            }
            let related: Vec<Value> = f
                .related
                .iter()
                .enumerate()
                .map(|(i, rel)| {
                    let l = r.location(rel.span);
                    json!({
                        "id": i,
                        "message": {"text": rel.message},
                        "physicalLocation": {
                            "artifactLocation": {"uri": l.file},
                            "region": {"startLine": l.line, "startColumn": l.column},
                        },
                    })
                })
                .collect();
            let mut result = json!({
                "ruleId": f.code,
                "level": level(f.severity),
                "message": {"text": text},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": l.file},
                        "region": {
                            "startLine": l.line,
                            "startColumn": l.column,
                            "endLine": l.end_line,
                            "endColumn": l.end_column,
                        },
                    },
                }],
            });
            if let Some(i) = rule_index {
                result["ruleIndex"] = json!(i);
            }
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            result
        })
        .collect();
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "isms",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/isms-toolkit/isms",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&sarif).expect("SARIF serialises") + "\n"
}
