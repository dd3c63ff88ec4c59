//! The writers: peers that lay out the built tables, one file per format. What several
//! formats say the same way (a residual, an acceptance, the method) is composed here as
//! plain text; each writer escapes it for its format.

pub mod csv;
pub mod html;
pub mod json;
pub mod md;
pub mod status;
pub mod xlsx;

use super::Named;
use super::labels::{self, L};
use super::risks::{MethodSummary, RiskRegister, RiskRow};
use super::soa::SoaTable;
use crate::finding::Severity;
use crate::i18n::Lang;
use crate::tr;

/// A writer that failed (the XLSX or CSV library said why).
#[derive(Debug)]
pub struct WriteError(pub String);

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Markdown (GitHub Flavored), for a pull request or a wiki.
    Md,
    /// One self-contained HTML page.
    Html,
    /// CSV in UTF-8 with a BOM, for Excel.
    Csv,
    /// An Excel workbook.
    Xlsx,
    /// The JSON contract.
    Json,
}

pub fn soa(t: &SoaTable, f: Format) -> Result<Vec<u8>, WriteError> {
    Ok(match f {
        Format::Md => md::soa(t).into_bytes(),
        Format::Html => html::soa(t).into_bytes(),
        Format::Csv => csv::soa(t)?,
        Format::Xlsx => xlsx::soa(t)?,
        Format::Json => json::soa(t).into_bytes(),
    })
}

pub fn risks(r: &RiskRegister, f: Format) -> Result<Vec<u8>, WriteError> {
    Ok(match f {
        Format::Md => md::risks(r).into_bytes(),
        Format::Html => html::risks(r).into_bytes(),
        Format::Csv => csv::risks(r)?,
        Format::Xlsx => xlsx::risks(r)?,
        Format::Json => json::risks(r).into_bytes(),
    })
}

/// Ids joined for one cell.
/// The columns of the SoA in the tabular formats (CSV, XLSX); Markdown and HTML give the
/// theme as a heading instead of a column.
pub const SOA_COLUMNS: [L; 9] = [
    L::ControlNo,
    L::Theme,
    L::ControlTitle,
    L::Decision,
    L::Inclusion,
    L::Status,
    L::OrgControls,
    L::Procedures,
    L::Exclusion,
];

/// The columns of the risk register in the tabular formats (CSV, XLSX), in order.
pub const REGISTER_COLUMNS: [L; 17] = [
    L::RiskId,
    L::RiskTitle,
    L::Assets,
    L::Threat,
    L::Origin,
    L::Vulnerabilities,
    L::Impact,
    L::Likelihood,
    L::Level,
    L::Band,
    L::Treatment,
    L::Controls,
    L::Owner,
    L::Due,
    L::ResidualLevel,
    L::ResidualBand,
    L::Acceptance,
];

