//! How many files the recap counts and whether the pemda score is final or provisional
//! ("sementara"): one count and one rule for the recap screen and every recap file
//! (docs/SCORING.md §Pemda recap).

use super::OpdRow;

/// The files of a recap: chosen = read + refused (docs/SCORING.md §Pemda recap).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FileCounts {
    /// Files the user chose.
    pub chosen: usize,
    /// Files read (each is one OPD row of a group).
    pub read: usize,
    /// Files that could not be read (each listed with its reason in `Recap::errors`).
    pub refused: usize,
}

/// Why a pemda score is provisional (docs/SCORING.md §Pemda recap).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Indicators still unanswered in files that were read: they count as unmet, so the score is a
    /// floor (docs/SCORING.md §Common rules).
    Unanswered {
        /// Unanswered indicator places over the group's files.
        indicators: u32,
        /// Files of the group with at least one unanswered place.
        files: usize,
    },
    /// Chosen files that could not be read: their units are not in the mean of all units
    /// (docs/SCORING.md §Pemda recap).
    Unreadable {
        /// How many.
        files: usize,
    },
}

/// Final or provisional, with every reason (docs/SCORING.md §Pemda recap).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Status {
    /// Why the score is provisional, unanswered first; empty when it is final.
    pub reasons: Vec<Reason>,
}

impl Status {
    /// True while there is a reason: the pemda score is "sementara" (docs/SCORING.md §Pemda
    /// recap).
    pub fn provisional(&self) -> bool {
        !self.reasons.is_empty()
    }
}

/// THE rule (docs/SCORING.md §Pemda recap): a pemda score is provisional while an indicator of a
/// file that was read is unanswered, or while a chosen file could not be read; it is final only
/// when every chosen file was read and every indicator in them answered.
pub fn pemda_status(opds: &[OpdRow], refused: usize) -> Status {
    let mut reasons = Vec::new();
    let indicators: u32 = opds.iter().map(|o| o.unanswered).sum();
    if indicators > 0 {
        let files = opds.iter().filter(|o| o.unanswered > 0).count();
        reasons.push(Reason::Unanswered { indicators, files });
    }
    if refused > 0 {
        reasons.push(Reason::Unreadable { files: refused });
    }
    Status { reasons }
}
