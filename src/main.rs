//! `isms`: compliance as code. The binary is thin: parse the command line, run the
//! command, map the outcome to exit 0 (clean), 1 (findings) or 2 (usage or I/O error).

mod catalog;
mod catalog_cmd;
mod check;
mod cli;
mod config;
mod explain;
mod fields;
mod finding;
mod i18n;
mod init;
mod model;
mod render;
mod risk;
mod rules;
mod schema;
mod source;
mod workspace;
mod yaml;

use clap::Parser;
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

fn main() {
    let cli = match cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    let code = match &cli.command {
        cli::Command::Check(args) => check::check(args),
        cli::Command::Catalog(args) => catalog_cmd::run(args),
        cli::Command::Init(args) => init::run(args),
        cli::Command::Explain { code, format } => explain::explain(code, *format),
        cli::Command::Rules { format, lang } => explain::rules(*format, lang.unwrap_or_default()),
    };
    std::process::exit(code);
}
