//! A repository kept loaded between edits (the language server): every file as parsed,
//! so that an edit re-reads that one file and the workspace is re-assembled from the rest
//! as they were. The stages are the same as [`super::load`]'s; only what is re-run differs.

use super::{
    CONFIG_FILE, FileResult, Input, LoadError, Workspace, find_root, finish, load_file,
    read_config, walk,
};
use crate::i18n::Lang;
use crate::model::{Entity, Kind};
use crate::source::FileId;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// The files of one repository, each as last read. File `i` of the list is `FileId(i + 1)`
/// (the config is `FileId(0)`), so re-reading a file keeps every span of the others valid.
pub struct Files {
    root: PathBuf,
    lang_override: Option<Lang>,
    config: Vec<u8>,
    list_errors: Vec<String>,
    files: Vec<(String, FileResult)>,
}

/// A file that [`Files::update`] re-read, and what it gave before.
pub struct Changed {
    index: usize,
    before: FileResult,
}

/// What a caller holds in memory instead of the disk (an editor's unsaved buffers), by
/// absolute path.
pub trait Buffers: Sync {
    fn text(&self, path: &Path) -> Option<String>;
}

impl<F: Fn(&Path) -> Option<String> + Sync> Buffers for F {
    fn text(&self, path: &Path) -> Option<String> {
        self(path)
    }
}

impl Changed {
    /// The file re-read.
    pub fn file(&self) -> FileId {
        FileId(self.index as u32 + 1)
    }
}

impl Files {
    /// Finds the repository at or above `start`, walks it and reads every file: from
    /// `buffers` where it holds one, else from the disk.
    pub fn load(
        start: &Path,
        lang_override: Option<Lang>,
        buffers: &dyn Buffers,
    ) -> Result<Files, LoadError> {
        let root = find_root(start)?;
        let config_path = root.join(CONFIG_FILE);
        let config = match buffers.text(&config_path) {
            Some(t) => t.into_bytes(),
            None => std::fs::read(&config_path).map_err(|e| LoadError::Io(config_path, e))?,
        };
        let (_, parsed, _) = read_config(config.clone());
        let (paths, list_errors) = walk(&root, &parsed)?;
        let files = paths
            .into_par_iter()
            .enumerate()
            .map(|(i, (rel, input))| {
                // An open buffer wins over the disk; a skipped entry stays skipped.
                let input = match input {
                    Input::Disk(abs) => match buffers.text(&abs) {
                        Some(t) => Input::Memory(t.into_bytes()),
                        None => Input::Disk(abs),
                    },
                    other => other,
                };
                let result = load_file(FileId(i as u32 + 1), &rel, input);
                (rel, result)
            })
            .collect();
        Ok(Files {
            root,
            lang_override,
            config,
            list_errors,
            files,
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The repository-relative path of a file below the root, `/`-separated.
    pub fn relative(&self, path: &Path) -> String {
        super::relative(&self.root, path)
    }

    /// Whether `rel` is one of the files read (not excluded, not the config).
    pub fn contains(&self, rel: &str) -> bool {
        self.position(rel).is_some()
    }

    fn position(&self, rel: &str) -> Option<usize> {
        self.files
            .binary_search_by(|(r, _)| r.as_str().cmp(rel))
            .ok()
    }

    /// Re-reads one file from `text`. `None` when it is not a file of this list (a new
    /// file, the config, an excluded one): the caller loads the repository anew.
    pub fn update(&mut self, rel: &str, text: String) -> Option<Changed> {
        let i = self.position(rel)?;
        let result = load_file(FileId(i as u32 + 1), rel, Input::Memory(text.into_bytes()));
        let before = std::mem::replace(&mut self.files[i].1, result);
        Some(Changed { index: i, before })
    }

    /// Takes a new text of isms.yaml. `false` when its `exclude:` changed: the list of
    /// files changes, and the caller loads the repository anew.
    pub fn update_config(&mut self, text: String) -> bool {
        let globs = |bytes: Vec<u8>| -> Vec<String> {
            let (_, config, _) = read_config(bytes);
            config.exclude.into_iter().map(|g| g.value).collect()
        };
        if globs(self.config.clone()) != globs(text.clone().into_bytes()) {
            return false;
        }
        self.config = text.into_bytes();
        true
    }

    /// Brings a workspace made by [`Files::workspace`] up to date with one changed file, in
    /// place, when the file still defines the same entities under the same ids (an edit
    /// inside a value, the usual keystroke): its text, its loading findings and its
    /// entities are swapped, and the model's index stays valid. `false` when the edit
    /// changed what the file defines (or the file holds a duplicate or an unread part):
    /// then only a new [`Files::workspace`] is right.
    pub fn patch(&self, ws: &mut Workspace, changed: &Changed) -> bool {
        let file = FileId(changed.index as u32 + 1);
        let after = &self.files[changed.index].1;
        let before = &changed.before;
        let plain =
            |r: &FileResult| r.opaque.is_empty() && r.mentions.is_empty() && r.io_error.is_none();
        let ids = |r: &FileResult| -> Vec<(Kind, String)> {
            r.entities
                .iter()
                .map(|e| (e.kind(), e.id().value.clone()))
                .collect()
        };
        if !plain(before) || !plain(after) || ids(before) != ids(after) {
            return false;
        }
        let model = &ws.model;
        if model
            .duplicates
            .iter()
            .any(|d| d.first.file == file || d.id.span.file == file)
        {
            return false;
        }
        // Where each entity sits in the model's lists.
        let mut places = Vec::with_capacity(after.entities.len());
        for e in &after.entities {
            let id = e.id().as_str();
            let place = if e.kind() == Kind::Soa {
                model
                    .soas
                    .iter()
                    .position(|s| s.framework.value == id && s.framework.span.file == file)
            } else if id.is_empty() {
                None
            } else {
                model
                    .lookup(id)
                    .filter(|r| r.kind == e.kind() && model.span_of(*r).file == file)
                    .map(|r| r.index)
            };
            match place {
                Some(i) => places.push(i),
                None => return false,
            }
        }
        let model = &mut ws.model;
        for (e, i) in after.entities.iter().zip(places) {
            match e.clone() {
                Entity::Role(x) => model.roles[i] = x,
                Entity::Asset(x) => model.assets[i] = x,
                Entity::Threat(x) => model.threats[i] = x,
                Entity::Vulnerability(x) => model.vulnerabilities[i] = x,
                Entity::Risk(x) => model.risks[i] = x,
                Entity::Control(x) => model.controls[i] = x,
                Entity::Procedure(x) => model.procedures[i] = x,
                Entity::Soa(x) => model.soas[i] = x,
                Entity::Record(x) => model.records.replace(i, x),
            }
        }
        ws.sources.replace(file, after.source.clone());
        ws.findings.retain(|f| f.span.file != file);
        ws.findings.extend(after.findings.iter().cloned());
        true
    }

    /// The workspace as `load` would give it for the files as they are now. The config is
    /// read again (it is small); each other file's result is copied.
    pub fn workspace(&self) -> Workspace {
        let (config_source, config, config_findings) = read_config(self.config.clone());
        let lang = self.lang_override.or(config.language).unwrap_or_default();
        let mut sources = crate::source::Sources::default();
        let config_file = sources.add(config_source);
        finish(
            self.root.clone(),
            sources,
            config,
            config_file,
            lang,
            config_findings,
            self.list_errors.clone(),
            self.files.iter().map(|(_, r)| r.clone()),
        )
    }
}
