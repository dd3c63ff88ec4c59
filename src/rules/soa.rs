//! The Statement of Applicability: every control of each framework decided, none twice.

use super::{Context, declare_rule};
use crate::finding::Finding;
use crate::tr;
use std::collections::HashMap;

declare_rule! {
    /// ## What it does
    /// For each framework listed under `frameworks:` in isms.yaml, reports every control of
    /// the framework that is neither mapped by an organisation control (`maps_to`) nor
    /// excluded with a reason in the framework's `soa` document.
    ///
    /// ## Why is this bad?
    /// ISO/IEC 27001 6.1.3 d) requires the Statement of Applicability to cover every Annex A
    /// control: applied, or excluded with a justification. A silent gap is a nonconformity.
    ///
    /// ## Example
    /// ```yaml
    /// kind: soa
    /// framework: iso27001-2022
    /// exclusions: {}        # and no control maps to 7.5
    /// ```
    /// Use instead:
    /// ```yaml
    /// exclusions:
    ///   "7.5": 建物はビル管理会社が管理し、物理的脅威からの保護は賃貸契約で担保している
    /// ```
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// isms.yaml の `frameworks:` に挙げた規格ごとに、その規格の管理策のうち、
    /// 組織の管理策から対応付けられておらず（`maps_to`）、
    /// その規格の適用宣言書（`soa` の文書）で理由を付けて除外されてもいないものを、すべて報告します。
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
    /// exclusions: {}        # 7.5 に対応付けた管理策もない
    /// ```
    /// 代わりに:
    /// ```yaml
    /// exclusions:
    ///   "7.5": 建物はビル管理会社が管理し、物理的脅威からの保護は賃貸契約で担保している
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
        let lang = cx.lang;
        for fw_name in &cx.config.frameworks {
            let Some(fw) = cx.catalogs.framework(&fw_name.value) else {
                continue; // ref/unknown reports it
            };
            let prefix = format!("{}:", fw.framework);
            let mapped: std::collections::HashSet<&str> = cx
                .model
                .controls
                .iter()
                .flat_map(|c| c.maps_to.iter())
                .filter_map(|m| m.value.strip_prefix(&prefix))
                .collect();
            let soa = cx.model.soa_for(&fw.framework);
            let excluded: std::collections::HashSet<&str> = soa
                .map(|s| s.exclusions.iter().map(|(id, _)| id.as_str()).collect())
                .unwrap_or_default();
            let at = soa.map_or(fw_name.span, |s| s.framework.span);
            for c in &fw.controls {
                if mapped.contains(c.id.as_str()) || excluded.contains(c.id.as_str()) {
                    continue;
                }
                let (id, title, name) = (&c.id, c.title_in(lang), &fw.framework);
                out.push(
                    cx.finding(
                        &Self::META,
                        at,
                        tr!(
                            lang,
                            "{name} {id} ({title}) is neither applied nor excluded",
                            "{name} {id}（{title}）が適用も除外もされていません"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "map a control to it with `maps_to: [\"{name}:{id}\"]`, or exclude it in the soa: `\"{id}\": <reason>`",
                        "管理策の `maps_to: [\"{name}:{id}\"]` で適用するか、適用宣言書の exclusions に `\"{id}\": <理由>` を書いてください"
                    )),
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
        let lang = cx.lang;
        for soa in &cx.model.soas {
            let prefix = format!("{}:", soa.framework.value);
            let mut mappers: HashMap<&str, Vec<(&str, crate::source::Span)>> = HashMap::new();
            for c in &cx.model.controls {
                for m in &c.maps_to {
                    if let Some(id) = m.value.strip_prefix(&prefix) {
                        mappers.entry(id).or_default().push((c.id.as_str(), m.span));
                    }
                }
            }
            for (id, _) in &soa.exclusions {
                let Some(by) = mappers.get(id.as_str()) else {
                    continue;
                };
                let names = by.iter().map(|(c, _)| *c).collect::<Vec<_>>().join(", ");
                let x = &id.value;
                let mut f = cx
                    .finding(
                        &Self::META,
                        id.span,
                        tr!(
                            lang,
                            "{x} is excluded, but mapped by {names}",
                            "{x} は除外されていますが、{names} が対応付けられています"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "remove the exclusion if the control is applied, or remove the mapping",
                        "適用しているなら除外を削除し、そうでなければ対応付けを削除してください"
                    ));
                for (c, span) in by {
                    f = f.related(
                        *span,
                        tr!(lang, "mapped by control {c}", "管理策 {c} の対応付け"),
                    );
                }
                out.push(f);
            }
        }
    }
}
