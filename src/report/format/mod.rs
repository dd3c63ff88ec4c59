//! The writers: peers that lay out the built tables, one file per format. What several
//! formats say the same way (a residual, an acceptance, the method) is composed here as
//! plain text; each writer escapes it for its format.

pub mod csv;
pub mod html;
pub mod json;
pub mod md;
pub mod status;
pub mod xlsx;

use super::labels::{self, L};
use super::risks::{MethodSummary, RiskRegister, RiskRow};
use super::soa::SoaTable;
use super::{AsOf, EvidenceRef, Named};
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

pub fn assets(a: &super::assets::AssetRegister, f: Format) -> Result<Vec<u8>, WriteError> {
    Ok(match f {
        Format::Md => md::assets(a).into_bytes(),
        Format::Html => html::assets(a).into_bytes(),
        Format::Csv => csv::assets(a)?,
        Format::Xlsx => xlsx::assets(a)?,
        Format::Json => json::assets(a).into_bytes(),
    })
}

/// The columns of the asset register, in every format.
pub const ASSET_COLUMNS: [L; 10] = [
    L::AssetId,
    L::AssetName,
    L::AssetType,
    L::Owner,
    L::Confidentiality,
    L::Integrity,
    L::Availability,
    L::Importance,
    L::StoredAt,
    L::NamedByRisks,
];

/// One asset's cells as text, in [`ASSET_COLUMNS`] order; an asset no risk names says so.
pub fn asset_cells(a: &super::assets::AssetRow, lang: Lang) -> Vec<String> {
    let n = |v: Option<i64>| v.map_or_else(String::new, |v| v.to_string());
    vec![
        a.id.clone(),
        a.name.clone(),
        a.asset_type
            .map_or("", |t| labels::asset_type(t, lang))
            .to_owned(),
        a.owner.as_ref().map_or_else(String::new, Named::label),
        n(a.confidentiality),
        n(a.integrity),
        n(a.availability),
        n(a.importance),
        a.location.clone(),
        if a.risks.is_empty() {
            L::Unassessed.t(lang).to_owned()
        } else {
            a.risks.join(labels::sep(lang))
        },
    ]
}

/// The corner of a heat-map table, rows by columns: "重要度＼被害発生可能性" uses the
/// full-width backslash of Japanese tables; English reads "Impact ↓ / Likelihood →".
pub fn heat_corner(lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{}＼{}", L::Impact.t(lang), L::Likelihood.t(lang)),
        Lang::En => format!("{} ↓ / {} →", L::Impact.t(lang), L::Likelihood.t(lang)),
    }
}

/// Ids joined for one cell.
/// The columns of the SoA in the tabular formats (CSV, XLSX); Markdown and HTML give the
/// theme as a heading instead of a column.
pub const SOA_COLUMNS: [L; 10] = [
    L::ControlNo,
    L::Theme,
    L::ControlTitle,
    L::Decision,
    L::Inclusion,
    L::Status,
    L::OrgControls,
    L::Procedures,
    L::Exclusion,
    L::NewestEvidence,
];

