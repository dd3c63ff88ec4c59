//! Judging a loaded workspace: the analysis stage, then the rules, then the severity
//! overrides and the one order of every output. Every command that needs a verdict
//! (`check`, the reports, `diff`, `init` growing a repository) reads a [`Judged`].

use crate::analysis::Analysis;
use crate::catalog::catalogs;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::rules::{self, Context};
use crate::source::FileId;
use crate::workspace::{self, LoadError, Workspace};
use jiff::civil::Date;
use std::path::Path;

/// A judged repository: the workspace, its analysis, and its sorted findings.
pub struct Judged {
    pub ws: Workspace,
    pub analysis: Analysis,
    pub findings: Vec<Finding>,
}

/// Loads and judges the repository at or above `path`.
pub fn load(path: &Path, lang: Option<Lang>, today: Date) -> Result<Judged, LoadError> {
    Ok(judge(workspace::load(path, lang)?, today))
}

/// Judges a loaded workspace (from the disk, or a git revision for `isms diff`).
pub fn judge(ws: Workspace, today: Date) -> Judged {
    let analysis = Analysis::new(&ws.model, &ws.config, catalogs());
    judged(ws, analysis, today)
}

/// Judges a workspace that [`crate::workspace::Files::patch`] brought up to date with
/// `files` from the one `previous` analysed (the language server, per edit): the analysis
/// keeps what the other files gave ([`Analysis::patched`]); the verdict is [`judge`]'s.
pub fn rejudge(ws: Workspace, previous: Analysis, files: &[FileId], today: Date) -> Judged {
    let analysis = Analysis::patched(previous, &ws.model, &ws.config, catalogs(), files);
    judged(ws, analysis, today)
}

fn judged(ws: Workspace, analysis: Analysis, today: Date) -> Judged {
    let cx = Context {
        model: &ws.model,
        config: &ws.config,
        config_file: ws.config_file,
        catalogs: catalogs(),
        today,
        analysis: &analysis,
        root: &ws.root,
    };
    let mut findings = ws.findings.clone();
    // A value the schema rejected (`owner: 3`, a number where an id belongs) is that one
    // finding: a reference written there is not also reported as naming no entity.
    let rejected: std::collections::HashSet<crate::source::Span> = ws
        .findings
        .iter()
        .filter(|f| f.code == rules::SchemaInvalid::META.code)
        .map(|f| f.span)
        .collect();
    findings.extend(
        rules::run(&cx)
            .into_iter()
            .filter(|f| !(f.code.starts_with("ref/") && rejected.contains(&f.span))),
    );
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
    Judged {
        ws,
        analysis,
        findings: unique,
    }
}

/// Today's date in the local time zone: the default of `--today`.
pub fn today() -> Date {
    jiff::ZonedDateTime::now().date()
}
