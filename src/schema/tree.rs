//! The YAML tree as the schema validator reads it, with no JSON copy. Copying each
//! document into a `serde_json::Value` first, and dropping the copy after, was a twentieth
//! of `isms check` on a large repository; most documents are valid, and a valid one is
//! now checked on the tree itself. Only a document that fails is copied, for the errors.
//!
//! Every value reads as [`crate::yaml::Node::to_json`] makes it (the test at the end
//! compares the two on every document of company-example and the fixtures), so the
//! verdict is the same either way.

use crate::yaml::{self, Entry, Resolved, Value};
use jsonschema::json::{Array, Json, JsonNumber, Node, NodeIdentity, Object};
use jsonschema::types::JsonType;
use std::borrow::Cow;

/// The representation: [`Tree`] nodes over the parsed YAML.
pub struct Yaml;

impl Json for Yaml {
    type Node<'a> = Tree<'a>;
    type PreparedKey = String;
    type StringBuffer = Option<yaml::Node>;

    // A mapping's entries are a vector: a few keys are cheaper to scan than to look up.
    const KEYS_PER_LOOKUP: usize = 2;
    // Aliases are copied into the tree where they are used: no node holds itself.
    const ACYCLIC: bool = true;

    fn prepare_key(key: &str) -> String {
        key.to_owned()
    }

    fn with_string_node<T>(
        buffer: &mut Option<yaml::Node>,
        string: &str,
        f: impl FnOnce(Tree<'_>) -> T,
    ) -> T {
        let node = buffer.get_or_insert_with(|| yaml::Node {
            value: Value::Scalar {
                text: String::new(),
                plain: false,
            },
            span: crate::source::Span::point(
                crate::source::FileId(0),
                crate::source::Pos { line: 1, col: 0 },
            ),
        });
        if let Value::Scalar { text, .. } = &mut node.value {
            text.clear();
            text.push_str(string);
        }
        f(Tree::new(node))
    }
}

/// A node and what its value is, resolved once (a plain scalar's type is read from its
/// text under the YAML 1.2 core schema).
#[derive(Clone, Copy)]
pub struct Tree<'a> {
    node: &'a yaml::Node,
    value: Is<'a>,
}

#[derive(Clone, Copy)]
enum Is<'a> {
    Null,
    Bool(bool),
    Number(Number),
    Str(&'a str),
    Seq(&'a [yaml::Node]),
    Map(&'a [Entry]),
}

impl<'a> Tree<'a> {
    pub fn new(node: &'a yaml::Node) -> Tree<'a> {
        let value = match &node.value {
            Value::Scalar { text, plain } => match yaml::resolve(text, *plain) {
                Resolved::Null => Is::Null,
                Resolved::Bool(b) => Is::Bool(b),
                Resolved::Int(i) => Is::Number(Number::Int(i)),
                // JSON has no infinity or NaN: `to_json` makes them null.
                Resolved::Float(f) if f.is_finite() => Is::Number(Number::Float(f)),
                Resolved::Float(_) => Is::Null,
                Resolved::Str(s) => Is::Str(s),
            },
            Value::Seq(items) => Is::Seq(items),
            Value::Map(entries) => Is::Map(entries),
        };
        Tree { node, value }
    }
}

/// A number as `to_json` makes it: an integer, or a finite float.
#[derive(Clone, Copy)]
pub enum Number {
    Int(i64),
    Float(f64),
}

impl JsonNumber for Number {
    fn as_u64(&self) -> Option<u64> {
        match *self {
            Number::Int(i) => u64::try_from(i).ok(),
            Number::Float(_) => None,
        }
    }

    fn as_i64(&self) -> Option<i64> {
        match *self {
            Number::Int(i) => Some(i),
            Number::Float(_) => None,
        }
    }

    fn as_f64(&self) -> Option<f64> {
        match *self {
            Number::Int(i) => Some(i as f64),
            Number::Float(f) => Some(f),
        }
    }

    fn as_str(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_number().to_string())
    }

    fn to_number(&self) -> Cow<'_, serde_json::Number> {
        Cow::Owned(match *self {
            Number::Int(i) => serde_json::Number::from(i),
            Number::Float(f) => serde_json::Number::from_f64(f).unwrap_or_else(|| 0.into()),
        })
    }
}

impl<'a> Node<'a, Yaml> for Tree<'a> {
    type Object = Members<'a>;
    type Array = Items<'a>;
    type Number = Number;

    fn as_object(&self) -> Option<Members<'a>> {
        match self.value {
            Is::Map(entries) => Some(Members(entries)),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<Items<'a>> {
        match self.value {
            Is::Seq(items) => Some(Items(items)),
            _ => None,
        }
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        match self.value {
            Is::Str(s) => Some(Cow::Borrowed(s)),
            _ => None,
        }
    }

    fn as_number(&self) -> Option<Number> {
        match self.value {
            Is::Number(n) => Some(n),
            _ => None,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        match self.value {
            Is::Bool(b) => Some(b),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        matches!(self.value, Is::Null)
    }

    fn json_type(&self) -> JsonType {
        match self.value {
            Is::Null => JsonType::Null,
            Is::Bool(_) => JsonType::Boolean,
            Is::Number(_) => JsonType::Number,
            Is::Str(_) => JsonType::String,
            Is::Seq(_) => JsonType::Array,
            Is::Map(_) => JsonType::Object,
        }
    }

    fn equals_value(&self, expected: &serde_json::Value) -> bool {
        // `kind: risk` and every enum: a string against strings, without a copy.
        match (self.value, expected) {
            (Is::Str(s), serde_json::Value::String(e)) => s == e,
            (Is::Str(_), _) => false,
            _ => jsonschema::json::cmp::equal(&self.to_value(), expected),
        }
    }

    fn to_value(&self) -> Cow<'a, serde_json::Value> {
        Cow::Owned(self.node.to_json())
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::new(std::ptr::from_ref(self.node) as usize))
    }
}

