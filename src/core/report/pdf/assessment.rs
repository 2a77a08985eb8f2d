//! The PDF of a single assessment report, section by section in the order of `html.rs`, with the
//! comparison section where `html.rs` places it.

use super::doc::{Doc, Meta};
use super::layout::{col, Block, Cell, BODY, CELL, LEFT, SIGN_SPACE, SMALL, WIDTH};
use super::parts::{dashed, fact, user, FACTS};
use super::text::Font;
use super::{actions, compare};

use crate::report::{Figure, Report, SectionRow, Texts};

/// Renders the report as a PDF file: A4 portrait, selectable text in Helvetica,
/// the same sections in the same order as the HTML report, metadata title and creation date.
pub fn render(r: &Report) -> Vec<u8> {
    let t = r.texts();
    let mut d = Doc::new();
    header(&mut d, r, t);
    result(&mut d, r, t);
    identity(&mut d, r, t);
    breakdown(&mut d, &r.sections, r.sections_note.as_deref(), t);
    per_unit(&mut d, r, t);
    if let Some(c) = &r.comparison {
        compare::comparison(&mut d, c);
    }
    actions::action_plan(&mut d, r, t);
    super::opinion::parts(&mut d, r);
    super::readiness::section(&mut d, r);
    signature(&mut d, r, t);
    // After the signatures, as in the HTML report: the assumptions and the research trail.
    actions::assumptions(&mut d, r, t);
    actions::answers(&mut d, r, t);
    footer(&mut d, r, t);
    d.finish(&Meta::of_report(r))
}

impl Meta {
    fn of_report(r: &Report) -> Meta {
        Meta {
            lang: r.lang,
            running: r.title().to_string(),
            who: r.identity.opd.clone(),
            subject: r.instrument.title.clone(),
            author: r.identity.assessor_name.clone(),
            generated_at: r.generated_at.clone(),
        }
    }
}

/// A blank to fill in by hand when the value is missing (signature block).
fn blank(s: &str) -> &str {
    if s.trim().is_empty() {
        "____________________"
    } else {
        s
    }
}

pub(super) fn fig(f: Option<&Figure>) -> String {
    Figure::shown(f).to_string()
}

fn header(d: &mut Doc, r: &Report, t: &Texts) {
    let i = &r.identity;
    d.heading(r.title(), 1, None);
    d.para(&Block::new(Font::Bold, user(&i.opd), 12.0), 0.0);
    if !i.pemda.trim().is_empty() {
        d.para(&Block::new(Font::Regular, &i.pemda, 10.5), 0.0);
    }
    let period = if i.period.trim().is_empty() {
        String::new()
    } else {
        format!(" · {} {}", t.period, i.period)
    };
    let ins = &r.instrument;
    d.para(&Block::small(format!("{} ({}){period}", ins.title, ins.years), 8.5), 0.0);
}

/// The result card: score, zone with its shape, grade, predicate, status and legend.
fn result(d: &mut Doc, r: &Report, t: &Texts) {
    let o = &r.overall;
    d.space(10.0);
    d.ensure(230.0);
    let (page, top) = (d.done.len(), d.y);
    d.left += 10.0;
    d.width -= 20.0;
    d.y -= 2.0;
    d.heading(t.result, 2, None);
    // Nothing answered yet: the words instead of a score (docs/SCORING.md §Common rules).
    let score = o.pending.clone().unwrap_or_else(|| fig(o.score.as_ref()));
    let size = if o.pending.is_some() { 16.0 } else { 26.0 };
    d.para(&Block::new(Font::Bold, score, size), 0.0);
    let opinion = super::opinion::headline(d, r);
    if let Some(b) = o.band.as_ref().filter(|_| !opinion) {
        // In the words of the result screen: "Zona Kuning — Kualitas Sedang (C)".
        let line = Block::new(Font::Bold, &b.zone_name, 11.0)
            .then(Font::Regular, " — ")
            .then(Font::Bold, b.predicate());
        d.para_shape(b.zone, &line);
    }
    d.space(3.0);
    if o.provisional {
        // A dashed box, as the HTML report's "Sementara" badge.
        dashed(d, &o.status);
    } else {
        d.para(&Block::text(&o.status), 0.0);
    }
    // One sentence on what the score is; its rules are in the assumptions (docs/SCORING.md).
    let estimate = Block::new(Font::Bold, t.estimate, 8.5)
        .then(Font::Regular, format!(" {}", t.estimate_where));
    d.para(&estimate, 0.0);
    legend(d, r, t);
    d.left -= 10.0;
    d.width += 20.0;
    if d.done.len() == page {
        d.page.stroke_rect(LEFT, d.y, WIDTH, top - d.y, 1.5, 0.27);
    }
    d.y -= 4.0;
}

