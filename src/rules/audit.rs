//! Internal audits (9.2): held within the programme's interval, by auditors who do not audit
//! their own work.

use super::{Context, declare_rule};
use crate::finding::Finding;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// Reports when the newest internal audit that was held (an `audit` not marked
    /// `status: planned`, dated up to today) is older than the audit programme's
    /// `interval_months` (12 when there is no programme or it gives none). The finding sits on
    /// the date of that newest audit. A repository with no audit at all is the clause
    /// checklist's concern (`clause/undocumented`, 9.2).
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 9.2 asks for internal audits at planned intervals; a certification body
    /// expects at least one full audit cycle a year, and a lapsed programme is a major
    /// nonconformity.
    ///
    /// ## Example
    /// ```yaml
    /// kind: audit
    /// id: AUD-2024
    /// date: 2024-09-15     # and nothing since
    /// ```
    /// Use instead: hold the next audit and record it as a new `audit` with its date.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 実施済みの内部監査（`status: planned` でなく、日付が今日以前の `audit`）のうち最新のものが、
    /// 監査プログラムの `interval_months`（プログラムがない場合や指定がない場合は 12 か月）より
    /// 古いときに報告します。指摘はその最新の監査の日付に付きます。
    /// 監査がまったくない場合は箇条のチェックリスト（`clause/undocumented` の 9.2）が扱います。
    ///
    /// ## なぜ問題か
    /// ISO/IEC 27001 の 9.2 は、あらかじめ定めた間隔で内部監査を行うことを求めています。
    /// 認証機関は少なくとも年 1 回の監査を期待しており、途切れた監査プログラムは重大な不適合です。
    ///
    /// ## 例
    /// ```yaml
    /// kind: audit
    /// id: AUD-2024
    /// date: 2024-09-15     # それ以降の監査がない
    /// ```
    /// 代わりに: 次の監査を実施し、その日付で新しい `audit` として記録してください。
    pub struct AuditOverdue {
        code: "audit/overdue",
        severity: Error,
        summary: "No internal audit within the programme's interval",
        summary_ja: "監査プログラムの間隔内に内部監査が行われていない",
    }
}

declare_rule! {
    /// ## What it does
    /// Reports an audit whose `auditor` is also one of its `auditees`: the role audits its own
    /// work.
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 9.2.2 asks that auditors be chosen so that the audit is objective and
    /// impartial; auditors do not audit their own work. An auditor will not accept such an
    /// audit's results.
    ///
    /// ## Example
    /// ```yaml
    /// kind: audit
    /// id: AUD-2026
    /// auditor: ROLE-SYSADMIN
    /// auditees: [ROLE-SALES, ROLE-SYSADMIN]
    /// ```
    /// Use instead: have another role (or an external auditor) audit ROLE-SYSADMIN's area.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 監査員（`auditor`）が被監査者（`auditees`）にも含まれている監査を報告します。
    /// その役割が自分の業務を監査していることになります。
    ///
    /// ## なぜ問題か
    /// ISO/IEC 27001 の 9.2.2 は、監査の客観性と公平性を保てるように監査員を選ぶことを求めています。
    /// 監査員は自分の業務を監査しません。審査員はそのような監査の結果を認めません。
    ///
    /// ## 例
    /// ```yaml
    /// kind: audit
    /// id: AUD-2026
    /// auditor: ROLE-SYSADMIN
    /// auditees: [ROLE-SALES, ROLE-SYSADMIN]
    /// ```
    /// 代わりに: ROLE-SYSADMIN の領域は別の役割（または外部の監査員）が監査してください。
    pub struct AuditNotIndependent {
        code: "audit/not-independent",
        severity: Error,
        summary: "An auditor audits their own area",
        summary_ja: "監査員が自分の領域を監査している",
    }
}

impl AuditOverdue {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        let rec = &cx.model.records;
        let Some(latest) = rec
            .audits
            .iter()
            .filter_map(|a| Some((a.held_by(cx.today)?, a)))
            .max_by_key(|(d, _)| *d)
        else {
            return;
        };
        let (held, audit) = latest;
        // The programme of the newest audit, else the only one there is.
        let programme = audit
            .programme
            .as_ref()
            .and_then(|p| rec.programmes.iter().find(|x| x.id.value == p.value))
            .or(rec.programmes.first());
        let months = programme.map_or(12, |p| p.interval());
        if months < 1 {
            return; // the schema's `minimum` reported it
        }
        let Ok(due) = held.checked_add(jiff::Span::new().months(months.min(1200))) else {
            return;
        };
        if due >= cx.today {
            return;
        }
        let (id, today) = (&audit.id.value, cx.today);
        let span = audit.date.as_ref().expect("a held audit has a date").span;
        let mut f = cx
            .finding(
                &Self::META,
                span,
                msg!(
                    "no internal audit since {held} (audit {id}): the next was due by {due}, every {months} months; today is {today}",
                    "{held} の内部監査（{id}）以降、監査が行われていません（{months} か月ごと、期限 {due}、本日 {today}）"
                ),
            )
            .help(msg!(
                "hold the next internal audit and record it as a new `kind: audit`",
                "次の内部監査を実施し、新しい `kind: audit` として記録してください"
            ))
            .about(id.as_str(), "date");
        if let Some(p) = programme {
            f = f.related(
                p.interval_months.as_ref().map_or(p.id.span, |m| m.span),
                msg!("the programme's interval", "監査プログラムの間隔"),
            );
        }
        out.push(f);
    }
}

impl AuditNotIndependent {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for a in &cx.model.records.audits {
            let Some(auditor) = &a.auditor else { continue };
            for own in a.auditees.iter().filter(|t| t.value == auditor.value) {
                let (id, role) = (&a.id.value, &auditor.value);
                out.push(
                    cx.finding(
                        &Self::META,
                        own.span,
                        msg!(
                            "in audit {id}, {role} audits its own area",
                            "監査 {id} で {role} が自分の領域を監査しています"
                        ),
                    )
                    .help(msg!(
                        "have another role, or an external auditor, audit {role}'s area",
                        "{role} の領域は別の役割か外部の監査員が監査してください"
                    ))
                    .related(auditor.span, msg!("the auditor", "監査員"))
                    .about(id.as_str(), format!("auditees={role}")),
                );
            }
        }
    }
}
