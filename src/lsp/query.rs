//! What is under the cursor, and the answers about it: definition, references, hover,
//! symbols. Everything is read from the judged repository (its model, its analysis, the
//! catalogs): the server makes no judgment of its own.

use super::convert::{self, contains};
use crate::analysis::{Decision, Resolved};
use crate::catalog::catalogs;
use crate::fields::Text;
use crate::i18n::Lang;
use crate::judge::Judged;
use crate::model::{EntityRef, Kind, Model};
use crate::rule::RuleMeta;
use crate::source::{FileId, Pos, Span};
use crate::tr;
use lsp_types::{
    GotoDefinitionResponse, Hover, HoverContents, Location, MarkupContent, MarkupKind,
    SymbolInformation, SymbolKind,
};
use std::path::Path;

/// What an id under the cursor names.
pub(super) enum Target {
    /// An entity: its own id, or a reference resolved to it.
    Entity(EntityRef),
    /// A framework control: a `maps_to` entry, or a key of an SoA's exclusions/inclusions.
    Framework { framework: String, id: String },
    /// A rule code under `rules:` in isms.yaml.
    Rule(&'static RuleMeta),
}

/// Every entity of the model with its id, in model order.
pub(super) fn entities(model: &Model) -> Vec<(EntityRef, &Text)> {
    fn add<'m>(
        out: &mut Vec<(EntityRef, &'m Text)>,
        kind: Kind,
        ids: impl Iterator<Item = &'m Text>,
    ) {
        out.extend(
            ids.enumerate()
                .map(|(index, t)| (EntityRef { kind, index }, t)),
        );
    }
    let mut out = Vec::new();
    add(&mut out, Kind::Role, model.roles.iter().map(|x| &x.id));
    add(&mut out, Kind::Asset, model.assets.iter().map(|x| &x.id));
    add(&mut out, Kind::Threat, model.threats.iter().map(|x| &x.id));
    let vulnerabilities = model.vulnerabilities.iter().map(|x| &x.id);
    add(&mut out, Kind::Vulnerability, vulnerabilities);
    add(&mut out, Kind::Risk, model.risks.iter().map(|x| &x.id));
    add(
        &mut out,
        Kind::Control,
        model.controls.iter().map(|x| &x.id),
    );
    add(
        &mut out,
        Kind::Procedure,
        model.procedures.iter().map(|x| &x.id),
    );
    add(&mut out, Kind::Soa, model.soas.iter().map(|x| &x.framework));
    for kind in crate::model::records::KINDS {
        add(&mut out, kind, model.records.ids_of(kind).into_iter());
    }
    out
}

/// An entity's title (a name for assets, threats and vulnerabilities).
pub(super) fn title(model: &Model, r: EntityRef) -> Option<&str> {
    let t = match r.kind {
        Kind::Role => model.roles[r.index].title.as_ref(),
        Kind::Asset => model.assets[r.index].name.as_ref(),
        Kind::Threat => model.threats[r.index].name.as_ref(),
        Kind::Vulnerability => model.vulnerabilities[r.index].name.as_ref(),
        Kind::Risk => model.risks[r.index].title.as_ref(),
        Kind::Control => model.controls[r.index].title.as_ref(),
        Kind::Procedure => model.procedures[r.index].title.as_ref(),
        Kind::Soa => None,
        _ => model.records.title_of(r),
    };
    t.map(Text::as_str)
}

/// The target under the cursor and the span of the word it is written as.
pub(super) fn target_at(j: &Judged, file: FileId, at: Pos) -> Option<(Target, Span)> {
    let model = &j.ws.model;
    let here = |s: Span| s.file == file && contains(s, at);
    for r in &j.analysis.refs.all {
        if here(r.target.span) {
            return match r.resolved {
                Resolved::Found(e) | Resolved::WrongKind(e) => {
                    Some((Target::Entity(e), r.target.span))
                }
                Resolved::Opaque | Resolved::Unknown => None,
            };
        }
    }
    for (e, id) in entities(model) {
        if e.kind != Kind::Soa && here(id.span) {
            return Some((Target::Entity(e), id.span));
        }
    }
    for c in &model.controls {
        if let Some(m) = c.maps_to.iter().find(|m| here(m.span)) {
            let (framework, id) = m.value.split_once(':')?;
            return Some((
                Target::Framework {
                    framework: framework.to_owned(),
                    id: id.to_owned(),
                },
                m.span,
            ));
        }
    }
    for s in &model.soas {
        for (key, _) in s.exclusions.iter().chain(&s.inclusions) {
            if here(key.span) {
                return Some((
                    Target::Framework {
                        framework: s.framework.value.clone(),
                        id: key.value.clone(),
                    },
                    key.span,
                ));
            }
        }
    }
    if file == j.ws.config_file {
        for (code, _) in &j.ws.config.rules {
            if here(code.span) {
                let rule = crate::rules::find(&code.value)?;
                return Some((Target::Rule(rule), code.span));
            }
        }
    }
    None
}

fn location(j: &Judged, span: Span) -> Location {
    let s = j.ws.sources.get(span.file);
    Location::new(
        convert::uri_of(&j.ws.root.join(&s.path)),
        convert::range(s, span),
    )
}

/// Where the id under the cursor is defined: the entity's `id:`; for a framework control,
/// the SoA's exclusion or inclusion of it (the catalog itself is in the hover).
pub(super) fn definition(j: &Judged, file: FileId, at: Pos) -> Option<GotoDefinitionResponse> {
    let (target, _) = target_at(j, file, at)?;
    let model = &j.ws.model;
    let span = match target {
        Target::Entity(e) => model.span_of(e),
        Target::Framework { framework, id } => {
            let soa = model.soas.iter().find(|s| s.framework.value == framework)?;
            soa.exclusions
                .iter()
                .chain(&soa.inclusions)
                .find(|(k, _)| k.value == id)?
                .0
                .span
        }
        Target::Rule(_) => return None,
    };
    Some(GotoDefinitionResponse::Scalar(location(j, span)))
}

/// Every place that names the target under the cursor (its definition first, if asked).
pub(super) fn references(
    j: &Judged,
    file: FileId,
    at: Pos,
    declaration: bool,
) -> Option<Vec<Location>> {
    let (target, _) = target_at(j, file, at)?;
    let model = &j.ws.model;
    let mut spans = Vec::new();
    match target {
        Target::Entity(e) => {
            if declaration {
                spans.push(model.span_of(e));
            }
            spans.extend(
                j.analysis
                    .refs
                    .naming(model.id_of(e))
                    .filter(|r| matches!(r.resolved, Resolved::Found(f) if f == e))
                    .map(|r| r.target.span),
            );
        }
        Target::Framework { framework, id } => {
            let full = format!("{framework}:{id}");
            for c in &model.controls {
                spans.extend(c.maps_to.iter().filter(|m| m.value == full).map(|m| m.span));
            }
            if declaration {
                for s in model.soas.iter().filter(|s| s.framework.value == framework) {
                    spans.extend(
                        s.exclusions
                            .iter()
                            .chain(&s.inclusions)
                            .filter(|(k, _)| k.value == id)
                            .map(|(k, _)| k.span),
                    );
                }
            }
        }
        Target::Rule(_) => return None,
    }
    Some(spans.into_iter().map(|s| location(j, s)).collect())
}

/// User text in a Markdown hover: every character Markdown (or the HTML it allows) would
/// read as syntax is escaped, so a title shows as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_{}[]<>()#+-.!|~&".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn markdown(value: String) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: None,
    }
}

