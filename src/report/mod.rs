//! Reports: the Statement of Applicability (`soa`), the risk register with its heat maps
//! (`risks`), and the one-file HTML report (`overview`).
//!
//! Data flows one way. The builders read the typed model of a judged repository
//! ([`crate::check::Checked`]) and the built-in catalogs, never the YAML, and produce plain
//! tables ([`soa::SoaTable`], [`risks::RiskRegister`], [`overview::Overview`]) in which every
//! decision is already taken: which rows, in which order, with which status. The writers in
//! [`format`] are peers that only lay those tables out, each escaping what a user wrote for
//! its own format ([`escape`]). Every word that is not the user's comes from [`labels`].

pub mod cli;
pub mod escape;
pub mod findings;
pub mod format;
pub mod labels;
pub mod overview;
pub mod risks;
pub mod soa;

use crate::model::Model;
use serde::Serialize;
use std::collections::HashMap;

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

fn text(t: Option<&crate::fields::Text>) -> String {
    t.map(|t| t.value.clone()).unwrap_or_default()
}

/// Lookups across kinds that several reports need, built once from the model.
pub struct Index<'m> {
    pub model: &'m Model,
    /// Control id → the procedures that implement it, in file order.
    procedures: HashMap<&'m str, Vec<usize>>,
    /// Control id → the risks whose treatment names it, in file order.
    risks: HashMap<&'m str, Vec<usize>>,
}

impl<'m> Index<'m> {
    pub fn new(model: &'m Model) -> Index<'m> {
        let mut procedures: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, p) in model.procedures.iter().enumerate() {
            for c in &p.implements {
                let list = procedures.entry(c.as_str()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        let mut risks: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, r) in model.risks.iter().enumerate() {
            for c in r.treatment.iter().flat_map(|t| &t.controls) {
                let list = risks.entry(c.as_str()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        Index {
            model,
            procedures,
            risks,
        }
    }

    /// The procedures implementing a control.
    pub fn procedures_of(&self, control: &str) -> Vec<Named> {
        self.procedures
            .get(control)
            .into_iter()
            .flatten()
            .map(|&i| {
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
        self.risks
            .get(control)
            .into_iter()
            .flatten()
            .map(|&i| self.model.risks[i].id.value.clone())
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
