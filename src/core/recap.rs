//! The pemda recap: many OPD files at once, one table, the pemda score by the instrument's own
//! rule.
//!
//! Each file is opened with [`open::open_text`] (patuh JSON, an HTML report with the file
//! embedded, or an evidence bundle); a bad file is listed with its reason
//! and the rest go on. Files are grouped by instrument. The pemda score is the mean of **all** unit
//! scores (ori-2022 and ori-2025, docs/SOURCES.md §Aggregation 2022–2024) or of **all** product
//! scores (ori-2016, docs/SOURCES.md §Aggregation 2016–2021), via [`scoring::aggregate`] over the
//! units of every file — never a mean of OPD means.

use std::cmp::Ordering;
use std::collections::BTreeMap;

pub use crate::assessment::normalise_opd;
use crate::assessment::{Assessment, Entry};
use crate::exact::{Hundredths, Ratio};
use crate::instrument::{self, Instrument, Method, Scope, Zone};
use crate::open::{self, OpenError};
use crate::persist::DecodeError;
use crate::scoring::{self, UnitResult};

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

/// How many units/products fall in one band.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BandCount {
    /// Index in `Instrument::bands`.
    pub band: usize,
    /// Grade of the band, if any.
    pub grade: Option<String>,
    /// Zone of the band.
    pub zone: Zone,
    /// Count.
    pub count: usize,
}

/// How many units/products fall in one zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ZoneCount {
    /// The zone.
    pub zone: Zone,
    /// Count.
    pub count: usize,
}

/// The distribution over bands and zones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Distribution {
    /// Units or products.
    pub counted: Counted,
    /// Per band, lowest first, every band listed (zero counts included).
    pub bands: Vec<BandCount>,
    /// Per zone, lowest first, every zone of the instrument listed.
    pub zones: Vec<ZoneCount>,
    /// Units/products without a score (nothing applicable somewhere), left out of the counts.
    pub unscored: usize,
}

/// An indicator that is below its maximum across the pemda: the fixes that would lift the
/// most units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeakIndicator {
    /// Indicator id.
    pub indicator: String,
    /// Section id.
    pub section: String,
    /// Units (ori-2022/2025) or products (ori-2016) whose score fixing it would raise: answered
    /// below the maximum there (for a product-scope indicator under ori-2022, in any product of
    /// the unit; for a unit-wide one under ori-2016, every product of that unit).
    pub below_max: usize,
    /// Units/products where it is answered with a value (out of which `below_max`).
    pub answered: usize,
    /// Mean points over every place where it is answered with a value (unit-wide answers once per
    /// unit), on the scale 0–max; unanswered and "Tidak berlaku" left out.
    pub mean_points: Option<Ratio>,
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
    /// Unanswered indicator places over all files (the pemda score is provisional while > 0).
    pub unanswered: u32,
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
}

/// Reads every `(file name, file text)` and builds the recap.
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
    let groups = order
        .into_iter()
        .map(|ins| group(ins, by_ins.remove(&ins.id).unwrap_or_default()))
        .collect();
    Recap { groups, errors }
}

/// Decodes one file: patuh JSON, an HTML report with the file embedded, or an evidence bundle
/// (`open::as_text`).
fn read(name: &str, text: &str) -> Result<Assessment, OpenError> {
    open::open_text(name, text).map(|o| o.snapshot.assessment)
}

fn mark(ins: &Instrument, exact: Option<Ratio>) -> Option<Mark> {
    exact.map(|e| Mark::of(ins, e))
}

fn group(ins: &'static Instrument, files: Vec<(usize, &str, Assessment)>) -> Group {
    let counted = match ins.scoring.method {
        Method::Fulfilment => Counted::Products,
        Method::DimensionPoints => Counted::Units,
    };
    let mut opds = Vec::with_capacity(files.len());
    let mut all_units: Vec<UnitResult> = Vec::new();
    let mut weak = Weak::new(ins);
    let mut keys: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    let mut periods: Vec<String> = Vec::new();
    let mut qualifiers = Vec::new();
    for (row, (file, name, a)) in files.into_iter().enumerate() {
        let r = scoring::assess(ins, &a);
        qualifiers.push(crate::followup::qualifier(&a.followups, a.no_followups));
        weak.add(ins, &a, counted);
        let units = a
            .units
            .iter()
            .zip(&r.units)
            .map(|(u, ur)| UnitRow {
                id: u.id.clone(),
                name: u.name.clone(),
                mark: mark(ins, ur.exact),
                unanswered: ur.tally.unanswered(),
                products: u
                    .products
                    .iter()
                    .zip(&ur.products)
                    .map(|(p, pr)| ProductRow {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        mark: mark(ins, pr.exact),
                    })
                    .collect(),
            })
            .collect();
        let period = a.period.trim().to_string();
        if !periods.contains(&period) {
            periods.push(period.clone());
        }
        keys.entry((normalise_opd(&a.opd), period.clone())).or_default().push(row);
        opds.push(OpdRow {
            file,
            file_name: name.to_string(),
            opd: a.opd.clone(),
            pemda: a.pemda.clone(),
            period,
            date: a.date.clone(),
            mark: mark(ins, r.exact),
            unanswered: r.unanswered,
            total: r.total,
            units,
            duplicate: false,
        });
        all_units.extend(r.units);
    }
    let mut duplicates = Vec::new();
    for rows in keys.into_values().filter(|rows| rows.len() > 1) {
        for &r in &rows {
            opds[r].duplicate = true;
        }
        duplicates.push(Duplicate {
            opd: opds[rows[0]].opd.clone(),
            period: opds[rows[0]].period.clone(),
            files: rows.iter().map(|&r| opds[r].file).collect(),
        });
    }
    duplicates.sort_by_key(|d| d.files[0]);
    periods.sort();
    let exacts: Vec<Option<Ratio>> = match counted {
        Counted::Units => all_units.iter().map(|u| u.exact).collect(),
        Counted::Products => {
            all_units.iter().flat_map(|u| u.products.iter().map(|p| p.exact)).collect()
        }
    };
    Group {
        instrument: ins,
        pemda: mark(ins, scoring::aggregate(ins, &all_units)),
        distribution: distribution(ins, counted, &exacts),
        weakest: weak.finish(ins),
        unanswered: opds.iter().map(|o| o.unanswered).sum(),
        qualifier: ins.opinion.as_ref().map(|_| crate::followup::combine(&qualifiers)),
        opds,
        duplicates,
        periods,
    }
}

