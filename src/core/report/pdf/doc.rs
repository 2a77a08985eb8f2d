//! The document being laid out: the flow of paragraphs, headings and tables across pages, and
//! writing the finished pages as a PDF file with running header, footer and metadata.

use pdf_writer::types::{ActionType, AnnotationType};
use pdf_writer::{Date, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::layout::{
    shape_room, Block, Cell, Col, Item, LaidCell, LaidRow, Line, Page, Shape, BODY, BOTTOM, CELL,
    LEAD, LEFT, MUTED, PAD, PAGE_H, PAGE_W, RULE, SMALL, TOP, WIDTH,
};
use super::text::{fit, to_winansi, Font, Glyph};

use crate::instrument::{Lang, Zone};

/// The document being laid out: finished pages, the current page and the cursor.
pub(super) struct Doc {
    pub(super) done: Vec<Page>,
    pub(super) page: Page,
    /// Top of the next line, in points from the bottom of the page.
    pub(super) y: f32,
    /// Left edge and width of the current text box (narrower inside the result card).
    pub(super) left: f32,
    pub(super) width: f32,
}

impl Doc {
    pub(super) fn new() -> Doc {
        Doc { done: Vec::new(), page: Page::new(), y: TOP, left: LEFT, width: WIDTH }
    }

    pub(super) fn break_page(&mut self) {
        let full = std::mem::replace(&mut self.page, Page::new());
        self.done.push(full);
        self.y = TOP;
    }

    fn room(&self) -> f32 {
        self.y - BOTTOM
    }

    fn at_top(&self) -> bool {
        self.y >= TOP - 0.5
    }

    /// Starts a new page unless `h` points fit here (or the page is still empty).
    pub(super) fn ensure(&mut self, h: f32) {
        if h > self.room() && !self.at_top() {
            self.break_page();
        }
    }

    /// Vertical space, dropped at the top of a page.
    pub(super) fn space(&mut self, h: f32) {
        if !self.at_top() {
            self.y -= h;
            if self.y < BOTTOM {
                self.break_page();
            }
        }
    }

    /// Draws lines at an indent, breaking pages between lines; `marker` is drawn before the
    /// first line (a zone shape or a bullet) in the room `marker_w`.
    pub(super) fn lines(
        &mut self,
        lines: &[Line],
        indent: f32,
        marker: Option<Marker>,
        marker_w: f32,
    ) {
        for (i, line) in lines.iter().enumerate() {
            self.ensure(line.height());
            let x = self.left + indent;
            if i == 0 {
                match marker {
                    Some(Marker::Shape(z)) => {
                        let side = line.size * 0.9;
                        self.page.shape(z, x + side / 2.0, self.y - line.size * 0.58, side);
                    }
                    Some(Marker::Bullet) => {
                        let bullet = Line::new(&[(Font::Regular, 0x95)], line.size, 0.0, None);
                        self.page.line(x + 2.0, self.y, &bullet);
                    }
                    None => {}
                }
            }
            self.page.line(x + marker_w, self.y, line);
            self.y -= line.height();
        }
    }

    /// A paragraph at an indent.
    pub(super) fn para(&mut self, b: &Block, indent: f32) {
        let lines = b.lines(self.width - indent);
        self.lines(&lines, indent, None, 0.0);
    }

    /// A paragraph led by a zone shape.
    pub(super) fn para_shape(&mut self, zone: Zone, b: &Block) {
        let room = shape_room(b.size);
        let lines = b.lines(self.width - room);
        self.lines(&lines, 0.0, Some(Marker::Shape(Shape::Zone(zone))), room);
    }

    /// A bulleted paragraph with a hanging indent.
    pub(super) fn bullet(&mut self, b: &Block) {
        let lines = b.lines(self.width - 12.0);
        self.lines(&lines, 0.0, Some(Marker::Bullet), 12.0);
    }

    /// A heading of level 1–4, kept with the next lines; level 2 is underlined.
    pub(super) fn heading(&mut self, text: &str, level: u8, zone: Option<Zone>) {
        let (size, before) = match level {
            1 => (16.0, 0.0),
            2 => (12.5, 14.0),
            3 => (10.5, 10.0),
            _ => (BODY, 7.0),
        };
        self.space(before);
        let b = Block::new(Font::Bold, text, size);
        let room = zone.map_or(0.0, |_| shape_room(size));
        let lines = b.lines(self.width - room);
        let h: f32 = lines.iter().map(Line::height).sum();
        self.ensure(h + 4.0 + 3.0 * BODY * LEAD);
        self.lines(&lines, 0.0, zone.map(|z| Marker::Shape(Shape::Zone(z))), room);
        if level == 2 {
            self.page.hline(self.left, self.left + self.width, self.y - 1.0, 1.2, 0.27);
            self.y -= 5.0;
        } else {
            self.y -= 2.0;
        }
    }

    /// Draws flow items; with `keep`, they start on a new page unless they all fit here (when
    /// they fit on a page at all).
    pub(super) fn flow(&mut self, items: &[Item], keep: bool) {
        let total: f32 = items.iter().map(Item::height).sum();
        if keep && total <= TOP - BOTTOM {
            self.ensure(total);
        }
        for item in items {
            match item {
                Item::Text(indent, line) => {
                    self.lines(std::slice::from_ref(line), *indent, None, 0.0)
                }
                Item::Band(line) => {
                    let h = item.height();
                    self.ensure(h);
                    self.page.fill_rect(self.left, self.y - h, self.width, h, 0.92);
                    self.page.line(self.left + PAD, self.y - PAD, line);
                    self.y -= h;
                }
                Item::Rule(h) => {
                    if !self.at_top() {
                        let h = h.min(self.room());
                        let (x1, x2) = (self.left, self.left + self.width);
                        self.page.hline(x1, x2, self.y - h / 2.0, 0.4, 0.75);
                        self.y -= h;
                    }
                }
            }
        }
    }

    /// Lays out one row of cells across the columns.
    fn lay_row(&self, cols: &[Col], cells: Vec<Cell>, fill: Option<f32>) -> LaidRow {
        let mut x = self.left;
        let mut laid = Vec::with_capacity(cols.len());
        for (col, cell) in cols.iter().zip(cells) {
            let w = self.width * col.percent / 100.0;
            let room = cell.shape.map_or(0.0, |_| shape_room(CELL));
            let inner = (w - 2.0 * PAD - room).max(1.0);
            let mut lines: Vec<Line> = cell.blocks.iter().flat_map(|b| b.lines(inner)).collect();
            if lines.is_empty() {
                lines.push(Line::new(&[], CELL, 0.0, None));
            }
            laid.push(LaidCell { x, w, lines, shape: cell.shape, right: col.right });
            x += w;
        }
        LaidRow { cells: laid, fill }
    }

    /// Draws lines `from..to` of every cell of a row as one band `h` points high.
    fn draw_chunk(&mut self, row: &LaidRow, from: &[usize], to: &[usize], h: f32, borders: bool) {
        let top = self.y;
        if let Some(gray) = row.fill {
            let w: f32 = row.cells.iter().map(|c| c.w).sum();
            self.page.fill_rect(self.left, top - h, w, h, gray);
        }
        for (i, c) in row.cells.iter().enumerate() {
            if borders {
                self.page.stroke_rect(c.x, top - h, c.w, h, 0.5, RULE);
            }
            let (a, b) = (from.get(i).copied().unwrap_or(0), to.get(i).copied().unwrap_or(0));
            let room = c.shape.map_or(0.0, |_| shape_room(CELL));
            let mut y = top - PAD;
            for (k, line) in c.lines.get(a..b).unwrap_or(&[]).iter().enumerate() {
                if let (0, 0, Some(z)) = (k, a, c.shape) {
                    let side = CELL * 0.9;
                    self.page.shape(z, c.x + PAD + side / 2.0, y - line.size * 0.58, side);
                }
                let x = if c.right { c.x + c.w - PAD - line.width } else { c.x + PAD + room };
                self.page.line(x, y, line);
                y -= line.height();
            }
        }
        self.y -= h;
    }

    /// Draws a whole row (a header row) without splitting it.
    fn draw_row(&mut self, row: &LaidRow, borders: bool) {
        let to: Vec<usize> = row.cells.iter().map(|c| c.lines.len()).collect();
        let from = vec![0; to.len()];
        self.draw_chunk(row, &from, &to, row.height(), borders);
    }

    fn new_page_with(&mut self, head: Option<&LaidRow>, borders: bool) {
        self.break_page();
        if let Some(h) = head {
            self.draw_row(h, borders);
        }
    }

    /// Places a row: on the next page when it does not fit here but fits on a page, else split
    /// line by line across pages, with the header row repeated on every new page.
    fn place_row(&mut self, row: &LaidRow, head: Option<&LaidRow>, borders: bool) {
        let head_h = head.map_or(0.0, LaidRow::height);
        let full = row.height();
        if full > self.room() && full <= TOP - BOTTOM - head_h {
            self.new_page_with(head, borders);
        }
        let mut from = vec![0usize; row.cells.len()];
        let mut fresh = false;
        loop {
            let avail = self.room() - 2.0 * PAD;
            let mut to = from.clone();
            let mut used = 0.0f32;
            for (i, c) in row.cells.iter().enumerate() {
                let mut acc = 0.0;
                while let Some(line) = to.get(i).and_then(|&k| c.lines.get(k)) {
                    if acc + line.height() > avail + 0.01 {
                        break;
                    }
                    acc += line.height();
                    to[i] += 1;
                }
                used = used.max(acc);
            }
            if to == from {
                if !fresh {
                    self.new_page_with(head, borders);
                    fresh = true;
                    continue;
                }
                // A line taller than a page cannot happen with these sizes; take one anyway.
                for (i, c) in row.cells.iter().enumerate() {
                    if let Some(line) = c.lines.get(to[i]) {
                        used = used.max(line.height());
                        to[i] += 1;
                    }
                }
            }
            self.draw_chunk(row, &from, &to, used + 2.0 * PAD, borders);
            from = to;
            if row.cells.iter().zip(&from).all(|(c, &k)| k >= c.lines.len()) {
                break;
            }
            self.new_page_with(head, borders);
            fresh = true;
        }
    }

    /// A bordered table with a grey header row repeated on every page.
    pub(super) fn table(&mut self, cols: &[Col], head: &[&str], rows: Vec<Vec<Cell>>) {
        self.table_filled(cols, head, rows.into_iter().map(|r| (r, None)).collect());
    }

    /// A bordered table whose rows may each have a background grey (the OPD rows of
    /// the recap, the band of an SKM result).
    pub(super) fn table_filled(
        &mut self,
        cols: &[Col],
        head: &[&str],
        rows: Vec<(Vec<Cell>, Option<f32>)>,
    ) {
        let head_cells = head.iter().map(|h| Cell::bold(*h)).collect();
        let head = self.lay_row(cols, head_cells, Some(0.91));
        let rows: Vec<LaidRow> =
            rows.into_iter().map(|(r, fill)| self.lay_row(cols, r, fill)).collect();
        let first = rows.first().map_or(0.0, |r| r.height().min(3.0 * CELL * LEAD + 2.0 * PAD));
        self.ensure(head.height() + first);
        self.draw_row(&head, true);
        for row in &rows {
            self.place_row(row, Some(&head), true);
        }
        self.y -= 8.0;
    }

    /// A table without rules or header (label/value facts, the signature block).
    pub(super) fn grid(&mut self, cols: &[Col], rows: Vec<Vec<Cell>>) {
        for r in rows {
            let row = self.lay_row(cols, r, None);
            self.place_row(&row, None, false);
        }
    }

    /// Writes the PDF: fonts, pages with the running header and footer, links, metadata.
    pub(super) fn finish(mut self, m: &Meta) -> Vec<u8> {
        let last = std::mem::replace(&mut self.page, Page::new());
        self.done.push(last);
        let pages = self.done;
        let words = local(m.lang);
        let mut pdf = Pdf::new();
        let mut next = 0;
        let mut alloc = || {
            next += 1;
            Ref::new(next)
        };
        let (catalog, tree, regular, bold, info) = (alloc(), alloc(), alloc(), alloc(), alloc());
        let mut cat = pdf.catalog(catalog);
        cat.pages(tree).lang(TextStr(m.lang.code()));
        cat.viewer_preferences().display_doc_title(true);
        cat.finish();
        // The widths are written too, so that every viewer places the glyphs exactly where the
        // layout measured them, even when it substitutes another font for Helvetica.
        for (id, font) in [(regular, Font::Regular), (bold, Font::Bold)] {
            pdf.type1_font(id)
                .base_font(font.base_font())
                .encoding_predefined(Name(b"WinAnsiEncoding"))
                .first_char(32)
                .last_char(255)
                .widths(font.table().iter().map(|&w| f32::from(w)));
        }
        let count = pages.len();
        let opd = one_line(&m.who);
        let mut kids = Vec::with_capacity(count);
        for (i, mut page) in pages.into_iter().enumerate() {
            let footer = format!("patuh — {opd} — {} {} {} {count}", words.page, i + 1, words.of);
            decorate(&mut page, &m.running, &footer, i == 0);
            let (page_id, content_id) = (alloc(), alloc());
            let annots: Vec<Ref> = page.links.iter().map(|_| alloc()).collect();
            for (id, (rect, url)) in annots.iter().zip(&page.links) {
                let mut a = pdf.annotation(*id);
                a.subtype(AnnotationType::Link).rect(*rect).border(0.0, 0.0, 0.0, None);
                a.action().action_type(ActionType::Uri).uri(Str(url.as_bytes()));
            }
            let mut p = pdf.page(page_id);
            p.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H)).parent(tree).contents(content_id);
            if !annots.is_empty() {
                p.annotations(annots.iter().copied());
            }
            p.resources()
                .fonts()
                .pair(Font::Regular.resource(), regular)
                .pair(Font::Bold.resource(), bold);
            p.finish();
            pdf.stream(content_id, &page.content.finish());
            kids.push(page_id);
        }
        pdf.pages(tree).kids(kids).count(i32::try_from(count).unwrap_or(i32::MAX));
        let title = clip(&format!("{} — {}", m.running, opd), 300);
        let mut doc_info = pdf.document_info(info);
        doc_info
            .title(TextStr(&title))
            .subject(TextStr(&clip(&one_line(&m.subject), 300)))
            .creator(TextStr("patuh"))
            .producer(TextStr("patuh (pdf-writer)"));
        let author = clip(&one_line(&m.author), 300);
        if !author.trim().is_empty() {
            doc_info.author(TextStr(&author));
        }
        if let Some(date) = pdf_date(&m.generated_at) {
            doc_info.creation_date(date);
        }
        doc_info.finish();
        pdf.finish()
    }
}

