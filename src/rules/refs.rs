//! References: every id a document names exists, and is of the kind the field expects.

use super::{Context, declare_rule};
use crate::fields::Text;
use crate::finding::Finding;
use crate::model::Kind;
use crate::source::Span;
use crate::suggest::{self, did_you_mean};
use crate::tr;

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

/// One reference: where it is written, what it must name, and who holds it.
struct Ref<'a> {
    target: &'a Text,
    kind: Kind,
    holder: &'a Text,
    holder_kind: Kind,
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let m = cx.model;
    let mut refs: Vec<Ref> = Vec::new();
    macro_rules! push {
        ($holder:expr, $hk:expr, $kind:expr, $targets:expr) => {
            for target in ($targets).iter() {
                refs.push(Ref {
                    target,
                    kind: $kind,
                    holder: $holder,
                    holder_kind: $hk,
                });
            }
        };
    }
    for a in &m.assets {
        push!(&a.id, Kind::Asset, Kind::Role, &a.owner);
    }
    for v in &m.vulnerabilities {
        push!(&v.id, Kind::Vulnerability, Kind::Threat, &v.threats);
    }
    for r in &m.risks {
        let h = &r.id;
        push!(h, Kind::Risk, Kind::Asset, &r.assets);
        push!(h, Kind::Risk, Kind::Threat, &r.threat);
        push!(h, Kind::Risk, Kind::Vulnerability, &r.vulnerabilities);
        push!(h, Kind::Risk, Kind::Role, &r.owner);
        if let Some(t) = &r.treatment {
            push!(h, Kind::Risk, Kind::Control, &t.controls);
            push!(h, Kind::Risk, Kind::Role, &t.accepted_by);
        }
    }
    for c in &m.controls {
        push!(&c.id, Kind::Control, Kind::Threat, &c.threats);
        push!(&c.id, Kind::Control, Kind::Role, &c.owner);
    }
    for p in &m.procedures {
        push!(&p.id, Kind::Procedure, Kind::Control, &p.implements);
        push!(&p.id, Kind::Procedure, Kind::Role, &p.owner);
    }
    for s in &m.soas {
        push!(&s.framework, Kind::Soa, Kind::Role, &s.approved_by);
    }
    for r in refs {
        check_ref(cx, &r, out);
    }
    check_framework_refs(cx, out);
}

fn check_ref(cx: &Context, r: &Ref, out: &mut Vec<Finding>) {
    let lang = cx.lang;
    let id = r.target.as_str();
    let want = r.kind.name(lang);
    let holder = r.holder.as_str();
    let holder_kind = r.holder_kind.name(lang);
    let named_by = tr!(
        lang,
        "named by {holder_kind} {holder}",
        "{holder_kind} {holder} からの参照"
    );
    match cx.model.lookup(id) {
        Some(found) if found.kind == r.kind => {}
        Some(found) => {
            let got = found.kind.name(lang);
            let suggestion = did_you_mean(id, cx.model.ids_of(r.kind));
            out.push(
                cx.finding(
                    &RefWrongKind::META,
                    r.target.span,
                    tr!(
                        lang,
                        "`{id}` is of kind {got}, but this field needs a {want}",
                        "`{id}` は{got}です（ここには{want}が必要です）"
                    ),
                )
                .help_opt(suggestion.map(|s| {
                    tr!(
                        lang,
                        "did you mean {want} `{s}`?",
                        "{want} `{s}` の誤りではありませんか？"
                    )
                }))
                .related(
                    cx.model.span_of(found),
                    tr!(lang, "`{id}` is defined here", "`{id}` の定義"),
                ),
            );
        }
        None => {
            let candidates = cx.model.ids_of(r.kind);
            let help = match did_you_mean(id, candidates.iter().copied()) {
                Some(s) => suggest::mean(lang, s),
                None if candidates.is_empty() => tr!(
                    lang,
                    "no {want} is defined yet: add one with `kind: {}` and `id: {id}`",
                    "{want}がまだ定義されていません。`kind: {}`、`id: {id}` の文書を追加してください",
                    r.kind.as_str()
                ),
                None => tr!(
                    lang,
                    "define a {want} with `id: {id}`, or name an existing one",
                    "`id: {id}` の{want}を定義するか、既存の ID を指定してください"
                ),
            };
            out.push(
                cx.finding(
                    &RefUnknown::META,
                    r.target.span,
                    tr!(
                        lang,
                        "no {want} has the id `{id}`",
                        "ID `{id}` の{want}はありません"
                    ),
                )
                .help(help)
                .related(r.holder.span, named_by),
            );
        }
    }
}

/// `FRAMEWORK:ID` in `maps_to`, SoA frameworks and their exclusion/inclusion ids, and the
/// frameworks of isms.yaml, against the built-in catalogs.
fn check_framework_refs(cx: &Context, out: &mut Vec<Finding>) {
    let lang = cx.lang;
    let names = cx.catalogs.names();
    let unknown_framework = |span: Span, name: &str| {
        let help = suggest::help(lang, name, names.iter().copied(), || {
            tr!(
                lang,
                "built-in frameworks: {}",
                "組み込みのフレームワーク: {}",
                names.join(", ")
            )
        });
        cx.finding(
            &RefUnknown::META,
            span,
            tr!(
                lang,
                "unknown framework `{name}`",
                "未知のフレームワーク `{name}` です"
            ),
        )
        .help(help)
    };
    let unknown_control = |span: Span, fw: &crate::catalog::Framework, id: &str| {
        let name = &fw.framework;
        let help = suggest::help(lang, id, fw.controls.iter().map(|c| c.id.as_str()), || {
            tr!(
                lang,
                "`isms catalog show {name}` lists its controls",
                "`isms catalog show {name}` で管理策の一覧を確認できます"
            )
        });
        cx.finding(
            &RefUnknown::META,
            span,
            tr!(
                lang,
                "{name} has no control `{id}`",
                "{name} に管理策 `{id}` はありません"
            ),
        )
        .help(help)
    };
    for fw in &cx.config.frameworks {
        if cx.catalogs.framework(&fw.value).is_none() {
            out.push(unknown_framework(fw.span, &fw.value));
        }
    }
    for c in &cx.model.controls {
        for m in &c.maps_to {
            let Some((name, id)) = m.value.split_once(':') else {
                continue; // the schema pattern reported it
            };
            match cx.catalogs.framework(name) {
                None => out.push(unknown_framework(m.span, name)),
                Some(fw) if fw.control(id).is_none() => {
                    out.push(unknown_control(m.span, fw, id).related(
                        c.id.span,
                        tr!(
                            lang,
                            "mapped by control {}",
                            "管理策 {} の対応付け",
                            c.id.value
                        ),
                    ))
                }
                Some(_) => {}
            }
        }
    }
    for s in &cx.model.soas {
        let Some(fw) = cx.catalogs.framework(&s.framework.value) else {
            out.push(unknown_framework(s.framework.span, &s.framework.value));
            continue;
        };
        for (id, _) in s.exclusions.iter().chain(&s.inclusions) {
            if fw.control(&id.value).is_none() {
                out.push(unknown_control(id.span, fw, &id.value));
            }
        }
    }
}
