//! Identity: every id names one entity.

use super::{Context, declare_rule};
use crate::finding::{Finding, Message};
use crate::{msg, tr};

declare_rule! {
    /// ## What it does
    /// Reports an id defined by two entities (of any kinds), or two SoA documents for the
    /// same framework. The second definition is reported, with the first as related location.
    ///
    /// ## Why is this bad?
    /// A reference to the id becomes ambiguous: a risk treated by `C-BACKUP` could mean either
    /// control, and reports would show only one of them.
    ///
    /// ## Example
    /// ```yaml
    /// # controls/backup.yaml
    /// kind: control
    /// id: C-BACKUP
    /// ---
    /// # controls/offsite.yaml
    /// kind: control
    /// id: C-BACKUP
    /// ```
    /// Use instead: give the second control its own id, e.g. `C-BACKUP-OFFSITE`.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 2つのエンティティ（資産、リスク、管理策などの文書。種類は問いません）に同じ ID が付いているもの、
    /// または同じ規格の適用宣言書（SoA）が2つあるものを報告します。
    /// 2つ目の定義を報告し、1つ目の定義の場所もあわせて示します。
    ///
    /// ## なぜ問題か
    /// その ID を参照したときに、どちらを指すのか分からなくなります。
    /// たとえば、リスク対応に `C-BACKUP` と書いても、どちらの管理策のことか決まらず、
    /// 報告書にはどちらか一方しか載りません。
    ///
    /// ## 例
    /// ```yaml
    /// # controls/backup.yaml
    /// kind: control
    /// id: C-BACKUP
    /// ---
    /// # controls/offsite.yaml
    /// kind: control
    /// id: C-BACKUP
    /// ```
    /// 代わりに: 2つ目の管理策には `C-BACKUP-OFFSITE` のように別の ID を付けてください。
    pub struct IdDuplicate {
        code: "id/duplicate",
        severity: Error,
        summary: "Two entities share an id",
        summary_ja: "同じ ID のエンティティが2つある",
    }
}

impl IdDuplicate {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for d in &cx.model.duplicates {
            let id = &d.id.value;
            out.push(
                cx.finding(
                    &Self::META,
                    d.id.span,
                    msg!(
                        "`{id}` is already defined",
                        "`{id}` はすでに定義されています"
                    ),
                )
                .help(Message::from_fn(|lang| {
                    tr!(
                        lang,
                        "give this {} its own id",
                        "この{}に別の ID を付けてください",
                        d.kind.name(lang)
                    )
                }))
                .related(d.first, msg!("first defined here", "最初の定義"))
                // The second definition: its kind tells it from the first.
                .about(id.as_str(), d.kind.as_str()),
            );
        }
    }
}
