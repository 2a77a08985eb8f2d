//! Opening a file the user chose (`patuh_core::open`): JSON, the HTML report and the evidence
//! bundle through one entry point; every refusal is a typed error worded in Indonesian and English
//! without debug or serde text; bundles re-zipped with deflate by Info-ZIP `zip` and by Python's
//! `zipfile` open (docs/FORMAT.md §What opening a file checks, §The evidence bundle (ZIP)).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::Command;

use common::{ins, sample_2016, sample_2022};
use patuh_core::assessment::Assessment;
use patuh_core::bundle::{self, Photo};
use patuh_core::instrument::Lang;
use patuh_core::open::{self, message, OpenError, MAX_FILE_BYTES};
use patuh_core::persist::{decode, encode, DecodeError, Problem, MAX_BYTES};
use patuh_core::recap::recap;
use patuh_core::report::{self, html};

const NOW: &str = "2026-11-23T10:15:30+07:00";

fn report_of(a: &Assessment, json: &str) -> String {
    html::render(&report::build(ins(&a.instrument), a, Lang::Id, "x"), json)
}

fn photo(seed: u8) -> Vec<u8> {
    let mut v = vec![0xff, 0xd8, 0xff, 0xe0];
    v.extend((0..5000u32).map(|i| (i as u8).wrapping_mul(7).wrapping_add(seed)));
    v
}

/// sample_2016 with two photos referenced from its first answer.
fn with_photos() -> (Assessment, Vec<Photo>) {
    let mut a = sample_2016();
    let i = ins("ori-2016");
    let p = a.places()[0].clone();
    a.edit(i, &p, "sp-jangka-waktu", |e| e.photos = vec!["ph1".into(), "ph2".into()]);
    (a, vec![("ph1".into(), photo(1)), ("ph2".into(), photo(2))])
}

fn bundle_of(a: &Assessment, photos: &[Photo]) -> Vec<u8> {
    let json = encode(a, NOW);
    bundle::write(&json, Some(&report_of(a, &json)), photos).unwrap()
}

#[test]
fn each_kind_of_file_opens_to_the_same_assessment() {
    let (a, photos) = with_photos();
    let json = encode(&a, NOW);
    let from_json = open::open("a.json", json.as_bytes()).unwrap();
    assert_eq!(from_json.snapshot.assessment, a);
    assert!(from_json.photos.is_empty());
    let from_html = open::open("laporan.html", report_of(&a, &json).as_bytes()).unwrap();
    assert_eq!(from_html.snapshot.assessment, a);
    let from_zip = open::open("bundel.zip", &bundle_of(&a, &photos)).unwrap();
    assert_eq!(from_zip.snapshot.assessment, a);
    assert_eq!(from_zip.photos, photos);
    // With a byte-order mark, and an HTML report saved under another name.
    let bom = format!("\u{feff}{json}");
    assert_eq!(open::open("a.txt", bom.as_bytes()).unwrap().snapshot.assessment, a);
    assert_eq!(open::open("x", report_of(&a, &json).as_bytes()).unwrap().snapshot.assessment, a);
}

/// An outside test found it: a valid file whose notes are full of `<` made a report that did not
/// reopen, because the 5 MiB limit was checked on the escaped data block (`<` → `\u003c`).
#[test]
fn a_report_of_a_valid_file_with_notes_full_of_angle_brackets_reopens() {
    let mut a = sample_2022();
    let i = ins("ori-2022");
    let p = a.places()[0].clone();
    let first = i.indicators().next().unwrap().1.id.clone();
    a.edit(i, &p, &first, |e| e.note = "<".repeat(1_500_000));
    let json = encode(&a, NOW);
    assert!(json.len() < MAX_BYTES, "the file itself is within the limit");
    let doc = report_of(&a, &json);
    let start = doc.find("id=\"patuh-data\">").unwrap();
    assert!(doc[start..].len() > MAX_BYTES, "the escaped block is over the limit");
    let back = open::open("laporan.html", doc.as_bytes()).unwrap();
    assert_eq!(back.snapshot.assessment, a);
    assert_eq!(open::extract_json(&doc).unwrap(), json.trim());
    // A file over the limit is still refused, escaped or not.
    a.edit(i, &p, &first, |e| e.note = "<".repeat(MAX_BYTES));
    let big = encode(&a, NOW);
    let doc = report_of(&a, &big);
    assert_eq!(
        open::open("laporan.html", doc.as_bytes()).unwrap_err(),
        OpenError::File(DecodeError::TooLarge)
    );
}

