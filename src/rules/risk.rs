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
    /// Reports a risk whose level is at or above the high band (`risk.bands.high` in
    /// isms.yaml) and that has no `treatment`.
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 6.1.3 asks for a treatment of every risk the assessment finds
    /// unacceptable; a high risk with no decision is the first thing an auditor flags.
    ///
    /// ## Example
    /// ```yaml
    /// kind: risk
    /// id: R-001
    /// assets: [A-001]      # importance 3
    /// likelihood: 3        # level 9: high
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
    /// リスクレベルが「高」の区分（isms.yaml の `risk.bands.high`）以上なのに、
    /// リスク対応（`treatment`）が書かれていないリスクを報告します。
    ///
    /// ## なぜ問題か
    /// ISO/IEC 27001 の 6.1.3 は、リスクアセスメントで受け入れられないと判断したすべてのリスクについて、
    /// リスク対応を決めることを求めています。
    /// 高リスクなのに何も決まっていないことは、監査で真っ先に指摘されます。
    ///
    /// ## 例
    /// ```yaml
    /// kind: risk
    /// id: R-001
    /// assets: [A-001]      # 重要度 3
    /// likelihood: 3        # リスクレベル 9: 高
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
        summary: "A high risk has no treatment",
        summary_ja: "高リスクにリスク対応がない",
    }
}

impl RiskUntreated {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for (r, a) in risks(cx) {
            // A document that broke its schema may hold its treatment under a misspelt key
            // (`treatmnt:`): the schema finding is the one finding.
            if a.band == Some(Band::High) && r.treatment.is_none() && r.schema_valid {
                let level = a.level.unwrap_or_default();
                let high = cx.config.risk.high;
                out.push(
                    cx.finding(
                        &Self::META,
                        r.id.span,
                        msg!("risk {} is high (level {level} ≥ {high}) but has no treatment",
                            "リスク {} は高リスク（レベル {level} ≥ {high}）ですが、リスク対応がありません",
                            r.id.value
                        ),
                    )
                    .help(msg!("add `treatment:` with `option: reduce | transfer | avoid | accept`",
                        "`treatment:` に `option: reduce | transfer | avoid | accept` を書いてください"
                    )).about(r.id.as_str(), "treatment"),);
            }
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
    /// 受容（`accept`）したリスクのうち、リスクレベルがリスク受容基準
    /// （isms.yaml の `risk.acceptable`）を超えているものを報告します。
    ///
    /// ## なぜ問題か
    /// リスク受容基準は、対策をせずに受け入れてよいリスクの上限として、組織が自ら決めたものです。
    /// これを超えるリスクを受容するには、経営層がはっきりと判断する必要があります。
    /// そうでなければ、別のリスク対応を選んでください。
    ///
    /// ## 例
    /// ```yaml
    /// likelihood: 3           # リスクレベル 6、リスク受容基準 2
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
                            "リスク {} はレベル {level} で受容されていますが、受容基準 {max} を超えています",
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
    /// residual: {likelihood: 2}     # impact 3 × 2 = 6 > 2
    /// ```
    /// Use instead: add controls until the residual is within the appetite, e.g.
    /// `residual: {likelihood: 1, impact: 2}`.
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
    /// residual: {likelihood: 2}     # 重要度 3 × 2 = 6 > 2
    /// ```
    /// 代わりに: 残留リスクがリスク受容基準に収まるまで管理策を追加してください。
    /// たとえば `residual: {likelihood: 1, impact: 2}` となるようにします。
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
                            "リスク {} の残留リスクはレベル {level} で、受容基準 {max} を超えています",
                            r.id.value
                        ),
                    )
                    .help(msg!("strengthen the treatment, or have the risk owner accept the residual risk explicitly",
                        "対策を強化するか、リスク所有者が残留リスクを明示的に受容してください"
                    )).about(r.id.as_str(), "residual"),);
            }
        }
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a risk whose declared `impact` differs from the one its assets give (the
    /// highest importance among them) without an `impact_reason`, or whose declared `level`
    /// differs from impact × likelihood under the method of isms.yaml.
    ///
    /// ## Why is this bad?
    /// A hand-written level drifts when an asset's rating changes; the register then
    /// understates the risk. A deliberate override must say why.
    ///
    /// ## Example
    /// ```yaml
    /// assets: [A-001]     # importance 3
    /// likelihood: 2
    /// level: 4            # computed: 6
    /// ```
    /// Use instead: drop `level` (it is computed), or declare `impact: 2` with
    /// `impact_reason: 暗号化済みのため漏えい時の影響は限定的`.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 次のようなリスクを報告します。
    /// - 記載した重要度（`impact`、影響度）が、対象の資産から求めた値（資産の重要度のうち最も高いもの）と違うのに、
    ///   理由（`impact_reason`）が書かれていないもの
    /// - 記載したリスクレベル（`level`）が、isms.yaml の算定方法による「重要度 × 被害発生可能性」と一致しないもの
    ///
    /// ## なぜ問題か
    /// 手で書いたリスクレベルは、資産の評価を見直したときに更新されず、取り残されがちです。
    /// そうなると、リスクの一覧はリスクを実際より低く見せてしまいます。
    /// 意図して値を変える場合は、その理由を書く必要があります。
    ///
    /// ## 例
    /// ```yaml
    /// assets: [A-001]     # 重要度 3
    /// likelihood: 2
    /// level: 4            # 計算値は 6
    /// ```
    /// 代わりに: `level` を削除してください（自動で計算されます）。
    /// または、`impact: 2` と `impact_reason: 暗号化済みのため漏えい時の影響は限定的` を書きます。
    pub struct RiskLevelMismatch {
        code: "risk/level-mismatch",
        severity: Error,
        summary: "A declared level or impact disagrees with the computed one",
        summary_ja: "記載のリスクレベルまたは影響度が計算値と異なる",
    }
}

