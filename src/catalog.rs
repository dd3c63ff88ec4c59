//! The built-in catalogs of `controls/`, compiled into the binary and parsed on first use:
//! the frameworks an organisation maps its controls to (ISO/IEC 27001:2022 Annex A, the IPA
//! SME self-assessment), the 2013 → 2022 correspondence, and the starter lists of threats
//! (IPA 10 major threats, ISO/IEC 27005) and vulnerabilities that `isms init` and
//! `isms catalog` draw on.

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

/// The other catalog files: the correspondence table and the starter lists.
const CORRESPONDENCE_FILE: &str = include_str!("../controls/iso27001-2013-to-2022.yaml");
const IPA_THREATS_FILE: &str = include_str!("../controls/threats-ipa-10.yaml");
const ISO_THREATS_FILE: &str = include_str!("../controls/threats-iso27005.yaml");
const VULNERABILITIES_FILE: &str = include_str!("../controls/vulnerabilities.yaml");
const CLAUSES_FILE: &str = include_str!("../controls/iso27001-2022-clauses.yaml");

/// The name of the clauses 4–10 catalog: in `frameworks:` it turns the clause checklist on,
/// and `iso27001-2022-clauses:4.3` names a clause in a document's `satisfies`.
pub const CLAUSES: &str = "iso27001-2022-clauses";

/// What a clause asks to be documented.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Documented {
    Required,
    Expected,
    None,
}

/// One clause of ISO/IEC 27001:2022 4–10.
#[derive(Debug, Deserialize)]
pub struct Clause {
    pub id: String,
    pub group: String,
    pub title: String,
    pub title_ja: String,
    pub documented: Documented,
    /// Kinds (as written in `kind:`) whose entities in force satisfy the clause.
    #[serde(default)]
    pub records: Vec<String>,
    pub description: String,
    pub description_ja: String,
}

impl Clause {
    pub fn title_in(&self, lang: Lang) -> &str {
        lang.pick(&self.title, &self.title_ja)
    }
}

/// One input of a management review (9.3.2), with the key written under `inputs:`.
#[derive(Debug, Deserialize)]
pub struct ReviewInput {
    pub key: String,
    /// The item of 9.3.2: `a` … `g`, `d1` … `d4`.
    pub item: String,
    pub title: String,
    pub title_ja: String,
}

impl ReviewInput {
    pub fn title_in(&self, lang: Lang) -> &str {
        lang.pick(&self.title, &self.title_ja)
    }
}

/// ISO/IEC 27001:2022 clauses 4–10: the stage 1 checklist.
#[derive(Debug, Deserialize)]
pub struct ClauseCatalog {
    pub framework: String,
    pub title: String,
    pub title_ja: String,
    pub groups: Vec<Group>,
    pub clauses: Vec<Clause>,
    pub review_inputs: Vec<ReviewInput>,
}

impl ClauseCatalog {
    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.id == id)
    }
}

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
    /// ISO/IEC 27001:2022: a control with no 2013 predecessor.
    #[serde(default)]
    pub new_in_2022: Option<bool>,
    /// IPA self-assessment: the question as IPA asks it (Japanese only).
    #[serde(default)]
    pub question_ja: Option<String>,
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
    /// IPA: the five basic rules (情報セキュリティ5か条) and the questions that cover them.
    #[serde(default)]
    pub basic_rules: Vec<BasicRule>,
    /// How a control is cited outside the catalog ("A." for Annex A: "A.5.10"), so that a
    /// spreadsheet keeps the id as text.
    #[serde(default)]
    pub cite_prefix: String,
    #[serde(skip)]
    index: HashMap<String, usize>,
}

#[derive(Debug, Deserialize)]
pub struct BasicRule {
    pub id: String,
    pub title: String,
    pub title_ja: String,
    #[serde(default)]
    pub questions: Vec<String>,
}

/// ISO/IEC 27001:2013 Annex A → 2022 Annex A (ISO/IEC 27002:2022 Annex B, Table B.2).
#[derive(Debug, Deserialize)]
pub struct Correspondence {
    pub mappings: Vec<Mapping2013>,
}

