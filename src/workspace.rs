//! Loading a repository: find `isms.yaml`, walk the files, then read, parse, validate and
//! build each file in parallel; finally index the model. Everything downstream reads the
//! [`Workspace`].

use crate::config::{CONFIG_FILE, Config};
use crate::finding::{Finding, Message};
use crate::i18n::Lang;
use crate::model::{Entity, Kind, Model};
use crate::msg;
use crate::rules::loading::{FileSkipped, SchemaInvalid, YamlEmpty, YamlEncoding};
use crate::source::{self, EncodingProblem, FileId, Pos, Source, Sources, Span};
use crate::yaml::{self, Node};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

mod incremental;
pub use incremental::{Buffers, Changed, Files};

pub struct Workspace {
    pub root: PathBuf,
    pub sources: Sources,
    pub config: Config,
    pub config_file: FileId,
    pub lang: Lang,
    pub model: Model,
    /// Findings of the loading stages (yaml/*, schema/invalid).
    pub findings: Vec<Finding>,
    /// Files that could not be read; the run goes on and exits 2.
    pub io_errors: Vec<Message>,
    /// The paths of the files listed but not read: unreadable, or skipped (`file/skipped`).
    pub unread: Vec<String>,
}

#[derive(Debug)]
pub enum LoadError {
    NoConfig(PathBuf),
    Io(PathBuf, std::io::Error),
    BadGlob(String, String),
}

impl LoadError {
    pub fn message(&self) -> Message {
        match self {
            LoadError::NoConfig(p) => {
                let p = p.display();
                msg!(
                    "no {CONFIG_FILE} found in {p} or any parent folder\n  help: run `isms init` to start a repository, or pass the path of one",
                    "{p} とその親フォルダに {CONFIG_FILE} がありません\n  help: `isms init` でリポジトリを作成するか、リポジトリのパスを指定してください"
                )
            }
            LoadError::Io(p, e) => {
                let p = p.display();
                let why = Message::io(e);
                Message::new(
                    format!("cannot read {p}: {}", why.en),
                    format!("{p} を読めません：{}", why.ja),
                )
            }
            LoadError::BadGlob(g, e) => msg!(
                "invalid exclude glob `{g}` in {CONFIG_FILE}: {e}",
                "{CONFIG_FILE} の exclude のパターン `{g}` が不正です：{e}"
            ),
        }
    }
}

/// Finds the repository root: the first folder at or above `start` holding `isms.yaml`.
pub fn find_root(start: &Path) -> Result<PathBuf, LoadError> {
    let abs = std::path::absolute(start).map_err(|e| LoadError::Io(start.to_owned(), e))?;
    if !abs.exists() {
        return Err(LoadError::Io(
            start.to_owned(),
            std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
        ));
    }
    let mut dir = if abs.is_file() {
        abs.parent().map(Path::to_path_buf)
    } else {
        Some(abs.clone())
    };
    while let Some(d) = dir {
        if d.join(CONFIG_FILE).is_file() {
            return Ok(d);
        }
        dir = d.parent().map(Path::to_path_buf);
    }
    Err(LoadError::NoConfig(start.to_owned()))
}

/// What one file gave.
#[derive(Clone)]
struct FileResult {
    source: Source,
    entities: Vec<Entity>,
    findings: Vec<Finding>,
    /// Ids that documents define but the model could not take in.
    opaque: Vec<(String, Span)>,
    /// Every id-like word of a file that could not be read whole.
    mentions: Vec<String>,
    /// Text values holding a template fill-in (`text/placeholder`).
    placeholders: Vec<crate::model::Placeholder>,
    io_error: Option<Message>,
    /// Not read on purpose (`file/skipped`).
    skipped: bool,
}

pub fn load(start: &Path, lang_override: Option<Lang>) -> Result<Workspace, LoadError> {
    let root = find_root(start)?;
    let config_path = root.join(CONFIG_FILE);
    let bytes = std::fs::read(&config_path).map_err(|e| LoadError::Io(config_path.clone(), e))?;
    assemble(root.clone(), bytes, lang_override, |config| {
        walk(&root, config)
    })
}

