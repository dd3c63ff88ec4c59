//! `isms lsp`: the linter in the editor, a Language Server Protocol server.
//!
//! Synchronous and single-threaded on purpose: one loop reads a message, applies it, and
//! when no other message waits, re-judges the repositories that changed and publishes what
//! changed. A burst of keystrokes is judged once. The judgment is `isms check`'s own
//! ([`crate::judge::judge`] over a [`Files`] kept loaded): one edit re-reads that one file,
//! then the model, the analysis and the rules run again over the whole repository.
//!
//! Every repository holding an open file is loaded once (found by walking up to
//! `isms.yaml`); open buffers win over the disk; changes made outside the editor arrive as
//! `workspace/didChangeWatchedFiles`. Diagnostics are published for every file of the
//! repository, open or not.

mod actions;
mod complete;
pub mod convert;
mod query;

use crate::i18n::Lang;
use crate::judge::{self, Judged};
use crate::source::FileId;
use crate::workspace::{self, Changed, Files};
use jiff::civil::Date;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, GotoDefinition, HoverRequest, References,
    RegisterCapability, Request as _, WorkspaceSymbolRequest,
};
use lsp_types::{
    CodeActionKind, CodeActionProviderCapability, CompletionOptions, Diagnostic,
    DidChangeWatchedFilesRegistrationOptions, FileChangeType, FileSystemWatcher, GlobPattern,
    HoverProviderCapability, InitializeParams, OneOf, PublishDiagnosticsParams, Registration,
    RegistrationParams, ServerCapabilities, ServerInfo, TextDocumentSyncCapability,
    TextDocumentSyncKind, Uri,
};
use serde_json::Value as Json;
use std::collections::{BTreeMap, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// How the server was set up by the client's `initializationOptions`
/// (`{"lang": "en", "today": "2026-11-26"}`), as `--lang` and `--today` do for `isms check`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    pub lang: Option<Lang>,
    pub today: Option<Date>,
}

/// How the server ended: `shutdown` then `exit` as the protocol asks (exit 0), or `exit`
/// without `shutdown`, or the client gone (exit 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    Shutdown,
    Abandoned,
}

/// Why the server stopped other than by `shutdown` and `exit`.
#[derive(Debug)]
pub struct ServerError(pub String);

impl From<lsp_server::ProtocolError> for ServerError {
    fn from(e: lsp_server::ProtocolError) -> ServerError {
        ServerError(e.to_string())
    }
}

/// One repository as the server keeps it.
struct Repo {
    files: Files,
    judged: Option<Judged>,
    /// Changed since it was last judged.
    dirty: bool,
    /// The files re-read since, to patch the last judged workspace with...
    changes: Vec<Changed>,
    /// ...unless the repository was loaded anew.
    rebuild: bool,
    /// What was last published, per file: only what changes is sent again.
    published: HashMap<PathBuf, Vec<Diagnostic>>,
    /// Open files below the root that the walk does not read (excluded, hidden): an edit
    /// there does not reload the repository each time.
    outside: std::collections::HashSet<String>,
}

/// An open document: the URI as the client wrote it, and its text.
struct Doc {
    uri: Uri,
    text: String,
}

struct Server<'a> {
    conn: &'a Connection,
    options: Options,
    docs: HashMap<PathBuf, Doc>,
    repos: BTreeMap<PathBuf, Repo>,
    next_request: i32,
}

/// The capabilities announced in `initialize`.
fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some([" ", "[", ",", "-", ":", "\""].map(str::to_owned).to_vec()),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(
            lsp_types::CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                ..Default::default()
            },
        )),
        ..ServerCapabilities::default()
    }
}

/// Runs the server on a connection until `shutdown` and `exit`, or until the client goes.
pub fn serve(conn: &Connection, defaults: Options) -> Result<Ended, ServerError> {
    let init = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": ServerInfo {
            name: "isms".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        },
    });
    let (id, params) = conn.initialize_start()?;
    conn.initialize_finish(id, init)?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let mut options = defaults;
    if let Some(o) = &params.initialization_options {
        if let Some(l) = o.get("lang").and_then(Json::as_str).and_then(Lang::parse) {
            options.lang = Some(l);
        }
        if let Some(d) = o
            .get("today")
            .and_then(Json::as_str)
            .and_then(crate::fields::parse_date)
        {
            options.today = Some(d);
        }
    }
    let mut server = Server {
        conn,
        options,
        docs: HashMap::new(),
        repos: BTreeMap::new(),
        next_request: 0,
    };
    if watches_dynamically(&params) {
        server.watch_files();
    }
    server.run()
}

