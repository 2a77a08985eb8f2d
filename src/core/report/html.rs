//! The report as ONE self-contained HTML file (docs/FORMAT.md §The HTML report carries the same
//! file).
//!
//! It renders fully without JavaScript (email and WhatsApp previews strip scripts): inline
//! `<style>` only, no external resource, A4 print CSS. The assessment file travels inside it as a
//! JSON data block, so the downloaded report can be reopened (`open::extract_json` →
//! `persist::decode`). Every user string is escaped; only http/https evidence links become links.

use crate::instrument::{Lang, Zone};

use super::{zone_symbol, BandView, Figure, Report, Texts};

pub use crate::open::DATA_ID;

mod actions;
mod compare;
mod sections;
mod style;

use style::CSS;

/// Renders the report as one self-contained HTML document with the assessment file embedded
/// (docs/FORMAT.md §The HTML report carries the same file). `embedded_json` is the text
/// `persist::encode` produces.
pub fn render(r: &Report, embedded_json: &str) -> String {
    render_with(r, embedded_json, false)
}

/// [`render`] for the evidence bundle's `laporan.html`, whose photos lie beside it: each is a
/// link to `foto/<id>.jpg` (docs/FORMAT.md §Evidence bundle).
pub fn render_in_bundle(r: &Report, embedded_json: &str) -> String {
    render_with(r, embedded_json, true)
}

fn render_with(r: &Report, embedded_json: &str, photos_beside: bool) -> String {
    let t = r.texts();
    let mut h = String::with_capacity(64 * 1024);
    head(&mut h, r);
    h.push_str("<body>\n<main>\n");
    sections::header(&mut h, r, t);
    sections::result(&mut h, r, t);
    sections::identity(&mut h, r, t);
    sections::breakdown(&mut h, &r.sections, r.sections_note.as_deref(), t);
    sections::per_unit(&mut h, r, t);
    if let Some(c) = &r.comparison {
        compare::comparison(&mut h, c);
    }
    actions::action_plan(&mut h, r, t);
    super::opinion_html::parts(&mut h, r);
    super::readiness_html::section(&mut h, r);
    actions::signature(&mut h, r, t);
    // After the signatures: what the estimate rests on and where its rules come from (the
    // research trail includes press and third-party uploads, which are not what an official signs).
    actions::assumptions(&mut h, r, t);
    actions::answers(&mut h, r, t, photos_beside);
    actions::footer(&mut h, r, t);
    h.push_str("</main>\n");
    h.push_str(&format!(
        "<script type=\"application/json\" id=\"{DATA_ID}\">\n{}\n</script>\n",
        escape_json(embedded_json.trim())
    ));
    h.push_str("</body>\n</html>\n");
    h
}

/// Escapes JSON for a `<script>` data block: `<`, `>`, `&`, U+2028, U+2029 become `\uXXXX`. These
/// characters only occur inside JSON strings, where the escapes mean the same.
pub fn escape_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for HTML content and quoted attributes (`& < > " '`); control characters other
/// than tab and line breaks (NUL included) become U+FFFD, as an HTML parser would.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// A user string: escaped and isolated with `<bdi>`, so a right-to-left override (U+202E) cannot
/// reorder the text around it.
pub(crate) fn user(s: &str) -> String {
    if s.trim().is_empty() {
        "—".to_string()
    } else {
        format!("<bdi>{}</bdi>", escape(s))
    }
}

/// An http/https link as typed, or `None`.
pub fn safe_href(link: &str) -> Option<&str> {
    let l = link.trim();
    let lower = l.to_ascii_lowercase();
    let web = lower.starts_with("http://") || lower.starts_with("https://");
    let clean = !l.chars().any(|c| c.is_whitespace() || c.is_control());
    (web && clean && l.len() > "https://".len()).then_some(l)
}

pub(super) fn link(text: &str) -> String {
    match safe_href(text) {
        Some(href) => {
            format!("<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>", escape(href), user(text))
        }
        None => user(text),
    }
}

/// The zone badge, the grade (if the instrument has grades) and the predicate, as one paragraph
/// (the assessment report and the pemda recap show a score the same way).
/// In the words of the result screen: "Zona Kuning — Kualitas Sedang (C)" (`BandView::title`).
pub(crate) fn band_line(b: &BandView, _t: &Texts) -> String {
    format!("<p>{} — <strong>{}</strong></p>\n", badge(b), escape(&b.predicate()))
}

