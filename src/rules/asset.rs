//! Assets: each one assessed.

use super::{Context, declare_rule};
use crate::finding::Finding;
use crate::model::Kind;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// Reports an asset that no risk names under `assets`.
    ///
    /// ## Why is this bad?
    /// The risk assessment starts from the asset inventory; an asset with no risk was either
    /// never assessed or is not worth keeping in the inventory.
    ///
    /// ## Example
    /// ```yaml
    /// kind: asset
    /// id: A-012
    /// name: 来客用Wi-Fi
    /// ```
    /// and no risk with `assets: [A-012]`.
    ///
    /// Use instead: add a risk for it (even a low one that is accepted), or remove the asset.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// どのリスクの `assets` にも挙げられていない資産を報告します。
    ///
    /// ## なぜ問題か
    /// リスクアセスメントは、資産の洗い出し（資産台帳）から始まります。
    /// リスクが1つもない資産は、まだ評価されていないか、台帳に載せておく必要のない資産です。
    ///
    /// ## 例
    /// ```yaml
    /// kind: asset
    /// id: A-012
    /// name: 来客用Wi-Fi
    /// ```
    /// があり、`assets: [A-012]` を持つリスクが1つもない場合。
    ///
    /// 代わりに: この資産のリスクを追加してください（リスク値が小さく、受容するだけのものでも構いません）。
    /// または、資産を台帳から削除してください。
    pub struct AssetUnassessed {
        code: "asset/unassessed",
        severity: Warning,
        summary: "No risk names the asset",
        summary_ja: "どのリスクにも含まれていない資産がある",
    }
}

impl AssetUnassessed {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for a in &cx.model.assets {
            let id = a.id.as_str();
            if !id.is_empty()
                && !cx.model.maybe_referenced(id)
                && !cx.analysis.refs.maybe_held_by(id, Kind::Risk)
                && cx.analysis.refs.holders_of(id, Kind::Risk).is_empty()
            {
                out.push(
                    cx.finding(
                        &Self::META,
                        a.id.span,
                        msg!(
                            "no risk names asset {}",
                            "資産 {} を含むリスクがありません",
                            a.id.value
                        ),
                    )
                    .help(msg!(
                        "assess it: add a risk with `assets: [{}]`",
                        "`assets: [{}]` のリスクを追加して評価してください",
                        a.id.value
                    ))
                    .about(id, ""),
                );
            }
        }
    }
}
