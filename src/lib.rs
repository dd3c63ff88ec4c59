//! isms: compliance as code. Loads an ISMS repository kept as YAML into a typed model,
//! judges it by the rules of the standard, and renders findings and reports.
//!
//! Stages, one direction: `source` → `yaml` → `schema` → `model` → `rules` → `render`.

pub mod analysis;
pub mod catalog;
pub mod catalog_cmd;
pub mod check;
pub mod cli;
pub mod config;
pub mod diff;
pub mod explain;
pub mod fields;
pub mod finding;
pub mod git;
pub mod i18n;
pub mod init;
pub mod judge;
pub mod model;
pub mod render;
pub mod report;
pub mod risk;
pub mod rule;
pub mod rules;
pub mod schema;
pub mod source;
pub mod suggest;
pub mod workspace;
pub mod yaml;

use std::io::Write;
use std::path::Path;

/// Writes to a file or standard output. A closed pipe (`isms check | head`) is success.
pub fn write_output(path: Option<&Path>, text: &str) -> Result<(), i32> {
    let result = match path {
        Some(p) => std::fs::write(p, text).map_err(|e| (p.display().to_string(), e)),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.map_err(|e| ("standard output".to_owned(), e)),
            }
        }
    };
    result.map_err(|(what, e)| {
        eprintln!("error: cannot write {what}: {e}");
        2
    })
}
