//! YAML with a span on every node.
//!
//! Built on `saphyr-parser`'s event stream without recursion, so hostile input stays a
//! finding: nesting deeper than [`MAX_DEPTH`] and alias expansion beyond a node budget stop
//! the file with `yaml/syntax`; a key given twice is `yaml/duplicate-key`. A syntax error
//! ends only the document it is in: parsing resumes at the next `---` line. It is reported
//! at the mistake itself, not where the parser noticed it, in our own words (see `hints`);
//! [`scan_ids`] reads the `kind:` and `id:` lines of a text even when it does not parse.

mod escape;
mod hints;
mod scan;

pub use scan::{Scanned, ScannedDocument, scan_ids};

use crate::finding::{Finding, Message};
use crate::i18n::Lang;
use crate::msg;
use crate::rules::loading::{YamlDuplicateKey, YamlSyntax};
use crate::source::{FileId, Pos, Span};
use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError};
use std::collections::HashMap;

/// Deeper than any ISMS document needs; keeps every recursive walk far from the stack limit.
pub const MAX_DEPTH: usize = 64;

/// How many nodes aliases may add to one file, whatever its size: generous for real files
/// (an ISMS rarely uses aliases at all), fatal for exponential expansion. A fixed number,
/// not one that grows with the file, so that padding a bomb does not raise its allowance.
pub const ALIAS_BUDGET: usize = 100_000;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A scalar as written, and whether it was plain (unquoted), which decides its type.
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: Node,
    pub value: Node,
}

/// A plain scalar's type under the YAML 1.2 core schema.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolved<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(&'a str),
}

impl Resolved<'_> {
    /// The integer a number stands for, as JSON Schema's `integer` sees it: `3` and `3.0`
    /// (and `3e0`) are 3, so that every number the schema accepts is the one the model
    /// uses; `3.5`, `.inf` and `.nan` are none.
    pub fn as_int(&self) -> Option<i64> {
        match *self {
            Resolved::Int(i) => Some(i),
            // i64::MAX as f64 rounds up to 2^63: the bound is exclusive.
            Resolved::Float(f)
                if f.fract() == 0.0 && f >= -(2f64.powi(63)) && f < 2f64.powi(63) =>
            {
                Some(f as i64)
            }
            _ => None,
        }
    }
}

pub fn resolve(text: &str, plain: bool) -> Resolved<'_> {
    if !plain {
        return Resolved::Str(text);
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Resolved::Null,
        "true" | "True" | "TRUE" => return Resolved::Bool(true),
        "false" | "False" | "FALSE" => return Resolved::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Resolved::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Resolved::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Resolved::Float(f64::NAN),
        _ => {}
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(i) = text.parse::<i64>() {
            return Resolved::Int(i);
        }
    }
    if let Some(hex) = text.strip_prefix("0x") {
        if let Ok(i) = i64::from_str_radix(hex, 16) {
            return Resolved::Int(i);
        }
    }
    if let Some(oct) = text.strip_prefix("0o") {
        if let Ok(i) = i64::from_str_radix(oct, 8) {
            return Resolved::Int(i);
        }
    }
    if is_core_float(text) {
        if let Ok(f) = text.parse::<f64>() {
            return Resolved::Float(f);
        }
    }
    Resolved::Str(text)
}

/// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
fn is_core_float(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'-' | b'+')));
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let int_digits = i - int_start;
    let mut frac_digits = 0;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let s = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        frac_digits = i - s;
    }
    if int_digits == 0 && frac_digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
            i += 1;
        }
        let s = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == s {
            return false;
        }
    }
    i == b.len()
}

impl Node {
    pub fn as_map(&self) -> Option<&[Entry]> {
        match &self.value {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(s) => Some(s),
            _ => None,
        }
    }

    pub fn scalar(&self) -> Option<(&str, bool)> {
        match &self.value {
            Value::Scalar { text, plain } => Some((text, *plain)),
            _ => None,
        }
    }

