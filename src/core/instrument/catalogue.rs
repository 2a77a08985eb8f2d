//! Which instruments this build has: the catalogue compiled into the app (`catalogue.json`, turned
//! into Rust by `build.rs`), the files compiled in with the `embedded-instruments` feature, and
//! those registered at run time after the app fetched them (docs/PERFORMANCE.md).

use std::sync::{Mutex, OnceLock};

use super::{Instrument, Localized};

/// What the start screen shows of an instrument before its file is loaded, and what a save is
/// checked against (`catalogue.json`; `tests/instruments.rs` keeps it equal to the files).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listing {
    /// Stable id, e.g. "ori-2016".
    pub id: String,
    /// Version of the data file.
    pub version: String,
    /// Official name.
    pub title: Localized,
    /// Assessment rounds it applies to.
    pub years: String,
    /// What to use it for now: the current round, or comparing with past results.
    pub purpose: Localized,
    /// Legal basis as cited.
    pub legal_basis: Localized,
    /// Short description for the chooser.
    pub summary: Localized,
    /// True for an instrument whose official text is not confirmed (docs/SOURCES.md §Opinion 2025).
    pub provisional: bool,
    /// The data file, relative to `instruments/`.
    pub file: String,
}

/// Every instrument this build offers, oldest first (`catalogue.json`, compiled by `build.rs`).
pub fn catalogue() -> &'static [Listing] {
    static LIST: OnceLock<Vec<Listing>> = OnceLock::new();
    LIST.get_or_init(|| include!(concat!(env!("OUT_DIR"), "/catalogue.rs")))
}

/// The catalogue entry of an instrument id.
pub fn listing(id: &str) -> Option<&'static Listing> {
    catalogue().iter().find(|l| l.id == id)
}

#[cfg(feature = "embedded-instruments")]
const ORI_2016: &str = include_str!("../instruments/ori-2016.json");
#[cfg(feature = "embedded-instruments")]
const ORI_2022: &str = include_str!("../instruments/ori-2022.json");
#[cfg(feature = "embedded-instruments")]
const ORI_2025: &str = include_str!("../instruments/ori-2025.json");

/// The instruments compiled into this build, parsed once. A file that does not
/// parse is left out; `tests/instruments.rs` makes sure none does.
#[cfg(feature = "embedded-instruments")]
pub fn all() -> &'static [Instrument] {
    static ALL: OnceLock<Vec<Instrument>> = OnceLock::new();
    ALL.get_or_init(|| {
        [ORI_2016, ORI_2022, ORI_2025]
            .iter()
            .filter_map(|s| Instrument::from_json(s).ok())
            .collect()
    })
}

/// The raw JSON of the compiled-in files, for validation tests.
#[cfg(feature = "embedded-instruments")]
pub fn raw_files() -> [(&'static str, &'static str); 3] {
    [("ori-2016", ORI_2016), ("ori-2022", ORI_2022), ("ori-2025", ORI_2025)]
}

/// Instruments loaded at run time ([`register`]); each is parsed once and kept for the session.
static LOADED: Mutex<Vec<&'static Instrument>> = Mutex::new(Vec::new());

/// The instrument with this id, if it is compiled in or was registered.
pub fn by_id(id: &str) -> Option<&'static Instrument> {
    #[cfg(feature = "embedded-instruments")]
    if let Some(i) = all().iter().find(|i| i.id == id) {
        return Some(i);
    }
    LOADED.lock().ok()?.iter().copied().find(|i| i.id == id)
}

/// Why a fetched instrument file was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegisterError {
    /// The id is not in this build's catalogue.
    Unknown(String),
    /// The file does not parse as an instrument (the parser's message).
    Invalid(String),
    /// The file is another instrument or another version than the catalogue lists (a stale cache).
    Mismatch {
        /// What the catalogue expects, "id version".
        expected: String,
        /// What the file holds.
        found: String,
    },
    /// The file breaks a rule of [`Instrument::validate`] (the first problem).
    Rules(String),
}

/// Takes the fetched file of catalogue instrument `id`: parses it, checks that it is the id and
/// version the catalogue lists and that it passes [`Instrument::validate`], and keeps it.
pub fn register(id: &str, json: &str) -> Result<&'static Instrument, RegisterError> {
    if let Some(i) = by_id(id) {
        return Ok(i);
    }
    let want = listing(id).ok_or_else(|| RegisterError::Unknown(id.to_string()))?;
    let ins = Instrument::from_json(json).map_err(RegisterError::Invalid)?;
    if ins.id != want.id || ins.version != want.version {
        return Err(RegisterError::Mismatch {
            expected: format!("{} {}", want.id, want.version),
            found: format!("{} {}", ins.id, ins.version),
        });
    }
    if let Some(p) = ins.validate().into_iter().next() {
        return Err(RegisterError::Rules(p));
    }
    let mut loaded = LOADED.lock().map_err(|_| RegisterError::Invalid("lock".into()))?;
    if let Some(i) = loaded.iter().copied().find(|i| i.id == id) {
        return Ok(i);
    }
    let kept: &'static Instrument = Box::leak(Box::new(ins));
    loaded.push(kept);
    Ok(kept)
}
