//! The report commands, `isms soa`, `isms risks` and `isms report`: their arguments, and
//! the run from loading to writing. Exit 0 written, 1 refused by `--strict` while `check`
//! finds errors, 2 usage or I/O error.

use super::{Error, LangArg, Outcome, RepoArg, TodayArg, write_output};
use crate::catalog::catalogs;
use crate::finding::{Message, Severity};
use crate::judge::{self, Judged};
use crate::msg;
use crate::report::format::{self, Format};
use crate::report::{AsOf, overview, risks as register, soa as statement, trace};
use clap::Args;
use std::path::{Path, PathBuf};

/// What every report command takes.
#[derive(Args, Debug)]
pub struct CommonArgs {
    #[command(flatten)]
    pub repo: RepoArg,
    #[command(flatten)]
    pub lang: LangArg,
    #[command(flatten)]
    pub today: TodayArg,
    /// Refuse (exit 1) while `isms check` finds errors, instead of listing them on the report.
    #[arg(long)]
    pub strict: bool,
    /// Write to a file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// The Statement of Applicability (適用宣言書) of one framework.
#[derive(Args, Debug)]
pub struct SoaArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// The framework (default: the first of `frameworks:` in isms.yaml).
    #[arg(long)]
    pub framework: Option<String>,
    /// Output format (default: from the extension of -o, else md).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// The risk register and treatment plan, with heat maps before and after treatment.
#[derive(Args, Debug)]
pub struct RisksArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Output format (default: from the extension of -o, else md).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// The asset register (情報資産台帳): id, name, type, owner, C/I/A, importance, the risks
/// that name each asset.
#[derive(Args, Debug)]
pub struct AssetsArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Output format (default: from the extension of -o, else md).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// One self-contained HTML report: summary, heat maps, risk register, SoA, Lv.1 view,
/// controls and procedures.
#[derive(Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    pub common: CommonArgs,
}

/// The format asked for, else the one the output file's extension names, else Markdown.
fn resolve_format(format: Option<Format>, output: Option<&Path>) -> Format {
    format
        .or_else(|| {
            let ext = output?.extension()?.to_str()?.to_ascii_lowercase();
            Some(match ext.as_str() {
                "md" | "markdown" => Format::Md,
                "html" | "htm" => Format::Html,
                "csv" => Format::Csv,
                "xlsx" => Format::Xlsx,
                "json" => Format::Json,
                _ => return None,
            })
        })
        .unwrap_or(Format::Md)
}

/// Where the documents stand: the commit the repository's work tree is at and that
/// commit's date (and whether the ISMS has changes not committed), else `--today`.
pub fn as_of(judged: &Judged, today: jiff::civil::Date) -> AsOf {
    let root = &judged.ws.root;
    let today = today.to_string();
    match crate::git::head_commit(root) {
        Some((id, date)) => AsOf {
            commit: Some(id),
            commit_date: Some(date),
            uncommitted: crate::git::has_changes(root),
            today,
        },
        None => AsOf {
            today,
            ..AsOf::default()
        },
    }
}

/// Loads and judges a repository for a command that reads it whole (`isms show`): an
/// unreadable file is an error (exit 2), findings are not.
pub fn load_judged(repo: &RepoArg, lang: LangArg, today: TodayArg) -> Result<Judged, Error> {
    let said = lang.lang;
    let judged = judge::load(&repo.path, said, today.date())
        .map_err(|e| Error::from(e).lang(said.unwrap_or_default()))?;
    if !judged.ws.io_errors.is_empty() {
        let mut lines = judged.ws.io_errors.clone();
        lines.push(msg!(
            "a file could not be read, so nothing is shown",
            "読めないファイルがあるため、表示しません"
        ));
        return Err(Error {
            lines,
            help: None::<Message>,
            lang: judged.ws.lang,
        });
    }
    Ok(judged)
}

/// Loads and judges the repository; refuses on I/O errors, and on errors with `--strict`
/// (`Ok(None)`: the run ends with exit 1).
fn load(args: &CommonArgs) -> Result<Option<Judged>, Error> {
    let lang = args.lang.lang;
    let judged = judge::load(&args.repo.path, lang, args.today.date())
        .map_err(|e| Error::from(e).lang(lang.unwrap_or_default()))?;
    let lang = judged.ws.lang;
    if !judged.ws.io_errors.is_empty() {
        let mut lines = judged.ws.io_errors.clone();
        lines.push(msg!(
            "a file could not be read, so no report is written",
            "読めないファイルがあるため、レポートを作成しません"
        ));
        return Err(Error {
            lines,
            help: None::<Message>,
            lang,
        });
    }
    let errors = judged
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    if errors > 0 {
        // A warning or a refusal on standard error; the document itself lists the findings.
        let (en, ja) = if args.strict {
            (
                format!(
                    "error: `isms check` finds {errors} error(s); --strict refuses to write the report (run `isms check` to see them)"
                ),
                format!(
                    "error: `isms check` でエラーが {errors} 件あるため、--strict によりレポートを作成しません（`isms check` で確認してください）"
                ),
            )
        } else {
            (
                format!("warning: `isms check` finds {errors} error(s); the report lists them"),
                format!(
                    "warning: `isms check` でエラーが {errors} 件あります。レポートに一覧を記載します"
                ),
            )
        };
        eprintln!("{}", lang.pick(&en, &ja));
        if args.strict {
            return Ok(None);
        }
    }
    Ok(Some(judged))
}

