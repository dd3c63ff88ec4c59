//! Excel workbooks (rust_xlsxwriter): a title block, then a table with a header row, frozen
//! panes, an autofilter, wrapped text and column widths measured in display columns (a
//! Japanese character counts two), printed landscape one page wide with the header
//! repeated. A text cell that could start a formula carries the quote-prefix attribute
//! ([`escape::formula_start`]), never a visible `'`. The document's creation date is fixed (the SoA's approval date, else
//! 2000-01-01) and the zip entries carry no time, so the same repository gives the same
//! bytes.

use super::WriteError;
use super::{
    CountTable, REGISTER_COLUMNS, SOA_COLUMNS, acceptance_text, as_of_text, band_counts,
    control_line, evidence_lines, inclusion_lines, labels_lines, method_lines, severity,
    soa_counts, soa_facts, soa_status, treatment_text,
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
    excluded: Format,
    contradictory: Format,
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
            // Excluded rows: grey, so that they read as "not applied" at a glance.
            excluded: fill(0xEDEDED).set_font_color(Color::RGB(0x595959)),
            contradictory: fill(0xF4B084).set_bold(),
            high: fill(0xF8CBAD),
            medium: fill(0xFFE699),
            low: fill(0xC6EFCE),
            cell,
        }
    }

    /// The same cell style, showing a date.
    fn date_of(&self, f: &Format) -> Format {
        f.clone()
            .set_num_format("yyyy-mm-dd")
            .set_align(FormatAlign::Center)
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

/// How a sheet prints: its paper, and how many pages tall it may be (0: as many as it
/// needs; every sheet is one page wide).
#[derive(Clone, Copy)]
struct Paper {
    /// Excel's paper code: 9 A4, 8 A3.
    size: u8,
    pages_tall: u16,
    /// The sum of column widths (in Excel's units, about one digit each) that prints one
    /// page wide at about 70 % or more; wider tables get their widest columns narrowed
    /// (the text wraps, the rows grow) until they fit.
    width: usize,
}

const A4: Paper = Paper {
    size: 9,
    pages_tall: 0,
    width: 200,
};

/// The register's 17 columns need A3 to stay readable when printed one page wide.
const A3: Paper = Paper {
    size: 8,
    pages_tall: 0,
    width: 290,
};

/// The widest a column may be so that all of them add up to `budget` at most: the
/// narrow columns keep their width, the wide ones share what is left (never below 12).
fn cap_widths(widths: &[usize], budget: usize) -> usize {
    let widest = widths.iter().copied().max().unwrap_or(MIN_WIDTH);
    (12..=widest)
        .rev()
        .find(|cap| widths.iter().map(|w| (*w).min(*cap) + 2).sum::<usize>() <= budget)
        .unwrap_or(12)
}

/// Points per line of wrapped 11-point text, and the padding of a row.
const LINE_HEIGHT: f64 = 15.0;
const ROW_PADDING: f64 = 3.0;

/// A worksheet with a table whose column widths follow the text written into it, and
/// whose rows grow to the lines their wrapped text takes.
struct Sheet<'w> {
    ws: &'w mut Worksheet,
    widths: Vec<usize>,
    /// Per row, the wrapped cells: their column and the display width of each of their
    /// lines, to fit the row's height once the column widths are known.
    wrapped: std::collections::BTreeMap<u32, Vec<(u16, Vec<usize>)>>,
    /// The document-control line for the page head.
    control: String,
    lang: Lang,
}

