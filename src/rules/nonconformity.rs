//! Nonconformities (10.2): corrected by their due date, closed only once the corrective
//! action is verified to work.

use super::{Context, declare_rule};
use crate::finding::Finding;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// Reports a nonconformity that is not `status: closed` and whose `due` date lies before
    /// today (or `--today`).
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 10.2 asks that corrective actions be taken; one left open past its date
    /// is the first thing the next audit asks about.
    ///
    /// ## Example
    /// ```yaml
    /// kind: nonconformity
    /// id: NC-2026-02
    /// status: open
    /// due: 2026-10-31
    /// ```
    /// Use instead: finish the corrective action and close it, or agree a new `due` date with
    /// its owner and say why in `description`.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// `status: closed` になっておらず、期限（`due`）が今日（または `--today`）より前の不適合を
    /// 報告します。
    ///
    /// ## なぜ問題か
    /// ISO/IEC 27001 の 10.2 は是正処置を取ることを求めています。
    /// 期限を過ぎても対応中の不適合は、次の監査で最初に問われます。
    ///
    /// ## 例
    /// ```yaml
    /// kind: nonconformity
    /// id: NC-2026-02
    /// status: open
    /// due: 2026-10-31
    /// ```
    /// 代わりに: 是正処置を完了して閉じるか、責任者と新しい期限を合意し、
    /// その理由を `description` に書いてください。
    pub struct NonconformityOverdue {
        code: "nonconformity/overdue",
        severity: Warning,
        summary: "A nonconformity is past its due date and not closed",
        summary_ja: "不適合が期限を過ぎても完了していない",
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a nonconformity marked `status: closed` without `verified_on`: the date the
    /// effectiveness of its corrective action was verified.
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 10.2 d) asks that the effectiveness of every corrective action be
    /// reviewed. Closing a nonconformity because the action was done, not because it worked,
    /// is itself a nonconformity.
    ///
    /// ## Example
    /// ```yaml
    /// kind: nonconformity
    /// id: NC-2026-01
    /// status: closed
    /// closed_on: 2026-10-15
    /// ```
    /// Use instead: check that the problem has not come back, then write
    /// `verified_on: 2026-11-15` (and `verified_by`).
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// `status: closed` なのに `verified_on`（是正処置の有効性を確認した日）がない不適合を
    /// 報告します。
    ///
    /// ## なぜ問題か
    /// ISO/IEC 27001 の 10.2 d) は、すべての是正処置の有効性をレビューすることを求めています。
    /// 処置が効いたからではなく、処置をしたから閉じるのは、それ自体が不適合です。
    ///
    /// ## 例
    /// ```yaml
    /// kind: nonconformity
    /// id: NC-2026-01
    /// status: closed
    /// closed_on: 2026-10-15
    /// ```
    /// 代わりに: 問題が再発していないことを確認し、`verified_on: 2026-11-15`
    /// （と `verified_by`）を書いてください。
    pub struct NonconformityUnverified {
        code: "nonconformity/unverified",
        severity: Error,
        summary: "A nonconformity is closed without a verified effectiveness",
        summary_ja: "是正処置の有効性を確認せずに不適合を完了している",
    }
}

impl NonconformityOverdue {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for n in &cx.model.records.nonconformities {
            let Some(due) = &n.due else { continue };
            if n.is_closed() || due.value >= cx.today {
                continue;
            }
            let (id, d, today) = (&n.id.value, due.value, cx.today);
            out.push(
                cx.finding(
                    &Self::META,
                    due.span,
                    msg!(
                        "nonconformity {id} was due on {d} and is not closed (today is {today})",
                        "不適合 {id} の期限は {d} でしたが、まだ完了していません（本日 {today}）"
                    ),
                )
                .help(msg!(
                    "finish the corrective action and set `status: closed`, or agree a new `due` date",
                    "是正処置を完了して `status: closed` にするか、新しい期限（`due`）を合意してください"
                ))
                .about(id.as_str(), "due"),
            );
        }
    }
}

impl NonconformityUnverified {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for n in &cx.model.records.nonconformities {
            if !n.is_closed() || n.verified_on.is_some() || !n.malformed.is_empty() {
                continue;
            }
            let status = n.status.as_ref().expect("closed is a status");
            let id = &n.id.value;
            out.push(
                cx.finding(
                    &Self::META,
                    status.span,
                    msg!(
                        "nonconformity {id} is closed, but the effectiveness of its corrective action was never verified",
                        "不適合 {id} は完了になっていますが、是正処置の有効性が確認されていません"
                    ),
                )
                .help(msg!(
                    "check that the problem has not come back, then write `verified_on:` (and `verified_by:`)",
                    "問題が再発していないことを確認し、`verified_on:`（と `verified_by:`）を書いてください"
                ))
                .about(id.as_str(), "verified_on"),
            );
        }
    }
}