fn finish(
    args: &CommonArgs,
    format: Format,
    lang: crate::i18n::Lang,
    bytes: Result<Vec<u8>, format::WriteError>,
) -> Result<Outcome, Error> {
    let bytes = bytes.map_err(|e| Error::new(Message::same(e.to_string())).lang(lang))?;
    write_output(args.output.as_deref(), &bytes, format == Format::Xlsx)
        .map_err(|e| e.lang(lang))?;
    Ok(Outcome::Success)
}

/// `isms soa`.
pub fn soa(args: &SoaArgs) -> Result<Outcome, Error> {
    let format = resolve_format(args.format, args.common.output.as_deref());
    let Some(judged) = load(&args.common)? else {
        return Ok(Outcome::Failure);
    };
    let lang = judged.ws.lang;
    let cats = catalogs();
    let framework = match &args.framework {
        Some(name) => cats.framework(name),
        None => overview::frameworks(&judged, cats).into_iter().next(),
    };
    let Some(framework) = framework else {
        let known = cats.names().join(", ");
        let message = match &args.framework {
            Some(name) => msg!(
                "unknown framework `{name}`; the built-in ones are: {known}",
                "未知の規格 `{name}` です。組み込みの規格: {known}"
            ),
            None => msg!(
                "no framework: list one under `frameworks:` in isms.yaml, or pass --framework ({known})",
                "規格が指定されていません。isms.yaml の `frameworks:` に書くか、--framework で指定してください（{known}）"
            ),
        };
        return Err(Error::new(message).lang(lang));
    };
    let mut table = statement::build(&judged, framework);
    table.as_of = as_of(&judged, args.common.today.date());
    if format == Format::Html {
        // Each row's trace under it, from the tables of the whole report.
        let o = overview::build(&judged, cats);
        let traces = trace::Sources::new(&o, &o.assets);
        let html = format::html::soa_traced(&table, Some(&traces));
        return finish(&args.common, format, lang, Ok(html.into_bytes()));
    }
    finish(&args.common, format, lang, format::soa(&table, format))
}

/// `isms risks`.
pub fn risks(args: &RisksArgs) -> Result<Outcome, Error> {
    let format = resolve_format(args.format, args.common.output.as_deref());
    let Some(judged) = load(&args.common)? else {
        return Ok(Outcome::Failure);
    };
    let mut table = register::build(&judged);
    table.as_of = as_of(&judged, args.common.today.date());
    if format == Format::Html {
        let o = overview::build(&judged, catalogs());
        let traces = trace::Sources::new(&o, &o.assets);
        let html = format::html::risks_traced(&table, Some(&traces));
        return finish(&args.common, format, judged.ws.lang, Ok(html.into_bytes()));
    }
    finish(
        &args.common,
        format,
        judged.ws.lang,
        format::risks(&table, format),
    )
}

/// `isms assets`.
pub fn assets(args: &AssetsArgs) -> Result<Outcome, Error> {
    let format = resolve_format(args.format, args.common.output.as_deref());
    let Some(judged) = load(&args.common)? else {
        return Ok(Outcome::Failure);
    };
    let mut table = crate::report::assets::build(&judged);
    table.as_of = as_of(&judged, args.common.today.date());
    finish(
        &args.common,
        format,
        judged.ws.lang,
        format::assets(&table, format),
    )
}

/// `isms report`.
pub fn report(args: &ReportArgs) -> Result<Outcome, Error> {
    let Some(judged) = load(&args.common)? else {
        return Ok(Outcome::Failure);
    };
    let mut o = overview::build(&judged, catalogs());
    o.set_as_of(&as_of(&judged, args.common.today.date()));
    let html = format::html::report(&o);
    write_output(args.common.output.as_deref(), html.as_bytes(), false)
        .map_err(|e| e.lang(judged.ws.lang))?;
    Ok(Outcome::Success)
}

/// The documents register (文書管理台帳): every `document` with its type, what it satisfies,
/// version, owner, approval, status, reviews and where its content lives.
#[derive(Args, Debug)]
pub struct DocumentsArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Output format (default: from the extension of -o, else md).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// `isms documents`.
pub fn documents(args: &DocumentsArgs) -> Result<Outcome, Error> {
    use crate::report::format::status as w;
    let format = resolve_format(args.format, args.common.output.as_deref());
    let Some(judged) = load(&args.common)? else {
        return Ok(Outcome::Failure);
    };
    let mut s = crate::report::status::build(&judged, catalogs());
    s.as_of = as_of(&judged, args.common.today.date());
    let bytes = match format {
        Format::Md => Ok(w::documents_md(&s).into_bytes()),
        Format::Html => Ok(w::documents_html(&s).into_bytes()),
        Format::Csv => w::documents_csv(&s),
        Format::Xlsx => w::documents_xlsx(&s),
        Format::Json => Ok(w::documents_json(&s).into_bytes()),
    };
    finish(&args.common, format, judged.ws.lang, bytes)
}
