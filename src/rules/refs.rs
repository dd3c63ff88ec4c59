//! References: every id a document names exists, and is of the kind the field expects.

use super::{Context, declare_rule};
use crate::analysis::{Reference, Resolved};
use crate::finding::{Finding, Message};
use crate::i18n::Lang;
use crate::model::EntityRef;
use crate::source::Span;
use crate::suggest;
use crate::{msg, tr};

declare_rule! {
    /// ## What it does
    /// Reports a reference to an id that no entity defines — a risk's asset, threat, owner or
    /// treatment control, a procedure's control — and a framework control that the built-in
    /// catalog does not have (`iso27001-2022:5.40`, an SoA exclusion of `9.1`). It suggests the
    /// closest existing id.
    ///
    /// ## Why is this bad?
    /// A broken reference is a broken chain of evidence: the risk looks treated, but the
    /// control that treats it does not exist.
    ///
    /// ## Example
    /// ```yaml
    /// kind: risk
    /// id: R-001
    /// treatment:
    ///   option: reduce
    ///   controls: [C-BACKUPS]
    /// ```
    /// Use instead: `controls: [C-BACKUP]`, the id the control actually has.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// どのエンティティにも定義されていない ID への参照を報告します。
    /// 対象は、リスクの資産・脅威・リスク所有者・リスク対応の管理策、
    /// 実施手順が実施する管理策などです。
    /// また、組み込みのカタログにない規格の管理策
    /// （`iso27001-2022:5.40` や、適用宣言書で除外した `9.1` など）も報告します。
    /// いちばん近い既存の ID を候補として示します。
    ///
    /// ## なぜ問題か
    /// 参照が切れていると、証跡のつながりも切れてしまいます。
    /// リスクは対応済みに見えても、そのリスクに対応するはずの管理策が存在しません。
    ///
    /// ## 例
    /// ```yaml
    /// kind: risk
    /// id: R-001
    /// treatment:
    ///   option: reduce
    ///   controls: [C-BACKUPS]
    /// ```
    /// 代わりに: 管理策に実際に付いている ID を使い、`controls: [C-BACKUP]` と書いてください。
    pub struct RefUnknown {
        code: "ref/unknown",
        severity: Error,
        summary: "A reference names no entity",
        summary_ja: "参照先のエンティティが存在しない",
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a reference to an entity of the wrong kind: a risk whose `owner` is an asset,
    /// a treatment whose `controls` lists a procedure.
    ///
    /// ## Why is this bad?
    /// The id exists, so the mistake is easy to miss, but the chain means nothing: a procedure
    /// cannot be a control, an asset cannot own a risk.
    ///
    /// ## Example
    /// ```yaml
    /// kind: risk
    /// id: R-001
    /// owner: A-003        # an asset
    /// ```
    /// Use instead: `owner: ROLE-SALES`, a role.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 種類の違うエンティティを指している参照を報告します。
    /// たとえば、リスクの `owner`（リスク所有者）に資産を指定している場合や、
    /// リスク対応の `controls` に実施手順を挙げている場合です。
    ///
    /// ## なぜ問題か
    /// ID 自体は存在するので見落としやすいのですが、つながりとしては意味をなしません。
    /// 実施手順は管理策の代わりにはならず、資産がリスクの所有者になることもできません。
    ///
    /// ## 例
    /// ```yaml
    /// kind: risk
    /// id: R-001
    /// owner: A-003        # 資産の ID
    /// ```
    /// 代わりに: `owner: ROLE-SALES` のように、役割の ID を指定してください。
    pub struct RefWrongKind {
        code: "ref/wrong-kind",
        severity: Error,
        summary: "A reference names an entity of another kind",
        summary_ja: "参照先のエンティティの種類が違う",
    }
}

impl RefUnknown {
    /// References that name no entity (ids defined in unreadable documents excepted), and
    /// framework names and controls that no built-in catalog has.
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for r in &cx.analysis.refs.all {
            if r.resolved == Resolved::Unknown {
                out.push(unknown(cx, r));
            }
        }
        check_framework_refs(cx, out);
    }
}

impl RefWrongKind {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        for r in &cx.analysis.refs.all {
            if let Resolved::WrongKind(found) = r.resolved {
                out.push(wrong_kind(cx, r, found));
            }
        }
    }
}

/// The id of the entity holding a reference, for messages and identities.
fn holder(cx: &Context, r: &Reference) -> (&'static str, &'static str, String) {
    let id = cx.model.id_of(r.holder).to_owned();
    (
        r.holder.kind.name(Lang::En),
        r.holder.kind.name(Lang::Ja),
        id,
    )
}

fn wrong_kind(cx: &Context, r: &Reference, found: EntityRef) -> Finding {
    let id = r.target.as_str();
    let suggestion = r.suggestion.as_deref();
    let (_, _, holder_id) = holder(cx, r);
    cx.finding(
        &RefWrongKind::META,
        r.target.span,
        Message::from_fn(|lang| {
            let (got, want) = (found.kind.name(lang), r.want.name(lang));
            let a = if want.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            tr!(
                lang,
                "`{id}` is of kind {got}, but this field needs {a} {want}",
                "`{id}` は{got}です（ここには{want}が必要です）"
            )
        }),
    )
    .help_opt(suggestion.map(|s| {
        Message::from_fn(|lang| {
            let want = r.want.name(lang);
            tr!(
                lang,
                "did you mean {want} `{s}`?",
                "{want} `{s}` の誤りではありませんか？"
            )
        })
    }))
    .related(
        cx.model.span_of(found),
        msg!("`{id}` is defined here", "`{id}` の定義"),
    )
    .about(holder_id, format!("{}={id}", r.field))
}

