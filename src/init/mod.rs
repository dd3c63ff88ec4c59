//! `isms init`: start a repository at one of the deck's three levels, or grow an existing one
//! to the next level.
//!
//! - **New repository** (no `isms.yaml` in DIR): every file of the level is written. A file
//!   that already exists stops the run (exit 2, naming it) unless `--force`.
//! - **Existing repository** (`isms.yaml` in DIR): nothing is ever changed. What the level
//!   needs and the repository lacks is added: files that do not exist are written; an entity
//!   whose id the repository already defines (or a SoA for a framework that has one) is left
//!   out; if a starter file exists but lacks entities the level needs, those go to a new
//!   file beside it (`assets-quick.yaml`). `isms.yaml` is kept and init prints the framework
//!   to add. Lv.3's 93 placeholder controls are not added: `soa/missing` then lists, as the
//!   to-do list, the Annex A controls the repository's controls do not cover yet.
//!
//! **Starters are data.** The texts live in `starters/` at the repository root, one file per
//! level (`quick.yaml`, `baseline.yaml`, `comprehensive.yaml`) and `common.yaml` (isms.yaml,
//! the roles, the files around the YAML), embedded with `include_str!` and parsed by the
//! catalogs' loader (`catalog::parse_catalog`: the crate's YAML parser, then serde). Each
//! entry is one output file: its path, its opening comment, and the file itself as a
//! template in both languages at once (`template`): ids, kinds, numbers, mappings and
//! untagged comments are written once; only `{en: …, ja: …}` texts, `#[en]`/`#[ja]`
//! comments and `$name` references differ, so the languages cannot drift apart. A translator
//! edits a sentence there without touching Rust. The level modules only supply values the
//! data cannot hold (catalog ids and titles, the year, IPA's likelihood); `emit` adds the
//! header comment and the schema modeline and quotes a scalar exactly when YAML needs it.

mod baseline;
mod common;
mod comprehensive;
mod emit;
mod quick;
mod template;
#[cfg(test)]
mod tests;

use crate::finding::Message;
use crate::i18n::Lang;
use crate::{msg, tr};
use clap::ValueEnum;
use emit::{Body, File, SCHEMA_DIR};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The deck's three approaches to writing security standards.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Lv.1: one standard per threat of IPA's 10 major threats (ransomware by default).
    Quick,
    /// Lv.2: the security organisation, a basic policy, controls for IPA's 25 self-assessment items.
    Baseline,
    /// Lv.3: a starter control for each of the 93 controls of ISO/IEC 27001:2022 Annex A, and the SoA.
    Comprehensive,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Quick => "quick",
            Level::Baseline => "baseline",
            Level::Comprehensive => "comprehensive",
        }
    }

    fn name(self, lang: Lang) -> &'static str {
        match self {
            Level::Quick => lang.pick("Lv.1 quick approach", "Lv.1 クイックアプローチ"),
            Level::Baseline => lang.pick("Lv.2 baseline approach", "Lv.2 ベースラインアプローチ"),
            Level::Comprehensive => {
                lang.pick("Lv.3 comprehensive approach", "Lv.3 網羅的アプローチ")
            }
        }
    }

    /// The framework whose coverage the level is about.
    fn framework(self) -> Option<&'static str> {
        match self {
            Level::Quick => None,
            Level::Baseline => Some("ipa-sme"),
            Level::Comprehensive => Some(comprehensive::FRAMEWORK),
        }
    }
}

/// What to start or grow (the command line's `isms init`, in plain data).
#[derive(Debug)]
pub struct Request {
    pub dir: PathBuf,
    pub level: Level,
    pub lang: Option<Lang>,
    /// Threats of IPA's current 10 major threats, by id, rank or name (quick only).
    pub threats: Vec<String>,
    pub organization: Option<String>,
    /// In a new repository, overwrite files that already exist.
    pub force: bool,
}

/// What happened to one planned file.
pub enum Outcome {
    Created(String),
    Overwritten(String),
    /// The file exists and was left alone.
    Kept(String),
    /// Every entity of the file is already defined elsewhere in the repository.
    Defined(String),
    /// Written beside an existing file: (new path, existing path).
    Beside(String, String),
    /// A placeholder file of Lv.3, not added to an existing repository.
    NotInGrowth(String),
}

/// What an existing repository already has.
pub struct Existing {
    ids: HashSet<String>,
    soas: HashSet<String>,
    frameworks: Vec<String>,
    lang: Option<Lang>,
    ipa_likelihood: bool,
    /// Annex A ids mapped by a control, or excluded by the SoA.
    decided: HashSet<String>,
}

