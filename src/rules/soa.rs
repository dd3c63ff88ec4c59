//! The Statement of Applicability: every control of each framework decided, none twice.

use super::{Context, declare_rule};
use crate::analysis::Decision;
use crate::catalog::Framework;
use crate::finding::Finding;
use crate::msg;
use crate::suggest::did_you_mean;

/// The rows of `fw` that a broken mapping may have been meant for. A `maps_to` entry that
/// names no control of a built-in catalog is one mistake with one finding (`ref/unknown`, or
/// `schema/invalid` without a `:`); the row it was meant for then looks undecided, and
/// soa/missing or soa/included-without-control would report the same mistake again, with
/// the false advice to add a mapping that is already written. The row meant is the entry's
/// own id under the did-you-mean of its framework (`iso27001-2021:5.1` → 5.1), or every row
/// as close to its id as a did-you-mean (`5.44` → 5.4, 5.14, 5.24, 5.34); an entry into `fw`
/// with no likely row may have been meant for any row, and then no row of `fw` is reported
/// as lacking a control until it is fixed (as for a file that cannot be read). A SoA document
/// whose `framework` is misspelt (`iso27001-2021`) is meant for its did-you-mean: the rows it
/// excludes or includes are not reported as undecided as well.
struct Meant {
    any: bool,
    rows: Vec<String>,
}

impl Meant {
    fn of(cx: &Context, fw: &Framework) -> Meant {
        let mut meant = Meant {
            any: false,
            rows: Vec::new(),
        };
        let names = cx.catalogs.names();
        // Every row a did-you-mean could name, not only the one it names (the tie-break of
        // `5.44` between 5.14 and 5.4 is a guess).
        let close = |id: &str| -> Vec<String> {
            fw.controls
                .iter()
                .map(|c| c.id.as_str())
                .filter(|r| did_you_mean(id, [*r]).is_some())
                .map(str::to_owned)
                .collect()
        };
        for m in cx.model.controls.iter().flat_map(|c| &c.maps_to) {
            let (name, id) = match m.value.split_once(':') {
                Some((name, id)) => (Some(name), id),
                None => (None, m.value.as_str()),
            };
            let known = name.and_then(|n| cx.catalogs.framework(n));
            if known.is_some_and(|k| k.control(id).is_some()) {
                continue; // a sound mapping
            }
            let into_fw = match name {
                Some(n) if n == fw.framework => true,
                Some(n) => {
                    known.is_none() && did_you_mean(n, names.iter().copied()) == Some(&fw.framework)
                }
                None => true,
            };
            if !into_fw {
                continue;
            }
            let rows = match fw.control(id) {
                Some(c) => vec![c.id.clone()],
                None => close(id),
            };
            // `5.1` without a framework is meant for its own row or a close one, no other.
            meant.any |= rows.is_empty() && name.is_some();
            meant.rows.extend(rows);
        }
        for soa in &cx.model.soas {
            let name = soa.framework.as_str();
            if cx.catalogs.framework(name).is_none()
                && did_you_mean(name, names.iter().copied()) == Some(&fw.framework)
            {
                let decided = soa.exclusions.iter().chain(&soa.inclusions);
                meant.rows.extend(decided.map(|(id, _)| id.value.clone()));
            }
        }
        meant
    }

    fn may_be(&self, row: &str) -> bool {
        self.any || self.rows.iter().any(|r| r == row)
    }
}

