//! The ISMS's own records (ISO/IEC 27001:2022 clauses 4–10): documented information,
//! objectives, competence, the audit programme and its audits, management reviews,
//! nonconformities, incidents and evidence. Built as tolerantly as the other entities: a
//! field of the wrong shape reads as absent (the schema reported it), an entity with an id
//! always counts as defined.

use super::{EntityRef, Kind, Review, string_enum};
use crate::fields::{Fields, Spanned, Text};
use jiff::civil::Date;

string_enum!(
    /// What a document is; `record` for the logs the ISMS keeps (7.5).
    DocType {
        Policy = "policy",
        Scope = "scope",
        Manual = "manual",
        Regulation = "regulation",
        Process = "process",
        Procedure = "procedure",
        Plan = "plan",
        Record = "record",
        Other = "other",
    }
);

string_enum!(DocStatus {
    Draft = "draft",
    Approved = "approved",
    Withdrawn = "withdrawn",
});

string_enum!(ObjectiveStatus {
    Active = "active",
    Achieved = "achieved",
    NotAchieved = "not-achieved",
    Withdrawn = "withdrawn",
});

string_enum!(CompetenceType {
    Training = "training",
    Qualification = "qualification",
    Awareness = "awareness",
    Experience = "experience",
});

string_enum!(AuditStatus {
    Planned = "planned",
    Completed = "completed",
});

string_enum!(NcSource {
    Audit = "audit",
    Incident = "incident",
    Review = "review",
    Other = "other",
});

string_enum!(NcStatus {
    Open = "open",
    Closed = "closed",
});

