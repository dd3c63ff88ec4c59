//! The command layer, above the pipeline: what was typed (clap), and one module per command
//! that owns its arguments, runs the stages, writes its output and returns an [`Outcome`] or
//! the one [`Error`]. The pipeline modules never import this layer, never print and never
//! choose an exit code; `main` maps the result to 0, 1 or 2 in one place.

pub mod catalog;
pub mod check;
pub mod diff;
pub mod explain;
pub mod init;
pub mod lsp;
pub mod report;
pub mod show;

use crate::finding::Message;
use crate::git::GitError;
use crate::i18n::Lang;
use crate::msg;
use crate::workspace::LoadError;
use clap::{Args, CommandFactory, Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

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
    Check(check::CheckArgs),
    Soa(report::SoaArgs),
    Risks(report::RisksArgs),
    Report(report::ReportArgs),
    /// The documents register (文書管理台帳): every `document`, its version, approval and next review.
    Documents(report::DocumentsArgs),
    Assets(report::AssetsArgs),
    /// One entity with its whole trace: a risk, control, asset, procedure, or an SoA row.
    Show(show::ShowArgs),
    /// What a change does to the risk posture between two git revisions.
    Diff(diff::DiffArgs),
    /// Start a repository at a level (quick, baseline, comprehensive), or grow one.
    Init(init::InitArgs),
    /// Browse the built-in catalogs: frameworks, the 2013 → 2022 table, starter threats.
    Catalog(catalog::CatalogArgs),
    /// Run the language server over standard input and output (for editors).
    Lsp(lsp::LspArgs),
    /// Print the documentation of a rule.
    Explain(explain::ExplainArgs),
    /// List every rule with its default severity.
    Rules(explain::RulesArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// How a command that ran ended: exit 0, or exit 1 (findings, or a refusal by `--strict`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Failure,
}

impl Outcome {
    pub fn failed_if(fail: bool) -> Outcome {
        if fail {
            Outcome::Failure
        } else {
            Outcome::Success
        }
    }
}

/// The one error of every command (usage, I/O, git): exit 2. It carries its words in both
/// languages and the language of the run, so `main` prints it without knowing the command.
#[derive(Debug)]
pub struct Error {
    pub lines: Vec<Message>,
    pub help: Option<Message>,
    pub lang: Lang,
}

impl Error {
    pub fn new(message: Message) -> Error {
        Error {
            lines: vec![message],
            help: None,
            lang: Lang::default(),
        }
    }

    pub fn help(mut self, help: Message) -> Error {
        self.help = Some(help);
        self
    }

    pub fn lang(mut self, lang: Lang) -> Error {
        self.lang = lang;
        self
    }

    /// `error: …` lines, then `  help: …`.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            out.push_str("error: ");
            out.push_str(line.get(self.lang));
            out.push('\n');
        }
        if let Some(h) = &self.help {
            out.push_str("  help: ");
            out.push_str(h.get(self.lang));
            out.push('\n');
        }
        out
    }
}

impl From<LoadError> for Error {
    fn from(e: LoadError) -> Error {
        Error::new(e.message())
    }
}

impl From<GitError> for Error {
    fn from(e: GitError) -> Error {
        Error::new(Message::same(e.to_string()))
    }
}

/// Runs the command typed.
pub fn run(cli: Cli) -> Result<Outcome, Error> {
    match &cli.command {
        Command::Check(args) => check::run(args),
        Command::Soa(args) => report::soa(args),
        Command::Risks(args) => report::risks(args),
        Command::Report(args) => report::report(args),
        Command::Documents(args) => report::documents(args),
        Command::Assets(args) => report::assets(args),
        Command::Show(args) => show::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Init(args) => init::run(args),
        Command::Catalog(args) => catalog::run(args),
        Command::Lsp(args) => lsp::run(args),
        Command::Explain(args) => explain::explain(args),
        Command::Rules(args) => explain::rules(args),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "isms", &mut script);
            write_output(None, &script, false)?;
            Ok(Outcome::Success)
        }
    }
}

// ---------------------------------------------------------------------------------------
// Arguments that several commands share, defined once.

/// The repository a command reads.
#[derive(Args, Debug, Clone)]
pub struct RepoArg {
    /// The repository, or any file or folder inside it (isms.yaml is found by walking up).
    #[arg(default_value = ".")]
    pub path: PathBuf,
}

/// `--lang`.
#[derive(Args, Debug, Clone, Copy)]
pub struct LangArg {
    /// Language of messages and reports (default: `language:` in isms.yaml, else ja).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

/// `--today`.
#[derive(Args, Debug, Clone, Copy)]
pub struct TodayArg {
    /// The date that date rules compare with (YYYY-MM-DD); default: today. A report made
    /// outside git, or from uncommitted changes, stands "as of" this date; in git, as of
    /// its commit: the same repository gives the same bytes.
    #[arg(long, value_parser = parse_today)]
    pub today: Option<jiff::civil::Date>,
}

impl TodayArg {
    pub fn date(&self) -> jiff::civil::Date {
        self.today.unwrap_or_else(crate::judge::today)
    }
}

fn parse_today(s: &str) -> Result<jiff::civil::Date, String> {
    crate::fields::parse_date(s).ok_or_else(|| format!("`{s}` is not a date: write YYYY-MM-DD"))
}

/// Writes to a file or standard output. A closed pipe (`isms check | head`) is success;
/// binary output is not sent to a terminal.
pub fn write_output(path: Option<&Path>, bytes: &[u8], binary: bool) -> Result<(), Error> {
    match path {
        Some(p) => std::fs::write(p, bytes).map_err(|e| {
            let p = p.display();
            let why = Message::io(&e);
            Error::new(Message::new(
                format!("cannot write {p}: {}", why.en),
                format!("{p} に書き込めません：{}", why.ja),
            ))
        }),
        None => {
            let mut out = std::io::stdout().lock();
            if binary && out.is_terminal() {
                return Err(Error::new(msg!(
                    "XLSX is binary: write it to a file with -o FILE.xlsx",
                    "XLSX はバイナリです。-o FILE.xlsx でファイルに書き出してください"
                )));
            }
            match out.write_all(bytes).and_then(|()| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    let why = Message::io(&e);
                    Err(Error::new(Message::new(
                        format!("cannot write standard output: {}", why.en),
                        format!("標準出力に書き込めません：{}", why.ja),
                    )))
                }
                _ => Ok(()),
            }
        }
    }
}
