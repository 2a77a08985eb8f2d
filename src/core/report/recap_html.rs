//! The pemda recap as ONE self-contained HTML file like the report of a
//! single assessment.
//!
//! Same rules and look as the single report ([`super::html`]): no JavaScript, inline CSS only, no
//! external resource, A4 print CSS, every user string escaped. The page says how many files were
//! chosen, read and refused and, per instrument group, the pemda score with its badge, the rule,
//! what it counts and whether it is final — the recap's words ([`crate::recap::summary`]), the same
//! as on the recap screen — then the zone distribution, the OPD table with its units and the
//! weakest indicators ([`tables`]); then the files that could not be read with the reason, and the
//! privacy note.

mod opd_table;
mod tables;
mod texts;

use crate::instrument::{Instrument, Lang};
use crate::recap::{summary, Group, GroupWords, Listed, Mark, Recap, SummaryWords};

use super::html::{band_line, document_head, escape, table_head, user};
use super::{band_view, BandView, Figure};
pub use crate::recap::counted_text;
pub use opd_table::{opd_table, opd_table_of, OpdColumn, OpdLine, OpdTable};
pub(crate) use texts::{below_of, weakest_more_note};
pub use texts::{decode_error_text, recap_texts, rule_text, RecapTexts};

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
thead th { overflow-wrap: normal; }
@media screen and (max-width: 40rem) {
  /* On a phone each table row stacks, every value led by its column name. */
  table, thead, tbody, tr, th, td { display: block; width: auto !important; }
  table { overflow: visible; border: 0; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  tr { border-bottom: 1px solid #888; padding: 3pt 0; }
  th, td { border: 0; padding: 1pt 3pt; text-align: left; }
  td.num { white-space: normal; text-align: left; }
  td[data-label]::before { content: attr(data-label) ": "; font-weight: bold; }
  td:empty { display: none; }
  tr.opd th, tr.opd td { border-top: 0; }
  tr.opd { border-top: 1.5pt solid #444; }
  td.indent, th.indent { padding-left: 10pt; }
  .bars { grid-template-columns: max-content 1fr; }
  .bar-count { grid-column: 2; }
}
"#;

/// The band view of a recap mark (grade, zone, predicate, range).
pub(crate) fn mark_band(ins: &Instrument, m: &Mark, lang: Lang) -> Option<BandView> {
    recap_band(ins, m.band, lang)
}

/// The band view of a recap band: under an opinion instrument its name is the quality label
/// ("Kualitas Sedang", [`crate::recap::band_name`]), not the zone, which is only the 2022–24
/// equivalent (docs/SCORING.md §Opinion).
pub fn recap_band(ins: &Instrument, band: usize, lang: Lang) -> Option<BandView> {
    let mut view = band_view(ins, ins.bands.get(band)?, lang);
    view.zone_name = crate::recap::band_name(ins, band, lang)?;
    Some(view)
}

/// The header of the result column: "Zona", or "Opini" under an opinion instrument
/// (docs/SCORING.md §Opinion).
pub fn result_header(ins: &Instrument, lang: Lang) -> &'static str {
    if ins.opinion.is_some() {
        super::opinion_texts(lang).opinion
    } else {
        super::texts(lang).zone
    }
}

/// True when the recap shows a per-zone count: bands share a zone and the zone is the result
/// (not under an opinion instrument, docs/SCORING.md §Opinion).
pub(crate) fn per_zone(ins: &Instrument, d: &crate::recap::Distribution) -> bool {
    ins.opinion.is_none() && d.zones.len() < d.bands.len()
}

fn num(h: crate::exact::Hundredths, lang: Lang) -> String {
    Figure::new(h, lang).text
}

/// A [`Listed`] sentence with every name isolated (`<bdi>`), so a right-to-left override in a file
/// name cannot reorder the words around it.
fn listed(l: &Listed) -> String {
    if l.names.is_empty() {
        return escape(&l.lead);
    }
    let names: Vec<String> = l.names.iter().map(|n| user(n)).collect();
    format!("{}: {}.", escape(&l.lead), names.join(", "))
}

/// Renders the recap as one self-contained HTML document.
pub fn render(r: &Recap, lang: Lang, generated_at: &str) -> String {
    let rt = recap_texts(lang);
    let t = super::texts(lang);
    let words = summary(r, lang);
    let mut h = String::with_capacity(32 * 1024);
    let title = match &words.pemda {
        Some(p) => format!("{} · {p}", rt.title),
        None => rt.title.to_string(),
    };
    document_head(&mut h, lang, &title, RECAP_CSS);
    h.push_str("<body>\n<main>\n<header>\n");
    h.push_str(&format!("<h1>{}</h1>\n", escape(rt.title)));
    if let Some(p) = &words.pemda {
        h.push_str(&format!("<p><strong>{}</strong></p>\n", user(p)));
    }
    h.push_str(&format!("<p id=\"files\">{}</p>\n", listed(&words.files)));
    // Files naming other pemda, or none: said under the heading they qualify.
    let mixed = words.pemdas.as_ref().map(listed).into_iter();
    for s in mixed.chain(words.no_pemda.iter().map(|s| escape(s))) {
        h.push_str(&format!("<p class=\"flag\"><span aria-hidden=\"true\">⚠</span> {s}</p>\n"));
    }
    h.push_str("</header>\n");
    if r.groups.is_empty() {
        h.push_str(&format!("<p>{}</p>\n", escape(rt.nothing)));
    }
    for (k, (g, w)) in r.groups.iter().zip(&words.groups).enumerate() {
        group(&mut h, g, w, k, lang);
    }
    errors(&mut h, &words, lang);
    h.push_str(&format!(
        "<p><strong>{}</strong></p>\n<footer class=\"small\">\n<p>{} {}</p>\n</footer>\n",
        escape(t.privacy),
        escape(t.generated),
        user(&crate::report::wording::format_moment(generated_at, lang))
    ));
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

fn group(h: &mut String, g: &Group, w: &GroupWords, k: usize, lang: Lang) {
    let ins = g.instrument;
    let t = super::texts(lang);
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
    score_card(h, g, w, k, lang);
    tables::distribution(h, ins, &g.distribution, w.unscored.as_deref(), lang);
    tables::opd_table(h, g, lang);
    tables::weakest(h, g, lang);
    h.push_str("</section>\n");
}

fn score_card(h: &mut String, g: &Group, w: &GroupWords, k: usize, lang: Lang) {
    let ins = g.instrument;
    let t = super::texts(lang);
    let rt = recap_texts(lang);
    h.push_str(&format!(
        "<section class=\"card\" aria-labelledby=\"h-pemda{k}\">\n<h3 id=\"h-pemda{k}\">{}</h3>\n",
        escape(rt.pemda_score)
    ));
    match g.pemda.as_ref().and_then(|m| Some((m, mark_band(ins, m, lang)?))) {
        Some((m, b)) => {
            h.push_str(&format!("<p class=\"score\">{}</p>\n", escape(&num(m.score, lang))));
            // Under an opinion instrument the pemda's opinion, not a zone (docs/SCORING.md §Opinion).
            match g.opinion(lang) {
                Some(o) => h.push_str(&format!(
                    "<p class=\"opinion\">{}: <strong>{}</strong></p>\n",
                    escape(super::opinion_texts(lang).opinion),
                    escape(&o)
                )),
                None => h.push_str(&band_line(&b, t)),
            }
        }
        None => h.push_str(&format!("<p>{}</p>\n", escape(t.no_score))),
    }
    // Final or provisional, and why: the recap's one status (docs/SCORING.md §Pemda recap).
    let (class, mark) = if w.provisional { ("badge prov", "◌") } else { ("badge", "✓") };
    h.push_str(&format!(
        "<p class=\"status\"><span class=\"{class}\"><span aria-hidden=\"true\">{mark}</span> {}</span> {}</p>\n",
        escape(w.label),
        escape(&w.status)
    ));
    h.push_str(&format!(
        "<p>{}: <strong>{}</strong>. {}</p>\n<p class=\"small\">{}</p>\n",
        escape(rt.rule),
        escape(rule_text(g.distribution.counted, lang)),
        escape(&w.counted),
        escape(ins.scoring.aggregation.get(lang))
    ));
    for s in w.duplicates.iter().map(|d| escape(d)).chain(w.periods.iter().map(listed)) {
        h.push_str(&format!("<p class=\"flag\"><span aria-hidden=\"true\">⚠</span> {s}</p>\n"));
    }
    h.push_str("</section>\n");
}

fn errors(h: &mut String, words: &SummaryWords, lang: Lang) {
    if words.refused.is_empty() {
        return;
    }
    let rt = recap_texts(lang);
    h.push_str(&format!(
        "<section aria-labelledby=\"h-errors\">\n<h2 id=\"h-errors\">{}</h2>\n",
        escape(rt.errors)
    ));
    table_head(h, &[(rt.file, 40, false), (rt.reason, 60, false)]);
    for (name, reason) in &words.refused {
        h.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td data-label=\"{}\">{}</td></tr>\n",
            user(name),
            escape(rt.reason),
            escape(reason)
        ));
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}
