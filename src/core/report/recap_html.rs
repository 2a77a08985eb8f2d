//! The pemda recap as ONE self-contained HTML file like the report of a
//! single assessment.
//!
//! Same rules and look as the single report ([`super::html`]): no JavaScript, inline CSS only, no
//! external resource, A4 print CSS, every user string escaped. Per instrument group: the pemda
//! score with its badge and the rule used, the zone distribution as a CSS bar chart and as a table,
//! the OPD table with its units, the weakest indicators; then the files that could not be read with
//! the reason, and the privacy note.

use crate::exact::{Hundredths, Ratio};
use crate::instrument::{Instrument, Lang};
use crate::open::{self, OpenError};
use crate::recap::{Counted, Distribution, FileError, Group, Mark, OpdRow, Recap};

use super::html::{
    badge, band_line, document_head, escape, table_head, user, zone_badge, zone_class,
};
use super::{band_view, texts, zone_name, BandView, Figure};

/// How many of the weakest indicators the document lists.
pub const WEAKEST_SHOWN: usize = 10;

/// CSS of the recap on top of the report's: the distribution bar chart.
/// Bar widths are set per bar; each bar has a border, so it prints without background colours.
const RECAP_CSS: &str = r#"
.bars { display: grid; grid-template-columns: max-content 1fr max-content; gap: 3pt 8pt; align-items: center; margin: 4pt 0 8pt; break-inside: avoid; }
.bar-track { display: block; border-left: 1px solid #444; min-height: 12pt; }
.bar { display: block; height: 12pt; border: 1px solid #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.bar-count { white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.opd th, tr.opd td { border-top: 1.5pt solid #444; }
td.indent, th.indent { padding-left: 16pt; font-weight: normal; }
.group { break-before: page; }
.group:first-of-type { break-before: auto; }
"#;

/// Fixed texts of the recap document.
#[derive(Debug)]
pub struct RecapTexts {
    /// Document title.
    pub title: &'static str,
    /// Heading: the pemda score.
    pub pemda_score: &'static str,
    /// Label before the rule.
    pub rule: &'static str,
    /// Heading: zone distribution.
    pub distribution: &'static str,
    /// Column: count.
    pub count: &'static str,
    /// Column: share.
    pub share: &'static str,
    /// Heading: per zone (for instruments with grades).
    pub per_zone: &'static str,
    /// Heading: OPD table.
    pub opds: &'static str,
    /// Column: OPD / unit.
    pub opd_unit: &'static str,
    /// Column: duplicate.
    pub duplicate: &'static str,
    /// The duplicate flag.
    pub duplicate_flag: &'static str,
    /// Warning when an OPD occurs more than once.
    pub duplicate_warning: &'static str,
    /// Heading: weakest indicators.
    pub weakest: &'static str,
    /// Column: below the maximum.
    pub below_max: &'static str,
    /// Column: mean points.
    pub mean_points: &'static str,
    /// No weak indicator.
    pub no_weakest: &'static str,
    /// Heading: unreadable files.
    pub errors: &'static str,
    /// Column: file.
    pub file: &'static str,
    /// Column: reason.
    pub reason: &'static str,
    /// No file could be read.
    pub nothing: &'static str,
    /// Column: OPD (short).
    pub opd: &'static str,
}

static ID_TEXTS: RecapTexts = RecapTexts {
    title: "Rekap Penilaian Mandiri Kepatuhan Pelayanan Publik",
    pemda_score: "Nilai pemerintah daerah",
    rule: "Aturan",
    distribution: "Sebaran zona",
    count: "Jumlah",
    share: "Bagian (%)",
    per_zone: "Per zona",
    opds: "OPD dan unit layanan",
    opd_unit: "OPD / unit layanan",
    duplicate: "Duplikat",
    duplicate_flag: "duplikat",
    duplicate_warning: "OPD yang sama muncul lebih dari sekali untuk periode yang sama. Semua \
                        berkasnya tetap dihitung; hapus salah satu berkas bila itu duplikat.",
    weakest: "Indikator terlemah di pemerintah daerah",
    below_max: "Belum maksimal di",
    mean_points: "Rata-rata poin",
    no_weakest: "Tidak ada indikator yang belum maksimal.",
    errors: "Berkas yang tidak dapat dibaca",
    file: "Berkas",
    reason: "Alasan",
    nothing: "Belum ada berkas yang dapat dibaca.",
    opd: "OPD",
};

static EN_TEXTS: RecapTexts = RecapTexts {
    title: "Recap of Public Service Compliance Self-Assessments",
    pemda_score: "Regional government score",
    rule: "Rule",
    distribution: "Zone distribution",
    count: "Count",
    share: "Share (%)",
    per_zone: "By zone",
    opds: "OPDs and service units",
    opd_unit: "OPD / service unit",
    duplicate: "Duplicate",
    duplicate_flag: "duplicate",
    duplicate_warning: "The same OPD appears more than once for the same period. Every file \
                        still counts; remove one file if it is a duplicate.",
    weakest: "Weakest indicators across the regional government",
    below_max: "Below the maximum in",
    mean_points: "Mean points",
    no_weakest: "No indicator is below its maximum.",
    errors: "Files that could not be read",
    file: "File",
    reason: "Reason",
    nothing: "No file could be read yet.",
    opd: "OPD",
};

/// The fixed recap texts of a language.
pub fn recap_texts(lang: Lang) -> &'static RecapTexts {
    match lang {
        Lang::Id => &ID_TEXTS,
        Lang::En => &EN_TEXTS,
    }
}

/// Why a file could not be read, in the report language (`open::message`, the words the app
/// shows too).
pub fn decode_error_text(e: &OpenError, lang: Lang) -> String {
    open::message(e, lang)
}

/// The note under a recap whose files still have unanswered indicators (shared by the HTML and PDF
/// recaps; the floor rule is docs/SCORING.md §Common rules).
pub(crate) fn provisional_note(unanswered: u32, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "Sementara: {unanswered} indikator belum dijawab di seluruh berkas. Indikator yang belum \
             dijawab dihitung belum terpenuhi, jadi nilai ini adalah batas bawah."
        ),
        Lang::En => format!(
            "Provisional: {unanswered} indicators are unanswered across the files. Unanswered \
             indicators count as unmet, so this score is a floor."
        ),
    }
}

