//! Risks: assessed, treated, and accepted only within the appetite.

use super::{Context, SchemaInvalid, declare_rule};
use crate::config::LikelihoodFrom;
use crate::fields::Spanned;
use crate::finding::Finding;
use crate::model::{Risk, TreatmentOption};
use crate::msg;
use crate::risk::{Assessment, Band};

/// The risks that have an id, with their assessments. A risk without an id counts for
/// what it references; its one finding is the schema's.
fn risks<'a>(cx: &'a Context) -> impl Iterator<Item = (&'a Risk, &'a Assessment)> {
    cx.model
        .risks
        .iter()
        .zip(&cx.analysis.assessments)
        .filter(|(r, _)| !r.id.value.is_empty())
}

fn option_of(r: &Risk) -> Option<&Spanned<TreatmentOption>> {
    r.treatment.as_ref().and_then(|t| t.option.as_ref())
}

declare_rule! {
    /// ## What it does
    /// Reports a risk that has no `treatment` although the risk criteria do not accept it:
    /// its level exceeds the risk appetite (`risk.acceptable` in isms.yaml), or it is in the
    /// high band (`risk.bands.high`), which always needs a treatment. An acceptance is a
    /// treatment (`option: accept`, with who accepted it and when).
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 6.1.2 e) compares the analysed risks with the risk criteria, and 6.1.3
    /// a) selects a treatment for each risk the criteria do not accept. A risk above the
    /// appetite with no decision is the first thing an auditor flags.
    ///
    /// ## Example
    /// ```yaml
    /// kind: risk
    /// id: R-001
    /// assets: [A-001]      # importance 2
    /// likelihood: 2        # level 4, above the appetite of 3
    /// ```
    /// Use instead:
    /// ```yaml
    /// treatment:
    ///   option: reduce
    ///   controls: [C-BACKUP]
    /// ```
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// リスク基準が受け入れないのに、リスク対応（`treatment`）が書かれていないリスクを報告します。
    /// リスク値がリスク受容基準（isms.yaml の `risk.acceptable`）を超えるリスクと、
    /// 常にリスク対応が必要な「大」の区分（`risk.bands.high` 以上）のリスクが対象です。
    /// 受容（`option: accept` と、誰がいつ受容したか）もリスク対応の一つです。
    ///
    /// ## なぜ問題か
    /// ISO/IEC 27001 の 6.1.2 e) は分析したリスクをリスク基準と比べることを、
    /// 6.1.3 a) は基準が受け入れないリスクごとにリスク対応を選ぶことを求めています。
    /// 受容基準を超えるのに何も決まっていないリスクは、監査で真っ先に指摘されます。
    ///
    /// ## 例
    /// ```yaml
    /// kind: risk
    /// id: R-001
    /// assets: [A-001]      # 重要度 2
    /// likelihood: 2        # リスク値 4、リスク受容基準 3 を超える
    /// ```
    /// 代わりに: 低減・移転・回避・受容のいずれかを選んで書きます（この例は低減）:
    /// ```yaml
    /// treatment:
    ///   option: reduce
    ///   controls: [C-BACKUP]
    /// ```
    pub struct RiskUntreated {
        code: "risk/untreated",
        severity: Error,
        summary: "A risk the criteria do not accept has no treatment",
        summary_ja: "リスク受容基準を超えるリスクにリスク対応がない",
    }
}

impl RiskUntreated {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        let method = &cx.config.risk;
        let (high, max) = (method.high, method.acceptable);
        for (r, a) in risks(cx) {
            // A document that broke its schema may hold its treatment under a misspelt key
            // (`treatmnt:`): the schema finding is the one finding.
            if r.treatment.is_some() || !r.schema_valid {
                continue;
            }
            let Some(level) = a.level else { continue };
            let id = &r.id.value;
            let message = if a.band == Some(Band::High) {
                msg!(
                    "risk {id} is high (level {level} ≥ {high}) but has no treatment",
                    "リスク {id} はリスク値 {level} で「大」（{high} 以上）ですが、リスク対応がありません"
                )
            } else if level > max {
                msg!(
                    "risk {id} exceeds the risk appetite (level {level} > {max}) but has no treatment",
                    "リスク {id} はリスク値 {level} でリスク受容基準 {max} を超えていますが、リスク対応がありません"
                )
            } else {
                continue;
            };
            out.push(
                cx.finding(&Self::META, r.id.span, message)
                    .help(msg!(
                        "add `treatment:` with `option: reduce | transfer | avoid | accept` (an acceptance names who accepted it: `accepted_by`, `accepted_on`)",
                        "`treatment:` に `option: reduce | transfer | avoid | accept` を書いてください（受容なら受容者 `accepted_by` と受容日 `accepted_on` も）"
                    ))
                    .about(r.id.as_str(), "treatment"),
            );
        }
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a treatment that lacks what its option needs: `reduce` without `controls`,
    /// `transfer` without `to` (who carries the risk), `accept` without `accepted_by` and
    /// `accepted_on` (who accepted it, and when).
    ///
    /// ## Why is this bad?
    /// The treatment plan must say what is done and by whom; risk owners must approve the
    /// residual risk (ISO/IEC 27001 6.1.3 e, f). An acceptance nobody signed is no acceptance.
    ///
    /// ## Example
    /// ```yaml
    /// treatment:
    ///   option: accept
    /// ```
    /// Use instead:
    /// ```yaml
    /// treatment:
    ///   option: accept
    ///   accepted_by: ROLE-CISO
    ///   accepted_on: 2026-04-01
    ///   rationale: 影響が小さく、対策費用が見合わない
    /// ```
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 選んだリスク対応に必要な項目が欠けているものを報告します。
    /// 低減（`reduce`）なのに `controls`（管理策）がない、
    /// 移転（`transfer`）なのに `to`（リスクの移転先）がない、
    /// 受容（`accept`）なのに `accepted_by` と `accepted_on`（誰が、いつ受容したか）がない、といった場合です。
    ///
    /// ## なぜ問題か
    /// リスク対応計画には、何を行い、誰が行うのかを書く必要があります。
    /// また、残留リスクはリスク所有者が承認しなければなりません（ISO/IEC 27001 6.1.3 e・f）。
    /// 誰も承認していない受容は、受容とはいえません。
    ///
    /// ## 例
    /// ```yaml
    /// treatment:
    ///   option: accept
    /// ```
    /// 代わりに:
    /// ```yaml
    /// treatment:
    ///   option: accept
    ///   accepted_by: ROLE-CISO
    ///   accepted_on: 2026-04-01
    ///   rationale: 影響が小さく、対策費用が見合わない
    /// ```
    pub struct RiskTreatmentIncomplete {
        code: "risk/treatment-incomplete",
        severity: Error,
        summary: "A treatment lacks what its option needs",
        summary_ja: "リスク対応に必要な項目が欠けている",
    }
}

