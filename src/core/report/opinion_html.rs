//! The opinion parts of the HTML report (docs/SCORING.md §Opinion): the opinion as the headline
//! of the result, the zone only as the pre-2025 translation, the open Ombudsman products first in
//! what to fix, and the register, Output figures and trust surveys. The words come from
//! [`crate::opinion::OpinionView`], the same the screen, the PDF and the CSV show.

use super::html::{escape, stack_head, user};
use super::opinion_texts::opinion_texts;
use super::Report;
use crate::opinion::{FollowUpView, OpinionView};

/// The result headline of an opinion: the words, the qualifier sentence, the certificate rule and
/// the zone translation. Returns false (nothing written) for an instrument with zones.
pub(crate) fn headline(h: &mut String, r: &Report) -> bool {
    let Some(o) = &r.opinion else {
        return false;
    };
    let t = opinion_texts(r.lang);
    if let Some(w) = &o.words {
        h.push_str(&format!(
            "<p class=\"opinion\">{}: <strong>{}</strong></p>\n",
            escape(t.opinion),
            escape(w)
        ));
    }
    h.push_str(&format!("<p>{}</p>\n", escape(&o.qualifier_note)));
    h.push_str(&format!("<p>{}: {}</p>\n", escape(t.certificate), escape(&o.certificate)));
    if let Some(z) = &o.zone_translation {
        h.push_str(&format!("<p class=\"small\">{}</p>\n", escape(z)));
    }
    true
}

fn followup_rows(h: &mut String, items: &[&FollowUpView], r: &Report) {
    let t = opinion_texts(r.lang);
    let c = stack_head(
        h,
        &[
            (t.kind, 16, false),
            (t.number, 14, false),
            (t.asks, 30, false),
            (t.status, 14, false),
            (t.deadline, 12, false),
            (t.evidence, 14, false),
        ],
    );
    for f in items {
        h.push_str("<tr>");
        h.push_str(&c.td(0, &escape(&f.kind)));
        let number =
            format!("{}<br><span class=\"small\">{}</span>", user(&f.number), user(&f.date));
        h.push_str(&c.td(1, &number));
        h.push_str(&c.td(2, &user(&f.asks)));
        h.push_str(&c.td(3, &format!("<strong>{}</strong>", escape(&f.status))));
        h.push_str(&c.td(4, &user(&f.deadline)));
        h.push_str(&c.td(5, &user(&f.evidence)));
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

/// The open Ombudsman products, leading what to fix first (with their deadlines).
pub(crate) fn open_first(h: &mut String, r: &Report) {
    let Some(o) = &r.opinion else { return };
    if o.open == 0 {
        return;
    }
    h.push_str(&format!("<h3>{}</h3>\n", escape(opinion_texts(r.lang).open_first)));
    let items: Vec<&FollowUpView> = o.followups.iter().take(o.open).collect();
    followup_rows(h, &items, r);
}

/// The register, the Output figures and the trust surveys.
pub(crate) fn parts(h: &mut String, r: &Report) {
    let Some(o) = &r.opinion else { return };
    let t = opinion_texts(r.lang);
    h.push_str(&format!(
        "<section aria-labelledby=\"h-followups\">\n<h2 id=\"h-followups\">{}</h2>\n",
        escape(t.followups)
    ));
    if o.followups.is_empty() {
        h.push_str(&format!("<p>{}</p>\n", escape(t.none_registered)));
    } else {
        followup_rows(h, &o.followups.iter().collect::<Vec<_>>(), r);
    }
    figures_and_trust(h, o, r);
    h.push_str("</section>\n");
}

fn figures_and_trust(h: &mut String, o: &OpinionView, r: &Report) {
    let t = opinion_texts(r.lang);
    let rt = r.texts();
    h.push_str(&format!("<h3>{}</h3>\n", escape(t.figures)));
    let c = stack_head(
        h,
        &[(rt.unit, 26, false), (t.figure, 34, false), (t.value, 14, true), (t.source, 26, false)],
    );
    for f in &o.figures {
        h.push_str("<tr>");
        h.push_str(&c.td(0, &user(&f.unit)));
        h.push_str(&c.td(1, &escape(&f.title)));
        h.push_str(&c.td(2, &escape(&f.value)));
        h.push_str(&c.td(3, &user(&f.source)));
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
    h.push_str(&format!("<h3>{}</h3>\n", escape(t.trust)));
    let c = stack_head(
        h,
        &[
            (rt.unit, 26, false),
            (rt.product, 30, false),
            (t.respondents, 26, false),
            (t.trust_percent, 18, true),
        ],
    );
    for v in &o.trust {
        h.push_str("<tr>");
        h.push_str(&c.td(0, &user(&v.unit)));
        h.push_str(&c.td(1, &user(&v.product)));
        h.push_str(&c.td(2, &escape(&v.progress)));
        let percent = v.percent.as_ref().map_or(super::NO_FIGURE, |f| f.text.as_str());
        h.push_str(&c.td(3, &escape(percent)));
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}
