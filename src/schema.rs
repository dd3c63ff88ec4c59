//! JSON Schema validation with the files of `schema/`, embedded in the binary and compiled
//! once. Errors come back as findings on the offending node: an unknown field underlines its
//! key (with did-you-mean), a missing field the mapping's first key, anything else the value.

use crate::finding::{Finding, Message};
use crate::i18n::Lang;
use crate::model::Kind;
use crate::rules::loading::SchemaInvalid;
use crate::source::Span;
use crate::suggest;
use crate::yaml::{Entry, Node, Resolved, Value};
use crate::{msg, tr};
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{Validator, paths::LocationSegment};
use serde_json::Value as Json;
use std::collections::HashMap;
use std::sync::OnceLock;

mod tree;

const BASE: &str = "file:///isms/schema/";

/// Every schema file: its name in `schema/` and its text.
pub const FILES: &[(&str, &str)] = &[
    (
        "defs.schema.json",
        include_str!("../schema/defs.schema.json"),
    ),
    (
        "role.schema.json",
        include_str!("../schema/role.schema.json"),
    ),
    (
        "asset.schema.json",
        include_str!("../schema/asset.schema.json"),
    ),
    (
        "threat.schema.json",
        include_str!("../schema/threat.schema.json"),
    ),
    (
        "vulnerability.schema.json",
        include_str!("../schema/vulnerability.schema.json"),
    ),
    (
        "risk.schema.json",
        include_str!("../schema/risk.schema.json"),
    ),
    (
        "control.schema.json",
        include_str!("../schema/control.schema.json"),
    ),
    (
        "procedure.schema.json",
        include_str!("../schema/procedure.schema.json"),
    ),
    ("soa.schema.json", include_str!("../schema/soa.schema.json")),
    // The ISMS's own records (clauses 4–10).
    (
        "document.schema.json",
        include_str!("../schema/document.schema.json"),
    ),
    (
        "objective.schema.json",
        include_str!("../schema/objective.schema.json"),
    ),
    (
        "competence.schema.json",
        include_str!("../schema/competence.schema.json"),
    ),
    (
        "audit-programme.schema.json",
        include_str!("../schema/audit-programme.schema.json"),
    ),
    (
        "audit.schema.json",
        include_str!("../schema/audit.schema.json"),
    ),
    (
        "management-review.schema.json",
        include_str!("../schema/management-review.schema.json"),
    ),
    (
        "nonconformity.schema.json",
        include_str!("../schema/nonconformity.schema.json"),
    ),
    (
        "incident.schema.json",
        include_str!("../schema/incident.schema.json"),
    ),
    (
        "evidence.schema.json",
        include_str!("../schema/evidence.schema.json"),
    ),
    (
        "isms.schema.json",
        include_str!("../schema/isms.schema.json"),
    ),
    (
        "config.schema.json",
        include_str!("../schema/config.schema.json"),
    ),
];

