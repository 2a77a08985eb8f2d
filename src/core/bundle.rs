//! The evidence bundle: one ZIP file with the assessment, the report and the photos, so evidence
//! travels with the file and the bundle reopens in patuh (docs/FORMAT.md §The evidence bundle
//! (ZIP)).
//!
//! Layout of the archive:
//!
//! | entry | what |
//! |---|---|
//! | `penilaian.json` | the assessment file, exactly as `persist::encode` wrote it |
//! | `laporan.html` | the HTML report (optional) |
//! | `foto/<id>.jpg` | every photo, named by the id the assessment refers to |
//! | `BACA-SAYA.txt` | what each file is, in Indonesian and English |
//!
//! # Why a hand-written ZIP and not the `zip` crate
//!
//! Every entry is *stored* (method 0, no compression): photos are already JPEG and the JSON and
//! HTML are small, so deflate would gain little and cost a compressor in the wasm file. The `zip`
//! crate (9.x), even with `default-features = false`, depends on `indexmap`, `memchr`,
//! `typed-path`, `zeroize` and `constant_time_eq`, and on `wasm32` it unconditionally pulls in
//! `getrandom` with the `wasm_js` backend, i.e. `wasm-bindgen` and `js-sys` — which this pure core
//! must never depend on. A store-only writer and reader is about 250 lines: local headers, the
//! central directory and its end record, with CRC-32 from `crc32fast` (no dependencies).
//!
//! Reading never panics and never trusts the archive: sizes and offsets are checked against the
//! bytes, entries larger than [`MAX_ENTRY_BYTES`] or more than [`MAX_ENTRIES`] are refused,
//! overlapping entries (the "overlap" zip bomb) are refused, every checksum is verified, and paths
//! with `..`, absolute paths and backslashes are ignored.

use std::collections::BTreeSet;

use crate::persist::{self, DecodeError, Snapshot};

/// Name of the assessment file inside the bundle.
pub const JSON_NAME: &str = "penilaian.json";
/// Name of the HTML report inside the bundle.
pub const HTML_NAME: &str = "laporan.html";
/// Name of the read-me inside the bundle.
pub const README_NAME: &str = "BACA-SAYA.txt";
/// Folder of the photos inside the bundle; each is `foto/<id>.jpg`.
pub const PHOTO_DIR: &str = "foto/";
/// Most entries a bundle may have (zip-bomb guard).
pub const MAX_ENTRIES: usize = 4096;
/// Largest single entry in bytes (zip-bomb guard; photos are at most 1.5 MB).
pub const MAX_ENTRY_BYTES: usize = 32 * 1024 * 1024;
/// Longest photo id accepted as a file name.
pub const MAX_PHOTO_ID: usize = 64;

const LOCAL_SIG: u32 = 0x0403_4b50;
const CENTRAL_SIG: u32 = 0x0201_4b50;
const END_SIG: u32 = 0x0605_4b50;
const LOCAL_LEN: usize = 30;
const CENTRAL_LEN: usize = 46;
const END_LEN: usize = 22;
/// General-purpose flag bit 11: names are UTF-8.
const FLAG_UTF8: u16 = 1 << 11;
/// General-purpose flag bit 0: encrypted.
const FLAG_ENCRYPTED: u16 = 1;
/// "Version needed to extract": 2.0.
const VERSION: u16 = 20;
/// "Version made by": Unix (3), spec 2.0, so the external attributes below are Unix modes.
const MADE_BY: u16 = (3 << 8) | VERSION;
/// Unix mode `-rw-r--r--` in the high half of the external attributes.
const FILE_MODE: u32 = 0o100_644 << 16;

/// A photo as it travels in the bundle: its id and its JPEG bytes.
pub type Photo = (String, Vec<u8>);

