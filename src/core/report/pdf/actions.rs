//! The action plan, the assumptions and sources, and the appendix of every answer in the PDF of a
//! single assessment report (the order of `html.rs`).

use super::doc::Doc;
use super::layout::{col, Block, Cell, Item, BODY, CELL, PAD, SMALL};
use super::parts::user;
use super::text::Font;

use crate::report::{ActionItem, IndicatorRow, PlanView, Report, Texts};

pub(super) fn actions_table(d: &mut Doc, items: &[ActionItem], t: &Texts) {
    let rows = items
        .iter()
        .enumerate()
        .map(|(n, a)| {
            vec![
                Cell::plain((n + 1).to_string()),
                Cell::plain(&a.text).small(format!("{} · {}", a.section, a.legal)),
                Cell::plain(user(&a.place_text)),
                Cell::plain(&a.answer),
                Cell::plain(format!("+{}", a.gain.text)),
                Cell::plain(&a.action),
            ]
        })
        .collect();
    let cols = [
        col(6.0, true),
        col(30.0, false),
        col(16.0, false),
        col(12.0, false),
        col(10.0, true),
        col(26.0, false),
    ];
    d.table(&cols, &["No", t.indicator, t.place, t.answer, t.gain, t.action], rows);
}

/// `zones`: false under an opinion instrument, whose plans name the quality label only.
pub(super) fn plan(d: &mut Doc, p: &PlanView, t: &Texts, zones: bool) {
    let b = &p.target;
    // The target in the words of the screen, its minimum in words (no ">=" in the printout).
    let (target, shape) = if zones { (b.title(), Some(b.zone)) } else { (b.label.clone(), None) };
    let title = format!("{} {target}, {} {}", t.plan_to, t.at_least, b.min.text);
    d.heading(&title, 3, shape);
    let line = Block::text(format!("{} {} · {}: ", p.fixes.len(), t.fixes, t.score_after))
        .then(Font::Bold, &p.score_after.text);
    d.para(&line, 0.0);
    d.para(&Block::small(&p.after_note, 8.5), 0.0);
    d.space(3.0);
    actions_table(d, &p.fixes, t);
}

pub(super) fn action_plan(d: &mut Doc, r: &Report, t: &Texts) {
    d.heading(t.action_plan, 2, None);
    super::opinion::open_first(d, r);
    if let Some(note) = &r.plans_note {
        d.para(&Block::text(note), 0.0);
    }
    for p in &r.plans {
        plan(d, p, t, r.opinion.is_none());
    }
    d.heading(t.all_gaps, 3, None);
    if r.gaps.is_empty() {
        d.para(&Block::text(t.no_gaps), 0.0);
    } else {
        actions_table(d, &r.gaps, t);
    }
}

pub(super) fn assumptions(d: &mut Doc, r: &Report, t: &Texts) {
    d.break_page();
    d.heading(&format!("{}: {}", t.appendix, t.assumptions), 2, None);
    for a in &r.assumptions {
        let b =
            Block::new(Font::Bold, &a.subject, BODY).then(Font::Regular, format!(": {}", a.reason));
        d.bullet(&b);
        d.space(2.0);
    }
    d.heading(t.sources, 3, None);
    d.para(&Block::small(&r.instrument.edition, 8.0), 0.0);
    d.space(2.0);
    for s in &r.instrument.sources {
        d.bullet(&Block::small(&s.title, 8.0));
        if let Some(url) = &s.url {
            d.para(&Block::small(url, 8.0).link(url), 12.0);
        }
    }
    d.space(8.0);
    d.para(&Block::new(Font::Bold, &r.privacy, BODY), 0.0);
}

pub(super) fn answers(d: &mut Doc, r: &Report, t: &Texts) {
    d.break_page();
    d.heading(&format!("{}: {}", t.appendix, t.answers), 2, None);
    for u in &r.units {
        d.heading(&format!("{}: {}", t.unit, user(&u.name)), 3, None);
        if !u.indicators.is_empty() {
            d.heading(t.unit_wide, 4, None);
            indicator_list(d, &u.indicators, t);
        }
        for p in &u.products {
            if p.indicators.is_empty() {
                continue;
            }
            d.heading(&format!("{}: {}", t.product, user(&p.name)), 4, None);
            indicator_list(d, &p.indicators, t);
        }
    }
}

/// Every indicator of one place as a list (not a table, so that on A4 portrait the question reads
/// across the page and long notes do not squeeze it): question, source, answer, note, evidence.
pub(super) fn indicator_list(d: &mut Doc, rows: &[IndicatorRow], t: &Texts) {
    let mut section = "";
    for row in rows {
        let mut items = Vec::new();
        if row.section_id != section {
            section = &row.section_id;
            let band = Block::new(Font::Bold, &row.section, BODY);
            items.extend(band.lines(d.width - 2.0 * PAD).into_iter().map(Item::Band));
        }
        indicator_items(d.width, row, t, &mut items);
        d.flow(&items, true);
    }
}

pub(super) fn indicator_items(width: f32, row: &IndicatorRow, t: &Texts, out: &mut Vec<Item>) {
    const DETAIL: f32 = 12.0;
    const LINK: f32 = 24.0;
    let mut add = |b: Block, indent: f32| {
        out.extend(b.lines(width - indent).into_iter().map(|l| Item::Text(indent, l)));
    };
    add(Block::text(&row.text), 0.0);
    let assumed = if row.assumed.is_some() { format!(" · {}", t.assumed) } else { String::new() };
    add(Block::small(format!("{}{assumed}", row.legal), SMALL), 0.0);
    let points = match (row.points, row.max_points) {
        (Some(p), Some(m)) if row.answered => format!(" ({p}/{m})"),
        _ => String::new(),
    };
    let mut answer = Block::new(Font::Bold, format!("{}: ", t.answer), CELL)
        .then(Font::Regular, format!("{}{points}", row.answer));
    if row.review {
        answer = answer.then(Font::Regular, " · ").then(Font::Bold, t.review);
    }
    add(answer, DETAIL);
    if !row.note.trim().is_empty() {
        let note =
            Block::new(Font::Bold, format!("{}: ", t.note), CELL).then(Font::Regular, &row.note);
        add(note, DETAIL);
    }
    if !row.links.is_empty() || !row.photos.is_empty() {
        add(Block::new(Font::Bold, format!("{}:", t.evidence), CELL), DETAIL);
        for l in &row.links {
            add(Block::new(Font::Regular, l, CELL).link(l), LINK);
        }
        if !row.photos.is_empty() {
            add(
                Block::new(Font::Regular, format!("{} {}", row.photos.len(), t.photos), CELL),
                LINK,
            );
        }
    }
    out.push(Item::Rule(7.0));
}
