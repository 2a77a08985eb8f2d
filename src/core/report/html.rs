//! The report as ONE self-contained HTML file (docs/FORMAT.md §The HTML report carries the same
//! file).
//!
//! It renders fully without JavaScript (email and WhatsApp previews strip scripts): inline
//! `<style>` only, no external resource, A4 print CSS. The assessment file travels inside it as a
//! JSON data block, so the downloaded report can be reopened (`open::extract_json` →
//! `persist::decode`). Every user string is escaped; only http/https evidence links become links.

use crate::instrument::{Lang, Zone};

use super::comparison::{compare_texts, ChangeRow, CompareTexts, ComparisonView};
use super::{
    zone_symbol, ActionItem, BandView, Figure, IndicatorRow, PlanView, Report, SectionRow, Texts,
};

pub use crate::open::DATA_ID;

const CSS: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 11pt/1.45 "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #111; background: #fff; }
main { max-width: 190mm; margin: 0 auto; padding: 10mm 6mm; }
h1 { font-size: 17pt; margin: 0 0 2pt; }
h2 { font-size: 13.5pt; margin: 16pt 0 6pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #444; break-after: avoid; }
h3 { font-size: 12pt; margin: 12pt 0 4pt; break-after: avoid; }
h4 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; }
p { margin: 3pt 0; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 4pt 0 8pt; }
th, td { border: 1px solid #888; padding: 3pt 5pt; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
thead { display: table-header-group; }
tr.sec th { background: #f4f4f4; font-weight: bold; }
tr, li, .card, .sign, .sign > div { break-inside: avoid; }
td, th, dd, li, p, h1, h2, h3, h4 { overflow-wrap: anywhere; }
bdi { unicode-bidi: isolate; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.pre { white-space: pre-wrap; }
.small { font-size: 9pt; font-weight: normal; color: #333; }
.card { border: 1.5pt solid #444; border-radius: 6pt; padding: 6pt 12pt; margin: 8pt 0; }
.score { font-size: 28pt; font-weight: bold; margin: 0; }
.badge { display: inline-block; padding: 1pt 8pt; border: 1px solid #000; border-radius: 4pt; font-weight: bold; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.zone-hijau { background: #1b5e20; color: #fff; }
.zone-kuning { background: #ffd54f; color: #000; }
.zone-merah { background: #b71c1c; color: #fff; }
.zone-hitam { background: #000; color: #fff; }
.prov { border: 1.5pt dashed #000; background: #fff; color: #000; }
.flag { font-weight: bold; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 4pt 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
ul, ol { margin: 2pt 0; padding-left: 16pt; }
.sign { display: flex; justify-content: space-between; gap: 16mm; margin-top: 24pt; }
.sign > div { flex: 1; }
.sign .space { height: 22mm; }
.appendix { break-before: page; }
footer { margin-top: 16pt; border-top: 1px solid #888; padding-top: 4pt; }
@page { size: A4; margin: 18mm 15mm 20mm 15mm; }
@media screen and (max-width: 40rem) {
  body { font-size: 10.5pt; }
  main { padding: 4mm 3mm; }
  .score { font-size: 22pt; }
  /* A wide table scrolls sideways by itself; the page never does, and no word is split. */
  table { table-layout: auto; display: block; overflow-x: auto; }
  th, td { padding: 2pt 3pt; }
  td, th, dd, li, p { overflow-wrap: break-word; hyphens: auto; }
  dl.facts { grid-template-columns: 1fr; }
  .sign { flex-direction: column; gap: 8mm; }
}
.badge { white-space: nowrap; }
@media print {
  body { font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  a { color: #000; }
}
"#;

/// Renders the report as one self-contained HTML document with the assessment file embedded
/// (docs/FORMAT.md §The HTML report carries the same file). `embedded_json` is the text
/// `persist::encode` produces.
pub fn render(r: &Report, embedded_json: &str) -> String {
    let t = r.texts();
    let mut h = String::with_capacity(64 * 1024);
    head(&mut h, r, t);
    h.push_str("<body>\n<main>\n");
    header(&mut h, r, t);
    result(&mut h, r, t);
    identity(&mut h, r, t);
    breakdown(&mut h, &r.sections, t);
    per_unit(&mut h, r, t);
    if let Some(c) = &r.comparison {
        comparison(&mut h, c);
    }
    action_plan(&mut h, r, t);
    super::opinion_html::parts(&mut h, r);
    assumptions(&mut h, r, t);
    signature(&mut h, r, t);
    answers(&mut h, r, t);
    footer(&mut h, r, t);
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

fn link(text: &str) -> String {
    match safe_href(text) {
        Some(href) => {
            format!("<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>", escape(href), user(text))
        }
        None => user(text),
    }
}

/// The zone badge, the grade (if the instrument has grades) and the predicate, as one paragraph
/// (the assessment report and the pemda recap show a score the same way).
pub(crate) fn band_line(b: &BandView, t: &Texts) -> String {
    let grade = b
        .grade
        .as_ref()
        .map(|g| format!(" · {} <strong>{}</strong>", escape(t.grade), escape(g)))
        .unwrap_or_default();
    format!(
        "<p>{}{grade} · {}: <strong>{}</strong></p>\n",
        badge(b),
        escape(t.predicate),
        escape(&b.label)
    )
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

fn fig(f: Option<&Figure>) -> String {
    escape(Figure::shown(f))
}

/// Opens a fixed-layout table with its header row: (label, width in %, numeric).
/// A fixed layout keeps a 10 kB word from squeezing the other columns.
pub(crate) fn table_head(h: &mut String, cols: &[(&str, u8, bool)]) {
    h.push_str("<table>\n<thead><tr>");
    for (label, width, num) in cols {
        let class = if *num { " class=\"num\"" } else { "" };
        h.push_str(&format!(
            "<th scope=\"col\"{class} style=\"width: {width}%\">{}</th>",
            escape(label)
        ));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
}

fn head(h: &mut String, r: &Report, t: &Texts) {
    document_head(h, r.lang, &format!("{} · {}", t.title, r.identity.opd), "");
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

fn header(h: &mut String, r: &Report, t: &Texts) {
    let i = &r.identity;
    h.push_str(&format!(
        "<header>\n<h1>{}</h1>\n<p><strong>{}</strong></p>\n",
        escape(t.title),
        user(&i.opd)
    ));
    if !i.pemda.trim().is_empty() {
        h.push_str(&format!("<p>{}</p>\n", user(&i.pemda)));
    }
    let period = if i.period.trim().is_empty() {
        String::new()
    } else {
        format!(" · {} {}", escape(t.period), user(&i.period))
    };
    h.push_str(&format!(
        "<p class=\"small\">{} ({}){period}</p>\n</header>\n",
        escape(&r.instrument.title),
        escape(&r.instrument.years)
    ));
}

fn result(h: &mut String, r: &Report, t: &Texts) {
    let o = &r.overall;
    h.push_str(&format!(
        "<section class=\"card\" aria-labelledby=\"h-result\">\n<h2 id=\"h-result\">{}</h2>\n",
        escape(t.result)
    ));
    h.push_str(&format!("<p class=\"score\">{}</p>\n", fig(o.score.as_ref())));
    let opinion = super::opinion_html::headline(h, r);
    if let Some(b) = o.band.as_ref().filter(|_| !opinion) {
        h.push_str(&band_line(b, t));
    }
    let prov = if o.provisional {
        format!(
            "<span class=\"badge prov\"><span aria-hidden=\"true\">◌</span> {}</span> ",
            escape(t.provisional)
        )
    } else {
        String::new()
    };
    // The badge says "Sementara"; the sentence goes on from there instead of saying it again.
    let status = o.status.strip_prefix(&format!("{}: ", t.provisional)).filter(|_| o.provisional);
    h.push_str(&format!("<p>{prov}{}</p>\n", escape(status.unwrap_or(&o.status))));
    legend(h, r, t);
    h.push_str("</section>\n");
}

fn legend(h: &mut String, r: &Report, t: &Texts) {
    h.push_str(&format!("<h3>{}</h3>\n", escape(t.legend)));
    let grades = r.legend.iter().any(|b| b.grade.is_some());
    let mut cols = vec![(t.zone, 30, false), (t.predicate, 40, false), (t.range, 30, true)];
    // Under an opinion instrument the zone is not part of the result (docs/SCORING.md §Opinion).
    let zones = r.opinion.is_none();
    if !zones {
        cols.remove(0);
    }
    if grades {
        cols[0].1 = 26;
        cols[1].1 = 30;
        cols.insert(0, (t.grade, 14, false));
    }
    table_head(h, &cols);
    for b in &r.legend {
        h.push_str("<tr>");
        if grades {
            h.push_str(&format!("<td>{}</td>", escape(b.grade.as_deref().unwrap_or(""))));
        }
        if zones {
            h.push_str(&format!("<td>{}</td>", badge(b)));
        }
        h.push_str(&format!(
            "<td>{}</td><td class=\"num\">{}–{}</td></tr>\n",
            escape(&b.label),
            escape(&b.min.text),
            escape(&b.max.text)
        ));
    }
    h.push_str("</tbody>\n</table>\n");
}

/// A `<dt>`/`<dd>` pair of a facts list; `value_html` is already escaped.
pub(crate) fn fact(h: &mut String, label: &str, value_html: &str) {
    h.push_str(&format!("<dt>{}</dt><dd>{value_html}</dd>\n", escape(label)));
}

fn identity(h: &mut String, r: &Report, t: &Texts) {
    let i = &r.identity;
    h.push_str(&format!(
        "<section aria-labelledby=\"h-identity\">\n<h2 id=\"h-identity\">{}</h2>\n<dl class=\"facts\">\n",
        escape(t.identity)
    ));
    fact(h, t.opd, &user(&i.opd));
    fact(h, t.pemda, &user(&i.pemda));
    fact(h, t.period, &user(&i.period));
    fact(h, t.date, &user(&i.date));
    fact(h, t.assessor, &user(&i.assessor_name));
    fact(h, t.position, &user(&i.assessor_position));
    let mut units = String::from("<ul>");
    for u in &i.units {
        let products: Vec<String> = u.products.iter().map(|p| user(p)).collect();
        units.push_str(&format!("<li>{}: {}</li>", user(&u.name), products.join(", ")));
    }
    units.push_str("</ul>");
    fact(h, t.units_products, &units);
    h.push_str("</dl>\n");
    let ins = &r.instrument;
    h.push_str(&format!("<h3>{}</h3>\n<dl class=\"facts\">\n", escape(t.instrument)));
    fact(h, t.instrument, &escape(&ins.title));
    fact(h, t.years, &escape(&ins.years));
    fact(h, t.legal_basis, &escape(&ins.legal_basis));
    let scale: Vec<String> = ins.scale.iter().map(|s| escape(s)).collect();
    fact(h, t.scale, &scale.join("; "));
    h.push_str("</dl>\n</section>\n");
}

fn breakdown(h: &mut String, rows: &[SectionRow], t: &Texts) {
    h.push_str(&format!(
        "<section aria-labelledby=\"h-breakdown\">\n<h2 id=\"h-breakdown\">{}</h2>\n",
        escape(t.breakdown)
    ));
    section_table(h, rows, t, true);
    h.push_str("</section>\n");
}

fn section_table(h: &mut String, rows: &[SectionRow], t: &Texts, notes: bool) {
    let dims = rows.iter().any(|s| s.max_points.is_some());
    if dims {
        table_head(
            h,
            &[
                (t.section, 49, false),
                (t.fulfilment, 17, true),
                (t.points, 20, true),
                (t.answered, 14, true),
            ],
        );
    } else {
        table_head(h, &[(t.section, 66, false), (t.fulfilment, 20, true), (t.answered, 14, true)]);
    }
    for s in rows {
        section_tr(h, s, dims, notes);
    }
    h.push_str("</tbody>\n</table>\n");
}

fn section_tr(h: &mut String, s: &SectionRow, dims: bool, notes: bool) {
    let note = s
        .note
        .as_ref()
        .filter(|_| notes)
        .map(|n| format!("<br><span class=\"small\">{}</span>", escape(n)))
        .unwrap_or_default();
    h.push_str(&format!(
        "<tr><th scope=\"row\">{}{note}</th><td class=\"num\">{}</td>",
        escape(&s.title),
        fig(s.fulfilment.as_ref())
    ));
    if dims {
        h.push_str(&format!(
            "<td class=\"num\">{} / {}</td>",
            fig(s.points.as_ref()),
            fig(s.max_points.as_ref())
        ));
    }
    h.push_str(&format!("<td class=\"num\">{}/{}</td></tr>\n", s.answered, s.total));
}

fn per_unit(h: &mut String, r: &Report, t: &Texts) {
    h.push_str(&format!(
        "<section aria-labelledby=\"h-units\">\n<h2 id=\"h-units\">{}</h2>\n",
        escape(t.per_unit)
    ));
    table_head(
        h,
        &[
            (t.unit, 22, false),
            (t.product, 24, false),
            (t.score, 11, true),
            (t.zone, 19, false),
            (t.fulfilment, 12, true),
            (t.answered, 12, true),
        ],
    );
    // The unit's band stands under "Zona", the product's fulfilment under its own header.
    for u in &r.units {
        let band = match (&u.label, &u.band) {
            (Some(l), _) => format!("<strong>{}</strong>", escape(l)),
            (None, b) => b.as_ref().map(badge).unwrap_or_default(),
        };
        h.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td></td><td class=\"num\">{}</td><td>{band}</td><td></td>\
             <td class=\"num\">{}/{}</td></tr>\n",
            user(&u.name),
            fig(u.score.as_ref()),
            u.answered,
            u.total
        ));
        for p in &u.products {
            h.push_str(&format!(
                "<tr><td></td><td>{}</td><td class=\"num\">{}</td><td></td><td class=\"num\">{}</td>\
                 <td class=\"num\">{}/{}</td></tr>\n",
                user(&p.name),
                fig(p.score.as_ref()),
                fig(p.fulfilment.as_ref()),
                p.answered,
                p.total
            ));
        }
    }
    h.push_str("</tbody>\n</table>\n");
    if r.units.len() > 1 {
        for u in &r.units {
            h.push_str(&format!("<h3>{}: {}</h3>\n", escape(t.unit), user(&u.name)));
            section_table(h, &u.sections, t, false);
        }
    }
    h.push_str("</section>\n");
}

fn place(a: &ActionItem) -> String {
    match &a.product {
        Some(p) => format!("{} / {}", user(&a.unit), user(p)),
        None => user(&a.unit),
    }
}

fn actions_table(h: &mut String, items: &[ActionItem], t: &Texts) {
    table_head(
        h,
        &[
            ("No", 6, true),
            (t.indicator, 30, false),
            (t.place, 16, false),
            (t.answer, 12, false),
            (t.gain, 10, true),
            (t.action, 26, false),
        ],
    );
    for (n, a) in items.iter().enumerate() {
        h.push_str(&format!(
            "<tr><td class=\"num\">{}</td><td>{}<br><span class=\"small\">{} · {} · {}</span></td>\
             <td>{}</td><td>{}</td><td class=\"num\">+{}</td><td>{}</td></tr>\n",
            n + 1,
            escape(&a.text),
            escape(&a.section),
            escape(&a.indicator),
            escape(&a.legal),
            place(a),
            escape(&a.answer),
            escape(&a.gain.text),
            escape(&a.action)
        ));
    }
    h.push_str("</tbody>\n</table>\n");
}

/// `zones`: false under an opinion instrument, whose plans name the quality label only.
fn plan(h: &mut String, p: &PlanView, t: &Texts, zones: bool) {
    let b = &p.target;
    let grade =
        b.grade.as_ref().map(|g| format!("{} {} ", escape(t.grade), escape(g))).unwrap_or_default();
    h.push_str(&format!(
        "<div class=\"plan\">\n<h3>{} {grade}{} {} (≥ {})</h3>\n<p>{} {} · {}: <strong>{}</strong></p>\n",
        escape(t.plan_to),
        if zones { badge(b) } else { String::new() },
        escape(&b.label),
        escape(&b.min.text),
        p.fixes.len(),
        escape(t.fixes),
        escape(t.score_after),
        escape(&p.score_after.text)
    ));
    actions_table(h, &p.fixes, t);
    h.push_str("</div>\n");
}

fn action_plan(h: &mut String, r: &Report, t: &Texts) {
    h.push_str(&format!(
        "<section aria-labelledby=\"h-plan\">\n<h2 id=\"h-plan\">{}</h2>\n",
        escape(t.action_plan)
    ));
    super::opinion_html::open_first(h, r);
    if r.plans.is_empty() && r.overall.score.is_some() {
        h.push_str(&format!("<p>{}</p>\n", escape(t.no_plans)));
    }
    for p in &r.plans {
        plan(h, p, t, r.opinion.is_none());
    }
    h.push_str(&format!("<h3>{}</h3>\n", escape(t.all_gaps)));
    if r.gaps.is_empty() {
        h.push_str(&format!("<p>{}</p>\n", escape(t.no_gaps)));
    } else {
        actions_table(h, &r.gaps, t);
    }
    h.push_str("</section>\n");
}

fn assumptions(h: &mut String, r: &Report, t: &Texts) {
    h.push_str(&format!(
        "<section aria-labelledby=\"h-assumed\">\n<h2 id=\"h-assumed\">{}</h2>\n<ul>\n",
        escape(t.assumptions)
    ));
    for a in &r.assumptions {
        h.push_str(&format!(
            "<li><strong>{}</strong>: {}</li>\n",
            escape(&a.subject),
            escape(&a.reason)
        ));
    }
    h.push_str(&format!("</ul>\n<h3>{}</h3>\n<ul class=\"small\">\n", escape(t.sources)));
    for s in &r.instrument.sources {
        let url = s.url.as_deref().map(link).unwrap_or_default();
        h.push_str(&format!("<li>{} {url}</li>\n", escape(&s.title)));
    }
    h.push_str(&format!("</ul>\n<p><strong>{}</strong></p>\n</section>\n", escape(&r.privacy)));
}

fn blank(s: &str) -> String {
    if s.trim().is_empty() {
        "____________________".to_string()
    } else {
        format!("<bdi>{}</bdi>", escape(s))
    }
}

fn signature(h: &mut String, r: &Report, t: &Texts) {
    let i = &r.identity;
    h.push_str(&format!(
        "<section class=\"sign\" aria-label=\"{}\">\n<div>\n<p>&nbsp;</p>\n<p>{}<br>{} {}</p>\n\
         <div class=\"space\"></div>\n<p>(______________________________)<br>{} ____________________</p>\n\
         </div>\n<div>\n<p>{}, {}</p>\n<p>{}<br>{}</p>\n<div class=\"space\"></div>\n\
         <p><strong>{}</strong></p>\n</div>\n</section>\n",
        escape(t.acknowledged),
        escape(t.acknowledged),
        escape(t.head_of),
        blank(&i.opd),
        escape(t.nip),
        blank(&i.pemda),
        blank(&i.date),
        escape(t.assessor_sign),
        blank(&i.assessor_position),
        blank(&i.assessor_name),
    ));
}

fn answers(h: &mut String, r: &Report, t: &Texts) {
    h.push_str(&format!(
        "<section class=\"appendix\" aria-labelledby=\"h-answers\">\n<h2 id=\"h-answers\">{}: {}</h2>\n",
        escape(t.appendix),
        escape(t.answers)
    ));
    for u in &r.units {
        h.push_str(&format!("<h3>{}: {}</h3>\n", escape(t.unit), user(&u.name)));
        if !u.indicators.is_empty() {
            h.push_str(&format!("<h4>{}</h4>\n", escape(t.unit_wide)));
            indicator_table(h, &u.indicators, t);
        }
        for p in &u.products {
            if p.indicators.is_empty() {
                continue;
            }
            h.push_str(&format!("<h4>{}: {}</h4>\n", escape(t.product), user(&p.name)));
            indicator_table(h, &p.indicators, t);
        }
    }
    h.push_str("</section>\n");
}

fn indicator_table(h: &mut String, rows: &[IndicatorRow], t: &Texts) {
    table_head(
        h,
        &[
            (t.indicator, 36, false),
            (t.answer, 14, false),
            (t.note, 22, false),
            (t.evidence, 16, false),
            (t.review, 12, false),
        ],
    );
    let mut section = "";
    for row in rows {
        if row.section_id != section {
            section = &row.section_id;
            h.push_str(&format!(
                "<tr class=\"sec\"><th colspan=\"5\" scope=\"colgroup\">{}</th></tr>\n",
                escape(&row.section)
            ));
        }
        indicator_tr(h, row, t);
    }
    h.push_str("</tbody>\n</table>\n");
}

fn indicator_tr(h: &mut String, row: &IndicatorRow, t: &Texts) {
    let assumed =
        if row.assumed.is_some() { format!(" · {}", escape(t.assumed)) } else { String::new() };
    let points = match (row.points, row.max_points) {
        (Some(p), Some(m)) if row.answered => format!(" <span class=\"small\">({p}/{m})</span>"),
        _ => String::new(),
    };
    let mut evidence: Vec<String> = row.links.iter().map(|l| link(l)).collect();
    if row.photos > 0 {
        evidence.push(format!("{} {}", row.photos, escape(t.photos)));
    }
    let review = if row.review {
        format!(
            "<span class=\"flag\"><span aria-hidden=\"true\">⚑</span> {}</span>",
            escape(t.review)
        )
    } else {
        String::new()
    };
    h.push_str(&format!(
        "<tr><td>{}<br><span class=\"small\">{} · {}{assumed}</span></td><td>{}{points}</td>\
         <td class=\"pre\">{}</td><td>{}</td><td>{review}</td></tr>\n",
        escape(&row.text),
        escape(&row.id),
        escape(&row.legal),
        escape(&row.answer),
        if row.note.is_empty() { String::new() } else { user(&row.note) },
        evidence.join("<br>"),
    ));
}

fn change_cells(h: &mut String, c: &ChangeRow, max: Option<&Figure>) {
    let max = max.map(|m| format!(" / {}", escape(&m.text))).unwrap_or_default();
    let delta = c
        .delta
        .as_ref()
        .map(|d| {
            format!(
                "<span aria-hidden=\"true\">{}</span> {} <span class=\"small\">{}</span>",
                escape(&d.symbol),
                escape(&d.text),
                escape(&d.word)
            )
        })
        .unwrap_or_else(|| "—".to_string());
    h.push_str(&format!(
        "<td class=\"num\">{}{max}</td><td class=\"num\">{}{max}</td><td class=\"num\">{delta}</td>",
        fig(c.before.as_ref()),
        fig(c.after.as_ref()),
    ));
}

/// The comparison with the previous assessment: OPD and section figures with their
/// change, the counts, per unit when there are several, and every indicator that changed. Each
/// change carries a symbol and a word, never colour alone.
fn comparison(h: &mut String, c: &ComparisonView) {
    let ct: &CompareTexts = compare_texts(c.lang);
    h.push_str(&format!(
        "<section aria-labelledby=\"h-compare\">\n<h2 id=\"h-compare\">{}</h2>\n",
        escape(ct.heading)
    ));
    if let Some(w) = &c.warning {
        h.push_str(&format!(
            "<p class=\"flag\"><span aria-hidden=\"true\">⚠</span> {}</p>\n",
            escape(w)
        ));
    }
    let first = format!("{} · {}", super::texts(c.lang).section, c.section_measure);
    table_head(
        h,
        &[(&first, 40, false), (ct.before, 20, true), (ct.after, 20, true), (ct.change, 20, true)],
    );
    h.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape(ct.total)));
    change_cells(h, &c.total, None);
    h.push_str("</tr>\n");
    for s in &c.sections {
        h.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape(&s.title)));
        change_cells(h, &s.change, s.max_points.as_ref());
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
    h.push_str(&format!("<p>{}: {}</p>\n", escape(ct.counts), escape(&c.counts_text())));
    if c.units.len() > 1 {
        h.push_str(&format!("<h3>{}</h3>\n", escape(ct.per_unit)));
        table_head(
            h,
            &[
                (super::texts(c.lang).unit, 40, false),
                (ct.before, 20, true),
                (ct.after, 20, true),
                (ct.change, 20, true),
            ],
        );
        for u in &c.units {
            let note = u
                .note
                .as_ref()
                .map(|n| format!("<br><span class=\"small\">{}</span>", user(n)))
                .unwrap_or_default();
            h.push_str(&format!("<tr><th scope=\"row\">{}{note}</th>", user(&u.name)));
            change_cells(h, &u.change, None);
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table>\n");
    }
    h.push_str(&format!("<h3>{}</h3>\n", escape(ct.changed)));
    let changed: Vec<_> = c.changed().collect();
    if changed.is_empty() {
        h.push_str(&format!("<p>{}</p>\n", escape(ct.none_changed)));
    } else {
        let t = super::texts(c.lang);
        table_head(
            h,
            &[
                ("No", 5, true),
                (t.indicator, 31, false),
                (t.place, 17, false),
                (ct.before, 16, false),
                (ct.after, 16, false),
                (ct.status, 15, false),
            ],
        );
        for (n, x) in changed.iter().enumerate() {
            let place = match &x.product {
                Some(p) => format!("{} / {}", user(&x.unit), user(p)),
                None => user(&x.unit),
            };
            h.push_str(&format!(
                "<tr><td class=\"num\">{}</td><td>{}<br><span class=\"small\">{} · {}</span></td>\
                 <td>{place}</td><td>{}</td><td>{}</td>\
                 <td><span aria-hidden=\"true\">{}</span> {}</td></tr>\n",
                n + 1,
                escape(&x.text),
                escape(&x.section),
                escape(&x.indicator),
                escape(&x.before),
                escape(&x.after),
                escape(&x.symbol),
                escape(&x.status_text),
            ));
        }
        h.push_str("</tbody>\n</table>\n");
    }
    h.push_str("</section>\n");
}

fn footer(h: &mut String, r: &Report, t: &Texts) {
    h.push_str(&format!(
        "<footer class=\"small\">\n<p>{} {} · {} ({}), {} {}</p>\n</footer>\n",
        escape(t.generated),
        user(&r.generated_at),
        escape(&r.instrument.title),
        escape(&r.instrument.years),
        escape(t.version),
        escape(&r.instrument.version),
    ));
}