/// Where a file's bytes come from: the disk, or memory (a git revision); or why it is not
/// read at all.
enum Input {
    Disk(PathBuf),
    Memory(Vec<u8>),
    Skipped(Skip),
}

/// The largest file read, in bytes: far above any ISMS file (the 10,000-risk benchmark's
/// largest is under 1 MB), and a bound on what one file can cost.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a `*.yaml` entry below the root is not read; each is one `file/skipped` finding.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Skip {
    /// A symbolic link to somewhere outside the repository root.
    Outside,
    /// A symbolic link to nothing.
    Dangling,
    /// A FIFO, a socket or a device: reading it could block or never end.
    NotAFile,
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge(u64),
}

/// Files read in parallel before their results are added to the model: enough for both
/// workers to stay busy, few enough that the results in flight stay small.
const LOAD_CHUNK: usize = 1024;

/// The files to read, sorted by path, and the entries that could not be listed.
type Listed = (Vec<(String, Input)>, Vec<String>);

/// The pipeline shared by [`load`] and [`load_files`]: the config first (it decides the
/// language and the exclusions), then every listed file in parallel, then the model.
fn assemble(
    root: PathBuf,
    config_bytes: Vec<u8>,
    lang_override: Option<Lang>,
    list: impl FnOnce(&Config) -> Result<Listed, LoadError>,
) -> Result<Workspace, LoadError> {
    let (config_source, config, config_findings) = read_config(config_bytes);
    let lang = lang_override.or(config.language).unwrap_or_default();

    let (files, list_errors) = list(&config)?;
    let mut sources = Sources::default();
    let config_file = sources.add(config_source);
    let findings = config_findings;
    let first = sources.len() as u32;

    // In parallel a chunk at a time, each chunk modelled while the next is read: a file's
    // result holds its entity at the size of the largest kind (kilobytes), so collecting
    // every file's first made that the peak of a large repository. `join` keeps both in the
    // pool: a thread of its own blocking on the pool deadlocked `check` of several
    // repositories, whose loads already run on the pool's threads.
    let read = |chunk: Vec<(usize, (String, Input))>| -> Vec<FileResult> {
        chunk
            .into_par_iter()
            .map(|(i, (rel, input))| load_file(FileId(first + i as u32), &rel, input))
            .collect()
    };
    let mut collector = Collector::new(sources, findings, list_errors);
    let mut files = files.into_iter().enumerate();
    let mut read_before: Vec<FileResult> = Vec::new();
    loop {
        let chunk: Vec<_> = files.by_ref().take(LOAD_CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let (next, ()) = rayon::join(
            || read(chunk),
            || read_before.drain(..).for_each(|r| collector.add(r)),
        );
        read_before = next;
    }
    read_before.into_iter().for_each(|r| collector.add(r));
    Ok(collector.finish(root, config, config_file, lang))
}

/// The model from every file's result in path order, after the config at `FileId(0)`.
#[allow(clippy::too_many_arguments)]
fn finish(
    root: PathBuf,
    sources: Sources,
    config: Config,
    config_file: FileId,
    lang: Lang,
    findings: Vec<Finding>,
    list_errors: Vec<String>,
    results: impl IntoIterator<Item = FileResult>,
) -> Workspace {
    let mut collector = Collector::new(sources, findings, list_errors);
    results.into_iter().for_each(|r| collector.add(r));
    collector.finish(root, config, config_file, lang)
}

/// A workspace in the making: each file's result added in path order.
struct Collector {
    sources: Sources,
    model: Model,
    findings: Vec<Finding>,
    io_errors: Vec<Message>,
    unread: Vec<String>,
}

impl Collector {
    fn new(sources: Sources, findings: Vec<Finding>, list_errors: Vec<String>) -> Collector {
        Collector {
            sources,
            model: Model::default(),
            findings,
            io_errors: list_errors.into_iter().map(Message::same).collect(),
            unread: Vec::new(),
        }
    }

    fn add(&mut self, r: FileResult) {
        self.findings.extend(r.findings);
        r.entities.into_iter().for_each(|e| self.model.add(e));
        for (id, span) in r.opaque {
            self.model.add_opaque(id, span);
        }
        for word in r.mentions {
            self.model.add_mention(word);
        }
        self.model.placeholders.extend(r.placeholders);
        if r.io_error.is_some() || r.skipped {
            self.unread.push(r.source.path.clone());
        }
        self.io_errors.extend(r.io_error);
        self.sources.add(r.source);
    }

    fn finish(self, root: PathBuf, config: Config, config_file: FileId, lang: Lang) -> Workspace {
        Workspace {
            root,
            sources: self.sources,
            config,
            config_file,
            lang,
            model: self.model,
            findings: self.findings,
            io_errors: self.io_errors,
            unread: self.unread,
        }
    }
}

fn read_config(bytes: Vec<u8>) -> (Source, Config, Vec<Finding>) {
    let file = FileId(0);
    let text = match source::decode(bytes) {
        Ok(t) => t,
        Err(p) => {
            let f = encoding_finding(file, &p);
            return (
                Source::new(CONFIG_FILE.to_owned(), ""),
                Config::default(),
                vec![f],
            );
        }
    };
    let (docs, mut findings) = yaml::parse(file, &text);
    let source = Source::new(CONFIG_FILE.to_owned(), text);
    let Some(doc) = docs.into_iter().next() else {
        if findings.is_empty() {
            findings.push(
                Finding::new(
                    &SchemaInvalid::META,
                    Span::point(file, Pos { line: 1, col: 0 }),
                    msg!("{CONFIG_FILE} is empty", "{CONFIG_FILE} が空です"),
                )
                .help(msg!(
                    "write at least `organization: <name>`; `isms init` writes a complete one",
                    "少なくとも `organization: <組織名>` を書いてください（`isms init` で雛形を作れます）"
                )),
            );
        }
        return (source, Config::default(), findings);
    };
    findings.extend(
        crate::schema::validate_config(&doc.root)
            .into_iter()
            .map(|f| {
                let field = f.field.clone();
                f.about(CONFIG_FILE, field)
            }),
    );
    (source, Config::from_node(&doc.root), findings)
}

/// `path` relative to `root` (itself when it is not below it), with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every YAML file below the root, sorted, with its repository-relative `/` path; and the
/// entries that could not be listed. Symbolic links are not followed out of the root: a link
/// to a file inside it is read, a link to a folder inside it is skipped quietly (the folder
/// is walked where it is), and a `*.yaml` link out of the root, or to nothing, is skipped and
/// reported; so are a FIFO, a socket or a device named `*.yaml`, and a file larger than
/// [`MAX_FILE_BYTES`]. The ignore rules are `.gitignore` files at or below the root, hidden
/// names and `exclude:` — the same for a git revision ([`load_files`]); `.ignore` files, the
/// global git excludes and `.git/info/exclude` (which a revision does not carry) are not read.
type Walked = (Vec<(String, Input)>, Vec<String>);

/// The `exclude:` globs of isms.yaml; `*` does not cross `/`.
fn exclude_set(config: &Config) -> Result<globset::GlobSet, LoadError> {
    let mut globs = globset::GlobSetBuilder::new();
    for g in &config.exclude {
        let glob = globset::GlobBuilder::new(&g.value)
            .literal_separator(true)
            .build()
            .map_err(|e| LoadError::BadGlob(g.value.clone(), e.to_string()))?;
        globs.add(glob);
    }
    globs
        .build()
        .map_err(|e| LoadError::BadGlob(String::new(), e.to_string()))
}

fn walk(root: &Path, config: &Config) -> Result<Walked, LoadError> {
    let globs = exclude_set(config)?;
    let found = std::sync::Mutex::new(Vec::new());
    let errors = std::sync::Mutex::new(Vec::new());
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_owned());
    ignore::WalkBuilder::new(root)
        .require_git(false)
        .follow_links(false)
        .parents(false)
        .ignore(false)
        .git_global(false)
        .git_exclude(false)
        .sort_by_file_name(std::cmp::Ord::cmp)
        .build_parallel()
        .run(|| {
            Box::new(|entry| {
                let entry = match entry {
                    Ok(e) => e,
                    Err(e) => {
                        if !is_loop(&e) {
                            let text = e.to_string().replace(&format!("{}/", root.display()), "");
                            errors.lock().expect("walk lock").push(text);
                        }
                        return ignore::WalkState::Continue;
                    }
                };
                let path = entry.path();
                let is_yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
                if !is_yaml && entry.path_is_symlink() {
                    // A folder link out of the root is not walked, and said so once.
                    let out = std::fs::canonicalize(path)
                        .is_ok_and(|t| t.is_dir() && !t.starts_with(&real_root));
                    let rel = relative(root, path);
                    if out && !globs.is_match(&rel) {
                        let skipped = (rel, Input::Skipped(Skip::Outside));
                        found.lock().expect("walk lock").push(skipped);
                    }
                    return ignore::WalkState::Continue;
                }
                if !is_yaml || entry.file_type().is_some_and(|t| t.is_dir()) {
                    return ignore::WalkState::Continue;
                }
                let rel = relative(root, path);
                if rel == CONFIG_FILE || globs.is_match(&rel) {
                    return ignore::WalkState::Continue;
                }
                let input = match examine(&entry, &real_root) {
                    Some(Ok(())) => Input::Disk(path.to_path_buf()),
                    Some(Err(skip)) => Input::Skipped(skip),
                    None => return ignore::WalkState::Continue,
                };
                found.lock().expect("walk lock").push((rel, input));
                ignore::WalkState::Continue
            })
        });
    let mut found = found.into_inner().expect("walk lock");
    found.sort_by(|a, b| a.0.cmp(&b.0));
    let mut errors = errors.into_inner().expect("walk lock");
    errors.sort();
    Ok((found, errors))
}

