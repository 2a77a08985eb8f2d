//! Comparison of two assessments of the same OPD against the same instrument, e.g. last year's file
//! and this year's.
//!
//! Units and products are paired by id and name (see [`MatchedBy`]); every indicator at every
//! place gets a [`Status`] from its points; per section and in total the change of the score is
//! an exact difference of the exact scores, rounded half-up (on its magnitude) to two decimals once
//! (docs/SCORING.md §Common rules, docs/SOURCES.md §Design choices).

mod change;
mod pairing;

use std::collections::BTreeMap;

use crate::assessment::{normalise_opd, Assessment, Entry, Product, Unit};
use crate::exact::Ratio;
use crate::instrument::{Instrument, Lang, Method, Scope};
use crate::scoring::{self, assess, credit, Credit, ProductResult, UnitResult};
pub use change::{Delta, ScoreChange, Side, Status};
use pairing::{named, same_name};
pub use pairing::{pair_up, MatchedBy, Named, Pair};

/// One indicator at one place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorChange {
    /// Indicator id.
    pub indicator: String,
    /// Section id.
    pub section: String,
    /// Earlier side.
    pub before: Side,
    /// Later side.
    pub after: Side,
    /// The status.
    pub status: Status,
}

/// A section's figure before and after: dimension points (ori-2022, docs/SOURCES.md §Scale
/// 2022–2024) or fulfilment in percent (ori-2016, docs/SOURCES.md §Weights 2016–2021).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionChange {
    /// Section id.
    pub section: String,
    /// Figures and change.
    pub change: ScoreChange,
}

/// A product on both sides, with its product-scope indicators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProductChange {
    /// The pairing.
    pub pair: Pair,
    /// Product score (ori-2016 only; under ori-2022 products are not scored on their own).
    pub total: ScoreChange,
    /// Product-scope indicators, in instrument order.
    pub indicators: Vec<IndicatorChange>,
}

/// A unit on both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitChange {
    /// The pairing.
    pub pair: Pair,
    /// Unit score.
    pub total: ScoreChange,
    /// Per section, in instrument order.
    pub sections: Vec<SectionChange>,
    /// Unit-scope indicators, in instrument order.
    pub indicators: Vec<IndicatorChange>,
    /// Products: paired ones in the later order, then those only in the earlier assessment.
    pub products: Vec<ProductChange>,
}

/// How many indicator places have each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusCounts {
    /// [`Status::Improved`].
    pub improved: usize,
    /// [`Status::Worsened`].
    pub worsened: usize,
    /// [`Status::Unchanged`].
    pub unchanged: usize,
    /// [`Status::New`].
    pub new: usize,
    /// [`Status::Removed`].
    pub removed: usize,
    /// [`Status::Unscored`].
    pub unscored: usize,
}

impl StatusCounts {
    fn add(&mut self, s: Status) {
        match s {
            Status::Improved => self.improved += 1,
            Status::Worsened => self.worsened += 1,
            Status::Unchanged => self.unchanged += 1,
            Status::New => self.new += 1,
            Status::Removed => self.removed += 1,
            Status::Unscored => self.unscored += 1,
        }
    }
}

/// The comparison of two assessments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Instrument id both use.
    pub instrument: String,
    /// True when both name the same OPD (normalised as in the recap's duplicate check); a
    /// comparison across OPDs is allowed but the UI should say so.
    pub same_opd: bool,
    /// OPD score by the instrument's rule (mean of products for ori-2016, of units for ori-2022).
    pub total: ScoreChange,
    /// OPD per section: mean over units of dimension points (ori-2022; the means add up to the
    /// total) or mean over all products of fulfilment in percent (ori-2016).
    pub sections: Vec<SectionChange>,
    /// Units: paired ones in the later order, then those only in the earlier assessment.
    pub units: Vec<UnitChange>,
    /// Totals of the indicator statuses over every place.
    pub counts: StatusCounts,
}

impl Comparison {
    /// Every indicator change with its unit and (for product-scope ones) product pairing.
    pub fn changes(&self) -> impl Iterator<Item = (&Pair, Option<&Pair>, &IndicatorChange)> {
        self.units.iter().flat_map(|u| {
            u.indicators.iter().map(move |c| (&u.pair, None, c)).chain(
                u.products.iter().flat_map(move |p| {
                    p.indicators.iter().map(move |c| (&u.pair, Some(&p.pair), c))
                }),
            )
        })
    }
}

