//! The zone distribution of a recap group: how many units (ori-2022, ori-2025) or products
//! (ori-2016) fall in each band and zone (docs/SOURCES.md §Aggregation 2022–2024, §Aggregation
//! 2016–2021).

use super::{Counted, Mark};
use crate::exact::Ratio;
use crate::instrument::{Instrument, Zone};

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

pub(super) fn distribution(
    ins: &Instrument,
    counted: Counted,
    exacts: &[Option<Ratio>],
) -> Distribution {
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
