//! JSON: the machine-readable contract. The SoA object is PRODUCT.md's
//! `{"framework", "title", "version", "approved_by", "approved_on", "rows": [...]}` with the
//! row keys `id, title, applicable, status, inclusion, exclusion, controls, procedures`;
//! the extra keys (`group`, `decision`, `organization`, `counts`, `additional`,
//! `findings`) are documented in the README's "Reports" section. Values are ids and
//! enum names, language-neutral; titles are in the report's language.

use crate::report::findings::FindingsSummary;
use crate::report::risks::{BandCounts, HeatMap, MethodSummary, RiskRegister};
use crate::report::soa::{Decision, SoaCounts, SoaTable};
use serde::Serialize;

fn ids(list: &[crate::report::Named]) -> Vec<&str> {
    list.iter().map(|n| n.id.as_str()).collect()
}

#[derive(Serialize)]
struct Soa<'a> {
    framework: &'a str,
    title: &'a str,
    version: Option<&'a str>,
    approved_by: Option<&'a str>,
    approved_on: Option<&'a str>,
    rows: Vec<SoaRow<'a>>,
    organization: &'a str,
    lang: crate::i18n::Lang,
    /// Whether a `kind: soa` document exists for the framework.
    declared: bool,
    counts: SoaCounts,
    additional: Vec<Additional<'a>>,
    findings: &'a FindingsSummary,
    /// Where the document stands: `{commit, commit_date, uncommitted, today}`.
    as_of: &'a crate::report::AsOf,
}

#[derive(Serialize)]
struct SoaRow<'a> {
    id: &'a str,
    title: &'a str,
    applicable: Option<bool>,
    status: Option<&'static str>,
    inclusion: Vec<String>,
    exclusion: Option<&'a str>,
    controls: Vec<&'a str>,
    procedures: Vec<&'a str>,
    group: &'a str,
    decision: Decision,
    /// The newest evidence of each implemented or partial mapped control.
    evidence: Vec<EvidenceRef<'a>>,
}

/// `{id, date, title, location}`: the date "" when undated, the location its path or URL.
#[derive(Serialize)]
struct EvidenceRef<'a> {
    id: &'a str,
    date: &'a str,
    title: &'a str,
    location: &'a str,
}

fn evidence(list: &[crate::report::EvidenceRef]) -> Vec<EvidenceRef<'_>> {
    list.iter()
        .map(|e| EvidenceRef {
            id: &e.id,
            date: e.date.as_deref().unwrap_or(""),
            title: &e.title,
            location: &e.location,
        })
        .collect()
}

#[derive(Serialize)]
struct Additional<'a> {
    id: &'a str,
    title: &'a str,
    category: Option<&'static str>,
    status: Option<&'static str>,
    risks: &'a [String],
    maps_to: &'a [String],
    procedures: Vec<&'a str>,
    /// Its newest evidence when it is implemented or partial.
    evidence: Vec<EvidenceRef<'a>>,
}

fn pretty<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("reports serialise") + "\n"
}

pub fn soa(t: &SoaTable) -> String {
    pretty(&soa_value(t))
}

fn soa_value(t: &SoaTable) -> Soa<'_> {
    Soa {
        framework: &t.framework,
        title: &t.title,
        version: t.version.as_deref(),
        approved_by: t.approved_by.as_ref().map(|r| r.id.as_str()),
        approved_on: t.approved_on.as_deref(),
        rows: t
            .rows
            .iter()
            .map(|r| SoaRow {
                id: &r.id,
                title: &r.title,
                applicable: r.decision.applicable(),
                status: r.status.map(|s| s.as_str()),
                inclusion: r.inclusion(),
                exclusion: r.exclusion.as_deref(),
                controls: ids(&r.controls),
                procedures: ids(&r.procedures),
                group: &r.group,
                decision: r.decision,
                evidence: evidence(&r.evidence),
            })
            .collect(),
        organization: &t.organization,
        lang: t.lang,
        declared: t.declared,
        counts: t.counts,
        additional: t
            .additional
            .iter()
            .map(|a| Additional {
                id: &a.id,
                title: &a.title,
                category: a.category.map(|c| c.as_str()),
                status: a.status.map(|s| s.as_str()),
                risks: &a.risks,
                maps_to: &a.maps_to,
                procedures: ids(&a.procedures),
                evidence: evidence(&a.evidence),
            })
            .collect(),
        findings: &t.findings,
        as_of: &t.as_of,
    }
}

#[derive(Serialize)]
struct Risks<'a> {
    organization: &'a str,
    lang: crate::i18n::Lang,
    method: &'a MethodSummary,
    counts: Counts,
    risks: Vec<Risk<'a>>,
    heatmap: Heat<'a>,
    findings: &'a FindingsSummary,
    as_of: &'a crate::report::AsOf,
}

#[derive(Serialize)]
struct Counts {
    before: BandCounts,
    after: BandCounts,
}

#[derive(Serialize)]
struct Heat<'a> {
    before: HeatJson<'a>,
    after: HeatJson<'a>,
}

#[derive(Serialize)]
struct HeatJson<'a> {
    impact: i64,
    likelihood: i64,
    cells: Vec<Cell<'a>>,
    unplaced: &'a [String],
}

