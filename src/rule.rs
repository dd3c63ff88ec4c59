//! What a rule is, independent of any run: its code, default severity, summaries and
//! documentation. A leaf module, so that every stage (the loaders included) can make its
//! findings from the one registry's rules without depending on the rules stage.

use crate::i18n::Lang;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

#[derive(Debug)]
pub struct RuleMeta {
    /// `family/problem`: names the problem, never the fix. A stable contract.
    pub code: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub summary_ja: &'static str,
    /// Markdown with `## What it does`, `## Why is this bad?`, `## Example`, then
    /// `# 日本語` and the same sections in Japanese.
    pub doc: &'static str,
}

/// Separates the English and the Japanese documentation in a rule's doc comment.
pub const JA_MARKER: &str = "\n# 日本語\n";

impl RuleMeta {
    pub fn summary_in(&self, lang: Lang) -> &'static str {
        lang.pick(self.summary, self.summary_ja)
    }

    /// The whole doc comment, with its leading space removed from each line.
    pub fn doc_text(&self) -> String {
        let mut out = String::new();
        for line in self.doc.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }

    /// The documentation in a language.
    pub fn doc_in(&self, lang: Lang) -> String {
        let text = self.doc_text();
        let (en, ja) = text.split_once(JA_MARKER).unwrap_or((&text, ""));
        let chosen = match lang {
            Lang::En => en,
            Lang::Ja if ja.trim().is_empty() => en,
            Lang::Ja => ja,
        };
        chosen.trim().to_owned() + "\n"
    }

    /// The English documentation.
    pub fn doc(&self) -> String {
        self.doc_in(Lang::En)
    }

    /// Where the rule's page is published: `docs/rules/<family>/<problem>.md` of the
    /// repository, both languages ([`RuleMeta::page`]). The editor's diagnostics and SARIF's
    /// `helpUri` link to it.
    pub fn url(&self) -> String {
        format!(
            "{}/blob/main/docs/rules/{}.md",
            env!("CARGO_PKG_REPOSITORY"),
            self.code
        )
    }

    /// The rule's page in `docs/rules/`: the English documentation, then the Japanese, as
    /// `isms explain CODE --lang en|ja` prints them. tests/rules.rs keeps the files current.
    pub fn page(&self) -> String {
        let one = |lang: Lang| {
            format!(
                "# {}: {}\n\n{}: `{}`\n\n{}",
                self.code,
                self.summary_in(lang),
                lang.pick("Default severity", "既定の重大度"),
                self.severity.as_str(),
                self.doc_in(lang)
            )
        };
        format!(
            "<!-- generated from the rule registry (src/rules/); tests/rules.rs checks it, UPDATE_GOLDEN=1 rewrites it -->\n\n{}\n---\n\n{}",
            one(Lang::En),
            one(Lang::Ja)
        )
    }

    /// One section of the English documentation (`What it does`), without its heading.
    pub fn section(&self, heading: &str) -> Option<String> {
        section_of(&self.doc(), heading)
    }

    /// One section of the documentation in a language.
    pub fn section_in(&self, lang: Lang, heading_en: &str) -> Option<String> {
        let heading = match (lang, heading_en) {
            (Lang::Ja, "What it does") => "何をするか",
            (Lang::Ja, "Why is this bad?") => "なぜ問題か",
            (Lang::Ja, "Example") => "例",
            _ => heading_en,
        };
        section_of(&self.doc_in(lang), heading)
    }
}

fn section_of(doc: &str, heading: &str) -> Option<String> {
    let start = doc.find(&format!("## {heading}\n"))? + heading.len() + 4;
    let rest = &doc[start..];
    let end = rest.find("\n## ").map_or(rest.len(), |i| i + 1);
    Some(rest[..end].trim().to_owned())
}

/// Declares a rule type whose doc comment is its documentation.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            code: $code:literal,
            severity: $sev:ident,
            summary: $summary:literal,
            summary_ja: $summary_ja:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $name;
        impl $name {
            pub const META: $crate::rule::RuleMeta = $crate::rule::RuleMeta {
                code: $code,
                severity: $crate::rule::Severity::$sev,
                summary: $summary,
                summary_ja: $summary_ja,
                doc: concat!($($doc, "\n"),*),
            };
        }
    };
}
