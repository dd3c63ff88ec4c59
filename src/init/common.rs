//! What every level shares (`starters/common.yaml`): `isms.yaml`, the roles, and the files
//! around the YAML (schemas, editor settings, `.gitignore`, pre-commit, the GitHub workflow).

use super::Level;
use super::emit::{File, SCHEMA_DIR};
use super::template::{FileTemplate, Texts, Vars};
use crate::i18n::Lang;
use serde::Deserialize;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../starters/common.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Common {
    texts: Texts,
    config: FileTemplate,
    roles: Vec<FileTemplate>,
    tooling: Vec<FileTemplate>,
}

pub(super) fn data() -> &'static Common {
    static DATA_: OnceLock<Common> = OnceLock::new();
    DATA_.get_or_init(|| crate::catalog::parse_catalog("starters/common", DATA))
}

/// One file per role, so that a later level adds the roles it needs beside the ones there.
pub fn role_files(ids: &[String], lang: Lang) -> Vec<File> {
    let common = data();
    let vars = Vars::new(&common.texts, lang);
    ids.iter()
        .map(|id| {
            let path = format!("roles/{id}.yaml");
            common
                .roles
                .iter()
                .find(|r| r.path == path)
                .unwrap_or_else(|| panic!("starters/common.yaml has no {path}"))
                .render(lang, &vars)
        })
        .collect()
}

/// `isms.yaml`.
pub fn config(level: Level, lang: Lang, organization: Option<&str>) -> File {
    let common = data();
    let mut vars = Vars::new(&common.texts, lang);
    let frameworks = match level.framework() {
        Some(fw) => format!("[{fw}]"),
        None => "[]".to_owned(),
    };
    vars.raw("level", level.as_str())
        .raw("lang", lang.pick("en", "ja"))
        // Padded so that the comment after it stays in its column.
        .raw("frameworks", format!("{frameworks:<18}"));
    if let Some(org) = organization {
        vars.text("organization", org);
    }
    common.config.render(lang, &vars)
}

/// Schemas, editor settings, `.gitignore`, pre-commit and the GitHub workflow.
pub fn tooling(lang: Lang) -> Vec<File> {
    let common = data();
    let mut vars = Vars::new(&common.texts, lang);
    vars.raw("schema_dir", SCHEMA_DIR);
    let mut files: Vec<File> = crate::schema::FILES
        .iter()
        .map(|(name, text)| File::plain(format!("{SCHEMA_DIR}/{name}"), *text))
        .collect();
    files.extend(common.tooling.iter().map(|t| t.render(lang, &vars)));
    files
}
