//! The analysis stage: every judgment that more than one command needs, made once per
//! judged workspace and kept beside its findings. Rules, reports, `isms diff` and
//! `isms init` read it; none recomputes.
//!
//! - [`Analysis::assessments`]: each risk's inherent and residual numbers under the one
//!   [`crate::config::RiskMethod`]; a rating off its scale is never used (the level is unknown).
//! - [`Analysis::soas`]: for every built-in framework, the decision of every row of its
//!   Statement of Applicability, with the sources of its justification.
//! - [`Analysis::refs`]: every reference between entities, resolved once, and who names whom.

use crate::catalog::{Catalogs, Framework};
use crate::config::Config;
use crate::fields::Text;
use crate::model::{EntityRef, Kind, Model, Status};
use crate::risk::Assessment;
use crate::source::FileId;
use crate::suggest::Index;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;

pub mod records;

pub struct Analysis {
    /// One per risk, in the model's order.
    pub assessments: Vec<Assessment>,
    /// One per built-in framework, in catalog order.
    pub soas: Vec<SoaDecisions>,
    pub refs: References,
    /// The ISMS's own records: the clause checklist and each control's evidence.
    pub records: records::RecordsAnalysis,
}

impl Analysis {
    pub fn new(model: &Model, config: &Config, catalogs: &Catalogs) -> Analysis {
        let (refs, assessments) =
            rayon::join(|| References::new(model), || assess_all(model, config));
        Analysis::with_refs(model, config, catalogs, refs, assessments)
    }

    /// The analysis of `model` after [`crate::workspace::Files::patch`] swapped the
    /// entities of `files` for ones with the same ids (the language server, per edit): the
    /// references held in the other files are `previous`'s, since what they name and how
    /// it resolves depend only on the ids, which did not change; the rest is made anew.
    /// The same as [`Analysis::new`] (tests/lsp.rs compares the judgments).
    pub fn patched(
        previous: Analysis,
        model: &Model,
        config: &Config,
        catalogs: &Catalogs,
        files: &[FileId],
    ) -> Analysis {
        let refs = previous.refs.patched(model, files);
        // A risk's numbers read the risk and what it names (its assets, threat and
        // vulnerabilities): only the risks of the edited files, or naming an entity there,
        // are assessed again.
        let edited = |file: FileId| files.contains(&file);
        let mut again: Vec<bool> = model.risks.iter().map(|r| edited(r.id.span.file)).collect();
        for r in refs.all.iter().filter(|r| r.holder.kind == Kind::Risk) {
            if let Resolved::Found(target) = r.resolved {
                if edited(model.span_of(target).file) {
                    again[r.holder.index] = true;
                }
            }
        }
        let mut assessments = previous.assessments;
        if assessments.len() == model.risks.len() {
            for (i, r) in model.risks.iter().enumerate().filter(|(i, _)| again[*i]) {
                assessments[i] = config.risk.assess(model, r);
            }
        } else {
            assessments = Vec::new();
        }
        Analysis::with_refs(model, config, catalogs, refs, assessments)
    }

    /// The analysis around `refs`; `assessments` when they are already made (else empty).
    fn with_refs(
        model: &Model,
        config: &Config,
        catalogs: &Catalogs,
        refs: References,
        assessments: Vec<Assessment>,
    ) -> Analysis {
        let assessments = if assessments.len() == model.risks.len() {
            assessments
        } else {
            assess_all(model, config)
        };
        let (soas, records) = rayon::join(
            || {
                catalogs
                    .frameworks
                    .par_iter()
                    .map(|fw| SoaDecisions::new(model, &refs, fw))
                    .collect()
            },
            || records::RecordsAnalysis::new(model, config, catalogs, &refs),
        );
        Analysis {
            assessments,
            soas,
            refs,
            records,
        }
    }

    /// The SoA decisions of a framework, by name.
    pub fn soa(&self, framework: &str) -> Option<&SoaDecisions> {
        self.soas.iter().find(|s| s.framework == framework)
    }
}

/// How the SoA decides one control of a framework.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    /// An organisation control maps to it (`maps_to`).
    Applied,
    /// Applicable by a reason declared under `inclusions`, but no control implements it
    /// (`soa/included-without-control`).
    IncludedWithoutControl,
    /// Excluded with a reason.
    Excluded,
    /// Neither applied nor excluded (`soa/missing`).
    Undecided,
    /// Excluded, and also mapped by a control or included by a reason (`soa/contradiction`).
    Contradictory,
}

impl Decision {
    /// PRODUCT.md's `applicable`: `None` (JSON null) while the SoA has not decided.
    pub fn applicable(self) -> Option<bool> {
        match self {
            Decision::Applied | Decision::IncludedWithoutControl => Some(true),
            Decision::Excluded => Some(false),
            Decision::Undecided | Decision::Contradictory => None,
        }
    }
}

