//! Renderers of `isms check`: peers that lay out the same findings. Lines and columns are
//! turned from spans here (1-based, columns in characters).

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::finding::{Finding, Severity};
use crate::i18n::Lang;
use crate::source::{Location, Sources, Span};
use crate::tr;

/// Everything a renderer needs.
pub struct Report<'a> {
    pub findings: &'a [Finding],
    pub sources: &'a Sources,
    /// Files read.
    pub files: usize,
    /// The paths of the files listed but not read (an I/O error, or `file/skipped`).
    pub unread: &'a [String],
    pub entities: usize,
    pub lang: Lang,
    /// The repository's name when several are checked in one run: it opens the count line.
    pub name: Option<&'a str>,
    /// Whether the human and concise outputs end with the count line (not with `--quiet`,
    /// nor for each of several repositories: the command prints the total).
    pub count_line: bool,
}

impl Report<'_> {
    pub fn location(&self, span: Span) -> Location<'_> {
        self.sources.location(span)
    }

    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }

    /// "2 errors, 1 warning, 0 infos" / "エラー 2 件、警告 1 件、情報 0 件".
    pub fn totals(&self) -> String {
        totals(
            self.count(Severity::Error),
            self.count(Severity::Warning),
            self.count(Severity::Info),
            self.lang,
        )
    }

    /// "Found 2 errors, 1 warning, 0 infos in 41 files (…)." — the last line of human output.
    pub fn count_line(&self) -> String {
        let files = self.files;
        let entities = self.entities;
        let name = self.name.map(|n| format!("{n}: ")).unwrap_or_default();
        if self.findings.is_empty() {
            return name
                + &tr!(
                    self.lang,
                    "No problems found in {files} files ({entities} entities).",
                    "問題はありません（{files} ファイル、{entities} エンティティ）。"
                );
        }
        let totals = self.totals();
        name + &tr!(
            self.lang,
            "Found {totals} in {files} files ({entities} entities).",
            "{totals}（{files} ファイル、{entities} エンティティ）。"
        )
    }
}

/// "2 errors, 1 warning, 0 infos" / "エラー 2 件、警告 1 件、情報 0 件": the one wording of
/// the totals, for one repository or the sum of several.
pub fn totals(e: usize, w: usize, i: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("エラー {e} 件、警告 {w} 件、情報 {i} 件"),
        Lang::En => {
            let plural = |n: usize, word: &str| {
                if n == 1 {
                    format!("{n} {word}")
                } else {
                    format!("{n} {word}s")
                }
            };
            format!(
                "{}, {}, {}",
                plural(e, "error"),
                plural(w, "warning"),
                plural(i, "info")
            )
        }
    }
}

/// Whether a character must not reach a terminal or a log as it is: C0 controls (but tab and
/// line feed, which the caller decides on), DEL, C1 controls, and the bidirectional
/// formatting characters that reorder what a reader sees (U+202E "Trojan Source").
pub fn is_hidden_control(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{200e}' | '\u{200f}' | '\u{061c}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// User text made safe for a terminal or a log: each hidden control character becomes a
/// visible `<U+001B>`; line breaks too unless `keep_newlines` (concise and GitHub output
/// keep one finding a line whatever a title holds).
pub fn visible(s: &str, keep_newlines: bool) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| {
        if matches!(c, '\n' | '\r') {
            !keep_newlines
        } else {
            is_hidden_control(c)
        }
    };
    if !s.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if hidden(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The same text with each hidden control character replaced by a visible one of the same
/// length in bytes (`?`, `¿`, `�`), so that byte offsets into it stay those of the source:
/// the excerpt that human output shows.
pub fn same_length_visible(s: &str) -> Option<String> {
    // CR stays: it ends a CRLF line (a lone CR is a line break, made `\n` on reading).
    let hidden = |c: char| is_hidden_control(c) && c != '\r';
    if !s.chars().any(hidden) {
        return None;
    }
    Some(
        s.chars()
            .map(|c| {
                if !hidden(c) {
                    c
                } else {
                    match c.len_utf8() {
                        1 => '?',
                        2 => '¿',
                        _ => '\u{fffd}',
                    }
                }
            })
            .collect(),
    )
}
