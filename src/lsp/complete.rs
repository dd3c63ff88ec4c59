//! Completion: the ids of the kind a field references, framework ids with their titles,
//! undecided SoA rows, and enum values with their meaning. The field under the cursor is
//! read from the lines around it, not from a parse: a file being typed rarely parses.

use super::convert;
use super::query::{entities, title};
use crate::catalog::catalogs;
use crate::i18n::Lang;
use crate::judge::Judged;
use crate::model::Kind;
use crate::source::{FileId, Pos, Source, Span};
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionResponse, CompletionTextEdit, Documentation,
    MarkupContent, MarkupKind, TextEdit,
};
use serde_json::Value as Json;

fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':')
}

/// Where the cursor is, as far as the lines tell.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Place {
    /// The document's `kind:`.
    pub kind: Option<String>,
    /// The key whose value is being written (`controls`), or whose mapping a key is being
    /// written in (`exclusions`).
    pub key: String,
    /// The key above `key`, (`treatment`), if any.
    pub parent: Option<String>,
    /// A mapping key is written, not a value.
    pub is_key: bool,
    /// The word being typed: from its start to its end (the cursor may be inside it).
    pub word: (u32, u32),
    pub quoted: bool,
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// `key:` with nothing (or a comment) after it: the key; else None.
fn lone_key(line: &str) -> Option<&str> {
    let t = line.trim();
    let t = t.strip_prefix("- ").unwrap_or(t).trim_start();
    let (key, rest) = t.split_once(':')?;
    let rest = rest.trim();
    (rest.is_empty() || rest.starts_with('#')).then(|| key.trim().trim_matches(['"', '\'']))
}

/// The key of the block that holds a line indented by `col`: the nearest line above that
/// is indented less (or equally, for a `- ` item under its key) and is a lone `key:`.
fn enclosing_key(lines: &[&str], row: usize, col: usize, item: bool) -> Option<(String, usize)> {
    for i in (0..row).rev() {
        let l = lines[i];
        let t = l.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if t == "---" {
            return None;
        }
        let ind = indent(l);
        if ind < col || (item && ind == col && !t.starts_with('-')) {
            return lone_key(l).map(|k| (k.to_owned(), ind));
        }
    }
    None
}

/// The document's `kind:`, looked for between the `---` lines around the cursor.
fn document_kind(lines: &[&str], row: usize) -> Option<String> {
    let start = (0..row)
        .rev()
        .find(|&i| lines[i].trim() == "---")
        .map_or(0, |i| i + 1);
    lines[start..]
        .iter()
        .take_while(|l| l.trim() != "---")
        .find_map(|l| l.strip_prefix("kind:"))
        .map(|k| k.split('#').next().unwrap_or("").trim().to_owned())
}

/// Reads the place of the cursor from the text.
pub(super) fn place(text: &str, at: Pos) -> Option<Place> {
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let row = (at.line as usize).checked_sub(1)?;
    let line = *lines.get(row)?;
    let chars: Vec<char> = line.chars().collect();
    let col = (at.col as usize).min(chars.len());
    let mut start = col;
    while start > 0 && is_id_char(chars[start - 1]) {
        start -= 1;
    }
    let mut end = col;
    while end < chars.len() && is_id_char(chars[end]) {
        end += 1;
    }
    let before: String = chars[..start].iter().collect();
    let quoted = before.ends_with(['"', '\'']);
    let before = before.trim_end_matches(['"', '\'']);
    let kind = document_kind(&lines, row);
    let lead = indent(before);
    let body = before.trim();
    // `key: value`, `key: [a, b`, `- key: value`
    let unlisted = body.trim_start_matches("- ").trim_start();
    let (key, parent_col, is_key) = if let Some((key, after)) = unlisted.split_once(':') {
        let after = after.trim();
        let in_flow = after.starts_with('[') && !after.contains(']');
        if !after.is_empty() && !in_flow {
            return None;
        }
        let key = key.trim().trim_matches(['"', '\'']);
        let key_col = lead + (body.len() - unlisted.len());
        (key.to_owned(), key_col, false)
    } else if body == "-" || body.ends_with(" -") {
        let (key, col) = enclosing_key(&lines, row, lead, true)?;
        (key, col, false)
    } else if body.is_empty() {
        // A key of a mapping is being typed.
        let (key, col) = enclosing_key(&lines, row, lead, false)?;
        (key, col, true)
    } else {
        return None;
    };
    let parent = enclosing_key(&lines, row, parent_col, false).map(|(k, _)| k);
    Some(Place {
        kind,
        key,
        parent,
        is_key,
        word: (start as u32, end as u32),
        quoted,
    })
}