struct Schemas {
    /// Parsed files, for did-you-mean and descriptions.
    files: Vec<(&'static str, Json)>,
    kinds: Vec<(Kind, Validators)>,
    config: Validators,
}

/// One schema compiled twice: for the YAML tree (the verdict) and for its JSON copy (the
/// errors of a document that fails).
struct Validators {
    tree: Validator<tree::Yaml>,
    json: Validator,
}

/// One schema file compiled for a representation of the documents.
fn compile<F: jsonschema::json::Json>(
    registry: &jsonschema::Registry,
    name: &str,
    json: &Json,
) -> Validator<F> {
    jsonschema::options_for::<F>()
        .with_draft(jsonschema::Draft::Draft7)
        .with_registry(registry)
        .with_base_uri(format!("{BASE}{name}"))
        .should_validate_formats(true)
        .build(json)
        .unwrap_or_else(|e| panic!("schema/{name} does not compile: {e}"))
}

fn schemas() -> &'static Schemas {
    static SCHEMAS: OnceLock<Schemas> = OnceLock::new();
    SCHEMAS.get_or_init(|| {
        let files: Vec<(&str, Json)> = FILES
            .iter()
            .map(|(name, text)| {
                let json = serde_json::from_str(text)
                    .unwrap_or_else(|e| panic!("schema/{name} is not JSON: {e}"));
                (*name, json)
            })
            .collect();
        let mut builder = jsonschema::Registry::new();
        for (name, json) in &files {
            builder = builder
                .add(format!("{BASE}{name}"), json.clone())
                .expect("schema URI");
        }
        let registry = builder.prepare().expect("schema registry");
        let build = |name: &str| {
            let json = &files.iter().find(|(n, _)| *n == name).expect("schema").1;
            Validators {
                tree: compile(&registry, name, json),
                json: compile(&registry, name, json),
            }
        };
        let kinds = Kind::ALL
            .iter()
            .map(|k| (*k, build(&format!("{}.schema.json", k.as_str()))))
            .collect();
        let config = build("config.schema.json");
        Schemas {
            files,
            kinds,
            config,
        }
    })
}

fn file(name: &str) -> Option<&'static Json> {
    schemas()
        .files
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, j)| j)
}

/// Follows a `$ref` within the embedded files.
fn deref<'a>(mut schema: &'a Json, mut current: &'a str) -> Option<(&'a Json, &'a str)> {
    for _ in 0..8 {
        let Some(r) = schema.get("$ref").and_then(Json::as_str) else {
            return Some((schema, current));
        };
        let (name, pointer) = r.split_once('#').unwrap_or((r, ""));
        if !name.is_empty() {
            current = schemas().files.iter().find(|(n, _)| *n == name)?.0;
        }
        schema = file(current)?.pointer(pointer)?;
    }
    None
}

/// The sub-schema that governs the instance at `path` (object properties and array items).
fn schema_at<'a>(file_name: &'a str, path: &[String]) -> Option<&'a Json> {
    let (mut schema, mut current) = deref(file(file_name)?, file_name)?;
    for seg in path {
        let next = schema
            .get("properties")
            .and_then(|p| p.get(seg))
            .or_else(|| schema.get("items"))
            .or_else(|| schema.get("additionalProperties").filter(|a| a.is_object()))?;
        (schema, current) = deref(next, current)?;
    }
    Some(schema)
}

fn schema_file_for(kind: Option<Kind>) -> String {
    kind.map_or("config.schema.json".to_owned(), |k| {
        format!("{}.schema.json", k.as_str())
    })
}

/// Validates one entity document against the schema of its kind. The caller has checked
/// `kind` itself. Each finding's field is where in the document it is (its identity).
pub fn validate(kind: Kind, node: &Node) -> Vec<Finding> {
    let validator = &schemas()
        .kinds
        .iter()
        .find(|(k, _)| *k == kind)
        .expect("a validator per kind")
        .1;
    run(validator, Some(kind), node)
}

pub fn validate_config(node: &Node) -> Vec<Finding> {
    run(&schemas().config, None, node)
}

/// The first schema under which `node` and its JSON copy get different verdicts, if any:
/// the fuzzer's check that validating the tree is validating the copy.
pub fn disagreement(node: &Node) -> Option<String> {
    let s = schemas();
    let json = node.to_json();
    let all = s.kinds.iter().map(|(k, v)| (k.as_str(), v));
    all.chain([("config", &s.config)])
        .find(|(_, v)| v.tree.is_valid(tree::Tree::new(node)) != v.json.is_valid(&json))
        .map(|(name, _)| format!("{name}.schema.json"))
}

/// Compiles every schema; used by tests and to fail fast.
pub fn warm() {
    let _ = schemas();
}

/// One schema error, placed: what `describe` words.
struct Problem<'a> {
    kind: &'a ValidationErrorKind,
    path: Vec<String>,
    target: Target<'a>,
}

