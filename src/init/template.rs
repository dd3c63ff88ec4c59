//! The starter data of `starters/`: parsed with the catalogs' loader, and each file's
//! template turned into the text of one language.
//!
//! A template is the file as init writes it, in both languages at once. Three marks make it
//! bilingual; everything else (kinds, ids, numbers, mappings, untagged comments) is copied
//! as it is, so it exists once for both languages:
//!
//! - `{en: …, ja: …}`, a mapping with exactly the keys `en` and `ja` (flow or block form),
//!   is a text: init writes the chosen language's value, quoted as YAML needs (a value of
//!   several lines as a `|-` block; a flow list such as `[low, medium, high]` as written).
//! - `#[en] …` / `#[ja] …` (also `//[en]` in JSON) is a comment in one language, written as
//!   `# …` in that language only. A line holding only `#[ja] …` right under a line that ends
//!   with `#[en] …` is the Japanese form of that trailing comment, so the YAML before it is
//!   written once.
//! - `$name` is a text of the data file's `texts:` or a value init supplies (`$threat`,
//!   `$year`, …). A text that is a whole value (after `key: ` or `- `) is quoted as YAML
//!   needs; a line holding only `$name` becomes the text's lines.
//!
//! The order is: tags, then `$name`, then the bilingual texts; documents are separated by
//! `---` lines.

use super::emit::{self, Body, Doc, File};
use crate::i18n::Lang;
use crate::source::{FileId, Pos};
use crate::yaml::{Node, Value};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The languages of a template, with their tags.
const LANGS: [(Lang, &str); 2] = [(Lang::En, "en"), (Lang::Ja, "ja")];

fn code(lang: Lang) -> &'static str {
    LANGS.iter().find(|(l, _)| *l == lang).map_or("ja", |x| x.1)
}

/// A text of the data file: one per language, or one for both.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Text {
    Both { en: String, ja: String },
    Same(String),
}

impl Text {
    pub fn pick(&self, lang: Lang) -> &str {
        match self {
            Text::Both { en, ja } => lang.pick(en, ja),
            Text::Same(s) => s,
        }
    }
}

pub type Texts = BTreeMap<String, Text>;

/// One file of a data file: its path, the opening comment, and one of `docs` (isms
/// documents), `config` (`isms.yaml`) or `plain` (written as is, after tags and `$name`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileTemplate {
    pub path: String,
    #[serde(default)]
    pub header: Option<Text>,
    #[serde(default)]
    pub docs: Option<String>,
    #[serde(default)]
    pub config: Option<String>,
    #[serde(default)]
    pub plain: Option<String>,
    /// Texts for this file only, beside the data file's.
    #[serde(default)]
    pub texts: Texts,
}

impl FileTemplate {
    /// The file in one language. `vars` holds the data file's texts and init's values.
    pub fn render(&self, lang: Lang, vars: &Vars) -> File {
        let local;
        let vars = if self.texts.is_empty() {
            vars
        } else {
            local = vars.clone().with_texts(&self.texts, lang);
            &local
        };
        let path = expand(&self.path, vars, false, 0, &self.path);
        let header = self.header.as_ref().map_or_else(String::new, |h| {
            expand(h.pick(lang), vars, false, 0, &self.path)
        });
        let what = path.as_str();
        let body = match (&self.docs, &self.config, &self.plain) {
            (Some(t), None, None) => Body::Docs(docs(t, lang, vars, what)),
            (None, Some(t), None) => Body::Config(yaml_text(t, lang, vars, what)),
            (None, None, Some(t)) => {
                Body::Plain(expand(&tags(t, lang, what), vars, false, 0, what))
            }
            _ => panic!("starter {what}: give exactly one of docs, config, plain"),
        };
        File {
            path,
            header,
            body,
            fresh_only: false,
        }
    }
}

/// A text (a header, a path) with its `$name` replaced; no YAML quoting.
pub fn text(template: &str, vars: &Vars, what: &str) -> String {
    expand(template, vars, false, 0, what)
}

/// The isms documents of a template, in one language.
pub fn docs(template: &str, lang: Lang, vars: &Vars, what: &str) -> Vec<Doc> {
    split_docs(&yaml_text(template, lang, vars, what))
        .into_iter()
        .map(|text| Doc::parse(text, what))
        .collect()
}

/// A YAML template in one language: tags, `$name`, then the bilingual texts.
pub fn yaml_text(template: &str, lang: Lang, vars: &Vars, what: &str) -> String {
    let text = expand(&tags(template, lang, what), vars, true, 0, what);
    collapse(&text, lang, what)
}

