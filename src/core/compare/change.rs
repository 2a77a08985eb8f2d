//! What changed between two assessments: a signed change of a score rounded once ([`Delta`],
//! [`ScoreChange`]) and the status of an indicator at a place ([`Side`], [`Status`])
//! (docs/SCORING.md §Common rules, docs/SOURCES.md §Design choices).

use std::cmp::Ordering;

use crate::exact::{Hundredths, Ratio};

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
