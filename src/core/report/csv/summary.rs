//! The summary rows of the report CSV: the OPD score, its sections, then per unit its score, its
//! sections and its products, and under an opinion instrument the opinion's rows — every figure
//! taken from the report model as the result screen shows it (docs/SCORING.md §One model).

use super::texts::csv_texts;
use super::Line;
use crate::report::comparison::{ChangeRow, ComparisonView};
use crate::report::{opinion_texts, BandView, Figure, Report, SectionRow};

/// The figure's text, or empty where the model has none.
fn fig(f: Option<&Figure>) -> String {
    f.map(|f| f.text.clone()).unwrap_or_default()
}

/// The earlier figure and the change ("▲ +1,23") of a comparison row.
fn change(c: Option<&ChangeRow>) -> (String, String) {
    let Some(c) = c else { return Default::default() };
    let delta = c.delta.as_ref().map(|d| format!("{} {}", d.symbol, d.text)).unwrap_or_default();
    (fig(c.before.as_ref()), delta)
}

/// Opinion, zone and predicate cells of a score: under an opinion instrument the opinion (or the
/// unit's label) alone, otherwise the zone and the predicate with its grade.
fn verdict(l: &mut Line, opinion: Option<&String>, band: Option<&BandView>, has_opinion: bool) {
    if has_opinion {
        l.opinion = opinion.cloned().unwrap_or_default();
    } else if let Some(b) = band {
        // The screen's words: the grade after the predicate, "Kualitas Sedang (C)"; the Opini
        // column is the 2025 opinion's only (docs/FORMAT.md §CSV export).
        l.zone = b.zone_name.clone();
        l.predicate = b.predicate();
    }
}

/// One section's row at a scope (OPD or unit). The public-trust part gives its respondents and
/// their target as the two counts, and the screen's words ("27/30 responden") as its answer.
fn section_line(base: &Line, s: &SectionRow, item: &str, c: Option<&ComparisonView>) -> Line {
    let (previous, change) =
        change(c.and_then(|c| c.sections.iter().find(|x| x.id == s.id)).map(|x| &x.change));
    let (answered, total) = s.respondents.unwrap_or((s.answered, s.total));
    Line {
        section: s.title.clone(),
        item: item.to_string(),
        answer: if s.respondents.is_some() { s.done.clone() } else { String::new() },
        points: fig(s.points.as_ref()),
        max: fig(s.max_points.as_ref()),
        fulfilment: fig(s.fulfilment.as_ref()),
        answered: answered.to_string(),
        total: total.to_string(),
        note: s.note.clone().unwrap_or_default(),
        previous,
        change,
        ..base.clone()
    }
}

/// Every summary row, then the opinion's rows (docs/FORMAT.md §CSV export).
pub(super) fn lines(r: &Report) -> Vec<Line> {
    let ct = csv_texts(r.lang);
    let has_opinion = r.opinion.is_some();
    let cmp = r.comparison.as_ref();
    let top = r.legend.last().map(|b| b.max.text.clone()).unwrap_or_default();
    let base = Line {
        kind: ct.summary.to_string(),
        opd: r.identity.opd.clone(),
        scope: ct.scope_opd.to_string(),
        ..Line::default()
    };
    let o = &r.overall;
    let (previous, delta) = change(cmp.map(|c| &c.total));
    let mut opd = Line {
        item: ct.opd_score.to_string(),
        points: fig(o.score.as_ref()),
        max: if o.score.is_some() { top.clone() } else { String::new() },
        answered: (o.total - o.unanswered.min(o.total)).to_string(),
        total: o.total.to_string(),
        answer: o.pending.clone().unwrap_or_default(),
        note: o.status.clone(),
        previous,
        change: delta,
        ..base.clone()
    };
    verdict(&mut opd, o.opinion.as_ref(), o.band.as_ref(), has_opinion);
    let mut out = vec![opd];
    out.extend(r.sections.iter().map(|s| section_line(&base, s, ct.section_figure, cmp)));
    out.extend(opinion_lines(r));
    for u in &r.units {
        let base = Line { unit: u.name.clone(), scope: ct.scope_unit.to_string(), ..base.clone() };
        let (previous, delta) =
            change(cmp.and_then(|c| c.units.iter().find(|x| x.name == u.name)).map(|x| &x.change));
        let mut unit = Line {
            item: ct.unit_score.to_string(),
            points: fig(u.score.as_ref()),
            max: if u.score.is_some() { top.clone() } else { String::new() },
            answered: u.answered.to_string(),
            total: u.total.to_string(),
            // Nothing answered yet: "Belum dijawab", no score (docs/SCORING.md §Common rules).
            answer: u.pending.clone().unwrap_or_default(),
            previous,
            change: delta,
            ..base.clone()
        };
        verdict(&mut unit, u.label.as_ref(), u.band.as_ref(), has_opinion);
        out.push(unit);
        // A section's explanation stands once, on the OPD's row.
        out.extend(u.sections.iter().map(|s| Line {
            note: String::new(),
            ..section_line(&base, s, ct.section_figure, None)
        }));
        for p in &u.products {
            out.push(Line {
                product: p.name.clone(),
                scope: ct.scope_product.to_string(),
                item: ct.product_score.to_string(),
                points: fig(p.score.as_ref()),
                max: if p.score.is_some() { top.clone() } else { String::new() },
                fulfilment: fig(p.fulfilment.as_ref()),
                answered: p.answered.to_string(),
                total: p.total.to_string(),
                answer: p.pending.clone().unwrap_or_default(),
                ..base.clone()
            });
        }
    }
    out.extend(super::readiness::lines(r));
    out
}

/// The opinion's rows (docs/SCORING.md §Opinion): its words with the qualifier, the register, the
/// Output figures and the trust surveys, worded as on screen; none for an instrument with zones.
fn opinion_lines(r: &Report) -> Vec<Line> {
    let Some(o) = &r.opinion else { return Vec::new() };
    let (t, ct) = (opinion_texts(r.lang), csv_texts(r.lang));
    let base = Line {
        kind: ct.opinion.to_string(),
        opd: r.identity.opd.clone(),
        scope: ct.scope_opd.to_string(),
        ..Line::default()
    };
    let mut out = vec![Line {
        item: t.opinion.to_string(),
        opinion: o.words.clone().unwrap_or_default(),
        note: o.qualifier_note.clone(),
        ..base.clone()
    }];
    for f in &o.followups {
        let what = [f.kind.as_str(), &f.number, &f.asks, &f.status, &f.deadline];
        out.push(Line { item: t.followups.to_string(), answer: what.join(" · "), ..base.clone() });
    }
    for f in &o.figures {
        out.push(Line {
            unit: f.unit.clone(),
            scope: ct.scope_unit.to_string(),
            item: f.title.clone(),
            answer: if f.source.is_empty() {
                f.value.clone()
            } else {
                format!("{} ({})", f.value, f.source)
            },
            ..base.clone()
        });
    }
    for v in &o.trust {
        out.push(Line {
            unit: v.unit.clone(),
            product: v.product.clone(),
            scope: ct.scope_product.to_string(),
            item: t.trust.to_string(),
            answer: v.progress.clone(),
            fulfilment: fig(v.percent.as_ref()),
            answered: v.respondents.to_string(),
            total: v.target.to_string(),
            ..base.clone()
        });
    }
    out
}
