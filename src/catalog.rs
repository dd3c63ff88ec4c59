//! The built-in framework catalogs of `controls/`, compiled into the binary and parsed on
//! first use.

use crate::i18n::Lang;
use crate::source::FileId;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The catalog files, by name. Frameworks come first; the others are starter lists.
const FRAMEWORK_FILES: &[(&str, &str)] = &[
    (
        "iso27001-2022",
        include_str!("../controls/iso27001-2022.yaml"),
    ),
    ("ipa-sme", include_str!("../controls/ipa-sme.yaml")),
];

#[derive(Debug, Deserialize)]
pub struct Group {
    pub id: String,
    pub title: String,
    pub title_ja: String,
}

#[derive(Debug, Deserialize)]
pub struct CatalogControl {
    pub id: String,
    pub group: String,
    pub title: String,
    pub title_ja: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub description_ja: Option<String>,
    #[serde(default)]
    pub replaces_2013: Vec<String>,
}

impl CatalogControl {
    pub fn title_in(&self, lang: Lang) -> &str {
        lang.pick(&self.title, &self.title_ja)
    }
}

#[derive(Debug, Deserialize)]
pub struct Framework {
    pub framework: String,
    pub title: String,
    pub title_ja: String,
    pub groups: Vec<Group>,
    pub controls: Vec<CatalogControl>,
    #[serde(skip)]
    index: HashMap<String, usize>,
}

impl Framework {
    pub fn control(&self, id: &str) -> Option<&CatalogControl> {
        self.index.get(id).map(|&i| &self.controls[i])
    }

    pub fn title_in(&self, lang: Lang) -> &str {
        lang.pick(&self.title, &self.title_ja)
    }
}

pub struct Catalogs {
    pub frameworks: Vec<Framework>,
}

impl Catalogs {
    pub fn framework(&self, name: &str) -> Option<&Framework> {
        self.frameworks.iter().find(|f| f.framework == name)
    }

    pub fn names(&self) -> Vec<&str> {
        self.frameworks
            .iter()
            .map(|f| f.framework.as_str())
            .collect()
    }
}

fn parse_catalog<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> T {
    let (docs, findings) = crate::yaml::parse(FileId(0), text, Lang::En);
    assert!(
        findings.is_empty() && docs.len() == 1,
        "built-in catalog {name} is not one valid YAML document: {findings:?}"
    );
    serde_json::from_value(docs[0].root.to_json())
        .unwrap_or_else(|e| panic!("built-in catalog {name} has the wrong shape: {e}"))
}

/// The catalogs; a broken built-in file is a bug caught by the test suite, hence the panics.
pub fn catalogs() -> &'static Catalogs {
    static CATALOGS: OnceLock<Catalogs> = OnceLock::new();
    CATALOGS.get_or_init(|| Catalogs {
        frameworks: FRAMEWORK_FILES
            .iter()
            .map(|(name, text)| {
                let mut f: Framework = parse_catalog(name, text);
                f.index = f
                    .controls
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (c.id.clone(), i))
                    .collect();
                f
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annex_a_has_93_controls_in_four_themes() {
        let f = catalogs().framework("iso27001-2022").unwrap();
        assert_eq!(f.controls.len(), 93);
        let count = |g: &str| f.controls.iter().filter(|c| c.group == g).count();
        assert_eq!(
            (
                count("organizational"),
                count("people"),
                count("physical"),
                count("technological")
            ),
            (37, 8, 14, 34)
        );
        assert_eq!(f.control("8.5").unwrap().title, "Secure authentication");
        assert_eq!(f.control("5.10").unwrap().id, "5.10");
    }
}
