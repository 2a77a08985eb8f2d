//! Layout primitives of the PDF: page geometry and font sizes, laid-out lines, paragraphs, table
//! cells and rows, drawn shapes, and one page's content stream.

use pdf_writer::{Content, Rect, Str};

use super::text::{wrap, Font, Glyph};

use crate::instrument::Zone;
use crate::report::html::safe_href;
use crate::report::BandView;

/// A4 portrait, in points.
pub(super) const PAGE_W: f32 = 595.28;
pub(super) const PAGE_H: f32 = 841.89;
/// Left margin and text width (≈ 17.6 mm margins).
pub(super) const LEFT: f32 = 50.0;
pub(super) const WIDTH: f32 = PAGE_W - 2.0 * LEFT;
/// Top and bottom of the text area; the running header and footer sit outside it.
pub(super) const TOP: f32 = PAGE_H - 58.0;
pub(super) const BOTTOM: f32 = 58.0;
/// Line height as a multiple of the font size.
pub(super) const LEAD: f32 = 1.3;
/// Font sizes: body text, table cells, small print.
pub(super) const BODY: f32 = 9.5;
pub(super) const CELL: f32 = 8.5;
pub(super) const SMALL: f32 = 7.5;
/// Inner padding of table cells.
pub(super) const PAD: f32 = 3.0;
/// Grey of small print and of table rules (0 = black, 1 = white).
pub(super) const MUTED: f32 = 0.3;
pub(super) const RULE: f32 = 0.53;
/// Vertical room left for a spacer line in the signature block (22 mm).
pub(super) const SIGN_SPACE: f32 = 62.0;

/// One laid-out line: runs of WinAnsi bytes, each in a font.
#[derive(Clone, Debug)]
pub(super) struct Line {
    runs: Vec<(Font, Vec<u8>)>,
    pub(super) size: f32,
    gray: f32,
    pub(super) width: f32,
    link: Option<String>,
}

impl Line {
    pub(super) fn new(glyphs: &[Glyph], size: f32, gray: f32, link: Option<String>) -> Line {
        let mut runs: Vec<(Font, Vec<u8>)> = Vec::new();
        let mut width = 0.0;
        for &(font, b) in glyphs {
            width += font.advance(b, size);
            match runs.last_mut() {
                Some((f, bytes)) if *f == font => bytes.push(b),
                _ => runs.push((font, vec![b])),
            }
        }
        Line { runs, size, gray, width, link }
    }

    pub(super) fn height(&self) -> f32 {
        self.size * LEAD
    }
}

/// A paragraph: styled spans at one size and grey, optionally a link.
#[derive(Clone, Debug)]
pub(super) struct Block {
    spans: Vec<(Font, String)>,
    pub(super) size: f32,
    gray: f32,
    link: Option<String>,
}

impl Block {
    pub(super) fn new(font: Font, text: impl Into<String>, size: f32) -> Block {
        Block { spans: vec![(font, text.into())], size, gray: 0.0, link: None }
    }

    /// Regular text at the body size.
    pub(super) fn text(text: impl Into<String>) -> Block {
        Block::new(Font::Regular, text, BODY)
    }

    /// Small grey print.
    pub(super) fn small(text: impl Into<String>, size: f32) -> Block {
        Block { gray: MUTED, ..Block::new(Font::Regular, text, size) }
    }

    /// Empty vertical room of `height` points.
    pub(super) fn space(height: f32) -> Block {
        Block { spans: Vec::new(), size: height / LEAD, gray: 0.0, link: None }
    }

    /// Appends a span.
    pub(super) fn then(mut self, font: Font, text: impl Into<String>) -> Block {
        self.spans.push((font, text.into()));
        self
    }

    /// A web link (only http/https, as in the HTML report).
    pub(super) fn link(mut self, url: &str) -> Block {
        self.link = safe_href(url).map(str::to_string);
        self
    }

    pub(super) fn lines(&self, width: f32) -> Vec<Line> {
        wrap(&self.spans, self.size, width)
            .iter()
            .map(|g| Line::new(g, self.size, self.gray, self.link.clone()))
            .collect()
    }
}

