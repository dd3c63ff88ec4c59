//! `isms diff BASE [HEAD] [PATH]`: what a change does to the risk posture between two git
//! revisions (HEAD defaults to the work tree). Both sides are loaded and judged like
//! `isms check`; a revision is read from git's object database into memory, never through
//! the work tree or the index. The result is Markdown for a pull-request comment (a headline,
//! then tables, at most [`MAX_MARKDOWN_CHARS`]) or JSON.

use crate::finding::Message;
use crate::git::{self, GitError};
use crate::i18n::Lang;
use crate::judge::{self, Judged};
use crate::model::Status;
use crate::report::escape::md_text;
use crate::risk::Band;
use crate::tr;
use crate::workspace;
use clap::{Args, ValueEnum};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// A PR comment may hold 65,536 characters; this leaves room for the action's marker and note.
pub const MAX_MARKDOWN_CHARS: usize = 60_000;

#[derive(Args, Debug)]
#[command(
    after_help = "Examples:\n  isms diff origin/main                  # work tree against a branch\n  \
     isms diff v1.0 HEAD company-example     # two revisions, the ISMS in a subfolder\n  \
     isms diff main company-example          # the work tree of that folder against main"
)]
pub struct DiffArgs {
    /// The revision to compare from: a branch, tag or commit (`origin/main`, `HEAD~1`).
    pub base: String,
    /// The revision to compare to; default: the work tree, uncommitted changes included.
    pub head: Option<String>,
    /// The ISMS repository, or any file or folder inside it (default: the current folder).
    pub path: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "md")]
    pub format: DiffFormat,
    /// Language of the report (default: `language:` in isms.yaml, else ja).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// The date that date rules compare with (YYYY-MM-DD); default: today.
    #[arg(long, value_parser = parse_today)]
    pub today: Option<jiff::civil::Date>,
    /// Write the report to a file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

