//! The report as a real PDF file, made in pure Rust so it can be generated in the browser
//! (issue #4 "PDF": A4, selectable text, the same contents as the HTML report).
//!
//! The sections and their order mirror `html.rs`. Text is set in the standard 14 fonts Helvetica
//! and Helvetica-Bold with WinAnsiEncoding, so no font file is embedded and the wasm stays small.
//! Layout is done here: words are wrapped with the fonts' AFM glyph widths, a word wider than its
//! line is broken by force, pages break with a small repeated header and footer
//! ("patuh — <OPD> — halaman N dari M"), and tables repeat their header row on every page and only
//! split a row across pages when it is taller than a page.
//!
//! Characters outside WinAnsi (emoji, CJK, marks of direction, controls) never break the file:
//! common ones are mapped (spaces, dashes, quotes, arrows, comparison signs), invisible formatting
//! characters are dropped, line separators break the line, and anything else becomes `?`. Zones
//! are drawn as a coloured shape (circle, triangle, square, diamond) next to the zone name, never
//! by colour alone. Photos are not embedded; the evidence says how many are in the evidence bundle.
//!
//! The same machinery also makes the PDF of the pemda recap ([`render_recap`], the contents of
//! `recap_html`) and of the SKM/IKM result ([`render_skm`], the contents of `skm_doc::html`), and
//! the comparison section of the single report when one is attached, with each change as a drawn
//! triangle or a symbol plus its word (issue #6).

use pdf_writer::types::{ActionType, AnnotationType};
use pdf_writer::{Content, Date, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::comparison::{
    compare_texts, status_symbol, status_word, ChangeRow, ComparisonView, Status,
};
use super::html::safe_href;
use super::recap_html::{
    counted_text, decode_error_text, mark_band, recap_texts, rule_text, unit_total, WEAKEST_SHOWN,
};
use super::skm_doc::{interval_text, skm_texts, three_decimals, weight_note};
use super::{band_view, texts, zone_name};
use super::{ActionItem, BandView, Figure, IndicatorRow, PlanView, Report, SectionRow, Texts};
use crate::exact::{Hundredths, Ratio};
use crate::instrument::{Instrument, Lang, Zone};
use crate::recap::{FileError, Group, Mark as RecapMark, Recap};
use crate::skm::{Ikm, Mutu, Survey, N_UNSUR, UNSUR};

/// A4 portrait, in points.
const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
/// Left margin and text width (≈ 17.6 mm margins).
const LEFT: f32 = 50.0;
const WIDTH: f32 = PAGE_W - 2.0 * LEFT;
/// Top and bottom of the text area; the running header and footer sit outside it.
const TOP: f32 = PAGE_H - 58.0;
const BOTTOM: f32 = 58.0;
/// Line height as a multiple of the font size.
const LEAD: f32 = 1.3;
/// Font sizes: body text, table cells, small print.
const BODY: f32 = 9.5;
const CELL: f32 = 8.5;
const SMALL: f32 = 7.5;
/// Inner padding of table cells.
const PAD: f32 = 3.0;
/// Grey of small print and of table rules (0 = black, 1 = white).
const MUTED: f32 = 0.3;
const RULE: f32 = 0.53;
/// Vertical room left for a spacer line in the signature block (22 mm).
const SIGN_SPACE: f32 = 62.0;

/// Renders the report as a PDF file (issue #4 "PDF"): A4 portrait, selectable text in Helvetica,
/// the same sections in the same order as the HTML report, metadata title and creation date.
pub fn render(r: &Report) -> Vec<u8> {
    let t = r.texts();
    let mut d = Doc::new();
    header(&mut d, r, t);
    result(&mut d, r, t);
    identity(&mut d, r, t);
    breakdown(&mut d, &r.sections, t);
    per_unit(&mut d, r, t);
    if let Some(c) = &r.comparison {
        comparison(&mut d, c);
    }
    action_plan(&mut d, r, t);
    assumptions(&mut d, r, t);
    signature(&mut d, r, t);
    answers(&mut d, r, t);
    footer(&mut d, r, t);
    d.finish(&Meta::of_report(r))
}

// ---------------------------------------------------------------------------------------------
// Text: WinAnsi encoding and Helvetica metrics
// ---------------------------------------------------------------------------------------------

/// What one character becomes in WinAnsi.
enum Mapped {
    One(u8),
    Many(&'static [u8]),
    Skip,
    Break,
}

/// Maps a character to WinAnsiEncoding (PDF 32000-1 Annex D.2).
fn map_char(c: char) -> Mapped {
    use Mapped::{Break, Many, One, Skip};
    match c {
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Break,
        '\t' => One(b' '),
        ' '..='~' => One(c as u8),
        '\u{ad}' => Skip, // soft hyphen
        '\u{a0}'..='\u{ff}' => One(c as u8),
        '€' => One(0x80),
        '‚' => One(0x82),
        'ƒ' => One(0x83),
        '„' => One(0x84),
        '…' => One(0x85),
        '†' => One(0x86),
        '‡' => One(0x87),
        'ˆ' => One(0x88),
        '‰' => One(0x89),
        'Š' => One(0x8a),
        '‹' => One(0x8b),
        'Œ' => One(0x8c),
        'Ž' => One(0x8e),
        '‘' | '\u{201b}' => One(0x91),
        '’' | '\u{2bc}' | '\u{2032}' => One(0x92),
        '“' | '\u{201f}' => One(0x93),
        '”' | '\u{2033}' => One(0x94),
        '•' | '●' | '∙' | '◦' | '‣' | '⁃' => One(0x95),
        '–' | '\u{2012}' => One(0x96),
        '—' | '\u{2015}' => One(0x97),
        '˜' => One(0x98),
        '™' => One(0x99),
        'š' => One(0x9a),
        '›' => One(0x9b),
        'œ' => One(0x9c),
        'ž' => One(0x9e),
        'Ÿ' => One(0x9f),
        '\u{2010}' | '\u{2011}' | '\u{2212}' => One(b'-'),
        '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => One(b' '),
        '→' | '⇒' => Many(b"->"),
        '←' | '⇐' => Many(b"<-"),
        '↔' => Many(b"<->"),
        '≤' => Many(b"<="),
        '≥' => Many(b">="),
        '≠' => Many(b"!="),
        '≈' => One(b'~'),
        // Invisible formatting: zero-width characters, marks and overrides of direction,
        // variation selectors, tag characters, emoji skin tones and combining accents.
        '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{61c}'
        | '\u{34f}'
        | '\u{feff}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{e0000}'..='\u{e01ef}'
        | '\u{1f3fb}'..='\u{1f3ff}'
        | '\u{300}'..='\u{36f}' => Skip,
        '\u{ff01}'..='\u{ff5e}' => One((u32::from(c) - 0xfee0) as u8), // full-width ASCII
        _ => One(b'?'),
    }
}

/// Encodes text in WinAnsi on one line (line breaks become spaces); characters without a WinAnsi
/// form are mapped or become `?` (issue #4 "PDF intact" with hostile strings).
pub fn to_winansi(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in chars(s) {
        match map_char(c) {
            Mapped::One(b) => out.push(b),
            Mapped::Many(bs) => out.extend_from_slice(bs),
            Mapped::Skip => {}
            Mapped::Break => out.push(b' '),
        }
    }
    out
}

/// Helvetica advance widths (AFM, 1/1000 em) for WinAnsi codes 32–255; 0 where undefined.
const HELVETICA: [u16; 224] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, //
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, //
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, //
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, //
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, //
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0, //
    556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, //
    0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667, //
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, //
    400, 584, 333, 333, 333, 578, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, //
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, //
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, //
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, //
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500, //
];

/// Helvetica-Bold advance widths (AFM, 1/1000 em) for WinAnsi codes 32–255; 0 where undefined.
const HELVETICA_BOLD: [u16; 224] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, //
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, //
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, //
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, //
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, //
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0, //
    556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, //
    0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667, //
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, //
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, //
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, //
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, //
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, //
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556, //
];

/// One of the two standard fonts used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Font {
    Regular,
    Bold,
}

