//! The configuration: the risk method of isms.yaml judged like an entity, each problem at
//! its setting. The problems are found once, when isms.yaml is read
//! ([`crate::config::MethodProblem`]); a method whose scales do not fit gives no levels, so
//! these findings are the only ones about it.

use super::{Context, declare_rule};
use crate::config::{MAX_STEPS, MethodProblem};
use crate::finding::Finding;
use crate::msg;

fn each(cx: &Context, out: &mut Vec<Finding>, f: impl Fn(&MethodProblem) -> Option<Finding>) {
    out.extend(cx.config.risk.problems.iter().filter_map(f));
}

declare_rule! {
    /// ## What it does
    /// Reports a scale of `risk:` in isms.yaml — `likelihood`, `impact` or `cia` — with
    /// more than 10 steps. Until it is fixed, no risk's level is computed.
    ///
    /// ## Why is this bad?
    /// Risk methods rate on 3 to 5 steps; nobody can tell step 37 from step 38 of a
    /// likelihood, and a heat map of 100000 × 100000 cells is no map (isms would have to
    /// hold ten billion cells). The number is almost always a typo, such as a rating written
    /// where the number of steps belongs.
    ///
    /// ## Example
    /// ```yaml
    /// risk:
    ///   likelihood: 100000
    /// ```
    /// Use instead:
    /// ```yaml
    /// risk:
    ///   likelihood: 3
    /// ```
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// isms.yaml の `risk:` の段階数（`likelihood`・`impact`・`cia`）が 10 を超えるものを報告します。
    /// 直すまでは、どのリスクのリスク値も計算しません。
    ///
    /// ## なぜ問題か
    /// リスク評価の段階は 3〜5 段階が普通で、37 段階目と 38 段階目を区別できる人はいません。
    /// 100000 × 100000 のヒートマップは図になりません（100 億のマスが必要です）。
    /// 評価値を段階数の欄に書いたといった、書き間違いがほとんどです。
    ///
    /// ## 例
    /// ```yaml
    /// risk:
    ///   likelihood: 100000
    /// ```
    /// 代わりに:
    /// ```yaml
    /// risk:
    ///   likelihood: 3
    /// ```
    pub struct ConfigScaleOutOfRange {
        code: "config/scale-out-of-range",
        severity: Error,
        summary: "A scale of the risk method has more than 10 steps",
        summary_ja: "リスク評価の段階数が 10 を超えている",
    }
}

impl ConfigScaleOutOfRange {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        each(cx, out, |p| {
            let MethodProblem::Scale {
                setting,
                value,
                span,
            } = p
            else {
                return None;
            };
            Some(
                cx.finding(
                    &Self::META,
                    *span,
                    msg!(
                        "`{setting}` is {value} steps, more than {MAX_STEPS}; no risk level is computed until it is fixed",
                        "`{setting}` が {value} 段階で、{MAX_STEPS} 段階を超えています（直すまでリスク値は計算しません）"
                    ),
                )
                .help(msg!(
                    "a scale has 2..{MAX_STEPS} steps; IPA's method uses 3",
                    "段階数は 2〜{MAX_STEPS} です（IPA の方法では 3）"
                ))
                .about("isms.yaml", *setting),
            )
        });
    }
}

declare_rule! {
    /// ## What it does
    /// Reports an importance rule that gives assets a higher importance than the impact
    /// scale has steps: `importance: sum` adds C + I + A, so with a `cia` scale of 3 the
    /// importance reaches 9 and `impact` needs 9 steps; `importance: max` needs `impact` at
    /// least as long as `cia`. Until it is fixed, no risk's level is computed.
    ///
    /// ## Why is this bad?
    /// A risk's impact is its assets' importance. With `sum` on an impact scale of 3, levels
    /// reach 27 while the register says 重要度 1〜3, the heat map has no row for most risks
    /// and the bands no longer mean what they say.
    ///
    /// ## Example
    /// ```yaml
    /// risk:
    ///   cia: 3
    ///   importance: sum
    ///   impact: 3
    /// ```
    /// Use instead: `impact: 9` with `importance: sum`, or `importance: max`.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 資産の重要度の算出方法が、重要度（`impact`）の段階数を超える値を出すものを報告します。
    /// `importance: sum` は機密性・完全性・可用性を合計するので、`cia` が 3 段階なら重要度は 9 まで上がり、
    /// `impact` には 9 段階が必要です。`importance: max` では、`impact` が `cia` 以上の段階数である必要があります。
    /// 直すまでは、どのリスクのリスク値も計算しません。
    ///
    /// ## なぜ問題か
    /// リスクの重要度は資産の重要度です。重要度 3 段階で `sum` を使うと、リスク値は 27 まで上がるのに
    /// 台帳には「重要度 1〜3」と書かれ、ヒートマップには多くのリスクの行がなく、
    /// リスク値の区分も意味を失います。
    ///
    /// ## 例
    /// ```yaml
    /// risk:
    ///   cia: 3
    ///   importance: sum
    ///   impact: 3
    /// ```
    /// 代わりに: `importance: sum` なら `impact: 9` とするか、`importance: max` にしてください。
    pub struct ConfigImportanceExceedsImpact {
        code: "config/importance-exceeds-impact",
        severity: Error,
        summary: "Asset importance can exceed the impact scale",
        summary_ja: "資産の重要度が重要度の段階数を超えうる",
    }
}

