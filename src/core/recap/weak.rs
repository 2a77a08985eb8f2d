//! The weakest indicators across the pemda: the fixes that would lift the most units (or
//! products under ori-2016), by the one answer → points rule (`scoring::credit`, docs/SCORING.md
//! §Common rules).

use super::sort::cmp_opt;
use super::Counted;
use crate::assessment::{Assessment, Entry};
use crate::exact::Ratio;
use crate::instrument::{Instrument, Scope};
use crate::scoring;

/// An indicator that is below its maximum across the pemda: the fixes that would lift the
/// most units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeakIndicator {
    /// Indicator id.
    pub indicator: String,
    /// Section id.
    pub section: String,
    /// Units (ori-2022/2025) or products (ori-2016) whose score fixing it would raise: answered
    /// below the maximum there (for a product-scope indicator under ori-2022, in any product of
    /// the unit; for a unit-wide one under ori-2016, every product of that unit).
    pub below_max: usize,
    /// Units/products where it is answered with a value (out of which `below_max`).
    pub answered: usize,
    /// Mean points over every place where it is answered with a value (unit-wide answers once per
    /// unit), on the scale 0–max; unanswered and "Tidak berlaku" left out.
    pub mean_points: Option<Ratio>,
}

/// Accumulates the weakest-indicator figures, indexed like `Instrument::indicators()`.
pub(super) struct Weak {
    below: Vec<usize>,
    answered: Vec<usize>,
    points: Vec<u128>,
    places: Vec<u128>,
}

impl Weak {
    pub(super) fn new(ins: &Instrument) -> Weak {
        let n = ins.indicators().count();
        Weak { below: vec![0; n], answered: vec![0; n], points: vec![0; n], places: vec![0; n] }
    }

    pub(super) fn add(&mut self, ins: &Instrument, a: &Assessment, counted: Counted) {
        let max = ins.scale.max;
        let pts =
            |e: Option<&Entry>| scoring::credit(ins, e.and_then(|e| e.answer.as_ref())).given();
        for u in &a.units {
            for (k, (_, ind)) in ins.indicators().enumerate() {
                // Points at each answer place of this indicator in this unit.
                let here: Vec<Option<u32>> = match ind.scope {
                    Scope::Unit => vec![pts(u.answers.get(&ind.id))],
                    Scope::Product => {
                        u.products.iter().map(|p| pts(p.answers.get(&ind.id))).collect()
                    }
                };
                for p in here.iter().flatten() {
                    self.points[k] += u128::from(*p);
                    self.places[k] += 1;
                }
                let below = |p: &Option<u32>| p.is_some_and(|p| p < max);
                match (counted, ind.scope) {
                    (Counted::Units, _) => {
                        self.answered[k] += usize::from(here.iter().any(Option::is_some));
                        self.below[k] += usize::from(here.iter().any(below));
                    }
                    (Counted::Products, Scope::Product) => {
                        self.answered[k] += here.iter().filter(|p| p.is_some()).count();
                        self.below[k] += here.iter().filter(|p| below(p)).count();
                    }
                    (Counted::Products, Scope::Unit) => {
                        // A unit-wide answer counts in every product of the unit.
                        let n = u.products.len();
                        self.answered[k] += if here[0].is_some() { n } else { 0 };
                        self.below[k] += if below(&here[0]) { n } else { 0 };
                    }
                }
            }
        }
    }

    pub(super) fn finish(self, ins: &Instrument) -> Vec<WeakIndicator> {
        let mut out: Vec<(usize, WeakIndicator)> = ins
            .indicators()
            .enumerate()
            .filter(|(k, _)| self.below[*k] > 0)
            .map(|(k, (s, i))| {
                (
                    k,
                    WeakIndicator {
                        indicator: i.id.clone(),
                        section: s.id.clone(),
                        below_max: self.below[k],
                        answered: self.answered[k],
                        mean_points: Ratio::new(self.points[k], self.places[k]),
                    },
                )
            })
            .collect();
        crate::order::sort_by(&mut out, |(ka, a), (kb, b)| {
            b.below_max
                .cmp(&a.below_max)
                .then_with(|| cmp_opt(a.mean_points, b.mean_points, false))
                .then(ka.cmp(kb))
        });
        out.into_iter().map(|(_, w)| w).collect()
    }
}