impl Font {
    /// Resource name in every page.
    fn resource(self) -> Name<'static> {
        match self {
            Font::Regular => Name(b"F1"),
            Font::Bold => Name(b"F2"),
        }
    }

    /// The standard 14 font it is.
    fn base_font(self) -> Name<'static> {
        match self {
            Font::Regular => Name(b"Helvetica"),
            Font::Bold => Name(b"Helvetica-Bold"),
        }
    }

    /// Its widths for WinAnsi codes 32–255.
    fn table(self) -> &'static [u16; 224] {
        match self {
            Font::Regular => &HELVETICA,
            Font::Bold => &HELVETICA_BOLD,
        }
    }

    /// Advance width of a WinAnsi byte in points.
    fn advance(self, byte: u8, size: f32) -> f32 {
        let units = byte.checked_sub(32).and_then(|i| self.table().get(usize::from(i))).copied();
        f32::from(units.unwrap_or(0)) * size / 1000.0
    }
}

/// Width in points of WinAnsi bytes set in Helvetica (or Helvetica-Bold) at `size` points, from
/// the fonts' AFM metrics, without kerning (issue #4 "lay out text yourself").
pub fn text_width(bytes: &[u8], bold: bool, size: f32) -> f32 {
    let font = if bold { Font::Bold } else { Font::Regular };
    bytes.iter().map(|&b| font.advance(b, size)).sum()
}

/// A glyph: a WinAnsi byte in a font.
type Glyph = (Font, u8);

/// Word-wraps styled text to `width` points: breaks at spaces, at line breaks in the text, and
/// inside a word only when the word alone is wider than the line. Always at least one line.
fn wrap(spans: &[(Font, String)], size: f32, width: f32) -> Vec<Vec<Glyph>> {
    let mut paragraphs: Vec<Vec<Glyph>> = vec![Vec::new()];
    for (font, text) in spans {
        for c in chars(text) {
            let last = paragraphs.len() - 1;
            let Some(p) = paragraphs.get_mut(last) else { continue };
            match map_char(c) {
                Mapped::One(b) => p.push((*font, b)),
                Mapped::Many(bs) => p.extend(bs.iter().map(|&b| (*font, b))),
                Mapped::Skip => {}
                Mapped::Break => paragraphs.push(Vec::new()),
            }
        }
    }
    let mut lines = Vec::new();
    for p in &paragraphs {
        wrap_paragraph(p, size, width, &mut lines);
    }
    lines
}

fn wrap_paragraph(p: &[Glyph], size: f32, width: f32, lines: &mut Vec<Vec<Glyph>>) {
    let advance = |g: &Glyph| g.0.advance(g.1, size);
    let fits = |w: f32| w <= width + 0.01;
    let mut line: Vec<Glyph> = Vec::new();
    let mut line_w = 0.0;
    for word in p.split(|g| g.1 == b' ').filter(|w| !w.is_empty()) {
        let word_w: f32 = word.iter().map(advance).sum();
        if let Some(&(font, _)) = line.last() {
            let space = (font, b' ');
            let space_w = advance(&space);
            if fits(line_w + space_w + word_w) {
                line.push(space);
                line.extend_from_slice(word);
                line_w += space_w + word_w;
                continue;
            }
            lines.push(std::mem::take(&mut line));
            line_w = 0.0;
        }
        if fits(word_w) {
            line.extend_from_slice(word);
            line_w = word_w;
            continue;
        }
        // A word wider than the line (a 10 kB string without spaces): break it where it fills.
        for g in word {
            let w = advance(g);
            if !line.is_empty() && !fits(line_w + w) {
                lines.push(std::mem::take(&mut line));
                line_w = 0.0;
            }
            line.push(*g);
            line_w += w;
        }
    }
    lines.push(line);
}

/// Cuts WinAnsi text to `max` points, ending in an ellipsis when cut (running header and footer).
fn fit(mut bytes: Vec<u8>, font: Font, size: f32, max: f32) -> Vec<u8> {
    let total: f32 = bytes.iter().map(|&c| font.advance(c, size)).sum();
    if total <= max {
        return bytes;
    }
    let room = max - font.advance(0x85, size);
    let mut width = 0.0;
    let keep = bytes
        .iter()
        .position(|&c| {
            width += font.advance(c, size);
            width > room
        })
        .unwrap_or(bytes.len());
    bytes.truncate(keep);
    bytes.push(0x85);
    bytes
}

/// The characters of a text with a CR LF pair read as one line break.
fn chars(s: &str) -> impl Iterator<Item = char> + '_ {
    let mut after_cr = false;
    s.chars().filter(move |&c| {
        let skip = after_cr && c == '\n';
        after_cr = c == '\r';
        !skip
    })
}

// ---------------------------------------------------------------------------------------------
// Layout primitives
// ---------------------------------------------------------------------------------------------

/// One laid-out line: runs of WinAnsi bytes, each in a font.
#[derive(Clone, Debug)]
struct Line {
    runs: Vec<(Font, Vec<u8>)>,
    size: f32,
    gray: f32,
    width: f32,
    link: Option<String>,
}

impl Line {
    fn new(glyphs: &[Glyph], size: f32, gray: f32, link: Option<String>) -> Line {
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

    fn height(&self) -> f32 {
        self.size * LEAD
    }
}

/// A paragraph: styled spans at one size and grey, optionally a link.
#[derive(Clone, Debug)]
struct Block {
    spans: Vec<(Font, String)>,
    size: f32,
    gray: f32,
    link: Option<String>,
}

impl Block {
    fn new(font: Font, text: impl Into<String>, size: f32) -> Block {
        Block { spans: vec![(font, text.into())], size, gray: 0.0, link: None }
    }

    /// Regular text at the body size.
    fn text(text: impl Into<String>) -> Block {
        Block::new(Font::Regular, text, BODY)
    }

    /// Small grey print.
    fn small(text: impl Into<String>, size: f32) -> Block {
        Block { gray: MUTED, ..Block::new(Font::Regular, text, size) }
    }

    /// Empty vertical room of `height` points.
    fn space(height: f32) -> Block {
        Block { spans: Vec::new(), size: height / LEAD, gray: 0.0, link: None }
    }

    /// Appends a span.
    fn then(mut self, font: Font, text: impl Into<String>) -> Block {
        self.spans.push((font, text.into()));
        self
    }

    /// A web link (only http/https, as in the HTML report).
    fn link(mut self, url: &str) -> Block {
        self.link = safe_href(url).map(str::to_string);
        self
    }

    fn lines(&self, width: f32) -> Vec<Line> {
        wrap(&self.spans, self.size, width)
            .iter()
            .map(|g| Line::new(g, self.size, self.gray, self.link.clone()))
            .collect()
    }
}

/// A shape drawn before a text: a zone's shape, or an arrow of a change (issue #6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// Circle, triangle, square or diamond in the zone colour.
    Zone(Zone),
    /// A triangle pointing up: improved.
    Up,
    /// A triangle pointing down: worsened.
    Down,
}

/// A table cell: paragraphs, optionally led by a shape.
#[derive(Clone, Debug, Default)]
struct Cell {
    blocks: Vec<Block>,
    shape: Option<Shape>,
}

impl Cell {
    fn new(font: Font, text: impl Into<String>) -> Cell {
        Cell { blocks: vec![Block::new(font, text, CELL)], shape: None }
    }

    fn plain(text: impl Into<String>) -> Cell {
        Cell::new(Font::Regular, text)
    }

    fn bold(text: impl Into<String>) -> Cell {
        Cell::new(Font::Bold, text)
    }

    fn empty() -> Cell {
        Cell::default()
    }

    /// A zone: its shape and its name (issue #4: never colour alone).
    fn zone(b: &BandView) -> Cell {
        Cell { shape: Some(Shape::Zone(b.zone)), ..Cell::plain(&b.zone_name) }
    }

    /// Adds small grey print under the cell text.
    fn small(mut self, text: impl Into<String>) -> Cell {
        self.blocks.push(Block::small(text, SMALL));
        self
    }
}

/// A table column: its share of the text width (as the HTML report's percentages) and alignment.
#[derive(Clone, Copy, Debug)]
struct Col {
    percent: f32,
    right: bool,
}

const fn col(percent: f32, right: bool) -> Col {
    Col { percent, right }
}

/// Side of the shape drawn before a zone name at `size`, and the room it takes.
fn shape_room(size: f32) -> f32 {
    size * 0.9 + 3.0
}

/// A cell laid out at its place.
#[derive(Debug)]
struct LaidCell {
    x: f32,
    w: f32,
    lines: Vec<Line>,
    shape: Option<Shape>,
    right: bool,
}

/// A table row laid out: cells and an optional background grey.
#[derive(Debug)]
struct LaidRow {
    cells: Vec<LaidCell>,
    fill: Option<f32>,
}