    pub fn resolved(&self) -> Option<Resolved<'_>> {
        self.scalar().map(|(t, p)| resolve(t, p))
    }

    /// The value under `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.as_map()?
            .iter()
            .find(|e| e.key.scalar().is_some_and(|(t, _)| t == key))
    }

    /// The node's JSON value as a schema validator sees it. Keys keep their text as written,
    /// so `5.10:` stays "5.10" (a separate check tells the user to quote it).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Scalar { text, plain } => match resolve(text, *plain) {
                Resolved::Null => J::Null,
                Resolved::Bool(b) => J::Bool(b),
                Resolved::Int(i) => J::from(i),
                Resolved::Float(f) => serde_json::Number::from_f64(f).map_or(J::Null, J::Number),
                Resolved::Str(s) => J::String(s.to_owned()),
            },
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|e| {
                        let key = e
                            .key
                            .scalar()
                            .map_or_else(String::new, |(t, _)| t.to_owned());
                        (key, e.value.to_json())
                    })
                    .collect(),
            ),
        }
    }
}

/// One YAML document of a file.
#[derive(Debug)]
pub struct Document {
    pub root: Node,
}

/// Parses every document of a file. Findings are `yaml/*`.
pub fn parse(file: FileId, text: &str) -> (Vec<Document>, Vec<Finding>) {
    let mut docs = Vec::new();
    let findings = parse_each(file, text, |d| docs.push(d));
    (docs, findings)
}

/// Parses a file, handing each document to `each` as soon as it is complete, so that a
/// large file never holds every tree at once. Returns the `yaml/*` findings.
pub fn parse_each(file: FileId, text: &str, mut each: impl FnMut(Document)) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut line_offset = 0u32;
    // Surrogate pairs become placeholders of the same length, put back in each scalar.
    let replaced = escape::replace_pairs(text);
    let (text, pairs) = match &replaced {
        Some((t, p)) => (t.as_str(), Some(p)),
        None => (text, None),
    };
    let mut rest = text;
    // One alias budget for the whole file, across the documents parsed after an error.
    let mut alias_nodes = 0;
    loop {
        match parse_stream(
            file,
            rest,
            line_offset,
            pairs,
            &mut alias_nodes,
            &mut each,
            &mut findings,
        ) {
            Resume::Done => break,
            Resume::AfterLine(line) => {
                // Skip to the next document marker after the broken one.
                let Some((byte, next_line)) = next_document_marker(rest, line - line_offset) else {
                    break;
                };
                rest = &rest[byte..];
                line_offset += next_line - 1;
            }
        }
    }
    findings
}

enum Resume {
    Done,
    /// A syntax error at this absolute line: resume at the next `---` below it.
    AfterLine(u32),
}

/// The byte offset and relative 1-based line of the first `---` line strictly below `line`.
fn next_document_marker(text: &str, line: u32) -> Option<(usize, u32)> {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        let n = i as u32 + 1;
        let is_marker =
            l.starts_with("---") && l[3..].chars().next().is_none_or(char::is_whitespace);
        if n > line && is_marker {
            return Some((offset, n));
        }
        offset += l.len();
    }
    None
}

enum Frame {
    Seq {
        start: Pos,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        start: Pos,
        anchor: usize,
        entries: Vec<Entry>,
        key: Option<Node>,
        /// Key text → index into entries, built only for large mappings.
        index: Option<HashMap<String, usize>>,
    },
}

struct Builder<'a> {
    file: FileId,
    text: &'a str,
    line_offset: u32,
    stack: Vec<Frame>,
    /// Each anchored node and how many nodes it holds.
    anchors: HashMap<usize, (Node, usize)>,
    /// Nodes that alias copies have added so far, against [`ALIAS_BUDGET`].
    alias_nodes: &'a mut usize,
    /// The surrogate pairs replaced in the text, if any.
    pairs: Option<&'a escape::Pairs>,
    findings: &'a mut Vec<Finding>,
}

fn count_nodes(node: &Node) -> usize {
    let mut n = 0;
    let mut todo = vec![node];
    while let Some(x) = todo.pop() {
        n += 1;
        match &x.value {
            Value::Seq(items) => todo.extend(items),
            Value::Map(entries) => {
                for e in entries {
                    todo.push(&e.key);
                    todo.push(&e.value);
                }
            }
            Value::Scalar { .. } => {}
        }
    }
    n
}

