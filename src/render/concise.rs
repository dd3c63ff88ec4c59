//! `path:line:col: severity[code] message`, one finding a line, for editors and grep.

use super::Report;
use std::fmt::Write;

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    for f in r.findings {
        let l = r.location(f.span);
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            l.file,
            l.line,
            l.column,
            f.severity.as_str(),
            f.code,
            f.message.get(r.lang)
        );
    }
    if r.count_line {
        out.push_str(&r.count_line());
        out.push('\n');
    }
    out
}