/// A shape drawn before a text: a zone's shape, or an arrow of a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shape {
    /// Circle, triangle, square or diamond in the zone colour.
    Zone(Zone),
    /// A triangle pointing up: improved.
    Up,
    /// A triangle pointing down: worsened.
    Down,
}

/// A table cell: paragraphs, optionally led by a shape.
#[derive(Clone, Debug, Default)]
pub(super) struct Cell {
    pub(super) blocks: Vec<Block>,
    pub(super) shape: Option<Shape>,
}

impl Cell {
    pub(super) fn new(font: Font, text: impl Into<String>) -> Cell {
        Cell { blocks: vec![Block::new(font, text, CELL)], shape: None }
    }

    pub(super) fn plain(text: impl Into<String>) -> Cell {
        Cell::new(Font::Regular, text)
    }

    pub(super) fn bold(text: impl Into<String>) -> Cell {
        Cell::new(Font::Bold, text)
    }

    pub(super) fn empty() -> Cell {
        Cell::default()
    }

    /// A zone: its shape and its name.
    pub(super) fn zone(b: &BandView) -> Cell {
        Cell { shape: Some(Shape::Zone(b.zone)), ..Cell::plain(&b.zone_name) }
    }

    /// Adds small grey print under the cell text.
    pub(super) fn small(mut self, text: impl Into<String>) -> Cell {
        self.blocks.push(Block::small(text, SMALL));
        self
    }
}

/// A table column: its share of the text width (as the HTML report's percentages) and alignment.
#[derive(Clone, Copy, Debug)]
pub(super) struct Col {
    pub(super) percent: f32,
    pub(super) right: bool,
}

pub(super) const fn col(percent: f32, right: bool) -> Col {
    Col { percent, right }
}

/// Side of the shape drawn before a zone name at `size`, and the room it takes.
pub(super) fn shape_room(size: f32) -> f32 {
    size * 0.9 + 3.0
}

/// A cell laid out at its place.
#[derive(Debug)]
pub(super) struct LaidCell {
    pub(super) x: f32,
    pub(super) w: f32,
    pub(super) lines: Vec<Line>,
    pub(super) shape: Option<Shape>,
    pub(super) right: bool,
}

/// A table row laid out: cells and an optional background grey.
#[derive(Debug)]
pub(super) struct LaidRow {
    pub(super) cells: Vec<LaidCell>,
    pub(super) fill: Option<f32>,
}

impl LaidRow {
    pub(super) fn height(&self) -> f32 {
        let h = |c: &LaidCell| c.lines.iter().map(Line::height).sum::<f32>();
        self.cells.iter().map(h).fold(0.0, f32::max) + 2.0 * PAD
    }
}

/// An element of a flow of text.
pub(super) enum Item {
    /// A line, indented by some points.
    Text(f32, Line),
    /// A full-width grey bar with a title (the section rows of the answer list).
    Band(Line),
    /// A thin rule in the middle of this much room.
    Rule(f32),
}

impl Item {
    pub(super) fn height(&self) -> f32 {
        match self {
            Item::Text(_, l) => l.height(),
            Item::Band(l) => l.height() + 2.0 * PAD,
            Item::Rule(h) => *h,
        }
    }
}

/// Draws into one page's content stream and remembers its link areas.
pub(super) struct Page {
    pub(super) content: Content,
    pub(super) links: Vec<(Rect, String)>,
}

impl Page {
    pub(super) fn new() -> Page {
        Page { content: Content::new(), links: Vec::new() }
    }