enum Stop {
    /// Boxed: a finding is large, and this travels in every `Result` of the builder.
    Syntax(Box<Finding>),
    /// A mistake that ends only its own document, as a parser error does: parsing resumes
    /// at the next `---`.
    Document(Box<Finding>),
}

impl Builder<'_> {
    fn pos(&self, m: &Marker) -> Pos {
        Pos {
            line: m.line() as u32 + self.line_offset,
            col: m.col() as u32,
        }
    }

    fn span(&self, start: &Marker, end: &Marker) -> Span {
        Span {
            file: self.file,
            start: self.pos(start),
            end: self.pos(end),
        }
    }

    fn syntax(&self, at: Pos, message: Message, help: Option<Message>) -> Stop {
        Stop::Syntax(Box::new(
            Finding::new(&YamlSyntax::META, Span::point(self.file, at), message).help_opt(help),
        ))
    }

    fn too_deep(&self, at: Pos) -> Stop {
        let Stop::Syntax(f) = self.syntax(
            at,
            msg!(
                "nesting deeper than {MAX_DEPTH} levels",
                "入れ子が {MAX_DEPTH} 段を超えています"
            ),
            Some(msg!(
                "an ISMS document needs only a few levels; check the indentation and brackets",
                "ISMS の文書に深い入れ子は不要です。インデントと括弧を確認してください"
            )),
        ) else {
            unreachable!("syntax() makes a Stop::Syntax")
        };
        // Depth is the document's own: the next `---` starts afresh.
        Stop::Document(f)
    }

    /// An alias's copy, counted against the file's alias budget before it is made.
    fn alias(&mut self, id: usize, at: Span) -> Result<Node, Stop> {
        let Some((node, count)) = self.anchors.get(&id) else {
            let Stop::Syntax(f) = self.syntax(
                at.start,
                msg!("unknown alias", "未定義のエイリアスです"),
                Some(msg!(
                    "define the anchor (`&name`) before its alias (`*name`), in the same document",
                    "エイリアス（`*name`）より前に、同じ文書の中でアンカー（`&name`）を定義してください"
                )),
            ) else {
                unreachable!("syntax() makes a Stop::Syntax")
            };
            return Err(Stop::Document(f));
        };
        *self.alias_nodes = self.alias_nodes.saturating_add(*count);
        if *self.alias_nodes > ALIAS_BUDGET {
            let line = at.start.line;
            return Err(self.syntax(
                at.start,
                msg!("aliases expand to more than {ALIAS_BUDGET} nodes; the rest of the file, from line {line}, is not read",
                    "エイリアスの展開が {ALIAS_BUDGET} ノードを超えました。{line} 行目以降は読み込みません"
                ),
                Some(msg!("this looks like an alias bomb (\"billion laughs\"); write the values out instead of nesting aliases",
                    "エイリアス爆弾（billion laughs）の形です。エイリアスを入れ子にせず値を書いてください"
                )),
            ));
        }
        let mut node = node.clone();
        node.span = at;
        Ok(node)
    }

    fn open(&mut self, frame: Frame, at: Pos) -> Result<(), Stop> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.too_deep(at));
        }
        self.stack.push(frame);
        Ok(())
    }

    /// Adds a finished node to the collection being built; returns it when it is a root.
    fn push(&mut self, node: Node, anchor: usize) -> Result<Option<Node>, Stop> {
        if anchor != 0 {
            let count = count_nodes(&node);
            self.anchors.insert(anchor, (node.clone(), count));
        }
        match self.stack.last_mut() {
            None => Ok(Some(node)),
            Some(Frame::Seq { items, .. }) => {
                items.push(node);
                Ok(None)
            }
            Some(Frame::Map {
                entries,
                key,
                index,
                ..
            }) => {
                let Some(k) = key.take() else {
                    if let Some(f) = full_width_indent(self.file, &node) {
                        return Err(Stop::Document(Box::new(f)));
                    }
                    *key = Some(node);
                    return Ok(None);
                };
                if k.scalar().is_none() {
                    // Nothing could name it: without this, the entry reached no check.
                    self.findings.push(collection_key(&k));
                    return Ok(None);
                }
                // Borrowed: a key's text is copied only into a large mapping's index.
                let text = k.scalar().map(|(t, _)| t);
                let previous = match (text, index.as_ref()) {
                    (Some(t), Some(ix)) => ix.get(t).copied(),
                    (Some(t), None) => entries
                        .iter()
                        .position(|e| e.key.scalar().is_some_and(|(x, _)| x == t)),
                    (None, _) => None,
                };
                if let Some(i) = previous {
                    let first = entries[i].key.span;
                    let name = text.unwrap_or_default().to_owned();
                    self.findings.push(
                        Finding::new(
                            &YamlDuplicateKey::META,
                            k.span,
                            msg!("duplicate key `{name}`", "キー `{name}` が重複しています"),
                        )
                        .help(msg!(
                            "keep one `{name}`: YAML tools disagree on which one wins",
                            "`{name}` を1つにしてください（どちらが有効かはツールにより異なります）"
                        ))
                        .related(first, msg!("first given here", "最初の定義"))
                        .about("", name.clone()),
                    );
                    return Ok(None);
                }
                if let Some(t) = text {
                    if let Some(ix) = index.as_mut() {
                        ix.insert(t.to_owned(), entries.len());
                    } else if entries.len() >= 16 {
                        let mut ix: HashMap<String, usize> = entries
                            .iter()
                            .enumerate()
                            .filter_map(|(i, e)| e.key.scalar().map(|(x, _)| (x.to_owned(), i)))
                            .collect();
                        ix.insert(t.to_owned(), entries.len());
                        *index = Some(ix);
                    }
                }
                entries.push(Entry {
                    key: k,
                    value: node,
                });
                Ok(None)
            }
        }
    }

    /// Records what stopped the document: the alias budget stops the file (its finding
    /// says so), anything else only its document.
    fn stop(&mut self, stop: Stop, doc_line: u32) -> Resume {
        match stop {
            Stop::Syntax(f) => {
                self.findings.push(*f);
                Resume::Done
            }
            Stop::Document(f) => {
                self.findings.push(*f);
                Resume::AfterLine(doc_line)
            }
        }
    }

    /// A parser error as a finding at the mistake itself, worded in our words. `doc_line`
    /// is the absolute line where the broken document began.
    fn scan_error(&self, e: &ScanError, doc_line: u32) -> Stop {
        let at = self.pos(e.marker());
        let info = e.info();
        if info.contains("recursion limit") {
            return self.too_deep(at);
        }
        let marker = hints::At {
            line: e.marker().line() as u32,
            col: e.marker().col() as u32,
        };
        let first = doc_line.saturating_sub(self.line_offset);
        let (culprit, cause) = hints::diagnose(self.text, first, marker, info);
        let start = Pos {
            line: culprit.line + self.line_offset,
            col: culprit.col,
        };
        let at_culprit = hints::At {
            line: start.line,
            col: start.col,
        };
        let (en, help_en) = hints::describe(&cause, at_culprit, info, Lang::En);
        let (ja, help_ja) = hints::describe(&cause, at_culprit, info, Lang::Ja);
        let end = if cause.is_one_char() {
            Pos {
                line: start.line,
                col: start.col + 1,
            }
        } else {
            start
        };
        let span = Span {
            file: self.file,
            start,
            end,
        };
        let mut finding = Finding::new(&YamlSyntax::META, span, Message::new(en, ja))
            .help(Message::new(help_en, help_ja));
        if start.line != at.line {
            finding = finding.related(
                Span::point(self.file, at),
                msg!(
                    "the parser noticed the error here",
                    "パーサーがエラーに気付いた位置"
                ),
            );
        }
        Stop::Syntax(Box::new(finding))
    }
}