/// Whether a `*.yaml` entry is read: `Ok` to read it, `Err` to report why not, `None` to
/// pass over it quietly (a link to a folder inside the root, walked where it is). An entry
/// that is no link (the walk has passed over folders) is told by the type its folder
/// listing gives, with no call per file; its size is checked once it is open
/// ([`read_bounded`]).
fn examine(entry: &ignore::DirEntry, real_root: &Path) -> Option<Result<(), Skip>> {
    let path = entry.path();
    if !entry.path_is_symlink() {
        return Some(match entry.file_type() {
            Some(t) if t.is_file() => Ok(()),
            _ => Err(Skip::NotAFile),
        });
    }
    let Ok(target) = std::fs::canonicalize(path) else {
        return Some(Err(Skip::Dangling));
    };
    if !target.starts_with(real_root) {
        return Some(Err(Skip::Outside));
    }
    // The target's metadata, without opening it: opening a FIFO blocks.
    let Ok(meta) = std::fs::metadata(&target) else {
        return Some(Err(Skip::Dangling));
    };
    if meta.is_dir() {
        return None;
    }
    if !meta.is_file() {
        return Some(Err(Skip::NotAFile));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Some(Err(Skip::TooLarge(meta.len())));
    }
    Some(Ok(()))
}

/// The one finding of a file that is not read.
fn skipped_finding(file: FileId, rel: &str, skip: &Skip) -> Finding {
    let (message, help) = match skip {
        Skip::Outside => (
            msg!(
                "`{rel}` is a symbolic link out of the repository: not read",
                "`{rel}` はリポジトリの外を指すシンボリックリンクです（読み込みません）"
            ),
            msg!(
                "copy the file into the repository, or delete the link",
                "ファイルをリポジトリの中にコピーするか、リンクを削除してください"
            ),
        ),
        Skip::Dangling => (
            msg!(
                "`{rel}` is a symbolic link to nothing: not read",
                "`{rel}` はリンク先のないシンボリックリンクです（読み込みません）"
            ),
            msg!(
                "restore the file it points to, or delete the link",
                "リンク先のファイルを戻すか、リンクを削除してください"
            ),
        ),
        Skip::NotAFile => (
            msg!(
                "`{rel}` is not a regular file (a FIFO, a socket or a device): not read",
                "`{rel}` は通常のファイルではありません（FIFO、ソケット、デバイス）。読み込みません"
            ),
            msg!(
                "delete it, or list it under `exclude:` in isms.yaml",
                "削除するか、isms.yaml の `exclude:` に加えてください"
            ),
        ),
        Skip::TooLarge(bytes) => {
            let (mb, max) = (bytes / (1024 * 1024), MAX_FILE_BYTES / (1024 * 1024));
            (
                msg!(
                    "`{rel}` is {mb} MB, larger than the {max} MB a file may be: not read",
                    "`{rel}` は {mb} MB で、上限の {max} MB を超えています（読み込みません）"
                ),
                msg!(
                    "split it into several files (one per entity, or per kind)",
                    "複数のファイルに分けてください（エンティティごと、または種類ごと）"
                ),
            )
        }
    };
    Finding::new(
        &FileSkipped::META,
        Span::point(file, Pos { line: 1, col: 0 }),
        message,
    )
    .help(help)
    .about("", rel)
}

