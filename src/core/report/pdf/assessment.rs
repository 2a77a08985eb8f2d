//! The PDF of a single assessment report, section by section in the order of `html.rs`, with the
//! comparison section where `html.rs` places it.

use super::doc::{local, Doc, Meta, Words};
use super::layout::{
    col, Block, Cell, Item, Shape, BODY, CELL, LEFT, PAD, SIGN_SPACE, SMALL, WIDTH,
};
use super::parts::{dashed, fact, flag, user, FACTS};
use super::text::Font;

use crate::report::comparison::{
    compare_texts, status_symbol, status_word, ChangeRow, ComparisonView, Status,
};
use crate::report::{texts, ActionItem, Figure, IndicatorRow, PlanView, Report, SectionRow, Texts};

/// Renders the report as a PDF file: A4 portrait, selectable text in Helvetica,
/// the same sections in the same order as the HTML report, metadata title and creation date.
pub fn render(r: &Report) -> Vec<u8> {
    let t = r.texts();
    let mut d = Doc::new();
    header(&mut d, r, t);
    result(&mut d, r, t);
    identity(&mut d, r, t);
    breakdown(&mut d, &r.sections, t);
    per_unit(&mut d, r, t);
    if let Some(c) = &r.comparison {
        comparison(&mut d, c);
    }
    action_plan(&mut d, r, t);
    super::opinion::parts(&mut d, r);
    assumptions(&mut d, r, t);
    signature(&mut d, r, t);
    answers(&mut d, r, t);
    footer(&mut d, r, t);
    d.finish(&Meta::of_report(r))
}