impl RiskLevelMismatch {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for (r, a) in risks(cx) {
            if let (Some(declared), Some(computed)) = (&r.impact, a.computed_impact) {
                if declared.value != computed && r.impact_reason.is_none() {
                    let d = declared.value;
                    out.push(
                        cx.finding(
                            &Self::META,
                            declared.span,
                            msg!("impact {d} differs from {computed}, the highest importance of the risk's assets",
                                "影響度 {d} が、資産の重要度の最大値 {computed} と異なります"
                            ),
                        )
                        .help(msg!("remove `impact` to use the computed value, or add `impact_reason:` saying why it differs",
                            "`impact` を削除して計算値を使うか、理由を `impact_reason:` に書いてください"
                        )).about(r.id.as_str(), "impact"),);
                }
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
                            msg!("level {d} differs from the computed level {computed} (impact {i}, likelihood {l})",
                                "レベル {d} が計算値 {computed}（影響度 {i}、被害発生可能性 {l}）と異なります"
                            ),
                        )
                        .help(msg!("remove `level`: it is computed from impact and likelihood",
                            "`level` を削除してください（影響度と被害発生可能性から計算されます）"
                        )).about(r.id.as_str(), "level"),);
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
    /// リスク対応後の残留リスクのレベルが、対応前のリスクレベルより高くなっているリスクを報告します。
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
                            "リスク {} の残留リスク {after} が対応前のレベル {before} より高くなっています",
                            r.id.value
                        ),
                    )
                    .help(msg!("residual likelihood and impact must not exceed the inherent ones",
                        "残留の被害発生可能性・影響度は対応前の値以下にしてください"
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

/// Ratings outside the scales of isms.yaml, and likelihoods that cannot be found; reported
/// as `schema/invalid` because the schema cannot know the repository's scales.
pub fn check_scales(cx: &Context, out: &mut Vec<Finding>) {
    let method = &cx.config.risk;
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
