//! The ISMS's own records in `isms diff`: documents, audits, management reviews,
//! nonconformities and objectives added, removed, changed and closed. Each record is
//! compared by a short, language-neutral state (a document's version and approval, an
//! audit's date and status, a nonconformity's status and verification, an objective's status
//! and latest result).

use super::markdown::md_code;
use crate::i18n::Lang;
use crate::judge::Judged;
use crate::model::records::NcStatus;
use crate::report::escape::md_cell;
use crate::tr;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordState {
    pub kind: &'static str,
    pub title: String,
    pub state: String,
    /// Closed: a nonconformity closed, an objective achieved, not achieved or withdrawn, a
    /// document withdrawn.
    pub closed: bool,
}

/// Every record of one side, by id.
pub fn snapshot(c: &Judged) -> BTreeMap<String, RecordState> {
    let rec = &c.ws.model.records;
    let text = |t: Option<&crate::fields::Text>| t.map(|t| t.value.clone()).unwrap_or_default();
    let mut out = BTreeMap::new();
    for d in &rec.documents {
        let status = if d.is_withdrawn() {
            "withdrawn"
        } else if d.is_approved() {
            "approved"
        } else {
            "draft"
        };
        let version = text(d.version.as_ref());
        let state = match d.approved_on.as_ref().filter(|_| d.is_approved()) {
            Some(on) => format!("{version} {status} {}", on.value),
            None => format!("{version} {status}"),
        };
        out.entry(d.id.value.clone()).or_insert(RecordState {
            kind: "document",
            title: text(d.title.as_ref()),
            state: state.trim().to_owned(),
            closed: d.is_withdrawn(),
        });
    }
    for a in &rec.audits {
        let date = a
            .date
            .as_ref()
            .map(|d| d.value.to_string())
            .unwrap_or_default();
        let status = a.status.as_ref().map_or("completed", |s| s.value.as_str());
        out.entry(a.id.value.clone()).or_insert(RecordState {
            kind: "audit",
            title: text(a.title.as_ref()),
            state: format!("{date} {status}"),
            closed: false,
        });
    }
    for r in &rec.reviews {
        out.entry(r.id.value.clone()).or_insert(RecordState {
            kind: "management-review",
            title: text(r.title.as_ref()),
            state: r
                .date
                .as_ref()
                .map(|d| d.value.to_string())
                .unwrap_or_default(),
            closed: false,
        });
    }
    for n in &rec.nonconformities {
        let closed = n.status.as_ref().map(|s| s.value) == Some(NcStatus::Closed);
        let mut state = if closed { "closed" } else { "open" }.to_owned();
        if let Some(v) = &n.verified_on {
            let _ = write!(state, ", verified {}", v.value);
        } else if let Some(d) = &n.due {
            let _ = write!(state, ", due {}", d.value);
        }
        out.entry(n.id.value.clone()).or_insert(RecordState {
            kind: "nonconformity",
            title: text(n.title.as_ref()),
            state,
            closed,
        });
    }
    for o in &rec.objectives {
        let status = o.status.as_ref().map_or("active", |s| s.value.as_str());
        let mut state = status.to_owned();
        if let Some(r) = o.latest() {
            let date = r
                .date
                .as_ref()
                .map(|d| d.value.to_string())
                .unwrap_or_default();
            let _ = write!(state, ", {} ({date})", text(r.value.as_ref()));
        }
        out.entry(o.id.value.clone()).or_insert(RecordState {
            kind: "objective",
            title: text(o.title.as_ref()),
            state,
            closed: status != "active",
        });
    }
    out
}

#[derive(Clone, Debug, Serialize)]
pub struct RecordChange {
    pub id: String,
    pub kind: &'static str,
    pub title: String,
    /// `added`, `removed`, `closed` or `changed`.
    pub change: &'static str,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The records whose state differs between the sides, in id order.
pub fn changes(
    before: &BTreeMap<String, RecordState>,
    after: &BTreeMap<String, RecordState>,
) -> Vec<RecordChange> {
    let ids: std::collections::BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    ids.into_iter()
        .filter_map(|id| {
            let (x, y) = (before.get(id), after.get(id));
            let change = match (x, y) {
                (None, Some(_)) => "added",
                (Some(_), None) => "removed",
                (Some(x), Some(y)) if x == y => return None,
                (Some(x), Some(y)) if y.closed && !x.closed => "closed",
                _ => "changed",
            };
            let r = y.or(x).expect("one side has it");
            Some(RecordChange {
                id: id.clone(),
                kind: r.kind,
                title: r.title.clone(),
                change,
                before: x.map(|s| s.state.clone()),
                after: y.map(|s| s.state.clone()),
            })
        })
        .collect()
}

/// The headline's part: "records: 2 added, 1 closed".
pub fn headline(list: &[RecordChange], lang: Lang) -> Option<String> {
    let parts: Vec<String> = [
        ("added", tr!(lang, "added", "追加")),
        ("removed", tr!(lang, "removed", "削除")),
        ("closed", tr!(lang, "closed", "完了")),
        ("changed", tr!(lang, "changed", "変更")),
    ]
    .into_iter()
    .filter_map(|(k, word)| {
        let n = list.iter().filter(|r| r.change == k).count();
        (n > 0).then(|| format!("{n} {word}"))
    })
    .collect();
    (!parts.is_empty()).then(|| tr!(lang, "records: {}", "記録: {}", parts.join(", ")))
}

/// The table of record changes, for the pull-request comment.
pub fn markdown(out: &mut String, list: &[RecordChange], lang: Lang) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n#### {}\n",
        tr!(lang, "Records (clauses 4–10)", "記録（箇条4〜10）")
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        tr!(lang, "Record", "記録"),
        tr!(lang, "Title", "名称"),
        tr!(lang, "Change", "変化"),
        tr!(lang, "Before", "変更前"),
        tr!(lang, "After", "変更後"),
    );
    for r in list {
        let kind = crate::model::Kind::parse(r.kind).map_or(r.kind, |k| k.name(lang));
        let change = match r.change {
            "added" => tr!(lang, "added", "追加"),
            "removed" => tr!(lang, "removed", "削除"),
            "closed" => tr!(lang, "closed", "完了"),
            _ => tr!(lang, "changed", "変更"),
        };
        let _ = writeln!(
            out,
            "| {kind} {} | {} | {change} | {} | {} |",
            md_code(&r.id),
            md_cell(&r.title),
            r.before.as_deref().map_or_else(|| "—".to_owned(), md_cell),
            r.after.as_deref().map_or_else(|| "—".to_owned(), md_cell),
        );
    }
}
