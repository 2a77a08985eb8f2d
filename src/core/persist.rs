//! The patuh file format (JSON, `format_version` 1) used for autosave and for the file a user keeps
//! and reopens; decoding validates and never panics (docs/FORMAT.md §What opening a file checks).

use crate::assessment::{self, Answer, Assessment};
use crate::instrument::{self, Scope};
use crate::json::{self, Bad, Obj, Out, Value};

/// The `format` marker of every patuh file.
pub const FORMAT: &str = "patuh-penilaian-mandiri";
/// The current format version; older versions are migrated on open.
pub const FORMAT_VERSION: u32 = 1;
/// Largest file accepted (photos travel in the evidence bundle, not in the JSON).
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// A saved file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`FORMAT_VERSION`] when written by this build.
    pub format_version: u32,
    /// When it was saved (ISO 8601, from the caller's clock).
    pub saved_at: String,
    /// The assessment.
    pub assessment: Assessment,
}

/// Why a file could not be opened; the app words each case in the user's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Larger than [`MAX_BYTES`].
    TooLarge,
    /// Not JSON at all, or broken JSON (a cut-off download, a file edited by hand).
    NotJson,
    /// JSON, but not a patuh file: no `format` marker, or not a JSON object at all.
    NotOurs,
    /// Written by a newer patuh.
    NewerFormat(u32),
    /// An instrument this build does not ship.
    UnknownInstrument(String),
    /// An instrument this build ships whose file could not be loaded (the app fetches it on first
    /// use; offline before the service worker had cached it).
    InstrumentNotLoaded(String),
    /// Another version of the instrument data than this build ships.
    InstrumentVersion {
        /// Instrument id.
        id: String,
        /// Version in the file.
        found: String,
        /// Version shipped.
        expected: String,
    },
    /// Structurally a patuh file, but with contents that do not fit the instrument.
    Invalid(Problem),
}

/// What does not fit in a patuh file that is otherwise readable (docs/FORMAT.md §What opening a
/// file checks). Ids are the file's own, as written in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A field is missing or has the wrong kind of value.
    Structure,
    /// `format_version` is missing or 0.
    FormatVersion,
    /// No unit, or a unit without a service product.
    EmptyUnit,
    /// The same unit or product id twice.
    DuplicateId(String),
    /// An indicator id the instrument does not have.
    UnknownIndicator(String),
    /// A unit-wide answer stored on a product, or the other way round.
    WrongLevel(String),
    /// An answer value the instrument's scale does not have (the indicator's id).
    UnknownAnswer(String),
    /// Opinion data (an Output figure or trust tallies, docs/FORMAT.md §Opinion data) the
    /// instrument does not have or that is out of range (its id).
    OpinionData(String),
}

/// Encodes a snapshot as pretty JSON with a trailing newline (docs/FORMAT.md §JSON).
pub fn encode(a: &Assessment, saved_at: &str) -> String {
    let v = Out::new()
        .str("format", FORMAT)
        .put("format_version", Value::from_u64(FORMAT_VERSION.into()))
        .str("saved_at", saved_at)
        .put("assessment", assessment::file::write(a))
        .done();
    let mut out = json::write(&v, true);
    out.push('\n');
    out
}

/// Decodes and validates a file; the assessment is returned only if every part fits its instrument
/// (which must be compiled in or registered: `instrument::register`).
pub fn decode(text: &str) -> Result<Snapshot, DecodeError> {
    let s = peek(text)?;
    validate(&s.assessment)?;
    Ok(s)
}

/// Decodes a file and checks its format and its instrument id and version against the catalogue,
/// without the instrument itself: enough to know which instrument file to load before [`decode`]
/// (docs/FORMAT.md).
pub fn peek(text: &str) -> Result<Snapshot, DecodeError> {
    let v = check_header(text)?;
    let mut s = snapshot(&v).map_err(|_| DecodeError::Invalid(Problem::Structure))?;
    crate::migrate::migrate(&mut s.assessment);
    check_listed(&s.assessment.instrument, &s.assessment.instrument_version)?;
    Ok(s)
}

/// What the start screen lists of a saved file (the start screen, the first load, reads no answers;
/// docs/PERFORMANCE.md). The rest is checked when the file is opened ([`decode`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// The assessment's id.
    pub id: String,
    /// The OPD's name.
    pub opd: String,
    /// The instrument id.
    pub instrument: String,
    /// When it was saved (ISO 8601), as [`Snapshot::saved_at`].
    pub saved_at: String,
}

