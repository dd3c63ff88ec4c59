//! The one place where a risk's level is computed. Another method (importance as C+I+A,
//! the three-factor 1–27 level) is one more case here, not a change across rules and reports.

use crate::config::{Importance, LikelihoodFrom, RiskMethod};
use crate::fields::Spanned;
use crate::model::{Asset, Model, Risk};

/// A rating on a scale `1..=max`, or `None`: a value off its scale is reported
/// (`schema/invalid`) and never used in a computation, so no rule judges a level built on it.
fn rating(value: Option<&Spanned<i64>>, max: i64) -> Option<i64> {
    value.map(|v| v.value).filter(|v| (1..=max).contains(v))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    Low,
    Medium,
    High,
}

impl Band {
    pub fn as_str(self) -> &'static str {
        match self {
            Band::Low => "low",
            Band::Medium => "medium",
            Band::High => "high",
        }
    }

    /// IPA's words: 小 / 中 / 大.
    pub fn ja(self) -> &'static str {
        match self {
            Band::Low => "小",
            Band::Medium => "中",
            Band::High => "大",
        }
    }
}

/// IPA's conversion table: likelihood (被害発生可能性) from the threat's occurrence
/// (起こりやすさ) and the vulnerability's exploitability (つけ込みやすさ), each 1..3.
/// Rows: occurrence 1..3; columns: exploitability 1..3.
pub const IPA_LIKELIHOOD: [[i64; 3]; 3] = [[1, 1, 1], [1, 1, 2], [1, 2, 3]];

/// A risk's numbers under the repository's method.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assessment {
    /// The impact the assets give (highest importance), if every asset is rated.
    pub computed_impact: Option<i64>,
    /// The impact in force: the computed one, unless a declared one has its reason (or
    /// nothing can be computed).
    pub impact: Option<i64>,
    /// The likelihood the method derives (IPA's table under `likelihood_from: ipa`).
    pub computed_likelihood: Option<i64>,
    /// The likelihood in force: the derived one, unless a declared one has its reason (or
    /// nothing is derived).
    pub likelihood: Option<i64>,
    pub level: Option<i64>,
    pub band: Option<Band>,
    /// After treatment: the residual factors replace the inherent ones they name.
    pub residual_level: Option<i64>,
    pub residual_band: Option<Band>,
    pub residual_impact: Option<i64>,
    pub residual_likelihood: Option<i64>,
    /// A declared value that the method overrules, as it has no reason
    /// (`risk/level-mismatch`): a declared impact or likelihood that differs from the
    /// derived one, a residual impact below the impact before treatment.
    pub impact_overruled: bool,
    pub likelihood_overruled: bool,
    pub residual_impact_overruled: bool,
}

/// Of a declared and a derived value, the one in force: the derived one wins unless the
/// declared one has a reason; declared but off its scale, it is unknown.
fn in_force(
    declared: Option<&Spanned<i64>>,
    reason: bool,
    derived: Option<i64>,
    max: i64,
) -> (Option<i64>, bool) {
    match (declared, derived) {
        (None, d) => (d, false),
        (Some(v), _) if !(1..=max).contains(&v.value) => (None, false),
        (Some(v), Some(d)) if v.value != d && !reason => (Some(d), true),
        (Some(v), _) => (Some(v.value), false),
    }
}

impl RiskMethod {
    pub fn importance(&self, asset: &Asset) -> Option<i64> {
        let c = rating(asset.confidentiality.as_ref(), self.cia)?;
        let i = rating(asset.integrity.as_ref(), self.cia)?;
        let a = rating(asset.availability.as_ref(), self.cia)?;
        Some(match self.importance {
            Importance::Max => c.max(i).max(a),
            Importance::Sum => c.saturating_add(i).saturating_add(a),
        })
    }

    /// The level of an impact and a likelihood: the explicit matrix when given, else the product.
    pub fn level(&self, impact: i64, likelihood: i64) -> i64 {
        if let Some(m) = &self.matrix {
            let row = usize::try_from(impact - 1).ok().and_then(|r| m.get(r));
            if let Some(v) = row.and_then(|row| {
                usize::try_from(likelihood - 1)
                    .ok()
                    .and_then(|c| row.get(c))
            }) {
                return *v;
            }
        }
        // Saturating: an absurd rating is reported by the scale check, never an overflow.
        impact.saturating_mul(likelihood)
    }

    pub fn band(&self, level: i64) -> Band {
        if level >= self.high {
            Band::High
        } else if level >= self.medium {
            Band::Medium
        } else {
            Band::Low
        }
    }

    /// The highest level the method can produce, for heat maps and scales: the highest cell
    /// (an explicit matrix need not grow to its corner). Scales are capped at
    /// [`crate::config::MAX_STEPS`], so this looks at 100 cells at most.
    pub fn max_level(&self) -> i64 {
        (1..=self.impact)
            .flat_map(|i| (1..=self.likelihood).map(move |l| (i, l)))
            .map(|(i, l)| self.level(i, l))
            .max()
            .unwrap_or(0)
    }