declare_rule! {
    /// ## What it does
    /// For each framework listed under `frameworks:` in isms.yaml, reports every control of
    /// the framework that is neither applied — mapped by an organisation control
    /// (`maps_to`) or declared applicable under `inclusions` — nor excluded with a reason in
    /// the framework's `soa` document. A row included by a reason with no control behind it
    /// is decided: `soa/included-without-control` reports it instead.
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 6.1.3 d) requires the Statement of Applicability to cover every Annex A
    /// control: applied, or excluded with a justification. A silent gap is a nonconformity.
    ///
    /// ## Example
    /// ```yaml
    /// kind: soa
    /// framework: iso27001-2022
    /// exclusions: {}        # and no control maps to 8.28
    /// ```
    /// Use instead, when the organisation writes no code at all (its systems are packages and
    /// cloud services), an exclusion that says so; a control that the organisation needs is
    /// never excluded because someone else also has a part in it (a landlord, a vendor):
    /// ```yaml
    /// exclusions:
    ///   "8.28": 自社でプログラムを開発・改修せず、ソースコードを持たない（業務システムはパッケージ製品とクラウドサービス）
    /// ```
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// isms.yaml の `frameworks:` に挙げた規格ごとに、その規格の管理策のうち、
    /// 組織の管理策から対応付けられておらず（`maps_to`）、適用宣言書の `inclusions` で適用ともされず、
    /// その規格の適用宣言書（`soa` の文書）で理由を付けて除外されてもいないものを、すべて報告します。
    /// 理由を付けて適用としたが管理策のない行は決定済みで、`soa/included-without-control` が報告します。
    ///
    /// ## なぜ問題か
    /// ISO/IEC 27001 の 6.1.3 d) は、適用宣言書が附属書 A のすべての管理策を扱うことを求めています。
    /// どの管理策も、適用するか、正当な理由を付けて除外するかのどちらかです。
    /// 何も書かれていない抜けは、不適合になります。
    ///
    /// ## 例
    /// ```yaml
    /// kind: soa
    /// framework: iso27001-2022
    /// exclusions: {}        # 8.28 に対応付けた管理策もない
    /// ```
    /// 代わりに: 自社でまったくコードを書かない（業務システムはパッケージ製品とクラウドサービス）なら、そう書いて除外します。
    /// 組織に必要な管理策を、他者（ビルの管理会社やベンダー）も関わっているという理由で除外することはできません:
    /// ```yaml
    /// exclusions:
    ///   "8.28": 自社でプログラムを開発・改修せず、ソースコードを持たない（業務システムはパッケージ製品とクラウドサービス）
    /// ```
    pub struct SoaMissing {
        code: "soa/missing",
        severity: Error,
        summary: "A framework control is neither applied nor excluded",
        summary_ja: "規格の管理策が適用も除外もされていない",
    }
}

impl SoaMissing {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for fw_name in &cx.config.frameworks {
            let (Some(fw), Some(decisions)) = (
                cx.catalogs.framework(&fw_name.value),
                cx.analysis.soa(&fw_name.value),
            ) else {
                continue; // ref/unknown reports it
            };
            let soa = decisions.document.map(|i| &cx.model.soas[i]);
            let at = soa.map_or(fw_name.span, |s| s.framework.span);
            let name = &fw.framework;
            let meant = Meant::of(cx, fw);
            for row in &decisions.rows {
                // A control in a file that could not be read, or a broken mapping, may map
                // to it.
                if row.decision != Decision::Undecided
                    || row.maybe_mapped_unread
                    || meant.may_be(&row.id)
                {
                    continue;
                }
                let Some(c) = fw.control(&row.id) else {
                    continue;
                };
                let (id, en, ja) = (&c.id, &c.title, &c.title_ja);
                out.push(
                    cx.finding(
                        &Self::META,
                        at,
                        msg!(
                            "{name} {id} ({en}) is neither applied nor excluded",
                            "{name} {id}（{ja}）が適用も除外もされていません"
                        ),
                    )
                    .help(msg!(
                        "map a control to it with `maps_to: [\"{name}:{id}\"]`, or exclude it in the soa: `\"{id}\": <reason>`",
                        "管理策の `maps_to: [\"{name}:{id}\"]` で適用するか、適用宣言書の `exclusions` に `\"{id}\": <理由>` を書いてください"
                    ))
                    .about(name.as_str(), id.as_str()),
                );
            }
        }
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a framework control that the SoA excludes while an organisation control maps
    /// to it.
    ///
    /// ## Why is this bad?
    /// The SoA says the control is not needed, the controls say it is implemented: an auditor
    /// cannot tell which is true, and excluding a control that treats a risk is a
    /// nonconformity.
    ///
    /// ## Example
    /// ```yaml
    /// kind: soa
    /// framework: iso27001-2022
    /// exclusions:
    ///   "8.5": 不要
    /// ---
    /// kind: control
    /// id: C-MFA
    /// maps_to: ["iso27001-2022:8.5"]
    /// ```
    /// Use instead: remove the exclusion (the control is applied), or the mapping.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 適用宣言書で除外しているのに、組織の管理策から対応付けられている規格の管理策を報告します。
    ///
    /// ## なぜ問題か
    /// 適用宣言書は「この管理策は不要」と言い、管理策の側は「実施している」と言っています。
    /// 監査人にはどちらが正しいのか判断できません。
    /// また、リスク対応に使っている管理策を除外することは、不適合になります。
    ///
    /// ## 例
    /// ```yaml
    /// kind: soa
    /// framework: iso27001-2022
    /// exclusions:
    ///   "8.5": 不要
    /// ---
    /// kind: control
    /// id: C-MFA
    /// maps_to: ["iso27001-2022:8.5"]
    /// ```
    /// 代わりに: 管理策を適用しているなら除外を削除し、そうでなければ対応付け（`maps_to`）を削除してください。
    pub struct SoaContradiction {
        code: "soa/contradiction",
        severity: Error,
        summary: "A framework control is excluded and also mapped by a control",
        summary_ja: "除外した規格の管理策に管理策が対応付けられている",
    }
}

