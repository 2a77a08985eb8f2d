//! An assessment: one OPD, one instrument, 1..N service units each with 1..N service products, and
//! the answers stored by stable indicator id (docs/SCORING.md §Common rules).
//!
//! Pure data plus the edits the reducer delegates to; no clock, no storage, no browser.

use std::collections::BTreeMap;

pub mod file;
mod parts;
mod structure;

use crate::followup::FollowUp;
use crate::instrument::{Instrument, Scope};
use crate::secondary::OutputFigure;
use crate::trust::Tallies;

/// The stored value of "Tidak berlaku" (not applicable), which leaves the denominator
/// (docs/SCORING.md §Common rules).
pub const NA: &str = "tb";

/// An answer: one option of the instrument's scale, or not applicable (docs/SOURCES.md §Checklist
/// 2016–2021, §Scale 2022–2024).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    /// An option value of the scale (e.g. "ada", "tidak_ada", "0"…"3").
    Value(String),
    /// Tidak berlaku: excluded from the denominator.
    NotApplicable,
}

impl From<String> for Answer {
    fn from(s: String) -> Self {
        if s == NA {
            Answer::NotApplicable
        } else {
            Answer::Value(s)
        }
    }
}

impl From<Answer> for String {
    fn from(a: Answer) -> String {
        match a {
            Answer::Value(v) => v,
            Answer::NotApplicable => NA.to_string(),
        }
    }
}

/// Everything recorded for one indicator at one place: answer, note, evidence, review flag.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// The answer; `None` while unanswered (which makes the result provisional).
    pub answer: Option<Answer>,
    /// Free-text note.
    pub note: String,
    /// Evidence links (URLs or document references).
    pub links: Vec<String>,
    /// Ids of photos kept in the browser's photo store.
    pub photos: Vec<String>,
    /// "Tandai untuk ditinjau": the assessor wants to come back to it.
    pub review: bool,
    /// Ids of the indicator's evidence items that are ready (docs/FORMAT.md §Entries).
    pub ready: Vec<String>,
}

impl Entry {
    /// True when nothing is recorded, so the entry can be dropped from the file.
    pub fn is_empty(&self) -> bool {
        *self == Entry::default()
    }
}

/// A service product (produk layanan), the unit of observation of the old method (docs/SOURCES.md
/// §Checklist 2016–2021).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Product {
    /// Stable id inside the assessment, e.g. "p1".
    pub id: String,
    /// Name, e.g. "Penerbitan KTP-el".
    pub name: String,
    /// Entries of product-scope indicators, by indicator id.
    pub answers: BTreeMap<String, Entry>,
    /// Public-trust survey tallies of this product (opinion instruments; docs/FORMAT.md).
    pub trust: Tallies,
}

/// A service unit (unit layanan), the unit scored by the 2022 method (docs/SOURCES.md §Aggregation
/// 2022–2024).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unit {
    /// Stable id inside the assessment, e.g. "u1".
    pub id: String,
    /// Name, e.g. "Dinas Kependudukan dan Pencatatan Sipil".
    pub name: String,
    /// Entries of unit-scope indicators, by indicator id.
    pub answers: BTreeMap<String, Entry>,
    /// The unit's service products (at least one).
    pub products: Vec<Product>,
    /// Output figures typed in (opinion instruments), by figure id (docs/FORMAT.md).
    pub output: BTreeMap<String, OutputFigure>,
    /// Interview self-check: per interviewee role, the questions they are ready for
    /// (docs/SCORING.md §Interview preparation).
    pub interview: BTreeMap<String, Vec<String>>,
}

/// One self-assessment of one OPD against one instrument version.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assessment {
    /// Local id (also the storage key suffix).
    pub id: String,
    /// Instrument id, e.g. "ori-2016".
    pub instrument: String,
    /// Version of the instrument data the answers were given against.
    pub instrument_version: String,
    /// Name of the OPD (Organisasi Perangkat Daerah).
    pub opd: String,
    /// Pemerintah daerah (regency/city/province) the OPD belongs to.
    pub pemda: String,
    /// Assessment period, e.g. "2026".
    pub period: String,
    /// Date of the assessment, ISO `yyyy-mm-dd`, typed or picked by the user.
    pub date: String,
    /// Assessor's name: always typed by the user, never filled in.
    pub assessor_name: String,
    /// Assessor's position.
    pub assessor_position: String,
    /// Service units.
    pub units: Vec<Unit>,
    /// Counter for new unit/product ids, so removed ids are never reused.
    pub next_id: u32,
    /// The follow-up register of Ombudsman products (opinion instruments; docs/FORMAT.md).
    pub followups: Vec<FollowUp>,
    /// The user stated that no Ombudsman product was addressed to the body.
    pub no_followups: bool,
    /// Answers kept from an earlier version of the instrument that have no counterpart in this
    /// one: not scored, never dropped (docs/FORMAT.md §Migration).
    pub earlier: Vec<EarlierEntry>,
}

