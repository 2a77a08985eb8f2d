//! The points each indicator row earns on its unit's score, read from the report model's rows: the
//! unit score is linear in the points of each answer (docs/SCORING.md §What to fix first), so it
//! is exactly the sum of these shares, and a spreadsheet sum over a unit's indicator rows gives it
//! back (docs/FORMAT.md §CSV export).
//!
//! - ori-2016 (sections without maximum points): a product scores 100 × points ÷ maximum over its
//!   applicable indicators and the unit is the mean of its scored products, so one point of a
//!   row weighs 100 ÷ (maximum of the product × scored products), summed over the products a
//!   unit-wide answer counts for (docs/SCORING.md §ori-2016).
//! - ori-2022 and ori-2025 (dimensions with maximum points): a dimension earns its maximum × the
//!   mean over products of points ÷ maximum in the dimension, so one point weighs the dimension
//!   maximum ÷ (maximum of the product in the dimension × products in the mean)
//!   (docs/SCORING.md §ori-2022). Under ori-2025 the Output and public-trust parts are not
//!   indicators: their points are in the unit's section rows.
//!
//! Written to four decimals, the shares are rounded as a group so that they add up to the
//! figure the screen shows: each dimension of a unit (ori-2022, ori-2025) or the unit score
//! (ori-2016). Each written share is its exact value rounded down or up, never further off.

use std::collections::BTreeMap;

use crate::exact::{Hundredths, Ratio};
use crate::instrument::Lang;
use crate::report::{IndicatorRow, ProductReport, UnitReport};

/// What one indicator row earns on its unit's score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Earned {
    /// Points earned on the unit score, exactly (an unanswered indicator earns 0).
    pub points: Ratio,
    /// Points at the top of the scale, exactly.
    pub max: Ratio,
    /// The points as written, in ten-thousandths, rounded with the rest of their group.
    pub shown: u64,
    /// The maximum as written, in ten-thousandths (equal to `shown` when the answer is the top).
    pub shown_max: u64,
}

/// The shares of one unit: its unit-wide rows, then each product's rows, in the model's order;
/// `None` for a row that is not applicable or counts for no scored product.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitPoints {
    /// One per row of `UnitReport::indicators`.
    pub unit: Vec<Option<Earned>>,
    /// One list per product, one per row of `ProductReport::indicators`.
    pub products: Vec<Vec<Option<Earned>>>,
}

/// The maximum over the applicable rows of each product: per section, and over all sections.
struct Possible<'a> {
    by_section: Vec<BTreeMap<&'a str, u128>>,
    all: Vec<u128>,
}

