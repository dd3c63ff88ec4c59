//! Where a YAML syntax error really is, and what it means, in each language.
//!
//! The parser reports an error where it notices it — often a line or more after the
//! mistake — in its own English. Only when there is an error, a lenient scan of the text
//! before the parser's position looks for the likely culprit: an unclosed `[`, `{` or quote,
//! a tab, a full-width colon or space (全角), `key:value` without a space, a key indented
//! unlike the lines above. Whatever it finds, or else the parser's message, is worded in
//! our own words.

use super::escape::{BadEscape, bad_escape};
use crate::i18n::Lang;
use crate::tr;

/// A 1-based line and 0-based character column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct At {
    pub line: u32,
    pub col: u32,
}

/// Where a full-width space was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Place {
    Indent,
    AfterColon,
    AfterDash,
}

/// The mistake behind a syntax error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Cause {
    Tab,
    /// `key：value`; `fix` is the key and value as they should be written.
    FullWidthColon {
        fix: String,
    },
    FullWidthSpace(Place),
    /// `key:value` at block level: one plain text, not a key and a value.
    NoSpaceAfterColon {
        written: String,
        fix: String,
    },
    UnclosedFlow(char),
    UnclosedQuote(char),
    /// A line indented by `spaces`, the line above by `above`; `deeper` when the line above
    /// already has a value, so nothing can nest under it.
    Indentation {
        spaces: u32,
        above: u32,
        deeper: bool,
    },
    /// A `- ` list item where a mapping key was expected.
    ListItemWhereKey,
    /// A `\u`/`\U` escape that is no character: half of a surrogate pair, or too large.
    UnicodeEscape(BadEscape),
    /// Nothing better found: the parser's message, at its position, with the character
    /// there (if any).
    Parser(Option<char>),
}

impl Cause {
    /// Whether the cause is one character, worth underlining.
    pub(super) fn is_one_char(&self) -> bool {
        matches!(
            self,
            Cause::Tab
                | Cause::FullWidthColon { .. }
                | Cause::FullWidthSpace(_)
                | Cause::NoSpaceAfterColon { .. }
                | Cause::UnclosedFlow(_)
                | Cause::UnclosedQuote(_)
        )
    }
}

/// How far above the parser's position the line scan looks.
const LOOK_BACK: u32 = 50;

/// The likely mistake behind the parser's error `info` at `at`, in `text` whose document
/// begins at line `first` (nothing above it is looked at).
pub(super) fn diagnose(text: &str, first: u32, at: At, info: &str) -> (At, Cause) {
    let first = first.clamp(1, at.line.max(1));
    let lines: Vec<&str> = text
        .lines()
        .skip(first as usize - 1)
        .take(at.line.saturating_sub(first) as usize + 1)
        .collect();
    let line = |n: u32| line_of(&lines, first, n);
    let at_char = line(at.line).chars().nth(at.col as usize);

    if info.contains("invalid Unicode character escape code") {
        // The parser reports the value's opening quote; the user needs the escape itself.
        if let Some(found) = unicode_escape(text, at) {
            return found;
        }
    }
    if info.contains("tab") {
        // The parser reports where the token began; the user needs the tab itself.
        if let Some(tab) = first_tab_from(text, at.line) {
            return (tab, Cause::Tab);
        }
    }
    let flow = [
        "flow sequence",
        "flow mapping",
        "flow construct",
        "':'",
        "node content",
    ]
    .iter()
    .any(|s| info.contains(s))
        // A flow collection whose last item is quoted, left open before the next key: the
        // parser reports "invalid indentation" at that key, not the open bracket.
        || (info.contains("invalid indentation") && starts_with_key(line(at.line)));
    let quoted = info.contains("quoted scalar")
        && ["end of stream", "document indicator", "invalid indentation"]
            .iter()
            .any(|s| info.contains(s));
    if flow || quoted {
        if quoted && matches!(at_char, Some('"' | '\'')) {
            return (at, Cause::UnclosedQuote(at_char.unwrap_or('"')));
        }
        let (quote, brackets) = open_at(&lines, first, at);
        if quoted {
            if let Some(q) = quote {
                return (q.at, Cause::UnclosedQuote(q.ch));
            }
        }
        if flow {
            if let Some(b) = brackets.last() {
                if b.at.line < at.line || at_char.is_none() {
                    return (b.at, Cause::UnclosedFlow(b.ch));
                }
            }
        }
    }
    if let Some(found) = culprit_line(&lines, first, at) {
        return found;
    }
    let content = |n: u32| {
        let l = line(n);
        let t = l.trim_start_matches(' ');
        (!t.is_empty() && !t.starts_with('#')).then(|| (indent(l), t))
    };
    if info.contains("did not find expected key") {
        if let Some((spaces, t)) = content(at.line) {
            if t == "-" || t.starts_with("- ") {
                let at = At {
                    line: at.line,
                    col: spaces,
                };
                return (at, Cause::ListItemWhereKey);
            }
            let above = (first..at.line)
                .rev()
                .find_map(content)
                .map_or(0, |(i, _)| i);
            if spaces != above {
                let at = At {
                    line: at.line,
                    col: spaces,
                };
                let deeper = spaces > above;
                return (
                    at,
                    Cause::Indentation {
                        spaces,
                        above,
                        deeper,
                    },
                );
            }
        }
    }
    if info.contains("mapping values are not allowed") {
        if let (Some((spaces, _)), Some((above, text_above))) =
            (content(at.line), (first..at.line).rev().find_map(content))
        {
            if spaces > above && has_value(text_above) {
                let at = At {
                    line: at.line,
                    col: spaces,
                };
                return (
                    at,
                    Cause::Indentation {
                        spaces,
                        above,
                        deeper: true,
                    },
                );
            }
        }
    }
    (at, Cause::Parser(at_char))
}

