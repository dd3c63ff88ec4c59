//! `isms catalog`: the built-in catalogs of [`crate::catalog`], for people and scripts — list
//! them, show one or one entry, map ISO/IEC 27001:2013 Annex A ids to 2022, search by word.
//! Text output follows `--lang`; JSON carries both languages and is the same whatever
//! `--lang` says.
//!
//! Exit codes: 0 done; 1 `search` found nothing; 2 an unknown catalog or id.

use super::{Error, Outcome, write_output};
use crate::catalog::{Catalogs, catalogs, strip_annex_prefix};
use crate::finding::Message;
use crate::i18n::Lang;
use crate::{msg, tr};
use clap::{Args, Subcommand, ValueEnum};
use serde_json::{Value as Json, json};
use std::fmt::Write as _;

#[derive(Args, Debug)]
pub struct CatalogArgs {
    #[command(subcommand)]
    pub command: CatalogCommand,
    /// Language of the text output (default: `language:` of the isms.yaml found from the
    /// current folder, else ja).
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
    /// text for people; json (both languages, whatever --lang says) for scripts.
    #[arg(long, value_enum, default_value = "text", global = true)]
    pub format: CatalogFormat,
}

#[derive(Subcommand, Debug)]
pub enum CatalogCommand {
    /// List the built-in catalogs: frameworks, the 2013 → 2022 table, starter threats and vulnerabilities.
    List,
    /// Show a catalog (e.g. iso27001-2022), or one entry of it (e.g. iso27001-2022 8.5).
    Show {
        /// A catalog name, as `isms catalog list` prints it.
        catalog: String,
        /// An id in the catalog: 8.5 (or A.8.5), IPA-2026-01, T01, V-HW-01, A.12.3.1.
        id: Option<String>,
    },
    /// Where ISO/IEC 27001:2013 Annex A controls went in 2022 (A.12.3.1 or 12.3.1); a 2022 id (8.13) shows where it came from.
    Map {
        /// One or more ids: 2013 (A.12.3.1, 12.3.1) or 2022 (8.13).
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Find catalog entries whose id, title or description contains the words (English or Japanese, any case).
    Search {
        /// The words, searched as one phrase.
        #[arg(required = true)]
        words: Vec<String>,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CatalogFormat {
    Text,
    Json,
}

/// What a catalog holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CatalogKind {
    Framework,
    Correspondence,
    Threats,
    Vulnerabilities,
}

impl CatalogKind {
    fn as_str(self) -> &'static str {
        match self {
            CatalogKind::Framework => "framework",
            CatalogKind::Correspondence => "correspondence",
            CatalogKind::Threats => "threats",
            CatalogKind::Vulnerabilities => "vulnerabilities",
        }
    }

    fn name(self, lang: Lang) -> &'static str {
        match self {
            CatalogKind::Framework => lang.pick("framework", "フレームワーク"),
            CatalogKind::Correspondence => lang.pick("correspondence", "対応表"),
            CatalogKind::Threats => lang.pick("threats", "脅威"),
            CatalogKind::Vulnerabilities => lang.pick("vulnerabilities", "脆弱性"),
        }
    }
}

/// One entry of any catalog, in a common shape.
struct Entry<'a> {
    id: &'a str,
    group: Option<&'a str>,
    title: &'a str,
    title_ja: &'a str,
    /// Further searchable text: descriptions, the IPA question.
    texts: Vec<&'a str>,
    /// Lines for `show CATALOG ID`: (English label, Japanese label, value).
    details: Vec<(&'static str, &'static str, String)>,
    json: Json,
}

impl Entry<'_> {
    fn title_in(&self, lang: Lang) -> &str {
        lang.pick(self.title, self.title_ja)
    }
}

struct Group<'a> {
    id: &'a str,
    title: &'a str,
    title_ja: &'a str,
}

/// One catalog, in a common shape.
struct View<'a> {
    name: &'static str,
    kind: CatalogKind,
    title: String,
    title_ja: String,
    groups: Vec<Group<'a>>,
    entries: Vec<Entry<'a>>,
}