/// One row of a framework's SoA, decided.
#[derive(Clone, Debug)]
pub struct SoaRow {
    /// The framework control's id (`5.1`).
    pub id: String,
    pub decision: Decision,
    /// Organisation controls mapping to it: indices into `Model::controls`, file order.
    pub controls: Vec<usize>,
    /// Risks treated through those controls: indices into `Model::risks`, file order.
    pub risks: Vec<usize>,
    /// Procedures implementing those controls: indices into `Model::procedures`.
    pub procedures: Vec<usize>,
    /// Reasons declared under `inclusions`: indices into the SoA document's list.
    pub reasons: Vec<usize>,
    /// The exclusion: an index into the SoA document's `exclusions`.
    pub exclusion: Option<usize>,
    /// The weakest status among the mapped controls.
    pub status: Option<Status>,
    /// A file that could not be read mentions `FRAMEWORK:ID`: a control there may map to it,
    /// so `soa/missing` does not claim the row is undecided (the file's finding comes first).
    pub maybe_mapped_unread: bool,
}

/// Every row of one framework's SoA, in catalog order.
#[derive(Clone, Debug)]
pub struct SoaDecisions {
    pub framework: String,
    /// The framework's `kind: soa` document: an index into `Model::soas`.
    pub document: Option<usize>,
    pub rows: Vec<SoaRow>,
}

impl SoaDecisions {
    fn new(model: &Model, refs: &References, fw: &Framework) -> SoaDecisions {
        let prefix = format!("{}:", fw.framework);
        let document = model
            .soas
            .iter()
            .position(|s| s.framework.value == fw.framework);
        let soa = document.map(|i| &model.soas[i]);
        let mut mapped: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, c) in model.controls.iter().enumerate() {
            for m in &c.maps_to {
                if let Some(id) = m.value.strip_prefix(&prefix) {
                    let list = mapped.entry(id).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        let rows = fw
            .controls
            .iter()
            .map(|fc| {
                let controls = mapped.remove(fc.id.as_str()).unwrap_or_default();
                let mut risks = Vec::new();
                let mut procedures = Vec::new();
                for &c in &controls {
                    let id = model.controls[c].id.as_str();
                    risks.extend(refs.holders_of(id, Kind::Risk));
                    procedures.extend(refs.holders_of(id, Kind::Procedure));
                }
                // File order is index order within a kind.
                risks.sort_unstable();
                risks.dedup();
                procedures.sort_unstable();
                procedures.dedup();
                let reasons: Vec<usize> = soa
                    .into_iter()
                    .flat_map(|s| s.inclusions.iter().enumerate())
                    .filter(|(_, (id, _))| id.value == fc.id)
                    .map(|(i, _)| i)
                    .collect();
                let exclusion =
                    soa.and_then(|s| s.exclusions.iter().position(|(id, _)| id.value == fc.id));
                let included = !controls.is_empty() || !reasons.is_empty();
                let decision = match (included, exclusion.is_some()) {
                    (true, true) => Decision::Contradictory,
                    (false, true) => Decision::Excluded,
                    (true, false) if controls.is_empty() => Decision::IncludedWithoutControl,
                    (true, false) => Decision::Applied,
                    (false, false) => Decision::Undecided,
                };
                let status = controls
                    .iter()
                    .filter_map(|&c| model.controls[c].status.as_ref().map(|s| s.value))
                    .max();
                SoaRow {
                    id: fc.id.clone(),
                    decision,
                    controls,
                    risks,
                    procedures,
                    reasons,
                    exclusion,
                    status,
                    maybe_mapped_unread: model
                        .maybe_referenced(&format!("{}:{}", fw.framework, fc.id)),
                }
            })
            .collect();
        SoaDecisions {
            framework: fw.framework.clone(),
            document,
            rows,
        }
    }
}

/// How a reference resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    Found(EntityRef),
    /// An entity of another kind has the id.
    WrongKind(EntityRef),
    /// A document that could not be read or modelled defines the id (its own finding
    /// says why): the reference is not reported.
    Opaque,
    Unknown,
}

/// One reference: who holds it, in which field, what it names and must be.
#[derive(Clone, Debug)]
pub struct Reference {
    pub holder: EntityRef,
    /// The field as written, `treatment.controls`.
    pub field: &'static str,
    pub target: Text,
    pub want: Kind,
    pub resolved: Resolved,
    /// For a reference naming no entity of its kind: the closest id of that kind, if
    /// close enough to be what was meant.
    pub suggestion: Option<String>,
}

/// Every reference between entities, in model order (by holder kind, then file order),
/// and who names whom.
#[derive(Default)]
pub struct References {
    pub all: Vec<Reference>,
    /// Target id → indices into `all`, in order.
    by_target: HashMap<String, Vec<u32>>,
    /// Id → the references naming no entity (or one of another kind) that it is a
    /// did-you-mean of (`C-PASSWRD`, `P-PASSWORD` for `C-PASSWORD`): what a misspelt
    /// reference was probably meant for.
    meant: HashMap<String, Vec<u32>>,
    /// The ids of each kind indexed for did-you-mean, made when first needed and kept for
    /// [`References::patched`] (the ids stay the same).
    ids: HashMap<Kind, Index>,
}

impl References {
    fn new(model: &Model) -> References {
        let mut all = References::collect(model, None);
        // Each a lookup on its own.
        all.par_iter_mut()
            .for_each(|r| r.resolved = resolve(model, r.target.as_str(), r.want));
        let mut by_target: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, r) in all.iter().enumerate() {
            match by_target.get_mut(r.target.as_str()) {
                Some(list) => list.push(i as u32),
                None => {
                    by_target.insert(r.target.as_str().to_owned(), vec![i as u32]);
                }
            }
        }
        let mut refs = References {
            all,
            by_target,
            meant: HashMap::new(),
            ids: HashMap::new(),
        };
        for i in 0..refs.all.len() {
            refs.suggest(model, i);
        }
        refs
    }

