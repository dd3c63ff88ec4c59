//! Human output through miette: the source line, an underline under the exact value, the
//! help, and a pointer to `isms explain CODE`.

use super::{Report, same_length_visible, visible};
use crate::finding::{Finding, Severity};
use crate::source::{FileId, Source, Span};
use crate::tr;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::fmt::Write as _;

/// miette's view of a source: lines found through the precomputed index instead of
/// rescanning the file for every diagnostic.
fn read_span<'a>(
    src: &'a Source,
    shown: &'a str,
    span: &SourceSpan,
    before: usize,
    after: usize,
) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
    {
        let text = shown.as_bytes();
        if span.offset() + span.len() > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let start = src.pos_of_offset(span.offset());
        let end = src.pos_of_offset(span.offset() + span.len().saturating_sub(1));
        let first = (start.line as usize).saturating_sub(before).max(1);
        let last = (end.line as usize + after).min(src.line_count());
        let data_start = src.offset(crate::source::Pos {
            line: first as u32,
            col: 0,
        });
        let data_end = if last >= src.line_count() {
            text.len()
        } else {
            src.offset(crate::source::Pos {
                line: last as u32 + 1,
                col: 0,
            })
        };
        Ok(Box::new(MietteSpanContents::new_named(
            visible(&src.path, false).into_owned(),
            &text[data_start..data_end],
            (data_start, data_end - data_start).into(),
            first - 1,
            if first == start.line as usize {
                start.col as usize
            } else {
                0
            },
            last - first + 1,
        )))
    }
}

struct Diag<'a> {
    finding: &'a Finding,
    /// The text of the span's file as shown: control characters made visible.
    shown: &'a str,
    /// A related location in another file, shown as its own advice.
    related_message: Option<&'a str>,
    report: &'a Report<'a>,
    span: Span,
    help: Option<String>,
}

impl fmt::Debug for Diag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&visible(self.finding.message.get(self.report.lang), true))
    }
}

impl fmt::Display for Diag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&visible(
            self.related_message
                .unwrap_or(self.finding.message.get(self.report.lang)),
            true,
        ))
    }
}

impl std::error::Error for Diag<'_> {}

impl Diag<'_> {
    fn source(&self) -> &Source {
        self.report.sources.get(self.span.file)
    }

    fn source_span(&self, span: Span) -> SourceSpan {
        let src = self.report.sources.get(span.file);
        let start = src.offset(span.start);
        // A span over many lines (a whole document) is shown at its start: the excerpt
        // stays a few lines, whatever the size of what it marks.
        if span.end.line > span.start.line + MAX_SPAN_LINES {
            return (start, 0).into();
        }
        let end = src.offset(span.end).max(start);
        (start, end - start).into()
    }

    /// Whether the excerpt would hold a line too long to show (a minified file, a huge
    /// scalar): then the finding is shown with its location but without the excerpt.
    fn too_long(&self) -> bool {
        let src = self.source();
        let last = if self.span.end.line > self.span.start.line + MAX_SPAN_LINES {
            self.span.start.line
        } else {
            self.span.end.line
        };
        (self.span.start.line.saturating_sub(1)..=last + 1)
            .any(|l| src.line_text(l).len() > MAX_SHOWN_LINE)
    }
}

/// Lines longer than this (in bytes) are not shown in an excerpt.
const MAX_SHOWN_LINE: usize = 4096;
/// Spans longer than this (in lines) are shown at their start only.
const MAX_SPAN_LINES: u32 = 8;

impl Diagnostic for Diag<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.related_message
            .is_none()
            .then(|| Box::new(self.finding.code) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        if self.related_message.is_some() {
            return Some(miette::Severity::Advice);
        }
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(visible(h, true)) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        // miette needs a `&dyn SourceCode` living as long as `self`.
        Some(self)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.source().text.is_empty() || self.too_long() {
            return None;
        }
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            None,
            self.source_span(self.span),
        )];
        if self.related_message.is_none() {
            for r in &self.finding.related {
                if is_near(r.span, self.span) {
                    labels.push(LabeledSpan::new_with_span(
                        Some(visible(r.message.get(self.report.lang), true).into_owned()),
                        self.source_span(r.span),
                    ));
                }
            }
        }
        Some(Box::new(labels.into_iter()))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        None
    }
}

