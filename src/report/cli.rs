//! The report commands, `isms soa`, `isms risks` and `isms report`: their arguments, and
//! the run from loading to writing. Exit 0 written, 1 refused by `--strict` while `check`
//! finds errors, 2 usage or I/O error.

use super::format::{self, Format};
use crate::catalog::catalogs;
use crate::finding::Severity;
use crate::i18n::Lang;
use crate::judge::{self, Judged};
use crate::tr;
use clap::Args;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// What every report command takes.
#[derive(Args, Debug)]
pub struct CommonArgs {
    /// The repository, or any file or folder inside it (isms.yaml is found by walking up).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Language of labels, headers, statuses and framework titles (default: `language:` in
    /// isms.yaml, else ja).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// The date that date rules compare with (YYYY-MM-DD); default: today. Reports carry
    /// no date themselves: the same repository gives the same bytes.
    #[arg(long, value_parser = parse_today)]
    pub today: Option<jiff::civil::Date>,
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

/// One self-contained HTML report: summary, heat maps, risk register, SoA, Lv.1 view,
/// controls and procedures.
#[derive(Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    pub common: CommonArgs,
}

fn parse_today(s: &str) -> Result<jiff::civil::Date, String> {
    crate::fields::parse_date(s).ok_or_else(|| format!("`{s}` is not a date: write YYYY-MM-DD"))
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

/// Loads and judges the repository; refuses on I/O errors, and on errors with `--strict`.
fn load(args: &CommonArgs) -> Result<Judged, i32> {
    let today = args.today.unwrap_or_else(judge::today);
    let checked = judge::load(&args.path, args.lang, today).map_err(|e| {
        eprintln!("error: {}", e.message(args.lang.unwrap_or_default()));
        2
    })?;
    let lang = checked.ws.lang;
    if !checked.ws.io_errors.is_empty() {
        for e in &checked.ws.io_errors {
            eprintln!("error: {}", e.get(lang));
        }
        eprintln!(
            "{}",
            tr!(
                lang,
                "error: a file could not be read, so no report is written",
                "error: 読めないファイルがあるため、レポートを作成しません"
            )
        );
        return Err(2);
    }
    let errors = checked
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    if errors > 0 {
        if args.strict {
            eprintln!(
                "{}",
                tr!(
                    lang,
                    "error: `isms check` finds {errors} error(s); --strict refuses to write the report (run `isms check` to see them)",
                    "error: `isms check` でエラーが {errors} 件あるため、--strict によりレポートを作成しません（`isms check` で確認してください）"
                )
            );
            return Err(1);
        }
        eprintln!(
            "{}",
            tr!(
                lang,
                "warning: `isms check` finds {errors} error(s); the report lists them",
                "warning: `isms check` でエラーが {errors} 件あります。レポートに一覧を記載します"
            )
        );
    }
    Ok(checked)
}

/// Writes bytes to a file or standard output. A closed pipe is success; binary output is
/// not sent to a terminal.
fn emit(path: Option<&Path>, bytes: &[u8], binary: bool) -> i32 {
    match path {
        Some(p) => match std::fs::write(p, bytes) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", p.display());
                2
            }
        },
        None => {
            let mut out = std::io::stdout().lock();
            if binary && out.is_terminal() {
                eprintln!("error: XLSX is binary: write it to a file with -o FILE.xlsx");
                return 2;
            }
            match out.write_all(bytes).and_then(|()| out.flush()) {
                Ok(()) => 0,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
                Err(e) => {
                    eprintln!("error: cannot write standard output: {e}");
                    2
                }
            }
        }
    }
}

fn finish(args: &CommonArgs, format: Format, result: Result<Vec<u8>, String>) -> i32 {
    match result {
        Ok(bytes) => emit(args.output.as_deref(), &bytes, format == Format::Xlsx),
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}

/// `isms soa`.
pub fn soa(args: &SoaArgs) -> i32 {
    let format = resolve_format(args.format, args.common.output.as_deref());
    let checked = match load(&args.common) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let lang = checked.ws.lang;
    let cats = catalogs();
    let framework = match &args.framework {
        Some(name) => cats.framework(name),
        None => super::overview::frameworks(&checked, cats)
            .into_iter()
            .next(),
    };
    let Some(framework) = framework else {
        let known = cats.names().join(", ");
        match &args.framework {
            Some(name) => eprintln!(
                "{}",
                tr!(
                    lang,
                    "error: unknown framework `{name}`; the built-in ones are: {known}",
                    "error: 未知の規格 `{name}` です。組み込みの規格: {known}"
                )
            ),
            None => eprintln!(
                "{}",
                tr!(
                    lang,
                    "error: no framework: list one under `frameworks:` in isms.yaml, or pass --framework ({known})",
                    "error: 規格が指定されていません。isms.yaml の `frameworks:` に書くか、--framework で指定してください（{known}）"
                )
            ),
        }
        return 2;
    };
    let table = super::soa::build(&checked, framework);
    finish(&args.common, format, format::soa(&table, format))
}

/// `isms risks`.
pub fn risks(args: &RisksArgs) -> i32 {
    let format = resolve_format(args.format, args.common.output.as_deref());
    let checked = match load(&args.common) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let register = super::risks::build(&checked);
    finish(&args.common, format, format::risks(&register, format))
}

/// `isms report`.
pub fn report(args: &ReportArgs) -> i32 {
    let checked = match load(&args.common) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let overview = super::overview::build(&checked, catalogs());
    let html = format::html::report(&overview);
    emit(args.common.output.as_deref(), html.as_bytes(), false)
}