/// What a field references, by the kind of its document.
fn referenced(kind: Option<&str>, key: &str, parent: Option<&str>) -> Option<Kind> {
    Some(match (kind?, key, parent) {
        (_, "owner" | "accepted_by" | "approved_by", _) => Kind::Role,
        ("risk", "assets", _) => Kind::Asset,
        ("risk", "threat", _) | ("vulnerability" | "control", "threats", _) => Kind::Threat,
        ("risk", "vulnerabilities", _) => Kind::Vulnerability,
        ("risk", "controls", Some("treatment")) | ("procedure", "implements", _) => Kind::Control,
        _ => return None,
    })
}

fn markdown(value: String) -> Documentation {
    Documentation::MarkupContent(MarkupContent {
        kind: MarkupKind::Markdown,
        value,
    })
}

/// The enum values of a field and their meaning in both languages, from the JSON Schema
/// of the document's kind (its `markdownEnumDescriptions`).
fn enum_values(kind: &str, key: &str, parent: Option<&str>) -> Vec<(String, String)> {
    let file = |name: &str| {
        crate::schema::FILES
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, t)| serde_json::from_str::<Json>(t).ok())
    };
    if key == "kind" {
        return Kind::ALL
            .iter()
            .map(|k| {
                (
                    k.as_str().to_owned(),
                    format!("{} — {}", k.as_str(), k.ja()),
                )
            })
            .collect();
    }
    let Some(schema) = file(&format!("{kind}.schema.json")) else {
        return Vec::new();
    };
    let mut props = &schema["properties"];
    if let Some(p) = parent.filter(|p| props.get(p).is_some()) {
        props = &props[p]["properties"];
    }
    let mut prop = props[key].clone();
    if let Some(r) = prop.get("$ref").and_then(Json::as_str) {
        let (name, pointer) = r.split_once('#').unwrap_or((r, ""));
        let target = if name.is_empty() {
            Some(schema.clone())
        } else {
            file(name)
        };
        prop = target
            .and_then(|t| t.pointer(pointer).cloned())
            .unwrap_or(Json::Null);
    }
    let values = prop["enum"].as_array().cloned().unwrap_or_default();
    let descriptions = prop["markdownEnumDescriptions"]
        .as_array()
        .or(prop["enumDescriptions"].as_array())
        .cloned()
        .unwrap_or_default();
    values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let d = descriptions.get(i).and_then(Json::as_str).unwrap_or("");
            Some((v.as_str()?.to_owned(), d.to_owned()))
        })
        .collect()
}

