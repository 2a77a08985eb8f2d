//! Text for the PDF: WinAnsi encoding of any string, the Helvetica metrics, word wrap and fitting
//! a line to a width.

use pdf_writer::Name;

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
/// form are mapped or become `?`.
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
pub(super) enum Font {
    Regular,
    Bold,
}

impl Font {
    /// Resource name in every page.
    pub(super) fn resource(self) -> Name<'static> {
        match self {
            Font::Regular => Name(b"F1"),
            Font::Bold => Name(b"F2"),
        }
    }

    /// The standard 14 font it is.
    pub(super) fn base_font(self) -> Name<'static> {
        match self {
            Font::Regular => Name(b"Helvetica"),
            Font::Bold => Name(b"Helvetica-Bold"),
        }
    }

    /// Its widths for WinAnsi codes 32–255.
    pub(super) fn table(self) -> &'static [u16; 224] {
        match self {
            Font::Regular => &HELVETICA,
            Font::Bold => &HELVETICA_BOLD,
        }
    }

    /// Advance width of a WinAnsi byte in points.
    pub(super) fn advance(self, byte: u8, size: f32) -> f32 {
        let units = byte.checked_sub(32).and_then(|i| self.table().get(usize::from(i))).copied();
        f32::from(units.unwrap_or(0)) * size / 1000.0
    }
}

/// Width in points of WinAnsi bytes set in Helvetica (or Helvetica-Bold) at `size` points, from
/// the fonts' AFM metrics, without kerning.
pub fn text_width(bytes: &[u8], bold: bool, size: f32) -> f32 {
    let font = if bold { Font::Bold } else { Font::Regular };
    bytes.iter().map(|&b| font.advance(b, size)).sum()
}

/// A glyph: a WinAnsi byte in a font.
pub(super) type Glyph = (Font, u8);

/// Word-wraps styled text to `width` points: breaks at spaces, at line breaks in the text, and
/// inside a word only when the word alone is wider than the line. Always at least one line.
pub(super) fn wrap(spans: &[(Font, String)], size: f32, width: f32) -> Vec<Vec<Glyph>> {
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
pub(super) fn fit(mut bytes: Vec<u8>, font: Font, size: f32, max: f32) -> Vec<u8> {
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
