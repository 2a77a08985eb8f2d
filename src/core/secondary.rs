//! The Output dimension of the 2025 opinion as secondary data (docs/SCORING.md §Output): IPM
//! (BPS), SPM achievement (Kemendagri), IKM (KemenPANRB) and national-priority achievement
//! (Bappenas), typed in per service unit with their source and year.

use crate::assessment::Unit;
use crate::exact::{Hundredths, Ratio};
use crate::instrument::OutputRules;

/// One typed figure with where it comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutputFigure {
    /// The figure as a two-decimal number, `"72.50"` (empty while not typed).
    pub value: String,
    /// Where it was read (document, page, link).
    pub source: String,
    /// The year of the figure.
    pub year: String,
    /// "Tidak berlaku": the figure does not apply to this body (it leaves the mean).
    pub not_applicable: bool,
}

impl OutputFigure {
    /// The value, if typed and valid (0–100, two decimals at most).
    pub fn value(&self) -> Option<Hundredths> {
        Hundredths::parse(&self.value).filter(|h| h.0 <= 10000)
    }

    /// True when nothing is recorded, so the figure can be dropped from the file.
    pub fn is_empty(&self) -> bool {
        *self == OutputFigure::default()
    }

    /// True when the figure counts as given: a value, or "Tidak berlaku".
    pub fn given(&self) -> bool {
        self.not_applicable || self.value().is_some()
    }
}

/// Output fulfilment of a unit: the mean of its applicable figures as shares of 100, a figure not
/// typed counting 0 (assumed, docs/SCORING.md §Output); `None` when every figure is "Tidak berlaku".
pub fn unit_fraction(rules: &OutputRules, u: &Unit) -> Option<Ratio> {
    let parts: Vec<Ratio> = rules
        .figures
        .iter()
        .filter_map(|f| match u.output.get(&f.id) {
            Some(x) if x.not_applicable => None,
            Some(x) => Some(x.value().map_or(Ratio::ZERO, share)),
            None => Some(Ratio::ZERO),
        })
        .collect();
    Ratio::mean(&parts)
}

/// A 0–100 figure as a share of 100.
fn share(h: Hundredths) -> Ratio {
    Ratio::new(u128::from(h.0), 10000).unwrap_or(Ratio::ZERO)
}

/// Figures typed but not a valid 0–100 number (and not "Tidak berlaku"): they count 0 like a
/// figure not typed, and the result calls them invalid, not missing (docs/SCORING.md §Output).
pub fn invalid(rules: &OutputRules, u: &Unit) -> u32 {
    let bad = |x: &OutputFigure| !x.not_applicable && !x.value.is_empty() && x.value().is_none();
    rules.figures.iter().filter(|f| u.output.get(&f.id).is_some_and(bad)).count() as u32
}

/// Figures given (typed or "Tidak berlaku") out of all figures, for the unit's completeness.
pub fn given(rules: &OutputRules, u: &Unit) -> (u32, u32) {
    let n = rules.figures.iter().filter(|f| u.output.get(&f.id).is_some_and(|x| x.given()));
    (n.count() as u32, rules.figures.len() as u32)
}
