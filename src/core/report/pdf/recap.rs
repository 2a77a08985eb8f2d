//! The PDF of the pemda recap: the contents and order of `recap_html.rs`.

use super::doc::{Doc, Meta};
use super::layout::{col, shape_room, zone_rgb, Block, Cell, Shape, BODY, CELL, SMALL};
use super::parts::{card, closing, dashed, flag, num, user};
use super::text::Font;

use crate::exact::{Hundredths, Ratio};
use crate::instrument::Lang;
use crate::recap::{summary, Group, GroupWords, Recap, SummaryWords};
use crate::report::recap_html::{
    below_of, counted_text, mark_band, opd_table, per_zone, recap_band, recap_texts, result_header,
    rule_text, weakest_more_note, OpdLine, WEAKEST_SHOWN,
};
use crate::report::{texts, zone_name, BandView, Figure, NO_FIGURE};

/// Renders the pemda recap as a PDF file:
/// the contents and order of `recap_html::render`, A4, selectable text.
pub fn render_recap(r: &Recap, lang: Lang, generated_at: &str) -> Vec<u8> {
    let rt = recap_texts(lang);
    let words = summary(r, lang);
    let mut d = Doc::new();
    d.heading(rt.title, 1, None);
    if let Some(p) = &words.pemda {
        d.para(&Block::new(Font::Bold, p, 12.0), 0.0);
    }
    // The recap's one count of files (docs/SCORING.md §Pemda recap), as on the screen.
    d.para(&Block::text(words.files.text()), 0.0);
    for s in words.pemdas.iter().map(|l| l.text()).chain(words.no_pemda.iter().cloned()) {
        flag(&mut d, &s);
    }
    if r.groups.is_empty() {
        d.space(6.0);
        d.para(&Block::text(rt.nothing), 0.0);
    }
    for (k, (g, w)) in r.groups.iter().zip(&words.groups).enumerate() {
        if k > 0 {
            d.break_page();
        }
        recap_group(&mut d, g, w, lang);
    }
    recap_errors(&mut d, &words, lang);
    closing(&mut d, lang, generated_at);
    let subject: Vec<String> =
        r.groups.iter().map(|g| g.instrument.title.get(lang).to_string()).collect();
    d.finish(&Meta {
        lang,
        running: rt.title.to_string(),
        who: words.pemda.clone().unwrap_or_else(|| rt.opd.to_string()),
        subject: subject.join(", "),
        author: String::new(),
        generated_at: generated_at.to_string(),
    })
}

/// Share of `count` in `total`, in percent, rounded once; 0 when `total` is 0.
fn share(count: usize, total: usize) -> Hundredths {
    let c = u128::try_from(count).unwrap_or(0) * 100;
    let n = u128::try_from(total).unwrap_or(0);
    Ratio::new(c, n).map(Ratio::round2).unwrap_or_default()
}

fn recap_group(d: &mut Doc, g: &Group, w: &GroupWords, lang: Lang) {
    let ins = g.instrument;
    let t = texts(lang);
    d.heading(&format!("{} ({})", ins.title.get(lang), ins.years), 2, None);
    if ins.provisional {
        flag(d, &format!("{}: {}", t.provisional_instrument, ins.summary.get(lang)));
    }
    card(d, 200.0, |d| recap_score(d, g, w, lang));
    recap_distribution(d, g, w, lang);
    recap_opds(d, g, lang);
    recap_weakest(d, g, lang);
}

fn recap_score(d: &mut Doc, g: &Group, w: &GroupWords, lang: Lang) {
    let ins = g.instrument;
    let t = texts(lang);
    let rt = recap_texts(lang);
    let counted = g.distribution.counted;
    d.heading(rt.pemda_score, 3, None);
    match g.pemda.as_ref().and_then(|m| Some((m, mark_band(ins, m, lang)?))) {
        Some((m, b)) => {
            d.para(&Block::new(Font::Bold, num(m.score, lang), 26.0), 0.0);
            if let Some(w) = g.opinion(lang) {
                // The pemda's opinion, not a zone (docs/SCORING.md §Opinion).
                let label = format!("{}: ", crate::report::opinion_texts(lang).opinion);
                d.para(&Block::new(Font::Regular, label, 11.0).then(Font::Bold, w), 0.0);
            } else {
                let mut line = Block::new(Font::Bold, &b.zone_name, 11.0);
                if let Some(gr) = &b.grade {
                    line =
                        line.then(Font::Regular, format!(" · {} ", t.grade)).then(Font::Bold, gr);
                }
                line = line
                    .then(Font::Regular, format!(" · {}: ", t.predicate))
                    .then(Font::Bold, &b.label);
                d.para_shape(b.zone, &line);
            }
        }
        None => d.para(&Block::text(t.no_score), 0.0),
    }
    // Final or provisional, and why: the recap's one status (docs/SCORING.md §Pemda recap).
    d.space(3.0);
    if w.provisional {
        dashed(d, &format!("{}: {}", w.label, w.status));
        d.space(4.0);
    } else {
        let line = Block::new(Font::Bold, format!("{}: ", w.label), BODY);
        d.para(&line.then(Font::Regular, &w.status), 0.0);
    }
    let rule = Block::text(format!("{}: ", rt.rule))
        .then(Font::Bold, rule_text(counted, lang))
        .then(Font::Regular, format!(". {}", w.counted));
    d.para(&rule, 0.0);
    d.para(&Block::small(ins.scoring.aggregation.get(lang), SMALL), 0.0);
    for s in w.duplicates.iter().cloned().chain(w.periods.iter().map(|p| p.text())) {
        flag(d, &s);
    }
}

