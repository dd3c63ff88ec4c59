//! A lenient scan for the `kind:` and `id:` of each document, for text that may not parse.
//!
//! A file with a syntax error still names its entities: `id: R-001` at the start of a line
//! is plain to see even when a `[` further down is never closed. This scan reads only such
//! lines, so that the entities of a broken file can be known (and references to them not
//! reported as unknown). It never fails.

use std::ops::Range;

/// A value found by [`scan_ids`]: its text without quotes, and the byte range of the value
/// as written (quotes included) in the scanned text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scanned {
    pub value: String,
    pub range: Range<usize>,
}

/// The `kind:` and `id:` of one document (the first of each, if given twice).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScannedDocument {
    pub kind: Option<Scanned>,
    pub id: Option<Scanned>,
}

/// The `kind:` and `id:` of the top-level mapping of each document of `text` (documents
/// split at `---` and `...` lines), whether the text parses or not. Only lines beginning at
/// column 0 with `id` or `kind`, optional spaces, a colon (ASCII `:` or full-width `：`) and
/// a value count; the value may be plain or quoted, a comment after it is dropped, and a
/// flow or block value (`[`, `{`, `|`, `>`), an alias or an anchor is no id. Documents with
/// neither are left out.
pub fn scan_ids(text: &str) -> Vec<ScannedDocument> {
    let mut docs = Vec::new();
    let mut doc = ScannedDocument::default();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let start = offset;
        offset += raw.len();
        let marker = (line.starts_with("---") || line.starts_with("..."))
            && line[3..].chars().next().is_none_or(char::is_whitespace);
        if marker {
            if doc != ScannedDocument::default() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        for (key, slot) in [("id", &mut doc.id), ("kind", &mut doc.kind)] {
            if slot.is_none() {
                if let Some(found) = value_of(line, key, start) {
                    *slot = Some(found);
                }
            }
        }
    }
    if doc != ScannedDocument::default() {
        docs.push(doc);
    }
    docs
}

/// The value of `key` on a line `key: value` (lenient), `start` being the line's offset.
fn value_of(line: &str, key: &str, start: usize) -> Option<Scanned> {
    let rest = line.strip_prefix(key)?;
    let after_key = rest.trim_start_matches([' ', '\t']);
    let after_colon = after_key
        .strip_prefix(':')
        .or_else(|| after_key.strip_prefix('：'))?;
    let value = after_colon.trim_start_matches([' ', '\t', '\u{3000}']);
    let at = start + line.len() - value.len();
    let (text, len) = match value.chars().next()? {
        '"' => quoted(value, '"'),
        '\'' => quoted(value, '\''),
        '[' | '{' | '|' | '>' | '&' | '*' | '!' | '#' => return None,
        _ => {
            // A comment begins at a `#` after whitespace.
            let end = value
                .char_indices()
                .find(|&(i, c)| c == '#' && value[..i].ends_with(char::is_whitespace))
                .map_or(value.len(), |(i, _)| i);
            let text = value[..end].trim_end_matches([' ', '\t', '\u{3000}']);
            (text.to_owned(), text.len())
        }
    };
    (!text.is_empty()).then(|| Scanned {
        value: text,
        range: at..at + len,
    })
}

/// A quoted value at the start of `value`: its text and the length written. An unclosed
/// quote runs to the end of the line.
fn quoted(value: &str, q: char) -> (String, usize) {
    let mut text = String::new();
    let mut chars = value.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if q == '"' => {
                if let Some((_, e)) = chars.next() {
                    text.push(e);
                }
            }
            '\'' if q == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                chars.next();
                text.push('\'');
            }
            c if c == q => return (text, i + 1),
            c => text.push(c),
        }
    }
    let trimmed = text.trim_end_matches([' ', '\t', '\u{3000}']).to_owned();
    (
        trimmed,
        value.trim_end_matches([' ', '\t', '\u{3000}']).len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<(Option<String>, Option<String>)> {
        scan_ids(text)
            .into_iter()
            .map(|d| (d.kind.map(|k| k.value), d.id.map(|i| i.value)))
            .collect()
    }

    fn some(kind: &str, id: &str) -> (Option<String>, Option<String>) {
        (Some(kind.to_owned()), Some(id.to_owned()))
    }

    #[test]
    fn finds_kind_and_id_in_text_that_does_not_parse() {
        // An unclosed `[`, a full-width colon, a tab: none of these parse.
        let text = "kind: risk\nid: R-001 # the laptop\nassets: [A-001\nthreat: T-THEFT\n\
                    ---\nkind: asset\nid：A-009\nintegrity：2\n\
                    ---\nkind: threat\nid: \"T-QUAKE\"\n\tname: 地震\n";
        assert_eq!(
            ids(text),
            vec![
                some("risk", "R-001"),
                some("asset", "A-009"),
                some("threat", "T-QUAKE")
            ]
        );
        let docs = scan_ids(text);
        let id = docs[0].id.as_ref().unwrap();
        assert_eq!(&text[id.range.clone()], "R-001");
        let id = docs[1].id.as_ref().unwrap();
        assert_eq!(&text[id.range.clone()], "A-009");
        let id = docs[2].id.as_ref().unwrap();
        assert_eq!(&text[id.range.clone()], "\"T-QUAKE\"");
    }

    #[test]
    fn only_top_level_keys_at_column_zero_count() {
        let text = "kind: role\nid: ROLE-A\nmembers:\n  - id: ROLE-B\n  id: X\nidentifier: Y\n";
        assert_eq!(ids(text), vec![some("role", "ROLE-A")]);
    }

    #[test]
    fn lenient_spellings_and_values() {
        let text = "id :R-1\nkind:\u{3000}risk\n---\nid: 'it''s'   \n...\nid: \"open\n---\nid:\n---\nid: [A]\n---\nid: *alias\n---\n# id: R-9\n";
        assert_eq!(
            ids(text),
            vec![
                some("risk", "R-1"),
                (None, Some("it's".to_owned())),
                (None, Some("open".to_owned())),
            ]
        );
        // CRLF lines and a first id given twice: the first wins.
        let text = "kind: risk\r\nid: R-1\r\nid: R-2\r\n";
        let docs = scan_ids(text);
        assert_eq!(docs[0].id.as_ref().unwrap().value, "R-1");
        assert_eq!(docs[0].id.as_ref().unwrap().range, 16..19);
    }
}
