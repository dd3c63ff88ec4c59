//! The `isms` binary: parse the command line, run the command, and map the outcome to
//! exit 0 (clean), 1 (findings) or 2 (usage or I/O error).

use clap::{CommandFactory, Parser};
use isms::{catalog_cmd, check, cli, diff, explain, init, report};

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
        cli::Command::Completions { shell } => {
            clap_complete::generate(
                *shell,
                &mut cli::Cli::command(),
                "isms",
                &mut std::io::stdout(),
            );
            0
        }
        cli::Command::Check(args) => check::check(args),
        cli::Command::Diff(args) => diff::diff(args),
        cli::Command::Catalog(args) => catalog_cmd::run(args),
        cli::Command::Init(args) => init::run(args),
        cli::Command::Explain { code, format, lang } => {
            explain::explain(code, *format, lang.unwrap_or_default())
        }
        cli::Command::Rules { format, lang } => explain::rules(*format, lang.unwrap_or_default()),
        cli::Command::Soa(args) => report::cli::soa(args),
        cli::Command::Risks(args) => report::cli::risks(args),
        cli::Command::Report(args) => report::cli::report(args),
    };
    std::process::exit(code);
}
