//! `isms check`: load, judge, render the findings in the chosen format, and say whether
//! they fail the run.

use super::{Error, LangArg, Outcome, RepoArg, TodayArg, write_output};
use crate::finding::{Message, Severity};
use crate::judge;
use crate::render::{self, Report};
use clap::{Args, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub repo: RepoArg,
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
    let lang = args.lang.lang;
    let judged = judge::load(&args.repo.path, lang, args.today.date())
        .map_err(|e| Error::from(e).lang(lang.unwrap_or_default()))?;
    let ws = &judged.ws;
    let report = Report {
        findings: &judged.findings,
        sources: &ws.sources,
        files: ws.sources.len(),
        entities: ws.model.entity_count(),
        lang: ws.lang,
    };
    let text = match args.format {
        CheckFormat::Human => {
            render::human::render(&report, use_color(args.color) && args.output.is_none())
        }
        CheckFormat::Concise => render::concise::render(&report),
        CheckFormat::Json => render::json::render(&report),
        CheckFormat::Sarif => render::sarif::render(&report, &crate::git::repo_prefix(&ws.root)),
        CheckFormat::Github => render::github::render(&report, &crate::git::repo_prefix(&ws.root)),
    };
    write_output(args.output.as_deref(), text.as_bytes(), false).map_err(|e| e.lang(ws.lang))?;
    // Files that could not be read: the findings of the rest are out, and the run fails.
    if !ws.io_errors.is_empty() {
        return Err(Error {
            lines: ws.io_errors.clone(),
            help: None::<Message>,
            lang: ws.lang,
        });
    }
    if args.exit_zero {
        return Ok(Outcome::Success);
    }
    let fails = judged.findings.iter().any(|f| {
        f.severity == Severity::Error
            || (args.deny == Some(Deny::Warnings) && f.severity == Severity::Warning)
    });
    Ok(Outcome::failed_if(fails))
}
