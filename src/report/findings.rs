//! The findings of `isms check`, summarised for a report: an auditor must never get a
//! silently wrong document, so every report carries what the linter found.

use crate::finding::Severity;
use crate::judge::Judged;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct FindingItem {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub file: String,
    pub line: u32,
    pub column: u32,
}

#[derive(Clone, Debug, Serialize)]
pub struct FindingsSummary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Every finding, in the order of `isms check`.
    pub items: Vec<FindingItem>,
}

impl FindingsSummary {
    pub fn of(checked: &Judged) -> FindingsSummary {
        let count = |s| checked.findings.iter().filter(|f| f.severity == s).count();
        let items = checked
            .findings
            .iter()
            .map(|f| {
                let at = checked.ws.sources.location(f.span);
                FindingItem {
                    severity: f.severity,
                    code: f.code,
                    message: f.message.get(checked.ws.lang).to_owned(),
                    file: at.file.to_owned(),
                    line: at.line,
                    column: at.column,
                }
            })
            .collect();
        FindingsSummary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            items,
        }
    }

    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

impl FindingItem {
    /// `risks/R-001.yaml:12:16`
    pub fn location(&self) -> String {
        format!("{}:{}:{}", self.file, self.line, self.column)
    }
}
