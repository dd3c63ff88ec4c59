//! What a change does to the risk posture: each side of `isms diff` taken as a snapshot of
//! what the analysis and the rules decided (risk levels, treatments, control statuses, SoA
//! decisions, findings), and the differences between the two. Rendering is apart:
//! [`markdown`] for a pull-request comment, [`json`] for tools (its contract is documented
//! there). Findings are matched by identity, never by wording.

pub mod json;
pub mod markdown;
pub mod records;

use crate::analysis::Decision;
use crate::finding::{Identity, Message};
use crate::judge::Judged;
use crate::model::Status;
use crate::risk::Band;
use std::collections::{BTreeMap, HashMap};

/// Compares two judged sides; `None` is a side without an ISMS (it was added or removed).
pub fn compare(before: Option<&Judged>, after: Option<&Judged>) -> Diff {
    let (b, a) = (before.map(Snapshot::of), after.map(Snapshot::of));
    Diff::between(b.as_ref(), a.as_ref())
}

/// What was compared: the two sides as the user named them.
pub struct Sides {
    /// As typed, and the commit it names.
    pub base: (String, String),
    /// `None`: the work tree.
    pub head: Option<(String, String)>,
    /// The ISMS root relative to the top of the repository (`""` at the top).
    pub root: String,
    /// `root` with a trailing `/`, or `""`: turns ISMS paths into repository paths.
    pub prefix: String,
    /// Where the files can be read on the web, to link locations: `None` without
    /// `--repository-url`.
    pub links: Option<Links>,
}

/// The web addresses of the two sides' files: `https://github.com/OWNER/REPO/blob/COMMIT`.
pub struct Links {
    pub base: String,
    /// `None` when the head is the work tree and no `--sha` names its commit.
    pub head: Option<String>,
}

// ---------------------------------------------------------------------------------------
// What is compared: a snapshot of each side.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RiskState {
    pub title: String,
    pub level: Option<i64>,
    pub band: Option<Band>,
    pub residual_level: Option<i64>,
    pub residual_band: Option<Band>,
    pub option: Option<&'static str>,
    pub controls: Vec<String>,
    /// What the risk's own document says its level rests on: the declared likelihood and
    /// impact, its assets, threat and vulnerabilities. When these stay and the level moves,
    /// the method moved it.
    pub inputs: String,
}

impl RiskState {
    pub fn levels(&self) -> (Option<i64>, Option<Band>, Option<i64>, Option<Band>) {
        (
            self.level,
            self.band,
            self.residual_level,
            self.residual_band,
        )
    }

    pub fn treatment(&self) -> (Option<&'static str>, Vec<&str>) {
        let mut controls: Vec<&str> = self.controls.iter().map(String::as_str).collect();
        controls.sort_unstable();
        (self.option, controls)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ControlState {
    pub title: String,
    pub status: Option<Status>,
}

/// A SoA row as the analysis decided it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SoaRow {
    pub decision: Decision,
    pub excluded: bool,
    pub status: Option<Status>,
}

#[derive(Clone, Debug)]
pub struct FindingState {
    pub code: &'static str,
    pub severity: &'static str,
    pub message: Message,
    pub subject: String,
    pub field: String,
    pub file: String,
    pub line: u32,
    pub column: u32,
}

impl FindingState {
    fn identity(&self) -> Identity<'_> {
        Identity {
            code: self.code,
            file: &self.file,
            subject: &self.subject,
            field: &self.field,
        }
    }
}

/// The posture of one side, in the numbers a reviewer weighs: risks by band before
/// treatment, risks above the appetite after treatment, SoA rows without a decision, and
/// errors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Posture {
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    /// After treatment (the residual level, else the level), above `acceptable`.
    pub above_appetite: usize,
    /// SoA rows undecided, and contradictory, over every framework of isms.yaml.
    pub undecided: usize,
    pub contradictory: usize,
    pub errors: usize,
    /// The organisation's controls with `status: implemented`.
    pub implemented: usize,
}

/// What a change does to the posture, in one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Better,
    Worse,
    Unchanged,
}

