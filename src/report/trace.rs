//! `isms show ID`: one entity with its whole trace — a risk with its assets and ratings,
//! threat, vulnerabilities, levels before and after, treatment, controls with their status,
//! procedures and SoA rows; a control with the risks it treats, its procedures and the SoA
//! rows it decides; a framework control (`iso27001-2022:5.1`, or `5.1`) with its decision and
//! everything behind it; an asset, threat, vulnerability, procedure or role with what names
//! it. Built from the report tables ([`Overview`], [`AssetRegister`]), so that it says what
//! the reports say: nothing is judged twice.

use super::assets::{AssetRegister, AssetRow};
use super::format::{acceptance_text, level_text, residual_text, treatment_text};
use super::labels::{self, L};
use super::overview::{ControlRow, Overview};
use super::risks::RiskRow;
use super::soa::{SoaRow, SoaTable};
use crate::i18n::Lang;
use serde::Serialize;
use std::collections::HashMap;

/// One entity and what it leads to.
#[derive(Clone, Debug, Serialize)]
pub struct Node {
    /// `risk`, `control`, `soa`, `asset`, `threat`, `vulnerability`, `procedure`, `role`.
    pub kind: &'static str,
    pub id: String,
    pub title: String,
    /// Facts in the report's language.
    pub facts: Vec<Fact>,
    pub links: Vec<Link>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Fact {
    /// Language-neutral: `level`, `status`, `decision`, ...
    pub key: &'static str,
    pub label: &'static str,
    pub value: String,
}

/// Entities reached by one relation.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    /// Language-neutral: `assets`, `controls`, `procedures`, `soa`, `risks`, ...
    pub relation: &'static str,
    pub label: &'static str,
    pub nodes: Vec<Node>,
}

fn leaf(kind: &'static str, id: &str, title: &str) -> Node {
    Node {
        kind,
        id: id.to_owned(),
        title: title.to_owned(),
        facts: Vec::new(),
        links: Vec::new(),
    }
}

impl Node {
    fn fact(mut self, key: &'static str, label: L, value: String, lang: Lang) -> Node {
        if !value.is_empty() {
            self.facts.push(Fact {
                key,
                label: label.t(lang),
                value,
            });
        }
        self
    }

    fn link(mut self, relation: &'static str, label: L, nodes: Vec<Node>, lang: Lang) -> Node {
        if !nodes.is_empty() {
            self.links.push(Link {
                relation,
                label: label.t(lang),
                nodes,
            });
        }
        self
    }
}

/// What `show` reads: the report of the whole repository and its asset register, with an
/// index by id, so that the report's trace of every row costs one look-up per id, not a
/// scan of the tables.
pub struct Sources<'a> {
    overview: &'a Overview,
    assets: &'a AssetRegister,
    risks: HashMap<&'a str, &'a RiskRow>,
    controls: HashMap<&'a str, &'a ControlRow>,
    asset_rows: HashMap<&'a str, &'a AssetRow>,
    /// `(framework, id)` of each SoA row.
    soa: HashMap<(&'a str, &'a str), (&'a SoaTable, &'a SoaRow)>,
}

