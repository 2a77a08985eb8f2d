//! The opinion parts of the HTML report (docs/SCORING.md §Opinion): the opinion as the headline
//! of the result, the zone only as the pre-2025 translation, the open Ombudsman products first in
//! what to fix, and the register, Output figures and trust surveys. The words come from
//! [`crate::opinion::OpinionView`], the same the screen, the PDF and the CSV show.

use super::html::{escape, table_head, user};
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
    table_head(
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
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}<br><span class=\"small\">{}</span></td><td>{}</td>\
             <td><strong>{}</strong></td><td>{}</td><td>{}</td></tr>\n",
            escape(&f.kind),
            user(&f.number),
            user(&f.date),
            user(&f.asks),
            escape(&f.status),
            user(&f.deadline),
            user(&f.evidence)
        ));
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
    table_head(
        h,
        &[(rt.unit, 26, false), (t.figure, 34, false), (t.value, 14, true), (t.source, 26, false)],
    );
    for f in &o.figures {
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
            user(&f.unit),
            escape(&f.title),
            escape(&f.value),
            user(&f.source)
        ));
    }
    h.push_str("</tbody>\n</table>\n");
    h.push_str(&format!("<h3>{}</h3>\n", escape(t.trust)));
    table_head(
        h,
        &[
            (rt.unit, 26, false),
            (rt.product, 30, false),
            (t.respondents, 26, false),
            (t.trust_percent, 18, true),
        ],
    );
    for v in &o.trust {
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>\n",
            user(&v.unit),
            user(&v.product),
            escape(&v.progress),
            escape(v.percent.as_ref().map_or(super::NO_FIGURE, |f| f.text.as_str()))
        ));
    }
    h.push_str("</tbody>\n</table>\n");
}