/// The fields of a saved file that its [`Entry`] is made from, as any JSON reader found them (the
/// app's first load uses the browser's own `JSON.parse` and calls [`entry_of`];
/// docs/PERFORMANCE.md).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Head {
    /// `format`, if it is a string.
    pub format: Option<String>,
    /// `format_version`, if it is a whole number ≥ 0.
    pub format_version: Option<u64>,
    /// `saved_at`.
    pub saved_at: String,
    /// `assessment.id`.
    pub id: String,
    /// `assessment.opd`.
    pub opd: String,
    /// `assessment.instrument`.
    pub instrument: String,
    /// `assessment.instrument_version`.
    pub instrument_version: String,
}

/// The [`Entry`] of a file's [`Head`], with the checks of [`peek`]: the format marker and version,
/// the instrument id and version against the catalogue.
pub fn entry_of(h: Head) -> Result<Entry, DecodeError> {
    check_format(h.format.as_deref(), h.format_version)?;
    check_listed(&h.instrument, &h.instrument_version)?;
    Ok(Entry { id: h.id, opd: h.opd, instrument: h.instrument, saved_at: h.saved_at })
}

/// Reads the [`Entry`] of a file, with the same checks of format, instrument id and instrument
/// version as [`peek`], but without reading its units and answers.
pub fn entry(text: &str) -> Result<Entry, DecodeError> {
    let v = check_header(text)?;
    let named = |v: &Value| -> Result<(Entry, String), Bad> {
        let o = Obj::of(v)?;
        let a = Obj::of(o.req("assessment")?)?;
        let e = Entry {
            id: a.text("id")?,
            opd: a.text("opd")?,
            instrument: a.text("instrument")?,
            saved_at: o.text("saved_at")?,
        };
        Ok((e, a.text("instrument_version")?))
    };
    let (e, version) = named(&v).map_err(|_| DecodeError::Invalid(Problem::Structure))?;
    check_listed(&e.instrument, &version)?;
    Ok(e)
}

/// A snapshot read from its tree (docs/FORMAT.md §Top level).
fn snapshot(v: &Value) -> Result<Snapshot, Bad> {
    let o = Obj::of(v)?;
    Ok(Snapshot {
        format: o.string("format")?,
        format_version: o.count("format_version")?,
        saved_at: o.text("saved_at")?,
        assessment: assessment::file::read(o.req("assessment")?)?,
    })
}

/// Size, the `format` marker and `format_version`; the file's tree, read without a byte-order
/// mark.
fn check_header(text: &str) -> Result<Value, DecodeError> {
    if text.len() > MAX_BYTES {
        return Err(DecodeError::TooLarge);
    }
    let text = text.trim_start_matches('\u{feff}');
    let first = text.trim_start().chars().next();
    if !matches!(first, None | Some('{' | '[')) {
        // Plain text, a CSV, a letter: not JSON at all, so not a damaged patuh file either.
        return Err(DecodeError::NotOurs);
    }
    let v = json::parse(text).map_err(|_| DecodeError::NotJson)?;
    // Only an object can be a patuh file (an array is JSON, but another kind of file).
    let header = |v: &Value| -> Result<(Option<String>, Option<u64>), Bad> {
        let o = Obj::of(v)?;
        let version = |v: &Value| v.as_u64().ok_or(Bad);
        Ok((o.opt("format", json::string)?, o.opt("format_version", version)?))
    };
    let (format, version) = header(&v).map_err(|_| DecodeError::NotOurs)?;
    check_format(format.as_deref(), version)?;
    Ok(v)
}

/// The `format` marker must be patuh's, and `format_version` one this build reads.
fn check_format(format: Option<&str>, version: Option<u64>) -> Result<(), DecodeError> {
    if format != Some(FORMAT) {
        return Err(DecodeError::NotOurs);
    }
    let ver = version.unwrap_or(0);
    if ver > u64::from(FORMAT_VERSION) {
        return Err(DecodeError::NewerFormat(u32::try_from(ver).unwrap_or(u32::MAX)));
    }
    if ver == 0 {
        return Err(DecodeError::Invalid(Problem::FormatVersion));
    }
    Ok(())
}