/// The escapes are read back only where the report wrote them: a literal backslash before
/// `u003c` in a note stays a backslash and the text `u003c`.
#[test]
fn only_the_reports_own_escapes_are_read_back() {
    let mut a = sample_2016();
    let i = ins("ori-2016");
    let p = a.places()[0].clone();
    a.edit(i, &p, "sp-biaya", |e| e.note = "\\u003c \\\\u003e < & \u{2028} \"\\\"".into());
    let json = encode(&a, NOW);
    let back = open::open("laporan.html", report_of(&a, &json).as_bytes()).unwrap();
    assert_eq!(back.snapshot.assessment, a);
}

/// An outside test found it: a JSON array whose first elements look like the header was read as
/// one (serde reads a struct from a sequence) and got "rusak" or serde's own English text.
#[test]
fn a_json_array_that_looks_like_the_header_is_not_a_patuh_file() {
    let obj = patuh_core::json::write(&patuh_core::assessment::file::write(&sample_2016()), false);
    for text in [
        r#"["patuh-penilaian-mandiri", 1]"#.to_string(),
        r#"["patuh-penilaian-mandiri", 1, "2026-01-01"]"#.to_string(),
        format!(r#"["patuh-penilaian-mandiri", 1, "{NOW}", {obj}]"#),
        "  [\"patuh-penilaian-mandiri\"]".to_string(),
    ] {
        assert_eq!(decode(&text).unwrap_err(), DecodeError::NotOurs, "{text:.60}");
        assert_eq!(
            open::open("a.json", text.as_bytes()).unwrap_err(),
            OpenError::File(DecodeError::NotOurs)
        );
    }
    assert_eq!(decode("[\"patuh-penilaian-mandiri\", 1,").unwrap_err(), DecodeError::NotJson);
    // A text file, a CSV or a letter is not a damaged patuh file: it is another kind of file.
    for text in ["Catatan rapat 3 Desember", "No;Nama\r\n1;Andi", "patuh-penilaian-mandiri"] {
        assert_eq!(decode(text).unwrap_err(), DecodeError::NotOurs, "{text}");
        assert_eq!(
            open::open("catatan.txt", text.as_bytes()).unwrap_err(),
            OpenError::File(DecodeError::NotOurs)
        );
    }
    let said = message(&OpenError::File(DecodeError::NotOurs), Lang::Id);
    assert!(said.starts_with("Ini bukan berkas penilaian patuh"), "{said}");
}

fn zip_error(bytes: &[u8]) -> OpenError {
    open::open("bundel.zip", bytes).unwrap_err()
}

/// An outside test found it: a damaged ZIP showed "(Truncated)". Every ZIP refusal is its own
/// typed error with words for both languages.
#[test]
fn damaged_zips_say_what_happened_in_words() {
    let (a, photos) = with_photos();
    let z = bundle_of(&a, &photos);
    for cut in [10, z.len() / 2, z.len() - 30] {
        assert_eq!(zip_error(&z[..cut]), OpenError::ZipTruncated, "cut at {cut}");
    }
    // A changed photo byte fails the checksum.
    let at = z.windows(4).position(|w| w == [0xff, 0xd8, 0xff, 0xe0]).unwrap() + 100;
    let mut bad = z.clone();
    bad[at] ^= 0x55;
    assert_eq!(zip_error(&bad), OpenError::ZipDamaged);
    assert_eq!(zip_error(b"PK\x05\x06"), OpenError::ZipDamaged);
    // An encrypted entry: flag bit 0 of every central record.
    let mut enc = z.clone();
    let mut i = 0;
    while let Some(p) = enc[i..].windows(4).position(|w| w == b"PK\x01\x02") {
        enc[i + p + 8] |= 1;
        i += p + 4;
    }
    assert_eq!(zip_error(&enc), OpenError::ZipUnsupported);
    // A ZIP of something else (the same archive with the file renamed, as a document would be).
    let mut other = bundle::write(&encode(&a, NOW), None, &[]).unwrap();
    while let Some(p) = other.windows(14).position(|w| w == b"penilaian.json") {
        other[p..p + 14].copy_from_slice(b"dokumen-x.json");
    }
    assert_eq!(zip_error(&other), OpenError::ZipWithoutFile);
    for e in [OpenError::ZipTruncated, OpenError::ZipDamaged, OpenError::ZipUnsupported] {
        assert_words(&e);
    }
}

/// A message is words for a person: both languages, different, no Rust debug or serde text.
fn assert_words(e: &OpenError) {
    let (id, en) = (message(e, Lang::Id), message(e, Lang::En));
    assert!(!id.is_empty() && !en.is_empty() && id != en, "{e:?}");
    for m in [&id, &en] {
        for debug in
            ["Truncated", "Damaged", "Unsupported", "Error", "expected", "line ", "(\"", "{"]
        {
            assert!(!m.contains(debug), "{e:?}: {m}");
        }
        assert!(m.ends_with('.'), "{e:?}: a sentence: {m}");
    }
}

/// Every way a chosen file can fail, through `open`, with its words in both languages.
#[test]
fn every_refusal_is_typed_and_worded_in_both_languages() {
    let json = encode(&sample_2016(), NOW);
    let field = |from: &str, to: &str| json.replacen(from, to, 1);
    let cases: Vec<(&str, Vec<u8>, OpenError)> = vec![
        ("a.json", Vec::new(), OpenError::Empty),
        ("a.json", vec![b' '; MAX_FILE_BYTES + 1], OpenError::File(DecodeError::TooLarge)),
        (
            "a.json",
            format!("{{{}", " ".repeat(MAX_BYTES)).into_bytes(),
            OpenError::File(DecodeError::TooLarge),
        ),
        (
            "a.json",
            json.as_bytes()[..json.len() / 2].to_vec(),
            OpenError::File(DecodeError::NotJson),
        ),
        ("a.json", b"{\"format\": \xff}".to_vec(), OpenError::File(DecodeError::NotJson)),
        (
            "foto.jpg",
            vec![0xff, 0xd8, 0xff, 0xe0, 0, 0x10, b'J', b'F'],
            OpenError::File(DecodeError::NotOurs),
        ),
        ("a.json", b"{\"hello\": 1}".to_vec(), OpenError::File(DecodeError::NotOurs)),
        (
            "a.html",
            b"<html><body>laporan lain</body></html>".to_vec(),
            OpenError::ReportWithoutData,
        ),
        (
            "a.json",
            field("\"format_version\": 1", "\"format_version\": 7").into_bytes(),
            OpenError::File(DecodeError::NewerFormat(7)),
        ),
        (
            "a.json",
            field("\"ori-2016\"", "\"ori-1999\"").into_bytes(),
            OpenError::File(DecodeError::UnknownInstrument("ori-1999".into())),
        ),
        (
            "a.json",
            field("\"format_version\": 1", "\"format_version\": 0").into_bytes(),
            OpenError::File(DecodeError::Invalid(Problem::FormatVersion)),
        ),
        (
            "a.json",
            field("\"opd\": \"", "\"opd\": 5, \"x\": \"").into_bytes(),
            OpenError::File(DecodeError::Invalid(Problem::Structure)),
        ),
        (
            "a.json",
            field("\"sp-biaya\"", "\"sp-tidak-ada\"").into_bytes(),
            OpenError::File(DecodeError::Invalid(Problem::UnknownIndicator("sp-tidak-ada".into()))),
        ),
    ];
    for (name, bytes, want) in &cases {
        let got = open::open(name, bytes).unwrap_err();
        assert_eq!(&got, want, "{name}");
        assert_words(&got);
    }
    match open::open("a.json", field("\"tb\"", "\"mungkin\"").as_bytes()).unwrap_err() {
        e @ OpenError::File(DecodeError::Invalid(Problem::UnknownAnswer(_))) => assert_words(&e),
        e => panic!("{e:?}"),
    }
    let version = field("\"instrument_version\": \"", "\"instrument_version\": \"0.0.");
    match open::open("a.json", version.as_bytes()).unwrap_err() {
        e @ OpenError::File(DecodeError::InstrumentVersion { .. }) => assert_words(&e),
        e => panic!("{e:?}"),
    }
}

/// What cannot come from a file on the host (the instruments are compiled in here) or only from a
/// ZIP is worded all the same; an instrument is named as an official knows it; a hostile id
/// cannot flood the message.
#[test]
fn refusals_no_host_file_can_give_are_worded_too() {
    for e in [
        OpenError::File(DecodeError::InstrumentNotLoaded("ori-2022".into())),
        OpenError::ZipTooLarge,
        OpenError::ZipWithoutFile,
        OpenError::File(DecodeError::Invalid(Problem::EmptyUnit)),
        OpenError::File(DecodeError::Invalid(Problem::DuplicateId("u1".into()))),
        OpenError::File(DecodeError::Invalid(Problem::WrongLevel("sa-toilet".into()))),
    ] {
        assert_words(&e);
    }
    // An instrument of this build is named by its name, not by its id.
    for e in [
        OpenError::File(DecodeError::InstrumentNotLoaded("ori-2022".into())),
        OpenError::File(DecodeError::InstrumentVersion {
            id: "ori-2022".into(),
            found: "1".into(),
            expected: "2".into(),
        }),
    ] {
        let said = message(&e, Lang::Id);
        assert!(said.contains("Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik"), "{said}");
        assert!(!said.contains("ori-2022"), "{said}");
        assert!(
            message(&e, Lang::En).contains("Assessment of Compliance in Public Service Delivery")
        );
    }
    // A hostile id cannot flood the message.
    let long = OpenError::File(DecodeError::UnknownInstrument("x".repeat(10_000)));
    assert!(message(&long, Lang::Id).chars().count() < 120);
}

/// The recap reads what `open::as_text` makes of a chosen file, so a bundle in the recap opens,
/// and a damaged one is listed with the same words as anywhere else.
#[test]
fn the_recap_reads_bundles_and_words_their_errors() {
    let (a, photos) = with_photos();
    let z = bundle_of(&a, &photos);
    let files = vec![
        ("a.zip".to_string(), open::as_text(&z)),
        ("b.zip".to_string(), open::as_text(&z[..z.len() / 2])),
        ("c.json".to_string(), open::as_text(b"[\"patuh-penilaian-mandiri\", 1]")),
    ];
    let r = recap(&files);
    assert_eq!(r.groups.len(), 1);
    assert_eq!(r.groups[0].opds[0].opd, a.opd);
    let errs: Vec<(&str, &OpenError)> =
        r.errors.iter().map(|e| (e.name.as_str(), &e.error)).collect();
    assert_eq!(
        errs,
        vec![
            ("b.zip", &OpenError::ZipTruncated),
            ("c.json", &OpenError::File(DecodeError::NotOurs))
        ]
    );
    assert_eq!(open::open_text("x", &open::as_text(&z)).unwrap().photos, photos);
}

/// A bundle unpacked and packed again by a common tool: its files, as patuh wrote them, in `dir`.
fn unpacked(dir: &Path, a: &Assessment, photos: &[Photo]) {
    let json = encode(a, NOW);
    std::fs::create_dir_all(dir.join("foto")).unwrap();
    std::fs::write(dir.join("penilaian.json"), &json).unwrap();
    std::fs::write(dir.join("laporan.html"), report_of(a, &json)).unwrap();
    std::fs::write(dir.join("BACA-SAYA.txt"), bundle::README).unwrap();
    for (id, bytes) in photos {
        std::fs::write(dir.join("foto").join(format!("{id}.jpg")), bytes).unwrap();
    }
}

/// Runs a tool; a missing tool FAILS the test (`.ci/install.sh` installs Info-ZIP `zip`).
fn run(tool: &str, args: &[&str], dir: &Path) {
    let out = match Command::new(tool).args(args).current_dir(dir).output() {
        Ok(out) => out,
        Err(e) => panic!("cannot run `{tool}` ({e}): run .ci/install.sh or `apt-get install zip`"),
    };
    assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
}

const PY_ZIP: &str = r#"
import os, sys, zipfile
src, out, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for root, _, files in os.walk(src):
        for f in sorted(files):
            p = os.path.join(root, f)
            z.write(p, prefix + os.path.relpath(p, src))
"#;

#[test]
fn bundles_re_zipped_with_deflate_by_info_zip_and_python_open() {
    let (a, photos) = with_photos();
    let base = common::out_dir("open-rezipped");
    let files = base.join("bundel");
    let _ = std::fs::remove_dir_all(&files);
    unpacked(&files, &a, &photos);
    let f = |p: &str| base.join(p).to_string_lossy().into_owned();
    for out in ["infozip.zip", "infozip-folder.zip", "python.zip", "python-folder.zip"] {
        let _ = std::fs::remove_file(base.join(out));
    }
    // Info-ZIP: the files themselves, and the folder as an operating system zips it.
    run("zip", &["-q", "-r", "-9", &f("infozip.zip"), "."], &files);
    run("zip", &["-q", "-r", "-9", &f("infozip-folder.zip"), "bundel"], &base);
    run("python3", &["-c", PY_ZIP, &f("bundel"), &f("python.zip"), ""], &base);
    run("python3", &["-c", PY_ZIP, &f("bundel"), &f("python-folder.zip"), "Bundel Dinas/"], &base);
    for name in ["infozip.zip", "infozip-folder.zip", "python.zip", "python-folder.zip"] {
        let bytes = std::fs::read(base.join(name)).unwrap();
        // Really deflated: method 8 in the central record of some entry.
        let deflated = bytes
            .windows(4)
            .enumerate()
            .filter(|(_, w)| *w == b"PK\x01\x02")
            .any(|(i, _)| bytes.get(i + 10..i + 12) == Some(&[8, 0][..]));
        assert!(deflated, "{name} is deflated");
        let o = open::open(name, &bytes).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(o.snapshot.assessment, a, "{name}");
        let mut got = o.photos.clone();
        got.sort();
        assert_eq!(got, photos, "{name}: the photos come back byte for byte");
        // Damaged after re-zipping: the checksum or the inflater catches it, in words.
        let mut bad = bytes.clone();
        let mid = bad.len() / 3;
        bad[mid] ^= 0xff;
        if let Err(e) = open::open(name, &bad) {
            assert_words(&e);
        }
    }
}