impl RiskTreatmentIncomplete {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for (r, _) in risks(cx) {
            let (Some(t), Some(option)) = (&r.treatment, option_of(r)) else {
                continue;
            };
            let mut missing: Vec<&str> = match option.value {
                TreatmentOption::Reduce if t.controls.is_empty() => vec!["controls"],
                TreatmentOption::Transfer if t.to.is_none() => vec!["to"],
                TreatmentOption::Accept => [
                    ("accepted_by", t.accepted_by.is_none()),
                    ("accepted_on", t.accepted_on.is_none()),
                ]
                .into_iter()
                .filter_map(|(k, missing)| missing.then_some(k))
                .collect(),
                _ => vec![],
            };
            // Written with a value of the wrong shape is the schema's one finding, not missing.
            missing.retain(|k| !t.malformed.contains(k));
            if missing.is_empty() {
                continue;
            }
            let opt = option.value.as_str();
            let list = missing
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let help = match option.value {
                TreatmentOption::Reduce => msg!(
                    "list the controls that reduce the risk: `controls: [C-…]`",
                    "リスクを低減する管理策を `controls: [C-…]` に挙げてください"
                ),
                TreatmentOption::Transfer => msg!(
                    "say who carries the risk: `to: <insurer or contractor>`",
                    "移転先を `to:` に書いてください（保険会社、委託先など）"
                ),
                _ => msg!(
                    "the risk owner accepts it: `accepted_by: <role id>` and `accepted_on: YYYY-MM-DD`",
                    "リスク所有者の受容として `accepted_by: <役割 ID>` と `accepted_on: YYYY-MM-DD` を書いてください"
                ),
            };
            out.push(
                cx.finding(
                    &Self::META,
                    option.span,
                    msg!(
                        "treatment `{opt}` of risk {} has no {list}",
                        "リスク {} の対応 `{opt}` に {list} がありません",
                        r.id.value
                    ),
                )
                .help(help)
                .about(r.id.as_str(), "treatment.option"),
            );
        }
    }
}

declare_rule! {
    /// ## What it does
    /// Reports an accepted risk whose level exceeds the risk appetite (`risk.acceptable` in
    /// isms.yaml).
    ///
    /// ## Why is this bad?
    /// The appetite is the organisation's own limit for accepting risks without treatment.
    /// Accepting above it needs top management's explicit decision, or another treatment.
    ///
    /// ## Example
    /// ```yaml
    /// likelihood: 3           # level 6, appetite 2
    /// treatment: {option: accept, accepted_by: ROLE-CEO, accepted_on: 2026-04-01}
    /// ```
    /// Use instead: `option: reduce` with controls, or `transfer` (insurance).
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 受容（`accept`）したリスクのうち、リスク値がリスク受容基準
    /// （isms.yaml の `risk.acceptable`）を超えているものを報告します。
    ///
    /// ## なぜ問題か
    /// リスク受容基準は、対策をせずに受け入れてよいリスクの上限として、組織が自ら決めたものです。
    /// これを超えるリスクを受容するには、経営層がはっきりと判断する必要があります。
    /// そうでなければ、別のリスク対応を選んでください。
    ///
    /// ## 例
    /// ```yaml
    /// likelihood: 3           # リスク値 6、リスク受容基準 2
    /// treatment: {option: accept, accepted_by: ROLE-CEO, accepted_on: 2026-04-01}
    /// ```
    /// 代わりに: 管理策を挙げて低減（`option: reduce`）するか、保険などで移転（`transfer`）してください。
    pub struct RiskAcceptedAboveAppetite {
        code: "risk/accepted-above-appetite",
        severity: Warning,
        summary: "An accepted risk exceeds the risk appetite",
        summary_ja: "受容したリスクがリスク受容基準を超えている",
    }
}

