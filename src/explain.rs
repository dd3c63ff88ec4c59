//! `isms explain CODE` and `isms rules`: the registry, formatted.

use crate::cli::ExplainFormat;
use crate::i18n::Lang;
use crate::rules::{RULES, RuleMeta, find};
use serde_json::json;

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

pub fn explain(code: &str, format: ExplainFormat, lang: Lang) -> i32 {
    let Some(rule) = find(code) else {
        let hint = crate::schema::did_you_mean(code, RULES.iter().map(|r| r.meta.code))
            .map(|s| format!("\n  help: did you mean `{s}`?"))
            .unwrap_or_else(|| "\n  help: `isms rules` lists the codes".to_owned());
        eprintln!("error: unknown rule `{code}`{hint}");
        return 2;
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
    crate::write_output(None, &text).err().unwrap_or(0)
}

pub fn rules(format: ExplainFormat, lang: Lang) -> i32 {
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
    crate::write_output(None, &text).err().unwrap_or(0)
}
