//! The points each indicator row earns on its unit's score, as the report model carries them
//! (`IndicatorRow::share`, computed once by `scoring::shares`, docs/SCORING.md §One model): the
//! unit score is exactly the sum of these shares, so a spreadsheet sum over a unit's indicator rows
//! gives it back (docs/FORMAT.md §CSV export). Under ori-2022 and ori-2025 a row's share is part of
//! its dimension's points; under ori-2025 the Output and public-trust parts are not indicators:
//! their points are in the unit's section rows.
//!
//! Written to four decimals, the shares are rounded as a group so that they add up to the
//! figure the screen shows: each dimension of a unit (ori-2022, ori-2025) or the unit score
//! (ori-2016). Each written share is its exact value rounded down or up, never further off.

use crate::exact::{Hundredths, Ratio};
use crate::instrument::Lang;
use crate::report::{IndicatorRow, UnitReport};

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

/// The model's share of one row, not yet written.
fn earned(row: &IndicatorRow) -> Option<Earned> {
    let s = row.share?;
    Some(Earned { points: s.unit(), max: s.unit_max(), shown: 0, shown_max: 0 })
}

/// The share of the unit score of every indicator row of a unit, written to four decimals (see
/// the module's rules).
pub fn unit_points(u: &UnitReport) -> UnitPoints {
    let mut out = UnitPoints {
        unit: u.indicators.iter().map(earned).collect(),
        products: u.products.iter().map(|p| p.indicators.iter().map(earned).collect()).collect(),
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
