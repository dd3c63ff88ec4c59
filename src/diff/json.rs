//! `isms diff --format json`: a stable contract, written from typed structs.
//!
//! ```text
//! {"version": 1,
//!  "base": {"rev", "commit", "exists"}, "head": {"rev", "commit", "exists"},  // head rev/commit null: the work tree
//!  "root": "company-example",                       // the ISMS below the top of the repository
//!  "risks": [{"id", "change": ["added"|"removed"|"relevelled"|"retreated"],
//!             "before": null | {"title", "level", "band", "residual_level", "residual_band",
//!                               "treatment", "controls"}, "after": …}],
//!  "controls": [{"id", "title", "before": status|null, "after": status|null}],
//!  "frameworks": {"added": [...], "removed": [...]},
//!  "soa": [{"framework", "id", "title", "title_ja",
//!           "before": null | {"decision", "applicable", "excluded", "status"}, "after": …}],
//!  "settings": [{"key": "risk.acceptable" | "rules.asset/unassessed" | …, "before", "after"}],
//!  "findings": {"introduced": [F], "fixed": [F], "silenced": [F]},   // silenced: rule turned off
//!  "records": [{"id", "kind", "title", "change": "added"|"removed"|"closed"|"changed",
//!               "before": state|null, "after": state|null}],   // documents, audits, reviews, nonconformities, objectives
//!  "summary": {"risks_added", "risks_removed", "risks_relevelled", "risks_retreated",
//!              "controls_changed", "soa_flipped", "findings_introduced", "findings_fixed",
//!              "records_changed"},
//!  "posture": {"verdict": "better"|"worse"|"unchanged", "before": P, "after": P,
//!              "errors_introduced", "errors_fixed"}}
//! P = {"high", "medium", "low", "above_appetite", "undecided", "contradictory", "errors",
//!      "implemented"}   // above_appetite: after treatment; implemented: the organisation's controls
//! F = {"code", "severity", "message", "file", "line", "column", "subject", "field"}
//! ```
//!
//! `decision` is the SoA row's decision (`applied`, `included-without-control`, `excluded`,
//! `undecided`, `contradictory`); `applicable` is PRODUCT.md's true / false / null. A
//! finding's `subject` and `field` are its identity with its code and file: findings are
//! matched across the two sides by them, never by message or line.

use super::{Diff, FindingState, RiskState, Sides, SoaRow};
use crate::analysis::Decision;
use crate::i18n::Lang;
use crate::model::Status;
use crate::risk::Band;
use serde::Serialize;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    settings: Vec<SettingJson<'a>>,
    base: Side<'a>,
    head: Side<'a>,
    root: &'a str,
    risks: Vec<RiskJson<'a>>,
    controls: Vec<ControlJson<'a>>,
    frameworks: Frameworks<'a>,
    soa: Vec<SoaJson<'a>>,
    findings: Findings<'a>,
    /// The ISMS's own records: `{id, kind, title, change, before, after}`.
    records: &'a [super::records::RecordChange],
    summary: Summary,
    posture: PostureJson,
}

#[derive(Serialize)]
struct PostureJson {
    verdict: super::Verdict,
    before: super::Posture,
    after: super::Posture,
    errors_introduced: usize,
    errors_fixed: usize,
}

#[derive(Serialize)]
struct Side<'a> {
    rev: Option<&'a str>,
    commit: Option<&'a str>,
    exists: bool,
}

#[derive(Serialize)]
struct RiskJson<'a> {
    id: &'a str,
    change: Vec<&'static str>,
    before: Option<RiskSide<'a>>,
    after: Option<RiskSide<'a>>,
}

#[derive(Serialize)]
struct RiskSide<'a> {
    title: &'a str,
    level: Option<i64>,
    band: Option<&'static str>,
    residual_level: Option<i64>,
    residual_band: Option<&'static str>,
    treatment: Option<&'static str>,
    controls: &'a [String],
}

impl<'a> RiskSide<'a> {
    fn of(s: &'a RiskState) -> RiskSide<'a> {
        RiskSide {
            title: &s.title,
            level: s.level,
            band: s.band.map(Band::as_str),
            residual_level: s.residual_level,
            residual_band: s.residual_band.map(Band::as_str),
            treatment: s.option,
            controls: &s.controls,
        }
    }
}

#[derive(Serialize)]
struct ControlJson<'a> {
    id: &'a str,
    title: &'a str,
    before: Option<&'static str>,
    after: Option<&'static str>,
}

#[derive(Serialize)]
struct Frameworks<'a> {
    added: &'a [String],
    removed: &'a [String],
}