fn parse_today(s: &str) -> Result<jiff::civil::Date, String> {
    crate::fields::parse_date(s).ok_or_else(|| format!("`{s}` is not a date: write YYYY-MM-DD"))
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffFormat {
    /// Markdown for a pull-request comment.
    Md,
    /// JSON for tools.
    Json,
}

/// Runs `isms diff`; returns the exit code (0, or 2 on a usage, git or I/O error).
pub fn diff(args: &DiffArgs) -> i32 {
    match run(args) {
        Ok(text) => match crate::write_output(args.output.as_deref(), &text) {
            Ok(()) => 0,
            Err(code) => code,
        },
        Err(message) => {
            eprintln!("error: {message}");
            2
        }
    }
}

fn run(args: &DiffArgs) -> Result<String, String> {
    let lang_msg = args.lang.unwrap_or_default();
    // `isms diff main company-example`: a second argument that is a folder, not a revision.
    let (head, path) = match (&args.head, &args.path) {
        (Some(h), None) if Path::new(h).exists() => {
            let here = std::env::current_dir().map_err(|e| e.to_string())?;
            if git::resolve_commit(&here, h).is_ok() {
                return Err(tr!(
                    lang_msg,
                    "`{h}` is both a revision and a path: write `isms diff BASE HEAD {h}` or `isms diff BASE WORKTREE-PATH` with `./{h}`",
                    "`{h}` はリビジョンとパスのどちらとも取れます: `isms diff BASE HEAD {h}` または `./{h}` と書いてください"
                ));
            }
            (None, PathBuf::from(h))
        }
        (h, p) => (h.clone(), p.clone().unwrap_or_else(|| PathBuf::from("."))),
    };
    for rev in std::iter::once(&args.base).chain(head.as_ref()) {
        if rev.starts_with('-') {
            return Err(GitError::OptionLike(rev.clone()).to_string());
        }
    }
    let root = workspace::find_root(&path).map_err(|e| e.message(lang_msg))?;
    let top = git::toplevel(&root).map_err(|e| e.to_string())?;
    let in_repo = git::path_in_repo(&root).unwrap_or_default();
    let today = args.today.unwrap_or_else(judge::today);

    let base_id = git::resolve_commit(&top, &args.base).map_err(|e| e.to_string())?;
    let base = load_revision(&top, &base_id, &in_repo, args.lang)?;
    let (head_side, head_label) = match &head {
        Some(rev) => {
            let id = git::resolve_commit(&top, rev).map_err(|e| e.to_string())?;
            let ws = load_revision(&top, &id, &in_repo, args.lang)?;
            (ws, Some((rev.clone(), id)))
        }
        None => {
            let ws = workspace::load(&root, args.lang).map_err(|e| e.message(lang_msg))?;
            if let Some(e) = ws.io_errors.first() {
                return Err(e.get(lang_msg).to_owned());
            }
            (Some(ws), None)
        }
    };
    let lang = args
        .lang
        .or(head_side.as_ref().map(|w| w.lang))
        .or(base.as_ref().map(|w| w.lang))
        .unwrap_or_default();
    let prefix = if in_repo.is_empty() {
        String::new()
    } else {
        format!("{in_repo}/")
    };
    let before = base.map(|ws| Snapshot::of(&judge::judge(ws, today)));
    let after = head_side.map(|ws| Snapshot::of(&judge::judge(ws, today)));
    let d = Diff::between(before.as_ref(), after.as_ref());
    let labels = Labels {
        base: (args.base.clone(), base_id),
        head: head_label,
        root: in_repo,
        prefix,
    };
    Ok(match args.format {
        DiffFormat::Md => markdown(&d, &labels, lang),
        DiffFormat::Json => json_report(&d, &labels, lang),
    })
}

/// Loads the ISMS at `in_repo` as it is in a commit; `None` when it has no isms.yaml there.
fn load_revision(
    top: &Path,
    commit: &str,
    in_repo: &str,
    lang: Option<Lang>,
) -> Result<Option<workspace::Workspace>, String> {
    let keep = |rel: &str| rel.ends_with(".yaml") || rel.ends_with(".yml");
    let Some(mut files) = git::read_tree(top, commit, in_repo, keep).map_err(|e| e.to_string())?
    else {
        return Ok(None);
    };
    let Some(at) = files
        .iter()
        .position(|(p, _)| p == crate::config::CONFIG_FILE)
    else {
        return Ok(None);
    };
    let (_, config) = files.remove(at);
    let label = top.join(in_repo);
    workspace::load_files(label, config, files, lang)
        .map(Some)
        .map_err(|e| e.message(lang.unwrap_or_default()))
}

struct Labels {
    /// As typed, and the commit it names.
    base: (String, String),
    /// `None`: the work tree.
    head: Option<(String, String)>,
    /// The ISMS root relative to the top of the repository (`""` at the top).
    root: String,
    prefix: String,
}

// ---------------------------------------------------------------------------------------
// What is compared: a snapshot of each side.

#[derive(Clone, Debug, PartialEq, Eq)]
struct RiskState {
    title: String,
    level: Option<i64>,
    band: Option<Band>,
    residual_level: Option<i64>,
    residual_band: Option<Band>,
    option: Option<&'static str>,
    controls: Vec<String>,
}

impl RiskState {
    fn levels(&self) -> (Option<i64>, Option<Band>, Option<i64>, Option<Band>) {
        (
            self.level,
            self.band,
            self.residual_level,
            self.residual_band,
        )
    }

    fn treatment(&self) -> (Option<&'static str>, Vec<&str>) {
        let mut controls: Vec<&str> = self.controls.iter().map(String::as_str).collect();
        controls.sort_unstable();
        (self.option, controls)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct ControlState {
    title: String,
    status: Option<Status>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct SoaRow {
    /// `None` while the SoA has not decided (neither applied nor excluded, or both).
    applicable: Option<bool>,
    excluded: bool,
    status: Option<Status>,
}

#[derive(Clone, Debug)]
struct FindingState {
    code: &'static str,
    severity: &'static str,
    message: Message,
    subject: String,
    field: String,
    file: String,
    line: u32,
    column: u32,
}

#[derive(Default)]
struct Snapshot {
    risks: BTreeMap<String, RiskState>,
    controls: BTreeMap<String, ControlState>,
    frameworks: Vec<String>,
    /// (framework, control id) → row, for every control of each framework in isms.yaml.
    soa: HashMap<(String, String), SoaRow>,
    findings: Vec<FindingState>,
}

impl Snapshot {
    fn of(c: &Judged) -> Snapshot {
        let ws = &c.ws;
        let m = &ws.model;
        let mut s = Snapshot::default();
        for (r, a) in m.risks.iter().zip(&c.analysis.assessments) {
            s.risks.entry(r.id.value.clone()).or_insert(RiskState {
                title: r
                    .title
                    .as_ref()
                    .map(|t| t.value.clone())
                    .unwrap_or_default(),
                level: a.level,
                band: a.band,
                residual_level: a.residual_level,
                residual_band: a.residual_band,
                option: r
                    .treatment
                    .as_ref()
                    .and_then(|t| t.option.as_ref())
                    .map(|o| o.value.as_str()),
                controls: r
                    .treatment
                    .as_ref()
                    .map(|t| t.controls.iter().map(|c| c.value.clone()).collect())
                    .unwrap_or_default(),
            });
        }
        for c in &m.controls {
            s.controls
                .entry(c.id.value.clone())
                .or_insert(ControlState {
                    title: c
                        .title
                        .as_ref()
                        .map(|t| t.value.clone())
                        .unwrap_or_default(),
                    status: c.status.as_ref().map(|x| x.value),
                });
        }
        for fw in &ws.config.frameworks {
            let Some(catalog) = crate::catalog::catalogs().framework(&fw.value) else {
                continue;
            };
            s.frameworks.push(catalog.framework.clone());
            // The rows of `isms soa`, so that the diff and the SoA agree on every decision.
            let table = crate::report::soa::build(c, catalog);
            for row in &table.rows {
                s.soa.insert(
                    (catalog.framework.clone(), row.id.clone()),
                    SoaRow {
                        applicable: row.decision.applicable(),
                        excluded: row.exclusion.is_some(),
                        status: row.status,
                    },
                );
            }
        }
        let report = crate::render::Report {
            findings: &c.findings,
            sources: &ws.sources,
            files: ws.sources.len(),
            entities: m.entity_count(),
            lang: ws.lang,
        };
        for f in &c.findings {
            let l = report.location(f.span);
            s.findings.push(FindingState {
                code: f.code,
                severity: f.severity.as_str(),
                message: f.message.clone(),
                subject: f.subject.clone(),
                field: f.field.clone(),
                file: l.file.to_owned(),
                line: l.line,
                column: l.column,
            });
        }
        s
    }
}

// ---------------------------------------------------------------------------------------
// The differences.

struct RiskChange {
    id: String,
    before: Option<RiskState>,
    after: Option<RiskState>,
}

impl RiskChange {
    /// `added`, `removed`, or what changed: `relevelled` and/or `retreated`.
    fn kinds(&self) -> Vec<&'static str> {
        match (&self.before, &self.after) {
            (None, _) => vec!["added"],
            (_, None) => vec!["removed"],
            (Some(b), Some(a)) => {
                let mut k = Vec::new();
                if b.levels() != a.levels() {
                    k.push("relevelled");
                }
                if b.treatment() != a.treatment() {
                    k.push("retreated");
                }
                k
            }
        }
    }
}

struct ControlChange {
    id: String,
    title: String,
    before: Option<Status>,
    after: Option<Status>,
}

struct SoaFlip {
    framework: String,
    id: String,
    /// English and Japanese.
    title: (String, String),
    before: Option<SoaRow>,
    after: Option<SoaRow>,
}

#[derive(Default)]
struct Diff {
    /// Present only on one side: the whole ISMS was added or removed.
    base_missing: bool,
    head_missing: bool,
    risks: Vec<RiskChange>,
    controls: Vec<ControlChange>,
    frameworks_added: Vec<String>,
    frameworks_removed: Vec<String>,
    soa: Vec<SoaFlip>,
    introduced: Vec<FindingState>,
    fixed: Vec<FindingState>,
}

impl Diff {
    fn between(before: Option<&Snapshot>, after: Option<&Snapshot>) -> Diff {
        let empty = Snapshot::default();
        let (b, a) = (before.unwrap_or(&empty), after.unwrap_or(&empty));
        let mut d = Diff {
            base_missing: before.is_none(),
            head_missing: after.is_none(),
            ..Diff::default()
        };
        let ids: std::collections::BTreeSet<&String> =
            b.risks.keys().chain(a.risks.keys()).collect();
        for id in ids {
            let (x, y) = (b.risks.get(id), a.risks.get(id));
            let changed = match (x, y) {
                (Some(x), Some(y)) => x.levels() != y.levels() || x.treatment() != y.treatment(),
                _ => true,
            };
            if changed {
                d.risks.push(RiskChange {
                    id: id.clone(),
                    before: x.cloned(),
                    after: y.cloned(),
                });
            }
        }
        let ids: std::collections::BTreeSet<&String> =
            b.controls.keys().chain(a.controls.keys()).collect();
        for id in ids {
            let (x, y) = (b.controls.get(id), a.controls.get(id));
            let (sx, sy) = (x.and_then(|c| c.status), y.and_then(|c| c.status));
            if sx != sy || x.is_some() != y.is_some() {
                d.controls.push(ControlChange {
                    id: id.clone(),
                    title: y.or(x).map(|c| c.title.clone()).unwrap_or_default(),
                    before: sx,
                    after: sy,
                });
            }
        }
        d.frameworks_added = a
            .frameworks
            .iter()
            .filter(|f| !b.frameworks.contains(f))
            .cloned()
            .collect();
        d.frameworks_removed = b
            .frameworks
            .iter()
            .filter(|f| !a.frameworks.contains(f))
            .cloned()
            .collect();
        // Rows of the frameworks both sides declare, in catalog order.
        for fw in a.frameworks.iter().filter(|f| b.frameworks.contains(f)) {
            let Some(catalog) = crate::catalog::catalogs().framework(fw) else {
                continue;
            };
            for cc in &catalog.controls {
                let key = (fw.clone(), cc.id.clone());
                let (x, y) = (b.soa.get(&key).copied(), a.soa.get(&key).copied());
                if x != y {
                    d.soa.push(SoaFlip {
                        framework: fw.clone(),
                        id: cc.id.clone(),
                        title: (cc.title.clone(), cc.title_ja.clone()),
                        before: x,
                        after: y,
                    });
                }
            }
        }
        d.introduced = unmatched(&a.findings, &b.findings);
        d.fixed = unmatched(&b.findings, &a.findings);
        d
    }

    fn count(&self, kind: &str) -> usize {
        self.risks
            .iter()
            .filter(|r| r.kinds().contains(&kind))
            .count()
    }

    fn is_empty(&self) -> bool {
        self.risks.is_empty()
            && self.controls.is_empty()
            && self.soa.is_empty()
            && self.frameworks_added.is_empty()
            && self.frameworks_removed.is_empty()
            && self.introduced.is_empty()
            && self.fixed.is_empty()
    }
}

/// The findings of `these` that `others` does not have, matched by identity (code, file,
/// subject, field): never by wording, which changes with the language, nor by line,
/// which moves when a file is edited. Repeats count.
fn unmatched(these: &[FindingState], others: &[FindingState]) -> Vec<FindingState> {
    let key = |f: &'_ FindingState| -> (String, String, String, String) {
        (
            f.code.to_owned(),
            f.file.clone(),
            f.subject.clone(),
            f.field.clone(),
        )
    };
    let mut left: HashMap<(String, String, String, String), usize> = HashMap::new();
    for f in others {
        *left.entry(key(f)).or_default() += 1;
    }
    these
        .iter()
        .filter(|f| match left.get_mut(&key(f)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .cloned()
        .collect()
}

// ---------------------------------------------------------------------------------------
// Markdown.

/// An id as inline code, safe in a table cell.
pub fn md_code(s: &str) -> String {
    let s = s.replace(['\r', '\n'], " ").replace('|', "\\|");
    if s.contains('`') {
        format!("`` {} ``", s.replace('`', "ˋ"))
    } else {
        format!("`{s}`")
    }
}

fn band_name(b: Band, lang: Lang) -> &'static str {
    lang.pick(b.as_str(), b.ja())
}

fn level_text(level: Option<i64>, band: Option<Band>, lang: Lang) -> String {
    match (level, band) {
        (Some(l), Some(b)) => format!("{l} ({})", band_name(b, lang)),
        (Some(l), None) => l.to_string(),
        _ => "—".to_owned(),
    }
}

fn arrow(before: &str, after: &str) -> String {
    if before == after {
        before.to_owned()
    } else {
        format!("{before} → {after}")
    }
}

fn status_text(s: Option<Status>) -> String {
    s.map_or("—".to_owned(), |s| s.as_str().to_owned())
}

fn short(id: &str) -> &str {
    id.get(..7).unwrap_or(id)
}

fn markdown(d: &Diff, l: &Labels, lang: Lang) -> String {
    let mut out = String::new();
    let base = format!("{} ({})", md_code(&l.base.0), short(&l.base.1));
    let head = match &l.head {
        Some((rev, id)) => format!("{} ({})", md_code(rev), short(id)),
        None => tr!(lang, "the work tree", "作業ツリー"),
    };
    let place = if l.root.is_empty() {
        String::new()
    } else {
        format!(" — {}", md_code(&l.root))
    };
    let _ = writeln!(out, "### isms diff: {base} → {head}{place}\n");

    // The headline: one line that says it all.
    let mut parts = Vec::new();
    if d.base_missing {
        parts.push(tr!(
            lang,
            "new ISMS (none at the base)",
            "ISMS を新規作成（ベースにはなし）"
        ));
    }
    if d.head_missing {
        parts.push(tr!(lang, "the ISMS was removed", "ISMS が削除された"));
    }
    let risk_parts: Vec<String> = [
        ("added", tr!(lang, "added", "追加")),
        ("removed", tr!(lang, "removed", "削除")),
        ("relevelled", tr!(lang, "re-levelled", "レベル変更")),
        ("retreated", tr!(lang, "re-treated", "対応変更")),
    ]
    .into_iter()
    .filter_map(|(k, word)| {
        let n = d.count(k);
        (n > 0).then(|| format!("{n} {word}"))
    })
    .collect();
    if !risk_parts.is_empty() {
        parts.push(tr!(lang, "risks: {}", "リスク: {}", risk_parts.join(", ")));
    }
    if !d.controls.is_empty() {
        let n = d.controls.len();
        parts.push(tr!(
            lang,
            "controls: {n} changed status",
            "管理策: 状態変更 {n}"
        ));
    }
    if !d.soa.is_empty() || !d.frameworks_added.is_empty() || !d.frameworks_removed.is_empty() {
        let n = d.soa.len();
        parts.push(tr!(
            lang,
            "SoA: {n} rows flipped",
            "適用宣言書: {n} 行が変化"
        ));
    }
    if !d.introduced.is_empty() || !d.fixed.is_empty() {
        let (i, f) = (d.introduced.len(), d.fixed.len());
        parts.push(tr!(
            lang,
            "findings: {i} introduced, {f} fixed",
            "指摘: 新規 {i}、解消 {f}"
        ));
    }
    if d.is_empty() && !d.base_missing && !d.head_missing {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "**No change to the risk posture.**",
                "**リスクの状況に変化はありません。**"
            )
        );
        return out;
    }
    let _ = writeln!(out, "**{}**", parts.join(" · "));

    if !d.risks.is_empty() {
        let _ = writeln!(out, "\n#### {}\n", tr!(lang, "Risks", "リスク"));
        let _ = writeln!(
            out,
            "{}\n|---|---|---|---|---|---|",
            tr!(
                lang,
                "| Change | Risk | Title | Level | Residual | Treatment |",
                "| 変更 | リスク | 名称 | リスク値 | 残留リスク | リスク対応 |"
            )
        );
        for r in &d.risks {
            let kind = r
                .kinds()
                .into_iter()
                .map(|k| match k {
                    "added" => tr!(lang, "added", "追加"),
                    "removed" => tr!(lang, "removed", "削除"),
                    "relevelled" => tr!(lang, "re-levelled", "レベル変更"),
                    _ => tr!(lang, "re-treated", "対応変更"),
                })
                .collect::<Vec<_>>()
                .join(", ");
            let title = r
                .after
                .as_ref()
                .or(r.before.as_ref())
                .map(|s| md_text(&s.title))
                .unwrap_or_default();
            let side = |s: &Option<RiskState>, f: &dyn Fn(&RiskState) -> String| {
                s.as_ref().map_or("—".to_owned(), f)
            };
            let level = arrow(
                &side(&r.before, &|s| level_text(s.level, s.band, lang)),
                &side(&r.after, &|s| level_text(s.level, s.band, lang)),
            );
            let residual = arrow(
                &side(&r.before, &|s| {
                    level_text(s.residual_level, s.residual_band, lang)
                }),
                &side(&r.after, &|s| {
                    level_text(s.residual_level, s.residual_band, lang)
                }),
            );
            let treat = |s: &RiskState| {
                let option = s.option.unwrap_or("—");
                if s.controls.is_empty() {
                    option.to_owned()
                } else {
                    let controls: Vec<String> = s.controls.iter().map(|c| md_code(c)).collect();
                    format!("{option}: {}", controls.join(", "))
                }
            };
            let treatment = arrow(&side(&r.before, &treat), &side(&r.after, &treat));
            let _ = writeln!(
                out,
                "| {kind} | {} | {title} | {level} | {residual} | {treatment} |",
                md_code(&r.id)
            );
        }
    }

    if !d.controls.is_empty() {
        let _ = writeln!(out, "\n#### {}\n", tr!(lang, "Controls", "管理策"));
        let _ = writeln!(
            out,
            "{}\n|---|---|---|",
            tr!(
                lang,
                "| Control | Title | Status |",
                "| 管理策 | 名称 | 実施状況 |"
            )
        );
        for c in &d.controls {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                md_code(&c.id),
                md_text(&c.title),
                arrow(&status_text(c.before), &status_text(c.after))
            );
        }
    }

    if !d.soa.is_empty() || !d.frameworks_added.is_empty() || !d.frameworks_removed.is_empty() {
        let _ = writeln!(
            out,
            "\n#### {}\n",
            tr!(lang, "Statement of Applicability", "適用宣言書")
        );
        for f in &d.frameworks_added {
            let _ = writeln!(
                out,
                "- {}: {}",
                tr!(lang, "framework added", "規格を追加"),
                md_code(f)
            );
        }
        for f in &d.frameworks_removed {
            let _ = writeln!(
                out,
                "- {}: {}",
                tr!(lang, "framework removed", "規格を削除"),
                md_code(f)
            );
        }
        if !d.frameworks_added.is_empty() || !d.frameworks_removed.is_empty() {
            out.push('\n');
        }
        if !d.soa.is_empty() {
            let _ = writeln!(
                out,
                "{}\n|---|---|---|---|---|",
                tr!(
                    lang,
                    "| Control | Title | Applicable | Excluded | Status |",
                    "| 管理策 | 名称 | 適用 | 除外 | 実施状況 |"
                )
            );
            let yes_no = |b: Option<Option<bool>>| match b {
                Some(Some(true)) => tr!(lang, "yes", "はい"),
                Some(Some(false)) => tr!(lang, "no", "いいえ"),
                Some(None) => tr!(lang, "undecided", "未決定"),
                None => "—".to_owned(),
            };
            for s in &d.soa {
                let field = |f: fn(&SoaRow) -> Option<bool>| {
                    arrow(
                        &yes_no(s.before.as_ref().map(f)),
                        &yes_no(s.after.as_ref().map(f)),
                    )
                };
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    md_code(&format!("{}:{}", s.framework, s.id)),
                    md_text(lang.pick(&s.title.0, &s.title.1)),
                    field(|r| r.applicable),
                    field(|r| Some(r.excluded)),
                    arrow(
                        &status_text(s.before.and_then(|r| r.status)),
                        &status_text(s.after.and_then(|r| r.status))
                    )
                );
            }
        }
    }

    for (list, heading) in [
        (
            &d.introduced,
            tr!(lang, "Findings introduced", "新たな指摘"),
        ),
        (&d.fixed, tr!(lang, "Findings fixed", "解消した指摘")),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n#### {heading}\n");
        let _ = writeln!(
            out,
            "{}\n|---|---|---|---|",
            tr!(
                lang,
                "| Severity | Code | Location | Message |",
                "| 重大度 | コード | 場所 | メッセージ |"
            )
        );
        for f in list {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                f.severity,
                md_code(f.code),
                md_code(&format!("{}{}:{}:{}", l.prefix, f.file, f.line, f.column)),
                md_text(f.message.get(lang))
            );
        }
    }
    truncate(out, MAX_MARKDOWN_CHARS, lang)
}