#[derive(Serialize)]
struct Cell<'a> {
    impact: i64,
    likelihood: i64,
    level: i64,
    band: &'static str,
    count: usize,
    risks: &'a [String],
}

#[derive(Serialize)]
struct Risk<'a> {
    id: &'a str,
    title: &'a str,
    assets: Vec<&'a str>,
    threat: Option<&'a str>,
    origin: Option<&'static str>,
    vulnerabilities: Vec<&'a str>,
    impact: Option<i64>,
    likelihood: Option<i64>,
    level: Option<i64>,
    band: Option<&'static str>,
    treatment: Option<&'static str>,
    controls: Vec<&'a str>,
    transfer_to: Option<&'a str>,
    owner: Option<&'a str>,
    due: Option<&'a str>,
    residual: Option<Residual>,
    acceptance: Option<Acceptance<'a>>,
    approval: Option<Approval<'a>>,
    /// The newest evidence of each implemented or partial control of the treatment.
    evidence: Vec<EvidenceRef<'a>>,
}

#[derive(Serialize)]
struct Approval<'a> {
    by: Option<&'a str>,
    on: Option<&'a str>,
}

#[derive(Serialize)]
struct Residual {
    impact: Option<i64>,
    likelihood: Option<i64>,
    level: Option<i64>,
    band: Option<&'static str>,
}

#[derive(Serialize)]
struct Acceptance<'a> {
    by: Option<&'a str>,
    on: Option<&'a str>,
    expires: Option<&'a str>,
    rationale: Option<&'a str>,
}

fn heat(h: &HeatMap) -> HeatJson<'_> {
    HeatJson {
        impact: h.impact,
        likelihood: h.likelihood,
        cells: h
            .cells
            .iter()
            .map(|c| Cell {
                impact: c.impact,
                likelihood: c.likelihood,
                level: c.level,
                band: c.band.as_str(),
                count: c.risks.len(),
                risks: &c.risks,
            })
            .collect(),
        unplaced: &h.unplaced,
    }
}

pub fn risks(r: &RiskRegister) -> String {
    let out = Risks {
        organization: &r.organization,
        lang: r.lang,
        method: &r.method,
        counts: Counts {
            before: r.counts_before,
            after: r.counts_after,
        },
        risks: r
            .rows
            .iter()
            .map(|x| Risk {
                id: &x.id,
                title: &x.title,
                assets: ids(&x.assets),
                threat: x.threat.as_ref().map(|t| t.id.as_str()),
                origin: x.origin.map(|o| o.as_str()),
                vulnerabilities: ids(&x.vulnerabilities),
                impact: x.impact,
                likelihood: x.likelihood,
                level: x.level,
                band: x.band.map(|b| b.as_str()),
                treatment: x.option.map(|o| o.as_str()),
                controls: ids(&x.controls),
                transfer_to: x.transfer_to.as_deref(),
                owner: x.owner.as_ref().map(|o| o.id.as_str()),
                due: x.due.as_deref(),
                residual: x.residual_level.map(|_| Residual {
                    impact: x.residual_impact,
                    likelihood: x.residual_likelihood,
                    level: x.residual_level,
                    band: x.residual_band.map(|b| b.as_str()),
                }),
                acceptance: x.acceptance.as_ref().map(|a| Acceptance {
                    by: a.by.as_ref().map(|b| b.id.as_str()),
                    on: a.on.as_deref(),
                    expires: a.expires.as_deref(),
                    rationale: a.rationale.as_deref(),
                }),
                approval: x.approval.as_ref().map(|a| Approval {
                    by: a.by.as_ref().map(|b| b.id.as_str()),
                    on: a.on.as_deref(),
                }),
                evidence: evidence(&x.evidence),
            })
            .collect(),
        heatmap: Heat {
            before: heat(&r.before),
            after: heat(&r.after),
        },
        findings: &r.findings,
        as_of: &r.as_of,
    };
    pretty(&out)
}

#[derive(Serialize)]
struct Assets<'a> {
    organization: &'a str,
    lang: crate::i18n::Lang,
    assets: Vec<AssetJson<'a>>,
    findings: &'a FindingsSummary,
    as_of: &'a crate::report::AsOf,
}

#[derive(Serialize)]
struct AssetJson<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    asset_type: Option<&'static str>,
    owner: Option<&'a str>,
    confidentiality: Option<i64>,
    integrity: Option<i64>,
    availability: Option<i64>,
    importance: Option<i64>,
    location: &'a str,
    risks: &'a [String],
}

/// `isms assets --format json`: `{organization, lang, assets: [{id, name, type, owner,
/// confidentiality, integrity, availability, importance, location, risks}], findings, as_of}`.
pub fn assets(a: &crate::report::assets::AssetRegister) -> String {
    pretty(&Assets {
        organization: &a.organization,
        lang: a.lang,
        assets: a
            .rows
            .iter()
            .map(|r| AssetJson {
                id: &r.id,
                name: &r.name,
                asset_type: r.asset_type.map(crate::model::AssetType::as_str),
                owner: r.owner.as_ref().map(|o| o.id.as_str()),
                confidentiality: r.confidentiality,
                integrity: r.integrity,
                availability: r.availability,
                importance: r.importance,
                location: &r.location,
                risks: &r.risks,
            })
            .collect(),
        findings: &a.findings,
        as_of: &a.as_of,
    })
}