/// The instrument id must be in the catalogue, and at the version this build ships.
fn check_listed(id: &str, version: &str) -> Result<(), DecodeError> {
    let known = instrument::listing(id).ok_or_else(|| DecodeError::UnknownInstrument(id.into()))?;
    if version != known.version && !crate::migrate::migrates(id, version) {
        return Err(DecodeError::InstrumentVersion {
            id: known.id.clone(),
            found: version.into(),
            expected: known.version.clone(),
        });
    }
    Ok(())
}

/// Checks an assessment against its instrument: known ids, known answer values, unique places.
pub fn validate(a: &Assessment) -> Result<(), DecodeError> {
    let ins = match instrument::by_id(&a.instrument) {
        Some(i) => i,
        None if instrument::listing(&a.instrument).is_some() => {
            return Err(DecodeError::InstrumentNotLoaded(a.instrument.clone()))
        }
        None => return Err(DecodeError::UnknownInstrument(a.instrument.clone())),
    };
    if a.instrument_version != ins.version {
        return Err(DecodeError::InstrumentVersion {
            id: ins.id.clone(),
            found: a.instrument_version.clone(),
            expected: ins.version.clone(),
        });
    }
    if a.units.is_empty() || a.units.iter().any(|u| u.products.is_empty()) {
        return Err(DecodeError::Invalid(Problem::EmptyUnit));
    }
    let mut ids = std::collections::BTreeSet::new();
    for u in &a.units {
        let maps = std::iter::once((&u.answers, Scope::Unit))
            .chain(u.products.iter().map(|p| (&p.answers, Scope::Product)));
        if !ids.insert(&u.id) || u.products.iter().any(|p| !ids.insert(&p.id)) {
            return Err(DecodeError::Invalid(Problem::DuplicateId(u.id.clone())));
        }
        for (m, scope) in maps {
            for (k, e) in m {
                match ins.indicator(k) {
                    None => return Err(DecodeError::Invalid(Problem::UnknownIndicator(k.clone()))),
                    Some(i) if i.scope != scope => {
                        return Err(DecodeError::Invalid(Problem::WrongLevel(k.clone())))
                    }
                    Some(_) => {}
                }
                if let Some(Answer::Value(v)) = &e.answer {
                    if ins.points(v).is_none() {
                        return Err(DecodeError::Invalid(Problem::UnknownAnswer(k.clone())));
                    }
                }
            }
        }
        validate_parts(ins, u)?;
    }
    Ok(())
}

/// The Output figures and trust tallies of a unit fit the instrument's opinion rules (and are
/// absent under an instrument without them).
fn validate_parts(
    ins: &instrument::Instrument,
    u: &crate::assessment::Unit,
) -> Result<(), DecodeError> {
    let bad = |what: String| Err(DecodeError::Invalid(Problem::OpinionData(what)));
    let Some(o) = &ins.opinion else {
        if !u.output.is_empty() || u.products.iter().any(|p| !p.trust.is_empty()) {
            return bad(u.id.clone());
        }
        return Ok(());
    };
    for (k, f) in &u.output {
        if !o.output.figures.iter().any(|d| &d.id == k) {
            return bad(k.clone());
        }
        if !f.value.is_empty() && f.value().is_none() {
            return bad(k.clone());
        }
    }
    for p in &u.products {
        for (k, c) in &p.trust {
            if !o.trust.questions.iter().any(|q| &q.id == k) || c.len() > o.trust.options.len() {
                return bad(k.clone());
            }
        }
    }
    Ok(())
}

/// A safe download name: `penilaian-mandiri_<opd>_<yyyy-mm-dd>.<ext>`, the OPD slugged to
/// lowercase ASCII letters, digits and dashes, at most 60 characters, cut between words
/// (docs/FORMAT.md §File names).
pub fn file_name(opd: &str, date: &str, ext: &str) -> String {
    let mut slug = String::new();
    for c in opd.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-').to_string();
    if slug.len() > 60 {
        // ASCII only, so bytes are characters; a word cut in half goes (unless it is the only one).
        let cut = &slug[..60];
        let end = if slug.as_bytes()[60] == b'-' { 60 } else { cut.rfind('-').unwrap_or(60) };
        slug.truncate(end);
    }
    if slug.is_empty() {
        slug.push_str("opd");
    }
    let date: String = date.chars().filter(|c| c.is_ascii_digit() || *c == '-').take(10).collect();
    let date = if date.is_empty() { "tanpa-tanggal".to_string() } else { date };
    format!("penilaian-mandiri_{slug}_{date}.{ext}")
}
