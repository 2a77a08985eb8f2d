//! Each answer's exact share of its unit's and its OPD's score: the one statement of how the points
//! of an answer reach a score (docs/SCORING.md §One model). The aggregation of this module's parent
//! is written with it, and so are what to fix first (`gaps.rs`) and the CSV's points
//! (docs/FORMAT.md §CSV export).
//!
//! Both methods are linear in the points of each answer, with weights that depend only on which
//! indicators apply (docs/SCORING.md §What to fix first):
//!
//! - ori-2016: a product scores 100 × points ÷ its maximum, the unit is the mean of its scored
//!   products, so a point weighs 100 ÷ (maximum of its product × scored products of the unit)
//!   (docs/SCORING.md §ori-2016);
//! - ori-2022, ori-2025: a dimension earns its maximum × the mean over products of points ÷ the
//!   product's maximum in the dimension, so a point weighs the dimension's maximum ÷ (maximum of
//!   its product in the dimension × products in the mean) (docs/SCORING.md §ori-2022);
//! - a unit-wide answer counts in every product of its unit: its weight is the sum over them;
//! - on the OPD score, a unit weighs its scored products ÷ all scored products (ori-2016) or 1 ÷
//!   the scored units (ori-2022, ori-2025; an unscored unit weighs 0), so the OPD is never a mean
//!   of means (docs/SCORING.md §ori-2016, §ori-2022).

use super::{credit, AssessmentResult, Credit, ProductResult, UnitResult};
use crate::assessment::Assessment;
use crate::exact::Ratio;
use crate::instrument::{Instrument, Method, Scope};

/// What one point weighs on a unit's score, per product and section (see the module's rules).
pub(super) struct Weights(Vec<Vec<Option<Ratio>>>);

impl Weights {
    /// The weights of a unit's products, read from their tallies of what applies.
    pub(super) fn of(ins: &Instrument, products: &[ProductResult]) -> Weights {
        let count = |f: &dyn Fn(&ProductResult) -> bool| products.iter().filter(|p| f(p)).count();
        let scored = count(&|p| p.tally.possible > 0) as u128;
        let per = products
            .iter()
            .map(|p| {
                (0..ins.sections.len())
                    .map(|s| match ins.scoring.method {
                        Method::Fulfilment => {
                            Ratio::new(100, u128::from(p.tally.possible) * scored)
                        }
                        Method::DimensionPoints => {
                            let max = Ratio::from_hundredths(ins.sections[s].max_points?);
                            let in_mean = count(&|q| q.sections[s].tally.possible > 0) as u128;
                            let possible = u128::from(p.sections[s].tally.possible);
                            Some(max * Ratio::new(1, possible * in_mean)?)
                        }
                    })
                    .collect()
            })
            .collect();
        Weights(per)
    }

    /// What the unit's answers in section `s` earn on its score: Σ points × weight over the
    /// products; `None` when nothing in it counts for any product.
    pub(super) fn earned(&self, products: &[ProductResult], s: usize) -> Option<Ratio> {
        let terms = products.iter().zip(&self.0).filter_map(|(p, w)| {
            w[s].map(|w| w * Ratio::int(u128::from(p.sections[s].tally.earned)))
        });
        terms.reduce(|a, b| a + b)
    }

    /// What one point of an answer in section `s` weighs on the unit's score, at the products
    /// `at` (one product, or every product for a unit-wide answer); `None` when it counts nowhere.
    fn at(&self, s: usize, at: impl Iterator<Item = usize>) -> Option<Ratio> {
        at.filter_map(|p| self.0.get(p).and_then(|w| w[s])).reduce(|a, b| a + b)
    }
}

/// What each unit's score weighs in the score of an OPD (or, with the units of many OPDs, of a
/// pemda) (docs/SCORING.md §ori-2016, §ori-2022: the mean of all products or of all units).
pub(super) fn units_in_opd(ins: &Instrument, units: &[UnitResult]) -> Vec<Ratio> {
    let scored = |u: &UnitResult| match ins.scoring.method {
        Method::Fulfilment => u.products.iter().filter(|p| p.exact.is_some()).count(),
        Method::DimensionPoints => usize::from(u.exact.is_some()),
    } as u128;
    let all: u128 = units.iter().map(scored).sum();
    units.iter().map(|u| Ratio::new(scored(u), all).unwrap_or(Ratio::ZERO)).collect()
}

