//! Exact arithmetic for scores: rationals over `u128`, rounded half-up to two decimals exactly
//! once.
//!
//! Rule (docs/SCORING.md §Common rules, docs/SOURCES.md §Design choices): keep arithmetic exact,
//! round half-up to 2 decimals once, then compare with the band minimums in hundredths, so a score
//! on an edge (50.99/51.00…) can't flip.

use std::cmp::Ordering;
use std::fmt;

/// A non-negative exact fraction `num / den` (always reduced, `den > 0`); no floats
/// (docs/SOURCES.md §Design choices).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ratio {
    num: u128,
    den: u128,
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Ratio {
    /// Zero; the score of nothing fulfilled (docs/SOURCES.md §Weights 2016–2021 fulfilment
    /// percentage).
    pub const ZERO: Ratio = Ratio { num: 0, den: 1 };

    /// `num / den`, reduced; `None` when `den == 0` (no applicable indicator: no score,
    /// docs/SCORING.md §Common rules).
    pub fn new(num: u128, den: u128) -> Option<Ratio> {
        if den == 0 {
            return None;
        }
        let g = gcd(num, den).max(1);
        Some(Ratio { num: num / g, den: den / g })
    }

    /// A whole number (used for the maximum points of a dimension, docs/SOURCES.md §Scale
    /// 2022–2024).
    pub fn int(n: u128) -> Ratio {
        Ratio { num: n, den: 1 }
    }

    /// A two-decimal figure given in hundredths, e.g. `from_hundredths(2185)` = 21.85
    /// (docs/SOURCES.md §Dimensions 2022–2024).
    pub fn from_hundredths(h: u32) -> Ratio {
        Ratio::new(u128::from(h), 100).unwrap_or(Ratio::ZERO)
    }

    /// Numerator of the reduced fraction.
    pub fn num(self) -> u128 {
        self.num
    }

    /// Denominator of the reduced fraction.
    pub fn den(self) -> u128 {
        self.den
    }

    /// Exact sum (unit score = Σ dimension points, docs/SOURCES.md §Scale 2022–2024).
    fn sum2(self, o: Ratio) -> Ratio {
        let g = gcd(self.den, o.den).max(1);
        let den = self.den / g * o.den;
        let num = self.num * (o.den / g) + o.num * (self.den / g);
        Ratio::new(num, den).unwrap_or(Ratio::ZERO)
    }

    /// Exact product (points = dimension maximum × fulfilment fraction, docs/SOURCES.md §Scale
    /// 2022–2024).
    fn product(self, o: Ratio) -> Ratio {
        let g1 = gcd(self.num, o.den).max(1);
        let g2 = gcd(o.num, self.den).max(1);
        Ratio::new((self.num / g1) * (o.num / g2), (self.den / g2) * (o.den / g1))
            .unwrap_or(Ratio::ZERO)
    }

    /// Exact arithmetic mean; `None` for an empty list (simple mean, docs/SOURCES.md §Aggregation
    /// 2022–2024 and §Aggregation 2016–2021).
    pub fn mean(items: &[Ratio]) -> Option<Ratio> {
        let n = u128::try_from(items.len()).ok()?;
        if n == 0 {
            return None;
        }
        let sum = items.iter().fold(Ratio::ZERO, |a, b| a + *b);
        Ratio::new(sum.num, sum.den * n)
    }

    /// Rounded half-up to two decimals, once (docs/SCORING.md §Common rules).
    pub fn round2(self) -> Hundredths {
        let h = (self.num * 100 * 2 + self.den) / (self.den * 2);
        Hundredths(u32::try_from(h).unwrap_or(u32::MAX))
    }
}

impl Ratio {
    /// |self − other| exactly; split into whole and fractional parts so that only the fractional
    /// parts' denominators multiply (no overflow while each denominator stays below 2^64, far
    /// beyond any score of this crate). Used for the signed changes of the comparison.
    pub fn abs_diff(self, other: Ratio) -> Ratio {
        let (hi, lo) = if self < other { (other, self) } else { (self, other) };
        let (qh, rh, dh) = (hi.num / hi.den, hi.num % hi.den, hi.den);
        let (ql, rl, dl) = (lo.num / lo.den, lo.num % lo.den, lo.den);
        let g = gcd(dh, dl).max(1);
        let den = (dh / g).saturating_mul(dl);
        let x = rh.saturating_mul(dl / g);
        let y = rl.saturating_mul(dh / g);
        // hi ≥ lo: either qh > ql, or qh == ql and x ≥ y.
        let whole = qh - ql;
        let num = whole.saturating_mul(den).saturating_add(x);
        Ratio::new(num.saturating_sub(y), den).unwrap_or(Ratio::ZERO)
    }
}