fn legend(d: &mut Doc, r: &Report, t: &Texts) {
    d.heading(t.legend, 3, None);
    // Highest first, as on the result screen; the grade after the predicate, in its words.
    let rows: Vec<Vec<Cell>> = r
        .legend
        .iter()
        .rev()
        .map(|b| {
            let mut row = vec![
                Cell::zone(b),
                Cell::plain(b.predicate()),
                Cell::plain(format!("{}–{}", b.min.text, b.max.text)),
            ];
            if r.opinion.is_some() {
                // No zone in an opinion's legend (docs/SCORING.md §Opinion).
                row.remove(0);
            }
            row
        })
        .collect();
    if r.opinion.is_some() {
        d.table(&[col(60.0, false), col(40.0, true)], &[t.predicate, t.range], rows);
    } else {
        let cols = [col(30.0, false), col(40.0, false), col(30.0, true)];
        d.table(&cols, &[t.zone, t.predicate, t.range], rows);
    }
}

fn identity(d: &mut Doc, r: &Report, t: &Texts) {
    let i = &r.identity;
    d.heading(t.identity, 2, None);
    let units = Cell {
        blocks: i
            .units
            .iter()
            .map(|u| {
                let products: Vec<&str> = u.products.iter().map(|p| user(p)).collect();
                Block::new(
                    Font::Regular,
                    format!("• {}: {}", user(&u.name), products.join(", ")),
                    CELL,
                )
            })
            .collect(),
        shape: None,
    };
    let rows = vec![
        fact(t.opd, user(&i.opd)),
        fact(t.pemda, user(&i.pemda)),
        fact(t.period, user(&i.period)),
        fact(t.date, user(&i.date)),
        fact(t.assessor, user(&i.assessor_name)),
        fact(t.position, user(&i.assessor_position)),
        vec![Cell::bold(t.units_products), units],
    ];
    d.grid(&FACTS, rows);
    let ins = &r.instrument;
    d.heading(t.instrument, 3, None);
    let rows = vec![
        fact(t.instrument, &ins.title),
        fact(t.years, &ins.years),
        fact(t.legal_basis, &ins.legal_basis),
        fact(t.scale, &ins.scale.join("; ")),
    ];
    d.grid(&FACTS, rows);
}

fn breakdown(d: &mut Doc, rows: &[SectionRow], note: Option<&str>, t: &Texts) {
    d.heading(t.breakdown, 2, None);
    section_table(d, rows, t, true);
    if let Some(n) = note {
        d.para(&Block::small(n, 8.5), 0.0);
    }
}

fn section_table(d: &mut Doc, rows: &[SectionRow], t: &Texts, notes: bool) {
    let dims = rows.iter().any(|s| s.max_points.is_some());
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .map(|s| {
            let mut title = Cell::bold(&s.title);
            if let Some(n) = s.note.as_ref().filter(|_| notes) {
                title = title.small(n);
            }
            let mut row = vec![title, Cell::plain(fig(s.fulfilment.as_ref()))];
            if dims {
                let points = format!("{} / {}", fig(s.points.as_ref()), fig(s.max_points.as_ref()));
                row.push(Cell::plain(points));
            }
            row.push(Cell::plain(s.done.clone()));
            row
        })
        .collect();
    if dims {
        let cols = [col(49.0, false), col(17.0, true), col(20.0, true), col(14.0, true)];
        d.table(&cols, &[t.section, t.fulfilment, t.points, t.answered], cells);
    } else {
        let cols = [col(66.0, false), col(20.0, true), col(14.0, true)];
        d.table(&cols, &[t.section, t.fulfilment, t.answered], cells);
    }
}