impl View<'_> {
    fn title_in(&self, lang: Lang) -> &str {
        lang.pick(&self.title, &self.title_ja)
    }

    /// An entry by id: exact, then without the "A." prefix, then ignoring case.
    fn find(&self, id: &str) -> Option<&Entry<'_>> {
        let id = id.trim();
        self.entries
            .iter()
            .find(|e| e.id == id)
            .or_else(|| {
                let bare = strip_annex_prefix(id);
                self.entries
                    .iter()
                    .find(|e| strip_annex_prefix(e.id) == bare)
            })
            .or_else(|| self.entries.iter().find(|e| e.id.eq_ignore_ascii_case(id)))
    }
}

fn origin_ja(origin: &str) -> &'static str {
    match origin {
        "deliberate" => "意図的 (D)",
        "accidental" => "偶発的 (A)",
        "environmental" => "環境的 (E)",
        _ => "",
    }
}

fn category_ja(category: &str) -> &'static str {
    match category {
        "hardware" => "ハードウェア",
        "software" => "ソフトウェア",
        "network" => "ネットワーク",
        "personnel" => "要員",
        "site" => "サイト",
        "organization" => "組織",
        _ => "",
    }
}

/// Every catalog, in the order `list` prints them.
fn views(cat: &Catalogs) -> Vec<View<'_>> {
    let mut out = Vec::new();
    let annex = cat.framework("iso27001-2022");
    for (name, fw) in [
        ("iso27001-2022", cat.framework("iso27001-2022")),
        ("ipa-sme", cat.framework("ipa-sme")),
    ] {
        let Some(fw) = fw else { continue };
        let entries = fw
            .controls
            .iter()
            .map(|c| {
                let mut texts = Vec::new();
                let mut details = Vec::new();
                let group = fw.groups.iter().find(|g| g.id == c.group);
                if let Some(g) = group {
                    details.push((
                        "group",
                        "分類",
                        format!("{} / {} ({})", g.title, g.title_ja, g.id),
                    ));
                }
                for d in [&c.description, &c.description_ja, &c.question_ja]
                    .into_iter()
                    .flatten()
                {
                    texts.push(d.as_str());
                }
                if let Some(q) = &c.question_ja {
                    details.push(("question (ja)", "設問", q.clone()));
                }
                let predecessors: Vec<Json> = c
                    .replaces_2013
                    .iter()
                    .map(|id| {
                        let title = cat
                            .correspondence
                            .get(id)
                            .map_or("", |m| m.title_2013.as_str());
                        json!({"id": id, "title": title})
                    })
                    .collect();
                if name == "iso27001-2022" {
                    let value = if c.replaces_2013.is_empty() {
                        "—".to_owned()
                    } else {
                        c.replaces_2013
                            .iter()
                            .map(|id| {
                                let t = cat
                                    .correspondence
                                    .get(id)
                                    .map_or("", |m| m.title_2013.as_str());
                                format!("{id} {t}")
                            })
                            .collect::<Vec<_>>()
                            .join("; ")
                    };
                    details.push(("2013 controls", "2013年版の管理策", value));
                    if c.new_in_2022 == Some(true) {
                        details.push(("new in 2022", "2022年版で新設", "yes / はい".to_owned()));
                    }
                }
                let rules: Vec<String> = fw
                    .basic_rules
                    .iter()
                    .filter(|r| r.questions.contains(&c.id))
                    .map(|r| format!("{} {} / {}", r.id, r.title, r.title_ja))
                    .collect();
                if !rules.is_empty() {
                    details.push(("basic rule", "情報セキュリティ5か条", rules.join("; ")));
                }
                details.push((
                    "reference it as",
                    "参照の書き方",
                    format!("maps_to: [\"{}:{}\"]", fw.framework, c.id),
                ));
                let mut j = json!({
                    "id": c.id,
                    "group": c.group,
                    "title": c.title,
                    "title_ja": c.title_ja,
                    "description": c.description,
                    "description_ja": c.description_ja,
                });
                if let Some(q) = &c.question_ja {
                    j["question_ja"] = json!(q);
                }
                if name == "iso27001-2022" {
                    j["new_in_2022"] = json!(c.new_in_2022.unwrap_or(false));
                    j["replaces_2013"] = Json::Array(predecessors);
                }
                Entry {
                    id: &c.id,
                    group: Some(&c.group),
                    title: &c.title,
                    title_ja: &c.title_ja,
                    texts,
                    details,
                    json: j,
                }
            })
            .collect();
        out.push(View {
            name,
            kind: CatalogKind::Framework,
            title: fw.title.clone(),
            title_ja: fw.title_ja.clone(),
            groups: fw
                .groups
                .iter()
                .map(|g| Group {
                    id: &g.id,
                    title: &g.title,
                    title_ja: &g.title_ja,
                })
                .collect(),
            entries,
        });
    }

    // ISO/IEC 27001:2022 clauses 4–10: the clause checklist.
    let clauses = &cat.clauses;
    out.push(View {
        name: crate::catalog::CLAUSES,
        kind: CatalogKind::Framework,
        title: clauses.title.clone(),
        title_ja: clauses.title_ja.clone(),
        groups: clauses
            .groups
            .iter()
            .map(|g| Group {
                id: &g.id,
                title: &g.title,
                title_ja: &g.title_ja,
            })
            .collect(),
        entries: clauses
            .clauses
            .iter()
            .map(|c| {
                let documented = match c.documented {
                    crate::catalog::Documented::Required => "required / 必須",
                    crate::catalog::Documented::Expected => "expected / 推奨",
                    crate::catalog::Documented::None => "none / なし",
                };
                let mut details = vec![(
                    "documented information",
                    "文書化した情報",
                    documented.to_owned(),
                )];
                if c.documented == crate::catalog::Documented::Required {
                    let mut by = vec!["document (satisfies)".to_owned()];
                    by.extend(c.records.iter().cloned());
                    details.push(("satisfied by", "満たすもの", by.join(", ")));
                }
                details.push((
                    "reference it as",
                    "参照の書き方",
                    format!("satisfies: [\"{}:{}\"]", crate::catalog::CLAUSES, c.id),
                ));
                Entry {
                    id: &c.id,
                    group: Some(&c.group),
                    title: &c.title,
                    title_ja: &c.title_ja,
                    texts: vec![&c.description, &c.description_ja],
                    details,
                    json: json!({
                        "id": c.id,
                        "group": c.group,
                        "title": c.title,
                        "title_ja": c.title_ja,
                        "documented": c.documented,
                        "records": c.records,
                        "description": c.description,
                        "description_ja": c.description_ja,
                    }),
                }
            })
            .collect(),
    });

    let corr = &cat.correspondence;
    let target = |id: &str| -> (String, String) {
        annex
            .and_then(|f| f.control(id))
            .map_or_else(Default::default, |c| (c.title.clone(), c.title_ja.clone()))
    };
    out.push(View {
        name: "iso27001-2013-to-2022",
        kind: CatalogKind::Correspondence,
        title: "ISO/IEC 27001:2013 Annex A → 2022 Annex A".to_owned(),
        title_ja: "ISO/IEC 27001:2013 附属書A → 2022 附属書A 対応表".to_owned(),
        groups: Vec::new(),
        entries: corr
            .mappings
            .iter()
            .map(|m| {
                let to: Vec<Json> =
                    m.to.iter()
                        .map(|t| {
                            let (title, title_ja) = target(t);
                            json!({"id": t, "title": title, "title_ja": title_ja})
                        })
                        .collect();
                let value =
                    m.to.iter()
                        .map(|t| {
                            let (title, title_ja) = target(t);
                            format!("{t} {title} / {title_ja}")
                        })
                        .collect::<Vec<_>>()
                        .join("; ");
                Entry {
                    id: &m.id_2013,
                    group: None,
                    title: &m.title_2013,
                    title_ja: &m.title_2013,
                    texts: Vec::new(),
                    details: vec![("2022 controls", "2022年版の管理策", value)],
                    json: json!({"id_2013": m.id_2013, "title_2013": m.title_2013, "to": to}),
                }
            })
            .collect(),
    });

    for (name, list) in [
        ("threats-ipa-10", &cat.ipa_threats),
        ("threats-iso27005", &cat.iso_threats),
    ] {
        let year = list.year.map(|y| format!(" {y}")).unwrap_or_default();
        out.push(View {
            name,
            kind: CatalogKind::Threats,
            title: format!("{}{year}", list.title),
            title_ja: format!("{}{year}", list.title_ja),
            groups: list
                .groups
                .iter()
                .map(|g| Group {
                    id: &g.id,
                    title: &g.title,
                    title_ja: &g.title_ja,
                })
                .collect(),
            entries: list
                .threats
                .iter()
                .map(|t| {
                    let origins = if t.origins.is_empty() {
                        vec![t.origin.as_str()]
                    } else {
                        t.origins.iter().map(String::as_str).collect()
                    };
                    let mut details = vec![(
                        "origin",
                        "種類",
                        origins
                            .iter()
                            .map(|o| format!("{o} / {}", origin_ja(o)))
                            .collect::<Vec<_>>()
                            .join("; "),
                    )];
                    if let Some(r) = t.rank {
                        details.push(("rank", "順位", r.to_string()));
                    }
                    if let Some(g) = t
                        .group
                        .as_ref()
                        .and_then(|g| list.groups.iter().find(|x| &x.id == g))
                    {
                        details.push(("group", "分類", format!("{} / {}", g.title, g.title_ja)));
                    }
                    Entry {
                        id: &t.id,
                        group: t.group.as_deref(),
                        title: &t.title,
                        title_ja: &t.title_ja,
                        texts: Vec::new(),
                        details,
                        json: json!({
                            "id": t.id, "title": t.title, "title_ja": t.title_ja,
                            "origin": t.origin, "origins": origins,
                            "rank": t.rank, "group": t.group,
                        }),
                    }
                })
                .collect(),
        });
    }

    let vulns = &cat.vulnerabilities;
    let threat_title = |id: &str| {
        cat.iso_threats
            .threats
            .iter()
            .find(|t| t.id == id)
            .map_or_else(String::new, |t| {
                format!("{id} {} / {}", t.title, t.title_ja)
            })
    };
    out.push(View {
        name: "vulnerabilities",
        kind: CatalogKind::Vulnerabilities,
        title: vulns.title.clone(),
        title_ja: vulns.title_ja.clone(),
        groups: [
            "hardware",
            "software",
            "network",
            "personnel",
            "site",
            "organization",
        ]
        .into_iter()
        .map(|c| Group {
            id: c,
            title: c,
            title_ja: category_ja(c),
        })
        .collect(),
        entries: vulns
            .vulnerabilities
            .iter()
            .map(|v| Entry {
                id: &v.id,
                group: Some(&v.category),
                title: &v.title,
                title_ja: &v.title_ja,
                texts: Vec::new(),
                details: vec![
                    (
                        "category",
                        "類型",
                        format!("{} / {}", v.category, category_ja(&v.category)),
                    ),
                    (
                        "example threats",
                        "脅威の例",
                        v.threats
                            .iter()
                            .map(|t| threat_title(t))
                            .collect::<Vec<_>>()
                            .join("; "),
                    ),
                ],
                json: json!({
                    "id": v.id, "category": v.category, "title": v.title,
                    "title_ja": v.title_ja, "threats": v.threats,
                }),
            })
            .collect(),
    });
    out
}

