//! Markdown (GitHub Flavored): headings, lists and tables. Every user-written text goes
//! through [`M`] (a table cell: `|`, markup and HTML escaped, line breaks as `<br>`) or
//! [`md_text`] (a heading or list item).

use super::{
    CountTable, SOA_COLUMNS, acceptance_text, band_counts, document_facts, evidence_lines,
    inclusion_lines, level_text, method_lines, residual_text, severity, soa_counts, soa_facts,
    soa_status, treatment_text,
};
use crate::i18n::Lang;
use crate::report::Named;
use crate::report::escape::{M, md_text};
use crate::report::findings::FindingsSummary;
use crate::report::labels::{self, L};
use crate::report::risks::{HeatMap, MethodSummary, RiskRegister};
use crate::report::soa::{Decision, SoaTable};
use std::fmt::Write;

/// A table row from cells already escaped.
fn row(out: &mut String, cells: &[String]) {
    out.push('|');
    for c in cells {
        let _ = write!(out, " {c} |");
    }
    out.push('\n');
}

fn header(out: &mut String, cells: &[&str]) {
    row(out, &cells.iter().map(|c| md_text(c)).collect::<Vec<_>>());
    out.push('|');
    for _ in cells {
        out.push_str("---|");
    }
    out.push('\n');
}

/// A table of counts whose rows add up ([`CountTable`]).
fn count_table(out: &mut String, t: &CountTable) {
    header(out, &t.head());
    for (label, cells) in &t.rows {
        let mut row_cells = vec![md_text(label)];
        row_cells.extend(cells.iter().map(|n| CountTable::cell(*n)));
        row(out, &row_cells);
    }
    out.push('\n');
}

/// Cell of several lines.
fn lines(items: &[String]) -> String {
    M(&items.join("\n")).to_string()
}

fn named_lines(list: &[Named]) -> String {
    lines(&list.iter().map(Named::label).collect::<Vec<_>>())
}

fn findings(out: &mut String, f: &FindingsSummary, lang: Lang) {
    let _ = writeln!(out, "## {}\n", L::Findings.t(lang));
    if f.total() == 0 {
        let _ = writeln!(out, "{}\n", L::FindingsNone.t(lang));
        return;
    }
    if f.errors > 0 {
        let _ = writeln!(out, "> **{}**\n", md_text(L::FindingsWarning.t(lang)));
    }
    let _ = writeln!(
        out,
        "{} {} · {} {} · {} {}\n",
        L::Errors.t(lang),
        f.errors,
        L::Warnings.t(lang),
        f.warnings,
        L::Infos.t(lang),
        f.infos
    );
    header(
        out,
        &[
            L::Severity.t(lang),
            L::Code.t(lang),
            L::Location.t(lang),
            L::Message.t(lang),
        ],
    );
    for i in &f.items {
        row(
            out,
            &[
                severity(i.severity, lang).to_owned(),
                format!("`{}`", i.code),
                M(&i.location()).to_string(),
                M(&i.message).to_string(),
            ],
        );
    }
    out.push('\n');
}

/// A document's header facts as a list, `- **label**：value`, then a blank line.
pub(super) fn facts(out: &mut String, facts: &[(&str, String)], lang: Lang) {
    for (label, value) in facts {
        let _ = writeln!(
            out,
            "- **{label}**{}{}",
            labels::colon(lang),
            md_text(value)
        );
    }
    out.push('\n');
}

pub fn soa(t: &SoaTable) -> String {
    let lang = t.lang;
    let mut out = String::new();
    let _ = writeln!(out, "# {} — {}\n", L::SoaTitle.t(lang), md_text(&t.title));
    facts(&mut out, &soa_facts(t), lang);
    if !t.declared {
        let _ = writeln!(out, "> **{}**\n", md_text(L::NoSoaDocument.t(lang)));
    }
    count_table(&mut out, &soa_counts(t));
    findings(&mut out, &t.findings, lang);

    let _ = writeln!(out, "## {}", L::FrameworkControls.t(lang));
    let mut group = None;
    for r in &t.rows {
        if group != Some(&r.group) {
            group = Some(&r.group);
            let _ = writeln!(out, "\n### {}\n", md_text(&r.group_title));
            header(
                &mut out,
                &SOA_COLUMNS
                    .iter()
                    .filter(|l| **l != L::Theme) // the theme is the section heading
                    .map(|l| l.t(lang))
                    .collect::<Vec<_>>(),
            );
        }
        let decision = labels::decision(r.decision, lang);
        let decision = match r.decision {
            Decision::Applied | Decision::Excluded => decision.to_owned(),
            _ => format!("**{decision}**"),
        };
        row(
            &mut out,
            &[
                M(&r.id).to_string(),
                M(&r.title).to_string(),
                decision,
                lines(&inclusion_lines(r, lang)),
                M(&soa_status(r, lang)).to_string(),
                named_lines(&r.controls),
                named_lines(&r.procedures),
                M(r.exclusion.as_deref().unwrap_or("")).to_string(),
                M(&evidence_lines(&r.evidence, lang)).to_string(),
            ],
        );
    }
    out.push('\n');

    let _ = writeln!(out, "## {}\n", L::AdditionalControls.t(lang));
    if t.additional.is_empty() {
        let _ = writeln!(out, "{}\n", L::AdditionalNone.t(lang));
    } else {
        header(
            &mut out,
            &[
                "ID",
                L::ControlTitle.t(lang),
                L::Category.t(lang),
                L::Status.t(lang),
                L::TreatedRisks.t(lang),
                L::Procedures.t(lang),
                L::MapsTo.t(lang),
                L::NewestEvidence.t(lang),
            ],
        );
        for a in &t.additional {
            row(
                &mut out,
                &[
                    M(&a.id).to_string(),
                    M(&a.title).to_string(),
                    a.category
                        .map_or("", |c| labels::category(c, lang))
                        .to_owned(),
                    a.status.map_or("", |s| labels::status(s, lang)).to_owned(),
                    M(&a.risks.join(", ")).to_string(),
                    named_lines(&a.procedures),
                    M(&a.maps_to.join(", ")).to_string(),
                    M(&evidence_lines(&a.evidence, lang)).to_string(),
                ],
            );
        }
        out.push('\n');
    }
    out
}

