//! The Statement of Applicability of one framework, as a table: one row per control of the
//! catalog, in catalog order, then the organisation's additional controls. Every decision
//! and its justification comes from the analysis stage ([`crate::analysis::SoaDecisions`]),
//! so `isms soa`, `isms check`, `isms report` and `isms diff` say the same about each row;
//! this module only names and counts.

use super::findings::FindingsSummary;
use super::{EvidenceRef, Index, Named, text};
use crate::catalog::Framework;
use crate::i18n::Lang;
use crate::judge::Judged;
use crate::model::{Category, Status};
use serde::Serialize;

pub use crate::analysis::Decision;

#[derive(Clone, Debug)]
pub struct SoaRow {
    pub id: String,
    /// The id as it is cited, text in any spreadsheet: "A.5.10" (see `cite_prefix` in the
    /// catalog).
    pub cite: String,
    /// In the report's language.
    pub title: String,
    pub group: String,
    pub group_title: String,
    pub decision: Decision,
    /// The weakest status among the mapped controls; `None` without mapped controls.
    pub status: Option<Status>,
    /// Risks treated through the mapped controls, in file order.
    pub risks: Vec<String>,
    /// Reasons declared under `inclusions` (law, contract, business).
    pub reasons: Vec<String>,
    pub exclusion: Option<String>,
    pub controls: Vec<Named>,
    pub procedures: Vec<Named>,
    /// The newest evidence of each mapped control that is implemented or partial, each
    /// once ([`super::applied_evidence`]).
    pub evidence: Vec<EvidenceRef>,
}

impl SoaRow {
    /// PRODUCT.md's `inclusion`: the risk ids, then the declared reasons.
    pub fn inclusion(&self) -> Vec<String> {
        self.risks.iter().chain(&self.reasons).cloned().collect()
    }
}