impl<'a> Possible<'a> {
    fn of(u: &'a UnitReport) -> Possible<'a> {
        let mut by_section = Vec::with_capacity(u.products.len());
        let mut all = Vec::with_capacity(u.products.len());
        for p in &u.products {
            let mut m: BTreeMap<&str, u128> = BTreeMap::new();
            for r in u.indicators.iter().chain(&p.indicators) {
                *m.entry(r.section_id.as_str()).or_default() +=
                    u128::from(r.max_points.unwrap_or(0));
            }
            all.push(m.values().sum());
            by_section.push(m);
        }
        Possible { by_section, all }
    }

    /// The maximum of product `p` in `section`, or over everything when `section` is `None`.
    fn get(&self, p: usize, section: Option<&str>) -> u128 {
        match section {
            Some(s) => self.by_section[p].get(s).copied().unwrap_or(0),
            None => self.all[p],
        }
    }
}

/// The weight of one point of `row` on the unit score, answered for the products `at`.
fn per_point(u: &UnitReport, possible: &Possible<'_>, row: &IndicatorRow, at: &[usize]) -> Ratio {
    let dimension = u
        .sections
        .iter()
        .find(|s| s.id == row.section_id)
        .and_then(|s| s.max_points.as_ref())
        .map(|m| m.value.ratio());
    let (scale, section) = match dimension {
        Some(max) => (max, Some(row.section_id.as_str())),
        None => (Ratio::int(100), None),
    };
    let counted = (0..u.products.len()).filter(|&p| possible.get(p, section) > 0).count() as u128;
    at.iter()
        .map(|&p| possible.get(p, section))
        .filter(|&m| m > 0)
        .fold(Ratio::ZERO, |acc, m| acc + scale * Ratio::new(1, m * counted).unwrap_or(Ratio::ZERO))
}

fn earned(
    u: &UnitReport,
    possible: &Possible<'_>,
    row: &IndicatorRow,
    at: &[usize],
) -> Option<Earned> {
    let (points, max) = (row.points?, row.max_points?);
    if at.iter().all(|&p| possible.get(p, None) == 0) {
        return None;
    }
    let w = per_point(u, possible, row, at);
    let (points, max) = (w * Ratio::int(u128::from(points)), w * Ratio::int(u128::from(max)));
    Some(Earned { points, max, shown: 0, shown_max: 0 })
}

/// The share of the unit score of every indicator row of a unit (see the module's rules).
pub fn unit_points(u: &UnitReport) -> UnitPoints {
    let possible = Possible::of(u);
    let every: Vec<usize> = (0..u.products.len()).collect();
    let products = u
        .products
        .iter()
        .enumerate()
        .map(|(i, p): (usize, &ProductReport)| {
            p.indicators.iter().map(|row| earned(u, &possible, row, &[i])).collect()
        })
        .collect();
    let mut out = UnitPoints {
        unit: u.indicators.iter().map(|row| earned(u, &possible, row, &every)).collect(),
        products,
    };
    write_groups(u, &mut out);
    out
}

/// Rounds each group of shares to ten-thousandths: a dimension of the unit, with the dimension's
/// figure as its total, or the whole unit, with the unit score.
fn write_groups(u: &UnitReport, out: &mut UnitPoints) {
    let rows: Vec<&IndicatorRow> =
        u.indicators.iter().chain(u.products.iter().flat_map(|p| &p.indicators)).collect();
    let mut cells: Vec<&mut Option<Earned>> =
        out.unit.iter_mut().chain(out.products.iter_mut().flatten()).collect();
    let dimensions: Vec<_> = u.sections.iter().filter(|s| s.max_points.is_some()).collect();
    let groups: Vec<(Option<&str>, Option<Hundredths>)> = if dimensions.is_empty() {
        vec![(None, u.score.as_ref().map(|f| f.value))]
    } else {
        dimensions
            .iter()
            .map(|s| (Some(s.id.as_str()), s.points.as_ref().map(|f| f.value)))
            .collect()
    };
    for (section, total) in groups {
        let mine: Vec<usize> = (0..rows.len())
            .filter(|&k| section.is_none() || section == Some(rows[k].section_id.as_str()))
            .filter(|&k| cells[k].is_some())
            .collect();
        let exact: Vec<Ratio> = mine.iter().filter_map(|&k| cells[k].map(|e| e.points)).collect();
        for (&k, shown) in mine.iter().zip(apportion(&exact, total)) {
            if let Some(e) = cells[k].as_mut() {
                e.shown = shown;
                e.shown_max = if e.points == e.max { shown } else { round4(e.max) };
            }
        }
    }
}

fn floor4(r: Ratio) -> u64 {
    u64::try_from(r.num().saturating_mul(10_000) / r.den().max(1)).unwrap_or(u64::MAX)
}

fn round4(r: Ratio) -> u64 {
    let den = r.den().max(1);
    let n = r.num().saturating_mul(20_000).saturating_add(den) / den.saturating_mul(2);
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// Each share rounded down or up to ten-thousandths so that together they make their exact sum
/// rounded to four decimals — kept, when the figure on screen is given, within what rounds to it
/// — the largest remainders rounded up (ties in row order).
fn apportion(shares: &[Ratio], figure: Option<Hundredths>) -> Vec<u64> {
    let mut out: Vec<u64> = shares.iter().map(|&c| floor4(c)).collect();
    let sum = round4(shares.iter().fold(Ratio::ZERO, |a, &c| a + c));
    let target = match figure {
        Some(h) => {
            let centre = u64::from(h.0) * 100;
            sum.clamp(centre.saturating_sub(50), centre + 49)
        }
        None => sum,
    };
    let remainder = |c: Ratio| {
        let den = c.den().max(1);
        Ratio::new(c.num().saturating_mul(10_000) % den, den).unwrap_or(Ratio::ZERO)
    };
    let mut order: Vec<usize> =
        (0..shares.len()).filter(|&k| remainder(shares[k]) > Ratio::ZERO).collect();
    crate::order::sort_by(&mut order, |&a, &b| remainder(shares[b]).cmp(&remainder(shares[a])));
    let need = usize::try_from(target.saturating_sub(out.iter().sum())).unwrap_or(0);
    for &k in order.iter().take(need) {
        out[k] += 1;
    }
    out
}

/// A share in ten-thousandths written to four decimals in the report language ("1,4567"): enough
/// that the rows of a unit add up to the two-decimal figures of the screen (docs/FORMAT.md §CSV
/// export).
pub fn text(ten_thousandths: u64, lang: Lang) -> String {
    let sep = match lang {
        Lang::Id => ',',
        Lang::En => '.',
    };
    format!("{}{sep}{:04}", ten_thousandths / 10_000, ten_thousandths % 10_000)
}