/// Of `keys` (each with whether it was read), those the document writes but that did not
/// read: a value of the wrong shape, or a misspelt key (`aproved_on:`). The schema reported
/// them; to the rules they are not missing, so one mistake gives one finding.
fn unread(f: &Fields, keys: &[(&'static str, bool)]) -> Vec<&'static str> {
    keys.iter()
        .filter(|(key, read)| !read && (f.node(key).is_some() || !misspelt(f, key).is_empty()))
        .map(|(key, _)| *key)
        .collect()
}

/// The fields of the record kinds whose rules report an absence (as in their schemas): a
/// key among them is never a misspelling of another.
const FIELDS: &[&str] = &[
    "approved_by",
    "approved_on",
    "closed_on",
    "controls",
    "correction",
    "corrective_action",
    "date",
    "description",
    "due",
    "id",
    "kind",
    "measure",
    "owner",
    "path",
    "policy",
    "procedures",
    "raised_on",
    "results",
    "review",
    "risks",
    "root_cause",
    "satisfies",
    "source",
    "status",
    "target",
    "text",
    "title",
    "type",
    "url",
    "verified_by",
    "verified_on",
    "version",
];

/// The entries whose key is no field but a did-you-mean of `key`.
fn misspelt<'a>(f: &Fields<'a>, key: &str) -> Vec<&'a crate::yaml::Entry> {
    f.node
        .as_map()
        .unwrap_or_default()
        .iter()
        .filter(|e| {
            e.key.scalar().is_some_and(|(k, _)| {
                !FIELDS.contains(&k) && crate::suggest::did_you_mean(k, [key]).is_some()
            })
        })
        .collect()
}

/// Every scalar below the values of `key` and its misspellings: ids a misspelt list names.
fn stray_words(f: &Fields, key: &str) -> Vec<String> {
    let mut todo: Vec<&crate::yaml::Node> = misspelt(f, key).iter().map(|e| &e.value).collect();
    todo.extend(f.node(key).filter(|n| n.as_seq().is_none()));
    let mut out = Vec::new();
    while let Some(n) = todo.pop() {
        match &n.value {
            crate::yaml::Value::Scalar { text, .. } => out.push(text.clone()),
            crate::yaml::Value::Seq(items) => todo.extend(items),
            crate::yaml::Value::Map(entries) => todo.extend(entries.iter().map(|e| &e.value)),
        }
    }
    out
}

fn enum_field<T>(f: &Fields, key: &str, parse: fn(&str) -> Option<T>) -> Option<Spanned<T>> {
    let t = f.text(key)?;
    parse(&t.value).map(|v| Spanned::new(v, t.span))
}

/// Documented information (7.5): the scope, the policy, a manual, a log.
#[derive(Clone, Debug)]
pub struct Document {
    pub id: Text,
    pub title: Option<Text>,
    pub doc_type: Option<Spanned<DocType>>,
    /// Clauses and controls it satisfies, `FRAMEWORK:ID` (`iso27001-2022-clauses:4.3`).
    pub satisfies: Vec<Text>,
    pub version: Option<Text>,
    pub owner: Option<Text>,
    pub approved_by: Option<Text>,
    pub approved_on: Option<Spanned<Date>>,
    pub status: Option<Spanned<DocStatus>>,
    pub review: Option<Review>,
    /// Where its content lives: a file of the repository, a URL, or inline text.
    pub path: Option<Text>,
    pub url: Option<Text>,
    pub text: Option<Text>,
    pub description: Option<Text>,
    /// Keys written but not read (wrong shape, misspelt): not missing to the rules.
    pub malformed: Vec<&'static str>,
}

impl Document {
    /// Approved by someone on a date, and neither a draft nor withdrawn.
    pub fn is_approved(&self) -> bool {
        self.approved_by.is_some()
            && self.approved_on.is_some()
            && !matches!(
                self.status.as_ref().map(|s| s.value),
                Some(DocStatus::Draft | DocStatus::Withdrawn)
            )
    }

    pub fn is_withdrawn(&self) -> bool {
        self.status.as_ref().map(|s| s.value) == Some(DocStatus::Withdrawn)
    }

    /// The date its next review is due: last review (else approval) + interval (12 months).
    pub fn next_review(&self) -> Option<Date> {
        let interval = self
            .review
            .as_ref()
            .and_then(|r| r.interval_months.as_ref())
            .map_or(12, |m| m.value);
        if interval < 1 {
            return None;
        }
        let last = self
            .review
            .as_ref()
            .and_then(|r| r.last.as_ref())
            .or(self.approved_on.as_ref())?;
        last.value
            .checked_add(jiff::Span::new().months(interval.min(1200)))
            .ok()
    }
}

/// One measured result of an objective.
#[derive(Clone, Debug)]
pub struct ObjectiveResult {
    pub date: Option<Spanned<Date>>,
    pub value: Option<Text>,
}

/// A security objective (6.2).
#[derive(Clone, Debug)]
pub struct Objective {
    pub id: Text,
    pub title: Option<Text>,
    pub measure: Option<Text>,
    pub target: Option<Text>,
    pub owner: Option<Text>,
    pub due: Option<Spanned<Date>>,
    pub status: Option<Spanned<ObjectiveStatus>>,
    pub results: Vec<ObjectiveResult>,
    /// The policy document it serves.
    pub policy: Option<Text>,
    pub risks: Vec<Text>,
    /// Keys written but not read (wrong shape, misspelt): not missing to the rules.
    pub malformed: Vec<&'static str>,
    pub description: Option<Text>,
}

impl Objective {
    /// The newest result with a date.
    pub fn latest(&self) -> Option<&ObjectiveResult> {
        self.results
            .iter()
            .filter(|r| r.date.is_some())
            .max_by_key(|r| r.date.as_ref().map(|d| d.value))
    }
}

/// A competence record (7.2): training, a qualification, awareness, experience.
#[derive(Clone, Debug)]
pub struct Competence {
    pub id: Text,
    pub title: Option<Text>,
    pub competence_type: Option<Spanned<CompetenceType>>,
    pub role: Option<Text>,
    pub person: Option<Text>,
    pub date: Option<Spanned<Date>>,
    pub expires: Option<Spanned<Date>>,
    pub path: Option<Text>,
    pub url: Option<Text>,
    pub description: Option<Text>,
}

/// The internal audit programme (9.2.2).
#[derive(Clone, Debug)]
pub struct AuditProgramme {
    pub id: Text,
    pub title: Option<Text>,
    pub interval_months: Option<Spanned<i64>>,
    pub scope: Option<Text>,
    pub criteria: Option<Text>,
    pub owner: Option<Text>,
    pub description: Option<Text>,
}

impl AuditProgramme {
    pub fn interval(&self) -> i64 {
        self.interval_months.as_ref().map_or(12, |m| m.value)
    }
}

/// One internal audit (9.2).
#[derive(Clone, Debug)]
pub struct Audit {
    pub id: Text,
    pub title: Option<Text>,
    pub programme: Option<Text>,
    pub date: Option<Spanned<Date>>,
    pub status: Option<Spanned<AuditStatus>>,
    pub scope: Option<Text>,
    pub criteria: Option<Text>,
    pub auditor: Option<Text>,
    /// The roles whose work the audit examines.
    pub auditees: Vec<Text>,
    pub result: Option<Text>,
    pub nonconformities: Vec<Text>,
    pub description: Option<Text>,
}

impl Audit {
    /// Held: completed (or not marked planned) on a date up to today.
    pub fn held_by(&self, today: Date) -> Option<Date> {
        let date = self.date.as_ref()?.value;
        let planned = self.status.as_ref().map(|s| s.value) == Some(AuditStatus::Planned);
        (!planned && date <= today).then_some(date)
    }
}

/// A management review (9.3).
#[derive(Clone, Debug)]
pub struct ManagementReview {
    pub id: Text,
    pub title: Option<Text>,
    pub date: Option<Spanned<Date>>,
    pub attendees: Vec<Text>,
    /// The `inputs` key, to point at the block.
    pub inputs_key: Option<crate::source::Span>,
    /// Inputs written (key, what was reported), in the order written.
    pub inputs: Vec<(Text, Text)>,
    pub decisions: Vec<String>,
    pub description: Option<Text>,
}

impl ManagementReview {
    pub fn held_by(&self, today: Date) -> Option<Date> {
        let date = self.date.as_ref()?.value;
        (date <= today).then_some(date)
    }
}

/// A nonconformity and its corrective action (10.2).
#[derive(Clone, Debug)]
pub struct Nonconformity {
    pub id: Text,
    pub title: Option<Text>,
    pub source: Option<Spanned<NcSource>>,
    pub raised_on: Option<Spanned<Date>>,
    pub correction: Option<Text>,
    pub root_cause: Option<Text>,
    pub corrective_action: Option<Text>,
    pub owner: Option<Text>,
    pub due: Option<Spanned<Date>>,
    pub status: Option<Spanned<NcStatus>>,
    pub closed_on: Option<Spanned<Date>>,
    pub verified_on: Option<Spanned<Date>>,
    pub verified_by: Option<Text>,
    /// Keys written but not read (wrong shape, misspelt): not missing to the rules.
    pub malformed: Vec<&'static str>,
    pub description: Option<Text>,
}

impl Nonconformity {
    pub fn is_closed(&self) -> bool {
        self.status.as_ref().map(|s| s.value) == Some(NcStatus::Closed)
    }
}

/// A security incident: a risk that happened.
#[derive(Clone, Debug)]
pub struct Incident {
    pub id: Text,
    pub title: Option<Text>,
    pub date: Option<Spanned<Date>>,
    pub assets: Vec<Text>,
    pub risks: Vec<Text>,
    pub nonconformities: Vec<Text>,
    pub lessons: Option<Text>,
    pub owner: Option<Text>,
    pub description: Option<Text>,
}

/// Evidence that controls and procedures operate: a file, a URL, a date.
#[derive(Clone, Debug)]
pub struct Evidence {
    pub id: Text,
    pub title: Option<Text>,
    pub date: Option<Spanned<Date>>,
    pub path: Option<Text>,
    pub url: Option<Text>,
    pub controls: Vec<Text>,
    pub procedures: Vec<Text>,
    pub description: Option<Text>,
    /// Words under a misspelt or wrongly shaped `controls`/`procedures` (`control: [C-X]`):
    /// what it was meant to name, so `evidence/missing` stays silent on them.
    pub stray: Vec<String>,
}

/// One record read from a document.
#[derive(Clone, Debug)]
pub enum Record {
    Document(Document),
    Objective(Objective),
    Competence(Competence),
    AuditProgramme(AuditProgramme),
    Audit(Audit),
    ManagementReview(ManagementReview),
    Nonconformity(Nonconformity),
    Incident(Incident),
    Evidence(Evidence),
}

/// Every record, by kind, in file order.
#[derive(Debug, Default)]
pub struct Records {
    pub documents: Vec<Document>,
    pub objectives: Vec<Objective>,
    pub competences: Vec<Competence>,
    pub programmes: Vec<AuditProgramme>,
    pub audits: Vec<Audit>,
    pub reviews: Vec<ManagementReview>,
    pub nonconformities: Vec<Nonconformity>,
    pub incidents: Vec<Incident>,
    pub evidence: Vec<Evidence>,
}

/// The kinds of this module, in the order `Kind::ALL` lists them.
pub const KINDS: [Kind; 9] = [
    Kind::Document,
    Kind::Objective,
    Kind::Competence,
    Kind::AuditProgramme,
    Kind::Audit,
    Kind::ManagementReview,
    Kind::Nonconformity,
    Kind::Incident,
    Kind::Evidence,
];

impl Record {
    /// Builds the record of `kind` (one of [`KINDS`]) from a document's fields.
    pub fn from_fields(kind: Kind, id: Text, f: &Fields) -> Option<Record> {
        let description = f.text("description");
        let title = f.text("title");
        Some(match kind {
            Kind::Document => Record::Document(Document {
                id,
                title,
                doc_type: enum_field(f, "type", DocType::parse),
                satisfies: f.texts("satisfies"),
                version: f.text("version"),
                owner: f.text("owner"),
                approved_by: f.text("approved_by"),
                approved_on: f.date("approved_on"),
                status: enum_field(f, "status", DocStatus::parse),
                review: f.sub("review").map(|r| Review {
                    key: f.key_span("review").unwrap_or(r.node.span),
                    interval_months: r.int("interval_months"),
                    last: r.date("last"),
                }),
                path: f.text("path"),
                url: f.text("url"),
                text: f.text("text"),
                description,
                malformed: unread(
                    f,
                    &[
                        ("approved_by", f.text("approved_by").is_some()),
                        ("approved_on", f.date("approved_on").is_some()),
                    ],
                ),
            }),
            Kind::Objective => Record::Objective(Objective {
                id,
                title,
                measure: f.text("measure"),
                target: f.text("target"),
                owner: f.text("owner"),
                due: f.date("due"),
                status: enum_field(f, "status", ObjectiveStatus::parse),
                results: f
                    .node("results")
                    .and_then(crate::yaml::Node::as_seq)
                    .map(|items| {
                        items
                            .iter()
                            .filter(|n| n.as_map().is_some())
                            .map(|n| {
                                let r = Fields::new(n);
                                ObjectiveResult {
                                    date: r.date("date"),
                                    value: r.text("value"),
                                }
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                policy: f.text("policy"),
                risks: f.texts("risks"),
                malformed: unread(
                    f,
                    &[
                        ("measure", f.text("measure").is_some()),
                        (
                            "results",
                            f.node("results").is_some_and(|n| n.as_seq().is_some()),
                        ),
                    ],
                ),
                description,
            }),
            Kind::Competence => Record::Competence(Competence {
                id,
                title,
                competence_type: enum_field(f, "type", CompetenceType::parse),
                role: f.text("role"),
                person: f.text("person"),
                date: f.date("date"),
                expires: f.date("expires"),
                path: f.text("path"),
                url: f.text("url"),
                description,
            }),
            Kind::AuditProgramme => Record::AuditProgramme(AuditProgramme {
                id,
                title,
                interval_months: f.int("interval_months"),
                scope: f.text("scope"),
                criteria: f.text("criteria"),
                owner: f.text("owner"),
                description,
            }),
            Kind::Audit => Record::Audit(Audit {
                id,
                title,
                programme: f.text("programme"),
                date: f.date("date"),
                status: enum_field(f, "status", AuditStatus::parse),
                scope: f.text("scope"),
                criteria: f.text("criteria"),
                auditor: f.text("auditor"),
                auditees: f.texts("auditees"),
                result: f.text("result"),
                nonconformities: f.texts("nonconformities"),
                description,
            }),
            Kind::ManagementReview => Record::ManagementReview(ManagementReview {
                id,
                title,
                date: f.date("date"),
                attendees: f.texts("attendees"),
                inputs_key: f.key_span("inputs"),
                inputs: f.text_map("inputs"),
                decisions: f.strings("decisions"),
                description,
            }),
            Kind::Nonconformity => Record::Nonconformity(Nonconformity {
                id,
                title,
                source: enum_field(f, "source", NcSource::parse),
                raised_on: f.date("raised_on"),
                correction: f.text("correction"),
                root_cause: f.text("root_cause"),
                corrective_action: f.text("corrective_action"),
                owner: f.text("owner"),
                due: f.date("due"),
                status: enum_field(f, "status", NcStatus::parse),
                closed_on: f.date("closed_on"),
                verified_on: f.date("verified_on"),
                verified_by: f.text("verified_by"),
                malformed: unread(f, &[("verified_on", f.date("verified_on").is_some())]),
                description,
            }),
            Kind::Incident => Record::Incident(Incident {
                id,
                title,
                date: f.date("date"),
                assets: f.texts("assets"),
                risks: f.texts("risks"),
                nonconformities: f.texts("nonconformities"),
                lessons: f.text("lessons"),
                owner: f.text("owner"),
                description,
            }),
            Kind::Evidence => Record::Evidence(Evidence {
                id,
                title,
                date: f.date("date"),
                path: f.text("path"),
                url: f.text("url"),
                controls: f.texts("controls"),
                procedures: f.texts("procedures"),
                description,
                stray: {
                    let mut words = stray_words(f, "controls");
                    words.extend(stray_words(f, "procedures"));
                    words
                },
            }),
            _ => return None,
        })
    }

    pub fn kind(&self) -> Kind {
        match self {
            Record::Document(_) => Kind::Document,
            Record::Objective(_) => Kind::Objective,
            Record::Competence(_) => Kind::Competence,
            Record::AuditProgramme(_) => Kind::AuditProgramme,
            Record::Audit(_) => Kind::Audit,
            Record::ManagementReview(_) => Kind::ManagementReview,
            Record::Nonconformity(_) => Kind::Nonconformity,
            Record::Incident(_) => Kind::Incident,
            Record::Evidence(_) => Kind::Evidence,
        }
    }

    pub fn id(&self) -> &Text {
        match self {
            Record::Document(e) => &e.id,
            Record::Objective(e) => &e.id,
            Record::Competence(e) => &e.id,
            Record::AuditProgramme(e) => &e.id,
            Record::Audit(e) => &e.id,
            Record::ManagementReview(e) => &e.id,
            Record::Nonconformity(e) => &e.id,
            Record::Incident(e) => &e.id,
            Record::Evidence(e) => &e.id,
        }
    }

    /// Every reference it holds: (field, the kind it must name, the ids).
    pub fn references(&self) -> Vec<(&'static str, Kind, &[Text])> {
        match self {
            Record::Document(x) => x.references(),
            Record::Objective(x) => x.references(),
            Record::Competence(x) => x.references(),
            Record::AuditProgramme(x) => x.references(),
            Record::Audit(x) => x.references(),
            Record::ManagementReview(x) => x.references(),
            Record::Nonconformity(x) => x.references(),
            Record::Incident(x) => x.references(),
            Record::Evidence(x) => x.references(),
        }
    }

    /// Every id it names, and its `satisfies` entries as written.
    pub fn names(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .references()
            .into_iter()
            .flat_map(|(_, _, t)| t.iter().map(|t| t.value.clone()))
            .collect();
        if let Record::Document(d) = self {
            out.extend(d.satisfies.iter().map(|t| t.value.clone()));
        }
        out
    }
}

impl Records {
    /// Adds a record; returns its index in its kind's list.
    pub fn add(&mut self, r: Record) -> usize {
        macro_rules! push {
            ($list:ident, $x:expr) => {{
                self.$list.push($x);
                self.$list.len() - 1
            }};
        }
        match r {
            Record::Document(x) => push!(documents, x),
            Record::Objective(x) => push!(objectives, x),
            Record::Competence(x) => push!(competences, x),
            Record::AuditProgramme(x) => push!(programmes, x),
            Record::Audit(x) => push!(audits, x),
            Record::ManagementReview(x) => push!(reviews, x),
            Record::Nonconformity(x) => push!(nonconformities, x),
            Record::Incident(x) => push!(incidents, x),
            Record::Evidence(x) => push!(evidence, x),
        }
    }

    /// The id of the record at `r`.
    pub fn id_of(&self, r: EntityRef) -> &Text {
        let i = r.index;
        match r.kind {
            Kind::Document => &self.documents[i].id,
            Kind::Objective => &self.objectives[i].id,
            Kind::Competence => &self.competences[i].id,
            Kind::AuditProgramme => &self.programmes[i].id,
            Kind::Audit => &self.audits[i].id,
            Kind::ManagementReview => &self.reviews[i].id,
            Kind::Nonconformity => &self.nonconformities[i].id,
            Kind::Incident => &self.incidents[i].id,
            Kind::Evidence => &self.evidence[i].id,
            other => unreachable!("{other:?} is not a record kind"),
        }
    }

    /// The title of the record at `r`, when it has one.
    pub fn title_of(&self, r: EntityRef) -> Option<&Text> {
        let i = r.index;
        match r.kind {
            Kind::Document => self.documents[i].title.as_ref(),
            Kind::Objective => self.objectives[i].title.as_ref(),
            Kind::Competence => self.competences[i].title.as_ref(),
            Kind::AuditProgramme => self.programmes[i].title.as_ref(),
            Kind::Audit => self.audits[i].title.as_ref(),
            Kind::ManagementReview => self.reviews[i].title.as_ref(),
            Kind::Nonconformity => self.nonconformities[i].title.as_ref(),
            Kind::Incident => self.incidents[i].title.as_ref(),
            Kind::Evidence => self.evidence[i].title.as_ref(),
            _ => None,
        }
    }

    /// Puts `r` at `index` of its kind's list: an edit that keeps the file's ids.
    pub fn replace(&mut self, index: usize, r: Record) {
        match r {
            Record::Document(x) => self.documents[index] = x,
            Record::Objective(x) => self.objectives[index] = x,
            Record::Competence(x) => self.competences[index] = x,
            Record::AuditProgramme(x) => self.programmes[index] = x,
            Record::Audit(x) => self.audits[index] = x,
            Record::ManagementReview(x) => self.reviews[index] = x,
            Record::Nonconformity(x) => self.nonconformities[index] = x,
            Record::Incident(x) => self.incidents[index] = x,
            Record::Evidence(x) => self.evidence[index] = x,
        }
    }

    /// Ids of every record of a kind, in file order.
    pub fn ids_of(&self, kind: Kind) -> Vec<&Text> {
        fn ids<T>(v: &[T], f: fn(&T) -> &Text) -> Vec<&Text> {
            v.iter().map(f).collect()
        }
        match kind {
            Kind::Document => ids(&self.documents, |x| &x.id),
            Kind::Objective => ids(&self.objectives, |x| &x.id),
            Kind::Competence => ids(&self.competences, |x| &x.id),
            Kind::AuditProgramme => ids(&self.programmes, |x| &x.id),
            Kind::Audit => ids(&self.audits, |x| &x.id),
            Kind::ManagementReview => ids(&self.reviews, |x| &x.id),
            Kind::Nonconformity => ids(&self.nonconformities, |x| &x.id),
            Kind::Incident => ids(&self.incidents, |x| &x.id),
            Kind::Evidence => ids(&self.evidence, |x| &x.id),
            _ => Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.documents.len()
            + self.objectives.len()
            + self.competences.len()
            + self.programmes.len()
            + self.audits.len()
            + self.reviews.len()
            + self.nonconformities.len()
            + self.incidents.len()
            + self.evidence.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every reference of every record, holders in kind order then file order.
    pub fn references(&self) -> Vec<(EntityRef, &'static str, Kind, &[Text])> {
        let mut out = Vec::new();
        fn each<'a, T: HoldsReferences>(
            out: &mut Vec<(EntityRef, &'static str, Kind, &'a [Text])>,
            kind: Kind,
            list: &'a [T],
        ) {
            for (index, x) in list.iter().enumerate() {
                let holder = EntityRef { kind, index };
                for (field, want, targets) in x.references() {
                    out.push((holder, field, want, targets));
                }
            }
        }
        each(&mut out, Kind::Document, &self.documents);
        each(&mut out, Kind::Objective, &self.objectives);
        each(&mut out, Kind::Competence, &self.competences);
        each(&mut out, Kind::AuditProgramme, &self.programmes);
        each(&mut out, Kind::Audit, &self.audits);
        each(&mut out, Kind::ManagementReview, &self.reviews);
        each(&mut out, Kind::Nonconformity, &self.nonconformities);
        each(&mut out, Kind::Incident, &self.incidents);
        each(&mut out, Kind::Evidence, &self.evidence);
        out
    }
}

/// The references a record holds: (field, the kind it must name, the ids).
pub trait HoldsReferences {
    fn references(&self) -> Vec<(&'static str, Kind, &[Text])>;
}

impl HoldsReferences for Document {
    fn references(&self) -> Vec<(&'static str, Kind, &[Text])> {
        vec![
            ("owner", Kind::Role, self.owner.as_slice()),
            ("approved_by", Kind::Role, self.approved_by.as_slice()),
        ]
    }
}

impl HoldsReferences for Objective {
    fn references(&self) -> Vec<(&'static str, Kind, &[Text])> {
        vec![
            ("owner", Kind::Role, self.owner.as_slice()),
            ("policy", Kind::Document, self.policy.as_slice()),
            ("risks", Kind::Risk, &self.risks),
        ]
    }
}

impl HoldsReferences for Competence {
    fn references(&self) -> Vec<(&'static str, Kind, &[Text])> {
        vec![("role", Kind::Role, self.role.as_slice())]
    }
}

impl HoldsReferences for AuditProgramme {
    fn references(&self) -> Vec<(&'static str, Kind, &[Text])> {
        vec![("owner", Kind::Role, self.owner.as_slice())]
    }
}

impl HoldsReferences for Audit {
    fn references(&self) -> Vec<(&'static str, Kind, &[Text])> {
        vec![
            ("programme", Kind::AuditProgramme, self.programme.as_slice()),
            ("auditor", Kind::Role, self.auditor.as_slice()),
            ("auditees", Kind::Role, &self.auditees),
            (
                "nonconformities",
                Kind::Nonconformity,
                &self.nonconformities,
            ),
        ]
    }
}

impl HoldsReferences for ManagementReview {
    fn references(&self) -> Vec<(&'static str, Kind, &[Text])> {
        vec![("attendees", Kind::Role, &self.attendees)]
    }
}

impl HoldsReferences for Nonconformity {
    fn references(&self) -> Vec<(&'static str, Kind, &[Text])> {
        vec![
            ("owner", Kind::Role, self.owner.as_slice()),
            ("verified_by", Kind::Role, self.verified_by.as_slice()),
        ]
    }
}

impl HoldsReferences for Incident {
    fn references(&self) -> Vec<(&'static str, Kind, &[Text])> {
        vec![
            ("assets", Kind::Asset, &self.assets),
            ("risks", Kind::Risk, &self.risks),
            (
                "nonconformities",
                Kind::Nonconformity,
                &self.nonconformities,
            ),
            ("owner", Kind::Role, self.owner.as_slice()),
        ]
    }
}

impl HoldsReferences for Evidence {
    fn references(&self) -> Vec<(&'static str, Kind, &[Text])> {
        vec![
            ("controls", Kind::Control, &self.controls),
            ("procedures", Kind::Procedure, &self.procedures),
        ]
    }
}
