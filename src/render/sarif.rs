//! SARIF 2.1.0 for GitHub code scanning. The rule table is generated from the registry;
//! URIs are relative to the git repository; regions count columns in Unicode code points,
//! as the run declares, and carry the offending text as a snippet.

use super::Report;
use crate::finding::Severity;
use crate::rules::RULES;
use crate::source::Span;
use crate::tr;
use serde_json::{Value, json};

/// GitHub code scanning accepts at most this many results per run.
pub const MAX_RESULTS: usize = 25_000;

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

/// `ref/wrong-kind` → `RefWrongKind`: the Pascal-case "friendly name" SARIF asks for.
fn pascal(code: &str) -> String {
    code.split(['/', '-', '_'])
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// A relative path as a URI reference: every byte outside the unreserved set and `/` is
/// percent-encoded (spaces, `#`, `%`, and non-ASCII names such as `リスク.yaml`).
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The text a span covers (a point covers one character), for `region.snippet`.
fn snippet(r: &Report, span: Span) -> String {
    let source = r.sources.get(span.file);
    let start = source.offset(span.start);
    let end = if span.end == span.start {
        source.text[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8())
    } else {
        source.offset(span.end)
    };
    source
        .text
        .get(start..end.max(start))
        .unwrap_or("")
        .to_owned()
}

/// Renders the findings; `prefix` turns a path relative to the ISMS root into one relative
/// to the repository (`"company-example/"`, or `""`).
pub fn render(r: &Report, prefix: &str) -> String {
    render_many(&[(r, prefix)])
}

/// One log with a run per repository (`isms check DIR...`).
pub fn render_many(reports: &[(&Report, &str)]) -> String {
    let runs: Vec<Value> = reports.iter().map(|(r, p)| run(r, p)).collect();
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": runs,
    });
    serde_json::to_string_pretty(&sarif).expect("SARIF serialises") + "\n"
}

fn run(r: &Report, prefix: &str) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|rule| rule.meta)
        .map(|rule| {
            let what = rule.section_in(r.lang, "What it does").unwrap_or_default();
            json!({
                "id": rule.code,
                "name": pascal(rule.code),
                "shortDescription": {"text": rule.summary_in(r.lang)},
                "fullDescription": {"text": clip(&what, 1024)},
                "help": {"text": rule.doc_in(r.lang), "markdown": rule.doc_in(r.lang)},
                "helpUri": rule.url(),
                "defaultConfiguration": {"level": level(rule.severity)},
                "properties": {"tags": [rule.code.split('/').next().unwrap_or_default()]},
            })
        })
        .collect();
    let results: Vec<Value> = r
        .findings
        .iter()
        .take(MAX_RESULTS)
        .map(|f| {
            let l = r.location(f.span);
            let rule_index = RULES.iter().position(|x| x.meta.code == f.code);
            let mut text = f.message.get(r.lang).to_owned();
            if let Some(h) = &f.help {
                text.push('\n');
                text.push_str(h.get(r.lang));
            }
            let related: Vec<Value> = f
                .related
                .iter()
                .enumerate()
                .map(|(i, rel)| {
                    let l = r.location(rel.span);
                    json!({
                        "id": i,
                        "message": {"text": rel.message.get(r.lang)},
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri(&format!("{prefix}{}", l.file))},
                            "region": {"startLine": l.line, "startColumn": l.column},
                        },
                    })
                })
                .collect();
            let mut region = json!({
                "startLine": l.line,
                "startColumn": l.column,
                "endLine": l.end_line,
                "endColumn": l.end_column,
            });
            let snip = snippet(r, f.span);
            if !snip.is_empty() {
                region["snippet"] = json!({"text": snip});
            }
            let mut result = json!({
                "ruleId": f.code,
                "level": level(f.severity),
                "message": {"text": text},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(&format!("{prefix}{}", l.file))},
                        "region": region,
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
    // A file that could not be read means the run did not see everything.
    let mut invocation = json!({"executionSuccessful": r.unread.is_empty()});
    let mut notifications: Vec<Value> = r
        .unread
        .iter()
        .map(|path| {
            json!({
                "level": "error",
                "message": {"text": tr!(
                    r.lang,
                    "{path} was not read: its findings are missing from this log",
                    "{path} を読み込めませんでした。このファイルの指摘はこの記録にありません"
                )},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri(&format!("{prefix}{path}"))},
                }}],
            })
        })
        .collect();
    if r.findings.len() > MAX_RESULTS {
        let (n, max) = (r.findings.len(), MAX_RESULTS);
        notifications.push(json!({
            "level": "warning",
            "message": {"text": tr!(
                r.lang,
                "{n} findings; only the first {max} are in this log (the code-scanning limit): run `isms check` for all",
                "指摘 {n} 件のうち、最初の {max} 件だけを記録しました（コードスキャンの上限）。すべては `isms check` で確認してください"
            )},
        }));
    }
    if !notifications.is_empty() {
        invocation["toolExecutionNotifications"] = json!(notifications);
    }
    json!({
        "tool": {"driver": {
            "name": "isms",
            "version": env!("CARGO_PKG_VERSION"),
            "informationUri": "https://github.com/isms-toolkit/isms",
            "rules": rules,
        }},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": results,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_pascal_case_and_uris_are_encoded() {
        assert_eq!(pascal("ref/wrong-kind"), "RefWrongKind");
        assert_eq!(pascal("yaml/syntax"), "YamlSyntax");
        assert_eq!(
            uri("company-example/risks/R-001.yaml"),
            "company-example/risks/R-001.yaml"
        );
        assert_eq!(
            uri("my docs/リスク#1.yaml"),
            "my%20docs/%E3%83%AA%E3%82%B9%E3%82%AF%231.yaml"
        );
    }
}