fn watches_dynamically(params: &InitializeParams) -> bool {
    params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false)
}

impl Server<'_> {
    fn run(&mut self) -> Result<Ended, ServerError> {
        while let Ok(message) = self.conn.receiver.recv() {
            match message {
                Message::Request(req) => {
                    if self.conn.handle_shutdown(&req)? {
                        return Ok(Ended::Shutdown);
                    }
                    self.flush();
                    let id = req.id.clone();
                    let method = req.method.clone();
                    let response = catch_unwind(AssertUnwindSafe(|| self.request(req)))
                        .unwrap_or_else(|_| {
                            Response::new_err(
                                id,
                                ErrorCode::InternalError as i32,
                                format!("isms: {method} failed"),
                            )
                        });
                    self.send(Message::Response(response));
                }
                Message::Notification(n) if n.method == "exit" => return Ok(Ended::Abandoned),
                Message::Notification(n) => {
                    // A notification that cannot be applied changes nothing.
                    let _ = catch_unwind(AssertUnwindSafe(|| self.notify(n)));
                }
                Message::Response(_) => {}
            }
            if self.conn.receiver.is_empty() {
                self.flush();
            }
        }
        Ok(Ended::Abandoned)
    }

    fn send(&self, message: Message) {
        // The client is gone: the next receive ends the loop.
        let _ = self.conn.sender.send(message);
    }

    /// Asks the client to report changes to YAML files made outside the editor.
    fn watch_files(&mut self) {
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String("**/*.{yaml,yml}".to_owned()),
                kind: None,
            }],
        };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "isms-watch-yaml".to_owned(),
                method: DidChangeWatchedFiles::METHOD.to_owned(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.next_request += 1;
        let req = Request::new(
            RequestId::from(format!("isms-{}", self.next_request)),
            RegisterCapability::METHOD.to_owned(),
            params,
        );
        self.send(Message::Request(req));
    }

    fn notify(&mut self, n: Notification) {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
                else {
                    return;
                };
                let Some(path) = convert::path_of(&p.text_document.uri) else {
                    return;
                };
                self.docs.insert(
                    path.clone(),
                    Doc {
                        uri: p.text_document.uri,
                        text: p.text_document.text.clone(),
                    },
                );
                self.changed(&path, Some(p.text_document.text));
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
                else {
                    return;
                };
                let Some(path) = convert::path_of(&p.text_document.uri) else {
                    return;
                };
                // Full synchronisation: the last change holds the whole text.
                let Some(change) = p.content_changes.into_iter().last() else {
                    return;
                };
                let text = change.text;
                match self.docs.get_mut(&path) {
                    Some(d) => d.text = text.clone(),
                    None => {
                        self.docs.insert(
                            path.clone(),
                            Doc {
                                uri: p.text_document.uri,
                                text: text.clone(),
                            },
                        );
                    }
                }
                self.changed(&path, Some(text));
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
                else {
                    return;
                };
                let Some(path) = convert::path_of(&p.text_document.uri) else {
                    return;
                };
                self.docs.remove(&path);
                // The disk's text again, unsaved edits dropped.
                self.changed(&path, None);
            }
            DidChangeWatchedFiles::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeWatchedFilesParams>(n.params)
                else {
                    return;
                };
                for change in p.changes {
                    let Some(path) = convert::path_of(&change.uri) else {
                        continue;
                    };
                    if self.docs.contains_key(&path) {
                        continue; // the open buffer wins
                    }
                    if change.typ == FileChangeType::CHANGED {
                        self.changed(&path, None);
                    } else if let Some(root) = self.root_loaded(&path) {
                        // A file added or removed: the list of files changes.
                        self.reload(&root);
                    }
                }
            }
            _ => {}
        }
    }

    /// The root of the loaded repository holding `path`, the innermost.
    fn root_loaded(&self, path: &Path) -> Option<PathBuf> {
        self.repos
            .keys()
            .filter(|r| path.starts_with(r))
            .max_by_key(|r| r.as_os_str().len())
            .cloned()
    }

    /// A file's text changed (`None`: read it from the disk). Loads its repository when
    /// none holds it yet.
    fn changed(&mut self, path: &Path, text: Option<String>) {
        let is_yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
        if !is_yaml {
            return;
        }
        let root = match self.root_loaded(path) {
            Some(r) => r,
            None => {
                let Ok(root) = workspace::find_root(path) else {
                    return; // outside any repository
                };
                self.reload(&root);
                return;
            }
        };
        let Some(repo) = self.repos.get_mut(&root) else {
            return;
        };
        let rel = repo.files.relative(path);
        if repo.outside.contains(&rel) {
            return;
        }
        let text = match text {
            Some(t) => Some(t),
            None => std::fs::read(path)
                .ok()
                .and_then(|b| crate::source::decode(b).ok()),
        };
        if rel == crate::config::CONFIG_FILE {
            // The settings apply to every file: the workspace is assembled anew, and the
            // files are read again only when `exclude:` changed.
            if text.is_some_and(|t| repo.files.update_config(t)) {
                repo.rebuild = true;
                repo.dirty = true;
            } else {
                self.reload(&root);
            }
            return;
        }
        let updated = text.and_then(|t| repo.files.update(&rel, t));
        if let Some(change) = updated {
            repo.changes.push(change);
            repo.dirty = true;
        } else {
            self.reload(&root);
            if let Some(repo) = self.repos.get_mut(&root) {
                if !repo.files.contains(&rel) && rel != crate::config::CONFIG_FILE {
                    repo.outside.insert(rel);
                }
            }
        }
    }

    /// Loads a repository anew (open buffers over the disk). One that cannot be loaded
    /// any more (its `isms.yaml` removed) is dropped with its diagnostics.
    fn reload(&mut self, root: &Path) {
        let docs = &self.docs;
        let buffers = |p: &Path| docs.get(p).map(|d| d.text.clone());
        match Files::load(root, self.options.lang, &buffers) {
            Ok(files) => match self.repos.get_mut(root) {
                Some(repo) => {
                    repo.files = files;
                    repo.dirty = true;
                    repo.rebuild = true;
                    repo.changes.clear();
                    repo.outside.clear();
                }
                None => {
                    let repo = Repo {
                        files,
                        judged: None,
                        dirty: true,
                        changes: Vec::new(),
                        rebuild: true,
                        published: HashMap::new(),
                        outside: Default::default(),
                    };
                    self.repos.insert(root.to_owned(), repo);
                }
            },
            Err(_) => {
                if let Some(repo) = self.repos.remove(root) {
                    for path in repo.published.into_keys() {
                        self.publish(&path, Vec::new());
                    }
                }
            }
        }
    }

    /// Judges every repository that changed and publishes the diagnostics that changed.
    fn flush(&mut self) {
        let today = self.options.today.unwrap_or_else(judge::today);
        let dirty: Vec<PathBuf> = self
            .repos
            .iter()
            .filter(|(_, r)| r.dirty)
            .map(|(k, _)| k.clone())
            .collect();
        for root in dirty {
            let Some(repo) = self.repos.get_mut(&root) else {
                continue;
            };
            repo.dirty = false;
            // The workspace to judge, and the last analysis when only patched files changed.
            let (ws, previous) = match repo.judged.take() {
                Some(j) if !repo.rebuild => {
                    let Judged {
                        mut ws,
                        analysis,
                        findings,
                    } = j;
                    // Freeing the last judgment of a large repository takes milliseconds:
                    // not on the way to the new diagnostics.
                    std::thread::spawn(move || drop(findings));
                    let changes = std::mem::take(&mut repo.changes);
                    if changes.iter().all(|c| repo.files.patch(&mut ws, c)) {
                        let files: Vec<FileId> = changes.iter().map(|c| c.file()).collect();
                        (ws, Some((analysis, files)))
                    } else {
                        std::thread::spawn(move || drop((ws, analysis)));
                        (repo.files.workspace(), None)
                    }
                }
                old => {
                    std::thread::spawn(move || drop(old));
                    repo.changes.clear();
                    (repo.files.workspace(), None)
                }
            };
            repo.rebuild = false;
            let Ok(judged) = catch_unwind(AssertUnwindSafe(|| match previous {
                Some((analysis, files)) => judge::rejudge(ws, analysis, &files, today),
                None => judge::judge(ws, today),
            })) else {
                repo.rebuild = true; // judged anew from the files next time
                continue;
            };
            let lang = judged.ws.lang;
            let mut now: HashMap<PathBuf, Vec<Diagnostic>> = HashMap::new();
            for f in &judged.findings {
                let path = root.join(&judged.ws.sources.get(f.span.file).path);
                now.entry(path).or_default().push(convert::diagnostic(
                    f,
                    &judged.ws.sources,
                    &root,
                    lang,
                ));
            }
            let old = std::mem::take(&mut repo.published);
            let mut sends: Vec<(PathBuf, Vec<Diagnostic>)> = Vec::new();
            for (path, diags) in &now {
                if old.get(path) != Some(diags) {
                    sends.push((path.clone(), diags.clone()));
                }
            }
            for path in old.keys() {
                if !now.contains_key(path) {
                    sends.push((path.clone(), Vec::new()));
                }
            }
            repo.published = now;
            repo.judged = Some(judged);
            sends.sort_by(|a, b| a.0.cmp(&b.0));
            for (path, diags) in sends {
                self.publish(&path, diags);
            }
        }
    }

    fn publish(&self, path: &Path, diagnostics: Vec<Diagnostic>) {
        let uri = self
            .docs
            .get(path)
            .map_or_else(|| convert::uri_of(path), |d| d.uri.clone());
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        };
        self.send(Message::Notification(Notification::new(
            PublishDiagnostics::METHOD.to_owned(),
            params,
        )));
    }

    /// The judged repository of a document and the document's file in it.
    fn document(&self, uri: &Uri) -> Option<(&Judged, FileId)> {
        let path = convert::path_of(uri)?;
        let root = self.root_loaded(&path)?;
        let judged = self.repos.get(&root)?.judged.as_ref()?;
        let rel = workspace::relative(&root, &path);
        let file = (0..judged.ws.sources.len() as u32)
            .map(FileId)
            .find(|&f| judged.ws.sources.get(f).path == rel)?;
        Some((judged, file))
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        let result: Json = match req.method.as_str() {
            GotoDefinition::METHOD => self.with_position(req, |j, file, at, _| {
                serde_json::to_value(query::definition(j, file, at)).unwrap_or_default()
            }),
            References::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp_types::ReferenceParams>(req.params) else {
                    return invalid(id);
                };
                let doc = &p.text_document_position;
                match self.document(&doc.text_document.uri) {
                    Some((j, file)) => {
                        let at = convert::pos(j.ws.sources.get(file), doc.position);
                        serde_json::to_value(query::references(
                            j,
                            file,
                            at,
                            p.context.include_declaration,
                        ))
                        .unwrap_or_default()
                    }
                    None => Json::Null,
                }
            }
            HoverRequest::METHOD => self.with_position(req, |j, file, at, _| {
                serde_json::to_value(query::hover(j, file, at)).unwrap_or_default()
            }),
            Completion::METHOD => self.with_position(req, |j, file, at, _| {
                serde_json::to_value(complete::complete(j, file, at)).unwrap_or_default()
            }),
            DocumentSymbolRequest::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp_types::DocumentSymbolParams>(req.params)
                else {
                    return invalid(id);
                };
                match self.document(&p.text_document.uri) {
                    Some((j, file)) => {
                        serde_json::to_value(query::document_symbols(j, file)).unwrap_or_default()
                    }
                    None => Json::Null,
                }
            }
            WorkspaceSymbolRequest::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp_types::WorkspaceSymbolParams>(req.params)
                else {
                    return invalid(id);
                };
                let repos: Vec<(&Path, &Judged)> = self
                    .repos
                    .iter()
                    .filter_map(|(root, r)| r.judged.as_ref().map(|j| (root.as_path(), j)))
                    .collect();
                serde_json::to_value(query::workspace_symbols(&repos, &p.query)).unwrap_or_default()
            }
            CodeActionRequest::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp_types::CodeActionParams>(req.params)
                else {
                    return invalid(id);
                };
                match self.document(&p.text_document.uri) {
                    Some((j, file)) => serde_json::to_value(actions::code_actions(
                        j,
                        file,
                        &p.text_document.uri,
                        p.range,
                    ))
                    .unwrap_or_default(),
                    None => Json::Array(Vec::new()),
                }
            }
            _ => {
                return Response::new_err(
                    id,
                    ErrorCode::MethodNotFound as i32,
                    format!("isms does not answer {}", req.method),
                );
            }
        };
        Response::new_ok(id, result)
    }

    /// Answers a request made at a position in a document: null outside any repository.
    fn with_position(
        &self,
        req: Request,
        answer: impl FnOnce(&Judged, FileId, crate::source::Pos, &Uri) -> Json,
    ) -> Json {
        let Ok(p) = serde_json::from_value::<lsp_types::TextDocumentPositionParams>(req.params)
        else {
            return Json::Null;
        };
        match self.document(&p.text_document.uri) {
            Some((j, file)) => {
                let at = convert::pos(j.ws.sources.get(file), p.position);
                answer(j, file, at, &p.text_document.uri)
            }
            None => Json::Null,
        }
    }
}

fn invalid(id: RequestId) -> Response {
    Response::new_err(
        id,
        ErrorCode::InvalidParams as i32,
        "invalid parameters".to_owned(),
    )
}