/// "10 of N indicators below the maximum; the full list is in the app", shared by the HTML and PDF
/// recaps.
pub(crate) fn weakest_more_note(total: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{WEAKEST_SHOWN} dari {total} indikator yang belum maksimal; daftar lengkap ada di aplikasi."
        ),
        Lang::En => {
            format!("{WEAKEST_SHOWN} of {total} indicators below the maximum; the full list is in the app.")
        }
    }
}

/// The rule the pemda score follows, in short: "rata-rata seluruh unit" (ori-2022/2025,
/// docs/SOURCES.md §Aggregation 2022–2024) or "rata-rata seluruh produk layanan" (ori-2016,
/// §Aggregation 2016–2021).
pub fn rule_text(counted: Counted, lang: Lang) -> &'static str {
    match (counted, lang) {
        (Counted::Units, Lang::Id) => "rata-rata seluruh unit",
        (Counted::Products, Lang::Id) => "rata-rata seluruh produk layanan",
        (Counted::Units, Lang::En) => "mean of all units",
        (Counted::Products, Lang::En) => "mean of all service products",
    }
}

/// "unit layanan" / "produk layanan": what the distribution and the weakest indicators count.
pub fn counted_text(counted: Counted, lang: Lang) -> &'static str {
    match (counted, lang) {
        (Counted::Units, Lang::Id) => "unit layanan",
        (Counted::Products, Lang::Id) => "produk layanan",
        (Counted::Units, Lang::En) => "service units",
        (Counted::Products, Lang::En) => "service products",
    }
}