fn run(validators: &Validators, kind: Option<Kind>, node: &Node) -> Vec<Finding> {
    let mut findings = numeric_keys(node);
    // Most documents are valid: `is_valid` on the tree stops at nothing, builds no error
    // and makes no copy.
    if validators.tree.is_valid(tree::Tree::new(node)) {
        return findings;
    }
    let mut keys = Keys::default();
    let json = node.to_json();
    let schema_file = schema_file_for(kind);
    let errors: Vec<_> = validators.json.iter_errors(&json).collect();
    let mut problems: Vec<Problem> = Vec::new();
    for error in &errors {
        let path: Vec<String> = error
            .instance_path()
            .iter()
            .map(|s| match s {
                LocationSegment::Property(p) => p.into_owned(),
                LocationSegment::Index(i) => i.to_string(),
            })
            .collect();
        let Some(target) = walk(node, &path, &mut keys) else {
            continue;
        };
        problems.push(Problem {
            kind: error.kind(),
            path,
            target,
        });
    }
    // A date the pattern refuses is also no date (format): one finding, the date's, which
    // says how to write it.
    let not_a_date: std::collections::HashSet<Vec<String>> = problems
        .iter()
        .filter(|p| matches!(p.kind, ValidationErrorKind::Format { format } if format == "date"))
        .map(|p| p.path.clone())
        .collect();
    problems.retain(|p| {
        !(matches!(p.kind, ValidationErrorKind::Pattern { .. }) && not_a_date.contains(&p.path))
    });
    let misspelt = misspelt_required(&problems);
    let said: std::collections::HashSet<(&[String], &str)> = misspelt
        .iter()
        .map(|((path, _), req)| (path.as_slice(), req.as_str()))
        .collect();
    for p in &problems {
        if let ValidationErrorKind::Required { property } = p.kind {
            let name = property.as_str().unwrap_or_default();
            if said.contains(&(p.path.as_slice(), name)) {
                continue; // the unknown field's finding says it
            }
        }
        findings.extend(describe(p, &schema_file, kind, &misspelt, &mut keys));
    }
    findings
}

/// (path of the mapping, unknown key) → the required field it misspells.
type Misspelt = HashMap<(Vec<String>, String), String>;

/// Unknown fields that are a did-you-mean of a required field missing from the same
/// mapping (`orign:` for `origin:`): one mistake, one finding.
fn misspelt_required(problems: &[Problem]) -> Misspelt {
    let mut missing: HashMap<&[String], Vec<&str>> = HashMap::new();
    for q in problems {
        if let ValidationErrorKind::Required { property } = q.kind {
            if let Some(name) = property.as_str() {
                missing.entry(q.path.as_slice()).or_default().push(name);
            }
        }
    }
    let mut out = HashMap::new();
    for p in problems {
        let ValidationErrorKind::AdditionalProperties { unexpected } = p.kind else {
            continue;
        };
        let Some(missing) = missing.get(p.path.as_slice()) else {
            continue;
        };
        for name in unexpected {
            if let Some(req) = did_you_mean(name, missing.iter().copied()) {
                out.insert((p.path.clone(), name.clone()), req.to_owned());
            }
        }
    }
    out
}

/// Key → entry of each large mapping that errors point into, built on first use: a mapping
/// with twenty thousand unknown keys is searched twenty thousand times.
#[derive(Default)]
struct Keys<'a> {
    maps: HashMap<usize, HashMap<&'a str, &'a Entry>>,
}

impl<'a> Keys<'a> {
    fn entry(&mut self, map: &'a Node, key: &str) -> Option<&'a Entry> {
        let entries = map.as_map()?;
        if entries.len() < 16 {
            return map.entry(key);
        }
        self.maps
            .entry(std::ptr::from_ref(map) as usize)
            .or_insert_with(|| {
                let mut ix = HashMap::with_capacity(entries.len());
                for e in entries {
                    if let Some((k, _)) = e.key.scalar() {
                        ix.entry(k).or_insert(e);
                    }
                }
                ix
            })
            .get(key)
            .copied()
    }
}

/// A node found by a JSON pointer, with the key it stands under.
struct Target<'a> {
    node: &'a Node,
    key: Option<&'a Node>,
}

