//! The readiness section of the HTML report (docs/SCORING.md §Readiness): what the office ticked
//! ready for the visit — evidence per indicator and place, the interview per person — with the
//! counts of [`crate::readiness::view`], the same the opinion screen, the PDF and the CSV show.

use super::html::{escape, stack_head, user};
use super::Report;
use crate::readiness::{place_text, texts, Readiness};

/// Items as a list in a cell, or "Tidak ada" when there is none.
fn list(items: &[String], none: &str) -> String {
    if items.is_empty() {
        return escape(none);
    }
    let li: String = items.iter().map(|x| format!("<li>{}</li>", escape(x))).collect();
    format!("<ul>{li}</ul>")
}

/// The section; nothing for an instrument without the opinion. When nothing is ticked yet, one
/// sentence says so (docs/FORMAT.md §Readiness in the reports).
pub(crate) fn section(h: &mut String, r: &Report) {
    let Some(v) = &r.readiness else { return };
    let t = texts(r.lang);
    h.push_str(&format!(
        "<section aria-labelledby=\"h-readiness\" id=\"readiness\">\n<h2 id=\"h-readiness\">{}</h2>\n",
        escape(t.title)
    ));
    match &v.nothing {
        Some(s) => h.push_str(&format!("<p id=\"readiness-none\">{}</p>\n", escape(s))),
        None => {
            h.push_str(&format!("<p class=\"small\">{}</p>\n", escape(t.note)));
            evidence(h, v, r);
            interview(h, v, r);
        }
    }
    h.push_str("</section>\n");
}

fn evidence(h: &mut String, v: &Readiness, r: &Report) {
    let t = texts(r.lang);
    h.push_str(&format!("<h3>{}</h3>\n", escape(t.evidence)));
    h.push_str(&format!(
        "<p id=\"readiness-evidence\"><strong>{}</strong></p>\n",
        escape(&v.evidence_count)
    ));
    let c = stack_head(
        h,
        &[
            (t.indicator, 26, false),
            (t.place, 14, false),
            (t.count, 14, false),
            (t.ready, 21, false),
            (t.missing, 25, false),
        ],
    );
    for row in &v.evidence {
        h.push_str("<tr>");
        h.push_str(&c.td(0, &escape(&row.text)));
        h.push_str(&c.td(1, &user(&place_text(row))));
        h.push_str(&c.td(2, &escape(&row.count)));
        h.push_str(&c.td(3, &list(&row.ready_items, t.none)));
        h.push_str(&c.td(4, &list(&row.missing, t.none)));
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

fn interview(h: &mut String, v: &Readiness, r: &Report) {
    let t = texts(r.lang);
    h.push_str(&format!("<h3>{}</h3>\n", escape(t.interview)));
    h.push_str(&format!(
        "<p id=\"readiness-interview\"><strong>{}</strong></p>\n",
        escape(&v.interview_count)
    ));
    let c = stack_head(
        h,
        &[
            (r.texts().unit, 14, false),
            (t.who, 19, false),
            (t.count, 13, false),
            (t.ready, 26, false),
            (t.missing, 28, false),
        ],
    );
    for p in &v.interview {
        h.push_str("<tr>");
        h.push_str(&c.td(0, &user(&p.unit)));
        h.push_str(&c.td(1, &escape(&p.who)));
        h.push_str(&c.td(2, &escape(&p.count)));
        h.push_str(&c.td(3, &list(&p.ready, t.none)));
        h.push_str(&c.td(4, &list(&p.missing, t.none)));
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}
