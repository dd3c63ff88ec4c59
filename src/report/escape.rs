//! Escaping of user-written text for the formats written by hand: Markdown and the
//! spreadsheets (CSV, XLSX). Those writers pass each cell a user wrote through the
//! function of its format; the hostile-titles fixture checks that none is missed. HTML
//! needs none here: its `maud` templates escape every value they interpolate.

use std::fmt;

/// A Markdown table cell (GitHub Flavored Markdown): `|` and the characters that start
/// inline markup or raw HTML are backslash-escaped or turned into entities, and line
/// breaks become `<br>`, so a cell never breaks the table or injects HTML.
pub fn md_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '~' | '#' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            // A word joiner after `@`: no @-mention when the text is posted on GitHub.
            '@' => out.push_str("@\u{2060}"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Markdown text outside a table (a heading, a paragraph): escaped as a cell, with line
/// breaks as spaces.
pub fn md_text(s: &str) -> String {
    md_cell(&s.replace("\r\n", " ").replace(['\r', '\n'], " "))
}

/// `write!(out, "| {} |", M(text))`: the text as a Markdown table cell.
pub struct M<'a>(pub &'a str);

impl fmt::Display for M<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&md_cell(self.0))
    }
}

/// Whether a spreadsheet could read the text as a formula: it starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return, or with the full-width `＝ ＋ － ＠` that a Japanese
/// input method types and that Excel and LibreOffice also take as a formula start.
pub fn formula_start(s: &str) -> bool {
    matches!(
        s.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠')
    )
}

/// A CSV cell: text that a spreadsheet could read as a formula ([`formula_start`]) gets a
/// leading `'` (OWASP's advice against formula injection; CSV has no other way to say
/// "text"). Other text is unchanged. XLSX needs no character: its cells carry the quote
/// prefix as an attribute (`set_quote_prefix`), which Excel shows nowhere.
pub fn spreadsheet(s: &str) -> String {
    if formula_start(s) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_survive_pipes_newlines_and_html() {
        assert_eq!(md_cell("a|b\nc\r\nd"), r"a\|b<br>c<br>d");
        assert_eq!(md_cell("<script>"), "&lt;script&gt;");
        assert_eq!(md_cell("[x](y) *z*"), r"\[x\](y) \*z\*");
        assert_eq!(md_cell("@team #1 !x $y"), "@\u{2060}team \\#1 \\!x \\$y");
        assert_eq!(md_text("a\nb|c"), r"a b\|c");
    }

    #[test]
    fn spreadsheet_cells_never_start_a_formula() {
        for s in [
            "=1+1",
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "=HYPERLINK(\"http://x\")",
            "＝1+1",
            "＋1",
            "－1",
            "＠SUM(A1)",
        ] {
            assert_eq!(spreadsheet(s), format!("'{s}"));
        }
        assert_eq!(spreadsheet("R-001"), "R-001");
        assert_eq!(spreadsheet("情報 = 資産"), "情報 = 資産");
        assert_eq!(spreadsheet(""), "");
    }
}