impl ConfigImportanceExceedsImpact {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        each(cx, out, |p| {
            let MethodProblem::Importance {
                highest,
                impact,
                sum,
                span,
            } = p
            else {
                return None;
            };
            let message = if *sum {
                msg!(
                    "`importance: sum` gives importances up to {highest} (C + I + A), but `risk.impact` has {impact} steps",
                    "`importance: sum` では重要度が {highest}（機密性 + 完全性 + 可用性）まで上がりますが、`risk.impact` は {impact} 段階です"
                )
            } else {
                msg!(
                    "`risk.cia` rates up to {highest}, but `risk.impact` has {impact} steps",
                    "`risk.cia` の評価は {highest} まで上がりますが、`risk.impact` は {impact} 段階です"
                )
            };
            Some(
                cx.finding(&Self::META, *span, message)
                    .help(msg!(
                        "set `risk.impact: {highest}`, or use `importance: max` with `risk.cia` no longer than `risk.impact`",
                        "`risk.impact: {highest}` にするか、`importance: max` にして `risk.cia` を `risk.impact` 以下の段階数にしてください"
                    ))
                    .about("isms.yaml", "risk.importance"),
            )
        });
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a `risk.matrix` that does not have one row per step of the impact scale
    /// (lowest first), each with one level per step of the likelihood scale. Until it is
    /// fixed, no risk's level is computed.
    ///
    /// ## Why is this bad?
    /// A missing cell would silently fall back to impact × likelihood, and an extra row
    /// names a step the scales do not have: the register would mix two methods.
    ///
    /// ## Example
    /// ```yaml
    /// risk:
    ///   likelihood: 3
    ///   impact: 3
    ///   matrix: [[1, 1, 2], [1, 2, 3]]
    /// ```
    /// Use instead: `matrix: [[1, 1, 2], [1, 2, 3], [2, 3, 3]]`.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// `risk.matrix` が、重要度の段階ごとに 1 行（低い順）、各行に被害発生可能性の段階ごとに 1 つのリスク値を
    /// 持っていないものを報告します。直すまでは、どのリスクのリスク値も計算しません。
    ///
    /// ## なぜ問題か
    /// 欠けたマスは黙って「重要度 × 被害発生可能性」で計算され、余分な行は存在しない段階を指します。
    /// 台帳に 2 つの算定方法が混ざってしまいます。
    ///
    /// ## 例
    /// ```yaml
    /// risk:
    ///   likelihood: 3
    ///   impact: 3
    ///   matrix: [[1, 1, 2], [1, 2, 3]]
    /// ```
    /// 代わりに: `matrix: [[1, 1, 2], [1, 2, 3], [2, 3, 3]]` のように書いてください。
    pub struct ConfigMatrixShape {
        code: "config/matrix-shape",
        severity: Error,
        summary: "The risk matrix does not fit the scales",
        summary_ja: "リスクマトリクスの形が段階数と合わない",
    }
}

impl ConfigMatrixShape {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        each(cx, out, |p| {
            let MethodProblem::Matrix {
                row,
                found,
                want,
                span,
            } = p
            else {
                return None;
            };
            let message = match row {
                None => msg!(
                    "`risk.matrix` has {found} rows, but `risk.impact` has {want} steps",
                    "`risk.matrix` は {found} 行ですが、`risk.impact` は {want} 段階です"
                ),
                Some(r) => msg!(
                    "row {r} of `risk.matrix` has {found} levels, but `risk.likelihood` has {want} steps",
                    "`risk.matrix` の {r} 行目はリスク値が {found} 個ですが、`risk.likelihood` は {want} 段階です"
                ),
            };
            Some(
                cx.finding(&Self::META, *span, message)
                    .help(msg!(
                        "one row per impact step, lowest first, each with one level per likelihood step",
                        "重要度の段階ごとに 1 行（低い順）、各行に被害発生可能性の段階ごとに 1 つのリスク値を書いてください"
                    ))
                    .about("isms.yaml", "risk.matrix"),
            )
        });
    }
}

