//! The ISMS status (clauses 4–10) in the one-page report, and the documents register
//! (文書管理台帳) of `isms documents` in every format. Peers of the other writers: they lay
//! out [`IsmsStatus`] and escape user text for their format (HTML through `maud`, Markdown
//! cells through `escape::md_cell`, CSV and XLSX cells through `escape::spreadsheet`).

use super::WriteError;
use crate::catalog::Documented;
use crate::i18n::Lang;
use crate::report::escape;
use crate::report::status::{DocumentRow, IsmsStatus, Satisfier, label};
use maud::{Markup, html};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format as XFormat, Workbook};
use std::fmt::Write as _;

/// The columns of the documents register, in order.
const COLUMNS: [&str; 12] = [
    "id",
    "title",
    "type",
    "satisfies",
    "version",
    "owner",
    "approved_by",
    "approved_on",
    "doc_status",
    "review_last",
    "review_next",
    "location",
];

fn doc_status(lang: Lang, status: &str) -> &'static str {
    label(lang, status)
}

/// The cells of one register row, as plain text.
fn cells(d: &DocumentRow, lang: Lang) -> [String; 12] {
    [
        d.id.clone(),
        d.title.clone(),
        d.doc_type
            .map_or("", |t| label(lang, &format!("t-{t}")))
            .to_owned(),
        d.satisfies.join(", "),
        d.version.clone(),
        d.owner_name.clone(),
        d.approver.clone(),
        d.approved_on.clone().unwrap_or_default(),
        doc_status(lang, d.status).to_owned(),
        d.review_last.clone().unwrap_or_default(),
        d.review_next.clone().unwrap_or_default(),
        if d.location == "inline" {
            label(lang, "inline").to_owned()
        } else {
            d.location.clone()
        },
    ]
}

fn headers(lang: Lang) -> Vec<&'static str> {
    COLUMNS.iter().map(|c| label(lang, c)).collect()
}

fn satisfier_text(s: &Satisfier, lang: Lang) -> String {
    match s {
        Satisfier::Document { id, draft: false } => id.clone(),
        Satisfier::Document { id, draft: true } => format!("{id} ({})", label(lang, "draft")),
        Satisfier::Records { kind, count, ids } => {
            let name = crate::model::Kind::parse(kind).map_or(*kind, |k| k.name(lang));
            if *count <= 3 {
                format!("{name}: {}", ids.join(", "))
            } else {
                format!("{name}: {count}")
            }
        }
    }
}

