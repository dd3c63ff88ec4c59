//! The typed, indexed model of an ISMS repository. Rules and reports read only this.
//!
//! Entities are built tolerantly from the spanned YAML: a field of the wrong shape is
//! absent here (the schema stage reported it), and an entity with an id always counts as
//! defined, so one mistake gives one finding.

use crate::fields::{Fields, Spanned, Text};
use crate::source::Span;
use crate::yaml::Node;
use jiff::civil::Date;
use std::collections::HashMap;

pub mod records;
pub use records::{Record, Records};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Role,
    Asset,
    Threat,
    Vulnerability,
    Risk,
    Control,
    Procedure,
    Soa,
    // The ISMS's own records (clauses 4–10), in `records`.
    Document,
    Objective,
    Competence,
    AuditProgramme,
    Audit,
    ManagementReview,
    Nonconformity,
    Incident,
    Evidence,
}

impl Kind {
    pub const ALL: [Kind; 17] = [
        Kind::Role,
        Kind::Asset,
        Kind::Threat,
        Kind::Vulnerability,
        Kind::Risk,
        Kind::Control,
        Kind::Procedure,
        Kind::Soa,
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

    /// One of the ISMS's own records (clauses 4–10), kept in [`Model::records`].
    pub fn is_record(self) -> bool {
        records::KINDS.contains(&self)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Role => "role",
            Kind::Asset => "asset",
            Kind::Threat => "threat",
            Kind::Vulnerability => "vulnerability",
            Kind::Risk => "risk",
            Kind::Control => "control",
            Kind::Procedure => "procedure",
            Kind::Soa => "soa",
            Kind::Document => "document",
            Kind::Objective => "objective",
            Kind::Competence => "competence",
            Kind::AuditProgramme => "audit-programme",
            Kind::Audit => "audit",
            Kind::ManagementReview => "management-review",
            Kind::Nonconformity => "nonconformity",
            Kind::Incident => "incident",
            Kind::Evidence => "evidence",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn name(self, lang: crate::i18n::Lang) -> &'static str {
        lang.pick(self.as_str(), self.ja())
    }

    /// The Japanese name, for messages and reports.
    pub fn ja(self) -> &'static str {
        match self {
            Kind::Role => "役割",
            Kind::Asset => "資産",
            Kind::Threat => "脅威",
            Kind::Vulnerability => "脆弱性",
            Kind::Risk => "リスク",
            Kind::Control => "管理策",
            Kind::Procedure => "実施手順",
            Kind::Soa => "適用宣言書",
            Kind::Document => "文書",
            Kind::Objective => "情報セキュリティ目的",
            Kind::Competence => "力量の記録",
            Kind::AuditProgramme => "内部監査プログラム",
            Kind::Audit => "内部監査",
            Kind::ManagementReview => "マネジメントレビュー",
            Kind::Nonconformity => "不適合",
            Kind::Incident => "インシデント",
            Kind::Evidence => "証跡",
        }
    }
}

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            pub fn parse(s: &str) -> Option<$name> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }
    };
}
// The records' enums (model/records.rs) are made the same way.
pub(crate) use string_enum;

string_enum!(AssetType {
    Information = "information",
    Hardware = "hardware",
    Software = "software",
    Service = "service",
    People = "people",
    Facility = "facility",
});

string_enum!(
    /// E / D / A in ISO/IEC 27005.
    Origin {
        Environmental = "environmental",
        Deliberate = "deliberate",
        Accidental = "accidental",
    }
);

string_enum!(VulnCategory {
    Hardware = "hardware",
    Software = "software",
    Network = "network",
    Personnel = "personnel",
    Site = "site",
    Organization = "organization",
});

string_enum!(TreatmentOption {
    Reduce = "reduce",
    Transfer = "transfer",
    Avoid = "avoid",
    Accept = "accept",
});

string_enum!(
    /// The four themes of ISO/IEC 27001:2022 Annex A, and the seed's four kinds of measure.
    Category {
        Organizational = "organizational",
        People = "people",
        Physical = "physical",
        Technological = "technological",
    }
);

