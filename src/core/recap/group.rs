//! Building one recap group: every file of one instrument scored by `scoring::assess`, the pemda
//! score by [`scoring::aggregate`] over the units of every file (docs/SCORING.md §Pemda recap),
//! duplicates, periods, the distribution, the weakest indicators and the status.

use std::collections::BTreeMap;

use super::distribution::distribution;
use super::status::pemda_status;
use super::weak::Weak;
use super::{normalise_opd, Counted, Duplicate, Group, Mark, OpdRow, ProductRow, UnitRow};
use crate::assessment::Assessment;
use crate::exact::Ratio;
use crate::instrument::{Instrument, Method};
use crate::scoring::{self, AssessmentResult, UnitResult};

fn mark(ins: &Instrument, exact: Option<Ratio>) -> Option<Mark> {
    exact.map(|e| Mark::of(ins, e))
}

/// The unit rows of one file, with their products.
fn unit_rows(ins: &Instrument, a: &Assessment, r: &AssessmentResult) -> Vec<UnitRow> {
    a.units
        .iter()
        .zip(&r.units)
        .map(|(u, ur)| UnitRow {
            id: u.id.clone(),
            name: u.name.clone(),
            mark: mark(ins, ur.exact),
            unanswered: ur.tally.unanswered(),
            total: ur.tally.total,
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
        .collect()
}

/// Flags the rows whose normalised OPD name and period occur more than once, and lists them.
fn duplicates(opds: &mut [OpdRow]) -> Vec<Duplicate> {
    let mut keys: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (row, o) in opds.iter().enumerate() {
        keys.entry((normalise_opd(&o.opd), o.period.clone())).or_default().push(row);
    }
    let mut out = Vec::new();
    for rows in keys.into_values().filter(|rows| rows.len() > 1) {
        for &r in &rows {
            opds[r].duplicate = true;
        }
        out.push(Duplicate {
            opd: opds[rows[0]].opd.clone(),
            period: opds[rows[0]].period.clone(),
            files: rows.iter().map(|&r| opds[r].file).collect(),
        });
    }
    crate::order::sort_by(&mut out, |a, b| a.files[0].cmp(&b.files[0]));
    out
}

/// The group of the files of one instrument; `refused` files could not be read (their units are
/// not in any group, so every group's status names them).
pub(super) fn group(
    ins: &'static Instrument,
    files: Vec<(usize, &str, Assessment)>,
    refused: usize,
) -> Group {
    let counted = match ins.scoring.method {
        Method::Fulfilment => Counted::Products,
        Method::DimensionPoints => Counted::Units,
    };
    let mut opds = Vec::with_capacity(files.len());
    let mut all_units: Vec<UnitResult> = Vec::new();
    let mut weak = Weak::new(ins);
    let mut qualifiers = Vec::new();
    for (file, name, a) in files {
        let r = scoring::assess(ins, &a);
        qualifiers.push(crate::followup::qualifier(&a.followups, a.no_followups));
        weak.add(ins, &a, counted);
        opds.push(OpdRow {
            file,
            file_name: name.to_string(),
            opd: a.opd.clone(),
            pemda: a.pemda.clone(),
            period: a.period.trim().to_string(),
            date: a.date.clone(),
            mark: mark(ins, r.exact),
            unanswered: r.unanswered,
            total: r.total,
            units: unit_rows(ins, &a, &r),
            duplicate: false,
        });
        all_units.extend(r.units);
    }
    let duplicates = duplicates(&mut opds);
    let mut periods: Vec<String> = Vec::new();
    for o in &opds {
        if !periods.contains(&o.period) {
            periods.push(o.period.clone());
        }
    }
    crate::order::sort_by(&mut periods, |a, b| a.cmp(b));
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
        status: pemda_status(&opds, refused),
        qualifier: ins.opinion.as_ref().map(|_| crate::followup::combine(&qualifiers)),
        opds,
        duplicates,
        periods,
    }
}
