//! Reading a ZIP archive without trusting it: the central directory, stored and deflated entries
//! (docs/FORMAT.md §The evidence bundle (ZIP)).
//!
//! patuh writes its bundles stored, but an operating system or a phone's file manager that
//! re-zips one deflates it, so both methods are read. Inflating is `miniz_oxide` (pure Rust, no
//! dependency that reaches the browser); the rest is the structure of APPNOTE 6.3: the end record,
//! the central directory and each entry's local header.
//!
//! Nothing is trusted: sizes and offsets are checked against the bytes, entries larger than
//! [`MAX_ENTRY_BYTES`], more than [`MAX_ENTRIES`], or more than `MAX_TOTAL_BYTES` inflated in all
//! are refused, overlapping entries (the "overlap" zip bomb) are refused, every entry that is read
//! is checked against its CRC-32, and paths with `..`, absolute paths and backslashes are left out.

use std::collections::BTreeSet;

use super::{BundleError, CENTRAL_SIG, END_SIG, LOCAL_SIG, MAX_ENTRIES, MAX_ENTRY_BYTES};
const LOCAL_LEN: usize = 30;
const CENTRAL_LEN: usize = 46;
const END_LEN: usize = 22;
/// General-purpose flag bit 0: encrypted.
const FLAG_ENCRYPTED: u16 = 1;
/// Compression method 0: stored.
const STORED: u16 = 0;
/// Compression method 8: deflate.
const DEFLATED: u16 = 8;

/// One entry of an archive: its name, how it is compressed, and its bytes inside the archive.
pub(super) struct Entry<'a> {
    /// The path inside the archive (checked by [`safe_path`]).
    pub name: String,
    method: u16,
    crc: u32,
    size: usize,
    raw: &'a [u8],
}

impl Entry<'_> {
    /// The entry's contents, inflated if needed and checked against its CRC-32; `budget` is what
    /// may still be inflated in this archive, and shrinks by the entry's size.
    pub fn contents(&self, budget: &mut usize) -> Result<Vec<u8>, BundleError> {
        if self.size > *budget {
            return Err(BundleError::EntryTooLarge {
                name: self.name.clone(),
                size: self.size as u64,
            });
        }
        *budget -= self.size;
        let data = match self.method {
            STORED => self.raw.to_vec(),
            _ => miniz_oxide::inflate::decompress_to_vec_with_limit(self.raw, self.size)
                .map_err(|_| damaged("compressed data"))?,
        };
        if data.len() != self.size || crc32fast::hash(&data) != self.crc {
            return Err(damaged("checksum"));
        }
        Ok(data)
    }
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

/// Reads and checks the directory of an archive; unsafe paths and folders are left out. The
/// entries' contents are read on demand ([`Entry::contents`]).
pub(super) fn entries(b: &[u8]) -> Result<Vec<Entry<'_>>, BundleError> {
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
    let mut list = Vec::with_capacity(count);
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
            list.push(e);
        }
    }
    Ok(list)
}

/// Reads the central-directory record at `at` and places the entry it describes. Returns the entry
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
    let name = String::from_utf8_lossy(&b[name_start..name_start + name_len]).into_owned();
    if csize == u32::MAX || plain == u32::MAX || offset == u32::MAX {
        return Err(BundleError::Unsupported("ZIP64".into()));
    }
    if flags & FLAG_ENCRYPTED != 0 {
        return Err(BundleError::Unsupported(format!("encrypted entry {name}")));
    }
    if method != STORED && method != DEFLATED {
        return Err(BundleError::Unsupported(format!("entry {name} (method {method})")));
    }
    if method == STORED && csize != plain {
        return Err(BundleError::Damaged(format!("sizes of {name} disagree")));
    }
    if plain as usize > MAX_ENTRY_BYTES || csize as usize > MAX_ENTRY_BYTES {
        return Err(BundleError::EntryTooLarge { name, size: u64::from(plain.max(csize)) });
    }
    // The local header repeats the name; its own name and extra lengths place the data. Its
    // sizes may be 0 (written before the data, with a data descriptor after it): the central
    // directory's are used.
    let local = offset as usize;
    let l16 = |o: usize| get16(b, local + o).ok_or(BundleError::Truncated);
    if get32(b, local) != Some(LOCAL_SIG) {
        return Err(BundleError::Damaged(format!("local header of {name}")));
    }
    let data_start = local + LOCAL_LEN + usize::from(l16(26)?) + usize::from(l16(28)?);
    let data_end = data_start.checked_add(csize as usize).ok_or(BundleError::Truncated)?;
    let raw = b.get(data_start..data_end).ok_or(BundleError::Truncated)?;
    if data_end > limit {
        return Err(BundleError::Damaged(format!("{name} runs into the central directory")));
    }
    *used = used.saturating_add(data_end - local);
    if *used > limit {
        return Err(damaged("overlapping entries"));
    }
    let entry = safe_path(&name).then_some(Entry { name, method, crc, size: plain as usize, raw });
    Ok((entry, next))
}

/// False for folders, absolute paths, backslashes, drive letters and any `..` or empty segment.
fn safe_path(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.contains(['\\', ':', '\0'])
        && name.split('/').all(|seg| !seg.is_empty() && seg != "." && seg != "..")
}