/// The hover over an id: what the analysis says about it.
pub(super) fn hover(j: &Judged, file: FileId, at: Pos) -> Option<Hover> {
    let (target, span) = target_at(j, file, at)?;
    let lang = j.ws.lang;
    let text = match target {
        Target::Entity(e) => entity_hover(j, e, lang),
        Target::Framework { framework, id } => framework_hover(j, &framework, &id, lang)?,
        Target::Rule(rule) => {
            let what = rule.section_in(lang, "What it does").unwrap_or_default();
            format!(
                "**{}** ({})  \n{}\n\n{what}",
                rule.code,
                rule.severity.as_str(),
                rule.summary_in(lang)
            )
        }
    };
    let mut h = markdown(text);
    h.range = Some(convert::range(j.ws.sources.get(file), span));
    Some(h)
}

/// "R-001 — title" with the role's title after an owner.
fn named(model: &Model, id: &str) -> String {
    match model.lookup(id).and_then(|r| title(model, r)) {
        Some(t) => format!("`{id}` {}", escape(t)),
        None => format!("`{id}`"),
    }
}

fn entity_hover(j: &Judged, e: EntityRef, lang: Lang) -> String {
    let model = &j.ws.model;
    let id = model.id_of(e);
    let mut out = format!("**{} {id}**", e.kind.name(lang));
    if let Some(t) = title(model, e) {
        out.push_str(" — ");
        out.push_str(&escape(t));
    }
    out.push('\n');
    let mut line = |s: String| {
        out.push_str("\n- ");
        out.push_str(&s);
    };
    let band =
        |b: Option<crate::risk::Band>| b.map_or("?", |b| lang.pick(b.as_str(), b.ja())).to_owned();
    let num = |n: Option<i64>| n.map_or_else(|| "?".to_owned(), |n| n.to_string());
    match e.kind {
        Kind::Risk => {
            let r = &model.risks[e.index];
            let a = &j.analysis.assessments[e.index];
            line(tr!(
                lang,
                "inherent level {} ({}): likelihood {} × impact {}",
                "リスク値 {}（{}）: 被害発生可能性 {} × 影響度 {}",
                num(a.level),
                band(a.band),
                num(a.likelihood),
                num(a.impact)
            ));
            if a.residual_level.is_some() {
                line(tr!(
                    lang,
                    "residual level {} ({})",
                    "残留リスク値 {}（{}）",
                    num(a.residual_level),
                    band(a.residual_band)
                ));
            }
            match &r.treatment {
                Some(t) => {
                    let option = t.option.as_ref().map_or("?", |o| o.value.as_str());
                    let controls: Vec<&str> = t.controls.iter().map(Text::as_str).collect();
                    line(tr!(
                        lang,
                        "treatment: {option} {}",
                        "対応: {option} {}",
                        controls.join(", ")
                    ));
                }
                None => line(tr!(lang, "no treatment", "リスク対応なし")),
            }
            if let Some(o) = &r.owner {
                line(tr!(
                    lang,
                    "owner: {}",
                    "リスク所有者: {}",
                    named(model, &o.value)
                ));
            }
        }
        Kind::Control => {
            let c = &model.controls[e.index];
            let status = c.status.as_ref().map_or("?", |s| s.value.as_str());
            line(tr!(lang, "status: {status}", "実施状況: {status}"));
            for m in &c.maps_to {
                let title = m
                    .value
                    .split_once(':')
                    .and_then(|(fw, id)| catalogs().framework(fw)?.control(id))
                    .map_or("", |fc| fc.title_in(lang));
                line(format!("`{}` {title}", m.value));
            }
            let procedures = j.analysis.refs.holders_of(id, Kind::Procedure);
            let names: Vec<String> = procedures
                .iter()
                .map(|&p| named(model, model.procedures[p].id.as_str()))
                .collect();
            line(tr!(
                lang,
                "procedures: {}",
                "実施手順: {}",
                if names.is_empty() {
                    "—".to_owned()
                } else {
                    names.join(", ")
                }
            ));
            let risks = j.analysis.refs.holders_of(id, Kind::Risk).len();
            line(tr!(
                lang,
                "treats {risks} risks",
                "対応するリスク: {risks} 件"
            ));
        }
        _ => {
            let named_by = j
                .analysis
                .refs
                .naming(id)
                .filter(|r| matches!(r.resolved, Resolved::Found(f) if f == e))
                .count();
            line(tr!(lang, "named {named_by} times", "参照: {named_by} 件"));
        }
    }
    out
}