/// The documents of a text, split at its `---` lines.
fn split_docs(text: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for line in text.split_inclusive('\n') {
        if line.trim_end() == "---" {
            out.push(String::new());
        } else {
            out.last_mut()
                .expect("one document at least")
                .push_str(line);
        }
    }
    out.retain(|d| !d.trim().is_empty());
    out
}

/// A value for `$name`.
#[derive(Clone, Debug)]
pub enum Var {
    /// An id or a number: inserted as it is.
    Raw(String),
    /// A text in the chosen language: may hold `$name` itself, quoted as a whole value.
    Text(String),
}

/// The values of `$name` for one file in one language.
#[derive(Clone, Debug, Default)]
pub struct Vars(BTreeMap<String, Var>);

impl Vars {
    /// The texts of a data file, in `lang`.
    pub fn new(texts: &Texts, lang: Lang) -> Vars {
        Vars::default().with_texts(texts, lang)
    }

    pub fn with_texts(mut self, texts: &Texts, lang: Lang) -> Vars {
        for (name, t) in texts {
            self.0
                .insert(name.clone(), Var::Text(t.pick(lang).to_owned()));
        }
        self
    }

    pub fn raw(&mut self, name: &str, value: impl ToString) -> &mut Vars {
        self.0.insert(name.to_owned(), Var::Raw(value.to_string()));
        self
    }

    pub fn text(&mut self, name: &str, value: impl Into<String>) -> &mut Vars {
        self.0.insert(name.to_owned(), Var::Text(value.into()));
        self
    }

    /// `name` takes the value of the text `from` (e.g. the one of three texts that fits).
    pub fn alias(&mut self, name: &str, from: &str) -> &mut Vars {
        let v = self
            .0
            .get(from)
            .unwrap_or_else(|| panic!("starter text `{from}` is not defined"))
            .clone();
        self.0.insert(name.to_owned(), v);
        self
    }
}

/// Where a language tag opens a comment in `line`: (byte position, `#` or `//`, language,
/// the text after the tag).
fn find_tag(line: &str) -> Option<(usize, &'static str, &'static str, &str)> {
    for (i, _) in line.match_indices('[') {
        let Some(&(_, lang)) = LANGS
            .iter()
            .find(|(_, c)| line[i + 1..].starts_with(&format!("{c}]")))
        else {
            continue;
        };
        let before = &line[..i];
        let opener = if before.ends_with("//") {
            "//"
        } else if before.ends_with('#') {
            "#"
        } else {
            continue;
        };
        return Some((i - opener.len(), opener, lang, &line[i + 2 + lang.len()..]));
    }
    None
}

/// Keeps the comments tagged with `lang`, as plain comments, and drops the others.
fn tags(template: &str, lang: Lang, what: &str) -> String {
    struct Trailing {
        line: usize,
        col: usize,
        given: Vec<&'static str>,
        chosen: bool,
    }
    let finish = |t: Option<Trailing>, out: &[String]| {
        if let Some(t) = t {
            assert!(
                t.chosen,
                "starter {what}: the comment on `{}` has no [{}] form",
                out[t.line].trim(),
                code(lang)
            );
        }
    };
    let want = code(lang);
    let mut out: Vec<String> = Vec::new();
    let mut trailing: Option<Trailing> = None;
    for line in template.lines() {
        let Some((pos, opener, tag, text)) = find_tag(line) else {
            finish(trailing.take(), &out);
            out.push(line.to_owned());
            continue;
        };
        let prefix = &line[..pos];
        if prefix.trim().is_empty() {
            if let Some(t) = trailing.as_mut().filter(|t| !t.given.contains(&tag)) {
                t.given.push(tag);
                if tag == want {
                    let kept = out[t.line][..t.col].to_owned();
                    out[t.line] = format!("{kept}{opener}{text}");
                    t.chosen = true;
                }
                continue;
            }
            finish(trailing.take(), &out);
            if tag == want {
                out.push(format!("{prefix}{opener}{text}"));
            }
        } else {
            finish(trailing.take(), &out);
            trailing = Some(Trailing {
                line: out.len(),
                col: prefix.len(),
                given: vec![tag],
                chosen: tag == want,
            });
            out.push(if tag == want {
                format!("{prefix}{opener}{text}")
            } else {
                prefix.to_owned()
            });
        }
    }
    finish(trailing.take(), &out);
    let mut text = out.join("\n");
    if template.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// Replaces every `$name`. With `quote`, a text that is a whole YAML value is quoted as
/// YAML needs.
fn expand(text: &str, vars: &Vars, quote: bool, depth: usize, what: &str) -> String {
    assert!(
        depth < 8,
        "starter {what}: texts refer to each other in a loop"
    );
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        let trimmed = body.trim();
        if let Some(Var::Text(t)) = trimmed
            .strip_prefix('$')
            .filter(|n| is_name(n))
            .and_then(|n| vars.0.get(n))
        {
            let indent = &body[..body.len() - body.trim_start().len()];
            let inner = expand(t, vars, quote, depth + 1, what);
            for l in inner.lines() {
                out.push_str(indent);
                out.push_str(l);
                out.push('\n');
            }
            continue;
        }
        let mut done = String::new();
        let mut rest = body;
        while let Some(i) = rest.find('$') {
            let after = &rest[i + 1..];
            let len = name_len(after);
            if len == 0 {
                done.push_str(&rest[..=i]);
                rest = after;
                continue;
            }
            let name = &after[..len];
            let tail = &after[len..];
            done.push_str(&rest[..i]);
            let value = match vars.0.get(name) {
                Some(Var::Raw(v)) => v.clone(),
                Some(Var::Text(t)) => {
                    let e = expand(t, vars, false, depth + 1, what);
                    if quote && is_whole_value(&done, tail) {
                        emit::scalar(&e)
                    } else {
                        e
                    }
                }
                None => panic!("starter {what}: `${name}` is neither a text nor a value of init"),
            };
            done.push_str(&value);
            rest = tail;
        }
        done.push_str(rest);
        out.push_str(&done);
        out.push_str(newline);
    }
    out
}

