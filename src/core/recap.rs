//! The pemda recap: many OPD files at once, one table, the pemda score by the instrument's own
//! rule.
//!
//! Each file is opened with [`open::open_text`] (patuh JSON, an HTML report with the file
//! embedded, or an evidence bundle); a bad file is listed with its reason
//! and the rest go on. Files are grouped by instrument. The pemda score is the mean of **all** unit
//! scores (ori-2022 and ori-2025, docs/SOURCES.md §Aggregation 2022–2024) or of **all** product
//! scores (ori-2016, docs/SOURCES.md §Aggregation 2016–2021), via [`scoring::aggregate`] over the
//! units of every file — never a mean of OPD means. How many files were chosen, read and refused,
//! and whether the pemda score is final or provisional, are decided once ([`Recap::files`],
//! [`status::pemda_status`], docs/SCORING.md §Pemda recap) for the screen and every file.
//!
//! Reading and grouping are here; [`group`] builds a group, [`distribution`], [`weak`] and
//! [`sort`] its figures and orders, [`status`] the one count-and-status rule, and [`words`] says it.

use std::collections::BTreeMap;

pub mod distribution;
mod group;
pub mod pemda;
pub mod sort;
pub mod status;
pub mod weak;
pub mod words;

pub use crate::assessment::normalise_opd;
use crate::assessment::Assessment;
use crate::exact::{Hundredths, Ratio};
use crate::instrument::{self, Instrument, Zone};
use crate::open::{self, OpenError};
use crate::persist::DecodeError;
use crate::scoring;
pub use distribution::{BandCount, Distribution, ZoneCount};
pub use pemda::{pemdas, Pemdas};
pub use sort::{sort_opds, sort_unit_lines, SortKey};
pub use status::{pemda_status, FileCounts, Reason, Status};
pub use weak::WeakIndicator;
pub use words::{band_name, counted_text, summary, GroupWords, Listed, SummaryWords};

/// A score with its band, owned (so a recap row needs no borrow of the instrument).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Exact score.
    pub exact: Ratio,
    /// Rounded half-up to two decimals once (docs/SCORING.md §Common rules).
    pub score: Hundredths,
    /// Index of the band in `Instrument::bands` (0 = lowest), for sorting by zone.
    pub band: usize,
    /// Opinion grade (A–E, since 2022), if the instrument has grades.
    pub grade: Option<String>,
    /// The zone.
    pub zone: Zone,
}

impl Mark {
    /// Rounds once and bands by the instrument (`>=` on two-decimal values, docs/SOURCES.md §Design
    /// choices).
    pub fn of(ins: &Instrument, exact: Ratio) -> Mark {
        let b = scoring::band(ins, exact);
        let band = ins.bands.iter().rposition(|d| b.score.0 >= d.min).unwrap_or(0);
        Mark { exact, score: b.score, band, grade: b.def.grade.clone(), zone: b.def.zone }
    }
}

/// The pemda score from published figures: the mean of unit scores (ori-2022, docs/SOURCES.md
/// §Aggregation 2022–2024) or of product scores (ori-2016, §Aggregation 2016–2021), e.g. Maluku
/// Tenggara 2023 → 60,80, C, kuning. `None` for an empty list.
pub fn pemda_from_unit_scores(ins: &Instrument, scores: &[Hundredths]) -> Option<Mark> {
    let parts: Vec<Ratio> = scores.iter().map(|h| h.ratio()).collect();
    Ratio::mean(&parts).map(|m| Mark::of(ins, m))
}

/// A file that could not be read, with its reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    /// Index of the file in the input.
    pub file: usize,
    /// File name as given.
    pub name: String,
    /// Why.
    pub error: OpenError,
}

/// One service product (its own score only under ori-2016, docs/SOURCES.md §Weights 2016–2021).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProductRow {
    /// Product id.
    pub id: String,
    /// Product name.
    pub name: String,
    /// Score, grade, zone (ori-2016 only; `None` under ori-2022 or with nothing applicable).
    pub mark: Option<Mark>,
}

/// One service unit of an OPD.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitRow {
    /// Unit id.
    pub id: String,
    /// Unit name.
    pub name: String,
    /// Score (sum of dimension points, or mean of products for ori-2016), grade, zone.
    pub mark: Option<Mark>,
    /// Unanswered indicator places (the score is provisional, a floor, while > 0).
    pub unanswered: u32,
    /// All indicator places of the unit, counted as `scoring::unit_result` counts them (with the
    /// Output and public-trust places of an opinion instrument, docs/SCORING.md §Opinion), so a
    /// unit's count adds up to its OPD's.
    pub total: u32,
    /// Products, in order.
    pub products: Vec<ProductRow>,
}

/// One OPD file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpdRow {
    /// Index of the file in the input.
    pub file: usize,
    /// File name as given.
    pub file_name: String,
    /// OPD name.
    pub opd: String,
    /// Pemda as typed in the file.
    pub pemda: String,
    /// Assessment period.
    pub period: String,
    /// Assessment date.
    pub date: String,
    /// OPD score by the instrument's rule (`scoring::assess`), grade, zone.
    pub mark: Option<Mark>,
    /// Unanswered indicator places.
    pub unanswered: u32,
    /// All indicator places.
    pub total: u32,
    /// Units, in order.
    pub units: Vec<UnitRow>,
    /// True when another file of the group has the same OPD and period (see [`Duplicate`]).
    pub duplicate: bool,
}