/// Why a bundle could not be written or opened; the app words each case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BundleError {
    /// The bytes are not a ZIP file at all.
    NotZip,
    /// A ZIP file that ends early (an interrupted download or copy).
    Truncated,
    /// A ZIP file with an inconsistent structure or a wrong checksum; the detail says where.
    Damaged(String),
    /// A ZIP feature patuh does not read: compression, encryption, ZIP64, split archives.
    Unsupported(String),
    /// More than [`MAX_ENTRIES`] entries.
    TooManyEntries(usize),
    /// An entry larger than [`MAX_ENTRY_BYTES`].
    EntryTooLarge {
        /// Entry name.
        name: String,
        /// Its size in bytes.
        size: u64,
    },
    /// A photo id that cannot be a file name (write only).
    BadPhotoId(String),
    /// The same photo id twice (write only).
    DuplicatePhoto(String),
    /// No `penilaian.json` in the archive.
    MissingJson,
    /// `penilaian.json` is there but does not open (`persist::decode`'s reason).
    Json(DecodeError),
}

/// The read-me written into every bundle, Indonesian first.
pub const README: &str = "\
Bundel bukti patuh - penilaian mandiri kepatuhan pelayanan publik\r
=================================================================\r
\r
penilaian.json  Berkas penilaian. Buka di patuh (\"Buka berkas\") untuk melanjutkan atau\r
                memeriksa penilaian. Berkas ZIP ini juga dapat dibuka langsung di patuh.\r
laporan.html    Laporan lengkap; dapat dibuka dengan peramban apa pun, tanpa internet.\r
foto/           Foto bukti. Nama setiap foto adalah id yang dirujuk di penilaian.json.\r
\r
Jangan mengubah atau memampatkan ulang berkas di dalam bundel ini: patuh hanya dapat\r
membuka bundel seperti yang dibuatnya.\r
\r
\r
patuh evidence bundle - public service compliance self-assessment\r
=================================================================\r
\r
penilaian.json  The assessment file. Open it in patuh (\"Open file\") to continue or review\r
                the assessment. This ZIP file can also be opened in patuh directly.\r
laporan.html    The full report; opens in any browser, without internet.\r
foto/           Photo evidence. Each photo is named by the id penilaian.json refers to.\r
\r
Do not change or re-compress the files in this bundle: patuh only opens bundles as it\r
wrote them.\r
";

/// Writes the evidence bundle: `penilaian.json`, optionally `laporan.html`, `foto/<id>.jpg` for
/// each photo, and `BACA-SAYA.txt`, all stored uncompressed (docs/FORMAT.md §The evidence bundle
/// (ZIP)).
///
/// `json` must be a file `persist::decode` opens (checked, so every written bundle reopens); its
/// `saved_at` becomes the entries' modification time.
pub fn write(json: &str, html: Option<&str>, photos: &[Photo]) -> Result<Vec<u8>, BundleError> {
    let snapshot = persist::decode(json).map_err(BundleError::Json)?;
    let stamp = dos_time(&snapshot.saved_at);
    let mut ids = BTreeSet::new();
    for (id, _) in photos {
        if !valid_photo_id(id) {
            return Err(BundleError::BadPhotoId(id.clone()));
        }
        if !ids.insert(id.as_str()) {
            return Err(BundleError::DuplicatePhoto(id.clone()));
        }
    }
    let mut entries: Vec<(String, &[u8])> = vec![(JSON_NAME.to_string(), json.as_bytes())];
    if let Some(h) = html {
        entries.push((HTML_NAME.to_string(), h.as_bytes()));
    }
    for (id, bytes) in photos {
        entries.push((photo_name(id), bytes));
    }
    entries.push((README_NAME.to_string(), README.as_bytes()));
    if entries.len() > MAX_ENTRIES {
        return Err(BundleError::TooManyEntries(entries.len()));
    }
    let mut w = ZipWriter::default();
    for (name, data) in &entries {
        w.add(name, data, stamp)?;
    }
    w.finish()
}

/// Opens an evidence bundle: validates the archive, decodes `penilaian.json` with
/// `persist::decode`, and returns the photos (id, JPEG bytes) the assessment refers to, in archive
/// order. Unreferenced photos and other files are ignored.
pub fn read(bytes: &[u8]) -> Result<(Snapshot, Vec<Photo>), BundleError> {
    let entries = read_entries(bytes)?;
    let json = entries.iter().find(|e| e.name == JSON_NAME).ok_or(BundleError::MissingJson)?;
    let text = std::str::from_utf8(json.data)
        .map_err(|_| BundleError::Json(DecodeError::NotJson("not UTF-8 text".into())))?;
    let snapshot = persist::decode(text).map_err(BundleError::Json)?;
    let wanted = referenced_photos(&snapshot);
    let photos = entries
        .iter()
        .filter_map(|e| {
            let id = e.name.strip_prefix(PHOTO_DIR)?.strip_suffix(".jpg")?;
            (valid_photo_id(id) && wanted.contains(id)).then(|| (id.to_string(), e.data.to_vec()))
        })
        .collect();
    Ok((snapshot, photos))
}

/// The archive name of a photo: `foto/<id>.jpg`.
pub fn photo_name(id: &str) -> String {
    format!("{PHOTO_DIR}{id}.jpg")
}

/// True when a photo id can be a file name: 1–64 ASCII letters, digits, `-` or `_`.
pub fn valid_photo_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_PHOTO_ID
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Every photo id the assessment refers to, unit-wide and per product.
fn referenced_photos(s: &Snapshot) -> BTreeSet<&str> {
    let mut ids = BTreeSet::new();
    for u in &s.assessment.units {
        let maps = std::iter::once(&u.answers).chain(u.products.iter().map(|p| &p.answers));
        for m in maps {
            for e in m.values() {
                ids.extend(e.photos.iter().map(String::as_str));
            }
        }
    }
    ids
}

/// An MS-DOS date and time (the ZIP timestamp) from the digits of an ISO 8601 time as written,
/// e.g. "2026-11-23T10:15:00+07:00"; 1980-01-01 00:00 when it cannot be read.
fn dos_time(iso: &str) -> (u16, u16) {
    const EPOCH: (u16, u16) = (0, (1 << 5) | 1);
    let digits = |from: usize, len: usize| -> Option<u16> {
        let s = iso.get(from..from + len)?;
        s.bytes().all(|b| b.is_ascii_digit()).then(|| s.parse().ok()).flatten()
    };
    let (Some(y), Some(mo), Some(d)) = (digits(0, 4), digits(5, 2), digits(8, 2)) else {
        return EPOCH;
    };
    if !(1980..=2107).contains(&y) || !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
        return EPOCH;
    }
    let (h, mi, s) = (digits(11, 2), digits(14, 2), digits(17, 2));
    let time = match (h, mi, s) {
        (Some(h @ 0..=23), Some(mi @ 0..=59), Some(s @ 0..=59)) => (h << 11) | (mi << 5) | (s / 2),
        _ => 0,
    };
    (time, ((y - 1980) << 9) | (mo << 5) | d)
}

/// One stored entry written so far, remembered for the central directory.
struct Written {
    name: String,
    crc: u32,
    size: u32,
    offset: u32,
    stamp: (u16, u16),
}

/// A store-only ZIP writer (no compression, no ZIP64, UTF-8 names).
#[derive(Default)]
struct ZipWriter {
    out: Vec<u8>,
    entries: Vec<Written>,
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A length or offset as a 32-bit ZIP field; `None` past 4 GiB (which would need ZIP64).
fn small(n: usize) -> Option<u32> {
    u32::try_from(n).ok().filter(|&n| n != u32::MAX)
}

impl ZipWriter {
    fn add(&mut self, name: &str, data: &[u8], stamp: (u16, u16)) -> Result<(), BundleError> {
        let too_large =
            || BundleError::EntryTooLarge { name: name.to_string(), size: data.len() as u64 };
        if data.len() > MAX_ENTRY_BYTES {
            return Err(too_large());
        }
        let size = small(data.len()).ok_or_else(too_large)?;
        let offset = small(self.out.len()).ok_or_else(too_large)?;
        let name_len = u16::try_from(name.len())
            .map_err(|_| BundleError::Unsupported(format!("name too long: {name}")))?;
        let crc = crc32fast::hash(data);
        let o = &mut self.out;
        put32(o, LOCAL_SIG);
        put16(o, VERSION);
        put16(o, FLAG_UTF8);
        put16(o, 0); // stored
        put16(o, stamp.0);
        put16(o, stamp.1);
        put32(o, crc);
        put32(o, size);
        put32(o, size);
        put16(o, name_len);
        put16(o, 0); // no extra field
        o.extend_from_slice(name.as_bytes());
        o.extend_from_slice(data);
        self.entries.push(Written { name: name.to_string(), crc, size, offset, stamp });
        Ok(())
    }

    fn finish(mut self) -> Result<Vec<u8>, BundleError> {
        let too_large = || BundleError::Unsupported("archive larger than 4 GiB".into());
        let cd_start = small(self.out.len()).ok_or_else(too_large)?;
        let o = &mut self.out;
        for e in &self.entries {
            put32(o, CENTRAL_SIG);
            put16(o, MADE_BY);
            put16(o, VERSION);
            put16(o, FLAG_UTF8);
            put16(o, 0); // stored
            put16(o, e.stamp.0);
            put16(o, e.stamp.1);
            put32(o, e.crc);
            put32(o, e.size);
            put32(o, e.size);
            put16(o, e.name.len() as u16); // checked in `add`
            put16(o, 0); // extra
            put16(o, 0); // comment
            put16(o, 0); // disk number
            put16(o, 0); // internal attributes
            put32(o, FILE_MODE);
            put32(o, e.offset);
            o.extend_from_slice(e.name.as_bytes());
        }
        let cd_size = small(self.out.len()).ok_or_else(too_large)? - cd_start;
        let count = u16::try_from(self.entries.len())
            .map_err(|_| BundleError::TooManyEntries(self.entries.len()))?;
        let o = &mut self.out;
        put32(o, END_SIG);
        put16(o, 0); // this disk
        put16(o, 0); // disk of the central directory
        put16(o, count);
        put16(o, count);
        put32(o, cd_size);
        put32(o, cd_start);
        put16(o, 0); // comment
        Ok(self.out)
    }
}

/// One entry of an archive being read: its name and its (stored) bytes inside the archive.
struct Entry<'a> {
    name: String,
    data: &'a [u8],
}

/// Little-endian reads that fail instead of panicking past the end.
fn get16(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}

fn get32(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// The offset of the end-of-central-directory record: the last signature whose comment fits.
fn find_end(b: &[u8]) -> Option<usize> {
    let last = b.len().checked_sub(END_LEN)?;
    let first = last.saturating_sub(usize::from(u16::MAX));
    (first..=last).rev().find(|&i| {
        get32(b, i) == Some(END_SIG)
            && get16(b, i + 20).is_some_and(|c| i + END_LEN + usize::from(c) <= b.len())
    })
}

/// A structural inconsistency.
fn damaged(what: &str) -> BundleError {
    BundleError::Damaged(what.to_string())
}

/// Reads and checks every entry of a store-only archive; unsafe paths are left out.
fn read_entries(b: &[u8]) -> Result<Vec<Entry<'_>>, BundleError> {
    let Some(end) = find_end(b) else {
        return Err(if b.starts_with(&LOCAL_SIG.to_le_bytes()) {
            BundleError::Truncated
        } else {
            BundleError::NotZip
        });
    };
    let field16 = |at: usize| get16(b, end + at).ok_or(BundleError::Truncated);
    let field32 = |at: usize| get32(b, end + at).ok_or(BundleError::Truncated);
    let (disk, cd_disk) = (field16(4)?, field16(6)?);
    let (here, count) = (field16(8)?, field16(10)?);
    let (cd_size, cd_start) = (field32(12)?, field32(16)?);
    if count == u16::MAX || cd_size == u32::MAX || cd_start == u32::MAX {
        return Err(BundleError::Unsupported("ZIP64".into()));
    }
    if disk != 0 || cd_disk != 0 || here != count {
        return Err(BundleError::Unsupported("split archive".into()));
    }
    let count = usize::from(count);
    if count > MAX_ENTRIES {
        return Err(BundleError::TooManyEntries(count));
    }
    let cd_start = cd_start as usize;
    let cd_end = cd_start.checked_add(cd_size as usize).ok_or(BundleError::Truncated)?;
    if cd_end > end {
        return Err(BundleError::Truncated);
    }
    let mut entries = Vec::with_capacity(count);
    let mut names = BTreeSet::new();
    // Bytes of local headers and data so far: more than lies before the central directory means
    // entries overlap, so the work and memory of reading stay bounded by the archive's size.
    let mut used = 0usize;
    let mut at = cd_start;
    for _ in 0..count {
        let (entry, next) = central_entry(b, at, cd_end, &mut used, cd_start)?;
        at = next;
        if let Some(e) = entry {
            if !names.insert(e.name.clone()) {
                return Err(BundleError::Damaged(format!("duplicate entry {}", e.name)));
            }
            entries.push(e);
        }
    }
    Ok(entries)
}

/// Reads the central-directory record at `at` and the entry it describes. Returns the entry
/// (`None` for a folder or an unsafe path) and the offset of the next record; adds the bytes the
/// entry occupies to `used`, which may not pass `limit`.
fn central_entry<'a>(
    b: &'a [u8],
    at: usize,
    cd_end: usize,
    used: &mut usize,
    limit: usize,
) -> Result<(Option<Entry<'a>>, usize), BundleError> {
    let f16 = |o: usize| get16(b, at + o).ok_or_else(|| damaged("central directory"));
    let f32 = |o: usize| get32(b, at + o).ok_or_else(|| damaged("central directory"));
    if at + CENTRAL_LEN > cd_end || f32(0)? != CENTRAL_SIG {
        return Err(damaged("central directory"));
    }
    let (flags, method) = (f16(8)?, f16(10)?);
    let (crc, csize, plain) = (f32(16)?, f32(20)?, f32(24)?);
    let (name_len, extra_len, comment_len) =
        (usize::from(f16(28)?), usize::from(f16(30)?), usize::from(f16(32)?));
    let offset = f32(42)?;
    let name_start = at + CENTRAL_LEN;
    let next = name_start + name_len + extra_len + comment_len;
    if next > cd_end {
        return Err(damaged("central directory"));
    }
    let raw_name = &b[name_start..name_start + name_len];
    let name = String::from_utf8_lossy(raw_name).into_owned();
    if csize == u32::MAX || plain == u32::MAX || offset == u32::MAX {
        return Err(BundleError::Unsupported("ZIP64".into()));
    }
    if flags & FLAG_ENCRYPTED != 0 {
        return Err(BundleError::Unsupported(format!("encrypted entry {name}")));
    }
    if method != 0 {
        return Err(BundleError::Unsupported(format!("compressed entry {name} (method {method})")));
    }
    if csize != plain {
        return Err(BundleError::Damaged(format!("sizes of {name} disagree")));
    }
    let size = csize as usize;
    if size > MAX_ENTRY_BYTES {
        return Err(BundleError::EntryTooLarge { name, size: u64::from(csize) });
    }
    // The local header repeats the name; its own name and extra lengths place the data.
    let local = offset as usize;
    let l16 = |o: usize| get16(b, local + o).ok_or(BundleError::Truncated);
    if get32(b, local) != Some(LOCAL_SIG) {
        return Err(BundleError::Damaged(format!("local header of {name}")));
    }
    let data_start = local + LOCAL_LEN + usize::from(l16(26)?) + usize::from(l16(28)?);
    let data_end = data_start.checked_add(size).ok_or(BundleError::Truncated)?;
    let data = b.get(data_start..data_end).ok_or(BundleError::Truncated)?;
    if data_end > limit {
        return Err(BundleError::Damaged(format!("{name} runs into the central directory")));
    }
    *used = used.saturating_add(data_end - local);
    if *used > limit {
        return Err(damaged("overlapping entries"));
    }
    if crc32fast::hash(data) != crc {
        return Err(BundleError::Damaged(format!("checksum of {name}")));
    }
    let entry = safe_path(&name).then_some(Entry { name, data });
    Ok((entry, next))
}

/// False for folders, absolute paths, backslashes, drive letters and any `..` or empty segment.
fn safe_path(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.contains(['\\', ':', '\0'])
        && name.split('/').all(|seg| !seg.is_empty() && seg != "." && seg != "..")
}