/// Indicator places of a unit with `products` products: unit-wide indicators once, product ones
/// once per product (as `scoring::unit_result` counts them).
pub(crate) fn unit_total(ins: &Instrument, products: usize) -> u32 {
    let n: usize = ins
        .indicators()
        .map(|(_, i)| match i.scope {
            crate::instrument::Scope::Unit => 1,
            crate::instrument::Scope::Product => products,
        })
        .sum();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The band view of a recap mark (grade, zone, predicate, range).
pub(crate) fn mark_band(ins: &Instrument, m: &Mark, lang: Lang) -> Option<BandView> {
    ins.bands.get(m.band).map(|b| band_view(ins, b, lang))
}

fn num(h: Hundredths, lang: Lang) -> String {
    Figure::new(h, lang).text
}

/// Renders the recap as one self-contained HTML document.
pub fn render(r: &Recap, lang: Lang, generated_at: &str) -> String {
    let rt = recap_texts(lang);
    let t = texts(lang);
    let mut pemdas: Vec<&str> = Vec::new();
    for o in r.groups.iter().flat_map(|g| &g.opds) {
        let p = o.pemda.trim();
        if !p.is_empty() && !pemdas.contains(&p) {
            pemdas.push(p);
        }
    }
    let mut h = String::with_capacity(32 * 1024);
    let title = if pemdas.is_empty() {
        rt.title.to_string()
    } else {
        format!("{} · {}", rt.title, pemdas.join(", "))
    };
    document_head(&mut h, lang, &title, RECAP_CSS);
    h.push_str("<body>\n<main>\n<header>\n");
    h.push_str(&format!("<h1>{}</h1>\n", escape(rt.title)));
    if !pemdas.is_empty() {
        let names: Vec<String> = pemdas.iter().map(|p| user(p)).collect();
        h.push_str(&format!("<p><strong>{}</strong></p>\n", names.join(", ")));
    }
    let read: usize = r.groups.iter().map(|g| g.opds.len()).sum();
    h.push_str(&format!(
        "<p class=\"small\">{}</p>\n</header>\n",
        escape(&files_line(read, r.errors.len(), lang))
    ));
    if r.groups.is_empty() {
        h.push_str(&format!("<p>{}</p>\n", escape(rt.nothing)));
    }
    for (k, g) in r.groups.iter().enumerate() {
        group(&mut h, g, k, lang);
    }
    errors(&mut h, &r.errors, lang);
    h.push_str(&format!(
        "<p><strong>{}</strong></p>\n<footer class=\"small\">\n<p>{} {}</p>\n</footer>\n",
        escape(t.privacy),
        escape(t.generated),
        user(generated_at)
    ));
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

fn files_line(read: usize, bad: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{read} berkas terbaca · {bad} berkas tidak dapat dibaca"),
        Lang::En => format!("{read} files read · {bad} files could not be read"),
    }
}

fn group(h: &mut String, g: &Group, k: usize, lang: Lang) {
    let ins = g.instrument;
    let t = texts(lang);
    h.push_str(&format!(
        "<section class=\"group\" aria-labelledby=\"h-g{k}\">\n<h2 id=\"h-g{k}\">{} ({})</h2>\n",
        escape(ins.title.get(lang)),
        escape(&ins.years)
    ));
    if ins.provisional {
        h.push_str(&format!(
            "<p class=\"flag\"><span aria-hidden=\"true\">⚠</span> {}: {}</p>\n",
            escape(t.provisional_instrument),
            escape(ins.summary.get(lang))
        ));
    }
    score_card(h, g, k, lang);
    distribution(h, ins, &g.distribution, lang);
    opd_table(h, g, lang);
    weakest(h, g, lang);
    h.push_str("</section>\n");
}

fn score_card(h: &mut String, g: &Group, k: usize, lang: Lang) {
    let ins = g.instrument;
    let t = texts(lang);
    let rt = recap_texts(lang);
    let counted = g.distribution.counted;
    h.push_str(&format!(
        "<section class=\"card\" aria-labelledby=\"h-pemda{k}\">\n<h3 id=\"h-pemda{k}\">{}</h3>\n",
        escape(rt.pemda_score)
    ));
    match g.pemda.as_ref().and_then(|m| Some((m, mark_band(ins, m, lang)?))) {
        Some((m, b)) => {
            h.push_str(&format!("<p class=\"score\">{}</p>\n", escape(&num(m.score, lang))));
            // Under an opinion instrument the pemda's opinion, not a zone (docs/SCORING.md §Opinion).
            match g.opinion(lang) {
                Some(w) => h.push_str(&format!(
                    "<p class=\"opinion\">{}: <strong>{}</strong></p>\n",
                    escape(super::opinion_texts(lang).opinion),
                    escape(&w)
                )),
                None => h.push_str(&band_line(&b, t)),
            }
        }
        None => h.push_str(&format!("<p>{}</p>\n", escape(t.no_score))),
    }
    let scored: usize = g.distribution.bands.iter().map(|b| b.count).sum();
    let parts = scored + g.distribution.unscored;
    let of = match lang {
        Lang::Id => {
            format!("{parts} {} dari {} berkas OPD", counted_text(counted, lang), g.opds.len())
        }
        Lang::En => {
            format!("{parts} {} in {} OPD files", counted_text(counted, lang), g.opds.len())
        }
    };
    h.push_str(&format!(
        "<p>{}: <strong>{}</strong> ({})</p>\n<p class=\"small\">{}</p>\n",
        escape(rt.rule),
        escape(rule_text(counted, lang)),
        escape(&of),
        escape(ins.scoring.aggregation.get(lang))
    ));
    if g.unanswered > 0 {
        let s = provisional_note(g.unanswered, lang);
        h.push_str(&format!(
            "<p><span class=\"badge prov\"><span aria-hidden=\"true\">◌</span> {}</span> {}</p>\n",
            escape(t.provisional),
            escape(&s)
        ));
    }
    if !g.duplicates.is_empty() {
        h.push_str(&format!(
            "<p class=\"flag\"><span aria-hidden=\"true\">⚠</span> {}</p>\n",
            escape(rt.duplicate_warning)
        ));
    }
    if g.periods.len() > 1 {
        let periods: Vec<String> = g.periods.iter().map(|p| user(p)).collect();
        let s = match lang {
            Lang::Id => "Berkas berasal dari beberapa periode",
            Lang::En => "The files come from several periods",
        };
        h.push_str(&format!(
            "<p class=\"flag\"><span aria-hidden=\"true\">⚠</span> {}: {}.</p>\n",
            escape(s),
            periods.join(", ")
        ));
    }
    h.push_str("</section>\n");
}

/// Share of `count` in `total`, in percent, rounded once; 0 when `total` is 0.
fn share(count: usize, total: usize) -> Hundredths {
    let c = u128::try_from(count).unwrap_or(0) * 100;
    let n = u128::try_from(total).unwrap_or(0);
    Ratio::new(c, n).map(Ratio::round2).unwrap_or_default()
}

fn distribution(h: &mut String, ins: &Instrument, d: &Distribution, lang: Lang) {
    let t = texts(lang);
    let rt = recap_texts(lang);
    let total: usize = d.bands.iter().map(|b| b.count).sum();
    h.push_str(&format!(
        "<h3>{} ({})</h3>\n",
        escape(rt.distribution),
        escape(counted_text(d.counted, lang))
    ));
    let grades = d.bands.iter().any(|b| b.grade.is_some());
    // The chart, highest band first; the table below carries the same figures for screen readers.
    h.push_str("<div class=\"bars\" aria-hidden=\"true\">\n");
    for b in d.bands.iter().rev() {
        let Some(view) = ins.bands.get(b.band).map(|def| band_view(ins, def, lang)) else {
            continue;
        };
        let pct = share(b.count, total);
        let grade = b.grade.as_ref().map(|g| format!("{} ", escape(g))).unwrap_or_default();
        let bar = if b.count > 0 {
            format!(
                "<span class=\"bar zone-{}\" style=\"width: {}%\"></span>",
                zone_class(view.zone),
                pct.en()
            )
        } else {
            String::new()
        };
        h.push_str(&format!(
            "<span>{grade}{}</span><span class=\"bar-track\">{bar}</span>\
             <span class=\"bar-count\">{} ({} %)</span>\n",
            badge(&view),
            b.count,
            escape(&num(pct, lang))
        ));
    }
    h.push_str("</div>\n");
    let mut cols = vec![
        (t.zone, 26, false),
        (t.predicate, 26, false),
        (t.range, 18, true),
        (rt.count, 12, true),
        (rt.share, 18, true),
    ];
    if grades {
        cols[0].1 = 22;
        cols[1].1 = 22;
        cols.insert(0, (t.grade, 8, false));
    }
    table_head(h, &cols);
    for b in d.bands.iter().rev() {
        let Some(view) = ins.bands.get(b.band).map(|def| band_view(ins, def, lang)) else {
            continue;
        };
        h.push_str("<tr>");
        if grades {
            h.push_str(&format!("<td>{}</td>", escape(b.grade.as_deref().unwrap_or(""))));
        }
        h.push_str(&format!(
            "<td>{}</td><td>{}</td><td class=\"num\">{}–{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td></tr>\n",
            badge(&view),
            escape(&view.label),
            escape(&view.min.text),
            escape(&view.max.text),
            b.count,
            escape(&num(share(b.count, total), lang))
        ));
    }
    h.push_str("</tbody>\n</table>\n");
    if d.zones.len() < d.bands.len() {
        h.push_str(&format!("<h4>{}</h4>\n", escape(rt.per_zone)));
        table_head(h, &[(t.zone, 50, false), (rt.count, 20, true), (rt.share, 30, true)]);
        for z in d.zones.iter().rev() {
            h.push_str(&format!(
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                zone_badge(z.zone, zone_name(z.zone, lang)),
                z.count,
                escape(&num(share(z.count, total), lang))
            ));
        }
        h.push_str("</tbody>\n</table>\n");
    }
    if d.unscored > 0 {
        let s = match lang {
            Lang::Id => format!(
                "{} {} belum bernilai (tidak ada indikator yang berlaku) dan tidak dihitung.",
                d.unscored,
                counted_text(d.counted, lang)
            ),
            Lang::En => format!(
                "{} {} have no score (nothing applicable) and are not counted.",
                d.unscored,
                counted_text(d.counted, lang)
            ),
        };
        h.push_str(&format!("<p class=\"small\">{}</p>\n", escape(&s)));
    }
}

/// Score, grade and zone cells of a mark ("—" without a score).
fn mark_cells(ins: &Instrument, m: Option<&Mark>, grades: bool, lang: Lang) -> String {
    let band = m.and_then(|m| mark_band(ins, m, lang));
    let score = m.map_or_else(|| "—".to_string(), |m| escape(&num(m.score, lang)));
    let mut out = format!("<td class=\"num\">{score}</td>");
    if grades {
        let g = band.as_ref().and_then(|b| b.grade.as_deref()).unwrap_or("—");
        out.push_str(&format!("<td>{}</td>", escape(g)));
    }
    out.push_str(&format!("<td>{}</td>", band.as_ref().map_or_else(|| "—".to_string(), badge)));
    out
}

fn opd_table(h: &mut String, g: &Group, lang: Lang) {
    let ins = g.instrument;
    let t = texts(lang);
    let rt = recap_texts(lang);
    let grades = ins.bands.iter().any(|b| b.grade.is_some());
    h.push_str(&format!("<h3>{}</h3>\n", escape(rt.opds)));
    let mut cols = vec![
        (rt.opd_unit, 24, false),
        (t.pemda, 14, false),
        (t.period, 9, false),
        (t.score, 9, true),
        (t.zone, 18, false),
        (t.answered, 12, true),
        (rt.duplicate, 14, false),
    ];
    if grades {
        cols[0].1 = 22;
        cols[4].1 = 16;
        cols.insert(4, (t.grade, 6, false));
    }
    table_head(h, &cols);
    for o in &g.opds {
        opd_rows(h, ins, o, grades, lang);
    }
    h.push_str("</tbody>\n</table>\n");
}

fn opd_rows(h: &mut String, ins: &Instrument, o: &OpdRow, grades: bool, lang: Lang) {
    let rt = recap_texts(lang);
    let dup = if o.duplicate {
        format!(
            "<span class=\"flag\"><span aria-hidden=\"true\">⚠</span> {}</span>",
            escape(rt.duplicate_flag)
        )
    } else {
        "—".to_string()
    };
    h.push_str(&format!(
        "<tr class=\"opd\"><th scope=\"row\">{}<br><span class=\"small\">{}</span></th>\
         <td>{}</td><td>{}</td>{}<td class=\"num\">{}/{}</td><td>{dup}</td></tr>\n",
        user(&o.opd),
        user(&o.file_name),
        user(&o.pemda),
        user(&o.period),
        mark_cells(ins, o.mark.as_ref(), grades, lang),
        o.total.saturating_sub(o.unanswered),
        o.total
    ));
    for u in &o.units {
        let total = unit_total(ins, u.products.len());
        h.push_str(&format!(
            "<tr><th scope=\"row\" class=\"indent\">{}</th><td></td><td></td>{}\
             <td class=\"num\">{}/{}</td><td></td></tr>\n",
            user(&u.name),
            mark_cells(ins, u.mark.as_ref(), grades, lang),
            total.saturating_sub(u.unanswered),
            total
        ));
    }
}

fn weakest(h: &mut String, g: &Group, lang: Lang) {
    let ins = g.instrument;
    let t = texts(lang);
    let rt = recap_texts(lang);
    let counted = counted_text(g.distribution.counted, lang);
    h.push_str(&format!("<h3>{}</h3>\n", escape(rt.weakest)));
    if g.weakest.is_empty() {
        h.push_str(&format!("<p>{}</p>\n", escape(rt.no_weakest)));
        return;
    }
    table_head(
        h,
        &[
            ("No", 6, true),
            (t.indicator, 54, false),
            (rt.below_max, 22, true),
            (rt.mean_points, 18, true),
        ],
    );
    for (n, w) in g.weakest.iter().take(WEAKEST_SHOWN).enumerate() {
        let found = ins.indicators().find(|(_, i)| i.id == w.indicator);
        let text = found.map_or_else(|| w.indicator.clone(), |(_, i)| i.text.get(lang).to_string());
        let section =
            found.map_or_else(|| w.section.clone(), |(s, _)| s.title.get(lang).to_string());
        let of = match lang {
            Lang::Id => format!("{} dari {} {counted}", w.below_max, w.answered),
            Lang::En => format!("{} of {} {counted}", w.below_max, w.answered),
        };
        let mean = w.mean_points.map_or_else(|| "—".to_string(), |m| Figure::exact(m, lang).text);
        h.push_str(&format!(
            "<tr><td class=\"num\">{}</td><td>{}<br><span class=\"small\">{} · {}</span></td>\
             <td class=\"num\">{}</td><td class=\"num\">{} / {}</td></tr>\n",
            n + 1,
            escape(&text),
            escape(&section),
            escape(&w.indicator),
            escape(&of),
            escape(&mean),
            ins.scale.max
        ));
    }
    h.push_str("</tbody>\n</table>\n");
    if g.weakest.len() > WEAKEST_SHOWN {
        let s = weakest_more_note(g.weakest.len(), lang);
        h.push_str(&format!("<p class=\"small\">{}</p>\n", escape(&s)));
    }
}

fn errors(h: &mut String, errors: &[FileError], lang: Lang) {
    if errors.is_empty() {
        return;
    }
    let rt = recap_texts(lang);
    h.push_str(&format!(
        "<section aria-labelledby=\"h-errors\">\n<h2 id=\"h-errors\">{}</h2>\n",
        escape(rt.errors)
    ));
    table_head(h, &[(rt.file, 40, false), (rt.reason, 60, false)]);
    for e in errors {
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}</td></tr>\n",
            user(&e.name),
            escape(&decode_error_text(&e.error, lang))
        ));
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}