impl RiskAcceptedAboveAppetite {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        let max = cx.config.risk.acceptable;
        for (r, a) in risks(cx) {
            let Some(option) = option_of(r) else { continue };
            let Some(level) = a.level else { continue };
            if option.value == TreatmentOption::Accept && level > max {
                out.push(
                    cx.finding(
                        &Self::META,
                        option.span,
                        msg!("risk {} is accepted at level {level}, above the appetite of {max}",
                            "リスク {} はリスク値 {level} で受容されていますが、リスク受容基準 {max} を超えています",
                            r.id.value
                        ),
                    )
                    .help(msg!("reduce or transfer it, or raise `risk.acceptable` in isms.yaml by a management decision",
                        "低減・移転するか、経営判断として isms.yaml の `risk.acceptable` を見直してください"
                    )).about(r.id.as_str(), "treatment.option"),);
            }
        }
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a risk whose declared `residual` level (after treatment) still exceeds the
    /// risk appetite (`risk.acceptable`).
    ///
    /// ## Why is this bad?
    /// The treatment is not enough: the risk owner would have to accept a residual risk above
    /// what the organisation has agreed to carry.
    ///
    /// ## Example
    /// ```yaml
    /// likelihood: 3
    /// treatment: {option: reduce, controls: [C-BACKUP]}
    /// residual: {likelihood: 2}     # importance 3 × 2 = 6 > 3, the appetite
    /// ```
    /// Use instead: add controls until the likelihood they leave is within the appetite
    /// (`residual: {likelihood: 1}`: 3), or have the risk owner accept the residual risk.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// リスク対応後の残留リスクとして記載したレベル（`residual`）が、
    /// まだリスク受容基準（`risk.acceptable`）を超えているリスクを報告します。
    ///
    /// ## なぜ問題か
    /// リスク対応が足りていません。
    /// このままでは、組織として負うと決めた水準を超える残留リスクを、リスク所有者が受容することになります。
    ///
    /// ## 例
    /// ```yaml
    /// likelihood: 3
    /// treatment: {option: reduce, controls: [C-BACKUP]}
    /// residual: {likelihood: 2}     # 重要度 3 × 2 = 6 > 3（リスク受容基準）
    /// ```
    /// 代わりに: 管理策を追加して、残る被害発生可能性をリスク受容基準に収めてください
    /// （`residual: {likelihood: 1}` で 3）。または、リスク所有者が残留リスクを受容します。
    pub struct RiskResidualAboveAppetite {
        code: "risk/residual-above-appetite",
        severity: Warning,
        summary: "The residual risk exceeds the risk appetite",
        summary_ja: "残留リスクがリスク受容基準を超えている",
    }
}

impl RiskResidualAboveAppetite {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        let max = cx.config.risk.acceptable;
        for (r, a) in risks(cx) {
            let (Some(residual), Some(level)) = (&r.residual, a.residual_level) else {
                continue;
            };
            let accepted = option_of(r).is_some_and(|o| o.value == TreatmentOption::Accept);
            // A residual above the level before treatment is risk/residual-above-inherent's
            // one finding: the residual numbers are wrong, so no appetite is judged on them.
            let above_inherent = a.level.is_some_and(|before| level > before);
            if level > max && !accepted && !above_inherent {
                out.push(
                    cx.finding(
                        &Self::META,
                        residual.key,
                        msg!("the residual level of risk {} is {level}, above the appetite of {max}",
                            "リスク {} の残留リスクはリスク値 {level} で、リスク受容基準 {max} を超えています",
                            r.id.value
                        ),
                    )
                    .help(msg!("add controls that lower the likelihood further, or have the risk owner accept the residual risk explicitly",
                        "被害発生可能性をさらに下げる管理策を加えるか、リスク所有者が残留リスクを明示的に受容してください"
                    )).about(r.id.as_str(), "residual"),);
            }
        }
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a declared value that disagrees with the one the method derives and has no
    /// reason:
    /// - an `impact` other than the highest importance of the risk's assets, without
    ///   `impact_reason`;
    /// - a `likelihood` other than the one IPA's table derives from the threat's
    ///   `occurrence` and the vulnerabilities' `exploitability` (with
    ///   `likelihood_from: ipa`), without `likelihood_reason`;
    /// - a residual `impact` below the impact before treatment, without
    ///   `residual.impact_reason`;
    /// - a `level` other than the one computed from impact and likelihood.
    ///
    /// Until the reason is written, the derived value is used (the residual level is
    /// unknown).
    ///
    /// ## Why is this bad?
    /// A hand-written number drifts when an asset's rating or a threat changes, and the
    /// register then understates the risk. Under the IPA method the importance belongs to
    /// the asset and the controls lower the likelihood, so a lower impact after treatment is
    /// an exception that must say which control limits the damage. A deliberate override
    /// must say why.
    ///
    /// ## Example
    /// ```yaml
    /// assets: [A-001]     # importance 3
    /// likelihood: 2
    /// level: 4            # computed: 6
    /// residual: {likelihood: 1, impact: 2}
    /// ```
    /// Use instead: drop `level` (it is computed), and lower the likelihood the controls
    /// act on:
    /// ```yaml
    /// residual: {likelihood: 1}
    /// ```
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 記載した値が算定方法で求めた値と異なり、その理由が書かれていないものを報告します。
    /// - 重要度（`impact`）が、対象の資産の重要度のうち最も高いものと異なり、`impact_reason` がない
    /// - 被害発生可能性（`likelihood`）が、`likelihood_from: ipa` のもとで脅威の `occurrence` と
    ///   脆弱性の `exploitability` から IPA の表で求めた値と異なり、`likelihood_reason` がない
    /// - 残留リスクの重要度（`residual.impact`）が対応前の重要度より低く、`residual.impact_reason` がない
    /// - リスク値（`level`）が、重要度と被害発生可能性から計算した値と異なる
    ///
    /// 理由が書かれるまでは、算定方法で求めた値を使います（残留リスクは不明として扱います）。
    ///
    /// ## なぜ問題か
    /// 手で書いた値は、資産の評価や脅威を見直したときに更新されず、取り残されがちです。
    /// そうなると、リスク台帳はリスクを実際より低く見せてしまいます。
    /// IPA の方法では、重要度は資産に属し、管理策は被害発生可能性を下げます。
    /// 対応後に重要度が下がるのは例外で、どの管理策が被害そのものを小さくするのかを書く必要があります。
    /// 意図して値を変える場合は、その理由を書いてください。
    ///
    /// ## 例
    /// ```yaml
    /// assets: [A-001]     # 重要度 3
    /// likelihood: 2
    /// level: 4            # 計算値は 6
    /// residual: {likelihood: 1, impact: 2}
    /// ```
    /// 代わりに: `level` を削除し（自動で計算されます）、管理策が下げる被害発生可能性を書きます:
    /// ```yaml
    /// residual: {likelihood: 1}
    /// ```
    pub struct RiskLevelMismatch {
        code: "risk/level-mismatch",
        severity: Error,
        summary: "A declared value disagrees with the derived one and has no reason",
        summary_ja: "記載した値が算定方法で求めた値と異なり、理由がない",
    }
}