/// Exact order of two fractions without overflow: the continued-fraction expansions are compared
/// term by term, so no numerator is ever multiplied by the other denominator (which overflows
/// `u128` for large denominators). Every ranking and comparison of exact scores uses it.
impl Ord for Ratio {
    fn cmp(&self, other: &Ratio) -> Ordering {
        let (mut an, mut ad, mut bn, mut bd) = (self.num, self.den, other.num, other.den);
        let mut flip = false;
        loop {
            let (qa, qb) = (an / ad, bn / bd);
            if qa != qb {
                let o = qa.cmp(&qb);
                return if flip { o.reverse() } else { o };
            }
            let (ra, rb) = (an % ad, bn % bd);
            match (ra == 0, rb == 0) {
                (true, true) => return Ordering::Equal,
                (true, false) => return if flip { Ordering::Greater } else { Ordering::Less },
                (false, true) => return if flip { Ordering::Less } else { Ordering::Greater },
                (false, false) => {
                    // a' = ad/ra, b' = bd/rb: comparing the reciprocals reverses the order.
                    (an, ad, bn, bd) = (ad, ra, bd, rb);
                    flip = !flip;
                }
            }
        }
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Ratio) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl std::ops::Add for Ratio {
    type Output = Ratio;
    /// Exact sum (unit score = Σ dimension points, docs/SOURCES.md §Scale 2022–2024).
    fn add(self, o: Ratio) -> Ratio {
        self.sum2(o)
    }
}

impl std::ops::Mul for Ratio {
    type Output = Ratio;
    /// Exact product (points = dimension maximum × fulfilment, docs/SOURCES.md §Scale 2022–2024).
    fn mul(self, o: Ratio) -> Ratio {
        self.product(o)
    }
}

/// A score rounded to two decimals, held as an integer count of hundredths (49.85 → 4985).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Hundredths(pub u32);

impl Hundredths {
    /// Indonesian number format, comma decimal: 4985 → "49,85" (result display).
    pub fn id(self) -> String {
        format!("{},{:02}", self.0 / 100, self.0 % 100)
    }

    /// English number format, point decimal: 4985 → "49.85".
    pub fn en(self) -> String {
        format!("{}.{:02}", self.0 / 100, self.0 % 100)
    }

    /// Parses "49.85", "49,85", "49.8" or "49" into hundredths; `None` for anything else.
    pub fn parse(s: &str) -> Option<Hundredths> {
        let s = s.trim();
        let (int, frac) = match s.find(['.', ',']) {
            Some(i) => (&s[..i], &s[i + 1..]),
            None => (s, ""),
        };
        if int.is_empty()
            || frac.len() > 2
            || !(int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let i: u32 = int.parse().ok()?;
        let f: u32 = if frac.is_empty() {
            0
        } else {
            frac.parse::<u32>().ok()? * if frac.len() == 1 { 10 } else { 1 }
        };
        i.checked_mul(100)?.checked_add(f).map(Hundredths)
    }

    /// As an exact ratio (for aggregating published two-decimal figures, docs/SOURCES.md
    /// §Aggregation 2022–2024).
    pub fn ratio(self) -> Ratio {
        Ratio::from_hundredths(self.0)
    }
}

impl fmt::Display for Hundredths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_up_once() {
        assert_eq!(Ratio::new(50995, 1000).unwrap().round2(), Hundredths(5100));
        assert_eq!(Ratio::new(50994, 1000).unwrap().round2(), Hundredths(5099));
        assert_eq!(Ratio::new(2, 3).unwrap().round2(), Hundredths(67));
    }

    #[test]
    fn formats_both_languages() {
        assert_eq!(Hundredths(4985).id(), "49,85");
        assert_eq!(Hundredths(10000).en(), "100.00");
        assert_eq!(Hundredths(5).id(), "0,05");
    }

    #[test]
    fn parses_two_decimal_figures() {
        assert_eq!(Hundredths::parse("49,85"), Some(Hundredths(4985)));
        assert_eq!(Hundredths::parse("8.7"), Some(Hundredths(870)));
        assert_eq!(Hundredths::parse("21"), Some(Hundredths(2100)));
        assert_eq!(Hundredths::parse("1.234"), None);
        assert_eq!(Hundredths::parse("-1"), None);
        assert_eq!(Hundredths::parse(""), None);
    }
}