/// The escape that is no character in the double-quoted value that begins at `quote`.
fn unicode_escape(text: &str, quote: At) -> Option<(At, Cause)> {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(quote.line as usize - 1)
        .map(str::len)
        .sum();
    let (k, _) = text[line_start..].char_indices().nth(quote.col as usize)?;
    let (offset, bad) = bad_escape(text, line_start + k)?;
    let before = &text[line_start..offset];
    let breaks = before.matches('\n').count() as u32;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() as u32;
    let at = At {
        line: quote.line + breaks,
        col,
    };
    Some((at, Cause::UnicodeEscape(bad)))
}

/// Line `n` of `lines`, which begin at line `first`; "" outside them.
fn line_of<'a>(lines: &[&'a str], first: u32, n: u32) -> &'a str {
    n.checked_sub(first)
        .and_then(|i| lines.get(i as usize))
        .copied()
        .unwrap_or("")
}

/// Whether a line begins with a plausible block key (`owner:`, `owner: X`).
fn starts_with_key(line: &str) -> bool {
    let t = line.trim_start_matches(' ');
    let key = t
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .unwrap_or(t.len());
    key > 0 && t[key..].starts_with(':') && t[key + 1..].chars().next().is_none_or(|c| c == ' ')
}

/// Leading ASCII spaces.
fn indent(line: &str) -> u32 {
    line.chars().take_while(|&c| c == ' ').count() as u32
}

/// Whether a line (without its indentation) already gives its key or item a value, so that
/// nothing can be nested under it: `key: value`, `- item`.
fn has_value(text: &str) -> bool {
    let value = if let Some(item) = text.strip_prefix("- ") {
        item
    } else if let Some((_, v)) = text.split_once(": ") {
        v
    } else {
        return false;
    };
    let value = value.trim();
    !value.is_empty()
        && !value.starts_with(['#', '|', '>', '&', '!'])
        && !value.contains(": ")
        && !value.ends_with(':')
}

/// The first tab on or after a 1-based line.
fn first_tab_from(text: &str, line: u32) -> Option<At> {
    text.lines()
        .enumerate()
        .skip((line as usize).saturating_sub(1))
        .find_map(|(i, l)| {
            l.chars().position(|c| c == '\t').map(|c| At {
                line: i as u32 + 1,
                col: c as u32,
            })
        })
}

/// Walks up from the parser's position over the lines of content; the first line with a
/// mistake of its own, or the earliest of several such lines in a row (`a:1` / `b:2` is one
/// plain text to the parser), is the culprit. Stops after two clean lines of content.
fn culprit_line(lines: &[&str], first: u32, at: At) -> Option<(At, Cause)> {
    let mut found = None;
    let mut clean = 0;
    let mut n = at.line;
    while n >= first && at.line - n <= LOOK_BACK {
        let l = line_of(lines, first, n);
        let t = l.trim_start_matches([' ', '\t', '\u{3000}']);
        if !t.is_empty() && !t.starts_with('#') {
            // On the parser's own line, only what comes before its position can be the cause.
            let mistake = line_mistake(l).filter(|(col, _)| n < at.line || *col <= at.col);
            match mistake {
                Some((col, cause)) => found = Some((At { line: n, col }, cause)),
                None if found.is_some() => break,
                None => {
                    clean += 1;
                    if clean == 2 {
                        break;
                    }
                }
            }
        }
        n -= 1;
    }
    found
}