fn is_loop(e: &ignore::Error) -> bool {
    match e {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        _ => false,
    }
}

fn encoding_finding(file: FileId, problem: &EncodingProblem) -> Finding {
    let (at, message, help) = match problem {
        EncodingProblem::Binary { .. } => (
            Pos { line: 1, col: 0 },
            msg!(
                "this is a binary file, not YAML text",
                "バイナリファイルです（YAML のテキストではありません）"
            ),
            msg!(
                "remove it, rename it to another extension, or list it under `exclude:` in isms.yaml",
                "削除するか拡張子を変えるか、isms.yaml の `exclude:` に加えてください"
            ),
        ),
        EncodingProblem::Utf16 => (
            Pos { line: 1, col: 0 },
            msg!(
                "the file is UTF-16, not UTF-8",
                "ファイルが UTF-16 です（UTF-8 ではありません）"
            ),
            msg!("re-save it as UTF-8", "UTF-8 で保存し直してください"),
        ),
        EncodingProblem::NotUtf8 {
            line,
            col,
            likely_sjis,
            ..
        } => (
            Pos {
                line: *line,
                col: *col,
            },
            if *likely_sjis {
                msg!(
                    "the file is not UTF-8: it looks like Shift_JIS",
                    "ファイルが UTF-8 ではありません（Shift_JIS のようです）"
                )
            } else {
                msg!(
                    "the file is not valid UTF-8",
                    "ファイルが正しい UTF-8 ではありません"
                )
            },
            msg!(
                "re-save as UTF-8 (in VS Code: \"Save with Encoding\" → UTF-8)",
                "UTF-8 で保存し直してください（VS Code:「エンコード付きで保存」→ UTF-8）"
            ),
        ),
    };
    Finding::new(&YamlEncoding::META, Span::point(file, at), message).help(help)
}

