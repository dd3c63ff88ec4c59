//! Evidence: every implemented control shows that it operates, with evidence recent enough.

use super::{Context, declare_rule};
use crate::finding::Finding;
use crate::model::{Kind, Status};
use crate::msg;

declare_rule! {
    /// ## What it does
    /// When `frameworks:` in isms.yaml lists `iso27001-2022-clauses`, reports each control
    /// with `status: implemented` that no `evidence` names — neither directly (`controls:`)
    /// nor through a procedure that implements it (`procedures:`).
    ///
    /// ## Why is this bad?
    /// A certification audit's stage 2 samples the controls the SoA says are implemented and
    /// asks to see them work: a log, a record, a screenshot. "Implemented" with nothing to
    /// show is an unsupported claim.
    ///
    /// ## Example
    /// ```yaml
    /// kind: control
    /// id: C-BACKUP
    /// status: implemented     # and no evidence names C-BACKUP or P-BACKUP
    /// ```
    /// Use instead:
    /// ```yaml
    /// kind: evidence
    /// id: EV-2026-BACKUP
    /// title: Restore test log, October
    /// date: 2026-10-01
    /// path: evidence/backup-restore-2026-10.pdf
    /// controls: [C-BACKUP]
    /// ```
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// isms.yaml の `frameworks:` に `iso27001-2022-clauses` を挙げたとき、`status: implemented` の
    /// 管理策のうち、どの `evidence`（証跡）にも挙げられていないものを報告します。
    /// 直接（`controls:`）でも、その管理策を実施する実施手順を通して（`procedures:`）でも
    /// 挙げられていれば証跡ありとみなします。
    ///
    /// ## なぜ問題か
    /// 認証審査の第二段階では、適用宣言書で実施済みとした管理策を抜き取り、
    /// ログ・記録・画面などで運用を示すよう求められます。
    /// 示せるものがない「実施済み」は裏付けのない主張です。
    ///
    /// ## 例
    /// ```yaml
    /// kind: control
    /// id: C-BACKUP
    /// status: implemented     # C-BACKUP も P-BACKUP も証跡に挙げられていない
    /// ```
    /// 代わりに:
    /// ```yaml
    /// kind: evidence
    /// id: EV-2026-BACKUP
    /// title: 10 月の復元テスト記録
    /// date: 2026-10-01
    /// path: evidence/backup-restore-2026-10.pdf
    /// controls: [C-BACKUP]
    /// ```
    pub struct EvidenceMissing {
        code: "evidence/missing",
        severity: Warning,
        summary: "An implemented control has no evidence",
        summary_ja: "実施済みの管理策に証跡がない",
    }
}

declare_rule! {
    /// ## What it does
    /// Reports evidence that is the newest for a control but older than that control's
    /// review interval: the shortest `review.interval_months` among the procedures
    /// implementing it (12 months when none gives one). One finding per evidence names every
    /// control it is too old for.
    ///
    /// ## Why is this bad?
    /// Evidence shows a control operating at one time; a backup log from two years ago says
    /// nothing about the backups of today. An auditor asks for evidence from the current
    /// cycle.
    ///
    /// ## Example
    /// ```yaml
    /// kind: evidence
    /// id: EV-2024-BACKUP
    /// date: 2024-10-01        # the newest for C-BACKUP, reviewed every 12 months
    /// controls: [C-BACKUP]
    /// ```
    /// Use instead: collect new evidence and record it as a new `evidence` with its date.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// ある管理策にとって最新の証跡が、その管理策の見直し間隔（実施する実施手順の
    /// `review.interval_months` のうち最も短いもの。指定がなければ 12 か月）より古いときに報告します。
    /// 証跡ごとに 1 件の指摘で、古すぎる管理策をすべて挙げます。
    ///
    /// ## なぜ問題か
    /// 証跡はある時点で管理策が運用されていたことを示すだけです。
    /// 2 年前のバックアップ記録は、今のバックアップについて何も示しません。
    /// 審査員は現在のサイクルの証跡を求めます。
    ///
    /// ## 例
    /// ```yaml
    /// kind: evidence
    /// id: EV-2024-BACKUP
    /// date: 2024-10-01        # C-BACKUP の最新の証跡。見直しは 12 か月ごと
    /// controls: [C-BACKUP]
    /// ```
    /// 代わりに: 新しい証跡を集め、その日付で新しい `evidence` として記録してください。
    pub struct EvidenceStale {
        code: "evidence/stale",
        severity: Warning,
        summary: "A control's newest evidence is older than its review interval",
        summary_ja: "管理策の最新の証跡が見直し間隔より古い",
    }
}

