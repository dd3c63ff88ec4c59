//! Git, through the `git` command: where the ISMS root sits in its repository (so that
//! GitHub and SARIF paths are repository-relative), and the files of a revision, read from
//! the object database into memory without touching the work tree or the index.
//!
//! A revision typed by a user is only ever a revision: one starting with `-` is refused, and
//! it is resolved with `git rev-parse --verify --end-of-options REV^{commit}` to a full
//! object id, which is all that later commands see.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[derive(Debug)]
pub enum GitError {
    /// `git` could not be run at all.
    NotFound(std::io::Error),
    /// The folder is not inside a git work tree.
    NotARepository(PathBuf),
    /// A revision argument that starts with `-`.
    OptionLike(String),
    /// A revision git does not know, or that names no commit.
    BadRevision(String),
    /// Any other failure: the command and what git said.
    Failed(String, String),
}

impl std::fmt::Display for GitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GitError::NotFound(e) => write!(f, "cannot run git: {e}"),
            GitError::NotARepository(p) => {
                write!(f, "{} is not inside a git work tree", p.display())
            }
            GitError::OptionLike(r) => {
                write!(f, "`{r}` starts with `-`: a revision cannot start with `-`")
            }
            GitError::BadRevision(r) => write!(f, "`{r}` names no commit in this repository"),
            GitError::Failed(cmd, err) => write!(f, "`git {cmd}` failed: {}", err.trim()),
        }
    }
}

fn git(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.current_dir(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .stdin(Stdio::null());
    c
}

/// Runs git and returns its standard output.
fn output(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out = git(dir).args(args).output().map_err(GitError::NotFound)?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(GitError::Failed(
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        ))
    }
}

/// The top of the work tree that holds `dir`.
pub fn toplevel(dir: &Path) -> Result<PathBuf, GitError> {
    let out = output(dir, &["rev-parse", "--show-toplevel"])
        .map_err(|_| GitError::NotARepository(dir.to_owned()))?;
    let text = String::from_utf8_lossy(&out);
    let top = text.trim_end_matches(['\n', '\r']);
    if top.is_empty() {
        return Err(GitError::NotARepository(dir.to_owned()));
    }
    Ok(PathBuf::from(top))
}

/// The path of `root` relative to the top of its git work tree, with `/` separators and no
/// trailing slash: `""` when the root is the top, `None` outside a work tree (or without git).
pub fn path_in_repo(root: &Path) -> Option<String> {
    let top = toplevel(root).ok()?;
    relative(&top, root)
}

fn relative(top: &Path, root: &Path) -> Option<String> {
    let top = std::fs::canonicalize(top).ok()?;
    let root = std::fs::canonicalize(root).ok()?;
    let rel = root.strip_prefix(&top).ok()?;
    Some(
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
    )
}

/// The prefix that turns a path relative to the ISMS root into one relative to the
/// repository: `"company-example/"`, or `""` when the root is the top or not in git.
pub fn repo_prefix(root: &Path) -> String {
    match path_in_repo(root) {
        Some(p) if !p.is_empty() => p + "/",
        _ => String::new(),
    }
}

/// Files read from a revision: `(path relative to the folder read, bytes)`.
pub type Files = Vec<(String, Vec<u8>)>;

/// Resolves a revision typed by a user to the full id of a commit.
pub fn resolve_commit(dir: &Path, rev: &str) -> Result<String, GitError> {
    if rev.starts_with('-') {
        return Err(GitError::OptionLike(rev.to_owned()));
    }
    if rev.is_empty() {
        return Err(GitError::BadRevision(rev.to_owned()));
    }
    let spec = format!("{rev}^{{commit}}");
    let out = git(dir)
        .args([
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &spec,
        ])
        .output()
        .map_err(GitError::NotFound)?;
    let id = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    if !out.status.success() || id.is_empty() || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(GitError::BadRevision(rev.to_owned()));
    }
    Ok(id)
}

