//! Lv.3 comprehensive approach: one starter control for each of the 93 controls of
//! ISO/IEC 27001:2022 Annex A (status `planned`), generated from the catalog, and the
//! Statement of Applicability to fill in.

use super::Level;
use super::common::t;
use super::emit::{Doc, File};
use crate::i18n::Lang;

pub const FRAMEWORK: &str = "iso27001-2022";

/// Who starts as the owner of a placeholder control.
fn owner(group: &str, id: &str) -> &'static str {
    match (group, id) {
        (_, "6.3") => "ROLE-EDU",
        ("physical", _) => "ROLE-DEPT",
        ("technological", _) => "ROLE-SYSADMIN",
        _ => "ROLE-CISO",
    }
}

/// `controls/iso27001-2022/<theme>.yaml`: the placeholders, one file per theme. Written only
/// into a new repository.
pub fn control_files(lang: Lang) -> Vec<File> {
    let fw = crate::catalog::catalogs()
        .framework(FRAMEWORK)
        .expect("the built-in Annex A catalog");
    fw.groups
        .iter()
        .map(|g| {
            let docs = fw
                .controls
                .iter()
                .filter(|c| c.group == g.id)
                .map(|c| {
                    let mut d = Doc::new("control", &format!("C-{}", c.id));
                    d.str("title", c.title_in(lang))
                        .str("category", &c.group)
                        .raw(match lang {
                            Lang::En => "status: planned   # implemented or partial once in place: it then needs a procedure",
                            Lang::Ja => "status: planned   # 実施したら implemented または partial（実施手順が必要になる）",
                        })
                        .str("owner", owner(&c.group, &c.id))
                        .flow("maps_to", &[&format!("{FRAMEWORK}:{}", c.id)]);
                    let summary = match lang {
                        Lang::En => c.description.as_deref(),
                        Lang::Ja => c.description_ja.as_deref(),
                    };
                    if let Some(s) = summary {
                        d.str("description", s);
                    }
                    d
                })
                .collect();
            let header = match lang {
                Lang::En => format!(
                    "Lv.3 comprehensive approach: one security standard for each of the {1} {0} of ISO/IEC 27001:2022 Annex A.\n\
                     Each control starts as a placeholder (status: planned) mapped to one Annex A control; the description\n\
                     is this project's one-line summary, not the standard's text. Fill in: the title and description as your\n\
                     company's rule, owner and status (a procedure once implemented). One control may map several Annex A\n\
                     controls: merge placeholders into your own controls. A control that does not apply: delete it and\n\
                     exclude it with the reason in soa.yaml.",
                    g.title.to_lowercase(),
                    fw.controls.iter().filter(|c| c.group == g.id).count()
                ),
                Lang::Ja => format!(
                    "Lv.3 網羅的アプローチ: ISO/IEC 27001:2022 附属書 A の{}（{} 管理策）ごとの対策基準。\n\
                     各管理策は附属書 A の 1 つの管理策に対応付けた仮のもの（status: planned）で、description は\n\
                     このプロジェクトによる 1 行の要約（規格の本文ではない）。記入すること: 自社のルールとしての title と\n\
                     description、owner、status（実施したら実施手順が必要）。1 つの管理策が複数の附属書 A の管理策に対応して\n\
                     よいので、仮の管理策は自社の管理策にまとめていく。適用しない管理策は削除し、soa.yaml の exclusions に理由を書く。",
                    g.title_ja,
                    fw.controls.iter().filter(|c| c.group == g.id).count()
                ),
            };
            let mut f = File::docs(format!("controls/{FRAMEWORK}/{}.yaml", g.id), header, docs);
            f.fresh_only = true;
            f
        })
        .collect()
}

/// `soa.yaml`: the Statement of Applicability's own decisions.
pub fn soa_file(lang: Lang) -> File {
    let mut d = Doc::soa(FRAMEWORK);
    d.str("version", "0.1")
        .str("approved_by", "ROLE-CEO")
        .comment(t(
            ("approved_on: YYYY-MM-DD   # the date the chief executive approves this version", "approved_on: YYYY-MM-DD   # 経営者がこの版を承認した日"),
            lang,
        ))
        .str(
            "description",
            t(
                (
                    "First draft, started with isms init --level comprehensive.",
                    "初版の下書き（isms init --level comprehensive で作成）。",
                ),
                lang,
            ),
        )
        .comment(t(
            (
                "Annex A controls that do not apply, each with the reason, e.g.\n  \"8.4\": We develop no software and hold no source code.",
                "適用しない附属書 A の管理策と、その理由。例:\n  \"8.4\": 自社でソフトウェアを開発せず、ソースコードを保有しない",
            ),
            lang,
        ))
        .raw("exclusions: {}")
        .comment(t(
            (
                "Reasons to apply a control beyond risk treatment: law, contract, business, e.g.\n  \"5.34\": Act on the Protection of Personal Information",
                "リスク対応以外の採用理由（法令・契約・事業上の要求）。例:\n  \"5.34\": 個人情報保護法",
            ),
            lang,
        ))
        .raw("inclusions: {}");
    let header = t(
        (
            "Statement of Applicability (SoA) for ISO/IEC 27001:2022 Annex A. Which controls apply, and their status,\n\
             follows from the controls' maps_to; this file holds what only the SoA says: exclusions with their reasons,\n\
             reasons for inclusion beyond risk treatment, and the version, approver and date of approval.\n\
             Fill in: exclusions, inclusions, version, approved_on. `isms check` reports every Annex A control that is\n\
             neither mapped by a control nor excluded (soa/missing).",
            "ISO/IEC 27001:2022 附属書 A の適用宣言書（SoA）。どの管理策を適用し、どこまで実施したかは各管理策の\n\
             maps_to と status から導かれる。このファイルには適用宣言書だけが持つ情報を書く: 適用除外とその理由、\n\
             リスク対応以外の採用理由、版・承認者・承認日。\n\
             記入すること: exclusions、inclusions、version、approved_on。管理策にも対応付けられず除外もされていない\n\
             附属書 A の管理策は、`isms check` が soa/missing として示す。",
        ),
        lang,
    );
    File::docs("soa.yaml", header, vec![d])
}

/// The files of Lv.3.
pub fn files(lang: Lang) -> Vec<File> {
    let mut out = super::common::role_files(Level::Comprehensive, lang);
    out.extend(control_files(lang));
    out.push(soa_file(lang));
    out
}