/// A zone badge: colour class, shape and text.
pub(crate) fn badge(b: &BandView) -> String {
    zone_badge(b.zone, &b.zone_name)
}

/// A zone badge from a zone and its name (the recap's per-zone table).
pub(crate) fn zone_badge(zone: Zone, name: &str) -> String {
    format!(
        "<span class=\"badge zone-{}\"><span aria-hidden=\"true\">{}</span> {}</span>",
        zone_class(zone),
        zone_symbol(zone),
        escape(name)
    )
}

/// The CSS class suffix of a zone: "merah", "kuning", "hijau", "hitam".
pub(crate) fn zone_class(zone: Zone) -> &'static str {
    match zone {
        Zone::Merah => "merah",
        Zone::Kuning => "kuning",
        Zone::Hijau => "hijau",
        Zone::Hitam => "hitam",
    }
}

pub(super) fn fig(f: Option<&Figure>) -> String {
    escape(Figure::shown(f))
}

/// Opens a fixed-layout table with its header row: (label, width in %, numeric).
/// A fixed layout keeps a 10 kB word from squeezing the other columns.
pub(crate) fn table_head(h: &mut String, cols: &[(&str, u8, bool)]) {
    open_table(h, "", cols);
}

fn open_table(h: &mut String, class: &str, cols: &[(&str, u8, bool)]) {
    h.push_str(&format!("<table{class}>\n<thead><tr>"));
    for (label, width, num) in cols {
        let class = if *num { " class=\"num\"" } else { "" };
        h.push_str(&format!(
            "<th scope=\"col\"{class} style=\"width: {width}%\">{}</th>",
            escape(label)
        ));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
}

/// The columns of a table that becomes stacked rows on a phone, each cell led by its column's
/// name, and stays a table on a laptop and on A4 (style.rs; the result screen does the same).
pub(crate) struct Cols(Vec<(String, bool)>);

impl Cols {
    /// A data cell of column `i`: `html` is already escaped; numbers are right-aligned.
    pub(crate) fn td(&self, i: usize, html: &str) -> String {
        let (label, num) = self.0.get(i).map_or(("", false), |(l, n)| (l.as_str(), *n));
        let class = if num { " class=\"num\"" } else { "" };
        // A number stands right of its label on a phone: one item next to the label.
        let html = if num { format!("<span>{html}</span>") } else { html.to_string() };
        format!("<td data-label=\"{label}\"{class}>{html}</td>")
    }

    /// The same columns with column `i` named `label` before its values on a phone (when the
    /// header is too short to read alone, e.g. "1" for "Jawaban 1").
    pub(crate) fn relabel(mut self, i: usize, label: &str) -> Cols {
        if let Some(c) = self.0.get_mut(i) {
            c.0 = escape(label);
        }
        self
    }
}

/// Opens a table like [`table_head`] that stacks its rows on a phone; its cells are written
/// with [`Cols::td`].
pub(crate) fn stack_head(h: &mut String, cols: &[(&str, u8, bool)]) -> Cols {
    open_table(h, " class=\"stack\"", cols);
    Cols(cols.iter().map(|(l, _, n)| (escape(l), *n)).collect())
}

fn head(h: &mut String, r: &Report) {
    document_head(h, r.lang, &format!("{} · {}", r.title(), r.identity.opd), "");
}

/// The `<!DOCTYPE>` and `<head>` of every patuh document: no script, no external resource, the
/// report CSS plus `extra_css` (docs/FORMAT.md §The HTML report carries the same file;
/// the recap and SKM documents).
pub(crate) fn document_head(h: &mut String, lang: Lang, title: &str, extra_css: &str) {
    h.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n<meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"generator\" content=\"patuh\">\n<title>{}</title>\n<style>{CSS}{extra_css}</style>\n\
         </head>\n",
        lang.code(),
        escape(title),
    ));
}

/// A `<dt>`/`<dd>` pair of a facts list; `value_html` is already escaped.
pub(crate) fn fact(h: &mut String, label: &str, value_html: &str) {
    h.push_str(&format!("<dt>{}</dt><dd>{value_html}</dd>\n", escape(label)));
}
