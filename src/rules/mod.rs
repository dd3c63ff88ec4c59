//! The rules: one type per rule, grouped by family, each carrying its code, default
//! severity, summaries and documentation (its doc comment, printed by `isms explain`).
//! [`RULES`] is the one registry that `explain`, `rules`, SARIF and the docs read.

mod asset;
mod audit;
mod clause;
mod config;
mod control;
mod document;
mod evidence;
mod file;
mod ids;
pub mod loading;
mod nonconformity;
mod objective;
mod procedure;
mod refs;
mod review;
mod risk;
mod soa;
mod text;

use crate::analysis::Analysis;
use crate::catalog::Catalogs;
use crate::config::Config;
use crate::finding::{Finding, Message};
use crate::model::Model;
use crate::msg;
use crate::source::{FileId, Span};
use jiff::civil::Date;

pub(crate) use crate::declare_rule;
pub use crate::rule::{JA_MARKER, RuleMeta};
pub use loading::{SchemaInvalid, YamlDuplicateKey, YamlEmpty, YamlEncoding, YamlSyntax};

/// A rule of the registry: what it is, and how it judges the model. Rules reported while
/// loading (`yaml/*`, the schema's part of `schema/invalid`) are made by their stages from
/// the same [`RuleMeta`].
pub struct Rule {
    pub meta: &'static RuleMeta,
    check: Option<Check>,
}

type Check = fn(&Context, &mut Vec<Finding>);

const fn loaded(meta: &'static RuleMeta) -> Rule {
    Rule { meta, check: None }
}

const fn judged(meta: &'static RuleMeta, check: Check) -> Rule {
    Rule {
        meta,
        check: Some(check),
    }
}

/// Every rule, in the order `isms rules` lists them: the one list that `explain`, `rules`,
/// SARIF, the docs and `isms check` read.
pub const RULES: &[Rule] = &[
    loaded(&loading::YamlSyntax::META),
    loaded(&loading::YamlEncoding::META),
    loaded(&loading::YamlDuplicateKey::META),
    loaded(&loading::YamlEmpty::META),
    loaded(&loading::FileSkipped::META),
    judged(&loading::SchemaInvalid::META, schema_rules),
    judged(
        &config::ConfigScaleOutOfRange::META,
        config::ConfigScaleOutOfRange::check,
    ),
    judged(
        &config::ConfigImportanceExceedsImpact::META,
        config::ConfigImportanceExceedsImpact::check,
    ),
    judged(
        &config::ConfigMatrixShape::META,
        config::ConfigMatrixShape::check,
    ),
    judged(
        &config::ConfigLabelsMismatch::META,
        config::ConfigLabelsMismatch::check,
    ),
    judged(
        &config::ConfigLevelOutOfRange::META,
        config::ConfigLevelOutOfRange::check,
    ),
    judged(&ids::IdDuplicate::META, ids::IdDuplicate::check),
    judged(&refs::RefUnknown::META, refs::RefUnknown::check),
    judged(&refs::RefWrongKind::META, refs::RefWrongKind::check),
    judged(&risk::RiskUntreated::META, risk::RiskUntreated::check),
    judged(
        &risk::RiskTreatmentIncomplete::META,
        risk::RiskTreatmentIncomplete::check,
    ),
    judged(
        &risk::RiskAcceptedAboveAppetite::META,
        risk::RiskAcceptedAboveAppetite::check,
    ),
    judged(
        &risk::RiskResidualAboveAppetite::META,
        risk::RiskResidualAboveAppetite::check,
    ),
    judged(
        &risk::RiskLevelMismatch::META,
        risk::RiskLevelMismatch::check,
    ),
    judged(
        &risk::RiskResidualAboveInherent::META,
        risk::RiskResidualAboveInherent::check,
    ),
    judged(
        &risk::RiskAcceptanceExpired::META,
        risk::RiskAcceptanceExpired::check,
    ),
    judged(
        &risk::RiskTreatmentUnapproved::META,
        risk::RiskTreatmentUnapproved::check,
    ),
    judged(
        &risk::RiskAcceptedByNonOwner::META,
        risk::RiskAcceptedByNonOwner::check,
    ),
    judged(
        &risk::RiskTreatmentOverdue::META,
        risk::RiskTreatmentOverdue::check,
    ),
    judged(&risk::RiskNoAssessment::META, risk::RiskNoAssessment::check),
    judged(
        &control::ControlNoProcedure::META,
        control::ControlNoProcedure::check,
    ),
    judged(&soa::SoaMissing::META, soa::SoaMissing::check),
    judged(&soa::SoaContradiction::META, soa::SoaContradiction::check),
    judged(
        &soa::SoaIncludedWithoutControl::META,
        soa::SoaIncludedWithoutControl::check,
    ),
    judged(&soa::SoaUnjustified::META, soa::SoaUnjustified::check),
    judged(&soa::SoaUnapproved::META, soa::SoaUnapproved::check),
    judged(
        &procedure::ProcedureReviewOverdue::META,
        procedure::ProcedureReviewOverdue::check,
    ),
    judged(&asset::AssetUnassessed::META, asset::AssetUnassessed::check),
    judged(&control::ControlUnused::META, control::ControlUnused::check),
    judged(&text::TextPlaceholder::META, text::TextPlaceholder::check),
    // The ISMS's own records (clauses 4–10).
    judged(
        &clause::ClauseUndocumented::META,
        clause::ClauseUndocumented::check,
    ),
    judged(
        &document::DocumentUnapproved::META,
        document::DocumentUnapproved::check,
    ),
    judged(
        &document::DocumentReviewOverdue::META,
        document::DocumentReviewOverdue::check,
    ),
    judged(&audit::AuditOverdue::META, audit::AuditOverdue::check),
    judged(
        &audit::AuditNotIndependent::META,
        audit::AuditNotIndependent::check,
    ),
    judged(&review::ReviewOverdue::META, review::ReviewOverdue::check),
    judged(
        &review::ReviewInputMissing::META,
        review::ReviewInputMissing::check,
    ),
    judged(
        &nonconformity::NonconformityOverdue::META,
        nonconformity::NonconformityOverdue::check,
    ),
    judged(
        &nonconformity::NonconformityUnverified::META,
        nonconformity::NonconformityUnverified::check,
    ),
    judged(
        &objective::ObjectiveNoResult::META,
        objective::ObjectiveNoResult::check,
    ),
    judged(
        &objective::ObjectiveNoMeasure::META,
        objective::ObjectiveNoMeasure::check,
    ),
    judged(
        &evidence::EvidenceMissing::META,
        evidence::EvidenceMissing::check,
    ),
    judged(
        &evidence::EvidenceStale::META,
        evidence::EvidenceStale::check,
    ),
    judged(&file::FileMissing::META, file::FileMissing::check),
];

