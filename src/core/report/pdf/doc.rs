//! The document being laid out: the flow of paragraphs, headings and tables across pages, and
//! writing the finished pages as a PDF file with running header, footer and metadata.

use super::layout::{
    shape_room, Block, Cell, Col, Item, LaidCell, LaidRow, Line, Page, Shape, BODY, BOTTOM, CELL,
    LEAD, LEFT, PAD, RULE, TOP, WIDTH,
};
use super::text::Font;

use crate::instrument::Zone;

pub(super) use super::write::Meta;

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
}

/// What is drawn before the first line of a paragraph.
#[derive(Clone, Copy)]
pub(super) enum Marker {
    Shape(Shape),
    Bullet,
}