/// Why two assessments cannot be compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompareError {
    /// The assessments (or the instrument passed) are not all the same instrument id.
    InstrumentMismatch {
        /// Id of the instrument passed.
        instrument: String,
        /// Instrument id of the earlier assessment.
        before: String,
        /// Instrument id of the later assessment.
        after: String,
    },
    /// Another OPD's assessment: the OPD names differ, it is not a copy of the same assessment,
    /// and no service unit has the same name (docs/SCORING.md §Comparison).
    OtherOpd {
        /// OPD of the earlier assessment.
        before: String,
        /// OPD of the later assessment.
        after: String,
    },
}

impl CompareError {
    /// What to tell the user, in their language (docs/SCORING.md §Comparison).
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CompareError::InstrumentMismatch { .. }, Lang::Id) => {
                "Berkas itu memakai instrumen lain; perbandingan hanya untuk instrumen yang sama."
                    .to_string()
            }
            (CompareError::InstrumentMismatch { .. }, Lang::En) => {
                "That file uses another instrument; only the same instrument can be compared."
                    .to_string()
            }
            (CompareError::OtherOpd { before, after }, Lang::Id) => format!(
                "Berkas itu penilaian OPD lain ({before}) tanpa unit layanan yang sama. Pilih \
                 penilaian sebelumnya dari {after}."
            ),
            (CompareError::OtherOpd { before, after }, Lang::En) => format!(
                "That file is another OPD's assessment ({before}) with no service unit in common. \
                 Choose an earlier assessment of {after}."
            ),
        }
    }
}

/// Whether `before` can be compared with `after`: the same instrument, and the same OPD, a copy
/// of the same assessment, or at least one service unit of the same name (an OPD renamed between
/// rounds keeps its units).
pub fn check(before: &Assessment, after: &Assessment) -> Result<(), CompareError> {
    if before.instrument != after.instrument {
        return Err(CompareError::InstrumentMismatch {
            instrument: after.instrument.clone(),
            before: before.instrument.clone(),
            after: after.instrument.clone(),
        });
    }
    let same_opd = normalise_opd(&before.opd) == normalise_opd(&after.opd);
    let shared_unit =
        || before.units.iter().any(|b| after.units.iter().any(|a| same_name(&a.name, &b.name)));
    if same_opd || before.id == after.id || shared_unit() {
        Ok(())
    } else {
        Err(CompareError::OtherOpd { before: before.opd.clone(), after: after.opd.clone() })
    }
}

/// Compares `before` with `after`: same instrument id required; units and products are
/// paired by [`pair_up`]; statuses by [`Status::of`]; deltas exact, rounded once.
pub fn compare(
    ins: &Instrument,
    before: &Assessment,
    after: &Assessment,
) -> Result<Comparison, CompareError> {
    if before.instrument != ins.id || after.instrument != ins.id {
        return Err(CompareError::InstrumentMismatch {
            instrument: ins.id.clone(),
            before: before.instrument.clone(),
            after: after.instrument.clone(),
        });
    }
    check(before, after)?;
    let rb = assess(ins, before);
    let ra = assess(ins, after);
    let key = |u: &Unit| (u.id.clone(), u.name.clone());
    let pairs = pair_up(
        &before.units.iter().map(key).collect::<Vec<_>>(),
        &after.units.iter().map(key).collect::<Vec<_>>(),
    );
    let mut counts = StatusCounts::default();
    let mut units = Vec::with_capacity(pairs.len());
    for (bi, ai, by) in pairs {
        let ub = bi.map(|i| (&before.units[i], &rb.units[i]));
        let ua = ai.map(|i| (&after.units[i], &ra.units[i]));
        let uc = unit_change(ins, ub, ua, by);
        for c in uc.indicators.iter().chain(uc.products.iter().flat_map(|p| &p.indicators)) {
            counts.add(c.status);
        }
        units.push(uc);
    }
    let sections = ins
        .sections
        .iter()
        .enumerate()
        .map(|(s, sec)| SectionChange {
            section: sec.id.clone(),
            change: ScoreChange::new(
                opd_section(ins, &rb.units, s),
                opd_section(ins, &ra.units, s),
            ),
        })
        .collect();
    Ok(Comparison {
        instrument: ins.id.clone(),
        same_opd: normalise_opd(&before.opd) == normalise_opd(&after.opd),
        total: ScoreChange::new(rb.exact, ra.exact),
        sections,
        units,
        counts,
    })
}