impl Meta {
    fn of_report(r: &Report) -> Meta {
        Meta {
            lang: r.lang,
            running: r.texts().title.to_string(),
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

fn fig(f: Option<&Figure>) -> String {
    Figure::shown(f).to_string()
}

fn header(d: &mut Doc, r: &Report, t: &Texts) {
    let i = &r.identity;
    d.heading(t.title, 1, None);
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
    d.para(&Block::new(Font::Bold, fig(o.score.as_ref()), 26.0), 0.0);
    let opinion = super::opinion::headline(d, r);
    if let Some(b) = o.band.as_ref().filter(|_| !opinion) {
        let mut line = Block::new(Font::Bold, &b.zone_name, 11.0);
        if let Some(g) = &b.grade {
            line = line.then(Font::Regular, format!(" · {} ", t.grade)).then(Font::Bold, g);
        }
        line = line.then(Font::Regular, format!(" · {}: ", t.predicate)).then(Font::Bold, &b.label);
        d.para_shape(b.zone, &line);
    }
    d.space(3.0);
    if o.provisional {
        // A dashed box, as the HTML report's "Sementara" badge.
        dashed(d, &o.status);
    } else {
        d.para(&Block::text(&o.status), 0.0);
    }
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
    let grades = r.legend.iter().any(|b| b.grade.is_some());
    let rows: Vec<Vec<Cell>> = r
        .legend
        .iter()
        .map(|b| {
            let mut row = vec![
                Cell::zone(b),
                Cell::plain(&b.label),
                Cell::plain(format!("{}–{}", b.min.text, b.max.text)),
            ];
            if r.opinion.is_some() {
                // No zone in an opinion's legend (docs/SCORING.md §Opinion).
                row.remove(0);
            }
            if grades {
                row.insert(0, Cell::bold(b.grade.as_deref().unwrap_or("")));
            }
            row
        })
        .collect();
    if r.opinion.is_some() {
        d.table(&[col(60.0, false), col(40.0, true)], &[t.predicate, t.range], rows);
    } else if grades {
        let cols = [col(14.0, false), col(26.0, false), col(30.0, false), col(30.0, true)];
        d.table(&cols, &[t.grade, t.zone, t.predicate, t.range], rows);
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

fn breakdown(d: &mut Doc, rows: &[SectionRow], t: &Texts) {
    d.heading(t.breakdown, 2, None);
    section_table(d, rows, t, true);
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
            row.push(Cell::plain(format!("{}/{}", s.answered, s.total)));
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

fn per_unit(d: &mut Doc, r: &Report, t: &Texts) {
    d.heading(t.per_unit, 2, None);
    let mut rows = Vec::new();
    for u in &r.units {
        rows.push(vec![
            Cell::bold(user(&u.name)),
            match &u.label {
                Some(l) => Cell::bold(l),
                None => u.band.as_ref().map_or_else(Cell::empty, Cell::zone),
            },
            Cell::plain(fig(u.score.as_ref())),
            Cell::empty(),
            Cell::plain(format!("{}/{}", u.answered, u.total)),
        ]);
        for p in &u.products {
            rows.push(vec![
                Cell::empty(),
                Cell::plain(user(&p.name)),
                Cell::plain(fig(p.score.as_ref())),
                Cell::plain(fig(p.fulfilment.as_ref())),
                Cell::plain(format!("{}/{}", p.answered, p.total)),
            ]);
        }
    }
    let cols =
        [col(28.0, false), col(30.0, false), col(14.0, true), col(14.0, true), col(14.0, true)];
    d.table(&cols, &[t.unit, t.product, t.score, t.fulfilment, t.answered], rows);
    if r.units.len() > 1 {
        for u in &r.units {
            d.heading(&format!("{}: {}", t.unit, user(&u.name)), 3, None);
            section_table(d, &u.sections, t, false);
        }
    }
}

fn place(a: &ActionItem) -> String {
    match &a.product {
        Some(p) => format!("{} / {}", user(&a.unit), user(p)),
        None => user(&a.unit).to_string(),
    }
}

fn actions_table(d: &mut Doc, items: &[ActionItem], t: &Texts) {
    let rows = items
        .iter()
        .enumerate()
        .map(|(n, a)| {
            vec![
                Cell::plain((n + 1).to_string()),
                Cell::plain(&a.text)
                    .small(format!("{} · {} · {}", a.section, a.indicator, a.legal)),
                Cell::plain(place(a)),
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
fn plan(d: &mut Doc, p: &PlanView, t: &Texts, zones: bool) {
    let b = &p.target;
    let grade = b.grade.as_ref().map(|g| format!("{} {} · ", t.grade, g)).unwrap_or_default();
    if zones {
        let title =
            format!("{} {grade}{} · {} (≥ {})", t.plan_to, b.zone_name, b.label, b.min.text);
        d.heading(&title, 3, Some(b.zone));
    } else {
        d.heading(&format!("{} {} (≥ {})", t.plan_to, b.label, b.min.text), 3, None);
    }
    let line = Block::text(format!("{} {} · {}: ", p.fixes.len(), t.fixes, t.score_after))
        .then(Font::Bold, &p.score_after.text);
    d.para(&line, 0.0);
    d.space(3.0);
    actions_table(d, &p.fixes, t);
}

fn action_plan(d: &mut Doc, r: &Report, t: &Texts) {
    d.heading(t.action_plan, 2, None);
    super::opinion::open_first(d, r);
    if r.plans.is_empty() && r.overall.score.is_some() {
        d.para(&Block::text(t.no_plans), 0.0);
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

fn assumptions(d: &mut Doc, r: &Report, t: &Texts) {
    d.heading(t.assumptions, 2, None);
    for a in &r.assumptions {
        let b =
            Block::new(Font::Bold, &a.subject, BODY).then(Font::Regular, format!(": {}", a.reason));
        d.bullet(&b);
        d.space(2.0);
    }
    d.heading(t.sources, 3, None);
    for s in &r.instrument.sources {
        d.bullet(&Block::small(&s.title, 8.0));
        if let Some(url) = &s.url {
            d.para(&Block::small(url, 8.0).link(url), 12.0);
        }
    }
    d.space(8.0);
    d.para(&Block::new(Font::Bold, &r.privacy, BODY), 0.0);
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

fn answers(d: &mut Doc, r: &Report, t: &Texts) {
    d.break_page();
    d.heading(&format!("{}: {}", t.appendix, t.answers), 2, None);
    let words = local(r.lang);
    for u in &r.units {
        d.heading(&format!("{}: {}", t.unit, user(&u.name)), 3, None);
        if !u.indicators.is_empty() {
            d.heading(t.unit_wide, 4, None);
            indicator_list(d, &u.indicators, t, &words);
        }
        for p in &u.products {
            if p.indicators.is_empty() {
                continue;
            }
            d.heading(&format!("{}: {}", t.product, user(&p.name)), 4, None);
            indicator_list(d, &p.indicators, t, &words);
        }
    }
}

/// Every indicator of one place as a list (not a table, so that on A4 portrait the question reads
/// across the page and long notes do not squeeze it): question, source, answer, note, evidence.
fn indicator_list(d: &mut Doc, rows: &[IndicatorRow], t: &Texts, words: &Words) {
    let mut section = "";
    for row in rows {
        let mut items = Vec::new();
        if row.section_id != section {
            section = &row.section_id;
            let band = Block::new(Font::Bold, &row.section, BODY);
            items.extend(band.lines(d.width - 2.0 * PAD).into_iter().map(Item::Band));
        }
        indicator_items(d.width, row, t, words, &mut items);
        d.flow(&items, true);
    }
}

fn indicator_items(width: f32, row: &IndicatorRow, t: &Texts, words: &Words, out: &mut Vec<Item>) {
    const DETAIL: f32 = 12.0;
    const LINK: f32 = 24.0;
    let mut add = |b: Block, indent: f32| {
        out.extend(b.lines(width - indent).into_iter().map(|l| Item::Text(indent, l)));
    };
    add(Block::text(&row.text), 0.0);
    let assumed = if row.assumed.is_some() { format!(" · {}", t.assumed) } else { String::new() };
    add(Block::small(format!("{} · {}{assumed}", row.id, row.legal), SMALL), 0.0);
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
    if !row.links.is_empty() || row.photos > 0 {
        add(Block::new(Font::Bold, format!("{}:", t.evidence), CELL), DETAIL);
        for l in &row.links {
            add(Block::new(Font::Regular, l, CELL).link(l), LINK);
        }
        if row.photos > 0 {
            add(Block::new(Font::Regular, format!("{} {}", row.photos, words.photos), CELL), LINK);
        }
    }
    out.push(Item::Rule(7.0));
}

fn footer(d: &mut Doc, r: &Report, t: &Texts) {
    d.space(10.0);
    let text = format!(
        "{} {} · {} {} {}",
        t.generated,
        user(&r.generated_at),
        r.instrument.id,
        t.version,
        r.instrument.version
    );
    d.para(&Block::small(text, SMALL), 0.0);
}

// ---------------------------------------------------------------------------------------------
// The comparison with an earlier assessment, where html.rs places it
// ---------------------------------------------------------------------------------------------

/// A cell led by the symbol of a change: a drawn triangle for up and down, the symbol as text
/// otherwise ("=", "+", "-", "·"); the word is always written.
fn symbol_cell(symbol: &str, rest: &str) -> Cell {
    match symbol {
        "▲" => Cell { shape: Some(Shape::Up), ..Cell::plain(rest) },
        "▼" => Cell { shape: Some(Shape::Down), ..Cell::plain(rest) },
        s => Cell::plain(format!("{s} {rest}")),
    }
}

fn change_cells(c: &ChangeRow, max: Option<&Figure>) -> Vec<Cell> {
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
fn comparison(d: &mut Doc, c: &ComparisonView) {
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
                Some(p) => format!("{} / {}", user(&x.unit), user(p)),
                None => user(&x.unit).to_string(),
            };
            vec![
                Cell::plain((k + 1).to_string()),
                Cell::plain(&x.text).small(format!("{} · {}", x.section, x.indicator)),
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
