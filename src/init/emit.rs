//! Writing the starter files: a header comment, the schema modeline and the documents that
//! `template` made; and the quoting of a scalar exactly when YAML needs it.

use std::fmt::Write as _;

/// A scalar as YAML text: plain when that reads back as the same string, else double-quoted
/// (a JSON string is a valid YAML double-quoted scalar).
pub fn scalar(s: &str) -> String {
    if is_plain_safe(s) {
        s.to_owned()
    } else {
        serde_json::to_string(s).expect("a string serialises")
    }
}

/// A scalar inside a flow sequence (`[a, b]`): also quoted when it holds flow indicators or
/// a colon.
pub fn flow_scalar(s: &str) -> String {
    if is_plain_safe(s) && !s.contains([',', '[', ']', '{', '}', ':']) {
        s.to_owned()
    } else {
        serde_json::to_string(s).expect("a string serialises")
    }
}

fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s.trim() != s || s.contains(['\n', '\r', '\t']) {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return false;
    }
    // Anything YAML could read as another type: numbers, booleans, null, dates.
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~" | "y" | "n"
    ) {
        return false;
    }
    if s.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == '+') {
        return false;
    }
    true
}

/// One YAML document: one entity.
#[derive(Clone)]
pub struct Doc {
    /// The entity's id, for leaving out what a repository already defines (`None` for a
    /// soa, which has none).
    pub id: Option<String>,
    /// For a soa: its framework, which identifies it.
    pub soa_framework: Option<String>,
    text: String,
}

impl Doc {
    /// A document of a starter, as init writes it; its kind and id (or a soa's framework)
    /// are read back from the text.
    pub fn parse(text: String, what: &str) -> Doc {
        let (docs, findings) = crate::yaml::parse(crate::source::FileId(0), &text);
        assert!(
            findings.is_empty() && docs.len() == 1,
            "starter {what}: not one YAML document: {findings:?}\n{text}"
        );
        let root = &docs[0].root;
        let get = |key: &str| {
            root.get(key)
                .and_then(|n| n.scalar())
                .map(|(t, _)| t.to_owned())
        };
        let kind = get("kind").unwrap_or_else(|| panic!("starter {what}: a document without kind"));
        let (id, soa_framework) = if kind == "soa" {
            (None, get("framework"))
        } else {
            (get("id"), None)
        };
        assert!(
            id.is_some() || soa_framework.is_some(),
            "starter {what}: a {kind} without id"
        );
        Doc {
            id,
            soa_framework,
            text,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }
}

/// What a file holds.
pub enum Body {
    /// YAML documents of an isms repository, validated by `isms.schema.json`.
    Docs(Vec<Doc>),
    /// `isms.yaml`, validated by `config.schema.json`.
    Config(String),
    /// Anything else, written as is.
    Plain(String),
}

/// One file `init` may write.
pub struct File {
    /// Relative to the repository root, with `/`.
    pub path: String,
    /// The opening comment: what the file is for and what to fill in.
    pub header: String,
    pub body: Body,
    /// Written only into a new repository, never when growing one (the 93 placeholder
    /// controls of Lv.3: in a grown repository `soa/missing` lists what is undecided).
    pub fresh_only: bool,
}

/// Where the schemas are written in the new repository.
pub const SCHEMA_DIR: &str = ".isms/schema";

impl File {
    pub fn plain(path: impl Into<String>, text: impl Into<String>) -> File {
        File {
            path: path.into(),
            header: String::new(),
            body: Body::Plain(text.into()),
            fresh_only: false,
        }
    }

    /// `../` as many times as the file is deep, then the schema folder.
    fn schema_path(&self, schema: &str) -> String {
        let depth = self.path.matches('/').count();
        format!("{}{SCHEMA_DIR}/{schema}", "../".repeat(depth))
    }

    /// The file's text: header comment, modeline, then the documents separated by `---`.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let schema = match &self.body {
            Body::Docs(_) => Some("isms.schema.json"),
            Body::Config(_) => Some("config.schema.json"),
            Body::Plain(_) => None,
        };
        if let Some(schema) = schema {
            for line in self.header.lines() {
                let _ = writeln!(out, "# {line}");
            }
            let _ = writeln!(
                out,
                "# yaml-language-server: $schema={}",
                self.schema_path(schema)
            );
        }
        match &self.body {
            Body::Docs(docs) => {
                for (i, d) in docs.iter().enumerate() {
                    if i > 0 {
                        out.push_str("---\n");
                    }
                    out.push_str(d.text());
                }
            }
            Body::Config(text) | Body::Plain(text) => out.push_str(text),
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_are_quoted_only_when_yaml_needs_it() {
        assert_eq!(scalar("C-BACKUP"), "C-BACKUP");
        assert_eq!(scalar("情報のバックアップ"), "情報のバックアップ");
        assert_eq!(scalar("5.10"), "\"5.10\"");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("#1"), "\"#1\"");
        assert_eq!(scalar("- item"), "\"- item\"");
        assert_eq!(scalar("2026-01-01"), "\"2026-01-01\"");
        assert_eq!(flow_scalar("iso27001-2022:8.5"), "\"iso27001-2022:8.5\"");
        assert_eq!(flow_scalar("a, b"), "\"a, b\"");
    }

    #[test]
    fn modeline_points_up_to_the_schema_folder() {
        let f = File {
            path: "controls/iso/a.yaml".into(),
            header: "x".into(),
            body: Body::Docs(vec![Doc::parse("kind: role\nid: R\n".into(), "test")]),
            fresh_only: false,
        };
        assert!(
            f.render()
                .contains("$schema=../../.isms/schema/isms.schema.json")
        );
        let f = File {
            path: "isms.yaml".into(),
            header: "x".into(),
            body: Body::Config("organization: x\n".into()),
            fresh_only: false,
        };
        assert!(
            f.render()
                .contains("$schema=.isms/schema/config.schema.json")
        );
    }
}