/// The files below `path` (relative to the top, `""` for the top) in `commit` (a full id from
/// [`resolve_commit`]), as `(path relative to that folder, bytes)`, sorted by path. Regular
/// files only: symbolic links and submodules are left out. `None` when the folder does not
/// exist in that commit. `keep` chooses files by their relative path before any is read.
pub fn read_tree(
    dir: &Path,
    commit: &str,
    path: &str,
    keep: impl Fn(&str) -> bool,
) -> Result<Option<Files>, GitError> {
    let tree = if path.is_empty() {
        format!("{commit}^{{tree}}")
    } else {
        format!("{commit}:{path}")
    };
    // Does the folder exist, and is it a tree?
    let kind = git(dir)
        .args(["cat-file", "-t", "--end-of-options", &tree])
        .output()
        .map_err(GitError::NotFound)?;
    if !kind.status.success() || kind.stdout.trim_ascii() != b"tree" {
        return Ok(None);
    }
    let listing = output(dir, &["ls-tree", "-r", "-z", "--end-of-options", &tree])?;
    // Each entry: "<mode> SP <type> SP <object> TAB <path>" NUL.
    let mut wanted: Vec<(String, String)> = Vec::new();
    for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let Some(tab) = entry.iter().position(|&b| b == b'\t') else {
            continue;
        };
        let meta = String::from_utf8_lossy(&entry[..tab]);
        let rel = String::from_utf8_lossy(&entry[tab + 1..]).into_owned();
        let mut parts = meta.split(' ');
        let (Some(mode), Some("blob"), Some(oid)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if (mode == "100644" || mode == "100755") && keep(&rel) {
            wanted.push((rel, oid.to_owned()));
        }
    }
    wanted.sort();
    let blobs = read_blobs(dir, wanted.iter().map(|(_, oid)| oid.as_str()))?;
    Ok(Some(
        wanted.into_iter().map(|(p, _)| p).zip(blobs).collect(),
    ))
}

/// Reads blobs with one `git cat-file --batch`, in the order given.
fn read_blobs<'a>(
    dir: &Path,
    oids: impl Iterator<Item = &'a str>,
) -> Result<Vec<Vec<u8>>, GitError> {
    let request: String = oids.map(|o| format!("{o}\n")).collect();
    if request.is_empty() {
        return Ok(Vec::new());
    }
    let mut child = git(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(GitError::NotFound)?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    // Write from another thread: git answers while it reads, and both pipes are bounded.
    let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
    let mut out = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut blobs = Vec::new();
    let mut header = String::new();
    let failed = |what: &str| GitError::Failed("cat-file --batch".into(), what.to_owned());
    loop {
        header.clear();
        if out
            .read_line(&mut header)
            .map_err(|e| failed(&e.to_string()))?
            == 0
        {
            break;
        }
        // "<oid> SP <type> SP <size> LF <contents> LF", or "<oid> SP missing LF".
        let mut parts = header.split_ascii_whitespace();
        let size = match (parts.next(), parts.next(), parts.next()) {
            (Some(_), Some(_), Some(size)) => size
                .parse::<usize>()
                .map_err(|_| failed(&format!("unexpected answer {header:?}")))?,
            _ => return Err(failed(&format!("unexpected answer {header:?}"))),
        };
        let mut data = vec![0; size + 1];
        out.read_exact(&mut data)
            .map_err(|e| failed(&e.to_string()))?;
        data.pop(); // the LF after the contents
        blobs.push(data);
    }
    let _ = writer.join();
    let status = child.wait().map_err(GitError::NotFound)?;
    if !status.success() {
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = e.read_to_string(&mut err);
        }
        return Err(failed(&err));
    }
    Ok(blobs)
}

/// The commit checked out in the work tree that holds `dir`, and its committer date
/// (`YYYY-MM-DD`): what a document made from the work tree stands on. `None` outside git,
/// without git, or before the first commit.
pub fn head_commit(dir: &Path) -> Option<(String, String)> {
    let out = output(dir, &["log", "-1", "--format=%H %cs", "HEAD", "--"]).ok()?;
    let text = String::from_utf8_lossy(&out);
    let (id, date) = text.trim().split_once(' ')?;
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    Some((id.to_owned(), date.to_owned()))
}

/// Whether the files below `dir` differ from the commit checked out: changed, added,
/// deleted or untracked (ignored files do not count). `false` when git cannot say.
pub fn has_changes(dir: &Path) -> bool {
    output(
        dir,
        &[
            "status",
            "--porcelain",
            "-z",
            "--untracked-files=all",
            "--",
            ".",
        ],
    )
    .is_ok_and(|o| !o.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_like_revisions_are_refused_before_git_runs() {
        let dir = std::env::temp_dir();
        assert!(matches!(
            resolve_commit(&dir, "--output=/tmp/x"),
            Err(GitError::OptionLike(_))
        ));
        assert!(matches!(
            resolve_commit(&dir, "-p"),
            Err(GitError::OptionLike(_))
        ));
    }

    #[test]
    fn relative_paths_use_slashes() {
        let top = std::env::temp_dir().join(format!("isms-git-rel-{}", std::process::id()));
        let sub = top.join("a").join("b");
        std::fs::create_dir_all(&sub).unwrap();
        assert_eq!(relative(&top, &sub).as_deref(), Some("a/b"));
        assert_eq!(relative(&top, &top).as_deref(), Some(""));
        std::fs::remove_dir_all(&top).unwrap();
    }
}