impl LaidRow {
    fn height(&self) -> f32 {
        let h = |c: &LaidCell| c.lines.iter().map(Line::height).sum::<f32>();
        self.cells.iter().map(h).fold(0.0, f32::max) + 2.0 * PAD
    }
}

/// An element of a flow of text.
enum Item {
    /// A line, indented by some points.
    Text(f32, Line),
    /// A full-width grey bar with a title (the section rows of the answer list).
    Band(Line),
    /// A thin rule in the middle of this much room.
    Rule(f32),
}

impl Item {
    fn height(&self) -> f32 {
        match self {
            Item::Text(_, l) => l.height(),
            Item::Band(l) => l.height() + 2.0 * PAD,
            Item::Rule(h) => *h,
        }
    }
}

/// Draws into one page's content stream and remembers its link areas.
struct Page {
    content: Content,
    links: Vec<(Rect, String)>,
}

impl Page {
    fn new() -> Page {
        Page { content: Content::new(), links: Vec::new() }
    }

    /// Draws a line whose box starts `top` points from the bottom of the page.
    fn line(&mut self, x: f32, top: f32, line: &Line) {
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

    fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, gray: f32) {
        let c = &mut self.content;
        c.set_fill_gray(gray).rect(x, y, w, h).fill_nonzero().set_fill_gray(0.0);
    }

    fn stroke_rect(&mut self, x: f32, y: f32, w: f32, h: f32, width: f32, gray: f32) {
        let c = &mut self.content;
        c.set_line_width(width).set_stroke_gray(gray).rect(x, y, w, h).stroke();
    }

    fn hline(&mut self, x1: f32, x2: f32, y: f32, width: f32, gray: f32) {
        let c = &mut self.content;
        c.set_line_width(width).set_stroke_gray(gray).move_to(x1, y).line_to(x2, y).stroke();
    }

