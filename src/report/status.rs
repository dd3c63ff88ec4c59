//! The "ISMS status" of the one-page report and the documents register (文書管理台帳):
//! the clause checklist of 4–10 (each clause, what satisfies it, its version, approval and
//! next review), the audit and management-review timeline, the open nonconformities and the
//! objectives. Every decision comes from the analysis (`analysis::records`); this only lays
//! it out as plain rows.

use super::{Index, text};
use crate::catalog::{Catalogs, Documented};
use crate::i18n::Lang;
use crate::judge::Judged;
use crate::model::Kind;
use crate::model::records::{Document, NcStatus};
use serde::Serialize;

/// One row of the documents register.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentRow {
    pub id: String,
    pub title: String,
    #[serde(rename = "type")]
    pub doc_type: Option<&'static str>,
    pub satisfies: Vec<String>,
    pub version: String,
    /// The role ids as written (JSON keeps them) …
    pub owner: String,
    pub approved_by: String,
    /// … and as they sign ([`super::Index::signatory`]), for every other format.
    #[serde(skip)]
    pub owner_name: String,
    #[serde(skip)]
    pub approver: String,
    pub approved_on: Option<String>,
    pub status: &'static str,
    pub review_last: Option<String>,
    pub review_next: Option<String>,
    /// Where the content lives: the path, the URL, or "inline".
    pub location: String,
}

impl DocumentRow {
    fn of(d: &Document, index: &Index, lang: Lang) -> DocumentRow {
        let sign = |t: Option<&crate::fields::Text>| {
            t.filter(|t| !t.value.is_empty())
                .map(|t| index.signatory(t.as_str(), lang))
                .unwrap_or_default()
        };
        let status = if d.is_withdrawn() {
            "withdrawn"
        } else if d.is_approved() {
            "approved"
        } else {
            "draft"
        };
        DocumentRow {
            id: d.id.value.clone(),
            title: text(d.title.as_ref()),
            doc_type: d.doc_type.as_ref().map(|t| t.value.as_str()),
            satisfies: d.satisfies.iter().map(|s| s.value.clone()).collect(),
            version: text(d.version.as_ref()),
            owner: text(d.owner.as_ref()),
            approved_by: text(d.approved_by.as_ref()),
            owner_name: sign(d.owner.as_ref()),
            approver: sign(d.approved_by.as_ref()),
            approved_on: d.approved_on.as_ref().map(|x| x.value.to_string()),
            status,
            review_last: d
                .review
                .as_ref()
                .and_then(|r| r.last.as_ref())
                .map(|x| x.value.to_string()),
            review_next: d.next_review().map(|x| x.to_string()),
            location: d
                .path
                .as_ref()
                .or(d.url.as_ref())
                .map(|x| x.value.clone())
                .unwrap_or_else(|| {
                    if d.text.is_some() {
                        "inline".to_owned()
                    } else {
                        String::new()
                    }
                }),
        }
    }
}

/// What satisfies a clause: a document (with its register row), or records of one kind.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "by", rename_all = "lowercase")]
pub enum Satisfier {
    Document {
        id: String,
        draft: bool,
    },
    Records {
        kind: &'static str,
        count: usize,
        ids: Vec<String>,
    },
}

