//! Excel workbooks (rust_xlsxwriter): a title block, then a table with a header row, frozen
//! panes, an autofilter, wrapped text and column widths measured in display columns (a
//! Japanese character counts two), printed landscape one page wide with the header
//! repeated. A text cell that could start a formula carries the quote-prefix attribute
//! ([`escape::formula_start`]), never a visible `'`. The document's creation date is fixed (the SoA's approval date, else
//! 2000-01-01) and the zip entries carry no time, so the same repository gives the same
//! bytes.

use super::WriteError;
use super::{
    CountTable, REGISTER_COLUMNS, SOA_COLUMNS, acceptance_text, band_counts, inclusion_lines,
    labels_lines, method_lines, severity, soa_counts, soa_facts, soa_status, treatment_text,
};
use crate::i18n::Lang;
use crate::report::Named;
use crate::report::escape;
use crate::report::findings::FindingsSummary;
use crate::report::labels::{self, L};
use crate::report::risks::{HeatMap, RiskRegister};
use crate::report::soa::{Decision, SoaTable};
use crate::risk::Band;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};
use unicode_width::UnicodeWidthStr;

const MIN_WIDTH: usize = 4;
const MAX_WIDTH: usize = 50;

fn err(e: XlsxError) -> WriteError {
    WriteError(format!("cannot build the XLSX workbook: {e}"))
}

struct Styles {
    title: Format,
    bold: Format,
    note: Format,
    header: Format,
    cell: Format,
    number: Format,
    warn: Format,
    high: Format,
    medium: Format,
    low: Format,
}

impl Styles {
    fn new() -> Styles {
        let cell = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(0xB0B0B0));
        let fill = |rgb: u32| cell.clone().set_background_color(Color::RGB(rgb));
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            note: Format::new()
                .set_font_color(Color::RGB(0xC00000))
                .set_bold(),
            header: cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xD9E1F2)),
            number: cell.clone().set_align(FormatAlign::Center),
            warn: fill(0xFCE4D6),
            high: fill(0xF8CBAD),
            medium: fill(0xFFE699),
            low: fill(0xC6EFCE),
            cell,
        }
    }

    fn band(&self, b: Option<Band>) -> &Format {
        match b {
            Some(Band::High) => &self.high,
            Some(Band::Medium) => &self.medium,
            Some(Band::Low) => &self.low,
            None => &self.cell,
        }
    }
}

/// A worksheet with a table whose column widths follow the text written into it.
struct Sheet<'w> {
    ws: &'w mut Worksheet,
    widths: Vec<usize>,
}

impl<'w> Sheet<'w> {
    fn new(ws: &'w mut Worksheet, name: &str) -> Result<Sheet<'w>, WriteError> {
        ws.set_name(name).map_err(err)?;
        Ok(Sheet {
            ws,
            widths: Vec::new(),
        })
    }

    /// A text cell that widens its column to fit (up to a maximum, then it wraps).
    fn text(&mut self, row: u32, col: u16, s: &str, f: &Format) -> Result<(), WriteError> {
        let width = s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
        let c = usize::from(col);
        if self.widths.len() <= c {
            self.widths.resize(c + 1, MIN_WIDTH);
        }
        self.widths[c] = self.widths[c].max(width.clamp(MIN_WIDTH, MAX_WIDTH));
        write_text(self.ws, row, col, s, f)
    }

    /// A text cell outside the table: it overflows to the right and sets no width.
    fn free(&mut self, row: u32, col: u16, s: &str, f: &Format) -> Result<(), WriteError> {
        write_text(self.ws, row, col, s, f)
    }

    fn number(&mut self, row: u32, col: u16, n: Option<i64>, f: &Format) -> Result<(), WriteError> {
        match n {
            #[allow(clippy::cast_precision_loss)] // levels are small integers
            Some(n) => self
                .ws
                .write_number_with_format(row, col, n as f64, f)
                .map_err(err)?,
            None => self.ws.write_blank(row, col, f).map_err(err)?,
        };
        Ok(())
    }

    /// The header row of the table at `row`; freezes the panes below it.
    fn header(&mut self, row: u32, cells: &[&str], s: &Styles) -> Result<(), WriteError> {
        for (i, c) in cells.iter().enumerate() {
            self.text(row, col(i), c, &s.header)?;
        }
        self.ws.set_freeze_panes(row + 1, 0).map_err(err)?;
        self.ws.set_repeat_rows(row, row).map_err(err)?;
        Ok(())
    }

    /// Autofilter over the table, column widths, and the page set-up.
    fn finish(self, header_row: u32, last_row: u32, columns: usize) -> Result<(), WriteError> {
        let last_col = col(columns.saturating_sub(1));
        self.ws
            .autofilter(header_row, 0, last_row.max(header_row), last_col)
            .map_err(err)?;
        for (i, w) in self.widths.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            self.ws
                .set_column_width(col(i), (*w + 2) as f64)
                .map_err(err)?;
        }
        self.ws
            .set_landscape()
            .set_paper_size(9)
            .set_print_fit_to_pages(1, 0);
        Ok(())
    }
}