/// What a document says about itself: language, running header, the name in the footer
/// ("patuh — <who> — halaman N dari M") and the metadata.
pub(super) struct Meta {
    pub(super) lang: Lang,
    /// The running header from page 2, and the first half of the metadata title.
    pub(super) running: String,
    /// The OPD (or pemda, or surveyed unit) in the footer and the metadata title.
    pub(super) who: String,
    pub(super) subject: String,
    pub(super) author: String,
    pub(super) generated_at: String,
}

/// What is drawn before the first line of a paragraph.
#[derive(Clone, Copy)]
pub(super) enum Marker {
    Shape(Shape),
    Bullet,
}

/// Adds the running header (from page 2) and the footer "patuh — OPD — halaman N dari M".
fn decorate(page: &mut Page, title: &str, footer: &str, first: bool) {
    let size = SMALL;
    if !first {
        let text = fit(to_winansi(title), Font::Regular, size, WIDTH);
        page.line(LEFT, PAGE_H - 30.0, &Line::new(&glyphs(&text), size, MUTED, None));
        page.hline(LEFT, LEFT + WIDTH, PAGE_H - 30.0 - size * LEAD - 2.0, 0.4, 0.6);
    }
    page.hline(LEFT, LEFT + WIDTH, BOTTOM - 16.0, 0.4, 0.6);
    let text = fit(to_winansi(footer), Font::Regular, size, WIDTH);
    let line = Line::new(&glyphs(&text), size, MUTED, None);
    page.line(LEFT + (WIDTH - line.width) / 2.0, BOTTOM - 20.0, &line);
}

