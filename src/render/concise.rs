//! `path:line:col: severity[code] message`, one finding a line, for editors and grep.

use super::{Report, visible};
use std::fmt::Write;

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    for f in r.findings {
        let l = r.location(f.span);
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            visible(l.file, false),
            l.line,
            l.column,
            f.severity.as_str(),
            f.code,
            visible(f.message.get(r.lang), false)
        );
    }
    if r.count_line {
        out.push_str(&r.count_line());
        out.push('\n');
    }
    out
}