#[derive(Serialize)]
struct SoaJson<'a> {
    framework: &'a str,
    id: &'a str,
    title: &'a str,
    title_ja: &'a str,
    before: Option<SoaSide>,
    after: Option<SoaSide>,
}

#[derive(Serialize)]
struct SoaSide {
    decision: Decision,
    applicable: Option<bool>,
    excluded: bool,
    status: Option<&'static str>,
}

impl SoaSide {
    fn of(r: &SoaRow) -> SoaSide {
        SoaSide {
            decision: r.decision,
            applicable: r.decision.applicable(),
            excluded: r.excluded,
            status: r.status.map(Status::as_str),
        }
    }
}

#[derive(Serialize)]
struct Findings<'a> {
    introduced: Vec<FindingJson<'a>>,
    fixed: Vec<FindingJson<'a>>,
    /// Gone because the head turns their rule off: not fixed.
    silenced: Vec<FindingJson<'a>>,
}

#[derive(Serialize)]
struct SettingJson<'a> {
    key: &'a str,
    before: Option<&'a str>,
    after: Option<&'a str>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    code: &'static str,
    severity: &'static str,
    message: &'a str,
    file: &'a str,
    line: u32,
    column: u32,
    subject: &'a str,
    field: &'a str,
}

impl<'a> FindingJson<'a> {
    fn of(f: &'a FindingState, lang: Lang) -> FindingJson<'a> {
        FindingJson {
            code: f.code,
            severity: f.severity,
            message: f.message.get(lang),
            file: &f.file,
            line: f.line,
            column: f.column,
            subject: &f.subject,
            field: &f.field,
        }
    }
}

#[derive(Serialize)]
struct Summary {
    risks_added: usize,
    risks_removed: usize,
    risks_relevelled: usize,
    risks_retreated: usize,
    controls_changed: usize,
    soa_flipped: usize,
    findings_introduced: usize,
    findings_fixed: usize,
    records_changed: usize,
}

pub fn render(d: &Diff, l: &Sides, lang: Lang) -> String {
    fn findings(list: &[FindingState], lang: Lang) -> Vec<FindingJson<'_>> {
        list.iter().map(|f| FindingJson::of(f, lang)).collect()
    }
    let report = Report {
        version: 1,
        settings: d
            .settings
            .iter()
            .map(|c| SettingJson {
                key: &c.key,
                before: c.before.as_deref(),
                after: c.after.as_deref(),
            })
            .collect(),
        base: Side {
            rev: Some(&l.base.0),
            commit: Some(&l.base.1),
            exists: !d.base_missing,
        },
        head: Side {
            rev: l.head.as_ref().map(|h| h.0.as_str()),
            commit: l.head.as_ref().map(|h| h.1.as_str()),
            exists: !d.head_missing,
        },
        root: &l.root,
        risks: d
            .risks
            .iter()
            .map(|r| RiskJson {
                id: &r.id,
                change: r.kinds(),
                before: r.before.as_ref().map(RiskSide::of),
                after: r.after.as_ref().map(RiskSide::of),
            })
            .collect(),
        controls: d
            .controls
            .iter()
            .map(|c| ControlJson {
                id: &c.id,
                title: &c.title,
                before: c.before.map(Status::as_str),
                after: c.after.map(Status::as_str),
            })
            .collect(),
        frameworks: Frameworks {
            added: &d.frameworks_added,
            removed: &d.frameworks_removed,
        },
        soa: d
            .soa
            .iter()
            .map(|s| SoaJson {
                framework: &s.framework,
                id: &s.id,
                title: &s.title.0,
                title_ja: &s.title.1,
                before: s.before.as_ref().map(SoaSide::of),
                after: s.after.as_ref().map(SoaSide::of),
            })
            .collect(),
        findings: Findings {
            introduced: findings(&d.introduced, lang),
            fixed: findings(&d.fixed, lang),
            silenced: findings(&d.silenced, lang),
        },
        records: &d.records,
        summary: Summary {
            risks_added: d.count("added"),
            risks_removed: d.count("removed"),
            risks_relevelled: d.count("relevelled"),
            risks_retreated: d.count("retreated"),
            controls_changed: d.controls.len(),
            soa_flipped: d.soa.len(),
            findings_introduced: d.introduced.len(),
            findings_fixed: d.fixed.len(),
            records_changed: d.records.len(),
        },
        posture: PostureJson {
            verdict: d.verdict(),
            before: d.posture.0,
            after: d.posture.1,
            errors_introduced: d.errors().0,
            errors_fixed: d.errors().1,
        },
    };
    serde_json::to_string_pretty(&report).expect("the diff serialises") + "\n"
}
