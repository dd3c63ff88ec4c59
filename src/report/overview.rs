//! The one-file report: a summary, the risk register with its heat maps, the SoA of each
//! framework, the Lv.1 view (per threat, its controls by category) and the controls with
//! their procedures.

use super::findings::FindingsSummary;
use super::risks::RiskRegister;
use super::soa::SoaTable;
use super::{Index, Named, percent, push_unique, text};
use crate::catalog::Catalogs;
use crate::i18n::Lang;
use crate::judge::Judged;
use crate::model::{Category, Origin, Status};

/// One threat of the Lv.1 view.
#[derive(Clone, Debug)]
pub struct ThreatView {
    pub id: String,
    pub name: String,
    pub origin: Option<Origin>,
    pub description: String,
    pub risks: Vec<String>,
    /// The four categories in order, each with its controls.
    pub by_category: Vec<(Category, Vec<Named>)>,
    /// Controls without a category.
    pub uncategorized: Vec<Named>,
}

impl ThreatView {
    pub fn has_controls(&self) -> bool {
        !self.uncategorized.is_empty() || self.by_category.iter().any(|(_, c)| !c.is_empty())
    }
}

#[derive(Clone, Debug)]
pub struct ControlRow {
    pub id: String,
    pub title: String,
    pub category: Option<Category>,
    pub status: Option<Status>,
    pub owner: Option<Named>,
    /// `FRAMEWORK:ID` as written.
    pub maps_to: Vec<String>,
    pub risks: Vec<String>,
    pub procedures: Vec<Named>,
    pub description: String,
}

#[derive(Clone, Debug)]
pub struct ProcedureRow {
    pub id: String,
    pub title: String,
    pub implements: Vec<String>,
    pub owner: Option<Named>,
    pub frequency: String,
    pub steps: Vec<String>,
    pub evidence: Vec<String>,
    pub review_months: Option<i64>,
    pub review_last: Option<String>,
    pub review_next: Option<String>,
}

/// The numbers at the top of the report.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    pub assets: usize,
    pub threats: usize,
    pub risks: usize,
    pub controls: usize,
    pub procedures: usize,
    /// Controls by status, in [`Status::ALL`] order; then those without a status.
    pub controls_by_status: Vec<(Status, usize)>,
    /// Implemented controls, in whole percent of all controls.
    pub implemented_percent: usize,
}

pub struct Overview {
    pub lang: Lang,
    pub organization: String,
    /// Where the document stands (set with [`Overview::set_as_of`]).
    pub as_of: super::AsOf,
    pub summary: Summary,
    pub risks: RiskRegister,
    /// The asset register (情報資産台帳).
    pub assets: super::assets::AssetRegister,
    pub soas: Vec<SoaTable>,
    pub threats: Vec<ThreatView>,
    pub controls: Vec<ControlRow>,
    pub procedures: Vec<ProcedureRow>,
    pub findings: FindingsSummary,
    /// Clauses 4–10: the checklist, the documents, audits, reviews, nonconformities, objectives.
    pub status: super::status::IsmsStatus,
}

/// The frameworks a report covers: those of `frameworks:` in isms.yaml, else those with a
/// `soa` document; in that order, known to the catalogs.
pub fn frameworks<'c>(
    checked: &Judged,
    catalogs: &'c Catalogs,
) -> Vec<&'c crate::catalog::Framework> {
    let ws = &checked.ws;
    let mut names: Vec<&str> = ws.config.frameworks.iter().map(|f| f.as_str()).collect();
    if names.is_empty() {
        names = ws.model.soas.iter().map(|s| s.framework.as_str()).collect();
    }
    let mut out = Vec::new();
    for n in names {
        if let Some(f) = catalogs.framework(n) {
            if !out
                .iter()
                .any(|x: &&crate::catalog::Framework| x.framework == f.framework)
            {
                out.push(f);
            }
        }
    }
    out
}

impl Overview {
    /// Where the report, and each document in it, stands.
    pub fn set_as_of(&mut self, as_of: &super::AsOf) {
        self.as_of = as_of.clone();
        self.risks.as_of = as_of.clone();
        self.assets.as_of = as_of.clone();
        self.status.as_of = as_of.clone();
        for s in &mut self.soas {
            s.as_of = as_of.clone();
        }
    }
}

