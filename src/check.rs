//! `isms check`: load, judge, render, and decide the exit code.

use crate::catalog::catalogs;
use crate::cli::{CheckArgs, CheckFormat, Color, Deny};
use crate::finding::{Finding, Severity};
use crate::render::{self, Report};
use crate::rules::{self, Context};
use crate::workspace::{self, LoadError, Workspace};
use std::io::IsTerminal;

/// A judged repository: the workspace and its sorted findings.
pub struct Checked {
    pub ws: Workspace,
    pub findings: Vec<Finding>,
}

/// Loads and judges a repository; shared by `check` and the reports.
pub fn run(
    path: &std::path::Path,
    lang: Option<crate::i18n::Lang>,
    today: jiff::civil::Date,
) -> Result<Checked, LoadError> {
    Ok(judge(workspace::load(path, lang)?, today))
}

/// Judges a loaded workspace (from the disk, or a git revision for `isms diff`).
pub fn judge(ws: Workspace, today: jiff::civil::Date) -> Checked {
    let assessments = ws
        .model
        .risks
        .iter()
        .map(|r| ws.config.risk.assess(&ws.model, r))
        .collect();
    let cx = Context {
        model: &ws.model,
        config: &ws.config,
        config_file: ws.config_file,
        catalogs: catalogs(),
        lang: ws.lang,
        today,
        assessments,
    };
    let mut findings = ws.findings.clone();
    findings.extend(rules::run(&cx));
    let mut findings = rules::apply_overrides(&ws.config, findings);
    let path = |f: &Finding| ws.sources.get(f.span.file).path.as_str();
    findings.sort_by(|a, b| a.sort_key(path(a)).cmp(&b.sort_key(path(b))));
    // Drop exact repeats; they can only sit among findings of the same place and code.
    let mut unique: Vec<Finding> = Vec::with_capacity(findings.len());
    for f in findings {
        let group = unique
            .iter()
            .rev()
            .take_while(|u| u.sort_key(path(u)) == f.sort_key(path(&f)));
        if !group.into_iter().any(|u| *u == f) {
            unique.push(f);
        }
    }
    Checked {
        ws,
        findings: unique,
    }
}

pub fn today() -> jiff::civil::Date {
    jiff::ZonedDateTime::now().date()
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

/// Runs `isms check`; returns the exit code.
pub fn check(args: &CheckArgs) -> i32 {
    let checked = match run(&args.path, args.lang, args.today.unwrap_or_else(today)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {}", e.message(args.lang.unwrap_or_default()));
            return 2;
        }
    };
    let ws = &checked.ws;
    let report = Report {
        findings: &checked.findings,
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
    if let Err(code) = crate::write_output(args.output.as_deref(), &text) {
        return code;
    }
    for e in &ws.io_errors {
        eprintln!("error: {e}");
    }
    if !ws.io_errors.is_empty() {
        return 2;
    }
    if args.exit_zero {
        return 0;
    }
    let fails = checked.findings.iter().any(|f| {
        f.severity == Severity::Error
            || (args.deny == Some(Deny::Warnings) && f.severity == Severity::Warning)
    });
    i32::from(fails)
}
