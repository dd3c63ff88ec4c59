//! Loading a repository: find `isms.yaml`, walk the files, then read, parse, validate and
//! build each file in parallel; finally index the model. Everything downstream reads the
//! [`Workspace`].

use crate::config::{CONFIG_FILE, Config};
use crate::finding::{Finding, Message};
use crate::i18n::Lang;
use crate::model::{Entity, Kind, Model};
use crate::msg;
use crate::rules::loading::{SchemaInvalid, YamlEmpty, YamlEncoding};
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
                "{CONFIG_FILE} の exclude のパターン `{g}` が不正です: {e}"
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
}

pub fn load(start: &Path, lang_override: Option<Lang>) -> Result<Workspace, LoadError> {
    let root = find_root(start)?;
    let config_path = root.join(CONFIG_FILE);
    let bytes = std::fs::read(&config_path).map_err(|e| LoadError::Io(config_path.clone(), e))?;
    assemble(root.clone(), bytes, lang_override, |config| {
        let (paths, errors) = walk(&root, config)?;
        let files = paths
            .into_iter()
            .map(|(rel, abs)| (rel, Input::Disk(abs)))
            .collect();
        Ok((files, errors))
    })
}

/// Where a file's bytes come from: the disk, or memory (a git revision).
enum Input {
    Disk(PathBuf),
    Memory(Vec<u8>),
}

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

    let results: Vec<FileResult> = files
        .into_par_iter()
        .enumerate()
        .map(|(i, (rel, input))| load_file(FileId(first + i as u32), &rel, input))
        .collect();

    Ok(finish(
        root,
        sources,
        config,
        config_file,
        lang,
        findings,
        list_errors,
        results,
    ))
}

/// The model from every file's result in path order, after the config at `FileId(0)`.
#[allow(clippy::too_many_arguments)]
fn finish(
    root: PathBuf,
    mut sources: Sources,
    config: Config,
    config_file: FileId,
    lang: Lang,
    mut findings: Vec<Finding>,
    list_errors: Vec<String>,
    results: impl IntoIterator<Item = FileResult>,
) -> Workspace {
    let mut model = Model::default();
    let mut io_errors: Vec<Message> = list_errors.into_iter().map(Message::same).collect();
    for r in results {
        sources.add(r.source);
        findings.extend(r.findings);
        r.entities.into_iter().for_each(|e| model.add(e));
        for (id, span) in r.opaque {
            model.add_opaque(id, span);
        }
        for word in r.mentions {
            model.add_mention(word);
        }
        model.placeholders.extend(r.placeholders);
        io_errors.extend(r.io_error);
    }
    Workspace {
        root,
        sources,
        config,
        config_file,
        lang,
        model,
        findings,
        io_errors,
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
/// entries that could not be read. A symbolic link that loops back to a parent folder is
/// skipped quietly: what it points to is read through its real path.
type Walked = (Vec<(String, PathBuf)>, Vec<String>);

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
    ignore::WalkBuilder::new(root)
        .require_git(false)
        .follow_links(true)
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
                if !is_yaml || entry.file_type().is_some_and(|t| t.is_dir()) {
                    return ignore::WalkState::Continue;
                }
                let rel = relative(root, path);
                if rel == CONFIG_FILE || globs.is_match(&rel) {
                    return ignore::WalkState::Continue;
                }
                found
                    .lock()
                    .expect("walk lock")
                    .push((rel, path.to_path_buf()));
                ignore::WalkState::Continue
            })
        });
    let mut found = found.into_inner().expect("walk lock");
    found.sort();
    let mut errors = errors.into_inner().expect("walk lock");
    errors.sort();
    Ok((found, errors))
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
    };
    let bytes = match input {
        Input::Memory(bytes) => bytes,
        Input::Disk(abs) => match std::fs::read(abs) {
            Ok(b) => b,
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
            msg!("one of: {}", "次のいずれか: {}", kinds.join(", "))
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
/// only a label. Files that are ignored by `.gitignore` but tracked are read.
pub fn load_files(
    root: PathBuf,
    config: Vec<u8>,
    files: Vec<(String, Vec<u8>)>,
    lang_override: Option<Lang>,
) -> Result<Workspace, LoadError> {
    assemble(root, config, lang_override, |config| {
        let globs = exclude_set(config)?;
        let mut files: Vec<(String, Input)> = files
            .into_iter()
            .filter(|(rel, _)| {
                (rel.ends_with(".yaml") || rel.ends_with(".yml"))
                    && rel != CONFIG_FILE
                    && !rel.split('/').any(|c| c.starts_with('.'))
                    && !globs.is_match(rel)
            })
            .map(|(rel, bytes)| (rel, Input::Memory(bytes)))
            .collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        Ok((files, Vec::new()))
    })
}
