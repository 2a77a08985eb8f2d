//! Comparison of two assessments of the same OPD against the same instrument, e.g. last year's file
//! and this year's.
//!
//! Units and products are paired by id and name (see [`MatchedBy`]); every indicator at every
//! place gets a [`Status`] from its points; per section and in total the change of the score is
//! an exact difference of the exact scores, rounded half-up (on its magnitude) to two decimals once
//! (docs/SCORING.md §Common rules, docs/SOURCES.md §Design choices).

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::assessment::{normalise_opd, Assessment, Entry, Product, Unit};
use crate::exact::{Hundredths, Ratio};
use crate::instrument::{Instrument, Method, Scope};
use crate::scoring::{assess, credit, Credit, ProductResult, UnitResult};

/// A signed change of a score, rounded to two decimals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Delta {
    /// True for a drop; never true for a zero change.
    pub negative: bool,
    /// Size of the change, rounded half-up to two decimals once (so −0,005 shows as −0,01).
    pub value: Hundredths,
}

impl Delta {
    /// `after − before`, computed exactly and rounded once (docs/SCORING.md §Common rules,
    /// docs/SOURCES.md §Design choices).
    pub fn between(before: Ratio, after: Ratio) -> Delta {
        let negative = after < before;
        let value = before.abs_diff(after).round2();
        Delta { negative: negative && value.0 > 0, value }
    }

    /// Signed hundredths (−123 = −1,23), for sorting and charts.
    pub fn hundredths(self) -> i64 {
        let v = i64::from(self.value.0);
        if self.negative {
            -v
        } else {
            v
        }
    }

    /// True when the rounded change is 0,00.
    pub fn is_zero(self) -> bool {
        self.value.0 == 0
    }

    /// Indonesian format with sign: "+1,23", "-0,50", "0,00".
    pub fn id(self) -> String {
        format!("{}{}", self.sign(), self.value.id())
    }

    /// English format with sign: "+1.23", "-0.50", "0.00".
    pub fn en(self) -> String {
        format!("{}{}", self.sign(), self.value.en())
    }

    fn sign(self) -> &'static str {
        match (self.negative, self.is_zero()) {
            (_, true) => "",
            (true, false) => "-",
            (false, false) => "+",
        }
    }
}

/// A score before and after, with its change; the change is `None` when either side has no score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScoreChange {
    /// Exact score of the earlier assessment.
    pub before: Option<Ratio>,
    /// Exact score of the later assessment.
    pub after: Option<Ratio>,
    /// `after − before`, rounded once.
    pub delta: Option<Delta>,
}

impl ScoreChange {
    /// Pairs two exact scores.
    pub fn new(before: Option<Ratio>, after: Option<Ratio>) -> ScoreChange {
        let delta = match (before, after) {
            (Some(b), Some(a)) => Some(Delta::between(b, a)),
            _ => None,
        };
        ScoreChange { before, after, delta }
    }
}

/// One side of an indicator at a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The unit or product does not exist in that assessment.
    Absent,
    /// Not answered.
    Unanswered,
    /// Answered "Tidak berlaku".
    NotApplicable,
    /// Answered, earning these points (0…scale max).
    Points(u32),
}

impl Side {
    fn points(self) -> Option<u32> {
        match self {
            Side::Points(p) => Some(p),
            _ => None,
        }
    }
}

/// How an indicator changed at a place; only answers with points are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Scored on both sides, more points now.
    Improved,
    /// Scored on both sides, fewer points now.
    Worsened,
    /// Scored on both sides, the same points.
    Unchanged,
    /// Scored now but not before (before: unanswered, "Tidak berlaku", or the place did not exist).
    New,
    /// Scored before but not now (now: unanswered, "Tidak berlaku", or the place is gone).
    Removed,
    /// Scored on neither side (unanswered, "Tidak berlaku" or absent on both).
    Unscored,
}