impl<'w> Sheet<'w> {
    fn new(
        ws: &'w mut Worksheet,
        name: &str,
        control: &str,
        lang: Lang,
    ) -> Result<Sheet<'w>, WriteError> {
        ws.set_name(name).map_err(err)?;
        Ok(Sheet {
            ws,
            widths: Vec::new(),
            wrapped: std::collections::BTreeMap::new(),
            control: control.to_owned(),
            lang,
        })
    }

    /// Notes a wrapped cell's lines for the row height.
    fn note_lines(&mut self, row: u32, col: u16, s: &str) {
        let lines = s.lines().map(UnicodeWidthStr::width).collect();
        self.wrapped.entry(row).or_default().push((col, lines));
    }

    /// A text cell that widens its column to fit (up to a maximum, then it wraps).
    fn text(&mut self, row: u32, col: u16, s: &str, f: &Format) -> Result<(), WriteError> {
        let width = s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
        let c = usize::from(col);
        if self.widths.len() <= c {
            self.widths.resize(c + 1, MIN_WIDTH);
        }
        self.widths[c] = self.widths[c].max(width.clamp(MIN_WIDTH, MAX_WIDTH));
        self.note_lines(row, col, s);
        write_text(self.ws, row, col, s, f)
    }

    /// A wrapped text cell that does not widen its column (a label over short numbers).
    fn narrow(&mut self, row: u32, col: u16, s: &str, f: &Format) -> Result<(), WriteError> {
        self.note_lines(row, col, s);
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

    /// A date cell (a real date, so that filters and sorting work), else the text as written.
    fn date(
        &mut self,
        row: u32,
        col: u16,
        d: Option<&str>,
        s: &Styles,
        f: &Format,
    ) -> Result<(), WriteError> {
        let parsed = d.and_then(crate::fields::parse_date).and_then(|d| {
            ExcelDateTime::from_ymd(
                u16::try_from(d.year()).ok()?,
                u8::try_from(d.month()).ok()?,
                u8::try_from(d.day()).ok()?,
            )
            .ok()
        });
        self.widths
            .resize(self.widths.len().max(usize::from(col) + 1), MIN_WIDTH);
        let c = usize::from(col);
        self.widths[c] = self.widths[c].max(10);
        match (parsed, d) {
            (Some(date), _) => self
                .ws
                .write_date_with_format(row, col, &date, &s.date_of(f))
                .map(|_| ())
                .map_err(err),
            (None, Some(text)) => self.text(row, col, text, f),
            (None, None) => self.ws.write_blank(row, col, f).map(|_| ()).map_err(err),
        }
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

    /// Column widths, then each row's height from the lines its wrapped cells take at
    /// those widths (a wide character counts two columns).
    fn fit(&mut self, min_width: usize, budget: usize) -> Result<(), WriteError> {
        let cap = cap_widths(&self.widths, budget);
        let widths: Vec<usize> = self
            .widths
            .iter()
            .map(|w| (*w).min(cap).max(min_width) + 2)
            .collect();
        for (i, w) in widths.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            self.ws.set_column_width(col(i), *w as f64).map_err(err)?;
        }
        for (row, cells) in &self.wrapped {
            let lines = cells
                .iter()
                .map(|(c, lines)| {
                    let room = widths
                        .get(usize::from(*c))
                        .map_or(8, |w| w.saturating_sub(1).max(1));
                    lines.iter().map(|w| w.div_ceil(room).max(1)).sum::<usize>()
                })
                .max()
                .unwrap_or(1);
            if lines > 1 {
                #[allow(clippy::cast_precision_loss)]
                let height = lines as f64 * LINE_HEIGHT + ROW_PADDING;
                self.ws.set_row_height(*row, height).map_err(err)?;
            }
        }
        Ok(())
    }

    /// The page set-up: landscape, one page wide, the document-control line at the head and
    /// "page N of M" at the foot.
    fn page(&mut self, paper: Paper) {
        let line: String = header_text(&self.control);
        let pages = match self.lang {
            Lang::En => "&R&8Page &P of &N",
            Lang::Ja => "&R&8&P / &N ページ",
        };
        self.ws
            .set_landscape()
            .set_paper_size(paper.size)
            .set_print_fit_to_pages(1, paper.pages_tall)
            .set_header(format!("&L&8{line}"))
            .set_footer(pages)
            .set_margins(0.5, 0.5, 0.7, 0.6, 0.3, 0.3);
    }

    /// Autofilter over the table, column widths and row heights, and the page set-up.
    fn finish(
        mut self,
        header_row: u32,
        last_row: u32,
        columns: usize,
        paper: Paper,
    ) -> Result<(), WriteError> {
        let last_col = col(columns.saturating_sub(1));
        self.ws
            .autofilter(header_row, 0, last_row.max(header_row), last_col)
            .map_err(err)?;
        self.fit(0, paper.width)?;
        self.page(paper);
        Ok(())
    }
}