    /// Draws a line whose box starts `top` points from the bottom of the page.
    pub(super) fn line(&mut self, x: f32, top: f32, line: &Line) {
        if line.runs.is_empty() {
            return;
        }
        let baseline = top - line.size * 0.9;
        let c = &mut self.content;
        c.set_fill_gray(line.gray);
        c.begin_text();
        c.next_line(x, baseline);
        let mut current = None;
        for (font, bytes) in &line.runs {
            if current != Some(*font) {
                c.set_font(font.resource(), line.size);
                current = Some(*font);
            }
            c.show(Str(bytes));
        }
        c.end_text();
        c.set_fill_gray(0.0);
        if let Some(url) = &line.link {
            let (bottom, height) = (baseline - line.size * 0.25, line.size * 1.05);
            self.links.push((Rect::new(x, bottom, x + line.width, bottom + height), url.clone()));
        }
    }

    pub(super) fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, gray: f32) {
        let c = &mut self.content;
        c.set_fill_gray(gray).rect(x, y, w, h).fill_nonzero().set_fill_gray(0.0);
    }

    pub(super) fn stroke_rect(&mut self, x: f32, y: f32, w: f32, h: f32, width: f32, gray: f32) {
        let c = &mut self.content;
        c.set_line_width(width).set_stroke_gray(gray).rect(x, y, w, h).stroke();
    }

    pub(super) fn hline(&mut self, x1: f32, x2: f32, y: f32, width: f32, gray: f32) {
        let c = &mut self.content;
        c.set_line_width(width).set_stroke_gray(gray).move_to(x1, y).line_to(x2, y).stroke();
    }

    /// A zone's shape centred on (cx, cy), `side` points wide: circle (hijau), triangle (kuning),
    /// square (merah) or diamond (hitam), filled with the zone colour and outlined in black.
    pub(super) fn shape(&mut self, shape: Shape, cx: f32, cy: f32, side: f32) {
        let r = side / 2.0;
        let Shape::Zone(zone) = shape else {
            self.arrow(shape == Shape::Up, cx, cy, side);
            return;
        };
        let c = &mut self.content;
        c.save_state();
        let (red, green, blue) = zone_rgb(zone);
        c.set_fill_rgb(red, green, blue).set_stroke_gray(0.0).set_line_width(0.6);
        match zone {
            Zone::Hijau => {
                let k = 0.5523 * r;
                c.move_to(cx + r, cy);
                c.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
                c.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
                c.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
                c.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
            }
            Zone::Kuning => {
                c.move_to(cx - r, cy - r * 0.85);
                c.line_to(cx + r, cy - r * 0.85);
                c.line_to(cx, cy + r);
            }
            Zone::Merah => {
                c.rect(cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7);
            }
            Zone::Hitam => {
                c.move_to(cx, cy + r);
                c.line_to(cx + r, cy);
                c.line_to(cx, cy - r);
                c.line_to(cx - r, cy);
            }
        }
        c.close_fill_nonzero_and_stroke();
        c.restore_state();
    }
}

impl Page {
    /// A change's triangle centred on (cx, cy): pointing up (dark green) or down (dark red),
    /// outlined in black; its word is always written next to it.
    fn arrow(&mut self, up: bool, cx: f32, cy: f32, side: f32) {
        let r = side / 2.0;
        let c = &mut self.content;
        c.save_state();
        let (red, green, blue) = if up { (0.106, 0.369, 0.125) } else { (0.718, 0.11, 0.11) };
        c.set_fill_rgb(red, green, blue).set_stroke_gray(0.0).set_line_width(0.6);
        if up {
            c.move_to(cx - r, cy - r * 0.8);
            c.line_to(cx + r, cy - r * 0.8);
            c.line_to(cx, cy + r * 0.9);
        } else {
            c.move_to(cx - r, cy + r * 0.8);
            c.line_to(cx + r, cy + r * 0.8);
            c.line_to(cx, cy - r * 0.9);
        }
        c.close_fill_nonzero_and_stroke();
        c.restore_state();
    }
}

/// The colour of a zone (as the HTML report's badges).
pub(super) fn zone_rgb(zone: Zone) -> (f32, f32, f32) {
    match zone {
        Zone::Hijau => (0.106, 0.369, 0.125),
        Zone::Kuning => (1.0, 0.835, 0.31),
        Zone::Merah => (0.718, 0.11, 0.11),
        Zone::Hitam => (0.0, 0.0, 0.0),
    }
}