/// A mapping's entries. Their keys are scalars, each once: the YAML stage reports and leaves
/// out a duplicate key and a key that is a list or a mapping.
pub struct Members<'a>(&'a [Entry]);

fn key_of(e: &Entry) -> &str {
    e.key.scalar().map_or("", |(t, _)| t)
}

type MembersIter<'a> =
    std::iter::Map<std::slice::Iter<'a, Entry>, fn(&'a Entry) -> (&'a str, Tree<'a>)>;

impl<'a> Object<'a, Yaml> for Members<'a> {
    type Node = Tree<'a>;
    type MemberName = &'a str;
    type MembersIter = MembersIter<'a>;

    fn len(&self) -> usize {
        self.0.len()
    }

    fn get(&self, key: &String) -> Option<Tree<'a>> {
        self.0
            .iter()
            .find(|e| key_of(e) == key)
            .map(|e| Tree::new(&e.value))
    }

    fn members(&self) -> MembersIter<'a> {
        self.0.iter().map(|e| (key_of(e), Tree::new(&e.value)))
    }
}

/// A sequence's items.
pub struct Items<'a>(&'a [yaml::Node]);

impl<'a> Array<'a, Yaml> for Items<'a> {
    type Node = Tree<'a>;
    type ElementsIter =
        std::iter::Map<std::slice::Iter<'a, yaml::Node>, fn(&'a yaml::Node) -> Tree<'a>>;

    fn len(&self) -> usize {
        self.0.len()
    }

    fn elements(&self) -> Self::ElementsIter {
        self.0.iter().map(Tree::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    /// Every document of company-example and the fixtures, and values picked for their
    /// edges, against every schema: the tree's verdict is the JSON copy's.
    #[test]
    fn the_tree_and_its_json_copy_get_the_same_verdict_from_every_schema() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        let mut todo = vec![root.join("company-example"), root.join("tests")];
        while let Some(dir) = todo.pop() {
            for entry in std::fs::read_dir(&dir).expect("a folder of the repository") {
                let path = entry.expect("an entry").path();
                if path.is_dir() {
                    todo.push(path);
                } else if path.extension().is_some_and(|e| e == "yaml") {
                    if let Ok(text) = std::fs::read_to_string(&path) {
                        texts.push(text);
                    }
                }
            }
        }
        assert!(texts.len() > 200, "only {} files found", texts.len());
        let edges = [
            "kind: risk\nid: R-1\ntitle: t\nassets: [A-1]\nthreat: T-1\nowner: O\nlikelihood: 3.0\nimpact: 2\n",
            "kind: risk\nid: R-1\ntitle: t\nassets: [A-1]\nthreat: T-1\nowner: O\nlikelihood: .nan\nimpact: .inf\n",
            "kind: risk\nid: R-1\ntitle: t\nassets: [A-1, A-1]\nthreat: T-1\nowner: O\nlikelihood: 1e400\n",
            "kind: risk\nid: R-1\ntitle: ~\nassets: []\nthreat: \"3\"\nowner: 0x10\nlikelihood: -1\n",
            "kind: control\nid: C-1\ntitle: t\n? [a, b]\n: 1\n? {c: d}\n: 2\n",
            "kind: soa\nid: SOA\n? [x]\n: {}\n",
            "kind: asset\nid: A-1\nname: n\ntype: information\nowner: O\nclassification: {}\n",
            "kind: role\nid: ROLE-1\nname: 123456789012345678901234567890\n",
            "kind: threat\nid: T-1\ntitle: t\ncategory: [true, null, 1.5, yes]\n",
            "organization: x\nlanguage: ja\nrisk: {acceptable: 2.0, likelihood: {scale: 3}}\n",
            "{}",
            "[]",
            "- 1\n- a\n",
        ];
        texts.extend(edges.iter().map(|s| s.to_string()));
        let mut compared = 0;
        for text in &texts {
            let (docs, _) = yaml::parse(FileId(0), text);
            for doc in &docs {
                assert_eq!(super::super::disagreement(&doc.root), None, "on:\n{text}");
                compared += 1;
            }
        }
        assert!(compared > 250, "only {compared} comparisons");
    }
}