/// Cuts a report at a line so that it and the note fit in `max` characters.
fn truncate(text: String, max: usize, lang: Lang) -> String {
    if text.chars().count() <= max {
        return text;
    }
    let lines: Vec<&str> = text.lines().collect();
    let note = |n: usize| {
        tr!(
            lang,
            "\n> [!NOTE]\n> {n} more lines were cut to fit a comment; run `isms diff` locally, or see the job summary, for the full report.\n",
            "\n> [!NOTE]\n> コメントの文字数の上限のため、残り {n} 行を省略しました。全体は手元の `isms diff` かジョブの概要で確認してください。\n"
        )
    };
    let mut out = String::new();
    let mut used = 0;
    let budget = max - note(lines.len()).chars().count();
    let mut kept = 0;
    for line in &lines {
        let n = line.chars().count() + 1;
        if used + n > budget {
            break;
        }
        out.push_str(line);
        out.push('\n');
        used += n;
        kept += 1;
    }
    out.push_str(&note(lines.len() - kept));
    out
}

// ---------------------------------------------------------------------------------------
// JSON.

fn risk_json(s: &Option<RiskState>) -> Value {
    match s {
        None => Value::Null,
        Some(s) => json!({
            "title": s.title,
            "level": s.level,
            "band": s.band.map(Band::as_str),
            "residual_level": s.residual_level,
            "residual_band": s.residual_band.map(Band::as_str),
            "treatment": s.option,
            "controls": s.controls,
        }),
    }
}