fn existing(dir: &Path) -> Result<Existing, crate::workspace::LoadError> {
    let ws = crate::workspace::load(dir, None)?;
    let model = &ws.model;
    let mut ids = HashSet::new();
    for kind in crate::model::Kind::ALL {
        ids.extend(model.ids_of(kind).into_iter().map(str::to_owned));
    }
    let soas = model
        .soas
        .iter()
        .map(|s| s.framework.value.clone())
        .collect();
    // The rows `isms check` does not report as `soa/missing`: the analysis decides them.
    let analysis = crate::analysis::Analysis::new(model, &ws.config, crate::catalog::catalogs());
    let decided: HashSet<String> = analysis
        .soa(comprehensive::FRAMEWORK)
        .into_iter()
        .flat_map(|d| &d.rows)
        .filter(|r| r.decision != crate::analysis::Decision::Undecided)
        .map(|r| r.id.clone())
        .collect();
    Ok(Existing {
        ids,
        soas,
        frameworks: ws
            .config
            .frameworks
            .iter()
            .map(|f| f.value.clone())
            .collect(),
        lang: ws.config.language,
        ipa_likelihood: ws.config.risk.likelihood_from == crate::config::LikelihoodFrom::Ipa,
        decided,
    })
}

/// Why init wrote nothing (or stopped): in both languages, with a help line.
#[derive(Debug)]
pub struct InitError {
    pub lines: Vec<Message>,
    pub help: Option<Message>,
    /// The language of the run, when known.
    pub lang: Lang,
}

fn error(lang: Lang, message: Message) -> InitError {
    InitError {
        lines: vec![message],
        help: None,
        lang,
    }
}

/// What init did: the language it wrote in, what happened to each file, and what the
/// repository already had when it grew one.
pub struct Done {
    pub lang: Lang,
    pub outcomes: Vec<Outcome>,
    pub found: Option<Existing>,
}

/// Starts or grows a repository; the files are written, nothing is printed.
pub fn run(args: &Request) -> Result<Done, InitError> {
    let early_lang = args.lang.unwrap_or_default();
    let ipa = &crate::catalog::catalogs().ipa_threats.threats;

    // --threat: only for quick; each must name a threat of the current list.
    if !args.threats.is_empty() && args.level != Level::Quick {
        return Err(error(
            early_lang,
            msg!(
                "--threat applies to --level quick only",
                "--threat は --level quick でのみ指定できます"
            ),
        ));
    }
    let mut standards: Vec<&quick::Standard> = Vec::new();
    for value in &args.threats {
        match quick::find(value, ipa) {
            Some(s) if !standards.iter().any(|x| x.rank == s.rank) => standards.push(s),
            Some(_) => {}
            None => {
                let mut list = String::new();
                let mut list_ja = String::new();
                for t in ipa {
                    let file = quick::standards()
                        .iter()
                        .find(|s| Some(s.rank) == t.rank)
                        .map_or("", |s| s.file.as_str());
                    list.push_str(&format!(
                        "\n  {}  {file:<16} {}",
                        t.id,
                        t.title_in(Lang::En)
                    ));
                    list_ja.push_str(&format!(
                        "\n  {}  {file:<16} {}",
                        t.id,
                        t.title_in(Lang::Ja)
                    ));
                }
                let mut e = error(
                    early_lang,
                    Message::new(
                        format!("`{value}` is not one of IPA's current 10 major threats:{list}"),
                        format!(
                            "`{value}` は IPA の情報セキュリティ10大脅威（最新版）にありません:{list_ja}"
                        ),
                    ),
                );
                e.help = quick::meant(value, ipa).map(|m| crate::suggest::mean(&m));
                return Err(e);
            }
        }
    }
    if args.level == Level::Quick && standards.is_empty() {
        standards.push(&quick::standards()[0]);
    }

    let dir = &args.dir;
    if dir.exists() && !dir.is_dir() {
        let d = dir.display();
        return Err(error(
            early_lang,
            msg!("{d} is not a folder", "{d} はフォルダではありません"),
        ));
    }
    let growing = dir.join(crate::config::CONFIG_FILE).is_file();
    let found = if growing {
        Some(existing(dir).map_err(|e| error(early_lang, e.message()))?)
    } else {
        None
    };
    let lang = args
        .lang
        .or_else(|| found.as_ref().and_then(|e| e.lang))
        .unwrap_or_default();

    // The plan: isms.yaml, the level's files, the files around them.
    let declare_likelihood = found.as_ref().is_some_and(|e| !e.ipa_likelihood);
    let mut files = vec![common::config(
        args.level,
        lang,
        args.organization.as_deref(),
    )];
    files.extend(match args.level {
        Level::Quick => quick::files(&standards, lang, declare_likelihood),
        Level::Baseline => baseline::files(lang),
        Level::Comprehensive => comprehensive::files(lang),
    });
    files.extend(common::tooling(lang));

    let outcomes = match &found {
        None => write_new(dir, &files, args.force, lang)?,
        Some(e) => write_growth(dir, &files, e, args.level).map_err(|m| error(lang, m))?,
    };
    Ok(Done {
        lang,
        outcomes,
        found,
    })
}

