//! `isms lsp`: the language server over standard input and output. The editor starts it;
//! the server runs until the editor sends `shutdown` and `exit` (exit 0), or `exit` alone or
//! closes the pipe (exit 1).

use super::{Error, LangArg, Outcome, TodayArg};
use crate::lsp::{self, Ended, Options};
use crate::msg;
use clap::Args;

#[derive(Args, Debug)]
pub struct LspArgs {
    /// Accepted for editors that pass it; standard input and output are always used.
    #[arg(long)]
    pub stdio: bool,
    #[command(flatten)]
    pub lang: LangArg,
    #[command(flatten)]
    pub today: TodayArg,
}

pub fn run(args: &LspArgs) -> Result<Outcome, Error> {
    let (connection, threads) = lsp_server::Connection::stdio();
    let options = Options {
        lang: args.lang.lang,
        today: args.today.today,
    };
    let served = lsp::serve(&connection, options);
    // The writer thread ends once the connection's sender is dropped.
    drop(connection);
    let joined = threads.join();
    let ended = served.map_err(|e| {
        Error::new(msg!(
            "the language server stopped: {}",
            "言語サーバーが停止しました: {}",
            e.0
        ))
    })?;
    joined.map_err(|e| {
        Error::new(msg!(
            "the language server stopped: {e}",
            "言語サーバーが停止しました: {e}"
        ))
    })?;
    // `exit` without `shutdown` is exit 1, as the protocol says.
    Ok(Outcome::failed_if(ended == Ended::Abandoned))
}
