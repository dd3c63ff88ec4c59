//! CSV: one table, UTF-8 with a byte-order mark (Excel on Japanese Windows reads a CSV
//! without one as Shift_JIS), CRLF line ends, every text cell through
//! [`escape::spreadsheet`]. Lists of ids are joined with ", ". A framework's ids are
//! written as they are cited (`A.5.10`, `No.3`): a spreadsheet that opens the file reads
//! `5.10` as the number 5.1, which would give seven duplicate ids in Annex A, and a CSV has no
//! way to mark a cell as text (`="5.10"` would be a formula). A CSV has no room for a
//! title block: the SoA's version and approval, and the findings of `isms check`, are in
//! the other formats; undecided rows still show as such in the `applicable` column.

use super::WriteError;
use super::{
    REGISTER_COLUMNS, SOA_COLUMNS, acceptance_text, evidence_lines, inclusion_lines, soa_status,
    treatment_text,
};
use crate::report::Named;
use crate::report::escape;
use crate::report::labels::{self, L};
use crate::report::risks::RiskRegister;
use crate::report::soa::SoaTable;

const BOM: &[u8] = "\u{FEFF}".as_bytes();

fn ids(list: &[Named]) -> String {
    super::ids(list)
}

fn write(rows: Vec<Vec<String>>) -> Result<Vec<u8>, WriteError> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    for r in rows {
        w.write_record(r.iter().map(|c| escape::spreadsheet(c)))
            .map_err(|e| WriteError(format!("cannot write CSV: {e}")))?;
    }
    w.into_inner()
        .map_err(|e| WriteError(format!("cannot write CSV: {e}")))
}

fn n(v: Option<i64>) -> String {
    v.map_or_else(String::new, |v| v.to_string())
}

/// One row per control of the framework, then one per additional control (theme
/// "additional").
pub fn soa(t: &SoaTable) -> Result<Vec<u8>, WriteError> {
    let lang = t.lang;
    let mut rows = vec![
        SOA_COLUMNS
            .iter()
            .map(|l| l.t(lang).to_owned())
            .collect::<Vec<_>>(),
    ];
    for r in &t.rows {
        rows.push(vec![
            r.cite.clone(),
            r.group_title.clone(),
            r.title.clone(),
            labels::decision(r.decision, lang).to_owned(),
            inclusion_lines(r, lang).join("\n"),
            soa_status(r, lang),
            ids(&r.controls),
            ids(&r.procedures),
            r.exclusion.clone().unwrap_or_default(),
            evidence_lines(&r.evidence, lang),
        ]);
    }
    for a in &t.additional {
        let mut inclusion = Vec::new();
        if !a.risks.is_empty() {
            inclusion.push(format!(
                "{}{}{}",
                L::Risks.t(lang),
                labels::colon(lang),
                a.risks.join(", ")
            ));
        }
        rows.push(vec![
            a.id.clone(),
            L::Additional.t(lang).to_owned(),
            a.title.clone(),
            L::Yes.t(lang).to_owned(),
            inclusion.join("\n"),
            a.status.map_or("", |s| labels::status(s, lang)).to_owned(),
            a.id.clone(),
            ids(&a.procedures),
            String::new(),
            evidence_lines(&a.evidence, lang),
        ]);
    }
    write(rows)
}

/// The register, sorted by level; the heat maps are in the other formats.
pub fn risks(r: &RiskRegister) -> Result<Vec<u8>, WriteError> {
    let lang = r.lang;
    let mut rows = vec![
        REGISTER_COLUMNS
            .iter()
            .map(|l| l.t(lang).to_owned())
            .collect::<Vec<_>>(),
    ];
    for x in &r.rows {
        rows.push(vec![
            x.id.clone(),
            x.title.clone(),
            ids(&x.assets),
            x.threat.as_ref().map(|t| t.id.clone()).unwrap_or_default(),
            x.origin.map_or("", |o| labels::origin(o, lang)).to_owned(),
            ids(&x.vulnerabilities),
            n(x.impact),
            n(x.likelihood),
            n(x.level),
            x.band.map_or("", |b| labels::band(b, lang)).to_owned(),
            treatment_text(x, lang),
            ids(&x.controls),
            x.owner.as_ref().map(|o| o.name.clone()).unwrap_or_default(),
            x.due.clone().unwrap_or_default(),
            n(x.residual_level),
            x.residual_band
                .map_or("", |b| labels::band(b, lang))
                .to_owned(),
            acceptance_text(x, lang),
            evidence_lines(&x.evidence, lang),
        ]);
    }
    write(rows)
}

/// The asset register, one row per asset.
pub fn assets(a: &crate::report::assets::AssetRegister) -> Result<Vec<u8>, WriteError> {
    let lang = a.lang;
    let mut rows = vec![
        super::ASSET_COLUMNS
            .iter()
            .map(|l| l.t(lang).to_owned())
            .collect::<Vec<_>>(),
    ];
    rows.extend(a.rows.iter().map(|r| super::asset_cells(r, lang)));
    write(rows)
}
