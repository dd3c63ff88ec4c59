//! `isms explain CODE` and `isms rules`: the registry, formatted.

use super::{Error, LangArg, Outcome, write_output};
use crate::i18n::Lang;
use crate::msg;
use crate::rules::{RULES, RuleMeta, find};
use clap::{Args, ValueEnum};
use serde_json::json;

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// A rule code, e.g. `ref/unknown`.
    pub code: String,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ExplainFormat,
    #[command(flatten)]
    pub lang: LangArg,
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value = "text")]
    pub format: ExplainFormat,
    #[command(flatten)]
    pub lang: LangArg,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExplainFormat {
    Text,
    Json,
    /// A Markdown table (`isms rules`), as in the README.
    Markdown,
}

fn to_json(r: &RuleMeta) -> serde_json::Value {
    json!({
        "code": r.code,
        "severity": r.severity.as_str(),
        "summary": r.summary,
        "summary_ja": r.summary_ja,
        "explanation": r.doc_in(Lang::En),
        "explanation_ja": r.doc_in(Lang::Ja),
    })
}

pub fn explain(args: &ExplainArgs) -> Result<Outcome, Error> {
    let (code, format) = (args.code.as_str(), args.format);
    let lang = args.lang.lang.unwrap_or_default();
    let Some(rule) = find(code) else {
        let help = crate::suggest::help(code, RULES.iter().map(|r| r.meta.code), || {
            msg!(
                "`isms rules` lists the codes",
                "コードの一覧は `isms rules` で確認できます"
            )
        });
        return Err(
            Error::new(msg!("unknown rule `{code}`", "未知のルール `{code}` です"))
                .help(help)
                .lang(lang),
        );
    };
    let text = match format {
        ExplainFormat::Json => serde_json::to_string_pretty(&to_json(rule)).expect("json") + "\n",
        ExplainFormat::Text | ExplainFormat::Markdown => format!(
            "# {}: {}\n\n{}: {}\n\n{}",
            rule.code,
            rule.summary_in(lang),
            lang.pick("Default severity", "既定の重大度"),
            rule.severity.as_str(),
            rule.doc_in(lang)
        ),
    };
    write_output(None, text.as_bytes(), false)?;
    Ok(Outcome::Success)
}

pub fn rules(args: &RulesArgs) -> Result<Outcome, Error> {
    let (format, lang) = (args.format, args.lang.lang.unwrap_or_default());
    let text = match format {
        ExplainFormat::Json => {
            serde_json::to_string_pretty(&RULES.iter().map(|r| to_json(r.meta)).collect::<Vec<_>>())
                .expect("json")
                + "\n"
        }
        ExplainFormat::Markdown => {
            let mut t = String::from("| code | default | fires when |\n|---|---|---|\n");
            for r in RULES.iter().map(|r| r.meta) {
                t.push_str(&format!(
                    "| `{}` | {} | {} |\n",
                    r.code,
                    r.severity.as_str(),
                    r.summary_in(lang)
                ));
            }
            t
        }
        ExplainFormat::Text => {
            let width = RULES.iter().map(|r| r.meta.code.len()).max().unwrap_or(0);
            RULES
                .iter()
                .map(|r| r.meta)
                .map(|r| {
                    format!(
                        "{:width$}  {:7}  {}\n",
                        r.code,
                        r.severity.as_str(),
                        r.summary_in(lang)
                    )
                })
                .collect()
        }
    };
    write_output(None, text.as_bytes(), false)?;
    Ok(Outcome::Success)
}