impl RiskLevelMismatch {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for (r, a) in risks(cx) {
            let id = r.id.as_str();
            if let (Some(declared), Some(computed), true) =
                (&r.impact, a.computed_impact, a.impact_overruled)
            {
                let d = declared.value;
                out.push(
                    cx.finding(
                        &Self::META,
                        declared.span,
                        msg!(
                            "impact {d} of risk {id} differs from {computed}, the highest importance of its assets; {computed} is used",
                            "リスク {id} の重要度 {d} が、資産の重要度の最大値 {computed} と異なります（{computed} を使います）"
                        ),
                    )
                    .help(msg!(
                        "remove `impact` to use the assets' importance, or add `impact_reason:` saying why it differs",
                        "`impact` を削除して資産の重要度を使うか、異なる理由を `impact_reason:` に書いてください"
                    ))
                    .about(id, "impact"),
                );
            }
            if let (Some(declared), Some(derived), true) =
                (&r.likelihood, a.computed_likelihood, a.likelihood_overruled)
            {
                let d = declared.value;
                out.push(
                    cx.finding(
                        &Self::META,
                        declared.span,
                        msg!(
                            "likelihood {d} of risk {id} differs from {derived}, which IPA's table gives for its threat's `occurrence` and its vulnerabilities' `exploitability`; {derived} is used",
                            "リスク {id} の被害発生可能性 {d} が、脅威の `occurrence` と脆弱性の `exploitability` から IPA の表で求めた {derived} と異なります（{derived} を使います）"
                        ),
                    )
                    .help(msg!(
                        "remove `likelihood` to use the derived one, or add `likelihood_reason:` saying why it differs",
                        "`likelihood` を削除して算定値を使うか、異なる理由を `likelihood_reason:` に書いてください"
                    ))
                    .about(id, "likelihood"),
                );
            }
            if let (Some(declared), Some(before), true) = (
                r.residual.as_ref().and_then(|res| res.impact.as_ref()),
                a.impact,
                a.residual_impact_overruled,
            ) {
                let d = declared.value;
                out.push(
                    cx.finding(
                        &Self::META,
                        declared.span,
                        msg!(
                            "the residual impact {d} of risk {id} is below its impact {before} before treatment, with no reason; the residual level is unknown until it has one",
                            "リスク {id} の残留リスクの重要度 {d} が対応前の重要度 {before} より低いのに、理由がありません（理由が書かれるまで残留リスクは不明として扱います）"
                        ),
                    )
                    .help(msg!(
                        "the importance belongs to the asset and controls lower the likelihood: write `residual: {{likelihood: …}}`; if a control limits the damage itself (encryption), say so in `residual.impact_reason`",
                        "重要度は資産に属し、管理策は被害発生可能性を下げます。`residual: {{likelihood: …}}` と書いてください。管理策が被害そのものを小さくする場合（暗号化など）は、その理由を `residual.impact_reason` に書いてください"
                    ))
                    .about(id, "residual.impact"),
                );
            }
            if let (Some(declared), Some(computed)) = (&r.level, a.level) {
                if declared.value != computed {
                    let d = declared.value;
                    let i = a.impact.unwrap_or_default();
                    let l = a.likelihood.unwrap_or_default();
                    out.push(
                        cx.finding(
                            &Self::META,
                            declared.span,
                            msg!("level {d} of risk {id} differs from the computed level {computed} (impact {i}, likelihood {l})",
                                "リスク {id} のリスク値 {d} が計算値 {computed}（重要度 {i} × 被害発生可能性 {l}）と異なります"
                            ),
                        )
                        .help(msg!("remove `level`: it is computed from impact and likelihood",
                            "`level` を削除してください（重要度と被害発生可能性から計算されます）"
                        )).about(id, "level"),);
                }
            }
        }
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a risk whose residual level (after treatment) is higher than its level before
    /// treatment.
    ///
    /// ## Why is this bad?
    /// A treatment cannot make a risk worse; the residual factors are mistyped or swapped.
    ///
    /// ## Example
    /// ```yaml
    /// likelihood: 1
    /// residual: {likelihood: 2}
    /// ```
    /// Use instead: `residual: {likelihood: 1}` or lower.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// リスク対応後の残留リスクのリスク値が、対応前のリスク値より高くなっているリスクを報告します。
    ///
    /// ## なぜ問題か
    /// リスク対応によってリスクが大きくなることはありません。
    /// 残留リスクの値の書き間違いか、値の取り違えと考えられます。
    ///
    /// ## 例
    /// ```yaml
    /// likelihood: 1
    /// residual: {likelihood: 2}
    /// ```
    /// 代わりに: `residual: {likelihood: 1}` かそれ以下にしてください。
    pub struct RiskResidualAboveInherent {
        code: "risk/residual-above-inherent",
        severity: Error,
        summary: "The residual level is above the level before treatment",
        summary_ja: "残留リスクが対応前のリスクより高い",
    }
}

