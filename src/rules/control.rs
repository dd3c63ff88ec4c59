//! Controls: each one carried out by a procedure, each one there for a reason.

use super::{Context, declare_rule};
use crate::finding::Finding;
use crate::model::{Kind, Status};
use crate::msg;

declare_rule! {
    /// ## What it does
    /// Reports a control whose `status` is `implemented` or `partial` but that no procedure
    /// lists under `implements`.
    ///
    /// ## Why is this bad?
    /// A control is a commitment; the procedure (実施手順) says who does what, how often, and
    /// what evidence is kept. An auditor asks for it, and without it "implemented" is a claim
    /// nobody can check.
    ///
    /// ## Example
    /// ```yaml
    /// kind: control
    /// id: C-BACKUP
    /// status: implemented
    /// ```
    /// Use instead: add a procedure:
    /// ```yaml
    /// kind: procedure
    /// id: P-BACKUP
    /// title: バックアップ取得手順
    /// implements: [C-BACKUP]
    /// ```
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 状態（`status`）が `implemented`（実施済み）または `partial`（一部実施）なのに、
    /// どの実施手順の `implements` にも挙げられていない管理策を報告します。
    ///
    /// ## なぜ問題か
    /// 管理策は、組織として「これを行う」という約束です。
    /// 実施手順は、誰が、何を、どのくらいの頻度で行い、どんな記録（証跡）を残すのかを定めます。
    /// 監査人は必ず実施手順を確認します。
    /// 実施手順がなければ、「実施済み」は誰にも確かめられない自己申告にすぎません。
    ///
    /// ## 例
    /// ```yaml
    /// kind: control
    /// id: C-BACKUP
    /// status: implemented
    /// ```
    /// 代わりに: 実施手順を追加してください:
    /// ```yaml
    /// kind: procedure
    /// id: P-BACKUP
    /// title: バックアップ取得手順
    /// implements: [C-BACKUP]
    /// ```
    pub struct ControlNoProcedure {
        code: "control/no-procedure",
        severity: Error,
        summary: "An implemented control has no procedure",
        summary_ja: "実施済みの管理策に実施手順がない",
    }
}

impl ControlNoProcedure {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for c in &cx.model.controls {
            let Some(status) = &c.status else { continue };
            if matches!(status.value, Status::Implemented | Status::Partial)
                && !c.id.value.is_empty()
                && !cx.model.maybe_referenced(c.id.as_str())
                && !cx
                    .analysis
                    .refs
                    .maybe_held_by(c.id.as_str(), Kind::Procedure)
                && cx
                    .analysis
                    .refs
                    .holders_of(c.id.as_str(), Kind::Procedure)
                    .is_empty()
            {
                let s = status.value.as_str();
                out.push(
                    cx.finding(
                        &Self::META,
                        status.span,
                        msg!(
                            "control {} is `{s}` but no procedure implements it",
                            "管理策 {} は `{s}` ですが、実施手順がありません",
                            c.id.value
                        ),
                    )
                    .help(msg!(
                        "add a procedure with `implements: [{}]`",
                        "`implements: [{}]` の実施手順を追加してください",
                        c.id.value
                    ))
                    .about(c.id.as_str(), "status"),
                );
            }
        }
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a control that treats no risk and maps to no framework control.
    ///
    /// ## Why is this bad?
    /// Every control should be traceable to a reason: a risk it treats or a requirement it
    /// fulfils. An orphan is either forgotten in a treatment or no longer needed.
    ///
    /// ## Example
    /// ```yaml
    /// kind: control
    /// id: C-SHREDDER
    /// status: implemented
    /// ```
    /// Use instead: name it in a risk's `treatment.controls`, or add
    /// `maps_to: ["iso27001-2022:7.14"]`.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// どのリスク対応にも使われておらず、規格の管理策にも対応付けられていない管理策を報告します。
    ///
    /// ## なぜ問題か
    /// どの管理策にも、対応するリスクか、満たすべき要求事項という、存在する理由があるはずです。
    /// どちらにもつながらない管理策は、リスク対応に書き忘れたか、もう必要なくなったかのどちらかです。
    ///
    /// ## 例
    /// ```yaml
    /// kind: control
    /// id: C-SHREDDER
    /// status: implemented
    /// ```
    /// 代わりに: リスクの `treatment.controls` に挙げるか、`maps_to: ["iso27001-2022:7.14"]` を追加してください。
    pub struct ControlUnused {
        code: "control/unused",
        severity: Info,
        summary: "A control treats no risk and maps to no framework control",
        summary_ja: "管理策がどのリスク対応にも規格の管理策にも結び付いていない",
    }
}

impl ControlUnused {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for c in &cx.model.controls {
            if c.maps_to.is_empty()
                && !c.id.value.is_empty()
                && !cx.model.maybe_referenced(c.id.as_str())
                && !cx.analysis.refs.maybe_held_by(c.id.as_str(), Kind::Risk)
                && cx
                    .analysis
                    .refs
                    .holders_of(c.id.as_str(), Kind::Risk)
                    .is_empty()
            {
                out.push(
                    cx.finding(
                        &Self::META,
                        c.id.span,
                        msg!("control {} treats no risk and maps to no framework control",
                            "管理策 {} はどのリスク対応にも使われず、規格の管理策にも対応付けられていません",
                            c.id.value
                        ),
                    )
                    .help(msg!("name it in a risk's `treatment.controls`, or add `maps_to:`",
                        "リスクの `treatment.controls` に加えるか、`maps_to:` を書いてください"
                    ))
                    .about(c.id.as_str(), ""),
                );
            }
        }
    }
}
