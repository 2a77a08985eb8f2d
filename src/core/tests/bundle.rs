//! The evidence bundle (docs/FORMAT.md §The evidence bundle (ZIP)): a ZIP with the JSON, the report
//! and the photos that reopens to the identical assessment, and that refuses broken, foreign and
//! hostile archives with a clear reason, never a panic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use patuh_core::assessment::{Answer, Assessment};
use patuh_core::bundle::{
    self, BundleError, Photo, HTML_NAME, JSON_NAME, MAX_ENTRIES, MAX_ENTRY_BYTES, README_NAME,
};
use patuh_core::instrument::{self, Lang};
use patuh_core::persist::{encode, DecodeError};
use patuh_core::report::{self, html};

/// An ori-2016 assessment whose entries refer to photos `ph1`, `ph2` (unit-wide) and `ph3`.
fn sample() -> Assessment {
    let ins = instrument::by_id("ori-2016").unwrap();
    let mut a = Assessment::new("b1", ins, "Dinas \"<Dukcapil>\" \u{2028}", "Unit 1", "KTP-el");
    let p = a.places()[0].clone();
    let first = ins.sections[0].indicators[0].id.clone();
    a.set_answer(ins, &p, &first, Some(Answer::Value("ada".into())));
    a.edit(ins, &p, &first, |e| {
        e.note = "</script> catatan".into();
        e.photos = vec!["ph3".into()];
    });
    a.edit(ins, &p, "sa-toilet", |e| e.photos = vec!["ph1".into(), "ph2".into()]);
    a
}

/// Bytes that look like a JPEG but are not all alike (a photo must come back byte for byte).
fn jpeg(seed: u8, len: usize) -> Vec<u8> {
    let mut v = vec![0xff, 0xd8, 0xff, 0xe0];
    v.extend((0..len).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)));
    v.extend([0xff, 0xd9]);
    v
}

fn photos() -> Vec<Photo> {
    vec![
        ("ph1".to_string(), jpeg(1, 70_000)),
        ("unused".to_string(), jpeg(2, 10)),
        ("ph3".to_string(), jpeg(3, 0)),
        ("ph2".to_string(), jpeg(4, 1234)),
    ]
}

fn json() -> String {
    encode(&sample(), "2026-11-23T10:15:30+07:00")
}

fn bundle_bytes() -> Vec<u8> {
    let a = sample();
    let r = report::build(instrument::by_id("ori-2016").unwrap(), &a, Lang::Id, "x");
    let page = html::render(&r, &json());
    bundle::write(&json(), Some(&page), &photos()).unwrap()
}

/// A minimal store-only ZIP built by hand, to make archives patuh would never write:
/// (name, data, compression method).
fn zip(entries: &[(&str, &[u8], u16)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data, method) in entries {
        let offset = out.len() as u32;
        let crc = crc32fast::hash(data);
        let header = |sig: u32, buf: &mut Vec<u8>, central: bool| {
            buf.extend(sig.to_le_bytes());
            if central {
                buf.extend(20u16.to_le_bytes());
            }
            buf.extend(20u16.to_le_bytes());
            buf.extend(0u16.to_le_bytes());
            buf.extend(method.to_le_bytes());
            buf.extend([0, 0, 0x21, 0]);
            buf.extend(crc.to_le_bytes());
            buf.extend((data.len() as u32).to_le_bytes());
            buf.extend((data.len() as u32).to_le_bytes());
            buf.extend((name.len() as u16).to_le_bytes());
            buf.extend(0u16.to_le_bytes());
            if central {
                buf.extend([0; 6]); // comment length, disk, internal attributes
                buf.extend(0u32.to_le_bytes());
                buf.extend(offset.to_le_bytes());
            }
            buf.extend(name.as_bytes());
        };
        header(0x0403_4b50, &mut out, false);
        out.extend_from_slice(data);
        header(0x0201_4b50, &mut central, true);
    }
    end_record(out, &central, entries.len())
}

