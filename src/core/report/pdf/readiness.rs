//! The readiness section of the PDF report, as `readiness_html.rs` lays it out for HTML
//! (docs/SCORING.md §Readiness): the counts and, per indicator and per person, what is ready and
//! what is missing, all from [`crate::readiness::view`].

use super::doc::Doc;
use super::layout::{col, Block, Cell, BODY, SMALL};
use super::parts::user;
use super::text::Font;

use crate::readiness::{place_text, texts, Readiness};
use crate::report::Report;

/// Items one per line, or "Tidak ada" when there is none.
fn list(items: &[String], none: &str) -> Cell {
    if items.is_empty() {
        return Cell::plain(none);
    }
    Cell::plain(items.iter().map(|x| format!("• {x}")).collect::<Vec<_>>().join("\n"))
}

/// The section; nothing for an instrument without the opinion; one sentence when nothing is
/// ticked yet (docs/FORMAT.md §Readiness in the reports).
pub(super) fn section(d: &mut Doc, r: &Report) {
    let Some(v) = &r.readiness else { return };
    let t = texts(r.lang);
    d.heading(t.title, 2, None);
    if let Some(s) = &v.nothing {
        d.para(&Block::text(s), 0.0);
        return;
    }
    d.para(&Block::small(t.note, SMALL), 0.0);
    evidence(d, v, r);
    interview(d, v, r);
}

fn evidence(d: &mut Doc, v: &Readiness, r: &Report) {
    let t = texts(r.lang);
    d.heading(t.evidence, 3, None);
    d.para(&Block::new(Font::Bold, &v.evidence_count, BODY), 0.0);
    let rows = v
        .evidence
        .iter()
        .map(|row| {
            vec![
                Cell::plain(&row.text),
                Cell::plain(user(&place_text(row))),
                Cell::plain(&row.count),
                list(&row.ready_items, t.none),
                list(&row.missing, t.none),
            ]
        })
        .collect();
    let cols =
        [col(26.0, false), col(14.0, false), col(14.0, false), col(21.0, false), col(25.0, false)];
    d.table(&cols, &[t.indicator, t.place, t.count, t.ready, t.missing], rows);
}

fn interview(d: &mut Doc, v: &Readiness, r: &Report) {
    let t = texts(r.lang);
    d.heading(t.interview, 3, None);
    d.para(&Block::new(Font::Bold, &v.interview_count, BODY), 0.0);
    let rows = v
        .interview
        .iter()
        .map(|p| {
            vec![
                Cell::plain(user(&p.unit)),
                Cell::plain(&p.who),
                Cell::plain(&p.count),
                list(&p.ready, t.none),
                list(&p.missing, t.none),
            ]
        })
        .collect();
    let cols =
        [col(14.0, false), col(19.0, false), col(13.0, false), col(26.0, false), col(28.0, false)];
    d.table(&cols, &[r.texts().unit, t.who, t.count, t.ready, t.missing], rows);
}