impl Target<'_> {
    /// Scalars underline themselves; collections (which have no length) their key.
    fn span(&self) -> Span {
        match (&self.node.value, self.key) {
            (Value::Scalar { .. }, _) | (_, None) => self.node.span,
            (_, Some(k)) => k.span,
        }
    }
}

fn walk<'a>(root: &'a Node, path: &[String], keys: &mut Keys<'a>) -> Option<Target<'a>> {
    let mut t = Target {
        node: root,
        key: None,
    };
    for seg in path {
        t = match &t.node.value {
            Value::Map(_) => {
                let e = keys.entry(t.node, seg)?;
                Target {
                    node: &e.value,
                    key: Some(&e.key),
                }
            }
            Value::Seq(items) => Target {
                node: items.get(seg.parse::<usize>().ok()?)?,
                key: t.key,
            },
            Value::Scalar { .. } => return None,
        };
    }
    Some(t)
}

/// A `schema/invalid` finding about `field` (a dotted path in the document, with what
/// tells two problems at one place apart).
fn schema_finding(span: Span, message: Message, field: String) -> Finding {
    Finding::new(&SchemaInvalid::META, span, message).about("", field)
}

fn dotted(path: &[String]) -> String {
    path.join(".")
}

/// Mapping keys that YAML reads as numbers, booleans or null: `5.10:` is the number 5.1 to
/// every other YAML tool, so the user must quote it.
fn numeric_keys(root: &Node) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut todo = vec![root];
    while let Some(n) = todo.pop() {
        match &n.value {
            Value::Map(entries) => {
                for e in entries {
                    if let Some((text, true)) = e.key.scalar() {
                        if let Some(read) = non_string(&e.key) {
                            out.push(
                                schema_finding(
                                    e.key.span,
                                    Message::from_fn(|lang| {
                                        let read = read.get(lang);
                                        tr!(
                                            lang,
                                            "key `{text}` is read as {read}, not as the text \"{text}\"",
                                            "キー `{text}` は文字列 \"{text}\" ではなく{read}として読まれます"
                                        )
                                    }),
                                    format!("key:{text}"),
                                )
                                .help(quote_help(text)),
                            );
                        }
                    }
                    todo.push(&e.value);
                }
            }
            Value::Seq(items) => todo.extend(items),
            Value::Scalar { .. } => {}
        }
    }
    out
}

/// How YAML reads a plain scalar that is not a string, in words; `None` for strings.
fn non_string(node: &Node) -> Option<Message> {
    let (text, plain) = node.scalar()?;
    if !plain {
        return None;
    }
    Some(match crate::yaml::resolve(text, plain) {
        Resolved::Str(_) => return None,
        Resolved::Null => msg!("null (nothing)", "null（値なし）"),
        Resolved::Bool(b) => msg!("the boolean {b}", "真偽値 {b} "),
        Resolved::Int(i) => msg!("the number {i}", "数値 {i} "),
        Resolved::Float(f) => msg!("the number {f}", "数値 {f} "),
    })
}

fn quote_help(text: &str) -> Message {
    msg!("quote it: \"{text}\"", "引用符で囲んでください：\"{text}\"")
}

/// The text a help line made by `quote_help` says to quote: what a quick fix writes.
pub fn quoted_of(help: &Message) -> Option<&str> {
    help.en.strip_prefix("quote it: \"")?.strip_suffix('"')
}

