//! `isms show ID [PATH]`: one entity with its whole trace (see [`crate::report::trace`]), as
//! indented text, `--format json` or `--format html`. Exit 0 shown, 2 when no entity has the id (with the
//! closest one), or on a usage or I/O error.

use super::report::{as_of, load_judged};
use super::{Error, LangArg, Outcome, RepoArg, TodayArg, write_output};
use crate::catalog::catalogs;
use crate::msg;
use crate::report::{assets, overview, trace};
use clap::{Args, ValueEnum};

#[derive(Args, Debug)]
#[command(
    after_help = "Examples:\n  isms show R-001                   # a risk: assets, threat, levels, treatment, controls\n  \
     isms show C-BACKUP                # a control: the risks it treats, procedures, SoA rows\n  \
     isms show iso27001-2022:8.13      # an SoA row: its decision and what is behind it\n  \
     isms show A-003 --format json\n  \
     isms show R-001 --format html > R-001.html"
)]
pub struct ShowArgs {
    /// The id: a risk, control, asset, threat, vulnerability, procedure or role, or a
    /// framework control (`iso27001-2022:5.1`, or `5.1`).
    pub id: String,
    #[command(flatten)]
    pub repo: RepoArg,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ShowFormat,
    #[command(flatten)]
    pub lang: LangArg,
    #[command(flatten)]
    pub today: TodayArg,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShowFormat {
    /// Indented text.
    Text,
    /// JSON: `{kind, id, title, facts: [{key, label, value}], links: [{relation, label,
    /// nodes: [...]}]}`, the same shape at every level.
    Json,
    /// One self-contained HTML page, with the reports' document-control line.
    Html,
}

pub fn run(args: &ShowArgs) -> Result<Outcome, Error> {
    let judged = load_judged(&args.repo, args.lang, args.today)?;
    let lang = judged.ws.lang;
    let mut o = overview::build(&judged, catalogs());
    let mut register = assets::build(&judged);
    let at = as_of(&judged, args.today.date());
    o.set_as_of(&at);
    register.as_of = at;
    let sources = trace::Sources::new(&o, &register);
    let Some(node) = sources.show(&args.id) else {
        let id = &args.id;
        let ids = sources.ids();
        let help = crate::suggest::help(id, ids.iter().map(String::as_str), || {
            msg!(
                "ids are case-sensitive; `isms check` lists what the repository defines",
                "ID は大文字と小文字を区別します。`isms check` で定義を確認してください"
            )
        });
        return Err(Error::new(msg!(
            "no entity and no framework control has the id `{id}`",
            "ID `{id}` のエンティティも規格の管理策もありません"
        ))
        .help(help)
        .lang(lang));
    };
    let text = match args.format {
        ShowFormat::Text => trace::text(&node, lang),
        ShowFormat::Json => serde_json::to_string_pretty(&node).expect("a trace serialises") + "\n",
        ShowFormat::Html => {
            crate::report::format::html::show(&node, &o.organization, &o.as_of, lang)
        }
    };
    write_output(None, text.as_bytes(), false).map_err(|e| e.lang(lang))?;
    Ok(Outcome::Success)
}