impl RiskResidualAboveInherent {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for (r, a) in risks(cx) {
            let (Some(residual), Some(after), Some(before)) =
                (&r.residual, a.residual_level, a.level)
            else {
                continue;
            };
            if after > before {
                out.push(
                    cx.finding(
                        &Self::META,
                        residual.key,
                        msg!("the residual level {after} of risk {} is above its level {before} before treatment",
                            "リスク {} の残留リスクのリスク値 {after} が、対応前のリスク値 {before} より高くなっています",
                            r.id.value
                        ),
                    )
                    .help(msg!("residual likelihood and impact must not exceed the inherent ones",
                        "残留リスクの被害発生可能性・重要度は対応前の値以下にしてください"
                    )).about(r.id.as_str(), "residual"),);
            }
        }
    }
}

declare_rule! {
    /// ## What it does
    /// Reports an accepted risk whose acceptance `expires` date has passed (compared with
    /// today, or with `--today`).
    ///
    /// ## Why is this bad?
    /// Acceptance is a decision for a period; circumstances change. The risk owner must look
    /// at the risk again and accept it anew, or treat it.
    ///
    /// ## Example
    /// ```yaml
    /// treatment:
    ///   option: accept
    ///   accepted_by: ROLE-CISO
    ///   accepted_on: 2025-04-01
    ///   expires: 2026-03-31
    /// ```
    /// Use instead: review the risk, then update `accepted_on` and `expires`.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 受容したリスクのうち、受容の有効期限（`expires`）を過ぎているものを報告します
    /// （今日の日付、または `--today` で指定した日付と比べます）。
    ///
    /// ## なぜ問題か
    /// リスクの受容は、期間を区切って行う判断です。その間にも状況は変わります。
    /// リスク所有者がリスクを見直し、あらためて受容するか、別のリスク対応を決める必要があります。
    ///
    /// ## 例
    /// ```yaml
    /// treatment:
    ///   option: accept
    ///   accepted_by: ROLE-CISO
    ///   accepted_on: 2025-04-01
    ///   expires: 2026-03-31
    /// ```
    /// 代わりに: リスクを見直したうえで、`accepted_on` と `expires` を更新してください。
    pub struct RiskAcceptanceExpired {
        code: "risk/acceptance-expired",
        severity: Warning,
        summary: "A risk acceptance has expired",
        summary_ja: "リスク受容の有効期限が切れている",
    }
}

impl RiskAcceptanceExpired {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for (r, _) in risks(cx) {
            let Some(t) = &r.treatment else { continue };
            if option_of(r).is_none_or(|o| o.value != TreatmentOption::Accept) {
                continue;
            }
            let Some(expires) = &t.expires else { continue };
            if expires.value < cx.today {
                let (e, today) = (expires.value, cx.today);
                out.push(
                    cx.finding(
                        &Self::META,
                        expires.span,
                        msg!("the acceptance of risk {} expired on {e} (today is {today})",
                            "リスク {} の受容は {e} に期限切れです（本日 {today}）",
                            r.id.value
                        ),
                    )
                    .help(msg!("the risk owner reviews the risk and renews `accepted_on` and `expires`, or treats it",
                        "リスク所有者がリスクを見直し、`accepted_on` と `expires` を更新するか、対応を変更してください"
                    )).about(r.id.as_str(), "treatment.expires"),);
            }
        }
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a risk above the risk appetite (`risk.acceptable`) whose treatment plan its
    /// risk owner has not signed off: the treatment (other than an acceptance, which is its
    /// own sign-off) has no `approved_by` and `approved_on`, or is approved by a role other
    /// than the risk's `owner`.
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 6.1.3 f) asks the risk owners to approve the risk treatment plan and
    /// to accept the residual risk. Without the owner's name and a date, nobody can show an
    /// auditor that the plan was decided by the person accountable for the risk.
    ///
    /// ## Example
    /// ```yaml
    /// owner: ROLE-SALES
    /// treatment:
    ///   option: reduce
    ///   controls: [C-PASSWORD]
    /// ```
    /// Use instead:
    /// ```yaml
    /// treatment:
    ///   option: reduce
    ///   controls: [C-PASSWORD]
    ///   approved_by: ROLE-SALES
    ///   approved_on: 2026-10-01
    /// ```
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// リスク受容基準（`risk.acceptable`）を超えるリスクのうち、リスク対応計画をリスク所有者が承認していないものを報告します。
    /// 対応（自らが承認となる受容を除く）に `approved_by` と `approved_on` がないもの、
    /// またはリスクの `owner` 以外の役割が承認しているものです。
    ///
    /// ## なぜ問題か
    /// ISO/IEC 27001 の 6.1.3 f) は、リスク対応計画をリスク所有者が承認し、残留リスクを受容することを求めています。
    /// 承認者と日付がなければ、そのリスクに責任を持つ人が計画を決めたことを監査人に示せません。
    ///
    /// ## 例
    /// ```yaml
    /// owner: ROLE-SALES
    /// treatment:
    ///   option: reduce
    ///   controls: [C-PASSWORD]
    /// ```
    /// 代わりに:
    /// ```yaml
    /// treatment:
    ///   option: reduce
    ///   controls: [C-PASSWORD]
    ///   approved_by: ROLE-SALES
    ///   approved_on: 2026-10-01
    /// ```
    pub struct RiskTreatmentUnapproved {
        code: "risk/treatment-unapproved",
        severity: Warning,
        summary: "The risk owner has not approved the treatment of a risk above the appetite",
        summary_ja: "受容基準を超えるリスクの対応をリスク所有者が承認していない",
    }
}