#[derive(Default)]
pub struct Snapshot {
    /// The settings of `isms.yaml` that change a judgment, as `(key, value)` in a fixed
    /// order: the risk method, the appetite, the bands, the scales and their labels, the
    /// rules' severities. Language-neutral values.
    pub settings: Vec<(String, String)>,
    /// Rules turned `off` in isms.yaml.
    pub rules_off: Vec<String>,
    pub posture: Posture,
    /// (framework, control id) → the exclusion reason, for the rows excluded.
    pub exclusion_reasons: HashMap<(String, String), String>,
    pub risks: BTreeMap<String, RiskState>,
    pub controls: BTreeMap<String, ControlState>,
    pub frameworks: Vec<String>,
    /// (framework, control id) → row, for every control of each framework in isms.yaml.
    pub soa: HashMap<(String, String), SoaRow>,
    pub findings: Vec<FindingState>,
    /// The ISMS's own records, by id.
    pub records: BTreeMap<String, records::RecordState>,
}

impl Snapshot {
    pub fn of(c: &Judged) -> Snapshot {
        let ws = &c.ws;
        let m = &ws.model;
        let mut s = Snapshot {
            records: records::snapshot(c),
            ..Snapshot::default()
        };
        let method = &ws.config.risk;
        let labels = |l: &[crate::config::ScaleLabel]| {
            l.iter()
                .map(|x| {
                    if x.en == x.ja {
                        x.ja.clone()
                    } else {
                        format!("{}/{}", x.ja, x.en)
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        s.settings = vec![
            ("risk.likelihood".into(), method.likelihood.to_string()),
            ("risk.impact".into(), method.impact.to_string()),
            (
                "risk.importance".into(),
                match method.importance {
                    crate::config::Importance::Max => "max".into(),
                    crate::config::Importance::Sum => "sum".into(),
                },
            ),
            (
                "risk.likelihood_from".into(),
                match method.likelihood_from {
                    crate::config::LikelihoodFrom::Declared => "declared".into(),
                    crate::config::LikelihoodFrom::Ipa => "ipa".into(),
                },
            ),
            (
                "risk.matrix".into(),
                method.matrix.as_ref().map_or_else(
                    || "impact × likelihood".into(),
                    |m| {
                        m.iter()
                            .map(|r| r.iter().map(i64::to_string).collect::<Vec<_>>().join(" "))
                            .collect::<Vec<_>>()
                            .join(" / ")
                    },
                ),
            ),
            ("risk.bands.high".into(), method.high.to_string()),
            ("risk.bands.medium".into(), method.medium.to_string()),
            ("risk.acceptable".into(), method.acceptable.to_string()),
            (
                "risk.labels.likelihood".into(),
                labels(&method.likelihood_labels),
            ),
            ("risk.labels.impact".into(), labels(&method.impact_labels)),
        ];
        // The last override of a code wins, as in Config::severity_of.
        let mut rules: BTreeMap<String, String> = BTreeMap::new();
        for (code, severity) in &ws.config.rules {
            rules.insert(
                code.value.clone(),
                severity.value.map_or("off", |x| x.as_str()).to_owned(),
            );
        }
        s.rules_off = rules
            .iter()
            .filter(|(_, v)| *v == "off")
            .map(|(k, _)| k.clone())
            .collect();
        s.settings
            .extend(rules.into_iter().map(|(k, v)| (format!("rules.{k}"), v)));
        let acceptable = method.acceptable;
        for a in &c.analysis.assessments {
            match a.band {
                Some(Band::High) => s.posture.high += 1,
                Some(Band::Medium) => s.posture.medium += 1,
                Some(Band::Low) => s.posture.low += 1,
                None => {}
            }
            if a.residual_level.or(a.level).is_some_and(|l| l > acceptable) {
                s.posture.above_appetite += 1;
            }
        }
        s.posture.errors = c
            .findings
            .iter()
            .filter(|f| f.severity == crate::finding::Severity::Error)
            .count();
        for (r, a) in m.risks.iter().zip(&c.analysis.assessments) {
            let n = |v: &Option<crate::fields::Spanned<i64>>| {
                v.as_ref().map_or_else(String::new, |x| x.value.to_string())
            };
            let inputs = format!(
                "{}|{}|{}|{}|{}|{}",
                n(&r.likelihood),
                n(&r.impact),
                r.assets
                    .iter()
                    .map(|a| a.value.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
                r.threat.as_ref().map_or("", |t| t.value.as_str()),
                r.vulnerabilities
                    .iter()
                    .map(|v| v.value.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
                r.residual.as_ref().map_or_else(String::new, |x| format!(
                    "{}×{}",
                    n(&x.impact),
                    n(&x.likelihood)
                )),
            );
            s.risks.entry(r.id.value.clone()).or_insert(RiskState {
                inputs,
                title: r
                    .title
                    .as_ref()
                    .map(|t| t.value.clone())
                    .unwrap_or_default(),
                level: a.level,
                band: a.band,
                residual_level: a.residual_level,
                residual_band: a.residual_band,
                option: r
                    .treatment
                    .as_ref()
                    .and_then(|t| t.option.as_ref())
                    .map(|o| o.value.as_str()),
                controls: r
                    .treatment
                    .as_ref()
                    .map(|t| t.controls.iter().map(|c| c.value.clone()).collect())
                    .unwrap_or_default(),
            });
        }
        s.posture.implemented = m
            .controls
            .iter()
            .filter(|c| c.status.as_ref().map(|x| x.value) == Some(Status::Implemented))
            .count();
        for c in &m.controls {
            s.controls
                .entry(c.id.value.clone())
                .or_insert(ControlState {
                    title: c
                        .title
                        .as_ref()
                        .map(|t| t.value.clone())
                        .unwrap_or_default(),
                    status: c.status.as_ref().map(|x| x.value),
                });
        }
        for fw in &ws.config.frameworks {
            let Some(catalog) = crate::catalog::catalogs().framework(&fw.value) else {
                continue;
            };
            s.frameworks.push(catalog.framework.clone());
            // The analysis's decisions, as `isms soa` and `isms check` read them.
            let Some(decisions) = c.analysis.soa(&catalog.framework) else {
                continue;
            };
            let document = decisions.document.map(|i| &m.soas[i]);
            for row in &decisions.rows {
                match row.decision {
                    Decision::Undecided => s.posture.undecided += 1,
                    Decision::Contradictory => s.posture.contradictory += 1,
                    _ => {}
                }
                if let Some((doc, i)) = document.zip(row.exclusion) {
                    s.exclusion_reasons.insert(
                        (catalog.framework.clone(), row.id.clone()),
                        doc.exclusions[i].1.value.clone(),
                    );
                }
                s.soa.insert(
                    (catalog.framework.clone(), row.id.clone()),
                    SoaRow {
                        decision: row.decision,
                        excluded: row.exclusion.is_some(),
                        status: row.status,
                    },
                );
            }
        }
        for f in &c.findings {
            let l = ws.sources.location(f.span);
            s.findings.push(FindingState {
                code: f.code,
                severity: f.severity.as_str(),
                message: f.message.clone(),
                subject: f.subject.clone(),
                field: f.field.clone(),
                file: l.file.to_owned(),
                line: l.line,
                column: l.column,
            });
        }
        s
    }
}

// ---------------------------------------------------------------------------------------
// The differences.

pub struct RiskChange {
    pub id: String,
    pub before: Option<RiskState>,
    pub after: Option<RiskState>,
}

impl RiskChange {
    /// `added`, `removed`, or what changed: `relevelled` and/or `retreated`.
    /// Whether the level moved while the risk's own inputs stayed: the method moved it.
    pub fn by_method(&self) -> bool {
        match (&self.before, &self.after) {
            (Some(b), Some(a)) => b.levels() != a.levels() && b.inputs == a.inputs,
            _ => false,
        }
    }

    pub fn kinds(&self) -> Vec<&'static str> {
        match (&self.before, &self.after) {
            (None, _) => vec!["added"],
            (_, None) => vec!["removed"],
            (Some(b), Some(a)) => {
                let mut k = Vec::new();
                if b.levels() != a.levels() {
                    k.push("relevelled");
                }
                if b.treatment() != a.treatment() {
                    k.push("retreated");
                }
                k
            }
        }
    }
}

pub struct ControlChange {
    pub id: String,
    pub title: String,
    /// Whether the control exists on each side: a control added or removed is shown as
    /// such, not as a status that became "—".
    pub exists: (bool, bool),
    pub before: Option<Status>,
    pub after: Option<Status>,
}

pub struct SoaFlip {
    pub framework: String,
    pub id: String,
    /// English and Japanese.
    pub title: (String, String),
    pub before: Option<SoaRow>,
    pub after: Option<SoaRow>,
    /// The exclusion reason the head gives, when it is new or changed.
    pub new_reason: Option<String>,
}

/// A setting of isms.yaml that changed; `None` is a setting absent on that side (a rule
/// override added or removed).
pub struct SettingChange {
    pub key: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Default)]
pub struct Diff {
    /// Settings of isms.yaml that change judgments: listed first, since every level and
    /// finding below may follow from them.
    pub settings: Vec<SettingChange>,
    /// Findings gone because the head turns their rule `off`: silenced, not fixed.
    pub silenced: Vec<FindingState>,
    /// The posture of each side.
    pub posture: (Posture, Posture),
    /// Present only on one side: the whole ISMS was added or removed.
    pub base_missing: bool,
    pub head_missing: bool,
    pub risks: Vec<RiskChange>,
    pub controls: Vec<ControlChange>,
    pub frameworks_added: Vec<String>,
    pub frameworks_removed: Vec<String>,
    pub soa: Vec<SoaFlip>,
    pub introduced: Vec<FindingState>,
    pub fixed: Vec<FindingState>,
    /// Documents, audits, reviews, nonconformities and objectives added, removed, changed
    /// or closed.
    pub records: Vec<records::RecordChange>,
}

impl Diff {
    pub fn between(before: Option<&Snapshot>, after: Option<&Snapshot>) -> Diff {
        let empty = Snapshot::default();
        let (b, a) = (before.unwrap_or(&empty), after.unwrap_or(&empty));
        let mut d = Diff {
            base_missing: before.is_none(),
            head_missing: after.is_none(),
            ..Diff::default()
        };
        let ids: std::collections::BTreeSet<&String> =
            b.risks.keys().chain(a.risks.keys()).collect();
        for id in ids {
            let (x, y) = (b.risks.get(id), a.risks.get(id));
            let changed = match (x, y) {
                (Some(x), Some(y)) => x.levels() != y.levels() || x.treatment() != y.treatment(),
                _ => true,
            };
            if changed {
                d.risks.push(RiskChange {
                    id: id.clone(),
                    before: x.cloned(),
                    after: y.cloned(),
                });
            }
        }
        let ids: std::collections::BTreeSet<&String> =
            b.controls.keys().chain(a.controls.keys()).collect();
        for id in ids {
            let (x, y) = (b.controls.get(id), a.controls.get(id));
            let (sx, sy) = (x.and_then(|c| c.status), y.and_then(|c| c.status));
            if sx != sy || x.is_some() != y.is_some() {
                d.controls.push(ControlChange {
                    id: id.clone(),
                    title: y.or(x).map(|c| c.title.clone()).unwrap_or_default(),
                    exists: (x.is_some(), y.is_some()),
                    before: sx,
                    after: sy,
                });
            }
        }
        d.frameworks_added = a
            .frameworks
            .iter()
            .filter(|f| !b.frameworks.contains(f))
            .cloned()
            .collect();
        d.frameworks_removed = b
            .frameworks
            .iter()
            .filter(|f| !a.frameworks.contains(f))
            .cloned()
            .collect();
        // Rows of the frameworks both sides declare, in catalog order.
        for fw in a.frameworks.iter().filter(|f| b.frameworks.contains(f)) {
            let Some(catalog) = crate::catalog::catalogs().framework(fw) else {
                continue;
            };
            for cc in &catalog.controls {
                let key = (fw.clone(), cc.id.clone());
                let (x, y) = (b.soa.get(&key).copied(), a.soa.get(&key).copied());
                let (rx, ry) = (b.exclusion_reasons.get(&key), a.exclusion_reasons.get(&key));
                if x != y || rx != ry {
                    d.soa.push(SoaFlip {
                        framework: fw.clone(),
                        id: cc.id.clone(),
                        title: (cc.title.clone(), cc.title_ja.clone()),
                        before: x,
                        after: y,
                        new_reason: ry.filter(|r| rx != Some(*r)).cloned(),
                    });
                }
            }
        }
        d.introduced = unmatched(&a.findings, &b.findings);
        let gone = unmatched(&b.findings, &a.findings);
        d.records = records::changes(&b.records, &a.records);
        let (silenced, fixed): (Vec<_>, Vec<_>) = gone.into_iter().partition(|f| {
            a.rules_off.iter().any(|c| c == f.code) && !b.rules_off.iter().any(|c| c == f.code)
        });
        d.fixed = fixed;
        d.silenced = silenced;
        if !d.base_missing && !d.head_missing {
            let keys: Vec<&String> = {
                let mut k: Vec<&String> = b.settings.iter().map(|(k, _)| k).collect();
                for (key, _) in &a.settings {
                    if !k.contains(&key) {
                        k.push(key);
                    }
                }
                k
            };
            let get = |side: &Snapshot, key: &str| {
                side.settings
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.clone())
            };
            for key in keys {
                let (x, y) = (get(b, key), get(a, key));
                if x != y {
                    d.settings.push(SettingChange {
                        key: key.clone(),
                        before: x,
                        after: y,
                    });
                }
            }
        }
        d.posture = (b.posture, a.posture);
        d
    }

    /// Errors introduced and fixed by the change.
    pub fn errors(&self) -> (usize, usize) {
        let errors = |list: &[FindingState]| list.iter().filter(|f| f.severity == "error").count();
        (errors(&self.introduced), errors(&self.fixed))
    }

    /// Worse when the change adds errors, risks above the appetite after treatment, SoA
    /// rows without a decision or high risks, or lowers the controls implemented; better
    /// when, doing none of these, it improves one; unchanged otherwise.
    pub fn verdict(&self) -> Verdict {
        let (b, a) = self.posture;
        let (new, fixed) = self.errors();
        let gaps = |p: Posture| p.undecided + p.contradictory;
        let worse = new > 0
            || a.above_appetite > b.above_appetite
            || gaps(a) > gaps(b)
            || a.high > b.high
            || a.implemented < b.implemented;
        let better = fixed > 0
            || a.above_appetite < b.above_appetite
            || gaps(a) < gaps(b)
            || a.high < b.high
            || a.implemented > b.implemented;
        if worse {
            Verdict::Worse
        } else if better {
            Verdict::Better
        } else {
            Verdict::Unchanged
        }
    }

    pub fn count(&self, kind: &str) -> usize {
        self.risks
            .iter()
            .filter(|r| r.kinds().contains(&kind))
            .count()
    }

    pub fn is_empty(&self) -> bool {
        self.settings.is_empty()
            && self.silenced.is_empty()
            && self.risks.is_empty()
            && self.controls.is_empty()
            && self.soa.is_empty()
            && self.frameworks_added.is_empty()
            && self.frameworks_removed.is_empty()
            && self.introduced.is_empty()
            && self.fixed.is_empty()
            && self.records.is_empty()
    }
}

/// The findings of `these` that `others` does not have, matched by identity (code, file,
/// subject, field): never by wording, which changes with the language, nor by line,
/// which moves when a file is edited. Repeats count.
fn unmatched(these: &[FindingState], others: &[FindingState]) -> Vec<FindingState> {
    let mut left: HashMap<Identity, usize> = HashMap::new();
    for f in others {
        *left.entry(f.identity()).or_default() += 1;
    }
    these
        .iter()
        .filter(|f| match left.get_mut(&f.identity()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .cloned()
        .collect()
}