declare_rule! {
    /// ## What it does
    /// Reports `risk.labels.likelihood` or `risk.labels.impact` that do not name every step
    /// of their scale exactly once (three labels for a scale of 3). Labels that do not fit
    /// are not printed.
    ///
    /// ## Why is this bad?
    /// The reports print "3 (高)" from the labels; with one label too few, the top step has
    /// no name, and with one too many, every name may be one step off.
    ///
    /// ## Example
    /// ```yaml
    /// risk:
    ///   likelihood: 3
    ///   labels:
    ///     likelihood: [低, 高]
    /// ```
    /// Use instead: `likelihood: [低, 中, 高]`.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// `risk.labels.likelihood` または `risk.labels.impact` の段階名の数が、段階数と一致しないものを報告します
    /// （3 段階なら 3 つ）。一致しない段階名は報告書に表示しません。
    ///
    /// ## なぜ問題か
    /// 報告書は段階名から「3 (高)」のように表示します。1 つ足りなければ最上位の段階に名前がなく、
    /// 1 つ多ければすべての名前が 1 段階ずれているかもしれません。
    ///
    /// ## 例
    /// ```yaml
    /// risk:
    ///   likelihood: 3
    ///   labels:
    ///     likelihood: [低, 高]
    /// ```
    /// 代わりに: `likelihood: [低, 中, 高]` と書いてください。
    pub struct ConfigLabelsMismatch {
        code: "config/labels-mismatch",
        severity: Error,
        summary: "The labels of a scale do not match its steps",
        summary_ja: "段階名の数が段階数と一致しない",
    }
}

impl ConfigLabelsMismatch {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        each(cx, out, |p| {
            let MethodProblem::Labels {
                setting,
                found,
                steps,
                span,
            } = p
            else {
                return None;
            };
            let scale = setting.rsplit('.').next().unwrap_or_default();
            Some(
                cx.finding(
                    &Self::META,
                    *span,
                    msg!(
                        "`{setting}` has {found} labels, but `risk.{scale}` has {steps} steps",
                        "`{setting}` の段階名は {found} 個ですが、`risk.{scale}` は {steps} 段階です"
                    ),
                )
                .help(msg!(
                    "give one label per step, lowest first",
                    "段階ごとに 1 つ、低い順に段階名を書いてください"
                ))
                .about("isms.yaml", *setting),
            )
        });
    }
}

declare_rule! {
    /// ## What it does
    /// Reports `risk.bands.high`, `risk.bands.medium` or `risk.acceptable` above the
    /// highest level the method can produce (9 on IPA's 3 × 3), and a `medium` band above
    /// the `high` one.
    ///
    /// ## Why is this bad?
    /// A band no level reaches is empty, and an appetite above every level accepts every
    /// risk: `acceptable: 12` on a 3 × 3 scale means no risk ever needs a treatment, which
    /// no auditor accepts as risk criteria (ISO/IEC 27001 6.1.2 a).
    ///
    /// ## Example
    /// ```yaml
    /// risk:
    ///   likelihood: 3
    ///   impact: 3
    ///   acceptable: 12
    /// ```
    /// Use instead: `acceptable: 3` (IPA's 小: levels 1 to 3).
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// `risk.bands.high`・`risk.bands.medium`・`risk.acceptable` が、算定方法で出せる最大のリスク値
    /// （IPA の 3 × 3 なら 9）を超えているもの、また `medium` が `high` より大きいものを報告します。
    ///
    /// ## なぜ問題か
    /// どのリスク値も届かない区分は空で、すべてのリスク値を超える受容基準はすべてのリスクを受容します。
    /// 3 × 3 で `acceptable: 12` とすると、どのリスクにもリスク対応が要らなくなり、
    /// リスク基準（ISO/IEC 27001 6.1.2 a）として監査で認められません。
    ///
    /// ## 例
    /// ```yaml
    /// risk:
    ///   likelihood: 3
    ///   impact: 3
    ///   acceptable: 12
    /// ```
    /// 代わりに: `acceptable: 3`（IPA の「小」: リスク値 1〜3）のように書いてください。
    pub struct ConfigLevelOutOfRange {
        code: "config/level-out-of-range",
        severity: Error,
        summary: "A band or the risk appetite is outside the levels the method produces",
        summary_ja: "リスク値の区分または受容基準が、算定方法の出すリスク値の範囲外",
    }
}

impl ConfigLevelOutOfRange {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        each(cx, out, |p| {
            let MethodProblem::Level {
                setting,
                value,
                min,
                max,
                span,
            } = p
            else {
                return None;
            };
            let message = if *setting == "risk.bands.medium" && *max == cx.config.risk.high {
                msg!(
                    "`risk.bands.medium` is {value}, above `risk.bands.high` ({max})",
                    "`risk.bands.medium` が {value} で、`risk.bands.high`（{max}）より大きくなっています"
                )
            } else {
                msg!(
                    "`{setting}` is {value}, but the method's levels go up to {max}",
                    "`{setting}` が {value} ですが、この算定方法のリスク値は最大 {max} です"
                )
            };
            Some(
                cx.finding(&Self::META, *span, message)
                    .help(msg!(
                        "use a level within {min}..{max}",
                        "{min}〜{max} の範囲のリスク値にしてください"
                    ))
                    .about("isms.yaml", *setting),
            )
        });
    }
}
