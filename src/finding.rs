//! Findings: what every stage and rule reports, as plain data. Renderers word nothing new;
//! they only lay these out.

use crate::source::Span;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// A second place that explains a finding: the first definition of a duplicate, the risk
/// that names a missing control.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub span: Span,
    pub related: Vec<Related>,
}

impl Finding {
    pub fn new(code: &'static str, severity: Severity, span: Span, message: String) -> Finding {
        Finding {
            code,
            severity,
            message,
            help: None,
            span,
            related: Vec::new(),
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    pub fn help_opt(mut self, help: Option<String>) -> Finding {
        self.help = help;
        self
    }

    pub fn related(mut self, span: Span, message: impl Into<String>) -> Finding {
        self.related.push(Related {
            span,
            message: message.into(),
        });
        self
    }

    /// The order of every output: by file path, position, then code. Findings that share
    /// all of these keep the order the rules emitted them in (a stable sort), which is
    /// deterministic: the SoA's missing controls stay in catalog order, 5.2 before 5.10.
    pub fn sort_key<'a>(&'a self, path: &'a str) -> impl Ord + 'a {
        (path, self.span.start, self.span.end, self.code)
    }
}