/// What one indicator answer at one place brings to its unit's and its OPD's score
/// (docs/SCORING.md §One model).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Share {
    /// The answer's credit (never "Tidak berlaku": that answer has no share).
    pub credit: Credit,
    /// The points at the top of the scale.
    pub max: u32,
    /// What one point weighs on the unit's score (under ori-2022 and ori-2025: on its dimension's
    /// points, part of the unit score).
    pub unit_weight: Ratio,
    /// What one point weighs on the OPD's score (0 for a unit without a score).
    pub opd_weight: Ratio,
}

impl Share {
    /// The answer's points now (0 while unanswered, docs/SCORING.md §Common rules).
    pub fn points(&self) -> u32 {
        self.credit.counted().unwrap_or(0)
    }

    /// What the answer earns on its unit's score now, exactly.
    pub fn unit(&self) -> Ratio {
        self.unit_weight * Ratio::int(u128::from(self.points()))
    }

    /// What the answer would earn on its unit's score at the top of the scale.
    pub fn unit_max(&self) -> Ratio {
        self.unit_weight * Ratio::int(u128::from(self.max))
    }

    /// What the answer earns on the OPD's score now, exactly.
    pub fn opd(&self) -> Ratio {
        self.opd_weight * Ratio::int(u128::from(self.points()))
    }

    /// What the answer would earn on the OPD's score at the top of the scale.
    pub fn opd_max(&self) -> Ratio {
        self.opd_weight * Ratio::int(u128::from(self.max))
    }

    /// What the OPD score gains when the answer reaches the top: `opd_max − opd` (docs/SCORING.md
    /// §What to fix first).
    pub fn gain(&self) -> Ratio {
        self.opd_weight * Ratio::int(u128::from(self.max.saturating_sub(self.points())))
    }
}

/// The shares of one unit's answers, laid out like the report's rows: unit-wide indicators once,
/// then each product's indicators, each in walk order; `None` for "Tidak berlaku".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitShares {
    /// One per unit-wide indicator, in walk order.
    pub unit: Vec<Option<Share>>,
    /// Per product, one per product indicator, in walk order.
    pub products: Vec<Vec<Option<Share>>>,
}

/// Every answer's share of its unit's and its OPD's score, per unit of `r` (the result of `a`)
/// (docs/SCORING.md §One model).
pub fn shares(ins: &Instrument, a: &Assessment, r: &AssessmentResult) -> Vec<UnitShares> {
    a.units
        .iter()
        .zip(&r.units)
        .zip(units_in_opd(ins, &r.units))
        .map(|((u, ur), opd)| {
            let weights = Weights::of(ins, &ur.products);
            let share = |s: usize, at: &mut dyn Iterator<Item = usize>, e: Option<&_>| {
                let credit = credit(ins, e.and_then(|e: &crate::Entry| e.answer.as_ref()));
                credit.counted()?;
                let unit_weight = weights.at(s, at)?;
                Some(Share {
                    credit,
                    max: ins.scale.max,
                    unit_weight,
                    opd_weight: unit_weight * opd,
                })
            };
            let of_scope = |scope: Scope| {
                ins.sections.iter().enumerate().flat_map(move |(s, sec)| {
                    sec.indicators.iter().filter(move |i| i.scope == scope).map(move |i| (s, i))
                })
            };
            let unit = of_scope(Scope::Unit)
                .map(|(s, i)| share(s, &mut (0..u.products.len()), u.answers.get(&i.id)))
                .collect();
            let products = u
                .products
                .iter()
                .enumerate()
                .map(|(p, pr)| {
                    of_scope(Scope::Product)
                        .map(|(s, i)| share(s, &mut std::iter::once(p), pr.answers.get(&i.id)))
                        .collect()
                })
                .collect();
            UnitShares { unit, products }
        })
        .collect()
}
