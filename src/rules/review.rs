//! Management reviews (9.3): held every year, covering every input of 9.3.2.

use super::{Context, declare_rule};
use crate::finding::Finding;
use crate::msg;

/// Months between two management reviews that certification bodies expect.
const REVIEW_MONTHS: i64 = 12;

declare_rule! {
    /// ## What it does
    /// Reports when the newest management review (a `management-review` dated up to today)
    /// is more than 12 months old. The finding sits on that review's date. A repository with
    /// no review at all is the clause checklist's concern (`clause/undocumented`, 9.3).
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 9.3 asks top management to review the ISMS at planned intervals;
    /// certification bodies expect one a year, and a missing review is a major
    /// nonconformity.
    ///
    /// ## Example
    /// ```yaml
    /// kind: management-review
    /// id: MR-2024
    /// date: 2024-11-10     # and none since
    /// ```
    /// Use instead: hold this year's review and record it as a new `management-review`.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 最新のマネジメントレビュー（日付が今日以前の `management-review`）から 12 か月を超えて
    /// いるときに報告します。指摘はそのレビューの日付に付きます。
    /// レビューがまったくない場合は箇条のチェックリスト（`clause/undocumented` の 9.3）が扱います。
    ///
    /// ## なぜ問題か
    /// ISO/IEC 27001 の 9.3 は、トップマネジメントがあらかじめ定めた間隔で ISMS をレビューすることを
    /// 求めています。認証機関は年 1 回を期待しており、レビューの欠落は重大な不適合です。
    ///
    /// ## 例
    /// ```yaml
    /// kind: management-review
    /// id: MR-2024
    /// date: 2024-11-10     # それ以降のレビューがない
    /// ```
    /// 代わりに: 今年度のレビューを実施し、新しい `management-review` として記録してください。
    pub struct ReviewOverdue {
        code: "review/overdue",
        severity: Error,
        summary: "No management review within 12 months",
        summary_ja: "12 か月以内にマネジメントレビューが行われていない",
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a management review whose `inputs` leave out one or more of the inputs of
    /// ISO/IEC 27001 9.3.2: `previous_actions` (a), `context_changes` (b),
    /// `interested_parties` (c), `nonconformities`, `monitoring`, `audit_results`,
    /// `objectives` (d 1–4), `feedback` (e), `risks` (f) and `improvement` (g). One finding per
    /// review names every input missing.
    ///
    /// ## Why is this bad?
    /// The standard lists what top management must consider; an auditor reads the minutes
    /// against that list, and each input left out is a nonconformity.
    ///
    /// ## Example
    /// ```yaml
    /// inputs:
    ///   risks: 高リスク 2 件の対応状況を報告
    ///   # nothing on audits, objectives, ...
    /// ```
    /// Use instead: write what was reported on each input, e.g.
    /// `audit_results: 2026 年度内部監査で不適合 2 件`.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// マネジメントレビューの `inputs` に、ISO/IEC 27001 の 9.3.2 のインプット
    /// `previous_actions`（a）、`context_changes`（b）、`interested_parties`（c）、
    /// `nonconformities`、`monitoring`、`audit_results`、`objectives`（d 1〜4）、
    /// `feedback`（e）、`risks`（f）、`improvement`（g）のどれかが抜けているときに報告します。
    /// レビューごとに 1 件の指摘で、抜けているインプットをすべて挙げます。
    ///
    /// ## なぜ問題か
    /// 規格はトップマネジメントが考慮すべき事項を定めています。
    /// 審査員は議事録をその一覧と照らし合わせ、抜けているインプットはそれぞれ不適合になります。
    ///
    /// ## 例
    /// ```yaml
    /// inputs:
    ///   risks: 高リスク 2 件の対応状況を報告
    ///   # 監査結果、目的の達成状況などがない
    /// ```
    /// 代わりに: 各インプットについて報告した内容を書いてください
    /// （例: `audit_results: 2026 年度内部監査で不適合 2 件`）。
    pub struct ReviewInputMissing {
        code: "review/input-missing",
        severity: Error,
        summary: "A management review leaves out an input of 9.3.2",
        summary_ja: "マネジメントレビューに 9.3.2 のインプットが抜けている",
    }
}

impl ReviewOverdue {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        let Some((held, review)) = cx
            .model
            .records
            .reviews
            .iter()
            .filter_map(|r| Some((r.held_by(cx.today)?, r)))
            .max_by_key(|(d, _)| *d)
        else {
            return;
        };
        let Ok(due) = held.checked_add(jiff::Span::new().months(REVIEW_MONTHS)) else {
            return;
        };
        if due >= cx.today {
            return;
        }
        let (id, today) = (&review.id.value, cx.today);
        let span = review.date.as_ref().expect("a held review has a date").span;
        out.push(
            cx.finding(
                &Self::META,
                span,
                msg!(
                    "no management review since {held} ({id}): the next was due by {due}; today is {today}",
                    "{held} のマネジメントレビュー（{id}）以降、レビューが行われていません（期限 {due}、本日 {today}）"
                ),
            )
            .help(msg!(
                "hold this year's management review and record it as a new `kind: management-review`",
                "今年度のマネジメントレビューを実施し、新しい `kind: management-review` として記録してください"
            ))
            .about(id.as_str(), "date"),
        );
    }
}

impl ReviewInputMissing {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        let inputs = &cx.catalogs.clauses.review_inputs;
        for r in &cx.model.records.reviews {
            let missing: Vec<&crate::catalog::ReviewInput> = inputs
                .iter()
                .filter(|i| !r.inputs.iter().any(|(k, _)| k.value == i.key))
                // A misspelt key (`audit_result:`) is the schema's one finding.
                .filter(|i| {
                    !r.inputs.iter().any(|(k, _)| {
                        crate::suggest::did_you_mean(&k.value, [i.key.as_str()]).is_some()
                    })
                })
                .collect();
            if missing.is_empty() {
                continue;
            }
            let keys: Vec<&str> = missing.iter().map(|i| i.key.as_str()).collect();
            let keys = keys.join(", ");
            let titles = |ja: bool| {
                missing
                    .iter()
                    .map(|i| {
                        if ja {
                            format!("{}）{}", i.item, i.title_ja)
                        } else {
                            format!("{}) {}", i.item, i.title)
                        }
                    })
                    .collect::<Vec<_>>()
            };
            let (en, ja) = (titles(false).join("; "), titles(true).join("、"));
            let id = &r.id.value;
            out.push(
                cx.finding(
                    &Self::META,
                    r.inputs_key.unwrap_or(r.id.span),
                    msg!(
                        "management review {id} does not cover {} input(s) of 9.3.2: {en}",
                        "マネジメントレビュー {id} に 9.3.2 のインプットが {} 件抜けています: {ja}",
                        missing.len()
                    ),
                )
                .help(msg!(
                    "under `inputs:`, write what was reported on each: {keys}",
                    "`inputs:` に、それぞれについて報告した内容を書いてください: {keys}"
                ))
                .about(id.as_str(), "inputs"),
            );
        }
    }
}
