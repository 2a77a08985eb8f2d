//! Every answer of the report: the unit and product rows with each indicator's answer, points,
//! note, evidence and source (docs/SCORING.md §Common rules: unit-wide indicators once per unit).

use super::figures::{part_row, section_counts, section_row, unit_rows};
use super::model::{IndicatorRow, ProductReport, SectionRow, UnitReport};
use super::texts::texts;
use super::wording::not_started;
use super::{band_view, Figure};
use crate::assessment::{Answer, Entry, Product, Unit};
use crate::instrument::{Indicator, Instrument, Lang, Scale, Scope, Section};
use crate::scoring::{self, ProductResult, Share, UnitResult, UnitShares};

/// A unit's report with its answers and each answer's share of the score (`scoring::shares`, the
/// one rule, docs/SCORING.md §One model).
pub(super) fn unit_report(
    ins: &Instrument,
    u: &Unit,
    r: &UnitResult,
    shares: &UnitShares,
    lang: Lang,
) -> UnitReport {
    let indicators = rows(ins, Scope::Unit, &u.answers, &shares.unit, lang);
    let products: Vec<ProductReport> = u
        .products
        .iter()
        .zip(&r.products)
        .zip(&shares.products)
        .map(|((p, pr), sh)| product_report(ins, p, pr, sh, lang))
        .collect();
    let all = unit_rows(&indicators, &products);
    let mut sections: Vec<SectionRow> = ins
        .sections
        .iter()
        .zip(&r.sections)
        .map(|(sec, s)| {
            let counts = section_counts(&all, &sec.id);
            section_row(ins, sec, s.fraction, s.points, counts, lang)
        })
        .collect();
    for p in &r.parts {
        sections.push(part_row(
            ins,
            p,
            p.fraction,
            p.points,
            (p.tally.answered, p.tally.total),
            std::slice::from_ref(u),
            lang,
        ));
    }
    let pending = not_started(r.tally.answered, r.tally.total, lang);
    // Nothing answered: no score, band or label, only "Belum dijawab" (docs/SCORING.md §Common rules).
    let exact = r.exact.filter(|_| pending.is_none());
    UnitReport {
        id: u.id.clone(),
        name: u.name.clone(),
        score: exact.map(|e| Figure::exact(e, lang)),
        band: exact.map(|e| band_view(ins, scoring::band(ins, e).def, lang)),
        label: exact.and_then(|e| crate::opinion::unit_label(ins, e.round2(), lang)),
        answered: r.tally.answered,
        total: r.tally.total,
        sections,
        indicators,
        products,
        pending,
    }
}

pub(super) fn product_report(
    ins: &Instrument,
    p: &Product,
    r: &ProductResult,
    shares: &[Option<Share>],
    lang: Lang,
) -> ProductReport {
    let pending = not_started(r.tally.answered, r.tally.total, lang);
    let started = pending.is_none();
    ProductReport {
        id: p.id.clone(),
        name: p.name.clone(),
        score: r.exact.filter(|_| started).map(|e| Figure::exact(e, lang)),
        fulfilment: r.tally.fraction().filter(|_| started).map(|f| Figure::percent(f, lang)),
        answered: r.tally.answered,
        total: r.tally.total,
        indicators: rows(ins, Scope::Product, &p.answers, shares, lang),
        pending,
    }
}

/// The rows of every indicator of one scope, read from the map that holds that scope's entries,
/// each with its share of the score (`shares`, laid out in the same walk order).
pub(super) fn rows(
    ins: &Instrument,
    scope: Scope,
    answers: &std::collections::BTreeMap<String, Entry>,
    shares: &[Option<Share>],
    lang: Lang,
) -> Vec<IndicatorRow> {
    ins.indicators()
        .enumerate()
        .filter(|(_, (_, i))| i.scope == scope)
        .zip(shares.iter().copied().chain(std::iter::repeat(None)))
        .map(|((index, (sec, ind)), share)| {
            let mut row = indicator_row(ins, index, sec, ind, answers.get(&ind.id), lang);
            row.share = share;
            row
        })
        .collect()
}

/// The label of an answer: a scale option, "Tidak berlaku" or "Belum dijawab".
pub fn answer_label(scale: &Scale, answer: Option<&Answer>, lang: Lang) -> String {
    match answer {
        None => texts(lang).unanswered.to_string(),
        Some(Answer::NotApplicable) => scale.not_applicable.get(lang).to_string(),
        Some(Answer::Value(v)) => scale
            .options
            .iter()
            .find(|o| &o.value == v)
            .map_or_else(|| v.clone(), |o| o.label.get(lang).to_string()),
    }
}

pub(super) fn assumed_reason(sec: &Section, ind: &Indicator, lang: Lang) -> Option<String> {
    ind.assumed.as_ref().or(sec.assumed.as_ref()).map(|l| l.get(lang).to_string())
}

pub(super) fn indicator_row(
    ins: &Instrument,
    index: usize,
    sec: &Section,
    ind: &Indicator,
    entry: Option<&Entry>,
    lang: Lang,
) -> IndicatorRow {
    let answer = entry.and_then(|e| e.answer.as_ref());
    let points = scoring::credit(ins, answer).counted();
    let max_points = points.map(|_| ins.scale.max);
    let empty = Entry::default();
    let e = entry.unwrap_or(&empty);
    IndicatorRow {
        index,
        id: ind.id.clone(),
        section_id: sec.id.clone(),
        section: sec.title.get(lang).to_string(),
        text: ind.text.get(lang).to_string(),
        scope: ind.scope,
        answer: answer_label(ins.scale_of(ind), answer, lang),
        answered: answer.is_some(),
        points,
        max_points,
        note: e.note.clone(),
        links: e.links.clone(),
        photos: e.photos.clone(),
        review: e.review,
        legal: ind.legal.clone(),
        assumed: assumed_reason(sec, ind, lang),
        action: ind.action.get(lang).to_string(),
        share: None,
    }
}