pub fn build(checked: &Judged, catalogs: &Catalogs) -> Overview {
    let ws = &checked.ws;
    let model = &ws.model;
    let index = Index::new(model, &checked.analysis.refs);

    let threats = model
        .threats
        .iter()
        .map(|t| {
            let id = t.id.as_str();
            let risks: Vec<&crate::model::Risk> = model
                .risks
                .iter()
                .filter(|r| r.threat.as_ref().is_some_and(|x| x.value == id))
                .collect();
            // Controls that declare the threat, then those treating its risks, in file order.
            let mut controls: Vec<&str> = Vec::new();
            for c in &model.controls {
                if c.threats.iter().any(|x| x.value == id) {
                    push_unique(&mut controls, c.id.as_str());
                }
            }
            for r in &risks {
                for c in r.treatment.iter().flat_map(|t| &t.controls) {
                    if model.control(c.as_str()).is_some() {
                        push_unique(&mut controls, c.as_str());
                    }
                }
            }
            let category_of = |c: &str| {
                model
                    .control(c)
                    .and_then(|c| c.category.as_ref())
                    .map(|x| x.value)
            };
            let by_category = Category::ALL
                .iter()
                .map(|&cat| {
                    let list = controls
                        .iter()
                        .filter(|c| category_of(c) == Some(cat))
                        .map(|c| index.control(c))
                        .collect();
                    (cat, list)
                })
                .collect();
            ThreatView {
                id: id.to_owned(),
                name: text(t.name.as_ref()),
                origin: t.origin.as_ref().map(|o| o.value),
                description: text(t.description.as_ref()),
                risks: risks.iter().map(|r| r.id.value.clone()).collect(),
                by_category,
                uncategorized: controls
                    .iter()
                    .filter(|c| category_of(c).is_none())
                    .map(|c| index.control(c))
                    .collect(),
            }
        })
        .collect();

    let controls: Vec<ControlRow> = model
        .controls
        .iter()
        .map(|c| ControlRow {
            id: c.id.value.clone(),
            title: text(c.title.as_ref()),
            category: c.category.as_ref().map(|x| x.value),
            status: c.status.as_ref().map(|x| x.value),
            owner: c.owner.as_ref().map(|x| index.role(x.as_str())),
            maps_to: c.maps_to.iter().map(|m| m.value.clone()).collect(),
            risks: index.risks_of(c.id.as_str()),
            procedures: index.procedures_of(c.id.as_str()),
            description: text(c.description.as_ref()),
        })
        .collect();

    let procedures = model
        .procedures
        .iter()
        .map(|p| {
            let months = p
                .review
                .as_ref()
                .and_then(|r| r.interval_months.as_ref())
                .map(|m| m.value);
            let last = p
                .review
                .as_ref()
                .and_then(|r| r.last.as_ref())
                .map(|d| d.value);
            let next = last
                .zip(months)
                .and_then(|(d, m)| d.checked_add(jiff::Span::new().try_months(m).ok()?).ok());
            ProcedureRow {
                id: p.id.value.clone(),
                title: text(p.title.as_ref()),
                implements: p.implements.iter().map(|x| x.value.clone()).collect(),
                owner: p.owner.as_ref().map(|x| index.role(x.as_str())),
                frequency: text(p.frequency.as_ref()),
                steps: p.steps.clone(),
                evidence: p.evidence.clone(),
                review_months: months,
                review_last: last.map(|d| d.to_string()),
                review_next: next.map(|d| d.to_string()),
            }
        })
        .collect();

    let controls_by_status = Status::ALL
        .iter()
        .map(|&s| (s, controls.iter().filter(|c| c.status == Some(s)).count()))
        .collect();
    let implemented = controls
        .iter()
        .filter(|c| c.status == Some(Status::Implemented))
        .count();
    let summary = Summary {
        assets: model.assets.len(),
        threats: model.threats.len(),
        risks: model.risks.len(),
        controls: model.controls.len(),
        procedures: model.procedures.len(),
        controls_by_status,
        implemented_percent: percent(implemented, model.controls.len()),
    };

    Overview {
        lang: ws.lang,
        organization: text(ws.config.organization.as_ref()),
        as_of: super::AsOf::default(),
        summary,
        risks: super::risks::build(checked),
        assets: super::assets::build(checked),
        soas: frameworks(checked, catalogs)
            .into_iter()
            .map(|f| super::soa::build(checked, f))
            .collect(),
        threats,
        controls,
        procedures,
        findings: FindingsSummary::of(checked),
        status: super::status::build(checked, catalogs),
    }
}
