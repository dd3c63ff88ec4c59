//! The rules: one type per rule, grouped by family, each carrying its code, default
//! severity, summaries and documentation (its doc comment, printed by `isms explain`).
//! [`RULES`] is the one registry that `explain`, `rules`, SARIF and the docs read.

mod asset;
mod control;
mod ids;
mod loading;
mod procedure;
mod refs;
mod risk;
mod soa;

use crate::catalog::Catalogs;
use crate::config::Config;
use crate::finding::{Finding, Severity};
use crate::i18n::Lang;
use crate::model::Model;
use crate::risk::Assessment;
use crate::source::{FileId, Span};
use crate::tr;
use jiff::civil::Date;

pub use loading::SchemaInvalid;

/// What a rule is, independent of any run.
#[derive(Debug)]
pub struct RuleMeta {
    /// `family/problem`: names the problem, never the fix. A stable contract.
    pub code: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub summary_ja: &'static str,
    /// Markdown with `## What it does`, `## Why is this bad?`, `## Example`.
    doc: &'static str,
}

impl RuleMeta {
    pub fn summary_in(&self, lang: Lang) -> &'static str {
        lang.pick(self.summary, self.summary_ja)
    }

    /// The whole doc comment, with its leading space removed from each line.
    fn doc_text(&self) -> String {
        let mut out = String::new();
        for line in self.doc.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }

    /// The documentation in a language. The doc comment holds the English text, then
    /// `# 日本語` and the Japanese text with the same sections.
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

/// Separates the English and the Japanese documentation in a rule's doc comment.
const JA_MARKER: &str = "\n# 日本語\n";

fn section_of(doc: &str, heading: &str) -> Option<String> {
    {
        let start = doc.find(&format!("## {heading}\n"))? + heading.len() + 4;
        let rest = &doc[start..];
        let end = rest.find("\n## ").map_or(rest.len(), |i| i + 1);
        Some(rest[..end].trim().to_owned())
    }
}

/// Declares a rule type whose doc comment is its documentation.
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
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                code: $code,
                severity: $crate::finding::Severity::$sev,
                summary: $summary,
                summary_ja: $summary_ja,
                doc: concat!($($doc, "\n"),*),
            };
        }
    };
}
pub(crate) use declare_rule;

/// Every rule, in the order `isms rules` lists them.
pub const RULES: &[&RuleMeta] = &[
    &loading::YamlSyntax::META,
    &loading::YamlEncoding::META,
    &loading::YamlDuplicateKey::META,
    &loading::YamlEmpty::META,
    &loading::SchemaInvalid::META,
    &ids::IdDuplicate::META,
    &refs::RefUnknown::META,
    &refs::RefWrongKind::META,
    &risk::RiskUntreated::META,
    &risk::RiskTreatmentIncomplete::META,
    &risk::RiskAcceptedAboveAppetite::META,
    &risk::RiskResidualAboveAppetite::META,
    &risk::RiskLevelMismatch::META,
    &risk::RiskResidualAboveInherent::META,
    &risk::RiskAcceptanceExpired::META,
    &control::ControlNoProcedure::META,
    &soa::SoaMissing::META,
    &soa::SoaContradiction::META,
    &procedure::ProcedureReviewOverdue::META,
    &asset::AssetUnassessed::META,
    &control::ControlUnused::META,
];

/// Codes that were renamed: old name → current name, so old configurations keep working.
pub const REDIRECTS: &[(&str, &str)] = &[];

pub fn find(code: &str) -> Option<&'static RuleMeta> {
    let code = REDIRECTS
        .iter()
        .find(|(old, _)| *old == code)
        .map_or(code, |(_, new)| new);
    RULES.iter().copied().find(|r| r.code == code)
}

/// What the model rules see.
pub struct Context<'a> {
    pub model: &'a Model,
    pub config: &'a Config,
    pub config_file: FileId,
    pub catalogs: &'a Catalogs,
    pub lang: Lang,
    pub today: Date,
    /// One per risk, in the model's order.
    pub assessments: Vec<Assessment>,
}

impl Context<'_> {
    pub fn finding(&self, rule: &RuleMeta, span: Span, message: String) -> Finding {
        Finding::new(rule.code, rule.severity, span, message)
    }
}

type Check = fn(&Context, &mut Vec<Finding>);

/// The rules that judge the model, in no particular order (output is sorted).
const CHECKS: &[Check] = &[
    ids::IdDuplicate::check,
    refs::check,
    risk::RiskUntreated::check,
    risk::RiskTreatmentIncomplete::check,
    risk::RiskAcceptedAboveAppetite::check,
    risk::RiskResidualAboveAppetite::check,
    risk::RiskLevelMismatch::check,
    risk::RiskResidualAboveInherent::check,
    risk::RiskAcceptanceExpired::check,
    risk::check_scales,
    control::ControlNoProcedure::check,
    control::ControlUnused::check,
    soa::SoaMissing::check,
    soa::SoaContradiction::check,
    procedure::ProcedureReviewOverdue::check,
    asset::AssetUnassessed::check,
    check_config_rules,
];

/// Runs every model rule.
pub fn run(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for check in CHECKS {
        check(cx, &mut out);
    }
    out
}

/// Unknown codes under `rules:` in isms.yaml.
fn check_config_rules(cx: &Context, out: &mut Vec<Finding>) {
    for (code, _) in &cx.config.rules {
        if find(&code.value).is_none() {
            let lang = cx.lang;
            let name = &code.value;
            let help = crate::suggest::help(lang, name, RULES.iter().map(|r| r.code), || {
                tr!(
                    lang,
                    "`isms rules` lists the codes",
                    "コードの一覧は `isms rules` で確認できます"
                )
            });
            out.push(
                cx.finding(
                    &SchemaInvalid::META,
                    code.span,
                    tr!(lang, "unknown rule `{name}`", "未知のルール `{name}` です"),
                )
                .help(help),
            );
        }
    }
}

/// Applies `rules:` overrides from isms.yaml; `off` drops the finding.
pub fn apply_overrides(config: &Config, findings: Vec<Finding>) -> Vec<Finding> {
    findings
        .into_iter()
        .filter_map(|mut f| {
            f.severity = config.severity_of(f.code, f.severity)?;
            Some(f)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_documented_once() {
        let mut seen = std::collections::HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.code), "duplicate code {}", r.code);
            assert!(r.code.contains('/'), "{} is not family/problem", r.code);
            for lang in [Lang::En, Lang::Ja] {
                for section in ["What it does", "Why is this bad?", "Example"] {
                    assert!(
                        r.section_in(lang, section).is_some_and(|s| !s.is_empty()),
                        "{} lacks `## {section}` in {lang:?}",
                        r.code
                    );
                }
            }
            assert!(
                r.doc_text().contains(JA_MARKER),
                "{} has no Japanese documentation (`# 日本語`)",
                r.code
            );
            assert!(!r.summary.is_empty() && !r.summary_ja.is_empty());
        }
    }
}
