//! The risk register and treatment plan, and the heat maps before and after treatment.
//! Every number comes from the analysis stage ([`crate::analysis::Analysis::assessments`]),
//! the one place a level is computed, so the register shows the levels the rules judged;
//! this module only arranges them.

use super::findings::FindingsSummary;
use super::{EvidenceRef, Index, Named, Signatory, text};
use crate::config::RiskMethod;
use crate::i18n::Lang;
use crate::judge::Judged;
use crate::model::{Origin, TreatmentOption};
use crate::risk::Band;
use serde::Serialize;

/// Who accepted a risk, when, until when, and why.
#[derive(Clone, Debug)]
pub struct Acceptance {
    pub by: Option<Signatory>,
    pub on: Option<String>,
    pub expires: Option<String>,
    pub rationale: Option<String>,
}

/// The risk owner's sign-off of a treatment plan (ISO/IEC 27001 6.1.3 f): who, when.
#[derive(Clone, Debug)]
pub struct Approval {
    pub by: Option<Signatory>,
    pub on: Option<String>,
}

#[derive(Clone, Debug)]
pub struct RiskRow {
    pub id: String,
    pub title: String,
    pub assets: Vec<Named>,
    pub threat: Option<Named>,
    pub origin: Option<Origin>,
    pub vulnerabilities: Vec<Named>,
    pub impact: Option<i64>,
    pub likelihood: Option<i64>,
    pub level: Option<i64>,
    pub band: Option<Band>,
    pub option: Option<TreatmentOption>,
    pub controls: Vec<Named>,
    pub transfer_to: Option<String>,
    pub owner: Option<Signatory>,
    pub due: Option<String>,
    /// Declared under `residual`; `None` when the risk declares none.
    pub residual_impact: Option<i64>,
    pub residual_likelihood: Option<i64>,
    pub residual_level: Option<i64>,
    pub residual_band: Option<Band>,
    pub acceptance: Option<Acceptance>,
    /// `approved_by` / `approved_on` of the treatment, when either is written.
    pub approval: Option<Approval>,
    /// Where the risk sits after treatment: the residual when declared, else where it was.
    pub after: Option<(i64, i64)>,
    /// The newest evidence of each implemented or partial control of the treatment, each
    /// once ([`super::applied_evidence`]).
    pub evidence: Vec<EvidenceRef>,
}

impl RiskRow {
    /// The level after treatment: the residual, else the level before.
    pub fn level_after(&self) -> Option<i64> {
        self.residual_level.or(self.level)
    }
}

/// One cell of a heat map.
#[derive(Clone, Debug)]
pub struct HeatCell {
    pub impact: i64,
    pub likelihood: i64,
    pub level: i64,
    pub band: Band,
    /// Ids of the risks in this cell, sorted.
    pub risks: Vec<String>,
}

/// Impact × likelihood, counts and risk ids per cell.
#[derive(Clone, Debug)]
pub struct HeatMap {
    pub impact: i64,
    pub likelihood: i64,
    /// Rows from the highest impact down, each from likelihood 1 up: the order a heat map
    /// is drawn in.
    pub cells: Vec<HeatCell>,
    /// Risks whose impact or likelihood is unknown or off the scale.
    pub unplaced: Vec<String>,
}

impl HeatMap {
    fn new(method: &RiskMethod) -> HeatMap {
        let mut cells = Vec::new();
        for impact in (1..=method.impact).rev() {
            for likelihood in 1..=method.likelihood {
                let level = method.level(impact, likelihood);
                cells.push(HeatCell {
                    impact,
                    likelihood,
                    level,
                    band: method.band(level),
                    risks: Vec::new(),
                });
            }
        }
        HeatMap {
            impact: method.impact,
            likelihood: method.likelihood,
            cells,
            unplaced: Vec::new(),
        }
    }

    fn place(&mut self, id: &str, at: Option<(i64, i64)>) {
        let cell = at.and_then(|(i, l)| {
            self.cells
                .iter_mut()
                .find(|c| c.impact == i && c.likelihood == l)
        });
        match cell {
            Some(c) => c.risks.push(id.to_owned()),
            None => self.unplaced.push(id.to_owned()),
        }
    }

    /// The cells of one impact row, by likelihood.
    pub fn row(&self, impact: i64) -> impl Iterator<Item = &HeatCell> {
        self.cells.iter().filter(move |c| c.impact == impact)
    }
}

/// The method, as a report states it.
#[derive(Clone, Debug, Serialize)]
pub struct MethodSummary {
    pub impact: i64,
    pub likelihood: i64,
    pub high: i64,
    pub medium: i64,
    pub acceptable: i64,
    pub max_level: i64,
    pub explicit_matrix: bool,
    pub impact_labels: Vec<String>,
    pub likelihood_labels: Vec<String>,
}

impl MethodSummary {
    /// The name of a step of the impact scale: "3 (大)" with labels, else "3".
    pub fn impact_step(&self, i: i64) -> String {
        step(i, &self.impact_labels)
    }

    pub fn likelihood_step(&self, l: i64) -> String {
        step(l, &self.likelihood_labels)
    }
}

fn step(n: i64, labels: &[String]) -> String {
    match usize::try_from(n - 1).ok().and_then(|i| labels.get(i)) {
        Some(label) => format!("{n} ({label})"),
        None => n.to_string(),
    }
}

/// Risks by band, with those whose level is unknown.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct BandCounts {
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub unrated: usize,
    /// Above `acceptable`.
    pub above_appetite: usize,
}

