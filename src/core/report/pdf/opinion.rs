//! The opinion parts of the PDF report, as `opinion_html.rs` lays them out for HTML
//! (docs/SCORING.md §Opinion): the words under the score, the open Ombudsman products first in
//! what to fix, and the register, Output figures and trust surveys.

use super::doc::Doc;
use super::layout::{col, Block, Cell, BODY};
use super::parts::user;
use super::text::Font;

use crate::opinion::FollowUpView;
use crate::report::{opinion_texts, Report, NO_FIGURE};

/// The opinion lines under the score; false (nothing drawn) for an instrument with zones.
pub(super) fn headline(d: &mut Doc, r: &Report) -> bool {
    let Some(o) = &r.opinion else {
        return false;
    };
    let t = opinion_texts(r.lang);
    if let Some(w) = &o.words {
        let line = Block::new(Font::Regular, format!("{}: ", t.opinion), 11.0).then(Font::Bold, w);
        d.para(&line, 0.0);
    }
    d.para(&Block::text(&o.qualifier_note), 0.0);
    d.para(&Block::text(format!("{}: {}", t.certificate, o.certificate)), 0.0);
    if let Some(z) = &o.zone_translation {
        d.para(&Block::new(Font::Regular, z, BODY), 0.0);
    }
    true
}

fn followups(d: &mut Doc, items: &[&FollowUpView], r: &Report) {
    let t = opinion_texts(r.lang);
    let rows = items
        .iter()
        .map(|f| {
            vec![
                Cell::plain(&f.kind),
                Cell::plain(user(&f.number)).small(user(&f.date)),
                Cell::plain(user(&f.asks)),
                Cell::bold(&f.status),
                Cell::plain(user(&f.deadline)),
                Cell::plain(user(&f.evidence)),
            ]
        })
        .collect();
    let cols = [
        col(16.0, false),
        col(14.0, false),
        col(30.0, false),
        col(14.0, false),
        col(12.0, false),
        col(14.0, false),
    ];
    d.table(&cols, &[t.kind, t.number, t.asks, t.status, t.deadline, t.evidence], rows);
}

/// The open Ombudsman products, leading what to fix first.
pub(super) fn open_first(d: &mut Doc, r: &Report) {
    let Some(o) = r.opinion.as_ref().filter(|o| o.open > 0) else { return };
    d.heading(opinion_texts(r.lang).open_first, 3, None);
    followups(d, &o.followups.iter().take(o.open).collect::<Vec<_>>(), r);
}

/// The register, the Output figures and the trust surveys.
pub(super) fn parts(d: &mut Doc, r: &Report) {
    let Some(o) = &r.opinion else { return };
    let (t, rt) = (opinion_texts(r.lang), r.texts());
    d.heading(t.followups, 2, None);
    if o.followups.is_empty() {
        d.para(&Block::text(t.none_registered), 0.0);
    } else {
        followups(d, &o.followups.iter().collect::<Vec<_>>(), r);
    }
    d.heading(t.figures, 3, None);
    let rows = o
        .figures
        .iter()
        .map(|f| {
            vec![
                Cell::plain(user(&f.unit)),
                Cell::plain(&f.title),
                Cell::plain(&f.value),
                Cell::plain(user(&f.source)),
            ]
        })
        .collect();
    let cols = [col(26.0, false), col(34.0, false), col(14.0, true), col(26.0, false)];
    d.table(&cols, &[rt.unit, t.figure, t.value, t.source], rows);
    d.heading(t.trust, 3, None);
    let rows = o
        .trust
        .iter()
        .map(|v| {
            vec![
                Cell::plain(user(&v.unit)),
                Cell::plain(user(&v.product)),
                Cell::plain(&v.progress),
                Cell::plain(v.percent.as_ref().map_or(NO_FIGURE, |f| f.text.as_str())),
            ]
        })
        .collect();
    let cols = [col(26.0, false), col(30.0, false), col(26.0, false), col(18.0, true)];
    d.table(&cols, &[rt.unit, rt.product, t.respondents, t.trust_percent], rows);
}