/// One 2013 control and the 2022 controls its content went to.
#[derive(Debug, Deserialize)]
pub struct Mapping2013 {
    /// With the "A." prefix: `A.12.3.1`.
    pub id_2013: String,
    pub title_2013: String,
    /// 2022 ids without the prefix: `8.13`.
    pub to: Vec<String>,
}

impl Correspondence {
    /// The row of a 2013 id, written with or without the "A." prefix.
    pub fn get(&self, id: &str) -> Option<&Mapping2013> {
        let id = id.trim();
        let bare = strip_annex_prefix(id);
        self.mappings
            .iter()
            .find(|m| strip_annex_prefix(&m.id_2013) == bare)
    }

    /// The 2013 controls whose content went to a 2022 control.
    pub fn predecessors(&self, id_2022: &str) -> Vec<&Mapping2013> {
        let bare = strip_annex_prefix(id_2022.trim());
        self.mappings
            .iter()
            .filter(|m| m.to.iter().any(|t| t == bare))
            .collect()
    }
}

/// `A.12.3.1` → `12.3.1`; `a.8.5` → `8.5`; anything else unchanged.
pub fn strip_annex_prefix(id: &str) -> &str {
    id.strip_prefix("A.")
        .or_else(|| id.strip_prefix("a."))
        .unwrap_or(id)
}

/// A starter threat: one of IPA's 10 major threats or an ISO/IEC 27005 typical threat.
#[derive(Debug, Deserialize)]
pub struct StarterThreat {
    pub id: String,
    pub title: String,
    pub title_ja: String,
    /// The main origin: `deliberate`, `accidental` or `environmental`.
    pub origin: String,
    /// Every origin the source gives, when there are several.
    #[serde(default)]
    pub origins: Vec<String>,
    /// IPA: the rank in the year's list.
    #[serde(default)]
    pub rank: Option<u32>,
    /// ISO/IEC 27005: the group (physical damage, natural events, ...).
    #[serde(default)]
    pub group: Option<String>,
}

impl StarterThreat {
    pub fn title_in(&self, lang: Lang) -> &str {
        lang.pick(&self.title, &self.title_ja)
    }
}

#[derive(Debug, Deserialize)]
pub struct ThreatList {
    pub title: String,
    pub title_ja: String,
    /// IPA: the year of the list.
    #[serde(default)]
    pub year: Option<i64>,
    #[serde(default)]
    pub groups: Vec<Group>,
    pub threats: Vec<StarterThreat>,
}

/// A starter vulnerability, with the example threats that exploit it.
#[derive(Debug, Deserialize)]
pub struct StarterVulnerability {
    pub id: String,
    /// `hardware`, `software`, `network`, `personnel`, `site` or `organization`.
    pub category: String,
    pub title: String,
    pub title_ja: String,
    #[serde(default)]
    pub threats: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct VulnerabilityList {
    pub title: String,
    pub title_ja: String,
    pub vulnerabilities: Vec<StarterVulnerability>,
}

impl Framework {
    pub fn control(&self, id: &str) -> Option<&CatalogControl> {
        self.index.get(id).map(|&i| &self.controls[i])
    }

    pub fn title_in(&self, lang: Lang) -> &str {
        lang.pick(&self.title, &self.title_ja)
    }

    /// A control's id as it is cited: "A.5.10".
    pub fn cite(&self, id: &str) -> String {
        format!("{}{id}", self.cite_prefix)
    }
}

pub struct Catalogs {
    pub frameworks: Vec<Framework>,
    pub correspondence: Correspondence,
    /// IPA's 10 major threats for organisations, the current year.
    pub ipa_threats: ThreatList,
    /// ISO/IEC 27005 typical threats.
    pub iso_threats: ThreatList,
    pub vulnerabilities: VulnerabilityList,
    /// ISO/IEC 27001:2022 clauses 4–10.
    pub clauses: ClauseCatalog,
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

pub(crate) fn parse_catalog<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> T {
    let (docs, findings) = crate::yaml::parse(FileId(0), text);
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
        correspondence: parse_catalog("iso27001-2013-to-2022", CORRESPONDENCE_FILE),
        ipa_threats: parse_catalog("threats-ipa-10", IPA_THREATS_FILE),
        iso_threats: parse_catalog("threats-iso27005", ISO_THREATS_FILE),
        vulnerabilities: parse_catalog("vulnerabilities", VULNERABILITIES_FILE),
        clauses: parse_catalog(CLAUSES, CLAUSES_FILE),
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
        let new: Vec<&str> = f
            .controls
            .iter()
            .filter(|c| c.new_in_2022 == Some(true))
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(
            new,
            [
                "5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28"
            ]
        );
    }