/// The "ISMS status" section's content in the HTML report.
pub fn html_section(s: &IsmsStatus) -> Markup {
    let lang = s.lang;
    let (done, all) = s.required_counts();
    let documented = |d: Documented| match d {
        Documented::Required => label(lang, "required"),
        Documented::Expected => label(lang, "expected"),
        Documented::None => label(lang, "none"),
    };
    html! {
        @if !s.declared { p class="note" { (label(lang, "off")) } "\n" }
        h3 id="clauses" { (label(lang, "checklist")) } "\n"
        p class=(if done == all { "ok" } else { "note" }) {
            (done) " / " (all) " " (label(lang, "complete"))
        }
        "\n"
        table class="clauses" {
            "\n"
            thead { tr {
                th { (label(lang, "clause")) } th { (label(lang, "title")) }
                th { (label(lang, "documented")) } th { (label(lang, "satisfied_by")) }
            } }
            "\n"
            tbody {
                @for c in &s.clauses {
                    tr id={ "clause-" (c.id) } class=[(c.documented == Documented::Required && !c.satisfied).then_some("d-undecided")] {
                        td class="id" { (c.id) }
                        td { (c.title) }
                        td { (documented(c.documented)) }
                        td {
                            @if c.by.is_empty() && c.documented == Documented::Required {
                                strong { (label(lang, "missing")) }
                            }
                            @for b in &c.by {
                                @match b {
                                    Satisfier::Document { id, .. } => {
                                        a href={ "#doc-" (id) } { (satisfier_text(b, lang)) } " "
                                    }
                                    Satisfier::Records { .. } => { span { (satisfier_text(b, lang)) } " " }
                                }
                            }
                        }
                    }
                    "\n"
                }
            }
        }
        "\n"
        h3 id="documents" { (label(lang, "documents")) } "\n"
        table class="documents" {
            "\n"
            thead { tr { @for h in headers(lang) { th { (h) } } } }
            "\n"
            tbody {
                @for d in &s.documents {
                    @let row = cells(d, lang);
                    tr id={ "doc-" (d.id) } {
                        @for (i, cell) in row.iter().enumerate() {
                            @if i == 0 { td class="id" { (cell) } } @else { td { (cell) } }
                        }
                    }
                    "\n"
                }
            }
        }
        "\n"
        h3 id="timeline" { (label(lang, "timeline")) } "\n"
        table class="timeline" {
            "\n"
            thead { tr {
                th { (label(lang, "date")) } th { (label(lang, "kind")) }
                th { (label(lang, "id")) } th { (label(lang, "title")) } th { (label(lang, "result")) }
            } }
            "\n"
            tbody {
                @for e in &s.timeline {
                    tr {
                        td class="id" { (e.date) } td { (label(lang, e.kind)) }
                        td class="id" { (e.id) } td { (e.title) } td { (e.result) }
                    }
                    "\n"
                }
            }
        }
        "\n"
        h3 id="open-nonconformities" { (label(lang, "open_ncs")) } "\n"
        @if s.open_nonconformities.is_empty() {
            p { (label(lang, "none_open")) } "\n"
        } @else {
            table class="nonconformities" {
                "\n"
                thead { tr {
                    th { (label(lang, "id")) } th { (label(lang, "title")) }
                    th { (label(lang, "owner")) } th { (label(lang, "due")) }
                } }
                "\n"
                tbody {
                    @for n in &s.open_nonconformities {
                        tr class=[n.overdue.then_some("d-undecided")] {
                            td class="id" { (n.id) } td { (n.title) } td { (n.owner) }
                            td {
                                (n.due.as_deref().unwrap_or(""))
                                @if n.overdue { " (" (label(lang, "overdue")) ")" }
                            }
                        }
                        "\n"
                    }
                }
            }
            "\n"
        }
        h3 id="evidence" { (label(lang, "evidence")) } "\n"
        table class="evidence" {
            "\n"
            thead { tr {
                th { (label(lang, "control")) } th { (label(lang, "title")) } th { (label(lang, "doc_status")) }
                th { (label(lang, "id")) } th { (label(lang, "date")) } th { (label(lang, "location")) }
            } }
            "\n"
            tbody {
                @for e in &s.evidence {
                    tr class=[e.evidence.is_none().then_some("d-undecided")] {
                        td class="id" { (e.control) } td { (e.title) }
                        td { (crate::model::Status::parse(e.status).map_or(e.status, |st| crate::report::labels::status(st, lang))) }
                        @if let Some(ev) = &e.evidence {
                            td class="id" { (ev.id) } td { (ev.date.as_deref().unwrap_or("")) } td { (ev.location) }
                        } @else {
                            td colspan="3" { (label(lang, "no_evidence")) }
                        }
                    }
                    "\n"
                }
            }
        }
        "\n"
        h3 id="objectives" { (label(lang, "objectives")) } "\n"
        table class="objectives" {
            "\n"
            thead { tr {
                th { (label(lang, "id")) } th { (label(lang, "title")) } th { (label(lang, "target")) }
                th { (label(lang, "latest")) } th { (label(lang, "due")) } th { (label(lang, "doc_status")) }
            } }
            "\n"
            tbody {
                @for o in &s.objectives {
                    tr {
                        td class="id" { (o.id) } td { (o.title) } td { (o.target) }
                        td {
                            (o.latest_value)
                            @if let Some(d) = &o.latest_date { " (" (d) ")" }
                        }
                        td { (o.due.as_deref().unwrap_or("")) }
                        td { (o.status.map_or("", |st| label(lang, &format!("o-{st}")))) }
                    }
                    "\n"
                }
            }
        }
        "\n"
    }
}

