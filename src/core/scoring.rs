//! Exact scoring, grades, zones and aggregation (docs/SCORING.md §Common rules).
//!
//! - ori-2016 ([`Method::Fulfilment`]): a product scores 100 × points / maximum over its applicable
//!   indicators (docs/SOURCES.md §Weights 2016–2021, equal weights, assumed); a unit's figure is
//!   the mean of its products; the agency (OPD or pemda) score is the mean of **all** product
//!   scores (docs/SOURCES.md §Aggregation 2016–2021).
//! - ori-2022 ([`Method::DimensionPoints`]): each dimension earns its maximum × its fulfilment
//!   (equal weights inside, assumed), the unit score is the sum (docs/SOURCES.md §Scale 2022–2024);
//!   OPD = mean of its units; pemda = mean of **all** units, not of OPD means (docs/SOURCES.md
//!   §Aggregation 2022–2024).
//!
//! Each answer's share of these scores is stated once, in `scoring/shares.rs` (docs/SCORING.md
//! §One model):
//! a unit's score, its dimension points and the OPD or pemda score are summed from it.
//!
//! "Tidak berlaku" leaves the denominator. An unanswered indicator counts as unmet until answered
//! (the Ombudsman credits only what it can see, docs/SOURCES.md §What the Ombudsman observes), so a
//! provisional score is a floor; the count of unanswered indicators is part of every result.

use crate::assessment::{Answer, Assessment, Place, Unit};
use crate::exact::{Hundredths, Ratio};
use crate::instrument::{BandDef, Instrument, Method, Scope};
use crate::{secondary, trust};

mod shares;
pub use shares::{shares, Share, UnitShares};
use shares::{units_in_opd, Weights};

/// Points tallied over some indicators.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Points earned (unanswered count 0).
    pub earned: u32,
    /// Maximum over applicable indicators (not-applicable ones excluded).
    pub possible: u32,
    /// Indicators with an answer (including "Tidak berlaku").
    pub answered: u32,
    /// Indicators in the tally.
    pub total: u32,
    /// Indicators answered "Tidak berlaku".
    pub not_applicable: u32,
}

impl Tally {
    /// Fulfilment `earned / possible`, or `None` when nothing is applicable.
    pub fn fraction(&self) -> Option<Ratio> {
        Ratio::new(u128::from(self.earned), u128::from(self.possible))
    }

    /// Unanswered indicators.
    pub fn unanswered(&self) -> u32 {
        self.total - self.answered
    }

    fn add(&mut self, o: Tally) {
        self.earned += o.earned;
        self.possible += o.possible;
        self.answered += o.answered;
        self.total += o.total;
        self.not_applicable += o.not_applicable;
    }
}

/// A section's figures for a product or a unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionScore {
    /// Section id.
    pub section: String,
    /// Points over the section (for a unit: summed over its products for product-scope parts).
    pub tally: Tally,
    /// Fulfilment of the section (for a unit under ori-2022: the mean over its products).
    pub fraction: Option<Ratio>,
    /// Dimension points earned (ori-2022 only): maximum × fulfilment (docs/SOURCES.md §Scale
    /// 2022–2024).
    pub points: Option<Ratio>,
}

/// The result of one service product.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProductResult {
    /// Product id.
    pub product: String,
    /// Exact score (ori-2016 only; under ori-2022 products are not scored on their own).
    pub exact: Option<Ratio>,
    /// Per section, in instrument order.
    pub sections: Vec<SectionScore>,
    /// All indicators of the product, unit-wide ones included.
    pub tally: Tally,
}

/// The result of one service unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitResult {
    /// Unit id.
    pub unit: String,
    /// Exact score: mean of products (ori-2016) or sum of dimension points (ori-2022).
    pub exact: Option<Ratio>,
    /// Per section, in instrument order.
    pub sections: Vec<SectionScore>,
    /// Per product, in order.
    pub products: Vec<ProductResult>,
    /// The parts measured outside the walk (opinion instruments: Output figures and public trust,
    /// docs/SCORING.md §ori-2025), in that order; empty for other instruments.
    pub parts: Vec<SectionScore>,
    /// Every indicator answer place of the unit (unit-wide entries counted once), plus each
    /// Output figure and each product's trust survey as one place.
    pub tally: Tally,
}

/// A score with its band, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band<'a> {
    /// Score rounded half-up to two decimals, once.
    pub score: Hundredths,
    /// The band it falls in.
    pub def: &'a BandDef,
}

/// The result of a whole assessment (one OPD).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssessmentResult {
    /// Per unit, in order.
    pub units: Vec<UnitResult>,
    /// Exact OPD score by the instrument's rule; `None` when nothing can be scored.
    pub exact: Option<Ratio>,
    /// Unanswered indicator places (unit-wide ones counted once per unit).
    pub unanswered: u32,
    /// All indicator places.
    pub total: u32,
}

impl AssessmentResult {
    /// True while anything is unanswered: the result is "sementara" (docs/SCORING.md §Common
    /// rules).
    pub fn provisional(&self) -> bool {
        self.unanswered > 0
    }