/// A key that is a list or a mapping (`? [a, b]`): valid YAML, but no field of an ISMS file
/// is named so, and JSON has no such key. The entry is left out, and said so once.
fn collection_key(key: &Node) -> Finding {
    let (en, ja) = match key.value {
        Value::Seq(_) => ("a list", "リスト"),
        _ => ("a mapping", "マッピング"),
    };
    Finding::new(
        &YamlSyntax::META,
        key.span,
        msg!(
            "this key is {en}: a key must be a name",
            "このキーは{ja}です。キーには名前を書いてください"
        ),
    )
    .help(msg!(
        "write the field's name followed by a colon, e.g. `title: ...`",
        "`title: ...` のように、フィールド名とコロンを書いてください"
    ))
}

/// A plain key that begins with a full-width space (`　owner: X`): YAML reads `　owner` as
/// the key, so the parser does not object, but the user meant indentation. It is the same
/// mistake, worded the same, as the full-width space the parser stops at (`hints`), and it
/// ends the document the same way: reported once as `yaml/syntax`, not as an unknown field
/// `　owner` plus whatever the lost key was needed for.
fn full_width_indent(file: FileId, key: &Node) -> Option<Finding> {
    let (text, plain) = key.scalar()?;
    if !plain || !text.starts_with('\u{3000}') {
        return None;
    }
    let start = key.span.start;
    let at = hints::At {
        line: start.line,
        col: start.col,
    };
    let cause = hints::Cause::FullWidthSpace(hints::Place::Indent);
    let (en, help_en) = hints::describe(&cause, at, "", Lang::En);
    let (ja, help_ja) = hints::describe(&cause, at, "", Lang::Ja);
    let end = Pos {
        line: start.line,
        col: start.col + 1,
    };
    Some(
        Finding::new(
            &YamlSyntax::META,
            Span { file, start, end },
            Message::new(en, ja),
        )
        .help(Message::new(help_en, help_ja)),
    )
}

