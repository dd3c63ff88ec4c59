//! JSON-style surrogate pairs in double-quoted values (`"\ud842\udfb7"`, 𠮷), which YAML's
//! `\u` escape does not allow: JSON writers (and `JSON.stringify`-like tools) emit them for
//! every character beyond U+FFFF, and a YAML file made from JSON holds them.
//!
//! The parser refuses a surrogate escape, so before parsing each pair is replaced by a
//! placeholder of the same length (`\uFDD0\uFDD1`: two noncharacters, which Unicode keeps
//! for a program's own use), so that every line and column stays where it was. After
//! parsing, a scalar that covers a placeholder gets its character back — or, where the text
//! was not a double-quoted escape (a plain or single-quoted value, a block scalar), the text
//! exactly as written. A lone or reversed half is left to the parser, and [`bad_escape`]
//! finds it for the one finding.

use std::collections::BTreeMap;

/// What replaces a pair in the text: 12 bytes, like `\ud842\udfb7`.
const PLACEHOLDER: &str = "\\uFDD0\\uFDD1";
/// What the placeholder is in a double-quoted value.
const DECODED: &str = "\u{FDD0}\u{FDD1}";

/// A pair that was replaced: the character it stands for and the text as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Pair {
    ch: char,
    written: String,
}

/// The pairs of a text by their 1-based line and 0-based character column.
pub(super) type Pairs = BTreeMap<(u32, u32), Pair>;

fn hex4(b: &[u8]) -> Option<u32> {
    let s = std::str::from_utf8(b.get(..4)?).ok()?;
    if !s.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(s, 16).ok()
}

/// `text` with each surrogate pair escape (`\u` + high half, `\u` + low half) replaced by the
/// placeholder, and where each was; `None` when there is none (the usual case, found by one
/// scan for `\u`).
pub(super) fn replace_pairs(text: &str) -> Option<(String, Pairs)> {
    let b = text.as_bytes();
    // Most files have no backslash at all: one memchr instead of the byte loop below.
    if !b.contains(&b'\\') {
        return None;
    }
    let mut pairs = Pairs::new();
    let mut out: Option<Vec<u8>> = None;
    let mut line = 1u32;
    // The column of byte col_at, counted lazily from the line's start.
    let (mut col_at, mut col) = (0usize, 0u32);
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                line += 1;
                i += 1;
                (col_at, col) = (i, 0);
            }
            b'\r' if b.get(i + 1) != Some(&b'\n') => {
                // A lone CR ends a line too, as the parser counts lines.
                line += 1;
                i += 1;
                (col_at, col) = (i, 0);
            }
            b'\\' => {
                // A run of backslashes: only an odd one's last backslash begins an escape.
                let run = b[i..].iter().take_while(|&&c| c == b'\\').count();
                let at = i + run - 1;
                i += run;
                if run % 2 == 0 || b.get(i) != Some(&b'u') {
                    continue;
                }
                let (Some(hi), Some(b'\\'), Some(b'u'), Some(lo)) = (
                    hex4(&b[i + 1..]),
                    b.get(i + 5),
                    b.get(i + 6),
                    b.get(i + 7..).and_then(hex4),
                ) else {
                    continue;
                };
                if !(0xD800..0xDC00).contains(&hi) || !(0xDC00..0xE000).contains(&lo) {
                    continue;
                }
                let Some(ch) = char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                else {
                    continue;
                };
                col += text[col_at..at].chars().count() as u32;
                col_at = at;
                let end = at + PLACEHOLDER.len();
                pairs.insert(
                    (line, col),
                    Pair {
                        ch,
                        written: text[at..end].to_owned(),
                    },
                );
                out.get_or_insert_with(|| b.to_vec())[at..end]
                    .copy_from_slice(PLACEHOLDER.as_bytes());
                i = end;
            }
            _ => i += 1,
        }
    }
    // Only ASCII was replaced by ASCII, so the bytes are still UTF-8.
    out.map(|o| (String::from_utf8(o).expect("ASCII for ASCII"), pairs))
}

/// A scalar's text with the pairs between `start` and `end` (line, column) put back:
/// decoded in a double-quoted value, as written anywhere else.
pub(super) fn restore(
    text: String,
    double_quoted: bool,
    pairs: &Pairs,
    start: (u32, u32),
    end: (u32, u32),
) -> String {
    let mut inside = pairs.range(start..end).map(|(_, p)| p).peekable();
    if inside.peek().is_none() {
        return text;
    }
    let needle = if double_quoted { DECODED } else { PLACEHOLDER };
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    for p in inside {
        let Some(k) = rest.find(needle) else { break };
        out.push_str(&rest[..k]);
        if double_quoted {
            out.push(p.ch);
        } else {
            out.push_str(&p.written);
        }
        rest = &rest[k + needle.len()..];
    }
    out.push_str(rest);
    out
}