fn framework_hover(j: &Judged, framework: &str, id: &str, lang: Lang) -> Option<String> {
    let fw = catalogs().framework(framework)?;
    let c = fw.control(id)?;
    let mut out = format!("**{framework}:{id}**\n\n- {}\n- {}", c.title, c.title_ja);
    if let Some(row) = j
        .analysis
        .soa(framework)
        .and_then(|s| s.rows.iter().find(|r| r.id == id))
    {
        let decision = match row.decision {
            Decision::Applied => tr!(lang, "applied", "適用"),
            Decision::IncludedWithoutControl => {
                tr!(lang, "applicable, no control yet", "適用（管理策なし）")
            }
            Decision::Excluded => tr!(lang, "excluded", "適用除外"),
            Decision::Undecided => tr!(lang, "undecided", "未決定"),
            Decision::Contradictory => tr!(lang, "contradictory", "矛盾"),
        };
        out.push_str(&tr!(
            lang,
            "\n\nSoA: {decision}",
            "\n\n適用宣言書: {decision}"
        ));
        let controls: Vec<&str> = row
            .controls
            .iter()
            .map(|&c| j.ws.model.controls[c].id.as_str())
            .collect();
        if !controls.is_empty() {
            out.push_str(&format!(" ({})", controls.join(", ")));
        }
        let soa = j.analysis.soa(framework).and_then(|s| s.document);
        if let (Some(i), Some(d)) = (row.exclusion, soa) {
            out.push_str(" — ");
            out.push_str(&escape(j.ws.model.soas[d].exclusions[i].1.as_str()));
        }
    }
    Some(out)
}

