//! GitHub Actions workflow commands (`::error file=…::message`), escaped so that user text
//! can never start a command of its own. The runner shows about ten annotations of each
//! level per step: errors come first, and a notice gives the totals.

use super::Report;
use crate::finding::Severity;
use crate::tr;
use std::fmt::Write;

/// Escapes a message: `%` first, then CR and LF.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as data, plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let mut findings: Vec<_> = r.findings.iter().collect();
    findings.sort_by_key(|f| f.severity);
    for f in findings {
        let l = r.location(f.span);
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = format!(
            "file={},line={},endLine={}",
            escape_property(l.file),
            l.line,
            l.end_line
        );
        if l.line == l.end_line {
            let _ = write!(props, ",col={},endColumn={}", l.column, l.end_column);
        }
        let _ = write!(
            props,
            ",title={}",
            escape_property(&format!("isms {}", f.code))
        );
        let mut message = f.message.clone();
        if let Some(h) = &f.help {
            message.push('\n');
            message.push_str(h);
        }
        let _ = writeln!(out, "::{command} {props}::{}", escape_data(&message));
    }
    let (e, w, i) = (
        r.count(Severity::Error),
        r.count(Severity::Warning),
        r.count(Severity::Info),
    );
    let files = r.files;
    let summary = tr!(
        r.lang,
        "isms check: {e} errors, {w} warnings, {i} infos in {files} files",
        "isms check: エラー {e} 件、警告 {w} 件、情報 {i} 件（{files} ファイル）"
    );
    let _ = writeln!(
        out,
        "::notice title={}::{}",
        escape_property("isms check"),
        escape_data(&summary)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_inject_a_command() {
        let evil = "x\n::error file=a::pwned 100%, a:b";
        assert_eq!(escape_data(evil), "x%0A::error file=a::pwned 100%25, a:b");
        assert_eq!(
            escape_property(evil),
            "x%0A%3A%3Aerror file=a%3A%3Apwned 100%25%2C a%3Ab"
        );
    }
}