#[derive(Clone, Debug)]
pub struct RiskRegister {
    pub lang: Lang,
    pub organization: String,
    /// Where the document stands (set by the command, which asks git).
    pub as_of: super::AsOf,
    pub method: MethodSummary,
    /// Sorted by level, highest first, then by id.
    pub rows: Vec<RiskRow>,
    pub before: HeatMap,
    pub after: HeatMap,
    pub counts_before: BandCounts,
    pub counts_after: BandCounts,
    pub findings: FindingsSummary,
}

fn count(method: &RiskMethod, levels: impl Iterator<Item = Option<i64>>) -> BandCounts {
    let mut c = BandCounts::default();
    for level in levels {
        match level {
            None => c.unrated += 1,
            Some(l) => {
                match method.band(l) {
                    Band::High => c.high += 1,
                    Band::Medium => c.medium += 1,
                    Band::Low => c.low += 1,
                }
                if l > method.acceptable {
                    c.above_appetite += 1;
                }
            }
        }
    }
    c
}

pub fn build(checked: &Judged) -> RiskRegister {
    let ws = &checked.ws;
    let model = &ws.model;
    let method = &ws.config.risk;
    let index = Index::new(model, &checked.analysis.refs);
    let lang = ws.lang;
    let mut rows: Vec<RiskRow> = model
        .risks
        .iter()
        .zip(&checked.analysis.assessments)
        .map(|(r, a)| {
            let t = r.treatment.as_ref();
            let option = t.and_then(|t| t.option.as_ref()).map(|o| o.value);
            let acceptance = t
                .filter(|t| option == Some(TreatmentOption::Accept) || t.accepted_by.is_some())
                .map(|t| Acceptance {
                    by: t
                        .accepted_by
                        .as_ref()
                        .map(|x| index.signer(x.as_str(), lang)),
                    on: t.accepted_on.as_ref().map(|d| d.value.to_string()),
                    expires: t.expires.as_ref().map(|d| d.value.to_string()),
                    rationale: t.rationale.as_ref().map(|x| x.value.clone()),
                });
            let approval = t
                .filter(|t| t.approved_by.is_some() || t.approved_on.is_some())
                .map(|t| Approval {
                    by: t
                        .approved_by
                        .as_ref()
                        .map(|x| index.signer(x.as_str(), lang)),
                    on: t.approved_on.as_ref().map(|d| d.value.to_string()),
                });
            let threat = r.threat.as_ref().map(|x| index.threat(x.as_str()));
            let origin = r
                .threat
                .as_ref()
                .and_then(|x| model.threat(x.as_str()))
                .and_then(|x| x.origin.as_ref())
                .map(|o| o.value);
            let before = a.impact.zip(a.likelihood);
            let after = match (a.residual_impact, a.residual_likelihood) {
                (Some(i), Some(l)) => Some((i, l)),
                _ => before,
            };
            RiskRow {
                id: r.id.value.clone(),
                title: text(r.title.as_ref()),
                assets: r.assets.iter().map(|x| index.asset(x.as_str())).collect(),
                threat,
                origin,
                vulnerabilities: r
                    .vulnerabilities
                    .iter()
                    .map(|x| index.vulnerability(x.as_str()))
                    .collect(),
                impact: a.impact,
                likelihood: a.likelihood,
                level: a.level,
                band: a.band,
                option,
                controls: t
                    .into_iter()
                    .flat_map(|t| &t.controls)
                    .map(|x| index.control(x.as_str()))
                    .collect(),
                transfer_to: t.and_then(|t| t.to.as_ref()).map(|x| x.value.clone()),
                owner: r.owner.as_ref().map(|x| index.signer(x.as_str(), lang)),
                due: t.and_then(|t| t.due.as_ref()).map(|d| d.value.to_string()),
                residual_impact: a.residual_impact,
                residual_likelihood: a.residual_likelihood,
                residual_level: a.residual_level,
                residual_band: a.residual_band,
                acceptance,
                approval,
                after,
                evidence: super::applied_evidence(
                    checked,
                    t.into_iter().flat_map(|t| &t.controls).filter_map(|x| {
                        match model.lookup(x.as_str()) {
                            Some(crate::model::EntityRef {
                                kind: crate::model::Kind::Control,
                                index,
                            }) => Some(index),
                            _ => None,
                        }
                    }),
                ),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.level
            .cmp(&a.level)
            .then_with(|| b.level_after().cmp(&a.level_after()))
            .then_with(|| a.id.cmp(&b.id))
    });

    let mut before = HeatMap::new(method);
    let mut after = HeatMap::new(method);
    for r in &rows {
        before.place(&r.id, r.impact.zip(r.likelihood));
        after.place(&r.id, r.after);
    }
    for cell in before.cells.iter_mut().chain(after.cells.iter_mut()) {
        cell.risks.sort();
    }
    RiskRegister {
        lang: ws.lang,
        organization: text(ws.config.organization.as_ref()),
        as_of: super::AsOf::default(),
        method: MethodSummary {
            impact: method.impact,
            likelihood: method.likelihood,
            high: method.high,
            medium: method.medium,
            acceptable: method.acceptable,
            max_level: method.max_level(),
            explicit_matrix: method.matrix.is_some(),
            impact_labels: method
                .impact_labels
                .iter()
                .map(|l| l.get(ws.lang).to_owned())
                .collect(),
            likelihood_labels: method
                .likelihood_labels
                .iter()
                .map(|l| l.get(ws.lang).to_owned())
                .collect(),
        },
        counts_before: count(method, rows.iter().map(|r| r.level)),
        counts_after: count(method, rows.iter().map(RiskRow::level_after)),
        rows,
        before,
        after,
        findings: FindingsSummary::of(checked),
    }
}
