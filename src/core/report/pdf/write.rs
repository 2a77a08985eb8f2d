//! Writing the laid-out pages as a PDF file: the two standard fonts, every page with its running
//! header, footer and links, and the metadata (title, subject, author, creation date).

use pdf_writer::types::{ActionType, AnnotationType};
use pdf_writer::{Date, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::doc::Doc;
use super::layout::{Line, Page, BOTTOM, LEAD, LEFT, MUTED, PAGE_H, PAGE_W, SMALL, WIDTH};
use super::text::{fit, to_winansi, Font, Glyph};

use crate::instrument::Lang;

impl Doc {
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
}

pub(super) fn local(lang: Lang) -> Words {
    match lang {
        Lang::Id => Words { page: "halaman", of: "dari" },
        Lang::En => Words { page: "page", of: "of" },
    }
}
