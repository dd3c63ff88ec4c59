//! HTML: one self-contained page (inline CSS, inline SVG heat maps, no script, no fetch)
//! that prints cleanly to A4 landscape. Built with plain string writing: every text a user
//! wrote goes through [`H`] (HTML escaping) — ids in attributes too — and the hostile
//! fixture checks it. Ids link to their rows when the page holds them.

use super::{
    acceptance_text, level_text, method_lines, severity, soa_counts, soa_facts, soa_status,
    treatment_text,
};
use crate::i18n::Lang;
use crate::model::Status;
use crate::report::Named;
use crate::report::escape::H;
use crate::report::findings::FindingsSummary;
use crate::report::labels::{self, L};
use crate::report::overview::Overview;
use crate::report::risks::{HeatMap, MethodSummary, RiskRegister};
use crate::report::soa::{Decision, SoaTable};
use crate::risk::Band;
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// `w!(out, "...", args)`: write to a String (which cannot fail).
macro_rules! w {
    ($out:expr, $($arg:tt)*) => {{
        let _ = write!($out, $($arg)*);
    }};
}

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
  white-space: pre-line; overflow-wrap: anywhere; }
thead th { background: var(--head); font-weight: 600; overflow-wrap: normal; hyphens: auto; }
tr.group th { background: #f2f4f7; font-weight: 600; }
td.num { text-align: center; white-space: nowrap; }
table.summary th { white-space: nowrap; }
td.id, th.id, .id { white-space: nowrap; }
td.ids a { white-space: nowrap; display: inline-block; margin-right: .3rem; }
table.risks, table.soa, table.controls, table.procedures { table-layout: fixed; font-size: 13px; }
table.risks td.num { text-align: left; white-space: normal; }
ul.l li a, td > a { white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .3rem 0 1rem; }
dl.facts dt { font-weight: 600; color: var(--muted); }
dl.facts dd { margin: 0; }
.cards { display: flex; flex-wrap: wrap; gap: .6rem; margin: .5rem 0 1rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .45rem .8rem; min-width: 8.5rem; }
.card .n { font-size: 1.5rem; font-weight: 700; display: block; }
.card .l { color: var(--muted); font-size: .85rem; }
.b-high { background: var(--high); } .b-medium { background: var(--medium); } .b-low { background: var(--low); }
.badge { display: inline-block; max-width: 100%; padding: 0 .4rem; border-radius: 4px; white-space: normal; }
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
.threat { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; margin: .8rem 0; }
.threat h3 { margin-top: .2rem; }
table.lv1 th { width: 11rem; background: #f2f4f7; }
nav.toc ol { margin: .3rem 0 1rem; }
.muted { color: var(--muted); }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; max-width: none; font-size: 9.5pt; }
  nav.toc { display: none; }
  a { color: inherit; }
  section.page { break-before: page; }
  h2, h3 { break-after: avoid; }
  tr, .card, .threat, figure { break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// Which anchors the page holds, so that ids link only to rows that exist.
#[derive(Default)]
struct Links {
    risks: bool,
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
            controls: true,
            procedures: true,
            threats: true,
            soas: o.soas.iter().map(|s| s.framework.clone()).collect(),
        }
    }

    /// `<a href="#risk-R-001">R-001</a>`, or the id alone when the page has no such row.
    fn id(&self, kind: &str, id: &str) -> String {
        let on = match kind {
            "risk" => self.risks,
            "control" => self.controls,
            "proc" => self.procedures,
            "threat" => self.threats,
            _ => false,
        };
        if on {
            format!(r##"<a href="#{kind}-{}">{}</a>"##, H(id), H(id))
        } else {
            H(id).to_string()
        }
    }

    /// A `FRAMEWORK:ID` mapping, linked to its SoA row when on the page.
    fn mapping(&self, m: &str) -> String {
        match m.split_once(':') {
            Some((fw, id)) if self.soas.iter().any(|s| s == fw) => {
                format!(r##"<a href="#soa-{}-{}">{}</a>"##, H(fw), H(id), H(m))
            }
            _ => H(m).to_string(),
        }
    }

    fn ids(&self, kind: &str, ids: &[String]) -> String {
        ids.iter()
            .map(|i| self.id(kind, i))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A list of "id title", one per line.
    fn named(&self, kind: &str, list: &[Named]) -> String {
        if list.is_empty() {
            return String::new();
        }
        let mut s = String::from(r#"<ul class="l">"#);
        for n in list {
            w!(s, "<li>{}", self.id(kind, &n.id));
            if !n.title.is_empty() {
                w!(s, " {}", H(&n.title));
            }
            s.push_str("</li>");
        }
        s.push_str("</ul>");
        s
    }
}

/// A role as people read it: its title, else its id.
fn role(r: Option<&Named>) -> String {
    r.map_or_else(String::new, |r| {
        if r.title.is_empty() {
            r.id.clone()
        } else {
            r.title.clone()
        }
    })
}

/// Column widths in percent, for tables laid out fixed.
fn colgroup(widths: &[u32]) -> String {
    let mut s = String::from("<colgroup>");
    for w in widths {
        w!(s, "<col style=\"width:{w}%\">");
    }
    s.push_str("</colgroup>\n");
    s
}

fn page(lang: Lang, title: &str, body: &str) -> String {
    let mut out = String::new();
    w!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"isms\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        lang.pick("en", "ja"),
        H(title)
    );
    out.push_str(body);
    out.push_str("</body>\n</html>\n");
    out
}

fn status_badge(s: Option<Status>, text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let class = s.map_or("none", Status::as_str);
    format!(r#"<span class="badge s-{class}">{}</span>"#, H(text))
}

fn band_class(b: Option<Band>) -> &'static str {
    match b {
        Some(Band::High) => " class=\"num b-high\"",
        Some(Band::Medium) => " class=\"num b-medium\"",
        Some(Band::Low) => " class=\"num b-low\"",
        None => " class=\"num\"",
    }
}

fn findings(out: &mut String, f: &FindingsSummary, lang: Lang, heading: &str) {
    w!(out, "<{heading}>{}</{heading}>\n", L::Findings.t(lang));
    if f.total() == 0 {
        w!(out, "<p class=\"ok\">{}</p>\n", L::FindingsNone.t(lang));
        return;
    }
    if f.errors > 0 {
        w!(
            out,
            "<p class=\"note\">{}</p>\n",
            H(L::FindingsWarning.t(lang))
        );
    }
    w!(
        out,
        "<p>{} {} · {} {} · {} {}</p>\n<table class=\"findings\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        L::Errors.t(lang),
        f.errors,
        L::Warnings.t(lang),
        f.warnings,
        L::Infos.t(lang),
        f.infos,
        L::Severity.t(lang),
        L::Code.t(lang),
        L::Location.t(lang),
        L::Message.t(lang)
    );
    for i in &f.items {
        w!(
            out,
            "<tr><td>{}</td><td><code>{}</code></td><td class=\"id\">{}</td><td>{}</td></tr>\n",
            severity(i.severity, lang),
            H(i.code),
            H(&i.location()),
            H(&i.message)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn cards(out: &mut String, items: &[(String, String, &str)]) {
    out.push_str("<div class=\"cards\">");
    for (n, label, class) in items {
        w!(
            out,
            "<div class=\"card {class}\"><span class=\"n\">{}</span><span class=\"l\">{}</span></div>",
            H(n),
            H(label)
        );
    }
    out.push_str("</div>\n");
}

fn soa_section(out: &mut String, t: &SoaTable, links: &Links, in_report: bool) {
    let lang = t.lang;
    let h = if in_report { "h3" } else { "h2" };
    let fw = &t.framework;
    out.push_str("<dl class=\"facts\">");
    for (label, value) in soa_facts(t) {
        w!(out, "<dt>{}</dt><dd>{}</dd>", H(label), H(&value));
    }
    out.push_str("</dl>\n");
    if !t.declared {
        w!(
            out,
            "<p class=\"note\">{}</p>\n",
            H(L::NoSoaDocument.t(lang))
        );
    }
    let items: Vec<(String, String, &str)> = soa_counts(t)
        .into_iter()
        .map(|(l, n)| (n.to_string(), l.to_owned(), ""))
        .collect();
    cards(out, &items);
    if !in_report {
        findings(out, &t.findings, lang, h);
    }
    w!(
        out,
        "<{h}>{}</{h}>\n<table class=\"soa\">\n{}<thead><tr><th class=\"id\">{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        L::FrameworkControls.t(lang),
        colgroup(&[5, 13, 5, 18, 10, 17, 18, 14]),
        L::ControlNo.t(lang),
        L::ControlTitle.t(lang),
        L::Decision.t(lang),
        L::Inclusion.t(lang),
        L::Status.t(lang),
        L::OrgControls.t(lang),
        L::Procedures.t(lang),
        L::Exclusion.t(lang)
    );
    let mut group = None;
    for r in &t.rows {
        if group != Some(&r.group) {
            group = Some(&r.group);
            w!(
                out,
                "<tr class=\"group\"><th colspan=\"8\">{}</th></tr>\n",
                H(&r.group_title)
            );
        }
        let class = match r.decision {
            Decision::Applied | Decision::IncludedWithoutControl => "d-applied",
            Decision::Excluded => "d-excluded",
            Decision::Undecided => "d-undecided",
            Decision::Contradictory => "d-contradictory",
        };
        let mut inclusion = String::new();
        if !r.risks.is_empty() {
            w!(
                inclusion,
                "<div>{}{}{}</div>",
                L::Risks.t(lang),
                labels::colon(lang),
                links.ids("risk", &r.risks)
            );
        }
        for reason in &r.reasons {
            w!(inclusion, "<div>{}</div>", H(reason));
        }
        w!(
            out,
            "<tr id=\"soa-{}-{}\" class=\"{class}\"><td class=\"id\">{}</td><td>{}</td><td>{}</td><td>{inclusion}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            H(fw),
            H(&r.id),
            H(&r.id),
            H(&r.title),
            labels::decision(r.decision, lang),
            status_badge(r.status, &soa_status(r, lang)),
            links.named("control", &r.controls),
            links.named("proc", &r.procedures),
            H(r.exclusion.as_deref().unwrap_or(""))
        );
    }
    out.push_str("</tbody>\n</table>\n");

    w!(out, "<{h}>{}</{h}>\n", L::AdditionalControls.t(lang));
    if t.additional.is_empty() {
        w!(out, "<p>{}</p>\n", L::AdditionalNone.t(lang));
        return;
    }
    w!(
        out,
        "<table class=\"additional\">\n<thead><tr><th class=\"id\">ID</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        L::ControlTitle.t(lang),
        L::Category.t(lang),
        L::Status.t(lang),
        L::TreatedRisks.t(lang),
        L::Procedures.t(lang),
        L::MapsTo.t(lang)
    );
    for a in &t.additional {
        w!(
            out,
            "<tr><td class=\"id\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            links.id("control", &a.id),
            H(&a.title),
            a.category.map_or("", |c| labels::category(c, lang)),
            status_badge(a.status, a.status.map_or("", |s| labels::status(s, lang))),
            links.ids("risk", &a.risks),
            links.named("proc", &a.procedures),
            a.maps_to
                .iter()
                .map(|m| links.mapping(m))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    out.push_str("</tbody>\n</table>\n");
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

/// The heat map as inline SVG: impact rows from the top, likelihood columns from the
/// left; in each cell its level and band, the count, and the risk ids (linked).
fn heat_svg(
    out: &mut String,
    h: &HeatMap,
    m: &MethodSummary,
    links: &Links,
    lang: Lang,
    caption: &str,
) {
    #[allow(clippy::cast_precision_loss)] // scales are small
    let (cols, rows) = (h.likelihood as f64, h.impact as f64);
    let width = LEFT + cols * CELL_W + 8.0;
    let height = TOP + rows * CELL_H + 48.0;
    w!(
        out,
        "<figure><figcaption>{}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\" font-family=\"inherit\" font-size=\"10.5\">\n",
        H(caption),
        H(caption)
    );
    for c in &h.cells {
        #[allow(clippy::cast_precision_loss)]
        let (x, y) = (
            LEFT + (c.likelihood - 1) as f64 * CELL_W,
            TOP + (h.impact - c.impact) as f64 * CELL_H,
        );
        w!(
            out,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{CELL_W}\" height=\"{CELL_H}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"2\"/>\n",
            fill(c.band)
        );
        w!(
            out,
            "<text x=\"{}\" y=\"{}\" fill=\"#444\">{} {}</text>\n",
            x + 5.0,
            y + 13.0,
            c.level,
            labels::band(c.band, lang)
        );
        if !c.risks.is_empty() {
            w!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"20\" font-weight=\"700\" text-anchor=\"end\">{}</text>\n",
                x + CELL_W - 6.0,
                y + 22.0,
                c.risks.len()
            );
        }
        // Ids flow left to right, three lines at most, then "+N".
        let (mut cx, mut line) = (x + 5.0, 0);
        for (i, id) in c.risks.iter().enumerate() {
            let wd = svg_width(id);
            if cx + wd > x + CELL_W - 4.0 && cx > x + 5.0 {
                line += 1;
                cx = x + 5.0;
            }
            if line >= 3 {
                w!(
                    out,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#444\">+{}</text>\n",
                    x + CELL_W - 5.0,
                    y + CELL_H - 5.0,
                    c.risks.len() - i
                );
                break;
            }
            let ty = y + 40.0 + f64::from(line) * 13.0;
            if links.risks {
                w!(
                    out,
                    "<a href=\"#risk-{}\"><text x=\"{cx}\" y=\"{ty}\" fill=\"#0b3d91\">{}</text></a>\n",
                    H(id),
                    H(id)
                );
            } else {
                w!(out, "<text x=\"{cx}\" y=\"{ty}\">{}</text>\n", H(id));
            }
            cx += wd + 6.0;
        }
    }
    for impact in 1..=h.impact {
        #[allow(clippy::cast_precision_loss)]
        let y = TOP + (h.impact - impact) as f64 * CELL_H + CELL_H / 2.0 + 4.0;
        w!(
            out,
            "<text x=\"{}\" y=\"{y}\" text-anchor=\"end\">{}</text>\n",
            LEFT - 8.0,
            H(&m.impact_step(impact))
        );
    }
    for l in 1..=h.likelihood {
        #[allow(clippy::cast_precision_loss)]
        let x = LEFT + (l - 1) as f64 * CELL_W + CELL_W / 2.0;
        w!(
            out,
            "<text x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
            TOP + rows * CELL_H + 16.0,
            H(&m.likelihood_step(l))
        );
    }
    w!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"600\">{} →</text>\n",
        LEFT + cols * CELL_W / 2.0,
        TOP + rows * CELL_H + 38.0,
        L::Likelihood.t(lang)
    );
    w!(
        out,
        "<text x=\"{}\" y=\"14\" text-anchor=\"end\" font-weight=\"600\">{} ↑</text>\n",
        LEFT - 8.0,
        L::Impact.t(lang)
    );
    out.push_str("</svg>\n");
    if !h.unplaced.is_empty() {
        w!(
            out,
            "<p class=\"muted\">{}{}{}</p>\n",
            L::Unplaced.t(lang),
            labels::colon(lang),
            links.ids("risk", &h.unplaced)
        );
    }
    out.push_str("</figure>\n");
}

fn heat_section(out: &mut String, r: &RiskRegister, links: &Links) {
    let lang = r.lang;
    out.push_str("<div class=\"heatmaps\">\n");
    heat_svg(
        out,
        &r.before,
        &r.method,
        links,
        lang,
        L::HeatBefore.t(lang),
    );
    heat_svg(out, &r.after, &r.method, links, lang, L::HeatAfter.t(lang));
    out.push_str("</div>\n");
    w!(out, "<p class=\"muted\">{}</p>\n", L::HeatAfterNote.t(lang));
    out.push_str("<ul>");
    for line in method_lines(&r.method, lang) {
        w!(out, "<li>{}</li>", H(&line));
    }
    out.push_str("</ul>\n");
}

fn register_table(out: &mut String, r: &RiskRegister, links: &Links) {
    let lang = r.lang;
    if r.rows.is_empty() {
        w!(out, "<p>{}</p>\n", L::NoRisks.t(lang));
        return;
    }
    let c = labels::colon(lang);
    w!(
        out,
        "<table class=\"risks\">\n{}<thead><tr>",
        colgroup(&[17, 14, 21, 7, 9, 12, 7, 7, 6])
    );
    for h in [
        L::RiskId.t(lang),
        L::Assets.t(lang),
        &format!("{} / {}", L::Threat.t(lang), L::Vulnerabilities.t(lang)),
        &format!(
            "{} ({}×{})",
            L::Level.t(lang),
            L::Impact.t(lang),
            L::Likelihood.t(lang)
        ),
        L::Treatment.t(lang),
        L::Controls.t(lang),
        L::Owner.t(lang),
        L::Residual.t(lang),
        L::Acceptance.t(lang),
    ] {
        w!(out, "<th>{}</th>", H(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for x in &r.rows {
        let mut threat = String::new();
        if let Some(t) = &x.threat {
            w!(threat, "<div>{}", links.id("threat", &t.id));
            if !t.title.is_empty() {
                w!(threat, " {}", H(&t.title));
            }
            if let Some(o) = x.origin {
                w!(
                    threat,
                    " <span class=\"muted\">{}</span>",
                    labels::origin(o, lang)
                );
            }
            threat.push_str("</div>");
        }
        threat.push_str(&links.named("vuln", &x.vulnerabilities));
        let factors = |i: Option<i64>, l: Option<i64>| match (i, l) {
            (Some(i), Some(l)) => format!(" <span class=\"muted\">({i}×{l})</span>"),
            _ => String::new(),
        };
        let mut treatment = H(&treatment_text(x, lang)).to_string();
        if let Some(due) = &x.due {
            w!(
                treatment,
                "<br><span class=\"muted\">{}{c}{}</span>",
                L::Due.t(lang),
                H(due)
            );
        }
        let controls = x
            .controls
            .iter()
            .map(|n| links.id("control", &n.id))
            .collect::<Vec<_>>()
            .join(" ");
        let residual = if x.residual_level.is_some() {
            H(&level_text(x.residual_level, x.residual_band, lang)).to_string()
                + &factors(x.residual_impact, x.residual_likelihood)
        } else {
            String::new()
        };
        w!(
            out,
            "<tr id=\"risk-{}\"><td><strong class=\"id\">{}</strong><br>{}</td><td>{}</td><td>{threat}</td><td{}>{}{}</td><td>{treatment}</td><td class=\"ids\">{controls}</td><td>{}</td><td{}>{residual}</td><td>{}</td></tr>\n",
            H(&x.id),
            H(&x.id),
            H(&x.title),
            links.named("asset", &x.assets),
            band_class(x.band),
            H(&level_text(x.level, x.band, lang)),
            factors(x.impact, x.likelihood),
            H(&role(x.owner.as_ref())),
            band_class(x.residual_band),
            H(&acceptance_text(x, lang))
        );
    }
    out.push_str("</tbody>\n</table>\n");
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

/// `isms soa --format html`.
pub fn soa(t: &SoaTable) -> String {
    let lang = t.lang;
    let title = format!("{} — {}", L::SoaTitle.t(lang), t.title);
    let mut body = String::new();
    w!(
        body,
        "<h1>{}</h1>\n<p class=\"sub\">{}</p>\n",
        H(&title),
        H(&t.organization)
    );
    soa_section(&mut body, t, &Links::default(), false);
    page(lang, &title, &body)
}

/// `isms risks --format html`.
pub fn risks(r: &RiskRegister) -> String {
    let lang = r.lang;
    let title = L::RisksTitle.t(lang);
    let links = Links {
        risks: true,
        ..Links::default()
    };
    let mut body = String::new();
    w!(
        body,
        "<h1>{}</h1>\n<p class=\"sub\">{}</p>\n",
        H(title),
        H(&r.organization)
    );
    cards(&mut body, &band_cards(r));
    findings(&mut body, &r.findings, lang, "h2");
    w!(body, "<h2>{}</h2>\n", L::RiskMethod.t(lang));
    heat_section(&mut body, r, &links);
    w!(body, "<h2>{}</h2>\n", L::RisksTitle.t(lang));
    register_table(&mut body, r, &links);
    page(lang, title, &body)
}

fn lv1_section(out: &mut String, o: &Overview, links: &Links) {
    let lang = o.lang;
    w!(out, "<p class=\"muted\">{}</p>\n", H(L::Lv1Intro.t(lang)));
    for t in &o.threats {
        w!(
            out,
            "<div class=\"threat\" id=\"threat-{}\">\n<h3>{} {}",
            H(&t.id),
            H(&t.id),
            H(&t.name)
        );
        if let Some(origin) = t.origin {
            w!(
                out,
                " <span class=\"muted\">{}</span>",
                labels::origin(origin, lang)
            );
        }
        out.push_str("</h3>\n");
        if !t.description.is_empty() {
            w!(out, "<p>{}</p>\n", H(&t.description));
        }
        w!(
            out,
            "<p>{}{}{}</p>\n",
            L::Risks.t(lang),
            labels::colon(lang),
            if t.risks.is_empty() {
                L::None.t(lang).to_owned()
            } else {
                links.ids("risk", &t.risks)
            }
        );
        if !t.has_controls() {
            w!(
                out,
                "<p class=\"note\">{}</p>\n</div>\n",
                L::NoControl.t(lang)
            );
            continue;
        }
        out.push_str("<table class=\"lv1\">\n<tbody>\n");
        for (cat, controls) in &t.by_category {
            w!(
                out,
                "<tr><th>{}</th><td>{}</td></tr>\n",
                labels::category(*cat, lang),
                if controls.is_empty() {
                    format!("<span class=\"muted\">{}</span>", L::None.t(lang))
                } else {
                    links.named("control", controls)
                }
            );
        }
        if !t.uncategorized.is_empty() {
            w!(
                out,
                "<tr><th>—</th><td>{}</td></tr>\n",
                links.named("control", &t.uncategorized)
            );
        }
        out.push_str("</tbody>\n</table>\n</div>\n");
    }
}

fn controls_section(out: &mut String, o: &Overview, links: &Links) {
    let lang = o.lang;
    w!(
        out,
        "<table class=\"controls\">\n{}<thead><tr>",
        colgroup(&[10, 26, 8, 7, 9, 12, 12, 16])
    );
    for h in [
        "ID",
        L::ControlTitle.t(lang),
        L::Category.t(lang),
        L::Status.t(lang),
        L::Owner.t(lang),
        L::MapsTo.t(lang),
        L::TreatedRisks.t(lang),
        L::Procedures.t(lang),
    ] {
        w!(out, "<th>{h}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for c in &o.controls {
        let mut title = H(&c.title).to_string();
        if !c.description.is_empty() {
            w!(
                title,
                "<br><span class=\"muted\">{}</span>",
                H(&c.description)
            );
        }
        let procedures = if c.procedures.is_empty() {
            format!("<span class=\"muted\">{}</span>", L::NoProcedure.t(lang))
        } else {
            links.named("proc", &c.procedures)
        };
        w!(
            out,
            "<tr id=\"control-{}\"><td class=\"id\">{}</td><td>{title}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{procedures}</td></tr>\n",
            H(&c.id),
            H(&c.id),
            c.category.map_or("", |x| labels::category(x, lang)),
            status_badge(c.status, c.status.map_or("", |s| labels::status(s, lang))),
            H(&role(c.owner.as_ref())),
            c.maps_to
                .iter()
                .map(|m| links.mapping(m))
                .collect::<Vec<_>>()
                .join(", "),
            links.ids("risk", &c.risks)
        );
    }
    out.push_str("</tbody>\n</table>\n");

    w!(out, "<h3>{}</h3>\n", L::ProcedureDetails.t(lang));
    w!(
        out,
        "<table class=\"procedures\">\n{}<thead><tr>",
        colgroup(&[9, 12, 11, 9, 9, 30, 11, 9])
    );
    for h in [
        "ID",
        L::Name.t(lang),
        L::Implements.t(lang),
        L::Owner.t(lang),
        L::Frequency.t(lang),
        L::Steps.t(lang),
        L::Evidence.t(lang),
        L::Review.t(lang),
    ] {
        w!(out, "<th>{h}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for p in &o.procedures {
        let list = |tag: &str, items: &[String]| {
            if items.is_empty() {
                return String::new();
            }
            let mut s = format!("<{tag} class=\"l\">");
            for i in items {
                w!(s, "<li>{}</li>", H(i));
            }
            w!(s, "</{tag}>");
            s
        };
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
        w!(
            out,
            "<tr id=\"proc-{}\"><td class=\"id\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            H(&p.id),
            H(&p.id),
            H(&p.title),
            links.ids("control", &p.implements),
            H(&role(p.owner.as_ref())),
            H(&p.frequency),
            list("ol", &p.steps),
            list("ul", &p.evidence),
            H(&review.join("\n"))
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// `isms report`: the whole ISMS on one page.
pub fn report(o: &Overview) -> String {
    let lang = o.lang;
    let links = Links::all(o);
    let title = format!("{} — {}", L::ReportTitle.t(lang), o.organization);
    let mut body = String::new();
    w!(body, "<h1>{}</h1>\n", H(&title));

    // Contents.
    let mut toc: Vec<(String, String)> = vec![
        ("summary".into(), L::Summary.t(lang).into()),
        ("heatmaps".into(), L::RiskMethod.t(lang).into()),
        ("register".into(), L::RisksTitle.t(lang).into()),
    ];
    for s in &o.soas {
        toc.push((
            format!("soa-{}", s.framework),
            format!("{} — {}", L::SoaTitle.t(lang), s.title),
        ));
    }
    toc.push(("lv1".into(), L::Lv1.t(lang).into()));
    toc.push(("controls".into(), L::ControlsAndProcedures.t(lang).into()));
    w!(
        body,
        "<nav class=\"toc\"><strong>{}</strong><ol>",
        L::Contents.t(lang)
    );
    for (id, label) in &toc {
        w!(body, "<li><a href=\"#{}\">{}</a></li>", H(id), H(label));
    }
    body.push_str("</ol></nav>\n");

    // Summary.
    let s = &o.summary;
    w!(
        body,
        "<section id=\"summary\">\n<h2>{}</h2>\n",
        L::Summary.t(lang)
    );
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
    cards(&mut body, &items);
    body.push_str("<table class=\"summary\">\n<thead><tr>");
    w!(body, "<th>{}</th>", L::Status.t(lang));
    for (st, _) in &s.controls_by_status {
        w!(body, "<th>{}</th>", labels::status(*st, lang));
    }
    w!(
        body,
        "<th>{}</th></tr></thead>\n<tbody><tr><td>{}</td>",
        L::Total.t(lang),
        L::Controls.t(lang)
    );
    for (_, n) in &s.controls_by_status {
        w!(body, "<td class=\"num\">{n}</td>");
    }
    w!(body, "<td class=\"num\">{}</td></tr>\n", s.controls);
    for t in &o.soas {
        let c = &t.counts;
        w!(
            body,
            "<tr><td><a href=\"#soa-{}\">{}</a> ({} {} · {} {} · {} {})</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            H(&t.framework),
            H(&t.title),
            L::Applicable.t(lang),
            c.applicable,
            L::Excluded.t(lang),
            c.excluded,
            L::Undecided.t(lang),
            c.undecided + c.contradictory,
            c.implemented,
            c.partial,
            c.planned,
            c.not_implemented,
            c.controls
        );
    }
    body.push_str("</tbody>\n</table>\n");
    findings(&mut body, &o.findings, lang, "h3");
    body.push_str("</section>\n");

    w!(
        body,
        "<section id=\"heatmaps\" class=\"page\">\n<h2>{}</h2>\n",
        L::RiskMethod.t(lang)
    );
    heat_section(&mut body, &o.risks, &links);
    body.push_str("</section>\n");

    w!(
        body,
        "<section id=\"register\" class=\"page\">\n<h2>{}</h2>\n",
        L::RisksTitle.t(lang)
    );
    register_table(&mut body, &o.risks, &links);
    body.push_str("</section>\n");

    for t in &o.soas {
        w!(
            body,
            "<section id=\"soa-{}\" class=\"page\">\n<h2>{} — {}</h2>\n",
            H(&t.framework),
            L::SoaTitle.t(lang),
            H(&t.title)
        );
        soa_section(&mut body, t, &links, true);
        body.push_str("</section>\n");
    }

    w!(
        body,
        "<section id=\"lv1\" class=\"page\">\n<h2>{}</h2>\n",
        L::Lv1.t(lang)
    );
    lv1_section(&mut body, o, &links);
    body.push_str("</section>\n");

    w!(
        body,
        "<section id=\"controls\" class=\"page\">\n<h2>{}</h2>\n",
        L::ControlsAndProcedures.t(lang)
    );
    controls_section(&mut body, o, &links);
    body.push_str("</section>\n");
    page(lang, &title, &body)
}
