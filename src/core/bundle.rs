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
//! # How the ZIP is written and read
//!
//! patuh writes every entry *stored* (method 0, no compression): photos are already JPEG and the
//! JSON and HTML are small, so deflate would gain little and cost a compressor in the wasm file.
//! The writer is about 100 lines here (local headers, the central directory and its end record,
//! CRC-32 from `crc32fast`). The `zip` crate was not used because on `wasm32` it pulls in
//! `getrandom` with its `wasm_js` backend (`wasm-bindgen`, `js-sys`), which this pure core must
//! never depend on.
//!
//! Reading ([`read`], in `bundle/unzip.rs`) accepts what an operating system or a phone's file
//! manager makes when it re-zips a bundle: deflated entries (inflated by `miniz_oxide`) and the
//! files inside one folder. It never panics and never trusts the archive.

use std::collections::BTreeSet;

use crate::persist::{self, DecodeError, Snapshot};

mod unzip;

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
/// Most bytes read out of one archive in all, after inflating (zip-bomb guard).
pub const MAX_TOTAL_BYTES: usize = 256 * 1024 * 1024;
/// Longest photo id accepted as a file name.
pub const MAX_PHOTO_ID: usize = 64;

const LOCAL_SIG: u32 = 0x0403_4b50;
const CENTRAL_SIG: u32 = 0x0201_4b50;
const END_SIG: u32 = 0x0605_4b50;
/// General-purpose flag bit 11: names are UTF-8.
const FLAG_UTF8: u16 = 1 << 11;
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
    /// A ZIP feature patuh does not read: encryption, ZIP64, split archives, compression other
    /// than deflate.
    Unsupported(String),
    /// More than [`MAX_ENTRIES`] entries.
    TooManyEntries(usize),
    /// An entry larger than [`MAX_ENTRY_BYTES`], or more than [`MAX_TOTAL_BYTES`] in all.
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
                Setiap foto bukti ditautkan dari pertanyaannya di laporan ini.\r
foto/           Foto bukti. Nama setiap foto adalah id yang dirujuk di penilaian.json.\r
\r
Jangan mengubah isi penilaian.json dengan program lain: patuh menolak berkas yang rusak\r
atau tidak cocok dengan instrumennya, tetapi tidak dapat mengenali jawaban yang diubah.\r
Bundel yang dimampatkan ulang (ZIP biasa) tetap dapat dibuka.\r
\r
\r
patuh evidence bundle - public service compliance self-assessment\r
=================================================================\r
\r
penilaian.json  The assessment file. Open it in patuh (\"Open file\") to continue or review\r
                the assessment. This ZIP file can also be opened in patuh directly.\r
laporan.html    The full report; opens in any browser, without internet.\r
                Each evidence photo is linked from its question in this report.\r
foto/           Photo evidence. Each photo is named by the id penilaian.json refers to.\r
\r
Do not change penilaian.json with another program: patuh refuses a damaged file or one\r
that does not fit its instrument, but cannot tell that an answer was changed.\r
A re-compressed bundle (an ordinary ZIP) still opens.\r
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
/// order. Unreferenced photos and other files are ignored. A bundle re-zipped with its files in one
/// folder (`bundel/penilaian.json`, `bundel/foto/…`) opens too.
pub fn read(bytes: &[u8]) -> Result<(Snapshot, Vec<Photo>), BundleError> {
    let entries = unzip::entries(bytes)?;
    let root = root_of(&entries).ok_or(BundleError::MissingJson)?;
    let json = entries
        .iter()
        .find(|e| e.name.strip_prefix(root) == Some(JSON_NAME))
        .ok_or(BundleError::MissingJson)?;
    let mut budget = MAX_TOTAL_BYTES;
    let data = json.contents(&mut budget)?;
    let text = std::str::from_utf8(&data).map_err(|_| BundleError::Json(DecodeError::NotJson))?;
    let snapshot = persist::decode(text).map_err(BundleError::Json)?;
    let wanted = referenced_photos(&snapshot);
    let mut photos = Vec::new();
    for e in &entries {
        let Some(file) = e.name.strip_prefix(root).and_then(|n| n.strip_prefix(PHOTO_DIR)) else {
            continue;
        };
        match file.strip_suffix(".jpg") {
            Some(id) if valid_photo_id(id) && wanted.contains(id) => {
                photos.push((id.to_string(), e.contents(&mut budget)?));
            }
            _ => {}
        }
    }
    Ok((snapshot, photos))
}

/// The folder the bundle's files are in: "" when `penilaian.json` is at the top, or the one
/// folder (`name/`) that holds it when it was re-zipped as a folder; macOS's `__MACOSX/` copies
/// are never it.
fn root_of<'a>(entries: &'a [unzip::Entry<'_>]) -> Option<&'a str> {
    if entries.iter().any(|e| e.name == JSON_NAME) {
        return Some("");
    }
    entries.iter().find_map(|e| {
        let folder = e.name.strip_suffix(JSON_NAME)?;
        let ok = folder.ends_with('/') && folder.matches('/').count() == 1 && folder != "__MACOSX/";
        ok.then_some(folder)
    })
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