/// The language: `--lang`, else `language:` of the repository around the current folder.
fn resolve_lang(flag: Option<Lang>) -> Lang {
    flag.or_else(repository_lang).unwrap_or_default()
}

fn repository_lang() -> Option<Lang> {
    let root = crate::workspace::find_root(std::path::Path::new(".")).ok()?;
    let bytes = std::fs::read(root.join(crate::config::CONFIG_FILE)).ok()?;
    let text = crate::source::decode(bytes).ok()?;
    let (docs, _) = crate::yaml::parse(crate::source::FileId(0), &text);
    crate::config::Config::from_node(&docs.first()?.root).language
}

fn print_json(value: &Json) -> Result<Outcome, Error> {
    let text = serde_json::to_string_pretty(value).expect("JSON") + "\n";
    write_output(None, text.as_bytes(), false)?;
    Ok(Outcome::Success)
}

fn print_text(text: &str) -> Result<Outcome, Error> {
    write_output(None, text.as_bytes(), false)?;
    Ok(Outcome::Success)
}

/// Terminal columns of a string: CJK characters take two.
pub(crate) fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Pads `s` to `width` terminal columns.
fn pad(s: &str, width: usize) -> String {
    let w = display_width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

fn unknown_catalog(name: &str, views: &[View], lang: Lang) -> Error {
    let names: Vec<&str> = views.iter().map(|v| v.name).collect();
    let help = crate::suggest::help(name, names.iter().copied(), || {
        msg!("catalogs: {}", "カタログ: {}", names.join(", "))
    });
    Error::new(msg!(
        "unknown catalog `{name}`",
        "カタログ `{name}` はありません"
    ))
    .help(help)
    .lang(lang)
}

/// Runs `isms catalog`.
pub fn run(args: &CatalogArgs) -> Result<Outcome, Error> {
    let lang = resolve_lang(args.lang);
    let cat = catalogs();
    let views = views(cat);
    match &args.command {
        CatalogCommand::List => list(&views, lang, args.format),
        CatalogCommand::Show { catalog, id } => {
            let Some(view) = views.iter().find(|v| v.name == catalog.trim()) else {
                return Err(unknown_catalog(catalog, &views, lang));
            };
            match id {
                None => show_catalog(view, lang, args.format),
                Some(id) => show_entry(view, id, lang, args.format),
            }
        }
        CatalogCommand::Map { ids } => map(cat, ids, lang, args.format),
        CatalogCommand::Search { words } => search(&views, &words.join(" "), lang, args.format),
    }
}

fn list(views: &[View], lang: Lang, format: CatalogFormat) -> Result<Outcome, Error> {
    if format == CatalogFormat::Json {
        let catalogs: Vec<Json> = views
            .iter()
            .map(|v| {
                json!({"name": v.name, "kind": v.kind.as_str(), "title": v.title,
                       "title_ja": v.title_ja, "count": v.entries.len()})
            })
            .collect();
        return print_json(&json!({ "catalogs": catalogs }));
    }
    let mut out = String::new();
    let width = views.iter().map(|v| v.name.len()).max().unwrap_or(0) + 2;
    for v in views {
        let _ = writeln!(
            out,
            "{}{}{:>5}  {}",
            pad(v.name, width),
            pad(v.kind.name(lang), 16),
            v.entries.len(),
            v.title_in(lang)
        );
    }
    out.push_str(&tr!(
        lang,
        "\n`isms catalog show NAME [ID]` shows a catalog or one entry.\n",
        "\n`isms catalog show 名前 [ID]` でカタログの内容や 1 項目の詳細を表示します。\n"
    ));
    print_text(&out)
}

fn show_catalog(view: &View, lang: Lang, format: CatalogFormat) -> Result<Outcome, Error> {
    if format == CatalogFormat::Json {
        let groups: Vec<Json> = view
            .groups
            .iter()
            .map(|g| json!({"id": g.id, "title": g.title, "title_ja": g.title_ja}))
            .collect();
        let entries: Vec<&Json> = view.entries.iter().map(|e| &e.json).collect();
        return print_json(&json!({
            "name": view.name, "kind": view.kind.as_str(), "title": view.title,
            "title_ja": view.title_ja, "count": view.entries.len(),
            "groups": groups, "entries": entries,
        }));
    }
    let mut out = format!(
        "{} ({}, {})\n",
        view.title_in(lang),
        view.name,
        tr!(lang, "{} entries", "{} 件", view.entries.len())
    );
    let width = view.entries.iter().map(|e| e.id.len()).max().unwrap_or(0) + 2;
    let line = |out: &mut String, e: &Entry| {
        let _ = writeln!(out, "  {}{}", pad(e.id, width), e.title_in(lang));
    };
    if view.groups.is_empty() {
        out.push('\n');
        for e in &view.entries {
            line(&mut out, e);
        }
    } else {
        for g in &view.groups {
            let members: Vec<&Entry> = view
                .entries
                .iter()
                .filter(|e| e.group == Some(g.id))
                .collect();
            if members.is_empty() {
                continue;
            }
            let title = lang.pick(g.title, g.title_ja);
            let _ = writeln!(out, "\n{title} ({}, {})", g.id, members.len());
            for e in members {
                line(&mut out, e);
            }
        }
    }
    print_text(&out)
}

fn show_entry(view: &View, id: &str, lang: Lang, format: CatalogFormat) -> Result<Outcome, Error> {
    let Some(e) = view.find(id) else {
        let help = crate::suggest::help(id, view.entries.iter().map(|e| e.id), || {
            msg!(
                "`isms catalog show {}` lists its entries",
                "`isms catalog show {}` で一覧を表示できます",
                view.name
            )
        });
        let name = view.name;
        return Err(Error::new(msg!(
            "{name} has no entry `{id}`",
            "{name} に `{id}` はありません"
        ))
        .help(help)
        .lang(lang));
    };
    if format == CatalogFormat::Json {
        let mut j = e.json.clone();
        j["catalog"] = json!(view.name);
        return print_json(&j);
    }
    let other = lang.pick(e.title_ja, e.title);
    let mut out = format!("{} {}  {}\n", view.name, e.id, e.title_in(lang));
    if other != e.title_in(lang) {
        let _ = writeln!(out, "    {other}");
    }
    let desc = match lang {
        Lang::En => e.json["description"].as_str(),
        Lang::Ja => e.json["description_ja"].as_str(),
    };
    if let Some(d) = desc {
        let _ = writeln!(out, "\n  {d}\n");
    }
    let width = e
        .details
        .iter()
        .map(|(en, ja, _)| display_width(lang.pick(en, ja)))
        .max()
        .unwrap_or(0)
        + 2;
    for (en, ja, value) in &e.details {
        let _ = writeln!(
            out,
            "  {}{value}",
            pad(&format!("{}:", lang.pick(en, ja)), width)
        );
    }
    print_text(&out)
}

fn map(
    cat: &Catalogs,
    ids: &[String],
    lang: Lang,
    format: CatalogFormat,
) -> Result<Outcome, Error> {
    let annex = cat
        .framework("iso27001-2022")
        .expect("ISO/IEC 27001:2022 is built in");
    let corr = &cat.correspondence;
    let title = |id: &str| annex.control(id).map_or("", |c| c.title_in(lang));
    let mut results = Vec::new();
    let mut text = String::new();
    let mut failed: Vec<Message> = Vec::new();
    for raw in ids {
        let id = raw.trim();
        let bare = strip_annex_prefix(id);
        let parts = bare.split('.').count();
        if parts >= 3 {
            let Some(m) = corr.get(id) else {
                let near = crate::suggest::did_you_mean(
                    id,
                    corr.mappings.iter().map(|m| m.id_2013.as_str()),
                );
                let mut line = msg!(
                    "`{id}` is not an ISO/IEC 27001:2013 Annex A control",
                    "`{id}` は ISO/IEC 27001:2013 附属書A の管理策ではありません"
                );
                if let Some(s) = near {
                    let help = crate::suggest::mean(s);
                    line.en.push_str(&format!("\n  help: {}", help.en));
                    line.ja.push_str(&format!("\n  help: {}", help.ja));
                }
                failed.push(line);
                continue;
            };
            let to: Vec<Json> =
                m.to.iter()
                    .filter_map(|t| annex.control(t))
                    .map(|c| json!({"id": c.id, "title": c.title, "title_ja": c.title_ja}))
                    .collect();
            results.push(json!({"id_2013": m.id_2013, "title_2013": m.title_2013, "to": to}));
            let _ = writeln!(text, "{} {}", m.id_2013, m.title_2013);
            for t in &m.to {
                let _ = writeln!(text, "  → {t} {}", title(t));
            }
        } else {
            let Some(c) = annex.control(bare) else {
                failed.push(msg!(
                    "`{id}` is neither a 2013 (A.12.3.1) nor a 2022 (8.13) Annex A id",
                    "`{id}` は 2013 年版（A.12.3.1）・2022 年版（8.13）附属書A のどちらの管理策でもありません"
                ));
                continue;
            };
            let from = corr.predecessors(&c.id);
            results.push(json!({
                "id_2022": c.id, "title": c.title, "title_ja": c.title_ja,
                "new_in_2022": from.is_empty(),
                "from": from.iter().map(|m| json!({"id_2013": m.id_2013, "title_2013": m.title_2013})).collect::<Vec<_>>(),
            }));
            let _ = writeln!(text, "{} {}", c.id, c.title_in(lang));
            if from.is_empty() {
                let _ = writeln!(
                    text,
                    "  {}",
                    tr!(
                        lang,
                        "new in 2022 (no 2013 predecessor)",
                        "2022 年版で新設（2013 年版に対応する管理策なし）"
                    )
                );
            }
            for m in from {
                let _ = writeln!(text, "  ← {} {}", m.id_2013, m.title_2013);
            }
        }
    }
    let written = if format == CatalogFormat::Json {
        print_json(&json!({ "mappings": results }))
    } else {
        print_text(&text)
    }?;
    if failed.is_empty() {
        Ok(written)
    } else {
        Err(Error {
            lines: failed,
            help: None,
            lang,
        })
    }
}

/// Lower case, with full-width ASCII (Ａ, １) folded to ASCII, so that a Japanese keyboard's
/// input finds what it means.
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

fn search(
    views: &[View],
    query: &str,
    lang: Lang,
    format: CatalogFormat,
) -> Result<Outcome, Error> {
    let q = fold(query.trim());
    let mut hits: Vec<(&View, &Entry)> = Vec::new();
    for v in views {
        for e in &v.entries {
            let found = [e.id, e.title, e.title_ja]
                .into_iter()
                .chain(e.texts.iter().copied())
                .any(|t| fold(t).contains(&q));
            if found {
                hits.push((v, e));
            }
        }
    }
    if format == CatalogFormat::Json {
        let list: Vec<Json> = hits
            .iter()
            .map(|(v, e)| {
                json!({"catalog": v.name, "id": e.id, "title": e.title, "title_ja": e.title_ja})
            })
            .collect();
        let written = print_json(&json!({"query": query, "hits": list}))?;
        return Ok(if hits.is_empty() {
            Outcome::Failure
        } else {
            written
        });
    }
    if hits.is_empty() {
        // Like grep: no match is exit 1, said on standard error.
        eprintln!(
            "{}",
            tr!(
                lang,
                "no catalog entry contains `{query}`",
                "`{query}` を含むカタログの項目はありません"
            )
        );
        return Ok(Outcome::Failure);
    }
    let name_w = hits.iter().map(|(v, _)| v.name.len()).max().unwrap_or(0) + 2;
    let id_w = hits.iter().map(|(_, e)| e.id.len()).max().unwrap_or(0) + 2;
    let mut out = String::new();
    for (v, e) in &hits {
        let _ = writeln!(
            out,
            "{}{}{}",
            pad(v.name, name_w),
            pad(e.id, id_w),
            e.title_in(lang)
        );
    }
    let _ = writeln!(out, "{}", tr!(lang, "\n{} found", "\n{} 件", hits.len()));
    print_text(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_and_width() {
        assert_eq!(fold("ＢａｃｋＵＰ"), "backup");
        assert!(fold("Information Backup").contains(&fold("backup")));
    }

    #[test]
    fn every_catalog_is_viewed_with_its_entries() {
        let v = views(catalogs());
        let counts: Vec<(&str, usize)> = v.iter().map(|v| (v.name, v.entries.len())).collect();
        assert_eq!(
            counts,
            [
                ("iso27001-2022", 93),
                ("ipa-sme", 25),
                ("iso27001-2022-clauses", 25),
                ("iso27001-2013-to-2022", 114),
                ("threats-ipa-10", 10),
                ("threats-iso27005", 43),
                ("vulnerabilities", 84)
            ]
        );
        assert_eq!(v[0].find("A.8.5").unwrap().id, "8.5");
        assert_eq!(v[2].find("9.3").unwrap().title, "Management review");
        assert_eq!(v[3].find("12.3.1").unwrap().id, "A.12.3.1");
        assert_eq!(v[4].find("ipa-2026-01").unwrap().id, "IPA-2026-01");
    }
}
