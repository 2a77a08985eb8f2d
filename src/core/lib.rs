//! patuh-core: the pure heart of patuh.
//!
//! Instrument data (versioned JSON files with sources), exact scoring, grades and zones,
//! aggregation and the save format. No yew, web-sys, gloo or wasm-bindgen type may appear here: the
//! compiler keeps it pure because this crate does not depend on them, and its tests run natively in
//! seconds.
//!
//! Rules come from the facts of `docs/SOURCES.md`, applied as `docs/SCORING.md` says; each public
//! item names its source.

pub mod assessment;
pub mod bundle;
pub mod compare;
pub mod dates;
pub mod evidence;
pub mod exact;
pub mod exports;
pub mod followup;
pub mod gaps;
pub mod instrument;
pub mod interview;
pub mod json;
pub mod keep;
pub mod migrate;
pub mod open;
pub mod opinion;
pub mod order;
pub mod persist;
pub mod readiness;
pub mod recap;
pub mod report;
pub mod scoring;
pub mod secondary;
pub mod skm;
pub mod trust;

pub use assessment::{Answer, Assessment, Entry, Product, Unit};
pub use exact::{Hundredths, Ratio};
pub use instrument::{Instrument, Lang, Localized};
pub use scoring::{Band, ProductResult, UnitResult};
