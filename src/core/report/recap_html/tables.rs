//! The tables of the recap HTML: the zone distribution (a bar chart and its table), the OPDs with
//! their units, and the weakest indicators (docs/SCORING.md §Pemda recap).

use super::texts::{below_of, weakest_more_note};
use super::{num, recap_texts, WEAKEST_SHOWN};
use super::{OpdColumn, OpdLine};
use crate::exact::{Hundredths, Ratio};
use crate::instrument::{Instrument, Lang};
use crate::recap::{counted_text, Distribution, Group};
use crate::report::html::{badge, escape, table_head, user, zone_badge, zone_class};
use crate::report::{texts, zone_name, Figure, NO_FIGURE};

/// A cell with its column name (`data-label`), which a phone shows before the value when the
/// table stacks; `num` right-aligns a figure. `content` is HTML already escaped.
fn cell(label: &str, num: bool, content: &str) -> String {
    let class = if num { " class=\"num\"" } else { "" };
    format!("<td data-label=\"{}\"{class}>{content}</td>", escape(label))
}

/// Share of `count` in `total`, in percent, rounded once; 0 when `total` is 0.
fn share(count: usize, total: usize) -> Hundredths {
    let c = u128::try_from(count).unwrap_or(0) * 100;
    let n = u128::try_from(total).unwrap_or(0);
    Ratio::new(c, n).map(Ratio::round2).unwrap_or_default()
}

/// The distribution as a bar chart, a table per band and, when bands share zones, per zone; then
/// the sentence on units/products without a score (`unscored`, from the recap's words).
pub(super) fn distribution(
    h: &mut String,
    ins: &Instrument,
    d: &Distribution,
    unscored: Option<&str>,
    lang: Lang,
) {
    let rt = recap_texts(lang);
    h.push_str(&format!(
        "<h3>{} ({})</h3>\n",
        escape(rt.distribution),
        escape(counted_text(d.counted, lang))
    ));
    chart(h, ins, d, lang);
    band_table(h, ins, d, lang);
    if let Some(s) = unscored {
        h.push_str(&format!("<p class=\"small\">{}</p>\n", escape(s)));
    }
}

