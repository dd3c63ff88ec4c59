//! Quick fixes, only where the fix is certain: the finding itself names what to write.
//!
//! - a did-you-mean (an unknown id, field or enum value): write the name it proposes;
//! - a key YAML reads as a number (`5.10:`): write it quoted, as its help says;
//! - an undecided Annex A row (`soa/missing`): add its exclusion to the SoA with an empty
//!   reason, which the schema still reports until the reason is written.

use super::convert;
use crate::finding::Finding;
use crate::judge::Judged;
use crate::source::{FileId, Pos, Span};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Position, Range, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;

pub(super) fn code_actions(
    j: &Judged,
    file: FileId,
    uri: &Uri,
    range: Range,
) -> Vec<CodeActionOrCommand> {
    let source = j.ws.sources.get(file);
    let lang = j.ws.lang;
    let mut out = Vec::new();
    for f in j.findings.iter().filter(|f| f.span.file == file) {
        let r = convert::range(source, f.span);
        if r.end < range.start || r.start > range.end {
            continue;
        }
        let Some((title, edit)) = fix(j, f) else {
            continue;
        };
        // The URI's cached parts never change once parsed.
        #[allow(clippy::mutable_key_type)]
        let mut changes = HashMap::new();
        changes.insert(uri.clone(), vec![edit]);
        out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: title.get(lang).to_owned(),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![convert::diagnostic(
                f,
                &j.ws.sources,
                &j.ws.root,
                lang,
            )]),
            edit: Some(WorkspaceEdit {
                changes: Some(changes),
                ..WorkspaceEdit::default()
            }),
            is_preferred: Some(true),
            ..CodeAction::default()
        }));
    }
    out
}

/// The certain fix of a finding: its title and its edit in the finding's file.
fn fix(j: &Judged, f: &Finding) -> Option<(crate::finding::Message, TextEdit)> {
    let source = j.ws.sources.get(f.span.file);
    let written = span_text(&source.text, source, f.span);
    if let Some(help) = &f.help {
        if let Some(name) = crate::suggest::meant(help) {
            // Keep the quotes the value was written in.
            let quote = written.chars().next().filter(|c| matches!(c, '"' | '\''));
            let new = match quote {
                Some(q) => format!("{q}{name}{q}"),
                None => name.to_owned(),
            };
            return Some((
                crate::msg!("Change to `{name}`", "`{name}` に変更"),
                TextEdit::new(convert::range(source, f.span), new),
            ));
        }
        if let Some(text) = crate::schema::quoted_of(help) {
            return Some((
                crate::msg!("Quote it: \"{text}\"", "引用符で囲む: \"{text}\""),
                TextEdit::new(convert::range(source, f.span), format!("\"{text}\"")),
            ));
        }
    }
    if f.code == "soa/missing" {
        return exclusion_stub(j, f);
    }
    None
}

fn span_text<'a>(text: &'a str, source: &crate::source::Source, span: Span) -> &'a str {
    let (a, b) = (source.offset(span.start), source.offset(span.end));
    text.get(a..b.max(a)).unwrap_or("")
}

/// Adds `"ID": ""` to the SoA's exclusions: before its first entry, indented as it is, or
/// as a new `exclusions:` block after `framework:` when the SoA has none.
fn exclusion_stub(j: &Judged, f: &Finding) -> Option<(crate::finding::Message, TextEdit)> {
    let model = &j.ws.model;
    let soa = model
        .soas
        .iter()
        .find(|s| s.framework.value == f.subject && s.framework.span == f.span)?;
    let source = j.ws.sources.get(f.span.file);
    let id = &f.field;
    let (line, text) = match soa.exclusions.iter().map(|(k, _)| k.span).min() {
        Some(first) => {
            let before: String = source
                .line_text(first.start.line)
                .chars()
                .take(first.start.col as usize)
                .collect();
            // A flow mapping (`exclusions: {…}`) has no line of its own to add.
            if !before.trim().is_empty() {
                return None;
            }
            (first.start.line, format!("{before}\"{id}\": \"\"\n"))
        }
        None => {
            // `exclusions: {}` or a key of the wrong shape: no certain place.
            let doc_has_key = source.text.lines().any(|l| l.starts_with("exclusions:"));
            let line = source.line_text(soa.framework.span.start.line);
            if doc_has_key || !line.starts_with("framework:") {
                return None;
            }
            (
                soa.framework.span.start.line + 1,
                format!("exclusions:\n  \"{id}\": \"\"\n"),
            )
        }
    };
    let at = convert::position(source, Pos { line, col: 0 });
    let at = Position::new(at.line, 0);
    Some((
        crate::msg!(
            "Exclude {id} in the SoA (then write the reason)",
            "適用宣言書で {id} を除外する（理由を書いてください）"
        ),
        TextEdit::new(Range::new(at, at), text),
    ))
}