    /// [`References::new`] for a model whose `files` were patched: the references held in
    /// those files are read again and swapped in place; when one of them has a reference
    /// more or fewer, or in another field, all are made anew.
    fn patched(mut self, model: &Model, files: &[FileId]) -> References {
        for &file in files {
            let fresh = References::collect(model, Some(file));
            let at: Vec<usize> = (0..self.all.len())
                .filter(|&i| model.span_of(self.all[i].holder).file == file)
                .collect();
            let same_shape = at.len() == fresh.len()
                && at.iter().zip(&fresh).all(|(&i, f)| {
                    let o = &self.all[i];
                    (o.holder, o.field, o.want) == (f.holder, f.field, f.want)
                });
            if !same_shape {
                return References::new(model);
            }
            for (&i, f) in at.iter().zip(fresh) {
                let old = &mut self.all[i];
                if old.target.as_str() == f.target.as_str() {
                    old.target = f.target; // the same id, perhaps on another line
                    continue;
                }
                let before = std::mem::replace(old, f);
                let index = i as u32;
                if let Some(list) = self.by_target.get_mut(before.target.as_str()) {
                    list.retain(|&j| j != index);
                    if list.is_empty() {
                        self.by_target.remove(before.target.as_str());
                    }
                }
                let r = &mut self.all[i];
                r.resolved = resolve(model, r.target.as_str(), r.want);
                let list = self
                    .by_target
                    .entry(r.target.as_str().to_owned())
                    .or_default();
                let pos = list.partition_point(|&j| j < index);
                list.insert(pos, index);
                self.meant.retain(|_, list| {
                    list.retain(|&j| j != index);
                    !list.is_empty()
                });
                self.suggest(model, i);
            }
        }
        self
    }

    /// The did-you-mean of reference `i` when it names no entity of its kind: every id
    /// close enough, not only the closest (of `A-090`, both `A-009` and `A-010` may have
    /// been meant).
    fn suggest(&mut self, model: &Model, i: usize) {
        let r = &mut self.all[i];
        r.suggestion = None;
        if !matches!(r.resolved, Resolved::Unknown | Resolved::WrongKind(_)) {
            return;
        }
        // The ids of each kind indexed once: a lookup costs the same with ten ids or ten
        // thousand (suggest::Index).
        let index = self
            .ids
            .entry(r.want)
            .or_insert_with(|| Index::new(model.ids_of(r.want)));
        let close = index.close(r.target.as_str());
        for &(_, id) in &close {
            self.meant.entry(id.to_owned()).or_default().push(i as u32);
        }
        r.suggestion = close
            .into_iter()
            .min_by_key(|&(d, o)| (d, o))
            .map(|(_, o)| o.to_owned());
    }