/// Codes that were renamed: old name → current name, so old configurations keep working.
pub const REDIRECTS: &[(&str, &str)] = &[];

pub fn find(code: &str) -> Option<&'static RuleMeta> {
    let code = REDIRECTS
        .iter()
        .find(|(old, _)| *old == code)
        .map_or(code, |(_, new)| new);
    RULES.iter().map(|r| r.meta).find(|r| r.code == code)
}

/// What the model rules see.
pub struct Context<'a> {
    pub model: &'a Model,
    pub config: &'a Config,
    pub config_file: FileId,
    pub catalogs: &'a Catalogs,
    pub today: Date,
    pub analysis: &'a Analysis,
    /// The repository root, for the paths records name (`file/missing`).
    pub root: &'a std::path::Path,
}

impl Context<'_> {
    pub fn finding(&self, rule: &'static RuleMeta, span: Span, message: Message) -> Finding {
        Finding::new(rule, span, message)
    }
}

/// Runs every rule that judges the model.
pub fn run(cx: &Context) -> Vec<Finding> {
    use rayon::prelude::*;
    // The rules are independent readers of the model and the analysis: each runs on a core
    // of its own, and their findings are put back in registry order.
    let each: Vec<Vec<Finding>> = RULES
        .par_iter()
        .map(|rule| {
            let mut out = Vec::new();
            if let Some(check) = rule.check {
                check(cx, &mut out);
            }
            out
        })
        .collect();
    each.into_iter().flatten().collect()
}

/// The model-level part of `schema/invalid`: what the schema cannot know (the scales of
/// isms.yaml, the codes of `rules:`).
fn schema_rules(cx: &Context, out: &mut Vec<Finding>) {
    risk::check_scales(cx, out);
    check_config_rules(cx, out);
}

/// Unknown codes under `rules:` in isms.yaml.
fn check_config_rules(cx: &Context, out: &mut Vec<Finding>) {
    for (code, _) in &cx.config.rules {
        if find(&code.value).is_none() {
            let name = &code.value;
            let help = crate::suggest::help(name, RULES.iter().map(|r| r.meta.code), || {
                msg!(
                    "`isms rules` lists the codes",
                    "コードの一覧は `isms rules` で確認できます"
                )
            });
            out.push(
                cx.finding(
                    &SchemaInvalid::META,
                    code.span,
                    msg!("unknown rule `{name}`", "未知のルール `{name}` です"),
                )
                .help(help)
                .about("isms.yaml", format!("rules.{name}")),
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
    use crate::i18n::Lang;

    #[test]
    fn every_rule_is_documented_once() {
        let mut seen = std::collections::HashSet::new();
        for r in RULES.iter().map(|r| r.meta) {
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