/// The JSON type of a node, in words.
fn json_type_name(node: &Node, lang: Lang) -> &'static str {
    let (en, ja) = match &node.value {
        Value::Map(_) => ("a mapping", "マッピング"),
        Value::Seq(_) => ("a list", "リスト"),
        Value::Scalar { text, plain } => match crate::yaml::resolve(text, *plain) {
            Resolved::Null => ("nothing (null)", "値なし（null）"),
            Resolved::Bool(_) => ("a boolean", "真偽値"),
            Resolved::Int(_) => ("an integer", "整数"),
            Resolved::Float(_) => ("a number", "数値"),
            Resolved::Str(_) => ("a string", "文字列"),
        },
    };
    lang.pick(en, ja)
}

fn expected_name(kind: &TypeKind, lang: Lang) -> String {
    use jsonschema::JsonType as T;
    let one = |t: T| {
        let (en, ja) = match t {
            T::Array => ("a list", "リスト"),
            T::Boolean => ("a boolean", "真偽値"),
            T::Integer => ("an integer", "整数"),
            T::Null => ("null", "null"),
            T::Number => ("a number", "数値"),
            T::Object => ("a mapping", "マッピング"),
            T::String => ("a string", "文字列"),
        };
        lang.pick(en, ja)
    };
    match kind {
        TypeKind::Single(t) => one(*t).to_owned(),
        TypeKind::Multiple(set) => set
            .iter()
            .map(one)
            .collect::<Vec<_>>()
            .join(lang.pick(" or ", "または")),
    }
}

fn field_name(path: &[String]) -> String {
    path.iter()
        .rev()
        .find(|s| s.parse::<usize>().is_err())
        .cloned()
        .unwrap_or_else(|| "document".to_owned())
}

pub use crate::suggest::did_you_mean;