#[derive(Clone, Debug, Serialize)]
pub struct ClauseLine {
    pub id: String,
    pub title: String,
    pub documented: Documented,
    pub satisfied: bool,
    pub by: Vec<Satisfier>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Event {
    pub date: String,
    /// `audit` or `management-review`.
    pub kind: &'static str,
    pub id: String,
    pub title: String,
    pub result: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct NcLine {
    pub id: String,
    pub title: String,
    /// The owner as it signs ([`super::Index::signatory`]).
    pub owner: String,
    pub due: Option<String>,
    pub overdue: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct ObjectiveLine {
    pub id: String,
    pub title: String,
    pub target: String,
    pub due: Option<String>,
    pub status: Option<&'static str>,
    pub latest_date: Option<String>,
    pub latest_value: String,
}

/// An implemented or partial control and its newest evidence.
#[derive(Clone, Debug, Serialize)]
pub struct EvidenceLine {
    pub control: String,
    pub title: String,
    pub status: &'static str,
    /// The newest evidence ([`super::newest_evidence`]); `None` without evidence.
    pub evidence: Option<super::EvidenceRef>,
}

#[derive(Clone, Debug, Serialize)]
pub struct IsmsStatus {
    pub lang: Lang,
    pub organization: String,
    /// Whether `frameworks:` lists `iso27001-2022-clauses` (the rules judge the checklist).
    pub declared: bool,
    pub clauses: Vec<ClauseLine>,
    pub documents: Vec<DocumentRow>,
    pub timeline: Vec<Event>,
    pub open_nonconformities: Vec<NcLine>,
    pub objectives: Vec<ObjectiveLine>,
    /// Where the register stands (set by the command, as for every report).
    pub as_of: super::AsOf,
    pub evidence: Vec<EvidenceLine>,
}

impl IsmsStatus {
    /// Whether there is anything to show: records kept, or the checklist declared.
    pub fn shown(&self) -> bool {
        self.declared
            || !self.documents.is_empty()
            || !self.timeline.is_empty()
            || !self.objectives.is_empty()
            || !self.open_nonconformities.is_empty()
    }

    /// Required clauses satisfied, of all required.
    pub fn required_counts(&self) -> (usize, usize) {
        let required = self
            .clauses
            .iter()
            .filter(|c| c.documented == Documented::Required);
        let all = required.clone().count();
        (required.filter(|c| c.satisfied).count(), all)
    }
}

pub fn build(checked: &Judged, catalogs: &Catalogs) -> IsmsStatus {
    let ws = &checked.ws;
    let model = &ws.model;
    let rec = &model.records;
    let lang = ws.lang;
    let analysis = &checked.analysis.records;
    let index = Index::new(model, &checked.analysis.refs);
    let clauses = analysis
        .checklist
        .iter()
        .filter_map(|row| {
            let clause = catalogs.clauses.clause(&row.id)?;
            let mut by: Vec<Satisfier> = row
                .documents
                .iter()
                .map(|&i| Satisfier::Document {
                    id: rec.documents[i].id.value.clone(),
                    draft: false,
                })
                .chain(row.drafts.iter().map(|&i| Satisfier::Document {
                    id: rec.documents[i].id.value.clone(),
                    draft: true,
                }))
                .collect();
            let mut kinds: Vec<Kind> = row.records.iter().map(|r| r.kind).collect();
            kinds.dedup();
            for kind in kinds {
                let ids: Vec<String> = row
                    .records
                    .iter()
                    .filter(|r| r.kind == kind)
                    .map(|r| model.id_of(*r).to_owned())
                    .collect();
                by.push(Satisfier::Records {
                    kind: kind.as_str(),
                    count: ids.len(),
                    ids,
                });
            }
            Some(ClauseLine {
                id: clause.id.clone(),
                title: clause.title_in(lang).to_owned(),
                documented: clause.documented,
                satisfied: row.satisfied(),
                by,
            })
        })
        .collect();
    let mut timeline: Vec<Event> = rec
        .audits
        .iter()
        .filter_map(|a| {
            Some(Event {
                date: a.date.as_ref()?.value.to_string(),
                kind: "audit",
                id: a.id.value.clone(),
                title: text(a.title.as_ref()),
                result: text(a.result.as_ref()),
            })
        })
        .chain(rec.reviews.iter().filter_map(|r| {
            Some(Event {
                date: r.date.as_ref()?.value.to_string(),
                kind: "management-review",
                id: r.id.value.clone(),
                title: text(r.title.as_ref()),
                result: r.decisions.join("\n"),
            })
        }))
        .collect();
    timeline.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    let open_nonconformities = rec
        .nonconformities
        .iter()
        .filter(|n| n.status.as_ref().map(|s| s.value) != Some(NcStatus::Closed))
        .map(|n| NcLine {
            id: n.id.value.clone(),
            title: text(n.title.as_ref()),
            owner: n
                .owner
                .as_ref()
                .filter(|t| !t.value.is_empty())
                .map(|t| index.signatory(t.as_str(), lang))
                .unwrap_or_default(),
            due: n.due.as_ref().map(|d| d.value.to_string()),
            // As `isms check` judged it.
            overdue: checked
                .findings
                .iter()
                .any(|f| f.code == "nonconformity/overdue" && f.subject == n.id.value),
        })
        .collect();
    let objectives = rec
        .objectives
        .iter()
        .map(|o| {
            let latest = o.latest();
            ObjectiveLine {
                id: o.id.value.clone(),
                title: text(o.title.as_ref()),
                target: text(o.target.as_ref()),
                due: o.due.as_ref().map(|d| d.value.to_string()),
                status: o.status.as_ref().map(|s| s.value.as_str()),
                latest_date: latest
                    .and_then(|r| r.date.as_ref())
                    .map(|d| d.value.to_string()),
                latest_value: latest.map(|r| text(r.value.as_ref())).unwrap_or_default(),
            }
        })
        .collect();
    let evidence = model
        .controls
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let status = c.status.as_ref().map(|s| s.value)?;
            if !matches!(
                status,
                crate::model::Status::Implemented | crate::model::Status::Partial
            ) {
                return None;
            }
            let newest = super::newest_evidence(checked, i);
            Some(EvidenceLine {
                control: c.id.value.clone(),
                title: text(c.title.as_ref()),
                status: status.as_str(),
                evidence: newest,
            })
        })
        .collect();
    IsmsStatus {
        lang,
        evidence,
        organization: text(ws.config.organization.as_ref()),
        declared: analysis.declared.is_some(),
        clauses,
        documents: rec
            .documents
            .iter()
            .map(|d| DocumentRow::of(d, &index, lang))
            .collect(),
        timeline,
        open_nonconformities,
        objectives,
        as_of: super::AsOf::default(),
    }
}

/// The fixed words of these tables, in both languages.
pub fn label(lang: Lang, key: &str) -> &'static str {
    let (en, ja) = match key {
        "status" => ("ISMS status", "ISMS の状況"),
        "checklist" => (
            "Clauses 4–10: the stage 1 checklist",
            "箇条4〜10：必須文書・必須記録のチェックリスト",
        ),
        "clause" => ("Clause", "箇条"),
        "title" => ("Title", "名称"),
        "documented" => ("Documented information", "文書化した情報"),
        "required" => ("required", "必須"),
        "expected" => ("expected", "推奨"),
        "none" => ("—", "—"),
        "satisfied_by" => ("Satisfied by", "満たす文書・記録"),
        "missing" => ("missing", "不足"),
        "draft" => ("draft", "作成中"),
        "complete" => ("required clauses satisfied", "必須の箇条を満たしている"),
        "off" => (
            "The checklist is not judged by isms check: add iso27001-2022-clauses to frameworks: in isms.yaml.",
            "isms check はこのチェックリストを判定していません。isms.yaml の frameworks: に iso27001-2022-clauses を加えてください。",
        ),
        "documents" => ("Documents register", "文書管理台帳"),
        "id" => ("Id", "ID"),
        "type" => ("Type", "種類"),
        "satisfies" => ("Satisfies", "対応する要求事項"),
        "version" => ("Version", "版"),
        "owner" => ("Owner", "管理責任者"),
        "approved_by" => ("Approved by", "承認者"),
        "approved_on" => ("Approved on", "承認日"),
        "doc_status" => ("Status", "状態"),
        "review_last" => ("Last review", "前回の見直し"),
        "review_next" => ("Next review", "次回の見直し"),
        "location" => ("Content", "内容の所在"),
        "inline" => ("inline (text)", "本文に記載"),
        "approved" => ("approved", "承認済み"),
        "withdrawn" => ("withdrawn", "廃止"),
        "timeline" => (
            "Internal audits and management reviews",
            "内部監査とマネジメントレビュー",
        ),
        "date" => ("Date", "日付"),
        "kind" => ("Kind", "種類"),
        "audit" => ("internal audit", "内部監査"),
        "management-review" => ("management review", "マネジメントレビュー"),
        "result" => ("Result / decisions", "結果・決定事項"),
        "open_ncs" => ("Open nonconformities", "対応中の不適合"),
        "due" => ("Due", "期限"),
        "overdue" => ("overdue", "期限超過"),
        "objectives" => ("Objectives", "情報セキュリティ目的"),
        "target" => ("Target", "目標値"),
        "latest" => ("Latest result", "最新の結果"),
        "evidence" => (
            "Evidence of the applied controls (the newest)",
            "適用した管理策の証跡（最新のもの）",
        ),
        "control" => ("Control", "管理策"),
        "no_evidence" => ("no evidence", "証跡なし"),
        "none_open" => ("None open.", "対応中の不適合はありません。"),
        "t-policy" => ("policy", "方針"),
        "t-scope" => ("scope", "適用範囲"),
        "t-manual" => ("manual", "マニュアル"),
        "t-regulation" => ("regulation", "規程"),
        "t-process" => ("process", "プロセス"),
        "t-procedure" => ("procedure", "手順書"),
        "t-plan" => ("plan", "計画"),
        "t-record" => ("record", "記録"),
        "t-other" => ("other", "その他"),
        "o-active" => ("active", "取組中"),
        "o-achieved" => ("achieved", "達成"),
        "o-not-achieved" => ("not achieved", "未達成"),
        "o-withdrawn" => ("withdrawn", "取下げ"),
        _ => ("", ""),
    };
    lang.pick(en, ja)
}
