//! Opening a file the user chose: a patuh JSON file, an HTML report with the file embedded, or an
//! evidence bundle (ZIP), through one entry point with one error type whose every case is worded
//! in Indonesian and English (docs/FORMAT.md §What opening a file checks). The app's "Buka berkas
//! penilaian", the comparison and the pemda recap all open files here.

use crate::bundle::{self, BundleError, Photo};
use crate::instrument::Lang;
use crate::persist::{self, DecodeError, Problem, Snapshot};

/// The `id` of the script element that carries the assessment file in the HTML report
/// (docs/FORMAT.md §The HTML report carries the same file).
pub const DATA_ID: &str = "patuh-data";
/// Largest file accepted: an evidence bundle with its photos (a JSON file or the file inside a
/// report has its own, smaller limit, `persist::MAX_BYTES`).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// How [`as_text`] marks bytes that are not UTF-8 text (a ZIP file), base64 after it.
const BYTES_PREFIX: &str = "data:application/octet-stream;base64,";

/// An opened file: the assessment and, from a bundle, its photos.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    /// The decoded, validated file.
    pub snapshot: Snapshot,
    /// The photos (id, JPEG bytes) a bundle carried for the assessment; empty otherwise.
    pub photos: Vec<Photo>,
}

/// Why a file could not be opened; [`message`] words each case for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// The file has no bytes.
    Empty,
    /// An HTML page without patuh's data block.
    ReportWithoutData,
    /// The patuh file itself (or the one inside a report or a bundle) does not open; also
    /// `TooLarge` for any file over [`MAX_FILE_BYTES`], and `NotOurs` for a picture or another
    /// binary file.
    File(DecodeError),
    /// A ZIP file that ends early (an interrupted download or copy).
    ZipTruncated,
    /// A ZIP file with a broken structure or contents that fail their checksum.
    ZipDamaged,
    /// A ZIP feature patuh does not read: a password, ZIP64, split archives, rare compression.
    ZipUnsupported,
    /// A ZIP file with too many entries or too much inside.
    ZipTooLarge,
    /// A ZIP file without `penilaian.json`.
    ZipWithoutFile,
}

impl From<DecodeError> for OpenError {
    fn from(e: DecodeError) -> Self {
        OpenError::File(e)
    }
}

impl From<BundleError> for OpenError {
    fn from(e: BundleError) -> Self {
        match e {
            BundleError::Json(d) => d.into(),
            BundleError::Truncated => OpenError::ZipTruncated,
            BundleError::Unsupported(_) => OpenError::ZipUnsupported,
            BundleError::TooManyEntries(_) | BundleError::EntryTooLarge { .. } => {
                OpenError::ZipTooLarge
            }
            BundleError::MissingJson => OpenError::ZipWithoutFile,
            // Starts like a ZIP but is not one; the write-only cases cannot come from reading.
            BundleError::NotZip
            | BundleError::Damaged(_)
            | BundleError::BadPhotoId(_)
            | BundleError::DuplicatePhoto(_) => OpenError::ZipDamaged,
        }
    }
}

/// Opens the bytes of a chosen file (`name` is its file name, used only to recognise an HTML
/// report): a ZIP is read as an evidence bundle, anything else as text ([`open_text`]). Nothing is
/// returned unless the whole file is valid.
pub fn open(name: &str, bytes: &[u8]) -> Result<Opened, OpenError> {
    if bytes.is_empty() {
        return Err(OpenError::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(DecodeError::TooLarge.into());
    }
    if bytes.starts_with(b"PK") {
        let (snapshot, photos) = bundle::read(bytes)?;
        return Ok(Opened { snapshot, photos });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => open_text(name, text),
        // Binary: a damaged JSON file if it starts like one, otherwise some other kind of file.
        Err(_) if first_char(&String::from_utf8_lossy(bytes)) == Some('{') => {
            Err(DecodeError::NotJson.into())
        }
        Err(_) => Err(DecodeError::NotOurs.into()),
    }
}

/// Opens a file given as text: a patuh JSON file, an HTML report (by its name or its first
/// character), or bytes [`as_text`] marked.
pub fn open_text(name: &str, text: &str) -> Result<Opened, OpenError> {
    if let Some(b64) = text.strip_prefix(BYTES_PREFIX) {
        let bytes = base64_decode(b64).ok_or(OpenError::File(DecodeError::NotOurs))?;
        return open(name, &bytes);
    }
    if text.len() > MAX_FILE_BYTES {
        return Err(DecodeError::TooLarge.into());
    }
    if text.is_empty() {
        return Err(OpenError::Empty);
    }
    let lower = name.to_ascii_lowercase();
    let html = lower.ends_with(".html") || lower.ends_with(".htm") || first_char(text) == Some('<');
    let json = if html && first_char(text) != Some('{') {
        extract_json(text).ok_or(OpenError::ReportWithoutData)?
    } else {
        text.to_string()
    };
    Ok(Opened { snapshot: persist::decode(&json)?, photos: Vec::new() })
}

/// The bytes of a chosen file as text for the recap, which carries its files as text: UTF-8 as it
/// is, anything else (a ZIP) marked and base64-encoded, so [`open_text`] reads it like [`open`].
pub fn as_text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(t) if !bytes.starts_with(b"PK") => t.to_string(),
        _ => format!("{BYTES_PREFIX}{}", base64_encode(bytes)),
    }
}

