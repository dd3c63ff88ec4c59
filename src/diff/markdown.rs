//! `isms diff` as Markdown for a pull-request comment. Everything a user wrote is escaped
//! for a table cell; the comment is cut at a line to fit GitHub's limit.

use super::{Diff, RiskState, Sides, SoaRow, Verdict};
use crate::analysis::Decision;
use crate::i18n::Lang;
use crate::model::Status;
use crate::report::escape::md_text;
use crate::report::labels;
use crate::risk::Band;
use crate::tr;
use std::fmt::Write;

/// A PR comment may hold 65,536 characters; this leaves room for the action's marker and note.
pub const MAX_MARKDOWN_CHARS: usize = 60_000;

/// An id as inline code, safe in a table cell.
pub fn md_code(s: &str) -> String {
    let s = s.replace(['\r', '\n'], " ").replace('|', "\\|");
    if s.contains('`') {
        format!("`` {} ``", s.replace('`', "ˋ"))
    } else {
        format!("`{s}`")
    }
}

fn band_name(b: Band, lang: Lang) -> &'static str {
    lang.pick(b.as_str(), b.ja())
}

fn level_text(level: Option<i64>, band: Option<Band>, lang: Lang) -> String {
    match (level, band) {
        (Some(l), Some(b)) => format!("{l} ({})", band_name(b, lang)),
        (Some(l), None) => l.to_string(),
        _ => "—".to_owned(),
    }
}

fn arrow(before: &str, after: &str) -> String {
    if before == after {
        before.to_owned()
    } else {
        format!("{before} → {after}")
    }
}

fn status_text(s: Option<Status>, lang: Lang) -> String {
    s.map_or("—".to_owned(), |s| labels::status(s, lang).to_owned())
}

fn severity_text(s: &str, lang: Lang) -> String {
    match s {
        "error" => tr!(lang, "error", "エラー"),
        "warning" => tr!(lang, "warning", "警告"),
        _ => tr!(lang, "info", "情報"),
    }
}

/// "17 → 19", or "17" when it did not move.
fn moved(before: usize, after: usize) -> String {
    arrow(&before.to_string(), &after.to_string())
}

/// The first line: the verdict, then the numbers it weighs, before → after.
fn posture_line(d: &Diff, lang: Lang) -> String {
    let (b, a) = d.posture;
    let verdict = match d.verdict() {
        Verdict::Better => tr!(lang, "Posture: better", "リスクの状況：改善"),
        Verdict::Worse => tr!(lang, "Posture: worse", "リスクの状況：悪化"),
        Verdict::Unchanged => tr!(lang, "Posture: unchanged", "リスクの状況：変化なし"),
    };
    let (new, fixed) = d.errors();
    let mut parts = vec![
        tr!(
            lang,
            "high risks {}, medium {}, low {}",
            "高リスク {}、中 {}、低 {}",
            moved(b.high, a.high),
            moved(b.medium, a.medium),
            moved(b.low, a.low)
        ),
        tr!(
            lang,
            "above the appetite after treatment {}",
            "対応後も受容基準を超えるリスク {}",
            moved(b.above_appetite, a.above_appetite)
        ),
        tr!(
            lang,
            "SoA rows undecided {}",
            "適用宣言書の未決定の行 {}",
            moved(b.undecided, a.undecided)
        ),
    ];
    if b.contradictory + a.contradictory > 0 {
        parts.push(tr!(
            lang,
            "contradictory {}",
            "矛盾 {}",
            moved(b.contradictory, a.contradictory)
        ));
    }
    parts.push(tr!(
        lang,
        "controls implemented {}",
        "実施済みの管理策 {}",
        moved(b.implemented, a.implemented)
    ));
    parts.push(tr!(
        lang,
        "errors: {new} new, {fixed} fixed",
        "エラー：新規 {new}、解消 {fixed}"
    ));
    format!("**{verdict}** — {}", parts.join(" · "))
}

fn short(id: &str) -> &str {
    id.get(..7).unwrap_or(id)
}