/// The document-control line as a page-header text: `&` doubled (Excel's escape), cut to
/// fit Excel's 255 characters with the codes around it.
pub(super) fn header_text(line: &str) -> String {
    let escaped = line.replace('&', "&&");
    if escaped.chars().count() <= 240 {
        return escaped;
    }
    let mut cut: String = escaped.chars().take(239).collect();
    // Never leave half of an `&&`.
    if cut.chars().rev().take_while(|c| *c == '&').count() % 2 == 1 {
        cut.pop();
    }
    cut.push('…');
    cut
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
    control: &str,
    s: &Styles,
) -> Result<(), WriteError> {
    if f.total() == 0 {
        return Ok(());
    }
    let mut sh = Sheet::new(
        wb.add_worksheet(),
        lang.pick("Findings", "指摘"),
        control,
        lang,
    )?;
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
    sh.finish(0, row_num(f.items.len()), head.len(), A4)
}

/// A table of counts ([`CountTable`]) as cells from `top`; returns its last row. Its
/// columns do not widen the sheet's: the numbers are short, and the labels wrap.
fn count_cells(sh: &mut Sheet, top: u32, t: &CountTable, s: &Styles) -> Result<u32, WriteError> {
    for (i, h) in t.head().iter().enumerate() {
        sh.narrow(top, col(i), h, &s.header)?;
    }
    let mut r = top;
    for (label, cells) in &t.rows {
        r += 1;
        sh.narrow(r, 0, label, &s.header)?;
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
    let control = control_line(
        &t.organization,
        &title,
        t.version.as_deref(),
        &t.as_of,
        lang,
    );
    {
        let mut sh = Sheet::new(wb.add_worksheet(), L::SoaTitle.t(lang), &control, lang)?;
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
        // One row of counts: the sheet's title names the framework, so the row is "counts"
        // (its first column is the narrow one of the control numbers).
        let mut counts = soa_counts(t);
        counts.corner = "";
        for row in &mut counts.rows {
            row.0 = L::Counts.t(lang).to_owned();
        }
        r = count_cells(&mut sh, r + 2, &counts, &s)?;
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
                Decision::Undecided => &s.warn,
                Decision::Contradictory => &s.contradictory,
                Decision::Excluded => &s.excluded,
                Decision::Applied | Decision::IncludedWithoutControl => &s.cell,
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
            sh.text(r, 9, &evidence_lines(&row.evidence, lang), f)?;
        }
        sh.finish(
            header_row,
            header_row + row_num(t.rows.len()),
            head.len(),
            A4,
        )?;
    }
    {
        let mut sh = Sheet::new(
            wb.add_worksheet(),
            lang.pick("Additional controls", "追加の管理策"),
            &control,
            lang,
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
            L::NewestEvidence.t(lang),
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
            sh.text(r, 7, &evidence_lines(&a.evidence, lang), &s.cell)?;
        }
        sh.finish(1, 1 + row_num(t.additional.len()), head.len(), A4)?;
    }
    findings_sheet(&mut wb, &t.findings, lang, &control, &s)?;
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
    sh.text(head_row, 0, &super::heat_corner(lang), &s.header)?;
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
    let control = control_line(
        &reg.organization,
        L::RisksTitle.t(lang),
        None,
        &reg.as_of,
        lang,
    );
    {
        let mut sh = Sheet::new(
            wb.add_worksheet(),
            lang.pick("Risk register", "リスク台帳"),
            &control,
            lang,
        )?;
        let mut r = 0;
        sh.free(r, 0, &title, &s.title)?;
        r += 1;
        sh.free(
            r,
            0,
            &format!(
                "{}{}{}",
                L::AsOf.t(lang),
                labels::colon(lang),
                as_of_text(&reg.as_of, lang)
            ),
            &s.bold,
        )?;
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
                x.owner.as_ref().map_or("", |o| o.name.as_str()),
                &s.cell,
            )?;
            sh.date(r, 13, x.due.as_deref(), &s, &s.cell)?;
            sh.number(r, 14, x.residual_level, s.band(x.residual_band))?;
            sh.text(
                r,
                15,
                x.residual_band.map_or("", |b| labels::band(b, lang)),
                s.band(x.residual_band),
            )?;
            sh.text(r, 16, &acceptance_text(x, lang), &s.cell)?;
            sh.text(r, 17, &evidence_lines(&x.evidence, lang), &s.cell)?;
        }
        sh.finish(
            header_row,
            header_row + row_num(reg.rows.len()),
            head.len(),
            A3,
        )?;
    }
    {
        let mut sh = Sheet::new(
            wb.add_worksheet(),
            lang.pick("Heat maps", "ヒートマップ"),
            &control,
            lang,
        )?;
        let next = heat_grid(&mut sh, 0, L::HeatBefore.t(lang), &reg.before, reg, &s)?;
        let last = heat_grid(&mut sh, next, L::HeatAfter.t(lang), &reg.after, reg, &s)?;
        sh.free(last - 1, 0, L::HeatAfterNote.t(lang), &s.bold)?;
        // Both maps on one page: they are read side by side with the register.
        let paper = Paper {
            pages_tall: 1,
            ..A4
        };
        sh.fit(16, paper.width)?;
        sh.page(paper);
        #[allow(clippy::cast_possible_truncation)] // scales are small
        sh.ws
            .set_print_area(
                0,
                0,
                last,
                col(usize::try_from(reg.method.likelihood).unwrap_or(1)),
            )
            .map_err(err)?;
    }
    findings_sheet(&mut wb, &reg.findings, lang, &control, &s)?;
    wb.save_to_buffer().map_err(err)
}