/// A mistake a single line shows by itself, with its column.
fn line_mistake(line: &str) -> Option<(u32, Cause)> {
    let chars: Vec<char> = line.chars().collect();
    let mut i = chars
        .iter()
        .take_while(|&&c| matches!(c, ' ' | '\t' | '\u{3000}'))
        .count();
    if let Some(j) = chars[..i].iter().position(|&c| c == '\u{3000}') {
        return Some((j as u32, Cause::FullWidthSpace(Place::Indent)));
    }
    if let Some(j) = chars[..i].iter().position(|&c| c == '\t') {
        return Some((j as u32, Cause::Tab));
    }
    while chars.get(i) == Some(&'-') {
        match chars.get(i + 1) {
            Some(' ') => i += 2,
            Some('\u{3000}') => {
                return Some((i as u32 + 1, Cause::FullWidthSpace(Place::AfterDash)));
            }
            _ => break,
        }
        while chars.get(i) == Some(&' ') {
            i += 1;
        }
    }
    // Only a plausible key counts: ISMS keys are ASCII words (`integrity`, `5.10`).
    let key_start = i;
    while chars
        .get(i)
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
    {
        i += 1;
    }
    if i == key_start {
        return None;
    }
    let key: String = chars[key_start..i].iter().collect();
    let mut j = i;
    while chars.get(j) == Some(&' ') {
        j += 1;
    }
    let word = |from: usize| -> String {
        chars[from..]
            .iter()
            .skip_while(|&&c| matches!(c, ' ' | '\u{3000}'))
            .take_while(|&&c| !matches!(c, ' ' | '\t' | '\u{3000}'))
            .collect()
    };
    match (chars.get(j), chars.get(j + 1)) {
        (Some('：'), _) => {
            let value = word(j + 1);
            let fix = if value.is_empty() {
                format!("{key}:")
            } else {
                format!("{key}: {value}")
            };
            Some((j as u32, Cause::FullWidthColon { fix }))
        }
        (Some(':'), Some('\u{3000}')) => {
            Some((j as u32 + 1, Cause::FullWidthSpace(Place::AfterColon)))
        }
        (Some(':'), Some(&c)) if j == i && !matches!(c, ' ' | '\t' | ':' | '/') => {
            let value = word(j + 1);
            Some((
                j as u32,
                Cause::NoSpaceAfterColon {
                    written: format!("{key}:{value}"),
                    fix: format!("{key}: {value}"),
                },
            ))
        }
        _ => None,
    }
}

/// An opening bracket or quote.
#[derive(Clone, Copy, Debug)]
struct Open {
    at: At,
    ch: char,
}

/// A lenient tokenizer from the document's first line up to `at`: the quote still open
/// there, and the brackets still open (innermost last). A quote or bracket opens only
/// where a value can begin, so `Don't` and `a [draft]` in plain text open nothing; comments
/// and block text (`|`, `>`) are skipped.
fn open_at(lines: &[&str], first: u32, at: At) -> (Option<Open>, Vec<Open>) {
    let mut stack: Vec<Open> = Vec::new();
    let mut quote: Option<Open> = None;
    // The indentation of the line that began block text, while inside it.
    let mut block: Option<usize> = None;
    let mut start = true;
    for (k, l) in lines.iter().enumerate() {
        let n = first + k as u32;
        let chars: Vec<char> = l.chars().collect();
        let stop = if n == at.line {
            (at.col as usize).min(chars.len())
        } else {
            chars.len()
        };
        let indent = chars.iter().take_while(|&&c| c == ' ').count();
        if quote.is_none() && stack.is_empty() {
            if let Some(b) = block {
                if chars.iter().all(|c| c.is_whitespace()) || indent > b {
                    continue;
                }
                block = None;
            }
            start = true;
        }
        // After an anchor or tag, the value can still begin.
        let mut property = false;
        let mut i = 0;
        while i < stop {
            let c = chars[i];
            let next = chars.get(i + 1).copied();
            if let Some(q) = quote {
                if q.ch == '"' && c == '\\' {
                    i += 2;
                    continue;
                }
                if c == q.ch {
                    if q.ch == '\'' && next == Some('\'') {
                        i += 2;
                        continue;
                    }
                    quote = None;
                    start = false;
                }
                i += 1;
                continue;
            }
            let space_before = i == 0 || chars[i - 1].is_whitespace();
            let spaced = next.is_none_or(char::is_whitespace);
            match c {
                '#' if space_before => break,
                ' ' | '\t' => {
                    if property {
                        property = false;
                        start = true;
                    }
                }
                '"' | '\'' if start => {
                    quote = Some(Open {
                        at: At {
                            line: n,
                            col: i as u32,
                        },
                        ch: c,
                    });
                }
                '[' | '{' if start || !stack.is_empty() => {
                    stack.push(Open {
                        at: At {
                            line: n,
                            col: i as u32,
                        },
                        ch: c,
                    });
                    start = true;
                }
                ']' | '}' if !stack.is_empty() => {
                    stack.pop();
                    start = false;
                }
                ',' if !stack.is_empty() => start = true,
                ':' if spaced || !stack.is_empty() => start = true,
                '-' | '?' if start && spaced => {}
                '&' | '!' if start => {
                    property = true;
                    start = false;
                }
                '|' | '>' if start && stack.is_empty() => {
                    block = Some(indent);
                    break;
                }
                _ => start = false,
            }
            i += 1;
        }
    }
    (quote, stack)
}