/// The pull-request comment: a headline, then tables, at most [`MAX_MARKDOWN_CHARS`].
pub fn render(d: &Diff, l: &Sides, lang: Lang) -> String {
    let mut out = String::new();
    let base = format!("{} ({})", md_code(&l.base.0), short(&l.base.1));
    let head = match &l.head {
        Some((rev, id)) => format!("{} ({})", md_code(rev), short(id)),
        None => tr!(lang, "the work tree", "作業ツリー"),
    };
    let place = if l.root.is_empty() {
        String::new()
    } else {
        format!(" — {}", md_code(&l.root))
    };
    let _ = writeln!(out, "### isms diff: {base} → {head}{place}\n");

    // The headline: one line that says it all.
    let mut parts = Vec::new();
    if d.base_missing {
        parts.push(tr!(
            lang,
            "new ISMS (none at the base)",
            "ISMS を新規作成（ベースにはなし）"
        ));
    }
    if d.head_missing {
        parts.push(tr!(lang, "the ISMS was removed", "ISMS が削除された"));
    }
    let risk_parts: Vec<String> = [
        ("added", tr!(lang, "added", "追加")),
        ("removed", tr!(lang, "removed", "削除")),
        ("relevelled", tr!(lang, "re-levelled", "レベル変更")),
        ("retreated", tr!(lang, "re-treated", "対応変更")),
    ]
    .into_iter()
    .filter_map(|(k, word)| {
        let n = d.count(k);
        (n > 0).then(|| format!("{n} {word}"))
    })
    .collect();
    if !risk_parts.is_empty() {
        parts.push(tr!(
            lang,
            "risks: {}",
            "リスク：{}",
            risk_parts.join(labels::sep(lang))
        ));
    }
    if !d.controls.is_empty() {
        let n = d.controls.len();
        parts.push(tr!(
            lang,
            "controls: {n} changed status",
            "管理策：状態変更 {n}"
        ));
    }
    if !d.soa.is_empty() || !d.frameworks_added.is_empty() || !d.frameworks_removed.is_empty() {
        let n = d.soa.len();
        let rows = if n == 1 { "row" } else { "rows" };
        parts.push(tr!(
            lang,
            "SoA: {n} {rows} flipped",
            "適用宣言書：{n} 行が変化"
        ));
    }
    if !d.settings.is_empty() {
        let n = d.settings.len();
        parts.insert(0, tr!(lang, "settings: {n} changed", "設定：変更 {n}"));
    }
    if !d.introduced.is_empty() || !d.fixed.is_empty() || !d.silenced.is_empty() {
        let (i, f) = (d.introduced.len(), d.fixed.len());
        let mut part = tr!(
            lang,
            "findings: {i} introduced, {f} fixed",
            "指摘：新規 {i}、解消 {f}"
        );
        if !d.silenced.is_empty() {
            let n = d.silenced.len();
            part.push_str(&tr!(lang, ", {n} silenced", "、抑止 {n}"));
        }
        parts.push(part);
    }
    parts.extend(super::records::headline(&d.records, lang));
    let _ = writeln!(out, "{}\n", posture_line(d, lang));
    if d.is_empty() && !d.base_missing && !d.head_missing {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "**No change to the risk posture.**",
                "**リスクの状況に変化はありません。**"
            )
        );
        return out;
    }
    let _ = writeln!(out, "**{}**", parts.join(" · "));

    if !d.settings.is_empty() {
        let _ = writeln!(
            out,
            "\n#### {}\n",
            tr!(
                lang,
                "Settings of isms.yaml (they change the judgments below)",
                "isms.yaml の設定（以下の判定が変わります）"
            )
        );
        let _ = writeln!(
            out,
            "{}\n|---|---|",
            tr!(lang, "| Setting | Change |", "| 設定 | 変更 |")
        );
        for c in &d.settings {
            let side = |v: &Option<String>| {
                v.as_deref()
                    .map_or_else(|| tr!(lang, "(not set)", "（未設定）"), md_text)
            };
            let _ = writeln!(
                out,
                "| {} | {} |",
                md_code(&c.key),
                arrow(&side(&c.before), &side(&c.after))
            );
        }
    }

    if !d.risks.is_empty() {
        let _ = writeln!(out, "\n#### {}\n", tr!(lang, "Risks", "リスク"));
        let _ = writeln!(
            out,
            "{}\n|---|---|---|---|---|---|",
            tr!(
                lang,
                "| Change | Risk | Title | Level | Residual | Treatment |",
                "| 変更 | リスク | 名称 | リスク値 | 残留リスク | リスク対応 |"
            )
        );
        for r in &d.risks {
            let kind = r
                .kinds()
                .into_iter()
                .map(|k| match k {
                    "added" => tr!(lang, "added", "追加"),
                    "removed" => tr!(lang, "removed", "削除"),
                    "relevelled" if r.by_method() => tr!(
                        lang,
                        "re-levelled by the method",
                        "評価方法によるレベル変更"
                    ),
                    "relevelled" => tr!(lang, "re-levelled", "レベル変更"),
                    _ => tr!(lang, "re-treated", "対応変更"),
                })
                .collect::<Vec<_>>()
                .join(labels::sep(lang));
            let title = r
                .after
                .as_ref()
                .or(r.before.as_ref())
                .map(|s| md_text(&s.title))
                .unwrap_or_default();
            let side = |s: &Option<RiskState>, f: &dyn Fn(&RiskState) -> String| {
                s.as_ref().map_or("—".to_owned(), f)
            };
            let level = arrow(
                &side(&r.before, &|s| level_text(s.level, s.band, lang)),
                &side(&r.after, &|s| level_text(s.level, s.band, lang)),
            );
            let residual = arrow(
                &side(&r.before, &|s| {
                    level_text(s.residual_level, s.residual_band, lang)
                }),
                &side(&r.after, &|s| {
                    level_text(s.residual_level, s.residual_band, lang)
                }),
            );
            let treat = |s: &RiskState| {
                let option = s
                    .option
                    .and_then(crate::model::TreatmentOption::parse)
                    .map_or("—", |o| labels::option(o, lang));
                if s.controls.is_empty() {
                    option.to_owned()
                } else {
                    let controls: Vec<String> = s.controls.iter().map(|c| md_code(c)).collect();
                    format!(
                        "{option}{}{}",
                        labels::colon(lang),
                        controls.join(labels::sep(lang))
                    )
                }
            };
            let treatment = arrow(&side(&r.before, &treat), &side(&r.after, &treat));
            let _ = writeln!(
                out,
                "| {kind} | {} | {title} | {level} | {residual} | {treatment} |",
                md_code(&r.id)
            );
        }
    }

    if !d.controls.is_empty() {
        let _ = writeln!(out, "\n#### {}\n", tr!(lang, "Controls", "管理策"));
        let _ = writeln!(
            out,
            "{}\n|---|---|---|---|",
            tr!(
                lang,
                "| Change | Control | Title | Status |",
                "| 変更 | 管理策 | 名称 | 実施状況 |"
            )
        );
        for c in &d.controls {
            let (change, status) = match c.exists {
                (false, _) => (tr!(lang, "added", "追加"), status_text(c.after, lang)),
                (_, false) => (tr!(lang, "removed", "削除"), status_text(c.before, lang)),
                _ => (
                    tr!(lang, "status", "状況変更"),
                    arrow(&status_text(c.before, lang), &status_text(c.after, lang)),
                ),
            };
            let _ = writeln!(
                out,
                "| {change} | {} | {} | {status} |",
                md_code(&c.id),
                md_text(&c.title),
            );
        }
    }

    if !d.soa.is_empty() || !d.frameworks_added.is_empty() || !d.frameworks_removed.is_empty() {
        let _ = writeln!(
            out,
            "\n#### {}\n",
            tr!(lang, "Statement of Applicability", "適用宣言書")
        );
        for f in &d.frameworks_added {
            let _ = writeln!(
                out,
                "- {}: {}",
                tr!(lang, "framework added", "規格を追加"),
                md_code(f)
            );
        }
        for f in &d.frameworks_removed {
            let _ = writeln!(
                out,
                "- {}: {}",
                tr!(lang, "framework removed", "規格を削除"),
                md_code(f)
            );
        }
        if !d.frameworks_added.is_empty() || !d.frameworks_removed.is_empty() {
            out.push('\n');
        }
        if !d.soa.is_empty() {
            let _ = writeln!(
                out,
                "{}\n|---|---|---|---|---|---|",
                tr!(
                    lang,
                    "| Control | Title | Applicable | Excluded | Status | New reason for exclusion |",
                    "| 管理策 | 名称 | 適用 | 除外 | 実施状況 | 新しい除外理由 |"
                )
            );
            // The decision in words, as the SoA states it.
            let decided = |r: Option<&SoaRow>| match r.map(|r| r.decision) {
                Some(Decision::Applied) => tr!(lang, "yes", "はい"),
                Some(Decision::IncludedWithoutControl) => {
                    tr!(lang, "yes (no control)", "はい（管理策なし）")
                }
                Some(Decision::Excluded) => tr!(lang, "no", "いいえ"),
                Some(Decision::Undecided) => tr!(lang, "undecided", "未決定"),
                Some(Decision::Contradictory) => tr!(
                    lang,
                    "**contradiction** (excluded and applied)",
                    "**矛盾**（除外かつ適用）"
                ),
                None => "—".to_owned(),
            };
            let yes_no = |b: Option<bool>| match b {
                Some(true) => tr!(lang, "yes", "はい"),
                Some(false) => tr!(lang, "no", "いいえ"),
                None => "—".to_owned(),
            };
            for s in &d.soa {
                let reason = s
                    .new_reason
                    .as_deref()
                    .map_or_else(String::new, |r| format!("“{}”", md_text(r)));
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {reason} |",
                    md_code(&format!("{}:{}", s.framework, s.id)),
                    md_text(lang.pick(&s.title.0, &s.title.1)),
                    arrow(&decided(s.before.as_ref()), &decided(s.after.as_ref())),
                    arrow(
                        &yes_no(s.before.map(|r| r.excluded)),
                        &yes_no(s.after.map(|r| r.excluded))
                    ),
                    arrow(
                        &status_text(s.before.and_then(|r| r.status), lang),
                        &status_text(s.after.and_then(|r| r.status), lang)
                    )
                );
            }
        }
    }

    super::records::markdown(&mut out, &d.records, lang);

    // Introduced findings are at the head, fixed ones at the base.
    let head_blob = l.links.as_ref().and_then(|k| k.head.as_deref());
    let base_blob = l.links.as_ref().map(|k| k.base.as_str());
    for (list, heading, blob) in [
        (
            &d.introduced,
            tr!(lang, "Findings introduced", "新たな指摘"),
            head_blob,
        ),
        (
            &d.fixed,
            tr!(lang, "Findings fixed", "解消した指摘"),
            base_blob,
        ),
        (
            &d.silenced,
            tr!(
                lang,
                "Findings silenced (their rule is turned off in isms.yaml, not fixed)",
                "抑止された指摘（isms.yaml でルールを off にしたもの。解消ではありません）"
            ),
            base_blob,
        ),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n#### {heading}\n");
        let _ = writeln!(
            out,
            "{}\n|---|---|---|---|",
            tr!(
                lang,
                "| Severity | Code | Location | Message |",
                "| 重大度 | コード | 場所 | メッセージ |"
            )
        );
        for f in list {
            let path = format!("{}{}", l.prefix, f.file);
            let at = md_code(&format!("{path}:{}:{}", f.line, f.column));
            let at = match blob {
                Some(url) => format!("[{at}]({url}/{}#L{})", url_path(&path), f.line),
                None => at,
            };
            let _ = writeln!(
                out,
                "| {} | {} | {at} | {} |",
                severity_text(f.severity, lang),
                md_code(f.code),
                md_text(f.message.get(lang))
            );
        }
    }
    truncate(out, MAX_MARKDOWN_CHARS, lang)
}