    /// The rounded score and its band.
    pub fn band<'a>(&self, ins: &'a Instrument) -> Option<Band<'a>> {
        self.exact.map(|e| band(ins, e))
    }
}

/// Rounds once and finds the band (`>=` on two-decimal values, docs/SOURCES.md §Design choices).
pub fn band(ins: &Instrument, exact: Ratio) -> Band<'_> {
    let score = exact.round2();
    Band { score, def: ins.band(score) }
}

/// What an answer counts for: the one rule from an answer to points (docs/SCORING.md §Common
/// rules); scoring, the report, the gaps, the comparison and the recap all ask it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Credit {
    /// Not answered yet: counts as 0 of the maximum until answered (a provisional floor).
    Unanswered,
    /// "Tidak berlaku": leaves the denominator.
    NotApplicable,
    /// Answered with an option of the scale: its points (0 for a value the scale does not have,
    /// which `persist::validate` refuses before anything is scored).
    Points(u32),
}

impl Credit {
    /// The points that count toward the score: 0 while unanswered, `None` when not applicable.
    pub fn counted(self) -> Option<u32> {
        match self {
            Credit::Unanswered => Some(0),
            Credit::NotApplicable => None,
            Credit::Points(p) => Some(p),
        }
    }

    /// The points of an answer given; `None` when unanswered or not applicable.
    pub fn given(self) -> Option<u32> {
        match self {
            Credit::Points(p) => Some(p),
            _ => None,
        }
    }
}

/// The [`Credit`] of an answer under the instrument's scale.
pub fn credit(ins: &Instrument, a: Option<&Answer>) -> Credit {
    match a {
        None => Credit::Unanswered,
        Some(Answer::NotApplicable) => Credit::NotApplicable,
        Some(Answer::Value(v)) => Credit::Points(ins.points(v).unwrap_or(0)),
    }
}

fn answer_points(ins: &Instrument, a: Option<&Answer>) -> (Option<u32>, bool) {
    let c = credit(ins, a);
    (c.counted(), c != Credit::Unanswered)
}

/// Tallies a section for one product, taking unit-wide answers from the unit.
fn section_tally(
    ins: &Instrument,
    sec: usize,
    unit: &Unit,
    product: usize,
    only: Option<Scope>,
) -> Tally {
    let mut t = Tally::default();
    let p = &unit.products[product];
    for i in &ins.sections[sec].indicators {
        if only.is_some_and(|s| s != i.scope) {
            continue;
        }
        let e = match i.scope {
            Scope::Unit => unit.answers.get(&i.id),
            Scope::Product => p.answers.get(&i.id),
        };
        let (points, answered) = answer_points(ins, e.and_then(|e| e.answer.as_ref()));
        t.total += 1;
        t.answered += u32::from(answered);
        match points {
            Some(pt) => {
                t.earned += pt;
                t.possible += ins.scale.max;
            }
            None => t.not_applicable += 1,
        }
    }
    t
}

fn product_result(ins: &Instrument, unit: &Unit, product: usize) -> ProductResult {
    let mut all = Tally::default();
    let sections = (0..ins.sections.len())
        .map(|s| {
            let t = section_tally(ins, s, unit, product, None);
            all.add(t);
            SectionScore {
                section: ins.sections[s].id.clone(),
                tally: t,
                fraction: t.fraction(),
                points: None,
            }
        })
        .collect();
    let exact = match ins.scoring.method {
        Method::Fulfilment => all.fraction().map(|f| f * Ratio::int(100)),
        Method::DimensionPoints => None,
    };
    ProductResult { product: unit.products[product].id.clone(), exact, sections, tally: all }
}

/// Scores one unit by the instrument's method.
pub fn unit_result(ins: &Instrument, unit: &Unit) -> UnitResult {
    let products: Vec<ProductResult> =
        (0..unit.products.len()).map(|p| product_result(ins, unit, p)).collect();
    // Unit-wide entries are counted once per unit, product entries once per product.
    let mut tally = Tally::default();
    for s in 0..ins.sections.len() {
        for p in 0..unit.products.len() {
            tally.add(section_tally(ins, s, unit, p, Some(Scope::Product)));
        }
        if !unit.products.is_empty() {
            tally.add(section_tally(ins, s, unit, 0, Some(Scope::Unit)));
        }
    }
    // What each answer earns on the unit's score: the one rule of `shares`.
    let weights = Weights::of(ins, &products);
    let mut sections = Vec::with_capacity(ins.sections.len());
    let mut sum = Some(Ratio::ZERO);
    let mut mean = None;
    for (s, sec) in ins.sections.iter().enumerate() {
        let mut t = Tally::default();
        for p in &products {
            t.add(p.sections[s].tally);
        }
        // Section fulfilment of a unit = mean over its products (equal for unit-wide sections).
        let fracs: Vec<Ratio> = products.iter().filter_map(|p| p.sections[s].fraction).collect();
        let fraction = Ratio::mean(&fracs);
        let earned = weights.earned(&products, s);
        let points = match ins.scoring.method {
            Method::DimensionPoints => {
                sum = sum.zip(earned).map(|(a, b)| a + b);
                earned
            }
            // ori-2016: the mean of the products is the sum of every section's earned share.
            Method::Fulfilment => {
                mean = match (mean, earned) {
                    (Some(a), Some(b)) => Some(a + b),
                    (a, b) => a.or(b),
                };
                None
            }
        };
        sections.push(SectionScore { section: sec.id.clone(), tally: t, fraction, points });
    }
    let parts = opinion_parts(ins, unit);
    for p in &parts {
        tally.add(p.tally);
        sum = match (sum, p.points) {
            (Some(a), Some(b)) => Some(a + b),
            _ => None,
        };
    }
    let exact = match ins.scoring.method {
        Method::Fulfilment => mean,
        Method::DimensionPoints => sum,
    };
    UnitResult { unit: unit.id.clone(), exact, sections, products, parts, tally }
}