    /// A zone's shape centred on (cx, cy), `side` points wide: circle (hijau), triangle (kuning),
    /// square (merah) or diamond (hitam), filled with the zone colour and outlined in black.
    fn shape(&mut self, shape: Shape, cx: f32, cy: f32, side: f32) {
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
    /// outlined in black; its word is always written next to it (issue #6).
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
fn zone_rgb(zone: Zone) -> (f32, f32, f32) {
    match zone {
        Zone::Hijau => (0.106, 0.369, 0.125),
        Zone::Kuning => (1.0, 0.835, 0.31),
        Zone::Merah => (0.718, 0.11, 0.11),
        Zone::Hitam => (0.0, 0.0, 0.0),
    }
}

/// The document being laid out: finished pages, the current page and the cursor.
struct Doc {
    done: Vec<Page>,
    page: Page,
    /// Top of the next line, in points from the bottom of the page.
    y: f32,
    /// Left edge and width of the current text box (narrower inside the result card).
    left: f32,
    width: f32,
}

impl Doc {
    fn new() -> Doc {
        Doc { done: Vec::new(), page: Page::new(), y: TOP, left: LEFT, width: WIDTH }
    }

    fn break_page(&mut self) {
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
    fn ensure(&mut self, h: f32) {
        if h > self.room() && !self.at_top() {
            self.break_page();
        }
    }

    /// Vertical space, dropped at the top of a page.
    fn space(&mut self, h: f32) {
        if !self.at_top() {
            self.y -= h;
            if self.y < BOTTOM {
                self.break_page();
            }
        }
    }

    /// Draws lines at an indent, breaking pages between lines; `marker` is drawn before the
    /// first line (a zone shape or a bullet) in the room `marker_w`.
    fn lines(&mut self, lines: &[Line], indent: f32, marker: Option<Marker>, marker_w: f32) {
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
    fn para(&mut self, b: &Block, indent: f32) {
        let lines = b.lines(self.width - indent);
        self.lines(&lines, indent, None, 0.0);
    }

    /// A paragraph led by a zone shape.
    fn para_shape(&mut self, zone: Zone, b: &Block) {
        let room = shape_room(b.size);
        let lines = b.lines(self.width - room);
        self.lines(&lines, 0.0, Some(Marker::Shape(Shape::Zone(zone))), room);
    }

    /// A bulleted paragraph with a hanging indent.
    fn bullet(&mut self, b: &Block) {
        let lines = b.lines(self.width - 12.0);
        self.lines(&lines, 0.0, Some(Marker::Bullet), 12.0);
    }

    /// A heading of level 1–4, kept with the next lines; level 2 is underlined.
    fn heading(&mut self, text: &str, level: u8, zone: Option<Zone>) {
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
    fn flow(&mut self, items: &[Item], keep: bool) {
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
    fn table(&mut self, cols: &[Col], head: &[&str], rows: Vec<Vec<Cell>>) {
        self.table_filled(cols, head, rows.into_iter().map(|r| (r, None)).collect());
    }

    /// A bordered table whose rows may each have a background grey (issue #6: the OPD rows of
    /// the recap, the band of an SKM result).
    fn table_filled(&mut self, cols: &[Col], head: &[&str], rows: Vec<(Vec<Cell>, Option<f32>)>) {
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
    fn grid(&mut self, cols: &[Col], rows: Vec<Vec<Cell>>) {
        for r in rows {
            let row = self.lay_row(cols, r, None);
            self.place_row(&row, None, false);
        }
    }

    /// Writes the PDF: fonts, pages with the running header and footer, links, metadata.
    fn finish(mut self, m: &Meta) -> Vec<u8> {
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
struct Meta {
    lang: Lang,
    /// The running header from page 2, and the first half of the metadata title.
    running: String,
    /// The OPD (or pemda, or surveyed unit) in the footer and the metadata title.
    who: String,
    subject: String,
    author: String,
    generated_at: String,
}

impl Meta {
    fn of_report(r: &Report) -> Meta {
        Meta {
            lang: r.lang,
            running: r.texts().title.to_string(),
            who: r.identity.opd.clone(),
            subject: r.instrument.title.clone(),
            author: r.identity.assessor_name.clone(),
            generated_at: r.generated_at.clone(),
        }
    }
}

/// What is drawn before the first line of a paragraph.
#[derive(Clone, Copy)]
enum Marker {
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
struct Words {
    page: &'static str,
    of: &'static str,
    photos: &'static str,
}

fn local(lang: Lang) -> Words {
    match lang {
        Lang::Id => Words { page: "halaman", of: "dari", photos: "foto (lihat bundel bukti)" },
        Lang::En => Words { page: "page", of: "of", photos: "photo(s) (see the evidence bundle)" },
    }
}

// ---------------------------------------------------------------------------------------------
// The report, section by section (the order of html.rs)
// ---------------------------------------------------------------------------------------------

/// A user string, or a dash when blank (as in the HTML report).
fn user(s: &str) -> &str {
    if s.trim().is_empty() {
        "—"
    } else {
        s
    }
}

/// A blank to fill in by hand when the value is missing (signature block).
fn blank(s: &str) -> &str {
    if s.trim().is_empty() {
        "____________________"
    } else {
        s
    }
}

fn fig(f: Option<&Figure>) -> String {
    f.map_or_else(|| "—".to_string(), |f| f.text.clone())
}

fn header(d: &mut Doc, r: &Report, t: &Texts) {
    let i = &r.identity;
    d.heading(t.title, 1, None);
    d.para(&Block::new(Font::Bold, user(&i.opd), 12.0), 0.0);
    if !i.pemda.trim().is_empty() {
        d.para(&Block::new(Font::Regular, &i.pemda, 10.5), 0.0);
    }
    let period = if i.period.trim().is_empty() {
        String::new()
    } else {
        format!(" · {} {}", t.period, i.period)
    };
    let ins = &r.instrument;
    d.para(&Block::small(format!("{} ({}){period}", ins.title, ins.years), 8.5), 0.0);
}

/// The result card: score, zone with its shape, grade, predicate, status and legend.
fn result(d: &mut Doc, r: &Report, t: &Texts) {
    let o = &r.overall;
    d.space(10.0);
    d.ensure(230.0);
    let (page, top) = (d.done.len(), d.y);
    d.left += 10.0;
    d.width -= 20.0;
    d.y -= 2.0;
    d.heading(t.result, 2, None);
    d.para(&Block::new(Font::Bold, fig(o.score.as_ref()), 26.0), 0.0);
    if let Some(b) = &o.band {
        let mut line = Block::new(Font::Bold, &b.zone_name, 11.0);
        if let Some(g) = &b.grade {
            line = line.then(Font::Regular, format!(" · {} ", t.grade)).then(Font::Bold, g);
        }
        line = line.then(Font::Regular, format!(" · {}: ", t.predicate)).then(Font::Bold, &b.label);
        d.para_shape(b.zone, &line);
    }
    d.space(3.0);
    if o.provisional {
        // A dashed box, as the HTML report's "Sementara" badge.
        let lines = Block::new(Font::Bold, &o.status, BODY).lines(d.width - 8.0);
        let h: f32 = lines.iter().map(Line::height).sum::<f32>() + 4.0;
        d.ensure(h);
        let (x, y, w) = (d.left, d.y, d.width);
        d.page.content.set_dash_pattern([2.0, 1.5], 0.0);
        d.page.stroke_rect(x, y - h, w, h, 1.0, 0.0);
        d.page.content.set_dash_pattern([], 0.0);
        d.y -= 2.0;
        d.lines(&lines, 4.0, None, 0.0);
        d.y -= 2.0;
    } else {
        d.para(&Block::text(&o.status), 0.0);
    }
    legend(d, r, t);
    d.left -= 10.0;
    d.width += 20.0;
    if d.done.len() == page {
        d.page.stroke_rect(LEFT, d.y, WIDTH, top - d.y, 1.5, 0.27);
    }
    d.y -= 4.0;
}

fn legend(d: &mut Doc, r: &Report, t: &Texts) {
    d.heading(t.legend, 3, None);
    let grades = r.legend.iter().any(|b| b.grade.is_some());
    let rows: Vec<Vec<Cell>> = r
        .legend
        .iter()
        .map(|b| {
            let mut row = vec![
                Cell::zone(b),
                Cell::plain(&b.label),
                Cell::plain(format!("{}–{}", b.min.text, b.max.text)),
            ];
            if grades {
                row.insert(0, Cell::bold(b.grade.as_deref().unwrap_or("")));
            }
            row
        })
        .collect();
    if grades {
        let cols = [col(14.0, false), col(26.0, false), col(30.0, false), col(30.0, true)];
        d.table(&cols, &[t.grade, t.zone, t.predicate, t.range], rows);
    } else {
        let cols = [col(30.0, false), col(40.0, false), col(30.0, true)];
        d.table(&cols, &[t.zone, t.predicate, t.range], rows);
    }
}

const FACTS: [Col; 2] = [col(32.0, false), col(68.0, false)];

fn fact(label: &str, value: &str) -> Vec<Cell> {
    vec![Cell::bold(label), Cell::plain(value)]
}

fn identity(d: &mut Doc, r: &Report, t: &Texts) {
    let i = &r.identity;
    d.heading(t.identity, 2, None);
    let units = Cell {
        blocks: i
            .units
            .iter()
            .map(|u| {
                let products: Vec<&str> = u.products.iter().map(|p| user(p)).collect();
                Block::new(
                    Font::Regular,
                    format!("• {}: {}", user(&u.name), products.join(", ")),
                    CELL,
                )
            })
            .collect(),
        shape: None,
    };
    let rows = vec![
        fact(t.opd, user(&i.opd)),
        fact(t.pemda, user(&i.pemda)),
        fact(t.period, user(&i.period)),
        fact(t.date, user(&i.date)),
        fact(t.assessor, user(&i.assessor_name)),
        fact(t.position, user(&i.assessor_position)),
        vec![Cell::bold(t.units_products), units],
    ];
    d.grid(&FACTS, rows);
    let ins = &r.instrument;
    d.heading(t.instrument, 3, None);
    let rows = vec![
        fact(t.instrument, &ins.title),
        fact(t.years, &ins.years),
        fact(t.legal_basis, &ins.legal_basis),
        fact(t.version, &format!("{} {}", ins.id, ins.version)),
        fact(t.scale, &ins.scale.join("; ")),
    ];
    d.grid(&FACTS, rows);
}

fn breakdown(d: &mut Doc, rows: &[SectionRow], t: &Texts) {
    d.heading(t.breakdown, 2, None);
    section_table(d, rows, t, true);
}

fn section_table(d: &mut Doc, rows: &[SectionRow], t: &Texts, notes: bool) {
    let dims = rows.iter().any(|s| s.max_points.is_some());
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .map(|s| {
            let mut title = Cell::bold(&s.title);
            if let Some(n) = s.note.as_ref().filter(|_| notes) {
                title = title.small(n);
            }
            let mut row = vec![title, Cell::plain(fig(s.fulfilment.as_ref()))];
            if dims {
                let points = format!("{} / {}", fig(s.points.as_ref()), fig(s.max_points.as_ref()));
                row.push(Cell::plain(points));
            }
            row.push(Cell::plain(format!("{}/{}", s.answered, s.total)));
            row
        })
        .collect();
    if dims {
        let cols = [col(49.0, false), col(17.0, true), col(20.0, true), col(14.0, true)];
        d.table(&cols, &[t.section, t.fulfilment, t.points, t.answered], cells);
    } else {
        let cols = [col(66.0, false), col(20.0, true), col(14.0, true)];
        d.table(&cols, &[t.section, t.fulfilment, t.answered], cells);
    }
}

fn per_unit(d: &mut Doc, r: &Report, t: &Texts) {
    d.heading(t.per_unit, 2, None);
    let mut rows = Vec::new();
    for u in &r.units {
        rows.push(vec![
            Cell::bold(user(&u.name)),
            u.band.as_ref().map_or_else(Cell::empty, Cell::zone),
            Cell::plain(fig(u.score.as_ref())),
            Cell::empty(),
            Cell::plain(format!("{}/{}", u.answered, u.total)),
        ]);
        for p in &u.products {
            rows.push(vec![
                Cell::empty(),
                Cell::plain(user(&p.name)),
                Cell::plain(fig(p.score.as_ref())),
                Cell::plain(fig(p.fulfilment.as_ref())),
                Cell::plain(format!("{}/{}", p.answered, p.total)),
            ]);
        }
    }
    let cols =
        [col(28.0, false), col(30.0, false), col(14.0, true), col(14.0, true), col(14.0, true)];
    d.table(&cols, &[t.unit, t.product, t.score, t.fulfilment, t.answered], rows);
    if r.units.len() > 1 {
        for u in &r.units {
            d.heading(&format!("{}: {}", t.unit, user(&u.name)), 3, None);
            section_table(d, &u.sections, t, false);
        }
    }
}

fn place(a: &ActionItem) -> String {
    match &a.product {
        Some(p) => format!("{} / {}", user(&a.unit), user(p)),
        None => user(&a.unit).to_string(),
    }
}

fn actions_table(d: &mut Doc, items: &[ActionItem], t: &Texts) {
    let rows = items
        .iter()
        .enumerate()
        .map(|(n, a)| {
            vec![
                Cell::plain((n + 1).to_string()),
                Cell::plain(&a.text)
                    .small(format!("{} · {} · {}", a.section, a.indicator, a.legal)),
                Cell::plain(place(a)),
                Cell::plain(&a.answer),
                Cell::plain(format!("+{}", a.gain.text)),
                Cell::plain(&a.action),
            ]
        })
        .collect();
    let cols = [
        col(6.0, true),
        col(30.0, false),
        col(16.0, false),
        col(12.0, false),
        col(10.0, true),
        col(26.0, false),
    ];
    d.table(&cols, &["No", t.indicator, t.place, t.answer, t.gain, t.action], rows);
}

fn plan(d: &mut Doc, p: &PlanView, t: &Texts) {
    let b = &p.target;
    let grade = b.grade.as_ref().map(|g| format!("{} {} · ", t.grade, g)).unwrap_or_default();
    let title = format!("{} {grade}{} · {} (≥ {})", t.plan_to, b.zone_name, b.label, b.min.text);
    d.heading(&title, 3, Some(b.zone));
    let line = Block::text(format!("{} {} · {}: ", p.fixes.len(), t.fixes, t.score_after))
        .then(Font::Bold, &p.score_after.text);
    d.para(&line, 0.0);
    d.space(3.0);
    actions_table(d, &p.fixes, t);
}

fn action_plan(d: &mut Doc, r: &Report, t: &Texts) {
    d.heading(t.action_plan, 2, None);
    if r.plans.is_empty() && r.overall.score.is_some() {
        d.para(&Block::text(t.no_plans), 0.0);
    }
    for p in &r.plans {
        plan(d, p, t);
    }
    d.heading(t.all_gaps, 3, None);
    if r.gaps.is_empty() {
        d.para(&Block::text(t.no_gaps), 0.0);
    } else {
        actions_table(d, &r.gaps, t);
    }
}

fn assumptions(d: &mut Doc, r: &Report, t: &Texts) {
    d.heading(t.assumptions, 2, None);
    for a in &r.assumptions {
        let b =
            Block::new(Font::Bold, &a.subject, BODY).then(Font::Regular, format!(": {}", a.reason));
        d.bullet(&b);
        d.space(2.0);
    }
    d.heading(t.sources, 3, None);
    for s in &r.instrument.sources {
        d.bullet(&Block::small(&s.title, 8.0));
        if let Some(url) = &s.url {
            d.para(&Block::small(url, 8.0).link(url), 12.0);
        }
    }
    d.space(8.0);
    d.para(&Block::new(Font::Bold, &r.privacy, BODY), 0.0);
}

fn signature(d: &mut Doc, r: &Report, t: &Texts) {
    let i = &r.identity;
    d.space(20.0);
    let text = |s: String| Block::text(s);
    let left = Cell {
        blocks: vec![
            text(String::new()),
            text(t.acknowledged.to_string()),
            text(format!("{} {}", t.head_of, blank(&i.opd))),
            Block::space(SIGN_SPACE),
            text("(______________________________)".to_string()),
            text(format!("{} ____________________", t.nip)),
        ],
        shape: None,
    };
    let right = Cell {
        blocks: vec![
            text(format!("{}, {}", blank(&i.pemda), blank(&i.date))),
            text(t.assessor_sign.to_string()),
            text(blank(&i.assessor_position).to_string()),
            Block::space(SIGN_SPACE),
            Block::new(Font::Bold, blank(&i.assessor_name), BODY),
        ],
        shape: None,
    };
    d.grid(&[col(50.0, false), col(50.0, false)], vec![vec![left, right]]);
}

fn answers(d: &mut Doc, r: &Report, t: &Texts) {
    d.break_page();
    d.heading(&format!("{}: {}", t.appendix, t.answers), 2, None);
    let words = local(r.lang);
    for u in &r.units {
        d.heading(&format!("{}: {}", t.unit, user(&u.name)), 3, None);
        if !u.indicators.is_empty() {
            d.heading(t.unit_wide, 4, None);
            indicator_list(d, &u.indicators, t, &words);
        }
        for p in &u.products {
            if p.indicators.is_empty() {
                continue;
            }
            d.heading(&format!("{}: {}", t.product, user(&p.name)), 4, None);
            indicator_list(d, &p.indicators, t, &words);
        }
    }
}

/// Every indicator of one place as a list (not a table, so that on A4 portrait the question reads
/// across the page and long notes do not squeeze it): question, source, answer, note, evidence.
fn indicator_list(d: &mut Doc, rows: &[IndicatorRow], t: &Texts, words: &Words) {
    let mut section = "";
    for row in rows {
        let mut items = Vec::new();
        if row.section_id != section {
            section = &row.section_id;
            let band = Block::new(Font::Bold, &row.section, BODY);
            items.extend(band.lines(d.width - 2.0 * PAD).into_iter().map(Item::Band));
        }
        indicator_items(d.width, row, t, words, &mut items);
        d.flow(&items, true);
    }
}

fn indicator_items(width: f32, row: &IndicatorRow, t: &Texts, words: &Words, out: &mut Vec<Item>) {
    const DETAIL: f32 = 12.0;
    const LINK: f32 = 24.0;
    let mut add = |b: Block, indent: f32| {
        out.extend(b.lines(width - indent).into_iter().map(|l| Item::Text(indent, l)));
    };
    add(Block::text(&row.text), 0.0);
    let assumed = if row.assumed.is_some() { format!(" · {}", t.assumed) } else { String::new() };
    add(Block::small(format!("{} · {}{assumed}", row.id, row.legal), SMALL), 0.0);
    let points = match (row.points, row.max_points) {
        (Some(p), Some(m)) if row.answered => format!(" ({p}/{m})"),
        _ => String::new(),
    };
    let mut answer = Block::new(Font::Bold, format!("{}: ", t.answer), CELL)
        .then(Font::Regular, format!("{}{points}", row.answer));
    if row.review {
        answer = answer.then(Font::Regular, " · ").then(Font::Bold, t.review);
    }
    add(answer, DETAIL);
    if !row.note.trim().is_empty() {
        let note =
            Block::new(Font::Bold, format!("{}: ", t.note), CELL).then(Font::Regular, &row.note);
        add(note, DETAIL);
    }
    if !row.links.is_empty() || row.photos > 0 {
        add(Block::new(Font::Bold, format!("{}:", t.evidence), CELL), DETAIL);
        for l in &row.links {
            add(Block::new(Font::Regular, l, CELL).link(l), LINK);
        }
        if row.photos > 0 {
            add(Block::new(Font::Regular, format!("{} {}", row.photos, words.photos), CELL), LINK);
        }
    }
    out.push(Item::Rule(7.0));
}

fn footer(d: &mut Doc, r: &Report, t: &Texts) {
    d.space(10.0);
    let text = format!(
        "{} {} · {} {} {}",
        t.generated,
        user(&r.generated_at),
        r.instrument.id,
        t.version,
        r.instrument.version
    );
    d.para(&Block::small(text, SMALL), 0.0);
}

// ---------------------------------------------------------------------------------------------
// The comparison with an earlier assessment (issue #6), where html.rs places it
// ---------------------------------------------------------------------------------------------

/// A cell led by the symbol of a change: a drawn triangle for up and down, the symbol as text
/// otherwise ("=", "+", "-", "·"); the word is always written (issue #6: never colour alone).
fn symbol_cell(symbol: &str, rest: &str) -> Cell {
    match symbol {
        "▲" => Cell { shape: Some(Shape::Up), ..Cell::plain(rest) },
        "▼" => Cell { shape: Some(Shape::Down), ..Cell::plain(rest) },
        s => Cell::plain(format!("{s} {rest}")),
    }
}

fn change_cells(c: &ChangeRow, max: Option<&Figure>) -> Vec<Cell> {
    let max = max.map(|m| format!(" / {}", m.text)).unwrap_or_default();
    let delta = c.delta.as_ref().map_or_else(
        || Cell::plain("—"),
        |d| symbol_cell(&d.symbol, &format!("{} {}", d.text, d.word)),
    );
    vec![
        Cell::plain(format!("{}{max}", fig(c.before.as_ref()))),
        Cell::plain(format!("{}{max}", fig(c.after.as_ref()))),
        delta,
    ]
}

/// A warning line, led by a bold "(!)" as the HTML's ⚠.
fn flag(d: &mut Doc, text: &str) {
    d.para(&Block::new(Font::Bold, "(!) ", BODY).then(Font::Regular, text), 0.0);
}

/// The comparison section (issue #6 "Comparison … in the reports"): OPD and section figures with
/// their change, the counts, per unit when there are several, and every indicator that changed.
fn comparison(d: &mut Doc, c: &ComparisonView) {
    let ct = compare_texts(c.lang);
    let t = texts(c.lang);
    d.heading(ct.heading, 2, None);
    if let Some(w) = &c.warning {
        flag(d, w);
        d.space(3.0);
    }
    let first = format!("{} · {}", t.section, c.section_measure);
    let cols = [col(40.0, false), col(18.0, true), col(18.0, true), col(24.0, false)];
    let mut rows = Vec::with_capacity(c.sections.len() + 1);
    let mut total = vec![Cell::bold(ct.total)];
    total.extend(change_cells(&c.total, None));
    rows.push(total);
    for s in &c.sections {
        let mut row = vec![Cell::plain(&s.title)];
        row.extend(change_cells(&s.change, s.max_points.as_ref()));
        rows.push(row);
    }
    d.table(&cols, &[&first, ct.before, ct.after, ct.change], rows);
    d.para(&Block::new(Font::Bold, format!("{}:", ct.counts), BODY), 0.0);
    let n = &c.counts;
    let counts: Vec<Cell> = [
        (Status::Improved, n.improved),
        (Status::Worsened, n.worsened),
        (Status::Unchanged, n.unchanged),
        (Status::New, n.new),
        (Status::Removed, n.removed),
    ]
    .iter()
    .map(|&(s, k)| symbol_cell(status_symbol(s), &format!("{k} {}", status_word(s, c.lang))))
    .collect();
    d.grid(
        &[col(16.0, false), col(16.0, false), col(18.0, false), col(16.0, false), col(34.0, false)],
        vec![counts],
    );
    d.space(4.0);
    if c.units.len() > 1 {
        d.heading(ct.per_unit, 3, None);
        let rows = c
            .units
            .iter()
            .map(|u| {
                let mut name = Cell::bold(user(&u.name));
                if let Some(note) = &u.note {
                    name = name.small(note);
                }
                let mut row = vec![name];
                row.extend(change_cells(&u.change, None));
                row
            })
            .collect();
        d.table(&cols, &[t.unit, ct.before, ct.after, ct.change], rows);
    }
    d.heading(ct.changed, 3, None);
    let changed: Vec<_> = c.changed().collect();
    if changed.is_empty() {
        d.para(&Block::text(ct.none_changed), 0.0);
        return;
    }
    let rows = changed
        .iter()
        .enumerate()
        .map(|(k, x)| {
            let place = match &x.product {
                Some(p) => format!("{} / {}", user(&x.unit), user(p)),
                None => user(&x.unit).to_string(),
            };
            vec![
                Cell::plain((k + 1).to_string()),
                Cell::plain(&x.text).small(format!("{} · {}", x.section, x.indicator)),
                Cell::plain(place),
                Cell::plain(&x.before),
                Cell::plain(&x.after),
                symbol_cell(&x.symbol, &x.status_text),
            ]
        })
        .collect();
    let cols = [
        col(5.0, true),
        col(31.0, false),
        col(17.0, false),
        col(15.0, false),
        col(15.0, false),
        col(17.0, false),
    ];
    d.table(&cols, &["No", t.indicator, t.place, ct.before, ct.after, ct.status], rows);
}

// ---------------------------------------------------------------------------------------------
// Shared pieces of the recap and SKM documents (issue #6)
// ---------------------------------------------------------------------------------------------

/// A framed card (as the HTML's `.card`): `body` draws inside a box 10 points in from the text
/// edges; the frame is drawn when the card stayed on one page.
fn card(d: &mut Doc, keep: f32, body: impl FnOnce(&mut Doc)) {
    d.space(10.0);
    d.ensure(keep);
    let (page, top) = (d.done.len(), d.y);
    d.left += 10.0;
    d.width -= 20.0;
    d.y -= 2.0;
    body(d);
    d.left -= 10.0;
    d.width += 20.0;
    if d.done.len() == page {
        d.page.stroke_rect(LEFT, d.y, WIDTH, top - d.y, 1.5, 0.27);
    }
    d.y -= 4.0;
}

/// Bold text in a dashed box (the HTML's "Sementara" badge).
fn dashed(d: &mut Doc, text: &str) {
    let lines = Block::new(Font::Bold, text, BODY).lines(d.width - 8.0);
    let h: f32 = lines.iter().map(Line::height).sum::<f32>() + 4.0;
    d.ensure(h);
    let (x, y, w) = (d.left, d.y, d.width);
    d.page.content.set_dash_pattern([2.0, 1.5], 0.0);
    d.page.stroke_rect(x, y - h, w, h, 1.0, 0.0);
    d.page.content.set_dash_pattern([], 0.0);
    d.y -= 2.0;
    d.lines(&lines, 4.0, None, 0.0);
    d.y -= 2.0;
}

/// The closing lines: privacy note and "Dibuat …".
fn closing(d: &mut Doc, lang: Lang, generated_at: &str) {
    let t = texts(lang);
    d.space(8.0);
    d.para(&Block::new(Font::Bold, t.privacy, BODY), 0.0);
    d.space(10.0);
    d.para(&Block::small(format!("{} {}", t.generated, user(generated_at)), SMALL), 0.0);
}

// ---------------------------------------------------------------------------------------------
// The pemda recap (issue #6), the contents and order of recap_html.rs
// ---------------------------------------------------------------------------------------------

/// Renders the pemda recap as a PDF file (issue #6 "The recap downloads as HTML, PDF and CSV"):
/// the contents and order of `recap_html::render`, A4, selectable text.
pub fn render_recap(r: &Recap, lang: Lang, generated_at: &str) -> Vec<u8> {
    let rt = recap_texts(lang);
    let mut pemdas: Vec<&str> = Vec::new();
    for o in r.groups.iter().flat_map(|g| &g.opds) {
        let p = o.pemda.trim();
        if !p.is_empty() && !pemdas.contains(&p) {
            pemdas.push(p);
        }
    }
    let mut d = Doc::new();
    d.heading(rt.title, 1, None);
    if !pemdas.is_empty() {
        d.para(&Block::new(Font::Bold, pemdas.join(", "), 12.0), 0.0);
    }
    let read: usize = r.groups.iter().map(|g| g.opds.len()).sum();
    let files = match lang {
        Lang::Id => format!("{read} berkas terbaca · {} berkas tidak dapat dibaca", r.errors.len()),
        Lang::En => format!("{read} files read · {} files could not be read", r.errors.len()),
    };
    d.para(&Block::small(files, 8.5), 0.0);
    if r.groups.is_empty() {
        d.space(6.0);
        d.para(&Block::text(rt.nothing), 0.0);
    }
    for (k, g) in r.groups.iter().enumerate() {
        if k > 0 {
            d.break_page();
        }
        recap_group(&mut d, g, lang);
    }
    recap_errors(&mut d, &r.errors, lang);
    closing(&mut d, lang, generated_at);
    let subject: Vec<String> =
        r.groups.iter().map(|g| g.instrument.title.get(lang).to_string()).collect();
    d.finish(&Meta {
        lang,
        running: rt.title.to_string(),
        who: if pemdas.is_empty() { rt.opd.to_string() } else { pemdas.join(", ") },
        subject: subject.join(", "),
        author: String::new(),
        generated_at: generated_at.to_string(),
    })
}

/// Share of `count` in `total`, in percent, rounded once; 0 when `total` is 0.
fn share(count: usize, total: usize) -> Hundredths {
    let c = u128::try_from(count).unwrap_or(0) * 100;
    let n = u128::try_from(total).unwrap_or(0);
    Ratio::new(c, n).map(Ratio::round2).unwrap_or_default()
}

fn num(h: Hundredths, lang: Lang) -> String {
    Figure::new(h, lang).text
}

fn recap_group(d: &mut Doc, g: &Group, lang: Lang) {
    let ins = g.instrument;
    let t = texts(lang);
    d.heading(&format!("{} ({})", ins.title.get(lang), ins.years), 2, None);
    if ins.provisional {
        flag(d, &format!("{}: {}", t.provisional_instrument, ins.summary.get(lang)));
    }
    card(d, 200.0, |d| recap_score(d, g, lang));
    recap_distribution(d, g, lang);
    recap_opds(d, g, lang);
    recap_weakest(d, g, lang);
}

fn recap_score(d: &mut Doc, g: &Group, lang: Lang) {
    let ins = g.instrument;
    let t = texts(lang);
    let rt = recap_texts(lang);
    let counted = g.distribution.counted;
    d.heading(rt.pemda_score, 3, None);
    match g.pemda.as_ref().and_then(|m| Some((m, mark_band(ins, m, lang)?))) {
        Some((m, b)) => {
            d.para(&Block::new(Font::Bold, num(m.score, lang), 26.0), 0.0);
            let mut line = Block::new(Font::Bold, &b.zone_name, 11.0);
            if let Some(gr) = &b.grade {
                line = line.then(Font::Regular, format!(" · {} ", t.grade)).then(Font::Bold, gr);
            }
            line = line
                .then(Font::Regular, format!(" · {}: ", t.predicate))
                .then(Font::Bold, &b.label);
            d.para_shape(b.zone, &line);
        }
        None => d.para(&Block::text(t.no_score), 0.0),
    }
    d.space(3.0);
    let scored: usize = g.distribution.bands.iter().map(|b| b.count).sum();
    let parts = scored + g.distribution.unscored;
    let what = counted_text(counted, lang);
    let of = match lang {
        Lang::Id => format!("{parts} {what} dari {} berkas OPD", g.opds.len()),
        Lang::En => format!("{parts} {what} in {} OPD files", g.opds.len()),
    };
    let rule = Block::text(format!("{}: ", rt.rule))
        .then(Font::Bold, rule_text(counted, lang))
        .then(Font::Regular, format!(" ({of})"));
    d.para(&rule, 0.0);
    d.para(&Block::small(ins.scoring.aggregation.get(lang), SMALL), 0.0);
    if g.unanswered > 0 {
        d.space(3.0);
        let s = match lang {
            Lang::Id => format!(
                "Sementara: {} indikator belum dijawab di seluruh berkas. Indikator yang belum \
                 dijawab dihitung belum terpenuhi, jadi nilai ini adalah batas bawah.",
                g.unanswered
            ),
            Lang::En => format!(
                "Provisional: {} indicators are unanswered across the files. Unanswered \
                 indicators count as unmet, so this score is a floor.",
                g.unanswered
            ),
        };
        dashed(d, &s);
    }
    if !g.duplicates.is_empty() {
        flag(d, rt.duplicate_warning);
    }
    if g.periods.len() > 1 {
        let periods: Vec<&str> = g.periods.iter().map(|p| user(p)).collect();
        let s = match lang {
            Lang::Id => "Berkas berasal dari beberapa periode",
            Lang::En => "The files come from several periods",
        };
        flag(d, &format!("{s}: {}.", periods.join(", ")));
    }
}

/// The distribution as horizontal bars (shape, grade and zone name; bar in the zone colour
/// outlined in black; count and share as text), kept together on one page.
fn recap_bars(d: &mut Doc, bars: &[(BandView, usize, Hundredths)], lang: Lang) {
    const ROW: f32 = 15.0;
    d.ensure(ROW * bars.len() as f32 + 6.0);
    let label_w = d.width * 0.32;
    let track_x = d.left + label_w;
    let track_w = d.width * 0.48;
    d.y -= 3.0;
    for (view, count, pct) in bars {
        let top = d.y;
        let label = match &view.grade {
            Some(g) => format!("{g} · {}", view.zone_name),
            None => view.zone_name.clone(),
        };
        let side = CELL * 0.9;
        d.page.shape(Shape::Zone(view.zone), d.left + side / 2.0, top - 3.0 - CELL * 0.58, side);
        if let Some(line) = Block::new(Font::Regular, label, CELL).lines(label_w).first() {
            d.page.line(d.left + shape_room(CELL), top - 3.0, line);
        }
        let c = &mut d.page.content;
        c.set_line_width(0.6).set_stroke_gray(0.27);
        c.move_to(track_x, top).line_to(track_x, top - ROW).stroke();
        let w = track_w * (pct.0 as f32) / 10000.0;
        if *count > 0 && w > 0.0 {
            let (red, green, blue) = zone_rgb(view.zone);
            c.save_state();
            c.set_fill_rgb(red, green, blue).set_stroke_gray(0.0).set_line_width(0.6);
            c.rect(track_x, top - ROW + 2.5, w.max(1.0), ROW - 5.0).fill_nonzero_and_stroke();
            c.restore_state();
        }
        let text = format!("{count} ({} %)", num(*pct, lang));
        if let Some(line) = Block::new(Font::Regular, text, CELL).lines(d.width).first() {
            d.page.line(track_x + track_w + 6.0, top - 3.0, line);
        }
        d.y -= ROW;
    }
    d.y -= 8.0;
}

fn recap_distribution(d: &mut Doc, g: &Group, lang: Lang) {
    let ins = g.instrument;
    let dist = &g.distribution;
    let t = texts(lang);
    let rt = recap_texts(lang);
    let total: usize = dist.bands.iter().map(|b| b.count).sum();
    d.heading(&format!("{} ({})", rt.distribution, counted_text(dist.counted, lang)), 3, None);
    let grades = dist.bands.iter().any(|b| b.grade.is_some());
    let bands: Vec<(BandView, usize, Hundredths)> = dist
        .bands
        .iter()
        .rev()
        .filter_map(|b| {
            let view = band_view(ins, ins.bands.get(b.band)?, lang);
            Some((view, b.count, share(b.count, total)))
        })
        .collect();
    recap_bars(d, &bands, lang);
    let rows = bands
        .iter()
        .map(|(view, count, pct)| {
            let mut row = vec![
                Cell::zone(view),
                Cell::plain(&view.label),
                Cell::plain(format!("{}–{}", view.min.text, view.max.text)),
                Cell::plain(count.to_string()),
                Cell::plain(num(*pct, lang)),
            ];
            if grades {
                row.insert(0, Cell::bold(view.grade.as_deref().unwrap_or("")));
            }
            row
        })
        .collect();
    if grades {
        let cols = [
            col(8.0, false),
            col(22.0, false),
            col(22.0, false),
            col(18.0, true),
            col(12.0, true),
            col(18.0, true),
        ];
        d.table(&cols, &[t.grade, t.zone, t.predicate, t.range, rt.count, rt.share], rows);
    } else {
        let cols =
            [col(26.0, false), col(26.0, false), col(18.0, true), col(12.0, true), col(18.0, true)];
        d.table(&cols, &[t.zone, t.predicate, t.range, rt.count, rt.share], rows);
    }
    if dist.zones.len() < dist.bands.len() {
        d.heading(rt.per_zone, 4, None);
        let rows = dist
            .zones
            .iter()
            .rev()
            .map(|z| {
                vec![
                    Cell {
                        shape: Some(Shape::Zone(z.zone)),
                        ..Cell::plain(zone_name(z.zone, lang))
                    },
                    Cell::plain(z.count.to_string()),
                    Cell::plain(num(share(z.count, total), lang)),
                ]
            })
            .collect();
        let cols = [col(50.0, false), col(20.0, true), col(30.0, true)];
        d.table(&cols, &[t.zone, rt.count, rt.share], rows);
    }
    if dist.unscored > 0 {
        let what = counted_text(dist.counted, lang);
        let s = match lang {
            Lang::Id => format!(
                "{} {what} belum bernilai (tidak ada indikator yang berlaku) dan tidak dihitung.",
                dist.unscored
            ),
            Lang::En => {
                format!(
                    "{} {what} have no score (nothing applicable) and are not counted.",
                    dist.unscored
                )
            }
        };
        d.para(&Block::small(s, SMALL), 0.0);
    }
}

/// Score, grade and zone cells of a recap mark ("—" without a score).
fn mark_cells(ins: &Instrument, m: Option<&RecapMark>, grades: bool, lang: Lang) -> Vec<Cell> {
    let band = m.and_then(|m| mark_band(ins, m, lang));
    let mut out = vec![Cell::plain(m.map_or_else(|| "—".to_string(), |m| num(m.score, lang)))];
    if grades {
        out.push(Cell::plain(band.as_ref().and_then(|b| b.grade.as_deref()).unwrap_or("—")));
    }
    out.push(band.as_ref().map_or_else(|| Cell::plain("—"), Cell::zone));
    out
}

fn recap_opds(d: &mut Doc, g: &Group, lang: Lang) {
    let ins = g.instrument;
    let t = texts(lang);
    let rt = recap_texts(lang);
    let grades = ins.bands.iter().any(|b| b.grade.is_some());
    d.heading(rt.opds, 3, None);
    let mut rows = Vec::new();
    for o in &g.opds {
        let mut row = vec![
            Cell::bold(user(&o.opd)).small(user(&o.file_name)),
            Cell::plain(user(&o.pemda)),
            Cell::plain(user(&o.period)),
        ];
        row.extend(mark_cells(ins, o.mark.as_ref(), grades, lang));
        row.push(Cell::plain(format!("{}/{}", o.total.saturating_sub(o.unanswered), o.total)));
        row.push(if o.duplicate {
            Cell::bold(format!("(!) {}", rt.duplicate_flag))
        } else {
            Cell::plain("—")
        });
        rows.push((row, Some(0.95)));
        for u in &o.units {
            let total = unit_total(ins, u.products.len());
            let mut row =
                vec![Cell::plain(format!("– {}", user(&u.name))), Cell::empty(), Cell::empty()];
            row.extend(mark_cells(ins, u.mark.as_ref(), grades, lang));
            row.push(Cell::plain(format!("{}/{}", total.saturating_sub(u.unanswered), total)));
            row.push(Cell::empty());
            rows.push((row, None));
        }
    }
    if grades {
        let cols = [
            col(22.0, false),
            col(14.0, false),
            col(9.0, false),
            col(9.0, true),
            col(6.0, false),
            col(16.0, false),
            col(11.0, true),
            col(13.0, false),
        ];
        let head =
            [rt.opd_unit, t.pemda, t.period, t.score, t.grade, t.zone, t.answered, rt.duplicate];
        d.table_filled(&cols, &head, rows);
    } else {
        let cols = [
            col(24.0, false),
            col(14.0, false),
            col(9.0, false),
            col(9.0, true),
            col(18.0, false),
            col(12.0, true),
            col(14.0, false),
        ];
        let head = [rt.opd_unit, t.pemda, t.period, t.score, t.zone, t.answered, rt.duplicate];
        d.table_filled(&cols, &head, rows);
    }
}

fn recap_weakest(d: &mut Doc, g: &Group, lang: Lang) {
    let ins = g.instrument;
    let t = texts(lang);
    let rt = recap_texts(lang);
    let counted = counted_text(g.distribution.counted, lang);
    d.heading(rt.weakest, 3, None);
    if g.weakest.is_empty() {
        d.para(&Block::text(rt.no_weakest), 0.0);
        return;
    }
    let rows = g
        .weakest
        .iter()
        .take(WEAKEST_SHOWN)
        .enumerate()
        .map(|(n, w)| {
            let found = ins.indicators().find(|(_, i)| i.id == w.indicator);
            let text =
                found.map_or_else(|| w.indicator.clone(), |(_, i)| i.text.get(lang).to_string());
            let section =
                found.map_or_else(|| w.section.clone(), |(s, _)| s.title.get(lang).to_string());
            let of = match lang {
                Lang::Id => format!("{} dari {} {counted}", w.below_max, w.answered),
                Lang::En => format!("{} of {} {counted}", w.below_max, w.answered),
            };
            let mean =
                w.mean_points.map_or_else(|| "—".to_string(), |m| Figure::exact(m, lang).text);
            vec![
                Cell::plain((n + 1).to_string()),
                Cell::plain(text).small(format!("{section} · {}", w.indicator)),
                Cell::plain(of),
                Cell::plain(format!("{mean} / {}", ins.scale.max)),
            ]
        })
        .collect();
    let cols = [col(6.0, true), col(54.0, false), col(22.0, true), col(18.0, true)];
    d.table(&cols, &["No", t.indicator, rt.below_max, rt.mean_points], rows);
    if g.weakest.len() > WEAKEST_SHOWN {
        let s = match lang {
            Lang::Id => format!(
                "{WEAKEST_SHOWN} dari {} indikator yang belum maksimal; daftar lengkap ada di aplikasi.",
                g.weakest.len()
            ),
            Lang::En => format!(
                "{WEAKEST_SHOWN} of {} indicators below the maximum; the full list is in the app.",
                g.weakest.len()
            ),
        };
        d.para(&Block::small(s, SMALL), 0.0);
    }
}

fn recap_errors(d: &mut Doc, errors: &[FileError], lang: Lang) {
    if errors.is_empty() {
        return;
    }
    let rt = recap_texts(lang);
    d.heading(rt.errors, 2, None);
    let rows = errors
        .iter()
        .map(|e| vec![Cell::plain(user(&e.name)), Cell::plain(decode_error_text(&e.error, lang))])
        .collect();
    d.table(&[col(40.0, false), col(60.0, false)], &[rt.file, rt.reason], rows);
}

// ---------------------------------------------------------------------------------------------
// The SKM/IKM result (issue #6), the contents of skm_doc::html
// ---------------------------------------------------------------------------------------------

/// Renders the SKM/IKM result as a PDF file (issue #6 "SKM / IKM … Downloadable like the rest"):
/// the contents of `skm_doc::html` (Permenpan RB 14/2017), A4, selectable text.
pub fn render_skm(survey: &Survey, lang: Lang, title: &str, generated_at: &str) -> Vec<u8> {
    let ikm = survey.ikm();
    let st = skm_texts(lang);
    let mut d = Doc::new();
    d.heading(st.title, 1, None);
    d.space(4.0);
    let rows = vec![
        fact(st.unit, user(title)),
        fact(st.respondents, &survey.respondents().to_string()),
        fact(st.legal_basis, st.regulation),
    ];
    d.grid(&FACTS, rows);
    card(&mut d, 120.0, |d| skm_result(d, &ikm, lang));
    skm_unsur(&mut d, survey, &ikm, lang);
    skm_bands(&mut d, ikm.mutu, lang);
    d.heading(st.note, 2, None);
    // "Σ" has no WinAnsi form: the sum is written out.
    let sum = match lang {
        Lang::Id => "jumlah ",
        Lang::En => "sum of ",
    };
    d.para(&Block::text(weight_note(&ikm, lang).replace("Σ ", sum)), 0.0);
    d.space(3.0);
    d.para(&Block::small(st.order_note, 8.0), 0.0);
    closing(&mut d, lang, generated_at);
    d.finish(&Meta {
        lang,
        running: st.title.to_string(),
        who: if title.trim().is_empty() { "SKM".to_string() } else { title.to_string() },
        subject: st.regulation.to_string(),
        author: String::new(),
        generated_at: generated_at.to_string(),
    })
}

fn skm_result(d: &mut Doc, ikm: &Ikm, lang: Lang) {
    let st = skm_texts(lang);
    d.heading(st.ikm, 3, None);
    d.para(&Block::new(Font::Bold, num(ikm.score, lang), 26.0), 0.0);
    let line = Block::text(format!("{}: ", st.mutu))
        .then(Font::Bold, ikm.mutu.letter())
        .then(Font::Regular, format!(" · {}: ", st.kinerja))
        .then(Font::Bold, ikm.mutu.label(lang))
        .then(Font::Regular, format!(" · {}: {}", st.interval, interval_text(ikm.mutu, lang)));
    d.para(&line, 0.0);
    d.space(2.0);
    let small = format!("{}: {}", st.with_011, num(ikm.score_weight_011, lang));
    d.para(&Block::small(small, 8.0), 0.0);
}

fn skm_unsur(d: &mut Doc, survey: &Survey, ikm: &Ikm, lang: Lang) {
    let st = skm_texts(lang);
    d.heading(st.per_unsur, 2, None);
    d.para(&Block::small(st.columns_note, 8.0), 0.0);
    d.space(3.0);
    let ninth = Ratio::new(1, N_UNSUR as u128).unwrap_or(Ratio::ZERO);
    let mut total = Ratio::ZERO;
    let mut rows = Vec::with_capacity(N_UNSUR);
    for ((u, c), nrr) in UNSUR.iter().zip(survey.counts()).zip(&ikm.nrr) {
        let n: u64 = c.iter().map(|&x| u64::from(x)).sum();
        let sum: u64 = c.iter().zip(1u64..).map(|(&k, v)| u64::from(k) * v).sum();
        let w = *nrr * ninth;
        total = total + w;
        rows.push(vec![
            Cell::bold(u.code),
            Cell::plain(u.name(lang)),
            Cell::plain(c[0].to_string()),
            Cell::plain(c[1].to_string()),
            Cell::plain(c[2].to_string()),
            Cell::plain(c[3].to_string()),
            Cell::plain(format!("{sum}/{n}")),
            Cell::plain(three_decimals(*nrr, lang)),
            Cell::plain(three_decimals(w, lang)),
        ]);
    }
    let cols = [
        col(7.0, false),
        col(27.0, false),
        col(6.0, true),
        col(6.0, true),
        col(6.0, true),
        col(6.0, true),
        col(13.0, true),
        col(10.0, true),
        col(19.0, true),
    ];
    let head = [st.code, st.unsur, "1", "2", "3", "4", st.fraction, st.nrr, st.weighted];
    d.table(&cols, &head, rows);
    d.y += 6.0;
    let sums = vec![
        vec![Cell::bold(st.weighted_total), Cell::bold(three_decimals(total, lang))],
        vec![
            Cell::bold(format!("{} = 25 × {}", st.ikm, st.weighted_total)),
            Cell::bold(num(ikm.score, lang)),
        ],
    ];
    d.grid(&[col(81.0, true), col(19.0, true)], sums);
    d.y -= 4.0;
}

fn skm_bands(d: &mut Doc, current: Mutu, lang: Lang) {
    let st = skm_texts(lang);
    d.heading(st.bands, 2, None);
    let rows = Mutu::ALL
        .iter()
        .rev()
        .map(|m| {
            let this = *m == current;
            let font = if this { Font::Bold } else { Font::Regular };
            let kinerja = if this {
                format!("{} <- {}", m.label(lang), st.this_result)
            } else {
                m.label(lang).to_string()
            };
            let row = vec![
                Cell::new(font, interval_text(*m, lang)),
                Cell::new(font, m.persepsi().to_string()),
                Cell::new(font, m.letter()),
                Cell::new(font, kinerja),
            ];
            (row, this.then_some(0.9))
        })
        .collect();
    let cols = [col(30.0, true), col(16.0, true), col(22.0, false), col(32.0, false)];
    d.table_filled(&cols, &[st.interval, st.persepsi, st.mutu, st.kinerja], rows);
}