    /// Every reference of the model in model order (by holder kind, then file order),
    /// unresolved; `only`: those held by the entities of one file.
    fn collect(model: &Model, only: Option<FileId>) -> Vec<Reference> {
        let at = |kind, index| EntityRef { kind, index };
        let mut all: Vec<Reference> = Vec::new();
        let mut push = |holder: EntityRef, field: &'static str, want: Kind, targets: &[Text]| {
            push_references(&mut all, model, only, holder, field, want, targets);
        };
        for (i, a) in model.assets.iter().enumerate() {
            push(at(Kind::Asset, i), "owner", Kind::Role, a.owner.as_slice());
        }
        for (i, v) in model.vulnerabilities.iter().enumerate() {
            push(
                at(Kind::Vulnerability, i),
                "threats",
                Kind::Threat,
                &v.threats,
            );
        }
        for (i, r) in model.risks.iter().enumerate() {
            for (field, want, targets) in risk_references(r) {
                push(at(Kind::Risk, i), field, want, targets);
            }
        }
        for (i, c) in model.controls.iter().enumerate() {
            let h = at(Kind::Control, i);
            push(h, "threats", Kind::Threat, &c.threats);
            push(h, "owner", Kind::Role, c.owner.as_slice());
        }
        for (i, p) in model.procedures.iter().enumerate() {
            let h = at(Kind::Procedure, i);
            push(h, "implements", Kind::Control, &p.implements);
            push(h, "owner", Kind::Role, p.owner.as_slice());
        }
        for (i, s) in model.soas.iter().enumerate() {
            push(
                at(Kind::Soa, i),
                "approved_by",
                Kind::Role,
                s.approved_by.as_slice(),
            );
        }
        // The ISMS's own records (clauses 4–10).
        for (holder, field, want, targets) in model.records.references() {
            push(holder, field, want, targets);
        }
        all
    }

    /// Whether an entity of `kind` has a reference that names no entity (or one of another
    /// kind) but may have been meant for `id`. A misspelt reference is one mistake with one
    /// finding (`ref/unknown` or `ref/wrong-kind`, with its did-you-mean); the rules that report an absence (no risk names this asset,
    /// no procedure implements this control) stay silent on what it was meant for, or the
    /// typo would be reported twice, once as advice to add a reference that is written.
    pub fn maybe_held_by(&self, id: &str, kind: Kind) -> bool {
        self.meant
            .get(id)
            .into_iter()
            .flatten()
            .any(|&i| self.all[i as usize].holder.kind == kind)
    }

    /// The references naming `id`.
    pub fn naming(&self, id: &str) -> impl Iterator<Item = &Reference> {
        self.by_target
            .get(id)
            .into_iter()
            .flatten()
            .map(|&i| &self.all[i as usize])
    }

    /// The entities of `kind` whose references name `id` (resolved to it), each once, in
    /// file order: the risks a control treats, the procedures implementing it.
    pub fn holders_of(&self, id: &str, kind: Kind) -> Vec<usize> {
        let mut out = Vec::new();
        for r in self.naming(id) {
            // A holder's references are consecutive, and holders come in file order.
            if r.holder.kind == kind
                && matches!(r.resolved, Resolved::Found(_))
                && out.last() != Some(&r.holder.index)
            {
                out.push(r.holder.index);
            }
        }
        out
    }
}

/// Every risk's numbers, in the model's order.
fn assess_all(model: &Model, config: &Config) -> Vec<Assessment> {
    model
        .risks
        .par_iter()
        .map(|r| config.risk.assess(model, r))
        .collect()
}

/// The fields of a risk that name other entities, as written (a field not written is empty).
fn risk_references(r: &crate::model::Risk) -> [(&'static str, Kind, &[Text]); 7] {
    let treatment = r.treatment.as_ref();
    let of = |f: fn(&crate::model::Treatment) -> &[Text]| treatment.map_or(&[][..], f);
    [
        ("assets", Kind::Asset, r.assets.as_slice()),
        ("threat", Kind::Threat, r.threat.as_slice()),
        (
            "vulnerabilities",
            Kind::Vulnerability,
            r.vulnerabilities.as_slice(),
        ),
        ("owner", Kind::Role, r.owner.as_slice()),
        ("treatment.controls", Kind::Control, of(|t| &t.controls)),
        (
            "treatment.accepted_by",
            Kind::Role,
            of(|t| t.accepted_by.as_slice()),
        ),
        (
            "treatment.approved_by",
            Kind::Role,
            of(|t| t.approved_by.as_slice()),
        ),
    ]
}

/// One unresolved reference per target of a field, unless `only` names another file.
fn push_references(
    out: &mut Vec<Reference>,
    model: &Model,
    only: Option<FileId>,
    holder: EntityRef,
    field: &'static str,
    want: Kind,
    targets: &[Text],
) {
    if targets.is_empty() || only.is_some_and(|f| model.span_of(holder).file != f) {
        return;
    }
    out.extend(targets.iter().map(|t| Reference {
        holder,
        field,
        target: t.clone(),
        want,
        resolved: Resolved::Unknown,
        suggestion: None,
    }));
}

/// How a reference to `id` that must name a `want` resolves.
fn resolve(model: &Model, id: &str, want: Kind) -> Resolved {
    match model.lookup(id) {
        Some(found) if found.kind == want => Resolved::Found(found),
        Some(found) => Resolved::WrongKind(found),
        None if model.is_opaque(id) => Resolved::Opaque,
        None => Resolved::Unknown,
    }
}