fn load_file(file: FileId, rel: &str, input: Input) -> FileResult {
    let mut result = FileResult {
        source: Source::new(rel.to_owned(), ""),
        entities: Vec::new(),
        findings: Vec::new(),
        opaque: Vec::new(),
        mentions: Vec::new(),
        placeholders: Vec::new(),
        io_error: None,
        skipped: false,
    };
    let bytes = match input {
        Input::Memory(bytes) => bytes,
        Input::Skipped(skip) => {
            result.findings.push(skipped_finding(file, rel, &skip));
            result.skipped = true;
            return result;
        }
        Input::Disk(abs) => match read_bounded(&abs) {
            Ok(Ok(b)) => b,
            Ok(Err(skip)) => {
                result.findings.push(skipped_finding(file, rel, &skip));
                result.skipped = true;
                return result;
            }
            Err(e) => {
                let why = Message::io(&e);
                result.io_error = Some(Message::new(
                    format!("cannot read {rel}: {}", why.en),
                    format!("{rel} を読めません：{}", why.ja),
                ));
                return result;
            }
        },
    };
    read_file(file, rel, bytes, result)
}

/// A file's bytes, at most [`MAX_FILE_BYTES`] of them; a larger file is not read. The size
/// from the open file (no second path lookup) is the buffer's: one read fills it and one
/// finds the end (from empty, a probe and doublings took five). A file that grew since is
/// still bounded, and one that is no regular file by now is not read.
fn read_bounded(path: &Path) -> std::io::Result<Result<Vec<u8>, Skip>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Ok(Err(Skip::NotAFile));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Ok(Err(Skip::TooLarge(meta.len())));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Ok(Err(Skip::TooLarge(bytes.len() as u64)));
    }
    Ok(Ok(bytes))
}

