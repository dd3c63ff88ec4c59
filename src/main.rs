//! The `isms` binary: parse the command line, run the command, and map the outcome to
//! exit 0 (clean), 1 (findings, or refused by `--strict`) or 2 (usage, I/O or git error).
//! This is the one place that chooses an exit code.

use clap::Parser;
use isms::commands::{self, Cli, Outcome};

fn main() {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    let code = match commands::run(cli) {
        Ok(Outcome::Success) => 0,
        Ok(Outcome::Failure) => 1,
        Err(e) => {
            eprint!("{}", e.render());
            2
        }
    };
    std::process::exit(code);
}