/// A text cell, never a formula: text that a spreadsheet could take for one
/// ([`escape::formula_start`]) keeps its characters and gets the cell's quote-prefix
/// attribute, which Excel and LibreOffice honour without showing a `'`.
fn write_text(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    s: &str,
    f: &Format,
) -> Result<(), WriteError> {
    if escape::formula_start(s) {
        ws.write_string_with_format(row, col, s, &f.clone().set_quote_prefix())
    } else {
        ws.write_string_with_format(row, col, s, f)
    }
    .map_err(err)?;
    Ok(())
}

fn col(i: usize) -> u16 {
    u16::try_from(i).expect("few columns")
}

fn row_num(i: usize) -> u32 {
    u32::try_from(i).expect("rows fit Excel")
}

fn named(list: &[Named]) -> String {
    labels_lines(list)
}

fn workbook(title: &str, author: &str, created: Option<&str>) -> Result<Workbook, WriteError> {
    let mut wb = Workbook::new();
    let date = created
        .and_then(crate::fields::parse_date)
        .map_or_else(
            || ExcelDateTime::from_ymd(2000, 1, 1),
            |d| {
                ExcelDateTime::from_ymd(
                    u16::try_from(d.year()).unwrap_or(2000),
                    u8::try_from(d.month()).unwrap_or(1),
                    u8::try_from(d.day()).unwrap_or(1),
                )
            },
        )
        .map_err(err)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author(author)
            .set_company(author)
            .set_creation_datetime(&date),
    );
    Ok(wb)
}

/// The findings of `isms check` on a sheet of their own.
fn findings_sheet(
    wb: &mut Workbook,
    f: &FindingsSummary,
    lang: Lang,
    s: &Styles,
) -> Result<(), WriteError> {
    if f.total() == 0 {
        return Ok(());
    }
    let mut sh = Sheet::new(wb.add_worksheet(), lang.pick("Findings", "指摘"))?;
    let head = [
        L::Severity.t(lang),
        L::Code.t(lang),
        L::Location.t(lang),
        L::Message.t(lang),
    ];
    sh.header(0, &head, s)?;
    for (i, item) in f.items.iter().enumerate() {
        let r = row_num(i + 1);
        sh.text(r, 0, severity(item.severity, lang), &s.cell)?;
        sh.text(r, 1, item.code, &s.cell)?;
        sh.text(r, 2, &item.location(), &s.cell)?;
        sh.text(r, 3, &item.message, &s.cell)?;
    }
    sh.finish(0, row_num(f.items.len()), head.len())
}

/// A table of counts ([`CountTable`]) as cells from `top`; returns its last row. Its
/// columns do not widen the sheet's: the numbers are short, and the labels wrap.
fn count_cells(sh: &mut Sheet, top: u32, t: &CountTable, s: &Styles) -> Result<u32, WriteError> {
    for (i, h) in t.head().iter().enumerate() {
        write_text(sh.ws, top, col(i), h, &s.header)?;
    }
    let mut r = top;
    for (label, cells) in &t.rows {
        r += 1;
        write_text(sh.ws, r, 0, label, &s.header)?;
        for (i, n) in cells.iter().enumerate() {
            match n {
                #[allow(clippy::cast_precision_loss)] // counts are small
                Some(n) => sh
                    .ws
                    .write_number_with_format(r, col(i + 1), *n as f64, &s.number)
                    .map_err(err)?,
                None => sh
                    .ws
                    .write_string_with_format(r, col(i + 1), "—", &s.number)
                    .map_err(err)?,
            };
        }
    }
    Ok(r)
}

/// "isms check の指摘：エラー 2 · 警告 1 · 情報 0", or "no problems".
fn findings_line(f: &FindingsSummary, lang: Lang) -> String {
    let c = labels::colon(lang);
    if f.total() == 0 {
        return format!("{}{c}{}", L::Findings.t(lang), L::FindingsNone.t(lang));
    }
    format!(
        "{}{c}{} {} · {} {} · {} {}",
        L::Findings.t(lang),
        L::Errors.t(lang),
        f.errors,
        L::Warnings.t(lang),
        f.warnings,
        L::Infos.t(lang),
        f.infos
    )
}