/// An organisation control that maps to no control of the framework.
#[derive(Clone, Debug)]
pub struct Additional {
    pub id: String,
    pub title: String,
    pub category: Option<Category>,
    pub status: Option<Status>,
    pub risks: Vec<String>,
    /// Its mappings to other frameworks.
    pub maps_to: Vec<String>,
    pub procedures: Vec<Named>,
    /// Its newest evidence when it is implemented or partial ([`super::applied_evidence`]).
    pub evidence: Vec<EvidenceRef>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SoaCounts {
    /// Controls of the framework.
    pub controls: usize,
    pub applicable: usize,
    pub excluded: usize,
    pub undecided: usize,
    pub contradictory: usize,
    /// Among the applicable rows, by status.
    pub implemented: usize,
    pub partial: usize,
    pub planned: usize,
    pub not_implemented: usize,
    /// Applicable through a declared reason only: no control implements it.
    pub no_control: usize,
    /// Organisation controls outside the framework.
    pub additional: usize,
}

#[derive(Clone, Debug)]
pub struct SoaTable {
    pub lang: Lang,
    pub organization: String,
    pub framework: String,
    /// The framework's title in the report's language.
    pub title: String,
    /// Whether the repository has a `kind: soa` document for the framework.
    pub declared: bool,
    pub version: Option<String>,
    pub approved_by: Option<Named>,
    /// The approver as a signature reads: the role's title, and its person if one.
    pub approver: Option<String>,
    pub approved_on: Option<String>,
    /// Where the document stands (set by the command, which asks git).
    pub as_of: super::AsOf,
    pub rows: Vec<SoaRow>,
    pub additional: Vec<Additional>,
    pub counts: SoaCounts,
    pub findings: FindingsSummary,
}

/// Builds the SoA of `framework` from a judged repository.
pub fn build(judged: &Judged, framework: &Framework) -> SoaTable {
    let ws = &judged.ws;
    let model = &ws.model;
    let lang = ws.lang;
    let index = Index::new(model, &judged.analysis.refs);
    let prefix = format!("{}:", framework.framework);
    let decisions = judged
        .analysis
        .soa(&framework.framework)
        .expect("the analysis decides every built-in framework");
    let soa = decisions.document.map(|i| &model.soas[i]);

    let rows: Vec<SoaRow> = framework
        .controls
        .iter()
        .zip(&decisions.rows)
        .map(|(fc, d)| {
            let group = framework.groups.iter().find(|g| g.id == fc.group);
            SoaRow {
                id: fc.id.clone(),
                cite: framework.cite(&fc.id),
                title: fc.title_in(lang).to_owned(),
                group: fc.group.clone(),
                group_title: group
                    .map_or_else(String::new, |g| lang.pick(&g.title, &g.title_ja).to_owned()),
                decision: d.decision,
                status: d.status,
                risks: d
                    .risks
                    .iter()
                    .map(|&r| model.risks[r].id.value.clone())
                    .collect(),
                reasons: soa
                    .map(|s| {
                        d.reasons
                            .iter()
                            .map(|&i| s.inclusions[i].1.value.clone())
                            .collect()
                    })
                    .unwrap_or_default(),
                exclusion: soa
                    .zip(d.exclusion)
                    .map(|(s, i)| s.exclusions[i].1.value.clone()),
                controls: d
                    .controls
                    .iter()
                    .map(|&c| {
                        let c = &model.controls[c];
                        Named {
                            id: c.id.value.clone(),
                            title: text(c.title.as_ref()),
                        }
                    })
                    .collect(),
                procedures: index.procedures(d.procedures.iter().copied()),
                evidence: super::applied_evidence(judged, d.controls.iter().copied()),
            }
        })
        .collect();

    let additional: Vec<Additional> = model
        .controls
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.maps_to.iter().any(|m| m.value.starts_with(&prefix)))
        .map(|(i, c)| Additional {
            id: c.id.value.clone(),
            title: text(c.title.as_ref()),
            category: c.category.as_ref().map(|x| x.value),
            status: c.status.as_ref().map(|x| x.value),
            risks: index.risks_of(c.id.as_str()),
            maps_to: c.maps_to.iter().map(|m| m.value.clone()).collect(),
            procedures: index.procedures_of(c.id.as_str()),
            evidence: super::applied_evidence(judged, [i]),
        })
        .collect();

    let mut counts = SoaCounts {
        controls: rows.len(),
        additional: additional.len(),
        ..SoaCounts::default()
    };
    for r in &rows {
        match r.decision {
            Decision::Applied | Decision::IncludedWithoutControl => counts.applicable += 1,
            Decision::Excluded => counts.excluded += 1,
            Decision::Undecided => counts.undecided += 1,
            Decision::Contradictory => counts.contradictory += 1,
        }
        if r.decision.applicable() == Some(true) {
            match r.status {
                Some(Status::Implemented) => counts.implemented += 1,
                Some(Status::Partial) => counts.partial += 1,
                Some(Status::Planned) => counts.planned += 1,
                Some(Status::NotImplemented) => counts.not_implemented += 1,
                None => counts.no_control += 1,
            }
        }
    }

    SoaTable {
        lang,
        organization: text(ws.config.organization.as_ref()),
        framework: framework.framework.clone(),
        title: framework.title_in(lang).to_owned(),
        declared: soa.is_some(),
        version: soa
            .and_then(|s| s.version.as_ref())
            .map(|v| v.value.clone()),
        approved_by: soa
            .and_then(|s| s.approved_by.as_ref())
            .map(|r| index.role(r.as_str())),
        approver: soa
            .and_then(|s| s.approved_by.as_ref())
            .map(|r| index.signatory(r.as_str(), lang)),
        as_of: super::AsOf::default(),
        approved_on: soa
            .and_then(|s| s.approved_on.as_ref())
            .map(|d| d.value.to_string()),
        rows,
        additional,
        counts,
        findings: FindingsSummary::of(judged),
    }
}