/// Decodes, parses, validates and builds one file's bytes.
fn read_file(file: FileId, rel: &str, bytes: Vec<u8>, mut result: FileResult) -> FileResult {
    let text = match source::decode(bytes.clone()) {
        Ok(t) => t,
        Err(p) => {
            // What the file says, as far as it can be read: a text with a stray NUL is
            // still a text, and a UTF-16 file decodes as UTF-16.
            let readable = match p {
                EncodingProblem::Binary { .. } => text_with_nul(&bytes),
                EncodingProblem::Utf16 => Some(utf16_lossy(&bytes)),
                EncodingProblem::NotUtf8 { .. } => Some(String::from_utf8_lossy(&bytes).into()),
            };
            match (&p, readable) {
                (EncodingProblem::Binary { offset }, Some(text)) => {
                    result.findings.push(nul_finding(file, &bytes, *offset));
                    result.source = Source::new(rel.to_owned(), text);
                }
                (_, Some(text)) => {
                    result.findings.push(encoding_finding(file, &p));
                    result.source = Source::new(rel.to_owned(), text);
                }
                (_, None) => {
                    result.findings.push(encoding_finding(file, &p));
                    return result;
                }
            }
            // Ids are ASCII in practice: the file's one finding says it cannot be read,
            // and references to what it defines are not reported as well.
            scan_opaque(file, &mut result);
            return result;
        }
    };
    let mut documents = 0;
    // Each document is modelled as soon as it is parsed, and its tree dropped.
    let syntax = yaml::parse_each(file, &text, |doc| {
        if doc.root.scalar().is_some_and(|(t, p)| p && t.is_empty()) {
            return; // an empty document, e.g. after a trailing `---`
        }
        documents += 1;
        read_document(&doc.root, &mut result);
    });
    let had_syntax_findings = !syntax.is_empty();
    result.findings.extend(syntax);
    // Entities are large, and a vector's first growth reserves four: keep only what is used.
    result.entities.shrink_to_fit();
    if documents == 0 && !had_syntax_findings {
        result.findings.push(
            Finding::new(
                &YamlEmpty::META,
                Span::point(file, Pos { line: 1, col: 0 }),
                msg!(
                    "the file holds no entity",
                    "このファイルにはエンティティがありません"
                ),
            )
            .help(msg!(
                "add a document with a `kind`, or delete the file",
                "`kind` を持つ文書を書くか、ファイルを削除してください"
            )),
        );
    }
    result.source = Source::new(rel.to_owned(), text);
    if had_syntax_findings {
        scan_opaque(file, &mut result);
    }
    result
}

/// The text of a file that is UTF-8 but for NUL bytes (a stray `\0` from an editor or a
/// paste), with the NULs dropped; `None` for a real binary file.
fn text_with_nul(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).ok()?;
    // Mostly NULs (UTF-16 without a byte-order mark, a data file) is not a text.
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    (nuls * 8 < bytes.len()).then(|| text.replace('\0', ""))
}

/// A UTF-16 file's text (little-endian after `FF FE`, big-endian after `FE FF`), for the
/// lenient id scan.
fn utf16_lossy(bytes: &[u8]) -> String {
    let big = bytes.starts_with(&[0xFE, 0xFF]);
    let units: Vec<u16> = bytes[2..]
        .chunks_exact(2)
        .map(|p| {
            if big {
                u16::from_be_bytes([p[0], p[1]])
            } else {
                u16::from_le_bytes([p[0], p[1]])
            }
        })
        .collect();
    String::from_utf16_lossy(&units)
}

