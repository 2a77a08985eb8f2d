//! What to fix first: every unmet indicator ranked by the points it would add to the OPD score, and
//! the smallest set of fixes that reaches the next band.
//!
//! Both methods are linear in the points of each entry (means and sums of fixed-denominator
//! fractions; fixing an indicator never changes which indicators apply), so the gain of each fix is
//! independent of the others and taking the largest gains first gives the smallest set. Each gain
//! is read from the answer's share of the score (`scoring::shares`, docs/SCORING.md §One model).

use crate::assessment::{Assessment, Place};
use crate::exact::Ratio;
use crate::instrument::{BandDef, Instrument, Scope};
use crate::scoring::{self, assess, Credit};

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

/// Every answered indicator below the maximum, ranked by gain (largest first; ties in walk order).
/// Unanswered indicators are not gaps: the completeness check lists them. A gain is the answer's
/// share of the OPD score at the top of the scale minus its share now ([`scoring::Share::gain`],
/// the one rule of `scoring::shares`), so the list costs one scoring pass, not one per gap.
pub fn gaps(ins: &Instrument, a: &Assessment) -> Vec<Gap> {
    let r = assess(ins, a);
    if r.exact.is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (u, shares) in a.units.iter().zip(scoring::shares(ins, a, &r)) {
        for (pi, p) in u.products.iter().enumerate() {
            let place = Place { unit: u.id.clone(), product: p.id.clone() };
            // The shares are laid out per scope in walk order: count each scope's indicators.
            let (mut nth_unit, mut nth_product) = (0, 0);
            for (_, ind) in ins.indicators() {
                let share = match ind.scope {
                    Scope::Unit => {
                        nth_unit += 1;
                        if pi > 0 {
                            continue;
                        }
                        shares.unit.get(nth_unit - 1)
                    }
                    Scope::Product => {
                        nth_product += 1;
                        shares.products[pi].get(nth_product - 1)
                    }
                };
                let Some(&Some(share)) = share else { continue };
                let Credit::Points(points) = share.credit else { continue };
                if points >= share.max {
                    continue;
                }
                let gain = share.gain();
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
