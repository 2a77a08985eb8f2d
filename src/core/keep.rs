//! Keeping work from being lost (docs/RELIABILITY.md §Lost work): which save may overwrite the one
//! in storage when the same assessment is open in two tabs, what to ask when a file of a saved
//! assessment is opened, the separate copy that keeps both, and the SKM calculator's kept figures.
//! Pure decisions; the browser glue (storage, its `storage` event) is the app's.

use crate::assessment::Assessment;
use crate::json::{self, Obj, Out, Value};
use crate::persist::Snapshot;
use crate::skm::{Counts, Subject, N_UNSUR};

/// What a tab may do with its save (docs/RELIABILITY.md §Lost work, "Two tabs").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveCheck {
    /// Nothing newer is stored: write.
    Write,
    /// Another tab or window saved this assessment since this tab last read or wrote it: writing
    /// would throw its answers away, so this tab does not write and says so.
    Conflict,
}

/// Whether a tab may save: `seen` is the `saved_at` of the version this tab last read or wrote
/// (`None`: it never read one, a new assessment), `stored` the `saved_at` now in storage (`None`:
/// nothing is stored, or it cannot be read). Each save writes a new `saved_at` (docs/FORMAT.md),
/// so a different one means another tab wrote; only an equal one, or nothing stored, may be
/// overwritten.
pub fn check_save(seen: Option<&str>, stored: Option<&str>) -> SaveCheck {
    match (seen, stored) {
        (_, None) => SaveCheck::Write,
        (Some(s), Some(t)) if s == t => SaveCheck::Write,
        _ => SaveCheck::Conflict,
    }
}

/// Which of two versions of an assessment was saved later (docs/RELIABILITY.md §Lost work).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Newer {
    /// The opened file.
    File,
    /// The version saved in this browser.
    Saved,
    /// Saved at the same moment, or a date is missing or not one patuh writes.
    Unknown,
}

/// What opening a file means for the version saved in the browser (docs/RELIABILITY.md §Lost
/// work, "Opening an older file").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenCheck {
    /// No saved assessment has the file's id: open it as it is.
    New,
    /// The saved one holds exactly the file's assessment: open it, nothing can be lost.
    Same,
    /// The saved one differs: the user chooses between a separate copy (the default, keeps both)
    /// and replacing the saved one; never replaced silently.
    Differs {
        /// Which one is newer, by their `saved_at`.
        newer: Newer,
    },
}

/// Compares an opened file with the saved version of the same id (`None`: none is saved).
pub fn check_open(opened: &Snapshot, saved: Option<&Snapshot>) -> OpenCheck {
    let Some(saved) = saved else { return OpenCheck::New };
    if saved.assessment == opened.assessment {
        return OpenCheck::Same;
    }
    let newer = match (moment(&opened.saved_at), moment(&saved.saved_at)) {
        (Some(f), Some(s)) if f > s => Newer::File,
        (Some(f), Some(s)) if f < s => Newer::Saved,
        _ => Newer::Unknown,
    };
    OpenCheck::Differs { newer }
}

/// A `saved_at` as patuh writes it (ISO 8601 UTC, "2026-12-03T16:30:00.000Z"), comparable as
/// text; anything else (empty, typed by hand, another shape) is `None`.
fn moment(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let shape = b.len() == 24
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && b[19] == b'.'
        && digits(20..23)
        && b[23] == b'Z';
    shape.then_some(s)
}

/// A separate copy of an assessment under a new id, its OPD name marked " (2)" so the two are
/// told apart in the saved list: the start screen's "Gandakan", and the way to keep both versions
/// when they differ (docs/RELIABILITY.md §Lost work).
pub fn copy_of(a: &Assessment, id: &str) -> Assessment {
    let mut c = a.clone();
    c.id = id.to_string();
    c.opd = format!("{} (2)", a.opd);
    c
}

/// The `format` marker of the SKM calculator's kept figures (docs/FORMAT.md §SKM figures).
pub const SKM_FORMAT: &str = "patuh-skm-angka";

/// The SKM calculator's figures as kept in storage, with whose result they are (unit, OPD,
/// period; each left out when empty) (docs/FORMAT.md §SKM figures).
pub fn skm_encode(c: &Counts, s: &Subject) -> String {
    let row = |r: &[u32; 4]| Value::Array(r.iter().map(|n| Value::from_u64((*n).into())).collect());
    let v = Out::new()
        .put("counts", Value::Array(c.iter().map(row).collect()))
        .str("format", SKM_FORMAT)
        .put("format_version", Value::from_u64(1))
        .text("opd", &s.opd)
        .text("period", &s.period)
        .text("unit", &s.unit)
        .done();
    json::write(&v, false)
}

/// The SKM figures and names kept by [`skm_encode`] (names missing, as an earlier build kept
/// them, are empty); `None` for anything else (damaged, another format, not nine rows of four
/// whole numbers, a name that is not text), which the calculator treats as nothing kept.
pub fn skm_decode(text: &str) -> Option<(Counts, Subject)> {
    let v = json::parse(text).ok()?;
    let o = Obj::of(&v).ok()?;
    let (format, version) = (o.string("format").ok()?, o.count("format_version").ok()?);
    let counts = o.list("counts", |r| json::list(r, json::count)).ok()?;
    let (unit, opd, period) = (o.text("unit").ok()?, o.text("opd").ok()?, o.text("period").ok()?);
    if format != SKM_FORMAT || version != 1 || counts.len() != N_UNSUR {
        return None;
    }
    let mut out: Counts = [[0; 4]; N_UNSUR];
    for (row, kept) in out.iter_mut().zip(&counts) {
        *row = kept.as_slice().try_into().ok()?;
    }
    Some((out, Subject::new(&unit, &opd, &period)))
}
