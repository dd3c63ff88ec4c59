//! Lv.2 baseline approach (`starters/baseline.yaml`): the security organisation of IPA's
//! sample regulations, a basic policy, and controls with procedures that cover every item of
//! IPA's SME self-assessment (`frameworks: [ipa-sme]`). Each control also names the
//! ISO/IEC 27001:2022 controls it contributes to, so that growing to Lv.3 shows only what is
//! still missing.

use super::emit::File;
use super::template::{FileTemplate, Texts, Vars};
use crate::i18n::Lang;
use serde::Deserialize;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../starters/baseline.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Baseline {
    pub roles: Vec<String>,
    texts: Texts,
    files: Vec<FileTemplate>,
}

pub(super) fn data() -> &'static Baseline {
    static DATA_: OnceLock<Baseline> = OnceLock::new();
    DATA_.get_or_init(|| crate::catalog::parse_catalog("starters/baseline", DATA))
}

/// The files of Lv.2.
pub fn files(lang: Lang) -> Vec<File> {
    let data = data();
    let vars = Vars::new(&data.texts, lang);
    let mut out = super::common::role_files(&data.roles, lang);
    out.extend(data.files.iter().map(|f| f.render(lang, &vars)));
    out
}

/// The policy as a controlled document and its Markdown body (`records/policy.yaml`,
/// `docs/policy.md`), which comprehensive writes too.
pub fn policy_document(lang: Lang) -> Vec<File> {
    let data = data();
    let vars = Vars::new(&data.texts, lang);
    data.files
        .iter()
        .filter(|f| matches!(f.path.as_str(), "records/policy.yaml" | "docs/policy.md"))
        .map(|f| f.render(lang, &vars))
        .collect()
}