pub fn ids(list: &[Named]) -> String {
    list.iter()
        .map(|n| n.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "id title" for each, one a line.
pub fn labels_lines(list: &[Named]) -> String {
    list.iter().map(Named::label).collect::<Vec<_>>().join("\n")
}

pub fn severity(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => L::SevError.t(lang),
        Severity::Warning => L::SevWarning.t(lang),
        Severity::Info => L::SevInfo.t(lang),
    }
}

/// A level with its band: "6 high" / "6 大".
pub fn level_text(level: Option<i64>, band: Option<crate::risk::Band>, lang: Lang) -> String {
    match (level, band) {
        (Some(l), Some(b)) => format!("{l} {}", labels::band(b, lang)),
        (Some(l), None) => l.to_string(),
        _ => String::new(),
    }
}

/// The residual of a row: "2 low (impact 2 × likelihood 1)".
pub fn residual_text(r: &RiskRow, lang: Lang) -> String {
    match r.residual_level {
        None => String::new(),
        Some(_) => {
            let level = level_text(r.residual_level, r.residual_band, lang);
            let (i, l) = (
                r.residual_impact
                    .map_or_else(String::new, |x| x.to_string()),
                r.residual_likelihood
                    .map_or_else(String::new, |x| x.to_string()),
            );
            tr!(
                lang,
                "{level} (impact {i} × likelihood {l})",
                "{level}（重要度 {i} × 可能性 {l}）"
            )
        }
    }
}

/// The treatment: "reduce", "transfer to X".
pub fn treatment_text(r: &RiskRow, lang: Lang) -> String {
    let Some(o) = r.option else {
        return String::new();
    };
    let mut s = labels::option(o, lang).to_owned();
    if let Some(to) = &r.transfer_to {
        s.push_str(&tr!(lang, " to {to}", "（移転先：{to}）"));
    }
    s
}

/// Who accepted, when, until when, why; then who approved the treatment plan, when. One
/// item a line.
pub fn acceptance_text(r: &RiskRow, lang: Lang) -> String {
    let c = labels::colon(lang);
    let mut lines = Vec::new();
    if let Some(a) = &r.approval {
        if let Some(by) = &a.by {
            lines.push(format!("{}{c}{}", L::PlanApprovedBy.t(lang), by.label()));
        }
        if let Some(on) = &a.on {
            lines.push(format!("{}{c}{on}", L::PlanApprovedOn.t(lang)));
        }
    }
    let Some(a) = &r.acceptance else {
        return lines.join("\n");
    };
    if let Some(by) = &a.by {
        lines.push(format!("{}{c}{}", L::AcceptedBy.t(lang), by.label()));
    }
    if let Some(on) = &a.on {
        lines.push(format!("{}{c}{on}", L::AcceptedOn.t(lang)));
    }
    if let Some(x) = &a.expires {
        lines.push(format!("{}{c}{x}", L::Expires.t(lang)));
    }
    if let Some(x) = &a.rationale {
        lines.push(format!("{}{c}{x}", L::Rationale.t(lang)));
    }
    lines.join("\n")
}

/// The method in three sentences.
pub fn method_lines(m: &MethodSummary, lang: Lang) -> Vec<String> {
    let (i, l, max) = (m.impact, m.likelihood, m.max_level);
    let mut out = vec![if m.explicit_matrix {
        tr!(
            lang,
            "Level = the matrix of isms.yaml at impact (1..{i}) and likelihood (1..{l}), up to {max}.",
            "リスク値 = isms.yaml のマトリクスで重要度（1〜{i}）と被害発生可能性（1〜{l}）から求める（最大 {max}）。"
        )
    } else {
        tr!(
            lang,
            "Level = impact (1..{i}) × likelihood (1..{l}), up to {max}.",
            "リスク値 = 重要度（1〜{i}）× 被害発生可能性（1〜{l}）（最大 {max}）。"
        )
    }];
    let (h, md) = (m.high, m.medium);
    out.push(tr!(
        lang,
        "Bands: high at {h} and above, medium at {md} and above, low below.",
        "評価：{h} 以上は大、{md} 以上は中、それ未満は小。"
    ));
    let a = m.acceptable;
    out.push(tr!(
        lang,
        "Risk appetite: a level up to {a} may be accepted.",
        "リスク受容基準：リスク値 {a} 以下は受容できる。"
    ));
    out
}

/// The SoA's header facts as (label, value) pairs.
pub fn soa_facts(t: &SoaTable) -> Vec<(&'static str, String)> {
    let lang = t.lang;
    let none = || L::NotRecorded.t(lang).to_owned();
    vec![
        (L::Organization.t(lang), t.organization.clone()),
        (
            L::Framework.t(lang),
            format!("{} ({})", t.title, t.framework),
        ),
        (L::Version.t(lang), t.version.clone().unwrap_or_else(none)),
        (
            L::ApprovedOn.t(lang),
            t.approved_on.clone().unwrap_or_else(none),
        ),
        (
            L::ApprovedBy.t(lang),
            t.approved_by.as_ref().map_or_else(none, Named::label),
        ),
    ]
}

/// The SoA's counts as (label, number) pairs, in the order a header shows them.
pub fn soa_counts(t: &SoaTable) -> Vec<(&'static str, usize)> {
    let lang = t.lang;
    let c = &t.counts;
    let mut out = vec![
        (L::FrameworkControls.t(lang), c.controls),
        (L::Applicable.t(lang), c.applicable),
        (L::Excluded.t(lang), c.excluded),
        (L::Undecided.t(lang), c.undecided),
    ];
    if c.contradictory > 0 {
        out.push((L::Contradictory.t(lang), c.contradictory));
    }
    out.extend([
        (L::Implemented.t(lang), c.implemented),
        (L::Partial.t(lang), c.partial),
        (L::Planned.t(lang), c.planned),
        (L::NotImplemented.t(lang), c.not_implemented),
    ]);
    if c.no_control > 0 {
        out.push((L::NoControl.t(lang), c.no_control));
    }
    out
}

/// The status cell of a SoA row: the status, "no control" for an applied row without
/// one, nothing for an excluded or undecided row.
pub fn soa_status(row: &super::soa::SoaRow, lang: Lang) -> String {
    use super::soa::Decision;
    match (row.status, row.decision) {
        (Some(s), _) => labels::status(s, lang).to_owned(),
        (None, Decision::Applied) => L::NoControl.t(lang).to_owned(),
        _ => String::new(),
    }
}

/// Justification for inclusion, as lines: the risks on one line, then each reason.
pub fn inclusion_lines(row: &super::soa::SoaRow, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if !row.risks.is_empty() {
        out.push(format!(
            "{}{}{}",
            L::Risks.t(lang),
            labels::colon(lang),
            row.risks.join(", ")
        ));
    }
    out.extend(row.reasons.iter().cloned());
    out
}