string_enum!(
    /// Ordered from strongest to weakest, so the weakest of several is the maximum.
    Status {
        Implemented = "implemented",
        Partial = "partial",
        Planned = "planned",
        NotImplemented = "not-implemented",
    }
);

fn enum_field<T>(f: &Fields, key: &str, parse: fn(&str) -> Option<T>) -> Option<Spanned<T>> {
    let t = f.text(key)?;
    parse(&t.value).map(|v| Spanned::new(v, t.span))
}

#[derive(Clone, Debug)]
pub struct Role {
    pub id: Text,
    pub title: Option<Text>,
    pub responsibilities: Vec<String>,
    pub members: Vec<String>,
    pub description: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Asset {
    pub id: Text,
    pub name: Option<Text>,
    pub asset_type: Option<Spanned<AssetType>>,
    pub owner: Option<Text>,
    pub confidentiality: Option<Spanned<i64>>,
    pub integrity: Option<Spanned<i64>>,
    pub availability: Option<Spanned<i64>>,
    pub location: Option<Text>,
    pub description: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Threat {
    pub id: Text,
    pub name: Option<Text>,
    pub origin: Option<Spanned<Origin>>,
    pub occurrence: Option<Spanned<i64>>,
    pub source: Option<Text>,
    pub description: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Vulnerability {
    pub id: Text,
    pub name: Option<Text>,
    pub category: Option<Spanned<VulnCategory>>,
    pub threats: Vec<Text>,
    pub exploitability: Option<Spanned<i64>>,
    pub description: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Treatment {
    /// The `treatment` key, to point at the whole block.
    pub key: Span,
    pub option: Option<Spanned<TreatmentOption>>,
    pub controls: Vec<Text>,
    pub to: Option<Text>,
    pub accepted_by: Option<Text>,
    pub accepted_on: Option<Spanned<Date>>,
    pub expires: Option<Spanned<Date>>,
    pub rationale: Option<Text>,
    pub due: Option<Spanned<Date>>,
    /// The risk owner's sign-off of the plan (ISO/IEC 27001 6.1.3 f): who approved it, when.
    pub approved_by: Option<Text>,
    pub approved_on: Option<Spanned<Date>>,
    /// Keys written with a value of the wrong shape (`controls: C-X`, `accepted_on:
    /// 2026-10-32`): absent above, reported by the schema, and not missing to the rules.
    pub malformed: Vec<&'static str>,
}

#[derive(Clone, Debug)]
pub struct Residual {
    pub key: Span,
    pub likelihood: Option<Spanned<i64>>,
    pub impact: Option<Spanned<i64>>,
    /// Why the impact after treatment is lower than before (a control that limits the
    /// damage, such as encryption): without it, the inherent impact stands.
    pub impact_reason: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Risk {
    pub id: Text,
    pub title: Option<Text>,
    pub assets: Vec<Text>,
    pub threat: Option<Text>,
    pub vulnerabilities: Vec<Text>,
    pub likelihood: Option<Spanned<i64>>,
    pub impact: Option<Spanned<i64>>,
    pub impact_reason: Option<Text>,
    /// Why a declared likelihood differs from the one the method derives.
    pub likelihood_reason: Option<Text>,
    pub level: Option<Spanned<i64>>,
    pub owner: Option<Text>,
    pub treatment: Option<Treatment>,
    pub residual: Option<Residual>,
    pub description: Option<Text>,
    /// False when the document broke its schema: rules that would only restate the
    /// schema finding (a missing likelihood after a misspelt one) stay silent.
    pub schema_valid: bool,
}

#[derive(Clone, Debug)]
pub struct Control {
    pub id: Text,
    pub title: Option<Text>,
    pub category: Option<Spanned<Category>>,
    pub maps_to: Vec<Text>,
    pub threats: Vec<Text>,
    pub status: Option<Spanned<Status>>,
    pub owner: Option<Text>,
    pub description: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Review {
    pub key: Span,
    pub interval_months: Option<Spanned<i64>>,
    pub last: Option<Spanned<Date>>,
}

#[derive(Clone, Debug)]
pub struct Procedure {
    pub id: Text,
    pub title: Option<Text>,
    pub implements: Vec<Text>,
    pub owner: Option<Text>,
    pub steps: Vec<String>,
    pub frequency: Option<Text>,
    pub evidence: Vec<String>,
    pub review: Option<Review>,
    pub description: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Soa {
    /// The framework name; the SoA's identity (one per framework).
    pub framework: Text,
    pub version: Option<Text>,
    pub approved_by: Option<Text>,
    pub approved_on: Option<Spanned<Date>>,
    pub exclusions: Vec<(Text, Text)>,
    pub inclusions: Vec<(Text, Text)>,
    pub description: Option<Text>,
    /// Keys written with a value of the wrong shape (`approved_on: 2026-13-01`): reported by
    /// the schema, and not missing to the rules.
    pub malformed: Vec<&'static str>,
}

/// Where an id is defined: its kind and its position in that kind's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityRef {
    pub kind: Kind,
    pub index: usize,
}

/// One entity read from a document, before indexing. Short-lived (moved into the model's
/// lists at once), so the size difference of the variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Entity {
    Role(Role),
    Asset(Asset),
    Threat(Threat),
    Vulnerability(Vulnerability),
    Risk(Risk),
    Control(Control),
    Procedure(Procedure),
    Soa(Soa),
    Record(Record),
}

impl Entity {
    /// Builds the entity of `kind` from a document. An entity without an id still counts
    /// for what it references (its id is empty, pointing at the document); a SoA without a
    /// framework has no identity at all and gives `None`. The schema stage reports both.
    pub fn from_node(kind: Kind, node: &Node) -> Option<Entity> {
        let f = Fields::new(node);
        if kind == Kind::Soa {
            let mut soa = Soa {
                framework: f.text("framework")?,
                version: f.text("version"),
                approved_by: f.text("approved_by"),
                approved_on: f.date("approved_on"),
                exclusions: f.text_map("exclusions"),
                inclusions: f.text_map("inclusions"),
                description: f.text("description"),
                malformed: Vec::new(),
            };
            let read = [
                ("version", soa.version.is_some()),
                ("approved_by", soa.approved_by.is_some()),
                ("approved_on", soa.approved_on.is_some()),
            ];
            soa.malformed = read
                .into_iter()
                .filter(|&(key, read)| !read && f.node(key).is_some())
                .map(|(key, _)| key)
                .collect();
            return Some(Entity::Soa(soa));
        }
        let id = f.text("id").unwrap_or_else(|| {
            Text::new(String::new(), Span::point(node.span.file, node.span.start))
        });
        if kind.is_record() {
            return Record::from_fields(kind, id, &f).map(Entity::Record);
        }
        let description = f.text("description");
        Some(match kind {
            Kind::Role => Entity::Role(Role {
                id,
                title: f.text("title"),
                responsibilities: f.strings("responsibilities"),
                members: f.strings("members"),
                description,
            }),
            Kind::Asset => Entity::Asset(Asset {
                id,
                name: f.text("name"),
                asset_type: enum_field(&f, "type", AssetType::parse),
                owner: f.text("owner"),
                confidentiality: f.int("confidentiality"),
                integrity: f.int("integrity"),
                availability: f.int("availability"),
                location: f.text("location"),
                description,
            }),
            Kind::Threat => Entity::Threat(Threat {
                id,
                name: f.text("name"),
                origin: enum_field(&f, "origin", Origin::parse),
                occurrence: f.int("occurrence"),
                source: f.text("source"),
                description,
            }),
            Kind::Vulnerability => Entity::Vulnerability(Vulnerability {
                id,
                name: f.text("name"),
                category: enum_field(&f, "category", VulnCategory::parse),
                threats: f.texts("threats"),
                exploitability: f.int("exploitability"),
                description,
            }),
            Kind::Risk => Entity::Risk(Risk {
                id,
                title: f.text("title"),
                assets: f.texts("assets"),
                threat: f.text("threat"),
                vulnerabilities: f.texts("vulnerabilities"),
                likelihood: f.int("likelihood"),
                impact: f.int("impact"),
                impact_reason: f.text("impact_reason"),
                likelihood_reason: f.text("likelihood_reason"),
                level: f.int("level"),
                owner: f.text("owner"),
                treatment: f.sub("treatment").map(|t| {
                    let mut treatment = Treatment {
                        key: f.key_span("treatment").unwrap_or(t.node.span),
                        option: enum_field(&t, "option", TreatmentOption::parse),
                        controls: t.texts("controls"),
                        to: t.text("to"),
                        accepted_by: t.text("accepted_by"),
                        accepted_on: t.date("accepted_on"),
                        expires: t.date("expires"),
                        rationale: t.text("rationale"),
                        due: t.date("due"),
                        approved_by: t.text("approved_by"),
                        approved_on: t.date("approved_on"),
                        malformed: Vec::new(),
                    };
                    let read = [
                        (
                            "controls",
                            t.node("controls").is_some_and(|n| n.as_seq().is_some()),
                        ),
                        ("to", treatment.to.is_some()),
                        ("accepted_by", treatment.accepted_by.is_some()),
                        ("accepted_on", treatment.accepted_on.is_some()),
                        ("approved_by", treatment.approved_by.is_some()),
                        ("approved_on", treatment.approved_on.is_some()),
                    ];
                    treatment.malformed = read
                        .into_iter()
                        .filter(|&(key, read)| !read && t.node(key).is_some())
                        .map(|(key, _)| key)
                        .collect();
                    treatment
                }),
                residual: f.sub("residual").map(|r| Residual {
                    key: f.key_span("residual").unwrap_or(r.node.span),
                    likelihood: r.int("likelihood"),
                    impact: r.int("impact"),
                    impact_reason: r.text("impact_reason"),
                }),
                description,
                schema_valid: true,
            }),
            Kind::Control => Entity::Control(Control {
                id,
                title: f.text("title"),
                category: enum_field(&f, "category", Category::parse),
                maps_to: f.texts("maps_to"),
                threats: f.texts("threats"),
                status: enum_field(&f, "status", Status::parse),
                owner: f.text("owner"),
                description,
            }),
            Kind::Procedure => Entity::Procedure(Procedure {
                id,
                title: f.text("title"),
                implements: f.texts("implements"),
                owner: f.text("owner"),
                steps: f.strings("steps"),
                frequency: f.text("frequency"),
                evidence: f.strings("evidence"),
                review: f.sub("review").map(|r| Review {
                    key: f.key_span("review").unwrap_or(r.node.span),
                    interval_months: r.int("interval_months"),
                    last: r.date("last"),
                }),
                description,
            }),
            Kind::Soa => unreachable!("handled above"),
            _ => unreachable!("records are handled above"),
        })
    }

    /// Every id this entity names, and its framework controls as `framework:id` (its
    /// mappings, a SoA's exclusions and inclusions).
    fn names(&self) -> Vec<String> {
        let texts = |lists: &[&[Text]]| -> Vec<String> {
            lists
                .iter()
                .flat_map(|l| l.iter())
                .map(|t| t.value.clone())
                .collect()
        };
        match self {
            Entity::Role(_) | Entity::Threat(_) => Vec::new(),
            Entity::Asset(a) => texts(&[a.owner.as_slice()]),
            Entity::Vulnerability(v) => texts(&[&v.threats]),
            Entity::Risk(r) => {
                let (controls, accepted_by, approved_by) = match &r.treatment {
                    Some(t) => (
                        t.controls.as_slice(),
                        t.accepted_by.as_slice(),
                        t.approved_by.as_slice(),
                    ),
                    None => (&[][..], &[][..], &[][..]),
                };
                texts(&[
                    &r.assets,
                    r.threat.as_slice(),
                    &r.vulnerabilities,
                    r.owner.as_slice(),
                    controls,
                    accepted_by,
                    approved_by,
                ])
            }
            Entity::Control(c) => texts(&[&c.maps_to, &c.threats, c.owner.as_slice()]),
            Entity::Procedure(p) => texts(&[&p.implements, p.owner.as_slice()]),
            Entity::Soa(s) => {
                let mut out = texts(&[s.approved_by.as_slice()]);
                out.extend(
                    s.exclusions
                        .iter()
                        .chain(&s.inclusions)
                        .map(|(id, _)| format!("{}:{}", s.framework.value, id.value)),
                );
                out
            }
            Entity::Record(r) => r.names(),
        }
    }

    pub fn kind(&self) -> Kind {
        match self {
            Entity::Role(_) => Kind::Role,
            Entity::Asset(_) => Kind::Asset,
            Entity::Threat(_) => Kind::Threat,
            Entity::Vulnerability(_) => Kind::Vulnerability,
            Entity::Risk(_) => Kind::Risk,
            Entity::Control(_) => Kind::Control,
            Entity::Procedure(_) => Kind::Procedure,
            Entity::Soa(_) => Kind::Soa,
            Entity::Record(r) => r.kind(),
        }
    }

    /// The id, or for an SoA its framework.
    pub fn id(&self) -> &Text {
        match self {
            Entity::Role(e) => &e.id,
            Entity::Asset(e) => &e.id,
            Entity::Threat(e) => &e.id,
            Entity::Vulnerability(e) => &e.id,
            Entity::Risk(e) => &e.id,
            Entity::Control(e) => &e.id,
            Entity::Procedure(e) => &e.id,
            Entity::Soa(e) => &e.framework,
            Entity::Record(r) => r.id(),
        }
    }
}

/// A second definition of an id, kept for `id/duplicate` and otherwise ignored.
#[derive(Clone, Debug)]
pub struct Duplicate {
    pub id: Text,
    pub kind: Kind,
    pub first: Span,
}

/// Every entity, by kind, in file order; and the index of ids.
#[derive(Debug, Default)]
pub struct Model {
    pub roles: Vec<Role>,
    pub assets: Vec<Asset>,
    pub threats: Vec<Threat>,
    pub vulnerabilities: Vec<Vulnerability>,
    pub risks: Vec<Risk>,
    pub controls: Vec<Control>,
    pub procedures: Vec<Procedure>,
    pub soas: Vec<Soa>,
    /// The ISMS's own records (clauses 4–10).
    pub records: Records,
    pub duplicates: Vec<Duplicate>,
    /// Text values still holding a template fill-in, in file order.
    pub placeholders: Vec<Placeholder>,
    ids: HashMap<String, EntityRef>,
    soa_by_framework: HashMap<String, usize>,
    /// Ids defined by documents that could not be read or modelled (a file that is not
    /// UTF-8, a syntax error, an unknown kind): references to them are not reported,
    /// since the one finding about that document says what is wrong.
    opaque: HashMap<String, Span>,
    /// Id-like words of files that could not be read whole: what they may reference. Rules
    /// that report an absence (no risk names this asset) stay silent on these ids.
    mentioned: std::collections::HashSet<String>,
}

impl Model {
    /// Builds the model from entities in file order: the first definition of an id wins.
    pub fn new(entities: impl IntoIterator<Item = Entity>) -> Model {
        let mut m = Model::default();
        for e in entities {
            m.add(e);
        }
        m
    }

    /// Adds the next entity in file order.
    pub fn add(&mut self, e: Entity) {
        let m = self;
        {
            let kind = e.kind();
            let id = e.id().clone();
            if kind == Kind::Soa {
                if let Some(&i) = m.soa_by_framework.get(&id.value) {
                    m.duplicates.push(Duplicate {
                        first: m.soas[i].framework.span,
                        id,
                        kind,
                    });
                    m.mentioned.extend(e.names());
                    return;
                }
                m.soa_by_framework.insert(id.value.clone(), m.soas.len());
            } else if id.value.is_empty() {
                // No id: kept for what it references, never indexed.
            } else if let Some(r) = m.ids.get(&id.value) {
                let first = m.span_of(*r);
                m.duplicates.push(Duplicate { id, kind, first });
                // The second definition is dropped, and reported once (id/duplicate); what it
                // names stays named for the rules that report an absence, as for a file that
                // cannot be read, so its mappings and references do not go missing as well.
                m.mentioned.extend(e.names());
                return;
            }
            macro_rules! add {
                ($list:ident, $x:expr) => {{
                    let index = m.$list.len();
                    m.$list.push($x);
                    index
                }};
            }
            let index = match e {
                Entity::Role(x) => add!(roles, x),
                Entity::Asset(x) => add!(assets, x),
                Entity::Threat(x) => add!(threats, x),
                Entity::Vulnerability(x) => add!(vulnerabilities, x),
                Entity::Risk(x) => add!(risks, x),
                Entity::Control(x) => add!(controls, x),
                Entity::Procedure(x) => add!(procedures, x),
                Entity::Soa(x) => {
                    m.soas.push(x);
                    return;
                }
                Entity::Record(x) => m.records.add(x),
            };
            if !id.value.is_empty() {
                m.ids.insert(id.value, EntityRef { kind, index });
            }
        }
    }

    /// Records an id that a document defines but the model could not take in.
    pub fn add_opaque(&mut self, id: String, span: Span) {
        self.opaque.entry(id).or_insert(span);
    }

    pub fn is_opaque(&self, id: &str) -> bool {
        self.opaque.contains_key(id)
    }

    /// Whether some document could not be read or modelled: it may define anything.
    pub fn has_unread(&self) -> bool {
        !self.opaque.is_empty() || !self.mentioned.is_empty()
    }

    pub fn add_mention(&mut self, word: String) {
        self.mentioned.insert(word);
    }

    /// Whether a file that could not be read whole may reference `id`.
    pub fn maybe_referenced(&self, id: &str) -> bool {
        self.mentioned.contains(id)
    }

    /// The id of an entity (its framework for a SoA); empty when it has none.
    pub fn id_of(&self, r: EntityRef) -> &str {
        match r.kind {
            Kind::Role => self.roles[r.index].id.as_str(),
            Kind::Asset => self.assets[r.index].id.as_str(),
            Kind::Threat => self.threats[r.index].id.as_str(),
            Kind::Vulnerability => self.vulnerabilities[r.index].id.as_str(),
            Kind::Risk => self.risks[r.index].id.as_str(),
            Kind::Control => self.controls[r.index].id.as_str(),
            Kind::Procedure => self.procedures[r.index].id.as_str(),
            Kind::Soa => self.soas[r.index].framework.as_str(),
            _ => self.records.id_of(r).as_str(),
        }
    }

    pub fn lookup(&self, id: &str) -> Option<EntityRef> {
        self.ids.get(id).copied()
    }

    /// Where the entity's id is written.
    pub fn span_of(&self, r: EntityRef) -> Span {
        match r.kind {
            Kind::Role => self.roles[r.index].id.span,
            Kind::Asset => self.assets[r.index].id.span,
            Kind::Threat => self.threats[r.index].id.span,
            Kind::Vulnerability => self.vulnerabilities[r.index].id.span,
            Kind::Risk => self.risks[r.index].id.span,
            Kind::Control => self.controls[r.index].id.span,
            Kind::Procedure => self.procedures[r.index].id.span,
            Kind::Soa => self.soas[r.index].framework.span,
            _ => self.records.id_of(r).span,
        }
    }

    /// Whether any entity of `kind` has an id (without listing them all).
    pub fn has_ids(&self, kind: Kind) -> bool {
        fn any<T>(v: &[T], f: fn(&T) -> &Text) -> bool {
            v.iter().any(|x| !f(x).as_str().is_empty())
        }
        match kind {
            Kind::Role => any(&self.roles, |x| &x.id),
            Kind::Asset => any(&self.assets, |x| &x.id),
            Kind::Threat => any(&self.threats, |x| &x.id),
            Kind::Vulnerability => any(&self.vulnerabilities, |x| &x.id),
            Kind::Risk => any(&self.risks, |x| &x.id),
            Kind::Control => any(&self.controls, |x| &x.id),
            Kind::Procedure => any(&self.procedures, |x| &x.id),
            Kind::Soa => any(&self.soas, |x| &x.framework),
            _ => self
                .records
                .ids_of(kind)
                .iter()
                .any(|t| !t.as_str().is_empty()),
        }
    }

    /// Ids of every entity of a kind, in file order (for did-you-mean).
    pub fn ids_of(&self, kind: Kind) -> Vec<&str> {
        fn ids<T>(v: &[T], f: fn(&T) -> &Text) -> Vec<&str> {
            v.iter()
                .map(|x| f(x).as_str())
                .filter(|id| !id.is_empty())
                .collect()
        }
        match kind {
            Kind::Role => ids(&self.roles, |x| &x.id),
            Kind::Asset => ids(&self.assets, |x| &x.id),
            Kind::Threat => ids(&self.threats, |x| &x.id),
            Kind::Vulnerability => ids(&self.vulnerabilities, |x| &x.id),
            Kind::Risk => ids(&self.risks, |x| &x.id),
            Kind::Control => ids(&self.controls, |x| &x.id),
            Kind::Procedure => ids(&self.procedures, |x| &x.id),
            Kind::Soa => ids(&self.soas, |x| &x.framework),
            _ => self
                .records
                .ids_of(kind)
                .into_iter()
                .map(Text::as_str)
                .filter(|id| !id.is_empty())
                .collect(),
        }
    }

    /// Every entity read, ids or not, duplicates included.
    pub fn entity_count(&self) -> usize {
        self.roles.len()
            + self.assets.len()
            + self.threats.len()
            + self.vulnerabilities.len()
            + self.risks.len()
            + self.controls.len()
            + self.procedures.len()
            + self.soas.len()
            + self.records.len()
            + self.duplicates.len()
    }

    pub fn asset(&self, id: &str) -> Option<&Asset> {
        match self.lookup(id)? {
            EntityRef {
                kind: Kind::Asset,
                index,
            } => Some(&self.assets[index]),
            _ => None,
        }
    }

    pub fn threat(&self, id: &str) -> Option<&Threat> {
        match self.lookup(id)? {
            EntityRef {
                kind: Kind::Threat,
                index,
            } => Some(&self.threats[index]),
            _ => None,
        }
    }

    pub fn vulnerability(&self, id: &str) -> Option<&Vulnerability> {
        match self.lookup(id)? {
            EntityRef {
                kind: Kind::Vulnerability,
                index,
            } => Some(&self.vulnerabilities[index]),
            _ => None,
        }
    }

    pub fn control(&self, id: &str) -> Option<&Control> {
        match self.lookup(id)? {
            EntityRef {
                kind: Kind::Control,
                index,
            } => Some(&self.controls[index]),
            _ => None,
        }
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        match self.lookup(id)? {
            EntityRef {
                kind: Kind::Role,
                index,
            } => Some(&self.roles[index]),
            _ => None,
        }
    }
}

/// Template fill-ins: the marks a starter or a copied template leaves where the
/// organisation's own text belongs. `〇〇`-style doubled marks (Japanese templates write
/// 株式会社〇〇, ○○部), the starters' own `（記入）` / `(Fill in)` before a text to write,
/// `{{…}}` (the starters' English fill-ins, and template engines'), and the words TODO, TBD
/// and FIXME in capitals, as whole words.
pub const PLACEHOLDER_MARKS: &[&str] = &["〇〇", "○○", "●●", "△△", "××", "（記入）", "(Fill in)"];
pub const PLACEHOLDER_WORDS: &[&str] = &["TODO", "TBD", "FIXME"];

/// The first fill-in a text holds, as written. One pass over the bytes, trying the marks
/// only where one could begin: it runs on every text value of the repository, and a
/// `str::find` per mark (each building a searcher) was a tenth of `isms check`.
pub fn placeholder_in(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut braces = true;
    for (at, &c) in b.iter().enumerate() {
        let rest = &b[at..];
        match c {
            // The first bytes of the marks: 〇○●△× and the two brackets.
            0xE2 | 0xE3 | 0xC3 | 0xEF | b'(' => {
                if let Some(m) = PLACEHOLDER_MARKS
                    .iter()
                    .find(|m| rest.starts_with(m.as_bytes()))
                {
                    return Some(&text[at..at + m.len()]);
                }
            }
            b'{' if braces && rest.starts_with(b"{{") => {
                if let Some(close) = text[at + 2..].find("}}") {
                    return Some(&text[at..at + close + 4]);
                }
                // No `}}` after the first `{{` is none after a later one either.
                braces = false;
            }
            b'T' | b'F' => {
                for w in PLACEHOLDER_WORDS {
                    if !rest.starts_with(w.as_bytes()) {
                        continue;
                    }
                    let end = at + w.len();
                    let before = text[..at].chars().next_back().is_none_or(|c| !word(c));
                    let after = text[end..].chars().next().is_none_or(|c| !word(c));
                    if before && after {
                        return Some(&text[at..end]);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// A text value of a document that still holds a template fill-in (`text/placeholder`).
#[derive(Clone, Debug)]
pub struct Placeholder {
    /// The entity's id (a SoA's framework).
    pub subject: String,
    /// The field, `treatment.rationale`, `steps.2`.
    pub field: String,
    /// The whole value, where it is written.
    pub span: Span,
    /// The fill-in as written: `〇〇`, `{{your organization}}`, `TODO`.
    pub mark: String,
}

/// Every text value of a document holding a fill-in, in document order (keys are not
/// texts). Walked with a stack: nesting is bounded by the YAML stage, but no recursion.
pub fn placeholders(subject: &str, root: &Node) -> Vec<Placeholder> {
    /// A step of a field's path: a key, or an item's index.
    enum Step<'a> {
        Key(&'a str),
        Item(usize),
    }
    fn dotted(steps: &[Step]) -> String {
        let mut out = String::new();
        for s in steps {
            match s {
                Step::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Step::Item(n) => {
                    out.push('.');
                    out.push_str(&n.to_string());
                }
            }
        }
        out
    }
    // Depth first, in document order; the path is written out only for a fill-in found (it
    // ran for every value of the repository).
    let mut out = Vec::new();
    let mut steps: Vec<Step> = Vec::new();
    // (node, its depth, the step that leads to it)
    let mut stack: Vec<(&Node, usize, Option<Step>)> = vec![(root, 0, None)];
    while let Some((node, depth, step)) = stack.pop() {
        steps.truncate(depth.saturating_sub(1));
        if let Some(step) = step {
            steps.push(step);
        }
        match &node.value {
            crate::yaml::Value::Scalar { text, .. } => {
                if let Some(mark) = placeholder_in(text) {
                    out.push(Placeholder {
                        subject: subject.to_owned(),
                        field: dotted(&steps),
                        span: node.span,
                        mark: mark.to_owned(),
                    });
                }
            }
            crate::yaml::Value::Seq(items) => {
                for (i, item) in items.iter().enumerate().rev() {
                    stack.push((item, depth + 1, Some(Step::Item(i))));
                }
            }
            crate::yaml::Value::Map(entries) => {
                for e in entries.iter().rev() {
                    let key = e.key.scalar().map_or("", |(k, _)| k);
                    stack.push((&e.value, depth + 1, Some(Step::Key(key))));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod placeholder_tests {
    use super::placeholder_in;

    #[test]
    fn the_fill_ins_and_their_near_misses() {
        assert_eq!(placeholder_in("株式会社〇〇"), Some("〇〇"));
        assert_eq!(placeholder_in("○○損害保険株式会社"), Some("○○"));
        assert_eq!(
            placeholder_in("{{your organization}}"),
            Some("{{your organization}}")
        );
        assert_eq!(placeholder_in("review: TBD"), Some("TBD"));
        assert_eq!(placeholder_in("TODO: write the steps"), Some("TODO"));
        assert_eq!(placeholder_in("a 〇 and a ○"), None);
        assert_eq!(placeholder_in("TODOS and MASTODON"), None);
        assert_eq!(placeholder_in("{{ never closed"), None);
        assert_eq!(placeholder_in("Todo list"), None);
        // The first of several.
        assert_eq!(placeholder_in("TBD by 〇〇"), Some("TBD"));
        assert_eq!(placeholder_in("{{ open, then TODO"), Some("TODO"));
        assert_eq!(placeholder_in("TODOS, then TODO"), Some("TODO"));
        assert_eq!(placeholder_in("（未記入）（記入）"), Some("（記入）"));
    }
}