fn name_len(s: &str) -> usize {
    if !s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        return 0;
    }
    s.bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count()
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && name_len(s) == s.len()
}

/// `key: $x` or `- $x`, with at most a comment after it.
fn is_whole_value(before: &str, after: &str) -> bool {
    let b = before.trim_start();
    let value_start = (before.ends_with(": ") && !b.starts_with('#') && !b.contains(" #"))
        || b.trim_end() == "-" && before.ends_with(' ');
    let a = after.trim_start();
    value_start && (a.is_empty() || (a.starts_with('#') && after.starts_with(' ')))
}

/// Byte offsets of `(line, character column)` positions.
struct Offsets<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Offsets<'a> {
    fn new(text: &'a str) -> Offsets<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Offsets { text, starts }
    }

    fn of(&self, p: Pos) -> usize {
        let Some(&start) = self.starts.get(p.line as usize - 1) else {
            return self.text.len();
        };
        self.text[start..]
            .char_indices()
            .nth(p.col as usize)
            .map_or(self.text.len(), |(i, _)| start + i)
    }

    fn char_at(&self, p: Pos) -> Option<char> {
        self.text[self.of(p)..].chars().next()
    }
}

/// The value of `lang` when `node` is a bilingual text.
fn leaf(node: &Node, lang: Lang) -> Option<&Node> {
    let entries = node.as_map()?;
    let keys: Vec<&str> = entries
        .iter()
        .filter_map(|e| e.key.scalar().map(|(t, _)| t))
        .collect();
    if entries.len() != LANGS.len() || !LANGS.iter().all(|(_, c)| keys.contains(c)) {
        return None;
    }
    node.get(code(lang))
}

/// Writes the chosen language of every bilingual text; the rest of the text stays as it is.
fn collapse(text: &str, lang: Lang, what: &str) -> String {
    let (docs, findings) = crate::yaml::parse(FileId(0), text);
    assert!(
        findings.is_empty(),
        "starter {what} is not valid YAML: {:?}\n{text}",
        findings
            .iter()
            .map(|f| format!("line {}: {}", f.span.start.line, f.message.en))
            .collect::<Vec<_>>()
    );
    let at = Offsets::new(text);
    let mut edits = Vec::new();
    for d in &docs {
        walk(&d.root, &at, lang, &mut edits, what);
    }
    edits.sort_by_key(|(start, _, _)| std::cmp::Reverse(*start));
    let mut out = text.to_owned();
    for (start, end, with) in edits {
        out.replace_range(start..end, &with);
    }
    out
}

/// Where the text of a node ends, trailing blanks left out (a block mapping or a block
/// scalar ends where the next token starts).
fn end_of(node: &Node, at: &Offsets) -> usize {
    let start = at.of(node.span.start);
    if let Value::Map(_) | Value::Seq(_) = &node.value {
        if let Some(end) = flow_end(&at.text[start..]) {
            return start + end;
        }
    }
    let mut end = at.of(node.span.end);
    if let Value::Map(entries) = &node.value {
        end = entries
            .iter()
            .map(|e| end_of(&e.value, at))
            .max()
            .unwrap_or(end);
    }
    start + at.text[start..end].trim_end().len()
}

/// The length of a flow collection at the start of `text`, through its closing bracket.
fn flow_end(text: &str) -> Option<usize> {
    if !text.starts_with(['{', '[']) {
        return None;
    }
    let mut depth = 0;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '{' | '[' => depth += 1,
                '}' | ']' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            },
        }
    }
    None
}