fn parse_stream(
    file: FileId,
    text: &str,
    line_offset: u32,
    pairs: Option<&escape::Pairs>,
    alias_nodes: &mut usize,
    each: &mut impl FnMut(Document),
    findings: &mut Vec<Finding>,
) -> Resume {
    let mut b = Builder {
        file,
        text,
        line_offset,
        stack: Vec::new(),
        anchors: HashMap::new(),
        alias_nodes,
        pairs,
        findings,
    };
    let mut parser = Parser::new_from_str(text);
    let mut in_doc_root: Option<Node> = None;
    // Where the current document began (absolute line): after an error, parsing resumes
    // at the first `---` below it.
    let mut doc_line = line_offset + 1;
    loop {
        let Some(next) = parser.next_event() else {
            return Resume::Done;
        };
        let (event, span) = match next {
            Ok(x) => x,
            Err(e) => {
                let (Stop::Syntax(f) | Stop::Document(f)) = b.scan_error(&e, doc_line);
                b.findings.push(*f);
                return Resume::AfterLine(doc_line);
            }
        };
        let result: Result<Option<(Node, usize)>, Stop> = match event {
            Event::StreamStart | Event::Nothing => Ok(None),
            Event::StreamEnd => return Resume::Done,
            Event::DocumentStart(_) => {
                doc_line = b.pos(&span.start).line;
                b.anchors.clear();
                in_doc_root = None;
                Ok(None)
            }
            Event::DocumentEnd => {
                if let Some(root) = in_doc_root.take() {
                    each(Document { root });
                }
                Ok(None)
            }
            Event::Scalar(value, style, anchor, tag) => {
                let plain = style == ScalarStyle::Plain
                    && !tag
                        .as_ref()
                        .is_some_and(|t| t.handle == "!!" && t.suffix == "str");
                let at = b.span(&span.start, &span.end);
                let mut text = value.into_owned();
                if let Some(pairs) = b.pairs {
                    let double = style == ScalarStyle::DoubleQuoted;
                    let (s, e) = (at.start, at.end);
                    text = escape::restore(text, double, pairs, (s.line, s.col), (e.line, e.col));
                }
                let node = Node {
                    value: Value::Scalar { text, plain },
                    span: at,
                };
                Ok(Some((node, anchor)))
            }
            Event::Alias(id) => {
                let at = b.span(&span.start, &span.end);
                b.alias(id, at).map(|node| Some((node, 0)))
            }
            Event::SequenceStart(anchor, _) => {
                let start = b.pos(&span.start);
                b.open(
                    Frame::Seq {
                        start,
                        anchor,
                        items: Vec::new(),
                    },
                    start,
                )
                .map(|()| None)
            }
            Event::MappingStart(anchor, _) => {
                let start = b.pos(&span.start);
                b.open(
                    Frame::Map {
                        start,
                        anchor,
                        entries: Vec::new(),
                        key: None,
                        index: None,
                    },
                    start,
                )
                .map(|()| None)
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let end = b.pos(&span.end);
                match b.stack.pop() {
                    Some(Frame::Seq {
                        start,
                        anchor,
                        items,
                    }) => Ok(Some((
                        Node {
                            value: Value::Seq(items),
                            span: Span { file, start, end },
                        },
                        anchor,
                    ))),
                    Some(Frame::Map {
                        start,
                        anchor,
                        entries,
                        ..
                    }) => Ok(Some((
                        Node {
                            value: Value::Map(entries),
                            span: Span { file, start, end },
                        },
                        anchor,
                    ))),
                    None => Ok(None),
                }
            }
        };
        match result {
            Ok(Some((node, anchor))) => match b.push(node, anchor) {
                Ok(Some(root)) => in_doc_root = Some(root),
                Ok(None) => {}
                Err(stop) => return b.stop(stop, doc_line),
            },
            Ok(None) => {}
            Err(stop) => return b.stop(stop, doc_line),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_en(text: &str) -> (Vec<Document>, Vec<Finding>) {
        parse(FileId(0), text)
    }

    #[test]
    fn core_schema_resolution() {
        assert_eq!(resolve("5.10", true), Resolved::Float(5.1));
        assert_eq!(resolve("5.10", false), Resolved::Str("5.10"));
        assert_eq!(resolve("012", true), Resolved::Int(12));
        assert_eq!(resolve("NO", true), Resolved::Str("NO"));
        assert_eq!(resolve("2026-01-01", true), Resolved::Str("2026-01-01"));
        assert_eq!(resolve("1e3", true), Resolved::Float(1000.0));
        assert_eq!(resolve("R-001", true), Resolved::Str("R-001"));
        assert_eq!(resolve("~", true), Resolved::Null);
        assert_eq!(resolve("3.0", true).as_int(), Some(3));
        assert_eq!(resolve("3e0", true).as_int(), Some(3));
        assert_eq!(resolve("3.5", true).as_int(), None);
        assert_eq!(resolve("1e400", true).as_int(), None);
        assert_eq!(resolve(".nan", true).as_int(), None);
    }

    #[test]
    fn spans_are_one_based_lines_and_character_columns() {
        let (docs, f) = parse_en("kind: threat\nname: 盗難\nid: T-1\n");
        assert!(f.is_empty());
        let root = &docs[0].root;
        let id = root.get("id").unwrap();
        assert_eq!(id.span.start, Pos { line: 3, col: 4 });
        assert_eq!(id.span.end, Pos { line: 3, col: 7 });
        let name = root.get("name").unwrap();
        assert_eq!(name.span.end, Pos { line: 2, col: 8 });
    }

    #[test]
    fn several_documents_and_recovery_after_a_broken_one() {
        let (docs, f) = parse_en("a: 1\n---\nb: [\n---\nc: 3\n");
        assert_eq!(docs.len(), 2);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, "yaml/syntax");
        assert!(docs[1].root.get("c").is_some());
        assert_eq!(docs[1].root.get("c").unwrap().span.start.line, 5);
    }

    #[test]
    fn duplicate_key_points_at_the_second_and_relates_the_first() {
        let (_, f) = parse_en("id: A\nname: x\nid: B\n");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, "yaml/duplicate-key");
        assert_eq!(f[0].span.start, Pos { line: 3, col: 0 });
        assert_eq!(f[0].related[0].span.start, Pos { line: 1, col: 0 });
    }

    #[test]
    fn hostile_inputs_are_findings() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = (b'a' + i - 1) as char;
            let c = (b'a' + i) as char;
            bomb.push_str(&format!(
                "{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
            ));
        }
        let (_, f) = parse_en(&bomb);
        assert_eq!(f[0].code, "yaml/syntax");
        assert!(f[0].message.en.contains("aliases"));

        let deep = "[".repeat(100_000);
        let (_, f) = parse_en(&deep);
        assert!(f[0].message.en.contains("nesting"), "{:?}", f);

        let block: String = (0..100_000).map(|_| "- ").collect::<String>() + "x\n";
        let (_, f) = parse_en(&block);
        assert!(f[0].message.en.contains("nesting"), "{:?}", f);

        let (_, f) = parse_en("a:\n\tb: 1\n");
        assert_eq!(f[0].code, "yaml/syntax");
    }
}
