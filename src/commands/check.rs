//! `isms check [PATH...]`: load and judge each repository (several in parallel), render the
//! findings in the chosen format, and say whether they fail the run. With several
//! repositories, each is judged on its own, paths are relative to the current folder, each
//! gets its count line and the run a total; the exit code is the worst of them.

use super::{Error, LangArg, Outcome, TodayArg, write_output};
use crate::finding::{Message, Severity};
use crate::i18n::Lang;
use crate::judge::{self, Judged};
use crate::render::{self, Report};
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The repositories, or any file or folder inside each (isms.yaml is found by walking
    /// up); default: the current folder.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human", env = "ISMS_FORMAT")]
    pub format: CheckFormat,
    #[command(flatten)]
    pub lang: LangArg,
    #[command(flatten)]
    pub today: TodayArg,
    /// Exit 1 on warnings too.
    #[arg(long, value_enum)]
    pub deny: Option<Deny>,
    /// Always exit 0 when the check ran (findings are still printed).
    #[arg(long)]
    pub exit_zero: bool,
    #[arg(long, value_enum, default_value = "auto")]
    pub color: Color,
    /// Write the output to a file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Print only the findings and the totals (no count line per repository).
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckFormat {
    /// Source excerpts with underlines and help (miette).
    Human,
    /// One line a finding: path:line:col: severity[code] message.
    Concise,
    /// The stable JSON contract.
    Json,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deny {
    Warnings,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

fn use_color(c: Color) -> bool {
    match c {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            let env = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
            if env("NO_COLOR").is_some() {
                false
            } else if env("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                true
            } else if env("CLICOLOR").is_some_and(|v| v == "0") {
                false
            } else {
                std::io::stdout().is_terminal()
            }
        }
    }
}

pub fn run(args: &CheckArgs) -> Result<Outcome, Error> {
    let said = args.lang.lang;
    let today = args.today.date();
    let many = args.paths.len() > 1;
    // Each repository on its own, in parallel; the output keeps the order they were given.
    let judged: Vec<Result<Judged, Error>> = args
        .paths
        .par_iter()
        .map(|path| {
            let mut j = judge::load(path, said, today)
                .map_err(|e| Error::from(e).lang(said.unwrap_or_default()))?;
            if many && !matches!(args.format, CheckFormat::Sarif | CheckFormat::Github) {
                j.ws.sources.prefix_paths(&shown_prefix(&j.ws.root));
            }
            Ok(j)
        })
        .collect();
    let lang = said
        .or_else(|| {
            judged
                .iter()
                .find_map(|j| j.as_ref().ok().map(|j| j.ws.lang))
        })
        .unwrap_or_default();
    let names: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
    let loaded: Vec<(&Judged, &str)> = judged
        .iter()
        .zip(&names)
        .filter_map(|(j, n)| j.as_ref().ok().map(|j| (j, n.as_str())))
        .collect();
    let reports: Vec<Report> = loaded
        .iter()
        .map(|(j, name)| Report {
            findings: &j.findings,
            sources: &j.ws.sources,
            files: j.ws.sources.len() - j.ws.unread.len(),
            unread: &j.ws.unread,
            entities: j.ws.model.entity_count(),
            lang,
            name: many.then_some(*name),
            count_line: !args.quiet && !many,
        })
        .collect();
    let prefixes: Vec<String> = loaded
        .iter()
        .map(|(j, _)| crate::git::repo_prefix(&j.ws.root))
        .collect();
    let color = use_color(args.color) && args.output.is_none();
    // Wrapped to the terminal's width; not wrapped at all in a log or a file.
    let width = (args.output.is_none() && std::io::stdout().is_terminal())
        .then(|| terminal_size::terminal_size().map_or(100, |(w, _)| usize::from(w.0)));
    let text = match args.format {
        CheckFormat::Human | CheckFormat::Concise => {
            let mut out = String::new();
            for r in &reports {
                out.push_str(&match args.format {
                    CheckFormat::Human => render::human::render(r, color, width),
                    _ => render::concise::render(r),
                });
                if many && !args.quiet {
                    out.push_str(&r.count_line());
                    out.push('\n');
                }
            }
            if many || (args.quiet && reports.len() == 1) {
                out.push_str(&total_line(&reports, many, lang));
                out.push('\n');
            }
            out
        }
        CheckFormat::Json if many => {
            let named: Vec<(&Report, &str)> = reports
                .iter()
                .zip(&loaded)
                .map(|(r, (_, n))| (r, *n))
                .collect();
            render::json::render_many(&named)
        }
        CheckFormat::Json => reports.iter().map(render::json::render).collect(),
        CheckFormat::Sarif => {
            let with: Vec<(&Report, &str)> = reports
                .iter()
                .zip(&prefixes)
                .map(|(r, p)| (r, p.as_str()))
                .collect();
            render::sarif::render_many(&with)
        }
        CheckFormat::Github => reports
            .iter()
            .zip(&prefixes)
            .map(|(r, p)| render::github::render(r, p))
            .collect(),
    };
    write_output(args.output.as_deref(), text.as_bytes(), false).map_err(|e| e.lang(lang))?;

    // Repositories that could not be loaded, and files that could not be read: the rest
    // was checked and written, and the run fails with exit 2.
    let mut lines: Vec<Message> = Vec::new();
    for j in &judged {
        match j {
            Err(e) => lines.extend(e.lines.iter().cloned()),
            Ok(j) => lines.extend(j.ws.io_errors.iter().cloned()),
        }
    }
    let fails = loaded.iter().flat_map(|(j, _)| &j.findings).any(|f| {
        f.severity == Severity::Error
            || (args.deny == Some(Deny::Warnings) && f.severity == Severity::Warning)
    });
    // The process ends after this: freeing every entity's text one allocation at a time
    // was a twentieth of a 10,000-risk run, for memory the exit gives back at once.
    drop((reports, loaded));
    std::mem::forget(judged);
    if !lines.is_empty() {
        return Err(Error {
            lines,
            help: None,
            lang,
        });
    }
    if args.exit_zero {
        return Ok(Outcome::Success);
    }
    Ok(Outcome::failed_if(fails))
}

/// A repository's root as the user sees it from the current folder, with a trailing `/`
/// (`clients/a/`), to put before its paths.
fn shown_prefix(root: &Path) -> String {
    let here = std::env::current_dir().unwrap_or_default();
    let text = crate::workspace::relative(&here, root);
    if text.is_empty() {
        String::new()
    } else {
        format!("{text}/")
    }
}

/// The run's last line with several repositories (or `--quiet`): the totals.
fn total_line(reports: &[Report], many: bool, lang: Lang) -> String {
    let count = |s| reports.iter().map(|r| r.count(s)).sum::<usize>();
    let (e, w, i) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let files: usize = reports.iter().map(|r| r.files).sum();
    let n = reports.len();
    let counts = render::totals(e, w, i, lang);
    match (lang, many) {
        (Lang::En, false) => format!("Total: {counts} in {files} files."),
        (Lang::En, true) => {
            let repositories = if n == 1 { "repository" } else { "repositories" };
            format!("Total: {counts} in {n} {repositories} ({files} files).")
        }
        (Lang::Ja, false) => format!("合計: {counts}（{files} ファイル）。"),
        (Lang::Ja, true) => format!("合計: {counts}（{n} リポジトリ、{files} ファイル）。"),
    }
}
