//! What to fix first: every unmet indicator ranked by the points it would add to the OPD score, and
//! the smallest set of fixes that reaches the next band.
//!
//! Both methods are linear in the points of each entry (means and sums of fixed-denominator
//! fractions; fixing an indicator never changes which indicators apply), so the gain of each fix is
//! independent of the others and taking the largest gains first gives the smallest set.

use crate::assessment::{Assessment, Place};
use crate::exact::Ratio;
use crate::instrument::{BandDef, Instrument, Method, Scope};
use crate::scoring::{assess, credit, AssessmentResult, Credit};

/// An unmet indicator at a place, with what fixing it fully would add.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    /// Where it is (for unit-wide indicators, the unit's first product stands for the unit).
    pub place: Place,
    /// Indicator id.
    pub indicator: String,
    /// Current points (below the scale's maximum).
    pub points: u32,
    /// Exact gain of the OPD score when the indicator reaches the maximum.
    pub gain: Ratio,
}

/// The exact gain of one more point at each product and section, from the current result: the
/// derivative of the OPD score, constant because the score is linear in the points (see above).
fn point_weight(
    ins: &Instrument,
    r: &AssessmentResult,
    unit: usize,
    product: usize,
    section: usize,
) -> Ratio {
    let u = &r.units[unit];
    let p = &u.products[product];
    match ins.scoring.method {
        // OPD = mean over scored products of 100 × earned / possible.
        Method::Fulfilment => {
            let scored =
                r.units.iter().flat_map(|u| &u.products).filter(|p| p.exact.is_some()).count();
            Ratio::new(100, u128::from(p.tally.possible) * scored as u128).unwrap_or(Ratio::ZERO)
        }
        // OPD = mean over scored units of Σ_s max_s × mean over products of earned_ps /
        // possible_ps.
        Method::DimensionPoints => {
            if u.exact.is_none() {
                return Ratio::ZERO;
            }
            let scored_units = r.units.iter().filter(|u| u.exact.is_some()).count() as u128;
            let in_mean =
                u.products.iter().filter(|p| p.sections[section].fraction.is_some()).count()
                    as u128;
            let possible = u128::from(p.sections[section].tally.possible);
            let max = ins.sections[section].max_points.unwrap_or(0);
            Ratio::from_hundredths(max)
                * Ratio::new(1, possible * in_mean * scored_units).unwrap_or(Ratio::ZERO)
        }
    }
}

/// Every answered indicator below the maximum, ranked by gain (largest first; ties in walk order).
/// Unanswered indicators are not gaps: the completeness check lists them. Gains are computed from
/// the score's exact derivative, so the list costs one scoring pass, not one per gap.
pub fn gaps(ins: &Instrument, a: &Assessment) -> Vec<Gap> {
    let r = assess(ins, a);
    if r.exact.is_none() {
        return Vec::new();
    }
    let section_of: std::collections::HashMap<&str, usize> = ins
        .sections
        .iter()
        .enumerate()
        .flat_map(|(s, sec)| sec.indicators.iter().map(move |i| (i.id.as_str(), s)))
        .collect();
    let mut out = Vec::new();
    for (ui, u) in a.units.iter().enumerate() {
        for (pi, p) in u.products.iter().enumerate() {
            let place = Place { unit: u.id.clone(), product: p.id.clone() };
            for (_, ind) in ins.indicators() {
                if ind.scope == Scope::Unit && pi > 0 {
                    continue;
                }
                let answer = a.entry(ins, &place, &ind.id).and_then(|e| e.answer.as_ref());
                let Credit::Points(points) = credit(ins, answer) else {
                    continue;
                };
                if points >= ins.scale.max {
                    continue;
                }
                let s = section_of[ind.id.as_str()];
                // A unit-wide answer counts in every product of the unit.
                let per_point = match ind.scope {
                    Scope::Product => point_weight(ins, &r, ui, pi, s),
                    Scope::Unit => (0..u.products.len())
                        .fold(Ratio::ZERO, |acc, q| acc + point_weight(ins, &r, ui, q, s)),
                };
                let gain = per_point * Ratio::int(u128::from(ins.scale.max - points));
                out.push(Gap { place: place.clone(), indicator: ind.id.clone(), points, gain });
            }
        }
    }
    crate::order::sort_by(&mut out, |a, b| b.gain.cmp(&a.gain));
    out
}

/// A plan to reach a band: the fewest fixes, largest gains first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan<'a> {
    /// The band aimed at.
    pub target: &'a BandDef,
    /// The fixes, in order.
    pub fixes: Vec<Gap>,
}

/// The smallest set of fixes that lifts the rounded OPD score to `target.min` or above; `None` when
/// even fixing every gap is not enough, or the score is already there.
pub fn plan_to<'a>(ins: &Instrument, a: &Assessment, target: &'a BandDef) -> Option<Plan<'a>> {
    let mut score = assess(ins, a).exact?;
    if score.round2().0 >= target.min {
        return None;
    }
    let mut fixes = Vec::new();
    for g in gaps(ins, a) {
        score = score + g.gain;
        fixes.push(g);
        if score.round2().0 >= target.min {
            return Some(Plan { target, fixes });
        }
    }
    None
}

/// The next band above the current score and, when the instrument has grades, the next zone if it
/// differs (e.g. "naik ke Zona Hijau"); each with its plan.
pub fn next_plans<'a>(ins: &'a Instrument, a: &Assessment) -> Vec<Plan<'a>> {
    let Some(score) = assess(ins, a).exact.map(|e| e.round2()) else {
        return Vec::new();
    };
    let current = ins.band(score);
    let mut targets: Vec<&BandDef> = Vec::new();
    if let Some(next) = ins.bands.iter().find(|b| b.min > score.0) {
        targets.push(next);
    }
    if let Some(zone) = ins.bands.iter().find(|b| b.min > score.0 && b.zone != current.zone) {
        if !targets.iter().any(|t| std::ptr::eq(*t, zone)) {
            targets.push(zone);
        }
    }
    targets.into_iter().filter_map(|t| plan_to(ins, a, t)).collect()
}
