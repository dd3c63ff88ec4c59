//! Between the pipeline's coordinates and the protocol's: spans (1-based lines, columns in
//! characters) and LSP positions (0-based lines, columns in UTF-16 code units); paths and
//! `file:` URIs; findings and diagnostics.

use crate::finding::{Finding, Severity};
use crate::i18n::Lang;
use crate::source::{Pos, Source, Sources, Span};
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, Range, Uri,
};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// A position of the pipeline in UTF-16 code units. A column past the end of its line
/// stays past it by as many units (an empty span just after the last character).
pub fn position(source: &Source, pos: Pos) -> Position {
    let line = source.line_text(pos.line.max(1));
    let col = pos.col as usize;
    let mut units = 0;
    let mut chars = 0;
    for c in line.chars().take(col) {
        units += c.len_utf16();
        chars += 1;
    }
    Position::new(pos.line.saturating_sub(1), (units + col - chars) as u32)
}

/// The range of a span; an empty span marks one character, as in every other output.
pub fn range(source: &Source, span: Span) -> Range {
    let end = if span.end == span.start {
        Pos {
            line: span.start.line,
            col: span.start.col + 1,
        }
    } else {
        span.end
    };
    Range::new(position(source, span.start), position(source, end))
}

/// A protocol position as the pipeline's: the character column of a UTF-16 offset (inside
/// a surrogate pair: the character it is part of).
pub fn pos(source: &Source, at: Position) -> Pos {
    let line = source.line_text(at.line + 1);
    let mut units = 0;
    let mut col = 0;
    for c in line.chars() {
        if units + c.len_utf16() > at.character as usize {
            break;
        }
        units += c.len_utf16();
        col += 1;
    }
    Pos {
        line: at.line + 1,
        col,
    }
}

/// Whether a span holds a position (its end included: the cursor just after a word is on it).
pub fn contains(span: Span, at: Pos) -> bool {
    span.start <= at && at <= span.end
}

/// The path of a `file:` URI, percent-decoded; `None` for another scheme.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file://host/path`: only the local host is a path here.
    let path = &rest[rest.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let mut bytes = Vec::with_capacity(path.len());
    let raw = path.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (raw[i], raw.get(i + 1).copied(), raw.get(i + 2).copied()) {
            (b'%', Some(h), Some(l)) if hex(h).is_some() && hex(l).is_some() => {
                bytes.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                bytes.push(b);
                i += 1;
            }
        }
    }
    let text = String::from_utf8(bytes).ok()?;
    // `/c:/Users/…` on Windows.
    let text = match text.as_bytes() {
        [b'/', d, b':', ..] if d.is_ascii_alphabetic() && cfg!(windows) => text[1..].to_owned(),
        _ => text,
    };
    Some(PathBuf::from(text))
}

/// The `file:` URI of an absolute path, percent-encoded (a Japanese folder name too).
pub fn uri_of(path: &Path) -> Uri {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        out.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&out).unwrap_or_else(|_| Uri::from_str("file:///").expect("a valid URI"))
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// A finding as `isms check` reports it: code, severity, message then help, related places.
pub fn diagnostic(finding: &Finding, sources: &Sources, root: &Path, lang: Lang) -> Diagnostic {
    let source = sources.get(finding.span.file);
    let mut message = finding.message.get(lang).to_owned();
    if let Some(help) = &finding.help {
        message.push_str("\nhelp: ");
        message.push_str(help.get(lang));
    }
    let related: Vec<DiagnosticRelatedInformation> = finding
        .related
        .iter()
        .map(|r| {
            let s = sources.get(r.span.file);
            DiagnosticRelatedInformation {
                location: Location::new(uri_of(&root.join(&s.path)), range(s, r.span)),
                message: r.message.get(lang).to_owned(),
            }
        })
        .collect();
    Diagnostic {
        range: range(source, finding.span),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.code.to_owned())),
        // The rule's page (`docs/rules/<code>.md`), as SARIF's `helpUri`.
        code_description: crate::rules::find(finding.code)
            .and_then(|rule| Uri::from_str(&rule.url()).ok())
            .map(|href| CodeDescription { href }),
        source: Some("isms".to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units() {
        // 盗 and 難 are one unit each, 🚗 two.
        let s = Source::new("a.yaml".into(), "a: 盗難🚗 X\n");
        let at = Pos { line: 1, col: 7 };
        assert_eq!(position(&s, at), Position::new(0, 8));
        assert_eq!(pos(&s, Position::new(0, 8)), at);
        // Inside the surrogate pair: the emoji itself.
        assert_eq!(pos(&s, Position::new(0, 6)), Pos { line: 1, col: 5 });
    }

    #[test]
    fn uris_round_trip_through_percent_encoding() {
        let p = Path::new("/tmp/情報 セキュリティ/isms.yaml");
        let uri = uri_of(p);
        assert_eq!(
            uri.as_str(),
            "file:///tmp/%E6%83%85%E5%A0%B1%20%E3%82%BB%E3%82%AD%E3%83%A5%E3%83%AA%E3%83%86%E3%82%A3/isms.yaml"
        );
        assert_eq!(path_of(&uri).as_deref(), Some(p));
    }
}