/// The distribution as horizontal bars (shape, grade and zone name; bar in the zone colour
/// outlined in black; count and share as text), kept together on one page.
fn recap_bars(d: &mut Doc, bars: &[(BandView, usize, Hundredths)], lang: Lang) {
    const ROW: f32 = 15.0;
    d.ensure(ROW * bars.len() as f32 + 6.0);
    let label_w = d.width * 0.32;
    let track_x = d.left + label_w;
    let track_w = d.width * 0.48;
    d.y -= 3.0;
    for (view, count, pct) in bars {
        let top = d.y;
        let label = match &view.grade {
            Some(g) => format!("{g} · {}", view.zone_name),
            None => view.zone_name.clone(),
        };
        let side = CELL * 0.9;
        d.page.shape(Shape::Zone(view.zone), d.left + side / 2.0, top - 3.0 - CELL * 0.58, side);
        if let Some(line) = Block::new(Font::Regular, label, CELL).lines(label_w).first() {
            d.page.line(d.left + shape_room(CELL), top - 3.0, line);
        }
        let c = &mut d.page.content;
        c.set_line_width(0.6).set_stroke_gray(0.27);
        c.move_to(track_x, top).line_to(track_x, top - ROW).stroke();
        let w = track_w * (pct.0 as f32) / 10000.0;
        if *count > 0 && w > 0.0 {
            let (red, green, blue) = zone_rgb(view.zone);
            c.save_state();
            c.set_fill_rgb(red, green, blue).set_stroke_gray(0.0).set_line_width(0.6);
            c.rect(track_x, top - ROW + 2.5, w.max(1.0), ROW - 5.0).fill_nonzero_and_stroke();
            c.restore_state();
        }
        let text = format!("{count} ({} %)", num(*pct, lang));
        if let Some(line) = Block::new(Font::Regular, text, CELL).lines(d.width).first() {
            d.page.line(track_x + track_w + 6.0, top - 3.0, line);
        }
        d.y -= ROW;
    }
    d.y -= 8.0;
}

fn recap_distribution(d: &mut Doc, g: &Group, w: &GroupWords, lang: Lang) {
    let ins = g.instrument;
    let dist = &g.distribution;
    let t = texts(lang);
    let rt = recap_texts(lang);
    let total: usize = dist.bands.iter().map(|b| b.count).sum();
    d.heading(&format!("{} ({})", rt.distribution, counted_text(dist.counted, lang)), 3, None);
    let grades = dist.bands.iter().any(|b| b.grade.is_some());
    let bands: Vec<(BandView, usize, Hundredths)> = dist
        .bands
        .iter()
        .rev()
        .filter_map(|b| {
            let view = recap_band(ins, b.band, lang)?;
            Some((view, b.count, share(b.count, total)))
        })
        .collect();
    recap_bars(d, &bands, lang);
    let rows = bands
        .iter()
        .map(|(view, count, pct)| {
            let mut row = vec![
                Cell::zone(view),
                Cell::plain(&view.label),
                Cell::plain(format!("{}–{}", view.min.text, view.max.text)),
                Cell::plain(count.to_string()),
                Cell::plain(num(*pct, lang)),
            ];
            if grades {
                row.insert(0, Cell::bold(view.grade.as_deref().unwrap_or("")));
            }
            row
        })
        .collect();
    if grades {
        let cols = [
            col(8.0, false),
            col(22.0, false),
            col(22.0, false),
            col(18.0, true),
            col(12.0, true),
            col(18.0, true),
        ];
        d.table(
            &cols,
            &[t.grade, result_header(ins, lang), t.predicate, t.range, rt.count, rt.share],
            rows,
        );
    } else {
        let cols =
            [col(26.0, false), col(26.0, false), col(18.0, true), col(12.0, true), col(18.0, true)];
        d.table(&cols, &[result_header(ins, lang), t.predicate, t.range, rt.count, rt.share], rows);
    }
    if per_zone(ins, dist) {
        d.heading(rt.per_zone, 4, None);
        let rows = dist
            .zones
            .iter()
            .rev()
            .map(|z| {
                vec![
                    Cell {
                        shape: Some(Shape::Zone(z.zone)),
                        ..Cell::plain(zone_name(z.zone, lang))
                    },
                    Cell::plain(z.count.to_string()),
                    Cell::plain(num(share(z.count, total), lang)),
                ]
            })
            .collect();
        let cols = [col(50.0, false), col(20.0, true), col(30.0, true)];
        d.table(&cols, &[t.zone, rt.count, rt.share], rows);
    }
    if let Some(s) = &w.unscored {
        d.para(&Block::small(s, SMALL), 0.0);
    }
}

