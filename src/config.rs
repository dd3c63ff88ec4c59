//! `isms.yaml`: the repository's settings, read tolerantly (the config schema reports shape
//! errors; what is missing takes its default).

use crate::fields::{Fields, Spanned, Text};
use crate::finding::Severity;
use crate::i18n::Lang;
use crate::source::Span;
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

/// The most steps a scale may have. Risk methods use 3 to 5; beyond 10 a heat map is no
/// longer readable, and an absurd scale (100000) would make a report allocate its square.
pub const MAX_STEPS: i64 = 10;

/// A setting of `risk:` that does not fit the others, found once when isms.yaml is read and
/// reported by the `config/...` rules at the setting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MethodProblem {
    /// `risk.likelihood`, `risk.impact` or `risk.cia` has more than [`MAX_STEPS`] steps.
    Scale {
        setting: &'static str,
        value: i64,
        span: Span,
    },
    /// The importance an asset can get does not fit the impact scale.
    Importance {
        highest: i64,
        impact: i64,
        sum: bool,
        span: Span,
    },
    /// `risk.matrix` does not have one row per impact step of one cell per likelihood step.
    Matrix {
        /// The 1-based row that has the wrong length, or `None` for the number of rows.
        row: Option<usize>,
        found: usize,
        want: i64,
        span: Span,
    },
    /// `risk.labels.likelihood` or `.impact` does not name every step once.
    Labels {
        setting: &'static str,
        found: usize,
        steps: i64,
        span: Span,
    },
    /// `risk.bands.high`, `risk.bands.medium` or `risk.acceptable` outside the levels the
    /// method can produce (`min..=max`).
    Level {
        setting: &'static str,
        value: i64,
        min: i64,
        max: i64,
        span: Span,
    },
}

impl MethodProblem {
    /// Whether levels computed under this method would mean nothing: then no risk is
    /// assessed (its level is unknown), so the one finding is the configuration's.
    pub fn breaks_levels(&self) -> bool {
        matches!(
            self,
            MethodProblem::Scale { .. }
                | MethodProblem::Importance { .. }
                | MethodProblem::Matrix { .. }
        )
    }
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
    pub likelihood_labels: Vec<ScaleLabel>,
    pub impact_labels: Vec<ScaleLabel>,
    pub likelihood_from: LikelihoodFrom,
    /// What does not fit, in the order of the settings; empty for the default method.
    pub problems: Vec<MethodProblem>,
}

/// The name of a step of a scale, per language: `高` (the same in both), or
/// `{ja: 高, en: high}`; a language left out takes the other's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScaleLabel {
    pub en: String,
    pub ja: String,
}

impl ScaleLabel {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.en, &self.ja)
    }

    /// The labels of a list under `labels:`, each a string or a `{ja, en}` mapping.
    fn list(labels: &Fields, key: &str) -> Vec<ScaleLabel> {
        let Some(items) = labels.node(key).and_then(Node::as_seq) else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| {
                if let Some(t) = crate::fields::text_of(item) {
                    return Some(ScaleLabel {
                        en: t.value.clone(),
                        ja: t.value,
                    });
                }
                item.as_map()?;
                let f = Fields::new(item);
                let (en, ja) = (f.text("en").map(|t| t.value), f.text("ja").map(|t| t.value));
                let either = en.clone().or_else(|| ja.clone())?;
                Some(ScaleLabel {
                    en: en.unwrap_or_else(|| either.clone()),
                    ja: ja.unwrap_or(either),
                })
            })
            .collect()
    }
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
            problems: Vec::new(),
        }
    }
}

