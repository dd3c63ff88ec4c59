//! Sources: the text of every file read, with a line index.
//!
//! Positions elsewhere are (line, character column) pairs as the YAML parser gives them; this
//! module turns them into byte offsets for renderers that need them (miette) and owns the
//! encoding check that comes before any parsing.

use std::sync::{Arc, OnceLock};

/// Index of a source in [`Sources`]; cheap to copy into every span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A position: 1-based line, 0-based column counted in characters (Unicode scalar values).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

/// A range in one file. `end` is exclusive; an empty range marks a point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub file: FileId,
    pub start: Pos,
    pub end: Pos,
}

impl Span {
    pub fn point(file: FileId, at: Pos) -> Span {
        Span {
            file,
            start: at,
            end: at,
        }
    }
}

/// One file's text (after the encoding check, without a BOM) and where each line starts.
#[derive(Clone, Debug)]
pub struct Source {
    /// Path relative to the repository root, with `/` separators.
    pub path: String,
    pub text: Arc<str>,
    /// Byte offsets of line starts, built on first use: most files have no finding and
    /// are never rendered.
    line_starts: OnceLock<Vec<u32>>,
}

impl Source {
    pub fn new(path: String, text: impl Into<Arc<str>>) -> Source {
        Source {
            path,
            text: text.into(),
            line_starts: OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(self.text.match_indices('\n').map(|(i, _)| i as u32 + 1));
            starts
        })
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: u32) -> &str {
        let i = (line as usize).saturating_sub(1);
        let starts = self.line_starts();
        let Some(&start) = starts.get(i) else {
            return "";
        };
        let end = starts.get(i + 1).map_or(self.text.len(), |&e| e as usize);
        self.text[start as usize..end].trim_end_matches(['\n', '\r'])
    }

    /// Byte offset of a position; columns past the end of the line clamp to it.
    pub fn offset(&self, pos: Pos) -> usize {
        let i = (pos.line as usize).saturating_sub(1);
        let Some(&start) = self.line_starts().get(i) else {
            return self.text.len();
        };
        let start = start as usize;
        let line = self.line_text(pos.line);
        let within = line
            .char_indices()
            .nth(pos.col as usize)
            .map_or(line.len(), |(b, _)| b);
        start + within
    }

    /// The position of a byte offset (used for errors that come as offsets).
    pub fn pos_of_offset(&self, offset: usize) -> Pos {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s as usize <= offset).max(1);
        let start = starts[line - 1] as usize;
        let col = self.text[start..offset.min(self.text.len())]
            .chars()
            .count();
        Pos {
            line: line as u32,
            col: col as u32,
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts().len()
    }
}

/// Why a file's bytes are not UTF-8 YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodingProblem {
    /// A NUL byte: not a text file at all.
    Binary { offset: usize },
    /// Invalid UTF-8; `likely_sjis` when the bytes decode as Shift_JIS.
    NotUtf8 {
        offset: usize,
        line: u32,
        col: u32,
        likely_sjis: bool,
    },
    /// A UTF-16 or UTF-32 byte-order mark.
    Utf16,
}

/// Decodes a file's bytes: UTF-8, an optional UTF-8 BOM dropped. CRLF is left for the parser;
/// a lone CR (old Mac line endings) becomes LF, so that every line count agrees on it.
pub fn decode(bytes: Vec<u8>) -> Result<String, EncodingProblem> {
    decode_bytes(bytes).map(lone_cr_to_lf)
}