fn distribution(ins: &Instrument, counted: Counted, exacts: &[Option<Ratio>]) -> Distribution {
    let mut bands: Vec<BandCount> = ins
        .bands
        .iter()
        .enumerate()
        .map(|(band, b)| BandCount { band, grade: b.grade.clone(), zone: b.zone, count: 0 })
        .collect();
    let mut unscored = 0;
    for e in exacts {
        match e {
            Some(e) => {
                let m = Mark::of(ins, *e);
                if let Some(b) = bands.get_mut(m.band) {
                    b.count += 1;
                }
            }
            None => unscored += 1,
        }
    }
    let mut zones: Vec<ZoneCount> = Vec::new();
    for b in &bands {
        match zones.iter_mut().find(|z| z.zone == b.zone) {
            Some(z) => z.count += b.count,
            None => zones.push(ZoneCount { zone: b.zone, count: b.count }),
        }
    }
    Distribution { counted, bands, zones, unscored }
}

/// Accumulates the weakest-indicator figures, indexed like `Instrument::indicators()`.
struct Weak {
    below: Vec<usize>,
    answered: Vec<usize>,
    points: Vec<u128>,
    places: Vec<u128>,
}

impl Weak {
    fn new(ins: &Instrument) -> Weak {
        let n = ins.indicators().count();
        Weak { below: vec![0; n], answered: vec![0; n], points: vec![0; n], places: vec![0; n] }
    }

    fn add(&mut self, ins: &Instrument, a: &Assessment, counted: Counted) {
        let max = ins.scale.max;
        let pts =
            |e: Option<&Entry>| scoring::credit(ins, e.and_then(|e| e.answer.as_ref())).given();
        for u in &a.units {
            for (k, (_, ind)) in ins.indicators().enumerate() {
                // Points at each answer place of this indicator in this unit.
                let here: Vec<Option<u32>> = match ind.scope {
                    Scope::Unit => vec![pts(u.answers.get(&ind.id))],
                    Scope::Product => {
                        u.products.iter().map(|p| pts(p.answers.get(&ind.id))).collect()
                    }
                };
                for p in here.iter().flatten() {
                    self.points[k] += u128::from(*p);
                    self.places[k] += 1;
                }
                let below = |p: &Option<u32>| p.is_some_and(|p| p < max);
                match (counted, ind.scope) {
                    (Counted::Units, _) => {
                        self.answered[k] += usize::from(here.iter().any(Option::is_some));
                        self.below[k] += usize::from(here.iter().any(below));
                    }
                    (Counted::Products, Scope::Product) => {
                        self.answered[k] += here.iter().filter(|p| p.is_some()).count();
                        self.below[k] += here.iter().filter(|p| below(p)).count();
                    }
                    (Counted::Products, Scope::Unit) => {
                        // A unit-wide answer counts in every product of the unit.
                        let n = u.products.len();
                        self.answered[k] += if here[0].is_some() { n } else { 0 };
                        self.below[k] += if below(&here[0]) { n } else { 0 };
                    }
                }
            }
        }
    }

    fn finish(self, ins: &Instrument) -> Vec<WeakIndicator> {
        let mut out: Vec<(usize, WeakIndicator)> = ins
            .indicators()
            .enumerate()
            .filter(|(k, _)| self.below[*k] > 0)
            .map(|(k, (s, i))| {
                (
                    k,
                    WeakIndicator {
                        indicator: i.id.clone(),
                        section: s.id.clone(),
                        below_max: self.below[k],
                        answered: self.answered[k],
                        mean_points: Ratio::new(self.points[k], self.places[k]),
                    },
                )
            })
            .collect();
        out.sort_by(|(ka, a), (kb, b)| {
            b.below_max
                .cmp(&a.below_max)
                .then_with(|| cmp_opt(a.mean_points, b.mean_points, false))
                .then(ka.cmp(kb))
        });
        out.into_iter().map(|(_, w)| w).collect()
    }
}

/// Compares optional ratios, `None` last in both directions.
fn cmp_opt(a: Option<Ratio>, b: Option<Ratio>, descending: bool) -> Ordering {
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
    rows.sort_by(|a, b| {
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
    rows.sort_by(|a, b| {
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
