//! `isms diff BASE [HEAD] [PATH]`: resolve the revisions, load and judge each side like
//! `isms check` (a revision is read from git's object database into memory, never through
//! the work tree or the index), compare them ([`crate::diff`]), and write Markdown for a
//! pull-request comment or JSON.

use super::{Error, LangArg, Outcome, TodayArg, write_output};
use crate::diff::{self, Sides};
use crate::finding::Message;
use crate::git::{self, GitError};
use crate::i18n::Lang;
use crate::judge;
use crate::msg;
use crate::workspace;
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};

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
    #[command(flatten)]
    pub lang: LangArg,
    #[command(flatten)]
    pub today: TodayArg,
    /// Write the report to a file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The repository's web address (`https://github.com/OWNER/REPO`): the locations of
    /// findings link to their lines, at the head commit (introduced) or the base (fixed).
    #[arg(long, value_name = "URL")]
    pub repository_url: Option<String>,
    /// The commit the links of introduced findings point at (the pull request's head);
    /// default: HEAD's commit, and no links when HEAD is the work tree.
    #[arg(long, value_name = "SHA", requires = "repository_url")]
    pub sha: Option<String>,
}

/// The links of a comment, from `--repository-url` and `--sha`: only an `https://` address
/// of plain characters and a hexadecimal commit id are accepted, so that neither can end a
/// Markdown link or smuggle markup into it.
fn links(args: &DiffArgs, base: &str, head: Option<&str>) -> Result<Option<diff::Links>, Error> {
    let Some(url) = &args.repository_url else {
        return Ok(None);
    };
    let url = url.trim_end_matches('/');
    let plain = |c: char| c.is_ascii_alphanumeric() || "-._~/:%".contains(c);
    if !url.starts_with("https://") || url.len() <= "https://".len() || !url.chars().all(plain) {
        return Err(Error::new(msg!(
            "--repository-url `{url}` is not an https:// address of letters, digits and - . _ ~ / : %",
            "--repository-url `{url}` は英数字と - . _ ~ / : % からなる https:// のアドレスではありません"
        )));
    }
    if let Some(sha) = &args.sha {
        if !(7..=64).contains(&sha.len()) || !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Error::new(msg!(
                "--sha `{sha}` is not a commit id (7 to 64 hexadecimal digits)",
                "--sha `{sha}` はコミット ID（16 進数 7〜64 桁）ではありません"
            )));
        }
    }
    // `--sha` names the head when given: in a pull request's checkout HEAD is a merge
    // commit, and the lines a reviewer reads are at the pull request's own head.
    let head = args.sha.clone().or_else(|| head.map(str::to_owned));
    Ok(Some(diff::Links {
        base: format!("{url}/blob/{base}"),
        head: head.map(|h| format!("{url}/blob/{h}")),
    }))
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffFormat {
    /// Markdown for a pull-request comment.
    Md,
    /// JSON for tools.
    Json,
}

/// Runs `isms diff`: exit 0 when written, 2 on a usage, git or I/O error.
pub fn run(args: &DiffArgs) -> Result<Outcome, Error> {
    let said = args.lang.lang;
    let fail = |e: Error| e.lang(said.unwrap_or_default());
    // `isms diff main company-example`: a second argument that is a folder, not a revision.
    let (head, path) = match (&args.head, &args.path) {
        (Some(h), None) if Path::new(h).exists() => {
            let here = std::env::current_dir()
                .map_err(|e| fail(Error::new(Message::same(e.to_string()))))?;
            if git::resolve_commit(&here, h).is_ok() {
                return Err(fail(Error::new(msg!(
                    "`{h}` is both a revision and a path: write `isms diff BASE HEAD {h}` or `isms diff BASE WORKTREE-PATH` with `./{h}`",
                    "`{h}` はリビジョンとパスのどちらとも取れます: `isms diff BASE HEAD {h}` または `./{h}` と書いてください"
                ))));
            }
            (None, PathBuf::from(h))
        }
        (h, p) => (h.clone(), p.clone().unwrap_or_else(|| PathBuf::from("."))),
    };
    for rev in std::iter::once(&args.base).chain(head.as_ref()) {
        if rev.starts_with('-') {
            return Err(fail(GitError::OptionLike(rev.clone()).into()));
        }
    }
    let root = workspace::find_root(&path).map_err(|e| fail(e.into()))?;
    let top = git::toplevel(&root).map_err(|e| fail(e.into()))?;
    let in_repo = git::path_in_repo(&root).unwrap_or_default();
    let today = args.today.date();

    let base_id = git::resolve_commit(&top, &args.base).map_err(|e| fail(e.into()))?;
    let base = load_revision(&top, &base_id, &in_repo, said).map_err(fail)?;
    let (head_side, head_label) = match &head {
        Some(rev) => {
            let id = git::resolve_commit(&top, rev).map_err(|e| fail(e.into()))?;
            let ws = load_revision(&top, &id, &in_repo, said).map_err(fail)?;
            (ws, Some((rev.clone(), id)))
        }
        None => {
            let ws = workspace::load(&root, said).map_err(|e| fail(e.into()))?;
            if !ws.io_errors.is_empty() {
                return Err(Error {
                    lines: ws.io_errors.clone(),
                    help: None,
                    lang: ws.lang,
                });
            }
            (Some(ws), None)
        }
    };
    let lang = said
        .or(head_side.as_ref().map(|w| w.lang))
        .or(base.as_ref().map(|w| w.lang))
        .unwrap_or_default();
    let before = base.map(|ws| judge::judge(ws, today));
    let after = head_side.map(|ws| judge::judge(ws, today));
    let change = diff::compare(before.as_ref(), after.as_ref());
    let links = links(
        args,
        &base_id,
        head_label.as_ref().map(|(_, id)| id.as_str()),
    )
    .map_err(|e| e.lang(lang))?;
    let sides = Sides {
        links,
        base: (args.base.clone(), base_id),
        head: head_label,
        prefix: if in_repo.is_empty() {
            String::new()
        } else {
            format!("{in_repo}/")
        },
        root: in_repo,
    };
    let text = match args.format {
        DiffFormat::Md => diff::markdown::render(&change, &sides, lang),
        DiffFormat::Json => diff::json::render(&change, &sides, lang),
    };
    write_output(args.output.as_deref(), text.as_bytes(), false).map_err(|e| e.lang(lang))?;
    Ok(Outcome::Success)
}

/// Loads the ISMS at `in_repo` as it is in a commit; `None` when it has no isms.yaml there.
fn load_revision(
    top: &Path,
    commit: &str,
    in_repo: &str,
    lang: Option<Lang>,
) -> Result<Option<workspace::Workspace>, Error> {
    // `.gitignore` files too: the revision's file set is the work tree's (workspace::load_files).
    let keep = |rel: &str| {
        rel.ends_with(".yaml")
            || rel.ends_with(".yml")
            || rel.rsplit('/').next() == Some(".gitignore")
    };
    let Some(mut files) = git::read_tree(top, commit, in_repo, keep)? else {
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
    Ok(Some(workspace::load_files(label, config, files, lang)?))
}