/// An answer given under an earlier instrument version, kept with its question (docs/FORMAT.md
/// §Migration).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EarlierEntry {
    /// The version it was given under, e.g. "ori-2025 1".
    pub version: String,
    /// Unit id.
    pub unit: String,
    /// Product id; empty for a unit-wide indicator.
    pub product: String,
    /// The old indicator id.
    pub indicator: String,
    /// The old question, in Indonesian and English.
    pub text: crate::instrument::Localized,
    /// Everything that was recorded.
    pub entry: Entry,
}

/// Where an entry lives: the unit for unit-scope indicators, else the product.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Place {
    /// Unit id.
    pub unit: String,
    /// Product id (used for product-scope indicators).
    pub product: String,
}

impl Assessment {
    /// A new assessment with one unit and one product (the smallest valid structure).
    pub fn new(id: &str, ins: &Instrument, opd: &str, unit: &str, product: &str) -> Assessment {
        let mut a = Assessment {
            id: id.to_string(),
            instrument: ins.id.clone(),
            instrument_version: ins.version.clone(),
            opd: opd.to_string(),
            ..Assessment::default()
        };
        let u = a.add_unit(unit);
        a.add_product(&u, product);
        a
    }

    /// The unit with this id.
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The unit with this id, to edit.
    fn unit_mut(&mut self, id: &str) -> Option<&mut Unit> {
        self.units.iter_mut().find(|u| u.id == id)
    }

    /// The entry of an indicator at a place, resolving unit-wide scope.
    pub fn entry(&self, ins: &Instrument, place: &Place, indicator: &str) -> Option<&Entry> {
        let scope = ins.indicator(indicator)?.scope;
        let u = self.unit(&place.unit)?;
        match scope {
            Scope::Unit => u.answers.get(indicator),
            Scope::Product => {
                u.products.iter().find(|p| p.id == place.product)?.answers.get(indicator)
            }
        }
    }

    /// Changes the entry of an indicator at a place (creating it), dropping it when it becomes
    /// empty. Unknown places or indicator ids change nothing.
    pub fn edit(
        &mut self,
        ins: &Instrument,
        place: &Place,
        indicator: &str,
        f: impl FnOnce(&mut Entry),
    ) {
        let Some(scope) = ins.indicator(indicator).map(|i| i.scope) else {
            return;
        };
        let Some(u) = self.unit_mut(&place.unit) else {
            return;
        };
        let map = match scope {
            Scope::Unit => &mut u.answers,
            Scope::Product => match u.products.iter_mut().find(|p| p.id == place.product) {
                Some(p) => &mut p.answers,
                None => return,
            },
        };
        let e = map.entry(indicator.to_string()).or_default();
        f(e);
        if e.is_empty() {
            map.remove(indicator);
        }
    }

    /// Sets (or clears, with `None`) the answer of an indicator at a place.
    pub fn set_answer(
        &mut self,
        ins: &Instrument,
        place: &Place,
        indicator: &str,
        answer: Option<Answer>,
    ) {
        if let Some(Answer::Value(v)) = &answer {
            if ins.points(v).is_none() {
                return;
            }
        }
        self.edit(ins, place, indicator, |e| e.answer = answer);
    }

    /// Copies the product-scope entries of one product to another in the same or another unit;
    /// entries already answered on the target are kept.
    pub fn copy_answers(&mut self, from: &Place, to: &Place) {
        let src = self
            .unit(&from.unit)
            .and_then(|u| u.products.iter().find(|p| p.id == from.product))
            .map(|p| p.answers.clone());
        let Some(src) = src else { return };
        if let Some(p) =
            self.unit_mut(&to.unit).and_then(|u| u.products.iter_mut().find(|p| p.id == to.product))
        {
            for (k, v) in src {
                p.answers.entry(k).or_insert(v);
            }
        }
    }

    /// Every photo id the assessment's entries name (the evidence bundle's photos, docs/FORMAT.md).
    pub fn photo_ids(&self) -> Vec<String> {
        self.units
            .iter()
            .flat_map(|u| {
                u.answers.values().chain(u.products.iter().flat_map(|p| p.answers.values()))
            })
            .flat_map(|e| e.photos.iter().cloned())
            .collect()
    }

    /// Every place (unit, product) in walk order.
    pub fn places(&self) -> Vec<Place> {
        self.units
            .iter()
            .flat_map(|u| {
                u.products.iter().map(|p| Place { unit: u.id.clone(), product: p.id.clone() })
            })
            .collect()
    }
}

/// Normalised OPD name, so the recap's duplicate check and the comparison's "same OPD" agree:
/// lowercase letters and digits, words single-spaced ("Dinas Kependudukan & Capil" = "dinas
/// kependudukan capil").
pub fn normalise_opd(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}