/// A NUL byte in an otherwise UTF-8 text: reported where it is.
fn nul_finding(file: FileId, bytes: &[u8], offset: usize) -> Finding {
    let from = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    let before = String::from_utf8_lossy(&bytes[from..offset.max(from)]);
    let at = Pos {
        line: before.matches('\n').count() as u32 + 1,
        col: before.rsplit('\n').next().unwrap_or("").chars().count() as u32,
    };
    Finding::new(
        &YamlEncoding::META,
        Span::point(file, at),
        msg!(
            "a NUL character (byte 0) in the text",
            "テキストの中に NUL 文字（バイト 0）があります"
        ),
    )
    .help(msg!(
        "delete it: YAML text cannot hold it (it was probably pasted in by accident)",
        "削除してください（YAML のテキストには書けません。貼り付けの際に紛れ込んだものと思われます）"
    ))
}

/// Records the ids that a file which could not be read whole defines, by a lenient scan
/// of its `id:` lines (ids that were modelled are found first, so only the lost ones
/// count), and every id-like word in it: what the lost text may reference.
fn scan_opaque(file: FileId, result: &mut FileResult) {
    let is_word = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':');
    let mut words: Vec<String> = result
        .source
        .text
        .split(|c: char| !is_word(c))
        .filter(|w| w.len() > 1)
        .map(str::to_owned)
        .collect();
    words.sort_unstable();
    words.dedup();
    result.mentions = words;
    for doc in yaml::scan_ids(&result.source.text) {
        if let Some(id) = doc.id {
            let start = result.source.pos_of_offset(id.range.start);
            let end = result.source.pos_of_offset(id.range.end);
            result.opaque.push((id.value, Span { file, start, end }));
        }
    }
}

fn read_document(root: &Node, out: &mut FileResult) {
    let Some(entries) = root.as_map() else {
        out.findings.push(
            Finding::new(
                &SchemaInvalid::META,
                root.span,
                msg!(
                    "a document must be a mapping with a `kind`",
                    "文書は `kind` を持つマッピングでなければなりません"
                ),
            )
            .help(msg!(
                "start the document with `kind: risk` (or role, asset, threat, vulnerability, control, procedure, soa)",
                "`kind: risk`（または role, asset, threat, vulnerability, control, procedure, soa）で始めてください"
            ))
            .about("", "document"),
        );
        return;
    };
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    let id = root
        .get("id")
        .and_then(Node::scalar)
        .map(|(t, _)| t.to_owned())
        .unwrap_or_default();
    // A document that cannot become an entity still defines its id for references, and
    // still names what it names: the rules that report an absence (no risk names this
    // asset) stay silent on those, as for a file that cannot be read.
    let opaque = |out: &mut FileResult| {
        if let Some(node) = root.get("id").filter(|_| !id.is_empty()) {
            out.opaque.push((id.clone(), node.span));
        }
        let mut todo = vec![root];
        while let Some(n) = todo.pop() {
            match &n.value {
                yaml::Value::Scalar { text, .. } => out.mentions.push(text.clone()),
                yaml::Value::Seq(items) => todo.extend(items),
                yaml::Value::Map(entries) => todo.extend(entries.iter().map(|e| &e.value)),
            }
        }
    };
    let Some(kind_node) = root.get("kind") else {
        let at = entries.first().map_or(root.span, |e| e.key.span);
        out.findings.push(
            Finding::new(
                &SchemaInvalid::META,
                at,
                msg!("missing field `kind`", "必須フィールド `kind` がありません"),
            )
            .help(msg!(
                "add `kind:` with one of: {}",
                "`kind:` を追加してください（{} のいずれか）",
                kinds.join(", ")
            ))
            .about(id.as_str(), "kind:required"),
        );
        opaque(out);
        return;
    };
    let text = kind_node.scalar().map_or("", |(t, _)| t);
    let Some(kind) = Kind::parse(text) else {
        let help = crate::suggest::help(text, kinds.iter().copied(), || {
            msg!("one of: {}", "次のいずれか：{}", kinds.join(", "))
        });
        out.findings.push(
            Finding::new(
                &SchemaInvalid::META,
                kind_node.span,
                msg!("unknown kind `{text}`", "未知の kind `{text}` です"),
            )
            .help(help)
            .about(id.as_str(), "kind:enum"),
        );
        opaque(out);
        return;
    };
    let subject = if kind == Kind::Soa {
        root.get("framework")
            .and_then(Node::scalar)
            .map(|(t, _)| t.to_owned())
            .unwrap_or_default()
    } else {
        id.clone()
    };
    let schema_findings = crate::schema::validate(kind, root);
    let valid = schema_findings.is_empty();
    out.findings.extend(schema_findings.into_iter().map(|f| {
        let field = f.field.clone();
        f.about(subject.as_str(), field)
    }));
    out.placeholders
        .extend(crate::model::placeholders(&subject, root));
    if let Some(mut e) = Entity::from_node(kind, root) {
        if let Entity::Risk(r) = &mut e {
            r.schema_valid = valid;
        }
        out.entities.push(e);
    }
}