/// The bar chart, highest band first.
fn chart(h: &mut String, ins: &Instrument, d: &Distribution, lang: Lang) {
    let total: usize = d.bands.iter().map(|b| b.count).sum();
    // The chart, highest band first; the table below carries the same figures for screen readers.
    h.push_str("<div class=\"bars\" aria-hidden=\"true\">\n");
    for b in d.bands.iter().rev() {
        let Some(view) = super::recap_band(ins, b.band, lang) else {
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
}

/// The table per band (and per zone when bands share a zone), highest first.
fn band_table(h: &mut String, ins: &Instrument, d: &Distribution, lang: Lang) {
    let t = texts(lang);
    let rt = recap_texts(lang);
    let total: usize = d.bands.iter().map(|b| b.count).sum();
    let grades = d.bands.iter().any(|b| b.grade.is_some());
    let mut cols = vec![
        (super::result_header(ins, lang), 26, false),
        (t.predicate, 26, false),
        (t.range, 18, true),
        (rt.count, 12, true),
        (rt.share, 18, true),
    ];
    if grades {
        cols[0].1 = 20;
        cols[1].1 = 22;
        cols.insert(0, (t.grade, 10, false));
    }
    table_head(h, &cols);
    for b in d.bands.iter().rev() {
        let Some(view) = super::recap_band(ins, b.band, lang) else {
            continue;
        };
        h.push_str("<tr>");
        if grades {
            h.push_str(&cell(t.grade, false, &escape(b.grade.as_deref().unwrap_or(""))));
        }
        let range = format!("{}–{}", escape(&view.min.text), escape(&view.max.text));
        h.push_str(&cell(super::result_header(ins, lang), false, &badge(&view)));
        h.push_str(&cell(t.predicate, false, &escape(&view.label)));
        h.push_str(&cell(t.range, true, &range));
        h.push_str(&cell(rt.count, true, &b.count.to_string()));
        h.push_str(&cell(rt.share, true, &escape(&num(share(b.count, total), lang))));
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
    if super::per_zone(ins, d) {
        h.push_str(&format!("<h4>{}</h4>\n", escape(rt.per_zone)));
        table_head(h, &[(t.zone, 50, false), (rt.count, 20, true), (rt.share, 30, true)]);
        for z in d.zones.iter().rev() {
            h.push_str(&format!(
                "<tr>{}{}{}</tr>\n",
                cell(t.zone, false, &zone_badge(z.zone, zone_name(z.zone, lang))),
                cell(rt.count, true, &z.count.to_string()),
                cell(rt.share, true, &escape(&num(share(z.count, total), lang)))
            ));
        }
        h.push_str("</tbody>\n</table>\n");
    }
}

/// The OPD table ([`super::opd_table`], the columns the PDF lays out too): each OPD (its file,
/// pemda and period in a small line, a duplicate flagged) and its units, with score, grade, zone
/// and answered places.
pub(super) fn opd_table(h: &mut String, g: &Group, lang: Lang) {
    let rt = recap_texts(lang);
    let table = super::opd_table(g, lang);
    h.push_str(&format!("<h3>{}</h3>\n", escape(rt.opds)));
    let cols: Vec<(&str, u8, bool)> =
        table.columns.iter().map(|c| (c.label, c.percent, c.numeric)).collect();
    table_head(h, &cols);
    for l in &table.lines {
        opd_line(h, &table.columns, l);
    }
    h.push_str("</tbody>\n</table>\n");
}

fn opd_line(h: &mut String, columns: &[OpdColumn], l: &OpdLine) {
    let mut name = user(&l.name);
    if let Some(d) = l.duplicate {
        name.push_str(&format!(
            " <span class=\"flag\"><span aria-hidden=\"true\">⚠</span> {}</span>",
            escape(d)
        ));
    }
    if !l.about.is_empty() {
        let about: Vec<String> = l.about.iter().map(|s| user(s)).collect();
        name.push_str(&format!("<br><span class=\"small\">{}</span>", about.join(" · ")));
    }
    let (row, head) = if l.opd { (" class=\"opd\"", "") } else { ("", " class=\"indent\"") };
    h.push_str(&format!("<tr{row}><th scope=\"row\"{head}>{name}</th>"));
    // The figures in the order of `OpdLine::figures`; the zone or quality as a badge.
    let mut cells = vec![escape(&l.score)];
    cells.extend(l.grade.as_deref().map(escape));
    cells.push(l.band.as_ref().map_or_else(|| escape(NO_FIGURE), badge));
    cells.push(escape(&l.answered));
    for (c, content) in columns.iter().skip(1).zip(cells) {
        h.push_str(&cell(c.label, c.numeric, &content));
    }
    h.push_str("</tr>\n");
}

pub(super) fn weakest(h: &mut String, g: &Group, lang: Lang) {
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
        let of = below_of(w.below_max, w.answered, counted, lang);
        let mean = w.mean_points.map_or_else(|| "—".to_string(), |m| Figure::exact(m, lang).text);
        // The indicator in words and its section; its id is for the app, not for a reader.
        h.push_str(&format!(
            "<tr><td class=\"num\">{}</td><td>{}<br><span class=\"small\">{}</span></td>{}{}</tr>\n",
            n + 1,
            escape(&text),
            escape(&section),
            cell(rt.below_max, true, &escape(&of)),
            cell(rt.mean_points, true, &format!("{} / {}", escape(&mean), ins.scale.max))
        ));
    }
    h.push_str("</tbody>\n</table>\n");
    if g.weakest.len() > WEAKEST_SHOWN {
        let s = weakest_more_note(g.weakest.len(), lang);
        h.push_str(&format!("<p class=\"small\">{}</p>\n", escape(&s)));
    }
}