fn symbol_kind(kind: Kind) -> SymbolKind {
    match kind {
        Kind::Role => SymbolKind::INTERFACE,
        Kind::Asset => SymbolKind::OBJECT,
        Kind::Threat => SymbolKind::EVENT,
        Kind::Vulnerability => SymbolKind::PROPERTY,
        Kind::Risk => SymbolKind::CLASS,
        Kind::Control => SymbolKind::FUNCTION,
        Kind::Procedure => SymbolKind::METHOD,
        Kind::Soa => SymbolKind::MODULE,
        // The ISMS's own records (documents, audits, reviews…).
        _ => SymbolKind::FILE,
    }
}

#[allow(deprecated)] // `deprecated` is a required field of the type
fn symbol(j: &Judged, e: EntityRef, id: &Text) -> SymbolInformation {
    let name = match title(&j.ws.model, e) {
        Some(t) => format!("{} {t}", id.value),
        None => id.value.clone(),
    };
    SymbolInformation {
        name,
        kind: symbol_kind(e.kind),
        tags: None,
        deprecated: None,
        location: location(j, id.span),
        container_name: Some(e.kind.as_str().to_owned()),
    }
}

/// The entities of one file, in file order.
pub(super) fn document_symbols(j: &Judged, file: FileId) -> Vec<SymbolInformation> {
    let mut found: Vec<(EntityRef, &Text)> = entities(&j.ws.model)
        .into_iter()
        .filter(|(_, id)| id.span.file == file && !id.value.is_empty())
        .collect();
    found.sort_by_key(|(_, id)| id.span.start);
    found.into_iter().map(|(e, id)| symbol(j, e, id)).collect()
}

/// At most this many workspace symbols: the editor filters further as the user types.
const MAX_SYMBOLS: usize = 500;

/// Every id of every loaded repository that contains the query (any case), by id.
pub(super) fn workspace_symbols(repos: &[(&Path, &Judged)], query: &str) -> Vec<SymbolInformation> {
    let q = query.to_lowercase();
    let mut out = Vec::new();
    for (_, j) in repos {
        let mut found: Vec<(EntityRef, &Text)> = entities(&j.ws.model)
            .into_iter()
            .filter(|(e, id)| {
                !id.value.is_empty()
                    && (id.value.to_lowercase().contains(&q)
                        || title(&j.ws.model, *e).is_some_and(|t| t.to_lowercase().contains(&q)))
            })
            .collect();
        found.sort_by(|a, b| a.1.value.cmp(&b.1.value));
        out.extend(found.into_iter().map(|(e, id)| symbol(j, e, id)));
    }
    out.truncate(MAX_SYMBOLS);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markdown_in_user_text_is_escaped() {
        assert_eq!(
            super::escape("<b>*x*</b> 1.5"),
            "\\<b\\>\\*x\\*\\</b\\> 1\\.5"
        );
    }
}
