//! Documents (7.5): approved, and reviewed on schedule.

use super::{Context, declare_rule};
use crate::finding::Finding;
use crate::model::records::DocStatus;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// Reports a document in force — `status: approved`, or no status — that lacks
    /// `approved_by` or `approved_on`. A `status: draft` says plainly it is not approved yet
    /// and is not reported here (the clause checklist does not count it); withdrawn documents
    /// are not judged.
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 7.5.2 asks that documented information be reviewed and approved before
    /// it is used; an auditor treats a policy nobody approved as no policy, and "approved"
    /// without who and when cannot be shown.
    ///
    /// ## Example
    /// ```yaml
    /// kind: document
    /// id: DOC-POLICY
    /// title: Information security policy
    /// type: policy
    /// status: approved
    /// approved_by: ROLE-CEO
    /// ```
    /// Use instead: add `approved_on: 2026-04-01`, the date ROLE-CEO approved this version
    /// (or write `status: draft` until it is approved).
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 有効な文書（`status: approved`、または status なし）なのに `approved_by`（承認者）か
    /// `approved_on`（承認日）のないものを報告します。
    /// `status: draft` の文書は未承認であることを明示しているので、ここでは報告しません
    /// （箇条のチェックリストでは数えません）。廃止（`withdrawn`）した文書は対象外です。
    ///
    /// ## なぜ問題か
    /// ISO/IEC 27001 の 7.5.2 は、文書化した情報を使う前にレビューし承認することを求めています。
    /// 誰も承認していない方針は、審査では方針がないのと同じです。
    /// 誰がいつ承認したかが書かれていない「承認済み」は示すことができません。
    ///
    /// ## 例
    /// ```yaml
    /// kind: document
    /// id: DOC-POLICY
    /// title: 情報セキュリティ基本方針
    /// type: policy
    /// status: approved
    /// approved_by: ROLE-CEO
    /// ```
    /// 代わりに: ROLE-CEO がこの版を承認した日を `approved_on: 2026-04-01` と書いてください
    /// （承認されるまでは `status: draft` にしてください）。
    pub struct DocumentUnapproved {
        code: "document/unapproved",
        severity: Warning,
        summary: "A document in force has no approval",
        summary_ja: "有効な文書に承認の記録がない",
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a document whose last review (`review.last`, else `approved_on`) plus its
    /// interval (`review.interval_months`, 12 when not given) lies before today (or `--today`).
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 7.5 asks that documented information be kept suitable and current; an
    /// auditor checks the review date of the scope and the policy first.
    ///
    /// ## Example
    /// ```yaml
    /// review: {interval_months: 12, last: 2024-04-01}
    /// ```
    /// Use instead: review the document and set `review.last` to the date of the review.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 前回の見直し日（`review.last`、なければ `approved_on`）に見直しの間隔
    /// （`review.interval_months`、省略時は 12 か月）を足した日が、今日（または `--today`）より
    /// 前になっている文書を報告します。
    ///
    /// ## なぜ問題か
    /// ISO/IEC 27001 の 7.5 は、文書化した情報を適切で最新の状態に保つことを求めています。
    /// 審査員はまず適用範囲と方針の見直し日を確認します。
    ///
    /// ## 例
    /// ```yaml
    /// review: {interval_months: 12, last: 2024-04-01}
    /// ```
    /// 代わりに: 文書を見直し、`review.last` を見直した日付に更新してください。
    pub struct DocumentReviewOverdue {
        code: "document/review-overdue",
        severity: Warning,
        summary: "A document's review is overdue",
        summary_ja: "文書の見直し期限を過ぎている",
    }
}

impl DocumentUnapproved {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for d in &cx.model.records.documents {
            if d.is_approved()
                || d.is_withdrawn()
                || d.id.value.is_empty()
                || !d.malformed.is_empty()
            {
                continue;
            }
            if d.status.as_ref().map(|s| s.value) == Some(DocStatus::Draft) {
                continue; // not in force, and says so
            }
            let id = &d.id.value;
            let missing = match (&d.approved_by, &d.approved_on) {
                (None, None) => "approved_by, approved_on",
                (None, Some(_)) => "approved_by",
                _ => "approved_on",
            };
            let span = d.status.as_ref().map_or(d.id.span, |s| s.span);
            let message = msg!(
                "document {id} is in force but has no approval: `{missing}` is missing",
                "文書 {id} は有効ですが、承認の記録がありません（`{missing}` がありません）"
            );
            let help = msg!(
                "write who approved this version (`approved_by`, a role) and when (`approved_on`), or `status: draft` until it is approved",
                "この版を承認した役割（`approved_by`）と承認日（`approved_on`）を書くか、承認されるまでは `status: draft` にしてください"
            );
            out.push(
                cx.finding(&Self::META, span, message)
                    .help(help)
                    .about(id.as_str(), "approval"),
            );
        }
    }
}

impl DocumentReviewOverdue {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for d in &cx.model.records.documents {
            if d.is_withdrawn() {
                continue;
            }
            let Some(due) = d.next_review() else { continue };
            if due >= cx.today {
                continue;
            }
            let last = d
                .review
                .as_ref()
                .and_then(|r| r.last.as_ref())
                .or(d.approved_on.as_ref())
                .expect("a due date comes from a date");
            let (id, l, today) = (&d.id.value, last.value, cx.today);
            out.push(
                cx.finding(
                    &Self::META,
                    last.span,
                    msg!(
                        "document {id} was due for review on {due} (last {l}; today is {today})",
                        "文書 {id} の見直し期限は {due} でした（前回 {l}、本日 {today}）"
                    ),
                )
                .help(msg!(
                    "review the document, then set `review.last` to the review date",
                    "文書を見直し、`review.last` を見直した日付に更新してください"
                ))
                .about(id.as_str(), "review.last"),
            );
        }
    }
}