pub fn soa(t: &SoaTable) -> Result<Vec<u8>, WriteError> {
    let lang = t.lang;
    let s = Styles::new();
    let title = format!("{} — {}", L::SoaTitle.t(lang), t.title);
    let mut wb = workbook(&title, &t.organization, t.approved_on.as_deref())?;
    {
        let mut sh = Sheet::new(wb.add_worksheet(), L::SoaTitle.t(lang))?;
        let mut r = 0;
        sh.free(r, 0, &title, &s.title)?;
        for (label, value) in soa_facts(t) {
            r += 1;
            sh.free(
                r,
                0,
                &format!("{label}{}{value}", labels::colon(lang)),
                &s.bold,
            )?;
        }
        r = count_cells(&mut sh, r + 2, &soa_counts(t), &s)?;
        r += 1;
        sh.free(r, 0, &findings_line(&t.findings, lang), &s.bold)?;
        if t.findings.errors > 0 {
            r += 1;
            sh.free(r, 0, L::FindingsWarning.t(lang), &s.note)?;
        }
        if !t.declared {
            r += 1;
            sh.free(r, 0, L::NoSoaDocument.t(lang), &s.note)?;
        }
        let header_row = r + 2;
        let head = SOA_COLUMNS.map(|l| l.t(lang));
        sh.header(header_row, &head, &s)?;
        for (i, row) in t.rows.iter().enumerate() {
            let r = header_row + 1 + row_num(i);
            let f = match row.decision {
                Decision::Undecided | Decision::Contradictory => &s.warn,
                _ => &s.cell,
            };
            sh.text(r, 0, &row.id, f)?;
            sh.text(r, 1, &row.group_title, f)?;
            sh.text(r, 2, &row.title, f)?;
            sh.text(r, 3, labels::decision(row.decision, lang), f)?;
            sh.text(r, 4, &inclusion_lines(row, lang).join("\n"), f)?;
            sh.text(r, 5, &soa_status(row, lang), f)?;
            sh.text(r, 6, &named(&row.controls), f)?;
            sh.text(r, 7, &named(&row.procedures), f)?;
            sh.text(r, 8, row.exclusion.as_deref().unwrap_or(""), f)?;
        }
        sh.finish(header_row, header_row + row_num(t.rows.len()), head.len())?;
    }
    {
        let mut sh = Sheet::new(
            wb.add_worksheet(),
            lang.pick("Additional controls", "追加の管理策"),
        )?;
        sh.free(0, 0, L::AdditionalControls.t(lang), &s.title)?;
        let head = [
            "ID",
            L::ControlTitle.t(lang),
            L::Category.t(lang),
            L::Status.t(lang),
            L::TreatedRisks.t(lang),
            L::Procedures.t(lang),
            L::MapsTo.t(lang),
        ];
        sh.header(1, &head, &s)?;
        for (i, a) in t.additional.iter().enumerate() {
            let r = 2 + row_num(i);
            sh.text(r, 0, &a.id, &s.cell)?;
            sh.text(r, 1, &a.title, &s.cell)?;
            sh.text(
                r,
                2,
                a.category.map_or("", |c| labels::category(c, lang)),
                &s.cell,
            )?;
            sh.text(
                r,
                3,
                a.status.map_or("", |x| labels::status(x, lang)),
                &s.cell,
            )?;
            sh.text(r, 4, &a.risks.join(", "), &s.cell)?;
            sh.text(r, 5, &named(&a.procedures), &s.cell)?;
            sh.text(r, 6, &a.maps_to.join("\n"), &s.cell)?;
        }
        sh.finish(1, 1 + row_num(t.additional.len()), head.len())?;
    }
    findings_sheet(&mut wb, &t.findings, lang, &s)?;
    wb.save_to_buffer().map_err(err)
}

fn heat_grid(
    sh: &mut Sheet,
    top: u32,
    title: &str,
    h: &HeatMap,
    r: &RiskRegister,
    s: &Styles,
) -> Result<u32, WriteError> {
    let lang = r.lang;
    sh.free(top, 0, title, &s.title)?;
    let head_row = top + 1;
    sh.text(
        head_row,
        0,
        &format!("{} ＼ {}", L::Impact.t(lang), L::Likelihood.t(lang)),
        &s.header,
    )?;
    for l in 1..=h.likelihood {
        sh.text(
            head_row,
            col(usize::try_from(l).unwrap_or(0)),
            &r.method.likelihood_step(l),
            &s.header,
        )?;
    }
    let mut row = head_row;
    for impact in (1..=h.impact).rev() {
        row += 1;
        sh.text(row, 0, &r.method.impact_step(impact), &s.header)?;
        for c in h.row(impact) {
            let mut text = format!(
                "{} {}\n{}",
                c.level,
                labels::band(c.band, lang),
                crate::tr!(lang, "{} risks", "{} 件", c.risks.len())
            );
            if !c.risks.is_empty() {
                text.push('\n');
                text.push_str(&c.risks.join(", "));
            }
            sh.text(
                row,
                col(usize::try_from(c.likelihood).unwrap_or(0)),
                &text,
                s.band(Some(c.band)),
            )?;
        }
    }
    if !h.unplaced.is_empty() {
        row += 1;
        sh.free(
            row,
            0,
            &format!(
                "{}{}{}",
                L::Unplaced.t(lang),
                labels::colon(lang),
                h.unplaced.join(", ")
            ),
            &s.note,
        )?;
    }
    Ok(row + 2)
}

