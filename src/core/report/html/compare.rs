//! The comparison section of the HTML report with an earlier assessment (docs/SCORING.md §One model).

use super::{escape, fig, stack_head, user, Cols};
use crate::report::comparison::{compare_texts, ChangeRow, CompareTexts, ComparisonView};
use crate::report::Figure;

pub(super) fn change_cells(h: &mut String, k: &Cols, c: &ChangeRow, max: Option<&Figure>) {
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
    h.push_str(&k.td(1, &format!("{}{max}", fig(c.before.as_ref()))));
    h.push_str(&k.td(2, &format!("{}{max}", fig(c.after.as_ref()))));
    h.push_str(&k.td(3, &delta));
}

/// The comparison with the previous assessment: OPD and section figures with their
/// change, the counts, per unit when there are several, and every indicator that changed. Each
/// change carries a symbol and a word, never colour alone.
pub(super) fn comparison(h: &mut String, c: &ComparisonView) {
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
    let first = format!("{} · {}", crate::report::texts(c.lang).section, c.section_measure);
    let k = stack_head(
        h,
        &[(&first, 40, false), (ct.before, 20, true), (ct.after, 20, true), (ct.change, 20, true)],
    );
    h.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape(ct.total)));
    change_cells(h, &k, &c.total, None);
    h.push_str("</tr>\n");
    for s in &c.sections {
        h.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape(&s.title)));
        change_cells(h, &k, &s.change, s.max_points.as_ref());
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
    h.push_str(&format!("<p>{}: {}</p>\n", escape(ct.counts), escape(&c.counts_text())));
    if c.units.len() > 1 {
        h.push_str(&format!("<h3>{}</h3>\n", escape(ct.per_unit)));
        let k = stack_head(
            h,
            &[
                (crate::report::texts(c.lang).unit, 40, false),
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
            change_cells(h, &k, &u.change, None);
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table>\n");
    }
    changed(h, c, ct);
    h.push_str("</section>\n");
}

/// Every indicator whose answer changed, with its place, both answers and the change in words.
fn changed(h: &mut String, c: &ComparisonView, ct: &CompareTexts) {
    h.push_str(&format!("<h3>{}</h3>\n", escape(ct.changed)));
    let changed: Vec<_> = c.changed().collect();
    if changed.is_empty() {
        h.push_str(&format!("<p>{}</p>\n", escape(ct.none_changed)));
    } else {
        let t = crate::report::texts(c.lang);
        let k = stack_head(
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
                Some(p) => format!("{} › {}", user(&x.unit), user(p)),
                None => format!("{} {}", escape(t.whole_unit), user(&x.unit)),
            };
            let what = format!(
                "{}<br><span class=\"small\">{}</span>",
                escape(&x.text),
                escape(&x.section)
            );
            let status = format!(
                "<span aria-hidden=\"true\">{}</span> {}",
                escape(&x.symbol),
                escape(&x.status_text)
            );
            h.push_str("<tr>");
            h.push_str(&k.td(0, &(n + 1).to_string()));
            h.push_str(&k.td(1, &what));
            h.push_str(&k.td(2, &place));
            h.push_str(&k.td(3, &escape(&x.before)));
            h.push_str(&k.td(4, &escape(&x.after)));
            h.push_str(&k.td(5, &status));
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table>\n");
    }
}
