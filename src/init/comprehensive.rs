//! Lv.3 comprehensive approach (`starters/comprehensive.yaml`): one starter control for each
//! of the 93 controls of ISO/IEC 27001:2022 Annex A (status `planned`), generated from the
//! catalog, and the Statement of Applicability to fill in.

use super::emit::{Body, File};
use super::template::{self, FileTemplate, Text, Texts, Vars};
use crate::i18n::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

pub const FRAMEWORK: &str = "iso27001-2022";

const DATA: &str = include_str!("../../starters/comprehensive.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Comprehensive {
    pub roles: Vec<String>,
    #[serde(default)]
    texts: Texts,
    owners: Owners,
    themes: Themes,
    files: Vec<FileTemplate>,
}

/// Who starts as the owner of a placeholder control.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Owners {
    by_id: BTreeMap<String, String>,
    by_theme: BTreeMap<String, String>,
    default: String,
}

impl Owners {
    fn of(&self, theme: &str, id: &str) -> &str {
        self.by_id
            .get(id)
            .or_else(|| self.by_theme.get(theme))
            .unwrap_or(&self.default)
    }
}

/// The file of one Annex A theme, and the template of each of its placeholder controls.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Themes {
    path: String,
    header: Text,
    control: String,
}

pub(super) fn data() -> &'static Comprehensive {
    static DATA_: OnceLock<Comprehensive> = OnceLock::new();
    DATA_.get_or_init(|| crate::catalog::parse_catalog("starters/comprehensive", DATA))
}

/// `controls/iso27001-2022/<theme>.yaml`: the placeholders, one file per theme. Written only
/// into a new repository.
pub fn control_files(lang: Lang) -> Vec<File> {
    let data = data();
    let fw = crate::catalog::catalogs()
        .framework(FRAMEWORK)
        .expect("the built-in Annex A catalog");
    fw.groups
        .iter()
        .map(|g| {
            let controls: Vec<_> = fw.controls.iter().filter(|c| c.group == g.id).collect();
            let mut vars = Vars::new(&data.texts, lang);
            vars.raw("theme", &g.id).raw("count", controls.len()).text(
                "theme_title",
                lang.pick(&g.title.to_lowercase(), &g.title_ja).to_owned(),
            );
            let path = template::text(&data.themes.path, &vars, &data.themes.path);
            let header = template::text(data.themes.header.pick(lang), &vars, &path);
            let docs = controls
                .iter()
                .flat_map(|c| {
                    let description = lang
                        .pick(
                            c.description.as_deref().unwrap_or_default(),
                            c.description_ja.as_deref().unwrap_or_default(),
                        )
                        .to_owned();
                    assert!(!description.is_empty(), "Annex A {} has no summary", c.id);
                    let mut v = vars.clone();
                    v.raw("id", &c.id)
                        .text("title", c.title_in(lang))
                        .raw("owner", data.owners.of(&c.group, &c.id))
                        .text("description", description);
                    template::docs(&data.themes.control, lang, &v, &path)
                })
                .collect();
            File {
                path,
                header,
                body: Body::Docs(docs),
                fresh_only: true,
            }
        })
        .collect()
}

/// The files of Lv.3.
pub fn files(lang: Lang) -> Vec<File> {
    let data = data();
    let vars = Vars::new(&data.texts, lang);
    let mut out = super::common::role_files(&data.roles, lang);
    out.extend(control_files(lang));
    out.extend(data.files.iter().map(|f| f.render(lang, &vars)));
    // The policy as a document with its Markdown body, as baseline writes it.
    out.extend(super::baseline::policy_document(lang));
    out
}