pub fn risks(reg: &RiskRegister) -> Result<Vec<u8>, WriteError> {
    let lang = reg.lang;
    let s = Styles::new();
    let title = format!("{} — {}", L::RisksTitle.t(lang), reg.organization);
    let mut wb = workbook(&title, &reg.organization, None)?;
    {
        let mut sh = Sheet::new(wb.add_worksheet(), lang.pick("Risk register", "リスク台帳"))?;
        let mut r = 0;
        sh.free(r, 0, &title, &s.title)?;
        for line in method_lines(&reg.method, lang) {
            r += 1;
            sh.free(r, 0, &line, &s.bold)?;
        }
        r = count_cells(&mut sh, r + 2, &band_counts(reg), &s)?;
        r += 1;
        sh.free(r, 0, &findings_line(&reg.findings, lang), &s.bold)?;
        if reg.findings.errors > 0 {
            r += 1;
            sh.free(r, 0, L::FindingsWarning.t(lang), &s.note)?;
        }
        let header_row = r + 2;
        let head = REGISTER_COLUMNS.map(|l| l.t(lang));
        sh.header(header_row, &head, &s)?;
        for (i, x) in reg.rows.iter().enumerate() {
            let r = header_row + 1 + row_num(i);
            sh.text(r, 0, &x.id, &s.cell)?;
            sh.text(r, 1, &x.title, &s.cell)?;
            sh.text(r, 2, &named(&x.assets), &s.cell)?;
            sh.text(
                r,
                3,
                &x.threat.as_ref().map_or_else(String::new, Named::label),
                &s.cell,
            )?;
            sh.text(
                r,
                4,
                x.origin.map_or("", |o| labels::origin(o, lang)),
                &s.cell,
            )?;
            sh.text(r, 5, &named(&x.vulnerabilities), &s.cell)?;
            sh.number(r, 6, x.impact, &s.number)?;
            sh.number(r, 7, x.likelihood, &s.number)?;
            sh.number(r, 8, x.level, s.band(x.band))?;
            sh.text(
                r,
                9,
                x.band.map_or("", |b| labels::band(b, lang)),
                s.band(x.band),
            )?;
            sh.text(r, 10, &treatment_text(x, lang), &s.cell)?;
            sh.text(r, 11, &named(&x.controls), &s.cell)?;
            sh.text(
                r,
                12,
                &x.owner.as_ref().map_or_else(String::new, Named::label),
                &s.cell,
            )?;
            sh.text(r, 13, x.due.as_deref().unwrap_or(""), &s.cell)?;
            sh.number(r, 14, x.residual_level, s.band(x.residual_band))?;
            sh.text(
                r,
                15,
                x.residual_band.map_or("", |b| labels::band(b, lang)),
                s.band(x.residual_band),
            )?;
            sh.text(r, 16, &acceptance_text(x, lang), &s.cell)?;
        }
        sh.finish(header_row, header_row + row_num(reg.rows.len()), head.len())?;
    }
    {
        let mut sh = Sheet::new(wb.add_worksheet(), lang.pick("Heat maps", "ヒートマップ"))?;
        let next = heat_grid(&mut sh, 0, L::HeatBefore.t(lang), &reg.before, reg, &s)?;
        let last = heat_grid(&mut sh, next, L::HeatAfter.t(lang), &reg.after, reg, &s)?;
        sh.free(last - 1, 0, L::HeatAfterNote.t(lang), &s.bold)?;
        for (i, w) in sh.widths.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            sh.ws
                .set_column_width(col(i), (*w).max(16) as f64 + 2.0)
                .map_err(err)?;
        }
        sh.ws.set_landscape().set_paper_size(9);
    }
    findings_sheet(&mut wb, &reg.findings, lang, &s)?;
    wb.save_to_buffer().map_err(err)
}