impl Status {
    /// The status of a pair of sides (rules in the enum's variants).
    pub fn of(before: Side, after: Side) -> Status {
        match (before.points(), after.points()) {
            (Some(b), Some(a)) => match a.cmp(&b) {
                Ordering::Greater => Status::Improved,
                Ordering::Less => Status::Worsened,
                Ordering::Equal => Status::Unchanged,
            },
            (None, Some(_)) => Status::New,
            (Some(_), None) => Status::Removed,
            (None, None) => Status::Unscored,
        }
    }
}

/// How a unit or product of one assessment was paired with one of the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MatchedBy {
    /// Same id (and, if the name changed, see [`Pair::renamed`]).
    Id,
    /// Same name, case-insensitive, trimmed, inner spaces collapsed; ids differ.
    Name,
}

/// An id and a name on one side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    /// Id inside its assessment.
    pub id: String,
    /// Name as typed.
    pub name: String,
}

/// A unit or product on both sides; one side is `None` when it exists on one side only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    /// In the earlier assessment.
    pub before: Option<Named>,
    /// In the later assessment.
    pub after: Option<Named>,
    /// How they were paired; `None` when one side is missing.
    pub matched_by: Option<MatchedBy>,
}

impl Pair {
    /// The name to show: the later one, else the earlier one.
    pub fn name(&self) -> &str {
        self.after.as_ref().or(self.before.as_ref()).map(|n| n.name.as_str()).unwrap_or("")
    }

    /// True when paired by id but the names differ (after normalising).
    pub fn renamed(&self) -> bool {
        match (&self.before, &self.after) {
            (Some(b), Some(a)) => norm(&b.name) != norm(&a.name),
            _ => false,
        }
    }
}

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

/// Pairs items given as `(id, name)`: first those with the same id and the same name, then those
/// with the same name, then those with the same id (so a renamed unit keeps its pairing by id, and
/// two units whose ids were swapped are still paired by name). Names compare case-insensitively,
/// trimmed, inner whitespace collapsed. Returns `(before index, after index, how)`: the later
/// order first, then the items found only before.
pub fn pair_up(
    before: &[(String, String)],
    after: &[(String, String)],
) -> Vec<(Option<usize>, Option<usize>, Option<MatchedBy>)> {
    let mut of_after: Vec<Option<(usize, MatchedBy)>> = vec![None; after.len()];
    let mut taken = vec![false; before.len()];
    let nb: Vec<String> = before.iter().map(|b| norm(&b.1)).collect();
    let na: Vec<String> = after.iter().map(|a| norm(&a.1)).collect();
    // (ids must match, names must match, how) for each pass.
    let passes =
        [(true, true, MatchedBy::Id), (false, true, MatchedBy::Name), (true, false, MatchedBy::Id)];
    for (by_id, by_name, how) in passes {
        for ai in 0..after.len() {
            if of_after[ai].is_some() {
                continue;
            }
            let same = |bi: usize| {
                (!by_id || before[bi].0 == after[ai].0) && (!by_name || nb[bi] == na[ai])
            };
            if let Some(bi) = (0..before.len()).find(|&bi| !taken[bi] && same(bi)) {
                taken[bi] = true;
                of_after[ai] = Some((bi, how));
            }
        }
    }
    let mut out: Vec<_> = of_after
        .iter()
        .enumerate()
        .map(|(ai, m)| (m.map(|(bi, _)| bi), Some(ai), m.map(|(_, how)| how)))
        .collect();
    out.extend((0..before.len()).filter(|&bi| !taken[bi]).map(|bi| (Some(bi), None, None)));
    out
}

/// Normalised name for pairing: lowercase, trimmed, inner whitespace collapsed.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
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

fn named(id: &str, name: &str) -> Named {
    Named { id: id.to_string(), name: name.to_string() }
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
    let parts: Vec<Ratio> = match ins.scoring.method {
        Method::DimensionPoints => units.iter().filter_map(|u| u.sections[s].points).collect(),
        Method::Fulfilment => units
            .iter()
            .flat_map(|u| u.products.iter())
            .filter_map(|p| p.sections[s].fraction.map(|f| f * Ratio::int(100)))
            .collect(),
    };
    Ratio::mean(&parts)
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