    /// IPA likelihood of a risk: its threat's occurrence with the weakest (most exploitable)
    /// of its vulnerabilities.
    pub fn ipa_likelihood(&self, model: &Model, risk: &Risk) -> Option<i64> {
        let occurrence = model
            .threat(risk.threat.as_ref()?.as_str())?
            .occurrence
            .as_ref()
            .and_then(|o| rating(Some(o), 3))?;
        // A vulnerability that cannot be read (its file broken, its id misspelt) or whose
        // rating is off the scale may be the weakest: then the likelihood is unknown, and
        // the one finding is that vulnerability's, not a derived value that disagrees.
        let mut exploitability = None;
        for v in &risk.vulnerabilities {
            let v = model.vulnerability(v.as_str())?;
            match &v.exploitability {
                Some(e) => exploitability = exploitability.max(Some(rating(Some(e), 3)?)),
                None => continue,
            }
        }
        ipa_likelihood(occurrence, exploitability?)
    }

    pub fn assess(&self, model: &Model, risk: &Risk) -> Assessment {
        let importances: Vec<Option<i64>> = risk
            .assets
            .iter()
            .map(|a| model.asset(a.as_str()).and_then(|a| self.importance(a)))
            .collect();
        let computed_impact = if importances.is_empty() || importances.iter().any(Option::is_none) {
            None
        } else {
            importances.into_iter().flatten().max()
        };
        let computed_likelihood = match self.likelihood_from {
            LikelihoodFrom::Declared => None,
            LikelihoodFrom::Ipa => self.ipa_likelihood(model, risk),
        };
        if !self.usable() {
            // A method whose settings do not fit gives no level: the configuration's
            // finding is the one finding.
            return Assessment::default();
        }
        let (impact, impact_overruled) = in_force(
            risk.impact.as_ref(),
            risk.impact_reason.is_some(),
            computed_impact,
            self.impact,
        );
        let (likelihood, likelihood_overruled) = in_force(
            risk.likelihood.as_ref(),
            risk.likelihood_reason.is_some(),
            computed_likelihood,
            self.likelihood,
        );
        let level = impact.zip(likelihood).map(|(i, l)| self.level(i, l));
        let residual = risk.residual.as_ref();
        let declared_impact = residual.and_then(|r| r.impact.as_ref());
        // Under the IPA method controls lower the likelihood; importance belongs to the asset.
        // A lower impact after treatment needs its reason, else the residual is unknown (and
        // judged by nothing) until it has one.
        let unreasoned = declared_impact.zip(impact).is_some_and(|(d, i)| {
            d.value < i && residual.is_some_and(|r| r.impact_reason.is_none())
        });
        // Below an inherent impact that was itself overruled, but not below the one the risk
        // declares: that declared impact is the one mistake (and its one finding); the
        // residual is unknown until it is fixed, and not reported again.
        let residual_impact_overruled = unreasoned
            && !(impact_overruled
                && declared_impact
                    .zip(risk.impact.as_ref())
                    .is_some_and(|(d, i)| d.value >= i.value));
        let residual_impact = match declared_impact {
            _ if unreasoned => None,
            Some(i) => rating(Some(i), self.impact),
            None => impact,
        };
        let residual_likelihood = match residual.and_then(|r| r.likelihood.as_ref()) {
            Some(l) => rating(Some(l), self.likelihood),
            None => likelihood,
        };
        let residual_level = residual.and_then(|_| {
            residual_impact
                .zip(residual_likelihood)
                .map(|(i, l)| self.level(i, l))
        });
        Assessment {
            computed_impact,
            impact,
            computed_likelihood,
            likelihood,
            level,
            band: level.map(|l| self.band(l)),
            residual_level,
            residual_band: residual_level.map(|l| self.band(l)),
            residual_impact: residual.and(residual_impact),
            residual_likelihood: residual.and(residual_likelihood),
            impact_overruled,
            likelihood_overruled,
            residual_impact_overruled,
        }
    }
}

/// IPA's conversion, for ratings 1..3; `None` outside the table.
pub fn ipa_likelihood(occurrence: i64, exploitability: i64) -> Option<i64> {
    let row = IPA_LIKELIHOOD.get(usize::try_from(occurrence - 1).ok()?)?;
    row.get(usize::try_from(exploitability - 1).ok()?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipa_conversion_table_all_nine_cells() {
        // (occurrence, exploitability) -> likelihood, as IPA's table.
        let cells = [
            (3, 3, 3),
            (3, 2, 2),
            (3, 1, 1),
            (2, 3, 2),
            (2, 2, 1),
            (2, 1, 1),
            (1, 3, 1),
            (1, 2, 1),
            (1, 1, 1),
        ];
        for (o, e, l) in cells {
            assert_eq!(
                ipa_likelihood(o, e),
                Some(l),
                "occurrence {o}, exploitability {e}"
            );
        }
        assert_eq!(ipa_likelihood(4, 1), None);
    }

    #[test]
    fn ipa_risk_value_matrix_and_bands() {
        let m = RiskMethod::default();
        let expected = [[1, 2, 3], [2, 4, 6], [3, 6, 9]];
        for impact in 1..=3 {
            for likelihood in 1..=3 {
                assert_eq!(
                    m.level(impact, likelihood),
                    expected[impact as usize - 1][likelihood as usize - 1]
                );
            }
        }
        assert_eq!(m.band(9), Band::High);
        assert_eq!(m.band(6), Band::High);
        assert_eq!(m.band(4), Band::Medium);
        assert_eq!(m.band(3), Band::Low);
        assert_eq!(m.band(1), Band::Low);
    }

    #[test]
    fn explicit_matrix_wins_over_the_product() {
        let m = RiskMethod {
            matrix: Some(vec![vec![1, 1, 2], vec![1, 2, 3], vec![2, 3, 3]]),
            ..RiskMethod::default()
        };
        assert_eq!(m.level(3, 3), 3);
        assert_eq!(m.level(1, 3), 2);
    }
}
