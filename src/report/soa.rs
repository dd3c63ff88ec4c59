//! The Statement of Applicability of one framework, built from the model: one row per
//! control of the catalog, in catalog order, then the organisation's additional controls.
//!
//! A row's decision: *applied* when an organisation control maps to it (`maps_to`) or the
//! `soa` document declares a reason to include it; *excluded* when the `soa` excludes it
//! with a reason; *undecided* when neither (the `soa/missing` error); *contradictory* when
//! it is both excluded and mapped (the `soa/contradiction` error). Its status is the
//! weakest among the mapped controls; its justification for inclusion, the risks treated
//! through those controls and the declared reasons.

use super::findings::FindingsSummary;
use super::{Index, Named, push_unique, text};
use crate::catalog::Framework;
use crate::check::Checked;
use crate::i18n::Lang;
use crate::model::{Category, Status};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    Applied,
    Excluded,
    Undecided,
    Contradictory,
}

impl Decision {
    /// PRODUCT.md's `applicable`: `None` (JSON null) while the SoA has not decided.
    pub fn applicable(self) -> Option<bool> {
        match self {
            Decision::Applied => Some(true),
            Decision::Excluded => Some(false),
            Decision::Undecided | Decision::Contradictory => None,
        }
    }
}

#[derive(Clone, Debug)]
pub struct SoaRow {
    pub id: String,
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
    pub approved_on: Option<String>,
    pub rows: Vec<SoaRow>,
    pub additional: Vec<Additional>,
    pub counts: SoaCounts,
    pub findings: FindingsSummary,
}

/// Builds the SoA of `framework` from a judged repository.
pub fn build(checked: &Checked, framework: &Framework) -> SoaTable {
    let ws = &checked.ws;
    let model = &ws.model;
    let lang = ws.lang;
    let index = Index::new(model);
    let prefix = format!("{}:", framework.framework);
    let soa = model.soa_for(&framework.framework);

    let rows: Vec<SoaRow> = framework
        .controls
        .iter()
        .map(|fc| {
            let target = format!("{prefix}{}", fc.id);
            let mapped: Vec<&crate::model::Control> = model
                .controls
                .iter()
                .filter(|c| c.maps_to.iter().any(|m| m.value == target))
                .collect();
            let mut risks = Vec::new();
            let mut procedures = Vec::new();
            for c in &mapped {
                for r in index.risks_of(c.id.as_str()) {
                    push_unique(&mut risks, r);
                }
                for p in index.procedures_of(c.id.as_str()) {
                    push_unique(&mut procedures, p);
                }
            }
            let reasons: Vec<String> = soa
                .into_iter()
                .flat_map(|s| &s.inclusions)
                .filter(|(id, _)| id.value == fc.id)
                .map(|(_, reason)| reason.value.clone())
                .collect();
            let exclusion = soa
                .and_then(|s| s.exclusions.iter().find(|(id, _)| id.value == fc.id))
                .map(|(_, reason)| reason.value.clone());
            let decision = match (!mapped.is_empty(), exclusion.is_some()) {
                (true, true) => Decision::Contradictory,
                (true, false) => Decision::Applied,
                (false, true) => Decision::Excluded,
                (false, false) if !reasons.is_empty() => Decision::Applied,
                (false, false) => Decision::Undecided,
            };
            let group = framework.groups.iter().find(|g| g.id == fc.group);
            SoaRow {
                id: fc.id.clone(),
                title: fc.title_in(lang).to_owned(),
                group: fc.group.clone(),
                group_title: group
                    .map_or_else(String::new, |g| lang.pick(&g.title, &g.title_ja).to_owned()),
                decision,
                status: mapped
                    .iter()
                    .filter_map(|c| c.status.as_ref().map(|s| s.value))
                    .max(),
                risks,
                reasons,
                exclusion,
                controls: mapped
                    .iter()
                    .map(|c| Named {
                        id: c.id.value.clone(),
                        title: text(c.title.as_ref()),
                    })
                    .collect(),
                procedures,
            }
        })
        .collect();

    let additional: Vec<Additional> = model
        .controls
        .iter()
        .filter(|c| !c.maps_to.iter().any(|m| m.value.starts_with(&prefix)))
        .map(|c| Additional {
            id: c.id.value.clone(),
            title: text(c.title.as_ref()),
            category: c.category.as_ref().map(|x| x.value),
            status: c.status.as_ref().map(|x| x.value),
            risks: index.risks_of(c.id.as_str()),
            maps_to: c.maps_to.iter().map(|m| m.value.clone()).collect(),
            procedures: index.procedures_of(c.id.as_str()),
        })
        .collect();

    let mut counts = SoaCounts {
        controls: rows.len(),
        additional: additional.len(),
        ..SoaCounts::default()
    };
    for r in &rows {
        match r.decision {
            Decision::Applied => counts.applicable += 1,
            Decision::Excluded => counts.excluded += 1,
            Decision::Undecided => counts.undecided += 1,
            Decision::Contradictory => counts.contradictory += 1,
        }
        if r.decision == Decision::Applied {
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
        approved_on: soa
            .and_then(|s| s.approved_on.as_ref())
            .map(|d| d.value.to_string()),
        rows,
        additional,
        counts,
        findings: FindingsSummary::of(checked),
    }
}