/// The documents register as Markdown.
pub fn documents_md(s: &IsmsStatus) -> String {
    let lang = s.lang;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} — {}\n",
        label(lang, "documents"),
        escape::md_text(&s.organization)
    );
    let document = label(lang, "documents");
    let control = super::document_facts(&s.organization, document, &s.as_of, lang);
    super::md::facts(&mut out, &control, lang);
    out.push('|');
    for h in headers(lang) {
        let _ = write!(out, " {} |", escape::md_text(h));
    }
    out.push_str("\n|");
    for _ in COLUMNS {
        out.push_str("---|");
    }
    out.push('\n');
    for d in &s.documents {
        out.push('|');
        for c in cells(d, lang) {
            let _ = write!(out, " {} |", escape::md_cell(&c));
        }
        out.push('\n');
    }
    out
}

/// The documents register as CSV: UTF-8 with a BOM, CRLF.
pub fn documents_csv(s: &IsmsStatus) -> Result<Vec<u8>, WriteError> {
    let lang = s.lang;
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer("\u{FEFF}".as_bytes().to_vec());
    let fail = |e: ::csv::Error| WriteError(format!("cannot write CSV: {e}"));
    w.write_record(headers(lang)).map_err(fail)?;
    for d in &s.documents {
        w.write_record(cells(d, lang).iter().map(|c| escape::spreadsheet(c)))
            .map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| WriteError(format!("cannot write CSV: {e}")))
}

/// The documents register as JSON: `{organization, lang, documents: [...]}`.
pub fn documents_json(s: &IsmsStatus) -> String {
    let value = serde_json::json!({
        "organization": s.organization,
        "lang": s.lang,
        "as_of": s.as_of,
        "documents": s.documents,
    });
    serde_json::to_string_pretty(&value).expect("JSON of plain rows") + "\n"
}

/// The documents register as one HTML page.
pub fn documents_html(s: &IsmsStatus) -> String {
    let lang = s.lang;
    let title = format!("{} — {}", label(lang, "documents"), s.organization);
    let body = html! {
        h1 { (title) } "\n"
        table class="documents" {
            "\n"
            thead { tr { @for h in headers(lang) { th { (h) } } } }
            "\n"
            tbody {
                @for d in &s.documents {
                    tr id={ "doc-" (d.id) } { @for c in cells(d, lang) { td { (c) } } }
                    "\n"
                }
            }
        }
        "\n"
    };
    let control = super::control_line(
        &s.organization,
        label(lang, "documents"),
        None,
        &s.as_of,
        lang,
    );
    super::html::page_of(lang, &title, &control, &body)
}

/// The documents register as an Excel workbook: one sheet, a frozen header, an autofilter;
/// a fixed creation date (2000-01-01) so the same repository gives the same bytes.
pub fn documents_xlsx(s: &IsmsStatus) -> Result<Vec<u8>, WriteError> {
    let err = |e: rust_xlsxwriter::XlsxError| WriteError(format!("cannot write XLSX: {e}"));
    let lang = s.lang;
    let mut wb = Workbook::new();
    let date = ExcelDateTime::from_ymd(2000, 1, 1).map_err(err)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(label(lang, "documents"))
            .set_author(&s.organization)
            .set_creation_datetime(&date),
    );
    let head = XFormat::new().set_bold().set_background_color("E6ECF5");
    let wrap = XFormat::new().set_text_wrap();
    let sheet = wb.add_worksheet();
    sheet
        .set_name(lang.pick("Documents", "文書管理台帳"))
        .map_err(err)?;
    for (c, h) in headers(lang).iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *h, &head)
            .map_err(err)?;
        sheet
            .set_column_width(c as u16, if c == 1 { 36 } else { 16 })
            .map_err(err)?;
    }
    for (r, d) in s.documents.iter().enumerate() {
        for (c, cell) in cells(d, lang).iter().enumerate() {
            sheet
                .write_string_with_format(r as u32 + 1, c as u16, escape::spreadsheet(cell), &wrap)
                .map_err(err)?;
        }
    }
    let control = super::control_line(
        &s.organization,
        label(lang, "documents"),
        None,
        &s.as_of,
        lang,
    );
    sheet
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_header(format!("&L&8{}", super::xlsx::header_text(&control)))
        .set_footer(lang.pick("&R&8Page &P of &N", "&R&8&P / &N ページ"));
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    sheet
        .autofilter(0, 0, s.documents.len() as u32, COLUMNS.len() as u16 - 1)
        .map_err(err)?;
    wb.save_to_buffer().map_err(err)
}