/// A repository path as a URL path: every byte outside the unreserved set and `/`
/// percent-encoded, so that a file name cannot end the link or inject markup.
fn url_path(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Cuts a report at a line so that it and the note fit in `max` characters.
fn truncate(text: String, max: usize, lang: Lang) -> String {
    if text.chars().count() <= max {
        return text;
    }
    let lines: Vec<&str> = text.lines().collect();
    let note = |n: usize| {
        tr!(
            lang,
            "\n> [!NOTE]\n> {n} more lines were cut to fit a comment; run `isms diff` locally, or see the job summary, for the full report.\n",
            "\n> [!NOTE]\n> コメントの文字数の上限のため、残り {n} 行を省略しました。全体は手元の `isms diff` かジョブの概要で確認してください。\n"
        )
    };
    let mut out = String::new();
    let mut used = 0;
    let budget = max - note(lines.len()).chars().count();
    let mut kept = 0;
    for line in &lines {
        let n = line.chars().count() + 1;
        if used + n > budget {
            break;
        }
        out.push_str(line);
        out.push('\n');
        used += n;
        kept += 1;
    }
    out.push_str(&note(lines.len() - kept));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_tables_or_fake_the_marker() {
        assert_eq!(
            md_text("a|b\n<!-- isms-report --> *x* @team"),
            "a\\|b &lt;\\!-- isms-report --&gt; \\*x\\* @\u{2060}team"
        );
        assert_eq!(md_code("R-1|x"), "`R-1\\|x`");
    }

    #[test]
    fn long_reports_are_cut_at_a_line_with_a_note() {
        let text: String = (0..1000).map(|i| format!("| row {i} |\n")).collect();
        let cut = truncate(text, 2000, Lang::En);
        assert!(cut.chars().count() <= 2000);
        assert!(cut.contains("more lines were cut"));
        assert!(cut.starts_with("| row 0 |\n"));
    }
}