/// The units and, in their own table, the products: each column holds one kind of figure.
fn per_unit(d: &mut Doc, r: &Report, t: &Texts) {
    d.heading(t.per_unit, 2, None);
    let rows = r
        .units
        .iter()
        .map(|u| {
            vec![
                Cell::bold(user(&u.name)),
                Cell::plain(fig(u.score.as_ref())),
                match (&u.pending, &u.label) {
                    (Some(p), _) => Cell::plain(p.clone()),
                    (None, Some(l)) => Cell::bold(l),
                    (None, None) => u.band.as_ref().map_or_else(Cell::empty, Cell::zone),
                },
                Cell::plain(format!("{}/{}", u.answered, u.total)),
            ]
        })
        .collect();
    let band_head = if r.opinion.is_some() { t.unit_label } else { t.zone };
    let cols = [col(40.0, false), col(18.0, true), col(26.0, false), col(16.0, true)];
    d.table(&cols, &[t.unit, t.unit_score, band_head, t.answered], rows);
    if r.units.len() > 1 {
        for u in &r.units {
            d.heading(&format!("{}: {}", t.unit, user(&u.name)), 3, None);
            section_table(d, &u.sections, t, false);
        }
    }
    per_product(d, r, t);
}

fn per_product(d: &mut Doc, r: &Report, t: &Texts) {
    d.heading(t.per_product, 3, None);
    let scored = r.units.iter().flat_map(|u| &u.products).any(|p| p.score.is_some());
    let mut rows = Vec::new();
    for u in &r.units {
        for p in &u.products {
            let mut row = vec![Cell::bold(user(&p.name)), Cell::plain(user(&u.name))];
            if scored {
                row.push(Cell::plain(fig(p.score.as_ref())));
            }
            row.push(Cell::plain(p.pending.clone().unwrap_or_else(|| fig(p.fulfilment.as_ref()))));
            row.push(Cell::plain(format!("{}/{}", p.answered, p.total)));
            rows.push(row);
        }
    }
    if scored {
        let cols =
            [col(26.0, false), col(22.0, false), col(16.0, true), col(18.0, true), col(18.0, true)];
        d.table(&cols, &[t.product, t.unit, t.product_score, t.fulfilment, t.answered], rows);
    } else {
        let cols = [col(34.0, false), col(30.0, false), col(18.0, true), col(18.0, true)];
        d.table(&cols, &[t.product, t.unit, t.fulfilment, t.answered], rows);
    }
}

fn signature(d: &mut Doc, r: &Report, t: &Texts) {
    let i = &r.identity;
    d.space(20.0);
    let text = |s: String| Block::text(s);
    let left = Cell {
        blocks: vec![
            text(String::new()),
            text(t.acknowledged.to_string()),
            text(format!("{} {}", t.head_of, blank(&i.opd))),
            Block::space(SIGN_SPACE),
            text("(______________________________)".to_string()),
            text(format!("{} ____________________", t.nip)),
        ],
        shape: None,
    };
    let right = Cell {
        blocks: vec![
            text(format!("{}, {}", blank(&i.pemda), blank(&i.date))),
            text(t.assessor_sign.to_string()),
            text(blank(&i.assessor_position).to_string()),
            Block::space(SIGN_SPACE),
            Block::new(Font::Bold, blank(&i.assessor_name), BODY),
        ],
        shape: None,
    };
    d.grid(&[col(50.0, false), col(50.0, false)], vec![vec![left, right]]);
}

fn footer(d: &mut Doc, r: &Report, t: &Texts) {
    d.space(10.0);
    // When and with what; the instrument data's edition is told with the sources.
    let text = format!(
        "{} {}",
        t.generated,
        user(&crate::report::wording::format_moment(&r.generated_at, r.lang))
    );
    d.para(&Block::small(text, SMALL), 0.0);
}