impl SourceCode for Diag<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        read_span(self.source(), self.shown, span, before, after)
    }
}

/// A related location close enough to share the primary's excerpt; others get their own.
fn is_near(a: Span, b: Span) -> bool {
    a.file == b.file && a.start.line.abs_diff(b.start.line) <= 3
}

/// Each file's text as shown in excerpts, made once per file that has a finding.
struct Shown<'a> {
    texts: HashMap<FileId, Cow<'a, str>>,
}

impl<'a> Shown<'a> {
    fn of(&mut self, r: &'a Report, file: FileId) -> &str {
        self.texts.entry(file).or_insert_with(|| {
            let text: &'a str = &r.sources.get(file).text;
            same_length_visible(text).map_or(Cow::Borrowed(text), Cow::Owned)
        })
    }
}

fn render_one<'a>(
    handler: &GraphicalReportHandler,
    r: &'a Report,
    shown: &mut Shown<'a>,
    f: &'a Finding,
    out: &mut String,
) {
    let explain = tr!(
        r.lang,
        "for more, run `isms explain {}`",
        "詳しくは `isms explain {}`",
        f.code
    );
    let mut help = match &f.help {
        Some(h) => format!("{}\n{explain}", h.get(r.lang)),
        None => explain,
    };
    let mut spans = vec![(f.span, None)];
    spans.extend(
        f.related
            .iter()
            .filter(|x| !is_near(x.span, f.span))
            .map(|rel| (rel.span, Some(rel.message.get(r.lang)))),
    );
    for (i, (span, related_message)) in spans.into_iter().enumerate() {
        let text = shown.of(r, span.file);
        let mut d = Diag {
            finding: f,
            shown: text,
            related_message,
            report: r,
            span,
            help: None,
        };
        if d.too_long() {
            let l = r.location(span);
            let at = format!("{}:{}:{}", visible(l.file, false), l.line, l.column);
            let note = tr!(
                r.lang,
                "at {at} (the line is too long to show)",
                "{at}（行が長すぎるため表示しません）"
            );
            help = if i == 0 {
                format!("{note}\n{help}")
            } else {
                note
            };
        }
        if i == 0 || d.too_long() {
            d.help = Some(std::mem::take(&mut help));
        }
        let _ = handler.render_report(out, &d);
        out.push('\n');
    }
}

/// Renders the findings for a terminal `width` columns wide, or, when the output is not a
/// terminal (a CI log, a file), without wrapping any line.
pub fn render(r: &Report, color: bool, width: Option<usize>) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_context_lines(1);
    let handler = match width {
        Some(w) => handler.with_width(w),
        None => handler.with_wrap_lines(false),
    };
    let mut shown = Shown {
        texts: HashMap::new(),
    };
    let mut out = String::new();
    let mut rest = r.findings;
    while let Some(f) = rest.first() {
        // Findings of one rule at one place (the SoA's missing controls) share one excerpt.
        let same = rest
            .iter()
            .take_while(|g| g.code == f.code && g.span == f.span)
            .count();
        let (group, tail) = rest.split_at(same);
        rest = tail;
        render_one(&handler, r, &mut shown, f, &mut out);
        if let [_, more @ ..] = group {
            if !more.is_empty() {
                let l = r.location(f.span);
                let (n, code, at) = (
                    more.len(),
                    f.code,
                    format!("{}:{}:{}", visible(l.file, false), l.line, l.column),
                );
                let _ = writeln!(
                    out,
                    "  {}",
                    tr!(
                        r.lang,
                        "… and {n} more {code} at {at}:",
                        "… 同じ {at} の {code} がさらに {n} 件:"
                    )
                );
                for g in more {
                    let _ = writeln!(out, "    - {}", visible(g.message.get(r.lang), false));
                }
                out.push('\n');
            }
        }
    }
    if r.count_line {
        out.push_str(&r.count_line());
        out.push('\n');
    }
    out
}