fn unknown(cx: &Context, r: &Reference) -> Finding {
    let id = r.target.as_str();
    let kind = r.want.as_str();
    let help = match r.suggestion.as_deref() {
        Some(s) => suggest::mean(s),
        None if !cx.model.has_ids(r.want) => Message::from_fn(|lang| {
            let want = r.want.name(lang);
            tr!(
                lang,
                "no {want} is defined yet: add one with `kind: {kind}` and `id: {id}`",
                "{want}がまだ定義されていません。`kind: {kind}`、`id: {id}` の文書を追加してください"
            )
        }),
        None => Message::from_fn(|lang| {
            let want = r.want.name(lang);
            tr!(
                lang,
                "define a {want} with `id: {id}`, or name an existing one",
                "`id: {id}` の{want}を定義するか、既存の ID を指定してください"
            )
        }),
    };
    let (holder_en, holder_ja, holder_id) = holder(cx, r);
    cx.finding(
        &RefUnknown::META,
        r.target.span,
        Message::from_fn(|lang| {
            let want = r.want.name(lang);
            tr!(
                lang,
                "no {want} has the id `{id}`",
                "ID `{id}` の{want}はありません"
            )
        }),
    )
    .help(help)
    .related(
        cx.model.span_of(r.holder),
        Message::new(
            format!("named by {holder_en} {holder_id}"),
            format!("{holder_ja} {holder_id} からの参照"),
        ),
    )
    .about(holder_id, format!("{}={id}", r.field))
}

/// `FRAMEWORK:ID` in `maps_to`, SoA frameworks and their exclusion/inclusion ids, and the
/// frameworks of isms.yaml, against the built-in catalogs.
fn check_framework_refs(cx: &Context, out: &mut Vec<Finding>) {
    let names = cx.catalogs.names();
    let unknown_framework = |span: Span, name: &str| {
        let help = suggest::help(name, names.iter().copied(), || {
            msg!(
                "built-in frameworks: {}",
                "組み込みのフレームワーク: {}",
                names.join(", ")
            )
        });
        cx.finding(
            &RefUnknown::META,
            span,
            msg!(
                "unknown framework `{name}`",
                "未知のフレームワーク `{name}` です"
            ),
        )
        .help(help)
    };
    let unknown_control = |span: Span, fw: &crate::catalog::Framework, id: &str| {
        let name = &fw.framework;
        let help = suggest::help(id, fw.controls.iter().map(|c| c.id.as_str()), || {
            msg!(
                "`isms catalog show {name}` lists its controls",
                "`isms catalog show {name}` で管理策の一覧を確認できます"
            )
        });
        cx.finding(
            &RefUnknown::META,
            span,
            msg!(
                "{name} has no control `{id}`",
                "{name} に管理策 `{id}` はありません"
            ),
        )
        .help(help)
    };
    for fw in &cx.config.frameworks {
        if cx.catalogs.framework(&fw.value).is_none() && fw.value != crate::catalog::CLAUSES {
            out.push(
                unknown_framework(fw.span, &fw.value)
                    .about("isms.yaml", format!("frameworks={}", fw.value)),
            );
        }
    }
    for c in &cx.model.controls {
        for m in &c.maps_to {
            let Some((name, id)) = m.value.split_once(':') else {
                continue; // the schema pattern reported it
            };
            let about = |f: Finding| f.about(c.id.as_str(), format!("maps_to={}", m.value));
            match cx.catalogs.framework(name) {
                None => out.push(about(unknown_framework(m.span, name))),
                Some(fw) if fw.control(id).is_none() => {
                    out.push(about(unknown_control(m.span, fw, id).related(
                        c.id.span,
                        msg!("mapped by control {}", "管理策 {} の対応付け", c.id.value),
                    )))
                }
                Some(_) => {}
            }
        }
    }
    // A document's `satisfies`: clauses of 4–10, or controls of a framework.
    for d in &cx.model.records.documents {
        for s in &d.satisfies {
            let Some((name, id)) = s.value.split_once(':') else {
                continue; // the schema pattern reported it
            };
            let about = |f: Finding| f.about(d.id.as_str(), format!("satisfies={}", s.value));
            if name == crate::catalog::CLAUSES {
                let clauses = &cx.catalogs.clauses;
                if clauses.clause(id).is_none() {
                    let help =
                        suggest::help(id, clauses.clauses.iter().map(|c| c.id.as_str()), || {
                            msg!(
                                "`isms catalog show {name}` lists the clauses",
                                "`isms catalog show {name}` で箇条の一覧を確認できます"
                            )
                        });
                    out.push(about(
                        cx.finding(
                            &RefUnknown::META,
                            s.span,
                            msg!(
                                "{name} has no clause `{id}`",
                                "{name} に箇条 `{id}` はありません"
                            ),
                        )
                        .help(help),
                    ));
                }
                continue;
            }
            match cx.catalogs.framework(name) {
                None => out.push(about(unknown_framework(s.span, name))),
                Some(fw) if fw.control(id).is_none() => {
                    out.push(about(unknown_control(s.span, fw, id)))
                }
                Some(_) => {}
            }
        }
    }
    for s in &cx.model.soas {
        let subject = s.framework.as_str();
        let Some(fw) = cx.catalogs.framework(subject) else {
            out.push(unknown_framework(s.framework.span, subject).about(subject, "framework"));
            continue;
        };
        for (field, list) in [("exclusions", &s.exclusions), ("inclusions", &s.inclusions)] {
            for (id, _) in list {
                if fw.control(&id.value).is_none() {
                    out.push(
                        unknown_control(id.span, fw, &id.value)
                            .about(subject, format!("{field}.{}", id.value)),
                    );
                }
            }
        }
    }
}