fn end_record(mut out: Vec<u8>, central: &[u8], count: usize) -> Vec<u8> {
    let start = out.len() as u32;
    out.extend_from_slice(central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0; 4]);
    out.extend((count as u16).to_le_bytes());
    out.extend((count as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// A small deterministic generator for garbage.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

#[test]
fn write_then_read_gives_the_identical_assessment_and_photos() {
    let bytes = bundle_bytes();
    let (snap, got) = bundle::read(&bytes).unwrap();
    assert_eq!(snap.assessment, sample());
    assert_eq!(snap.saved_at, "2026-11-23T10:15:30+07:00");
    assert_eq!(encode(&snap.assessment, &snap.saved_at), json(), "the JSON is kept as written");
    // Referenced photos only, in archive order, byte for byte.
    let want: Vec<Photo> = photos().into_iter().filter(|(id, _)| id != "unused").collect();
    assert_eq!(got, want);
    // Deterministic: the same input gives the same file.
    assert_eq!(bundle_bytes(), bytes);
    // Every promised file is there, stored under its documented name.
    for name in [JSON_NAME, HTML_NAME, README_NAME, "foto/ph1.jpg", "foto/unused.jpg"] {
        let needle = name.as_bytes();
        assert!(bytes.windows(needle.len()).any(|w| w == needle), "missing {name}");
    }
    assert!(bundle::README.contains("penilaian.json") && bundle::README.contains("evidence"));
    // Kept under target/ to try with other tools (`unzip -t`).
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    std::fs::write(dir.join("bundle-sample.zip"), &bytes).unwrap();
}

#[test]
fn the_html_report_is_optional() {
    let bytes = bundle::write(&json(), None, &[]).unwrap();
    let (snap, got) = bundle::read(&bytes).unwrap();
    assert_eq!(snap.assessment, sample());
    assert!(got.is_empty(), "photos not in the bundle are simply missing");
    let end = &bytes[bytes.len() - 22..];
    assert_eq!(u16::from_le_bytes([end[10], end[11]]), 2, "only the JSON and the read-me");
}

#[test]
fn writing_refuses_what_could_not_be_read_back() {
    let bad_ids = ["", "../x", "a/b", "a\\b", "x.jpg", "ph 1", "é", &"a".repeat(65)];
    for id in bad_ids {
        let photos = vec![(id.to_string(), jpeg(0, 1))];
        assert_eq!(
            bundle::write(&json(), None, &photos),
            Err(BundleError::BadPhotoId(id.to_string())),
            "{id:?}"
        );
    }
    let twice = vec![("ph1".to_string(), jpeg(0, 1)), ("ph1".to_string(), jpeg(1, 1))];
    assert_eq!(
        bundle::write(&json(), None, &twice),
        Err(BundleError::DuplicatePhoto("ph1".into()))
    );
    assert!(matches!(
        bundle::write("{ broken", None, &[]),
        Err(BundleError::Json(DecodeError::NotJson))
    ));
    let huge = vec![("ph1".to_string(), vec![0; MAX_ENTRY_BYTES + 1])];
    assert!(matches!(bundle::write(&json(), None, &huge), Err(BundleError::EntryTooLarge { .. })));
}

#[test]
fn garbage_is_not_a_zip() {
    assert_eq!(bundle::read(&[]).unwrap_err(), BundleError::NotZip);
    assert_eq!(bundle::read(b"PK").unwrap_err(), BundleError::NotZip);
    assert_eq!(bundle::read(json().as_bytes()).unwrap_err(), BundleError::NotZip);
    for seed in 0..300 {
        let len = (seed as usize * 37) % 5000;
        let mut bytes = noise(seed, len);
        if bytes.starts_with(b"PK") {
            bytes[0] = b'x';
        }
        assert_eq!(bundle::read(&bytes).unwrap_err(), BundleError::NotZip, "seed {seed}");
    }
}

#[test]
fn a_truncated_bundle_says_so() {
    let bytes = bundle_bytes();
    let mut cuts: Vec<usize> = (4..bytes.len()).step_by(997).collect();
    cuts.extend([bytes.len() - 1, bytes.len() - 21, bytes.len() - 22, bytes.len() / 2]);
    for cut in cuts {
        assert_eq!(bundle::read(&bytes[..cut]).unwrap_err(), BundleError::Truncated, "cut {cut}");
    }
}

#[test]
fn damaged_bytes_never_panic() {
    let bytes = bundle::write(&json(), None, &[("ph1".to_string(), jpeg(1, 300))]).unwrap();
    for i in 0..bytes.len() {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut b = bytes.clone();
            b[i] ^= flip;
            // Anything may come back except a panic; a changed photo or JSON byte is caught by
            // the checksum.
            if let Ok((snap, photos)) = bundle::read(&b) {
                assert_eq!(snap.assessment, sample(), "byte {i}");
                assert!(photos.iter().all(|(_, p)| *p == jpeg(1, 300)), "byte {i}");
            }
        }
    }
}

#[test]
fn a_zip_without_the_assessment_is_refused() {
    let z = zip(&[("foto/ph1.jpg", &jpeg(1, 10), 0), ("readme.txt", b"hi", 0)]);
    assert_eq!(bundle::read(&z).unwrap_err(), BundleError::MissingJson);
    // The name must be exact, at the top level or in one folder (a bundle re-zipped as a folder);
    // macOS's `__MACOSX/` copies never count.
    let j = json();
    let z = zip(&[("bundel/sub/penilaian.json", j.as_bytes(), 0)]);
    assert_eq!(bundle::read(&z).unwrap_err(), BundleError::MissingJson);
    let z = zip(&[("__MACOSX/penilaian.json", j.as_bytes(), 0)]);
    assert_eq!(bundle::read(&z).unwrap_err(), BundleError::MissingJson);
    let z = zip(&[("Penilaian.JSON", j.as_bytes(), 0)]);
    assert_eq!(bundle::read(&z).unwrap_err(), BundleError::MissingJson);
    let z = zip(&[]);
    assert_eq!(bundle::read(&z).unwrap_err(), BundleError::MissingJson);
}

#[test]
fn a_broken_assessment_file_says_why() {
    let json_error = |text: &[u8]| match bundle::read(&zip(&[(JSON_NAME, text, 0)])) {
        Err(BundleError::Json(e)) => e,
        other => panic!("expected a JSON error, got {other:?}"),
    };
    let truncated = json_error(b"{ \"format\": \"patuh-penilaian-mandiri\", ");
    assert!(matches!(truncated, DecodeError::NotJson), "{truncated:?}");
    assert_eq!(json_error(b"[1, 2, 3]"), DecodeError::NotOurs);
    let binary = json_error(b"\xff\xfe not utf-8");
    assert!(matches!(binary, DecodeError::NotJson), "{binary:?}");
    let newer = br#"{"format":"patuh-penilaian-mandiri","format_version":99,"assessment":{}}"#;
    assert_eq!(json_error(newer), DecodeError::NewerFormat(99));
}

#[test]
fn unsafe_paths_are_ignored() {
    let j = json();
    let photo = jpeg(9, 50);
    let z = zip(&[
        (JSON_NAME, j.as_bytes(), 0),
        ("../foto/ph1.jpg", &photo, 0),
        ("foto/../../ph2.jpg", &photo, 0),
        ("/foto/ph3.jpg", &photo, 0),
        ("foto\\ph1.jpg", &photo, 0),
        ("foto/", b"", 0),
        ("foto/ph2.jpg", &photo, 0),
    ]);
    let (snap, got) = bundle::read(&z).unwrap();
    assert_eq!(snap.assessment, sample());
    assert_eq!(got, vec![("ph2".to_string(), photo)]);
}

#[test]
fn zip_bombs_and_foreign_features_are_refused() {
    let j = json();
    // Compression other than deflate is not read; data that claims deflate but is not is damaged.
    let z = zip(&[(JSON_NAME, j.as_bytes(), 12)]);
    assert!(matches!(bundle::read(&z), Err(BundleError::Unsupported(_))));
    let z = zip(&[(JSON_NAME, j.as_bytes(), 8)]);
    assert!(matches!(bundle::read(&z), Err(BundleError::Damaged(_))), "{:?}", bundle::read(&z));
    // Too many entries: refused from the end record, before reading any.
    let names: Vec<String> = (0..=MAX_ENTRIES).map(|i| format!("e{i}")).collect();
    let entries: Vec<(&str, &[u8], u16)> =
        names.iter().map(|n| (n.as_str(), &b""[..], 0)).collect();
    assert_eq!(
        bundle::read(&zip(&entries)).unwrap_err(),
        BundleError::TooManyEntries(MAX_ENTRIES + 1)
    );
    // An entry claiming more than the cap.
    let mut z = zip(&[(JSON_NAME, j.as_bytes(), 0)]);
    let cd = z.len() - 22 - (46 + JSON_NAME.len());
    let claim = (MAX_ENTRY_BYTES as u32 + 1).to_le_bytes();
    z[cd + 20..cd + 24].copy_from_slice(&claim);
    z[cd + 24..cd + 28].copy_from_slice(&claim);
    assert!(matches!(bundle::read(&z), Err(BundleError::EntryTooLarge { .. })));
    // Overlapping entries: many central records pointing at the same data.
    let one = zip(&[("foto/ph1.jpg", &jpeg(1, 1000), 0)]);
    let local_end = one.len() - 22 - (46 + "foto/ph1.jpg".len());
    let record = &one[local_end..one.len() - 22];
    let mut central = Vec::new();
    for i in 0..50u8 {
        let mut r = record.to_vec();
        let n = r.len();
        r[n - 1] = b'a' + i % 26; // distinct names: foto/ph1.jpa, …
        r[n - 2] = b'a' + i / 26;
        central.extend(r);
    }
    let bomb = end_record(one[..local_end].to_vec(), &central, 50);
    assert!(
        matches!(bundle::read(&bomb), Err(BundleError::Damaged(_))),
        "{:?}",
        bundle::read(&bomb)
    );
}

#[test]
fn the_archive_follows_the_zip_format() {
    // The archive follows APPNOTE: the fixed fields any unzip relies on.
    let bytes = bundle::write(&json(), None, &[("ph1".to_string(), jpeg(1, 5))]).unwrap();
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    assert_eq!(u16::from_le_bytes([bytes[8], bytes[9]]), 0, "stored");
    assert_eq!(u16::from_le_bytes([bytes[6], bytes[7]]) & (1 << 11), 1 << 11, "UTF-8 names");
    // Modification time from saved_at 2026-11-23 10:15:30 (DOS format).
    let time = u16::from_le_bytes([bytes[10], bytes[11]]);
    let date = u16::from_le_bytes([bytes[12], bytes[13]]);
    assert_eq!((time >> 11, (time >> 5) & 63, (time & 31) * 2), (10, 15, 30));
    assert_eq!((1980 + (date >> 9), (date >> 5) & 15, date & 31), (2026, 11, 23));
    let end = &bytes[bytes.len() - 22..];
    assert_eq!(&end[..4], b"PK\x05\x06");
    assert_eq!(u16::from_le_bytes([end[10], end[11]]), 3, "json, photo, read-me");
}