/// The columns of the risk register in the tabular formats (CSV, XLSX), in order.
pub const REGISTER_COLUMNS: [L; 18] = [
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
    L::NewestEvidence,
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
                "{level}（重要度 {i} × 被害発生可能性 {l}）"
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
            lines.push(format!("{}{c}{}", L::PlanApprovedBy.t(lang), by.name));
        }
        if let Some(on) = &a.on {
            lines.push(format!("{}{c}{on}", L::PlanApprovedOn.t(lang)));
        }
    }
    let Some(a) = &r.acceptance else {
        return lines.join("\n");
    };
    if let Some(by) = &a.by {
        lines.push(format!("{}{c}{}", L::AcceptedBy.t(lang), by.name));
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

/// One piece of evidence as a line: its date, what it is (its title, else its id), and
/// where it is: "2026-10-15 バックアップの復元テスト記録（evidence/backup.md）".
pub fn evidence_line(e: &EvidenceRef, lang: Lang) -> String {
    let what = if e.title.is_empty() { &e.id } else { &e.title };
    let mut line = match &e.date {
        Some(d) => format!("{d} {what}"),
        None => what.clone(),
    };
    if !e.location.is_empty() {
        let at = &e.location;
        line.push_str(&tr!(lang, " ({at})", "（{at}）"));
    }
    line
}

/// The evidence of a row, one a line.
pub fn evidence_lines(list: &[EvidenceRef], lang: Lang) -> String {
    list.iter()
        .map(|e| evidence_line(e, lang))
        .collect::<Vec<_>>()
        .join("\n")
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

/// Where a document stands, in words: "commit 1a2b3c4d5e of 2026-11-30"; with changes not
/// committed, the date of the run and the commit they start from; outside git, the date.
pub fn as_of_text(a: &AsOf, lang: Lang) -> String {
    let today = &a.today;
    match (&a.commit, &a.commit_date) {
        (Some(id), Some(date)) => {
            let id = id.get(..10).unwrap_or(id);
            if a.uncommitted {
                tr!(
                    lang,
                    "{today}, the work tree: commit {id} of {date} with changes not yet committed",
                    "{today}（作業ツリー：コミット {id}（{date}）に未コミットの変更あり）"
                )
            } else {
                tr!(lang, "commit {id} of {date}", "コミット {id}（{date}）")
            }
        }
        _ => today.clone(),
    }
}

/// The document-control line a printed page carries at its head: the organisation, the
/// document (with its version), and where it stands.
pub fn control_line(
    org: &str,
    document: &str,
    version: Option<&str>,
    a: &AsOf,
    lang: Lang,
) -> String {
    let document = match version {
        Some(v) => tr!(lang, "{document}, version {v}", "{document} 第 {v} 版"),
        None => document.to_owned(),
    };
    let c = labels::colon(lang);
    format!(
        "{org} · {document} · {}{c}{}",
        L::AsOf.t(lang),
        as_of_text(a, lang)
    )
}

/// The facts at the head of the register and of the report.
pub fn document_facts(
    org: &str,
    document: &str,
    a: &AsOf,
    lang: Lang,
) -> Vec<(&'static str, String)> {
    vec![
        (L::Organization.t(lang), org.to_owned()),
        (L::Document.t(lang), document.to_owned()),
        (L::AsOf.t(lang), as_of_text(a, lang)),
    ]
}

/// The SoA's header facts as (label, value) pairs.
pub fn soa_facts(t: &SoaTable) -> Vec<(&'static str, String)> {
    let lang = t.lang;
    let none = || L::NotRecorded.t(lang).to_owned();
    vec![
        (L::Organization.t(lang), t.organization.clone()),
        (L::Document.t(lang), L::SoaTitle.t(lang).to_owned()),
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
            t.approver.clone().unwrap_or_else(none),
        ),
        (L::AsOf.t(lang), as_of_text(&t.as_of, lang)),
    ]
}

/// A table of counts in which every row adds up: each row splits one whole (the controls
/// of a framework, the organisation's controls, the risks) into parts that do not overlap,
/// and its last counted column is the total. `None` is a part that does not apply to the
/// row ("—"). Columns after the total (`extra`) are counts *among* the whole, such as the
/// risks above the appetite.
#[derive(Clone, Debug)]
pub struct CountTable {
    /// The label of the first column (what the rows are).
    pub corner: &'static str,
    /// The parts, then the total.
    pub columns: Vec<&'static str>,
    /// Counts among the whole, after the total.
    pub extra: Vec<&'static str>,
    /// Each row: its label, the parts and the total, then the extra counts.
    pub rows: Vec<(String, Vec<Option<usize>>)>,
}

impl CountTable {
    /// Every column label, the corner first.
    pub fn head(&self) -> Vec<&'static str> {
        std::iter::once(self.corner)
            .chain(self.columns.iter().copied())
            .chain(self.extra.iter().copied())
            .collect()
    }

    /// A cell: the number, or "—" for a part that does not apply.
    pub fn cell(n: Option<usize>) -> String {
        n.map_or_else(|| "—".to_owned(), |n| n.to_string())
    }
}

