//! Reports: the Statement of Applicability (`soa`), the risk register with its heat maps
//! (`risks`), and the one-file HTML report (`overview`).
//!
//! Data flows one way. The builders read the typed model of a judged repository
//! ([`crate::judge::Judged`]) and the built-in catalogs, never the YAML, and produce plain
//! tables ([`soa::SoaTable`], [`risks::RiskRegister`], [`overview::Overview`]) in which every
//! decision is already taken: which rows, in which order, with which status. The writers in
//! [`format`] are peers that only lay those tables out, each escaping what a user wrote for
//! its own format ([`escape`]). Every word that is not the user's comes from [`labels`].

pub mod assets;
pub mod escape;
pub mod findings;
pub mod format;
pub mod labels;
pub mod overview;
pub mod risks;
pub mod soa;
pub mod status;
pub mod trace;

use crate::analysis::References;
use crate::model::{Kind, Model};
use serde::Serialize;

/// Where a document stands, for its document control: the git commit it was made from and
/// that commit's date when the repository is in git, else the date of `--today`. Both are
/// facts of the repository, not of the clock, so the same repository gives the same
/// document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AsOf {
    /// The commit's full id; `None` outside git.
    pub commit: Option<String>,
    /// The commit's date (committer date, `YYYY-MM-DD`).
    pub commit_date: Option<String>,
    /// The ISMS has changes not committed yet: the document shows the work tree.
    pub uncommitted: bool,
    /// The date the date rules compared with (`--today`, else today).
    pub today: String,
}

/// An entity in a report: its id, and its title or name ("" when it has none or the id
/// names nothing).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Named {
    pub id: String,
    pub title: String,
}

impl Named {
    /// "R-001 title", or the id alone.
    pub fn label(&self) -> String {
        if self.title.is_empty() {
            self.id.clone()
        } else {
            format!("{} {}", self.id, self.title)
        }
    }
}

/// A role as every format but JSON names it: its id (for JSON, which keeps ids) and how it
/// signs ([`Index::signatory`]: "代表取締役（佐藤 一郎）"), so that an approver, an owner
/// and an acceptor read the same in the SoA, the risk register and the documents register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Signatory {
    pub id: String,
    pub name: String,
}

/// A piece of evidence as the reports show it: the newest of an applied control.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EvidenceRef {
    pub id: String,
    /// `YYYY-MM-DD`; `None` when undated.
    pub date: Option<String>,
    /// Its title: what it shows ("" without one).
    pub title: String,
    /// Its path in the repository, else its URL ("" with neither).
    pub location: String,
}

/// The newest evidence of one control (its index in the model), in the order the analysis
/// gave them (newest first, undated last): the one choice of "newest" every report reads.
pub fn newest_evidence(judged: &crate::judge::Judged, control: usize) -> Option<EvidenceRef> {
    let rec = &judged.ws.model.records;
    let &e = judged
        .analysis
        .records
        .evidence_of_control
        .get(control)?
        .first()?;
    let e = &rec.evidence[e];
    Some(EvidenceRef {
        id: e.id.value.clone(),
        date: e.date.as_ref().map(|d| d.value.to_string()),
        title: text(e.title.as_ref()),
        location: text(e.path.as_ref().or(e.url.as_ref())),
    })
}

/// The newest evidence of each applied (implemented or partial) control among `controls`
/// (indices into the model's controls), each evidence once, in the controls' order: what a
/// SoA row and a risk's treatment show.
pub fn applied_evidence(
    judged: &crate::judge::Judged,
    controls: impl IntoIterator<Item = usize>,
) -> Vec<EvidenceRef> {
    use crate::model::Status;
    let model = &judged.ws.model;
    let mut out = Vec::new();
    for c in controls {
        let applied = model.controls[c]
            .status
            .as_ref()
            .is_some_and(|s| matches!(s.value, Status::Implemented | Status::Partial));
        if let Some(e) = applied.then(|| newest_evidence(judged, c)).flatten() {
            push_unique(&mut out, e);
        }
    }
    out
}

fn text(t: Option<&crate::fields::Text>) -> String {
    t.map(|t| t.value.clone()).unwrap_or_default()
}

/// Lookups across kinds that several reports need: names from the model, who names whom
/// from the analysis.
pub struct Index<'m> {
    pub model: &'m Model,
    refs: &'m References,
}

impl<'m> Index<'m> {
    pub fn new(model: &'m Model, refs: &'m References) -> Index<'m> {
        Index { model, refs }
    }

    /// The procedures implementing a control.
    pub fn procedures_of(&self, control: &str) -> Vec<Named> {
        self.procedures(self.refs.holders_of(control, Kind::Procedure))
    }

    /// Procedures by their indices in the model.
    pub fn procedures(&self, indices: impl IntoIterator<Item = usize>) -> Vec<Named> {
        indices
            .into_iter()
            .map(|i| {
                let p = &self.model.procedures[i];
                Named {
                    id: p.id.value.clone(),
                    title: text(p.title.as_ref()),
                }
            })
            .collect()
    }

    /// The ids of the risks a control treats.
    pub fn risks_of(&self, control: &str) -> Vec<String> {
        self.refs
            .holders_of(control, Kind::Risk)
            .into_iter()
            .map(|i| self.model.risks[i].id.value.clone())
            .collect()
    }

    pub fn control(&self, id: &str) -> Named {
        Named {
            id: id.to_owned(),
            title: text(self.model.control(id).and_then(|c| c.title.as_ref())),
        }
    }

    pub fn role(&self, id: &str) -> Named {
        Named {
            id: id.to_owned(),
            title: text(self.model.role(id).and_then(|r| r.title.as_ref())),
        }
    }

    /// A role as a signature reads: its title and, when the role names one person
    /// (`members` of one), that person: "代表取締役（佐藤 一郎）". The id alone when the
    /// role is unknown.
    pub fn signatory(&self, id: &str, lang: crate::i18n::Lang) -> String {
        let Some(role) = self.model.role(id) else {
            return id.to_owned();
        };
        let title = text(role.title.as_ref());
        let title = if title.is_empty() {
            id.to_owned()
        } else {
            title
        };
        match role.members.as_slice() {
            [person] => crate::tr!(lang, "{title} ({person})", "{title}（{person}）"),
            _ => title,
        }
    }

    /// A role as it signs, with its id ([`Signatory`]).
    pub fn signer(&self, id: &str, lang: crate::i18n::Lang) -> Signatory {
        Signatory {
            id: id.to_owned(),
            name: self.signatory(id, lang),
        }
    }

    pub fn asset(&self, id: &str) -> Named {
        Named {
            id: id.to_owned(),
            title: text(self.model.asset(id).and_then(|a| a.name.as_ref())),
        }
    }

    pub fn threat(&self, id: &str) -> Named {
        Named {
            id: id.to_owned(),
            title: text(self.model.threat(id).and_then(|t| t.name.as_ref())),
        }
    }

    pub fn vulnerability(&self, id: &str) -> Named {
        Named {
            id: id.to_owned(),
            title: text(self.model.vulnerability(id).and_then(|v| v.name.as_ref())),
        }
    }
}

/// Appends `item` unless it is already there (small lists, order kept).
fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// `numerator / denominator` as a whole percentage, rounded half up; 0 of 0 is 0 %.
pub fn percent(numerator: usize, denominator: usize) -> usize {
    if denominator == 0 {
        0
    } else {
        (numerator * 200 + denominator) / (denominator * 2)
    }
}
