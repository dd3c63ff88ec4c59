//! `isms check`: load, judge, render, and decide the exit code.

use crate::cli::{CheckArgs, CheckFormat, Color, Deny};
use crate::finding::Severity;
use crate::judge::{self, today};
use crate::render::{self, Report};
use std::io::IsTerminal;

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
    let checked = match judge::load(&args.path, args.lang, args.today.unwrap_or_else(today)) {
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
        eprintln!("error: {}", e.get(ws.lang));
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