fn method(out: &mut String, m: &MethodSummary, lang: Lang) {
    let _ = writeln!(out, "## {}\n", L::RiskMethod.t(lang));
    for line in method_lines(m, lang) {
        let _ = writeln!(out, "- {}", md_text(&line));
    }
    out.push('\n');
}

fn heat(out: &mut String, title: &str, h: &HeatMap, m: &MethodSummary, lang: Lang) {
    let _ = writeln!(out, "## {title}\n");
    let corner = super::heat_corner(lang);
    let cols: Vec<String> = (1..=h.likelihood).map(|l| m.likelihood_step(l)).collect();
    let mut head = vec![corner.as_str()];
    head.extend(cols.iter().map(String::as_str));
    header(out, &head);
    for impact in (1..=h.impact).rev() {
        let mut cells = vec![format!("**{}**", md_text(&m.impact_step(impact)))];
        for c in h.row(impact) {
            let mut cell = format!(
                "{} {} · **{}**",
                c.level,
                labels::band(c.band, lang),
                c.risks.len()
            );
            if !c.risks.is_empty() {
                let _ = write!(cell, "<br>{}", M(&c.risks.join(", ")));
            }
            cells.push(cell);
        }
        row(out, &cells);
    }
    out.push('\n');
    if !h.unplaced.is_empty() {
        let _ = writeln!(
            out,
            "{}{}{}\n",
            L::Unplaced.t(lang),
            labels::colon(lang),
            md_text(&h.unplaced.join(", "))
        );
    }
}

pub fn risks(r: &RiskRegister) -> String {
    let lang = r.lang;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} — {}\n",
        L::RisksTitle.t(lang),
        md_text(&r.organization)
    );
    let control = document_facts(&r.organization, L::RisksTitle.t(lang), &r.as_of, lang);
    facts(&mut out, &control, lang);
    method(&mut out, &r.method, lang);
    count_table(&mut out, &band_counts(r));
    findings(&mut out, &r.findings, lang);
    heat(&mut out, L::HeatBefore.t(lang), &r.before, &r.method, lang);
    heat(&mut out, L::HeatAfter.t(lang), &r.after, &r.method, lang);
    let _ = writeln!(out, "{}\n", L::HeatAfterNote.t(lang));

    let _ = writeln!(out, "## {}\n", L::RisksTitle.t(lang));
    if r.rows.is_empty() {
        let _ = writeln!(out, "{}\n", L::NoRisks.t(lang));
        return out;
    }
    header(
        &mut out,
        &[
            L::RiskId.t(lang),
            L::RiskTitle.t(lang),
            L::Assets.t(lang),
            L::Threat.t(lang),
            L::Vulnerabilities.t(lang),
            L::Impact.t(lang),
            L::Likelihood.t(lang),
            L::Level.t(lang),
            L::Treatment.t(lang),
            L::Controls.t(lang),
            L::Owner.t(lang),
            L::Due.t(lang),
            L::Residual.t(lang),
            L::Acceptance.t(lang),
            L::NewestEvidence.t(lang),
        ],
    );
    for x in &r.rows {
        let threat = match (&x.threat, x.origin) {
            (Some(t), Some(o)) => format!("{}\n{}", t.label(), labels::origin(o, lang)),
            (Some(t), None) => t.label(),
            _ => String::new(),
        };
        row(
            &mut out,
            &[
                M(&x.id).to_string(),
                M(&x.title).to_string(),
                named_lines(&x.assets),
                M(&threat).to_string(),
                named_lines(&x.vulnerabilities),
                x.impact.map_or_else(String::new, |v| v.to_string()),
                x.likelihood.map_or_else(String::new, |v| v.to_string()),
                level_text(x.level, x.band, lang),
                M(&treatment_text(x, lang)).to_string(),
                named_lines(&x.controls),
                M(x.owner.as_ref().map_or("", |o| o.name.as_str())).to_string(),
                M(x.due.as_deref().unwrap_or("")).to_string(),
                M(&residual_text(x, lang)).to_string(),
                M(&acceptance_text(x, lang)).to_string(),
                M(&evidence_lines(&x.evidence, lang)).to_string(),
            ],
        );
    }
    out.push('\n');
    out
}

/// `isms assets`: the asset register.
pub fn assets(a: &crate::report::assets::AssetRegister) -> String {
    let lang = a.lang;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} — {}\n",
        L::AssetsTitle.t(lang),
        md_text(&a.organization)
    );
    let control = document_facts(&a.organization, L::AssetsTitle.t(lang), &a.as_of, lang);
    facts(&mut out, &control, lang);
    findings(&mut out, &a.findings, lang);
    let _ = writeln!(out, "## {}\n", L::AssetsTitle.t(lang));
    header(
        &mut out,
        &super::ASSET_COLUMNS
            .iter()
            .map(|l| l.t(lang))
            .collect::<Vec<_>>(),
    );
    for r in &a.rows {
        row(
            &mut out,
            &super::asset_cells(r, lang)
                .iter()
                .map(|c| M(c).to_string())
                .collect::<Vec<_>>(),
        );
    }
    out.push('\n');
    out
}