/// `isms assets --format xlsx`: the register on one sheet, printed A4 landscape.
pub fn assets(a: &crate::report::assets::AssetRegister) -> Result<Vec<u8>, WriteError> {
    let lang = a.lang;
    let s = Styles::new();
    let title = format!("{} — {}", L::AssetsTitle.t(lang), a.organization);
    let mut wb = workbook(&title, &a.organization, None)?;
    let control = control_line(
        &a.organization,
        L::AssetsTitle.t(lang),
        None,
        &a.as_of,
        lang,
    );
    {
        let mut sh = Sheet::new(wb.add_worksheet(), L::AssetsTitle.t(lang), &control, lang)?;
        sh.free(0, 0, &title, &s.title)?;
        sh.free(
            1,
            0,
            &format!(
                "{}{}{}",
                L::AsOf.t(lang),
                labels::colon(lang),
                as_of_text(&a.as_of, lang)
            ),
            &s.bold,
        )?;
        sh.free(2, 0, &findings_line(&a.findings, lang), &s.bold)?;
        let header_row = 4;
        let head = super::ASSET_COLUMNS.map(|l| l.t(lang));
        sh.header(header_row, &head, &s)?;
        for (i, r) in a.rows.iter().enumerate() {
            let row = header_row + 1 + row_num(i);
            let f = if r.risks.is_empty() { &s.warn } else { &s.cell };
            let cells = super::asset_cells(r, lang);
            for (c, text) in cells.iter().enumerate() {
                match c {
                    4 => sh.number(row, col(c), r.confidentiality, &s.number)?,
                    5 => sh.number(row, col(c), r.integrity, &s.number)?,
                    6 => sh.number(row, col(c), r.availability, &s.number)?,
                    7 => sh.number(row, col(c), r.importance, &s.number)?,
                    _ => sh.text(row, col(c), text, f)?,
                }
            }
        }
        sh.finish(
            header_row,
            header_row + row_num(a.rows.len()),
            head.len(),
            A4,
        )?;
    }
    findings_sheet(&mut wb, &a.findings, lang, &control, &s)?;
    wb.save_to_buffer().map_err(err)
}