/// The decision columns of a SoA: the applicable rows by status, then the excluded,
/// undecided and contradictory rows, then the total (every control of the framework).
fn soa_parts(c: &super::soa::SoaCounts) -> Vec<Option<usize>> {
    let parts = [
        c.implemented,
        c.partial,
        c.planned,
        c.not_implemented,
        c.no_control,
        c.excluded,
        c.undecided,
        c.contradictory,
    ];
    debug_assert_eq!(parts.iter().sum::<usize>(), c.controls, "the SoA adds up");
    parts.into_iter().chain([c.controls]).map(Some).collect()
}

/// The columns shared by the SoA counts and the report's summary.
fn decision_columns(lang: Lang) -> Vec<&'static str> {
    vec![
        L::Implemented.t(lang),
        L::Partial.t(lang),
        L::Planned.t(lang),
        L::NotImplemented.t(lang),
        L::NoStatus.t(lang),
        L::Excluded.t(lang),
        L::Undecided.t(lang),
        L::ContradictoryShort.t(lang),
        L::Total.t(lang),
    ]
}

/// The SoA's counts: one row that adds up to the controls of the framework.
pub fn soa_counts(t: &SoaTable) -> CountTable {
    let lang = t.lang;
    CountTable {
        corner: L::FrameworkControls.t(lang),
        columns: decision_columns(lang),
        extra: vec![L::ApplicableAmong.t(lang)],
        rows: vec![(
            t.title.clone(),
            soa_parts(&t.counts)
                .into_iter()
                .chain([Some(t.counts.applicable)])
                .collect(),
        )],
    }
}

/// The report's summary: the organisation's controls by status, then each framework's SoA
/// by decision; every row adds up to its total.
pub fn summary_counts(
    by_status: &[(crate::model::Status, usize)],
    controls: usize,
    soas: &[SoaTable],
    lang: Lang,
) -> CountTable {
    let with_status: usize = by_status.iter().map(|(_, n)| n).sum();
    let mut own: Vec<Option<usize>> = by_status.iter().map(|(_, n)| Some(*n)).collect();
    own.push(Some(controls - with_status));
    own.extend([None, None, None, Some(controls)]);
    let mut rows = vec![(L::OwnControls.t(lang).to_owned(), own)];
    for t in soas {
        rows.push((t.title.clone(), soa_parts(&t.counts)));
    }
    CountTable {
        corner: "",
        columns: decision_columns(lang),
        extra: Vec::new(),
        rows,
    }
}

/// The risks by band before and after treatment: high, medium, low, unrated, total; then
/// how many of them are above the risk appetite.
pub fn band_counts(r: &RiskRegister) -> CountTable {
    use crate::risk::Band;
    let lang = r.lang;
    let row = |label: &str, c: &super::risks::BandCounts| {
        let total = c.high + c.medium + c.low + c.unrated;
        (
            label.to_owned(),
            [c.high, c.medium, c.low, c.unrated, total, c.above_appetite]
                .into_iter()
                .map(Some)
                .collect(),
        )
    };
    CountTable {
        corner: "",
        columns: vec![
            labels::band(Band::High, lang),
            labels::band(Band::Medium, lang),
            labels::band(Band::Low, lang),
            L::Unrated.t(lang),
            L::Total.t(lang),
        ],
        extra: vec![L::AboveAppetiteAmong.t(lang)],
        rows: vec![
            row(L::Before.t(lang), &r.counts_before),
            row(L::After.t(lang), &r.counts_after),
        ],
    }
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