impl SoaContradiction {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for decisions in &cx.analysis.soas {
            let Some(soa) = decisions.document.map(|i| &cx.model.soas[i]) else {
                continue;
            };
            for row in &decisions.rows {
                let (Decision::Contradictory, Some(x)) = (row.decision, row.exclusion) else {
                    continue;
                };
                let excluded = &soa.exclusions[x].0;
                let x = &excluded.value;
                let names = row
                    .controls
                    .iter()
                    .map(|&c| cx.model.controls[c].id.value.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                let message = match (names.is_empty(), row.reasons.is_empty()) {
                    (false, true) => msg!(
                        "{x} is excluded, but mapped by {names}",
                        "{x} は除外されていますが、{names} が対応付けられています"
                    ),
                    (true, _) => msg!(
                        "{x} is excluded, but also declared applicable under `inclusions`",
                        "{x} は除外されていますが、`inclusions` で適用ともされています"
                    ),
                    (false, false) => msg!(
                        "{x} is excluded, but mapped by {names} and declared applicable under `inclusions`",
                        "{x} は除外されていますが、{names} が対応付けられ、`inclusions` で適用ともされています"
                    ),
                };
                let mut f = cx
                    .finding(&Self::META, excluded.span, message)
                    .help(msg!(
                        "remove the exclusion if the control is applied, or remove the mapping or the inclusion",
                        "適用しているなら除外を削除し、そうでなければ対応付けまたは `inclusions` の記載を削除してください"
                    ))
                    .about(decisions.framework.as_str(), format!("exclusions.{x}"));
                let target = format!("{}:{x}", decisions.framework);
                for &c in &row.controls {
                    let control = &cx.model.controls[c];
                    for m in control.maps_to.iter().filter(|m| m.value == target) {
                        let id = &control.id.value;
                        f = f.related(
                            m.span,
                            msg!("mapped by control {id}", "管理策 {id} の対応付け"),
                        );
                    }
                }
                for &r in &row.reasons {
                    f = f.related(
                        soa.inclusions[r].0.span,
                        msg!("included here", "ここで適用としています"),
                    );
                }
                out.push(f);
            }
        }
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a framework control that the SoA declares applicable under `inclusions`
    /// (a law, a contract, a business reason) while no organisation control maps to it.
    ///
    /// ## Why is this bad?
    /// An applicable control must be implemented, or planned, by something: ISO/IEC 27001
    /// 6.1.3 asks for the necessary controls and whether they are implemented. A row that
    /// is applicable with nothing behind it tells the auditor the SoA promises a control no
    /// one carries out. The SoA is still complete (the row is decided), so this is not
    /// `soa/missing`.
    ///
    /// ## Example
    /// ```yaml
    /// kind: soa
    /// framework: iso27001-2022
    /// inclusions:
    ///   "5.31": 個人情報保護法      # and no control maps to 5.31
    /// ```
    /// Use instead: a control that implements it.
    /// ```yaml
    /// kind: control
    /// id: C-LEGAL-REGISTER
    /// title: 法令・契約上の要求事項の一覧と見直し
    /// maps_to: ["iso27001-2022:5.31"]
    /// status: planned
    /// ```
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 適用宣言書の `inclusions` で（法令・契約・事業上の理由により）適用とした規格の管理策のうち、
    /// 組織の管理策がどれも対応付けられていないものを報告します。
    ///
    /// ## なぜ問題か
    /// 適用する管理策は、何かによって実施（または計画）されていなければなりません。
    /// ISO/IEC 27001 の 6.1.3 は、必要な管理策とその実施状況を求めています。
    /// 適用としながら実施する管理策がない行は、誰も実施しない管理策を約束していることになります。
    /// 行自体は決定済みなので、`soa/missing` ではありません。
    ///
    /// ## 例
    /// ```yaml
    /// kind: soa
    /// framework: iso27001-2022
    /// inclusions:
    ///   "5.31": 個人情報保護法      # 5.31 に対応付けた管理策がない
    /// ```
    /// 代わりに: 実施する管理策を用意してください。
    /// ```yaml
    /// kind: control
    /// id: C-LEGAL-REGISTER
    /// title: 法令・契約上の要求事項の一覧と見直し
    /// maps_to: ["iso27001-2022:5.31"]
    /// status: planned
    /// ```
    pub struct SoaIncludedWithoutControl {
        code: "soa/included-without-control",
        severity: Warning,
        summary: "A control is applicable by a declared reason, but no control implements it",
        summary_ja: "理由を付けて適用とした管理策を実施する管理策がない",
    }
}

impl SoaIncludedWithoutControl {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for decisions in &cx.analysis.soas {
            let Some(soa) = decisions.document.map(|i| &cx.model.soas[i]) else {
                continue;
            };
            let name = &decisions.framework;
            let Some(fw) = cx.catalogs.framework(name) else {
                continue;
            };
            let meant = Meant::of(cx, fw);
            for row in &decisions.rows {
                let (Decision::IncludedWithoutControl, Some(&first)) =
                    (row.decision, row.reasons.first())
                else {
                    continue;
                };
                let id = &row.id;
                // A control in a file that could not be read, or a broken mapping, may map to
                // it (as for soa/missing).
                if cx.model.maybe_referenced(&format!("{name}:{id}")) || meant.may_be(id) {
                    continue;
                }
                out.push(
                    cx.finding(
                        &Self::META,
                        soa.inclusions[first].0.span,
                        msg!(
                            "{name} {id} is applicable, but no control implements it",
                            "{name} {id} は適用としていますが、実施する管理策がありません"
                        ),
                    )
                    .help(msg!(
                        "add a control with `maps_to: [\"{name}:{id}\"]` (its `status` may be `planned`), or remove the inclusion if it does not apply",
                        "`maps_to: [\"{name}:{id}\"]` の管理策を追加してください（`status: planned` でも構いません）。適用しないなら `inclusions` から削除してください"
                    ))
                    .about(name.as_str(), format!("inclusions.{id}")),
                );
            }
        }
    }
}

