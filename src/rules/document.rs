//! Documents (7.5): approved, and reviewed on schedule.

use super::{Context, declare_rule};
use crate::finding::Finding;
use crate::model::records::DocStatus;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// Reports a document that is not approved: its `status` is `draft`, or it lacks
    /// `approved_by` or `approved_on`. Withdrawn documents are not judged.
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 7.5.2 asks that documented information be reviewed and approved before
    /// it is used; an auditor treats an unapproved policy as no policy. A draft also does not
    /// count for the clause checklist.
    ///
    /// ## Example
    /// ```yaml
    /// kind: document
    /// id: DOC-POLICY
    /// title: Information security policy
    /// type: policy
    /// status: draft
    /// ```
    /// Use instead: have it approved and write `status: approved`, `approved_by: ROLE-CEO`,
    /// `approved_on: 2026-04-01`.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 承認されていない文書を報告します。`status` が `draft` の文書、
    /// または `approved_by`（承認者）か `approved_on`（承認日）のない文書です。
    /// 廃止（`withdrawn`）した文書は対象外です。
    ///
    /// ## なぜ問題か
    /// ISO/IEC 27001 の 7.5.2 は、文書化した情報を使う前にレビューし承認することを求めています。
    /// 承認されていない方針は、審査では方針がないのと同じに扱われます。
    /// 作成中の文書は箇条のチェックリストでも数えません。
    ///
    /// ## 例
    /// ```yaml
    /// kind: document
    /// id: DOC-POLICY
    /// title: 情報セキュリティ基本方針
    /// type: policy
    /// status: draft
    /// ```
    /// 代わりに: 承認を受け、`status: approved`、`approved_by: ROLE-CEO`、
    /// `approved_on: 2026-04-01` と書いてください。
    pub struct DocumentUnapproved {
        code: "document/unapproved",
        severity: Warning,
        summary: "A document is not approved",
        summary_ja: "文書が承認されていない",
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
            let id = &d.id.value;
            let draft = d.status.as_ref().filter(|s| s.value == DocStatus::Draft);
            let (span, message, help) = match draft {
                Some(s) => (
                    s.span,
                    msg!(
                        "document {id} is a draft, not approved",
                        "文書 {id} は作成中で、承認されていません"
                    ),
                    msg!(
                        "once approved, write `status: approved`, `approved_by:` and `approved_on:`",
                        "承認を受けたら `status: approved`、`approved_by:`、`approved_on:` を書いてください"
                    ),
                ),
                None => {
                    let missing = match (&d.approved_by, &d.approved_on) {
                        (None, None) => "approved_by, approved_on",
                        (None, Some(_)) => "approved_by",
                        _ => "approved_on",
                    };
                    (
                        d.id.span,
                        msg!(
                            "document {id} has no approval: `{missing}` is missing",
                            "文書 {id} に承認の記録がありません（`{missing}` がありません）"
                        ),
                        msg!(
                            "write who approved this version (`approved_by`, a role) and when (`approved_on`)",
                            "この版を承認した役割（`approved_by`）と承認日（`approved_on`）を書いてください"
                        ),
                    )
                }
            };
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