/// The Output and public-trust parts of a unit under an opinion instrument: points = maximum ×
/// fulfilment (docs/SCORING.md §Output, §Public trust). An Output figure counts as one place,
/// given when typed or "Tidak berlaku"; a product's survey as one place, done at the target.
fn opinion_parts(ins: &Instrument, unit: &Unit) -> Vec<SectionScore> {
    let Some(o) = &ins.opinion else {
        return Vec::new();
    };
    let part =
        |id: &str, max: u32, fraction: Option<Ratio>, (answered, total): (u32, u32)| SectionScore {
            section: id.to_string(),
            tally: Tally { answered, total, ..Tally::default() },
            fraction,
            points: fraction.map(|f| Ratio::from_hundredths(max) * f),
        };
    let done = unit.products.iter().filter(|p| trust::complete(&o.trust, p)).count() as u32;
    vec![
        part(
            PART_OUTPUT,
            o.output.max_points,
            secondary::unit_fraction(&o.output, unit),
            secondary::given(&o.output, unit),
        ),
        part(
            PART_TRUST,
            o.trust.max_points,
            trust::unit_fraction(&o.trust, unit),
            (done, unit.products.len() as u32),
        ),
    ]
}

/// Section id of the Output part of an opinion instrument (docs/SCORING.md §Output).
pub const PART_OUTPUT: &str = "output";
/// Section id of the public-trust part of an opinion instrument (docs/SCORING.md §Public trust).
pub const PART_TRUST: &str = "kepercayaan";

/// Scores a whole assessment: OPD = mean of all products (ori-2016) or of its units (ori-2022).
pub fn assess(ins: &Instrument, a: &Assessment) -> AssessmentResult {
    let units: Vec<UnitResult> = a.units.iter().map(|u| unit_result(ins, u)).collect();
    let exact = aggregate(ins, &units);
    let unanswered = units.iter().map(|u| u.tally.unanswered()).sum();
    let total = units.iter().map(|u| u.tally.total).sum();
    AssessmentResult { units, exact, unanswered, total }
}

/// Aggregates unit results by the instrument's rule: the mean of all product scores (ori-2016,
/// docs/SOURCES.md §Aggregation 2016–2021) or of all unit scores (ori-2022, §Aggregation
/// 2022–2024). Used for one OPD and, with the units of many OPDs, for a pemda (never a mean of OPD
/// means).
pub fn aggregate(ins: &Instrument, units: &[UnitResult]) -> Option<Ratio> {
    units
        .iter()
        .zip(units_in_opd(ins, units))
        .filter_map(|(u, w)| u.exact.map(|e| e * w))
        .reduce(|a, b| a + b)
}

/// A section's fulfilment and dimension points for an OPD (or, with the units of many OPDs, a
/// pemda): the mean over all products (ori-2016) or all units (ori-2022, ori-2025), like the score
/// (docs/SCORING.md §ori-2016, §ori-2022).
pub fn opd_section(
    ins: &Instrument,
    units: &[UnitResult],
    s: usize,
) -> (Option<Ratio>, Option<Ratio>) {
    let parts: Vec<&SectionScore> = match ins.scoring.method {
        Method::Fulfilment => {
            units.iter().flat_map(|u| &u.products).filter_map(|p| p.sections.get(s)).collect()
        }
        Method::DimensionPoints => units.iter().filter_map(|u| u.sections.get(s)).collect(),
    };
    let mean = |f: fn(&SectionScore) -> Option<Ratio>| {
        Ratio::mean(&parts.iter().filter_map(|p| f(p)).collect::<Vec<_>>())
    };
    (mean(|x| x.fraction), mean(|x| x.points))
}

/// A unit score from published dimension points, e.g. 8.72 + 10.76 + 20.76 + 9.61 = 49.85
/// (Puskesmas Watdek 2023, docs/SOURCES.md §Scale 2022–2024).
pub fn sum_points(points: &[Hundredths]) -> Ratio {
    points.iter().fold(Ratio::ZERO, |a, p| a + p.ratio())
}

/// The place of the first product of a unit, for unit-wide lookups.
pub fn first_place(u: &Unit) -> Option<Place> {
    u.products.first().map(|p| Place { unit: u.id.clone(), product: p.id.clone() })
}
