//! HTML: one self-contained page (inline CSS, inline SVG heat maps, no script, no fetch)
//! that prints cleanly to A4 landscape. Built with `maud`'s `html!` templates, checked at
//! compile time: every interpolated value is HTML-escaped (ids in attributes too), and the
//! only markup let through unescaped is the constant style sheet and the [`Markup`] that
//! other `html!` blocks built. The hostile fixture checks it. Ids link to their rows when
//! the page holds them. The `"\n"` literals keep one table row per line, so the goldens
//! stay readable.

use super::{
    CountTable, SOA_COLUMNS, acceptance_text, band_counts, control_line, document_facts,
    level_text, method_lines, severity, soa_counts, soa_facts, soa_status, summary_counts,
    treatment_text,
};
use crate::i18n::Lang;
use crate::model::Status;
use crate::report::findings::FindingsSummary;
use crate::report::labels::{self, L};
use crate::report::overview::Overview;
use crate::report::risks::{HeatMap, MethodSummary, RiskRegister};
use crate::report::soa::{Decision, SoaTable};
use crate::report::status::label as status_label;
use crate::report::trace::{Node, Sources};
use crate::report::{EvidenceRef, Named};
use crate::risk::Band;
use maud::{DOCTYPE, Markup, PreEscaped, Render, html};
use unicode_width::UnicodeWidthStr;

const CSS: &str = r#"
:root { --high: #f4b4ac; --medium: #ffe08a; --low: #c5e6c0; --line: #c9ced6; --ink: #1f2328;
  --muted: #59616b; --head: #e6ecf5; --accent: #2b4a7a; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN",
  "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic", Meiryo, sans-serif; color: var(--ink);
  margin: 1.5rem auto; max-width: 1500px; padding: 0 1.2rem; line-height: 1.5; font-size: 14px; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; padding-bottom: .3rem; border-bottom: 3px solid var(--accent); }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; padding-left: .5rem; border-left: 6px solid var(--accent); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
p.sub { color: var(--muted); margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .28rem .45rem; vertical-align: top; text-align: left;
  white-space: pre-line; overflow-wrap: break-word; }
