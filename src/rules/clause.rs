//! Clauses 4–10: the stage 1 checklist — every clause that asks for documented information
//! has an approved document or a record that satisfies it.

use super::{Context, declare_rule};
use crate::catalog::Documented;
use crate::finding::Finding;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// When `frameworks:` in isms.yaml lists `iso27001-2022-clauses`, reports each clause of
    /// ISO/IEC 27001:2022 4–10 that asks for documented information (4.3 scope, 5.2 policy,
    /// 6.1.2, 6.1.3, 6.2 objectives, 7.2 competence, 7.5, 8.1–8.3, 9.1, 9.2 internal audit,
    /// 9.3 management review, 10.2 nonconformities) and that nothing satisfies: no approved
    /// `document` names it in `satisfies`, and no record of the kind the clause asks for
    /// exists (a risk register, an approved SoA, an objective, a competence record, evidence,
    /// a held audit, a management review, a nonconformity). `isms catalog show
    /// iso27001-2022-clauses` lists what counts for each clause.
    ///
    /// ## Why is this bad?
    /// A certification audit starts with a document review (stage 1): a required document
    /// or record that does not exist is a nonconformity before the auditor has seen anything
    /// else.
    ///
    /// ## Example
    /// ```yaml
    /// # isms.yaml
    /// frameworks: [iso27001-2022, iso27001-2022-clauses]
    /// # ... and no document satisfies 4.3
    /// ```
    /// Use instead:
    /// ```yaml
    /// kind: document
    /// id: DOC-SCOPE
    /// title: ISMS scope
    /// type: scope
    /// satisfies: ["iso27001-2022-clauses:4.3"]
    /// approved_by: ROLE-CEO
    /// approved_on: 2026-04-01
    /// text: The design and sales of ... at the head office.
    /// ```
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// isms.yaml の `frameworks:` に `iso27001-2022-clauses` を挙げたとき、ISO/IEC 27001:2022 の
    /// 箇条4〜10 のうち文書化した情報を求める箇条（4.3 適用範囲、5.2 方針、6.1.2、6.1.3、
    /// 6.2 目的、7.2 力量、7.5、8.1〜8.3、9.1、9.2 内部監査、9.3 マネジメントレビュー、
    /// 10.2 不適合）で、それを満たすものが何もない箇条を報告します。
    /// 満たすものとは、`satisfies` にその箇条を挙げた承認済みの `document`、
    /// または箇条が求める種類の記録（リスク台帳、承認済みの適用宣言書、目的、力量の記録、
    /// 証跡、実施済みの内部監査、マネジメントレビュー、不適合）です。
    /// 箇条ごとに何が該当するかは `isms catalog show iso27001-2022-clauses` で確認できます。
    ///
    /// ## なぜ問題か
    /// 認証審査は文書審査（第一段階）から始まります。
    /// 必須の文書や記録がなければ、審査員がほかを見る前に不適合になります。
    ///
    /// ## 例
    /// ```yaml
    /// # isms.yaml
    /// frameworks: [iso27001-2022, iso27001-2022-clauses]
    /// # ... 4.3 を満たす文書がない
    /// ```
    /// 代わりに:
    /// ```yaml
    /// kind: document
    /// id: DOC-SCOPE
    /// title: ISMS 適用範囲
    /// type: scope
    /// satisfies: ["iso27001-2022-clauses:4.3"]
    /// approved_by: ROLE-CEO
    /// approved_on: 2026-04-01
    /// text: 本社における〜の設計・販売
    /// ```
    pub struct ClauseUndocumented {
        code: "clause/undocumented",
        severity: Error,
        summary: "A clause that asks for documented information has nothing that satisfies it",
        summary_ja: "文書化を求める箇条を満たす文書・記録がない",
    }
}

impl ClauseUndocumented {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        let records = &cx.analysis.records;
        let Some(declared) = &records.declared else {
            return;
        };
        for row in &records.checklist {
            if row.documented != Documented::Required || row.satisfied() {
                continue;
            }
            let Some(clause) = cx.catalogs.clauses.clause(&row.id) else {
                continue;
            };
            let docs = &cx.model.records.documents;
            if row.drafts.iter().any(|&i| !docs[i].malformed.is_empty()) {
                continue; // its approval is written wrongly: the schema's one finding
            }
            if meant_for(cx, &clause.id) {
                continue; // a misspelt clause (`4.9` for `4.3`) is one ref/unknown
            }
            let (id, en, ja) = (&clause.id, &clause.title, &clause.title_ja);
            let kinds = clause.records.join(", ");
            let drafts: Vec<&str> = row
                .drafts
                .iter()
                .map(|&i| cx.model.records.documents[i].id.as_str())
                .collect();
            let help = if !drafts.is_empty() {
                let drafts = drafts.join(", ");
                msg!(
                    "{drafts} names it but is not approved: have it approved, then write `status: approved`, `approved_by:` and `approved_on:`",
                    "{drafts} がこの箇条を挙げていますが、承認されていません。承認を受けて `status: approved`、`approved_by:`、`approved_on:` を書いてください"
                )
            } else if clause.records.is_empty() {
                msg!(
                    "add an approved `kind: document` with `satisfies: [\"iso27001-2022-clauses:{id}\"]`",
                    "`satisfies: [\"iso27001-2022-clauses:{id}\"]` を持つ承認済みの `kind: document` を追加してください"
                )
            } else {
                msg!(
                    "add an approved `kind: document` with `satisfies: [\"iso27001-2022-clauses:{id}\"]`, or a record: {kinds}",
                    "`satisfies: [\"iso27001-2022-clauses:{id}\"]` を持つ承認済みの `kind: document`、または記録（{kinds}）を追加してください"
                )
            };
            out.push(
                cx.finding(
                    &Self::META,
                    declared.span,
                    msg!(
                        "clause {id} ({en}) asks for documented information, but no approved document or record satisfies it",
                        "箇条 {id}（{ja}）は文書化した情報を求めていますが、これを満たす承認済みの文書・記録がありません"
                    ),
                )
                .help(help)
                .about("isms.yaml", format!("clause={id}")),
            );
        }
    }
}

/// Whether a document's `satisfies` names a clause the catalog does not have that may have
/// been meant for `id`.
fn meant_for(cx: &Context, id: &str) -> bool {
    let prefix = format!("{}:", crate::catalog::CLAUSES);
    let clauses = &cx.catalogs.clauses;
    cx.model.records.documents.iter().any(|d| {
        d.satisfies.iter().any(|s| {
            s.value.strip_prefix(&prefix).is_some_and(|written| {
                clauses.clause(written).is_none()
                    && crate::suggest::did_you_mean(written, [id]).is_some()
            })
        })
    })
}