fn soa_json(r: Option<SoaRow>) -> Value {
    r.map_or(Value::Null, |r| {
        json!({
            "applicable": r.applicable,
            "excluded": r.excluded,
            "status": r.status.map(Status::as_str),
        })
    })
}

fn finding_json(f: &FindingState, lang: Lang) -> Value {
    json!({
        "code": f.code,
        "severity": f.severity,
        "message": f.message.get(lang),
        "file": f.file,
        "line": f.line,
        "column": f.column,
    })
}

fn json_report(d: &Diff, l: &Labels, lang: Lang) -> String {
    let head = match &l.head {
        Some((rev, id)) => json!({"rev": rev, "commit": id}),
        None => json!({"rev": null, "commit": null}),
    };
    let risks: Vec<Value> = d
        .risks
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "change": r.kinds(),
                "before": risk_json(&r.before),
                "after": risk_json(&r.after),
            })
        })
        .collect();
    let controls: Vec<Value> = d
        .controls
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "title": c.title,
                "before": c.before.map(Status::as_str),
                "after": c.after.map(Status::as_str),
            })
        })
        .collect();
    let soa: Vec<Value> = d
        .soa
        .iter()
        .map(|s| {
            json!({
                "framework": s.framework,
                "id": s.id,
                "title": s.title.0,
                "title_ja": s.title.1,
                "before": soa_json(s.before),
                "after": soa_json(s.after),
            })
        })
        .collect();
    let out = json!({
        "version": 1,
        "base": {"rev": l.base.0, "commit": l.base.1, "exists": !d.base_missing},
        "head": {"rev": head["rev"], "commit": head["commit"], "exists": !d.head_missing},
        "root": l.root,
        "risks": risks,
        "controls": controls,
        "frameworks": {"added": d.frameworks_added, "removed": d.frameworks_removed},
        "soa": soa,
        "findings": {
            "introduced": d.introduced.iter().map(|f| finding_json(f, lang)).collect::<Vec<_>>(),
            "fixed": d.fixed.iter().map(|f| finding_json(f, lang)).collect::<Vec<_>>(),
        },
        "summary": {
            "risks_added": d.count("added"),
            "risks_removed": d.count("removed"),
            "risks_relevelled": d.count("relevelled"),
            "risks_retreated": d.count("retreated"),
            "controls_changed": d.controls.len(),
            "soa_flipped": d.soa.len(),
            "findings_introduced": d.introduced.len(),
            "findings_fixed": d.fixed.len(),
        },
    });
    serde_json::to_string_pretty(&out).expect("diff serialises") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_tables_or_fake_the_marker() {
        assert_eq!(
            md_text("a|b\n<!-- isms-report --> *x* @team"),
            "a\\|b &lt;\\!-- isms-report --&gt; \\*x\\* @\u{2060}team"
        );
        assert_eq!(md_code("R-1|x"), "`R-1\\|x`");
    }

    #[test]
    fn long_reports_are_cut_at_a_line_with_a_note() {
        let text: String = (0..1000).map(|i| format!("| row {i} |\n")).collect();
        let cut = truncate(text, 2000, Lang::En);
        assert!(cut.chars().count() <= 2000);
        assert!(cut.contains("more lines were cut"));
        assert!(cut.starts_with("| row 0 |\n"));
    }
}