fn walk(
    node: &Node,
    at: &Offsets,
    lang: Lang,
    edits: &mut Vec<(usize, usize, String)>,
    what: &str,
) {
    let flow = matches!(at.char_at(node.span.start), Some('{' | '['));
    match &node.value {
        Value::Map(entries) => {
            for e in entries {
                let Some(chosen) = leaf(&e.value, lang) else {
                    walk(&e.value, at, lang, edits, what);
                    continue;
                };
                let key_end = at.of(e.key.span.end);
                let colon = key_end
                    + at.text[key_end..]
                        .find(':')
                        .unwrap_or_else(|| panic!("starter {what}: no colon after a key"));
                let indent = e.key.span.start.col as usize + 2;
                let value = render_leaf(chosen, at, flow, Some(indent), what);
                edits.push((colon + 1, end_of(&e.value, at), format!(" {value}")));
            }
        }
        Value::Seq(items) => {
            for item in items {
                let Some(chosen) = leaf(item, lang) else {
                    walk(item, at, lang, edits, what);
                    continue;
                };
                let value = render_leaf(chosen, at, flow, None, what);
                edits.push((at.of(item.span.start), end_of(item, at), value));
            }
        }
        Value::Scalar { .. } => {}
    }
}

/// The chosen value of a bilingual text as YAML: a scalar quoted as needed (a `|-` block
/// when it has several lines and `indent` is given), anything else as written.
fn render_leaf(node: &Node, at: &Offsets, flow: bool, indent: Option<usize>, what: &str) -> String {
    match &node.value {
        Value::Scalar { text, .. } if flow => emit::flow_scalar(text),
        Value::Scalar { text, .. } if text.contains('\n') => {
            let indent = indent.unwrap_or_else(|| {
                panic!("starter {what}: a text of several lines must be the value of a key")
            });
            let pad = " ".repeat(indent);
            let mut out = String::from("|-");
            for line in text.lines() {
                out.push('\n');
                out.push_str(&pad);
                out.push_str(line);
            }
            out
        }
        Value::Scalar { text, .. } => emit::scalar(text),
        _ => at.text[at.of(node.span.start)..end_of(node, at)].to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars() -> Vars {
        let mut v = Vars::default();
        v.raw("id", "T-1")
            .raw("n", 3)
            .text("name", "A: b")
            .text("note", "# one $n\n# two");
        v
    }

    #[test]
    fn tags_keep_one_language() {
        let t = "a: 1   #[en] one\n       #[ja] いち\n#[en] head\n#[ja] 見出し\nb: 2\n";
        assert_eq!(tags(t, Lang::En, "t"), "a: 1   # one\n# head\nb: 2\n");
        assert_eq!(tags(t, Lang::Ja, "t"), "a: 1   # いち\n# 見出し\nb: 2\n");
        assert_eq!(tags("  //[ja] x\n", Lang::Ja, "t"), "  // x\n");
    }

    #[test]
    #[should_panic(expected = "has no [ja] form")]
    fn a_trailing_comment_needs_both_languages() {
        tags("a: 1   #[en] one\nb: 2\n", Lang::Ja, "t");
    }

    #[test]
    fn names_are_replaced_and_whole_texts_quoted() {
        let v = vars();
        let t = "id: $id\nname: $name   # $name\n- $name\nx: [$id]\n$note\ncost: US$ 3\n";
        assert_eq!(
            expand(t, &v, true, 0, "t"),
            "id: T-1\nname: \"A: b\"   # A: b\n- \"A: b\"\nx: [T-1]\n# one 3\n# two\ncost: US$ 3\n"
        );
    }

    #[test]
    fn bilingual_texts_collapse_to_one_language() {
        let t = "kind: role\ntitle: {en: Chief, ja: 経営者}   # kept\nlist:\n  - en: \"a: b\"\n    ja: あ\n  - {en: uno, ja: 一つ}\ndescription:\n  en: |-\n    one\n    two\n  ja: 一\nlabels: {en: [low, high], ja: [低, 高]}\nids: [A, B]\n";
        assert_eq!(
            collapse(t, Lang::En, "t"),
            "kind: role\ntitle: Chief   # kept\nlist:\n  - \"a: b\"\n  - uno\ndescription: |-\n  one\n  two\nlabels: [low, high]\nids: [A, B]\n"
        );
        assert_eq!(
            collapse(t, Lang::Ja, "t"),
            "kind: role\ntitle: 経営者   # kept\nlist:\n  - あ\n  - 一つ\ndescription: 一\nlabels: [低, 高]\nids: [A, B]\n"
        );
    }
}
