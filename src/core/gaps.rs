//! What to fix first: every unmet indicator ranked by the points it would add to the OPD score, and
//! the smallest set of fixes that reaches the next band (issue #3 "The result").
//!
//! Both methods are linear in the points of each entry (means and sums of fixed-denominator
//! fractions; fixing an indicator never changes which indicators apply), so the gain of each fix is
//! independent of the others and taking the largest gains first gives the smallest set.

use crate::assessment::{Answer, Assessment, Place};
use crate::exact::Ratio;
use crate::instrument::{BandDef, Instrument, Scope};
use crate::scoring::assess;

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

fn cmp_ratio(a: Ratio, b: Ratio) -> std::cmp::Ordering {
    (a.num() * b.den()).cmp(&(b.num() * a.den()))
}

/// Every answered indicator below the maximum, ranked by gain (largest first; ties in walk order).
/// Unanswered indicators are not gaps: the completeness check lists them.
pub fn gaps(ins: &Instrument, a: &Assessment) -> Vec<Gap> {
    let Some(base) = assess(ins, a).exact else {
        return Vec::new();
    };
    let best =
        ins.scale.options.iter().find(|o| o.points == ins.scale.max).map(|o| o.value.clone());
    let Some(best) = best else { return Vec::new() };
    let mut out = Vec::new();
    for u in &a.units {
        for (pi, p) in u.products.iter().enumerate() {
            let place = Place { unit: u.id.clone(), product: p.id.clone() };
            for (_, ind) in ins.indicators() {
                if ind.scope == Scope::Unit && pi > 0 {
                    continue;
                }
                let Some(Answer::Value(v)) =
                    a.entry(ins, &place, &ind.id).and_then(|e| e.answer.clone())
                else {
                    continue;
                };
                let points = ins.points(&v).unwrap_or(0);
                if points >= ins.scale.max {
                    continue;
                }
                let mut fixed = a.clone();
                fixed.set_answer(ins, &place, &ind.id, Some(Answer::Value(best.clone())));
                let after = assess(ins, &fixed).exact.unwrap_or(base);
                // after >= base always (more points, same denominators); subtract exactly.
                let gain = Ratio::new(
                    after.num() * base.den() - base.num() * after.den(),
                    after.den() * base.den(),
                )
                .unwrap_or(Ratio::ZERO);
                out.push(Gap { place: place.clone(), indicator: ind.id.clone(), points, gain });
            }
        }
    }
    out.sort_by(|x, y| cmp_ratio(y.gain, x.gain));
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