/// The OPD table: the columns and lines of [`opd_table`], the ones the recap HTML lays out.
fn recap_opds(d: &mut Doc, g: &Group, lang: Lang) {
    let table = opd_table(g, lang);
    d.heading(recap_texts(lang).opds, 3, None);
    let rows = table.lines.iter().map(|l| (opd_cells(l), l.opd.then_some(0.95))).collect();
    let cols: Vec<_> = table.columns.iter().map(|c| col(f32::from(c.percent), c.numeric)).collect();
    let head: Vec<&str> = table.columns.iter().map(|c| c.label).collect();
    d.table_filled(&cols, &head, rows);
}

/// The cells of one line in the order of `OpdLine::figures`: the name (an OPD bold with its file,
/// pemda and period in small print, a duplicate flagged; a unit indented), then the figures.
fn opd_cells(l: &OpdLine) -> Vec<Cell> {
    let mut name = if l.opd {
        Cell::bold(user(&l.name))
    } else {
        Cell::plain(format!("– {}", user(&l.name)))
    };
    if let Some(flag) = l.duplicate {
        name.blocks.push(Block::new(Font::Bold, format!("(!) {flag}"), CELL));
    }
    if !l.about.is_empty() {
        name = name.small(l.about.join(" · "));
    }
    let mut row = vec![name, Cell::plain(&l.score)];
    row.extend(l.grade.as_deref().map(Cell::plain));
    row.push(l.band.as_ref().map_or_else(|| Cell::plain(NO_FIGURE), Cell::zone));
    row.push(Cell::plain(&l.answered));
    row
}

fn recap_weakest(d: &mut Doc, g: &Group, lang: Lang) {
    let ins = g.instrument;
    let t = texts(lang);
    let rt = recap_texts(lang);
    let counted = counted_text(g.distribution.counted, lang);
    d.heading(rt.weakest, 3, None);
    if g.weakest.is_empty() {
        d.para(&Block::text(rt.no_weakest), 0.0);
        return;
    }
    let rows = g
        .weakest
        .iter()
        .take(WEAKEST_SHOWN)
        .enumerate()
        .map(|(n, w)| {
            let found = ins.indicators().find(|(_, i)| i.id == w.indicator);
            let text =
                found.map_or_else(|| w.indicator.clone(), |(_, i)| i.text.get(lang).to_string());
            let section =
                found.map_or_else(|| w.section.clone(), |(s, _)| s.title.get(lang).to_string());
            let of = below_of(w.below_max, w.answered, counted, lang);
            let mean =
                w.mean_points.map_or_else(|| "—".to_string(), |m| Figure::exact(m, lang).text);
            vec![
                Cell::plain((n + 1).to_string()),
                // The indicator in words and its section; its id is for the app, not for a reader.
                Cell::plain(text).small(section),
                Cell::plain(of),
                Cell::plain(format!("{mean} / {}", ins.scale.max)),
            ]
        })
        .collect();
    let cols = [col(6.0, true), col(54.0, false), col(22.0, true), col(18.0, true)];
    d.table(&cols, &["No", t.indicator, rt.below_max, rt.mean_points], rows);
    if g.weakest.len() > WEAKEST_SHOWN {
        let s = weakest_more_note(g.weakest.len(), lang);
        d.para(&Block::small(s, SMALL), 0.0);
    }
}

fn recap_errors(d: &mut Doc, words: &SummaryWords, lang: Lang) {
    if words.refused.is_empty() {
        return;
    }
    let rt = recap_texts(lang);
    d.heading(rt.errors, 2, None);
    let rows = words
        .refused
        .iter()
        .map(|(name, reason)| vec![Cell::plain(user(name)), Cell::plain(reason)])
        .collect();
    d.table(&[col(40.0, false), col(60.0, false)], &[rt.file, rt.reason], rows);
}