/// "1 space", "2 spaces".
fn spaces_en(n: u32) -> String {
    if n == 1 {
        "1 space".to_owned()
    } else {
        format!("{n} spaces")
    }
}

/// The closing character of an opening bracket or quote.
fn closing(c: char) -> char {
    match c {
        '[' => ']',
        '{' => '}',
        c => c,
    }
}

/// The message and help for a cause found at `at` (absolute line, for the words). `info`
/// is the parser's message, for [`Cause::Parser`].
pub(super) fn describe(cause: &Cause, at: At, info: &str, lang: Lang) -> (String, String) {
    let (line, col) = (at.line, at.col + 1);
    let (spaces_n, above_n) = match cause {
        Cause::Indentation { spaces, above, .. } => (spaces_en(*spaces), spaces_en(*above)),
        _ => Default::default(),
    };
    let whole = || {
        tr!(
            lang,
            "write the character itself (the file is UTF-8), or both halves one after the other, as JSON does: `\\ud842\\udfb7` is 𠮷",
            "文字をそのまま書くか（ファイルは UTF-8 です）、JSON と同じく前半と後半を続けて書いてください（`\\ud842\\udfb7` は 𠮷）"
        )
    };
    match cause {
        Cause::UnicodeEscape(BadEscape::High(w)) => (
            tr!(
                lang,
                "line {line}, column {col} has `{w}`: the first half of a UTF-16 surrogate pair, with no second half after it",
                "{line} 行 {col} 列目の `{w}` は UTF-16 のサロゲートペアの前半だけで、後半が続いていません"
            ),
            whole(),
        ),
        Cause::UnicodeEscape(BadEscape::Low {
            written: w,
            swapped: Some((pair, ch)),
        }) => (
            tr!(
                lang,
                "line {line}, column {col} has a UTF-16 surrogate pair the wrong way round: `{w}` is its second half",
                "{line} 行 {col} 列目の UTF-16 のサロゲートペアが逆順です（`{w}` は後半です）"
            ),
            tr!(
                lang,
                "write `{pair}` ({ch}), first half first, or the character itself",
                "前半を先に `{pair}`（{ch}）と書くか、文字をそのまま書いてください"
            ),
        ),
        Cause::UnicodeEscape(BadEscape::Low {
            written: w,
            swapped: None,
        }) => (
            tr!(
                lang,
                "line {line}, column {col} has `{w}`: the second half of a UTF-16 surrogate pair, with no first half before it",
                "{line} 行 {col} 列目の `{w}` は UTF-16 のサロゲートペアの後半だけで、前半がありません"
            ),
            whole(),
        ),
        Cause::UnicodeEscape(BadEscape::TooLarge(w)) => (
            tr!(
                lang,
                "line {line}, column {col} has `{w}`, beyond the last Unicode character `\\U0010FFFF`",
                "{line} 行 {col} 列目の `{w}` は Unicode の最後の文字 `\\U0010FFFF` を超えています"
            ),
            tr!(
                lang,
                "write the character itself, or the escape of its code point",
                "文字をそのまま書くか、正しいコードポイントのエスケープを書いてください"
            ),
        ),
        Cause::Tab => (
            tr!(
                lang,
                "line {line}, column {col} has a tab",
                "{line} 行 {col} 列目にタブがあります"
            ),
            tr!(
                lang,
                "indent with spaces: YAML does not allow tabs for indentation",
                "インデントには空白を使ってください（YAML ではタブは使えません）"
            ),
        ),
        Cause::FullWidthColon { fix } => (
            tr!(
                lang,
                "line {line}, column {col} has a full-width colon `：` (全角) where a key needs `:`",
                "{line} 行 {col} 列目に全角のコロン `：` があります"
            ),
            tr!(
                lang,
                "YAML needs the ASCII colon `:` followed by a space: `{fix}`",
                "半角のコロン `:` と空白にしてください: `{fix}`"
            ),
        ),
        Cause::FullWidthSpace(place) => (
            tr!(
                lang,
                "line {line}, column {col} has a full-width space `　` (全角)",
                "{line} 行 {col} 列目に全角の空白 `　` があります"
            ),
            match place {
                Place::Indent => tr!(
                    lang,
                    "YAML indents with ASCII spaces only: replace the full-width space with ASCII spaces",
                    "インデントには半角の空白を使ってください（全角の空白は使えません）"
                ),
                Place::AfterColon => tr!(
                    lang,
                    "YAML needs an ASCII space after `:`: replace the full-width space",
                    "`:` の後は半角の空白にしてください（全角の空白は使えません）"
                ),
                Place::AfterDash => tr!(
                    lang,
                    "a list item needs an ASCII space after `-`: replace the full-width space",
                    "リストの `-` の後は半角の空白にしてください（全角の空白は使えません）"
                ),
            },
        ),
        Cause::NoSpaceAfterColon { written, fix } => (
            tr!(
                lang,
                "no space after `:` at line {line}, column {col}: `{written}` is one text, not a key and a value",
                "{line} 行 {col} 列目の `:` の後に空白がありません（`{written}` はキーと値ではなく一続きの文字列になります）"
            ),
            tr!(
                lang,
                "write a space after the colon: `{fix}`",
                "コロンの後に半角の空白を入れてください: `{fix}`"
            ),
        ),
        Cause::UnclosedFlow(c) => {
            let close = closing(*c);
            (
                tr!(
                    lang,
                    "`{c}` at line {line}, column {col} is never closed",
                    "{line} 行 {col} 列目の `{c}` が閉じられていません"
                ),
                tr!(
                    lang,
                    "close it with `{close}`, separating the items with `,`",
                    "`{close}` で閉じてください（項目は `,` で区切ります）"
                ),
            )
        }
        Cause::UnclosedQuote(c) => (
            tr!(
                lang,
                "the quote `{c}` at line {line}, column {col} is never closed",
                "{line} 行 {col} 列目の引用符 `{c}` が閉じられていません"
            ),
            tr!(
                lang,
                "end the value with a matching `{c}` on the same line",
                "値の終わりに同じ引用符 `{c}` を書いてください"
            ),
        ),
        Cause::Indentation {
            spaces,
            above,
            deeper: true,
        } => (
            tr!(
                lang,
                "line {line} is indented by {spaces_n}, deeper than the line above, which already has a value",
                "{line} 行目のインデント（空白 {spaces} 個）が、すでに値のある上の行より深くなっています"
            ),
            tr!(
                lang,
                "indent the keys of one mapping by the same number of spaces (here {above}); to nest it, leave the key above without a value (`key:`)",
                "同じマッピングのキーは同じ数の空白でインデントしてください（ここでは {above} 個）。入れ子にするなら上のキーを値のない `キー:` にしてください"
            ),
        ),
        Cause::Indentation {
            spaces,
            above,
            deeper: false,
        } => (
            tr!(
                lang,
                "line {line} is indented by {spaces_n}, which lines up with no key above it",
                "{line} 行目のインデント（空白 {spaces} 個）が上のどのキーとも揃っていません"
            ),
            tr!(
                lang,
                "indent it like the other keys of its mapping (the line above has {above_n})",
                "同じマッピングのほかのキーと同じ数の空白でインデントしてください（上の行は {above} 個）"
            ),
        ),
        Cause::ListItemWhereKey => (
            tr!(
                lang,
                "a list item `- ` where a key was expected",
                "キーを書くべき位置にリストの項目 `- ` があります"
            ),
            tr!(
                lang,
                "put a list under its key, indented: `assets:` then `  - A-001` on the next line",
                "リストはキーの下にインデントして書いてください（`assets:` の次の行に `  - A-001`）"
            ),
        ),
        Cause::Parser(c) => parser_words(info, *c, lang),
    }
}