impl RiskMethod {
    /// Whether levels can be computed: no setting breaks them.
    pub fn usable(&self) -> bool {
        !self.problems.iter().any(MethodProblem::breaks_levels)
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
            config.risk = read_method(&r);
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

/// Reads `risk:` and judges how its settings fit together. Every scale is capped at
/// [`MAX_STEPS`] before anything uses it, so no setting makes a report allocate beyond it.
fn read_method(r: &Fields) -> RiskMethod {
    let mut m = RiskMethod::default();
    let mut problems = Vec::new();
    let mut scale = |key: &'static str, default: i64| -> i64 {
        let Some(v) = r.int(key) else { return default };
        if v.value > MAX_STEPS {
            problems.push(MethodProblem::Scale {
                setting: match key {
                    "likelihood" => "risk.likelihood",
                    "impact" => "risk.impact",
                    _ => "risk.cia",
                },
                value: v.value,
                span: v.span,
            });
        }
        // Below 2 is the schema's finding; the method keeps a scale of at least one step.
        v.value.clamp(1, MAX_STEPS)
    };
    m.likelihood = scale("likelihood", m.likelihood);
    m.impact = scale("impact", m.impact);
    m.cia = scale("cia", m.cia);
    let acceptable = r.int("acceptable");
    if let Some(a) = &acceptable {
        m.acceptable = a.value;
    }
    let bands = r.sub("bands");
    let high = bands.and_then(|b| b.int("high"));
    let medium = bands.and_then(|b| b.int("medium"));
    if let Some(h) = &high {
        m.high = h.value;
    }
    if let Some(x) = &medium {
        m.medium = x.value;
    }
    let importance = r.text("importance");
    if importance.as_ref().is_some_and(|t| t.value == "sum") {
        m.importance = Importance::Sum;
    }
    if r.text("likelihood_from").is_some_and(|t| t.value == "ipa") {
        m.likelihood_from = LikelihoodFrom::Ipa;
    }
    let scales_fit = problems.is_empty();
    // The importance an asset can reach must be a step of the impact scale.
    let highest = match m.importance {
        Importance::Max => m.cia,
        Importance::Sum => m.cia * 3,
    };
    if scales_fit && highest > m.impact {
        let span = importance
            .as_ref()
            .map(|t| t.span)
            .or_else(|| r.int("impact").map(|v| v.span))
            .or_else(|| r.key_span("cia"))
            .unwrap_or(r.node.span);
        problems.push(MethodProblem::Importance {
            highest,
            impact: m.impact,
            sum: m.importance == Importance::Sum,
            span,
        });
    }
    if let Some(node) = r.node("matrix") {
        if let Some(rows) = node.as_seq() {
            let span = r.key_span("matrix").unwrap_or(node.span);
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
            if scales_fit {
                if i64::try_from(matrix.len()).ok() != Some(m.impact) {
                    problems.push(MethodProblem::Matrix {
                        row: None,
                        found: matrix.len(),
                        want: m.impact,
                        span,
                    });
                } else if let Some((i, row)) = matrix
                    .iter()
                    .enumerate()
                    .find(|(_, row)| i64::try_from(row.len()).ok() != Some(m.likelihood))
                {
                    problems.push(MethodProblem::Matrix {
                        row: Some(i + 1),
                        found: row.len(),
                        want: m.likelihood,
                        span: rows[i].span,
                    });
                }
            }
            m.matrix = Some(matrix);
        }
    }
    if let Some(l) = r.sub("labels") {
        for (key, setting, steps) in [
            ("likelihood", "risk.labels.likelihood", m.likelihood),
            ("impact", "risk.labels.impact", m.impact),
        ] {
            let labels = ScaleLabel::list(&l, key);
            let Some(span) = l.key_span(key) else {
                continue;
            };
            if scales_fit && i64::try_from(labels.len()).ok() != Some(steps) {
                problems.push(MethodProblem::Labels {
                    setting,
                    found: labels.len(),
                    steps,
                    span,
                });
                // Labels that do not name the steps are not printed.
                continue;
            }
            match key {
                "likelihood" => m.likelihood_labels = labels,
                _ => m.impact_labels = labels,
            }
        }
    }
    // Bands and appetite within the levels this method produces, when it produces any.
    let broken = problems.iter().any(MethodProblem::breaks_levels);
    if !broken {
        // The highest cell of the matrix (checked above to have the scales' shape), else the
        // product of the two scales.
        let max = m
            .matrix
            .iter()
            .flatten()
            .flatten()
            .copied()
            .max()
            .unwrap_or(m.impact * m.likelihood);
        for (setting, value, min) in [
            ("risk.bands.high", &high, 1),
            ("risk.bands.medium", &medium, 1),
            ("risk.acceptable", &acceptable, 0),
        ] {
            let Some(v) = value else { continue };
            // The schema's minimum reports values below it.
            if v.value >= min && v.value > max {
                problems.push(MethodProblem::Level {
                    setting,
                    value: v.value,
                    min,
                    max,
                    span: v.span,
                });
            }
        }
        if let (Some(x), true) = (&medium, m.medium > m.high && m.high <= max) {
            problems.push(MethodProblem::Level {
                setting: "risk.bands.medium",
                value: x.value,
                min: 1,
                max: m.high,
                span: x.span,
            });
        }
    }
    m.problems = problems;
    m
}