impl RiskTreatmentUnapproved {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        let max = cx.config.risk.acceptable;
        for (r, a) in risks(cx) {
            let (Some(t), Some(option), Some(owner)) = (&r.treatment, option_of(r), &r.owner)
            else {
                continue;
            };
            // An owner that names no role is ref/unknown's or ref/wrong-kind's one finding.
            if option.value == TreatmentOption::Accept
                || a.level.is_none_or(|l| l <= max)
                || cx.model.role(owner.as_str()).is_none()
            {
                continue;
            }
            let (id, o) = (r.id.as_str(), owner.as_str());
            // A sign-off written with a value of the wrong shape (`approved_on: 2026-13-01`)
            // is the schema's one finding, not missing.
            let missing = |key: &str, absent: bool| absent && !t.malformed.contains(&key);
            let (span, message) = match &t.approved_by {
                Some(by) if by.value != owner.value => (
                    by.span,
                    msg!(
                        "the treatment of risk {id} is approved by {}, not by its risk owner {o}",
                        "リスク {id} の対応を承認しているのは {} で、リスク所有者 {o} ではありません",
                        by.value
                    ),
                ),
                by if missing("approved_by", by.is_none())
                    || missing("approved_on", t.approved_on.is_none()) =>
                {
                    (
                        option.span,
                        msg!(
                            "the treatment of risk {id} (level above the appetite of {max}) has no approval by its risk owner {o}",
                            "リスク {id}（リスク値がリスク受容基準 {max} を超える）の対応に、リスク所有者 {o} の承認がありません"
                        ),
                    )
                }
                _ => continue,
            };
            out.push(
                cx.finding(&Self::META, span, message)
                    .help(msg!(
                        "the risk owner approves the plan: `approved_by: {o}` and `approved_on: YYYY-MM-DD`",
                        "リスク所有者が計画を承認し、`approved_by: {o}` と `approved_on: YYYY-MM-DD` を書いてください"
                    ))
                    .about(id, "treatment.approved_by"),
            );
        }
    }
}

declare_rule! {
    /// ## What it does
    /// Reports an acceptance (`option: accept`) whose `accepted_by` is not the risk's
    /// `owner`.
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 6.1.3 f) has the risk owner accept the residual risk: the one who is
    /// accountable for the risk decides to carry it. An acceptance by someone else, even a
    /// manager above, is not the owner's decision; an auditor asks for the owner's.
    ///
    /// ## Example
    /// ```yaml
    /// owner: ROLE-SALES
    /// treatment:
    ///   option: accept
    ///   accepted_by: ROLE-CISO
    /// ```
    /// Use instead: `accepted_by: ROLE-SALES`, or make the role that decides the owner.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 受容（`option: accept`）の受容者（`accepted_by`）が、リスクの `owner`（リスク所有者）でないものを報告します。
    ///
    /// ## なぜ問題か
    /// ISO/IEC 27001 の 6.1.3 f) では、残留リスクを受容するのはリスク所有者です。
    /// リスクに責任を持つ人が、そのリスクを負うと決めます。
    /// 上位の管理者であっても別の人による受容はリスク所有者の判断ではなく、監査人はリスク所有者の判断を求めます。
    ///
    /// ## 例
    /// ```yaml
    /// owner: ROLE-SALES
    /// treatment:
    ///   option: accept
    ///   accepted_by: ROLE-CISO
    /// ```
    /// 代わりに: `accepted_by: ROLE-SALES` とするか、判断する役割をリスク所有者にしてください。
    pub struct RiskAcceptedByNonOwner {
        code: "risk/accepted-by-non-owner",
        severity: Warning,
        summary: "A risk is accepted by someone other than its owner",
        summary_ja: "リスク所有者以外がリスクを受容している",
    }
}