pub(super) fn complete(j: &Judged, file: FileId, at: Pos) -> Option<CompletionResponse> {
    let source = j.ws.sources.get(file);
    let place = place(&source.text, at)?;
    let lang = j.ws.lang;
    let span = Span {
        file,
        start: Pos {
            line: at.line,
            col: place.word.0,
        },
        end: Pos {
            line: at.line,
            col: place.word.1,
        },
    };
    let kind = place.kind.as_deref();
    let mut items = Vec::new();
    let model = &j.ws.model;
    if place.is_key {
        if kind == Some("soa") && matches!(place.key.as_str(), "exclusions" | "inclusions") {
            items = soa_rows(j, source, lang, &place);
        }
    } else if let Some(want) = referenced(kind, &place.key, place.parent.as_deref()) {
        for (e, id) in entities(model) {
            if e.kind == want && !id.value.is_empty() {
                items.push(item(
                    &id.value,
                    title(model, e).map(str::to_owned),
                    None,
                    CompletionItemKind::REFERENCE,
                ));
            }
        }
    } else if kind == Some("control") && place.key == "maps_to" {
        let configured: Vec<&str> = j.ws.config.frameworks.iter().map(|f| f.as_str()).collect();
        for fw in &catalogs().frameworks {
            if !configured.is_empty() && !configured.contains(&fw.framework.as_str()) {
                continue;
            }
            for c in &fw.controls {
                items.push(item(
                    &format!("{}:{}", fw.framework, c.id),
                    Some(c.title_in(lang).to_owned()),
                    Some(format!("{}\n\n{}", c.title, c.title_ja)),
                    CompletionItemKind::REFERENCE,
                ));
            }
        }
    } else if let Some(k) = kind {
        for (value, meaning) in enum_values(k, &place.key, place.parent.as_deref()) {
            items.push(item(
                &value,
                None,
                Some(meaning),
                CompletionItemKind::ENUM_MEMBER,
            ));
        }
    }
    if items.is_empty() {
        return None;
    }
    let range = convert::range(source, span);
    let range = if span.start == span.end {
        lsp_types::Range::new(range.start, range.start)
    } else {
        range
    };
    for (i, it) in items.iter_mut().enumerate() {
        let text = it.insert_text.take().unwrap_or_else(|| it.label.clone());
        it.sort_text = Some(format!("{i:06}"));
        it.text_edit = Some(CompletionTextEdit::Edit(TextEdit::new(range, text)));
    }
    Some(CompletionResponse::Array(items))
}

fn item(
    label: &str,
    detail: Option<String>,
    doc: Option<String>,
    kind: CompletionItemKind,
) -> CompletionItem {
    CompletionItem {
        label: label.to_owned(),
        kind: Some(kind),
        detail,
        documentation: doc.filter(|d| !d.is_empty()).map(markdown),
        filter_text: Some(label.to_owned()),
        ..CompletionItem::default()
    }
}

/// The rows of the SoA's framework that are still undecided, as keys to write.
fn soa_rows(j: &Judged, source: &Source, lang: Lang, place: &Place) -> Vec<CompletionItem> {
    let framework = source
        .text
        .lines()
        .find_map(|l| l.strip_prefix("framework:"))
        .map(|f| f.trim().trim_matches(['"', '\'']).to_owned())
        .unwrap_or_default();
    let (Some(fw), Some(decisions)) =
        (catalogs().framework(&framework), j.analysis.soa(&framework))
    else {
        return Vec::new();
    };
    decisions
        .rows
        .iter()
        .filter(|r| r.decision == crate::analysis::Decision::Undecided)
        .filter_map(|r| {
            let c = fw.control(&r.id)?;
            let mut it = item(
                &r.id,
                Some(c.title_in(lang).to_owned()),
                Some(format!("{}\n\n{}", c.title, c.title_ja)),
                CompletionItemKind::FIELD,
            );
            it.insert_text = Some(if place.quoted {
                r.id.clone()
            } else {
                format!("\"{}\": ", r.id)
            });
            Some(it)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Place {
        let (row, line) = text
            .split('\n')
            .enumerate()
            .find(|(_, l)| l.contains('|'))
            .expect("a cursor");
        let col = line.chars().position(|c| c == '|').expect("a cursor");
        place(
            &text.replace('|', ""),
            Pos {
                line: row as u32 + 1,
                col: col as u32,
            },
        )
        .expect("a place")
    }

    #[test]
    fn reads_the_field_of_a_value_in_every_yaml_style() {
        let p = at("kind: risk\ntreatment:\n  option: reduce\n  controls: [C-A, C-|]\n");
        assert_eq!(
            (p.key.as_str(), p.parent.as_deref()),
            ("controls", Some("treatment"))
        );
        assert_eq!(p.word, (18, 20));
        let p = at("kind: risk\ntreatment:\n  controls:\n    - C-A\n    - |\n");
        assert_eq!(
            (p.key.as_str(), p.parent.as_deref()),
            ("controls", Some("treatment"))
        );
        let p = at("kind: risk\nthreat: T-TH|EFT\n");
        assert_eq!((p.key.as_str(), p.word), ("threat", (8, 15)));
        let p = at("kind: soa\nexclusions:\n  \"8.4\": x\n  \"|\n");
        assert!(p.is_key && p.quoted && p.key == "exclusions");
        assert_eq!(p.kind.as_deref(), Some("soa"));
    }
}