fn glyphs(bytes: &[u8]) -> Vec<Glyph> {
    bytes.iter().map(|&b| (Font::Regular, b)).collect()
}

/// Text on one line: control characters and line breaks become spaces (metadata, footer).
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() || c == '\u{2028}' || c == '\u{2029}' { ' ' } else { c })
        .collect()
}

/// At most `max` characters.
fn clip(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// The PDF creation date from an ISO 8601 time ("2026-11-23T10:00:00.000Z", "…+07:00", or a date).
fn pdf_date(iso: &str) -> Option<Date> {
    let b = iso.trim().as_bytes();
    let num = |from: usize, len: usize| -> Option<u8> {
        let s = b.get(from..from + len)?;
        let mut n: u16 = 0;
        for d in s {
            if !d.is_ascii_digit() {
                return None;
            }
            n = n * 10 + u16::from(d - b'0');
        }
        u8::try_from(n).ok()
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let year = b.get(0..4).and_then(|s| std::str::from_utf8(s).ok()).and_then(|s| s.parse().ok());
    let (Some(year), true, Some(month @ 1..=12), true, Some(day @ 1..=31)) =
        (year, at(4, b'-'), num(5, 2), at(7, b'-'), num(8, 2))
    else {
        return None;
    };
    let mut date = Date::new(year).month(month).day(day);
    let time = (at(10, b'T') || at(10, b' ')) && at(13, b':') && at(16, b':');
    let (Some(h @ 0..=23), Some(mi @ 0..=59), Some(s @ 0..=59), true) =
        (num(11, 2), num(14, 2), num(17, 2), time)
    else {
        return Some(date);
    };
    date = date.hour(h).minute(mi).second(s);
    let mut k = 19;
    if at(k, b'.') {
        k += 1;
        while b.get(k).is_some_and(u8::is_ascii_digit) {
            k += 1;
        }
    }
    if at(k, b'Z') {
        return Some(date.utc_offset_hour(0).utc_offset_minute(0));
    }
    let sign = match b.get(k) {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return Some(date),
    };
    match (num(k + 1, 2), at(k + 3, b':'), num(k + 4, 2)) {
        (Some(oh @ 0..=23), true, Some(om @ 0..=59)) => {
            let oh = i8::try_from(oh).unwrap_or(0) * sign;
            Some(date.utc_offset_hour(oh).utc_offset_minute(om))
        }
        _ => Some(date),
    }
}

/// The few words the PDF needs that the report model does not carry.
pub(super) struct Words {
    page: &'static str,
    of: &'static str,
    pub(super) photos: &'static str,
}

pub(super) fn local(lang: Lang) -> Words {
    match lang {
        Lang::Id => Words { page: "halaman", of: "dari", photos: "foto (lihat bundel bukti)" },
        Lang::En => Words { page: "page", of: "of", photos: "photo(s) (see the evidence bundle)" },
    }
}
