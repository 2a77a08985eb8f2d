//! The first part of the HTML report: header, result card with the legend, identity and
//! instrument, and the breakdown per section and per unit (the order of docs/FORMAT.md §The HTML
//! report carries the same file).

use super::{badge, band_line, escape, fact, fig, stack_head, user, Cols};
use crate::report::{Report, SectionRow, Texts};

pub(super) fn header(h: &mut String, r: &Report, t: &Texts) {
    let i = &r.identity;
    h.push_str(&format!(
        "<header>\n<h1>{}</h1>\n<p><strong>{}</strong></p>\n",
        escape(r.title()),
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

pub(super) fn result(h: &mut String, r: &Report, t: &Texts) {
    let o = &r.overall;
    h.push_str(&format!(
        "<section class=\"card\" aria-labelledby=\"h-result\">\n<h2 id=\"h-result\">{}</h2>\n",
        escape(t.result)
    ));
    // Nothing answered yet: the words instead of a score (docs/SCORING.md §Common rules).
    let score = o.pending.as_ref().map_or_else(|| fig(o.score.as_ref()), |p| escape(p));
    h.push_str(&format!("<p class=\"score\">{score}</p>\n"));
    let opinion = crate::report::opinion_html::headline(h, r);
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
    // One sentence on what the score is; its rules are further down (docs/SCORING.md).
    h.push_str(&format!(
        "<p class=\"small\"><strong>{}</strong> <a href=\"#h-assumed\">{}</a></p>\n",
        escape(t.estimate),
        escape(t.estimate_where)
    ));
    legend(h, r, t);
    h.push_str("</section>\n");
}

pub(super) fn legend(h: &mut String, r: &Report, t: &Texts) {
    h.push_str(&format!("<h3>{}</h3>\n", escape(t.legend)));
    let mut cols = vec![(t.zone, 30, false), (t.predicate, 40, false), (t.range, 30, true)];
    // Under an opinion instrument the zone is not part of the result (docs/SCORING.md §Opinion).
    let zones = r.opinion.is_none();
    if !zones {
        cols.remove(0);
    }
    let c = stack_head(h, &cols);
    // Highest first, as on the result screen; the grade after the predicate, in its words.
    for b in r.legend.iter().rev() {
        h.push_str("<tr>");
        let mut i = 0;
        if zones {
            h.push_str(&c.td(i, &badge(b)));
            i += 1;
        }
        h.push_str(&c.td(i, &escape(&b.predicate())));
        h.push_str(&c.td(i + 1, &format!("{}–{}", escape(&b.min.text), escape(&b.max.text))));
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

pub(super) fn identity(h: &mut String, r: &Report, t: &Texts) {
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

pub(super) fn breakdown(h: &mut String, rows: &[SectionRow], note: Option<&str>, t: &Texts) {
    h.push_str(&format!(
        "<section aria-labelledby=\"h-breakdown\">\n<h2 id=\"h-breakdown\">{}</h2>\n",
        escape(t.breakdown)
    ));
    section_table(h, rows, t, true);
    if let Some(n) = note {
        h.push_str(&format!("<p class=\"small\" id=\"sum-note\">{}</p>\n", escape(n)));
    }
    h.push_str("</section>\n");
}

pub(super) fn section_table(h: &mut String, rows: &[SectionRow], t: &Texts, notes: bool) {
    let dims = rows.iter().any(|s| s.max_points.is_some());
    let c = if dims {
        stack_head(
            h,
            &[
                (t.section, 49, false),
                (t.fulfilment, 17, true),
                (t.points, 20, true),
                (t.answered, 14, true),
            ],
        )
    } else {
        stack_head(h, &[(t.section, 66, false), (t.fulfilment, 20, true), (t.answered, 14, true)])
    };
    for s in rows {
        section_tr(h, &c, s, dims, notes);
    }
    h.push_str("</tbody>\n</table>\n");
}

fn section_tr(h: &mut String, c: &Cols, s: &SectionRow, dims: bool, notes: bool) {
    let note = s
        .note
        .as_ref()
        .filter(|_| notes)
        .map(|n| format!("<br><span class=\"small\">{}</span>", escape(n)))
        .unwrap_or_default();
    h.push_str(&format!("<tr><th scope=\"row\">{}{note}</th>", escape(&s.title)));
    h.push_str(&c.td(1, &fig(s.fulfilment.as_ref())));
    if dims {
        let points = format!("{} / {}", fig(s.points.as_ref()), fig(s.max_points.as_ref()));
        h.push_str(&c.td(2, &points));
    }
    h.push_str(&c.td(if dims { 3 } else { 2 }, &escape(&s.done)));
    h.push_str("</tr>\n");
}

/// The units (score and band or quality label) and, in their own table, the products (score
/// under ori-2016, fulfilment): each column holds one kind of figure.
pub(super) fn per_unit(h: &mut String, r: &Report, t: &Texts) {
    h.push_str(&format!(
        "<section aria-labelledby=\"h-units\">\n<h2 id=\"h-units\">{}</h2>\n",
        escape(t.per_unit)
    ));
    let band_head = if r.opinion.is_some() { t.unit_label } else { t.zone };
    let c = stack_head(
        h,
        &[
            (t.unit, 40, false),
            (t.unit_score, 18, true),
            (band_head, 26, false),
            (t.answered, 16, true),
        ],
    );
    for u in &r.units {
        let band = match (&u.pending, &u.label, &u.band) {
            (Some(p), _, _) => escape(p),
            (None, Some(l), _) => format!("<strong>{}</strong>", escape(l)),
            (None, None, b) => b.as_ref().map(badge).unwrap_or_default(),
        };
        h.push_str(&format!("<tr><th scope=\"row\">{}</th>", user(&u.name)));
        h.push_str(&c.td(1, &fig(u.score.as_ref())));
        h.push_str(&c.td(2, &band));
        h.push_str(&c.td(3, &format!("{}/{}", u.answered, u.total)));
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
    if r.units.len() > 1 {
        for u in &r.units {
            h.push_str(&format!("<h3>{}: {}</h3>\n", escape(t.unit), user(&u.name)));
            section_table(h, &u.sections, t, false);
        }
    }
    per_product(h, r, t);
    h.push_str("</section>\n");
}

fn per_product(h: &mut String, r: &Report, t: &Texts) {
    h.push_str(&format!("<h3>{}</h3>\n", escape(t.per_product)));
    let scored = r.units.iter().flat_map(|u| &u.products).any(|p| p.score.is_some());
    let mut cols = vec![(t.product, 34, false), (t.unit, 30, false)];
    if scored {
        cols[0].1 = 26;
        cols[1].1 = 22;
        cols.push((t.product_score, 16, true));
    }
    cols.extend([(t.fulfilment, 18, true), (t.answered, 18, true)]);
    let c = stack_head(h, &cols);
    for u in &r.units {
        for p in &u.products {
            h.push_str(&format!("<tr><th scope=\"row\">{}</th>", user(&p.name)));
            h.push_str(&c.td(1, &user(&u.name)));
            let mut i = 2;
            if scored {
                h.push_str(&c.td(i, &fig(p.score.as_ref())));
                i += 1;
            }
            let done = p.pending.as_ref().map_or_else(|| fig(p.fulfilment.as_ref()), |w| escape(w));
            h.push_str(&c.td(i, &done));
            h.push_str(&c.td(i + 1, &format!("{}/{}", p.answered, p.total)));
            h.push_str("</tr>\n");
        }
    }
    h.push_str("</tbody>\n</table>\n");
}
