//! The second part of the HTML report: the action plan, assumptions and sources, the signature
//! block, the appendix of every answer and the footer.

use super::{badge, escape, link, stack_head, user, Cols};
use crate::report::{ActionItem, IndicatorRow, PlanView, Report, Texts};

pub(super) fn actions_table(h: &mut String, items: &[ActionItem], t: &Texts) {
    let c = stack_head(
        h,
        &[
            // Width hints: our words never break inside (report CSS), but names can, so the
            // place gets room.
            ("No", 4, true),
            (t.indicator, 28, false),
            (t.place, 19, false),
            (t.answer, 13, false),
            (t.gain, 10, true),
            (t.action, 26, false),
        ],
    );
    for (n, a) in items.iter().enumerate() {
        let what = format!(
            "{}<br><span class=\"small\">{} · {}</span>",
            escape(&a.text),
            escape(&a.section),
            escape(&a.legal)
        );
        h.push_str("<tr>");
        h.push_str(&c.td(0, &(n + 1).to_string()));
        h.push_str(&c.td(1, &what));
        h.push_str(&c.td(2, &user(&a.place_text)));
        h.push_str(&c.td(3, &escape(&a.answer)));
        h.push_str(&c.td(4, &format!("+{}", escape(&a.gain.text))));
        h.push_str(&c.td(5, &escape(&a.action)));
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

/// `zones`: false under an opinion instrument, whose plans name the quality label only.
pub(super) fn plan(h: &mut String, p: &PlanView, t: &Texts, zones: bool) {
    let b = &p.target;
    // The target in the words of the screen ("Zona Hijau — Kualitas Tinggi (B)"), its minimum in
    // words: a reader of the printout sees no ">=".
    let target = if zones {
        format!("{} — {}", badge(b), escape(&b.predicate()))
    } else {
        escape(&b.label)
    };
    h.push_str(&format!(
        "<div class=\"plan\">\n<h3>{} {target}, {} {}</h3>\n<p>{} {} · {}: <strong>{}</strong><br><span class=\"small\">{}</span></p>\n",
        escape(t.plan_to),
        escape(t.at_least),
        escape(&b.min.text),
        p.fixes.len(),
        escape(t.fixes),
        escape(t.score_after),
        escape(&p.score_after.text),
        escape(&p.after_note)
    ));
    actions_table(h, &p.fixes, t);
    h.push_str("</div>\n");
}

pub(super) fn action_plan(h: &mut String, r: &Report, t: &Texts) {
    h.push_str(&format!(
        "<section aria-labelledby=\"h-plan\">\n<h2 id=\"h-plan\">{}</h2>\n",
        escape(t.action_plan)
    ));
    crate::report::opinion_html::open_first(h, r);
    if let Some(note) = &r.plans_note {
        h.push_str(&format!("<p id=\"plans-note\">{}</p>\n", escape(note)));
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

pub(super) fn assumptions(h: &mut String, r: &Report, t: &Texts) {
    h.push_str(&format!(
        "<section aria-labelledby=\"h-assumed\">\n<h2 id=\"h-assumed\">{}: {}</h2>\n<ul>\n",
        escape(t.appendix),
        escape(t.assumptions)
    ));
    for a in &r.assumptions {
        h.push_str(&format!(
            "<li><strong>{}</strong>: {}</li>\n",
            escape(&a.subject),
            escape(&a.reason)
        ));
    }
    h.push_str(&format!(
        "</ul>\n<h3>{}</h3>\n<p class=\"small\">{}</p>\n<ul class=\"small\">\n",
        escape(t.sources),
        escape(&r.instrument.edition)
    ));
    for s in &r.instrument.sources {
        let url = s.url.as_deref().map(link).unwrap_or_default();
        h.push_str(&format!("<li>{} {url}</li>\n", escape(&s.title)));
    }
    h.push_str(&format!("</ul>\n<p><strong>{}</strong></p>\n</section>\n", escape(&r.privacy)));
}

pub(super) fn blank(s: &str) -> String {
    if s.trim().is_empty() {
        "____________________".to_string()
    } else {
        format!("<bdi>{}</bdi>", escape(s))
    }
}

pub(super) fn signature(h: &mut String, r: &Report, t: &Texts) {
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

pub(super) fn answers(h: &mut String, r: &Report, t: &Texts, photos_beside: bool) {
    h.push_str(&format!(
        "<section class=\"appendix\" aria-labelledby=\"h-answers\">\n<h2 id=\"h-answers\">{}: {}</h2>\n",
        escape(t.appendix),
        escape(t.answers)
    ));
    for u in &r.units {
        h.push_str(&format!("<h3>{}: {}</h3>\n", escape(t.unit), user(&u.name)));
        if !u.indicators.is_empty() {
            h.push_str(&format!("<h4>{}</h4>\n", escape(t.unit_wide)));
            indicator_table(h, &u.indicators, t, photos_beside);
        }
        for p in &u.products {
            if p.indicators.is_empty() {
                continue;
            }
            h.push_str(&format!("<h4>{}: {}</h4>\n", escape(t.product), user(&p.name)));
            indicator_table(h, &p.indicators, t, photos_beside);
        }
    }
    h.push_str("</section>\n");
}

pub(super) fn indicator_table(
    h: &mut String,
    rows: &[IndicatorRow],
    t: &Texts,
    photos_beside: bool,
) {
    let c = stack_head(
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
        indicator_tr(h, &c, row, t, photos_beside);
    }
    h.push_str("</tbody>\n</table>\n");
}

fn indicator_tr(h: &mut String, c: &Cols, row: &IndicatorRow, t: &Texts, photos_beside: bool) {
    let assumed =
        if row.assumed.is_some() { format!(" · {}", escape(t.assumed)) } else { String::new() };
    let points = match (row.points, row.max_points) {
        (Some(p), Some(m)) if row.answered => format!(" <span class=\"small\">({p}/{m})</span>"),
        _ => String::new(),
    };
    let mut evidence: Vec<String> = row.links.iter().map(|l| link(l)).collect();
    if photos_beside {
        evidence.extend(row.photos.iter().enumerate().map(|(k, id)| {
            let path = format!("{}{id}.jpg", crate::bundle::PHOTO_DIR);
            format!("<a href=\"{}\">{} {}</a>", escape(&path), escape(t.photo), k + 1)
        }));
    } else if !row.photos.is_empty() {
        evidence.push(format!("{} {}", row.photos.len(), escape(t.photos)));
    }
    let review = if row.review {
        format!(
            "<span class=\"flag\"><span aria-hidden=\"true\">⚑</span> {}</span>",
            escape(t.review)
        )
    } else {
        String::new()
    };
    let what = format!(
        "{}<br><span class=\"small\">{}{assumed}</span>",
        escape(&row.text),
        escape(&row.legal)
    );
    let note = if row.note.is_empty() { String::new() } else { user(&row.note) };
    h.push_str("<tr>");
    h.push_str(&c.td(0, &what));
    h.push_str(&c.td(1, &format!("{}{points}", escape(&row.answer))));
    h.push_str(&c.td(2, &note).replacen("<td ", "<td class=\"pre\" ", 1));
    h.push_str(&c.td(3, &evidence.join("<br>")));
    h.push_str(&c.td(4, &review));
    h.push_str("</tr>\n");
}

/// The footer: when and with what the report was made; the instrument data's edition is told
/// with the sources, not here.
pub(super) fn footer(h: &mut String, r: &Report, t: &Texts) {
    h.push_str(&format!(
        "<footer class=\"small\">\n<p>{} {}</p>\n</footer>\n",
        escape(t.generated),
        user(&crate::report::wording::format_moment(&r.generated_at, r.lang)),
    ));
}