/// What the pemda score and the distribution count (docs/SOURCES.md §Aggregation 2022–2024,
/// §Aggregation 2016–2021).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Counted {
    /// Service units (ori-2022, ori-2025).
    Units,
    /// Service products (ori-2016).
    Products,
}

/// The same OPD more than once: same normalised OPD
/// name, instrument and period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// The OPD name as in the first file.
    pub opd: String,
    /// The period.
    pub period: String,
    /// Input indexes of the files, in input order.
    pub files: Vec<usize>,
}

/// The recap of the files of one instrument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The instrument.
    pub instrument: &'static Instrument,
    /// One row per file, in input order (see [`sort_opds`]).
    pub opds: Vec<OpdRow>,
    /// Pemda score by the instrument's rule over every unit/product of every file
    /// ([`scoring::aggregate`]); duplicates are counted as they are, so check
    /// [`Group::duplicates`].
    pub pemda: Option<Mark>,
    /// Distribution over units (ori-2022/2025) or products (ori-2016).
    pub distribution: Distribution,
    /// Indicators below the maximum somewhere, the fix that lifts the most units/products first.
    pub weakest: Vec<WeakIndicator>,
    /// OPDs that occur more than once.
    pub duplicates: Vec<Duplicate>,
    /// The distinct periods of the files, sorted (more than one: the recap mixes rounds).
    pub periods: Vec<String>,
    /// Unanswered indicator places over all files of the group.
    pub unanswered: u32,
    /// Final or provisional, and why ([`status::pemda_status`], docs/SCORING.md §Pemda recap).
    pub status: Status,
    /// Under an opinion instrument, the pemda's "Tanpa Maladministrasi" qualifier over every
    /// file's register ([`crate::followup::combine`]); `None` otherwise.
    pub qualifier: Option<crate::followup::Qualifier>,
}

impl Group {
    /// The pemda's opinion as published ("Kualitas Tinggi Tanpa Maladministrasi"), from the mean
    /// of its units (docs/SCORING.md §Opinion); `None` without a score or an opinion instrument.
    pub fn opinion(&self, lang: crate::instrument::Lang) -> Option<String> {
        let q = self.qualifier?;
        Some(crate::opinion::words(self.instrument, self.pemda.as_ref()?.score, q, lang))
    }

    /// Units (ori-2022, ori-2025) or products (ori-2016) with a score: what the pemda mean counts
    /// (docs/SOURCES.md §Aggregation 2022–2024, §Aggregation 2016–2021).
    pub fn scored(&self) -> usize {
        self.distribution.bands.iter().map(|b| b.count).sum()
    }

    /// Every unit with its OPD, in row order (for the flat "every OPD and unit" table).
    pub fn unit_lines(&self) -> Vec<UnitLine<'_>> {
        self.opds
            .iter()
            .flat_map(|o| o.units.iter().map(move |u| UnitLine { opd: o, unit: u }))
            .collect()
    }
}

/// A unit with its OPD, a row of the flat table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnitLine<'a> {
    /// The OPD.
    pub opd: &'a OpdRow,
    /// The unit.
    pub unit: &'a UnitRow,
}

/// The recap of many files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recap {
    /// One group per instrument, in the order the instruments first occur in the input.
    pub groups: Vec<Group>,
    /// Files that could not be read, in input order.
    pub errors: Vec<FileError>,
    /// Files chosen, read and refused (docs/SCORING.md §Pemda recap).
    pub files: FileCounts,
}

/// Reads every `(file name, file text)` and builds the recap (docs/SCORING.md §Pemda recap).
pub fn recap(files: &[(String, String)]) -> Recap {
    let mut errors = Vec::new();
    // The decoded files per instrument id; `order` keeps the order of first occurrence.
    let mut order: Vec<&'static Instrument> = Vec::new();
    let mut by_ins: BTreeMap<String, Vec<(usize, &str, Assessment)>> = BTreeMap::new();
    for (i, (name, text)) in files.iter().enumerate() {
        match read(name, text) {
            Ok(a) => match instrument::by_id(&a.instrument) {
                Some(ins) => {
                    if !order.iter().any(|x| x.id == ins.id) {
                        order.push(ins);
                    }
                    by_ins.entry(ins.id.clone()).or_default().push((i, name, a));
                }
                None => errors.push(FileError {
                    file: i,
                    name: name.clone(),
                    error: DecodeError::UnknownInstrument(a.instrument.clone()).into(),
                }),
            },
            Err(error) => errors.push(FileError { file: i, name: name.clone(), error }),
        }
    }
    let refused = errors.len();
    let groups: Vec<Group> = order
        .into_iter()
        .map(|ins| group::group(ins, by_ins.remove(&ins.id).unwrap_or_default(), refused))
        .collect();
    let read = groups.iter().map(|g| g.opds.len()).sum();
    Recap { groups, errors, files: FileCounts { chosen: files.len(), read, refused } }
}

/// Decodes one file: patuh JSON, an HTML report with the file embedded, or an evidence bundle
/// (`open::as_text`).
fn read(name: &str, text: &str) -> Result<Assessment, OpenError> {
    open::open_text(name, text).map(|o| o.snapshot.assessment)
}