/// A `\u`/`\U` escape that is no character, as the parser refuses it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum BadEscape {
    /// A first half (`\ud800`–`\udbff`) not followed by a second.
    High(String),
    /// A second half (`\udc00`–`\udfff`) with no first half before it; `swapped` is the
    /// pair written the right way round when the next escape is its first half.
    Low {
        written: String,
        swapped: Option<(String, char)>,
    },
    /// Beyond U+10FFFF.
    TooLarge(String),
}

/// The first escape that is no character in the double-quoted value whose opening quote is
/// at byte `quote` of `text`, with its byte offset.
pub(super) fn bad_escape(text: &str, quote: usize) -> Option<(usize, BadEscape)> {
    let b = text.as_bytes();
    let mut i = quote + 1;
    while i < b.len() {
        match b[i] {
            b'"' => return None,
            b'\\' => {
                let kind = b.get(i + 1).copied();
                let len = match kind {
                    Some(b'u') => 4,
                    Some(b'U') => 8,
                    _ => {
                        i += 2;
                        continue;
                    }
                };
                let digits = text.get(i + 2..i + 2 + len)?;
                let value = u32::from_str_radix(digits, 16).ok()?;
                let written = text[i..i + 2 + len].to_owned();
                if char::from_u32(value).is_none() {
                    let bad = if value > 0x10FFFF {
                        BadEscape::TooLarge(written)
                    } else if value < 0xDC00 {
                        BadEscape::High(written)
                    } else {
                        let next = i + 2 + len;
                        let swapped = (text.get(next..next + 2) == Some("\\u"))
                            .then(|| text.get(next + 2..next + 6))
                            .flatten()
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                            .filter(|h| (0xD800..0xDC00).contains(h))
                            .and_then(|h| {
                                let ch = char::from_u32(
                                    0x10000 + ((h - 0xD800) << 10) + (value - 0xDC00),
                                )?;
                                Some((format!("{}{}", &text[next..next + 6], written), ch))
                            });
                        BadEscape::Low { written, swapped }
                    };
                    return Some((i, bad));
                }
                i += 2 + len;
            }
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_is_replaced_in_place_and_put_back() {
        let text = "a: \"x\\ud842\\udfb7y\"\nb: '\\uD842\\uDFB7'\n";
        let (out, pairs) = replace_pairs(text).unwrap();
        assert_eq!(out.len(), text.len());
        assert_eq!(out, "a: \"x\\uFDD0\\uFDD1y\"\nb: '\\uFDD0\\uFDD1'\n");
        assert_eq!(pairs.keys().copied().collect::<Vec<_>>(), [(1, 5), (2, 4)]);
        let dq = restore("x\u{FDD0}\u{FDD1}y".into(), true, &pairs, (1, 3), (1, 19));
        assert_eq!(dq, "x𠮷y");
        let sq = restore("\\uFDD0\\uFDD1".into(), false, &pairs, (2, 3), (2, 17));
        assert_eq!(sq, "\\uD842\\uDFB7");
    }

    #[test]
    fn an_escaped_backslash_or_a_lone_half_is_left_alone() {
        assert_eq!(replace_pairs("a: \"\\\\ud842\\udfb7\"\n"), None);
        assert_eq!(replace_pairs("a: \"\\ud842\"\n"), None);
        assert_eq!(replace_pairs("a: \"\\udfb7\\ud842\"\n"), None);
        assert!(replace_pairs("a: \"\\\\\\ud842\\udfb7\"\n").is_some());
    }

    #[test]
    fn columns_count_characters() {
        let (_, pairs) =
            replace_pairs("名前: \"\\ud842\\udfb7\"\r\nb: \"\\ud83d\\ude00\"").unwrap();
        assert_eq!(pairs.keys().copied().collect::<Vec<_>>(), [(1, 5), (2, 4)]);
        assert_eq!(pairs[&(2, 4)].ch, '😀');
    }

    #[test]
    fn the_bad_escape_is_found() {
        let t = "a: \"ok \\n \\ud842 x\"";
        assert_eq!(
            bad_escape(t, 3),
            Some((10, BadEscape::High("\\ud842".into())))
        );
        let t = "a: \"\\udfb7\\ud842\"";
        assert_eq!(
            bad_escape(t, 3),
            Some((
                4,
                BadEscape::Low {
                    written: "\\udfb7".into(),
                    swapped: Some(("\\ud842\\udfb7".into(), '𠮷'))
                }
            ))
        );
        let t = "a: \"\\U00110000\"";
        assert_eq!(
            bad_escape(t, 3),
            Some((4, BadEscape::TooLarge("\\U00110000".into())))
        );
    }
}
