//! GitHub Actions workflow commands (`::error file=…::message`), escaped so that user text
//! can never start a command of its own. Paths are relative to the git repository, as the
//! runner needs them. The runner shows only ten annotations of each level per step: errors
//! come first, then warnings, and when anything is cut off a notice gives the totals before
//! the infos (which are notices too). A plain count line ends the log.

use super::Report;
use crate::finding::Severity;
use crate::tr;
use std::fmt::Write;

/// How many annotations of one level the runner shows for a step.
pub const SHOWN_PER_LEVEL: usize = 10;

/// Escapes a message: `%` first, then CR and LF; other control characters are made
/// visible (`<U+001B>`), so that nothing in a title reaches the log as a terminal sequence.
pub fn escape_data(s: &str) -> String {
    super::visible(s, true)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as data, plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Renders the findings; `prefix` turns a path relative to the ISMS root into one relative
/// to the repository (`"company-example/"`, or `""`).
pub fn render(r: &Report, prefix: &str) -> String {
    let mut out = String::new();
    let (e, w, i) = (
        r.count(Severity::Error),
        r.count(Severity::Warning),
        r.count(Severity::Info),
    );
    let files = r.files;
    let counts = r.totals();
    let totals = tr!(
        r.lang,
        "isms check: {counts} in {files} files",
        "isms check: {counts}（{files} ファイル）"
    );
    for level in [Severity::Error, Severity::Warning, Severity::Info] {
        if level == Severity::Info && e.max(w).max(i) > SHOWN_PER_LEVEL {
            let note = tr!(
                r.lang,
                "{totals}. GitHub shows only {SHOWN_PER_LEVEL} annotations of each level per step: the log above and the job summary list them all, or run `isms check` locally.",
                "{totals}。GitHub はステップごとに各レベル {SHOWN_PER_LEVEL} 件までしか注釈を表示しません。すべての指摘はこのログとジョブの概要にあります（手元では `isms check`）。"
            );
            let _ = writeln!(
                out,
                "::notice title={}::{}",
                escape_property("isms check"),
                escape_data(&note)
            );
        }
        for f in r.findings.iter().filter(|f| f.severity == level) {
            let l = r.location(f.span);
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut props = format!(
                "file={},line={},endLine={}",
                escape_property(&format!("{prefix}{}", l.file)),
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
            let mut message = f.message.get(r.lang).to_owned();
            if let Some(h) = &f.help {
                message.push('\n');
                message.push_str(h.get(r.lang));
            }
            for rel in &f.related {
                let l = r.location(rel.span);
                let _ = write!(
                    message,
                    "\n→ {prefix}{}:{}: {}",
                    l.file,
                    l.line,
                    rel.message.get(r.lang)
                );
            }
            let _ = writeln!(out, "::{command} {props}::{}", escape_data(&message));
        }
    }
    // A plain line, not a command: the count for whoever reads the log.
    let _ = writeln!(out, "{}", escape_data(&totals));
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
        assert_eq!(escape_data("%0A\r\n"), "%250A%0D%0A");
    }
}