fn describe<'a>(
    p: &Problem<'a>,
    schema_file: &str,
    entity: Option<Kind>,
    misspelt: &Misspelt,
    keys: &mut Keys<'a>,
) -> Vec<Finding> {
    let (t, path) = (&p.target, p.path.as_slice());
    let what = entity.map_or("isms.yaml", Kind::as_str);
    // In Japanese, the kind's Japanese name (リスク), as the reports say it.
    let what_ja = entity.map_or("isms.yaml ", Kind::ja);
    let field = field_name(path);
    let at = dotted(path);
    let one = |message: Message, help: Option<Message>, what: &str| {
        vec![schema_finding(t.span(), message, format!("{at}:{what}")).help_opt(help)]
    };
    match p.kind {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let allowed: Vec<&str> = schema_at(schema_file, path)
                .and_then(|s| s.get("properties"))
                .and_then(Json::as_object)
                .map(|p| p.keys().map(String::as_str).collect())
                .unwrap_or_default();
            unexpected
                .iter()
                .filter_map(|name| {
                    let key = keys.entry(t.node, name)?;
                    let required = misspelt
                        .get(&(path.to_vec(), name.clone()))
                        .map(String::as_str);
                    let help = match (required, full_width(name)) {
                        // `　integrity` parses as a key: the full-width character is the mistake.
                        (_, Some((c, at, fixed))) => {
                            let (label_en, label_ja) = match c {
                                '\u{3000}' => ("a full-width space", "全角の空白"),
                                _ => ("a full-width colon", "全角のコロン"),
                            };
                            msg!(
                                "character {at} of the key is {label_en} `{c}` (全角): write `{fixed}` in half-width characters",
                                "キーの {at} 文字目が{label_ja} `{c}` です。半角で `{fixed}` と書いてください"
                            )
                        }
                        (Some(r), None) => msg!(
                            "did you mean `{r}`? It is required",
                            "`{r}` の誤りではありませんか？（`{r}` は必須です）"
                        ),
                        (None, None) => suggest::help(name, allowed.iter().copied(), || {
                            msg!(
                                "the fields here are: {}",
                                "ここで使えるフィールド：{}",
                                allowed.join(", ")
                            )
                        }),
                    };
                    let key_path = if at.is_empty() {
                        name.clone()
                    } else {
                        format!("{at}.{name}")
                    };
                    Some(
                        schema_finding(
                            key.key.span,
                            msg!(
                                "unknown field `{name}` in {what}",
                                "{what_ja}に未知のフィールド `{name}` があります"
                            ),
                            format!("{key_path}:unknown"),
                        )
                        .help(help),
                    )
                })
                .collect()
        }
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            let span = t
                .node
                .as_map()
                .and_then(|m| m.first())
                .map_or(t.node.span, |e| e.key.span);
            let mut sub = path.to_vec();
            sub.push(name.to_owned());
            let about = schema_at(schema_file, &sub)
                .and_then(|s| s.get("description"))
                .and_then(Json::as_str)
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            let place = if path.is_empty() {
                what.to_owned()
            } else {
                format!("`{field}`")
            };
            let key_path = if at.is_empty() {
                name.to_owned()
            } else {
                format!("{at}.{name}")
            };
            vec![
                schema_finding(
                    span,
                    msg!(
                        "missing field `{name}` in {place}",
                        "{place} に必須フィールド `{name}` がありません"
                    ),
                    format!("{key_path}:required"),
                )
                .help(msg!(
                    "add `{name}:`{about}",
                    "`{name}:` を追加してください{about}"
                )),
            ]
        }
        ValidationErrorKind::Type { kind } => {
            let wants_string = matches!(kind, TypeKind::Single(jsonschema::JsonType::String));
            if let (true, Some((text, true)), Some(read)) =
                (wants_string, t.node.scalar(), non_string(t.node))
            {
                return one(
                    Message::from_fn(|lang| {
                        let read = read.get(lang);
                        tr!(
                            lang,
                            "`{field}` must be text, but `{text}` is read as {read}",
                            "`{field}` は文字列でなければなりませんが、`{text}` は{read}として読まれます"
                        )
                    }),
                    Some(quote_help(text)),
                    "type",
                );
            }
            one(
                Message::from_fn(|lang| {
                    let expected = expected_name(kind, lang);
                    let found = json_type_name(t.node, lang);
                    tr!(
                        lang,
                        "`{field}` must be {expected}, found {found}",
                        "`{field}` は{expected}でなければなりません（実際：{found}）"
                    )
                }),
                None,
                "type",
            )
        }
        ValidationErrorKind::Enum { options } => {
            let opts: Vec<&str> = options
                .as_array()
                .map(|a| a.iter().filter_map(Json::as_str).collect())
                .unwrap_or_default();
            let value = t.node.scalar().map_or("", |(s, _)| s);
            let alias = japanese_term(value).filter(|a| opts.contains(a));
            let help = alias
                .or_else(|| did_you_mean(value, opts.iter().copied()))
                .map_or_else(
                    || msg!("one of: {}", "次のいずれか：{}", opts.join(", ")),
                    suggest::mean,
                );
            one(
                msg!(
                    "`{value}` is not a valid `{field}`",
                    "`{value}` は `{field}` の値として使えません"
                ),
                Some(help),
                "enum",
            )
        }
        ValidationErrorKind::Minimum { limit } => one(
            msg!(
                "`{field}` must be at least {limit}",
                "`{field}` は {limit} 以上でなければなりません"
            ),
            None,
            "minimum",
        ),
        ValidationErrorKind::Maximum { limit } => one(
            msg!(
                "`{field}` must be at most {limit}",
                "`{field}` は {limit} 以下でなければなりません"
            ),
            None,
            "maximum",
        ),
        ValidationErrorKind::Format { format } if format == "date" => {
            let value = t.node.scalar().map_or("", |(s, _)| s);
            one(
                msg!(
                    "`{value}` is not a valid date",
                    "`{value}` は正しい日付ではありません"
                ),
                Some(msg!(
                    "write a calendar date as YYYY-MM-DD, e.g. 2026-04-01",
                    "YYYY-MM-DD 形式の実在する日付で書いてください（例：2026-04-01）"
                )),
                "date",
            )
        }
        ValidationErrorKind::Pattern { pattern } if pattern == "\\S" => one(
            msg!(
                "`{field}` holds only spaces: write the reason in words",
                "`{field}` が空白だけです。理由を文章で書いてください"
            ),
            None,
            "blank",
        ),
        ValidationErrorKind::Pattern { pattern } => {
            let value = t.node.scalar().map_or("", |(s, _)| s);
            let help = if pattern.contains(':') {
                msg!(
                    "write FRAMEWORK:ID, e.g. \"iso27001-2022:8.5\"",
                    "フレームワーク:ID の形で書いてください（例：\"iso27001-2022:8.5\"）"
                )
            } else if pattern.contains("\\S") {
                msg!("ids may not contain spaces", "ID に空白は使えません")
            } else {
                msg!(
                    "expected the pattern {pattern}",
                    "期待される形式：{pattern}"
                )
            };
            one(
                msg!(
                    "`{value}` is not a valid `{field}`",
                    "`{value}` は `{field}` の値として使えません"
                ),
                Some(help),
                "pattern",
            )
        }
        ValidationErrorKind::MinItems { limit } => one(
            msg!(
                "`{field}` must list at least {limit} item(s)",
                "`{field}` には {limit} 件以上が必要です"
            ),
            None,
            "min-items",
        ),
        ValidationErrorKind::MinLength { .. } => one(
            msg!(
                "`{field}` must not be empty",
                "`{field}` を空にはできません"
            ),
            None,
            "min-length",
        ),
        ValidationErrorKind::UniqueItems => one(
            msg!(
                "`{field}` lists the same item twice",
                "`{field}` に同じ項目が重複しています"
            ),
            None,
            "unique",
        ),
        ValidationErrorKind::Constant { expected_value } => one(
            msg!(
                "`{field}` must be {expected_value}",
                "`{field}` は {expected_value} でなければなりません"
            ),
            None,
            "const",
        ),
        other => one(
            msg!(
                "`{field}` is invalid: {}",
                "`{field}` が不正です：{}",
                error_text(other)
            ),
            None,
            "other",
        ),
    }
}

