//! Sorting the recap tables by OPD name, score or zone (the recap screen's "Urutkan").

use std::cmp::Ordering;

use super::{normalise_opd, Mark, OpdRow, UnitLine};
use crate::exact::Ratio;

/// Compares optional ratios, `None` last in both directions.
pub(super) fn cmp_opt(a: Option<Ratio>, b: Option<Ratio>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => {
            let o = a.cmp(&b);
            if descending {
                o.reverse()
            } else {
                o
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// A column of the recap table to sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// OPD name (normalised, so case and punctuation do not matter), then unit name.
    Opd,
    /// Exact score; rows without a score last.
    Score,
    /// Band (hitam/merah lowest … hijau A highest), then score; rows without a score last.
    Zone,
}

fn cmp_marks(a: Option<&Mark>, b: Option<&Mark>, key: SortKey, desc: bool) -> Ordering {
    let by_band = match (key, a, b) {
        (SortKey::Zone, Some(x), Some(y)) => {
            if desc {
                y.band.cmp(&x.band)
            } else {
                x.band.cmp(&y.band)
            }
        }
        _ => Ordering::Equal,
    };
    by_band.then_with(|| cmp_opt(a.map(|m| m.exact), b.map(|m| m.exact), desc))
}

fn cmp_names(a: &str, b: &str, desc: bool) -> Ordering {
    let o = normalise_opd(a).cmp(&normalise_opd(b));
    if desc {
        o.reverse()
    } else {
        o
    }
}

/// Sorts OPD rows by a column; ties keep OPD name order, then input order.
pub fn sort_opds(rows: &mut [OpdRow], key: SortKey, descending: bool) {
    crate::order::sort_by(rows, |a, b| {
        let primary = match key {
            SortKey::Opd => cmp_names(&a.opd, &b.opd, descending),
            SortKey::Score | SortKey::Zone => {
                cmp_marks(a.mark.as_ref(), b.mark.as_ref(), key, descending)
            }
        };
        primary.then_with(|| cmp_names(&a.opd, &b.opd, false)).then(a.file.cmp(&b.file))
    });
}

/// Sorts the flat unit table ([`Group::unit_lines`]) by a column; ties keep OPD, unit and input
/// order.
pub fn sort_unit_lines(rows: &mut [UnitLine<'_>], key: SortKey, descending: bool) {
    crate::order::sort_by(rows, |a, b| {
        let primary = match key {
            SortKey::Opd => cmp_names(&a.opd.opd, &b.opd.opd, descending)
                .then_with(|| cmp_names(&a.unit.name, &b.unit.name, descending)),
            SortKey::Score | SortKey::Zone => {
                cmp_marks(a.unit.mark.as_ref(), b.unit.mark.as_ref(), key, descending)
            }
        };
        primary
            .then_with(|| cmp_names(&a.opd.opd, &b.opd.opd, false))
            .then(a.opd.file.cmp(&b.opd.file))
            .then_with(|| cmp_names(&a.unit.name, &b.unit.name, false))
    });
}