fn lone_cr_to_lf(text: String) -> String {
    let b = text.as_bytes();
    let lone = |i: usize| b[i] == b'\r' && b.get(i + 1) != Some(&b'\n');
    if !(0..b.len()).any(lone) {
        return text;
    }
    let out: Vec<u8> = (0..b.len())
        .map(|i| if lone(i) { b'\n' } else { b[i] })
        .collect();
    // Replacing one ASCII byte by another keeps the text UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

fn decode_bytes(bytes: Vec<u8>) -> Result<String, EncodingProblem> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(EncodingProblem::Utf16);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(EncodingProblem::Binary { offset });
    }
    let bytes = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes[3..].to_vec()
    } else {
        bytes
    };
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let line = valid.matches('\n').count() as u32 + 1;
        let col = valid.rsplit('\n').next().unwrap_or("").chars().count() as u32;
        EncodingProblem::NotUtf8 {
            offset,
            line,
            col,
            likely_sjis: looks_like_shift_jis(&bytes[offset..]),
        }
    })
}

/// A cheap test for Shift_JIS: lead bytes 0x81–0x9F / 0xE0–0xFC followed by a valid trail byte.
fn looks_like_shift_jis(bytes: &[u8]) -> bool {
    let mut i = 0;
    let mut pairs = 0;
    while i < bytes.len() && i < 4096 {
        let b = bytes[i];
        if b < 0x80 || (0xA1..=0xDF).contains(&b) {
            i += 1;
        } else if (0x81..=0x9F).contains(&b) || (0xE0..=0xFC).contains(&b) {
            match bytes.get(i + 1) {
                Some(&t) if (0x40..=0xFC).contains(&t) && t != 0x7F => {
                    pairs += 1;
                    i += 2;
                }
                _ => return false,
            }
        } else {
            return false;
        }
    }
    pairs > 0
}

/// All sources of a run, indexed by [`FileId`].
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<Source>,
}

impl Sources {
    pub fn add(&mut self, source: Source) -> FileId {
        self.files.push(source);
        FileId(self.files.len() as u32 - 1)
    }

    pub fn get(&self, id: FileId) -> &Source {
        &self.files[id.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Puts a file's new text in its place (the language server, after an edit).
    pub fn replace(&mut self, id: FileId, source: Source) {
        self.files[id.0 as usize] = source;
    }

    /// Puts `prefix` before every path: when several repositories are checked in one run,
    /// their findings are named relative to the current folder.
    pub fn prefix_paths(&mut self, prefix: &str) {
        for f in &mut self.files {
            f.path.insert_str(0, prefix);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// A span in output coordinates: the one place where spans become lines and columns.
    pub fn location(&self, span: Span) -> Location<'_> {
        let file = &self.get(span.file).path;
        // An empty span still marks one character for tools that need a range.
        let (end_line, end_column) = if span.end == span.start {
            (span.start.line, span.start.col + 2)
        } else {
            (span.end.line, span.end.col + 1)
        };
        Location {
            file,
            line: span.start.line.max(1),
            column: span.start.col + 1,
            end_line: end_line.max(1),
            end_column,
        }
    }
}

/// A span as users see it: the repository-relative path, 1-based lines and columns
/// (columns in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location<'a> {
    pub file: &'a str,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_characters_not_bytes() {
        let s = Source::new("a.yaml".into(), "name: 盗難\r\nid: T-1\n");
        assert_eq!(s.line_text(1), "name: 盗難");
        assert_eq!(s.offset(Pos { line: 1, col: 7 }), 9);
        assert_eq!(s.offset(Pos { line: 2, col: 4 }), 18);
        assert_eq!(s.pos_of_offset(18), Pos { line: 2, col: 4 });
        // Inside a multi-byte character: its start.
        assert_eq!(s.pos_of_offset(8), Pos { line: 1, col: 6 });
    }

    #[test]
    fn decode_rejects_shift_jis_and_binary_and_drops_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFa: 1".to_vec()).unwrap(), "a: 1");
        // "盗難" in Shift_JIS
        let sjis = b"name: \x93\x90\x93\xEF\n".to_vec();
        assert!(matches!(
            decode(sjis),
            Err(EncodingProblem::NotUtf8 {
                line: 1,
                col: 6,
                likely_sjis: true,
                ..
            })
        ));
        assert_eq!(
            decode(b"a\x00b".to_vec()),
            Err(EncodingProblem::Binary { offset: 1 })
        );
    }
}
