//! Tolerant readers from YAML nodes to typed values, shared by the config and the model.
//!
//! A field of the wrong shape reads as absent: the schema stage has already reported it, so
//! the model takes what it can and one mistake gives one finding.

use crate::source::Span;
use crate::yaml::Node;
use jiff::civil::Date;

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

pub type Text = Spanned<String>;

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

impl Text {
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// The fields of one YAML mapping.
#[derive(Clone, Copy)]
pub struct Fields<'a> {
    pub node: &'a Node,
}

impl<'a> Fields<'a> {
    pub fn new(node: &'a Node) -> Self {
        Fields { node }
    }

    pub fn node(&self, key: &str) -> Option<&'a Node> {
        self.node.get(key)
    }

    /// The span of the key itself, to underline a whole mapping or list.
    pub fn key_span(&self, key: &str) -> Option<Span> {
        self.node.entry(key).map(|e| e.key.span)
    }

    /// A scalar as written. Numbers keep their text (`5.10` stays "5.10"), which is what the
    /// user meant; the schema stage tells them to quote it.
    pub fn text(&self, key: &str) -> Option<Text> {
        self.node(key).and_then(text_of)
    }

    pub fn int(&self, key: &str) -> Option<Spanned<i64>> {
        let n = self.node(key)?;
        n.resolved()?.as_int().map(|i| Spanned::new(i, n.span))
    }

    pub fn date(&self, key: &str) -> Option<Spanned<Date>> {
        let t = self.text(key)?;
        parse_date(&t.value).map(|d| Spanned::new(d, t.span))
    }

    /// A list of scalars; other items are skipped (the schema reported them).
    pub fn texts(&self, key: &str) -> Vec<Text> {
        self.node(key)
            .and_then(Node::as_seq)
            .map(|items| items.iter().filter_map(text_of).collect())
            .unwrap_or_default()
    }

    pub fn strings(&self, key: &str) -> Vec<String> {
        self.texts(key).into_iter().map(|t| t.value).collect()
    }

    /// A mapping of scalar keys to scalar values, in the order written.
    pub fn text_map(&self, key: &str) -> Vec<(Text, Text)> {
        self.node(key)
            .and_then(Node::as_map)
            .map(|entries| {
                entries
                    .iter()
                    .filter_map(|e| Some((text_of(&e.key)?, text_of(&e.value)?)))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn sub(&self, key: &str) -> Option<Fields<'a>> {
        self.node(key)
            .filter(|n| n.as_map().is_some())
            .map(Fields::new)
    }
}

pub fn text_of(node: &Node) -> Option<Text> {
    let (text, plain) = node.scalar()?;
    if plain && text.is_empty() {
        return None;
    }
    Some(Spanned::new(text.to_owned(), node.span))
}

/// `YYYY-MM-DD`, strictly: 2026-02-30 is not a date.
pub fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year: i16 = s[0..4].parse().ok()?;
    let month: i8 = s[5..7].parse().ok()?;
    let day: i8 = s[8..10].parse().ok()?;
    Date::new(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict() {
        assert!(parse_date("2026-02-28").is_some());
        assert!(parse_date("2026-02-30").is_none());
        assert!(parse_date("2026-2-3").is_none());
    }
}
