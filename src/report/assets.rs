//! The asset register (情報資産台帳, the sheet IPA's guideline asks an SME to keep): one row
//! per asset in file order, with its ratings, the importance the risk method derives from
//! them (the one computation, [`crate::config::RiskMethod::importance`]) and the risks that
//! name it (from the analysis's reference index).

use super::findings::FindingsSummary;
use super::{AsOf, Index, Named, text};
use crate::i18n::Lang;
use crate::judge::Judged;
use crate::model::{AssetType, Kind};

#[derive(Clone, Debug)]
pub struct AssetRow {
    pub id: String,
    pub name: String,
    pub asset_type: Option<AssetType>,
    pub owner: Option<Named>,
    pub confidentiality: Option<i64>,
    pub integrity: Option<i64>,
    pub availability: Option<i64>,
    /// As the risk method derives it (max or sum of C/I/A); `None` while a rating is missing.
    pub importance: Option<i64>,
    pub location: String,
    /// The risks that name the asset, in file order: none is `asset/unassessed`.
    pub risks: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct AssetRegister {
    pub lang: Lang,
    pub organization: String,
    /// Where the document stands (set by the command, which asks git).
    pub as_of: AsOf,
    pub rows: Vec<AssetRow>,
    pub findings: FindingsSummary,
}

pub fn build(judged: &Judged) -> AssetRegister {
    let ws = &judged.ws;
    let model = &ws.model;
    let index = Index::new(model, &judged.analysis.refs);
    let rows = model
        .assets
        .iter()
        .map(|a| AssetRow {
            id: a.id.value.clone(),
            name: text(a.name.as_ref()),
            asset_type: a.asset_type.as_ref().map(|t| t.value),
            owner: a.owner.as_ref().map(|o| index.role(o.as_str())),
            confidentiality: a.confidentiality.as_ref().map(|x| x.value),
            integrity: a.integrity.as_ref().map(|x| x.value),
            availability: a.availability.as_ref().map(|x| x.value),
            importance: ws.config.risk.importance(a),
            location: text(a.location.as_ref()),
            risks: judged
                .analysis
                .refs
                .holders_of(a.id.as_str(), Kind::Risk)
                .into_iter()
                .map(|i| model.risks[i].id.value.clone())
                .collect(),
        })
        .collect();
    AssetRegister {
        lang: ws.lang,
        organization: text(ws.config.organization.as_ref()),
        as_of: AsOf::default(),
        rows,
        findings: FindingsSummary::of(judged),
    }
}