/// The first full-width space or colon in a key (1-based character), and the key without
/// them: what a Japanese input method leaves in by mistake.
fn full_width(key: &str) -> Option<(char, usize, String)> {
    let (i, c) = key
        .chars()
        .enumerate()
        .find(|(_, c)| matches!(c, '\u{3000}' | '：'))?;
    let fixed: String = key
        .chars()
        .filter(|c| !matches!(c, '\u{3000}' | '：'))
        .collect();
    Some((c, i + 1, fixed))
}

/// The enum value a Japanese term stands for, so `origin: 意図的` suggests `deliberate`.
fn japanese_term(value: &str) -> Option<&'static str> {
    Some(match value {
        "環境的" | "環境" => "environmental",
        "意図的" => "deliberate",
        "偶発的" => "accidental",
        "低減" => "reduce",
        "移転" => "transfer",
        "回避" => "avoid",
        "受容" | "保有" => "accept",
        "組織的" | "組織的対策" => "organizational",
        "人的" | "人的対策" => "people",
        "物理的" | "物理的対策" => "physical",
        "技術的" | "技術的対策" => "technological",
        "実施済み" | "実施済" | "導入済み" => "implemented",
        "一部実施" | "部分的" => "partial",
        "計画中" | "予定" => "planned",
        "未実施" => "not-implemented",
        "情報" => "information",
        "ハードウェア" => "hardware",
        "ソフトウェア" => "software",
        "サービス" => "service",
        "人" | "人材" => "people",
        "施設" => "facility",
        _ => return None,
    })
}

fn error_text(kind: &ValidationErrorKind) -> String {
    match kind {
        ValidationErrorKind::PropertyNames { error } => error.to_string(),
        ValidationErrorKind::Format { format } => format!("not a valid {format}"),
        ValidationErrorKind::MaxItems { limit } => format!("at most {limit} items"),
        ValidationErrorKind::MaxLength { limit } => format!("at most {limit} characters"),
        other => format!("{other:?}"),
    }
}