impl EvidenceMissing {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        if cx.analysis.records.declared.is_none() {
            return;
        }
        let stray: std::collections::HashSet<&str> = cx
            .model
            .records
            .evidence
            .iter()
            .flat_map(|e| e.stray.iter().map(String::as_str))
            .collect();
        for (i, c) in cx.model.controls.iter().enumerate() {
            let Some(status) = c.status.as_ref().filter(|s| s.value == Status::Implemented) else {
                continue;
            };
            let id = c.id.as_str();
            if id.is_empty()
                || !cx.analysis.records.evidence_of_control[i].is_empty()
                // A misspelt evidence reference, or a file that cannot be read, may name it.
                || cx.analysis.refs.maybe_held_by(id, Kind::Evidence)
                || cx.model.maybe_referenced(id)
                || stray.contains(id)
            {
                continue;
            }
            out.push(
                cx.finding(
                    &Self::META,
                    status.span,
                    msg!(
                        "control {id} is implemented, but no evidence shows it operating",
                        "管理策 {id} は実施済みですが、運用を示す証跡がありません"
                    ),
                )
                .help(msg!(
                    "add a `kind: evidence` with its date and file (`path`) or `url`, and `controls: [{id}]`",
                    "日付とファイル（`path`）または `url` を持ち、`controls: [{id}]` を挙げた `kind: evidence` を追加してください"
                ))
                .about(id, "evidence"),
            );
        }
    }
}

impl EvidenceStale {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        let model = cx.model;
        let newest = &cx.analysis.records.evidence_of_control;
        // For each evidence, the controls it is the newest for and too old for, in file order.
        let mut stale: Vec<Vec<(&str, i64)>> = vec![Vec::new(); model.records.evidence.len()];
        for (c_index, c) in model.controls.iter().enumerate() {
            let Some(&e_index) = newest[c_index].first() else {
                continue;
            };
            let Some(date) = &model.records.evidence[e_index].date else {
                continue;
            };
            let months = cx
                .analysis
                .refs
                .holders_of(c.id.as_str(), Kind::Procedure)
                .into_iter()
                .filter_map(|p| {
                    model.procedures[p]
                        .review
                        .as_ref()?
                        .interval_months
                        .as_ref()
                })
                .map(|m| m.value)
                .filter(|&m| m >= 1)
                .min()
                .unwrap_or(12);
            let Ok(until) = date
                .value
                .checked_add(jiff::Span::new().months(months.min(1200)))
            else {
                continue;
            };
            if until < cx.today {
                stale[e_index].push((c.id.as_str(), months));
            }
        }
        for (e, stale) in model.records.evidence.iter().zip(stale) {
            let Some(date) = &e.date else { continue };
            if stale.is_empty() {
                continue;
            }
            let list: Vec<String> = stale.iter().map(|(id, m)| format!("{id} ({m})")).collect();
            let list = list.join(", ");
            let (id, d, today) = (&e.id.value, date.value, cx.today);
            out.push(
                cx.finding(
                    &Self::META,
                    date.span,
                    msg!(
                        "evidence {id} of {d} is the newest for {list} and older than their review interval in months (today is {today})",
                        "証跡 {id}（{d}）は {list} の最新の証跡ですが、見直し間隔（月）より古くなっています（本日 {today}）"
                    ),
                )
                .help(msg!(
                    "collect new evidence and record it as a new `kind: evidence` with its date",
                    "新しい証跡を集め、その日付で新しい `kind: evidence` として記録してください"
                ))
                .about(id.as_str(), "date"),
            );
        }
    }
}
