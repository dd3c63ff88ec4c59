//! The judgments about the ISMS's own records that the rules and the reports share: the
//! clause checklist (which documents and records satisfy each clause of 4–10) and the
//! evidence of each control, newest first.

use super::References;
use crate::catalog::{CLAUSES, Catalogs, Documented};
use crate::config::Config;
use crate::fields::Text;
use crate::model::{EntityRef, Kind, Model};

/// One clause of 4–10, with what satisfies it.
#[derive(Clone, Debug)]
pub struct ClauseRow {
    pub id: String,
    pub documented: Documented,
    /// Approved documents whose `satisfies` names the clause: indices into `records.documents`.
    pub documents: Vec<usize>,
    /// Documents that name it but are not approved (drafts): shown, and named in the help
    /// of `clause/undocumented`.
    pub drafts: Vec<usize>,
    /// Other entities in force that satisfy it (risks, the SoA, objectives, audits …).
    pub records: Vec<EntityRef>,
}

impl ClauseRow {
    pub fn satisfied(&self) -> bool {
        !self.documents.is_empty() || !self.records.is_empty()
    }
}

pub struct RecordsAnalysis {
    /// The `iso27001-2022-clauses` entry of `frameworks:`: the clause checklist and the
    /// evidence rule judge the repository only when it is declared.
    pub declared: Option<Text>,
    /// Every clause of the catalog, in its order.
    pub checklist: Vec<ClauseRow>,
    /// For each control (by index), the evidence that names it or a procedure implementing
    /// it: indices into `records.evidence`, newest first, undated last.
    pub evidence_of_control: Vec<Vec<usize>>,
}

impl RecordsAnalysis {
    pub fn new(
        model: &Model,
        config: &Config,
        catalogs: &Catalogs,
        refs: &References,
    ) -> RecordsAnalysis {
        let rec = &model.records;
        let declared = config
            .frameworks
            .iter()
            .find(|f| f.value == CLAUSES)
            .cloned();
        let prefix = format!("{CLAUSES}:");
        let checklist = catalogs
            .clauses
            .clauses
            .iter()
            .map(|clause| {
                let naming = |i: &usize| {
                    rec.documents[*i]
                        .satisfies
                        .iter()
                        .any(|s| s.value.strip_prefix(&prefix) == Some(clause.id.as_str()))
                };
                let all: Vec<usize> = (0..rec.documents.len()).filter(naming).collect();
                let documents: Vec<usize> = all
                    .iter()
                    .copied()
                    .filter(|&i| rec.documents[i].is_approved())
                    .collect();
                let drafts = all
                    .iter()
                    .copied()
                    .filter(|&i| {
                        !rec.documents[i].is_approved() && !rec.documents[i].is_withdrawn()
                    })
                    .collect();
                let mut records = Vec::new();
                for kind in clause.records.iter().filter_map(|k| Kind::parse(k)) {
                    records.extend(in_force(model, kind, &clause.id));
                }
                ClauseRow {
                    id: clause.id.clone(),
                    documented: clause.documented,
                    documents,
                    drafts,
                    records,
                }
            })
            .collect();
        // Who each evidence names, indexed once: the work stays linear in the repository.
        let mut naming: std::collections::HashMap<&str, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, e) in rec.evidence.iter().enumerate() {
            for t in e.controls.iter().chain(&e.procedures) {
                naming.entry(t.value.as_str()).or_default().push(i);
            }
        }
        let evidence_of_control = model
            .controls
            .iter()
            .map(|c| {
                let id = c.id.as_str();
                if id.is_empty() {
                    return Vec::new();
                }
                let mut list: Vec<usize> = naming.get(id).cloned().unwrap_or_default();
                for p in refs.holders_of(id, Kind::Procedure) {
                    let pid = model.procedures[p].id.as_str();
                    list.extend(naming.get(pid).into_iter().flatten());
                }
                list.sort_unstable();
                list.dedup();
                // Newest first; undated last; file order among equals.
                list.sort_by_key(|&i| {
                    std::cmp::Reverse(rec.evidence[i].date.as_ref().map(|d| d.value))
                });
                list
            })
            .collect();
        RecordsAnalysis {
            declared,
            checklist,
            evidence_of_control,
        }
    }

    pub fn clause(&self, id: &str) -> Option<&ClauseRow> {
        self.checklist.iter().find(|c| c.id == id)
    }
}

/// The entities of `kind` in force for a clause: an approved SoA or document, an audit not
/// merely planned, an objective with a result for 9.1 (monitoring results), every risk,
/// objective, competence record, review, nonconformity and evidence otherwise.
fn in_force(model: &Model, kind: Kind, clause: &str) -> Vec<EntityRef> {
    let rec = &model.records;
    let at = |index| EntityRef { kind, index };
    let all = |n: usize| (0..n).map(at).collect::<Vec<_>>();
    match kind {
        Kind::Risk => all(model.risks.len()),
        Kind::Soa => (0..model.soas.len())
            .filter(|&i| model.soas[i].approved_on.is_some() && model.soas[i].approved_by.is_some())
            .map(at)
            .collect(),
        Kind::Document => (0..rec.documents.len())
            .filter(|&i| rec.documents[i].is_approved())
            .map(at)
            .collect(),
        Kind::Objective if clause == "9.1" => (0..rec.objectives.len())
            .filter(|&i| rec.objectives[i].latest().is_some())
            .map(at)
            .collect(),
        Kind::Objective => all(rec.objectives.len()),
        Kind::Competence => all(rec.competences.len()),
        Kind::Audit => (0..rec.audits.len())
            .filter(|&i| {
                rec.audits[i].status.as_ref().map(|s| s.value)
                    != Some(crate::model::records::AuditStatus::Planned)
            })
            .map(at)
            .collect(),
        Kind::ManagementReview => all(rec.reviews.len()),
        Kind::Nonconformity => all(rec.nonconformities.len()),
        Kind::Evidence => all(rec.evidence.len()),
        _ => Vec::new(),
    }
}