/// The parser's message in our words. Unknown messages keep the parser's text as detail.
fn parser_words(info: &str, c: Option<char>, lang: Lang) -> (String, String) {
    let has = |s: &str| info.contains(s);
    let c = c.map_or_else(String::new, String::from);
    if has("mapping values are not allowed") {
        (
            tr!(
                lang,
                "a `:` where no key can begin",
                "ここではキーを書けない位置に `:` があります"
            ),
            tr!(
                lang,
                "quote a value that contains `: ` (`title: \"a: b\"`); a key must line up with the keys above it",
                "`: ` を含む値は引用符で囲んでください（`title: \"a: b\"`）。キーなら上のキーとインデントを揃えてください"
            ),
        )
    } else if has("did not find expected key") {
        (
            tr!(
                lang,
                "expected a key at this indentation",
                "このインデントにはキーが必要です"
            ),
            tr!(
                lang,
                "indent the keys of one mapping by the same number of spaces",
                "同じマッピングのキーは同じ数の空白でインデントしてください"
            ),
        )
    } else if has("simple key expect") || has("could not find expected ':'") {
        (
            tr!(lang, "a key without `:`", "キーの後に `:` がありません"),
            tr!(
                lang,
                "write `key: value`, with an ASCII colon `:` and a space after it",
                "`キー: 値` の形で、半角のコロン `:` と空白を書いてください"
            ),
        )
    } else if has("flow sequence") {
        (
            tr!(
                lang,
                "expected `,` or `]` in a `[...]` list",
                "`[...]` のリストに `,` か `]` が必要です"
            ),
            tr!(
                lang,
                "separate the items with `,` and close the list with `]`",
                "項目は `,` で区切り、`]` で閉じてください"
            ),
        )
    } else if has("flow mapping") {
        (
            tr!(
                lang,
                "expected `,` or `}}` in a `{{...}}` mapping",
                "`{{...}}` のマッピングに `,` か `}}` が必要です"
            ),
            tr!(
                lang,
                "separate the entries with `,` and close the mapping with `}}`",
                "項目は `,` で区切り、`}}` で閉じてください"
            ),
        )
    } else if has("flow construct") {
        (
            tr!(
                lang,
                "a `[...]` or `{{...}}` continues on a line that is not indented enough",
                "`[...]` か `{{...}}` の続きの行のインデントが足りません"
            ),
            tr!(
                lang,
                "indent the continued lines more than the key, or write it on one line",
                "続きの行をキーより深くインデントするか、1 行に書いてください"
            ),
        )
    } else if has("':'") {
        (
            tr!(
                lang,
                "a `:` that is not allowed inside `[...]` or `{{...}}`",
                "`[...]` や `{{...}}` の中で使えない位置に `:` があります"
            ),
            tr!(
                lang,
                "quote an item that contains `:`, and check that every `[` and `{{` is closed",
                "`:` を含む項目は引用符で囲み、`[` と `{{` が閉じているか確認してください"
            ),
        )
    } else if has("unexpected character") {
        (
            tr!(
                lang,
                "`{c}` cannot begin a value",
                "`{c}` で値を始めることはできません"
            ),
            tr!(
                lang,
                "quote the value: `{c}` is reserved in YAML",
                "値を引用符で囲んでください（`{c}` は YAML の予約文字です）"
            ),
        )
    } else if has("quoted scalar") && (has("escape") || has("hexadecimal")) {
        (
            tr!(
                lang,
                "an invalid `\\` escape in a double-quoted value",
                "二重引用符の値に不正な `\\` のエスケープがあります"
            ),
            tr!(
                lang,
                "use single quotes for text with backslashes ('C:\\data'), or write `\\\\`",
                "バックスラッシュを含む値は一重引用符で囲むか（'C:\\data'）、`\\\\` と書いてください"
            ),
        )
    } else if has("quoted scalar") {
        (
            tr!(
                lang,
                "a quoted value that is never closed",
                "引用符で始まる値が閉じられていません"
            ),
            tr!(
                lang,
                "end the value with the same quote it began with",
                "値の終わりに始めと同じ引用符を書いてください"
            ),
        )
    } else if has("block sequence entries are not allowed") {
        (
            tr!(
                lang,
                "a list item `- ` where a value was already given",
                "すでに値がある位置にリストの項目 `- ` があります"
            ),
            tr!(
                lang,
                "begin the list on the line after `key:`, indented, or quote a value that begins with `- `",
                "リストは `キー:` の次の行からインデントして書くか、`- ` で始まる値を引用符で囲んでください"
            ),
        )
    } else if has("expected '-' indicator") {
        (
            tr!(
                lang,
                "expected a list item `- ` at this indentation",
                "このインデントにはリストの項目 `- ` が必要です"
            ),
            tr!(
                lang,
                "begin every item of the list with `- `, or indent this key less to end the list",
                "リストの項目はすべて `- ` で始めてください。リストを終えるならこのキーのインデントを浅くしてください"
            ),
        )
    } else if has("must be followed by a valid YAML whitespace") {
        (
            tr!(
                lang,
                "`{c}` must be followed by a space",
                "`{c}` の後には空白が必要です"
            ),
            tr!(
                lang,
                "write an ASCII space (not a tab) after `:` and `-`",
                "`:` と `-` の後には半角の空白（タブではなく）を書いてください"
            ),
        )
    } else if has("did not find expected node content") {
        (
            tr!(lang, "a value is missing here", "ここに値がありません"),
            tr!(
                lang,
                "write a value, or quote it if it begins with a special character",
                "値を書いてください。記号で始まる値は引用符で囲んでください"
            ),
        )
    } else if has("comments must be separated") {
        (
            tr!(
                lang,
                "`#` begins a comment only after a space",
                "`#` の前に空白がないためコメントになりません"
            ),
            tr!(
                lang,
                "put a space before `#`, or quote the value if `#` is part of it",
                "`#` の前に空白を入れるか、`#` を含む値を引用符で囲んでください"
            ),
        )
    } else if has("anchor or alias") {
        (
            tr!(
                lang,
                "`&` and `*` begin an anchor or an alias",
                "`&` と `*` はアンカーとエイリアスの記号です"
            ),
            tr!(
                lang,
                "quote a value that begins with `&` or `*`",
                "`&` か `*` で始まる値は引用符で囲んでください"
            ),
        )
    } else if has("duplicated anchor") {
        (
            tr!(
                lang,
                "an anchor `&` defined twice",
                "アンカー `&` が二重に定義されています"
            ),
            tr!(
                lang,
                "give each anchor its own name",
                "アンカーにはそれぞれ別の名前を付けてください"
            ),
        )
    } else if has("unknown anchor") {
        (
            tr!(
                lang,
                "an alias `*` to no anchor",
                "エイリアス `*` に対応するアンカーがありません"
            ),
            tr!(
                lang,
                "define the anchor `&name` above before using `*name`, or quote a value that begins with `*`",
                "`*名前` の前に `&名前` を定義するか、`*` で始まる値を引用符で囲んでください"
            ),
        )
    } else if has("block scalar") {
        (
            tr!(
                lang,
                "invalid `|` or `>` block text",
                "`|` か `>` のブロック文字列が不正です"
            ),
            tr!(
                lang,
                "indent every line of the text by the same spaces, more than its key",
                "文字列の各行をキーより深く、同じ数の空白でインデントしてください"
            ),
        )
    } else if has("unprintable character") {
        (
            tr!(
                lang,
                "a control character that YAML does not allow",
                "YAML で使えない制御文字があります"
            ),
            tr!(
                lang,
                "delete it: it was probably pasted in by accident",
                "削除してください（貼り付けの際に紛れ込んだものと思われます）"
            ),
        )
    } else if has("byte order mark") {
        (
            tr!(
                lang,
                "a byte order mark (BOM) inside the file",
                "ファイルの途中に BOM（バイトオーダーマーク）があります"
            ),
            tr!(
                lang,
                "delete it: a BOM may only begin the file",
                "削除してください（BOM はファイルの先頭にしか置けません）"
            ),
        )
    } else if has("invalid indentation") {
        (
            tr!(lang, "invalid indentation", "インデントが不正です"),
            tr!(
                lang,
                "indent by the same number of spaces as the lines it belongs with",
                "同じ階層の行と同じ数の空白でインデントしてください"
            ),
        )
    } else if has("<document start>") || has("document end marker") {
        (
            tr!(
                lang,
                "text after the end of the document",
                "文書の終わりの後に文字があります"
            ),
            tr!(
                lang,
                "check the indentation, or begin a new document with `---`",
                "インデントを確認するか、新しい文書を `---` で始めてください"
            ),
        )
    } else {
        (
            // The parser's own words are English: a Japanese message leaves them out rather
            // than mix languages (the position and the help still say where and what to check).
            tr!(
                lang,
                "invalid YAML (parser: {info})",
                "YAML の構文エラーです"
            ),
            tr!(
                lang,
                "check the indentation, the `key: value` colons and the quotes near here",
                "この付近のインデント、`キー: 値` のコロン、引用符を確認してください"
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::source::{FileId, Pos, Span};

    /// The one finding of a text, in one language.
    struct Said {
        span: Span,
        message: String,
        help: Option<String>,
        related: Vec<crate::finding::Related>,
    }

    fn error(text: &str, lang: Lang) -> Said {
        let (_, f) = crate::yaml::parse(FileId(0), text);
        assert_eq!(f.len(), 1, "{text:?}: {f:?}");
        assert_eq!(f[0].code, "yaml/syntax");
        let f = f.into_iter().next().unwrap();
        Said {
            span: f.span,
            message: f.message.get(lang).to_owned(),
            help: f.help.map(|h| h.get(lang).to_owned()),
            related: f.related,
        }
    }

    /// Each mistake, where it is (1-based line, 0-based column) and a word of the message.
    #[test]
    fn the_mistake_is_found_where_it_is() {
        let cases: &[(&str, (u32, u32), &str)] = &[
            // Unclosed brackets: the parser notices on a later line.
            (
                "kind: risk\nassets: [A-1, A-2\nthreat: T\n",
                (2, 8),
                "`[` at line 2",
            ),
            ("kind: risk\nassets: [A-1, A-2\n", (2, 8), "never closed"),
            // The last item quoted: the parser says "invalid indentation" at the next key.
            (
                "kind: control\nmaps_to: [\"a:7.14\", \"a:8.10\"\ndescription: PC\n",
                (2, 9),
                "`[` at line 2",
            ),
            (
                "kind: risk\nassets: [A-1,\n  A-2,\nowner: X\n",
                (2, 8),
                "`[`",
            ),
            (
                "kind: risk\nresidual: {likelihood: 1\nowner: X\n",
                (2, 10),
                "`{`",
            ),
            ("a: 1\n---\nb: [\n---\nc: 3\n", (3, 3), "`[`"),
            // Brackets in block text and comments open nothing.
            (
                "kind: risk\ndesc: |\n  a [b\n  c\nassets: [A-1 # ]\nx: 1\n",
                (5, 8),
                "`[` at line 5",
            ),
            // Full-width colon, full-width space, no space after `:`.
            (
                "kind: asset\nid: A-1\nintegrity：2\nowner: X\n",
                (3, 9),
                "`：`",
            ),
            ("kind: asset\nid: A-1\nintegrity：2\n", (3, 9), "`：`"),
            ("kind: asset\ncia：\n  a: 1\n", (2, 3), "`：`"),
            (
                "kind: asset\ncia:\n  a: 1\n　　b: 2\n  c: 3\n",
                (4, 0),
                "`　`",
            ),
            (
                "kind: asset\ncia:\n  a: 1\n  b:　2\n  c: 3\n",
                (4, 4),
                "`　`",
            ),
            ("kind: asset\ntitle:x\nowner: X\n", (2, 5), "`title:x`"),
            ("kind: asset\ncia:\n  a:1\n  b: 2\n", (3, 3), "`a:1`"),
            ("a:1\nb:2\nc: 3\n", (1, 1), "`a:1`"),
            // A tab, before or after the parser's position.
            ("kind: risk\nid: R-1\n\tname: a\n", (3, 0), "tab"),
            // Unclosed quotes: at the opening quote.
            ("kind: risk\ntitle: \"abc\nowner: X\n", (2, 7), "quote `\"`"),
            ("kind: risk\ntitle: 'abc\n", (2, 7), "quote `'`"),
            ("kind: risk\nassets: [\"A-1, A-2]\nx: y\n", (2, 9), "quote"),
            // Keys indented unlike their siblings.
            ("kind: risk\n  id: X\ntitle: t\n", (2, 2), "deeper"),
            ("kind: risk\ncia:\n  a: 1\n    b: 2\n", (4, 4), "deeper"),
            (
                "kind: risk\ncia:\n  a: 1\n b: 2\n",
                (4, 1),
                "lines up with no key",
            ),
            ("kind: risk\n- a\n", (2, 0), "list item"),
            // The parser's own position, in our words.
            ("kind: risk\ntitle: a: b\n", (2, 8), "no key can begin"),
            ("kind: risk\nid: @x\n", (2, 4), "`@` cannot begin"),
            ("kind: risk\ntitle: \"C:\\data\"\n", (2, 7), "escape"),
            ("kind: risk\nassets:\n  - a\n  b: 1\n", (4, 2), "list item"),
        ];
        for &(text, (line, col), word) in cases {
            let f = error(text, Lang::En);
            assert_eq!(f.span.start, Pos { line, col }, "{text:?}: {}", f.message);
            assert!(f.message.contains(word), "{text:?}: {}", f.message);
            assert!(!f.message.contains("while "), "{text:?}: {}", f.message);
        }
    }

    #[test]
    fn full_width_characters_are_named_in_both_languages() {
        let text = "kind: asset\nid: A-1\nintegrity：2\nowner: X\n";
        let en = error(text, Lang::En);
        assert_eq!(
            en.message,
            "line 3, column 10 has a full-width colon `：` (全角) where a key needs `:`"
        );
        assert_eq!(
            en.help.as_deref(),
            Some("YAML needs the ASCII colon `:` followed by a space: `integrity: 2`")
        );
        let ja = error(text, Lang::Ja);
        assert_eq!(ja.message, "3 行 10 列目に全角のコロン `：` があります");
        assert_eq!(
            ja.help.as_deref(),
            Some("半角のコロン `:` と空白にしてください: `integrity: 2`")
        );
        // The character is underlined, and the parser's own position is related.
        assert_eq!(en.span.end, Pos { line: 3, col: 10 });
        assert_eq!(en.related[0].span.start, Pos { line: 4, col: 0 });

        let text = "kind: asset\ncia:\n  a: 1\n　　b: 2\n  c: 3\n";
        let en = error(text, Lang::En);
        assert_eq!(
            en.message,
            "line 4, column 1 has a full-width space `　` (全角)"
        );
        let ja = error(text, Lang::Ja);
        assert_eq!(ja.message, "4 行 1 列目に全角の空白 `　` があります");
        assert_eq!(
            ja.help.as_deref(),
            Some("インデントには半角の空白を使ってください（全角の空白は使えません）")
        );
    }

    #[test]
    fn unknown_parser_messages_keep_the_parser_text_in_english_only() {
        let describe = |lang| {
            super::describe(
                &super::Cause::Parser(None),
                super::At { line: 1, col: 0 },
                "something new",
                lang,
            )
            .0
        };
        assert_eq!(describe(Lang::En), "invalid YAML (parser: something new)");
        assert_eq!(describe(Lang::Ja), "YAML の構文エラーです");
    }

    #[test]
    fn plain_text_with_colons_and_quotes_is_no_culprit() {
        // A full-width colon inside a value, an apostrophe, a URL: the indentation is the error.
        let text = "kind: risk\ntitle: 注意：重要\nnote: Don't\nurl: http://x\n  owner: X\n";
        let f = error(text, Lang::En);
        assert_eq!(f.span.start, Pos { line: 5, col: 2 }, "{}", f.message);
    }
}