    #[test]
    fn ipa_sme_has_25_questions_in_three_groups_and_five_rules() {
        let f = catalogs().framework("ipa-sme").unwrap();
        assert_eq!(f.controls.len(), 25);
        let count = |g: &str| f.controls.iter().filter(|c| c.group == g).count();
        assert_eq!((count("part1"), count("part2"), count("part3")), (5, 13, 7));
        assert_eq!(f.basic_rules.len(), 5);
        assert!(f.controls.iter().all(|c| c.question_ja.is_some()));
    }

    #[test]
    fn correspondence_has_114_rows_into_82_controls() {
        let c = &catalogs().correspondence;
        assert_eq!(c.mappings.len(), 114);
        let annex = catalogs().framework("iso27001-2022").unwrap();
        let mut targets = std::collections::BTreeSet::new();
        for m in &c.mappings {
            for t in &m.to {
                assert!(annex.control(t).is_some(), "{} -> {t}", m.id_2013);
                targets.insert(t.as_str());
            }
        }
        assert_eq!(targets.len(), 82);
        assert_eq!(c.get("A.12.3.1").unwrap().to, ["8.13"]);
        assert_eq!(c.get("12.3.1").unwrap().to, ["8.13"]);
        assert_eq!(c.get("A.18.2.3").unwrap().to, ["5.36", "8.8"]);
        // Table B.2 and Annex A's replaces_2013 agree, both ways.
        for control in &annex.controls {
            let mut from: Vec<&str> = c
                .predecessors(&control.id)
                .iter()
                .map(|m| m.id_2013.as_str())
                .collect();
            let mut declared: Vec<&str> =
                control.replaces_2013.iter().map(String::as_str).collect();
            from.sort_unstable();
            declared.sort_unstable();
            assert_eq!(from, declared, "{}", control.id);
        }
    }

    #[test]
    fn clauses_match_the_reference_list() {
        let c = &catalogs().clauses;
        assert_eq!(c.clauses.len(), 25);
        let required: Vec<&str> = c
            .clauses
            .iter()
            .filter(|c| c.documented == Documented::Required)
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(
            required,
            [
                "4.3", "5.2", "6.1.2", "6.1.3", "6.2", "7.2", "7.5", "8.1", "8.2", "8.3", "9.1",
                "9.2", "9.3", "10.2"
            ]
        );
        for clause in &c.clauses {
            assert!(
                c.groups.iter().any(|g| g.id == clause.group),
                "{}",
                clause.id
            );
            for kind in &clause.records {
                assert!(
                    crate::model::Kind::parse(kind).is_some(),
                    "{}: {kind}",
                    clause.id
                );
            }
        }
        assert_eq!(c.review_inputs.len(), 10);
    }

    #[test]
    fn starter_lists_are_complete_and_consistent() {
        let cat = catalogs();
        assert_eq!(cat.ipa_threats.year, Some(2026));
        assert_eq!(cat.ipa_threats.threats.len(), 10);
        for (i, t) in cat.ipa_threats.threats.iter().enumerate() {
            assert_eq!(t.id, format!("IPA-2026-{:02}", i + 1));
            assert_eq!(t.rank, Some(i as u32 + 1));
        }
        assert_eq!(cat.iso_threats.threats.len(), 43);
        assert_eq!(cat.vulnerabilities.vulnerabilities.len(), 84);
        let origins = ["deliberate", "accidental", "environmental"];
        for t in cat
            .ipa_threats
            .threats
            .iter()
            .chain(&cat.iso_threats.threats)
        {
            assert!(origins.contains(&t.origin.as_str()), "{}", t.id);
        }
        for v in &cat.vulnerabilities.vulnerabilities {
            for t in &v.threats {
                assert!(
                    cat.iso_threats.threats.iter().any(|x| &x.id == t),
                    "{} names unknown threat {t}",
                    v.id
                );
            }
        }
    }
}
