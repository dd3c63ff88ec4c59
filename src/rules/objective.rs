//! Security objectives (6.2): measurable, and measured by their due date.

use super::{Context, declare_rule};
use crate::finding::Finding;
use crate::model::records::ObjectiveStatus;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// Reports an objective whose `due` date lies before today (or `--today`) and that has no
    /// result (`results:` with a dated value). Withdrawn objectives are not judged.
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 6.2 asks how the results of each objective will be evaluated, and 9.1
    /// for the results; an objective past its date with nothing measured cannot be judged
    /// achieved or not.
    ///
    /// ## Example
    /// ```yaml
    /// kind: objective
    /// id: OBJ-2026-01
    /// due: 2026-09-30
    /// # no results
    /// ```
    /// Use instead: measure it and add `results: [{date: 2026-09-30, value: 96 %}]`.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 期限（`due`）が今日（または `--today`）より前なのに、結果（日付と値のある `results:`）が
    /// ない目的を報告します。取り下げた目的は対象外です。
    ///
    /// ## なぜ問題か
    /// ISO/IEC 27001 の 6.2 は目的ごとに結果の評価方法を、9.1 はその結果を求めています。
    /// 期限を過ぎても何も測っていない目的は、達成したかどうか判断できません。
    ///
    /// ## 例
    /// ```yaml
    /// kind: objective
    /// id: OBJ-2026-01
    /// due: 2026-09-30
    /// # results がない
    /// ```
    /// 代わりに: 測定して `results: [{date: 2026-09-30, value: 96 %}]` を追加してください。
    pub struct ObjectiveNoResult {
        code: "objective/no-result",
        severity: Warning,
        summary: "An objective is past its due date without a result",
        summary_ja: "目的が期限を過ぎても結果が記録されていない",
    }
}

declare_rule! {
    /// ## What it does
    /// Reports an objective without a `measure`: how its achievement is measured. Withdrawn
    /// objectives are not judged.
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 6.2 b) asks that objectives be measurable (where practicable); "improve
    /// security awareness" with no measure can never be shown met.
    ///
    /// ## Example
    /// ```yaml
    /// kind: objective
    /// id: OBJ-2026-01
    /// title: Improve security awareness
    /// ```
    /// Use instead: add `measure: share of staff who report the phishing drill mail` and
    /// `target: 90 %`.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 測定方法（`measure`）のない目的を報告します。取り下げた目的は対象外です。
    ///
    /// ## なぜ問題か
    /// ISO/IEC 27001 の 6.2 b) は、目的を（実行可能な場合）測定可能にすることを求めています。
    /// 測定方法のない「セキュリティ意識の向上」は、達成したと示すことができません。
    ///
    /// ## 例
    /// ```yaml
    /// kind: objective
    /// id: OBJ-2026-01
    /// title: セキュリティ意識の向上
    /// ```
    /// 代わりに: `measure: 訓練メールを報告した従業員の割合` と `target: 90 %` を追加してください。
    pub struct ObjectiveNoMeasure {
        code: "objective/no-measure",
        severity: Warning,
        summary: "An objective has no measure",
        summary_ja: "目的に測定方法がない",
    }
}

fn withdrawn(o: &crate::model::records::Objective) -> bool {
    o.status.as_ref().map(|s| s.value) == Some(ObjectiveStatus::Withdrawn)
}

impl ObjectiveNoResult {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for o in &cx.model.records.objectives {
            let Some(due) = &o.due else { continue };
            if withdrawn(o)
                || due.value >= cx.today
                || !o.results.is_empty()
                || o.malformed.contains(&"results")
            {
                continue; // a result without a date is the schema's finding
            }
            let (id, d, today) = (&o.id.value, due.value, cx.today);
            out.push(
                cx.finding(
                    &Self::META,
                    due.span,
                    msg!(
                        "objective {id} was due on {d} and has no result (today is {today})",
                        "目的 {id} の期限は {d} でしたが、結果が記録されていません（本日 {today}）"
                    ),
                )
                .help(msg!(
                    "measure it and add `results: [{{date: YYYY-MM-DD, value: ...}}]`",
                    "測定して `results: [{{date: YYYY-MM-DD, value: ...}}]` を追加してください"
                ))
                .about(id.as_str(), "results"),
            );
        }
    }
}

impl ObjectiveNoMeasure {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for o in &cx.model.records.objectives {
            if withdrawn(o)
                || o.measure.is_some()
                || o.malformed.contains(&"measure")
                || o.id.value.is_empty()
            {
                continue;
            }
            let id = &o.id.value;
            out.push(
                cx.finding(
                    &Self::META,
                    o.id.span,
                    msg!(
                        "objective {id} has no measure: nothing says how it is achieved",
                        "目的 {id} に測定方法（`measure`）がありません。達成をどう判断するか決まっていません"
                    ),
                )
                .help(msg!(
                    "add `measure:` (what is measured) and `target:` (the value to reach)",
                    "`measure:`（何を測るか）と `target:`（目標値）を追加してください"
                ))
                .about(id.as_str(), "measure"),
            );
        }
    }
}
