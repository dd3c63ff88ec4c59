//! `isms init`: its arguments, the run ([`crate::init`] plans and writes the files), and
//! the summary it prints.

use super::{Error, Outcome, write_output};
use crate::i18n::Lang;
use crate::init::{self, InitError, Level, Request};
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The repository's folder (created if missing). With an isms.yaml there, init adds
    /// only what the level is missing and changes nothing.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// quick (Lv.1), baseline (Lv.2) or comprehensive (Lv.3).
    #[arg(long, value_enum)]
    pub level: Level,
    /// Language of the files (default: `language:` of an existing isms.yaml, else ja).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// With --level quick: a threat of IPA's current 10 major threats, by id (IPA-2026-01),
    /// rank (1) or name (ransomware); repeat for several. Default: ransomware.
    #[arg(long = "threat", value_name = "ID")]
    pub threats: Vec<String>,
    /// The organisation's name, for isms.yaml.
    #[arg(long)]
    pub organization: Option<String>,
    /// In a new repository, overwrite files that already exist.
    #[arg(long)]
    pub force: bool,
}

impl From<InitError> for Error {
    fn from(e: InitError) -> Error {
        Error {
            lines: e.lines,
            help: e.help,
            lang: e.lang,
        }
    }
}

pub fn run(args: &InitArgs) -> Result<Outcome, Error> {
    let request = Request {
        dir: args.dir.clone(),
        level: args.level,
        lang: args.lang,
        threats: args.threats.clone(),
        organization: args.organization.clone(),
        force: args.force,
    };
    let done = init::run(&request)?;
    write_output(None, init::summary(&request, &done).as_bytes(), false)
        .map_err(|e| e.lang(done.lang))?;
    Ok(Outcome::Success)
}
