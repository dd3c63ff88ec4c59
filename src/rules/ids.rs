//! Identity: every id names one entity.

use super::{Context, declare_rule};
use crate::finding::Finding;
use crate::tr;

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
    pub struct IdDuplicate {
        code: "id/duplicate",
        severity: Error,
        summary: "Two entities share an id",
        summary_ja: "同じ ID のエンティティが2つある",
    }
}

impl IdDuplicate {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        let lang = cx.lang;
        for d in &cx.model.duplicates {
            let id = &d.id.value;
            out.push(
                cx.finding(
                    &Self::META,
                    d.id.span,
                    tr!(
                        lang,
                        "`{id}` is already defined",
                        "`{id}` はすでに定義されています"
                    ),
                )
                .help(tr!(
                    lang,
                    "give this {} its own id",
                    "この{}に別の ID を付けてください",
                    d.kind.name(lang)
                ))
                .related(d.first, tr!(lang, "first defined here", "最初の定義")),
            );
        }
    }
}