impl RiskAcceptedByNonOwner {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for (r, _) in risks(cx) {
            let (Some(t), Some(option), Some(owner)) = (&r.treatment, option_of(r), &r.owner)
            else {
                continue;
            };
            let Some(by) = &t.accepted_by else { continue };
            // An owner or acceptor that names no role is its reference's one finding.
            if option.value != TreatmentOption::Accept
                || by.value == owner.value
                || cx.model.role(owner.as_str()).is_none()
                || cx.model.role(by.as_str()).is_none()
            {
                continue;
            }
            let (id, o, b) = (r.id.as_str(), owner.as_str(), by.as_str());
            out.push(
                cx.finding(
                    &Self::META,
                    by.span,
                    msg!(
                        "risk {id} is accepted by {b}, not by its risk owner {o}",
                        "リスク {id} を受容しているのは {b} で、リスク所有者 {o} ではありません"
                    ),
                )
                .help(msg!(
                    "the risk owner accepts the risk: `accepted_by: {o}`",
                    "リスク所有者が受容してください: `accepted_by: {o}`"
                ))
                .about(id, "treatment.accepted_by"),
            );
        }
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a treatment whose `due` date has passed (compared with today, or with
    /// `--today`) while a control it names is not `implemented` yet.
    ///
    /// ## Why is this bad?
    /// The treatment plan (ISO/IEC 27001 6.1.3 e) promised the controls by that date; an
    /// overdue plan means the risk is still at its level before treatment, and the plan
    /// needs a new date or more resources.
    ///
    /// ## Example
    /// ```yaml
    /// treatment:
    ///   option: reduce
    ///   controls: [C-BACKUP]      # status: planned
    ///   due: 2026-03-31
    /// ```
    /// Use instead: implement the control (`status: implemented`), or set a new `due` date
    /// that the risk owner approves.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// リスク対応の期限（`due`）を過ぎているのに（今日の日付、または `--today` で指定した日付と比べます）、
    /// 挙げた管理策のうちまだ実施済み（`implemented`）でないものがあるリスクを報告します。
    ///
    /// ## なぜ問題か
    /// リスク対応計画（ISO/IEC 27001 6.1.3 e）は、その日までに管理策を実施すると約束しています。
    /// 期限を過ぎた計画では、リスクは対応前のリスク値のままです。
    /// 新しい期限を決めるか、資源を追加する必要があります。
    ///
    /// ## 例
    /// ```yaml
    /// treatment:
    ///   option: reduce
    ///   controls: [C-BACKUP]      # status: planned
    ///   due: 2026-03-31
    /// ```
    /// 代わりに: 管理策を実施する（`status: implemented`）か、リスク所有者が承認した新しい期限を `due` に書いてください。
    pub struct RiskTreatmentOverdue {
        code: "risk/treatment-overdue",
        severity: Warning,
        summary: "A treatment is past its due date with a control not implemented",
        summary_ja: "リスク対応の期限を過ぎたのに、実施されていない管理策がある",
    }
}

impl RiskTreatmentOverdue {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for (r, _) in risks(cx) {
            let Some(t) = &r.treatment else { continue };
            let Some(due) = &t.due else { continue };
            if due.value >= cx.today {
                continue;
            }
            // A control whose status is unknown (misspelt, or in a file that cannot be read)
            // is its own finding; only a status known not to be `implemented` counts.
            let open: Vec<&str> = t
                .controls
                .iter()
                .filter_map(|c| cx.model.control(c.as_str()))
                .filter(|c| {
                    c.status
                        .as_ref()
                        .is_some_and(|s| s.value != crate::model::Status::Implemented)
                })
                .map(|c| c.id.as_str())
                .collect();
            if open.is_empty() {
                continue;
            }
            let (d, today, list) = (due.value, cx.today, open.join(", "));
            out.push(
                cx.finding(
                    &Self::META,
                    due.span,
                    msg!(
                        "the treatment of risk {} was due on {d} (today is {today}), but {list} is not implemented",
                        "リスク {} の対応期限 {d} を過ぎています（本日 {today}）が、{list} が実施されていません",
                        r.id.value
                    ),
                )
                .help(msg!(
                    "implement the controls and set their `status: implemented`, or have the risk owner approve a new `due` date",
                    "管理策を実施して `status: implemented` にするか、リスク所有者が承認した新しい期限を `due` に書いてください"
                ))
                .about(r.id.as_str(), "treatment.due"),
            );
        }
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a repository that lists a framework under `frameworks:` in isms.yaml but has
    /// no asset, or no risk: the controls are chosen, but no risk assessment says why.
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 6.1.2 asks for a risk assessment (the assets, their risks and levels)
    /// and 6.1.3 chooses the controls from its result; IPA's guideline starts from the
    /// information assets too. A Statement of Applicability with no risk behind it cannot
    /// justify a single control, and an auditor asks for the assessment first.
    ///
    /// ## Example
    /// ```yaml
    /// frameworks: [iso27001-2022]     # and no kind: asset or kind: risk anywhere
    /// ```
    /// Use instead: list the information assets (`kind: asset`, rated for C, I and A) and
    /// their risks (`kind: risk`); `isms init --level quick` writes a first one.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// isms.yaml の `frameworks:` に規格を挙げているのに、資産またはリスクが 1 つもないリポジトリを報告します。
    /// 管理策は選ばれていますが、その理由となるリスクアセスメントがありません。
    ///
    /// ## なぜ問題か
    /// ISO/IEC 27001 の 6.1.2 はリスクアセスメント（資産、そのリスクとリスク値）を求め、
    /// 6.1.3 はその結果から管理策を選びます。IPA のガイドラインも情報資産の洗い出しから始めます。
    /// リスクのない適用宣言書では、どの管理策を適用する理由も示せず、監査人はまずリスクアセスメントを求めます。
    ///
    /// ## 例
    /// ```yaml
    /// frameworks: [iso27001-2022]     # kind: asset も kind: risk もどこにもない
    /// ```
    /// 代わりに: 情報資産（`kind: asset`、機密性・完全性・可用性を評価）と、そのリスク（`kind: risk`）を書いてください。
    /// `isms init --level quick` で最初の 1 件を作れます。
    pub struct RiskNoAssessment {
        code: "risk/no-assessment",
        severity: Warning,
        summary: "Frameworks are declared, but there is no asset or no risk",
        summary_ja: "規格を挙げているのに、資産またはリスクがない",
    }
}

impl RiskNoAssessment {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        let Some(first) = cx.config.frameworks.first() else {
            return;
        };
        // A document that could not be read may hold the assets and risks.
        if cx.model.has_unread() {
            return;
        }
        let (assets, risks) = (cx.model.assets.is_empty(), cx.model.risks.is_empty());
        let message = match (assets, risks) {
            (false, false) => return,
            (true, true) => msg!(
                "frameworks are declared, but the repository has no asset and no risk: no risk assessment",
                "規格を挙げていますが、資産もリスクもありません（リスクアセスメントがありません）"
            ),
            (true, false) => msg!(
                "frameworks are declared, but the repository has no asset",
                "規格を挙げていますが、資産がありません"
            ),
            (false, true) => msg!(
                "frameworks are declared, but the repository has no risk: no risk assessment",
                "規格を挙げていますが、リスクがありません（リスクアセスメントがありません）"
            ),
        };
        out.push(
            cx.finding(&Self::META, first.span, message)
                .help(msg!(
                    "list the information assets (`kind: asset`) and their risks (`kind: risk`); `isms init --level quick` writes a first one",
                    "情報資産（`kind: asset`）とそのリスク（`kind: risk`）を書いてください（`isms init --level quick` で最初の 1 件を作れます）"
                ))
                .about("isms.yaml", "frameworks"),
        );
    }
}

