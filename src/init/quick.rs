//! Lv.1 quick approach (`starters/quick.yaml`): one security standard per threat of IPA's 10
//! major threats, as the deck's ransomware example — 1. the threat, then organisational,
//! people, physical and technical measures (2–5), each a control with its procedure. Threat
//! ids and names come from `controls/threats-ipa-10.yaml`.

use super::emit::{Body, File};
use super::template::{self, FileTemplate, Texts, Vars};
use crate::catalog::StarterThreat;
use crate::i18n::Lang;
use serde::Deserialize;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../starters/quick.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Quick {
    pub roles: Vec<String>,
    texts: Texts,
    files: Vec<FileTemplate>,
    standards: Vec<Standard>,
}

/// The standard for one threat.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    /// `standards/<file>.yaml`.
    pub path: String,
    /// Rank in the current IPA list (1..10): the threat is `IPA-<year>-<rank>`.
    pub rank: u32,
    /// Id stem: `C-<key>-ORG`, `R-<key>`.
    pub key: String,
    /// IPA 起こりやすさ 1..3.
    pub occurrence: i64,
    docs: String,
    /// The file stem under `standards/`, also accepted by `--threat`.
    #[serde(skip)]
    pub file: String,
}

pub(super) fn data() -> &'static Quick {
    static DATA_: OnceLock<Quick> = OnceLock::new();
    DATA_.get_or_init(|| {
        let mut q: Quick = crate::catalog::parse_catalog("starters/quick", DATA);
        for s in &mut q.standards {
            s.file = s
                .path
                .strip_prefix("standards/")
                .and_then(|p| p.strip_suffix(".yaml"))
                .unwrap_or_else(|| {
                    panic!("starters/quick.yaml: {} is not standards/*.yaml", s.path)
                })
                .to_owned();
        }
        q
    })
}

/// The standards, by rank.
pub fn standards() -> &'static [Standard] {
    &data().standards
}

/// The standard a `--threat` value names: an id (`IPA-2026-01`), a rank (`1`), a file
/// stem (`ransomware`), in any case, or the threat's name in Japanese or English, whole or
/// a part that names only it (`内部不正`, `ランサム`, `Business email`).
pub fn find(value: &str, threats: &[StarterThreat]) -> Option<&'static Standard> {
    let v = value.trim();
    let threat_of = |s: &Standard| threats.iter().find(|t| t.rank == Some(s.rank));
    let exact = standards().iter().find(|s| {
        v.eq_ignore_ascii_case(&s.file)
            || v.eq_ignore_ascii_case(&s.key)
            || v.parse::<u32>().ok() == Some(s.rank)
            || threat_of(s)
                .is_some_and(|t| t.id.eq_ignore_ascii_case(v) || t.title == v || t.title_ja == v)
    });
    if exact.is_some() || v.chars().count() < 2 {
        return exact;
    }
    // A part of a name, when it names one threat only.
    let lower = v.to_lowercase();
    let mut named = standards().iter().filter(|s| {
        threat_of(s)
            .is_some_and(|t| t.title_ja.contains(v) || t.title.to_lowercase().contains(&lower))
    });
    match (named.next(), named.next()) {
        (Some(s), None) => Some(s),
        _ => None,
    }
}

/// The name `--threat` most likely meant, for a did-you-mean: the closest file stem
/// (`suply-chain` → `supply-chain`) or id.
pub fn meant(value: &str, threats: &[StarterThreat]) -> Option<String> {
    let names: Vec<&str> = standards()
        .iter()
        .map(|s| s.file.as_str())
        .chain(threats.iter().map(|t| t.id.as_str()))
        .collect();
    crate::suggest::did_you_mean(value.trim(), names).map(str::to_owned)
}

/// `standards/<file>.yaml`: the threat, its vulnerability and risk, and the four measures.
/// `declare_likelihood`: the repository does not derive likelihood the IPA way, so the risk
/// states the value IPA's table gives.
pub fn standard_file(
    s: &Standard,
    threat: &StarterThreat,
    year: i64,
    lang: Lang,
    declare_likelihood: bool,
) -> File {
    let data = data();
    let likelihood = crate::risk::ipa_likelihood(s.occurrence, 3).unwrap_or(3);
    let mut vars = Vars::new(&data.texts, lang);
    vars.raw("threat", &threat.id)
        .text("threat_name", threat.title_in(lang))
        .raw("origin", &threat.origin)
        .raw("year", year)
        .raw("rank", s.rank)
        .raw("occurrence", s.occurrence)
        .raw("likelihood", likelihood)
        .raw("level", 3 * likelihood)
        .alias("occurrence_help", &format!("occurrence_{}", s.occurrence))
        .alias(
            "likelihood_note",
            if declare_likelihood {
                "likelihood_declared"
            } else {
                "likelihood_derived"
            },
        );
    let header = template::text("$standard_header", &vars, &s.path);
    File {
        path: s.path.clone(),
        header,
        body: Body::Docs(template::docs(&s.docs, lang, &vars, &s.path)),
        fresh_only: false,
    }
}

/// The files of Lv.1 for the chosen standards.
pub fn files(standards: &[&Standard], lang: Lang, declare_likelihood: bool) -> Vec<File> {
    let data = data();
    let cat = crate::catalog::catalogs();
    let year = cat.ipa_threats.year.unwrap_or(2026);
    let vars = Vars::new(&data.texts, lang);
    let mut out = super::common::role_files(&data.roles, lang);
    out.extend(data.files.iter().map(|f| f.render(lang, &vars)));
    for s in standards {
        let Some(threat) = cat
            .ipa_threats
            .threats
            .iter()
            .find(|t| t.rank == Some(s.rank))
        else {
            continue;
        };
        out.push(standard_file(s, threat, year, lang, declare_likelihood));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_standard_per_threat_of_the_current_list() {
        let cat = crate::catalog::catalogs();
        assert_eq!(standards().len(), cat.ipa_threats.threats.len());
        for (i, s) in standards().iter().enumerate() {
            assert_eq!(s.rank as usize, i + 1);
            assert!((1..=3).contains(&s.occurrence));
        }
        let t = &cat.ipa_threats.threats;
        assert_eq!(find("IPA-2026-01", t).unwrap().file, "ransomware");
        assert_eq!(find("ipa-2026-10", t).unwrap().key, "BEC");
        assert_eq!(find("3", t).unwrap().key, "AI");
        assert_eq!(find("Ransomware", t).unwrap().rank, 1);
        assert!(find("IPA-2025-01", t).is_none());
    }
}