/// Loads a repository from memory instead of the disk: `config` is the text of isms.yaml and
/// `files` every other file below the root as `(path relative to the root, bytes)` — e.g. a
/// git revision read by `isms diff`. The same stages as [`load`]: `exclude:` globs apply, and
/// files the walk skips (not `.yaml`/`.yml`, or under a hidden name) are skipped. `root` is
/// only a label. The `.gitignore` files among `files` apply as they do to the work tree, so
/// that a file tracked but ignored is skipped by both `isms check` and `isms diff`.
pub fn load_files(
    root: PathBuf,
    config: Vec<u8>,
    files: Vec<(String, Vec<u8>)>,
    lang_override: Option<Lang>,
) -> Result<Workspace, LoadError> {
    assemble(root, config, lang_override, |config| {
        let globs = exclude_set(config)?;
        let ignored = gitignored(&files);
        let mut files: Vec<(String, Input)> = files
            .into_iter()
            .filter(|(rel, _)| {
                (rel.ends_with(".yaml") || rel.ends_with(".yml"))
                    && rel != CONFIG_FILE
                    && !rel.split('/').any(|c| c.starts_with('.'))
                    && !globs.is_match(rel)
                    && !ignored(rel)
            })
            .map(|(rel, bytes)| (rel, Input::Memory(bytes)))
            .collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        Ok((files, Vec::new()))
    })
}

/// Whether a path is ignored by the `.gitignore` files of a file set (each applies to its own
/// folder and below; the deepest that decides wins, as git has it).
fn gitignored(files: &[(String, Vec<u8>)]) -> impl Fn(&str) -> bool + use<> {
    // A made-up absolute root: the matcher wants paths below its own folder.
    let base = Path::new("/isms-root");
    let mut matchers: Vec<(String, ignore::gitignore::Gitignore)> = Vec::new();
    for (rel, bytes) in files {
        let Some(dir) = rel.strip_suffix(".gitignore") else {
            continue;
        };
        if !(dir.is_empty() || dir.ends_with('/')) {
            continue;
        }
        let mut builder = ignore::gitignore::GitignoreBuilder::new(base.join(dir));
        for line in String::from_utf8_lossy(bytes).lines() {
            let _ = builder.add_line(None, line);
        }
        if let Ok(m) = builder.build() {
            matchers.push((dir.to_owned(), m));
        }
    }
    // Deepest first.
    matchers.sort_by_key(|(dir, _)| std::cmp::Reverse(dir.matches('/').count()));
    move |rel: &str| {
        let path = base.join(rel);
        for (dir, m) in &matchers {
            if !rel.starts_with(dir.as_str()) {
                continue;
            }
            match m.matched_path_or_any_parents(&path, false) {
                ignore::Match::Ignore(_) => return true,
                ignore::Match::Whitelist(_) => return false,
                ignore::Match::None => {}
            }
        }
        false
    }
}