/// Writes a file that `preflight` has cleared. A new file is created exclusively (a link
/// that appeared since is not written through); an existing one (`--force`) is replaced by
/// renaming a finished copy over it, so the name ends up a regular file of its own.
fn write_file(path: &Path, text: &str) -> Result<(), Message> {
    use std::io::Write;
    let cannot = |e: std::io::Error| {
        let p = path.display();
        msg!("cannot write {p}: {e}", "{p} に書き込めません: {e}")
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| {
            let p = parent.display();
            msg!("cannot create {p}: {e}", "{p} を作成できません: {e}")
        })?;
    }
    if std::fs::symlink_metadata(path).is_err() {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(cannot)?;
        return f.write_all(text.as_bytes()).map_err(cannot);
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.isms-init.tmp"));
    let _ = std::fs::remove_file(&tmp);
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.map_err(cannot)
}

/// Every target checked before anything is written, so that a run either writes the whole
/// starter or nothing: no folder on the way may be a symbolic link or a file, and no target
/// a symbolic link (even `--force` does not write through one) or a folder.
fn preflight<'a>(dir: &Path, targets: impl IntoIterator<Item = &'a str>) -> Result<(), Message> {
    for rel in targets {
        let mut at = dir.to_path_buf();
        let parts: Vec<&str> = rel.split('/').collect();
        for (i, part) in parts.iter().enumerate() {
            at.push(part);
            let last = i + 1 == parts.len();
            let Ok(meta) = std::fs::symlink_metadata(&at) else {
                break; // from here on, everything is created
            };
            let shown = parts[..=i].join("/");
            if meta.file_type().is_symlink() {
                return Err(msg!(
                    "{shown} is a symbolic link: isms init does not write through links",
                    "{shown} はシンボリックリンクです。isms init はリンクの先には書き込みません"
                ));
            }
            if !last && !meta.is_dir() {
                return Err(msg!(
                    "{shown} is a file, but the starter needs a folder there",
                    "{shown} はファイルですが、雛形はそこにフォルダを必要とします"
                ));
            }
            if last && meta.is_dir() {
                return Err(msg!(
                    "{shown} is a folder, but the starter writes a file there",
                    "{shown} はフォルダですが、雛形はそこにファイルを書きます"
                ));
            }
        }
    }
    Ok(())
}

/// A new repository: refuse to overwrite unless `force`.
fn write_new(
    dir: &Path,
    files: &[File],
    force: bool,
    lang: Lang,
) -> Result<Vec<Outcome>, InitError> {
    let conflicts: Vec<&str> = files
        .iter()
        .filter(|f| dir.join(&f.path).exists())
        .map(|f| f.path.as_str())
        .collect();
    if !conflicts.is_empty() && !force {
        let d = dir.display();
        let list: String = conflicts.iter().map(|c| format!("\n  {c}")).collect();
        return Err(InitError {
            lines: vec![msg!(
                "isms init does not overwrite existing files; these exist in {d}:{list}",
                "isms init は既存のファイルを上書きしません。{d} に次のファイルがあります:{list}"
            )],
            help: Some(msg!(
                "move them away, choose another folder, or pass --force to overwrite them",
                "別の場所に移すか、別のフォルダを指定するか、--force で上書きしてください"
            )),
            lang,
        });
    }
    preflight(dir, files.iter().map(|f| f.path.as_str())).map_err(|m| error(lang, m))?;
    let mut out = Vec::new();
    for f in files {
        let path = dir.join(&f.path);
        let existed = path.exists();
        write_file(&path, &f.render()).map_err(|m| error(lang, m))?;
        out.push(if existed {
            Outcome::Overwritten(f.path.clone())
        } else {
            Outcome::Created(f.path.clone())
        });
    }
    Ok(out)
}