impl<'a> Sources<'a> {
    pub fn new(overview: &'a Overview, assets: &'a AssetRegister) -> Sources<'a> {
        // The first of two rows with one id wins, as a scan would find it (a duplicate id
        // is a finding of `isms check`).
        fn index<'a, T>(rows: &'a [T], id: impl Fn(&'a T) -> &'a str) -> HashMap<&'a str, &'a T> {
            let mut map = HashMap::with_capacity(rows.len());
            for r in rows {
                map.entry(id(r)).or_insert(r);
            }
            map
        }
        let mut soa = HashMap::new();
        for t in &overview.soas {
            for r in &t.rows {
                soa.entry((t.framework.as_str(), r.id.as_str()))
                    .or_insert((t, r));
            }
        }
        Sources {
            overview,
            assets,
            risks: index(&overview.risks.rows, |r| r.id.as_str()),
            controls: index(&overview.controls, |c| c.id.as_str()),
            asset_rows: index(&assets.rows, |a| a.id.as_str()),
            soa,
        }
    }

    /// The language of the tables.
    pub fn lang(&self) -> Lang {
        self.overview.lang
    }

    fn risk_row(&self, id: &str) -> Option<&'a RiskRow> {
        self.risks.get(id).copied()
    }

    fn control_row(&self, id: &str) -> Option<&'a ControlRow> {
        self.controls.get(id).copied()
    }

    fn asset_row(&self, id: &str) -> Option<&'a AssetRow> {
        self.asset_rows.get(id).copied()
    }

    fn soa_of(&self, framework: &str, id: &str) -> Option<(&'a SoaTable, &'a SoaRow)> {
        self.soa.get(&(framework, id)).copied()
    }

    /// Every id `show` knows, for "did you mean".
    pub fn ids(&self) -> Vec<String> {
        let o = self.overview;
        let mut ids: Vec<String> = o.risks.rows.iter().map(|r| r.id.clone()).collect();
        ids.extend(o.controls.iter().map(|c| c.id.clone()));
        ids.extend(o.procedures.iter().map(|p| p.id.clone()));
        ids.extend(o.threats.iter().map(|t| t.id.clone()));
        ids.extend(self.assets.rows.iter().map(|a| a.id.clone()));
        for t in &o.soas {
            ids.extend(t.rows.iter().map(|r| format!("{}:{}", t.framework, r.id)));
        }
        ids
    }

    /// A risk, as a line under something else: its level and band.
    fn risk_leaf(&self, id: &str) -> Node {
        let lang = self.lang();
        match self.risk_row(id) {
            Some(r) => leaf("risk", id, &r.title).fact(
                "level",
                L::Level,
                level_text(r.level, r.band, lang),
                lang,
            ),
            None => leaf("risk", id, ""),
        }
    }

    fn soa_leaf(&self, t: &SoaTable, r: &SoaRow) -> Node {
        let lang = self.lang();
        leaf("soa", &format!("{}:{}", t.framework, r.id), &r.title)
            .fact(
                "decision",
                L::Decision,
                labels::decision(r.decision, lang).to_owned(),
                lang,
            )
            .fact(
                "status",
                L::Status,
                super::format::soa_status(r, lang),
                lang,
            )
    }

    /// The SoA rows a control's `maps_to` names, with their decision.
    fn soa_rows_of(&self, maps_to: &[String]) -> Vec<Node> {
        maps_to
            .iter()
            .map(|m| {
                let row = m.split_once(':').and_then(|(fw, id)| self.soa_of(fw, id));
                match row {
                    Some((t, r)) => self.soa_leaf(t, r),
                    None => leaf("soa", m, ""),
                }
            })
            .collect()
    }

    /// A control with its status, procedures and SoA rows; `deep` adds the risks it treats.
    fn control(&self, id: &str, deep: bool) -> Node {
        let lang = self.lang();
        let Some(c) = self.control_row(id) else {
            return leaf("control", id, "");
        };
        let mut node = leaf("control", id, &c.title)
            .fact(
                "status",
                L::Status,
                c.status.map_or("", |s| labels::status(s, lang)).to_owned(),
                lang,
            )
            .fact(
                "category",
                L::Category,
                c.category
                    .map_or("", |x| labels::category(x, lang))
                    .to_owned(),
                lang,
            )
            .fact(
                "owner",
                L::Owner,
                c.owner.as_ref().map_or_else(String::new, |o| o.label()),
                lang,
            );
        if deep {
            node = node.link(
                "risks",
                L::TreatedRisks,
                c.risks.iter().map(|r| self.risk_leaf(r)).collect(),
                lang,
            );
        }
        node.link(
            "procedures",
            L::Procedures,
            c.procedures
                .iter()
                .map(|p| leaf("procedure", &p.id, &p.title))
                .collect(),
            lang,
        )
        .link("soa", L::MapsTo, self.soa_rows_of(&c.maps_to), lang)
    }

    fn risk(&self, r: &RiskRow) -> Node {
        let lang = self.lang();
        let assets = r.assets.iter().map(|a| self.asset(&a.id, false)).collect();
        let threat = r
            .threat
            .iter()
            .map(|t| {
                leaf("threat", &t.id, &t.title).fact(
                    "origin",
                    L::Origin,
                    r.origin.map_or("", |o| labels::origin(o, lang)).to_owned(),
                    lang,
                )
            })
            .collect();
        let factors = |i: Option<i64>, l: Option<i64>| match (i, l) {
            (Some(i), Some(l)) => format!(" ({i}×{l})"),
            _ => String::new(),
        };
        leaf("risk", &r.id, &r.title)
            .fact(
                "level",
                L::Level,
                level_text(r.level, r.band, lang) + &factors(r.impact, r.likelihood),
                lang,
            )
            .fact("residual", L::Residual, residual_text(r, lang), lang)
            .fact("treatment", L::Treatment, treatment_text(r, lang), lang)
            .fact("due", L::Due, r.due.clone().unwrap_or_default(), lang)
            .fact(
                "owner",
                L::Owner,
                r.owner
                    .as_ref()
                    .map_or_else(String::new, |o| o.name.clone()),
                lang,
            )
            .fact(
                "acceptance",
                L::Acceptance,
                acceptance_text(r, lang).replace('\n', " · "),
                lang,
            )
            .link("assets", L::Assets, assets, lang)
            .link("threat", L::Threat, threat, lang)
            .link(
                "vulnerabilities",
                L::Vulnerabilities,
                r.vulnerabilities
                    .iter()
                    .map(|v| leaf("vulnerability", &v.id, &v.title))
                    .collect(),
                lang,
            )
            .link(
                "controls",
                L::Controls,
                r.controls
                    .iter()
                    .map(|c| self.control(&c.id, false))
                    .collect(),
                lang,
            )
    }

    fn asset(&self, id: &str, deep: bool) -> Node {
        let lang = self.lang();
        let Some(a) = self.asset_row(id) else {
            return leaf("asset", id, "");
        };
        let n = |v: Option<i64>| v.map_or_else(String::new, |v| v.to_string());
        let node = leaf("asset", id, &a.name)
            .fact(
                "type",
                L::AssetType,
                a.asset_type
                    .map_or("", |t| labels::asset_type(t, lang))
                    .to_owned(),
                lang,
            )
            .fact(
                "owner",
                L::Owner,
                a.owner.as_ref().map_or_else(String::new, |o| o.label()),
                lang,
            )
            .fact(
                "confidentiality",
                L::Confidentiality,
                n(a.confidentiality),
                lang,
            )
            .fact("integrity", L::Integrity, n(a.integrity), lang)
            .fact("availability", L::Availability, n(a.availability), lang)
            .fact("importance", L::Importance, n(a.importance), lang);
        if deep {
            node.link(
                "risks",
                L::NamedByRisks,
                a.risks.iter().map(|r| self.risk_leaf(r)).collect(),
                lang,
            )
        } else {
            node
        }
    }

    fn soa_row(&self, t: &SoaTable, r: &SoaRow) -> Node {
        let lang = self.lang();
        let mut node = self.soa_leaf(t, r);
        node = node
            .fact(
                "exclusion",
                L::Exclusion,
                r.exclusion.clone().unwrap_or_default(),
                lang,
            )
            .fact("inclusion", L::Inclusion, r.reasons.join(" · "), lang);
        node.link(
            "controls",
            L::OrgControls,
            r.controls
                .iter()
                .map(|c| self.control(&c.id, false))
                .collect(),
            lang,
        )
        .link(
            "risks",
            L::TreatedRisks,
            r.risks.iter().map(|x| self.risk_leaf(x)).collect(),
            lang,
        )
    }

    /// The risks whose register row names `id` in a role: owner, acceptance, threat,
    /// vulnerability.
    fn risks_naming(&self, id: &str) -> Vec<Node> {
        self.overview
            .risks
            .rows
            .iter()
            .filter(|r| {
                r.owner.as_ref().is_some_and(|o| o.id == id)
                    || r.threat.as_ref().is_some_and(|t| t.id == id)
                    || r.vulnerabilities.iter().any(|v| v.id == id)
                    || r.acceptance
                        .as_ref()
                        .and_then(|a| a.by.as_ref())
                        .is_some_and(|b| b.id == id)
            })
            .map(|r| self.risk_leaf(&r.id))
            .collect()
    }

    /// The trace of `id`, or `None` when no entity or framework control has it.
    pub fn show(&self, id: &str) -> Option<Node> {
        let lang = self.lang();
        let o = self.overview;
        if let Some(r) = self.risk_row(id) {
            return Some(self.risk(r));
        }
        if self.control_row(id).is_some() {
            return Some(self.control(id, true));
        }
        if self.asset_row(id).is_some() {
            return Some(self.asset(id, true));
        }
        if let Some(p) = o.procedures.iter().find(|p| p.id == id) {
            let review = [
                p.review_months.map(|m| labels::every_months(m, lang)),
                p.review_last
                    .as_ref()
                    .map(|d| format!("{}{}{d}", L::LastReview.t(lang), labels::colon(lang))),
                p.review_next
                    .as_ref()
                    .map(|d| format!("{}{}{d}", L::NextReview.t(lang), labels::colon(lang))),
            ];
            return Some(
                leaf("procedure", id, &p.title)
                    .fact(
                        "owner",
                        L::Owner,
                        p.owner.as_ref().map_or_else(String::new, |o| o.label()),
                        lang,
                    )
                    .fact("frequency", L::Frequency, p.frequency.clone(), lang)
                    .fact(
                        "review",
                        L::Review,
                        review.into_iter().flatten().collect::<Vec<_>>().join(" · "),
                        lang,
                    )
                    .link(
                        "controls",
                        L::Implements,
                        p.implements
                            .iter()
                            .map(|c| self.control(c, false))
                            .collect(),
                        lang,
                    ),
            );
        }
        if let Some(t) = o.threats.iter().find(|t| t.id == id) {
            let mut node = leaf("threat", id, &t.name).fact(
                "origin",
                L::Origin,
                t.origin.map_or("", |x| labels::origin(x, lang)).to_owned(),
                lang,
            );
            node = node.link(
                "risks",
                L::Risks,
                t.risks.iter().map(|r| self.risk_leaf(r)).collect(),
                lang,
            );
            let controls: Vec<Node> = t
                .by_category
                .iter()
                .flat_map(|(_, list)| list)
                .chain(&t.uncategorized)
                .map(|c| self.control(&c.id, false))
                .collect();
            return Some(node.link("controls", L::Controls, controls, lang));
        }
        // A framework control: `iso27001-2022:5.1`, or `5.1` in the first framework with it.
        let (fw, control) = id.split_once(':').map_or((None, id), |(f, c)| (Some(f), c));
        for t in o
            .soas
            .iter()
            .filter(|t| fw.is_none_or(|f| f == t.framework))
        {
            if let Some((t, r)) = self.soa_of(&t.framework, control) {
                return Some(self.soa_row(t, r));
            }
        }
        // Vulnerabilities and roles: what the register says of them.
        let named = self.risks_naming(id);
        let model_title = o
            .risks
            .rows
            .iter()
            .flat_map(|r| &r.vulnerabilities)
            .find(|n| n.id == id)
            .map(|n| n.title.clone())
            // A role as it signs: its title and its person.
            .or_else(|| {
                o.risks
                    .rows
                    .iter()
                    .filter_map(|r| r.owner.as_ref())
                    .find(|x| x.id == id)
                    .map(|x| x.name.clone())
            });
        let kind = if o
            .risks
            .rows
            .iter()
            .any(|r| r.vulnerabilities.iter().any(|v| v.id == id))
        {
            "vulnerability"
        } else {
            "role"
        };
        if let Some(title) = model_title {
            let controls: Vec<Node> = o
                .controls
                .iter()
                .filter(|c| c.owner.as_ref().is_some_and(|x| x.id == id))
                .map(|c| leaf("control", &c.id, &c.title))
                .collect();
            return Some(
                leaf(kind, id, &title)
                    .link("risks", L::Risks, named, lang)
                    .link("controls", L::Controls, controls, lang),
            );
        }
        None
    }
}

/// Control characters (C0, C1, bidi overrides) in user text shown as `\u{…}`, so that a
/// title cannot move the terminal's cursor or reverse what follows.
fn visible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// The trace as indented text: the entity, its facts, then each relation and its entities.
pub fn text(node: &Node, lang: Lang) -> String {
    let mut out = String::new();
    write_node(&mut out, node, 0, lang);
    out
}

fn write_node(out: &mut String, n: &Node, depth: usize, lang: Lang) {
    use std::fmt::Write;
    let pad = "  ".repeat(depth);
    let title = if n.title.is_empty() {
        String::new()
    } else {
        format!(" {}", visible(&n.title))
    };
    let _ = writeln!(out, "{pad}{}{title}", visible(&n.id));
    let c = labels::colon(lang);
    for f in &n.facts {
        let _ = writeln!(out, "{pad}  {}{c}{}", f.label, visible(&f.value));
    }
    for l in &n.links {
        let _ = writeln!(out, "{pad}  {}{}", l.label, c.trim_end());
        for child in &l.nodes {
            write_node(out, child, depth + 2, lang);
        }
    }
}