thead th { background: var(--head); font-weight: 600; overflow-wrap: normal; hyphens: auto; }
tr.group th { background: #f2f4f7; font-weight: 600; }
td.num { text-align: center; white-space: nowrap; }
table.counts { width: auto; }
table.counts tbody th { font-weight: 600; text-align: left; }
table.counts td.total { font-weight: 700; }
td.ids a { margin-right: .3rem; }
table.risks, table.soa, table.controls, table.procedures { font-size: 13px; }
table.risks td.num { text-align: left; white-space: normal; }
table.risks td.num { min-width: 4.5em; }
/* Columns of short words keep a readable width: a Japanese phrase may break anywhere, so
   without a floor a table laid out by content squeezes them to one character. */
td.w4 { min-width: 5em; } td.w6 { min-width: 6.5em; } td.w8 { min-width: 8em; }
td.w10 { min-width: 11em; }
/* Inline ids are one long line at their widest: cap the share a table gives them. */
table.risks td.ids { width: 14%; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .3rem 0 1rem; }
dl.facts dt { font-weight: 600; color: var(--muted); }
dl.facts dd { margin: 0; }
.cards { display: flex; flex-wrap: wrap; gap: .6rem; margin: .5rem 0 1rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .45rem .8rem; min-width: 8.5rem; }
.card .n { font-size: 1.5rem; font-weight: 700; display: block; }
.card .l { color: var(--muted); font-size: .85rem; }
.b-high { background: var(--high); } .b-medium { background: var(--medium); } .b-low { background: var(--low); }
.badge { display: inline-block; max-width: 100%; padding: 0 .4rem; border-radius: 4px; }
.s-implemented { background: #d5f0da; } .s-partial { background: #fff0b3; }
.s-planned, .s-not-implemented, .s-none { background: #fde0dd; }
.d-undecided td, .d-contradictory td { background: #fde7d3; }
.d-excluded td { color: var(--muted); }
.note { border-left: 4px solid #cf222e; background: #fff1f0; padding: .45rem .8rem; margin: .6rem 0; }
.ok { border-left: 4px solid #1a7f37; background: #effaf1; padding: .45rem .8rem; margin: .6rem 0; }
.heatmaps { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
.heatmaps figure { margin: 0; }
.heatmaps figcaption { font-weight: 600; margin-bottom: .3rem; }
ul.l { margin: 0; padding-left: 1.1rem; white-space: normal; }
ol.l { margin: 0; padding-left: 1.3rem; white-space: normal; }
a { color: #0b57d0; text-decoration: none; }
a:hover { text-decoration: underline; }
tr:target td, div:target { background: #fff8c5; }
.threats { display: grid; grid-template-columns: repeat(auto-fill, minmax(30rem, 1fr)); gap: 0 1rem; }
.threat { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; margin: .8rem 0; }
.threat h3 { margin-top: .2rem; }
table.lv1 th { width: 11rem; background: #f2f4f7; }
nav.toc ol { margin: .3rem 0 1rem; }
.muted { color: var(--muted); }
/* A trace row (isms show's tree) opens under its row when the row is the target. */
tr.trace { display: none; }
tr:target + tr.trace, tr.trace:target { display: table-row; }
tr.trace > td { background: #f6f8fb; border-top: 2px solid var(--accent); padding: .4rem .9rem .6rem;
  white-space: normal; }
p.trace-h { margin: 0 0 .2rem; }
ul.trace { margin: .1rem 0 .3rem; padding-left: 1.1rem; white-space: normal; }
ul.trace ul { padding-left: 1.1rem; }
ul.trace .rel { font-weight: 600; color: var(--muted); }
@media print {
  @page { size: A4 landscape; margin: 11mm 9mm 12mm; }
  body { margin: 0; max-width: none; padding: 0; font-size: 8pt; line-height: 1.2; }
  nav.toc { display: none; }
  a { color: inherit; }
  h1 { font-size: 14pt; }
  h2 { font-size: 11.5pt; margin: 0 0 .3rem; }
  h3 { font-size: 9.5pt; margin: .5rem 0 .2rem; }
  table, table.risks, table.soa, table.controls, table.procedures { font-size: 7pt; margin: .2rem 0 .5rem; }
  th, td { padding: .06rem .2rem; }
  /* The SoA's columns by what they hold: most rows have no exclusion, every row has its
     controls and procedures, so those get the width and rows stay two or three lines. */
  table.soa thead th:nth-child(4) { width: 22%; }
  table.soa thead th:nth-child(6), table.soa thead th:nth-child(7) { width: 20%; }
  table.soa thead th:nth-child(8) { width: 11%; }
  ul.l { padding-left: .7rem; } ol.l { padding-left: .9rem; }
  .cards { gap: .3rem; } .card { padding: .2rem .5rem; min-width: 6rem; } .card .n { font-size: 12pt; }
  section.page { break-before: page; }
  h2, h3, figcaption { break-after: avoid; }
  /* A row never splits; a header never stands alone at a page foot: a heading, a header
     row (repeated on each page) and a group row are kept with what follows them
     (.ci/print.sh shows the check catching them when these rules are dropped). */
  tr, .card, .threat, figure { break-inside: avoid; }
  thead { display: table-header-group; break-after: avoid; }
  thead tr { break-after: avoid; }
  tr.group { break-after: avoid; }
  /* Columns, not a grid: a grid row is as tall as its tallest threat, columns pack them. */
  .threats { display: block; column-count: 3; column-gap: .5rem; }
  .threat { margin: 0 0 .3rem; padding: .25rem .5rem; }
  table.lv1 th { width: 5.5rem; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr.trace, tr:target + tr.trace, tr.trace:target { display: none; }
}
"#;

/// Which anchors the page holds, so that ids link only to rows that exist.
#[derive(Default)]
struct Links {
    risks: bool,
    assets: bool,
    controls: bool,
    procedures: bool,
    threats: bool,
    /// Frameworks whose SoA is on the page.
    soas: Vec<String>,
}

impl Links {
    fn all(o: &Overview) -> Links {
        Links {
            risks: true,
            assets: true,
            controls: true,
            procedures: true,
            threats: true,
            soas: o.soas.iter().map(|s| s.framework.clone()).collect(),
        }
    }

    /// `<a href="#risk-R-001">R-001</a>`, or the id alone when the page has no such row.
    fn id(&self, kind: &str, id: &str) -> Markup {
        let on = match kind {
            "risk" => self.risks,
            "asset" => self.assets,
            "control" => self.controls,
            "proc" => self.procedures,
            "threat" => self.threats,
            _ => false,
        };
        html! {
            @if on { a href={ "#" (kind) "-" (id) } { (Id(id)) } } @else { (Id(id)) }
        }
    }

    /// A `FRAMEWORK:ID` mapping, linked to its SoA row when on the page.
    fn mapping(&self, m: &str) -> Markup {
        html! {
            @match m.split_once(':') {
                Some((fw, id)) if self.soas.iter().any(|s| s == fw) => {
                    a href={ "#soa-" (fw) "-" (id) } { (Id(m)) }
                }
                _ => { (Id(m)) }
            }
        }
    }

    fn ids(&self, kind: &str, ids: &[String]) -> Markup {
        join(ids.iter().map(|i| self.id(kind, i)), ", ")
    }

    fn mappings(&self, maps_to: &[String]) -> Markup {
        join(maps_to.iter().map(|m| self.mapping(m)), ", ")
    }

    /// A list of "id title", one per line.
    fn named(&self, kind: &str, list: &[Named]) -> Markup {
        html! {
            @if !list.is_empty() {
                ul class="l" {
                    @for n in list {
                        li {
                            (self.id(kind, &n.id))
                            @if !n.title.is_empty() { " " (n.title) }
                        }
                    }
                }
            }
        }
    }
}

/// The pieces, with `sep` between them.
fn join(items: impl IntoIterator<Item = Markup>, sep: &str) -> Markup {
    html! {
        @for (i, m) in items.into_iter().enumerate() {
            @if i > 0 { (sep) }
            (m)
        }
    }
}

/// The newest evidence under a cell's text, one a line: "証跡：2026-10-15 what（path）",
/// the path or URL breaking at its `/`.
fn evidence(list: &[EvidenceRef], lang: Lang) -> Markup {
    html! {
        @for e in list {
            div {
                @if let Some(d) = &e.date { (d) " " }
                (if e.title.is_empty() { &e.id } else { &e.title })
                @if !e.location.is_empty() {
                    (lang.pick(" (", "（")) (Id(&e.location)) (lang.pick(")", "）"))
                }
            }
        }
    }
}

/// A role as people read it: its title, else its id.
fn role(r: Option<&Named>) -> &str {
    r.map_or("", |r| if r.title.is_empty() { &r.id } else { &r.title })
}

/// An id (or a `file:line:col` location) that may wrap after `-`, `:` and `/` — a
/// `<wbr>` there — so that `C-ASSET-INVENTORY` or `iso27001-2022:8.22` breaks between its
/// parts instead of spilling into the next cell; the rest is escaped.
struct Id<'a>(&'a str);

impl Render for Id<'_> {
    fn render_to(&self, out: &mut String) {
        for c in self.0.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                c => out.push(c),
            }
            if matches!(c, '-' | ':' | '/') {
                out.push_str("<wbr>");
            }
        }
    }
}

/// A row of header cells.
fn head_row<T: Render>(cells: &[T]) -> Markup {
    html! {
        thead { tr { @for c in cells { th { (c) } } } }
        "\n"
    }
}

/// A heading of the level a section is at: the SoA is `h2` on its own page, `h3` in the
/// report.
#[derive(Clone, Copy)]
enum Level {
    Two,
    Three,
}

fn heading(level: Level, text: impl Render) -> Markup {
    html! {
        @match level {
            Level::Two => { h2 { (text) } }
            Level::Three => { h3 { (text) } }
        }
        "\n"
    }
}

/// A whole page around `body`, for the other writers of this folder.
pub(super) fn page_of(lang: Lang, title: &str, control: &str, body: &Markup) -> String {
    page(lang, title, control, body)
}

/// A CSS string literal holding `s`: quotes, backslashes, `<`, `>`, `&` and control
/// characters as CSS escapes, so that no user text can end the string or the style sheet.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        if matches!(c, '"' | '\\' | '<' | '>' | '&') || c.is_control() {
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

/// The printed page's head and foot: the document-control line at the top, "page N of M"
/// at the bottom (CSS page-margin boxes).
fn print_css(control: &str, lang: Lang) -> String {
    let pages = match lang {
        Lang::En => r#""Page " counter(page) " of " counter(pages)"#,
        Lang::Ja => r#"counter(page) " / " counter(pages) " ページ""#,
    };
    format!(
        "@page {{ @top-left {{ content: {}; font-size: 7.5pt; color: #59616b; }}\n  \
         @bottom-right {{ content: {pages}; font-size: 7.5pt; color: #59616b; }} }}\n",
        css_string(control)
    )
}

fn page(lang: Lang, title: &str, control: &str, body: &Markup) -> String {
    html! {
        (DOCTYPE) "\n"
        html lang=(lang.pick("en", "ja")) {
            "\n"
            head {
                "\n" meta charset="utf-8";
                "\n" meta name="viewport" content="width=device-width, initial-scale=1";
                "\n" meta name="generator" content="isms";
                "\n" title { (title) }
                // The style sheet is a constant of this file, not user text.
                "\n" style { (PreEscaped(CSS)) (PreEscaped(print_css(control, lang))) }
                "\n"
            }
            "\n"
            body { "\n" (body) }
            "\n"
        }
        "\n"
    }
    .into_string()
}

fn status_badge(s: Option<Status>, text: &str) -> Markup {
    let class = s.map_or("none", Status::as_str);
    html! {
        @if !text.is_empty() { span class={ "badge s-" (class) } { (text) } }
    }
}

/// A control's status as a badge, in the page's language.
fn status_of(s: Option<Status>, lang: Lang) -> Markup {
    status_badge(s, s.map_or("", |s| labels::status(s, lang)))
}

fn band_class(b: Option<Band>) -> &'static str {
    match b {
        Some(Band::High) => "num b-high",
        Some(Band::Medium) => "num b-medium",
        Some(Band::Low) => "num b-low",
        None => "num",
    }
}

/// A muted note in a cell: " (2×3)" after a level, the due date after a treatment.
fn muted(text: impl Render) -> Markup {
    html! { span class="muted" { (text) } }
}

fn findings(f: &FindingsSummary, lang: Lang, level: Level) -> Markup {
    html! {
        (heading(level, L::Findings.t(lang)))
        @if f.total() == 0 {
            p class="ok" { (L::FindingsNone.t(lang)) } "\n"
        } @else {
            @if f.errors > 0 {
                p class="note" { (L::FindingsWarning.t(lang)) } "\n"
            }
            p {
                (L::Errors.t(lang)) " " (f.errors) " · "
                (L::Warnings.t(lang)) " " (f.warnings) " · "
                (L::Infos.t(lang)) " " (f.infos)
            }
            "\n"
            table class="findings" {
                "\n"
                (head_row(&[
                    L::Severity.t(lang),
                    L::Code.t(lang),
                    L::Location.t(lang),
                    L::Message.t(lang),
                ]))
                tbody {
                    "\n"
                    @for i in &f.items {
                        tr {
                            td { (severity(i.severity, lang)) }
                            td { code { (i.code) } }
                            td class="id" { (Id(&i.location())) }
                            td { (i.message) }
                        }
                        "\n"
                    }
                }
                "\n"
            }
            "\n"
        }
    }
}

/// A table of counts whose rows add up ([`CountTable`]); the total column is bold.
fn count_table(t: &CountTable, class: &str) -> Markup {
    let total = t.columns.len();
    html! {
        table class={ "counts " (class) } {
            "\n"
            thead { tr { @for h in t.head() { th { (h) } } } }
            "\n"
            tbody {
                @for (label, cells) in &t.rows {
                    tr {
                        th { (label) }
                        @for (i, n) in cells.iter().enumerate() {
                            td class=(if i + 1 == total { "num total" } else { "num" }) {
                                (CountTable::cell(*n))
                            }
                        }
                    }
                    "\n"
                }
            }
        }
        "\n"
    }
}

fn cards(items: &[(String, String, &str)]) -> Markup {
    html! {
        div class="cards" {
            @for (n, label, class) in items {
                div class={ "card " (class) } {
                    span class="n" { (n) }
                    span class="l" { (label) }
                }
            }
        }
        "\n"
    }
}

fn soa_section(t: &SoaTable, links: &Links, in_report: bool, traces: Option<&Sources>) -> Markup {
    let lang = t.lang;
    let level = if in_report { Level::Three } else { Level::Two };
    // A group row before the first row of each group.
    let mut group = None;
    let rows = t.rows.iter().map(|r| {
        let new_group = group != Some(&r.group);
        group = Some(&r.group);
        (new_group, r)
    });
    html! {
        (facts(&soa_facts(t)))
        @if !t.declared {
            p class="note" { (L::NoSoaDocument.t(lang)) } "\n"
        }
        (count_table(&soa_counts(t), "counts"))
        @if !in_report { (findings(&t.findings, lang, level)) }
        (heading(level, L::FrameworkControls.t(lang)))
        @if in_report && t.rows.iter().any(|r| !r.evidence.is_empty()) {
            p class="note" { (L::SoaEvidenceInStatus.t(lang)) } "\n"
        }
        table class="soa" {
            "\n"
            thead {
                tr {
                    th class="id" { (L::ControlNo.t(lang)) }
                    // The tabular columns but the number (above) and the theme (a heading row).
                    @for h in &SOA_COLUMNS[2..8] {
                        th { (h.t(lang)) }
                    }
                    // In the report the evidence is the ISMS status section's (one place, and
                    // the SoA keeps its printed length); the SoA on its own shows it here.
                    th {
                        (L::Exclusion.t(lang))
                        @if !in_report { " / " (L::NewestEvidence.t(lang)) }
                    }
                    @for h in &SOA_COLUMNS[10..] {
                        th { (h.t(lang)) }
                    }
                }
            }
            "\n"
            tbody {
                "\n"
                @for (new_group, r) in rows {
                    @if new_group {
                        tr class="group" { th colspan="8" { (r.group_title) } } "\n"
                    }
                    @let anchor = format!("soa-{}-{}", t.framework, r.id);
                    tr id=(anchor) class=(decision_class(r.decision)) {
                        td class="id" { (own_id(traces, &anchor, &r.id)) }
                        td class="w8" { (r.title) }
                        td class="w4" { (labels::decision(r.decision, lang)) }
                        td {
                            @if !r.risks.is_empty() {
                                div {
                                    (L::Risks.t(lang)) (labels::colon(lang))
                                    (links.ids("risk", &r.risks))
                                }
                            }
                            @for reason in &r.reasons { div { (reason) } }
                        }
                        td class="w4" { (status_badge(r.status, &soa_status(r, lang))) }
                        td { (links.named("control", &r.controls)) }
                        td { (links.named("proc", &r.procedures)) }
                        td { (r.exclusion.as_deref().unwrap_or("")) @if !in_report { (evidence(&r.evidence, lang)) } }
                    }
                    "\n"
                    (trace_row(traces, &format!("{}:{}", t.framework, r.id), &anchor, 8, links))
                }
            }
            "\n"
        }
        "\n"
        (heading(level, L::AdditionalControls.t(lang)))
        @if t.additional.is_empty() {
            p { (L::AdditionalNone.t(lang)) } "\n"
        } @else {
            table class="additional" {
                "\n"
                thead {
                    tr {
                        th class="id" { "ID" }
                        @for h in [
                            L::ControlTitle,
                            L::Category,
                            L::Status,
                            L::TreatedRisks,
                            L::Procedures,
                            L::MapsTo,
                        ] {
                            th { (h.t(lang)) }
                        }
                    }
                }
                "\n"
                tbody {
                    "\n"
                    @for a in &t.additional {
                        tr {
                            td class="id" { (links.id("control", &a.id)) }
                            td { (a.title) }
                            td { (a.category.map_or("", |c| labels::category(c, lang))) }
                            td class="w4" { (status_of(a.status, lang)) }
                            td { (links.ids("risk", &a.risks)) }
                            td { (links.named("proc", &a.procedures)) (evidence(&a.evidence, lang)) }
                            td { (links.mappings(&a.maps_to)) }
                        }
                        "\n"
                    }
                }
                "\n"
            }
            "\n"
        }
    }
}

fn decision_class(d: Decision) -> &'static str {
    match d {
        Decision::Applied | Decision::IncludedWithoutControl => "d-applied",
        Decision::Excluded => "d-excluded",
        Decision::Undecided => "d-undecided",
        Decision::Contradictory => "d-contradictory",
    }
}

/// Display width of a text in SVG pixels at 10.5 px: narrow characters 6.2, wide 11.
fn svg_width(s: &str) -> f64 {
    let wide = s.width() as f64;
    let chars = s.chars().count() as f64;
    // width() counts a wide character as 2 columns: split the columns into narrow and wide.
    let wide_chars = wide - chars;
    (chars - wide_chars) * 6.2 + wide_chars * 11.0
}

const CELL_W: f64 = 118.0;
const CELL_H: f64 = 80.0;
const LEFT: f64 = 96.0;
const TOP: f64 = 22.0;

fn fill(b: Band) -> &'static str {
    match b {
        Band::High => "#f4b4ac",
        Band::Medium => "#ffe08a",
        Band::Low => "#c5e6c0",
    }
}

/// What a heat-map cell shows of its risks: ids at their place, or "+N" for the rest.
enum IdLabel<'a> {
    Id { x: f64, y: f64, id: &'a str },
    More(usize),
}

/// Ids flow left to right from the cell's corner (`x`, `y`), three lines at most, then
/// "+N".
fn id_labels(x: f64, y: f64, risks: &[String]) -> Vec<IdLabel<'_>> {
    let mut out = Vec::new();
    let (mut cx, mut line) = (x + 5.0, 0);
    for (i, id) in risks.iter().enumerate() {
        let wd = svg_width(id);
        if cx + wd > x + CELL_W - 4.0 && cx > x + 5.0 {
            line += 1;
            cx = x + 5.0;
        }
        if line >= 3 {
            out.push(IdLabel::More(risks.len() - i));
            break;
        }
        let ty = y + 40.0 + f64::from(line) * 13.0;
        out.push(IdLabel::Id { x: cx, y: ty, id });
        cx += wd + 6.0;
    }
    out
}

/// The heat map as inline SVG: impact rows from the top, likelihood columns from the
/// left; in each cell its level and band, the count, and the risk ids (linked).
fn heat_svg(h: &HeatMap, m: &MethodSummary, links: &Links, lang: Lang, caption: &str) -> Markup {
    #[allow(clippy::cast_precision_loss)] // scales are small
    let (cols, rows) = (h.likelihood as f64, h.impact as f64);
    let width = LEFT + cols * CELL_W + 8.0;
    let height = TOP + rows * CELL_H + 48.0;
    #[allow(clippy::cast_precision_loss)]
    let corner = |likelihood: i64, impact: i64| {
        (
            LEFT + (likelihood - 1) as f64 * CELL_W,
            TOP + (h.impact - impact) as f64 * CELL_H,
        )
    };
    html! {
        figure {
            figcaption { (caption) }
            "\n"
            svg xmlns="http://www.w3.org/2000/svg" width=(width) height=(height)
                viewBox={ "0 0 " (width) " " (height) } role="img" aria-label=(caption)
                font-family="inherit" font-size="10.5" {
                "\n"
                @for c in &h.cells {
                    @let (x, y) = corner(c.likelihood, c.impact);
                    // `{}`, not `;`: in SVG an element without an end tag contains what follows.
                    rect x=(x) y=(y) width=(CELL_W) height=(CELL_H) fill=(fill(c.band))
                        stroke="#ffffff" stroke-width="2" {}
                    "\n"
                    text x=(x + 5.0) y=(y + 13.0) fill="#444" {
                        (c.level) " " (labels::band(c.band, lang))
                    }
                    "\n"
                    @if !c.risks.is_empty() {
                        text x=(x + CELL_W - 6.0) y=(y + 22.0) font-size="20" font-weight="700"
                            text-anchor="end" { (c.risks.len()) }
                        "\n"
                    }
                    @for label in id_labels(x, y, &c.risks) {
                        @match label {
                            IdLabel::More(n) => {
                                text x=(x + CELL_W - 5.0) y=(y + CELL_H - 5.0) text-anchor="end"
                                    fill="#444" { "+" (n) }
                            }
                            IdLabel::Id { x, y, id } => {
                                @if links.risks {
                                    a href={ "#risk-" (id) } {
                                        text x=(x) y=(y) fill="#0b3d91" { (id) }
                                    }
                                } @else {
                                    text x=(x) y=(y) { (id) }
                                }
                            }
                        }
                        "\n"
                    }
                }
                @for impact in 1..=h.impact {
                    @let (_, y) = corner(1, impact);
                    text x=(LEFT - 8.0) y=(y + CELL_H / 2.0 + 4.0) text-anchor="end" {
                        (m.impact_step(impact))
                    }
                    "\n"
                }
                @for l in 1..=h.likelihood {
                    @let (x, _) = corner(l, 1);
                    text x=(x + CELL_W / 2.0) y=(TOP + rows * CELL_H + 16.0) text-anchor="middle" {
                        (m.likelihood_step(l))
                    }
                    "\n"
                }
                text x=(LEFT + cols * CELL_W / 2.0) y=(TOP + rows * CELL_H + 38.0)
                    text-anchor="middle" font-weight="600" { (L::Likelihood.t(lang)) " →" }
                "\n"
                text x=(LEFT - 8.0) y="14" text-anchor="end" font-weight="600" {
                    (L::Impact.t(lang)) " ↑"
                }
                "\n"
            }
            "\n"
            @if !h.unplaced.is_empty() {
                p class="muted" {
                    (L::Unplaced.t(lang)) (labels::colon(lang)) (links.ids("risk", &h.unplaced))
                }
                "\n"
            }
        }
        "\n"
    }
}

fn heat_section(r: &RiskRegister, links: &Links) -> Markup {
    let lang = r.lang;
    html! {
        div class="heatmaps" {
            "\n"
            (heat_svg(&r.before, &r.method, links, lang, L::HeatBefore.t(lang)))
            (heat_svg(&r.after, &r.method, links, lang, L::HeatAfter.t(lang)))
        }
        "\n"
        p class="muted" { (L::HeatAfterNote.t(lang)) } "\n"
        (count_table(&band_counts(r), "bands"))
        ul { @for line in method_lines(&r.method, lang) { li { (line) } } }
        "\n"
    }
}

/// " (2×3)" after a level, when both factors are known.
fn factors(impact: Option<i64>, likelihood: Option<i64>) -> Markup {
    html! {
        @if let (Some(i), Some(l)) = (impact, likelihood) { " " (muted(format!("({i}×{l})"))) }
    }
}

fn register_table(r: &RiskRegister, links: &Links, traces: Option<&Sources>) -> Markup {
    let lang = r.lang;
    if r.rows.is_empty() {
        return html! { p { (L::NoRisks.t(lang)) } "\n" };
    }
    let headers = [
        L::RiskId.t(lang).to_owned(),
        L::Assets.t(lang).to_owned(),
        format!("{} / {}", L::Threat.t(lang), L::Vulnerabilities.t(lang)),
        format!(
            "{} ({}×{})",
            L::Level.t(lang),
            L::Impact.t(lang),
            L::Likelihood.t(lang)
        ),
        L::Treatment.t(lang).to_owned(),
        L::Controls.t(lang).to_owned(),
        L::Owner.t(lang).to_owned(),
        L::Residual.t(lang).to_owned(),
        format!("{} / {}", L::Acceptance.t(lang), L::NewestEvidence.t(lang)),
    ];
    html! {
        table class="risks" {
            "\n"
            (head_row(&headers))
            tbody {
                "\n"
                @for x in &r.rows {
                    @let anchor = format!("risk-{}", x.id);
                    tr id=(anchor) {
                        td { strong class="id" { (own_id(traces, &anchor, &x.id)) } br; (x.title) }
                        td class="w10" { (links.named("asset", &x.assets)) }
                        td {
                            @if let Some(t) = &x.threat {
                                div {
                                    (links.id("threat", &t.id))
                                    @if !t.title.is_empty() { " " (t.title) }
                                    @if let Some(o) = x.origin {
                                        " " (muted(labels::origin(o, lang)))
                                    }
                                }
                            }
                            (links.named("vuln", &x.vulnerabilities))
                        }
                        td class=(band_class(x.band)) {
                            (level_text(x.level, x.band, lang))
                            (factors(x.impact, x.likelihood))
                        }
                        td {
                            (treatment_text(x, lang))
                            @if let Some(due) = &x.due {
                                br;
                                (muted(format!("{}{}{due}", L::Due.t(lang), labels::colon(lang))))
                            }
                        }
                        td class="ids w8" {
                            (join(x.controls.iter().map(|n| links.id("control", &n.id)), " "))
                        }
                        td class="w6" { (x.owner.as_ref().map_or("", |o| o.name.as_str())) }
                        td class=(band_class(x.residual_band)) {
                            @if x.residual_level.is_some() {
                                (level_text(x.residual_level, x.residual_band, lang))
                                (factors(x.residual_impact, x.residual_likelihood))
                            }
                        }
                        td class=[x.acceptance.is_some().then_some("w10")] { (acceptance_text(x, lang)) (evidence(&x.evidence, lang)) }
                    }
                    "\n"
                    (trace_row(traces, &x.id, &anchor, 9, links))
                }
            }
            "\n"
        }
        "\n"
    }
}

fn band_cards(r: &RiskRegister) -> Vec<(String, String, &'static str)> {
    let lang = r.lang;
    let (b, a) = (&r.counts_before, &r.counts_after);
    let arrow = |x: usize, y: usize| format!("{x} → {y}");
    vec![
        (r.rows.len().to_string(), L::Risks.t(lang).to_owned(), ""),
        (
            arrow(b.high, a.high),
            labels::band(Band::High, lang).to_owned(),
            "b-high",
        ),
        (
            arrow(b.medium, a.medium),
            labels::band(Band::Medium, lang).to_owned(),
            "b-medium",
        ),
        (
            arrow(b.low, a.low),
            labels::band(Band::Low, lang).to_owned(),
            "b-low",
        ),
        (
            arrow(b.above_appetite, a.above_appetite),
            L::AboveAppetite.t(lang).to_owned(),
            "",
        ),
    ]
}

/// Label and value pairs, as a definition list.
fn facts(items: &[(&str, String)]) -> Markup {
    html! {
        dl class="facts" {
            @for (label, value) in items { dt { (label) } dd { (value) } }
        }
        "\n"
    }
}

/// The title and the line under it, on a page of its own.
fn title_block(title: &str, sub: &str) -> Markup {
    html! {
        h1 { (title) } "\n"
        p class="sub" { (sub) } "\n"
    }
}

/// `isms soa --format html`.
pub fn soa(t: &SoaTable) -> String {
    soa_traced(t, None)
}

/// The SoA page with each row's trace under it (`traces` reads the whole repository);
/// the trace's Annex A ids link to the rows of the page.
pub fn soa_traced(t: &SoaTable, traces: Option<&Sources>) -> String {
    let lang = t.lang;
    let links = Links {
        soas: vec![t.framework.clone()],
        ..Links::default()
    };
    let title = format!("{} — {}", L::SoaTitle.t(lang), t.title);
    let body = html! {
        (title_block(&title, &t.organization))
        (soa_section(t, &links, false, traces))
    };
    let control = control_line(
        &t.organization,
        &format!("{} — {}", L::SoaTitle.t(lang), t.title),
        t.version.as_deref(),
        &t.as_of,
        lang,
    );
    page(lang, &title, &control, &body)
}

/// The asset register's table; the risks that name an asset link to them when on the page.
fn asset_table(a: &crate::report::assets::AssetRegister, links: &Links) -> Markup {
    let lang = a.lang;
    html! {
        table class="assets" {
            "\n"
            (head_row(&super::ASSET_COLUMNS.map(|l| l.t(lang))))
            tbody {
                "\n"
                @for r in &a.rows {
                    @let cells = super::asset_cells(r, lang);
                    tr id={ "asset-" (r.id) } class=[r.risks.is_empty().then_some("d-undecided")] {
                        td class="id" { (Id(&r.id)) }
                        @for (i, c) in cells.iter().enumerate().skip(1) {
                            @if (4..8).contains(&i) {
                                td class="num" { (c) }
                            } @else if i == 9 && !r.risks.is_empty() {
                                td { (links.ids("risk", &r.risks)) }
                            } @else {
                                td { (c) }
                            }
                        }
                    }
                    "\n"
                }
            }
            "\n"
        }
        "\n"
    }
}

/// `isms assets --format html`.
pub fn assets(a: &crate::report::assets::AssetRegister) -> String {
    let lang = a.lang;
    let title = L::AssetsTitle.t(lang);
    let body = html! {
        (title_block(title, &a.organization))
        (facts(&document_facts(&a.organization, title, &a.as_of, lang)))
        (findings(&a.findings, lang, Level::Two))
        (heading(Level::Two, title))
        (asset_table(a, &Links::default()))
    };
    let control = control_line(&a.organization, title, None, &a.as_of, lang);
    page(lang, title, &control, &body)
}

/// `isms risks --format html`.
pub fn risks(r: &RiskRegister) -> String {
    risks_traced(r, None)
}

/// The register page with each risk's trace under its row.
pub fn risks_traced(r: &RiskRegister, traces: Option<&Sources>) -> String {
    let lang = r.lang;
    let title = L::RisksTitle.t(lang);
    let links = Links {
        risks: true,
        ..Links::default()
    };
    let body = html! {
        (title_block(title, &r.organization))
        (facts(&document_facts(&r.organization, title, &r.as_of, lang)))
        (cards(&band_cards(r)))
        (findings(&r.findings, lang, Level::Two))
        (heading(Level::Two, L::RiskMethod.t(lang)))
        (heat_section(r, &links))
        (heading(Level::Two, L::RisksTitle.t(lang)))
        (register_table(r, &links, traces))
    };
    let control = control_line(&r.organization, title, None, &r.as_of, lang);
    page(lang, title, &control, &body)
}

fn lv1_section(o: &Overview, links: &Links) -> Markup {
    let lang = o.lang;
    html! {
        p class="muted" { (L::Lv1Intro.t(lang)) } "\n"
        div class="threats" {
        @for t in &o.threats {
            div class="threat" id={ "threat-" (t.id) } {
                "\n"
                h3 {
                    (t.id) " " (t.name)
                    @if let Some(origin) = t.origin { " " (muted(labels::origin(origin, lang))) }
                }
                "\n"
                @if !t.description.is_empty() {
                    p { (t.description) } "\n"
                }
                p {
                    (L::Risks.t(lang)) (labels::colon(lang))
                    @if t.risks.is_empty() {
                        (L::None.t(lang))
                    } @else {
                        (links.ids("risk", &t.risks))
                    }
                }
                "\n"
                @if t.has_controls() {
                    table class="lv1" {
                        "\n"
                        tbody {
                            "\n"
                            @for (cat, controls) in &t.by_category {
                                tr {
                                    th { (labels::category(*cat, lang)) }
                                    td {
                                        @if controls.is_empty() {
                                            (muted(L::None.t(lang)))
                                        } @else {
                                            (links.named("control", controls))
                                        }
                                    }
                                }
                                "\n"
                            }
                            @if !t.uncategorized.is_empty() {
                                tr {
                                    th { "—" }
                                    td { (links.named("control", &t.uncategorized)) }
                                }
                                "\n"
                            }
                        }
                        "\n"
                    }
                    "\n"
                } @else {
                    p class="note" { (L::NoControl.t(lang)) } "\n"
                }
            }
            "\n"
        }
        }
        "\n"
    }
}

/// An ordered or a bulleted list of plain texts, or nothing when there are none.
fn text_list(ordered: bool, items: &[String]) -> Markup {
    html! {
        @if !items.is_empty() {
            @if ordered {
                ol class="l" { @for i in items { li { (i) } } }
            } @else {
                ul class="l" { @for i in items { li { (i) } } }
            }
        }
    }
}

fn controls_section(o: &Overview, links: &Links, traces: Option<&Sources>) -> Markup {
    let lang = o.lang;
    let control_headers = [
        "ID",
        L::ControlTitle.t(lang),
        L::Category.t(lang),
        L::Status.t(lang),
        L::Owner.t(lang),
        L::MapsTo.t(lang),
        L::TreatedRisks.t(lang),
        L::Procedures.t(lang),
    ];
    let procedure_headers = [
        "ID",
        L::Name.t(lang),
        L::Implements.t(lang),
        L::Owner.t(lang),
        L::Frequency.t(lang),
        L::Steps.t(lang),
        L::Evidence.t(lang),
        L::Review.t(lang),
    ];
    html! {
        table class="controls" {
            "\n"
            (head_row(&control_headers))
            tbody {
                "\n"
                @for c in &o.controls {
                    @let anchor = format!("control-{}", c.id);
                    tr id=(anchor) {
                        td class="id" { (own_id(traces, &anchor, &c.id)) }
                        td {
                            (c.title)
                            @if !c.description.is_empty() { br; (muted(&c.description)) }
                        }
                        td { (c.category.map_or("", |x| labels::category(x, lang))) }
                        td class="w4" { (status_of(c.status, lang)) }
                        td class="w6" { (role(c.owner.as_ref())) }
                        td { (links.mappings(&c.maps_to)) }
                        td { (links.ids("risk", &c.risks)) }
                        td {
                            @if c.procedures.is_empty() {
                                (muted(L::NoProcedure.t(lang)))
                            } @else {
                                (links.named("proc", &c.procedures))
                            }
                        }
                    }
                    "\n"
                    (trace_row(traces, &c.id, &anchor, 8, links))
                }
            }
            "\n"
        }
        "\n"
        (heading(Level::Three, L::ProcedureDetails.t(lang)))
        table class="procedures" {
            "\n"
            (head_row(&procedure_headers))
            tbody {
                "\n"
                @for p in &o.procedures {
                    tr id={ "proc-" (p.id) } {
                        td class="id" { (Id(&p.id)) }
                        td class="w8" { (p.title) }
                        td { (links.ids("control", &p.implements)) }
                        td class="w6" { (role(p.owner.as_ref())) }
                        td class="w6" { (p.frequency) }
                        td { (text_list(true, &p.steps)) }
                        td { (text_list(false, &p.evidence)) }
                        td class="w6" { (review(p, lang)) }
                    }
                    "\n"
                }
            }
            "\n"
        }
        "\n"
    }
}

/// A procedure's review: its interval and dates, one per line.
fn review(p: &crate::report::overview::ProcedureRow, lang: Lang) -> String {
    let mut review = Vec::new();
    if let Some(m) = p.review_months {
        review.push(labels::every_months(m, lang));
    }
    if let Some(d) = &p.review_last {
        review.push(format!(
            "{}{}{d}",
            L::LastReview.t(lang),
            labels::colon(lang)
        ));
    }
    if let Some(d) = &p.review_next {
        review.push(format!(
            "{}{}{d}",
            L::NextReview.t(lang),
            labels::colon(lang)
        ));
    }
    review.join("\n")
}

/// A `<section>` of the report: its heading, then its content; `page` starts it on a new
/// page when printed.
fn section(id: &str, page: bool, title: &str, content: &Markup) -> Markup {
    html! {
        section id=(id) class=[page.then_some("page")] {
            "\n"
            h2 { (title) } "\n"
            (content)
        }
        "\n"
    }
}

fn summary_section(o: &Overview) -> Markup {
    let lang = o.lang;
    let s = &o.summary;
    let mut items = band_cards(&o.risks);
    items.extend([
        (s.assets.to_string(), L::Assets.t(lang).to_owned(), ""),
        (s.threats.to_string(), L::Threats.t(lang).to_owned(), ""),
        (s.controls.to_string(), L::Controls.t(lang).to_owned(), ""),
        (
            format!("{} %", s.implemented_percent),
            L::ShareImplemented.t(lang).to_owned(),
            "",
        ),
        (
            s.procedures.to_string(),
            L::Procedures.t(lang).to_owned(),
            "",
        ),
        (
            o.findings.errors.to_string() + " / " + &o.findings.warnings.to_string(),
            format!(
                "{} ({} / {})",
                L::OpenFindings.t(lang),
                L::Errors.t(lang),
                L::Warnings.t(lang)
            ),
            "",
        ),
    ]);
    html! {
        (cards(&items))
        (count_table(
            &summary_counts(&s.controls_by_status, s.controls, &o.soas, lang),
            "summary",
        ))
        (findings(&o.findings, lang, Level::Three))
    }
}

/// `isms report`: the whole ISMS on one page.
pub fn report(o: &Overview) -> String {
    let lang = o.lang;
    let links = Links::all(o);
    let sources = Sources::new(o, &o.assets);
    let traces = Some(&sources);
    let title = format!("{} — {}", L::ReportTitle.t(lang), o.organization);

    // Contents.
    let mut toc: Vec<(String, String)> = vec![
        ("summary".into(), L::Summary.t(lang).into()),
        ("heatmaps".into(), L::RiskMethod.t(lang).into()),
        ("register".into(), L::RisksTitle.t(lang).into()),
        ("assets".into(), L::AssetsTitle.t(lang).into()),
    ];
    for s in &o.soas {
        toc.push((
            format!("soa-{}", s.framework),
            format!("{} — {}", L::SoaTitle.t(lang), s.title),
        ));
    }
    if o.status.shown() {
        toc.push(("isms-status".into(), status_label(lang, "status").into()));
    }
    toc.push(("lv1".into(), L::Lv1.t(lang).into()));
    toc.push(("controls".into(), L::ControlsAndProcedures.t(lang).into()));

    let body = html! {
        h1 { (title) } "\n"
        (facts(&document_facts(&o.organization, L::ReportTitle.t(lang), &o.as_of, lang)))
        nav class="toc" {
            strong { (L::Contents.t(lang)) }
            ol { @for (id, label) in &toc { li { a href={ "#" (id) } { (label) } } } }
            p class="muted" { (L::TraceHint.t(lang)) }
        }
        "\n"
        (section("summary", false, L::Summary.t(lang), &summary_section(o)))
        (section("heatmaps", true, L::RiskMethod.t(lang), &heat_section(&o.risks, &links)))
        (section("register", true, L::RisksTitle.t(lang), &register_table(&o.risks, &links, traces)))
        (section("assets", false, L::AssetsTitle.t(lang), &asset_table(&o.assets, &links)))
        @for t in &o.soas {
            (section(
                &format!("soa-{}", t.framework),
                true,
                &format!("{} — {}", L::SoaTitle.t(lang), t.title),
                &soa_section(t, &links, true, traces),
            ))
        }
        @if o.status.shown() {
            (section("isms-status", true, status_label(lang, "status"), &super::status::html_section(&o.status)))
        }
        (section("lv1", false, L::Lv1.t(lang), &lv1_section(o, &links)))
        (section("controls", true, L::ControlsAndProcedures.t(lang), &controls_section(o, &links, traces)))
    };
    let control = control_line(
        &o.organization,
        L::ReportTitle.t(lang),
        None,
        &o.as_of,
        lang,
    );
    page(lang, &title, &control, &body)
}

// The trace of `isms show`, in HTML: the same tree ([`Node`]) the text and JSON writers
// lay out, computed once by [`Sources::show`].

impl Links {
    /// A trace node's id, linked to its row when the page holds it.
    fn node(&self, kind: &str, id: &str) -> Markup {
        match kind {
            "soa" => self.mapping(id),
            "procedure" => self.id("proc", id),
            k => self.id(k, id),
        }
    }
}

/// The facts of a node under another, on its line: "Status: implemented · Owner: …".
fn trace_facts(n: &Node, lang: Lang) -> Markup {
    let c = labels::colon(lang);
    let text: Vec<String> = n
        .facts
        .iter()
        .map(|f| format!("{}{c}{}", f.label, f.value))
        .collect();
    html! {
        @if !text.is_empty() { " " (muted(text.join(" · "))) }
    }
}

/// Each relation of `n` and the entities it reaches, nested as deep as the trace goes.
/// `data-kind` and `data-id` name each entity for a program reading the page.
fn trace_links(n: &Node, links: &Links, lang: Lang) -> Markup {
    html! {
        @if !n.links.is_empty() {
            ul class="trace" {
                @for l in &n.links {
                    li data-relation=(l.relation) {
                        span class="rel" { (l.label) }
                        ul {
                            @for child in &l.nodes {
                                li data-kind=(child.kind) data-id=(child.id) {
                                    (links.node(child.kind, &child.id))
                                    @if !child.title.is_empty() { " " (child.title) }
                                    (trace_facts(child, lang))
                                    (trace_links(child, links, lang))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A whole trace: the entity's facts, then what it leads to.
fn trace_body(n: &Node, links: &Links, lang: Lang) -> Markup {
    let items: Vec<(&str, String)> = n.facts.iter().map(|f| (f.label, f.value.clone())).collect();
    html! {
        (facts(&items))
        (trace_links(n, links, lang))
    }
}

/// The row under an entity's row that holds its trace (`id="trace-risk-R-001"`): hidden
/// until that row is the page's target — an id followed to it, or the row's own id
/// selected — and never printed, so that the printed report keeps its page budget and
/// its links land on rows that print.
fn trace_row(
    traces: Option<&Sources>,
    id: &str,
    anchor: &str,
    colspan: usize,
    links: &Links,
) -> Markup {
    let Some((node, lang)) = traces.and_then(|t| Some((t.show(id)?, t.lang()))) else {
        return html! {};
    };
    html! {
        tr class="trace" id={ "trace-" (anchor) } data-id=(node.id) {
            td colspan=(colspan) {
                p class="trace-h" {
                    strong { (L::Trace.t(lang)) } " " (Id(&node.id))
                    @if !node.title.is_empty() { " " (node.title) }
                }
                (trace_body(&node, links, lang))
            }
        }
        "\n"
    }
}

/// A row's own id: a link to the row itself, which opens its trace, when it has one.
fn own_id(traces: Option<&Sources>, anchor: &str, id: &str) -> Markup {
    html! {
        @if traces.is_some() { a href={ "#" (anchor) } { (Id(id)) } } @else { (Id(id)) }
    }
}

/// `isms show ID --format html`: one entity's trace on a page of its own, with the
/// document-control line of the reports.
pub fn show(node: &Node, organization: &str, as_of: &crate::report::AsOf, lang: Lang) -> String {
    let document = format!("{} — {}", L::Trace.t(lang), node.id);
    let title = if node.title.is_empty() {
        document.clone()
    } else {
        format!("{document} {}", node.title)
    };
    let body = html! {
        (title_block(&title, organization))
        (facts(&document_facts(organization, &document, as_of, lang)))
        section class="trace" data-id=(node.id) {
            (trace_body(node, &Links::default(), lang))
        }
        "\n"
    };
    let control = control_line(organization, &document, None, as_of, lang);
    page(lang, &title, &control, &body)
}