/// A free path beside `path`: `assets.yaml` → `assets-quick.yaml`, then `assets-quick-2.yaml`.
fn beside(dir: &Path, path: &str, level: Level) -> String {
    let (stem, ext) = path.rsplit_once('.').unwrap_or((path, "yaml"));
    let mut n = 1;
    loop {
        let candidate = if n == 1 {
            format!("{stem}-{}.{ext}", level.as_str())
        } else {
            format!("{stem}-{}-{n}.{ext}", level.as_str())
        };
        if !dir.join(&candidate).exists() {
            return candidate;
        }
        n += 1;
    }
}

/// An existing repository: add what is missing, change nothing.
fn write_growth(
    dir: &Path,
    files: &[File],
    e: &Existing,
    level: Level,
) -> Result<Vec<Outcome>, Message> {
    // What exists is kept, not written: only the folders on the way, and names that do not
    // exist (a link to nothing does not), are checked.
    preflight(
        dir,
        files
            .iter()
            .filter(|f| !f.fresh_only && !dir.join(&f.path).exists())
            .map(|f| f.path.as_str()),
    )?;
    let mut out = Vec::new();
    for f in files {
        if f.fresh_only {
            out.push(Outcome::NotInGrowth(f.path.clone()));
            continue;
        }
        let exists = dir.join(&f.path).exists();
        let Body::Docs(docs) = &f.body else {
            if exists {
                out.push(Outcome::Kept(f.path.clone()));
            } else {
                write_file(&dir.join(&f.path), &f.render())?;
                out.push(Outcome::Created(f.path.clone()));
            }
            continue;
        };
        let missing: Vec<&emit::Doc> = docs
            .iter()
            .filter(|d| {
                let id_defined = d.id.as_ref().is_some_and(|id| e.ids.contains(id));
                let soa_defined = d
                    .soa_framework
                    .as_ref()
                    .is_some_and(|fw| e.soas.contains(fw));
                !id_defined && !soa_defined
            })
            .collect();
        if missing.is_empty() {
            out.push(if exists {
                Outcome::Kept(f.path.clone())
            } else {
                Outcome::Defined(f.path.clone())
            });
            continue;
        }
        let partial = File {
            path: if exists {
                beside(dir, &f.path, level)
            } else {
                f.path.clone()
            },
            header: f.header.clone(),
            body: Body::Docs(missing.into_iter().cloned().collect()),
            fresh_only: false,
        };
        write_file(&dir.join(&partial.path), &partial.render())?;
        out.push(if exists {
            Outcome::Beside(partial.path, f.path.clone())
        } else {
            Outcome::Created(partial.path)
        });
    }
    Ok(out)
}

