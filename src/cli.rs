//! The command line: what was typed, parsed by clap. `main` turns it into work.

use crate::i18n::Lang;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "isms",
    // `isms 0.1.0 (abc1234)`: the commit comes from build.rs, absent outside a git checkout.
    version = concat!(env!("CARGO_PKG_VERSION"), env!("ISMS_COMMIT_SUFFIX")),
    about = "Compliance as code: lint and report an ISMS kept as YAML",
    long_about = "isms checks an information-security management system kept as YAML in a git \
                  repository (roles, assets, threats, vulnerabilities, risks, controls, \
                  procedures, Statement of Applicability) against JSON Schema, cross-references \
                  and the rules of ISO/IEC 27001:2022, and turns it into the documents auditors read."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Lint the repository: schema, references, and the rules of the standard.
    Check(CheckArgs),
    Soa(crate::report::cli::SoaArgs),
    Risks(crate::report::cli::RisksArgs),
    Report(crate::report::cli::ReportArgs),
    /// What a change does to the risk posture between two git revisions.
    Diff(crate::diff::DiffArgs),
    /// Start a repository at a level (quick, baseline, comprehensive), or grow one.
    Init(crate::init::InitArgs),
    /// Browse the built-in catalogs: frameworks, the 2013 → 2022 table, starter threats.
    Catalog(crate::catalog_cmd::CatalogArgs),
    /// Print the documentation of a rule.
    Explain {
        /// A rule code, e.g. `ref/unknown`.
        code: String,
        #[arg(long, value_enum, default_value = "text")]
        format: ExplainFormat,
        /// Language of the documentation.
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// List every rule with its default severity.
    Rules {
        #[arg(long, value_enum, default_value = "text")]
        format: ExplainFormat,
        /// Language of the summaries.
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The repository, or any file or folder inside it (isms.yaml is found by walking up).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    #[arg(long, value_enum, default_value = "human", env = "ISMS_FORMAT")]
    pub format: CheckFormat,
    /// Language of messages (default: `language:` in isms.yaml, else ja).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// The date that date rules compare with (YYYY-MM-DD); default: today.
    #[arg(long, value_parser = parse_today)]
    pub today: Option<jiff::civil::Date>,
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

fn parse_today(s: &str) -> Result<jiff::civil::Date, String> {
    crate::fields::parse_date(s).ok_or_else(|| format!("`{s}` is not a date: write YYYY-MM-DD"))
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

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExplainFormat {
    Text,
    Json,
    /// A Markdown table (`isms rules`), as in the README.
    Markdown,
}