fn side(ins: &Instrument, present: bool, e: Option<&Entry>) -> Side {
    if !present {
        return Side::Absent;
    }
    match credit(ins, e.and_then(|e| e.answer.as_ref())) {
        Credit::Unanswered => Side::Unanswered,
        Credit::NotApplicable => Side::NotApplicable,
        Credit::Points(p) => Side::Points(p),
    }
}

fn changes(
    ins: &Instrument,
    scope: Scope,
    before: Option<&BTreeMap<String, Entry>>,
    after: Option<&BTreeMap<String, Entry>>,
) -> Vec<IndicatorChange> {
    ins.indicators()
        .filter(|(_, i)| i.scope == scope)
        .map(|(s, i)| {
            let b = side(ins, before.is_some(), before.and_then(|m| m.get(&i.id)));
            let a = side(ins, after.is_some(), after.and_then(|m| m.get(&i.id)));
            IndicatorChange {
                indicator: i.id.clone(),
                section: s.id.clone(),
                before: b,
                after: a,
                status: Status::of(b, a),
            }
        })
        .collect()
}

/// A section's figure of a unit: its dimension points, or fulfilment × 100 (ori-2016).
fn unit_section(ins: &Instrument, r: &UnitResult, s: usize) -> Option<Ratio> {
    let sec = &r.sections[s];
    match ins.scoring.method {
        Method::DimensionPoints => sec.points,
        Method::Fulfilment => sec.fraction.map(|f| f * Ratio::int(100)),
    }
}

/// A section's figure of an OPD (see [`Comparison::sections`]).
fn opd_section(ins: &Instrument, units: &[UnitResult], s: usize) -> Option<Ratio> {
    let (fraction, points) = scoring::opd_section(ins, units, s);
    match ins.scoring.method {
        Method::DimensionPoints => points,
        Method::Fulfilment => fraction.map(|f| f * Ratio::int(100)),
    }
}

fn unit_change(
    ins: &Instrument,
    before: Option<(&Unit, &UnitResult)>,
    after: Option<(&Unit, &UnitResult)>,
    by: Option<MatchedBy>,
) -> UnitChange {
    let pair = Pair {
        before: before.map(|(u, _)| named(&u.id, &u.name)),
        after: after.map(|(u, _)| named(&u.id, &u.name)),
        matched_by: by,
    };
    let sections = ins
        .sections
        .iter()
        .enumerate()
        .map(|(s, sec)| SectionChange {
            section: sec.id.clone(),
            change: ScoreChange::new(
                before.and_then(|(_, r)| unit_section(ins, r, s)),
                after.and_then(|(_, r)| unit_section(ins, r, s)),
            ),
        })
        .collect();
    let indicators =
        changes(ins, Scope::Unit, before.map(|(u, _)| &u.answers), after.map(|(u, _)| &u.answers));
    let key = |p: &Product| (p.id.clone(), p.name.clone());
    let pb: Vec<_> = before.map(|(u, _)| u.products.iter().map(key).collect()).unwrap_or_default();
    let pa: Vec<_> = after.map(|(u, _)| u.products.iter().map(key).collect()).unwrap_or_default();
    let products = pair_up(&pb, &pa)
        .into_iter()
        .map(|(bi, ai, how)| {
            let b: Option<(&Product, &ProductResult)> = product(before, bi);
            let a: Option<(&Product, &ProductResult)> = product(after, ai);
            ProductChange {
                pair: Pair {
                    before: b.map(|(p, _)| named(&p.id, &p.name)),
                    after: a.map(|(p, _)| named(&p.id, &p.name)),
                    matched_by: how,
                },
                total: ScoreChange::new(b.and_then(|(_, r)| r.exact), a.and_then(|(_, r)| r.exact)),
                indicators: changes(
                    ins,
                    Scope::Product,
                    b.map(|(p, _)| &p.answers),
                    a.map(|(p, _)| &p.answers),
                ),
            }
        })
        .collect();
    UnitChange {
        pair,
        total: ScoreChange::new(
            before.and_then(|(_, r)| r.exact),
            after.and_then(|(_, r)| r.exact),
        ),
        sections,
        indicators,
        products,
    }
}

fn product<'a>(
    side: Option<(&'a Unit, &'a UnitResult)>,
    i: Option<usize>,
) -> Option<(&'a Product, &'a ProductResult)> {
    side.zip(i).map(|((u, r), i)| (&u.products[i], &r.products[i]))
}