/// What was done, and what to do next: the text `isms init` prints.
pub fn summary(args: &Request, done: &Done) -> String {
    let (lang, outcomes, found) = (done.lang, &done.outcomes, done.found.as_ref());
    let level = args.level;
    let dir = args.dir.display();
    let mut text = match found {
        None => tr!(
            lang,
            "isms init: {} ({}) in {dir}\n",
            "isms init: {}（{}）を {dir} に作成します\n",
            level.name(lang),
            level.as_str()
        ),
        Some(_) => tr!(
            lang,
            "isms init: {} ({}) into the existing repository {dir}: adding only what is missing, changing nothing\n",
            "isms init: 既存のリポジトリ {dir} に {}（{}）の足りないものだけを追加します（既存のファイルは変更しません）\n",
            level.name(lang),
            level.as_str()
        ),
    };
    let schema_prefix = format!("{SCHEMA_DIR}/");
    let mut schema_lines: [usize; 2] = [0, 0];
    let mut placeholders = Vec::new();
    for o in outcomes {
        let (verb, path, note) = match o {
            Outcome::Created(p) => (lang.pick("created", "作成"), p, String::new()),
            Outcome::Overwritten(p) => (lang.pick("overwrote", "上書き"), p, String::new()),
            Outcome::Kept(p) => (
                lang.pick("kept", "既存"),
                p,
                lang.pick(" (exists, unchanged)", "（既にあるため変更なし）")
                    .to_owned(),
            ),
            Outcome::Defined(p) => (
                lang.pick("skipped", "省略"),
                p,
                lang.pick(
                    " (its entities are already defined in the repository)",
                    "（内容は既にリポジトリで定義済み）",
                )
                .to_owned(),
            ),
            Outcome::Beside(p, existing) => (
                lang.pick("created", "作成"),
                p,
                tr!(
                    lang,
                    " ({existing} exists; this holds what it lacks)",
                    "（{existing} が既にあるため、足りない分をこちらに書きました）"
                ),
            ),
            Outcome::NotInGrowth(p) => {
                placeholders.push(p.as_str());
                continue;
            }
        };
        if path.starts_with(&schema_prefix) {
            match o {
                Outcome::Kept(_) => schema_lines[1] += 1,
                _ => schema_lines[0] += 1,
            }
            continue;
        }
        let pad = " ".repeat(10usize.saturating_sub(unicode_width::UnicodeWidthStr::width(verb)));
        text.push_str(&format!("  {verb}{pad}{path}{note}\n"));
    }
    if schema_lines[0] > 0 {
        text.push_str(&tr!(
            lang,
            "  created   {SCHEMA_DIR}/ ({} JSON Schemas for the editor)\n",
            "  作成      {SCHEMA_DIR}/（エディタ用の JSON Schema {} 個）\n",
            schema_lines[0]
        ));
    }
    if schema_lines[1] > 0 {
        text.push_str(&tr!(
            lang,
            "  kept      {SCHEMA_DIR}/ ({} files exist, unchanged; delete the folder to refresh the schemas)\n",
            "  既存      {SCHEMA_DIR}/（{} 個、変更なし。スキーマを更新するにはフォルダを削除して再実行）\n",
            schema_lines[1]
        ));
    }
    if let Some(e) = found {
        if args.force {
            text.push_str(lang.pick(
                "\nnote: --force does not apply to an existing repository: init never changes its files\n      (delete a file to have it written again).\n",
                "\n注意: 既存のリポジトリでは --force は効きません（init は既存のファイルを変更しません）。\n      ファイルを作り直すには、削除してから再実行してください。\n",
            ));
        }
        if !placeholders.is_empty() {
            let total = crate::catalog::catalogs()
                .framework(comprehensive::FRAMEWORK)
                .map_or(0, |f| f.controls.len());
            let undecided = crate::catalog::catalogs()
                .framework(comprehensive::FRAMEWORK)
                .map_or(0, |f| {
                    f.controls
                        .iter()
                        .filter(|c| !e.decided.contains(&c.id))
                        .count()
                });
            text.push_str(&tr!(
                lang,
                "\nThe {total} placeholder controls ({}) are not added to an existing repository: your controls stay\n\
                 as they are, and `isms check` reports each Annex A control that none of them maps to and soa.yaml does\n\
                 not exclude (soa/missing). Now {undecided} of {total} are undecided: map a control to each (maps_to),\n\
                 add a control, or exclude it with its reason in soa.yaml.\n",
                "\n附属書 A の {total} 管理策の仮の管理策（{}）は既存のリポジトリには追加しません。既存の管理策はそのままで、\n\
                 どの管理策にも対応付けられず soa.yaml で除外もされていない附属書 A の管理策を `isms check` が soa/missing として\n\
                 示します。現在 {total} 管理策のうち {undecided} 個が未決定です: 管理策を対応付ける（maps_to）、管理策を追加する、\n\
                 または soa.yaml で理由を書いて除外する、のいずれかで決めてください。\n",
                format!("controls/{}/", comprehensive::FRAMEWORK)
            ));
        }
        if let Some(fw) = level.framework() {
            if !e.frameworks.iter().any(|f| f == fw) {
                let mut list = e.frameworks.clone();
                list.push(fw.to_owned());
                text.push_str(&tr!(
                    lang,
                    "\nisms.yaml does not list {fw} under frameworks, so `isms check` does not yet report which of its\n\
                     controls are undecided. Change the line in isms.yaml to:\n  frameworks: [{}]\n",
                    "\nisms.yaml の frameworks に {fw} がないため、`isms check` はまだその管理策の未決定を示しません。\n\
                     isms.yaml の行を次のように書き換えてください:\n  frameworks: [{}]\n",
                    list.join(", ")
                ));
            }
        }
    }
    let next_level = match level {
        Level::Quick => Some("baseline"),
        Level::Baseline => Some("comprehensive"),
        Level::Comprehensive => None,
    };
    text.push_str(lang.pick(
        "\nNext: open each file and fill in what its first comment asks, then run `isms check`.\n\
         Its warnings are your to-do list: the fill-ins left (text/placeholder), the approvals\n\
         still to give, the risk assessment still to write.\n",
        "\n次に: 各ファイルを開いて先頭のコメントに沿って記入し、`isms check` で確認してください。\n\
         その警告がやることの一覧です: 残っている記入欄（text/placeholder）、まだの承認、まだのリスクアセスメント。\n",
    ));
    if let Some(next) = next_level {
        text.push_str(&tr!(
            lang,
            "To grow to the next level later: isms init --level {next} (adds only what is missing).\n",
            "次のレベルに進むときは: isms init --level {next}（足りないものだけを追加します）\n"
        ));
    }
    text
}
