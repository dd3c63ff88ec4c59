//! Procedures: reviewed on schedule.

use super::{Context, declare_rule};
use crate::finding::Finding;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// Reports a procedure whose last review (`review.last`) plus its interval
    /// (`review.interval_months`, 12 when not given) lies before today (or `--today`).
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 asks that documented information be kept current; a procedure nobody
    /// has looked at in years no longer describes what people do.
    ///
    /// ## Example
    /// ```yaml
    /// review: {interval_months: 12, last: 2024-04-01}
    /// ```
    /// Use instead: review the procedure and set `last` to the date of the review.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 前回の見直し日（`review.last`）に見直しの間隔（`review.interval_months`、省略時は 12 か月）を足した日が、
    /// 今日（または `--today` で指定した日付）より前になっている実施手順を報告します。
    ///
    /// ## なぜ問題か
    /// ISO/IEC 27001 は、文書化した情報を最新の状態に保つことを求めています。
    /// 何年も誰も見直していない実施手順は、もはや実際の作業を表していません。
    ///
    /// ## 例
    /// ```yaml
    /// review: {interval_months: 12, last: 2024-04-01}
    /// ```
    /// 代わりに: 実施手順を見直し、`last` を見直した日付に更新してください。
    pub struct ProcedureReviewOverdue {
        code: "procedure/review-overdue",
        severity: Warning,
        summary: "A procedure's review is overdue",
        summary_ja: "実施手順の見直し期限を過ぎている",
    }
}

impl ProcedureReviewOverdue {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for p in &cx.model.procedures {
            let Some(review) = &p.review else { continue };
            let Some(last) = &review.last else { continue };
            let months = review.interval_months.as_ref().map_or(12, |m| m.value);
            if months < 1 {
                continue; // the schema's `minimum` reported it: no due date can be computed
            }
            let Ok(due) = last
                .value
                .checked_add(jiff::Span::new().months(months.clamp(1, 1200)))
            else {
                continue;
            };
            if due < cx.today {
                let (l, today) = (last.value, cx.today);
                out.push(
                    cx.finding(
                        &Self::META,
                        last.span,
                        msg!("procedure {} was due for review on {due} (last {l}, every {months} months; today is {today})",
                            "実施手順 {} の見直し期限は {due} でした（前回 {l}、{months} か月ごと、本日 {today}）",
                            p.id.value
                        ),
                    )
                    .help(msg!("review the procedure, then set `review.last` to the review date",
                        "実施手順を見直し、`review.last` を見直した日付に更新してください"
                    ))
                    .about(p.id.as_str(), "review.last"),
                );
            }
        }
    }
}
