//! `isms.yaml`: the repository's settings, read tolerantly (the config schema reports shape
//! errors; what is missing takes its default).

use crate::fields::{Fields, Spanned, Text};
use crate::finding::Severity;
use crate::i18n::Lang;
use crate::yaml::Node;

pub const CONFIG_FILE: &str = "isms.yaml";

/// How an asset's importance comes from its C, I and A ratings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Importance {
    Max,
    Sum,
}

/// Where a risk's likelihood comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LikelihoodFrom {
    Declared,
    /// IPA: the threat's occurrence and the vulnerabilities' exploitability.
    Ipa,
}

/// The risk method: scales, how importance and level are computed, bands and appetite.
#[derive(Clone, Debug)]
pub struct RiskMethod {
    pub likelihood: i64,
    pub impact: i64,
    pub cia: i64,
    pub importance: Importance,
    pub high: i64,
    pub medium: i64,
    pub acceptable: i64,
    pub matrix: Option<Vec<Vec<i64>>>,
    pub likelihood_labels: Vec<String>,
    pub impact_labels: Vec<String>,
    pub likelihood_from: LikelihoodFrom,
}

impl Default for RiskMethod {
    /// IPA's method: 3 × 3, importance = max(C, I, A), 6–9 high, 4 medium, appetite 2.
    fn default() -> Self {
        RiskMethod {
            likelihood: 3,
            impact: 3,
            cia: 3,
            importance: Importance::Max,
            high: 6,
            medium: 4,
            acceptable: 2,
            matrix: None,
            likelihood_labels: Vec::new(),
            impact_labels: Vec::new(),
            likelihood_from: LikelihoodFrom::Declared,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Config {
    pub organization: Option<Text>,
    pub language: Option<Lang>,
    pub frameworks: Vec<Text>,
    pub exclude: Vec<Text>,
    /// Severity overrides: `None` is `off`.
    pub rules: Vec<(Text, Spanned<Option<Severity>>)>,
    pub risk: RiskMethod,
}

impl Config {
    pub fn from_node(node: &Node) -> Config {
        let f = Fields::new(node);
        let mut config = Config {
            organization: f.text("organization"),
            language: f.text("language").and_then(|t| Lang::parse(&t.value)),
            frameworks: f.texts("frameworks"),
            exclude: f.texts("exclude"),
            ..Config::default()
        };
        for (code, level) in f.text_map("rules") {
            let severity = match level.value.as_str() {
                "off" => None,
                s => match Severity::parse(s) {
                    Some(s) => Some(s),
                    None => continue,
                },
            };
            config
                .rules
                .push((code, Spanned::new(severity, level.span)));
        }
        if let Some(r) = f.sub("risk") {
            let m = &mut config.risk;
            let int = |key: &str, default: i64| r.int(key).map_or(default, |v| v.value);
            m.likelihood = int("likelihood", m.likelihood).max(1);
            m.impact = int("impact", m.impact).max(1);
            m.cia = int("cia", m.cia).max(1);
            m.acceptable = int("acceptable", m.acceptable);
            if let Some(b) = r.sub("bands") {
                m.high = b.int("high").map_or(m.high, |v| v.value);
                m.medium = b.int("medium").map_or(m.medium, |v| v.value);
            }
            if r.text("importance").is_some_and(|t| t.value == "sum") {
                m.importance = Importance::Sum;
            }
            if r.text("likelihood_from").is_some_and(|t| t.value == "ipa") {
                m.likelihood_from = LikelihoodFrom::Ipa;
            }
            if let Some(rows) = r.node("matrix").and_then(Node::as_seq) {
                let matrix: Vec<Vec<i64>> = rows
                    .iter()
                    .map(|row| {
                        row.as_seq()
                            .unwrap_or_default()
                            .iter()
                            .filter_map(|c| c.resolved()?.as_int())
                            .collect()
                    })
                    .collect();
                m.matrix = Some(matrix);
            }
            if let Some(l) = r.sub("labels") {
                m.likelihood_labels = l.strings("likelihood");
                m.impact_labels = l.strings("impact");
            }
        }
        config
    }

    /// The severity a finding of `code` gets here: the override, else the default.
    pub fn severity_of(&self, code: &str, default: Severity) -> Option<Severity> {
        self.rules
            .iter()
            .rev()
            .find(|(c, _)| c.value == code)
            .map_or(Some(default), |(_, s)| s.value)
    }
}
