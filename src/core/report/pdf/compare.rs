//! The comparison with an earlier assessment in the PDF of a single report, where `html.rs`
//! places it (docs/SCORING.md §One model).

use super::assessment::fig;
use super::doc::Doc;
use super::layout::{col, Block, Cell, Shape, BODY};
use super::parts::{flag, user};
use super::text::Font;

use crate::report::comparison::{
    compare_texts, status_symbol, status_word, ChangeRow, ComparisonView, Status,
};
use crate::report::{texts, Figure};

/// A cell led by the symbol of a change: a drawn triangle for up and down, the symbol as text
/// otherwise ("=", "+", "-", "·"); the word is always written.
pub(super) fn symbol_cell(symbol: &str, rest: &str) -> Cell {
    match symbol {
        "▲" => Cell { shape: Some(Shape::Up), ..Cell::plain(rest) },
        "▼" => Cell { shape: Some(Shape::Down), ..Cell::plain(rest) },
        s => Cell::plain(format!("{s} {rest}")),
    }
}

pub(super) fn change_cells(c: &ChangeRow, max: Option<&Figure>) -> Vec<Cell> {
    let max = max.map(|m| format!(" / {}", m.text)).unwrap_or_default();
    let delta = c.delta.as_ref().map_or_else(
        || Cell::plain("—"),
        |d| symbol_cell(&d.symbol, &format!("{} {}", d.text, d.word)),
    );
    vec![
        Cell::plain(format!("{}{max}", fig(c.before.as_ref()))),
        Cell::plain(format!("{}{max}", fig(c.after.as_ref()))),
        delta,
    ]
}

/// The comparison section: OPD and section figures with
/// their change, the counts, per unit when there are several, and every indicator that changed.
pub(super) fn comparison(d: &mut Doc, c: &ComparisonView) {
    let ct = compare_texts(c.lang);
    let t = texts(c.lang);
    d.heading(ct.heading, 2, None);
    if let Some(w) = &c.warning {
        flag(d, w);
        d.space(3.0);
    }
    let first = format!("{} · {}", t.section, c.section_measure);
    let cols = [col(40.0, false), col(18.0, true), col(18.0, true), col(24.0, false)];
    let mut rows = Vec::with_capacity(c.sections.len() + 1);
    let mut total = vec![Cell::bold(ct.total)];
    total.extend(change_cells(&c.total, None));
    rows.push(total);
    for s in &c.sections {
        let mut row = vec![Cell::plain(&s.title)];
        row.extend(change_cells(&s.change, s.max_points.as_ref()));
        rows.push(row);
    }
    d.table(&cols, &[&first, ct.before, ct.after, ct.change], rows);
    d.para(&Block::new(Font::Bold, format!("{}:", ct.counts), BODY), 0.0);
    let n = &c.counts;
    let counts: Vec<Cell> = [
        (Status::Improved, n.improved),
        (Status::Worsened, n.worsened),
        (Status::Unchanged, n.unchanged),
        (Status::New, n.new),
        (Status::Removed, n.removed),
    ]
    .iter()
    .map(|&(s, k)| symbol_cell(status_symbol(s), &format!("{k} {}", status_word(s, c.lang))))
    .collect();
    d.grid(
        &[col(16.0, false), col(16.0, false), col(18.0, false), col(16.0, false), col(34.0, false)],
        vec![counts],
    );
    d.space(4.0);
    if c.units.len() > 1 {
        d.heading(ct.per_unit, 3, None);
        let rows = c
            .units
            .iter()
            .map(|u| {
                let mut name = Cell::bold(user(&u.name));
                if let Some(note) = &u.note {
                    name = name.small(note);
                }
                let mut row = vec![name];
                row.extend(change_cells(&u.change, None));
                row
            })
            .collect();
        d.table(&cols, &[t.unit, ct.before, ct.after, ct.change], rows);
    }
    changed(d, c);
}

/// Every indicator whose answer changed, with its place, both answers and the change in words.
fn changed(d: &mut Doc, c: &ComparisonView) {
    let (ct, t) = (compare_texts(c.lang), texts(c.lang));
    d.heading(ct.changed, 3, None);
    let changed: Vec<_> = c.changed().collect();
    if changed.is_empty() {
        d.para(&Block::text(ct.none_changed), 0.0);
        return;
    }
    let rows = changed
        .iter()
        .enumerate()
        .map(|(k, x)| {
            let place = match &x.product {
                Some(p) => format!("{} › {}", user(&x.unit), user(p)),
                None => format!("{} {}", t.whole_unit, user(&x.unit)),
            };
            vec![
                Cell::plain((k + 1).to_string()),
                Cell::plain(&x.text).small(&x.section),
                Cell::plain(place),
                Cell::plain(&x.before),
                Cell::plain(&x.after),
                symbol_cell(&x.symbol, &x.status_text),
            ]
        })
        .collect();
    let cols = [
        col(5.0, true),
        col(31.0, false),
        col(17.0, false),
        col(15.0, false),
        col(15.0, false),
        col(17.0, false),
    ];
    d.table(&cols, &["No", t.indicator, t.place, ct.before, ct.after, ct.status], rows);
}