declare_rule! {
    /// ## What it does
    /// Reports an applicable control of a framework's Statement of Applicability that has no
    /// justification for its inclusion: no risk is treated through the organisation controls
    /// mapped to it (`treatment.controls` of a risk naming one of them), and the `soa`
    /// document declares no reason for it under `inclusions` (a law, a contract, a business
    /// need). Judged for each framework of `frameworks:` that has its `soa` document.
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 6.1.3 d) asks the SoA for the justification of every included control.
    /// A control mapped "because the catalog has it" is no justification: an auditor asks
    /// which risk it treats, or which requirement makes it necessary.
    ///
    /// ## Example
    /// ```yaml
    /// kind: control
    /// id: C-CLOCK
    /// maps_to: ["iso27001-2022:8.17"]   # and no risk's treatment names C-CLOCK
    /// ```
    /// Use instead: name the control in the treatment of the risk it treats, or give the
    /// reason in the SoA:
    /// ```yaml
    /// inclusions:
    ///   "8.17": ログの証拠能力を保つため、取引先との契約で時刻同期を求められている
    /// ```
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 適用宣言書で適用となる管理策のうち、適用する理由がないものを報告します。
    /// 対応付けた組織の管理策を通して対応するリスクがなく（どのリスクの `treatment.controls` にもない）、
    /// 適用宣言書の `inclusions` にも理由（法令・契約・事業上の必要）がないものです。
    /// `frameworks:` の規格のうち、その適用宣言書（`soa` の文書）があるものを判定します。
    ///
    /// ## なぜ問題か
    /// ISO/IEC 27001 の 6.1.3 d) は、適用宣言書に、適用するすべての管理策について適用の理由を求めています。
    /// 「規格にあるから」対応付けた管理策では理由になりません。
    /// 監査人は、どのリスクに対応するのか、どの要求事項が必要としているのかを尋ねます。
    ///
    /// ## 例
    /// ```yaml
    /// kind: control
    /// id: C-CLOCK
    /// maps_to: ["iso27001-2022:8.17"]   # どのリスクの対応にも C-CLOCK がない
    /// ```
    /// 代わりに: 対応するリスクの `treatment.controls` にその管理策を挙げるか、適用宣言書に理由を書きます:
    /// ```yaml
    /// inclusions:
    ///   "8.17": ログの証拠能力を保つため、取引先との契約で時刻同期を求められている
    /// ```
    pub struct SoaUnjustified {
        code: "soa/unjustified",
        severity: Warning,
        summary: "An applicable control has no justification for its inclusion",
        summary_ja: "適用とした管理策に適用の理由がない",
    }
}

