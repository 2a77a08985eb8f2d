//! The readiness rows of the report CSV (docs/FORMAT.md §CSV export, docs/SCORING.md §Readiness):
//! the two counts, then per indicator and place and per person what is ready and what is not,
//! every count the one [`crate::readiness::view`] gives the screen.

use super::texts::csv_texts;
use super::Line;
use crate::readiness::{texts, ReadinessTexts};
use crate::report::Report;

/// "Sudah siap: a; b. Yang belum siap: c." — both lists, each "Tidak ada" when empty.
fn lists(t: &ReadinessTexts, ready: &[String], missing: &[String]) -> String {
    let join = |v: &[String]| if v.is_empty() { t.none.to_string() } else { v.join("; ") };
    format!("{}: {}. {}: {}.", t.ready, join(ready), t.missing, join(missing))
}

/// The rows; none for an instrument without the opinion, one row with the sentence when nothing
/// is ticked yet.
pub(super) fn lines(r: &Report) -> Vec<Line> {
    let Some(v) = &r.readiness else { return Vec::new() };
    let (t, ct) = (texts(r.lang), csv_texts(r.lang));
    let base = Line {
        kind: ct.readiness.to_string(),
        opd: r.identity.opd.clone(),
        scope: ct.scope_opd.to_string(),
        ..Line::default()
    };
    if let Some(s) = &v.nothing {
        return vec![Line { item: t.title.to_string(), note: s.clone(), ..base }];
    }
    let mut out = vec![Line {
        item: t.evidence.to_string(),
        answer: v.evidence_count.clone(),
        answered: v.evidence_ready.to_string(),
        total: v.evidence_total.to_string(),
        ..base.clone()
    }];
    for row in &v.evidence {
        out.push(Line {
            unit: row.unit.clone(),
            product: row.product.clone().unwrap_or_default(),
            scope: match row.product {
                Some(_) => ct.scope_product,
                None => ct.scope_whole_unit,
            }
            .to_string(),
            item: row.text.clone(),
            answer: row.count.clone(),
            answered: row.ready.to_string(),
            total: row.total.to_string(),
            note: lists(t, &row.ready_items, &row.missing),
            ..base.clone()
        });
    }
    out.push(Line {
        item: t.interview.to_string(),
        answer: v.interview_count.clone(),
        answered: v.interview_ready.to_string(),
        total: v.interview_total.to_string(),
        ..base.clone()
    });
    for p in &v.interview {
        out.push(Line {
            unit: p.unit.clone(),
            scope: ct.scope_unit.to_string(),
            item: p.who.clone(),
            answer: p.count.clone(),
            answered: p.ready_n.to_string(),
            total: p.total.to_string(),
            note: lists(t, &p.ready, &p.missing),
            ..base.clone()
        });
    }
    out
}