/// The first character that is not a byte-order mark or white space.
fn first_char(text: &str) -> Option<char> {
    text.chars().find(|c| !c.is_whitespace() && *c != '\u{feff}')
}

/// The assessment file embedded in an HTML report, as `persist::encode` wrote it, or `None` when
/// there is none. The report escapes `<`, `>`, `&`, U+2028 and U+2029 inside the data block
/// (`report::html::escape_json`); they are read back here, so the size limit of
/// `persist::decode` applies to the file itself, not to its escaped form.
pub fn extract_json(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("<script") {
        let tag_start = from + i;
        let tag_end = tag_start + lower[tag_start..].find('>')?;
        let tag = &lower[tag_start..tag_end];
        let body_start = tag_end + 1;
        let body_end = body_start + lower[body_start..].find("</script")?;
        if tag.contains(&format!("id=\"{DATA_ID}\"")) {
            return Some(unescape_block(html[body_start..body_end].trim()));
        }
        from = body_end;
    }
    None
}

/// Reads back the five escapes of a data block; every other escape (`\\`, `\"`, `\n`, other
/// `\uXXXX`) is kept as it is, so the JSON means the same.
fn unescape_block(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let esc = &rest[i..];
        let plain = match esc.get(..6) {
            Some("\\u003c") => Some('<'),
            Some("\\u003e") => Some('>'),
            Some("\\u0026") => Some('&'),
            Some("\\u2028") => Some('\u{2028}'),
            Some("\\u2029") => Some('\u{2029}'),
            _ => None,
        };
        match plain {
            Some(c) => {
                out.push(c);
                rest = &esc[6..];
            }
            None => {
                // A backslash and the character it escapes, unchanged (`\\u003c` stays literal).
                let n = esc[1..].chars().next().map_or(1, |c| 1 + c.len_utf8());
                out.push_str(&esc[..n]);
                rest = &esc[n..];
            }
        }
    }
    out.push_str(rest);
    out
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (RFC 4648 §4).
fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            let c = if i <= chunk.len() { B64[(n >> (18 - 6 * i)) as usize & 63] } else { b'=' };
            out.push(char::from(c));
        }
    }
    out
}