impl SoaUnjustified {
    /// Whether the treatment plan is still incomplete: a risk's document broke its schema
    /// (its treatment may be under a misspelt key, its controls of the wrong shape), or a risk
    /// the criteria do not accept has no treatment yet. Justifications come from the plan,
    /// so until it is whole its own finding is the one finding.
    fn plan_incomplete(cx: &Context) -> bool {
        let method = &cx.config.risk;
        cx.model
            .risks
            .iter()
            .zip(&cx.analysis.assessments)
            .any(|(r, a)| {
                !r.schema_valid
                    || r.treatment
                        .as_ref()
                        .is_some_and(|t| t.malformed.contains(&"controls"))
                    || (r.treatment.is_none()
                        && a.level
                            .is_some_and(|l| l > method.acceptable || l >= method.high))
            })
    }

    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        if Self::plan_incomplete(cx) {
            return;
        }
        for fw_name in &cx.config.frameworks {
            let Some(decisions) = cx.analysis.soa(&fw_name.value) else {
                continue; // ref/unknown reports it
            };
            if decisions.document.is_none() {
                continue;
            }
            let name = &decisions.framework;
            for row in &decisions.rows {
                if row.decision != Decision::Applied
                    || !row.risks.is_empty()
                    || !row.reasons.is_empty()
                {
                    continue;
                }
                // A risk in a file that could not be read, or one whose treatment misspells the
                // control, may treat it: that file's or that reference's finding comes first.
                let controls: Vec<&crate::model::Control> = row
                    .controls
                    .iter()
                    .map(|&c| &cx.model.controls[c])
                    .collect();
                if controls.iter().any(|c| {
                    cx.model.maybe_referenced(c.id.as_str())
                        || cx
                            .analysis
                            .refs
                            .maybe_held_by(c.id.as_str(), crate::model::Kind::Risk)
                }) {
                    continue;
                }
                let target = format!("{name}:{}", row.id);
                let Some(at) = controls
                    .iter()
                    .flat_map(|c| &c.maps_to)
                    .find(|m| m.value == target)
                else {
                    continue;
                };
                let id = &row.id;
                let list = controls
                    .iter()
                    .map(|c| c.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                out.push(
                    cx.finding(
                        &Self::META,
                        at.span,
                        msg!(
                            "{name} {id} is applicable through {list}, but no risk is treated through it and the SoA gives no reason to include it",
                            "{name} {id} は {list} により適用となっていますが、これで対応するリスクがなく、適用宣言書にも適用の理由がありません"
                        ),
                    )
                    .help(msg!(
                        "name {list} in the treatment of the risk it treats, or give the reason in the soa: `inclusions: {{\"{id}\": <reason>}}`",
                        "対応するリスクの `treatment.controls` に {list} を挙げるか、適用宣言書の `inclusions` に `\"{id}\": <理由>` を書いてください"
                    ))
                    .about(name.as_str(), format!("inclusions.{id}")),
                );
            }
        }
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a `soa` document without `version`, `approved_by` or `approved_on`.
    ///
    /// ## Why is this bad?
    /// The Statement of Applicability is a controlled document (ISO/IEC 27001 7.5.2, 7.5.3):
    /// the auditor reads it first and checks which version top management approved, and
    /// when. An SoA with no version and no approval is a draft.
    ///
    /// ## Example
    /// ```yaml
    /// kind: soa
    /// framework: iso27001-2022
    /// exclusions: {}
    /// ```
    /// Use instead:
    /// ```yaml
    /// kind: soa
    /// framework: iso27001-2022
    /// version: "1.0"
    /// approved_by: ROLE-CEO
    /// approved_on: 2026-10-01
    /// ```
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// `version`（版）、`approved_by`（承認者）、`approved_on`（承認日）のいずれかがない適用宣言書（`soa` の文書）を報告します。
    ///
    /// ## なぜ問題か
    /// 適用宣言書は管理すべき文書です（ISO/IEC 27001 7.5.2・7.5.3）。
    /// 監査人は最初に適用宣言書を読み、どの版をトップマネジメントがいつ承認したかを確かめます。
    /// 版も承認もない適用宣言書は下書きにすぎません。
    ///
    /// ## 例
    /// ```yaml
    /// kind: soa
    /// framework: iso27001-2022
    /// exclusions: {}
    /// ```
    /// 代わりに:
    /// ```yaml
    /// kind: soa
    /// framework: iso27001-2022
    /// version: "1.0"
    /// approved_by: ROLE-CEO
    /// approved_on: 2026-10-01
    /// ```
    pub struct SoaUnapproved {
        code: "soa/unapproved",
        severity: Warning,
        summary: "The SoA has no version, approver or approval date",
        summary_ja: "適用宣言書に版・承認者・承認日がない",
    }
}

impl SoaUnapproved {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for soa in &cx.model.soas {
            // A SoA of an unknown framework is ref/unknown's finding.
            if cx.catalogs.framework(soa.framework.as_str()).is_none() {
                continue;
            }
            let missing: Vec<&str> = [
                ("version", soa.version.is_none()),
                ("approved_by", soa.approved_by.is_none()),
                ("approved_on", soa.approved_on.is_none()),
            ]
            .into_iter()
            .filter(|&(key, absent)| absent && !soa.malformed.contains(&key))
            .map(|(key, _)| key)
            .collect();
            if missing.is_empty() {
                continue;
            }
            let name = soa.framework.as_str();
            let list = missing
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ");
            out.push(
                cx.finding(
                    &Self::META,
                    soa.framework.span,
                    msg!(
                        "the SoA of {name} has no {list}",
                        "{name} の適用宣言書に {list} がありません"
                    ),
                )
                .help(msg!(
                    "a controlled document: `version: \"1.0\"`, `approved_by: <role id>` (top management) and `approved_on: YYYY-MM-DD`",
                    "管理する文書として `version: \"1.0\"`、`approved_by: <役割 ID>`（トップマネジメント）、`approved_on: YYYY-MM-DD` を書いてください"
                ))
                .about(name, "approved_on"),
            );
        }
    }
}
