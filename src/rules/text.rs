//! Texts: what the organisation wrote, and what a template left for it to write.

use super::{Context, declare_rule};
use crate::finding::Finding;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// Reports a text that still holds a template fill-in: a doubled mark (`〇〇`, `○○`,
    /// `●●`, `△△`, `××`, as in 株式会社〇〇), the starters' `（記入）` or `(Fill in)` before a
    /// text to write, a `{{…}}` (the English starters write `{{your organization}}`), or one
    /// of the words `TODO`, `TBD`, `FIXME` in capitals.
    /// Every text value of every entity is read, and `organization` in isms.yaml; comments
    /// are not texts. A fresh `isms init` repository reports its fill-ins here: they are the
    /// to-do list.
    ///
    /// ## Why is this bad?
    /// A report printed for an auditor or the board with 株式会社〇〇 on its cover, or a
    /// procedure whose step reads "TBD", shows a template, not the organisation's system.
    ///
    /// ## Example
    /// ```yaml
    /// organization: 株式会社〇〇
    /// ```
    /// Use instead:
    /// ```yaml
    /// organization: 株式会社サンプル精機
    /// ```
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 雛形の記入欄が残っているテキストを報告します。`〇〇`・`○○`・`●●`・`△△`・`××` のような 2 つ続きの記号
    /// （株式会社〇〇 など）、雛形が書き込む文の前に置く `（記入）`（英語では `(Fill in)`）、
    /// `{{…}}`（英語の雛形は `{{your organization}}` と書きます）、大文字の `TODO`・`TBD`・`FIXME`
    /// が対象です。すべてのエンティティのテキストと isms.yaml の `organization` を読みます（コメントは対象外です）。
    /// `isms init` で作ったばかりのリポジトリでは、ここで報告される記入欄がそのまま「やることの一覧」になります。
    ///
    /// ## なぜ問題か
    /// 表紙に「株式会社〇〇」とある報告書や、手順に「TBD」とある実施手順を監査人や経営層に見せても、
    /// それは雛形であって組織の仕組みではありません。
    ///
    /// ## 例
    /// ```yaml
    /// organization: 株式会社〇〇
    /// ```
    /// 代わりに:
    /// ```yaml
    /// organization: 株式会社サンプル精機
    /// ```
    pub struct TextPlaceholder {
        code: "text/placeholder",
        severity: Warning,
        summary: "A template fill-in is left in a text",
        summary_ja: "雛形の記入欄がテキストに残っている",
    }
}

impl TextPlaceholder {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        let org = cx.config.organization.as_ref().and_then(|o| {
            crate::model::placeholder_in(&o.value).map(|m| ("isms.yaml", "organization", o.span, m))
        });
        let entities = cx.model.placeholders.iter().map(|p| {
            (
                p.subject.as_str(),
                p.field.as_str(),
                p.span,
                p.mark.as_str(),
            )
        });
        for (subject, field, span, mark) in org.into_iter().chain(entities) {
            out.push(
                cx.finding(
                    &Self::META,
                    span,
                    msg!(
                        "`{field}` still holds the template fill-in `{mark}`",
                        "`{field}` に雛形の記入欄 `{mark}` が残っています"
                    ),
                )
                .help(msg!(
                    "write the organisation's own text in its place",
                    "自社の内容に書き換えてください"
                ))
                .about(subject, field),
            );
        }
    }
}
