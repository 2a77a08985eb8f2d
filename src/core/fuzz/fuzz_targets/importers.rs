//! Fuzz target: every importer must refuse bad input without panicking, whatever the bytes
//! (docs/PERFORMANCE.md): the evidence bundle reader, the pemda recap (one file, and two files of
//! either kind), the SKM CSV reader, and the HTML report's data block followed by the file decoder.
//! A file that does open must also re-encode and decode to the same assessment.
//!
//! The bytes are used twice: as they are, and as edits (3 bytes each: a 16-bit offset and a value;
//! an offset past the end truncates) to a valid bundle, assessment file and HTML report built once
//! here, so that the deep paths (checksums, central directory, validation) are reached without a
//! seed corpus.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use patuh_core::assessment::{Answer, Assessment};
use patuh_core::persist::{decode, encode};
use patuh_core::{bundle, instrument, recap, report, skm, Lang};

/// A valid evidence bundle (with a photo), its assessment file and its HTML report.
struct Valid {
    zip: Vec<u8>,
    json: String,
    html: String,
}

fn valid() -> &'static Valid {
    static V: OnceLock<Valid> = OnceLock::new();
    V.get_or_init(|| {
        let Some(ins) = instrument::by_id("ori-2016") else {
            return Valid { zip: Vec::new(), json: String::new(), html: String::new() };
        };
        let mut a = Assessment::new("f", ins, "Dinas", "Unit", "Produk");
        let place = a.places()[0].clone();
        for (n, (_, i)) in ins.indicators().enumerate() {
            let v = if n % 3 == 0 { Answer::NotApplicable } else { Answer::Value("ada".into()) };
            a.set_answer(ins, &place, &i.id, Some(v));
            if n == 0 {
                a.edit(ins, &place, &i.id, |e| {
                    e.note = "catatan".into();
                    e.links = vec!["https://contoh.go.id/".into()];
                    e.photos = vec!["ph1".into()];
                });
            }
        }
        let json = encode(&a, "2026-11-23T10:00:00Z");
        // A small page with the data block exactly as the report writes it (the full report is
        // ~30 kB, mostly style and instrument text, which only slows the fuzzer down).
        let html = format!(
            "<!DOCTYPE html>\n<html lang=\"id\"><head><title>Laporan</title></head><body>\n\
             <script>var x = \"</scr\" + \"ipt>\";</script><main><p>Dinas</p></main>\n\
             <script type=\"application/json\" id=\"{}\">\n{}\n</script>\n</body></html>\n",
            report::html::DATA_ID,
            report::html::escape_json(json.trim())
        );
        let photo = ("ph1".to_string(), b"\xff\xd8\xff\xe0 foto".to_vec());
        let zip = bundle::write(&json, None, &[photo]).unwrap_or_default();
        Valid { zip, json, html }
    })
}

/// `base` with the edits in `edits` applied (see the module docs).
fn patched(base: &[u8], edits: &[u8]) -> Vec<u8> {
    let mut out = base.to_vec();
    for e in edits.chunks_exact(3) {
        let at = usize::from(u16::from_le_bytes([e[0], e[1]])) % (out.len() + 1);
        match out.get_mut(at) {
            Some(b) => *b = e[2],
            None => out.truncate(usize::from(e[2]) * out.len() / 256),
        }
    }
    out
}

/// Opens a bundle; one that opens must round-trip and return only valid photo ids.
fn open_bundle(bytes: &[u8]) {
    if let Ok((snap, photos)) = bundle::read(bytes) {
        let again = encode(&snap.assessment, &snap.saved_at);
        assert_eq!(decode(&again).map(|s| s.assessment).as_ref(), Ok(&snap.assessment));
        assert!(photos.iter().all(|(id, _)| bundle::valid_photo_id(id)));
    }
}

/// Reads `files` in the recap: every file is either read or listed as an error; with `export`, a
/// recap with anything in it goes on into its own exports.
fn recap_of(files: &[(String, String)], export: bool) {
    let r = recap::recap(files);
    let opds: usize = r.groups.iter().map(|g| g.opds.len()).sum();
    assert_eq!(r.errors.len() + opds, files.len());
    if export && !r.groups.is_empty() {
        let _ = report::recap_html::render(&r, Lang::Id, "x");
        let _ = report::recap_csv::render(&r, Lang::En, b';');
    }
}

/// The HTML report's data block, decoded; one that opens must round-trip; the one entry point
/// for chosen files never panics either.
fn open_report(text: &str) {
    let _ = patuh_core::open::open("f.html", text.as_bytes());
    if let Some(json) = patuh_core::open::extract_json(text) {
        if let Ok(snap) = decode(&json) {
            let again = encode(&snap.assessment, &snap.saved_at);
            assert_eq!(decode(&again).map(|s| s.assessment).as_ref(), Ok(&snap.assessment));
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let lossy = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    // The bytes as they are: a bundle, one file (as JSON and as HTML by name), two files split at
    // a point the first byte chooses, an SKM CSV, an HTML report.
    open_bundle(data);
    let text = lossy(data);
    for name in ["opd.json", "laporan.html"] {
        recap_of(&[(name.to_string(), text.clone())], true);
    }
    let cut = data.first().map_or(0, |&b| usize::from(b) * data.len() / 256);
    let (a, b) = data.split_at(cut);
    recap_of(&[("a.html".to_string(), lossy(a)), ("b.json".to_string(), lossy(b))], true);
    let _ = skm::from_csv(&text);
    open_report(&text);
    // The bytes as edits to valid files.
    let v = valid();
    open_bundle(&patched(&v.zip, data));
    let json = lossy(&patched(v.json.as_bytes(), data));
    let html = lossy(&patched(v.html.as_bytes(), data));
    // Edited files mostly still open; rendering the recap of every one would slow the fuzzer ten
    // times, so one input in eight goes on into the recap's exports.
    let export = data.len() % 8 == 0;
    recap_of(
        &[("opd.json".to_string(), json.clone()), ("laporan.html".to_string(), html.clone())],
        export,
    );
    open_report(&html);
    let _ = skm::from_csv(&json);
});