/// Ratings outside the scales of isms.yaml, and likelihoods that cannot be found; reported
/// as `schema/invalid` because the schema cannot know the repository's scales.
pub fn check_scales(cx: &Context, out: &mut Vec<Finding>) {
    let method = &cx.config.risk;
    if !method.usable() {
        // The scales themselves are wrong: the config/... finding is the one finding.
        return;
    }
    let mut range = |subject: &str, value: &Option<Spanned<i64>>, field: &str| {
        let (max, setting) = match field.rsplit('.').next() {
            Some("likelihood") => (method.likelihood, "risk.likelihood"),
            Some("impact") => (method.impact, "risk.impact"),
            _ => (method.cia, "risk.cia"),
        };
        if let Some(v) = value {
            // Below 1 is the schema's `minimum` of a rating, already reported: only the top
            // of the scale, which the schema cannot know, is checked here.
            if v.value > max {
                let x = v.value;
                out.push(
                    cx.finding(
                        &SchemaInvalid::META,
                        v.span,
                        msg!(
                            "`{field}` is {x}, outside the scale 1..{max}",
                            "`{field}` が {x} で、段階 1〜{max} の範囲外です"
                        ),
                    )
                    .help(msg!(
                        "use 1..{max}, or change `{setting}` in isms.yaml; until then the rating is not used",
                        "1〜{max} で書くか、isms.yaml の `{setting}` を変更してください（それまでこの値は計算に使いません）"
                    ))
                    .about(subject, field),
                );
            }
        }
    };
    for a in &cx.model.assets {
        let id = a.id.as_str();
        range(id, &a.confidentiality, "confidentiality");
        range(id, &a.integrity, "integrity");
        range(id, &a.availability, "availability");
    }
    for r in &cx.model.risks {
        let id = r.id.as_str();
        range(id, &r.likelihood, "likelihood");
        range(id, &r.impact, "impact");
        if let Some(res) = &r.residual {
            range(id, &res.likelihood, "residual.likelihood");
            range(id, &res.impact, "residual.impact");
        }
    }
    for (r, a) in risks(cx) {
        if a.likelihood.is_some() || r.likelihood.is_some() || !r.schema_valid {
            continue;
        }
        let id = &r.id.value;
        let (message, help) = match method.likelihood_from {
            LikelihoodFrom::Declared => (
                msg!(
                    "risk {id} has no `likelihood`",
                    "リスク {id} に `likelihood` がありません"
                ),
                msg!(
                    "add `likelihood: 1..{}`",
                    "`likelihood: 1〜{}` を追加してください",
                    method.likelihood
                ),
            ),
            LikelihoodFrom::Ipa => (
                msg!(
                    "the likelihood of risk {id} cannot be derived",
                    "リスク {id} の被害発生可能性を算出できません"
                ),
                msg!(
                    "with `likelihood_from: ipa`, its threat needs `occurrence` and at least one of its vulnerabilities `exploitability` (or declare `likelihood`)",
                    "`likelihood_from: ipa` では、脅威の `occurrence` と脆弱性の `exploitability` が必要です（または `likelihood` を書いてください）"
                ),
            ),
        };
        out.push(
            cx.finding(&SchemaInvalid::META, r.id.span, message)
                .help(help)
                .about(id.as_str(), "likelihood"),
        );
    }
}