/// The bytes of standard base64; `None` when it is not.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let t = text.trim_end_matches('=').as_bytes();
    let mut out = Vec::with_capacity(t.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in t {
        let v = B64.iter().position(|&x| x == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Why a file could not be opened, in the user's language: what happened and what to do. Ids from
/// the file are quoted, shortened to 40 characters.
pub fn message(e: &OpenError, lang: Lang) -> String {
    use OpenError::*;
    let id = lang == Lang::Id;
    let pick = |i: &str, en: &str| if id { i.to_string() } else { en.to_string() };
    match e {
        Empty => pick("Berkas ini kosong.", "The file is empty."),
        ReportWithoutData => pick(
            "Halaman HTML ini tidak memuat data penilaian patuh (bukan laporan patuh, atau disimpan ulang oleh peramban).",
            "This HTML page does not carry patuh's assessment data (not a patuh report, or saved again by a browser).",
        ),
        ZipTruncated => pick(
            "Berkas ZIP ini terpotong (unduhan atau salinan belum selesai). Unduh atau salin lagi.",
            "This ZIP file is cut short (an unfinished download or copy). Download or copy it again.",
        ),
        ZipDamaged => pick(
            "Berkas ZIP ini rusak: isinya tidak lolos pemeriksaan. Buka salinan lain.",
            "This ZIP file is damaged: its contents fail their check. Open another copy.",
        ),
        ZipUnsupported => pick(
            "Berkas ZIP ini memakai kata sandi atau cara pemampatan yang tidak dibaca patuh. Ekstrak, lalu buka penilaian.json di dalamnya.",
            "This ZIP file uses a password or a kind of compression patuh does not read. Extract it, then open the penilaian.json inside.",
        ),
        ZipTooLarge => pick(
            "Berkas ZIP ini terlalu besar atau memuat terlalu banyak berkas untuk bundel bukti patuh.",
            "This ZIP file is too large or holds too many files for a patuh evidence bundle.",
        ),
        ZipWithoutFile => pick(
            "Berkas ZIP ini tidak memuat penilaian.json, jadi bukan bundel bukti patuh.",
            "This ZIP file has no penilaian.json, so it is not a patuh evidence bundle.",
        ),
        File(d) => file_message(d, lang),
    }
}

/// Why a patuh file does not open, in the user's language.
fn file_message(e: &DecodeError, lang: Lang) -> String {
    use DecodeError::*;
    let id = lang == Lang::Id;
    let pick = |i: &str, en: &str| if id { i.to_string() } else { en.to_string() };
    match e {
        TooLarge => pick(
            "Berkas terlalu besar untuk berkas penilaian patuh.",
            "The file is too large to be a patuh assessment file.",
        ),
        NotJson => pick(
            "Berkas ini rusak: isinya terpotong atau diubah. Buka salinan lain, misalnya dari bundel ZIP atau laporan HTML-nya.",
            "This file is damaged: it is cut short or was changed. Open another copy, e.g. from its ZIP bundle or HTML report.",
        ),
        NotOurs => pick(
            "Ini bukan berkas penilaian patuh. Pilih berkas .json, laporan .html, atau bundel .zip yang dibuat patuh.",
            "This is not a patuh assessment file. Choose a .json file, an .html report or a .zip bundle made by patuh.",
        ),
        NewerFormat(v) => if id {
            format!("Berkas dibuat oleh versi patuh yang lebih baru (format {v}). Buka dengan patuh terbaru.")
        } else {
            format!("The file was made by a newer patuh (format {v}). Open it with the current patuh.")
        },
        UnknownInstrument(i) => if id {
            format!("Instrumen \u{201c}{}\u{201d} tidak dikenal oleh versi patuh ini.", short(i))
        } else {
            format!("This version of patuh does not know the instrument \u{201c}{}\u{201d}.", short(i))
        },
        InstrumentNotLoaded(i) => if id {
            format!("Data instrumen \u{201c}{}\u{201d} belum dapat dimuat. Periksa sambungan internet, lalu coba lagi.", named(i, lang))
        } else {
            format!("The data of the instrument \u{201c}{}\u{201d} could not be loaded. Check the connection and try again.", named(i, lang))
        },
        InstrumentVersion { id: i, found, expected } => if id {
            format!("Berkas memakai data instrumen \u{201c}{}\u{201d} versi {}, sedangkan patuh ini memakai versi {}.", named(i, lang), short(found), short(expected))
        } else {
            format!("The file uses the data of the instrument \u{201c}{}\u{201d} version {}; this patuh uses version {}.", named(i, lang), short(found), short(expected))
        },
        Invalid(p) => invalid(p, lang),
    }
}

/// What does not fit, in the user's language; `{}` in a text stands for the file's id, quoted.
fn invalid(p: &Problem, lang: Lang) -> String {
    let (id, [in_id, in_en]) = match p {
        Problem::Structure => {
            (None, ["ada bagian yang hilang atau salah bentuk", "a part is missing or malformed"])
        }
        Problem::FormatVersion => {
            (None, ["versi formatnya tidak tercatat", "its format version is missing"])
        }
        Problem::EmptyUnit => (
            None,
            ["ada unit layanan tanpa produk layanan", "a service unit has no service product"],
        ),
        Problem::DuplicateId(i) => (
            Some(i),
            [
                "kode unit atau produk {} tercatat dua kali",
                "the unit or product id {} occurs twice",
            ],
        ),
        Problem::UnknownIndicator(i) => (
            Some(i),
            ["indikator {} tidak ada di instrumennya", "the indicator {} is not in its instrument"],
        ),
        Problem::WrongLevel(i) => (
            Some(i),
            [
                "jawaban indikator {} tersimpan di tingkat yang salah",
                "the answer to {} is stored at the wrong level",
            ],
        ),
        Problem::UnknownAnswer(i) => (
            Some(i),
            [
                "jawaban indikator {} bukan pilihan instrumennya",
                "the answer to {} is not an option of its instrument",
            ],
        ),
        Problem::OpinionData(i) => (
            Some(i),
            [
                "data Opini {} tidak sesuai instrumennya",
                "the opinion data {} does not fit its instrument",
            ],
        ),
    };
    let text = if lang == Lang::Id { in_id } else { in_en };
    let detail = match id {
        Some(i) => text.replace("{}", &format!("\u{201c}{}\u{201d}", short(i))),
        None => text.to_string(),
    };
    match lang {
        Lang::Id => format!("Isi berkas tidak sesuai dengan instrumennya: {detail}."),
        Lang::En => format!("The file's contents do not fit its instrument: {detail}."),
    }
}

/// A text from a file, at most 40 characters (a hostile id cannot flood the message).
/// An instrument as an official knows it: its name in the catalogue, or the file's own id (cut
/// short) when this build does not list it.
fn named(id: &str, lang: Lang) -> String {
    crate::instrument::listing(id).map_or_else(|| short(id), |l| l.title.get(lang).to_string())
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().filter(|c| !c.is_control()).take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}
