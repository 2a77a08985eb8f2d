//! Hostile strings through every export (docs/RELIABILITY.md): a corpus of at least 50 strings
//! (`fixtures/hostile.txt`) put into every text field of an assessment of each shipped instrument,
//! then through the JSON file, the HTML report, the CSV, the PDF and the evidence bundle (the
//! pemda recap, the SKM documents, the comparison view and photo ids: `hostile_more.rs`; the
//! corpus file's format and the checks: `hostile_kit/`). HTML must stay inert markup, CSV must
//! parse back with every formula-like cell neutralised, the PDF must stay a PDF that poppler
//! reads, and every file that can be reopened must reopen to the identical assessment.
//!
//! # Which string goes where
//!
//! For each instrument there are as many assessments as strings; assessment `k` takes string
//! `k + j` (modulo the corpus length) for text field `j`, so every string lands in every field
//! (OPD, pemda, period, date, assessor name and position, unit name, product name, three notes,
//! several evidence links) of one assessment of every instrument ([`carrying`]). Each of these
//! goes through every export, except that in a debug build a PDF costs 3–10 ms, so one PDF per
//! assessment is made for ori-2016 only. One "combined" assessment per instrument holds every
//! string at once, every identity field holding all of them ([`combined`]); its PDF is read by
//! `pdftotext`, and it is the one compared in the comparison view. The tests are split per
//! instrument so that they run in parallel; the file takes a few seconds.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod hostile_kit;

use hostile_kit::markup::inert_markup;
use hostile_kit::*;
use patuh_core::bundle;
use patuh_core::instrument;
use patuh_core::persist::{decode, encode, file_name};
use patuh_core::report::{self, csv, html, pdf};

#[test]
fn the_corpus_covers_what_issue_7_lists() {
    let c = corpus();
    let has = |p: &dyn Fn(&str) -> bool| c.iter().any(|s| p(s));
    assert!(has(&|s| s.contains("<script")));
    assert!(has(&|s| s.contains("</script>")));
    assert!(has(&|s| s.contains("onerror")));
    assert!(has(&|s| s.starts_with("javascript:")));
    assert!(has(&|s| s.contains('\'') && s.contains('"') && s.contains('\\')));
    assert!(has(&|s| s.contains("&amp;")));
    assert!(has(&|s| s.contains('\u{2028}') && s.contains('\u{2029}')));
    assert!(has(&|s| s.contains('\u{202e}')));
    assert!(has(&|s| s.contains('\u{200d}')));
    for p in ['=', '+', '-', '@', '\t', '\r'] {
        assert!(has(&|s| s.starts_with(p)), "a string starting with {p:?}");
    }
    assert!(has(&|s| s == "=cmd|' /C calc'!A0"));
    for c in [';', ',', '"', '\n', '\r'] {
        assert!(has(&|s| s.contains(c) && s.len() > 1), "a string with {c:?}");
    }
    assert!(has(&|s| s.len() >= 10_000));
    assert!(has(&|s| s.chars().any(|c| c >= '\u{1f300}')));
    assert!(has(&|s| s.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c))));
    assert!(has(&|s| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))));
    assert!(has(&|s| s.contains('\u{0}')));
    assert!(has(&|s| s.chars().any(|c| c.is_control() && c != '\0' && c < ' ')));
    assert!(has(&|s| s.contains('\u{fffd}')));
    assert!(has(&|s| s.starts_with("https://") && s.len() > 2000));
    assert!(has(&|s| s == "../../etc/passwd"));
    assert!(has(&|s| s == "\"}]}"));
    assert!(has(&|s| s.contains("%PDF")) && has(&|s| s.contains("%%EOF")));
    assert!(has(&|s| s.contains(")Tj") || s.contains(") Tj")));
    assert!(has(&|s| s.starts_with("PK\u{3}\u{4}")));
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[test]
fn every_field_through_every_export_ori_2016() {
    every_field_through_every_export("ori-2016");
}

#[test]
fn every_field_through_every_export_ori_2022() {
    every_field_through_every_export("ori-2022");
}

#[test]
fn every_field_through_every_export_ori_2025() {
    every_field_through_every_export("ori-2025");
}

#[test]
fn every_shipped_instrument_is_tested_above() {
    let ids: Vec<&str> = instrument::all().iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["ori-2016", "ori-2022", "ori-2025"], "add a test for the new instrument");
}

/// JSON, HTML report, CSV, PDF, evidence bundle and download names of every assessment `k` of one
/// instrument (one test per instrument, so they run in parallel).
fn every_field_through_every_export(id: &str) {
    let s = corpus();
    let ins = instrument::by_id(id).unwrap();
    for k in 0..s.len() {
        let what = format!("{} #{k}", ins.id);
        let a = carrying(ins, &s, k);
        let lang = lang_of(k);
        // JSON: round-trips exactly, and so does a hostile saved_at.
        let json = encode(&a, "2026-11-23T10:00:00+07:00");
        let back = decode(&json).unwrap_or_else(|e| panic!("{what}: {e:?}"));
        assert_eq!(back.assessment, a, "{what}: JSON round-trip");
        assert_eq!(encode(&back.assessment, &back.saved_at), json, "{what}: same bytes");
        let odd = decode(&encode(&a, &s[k])).unwrap();
        assert_eq!(odd.saved_at, s[k], "{what}: saved_at round-trip");
        // Download names stay safe file names.
        for ext in ["json", "html", "csv", "pdf", "zip"] {
            let name = file_name(&a.opd, &a.date, ext);
            let stem = name.strip_prefix("penilaian-mandiri_").unwrap();
            let stem = stem.strip_suffix(&format!(".{ext}")).unwrap();
            assert!(
                stem.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_".contains(&b))
                    && !stem.is_empty(),
                "{what}: download name {name}"
            );
        }
        // HTML report: inert markup, escaped text, the file reopens from it.
        let r = report::build(ins, &a, lang, &s[(k + 15) % s.len()]);
        let doc = html::render(&r, &json);
        let markup = inert_markup(&doc, true, &format!("{what} HTML"));
        for field in [&a.opd, &a.pemda, &a.assessor_name, &a.units[0].name] {
            if !field.trim().is_empty() {
                assert!(markup.contains(&html::escape(field)), "{what}: {} shown", short(field));
            }
        }
        let data =
            patuh_core::open::extract_json(&doc).unwrap_or_else(|| panic!("{what}: no data"));
        assert_eq!(decode(&data).unwrap().assessment, a, "{what}: HTML round-trip");
        // CSV: BOM, the summary rows, then one row per indicator per place (unit-wide ones once
        // per unit), every cell as given but neutralised.
        let d = delimiter_of(k);
        let rows = csv_records(&csv::render(&r, d), d, &format!("{what} CSV"));
        let sheet = csv::sheet(&r);
        assert_eq!(rows.len(), 1 + sheet.summary.len() + sheet.indicators.len(), "{what}");
        assert_eq!(sheet.indicators.len(), indicator_places(ins, &a), "{what}");
        for row in &rows[1..] {
            assert_eq!(row[csv::col::OPD], csv::neutralise(&a.opd), "{what}: OPD cell");
        }
        for row in &rows[1 + sheet.summary.len()..] {
            assert_eq!(row[csv::col::UNIT], csv::neutralise(&a.units[0].name), "{what}: unit");
        }
        let notes: Vec<&String> = rows.iter().map(|r| &r[csv::col::NOTE]).collect();
        let u = &a.units[0];
        for e in u.answers.values().chain(u.products[0].answers.values()) {
            assert!(notes.contains(&&csv::neutralise(&e.note)), "{what}: note cell");
        }
        // PDF: still a PDF. In debug builds a PDF takes ~3 ms (ori-2016) to ~10 ms, so one per
        // string is made for ori-2016 only; `combined_pdfs_stay_readable_by_poppler` puts every
        // string into every field of one PDF per instrument and has poppler read it.
        if ins.id == "ori-2016" {
            pdf_intact(&pdf::render(&r), &what);
        }
        // Evidence bundle: reopens to the same assessment and photo.
        let ph = photo(&a.opd);
        let zip = bundle::write(&json, Some(&doc), std::slice::from_ref(&ph))
            .unwrap_or_else(|e| panic!("{what}: bundle::write {e:?}"));
        let (snap, photos) = bundle::read(&zip).unwrap_or_else(|e| panic!("{what}: {e:?}"));
        assert_eq!(snap.assessment, a, "{what}: bundle round-trip");
        assert_eq!(photos, vec![ph], "{what}: bundle photo");
    }
}

#[test]
fn combined_pdf_ori_2016_is_read_by_poppler() {
    combined_pdf_is_read_by_poppler(0);
}

#[test]
fn combined_pdf_ori_2022_is_read_by_poppler() {
    combined_pdf_is_read_by_poppler(1);
}

#[test]
fn combined_pdf_ori_2025_is_read_by_poppler() {
    combined_pdf_is_read_by_poppler(2);
}

/// One PDF of instrument `n` with every string in every text field (see [`combined`]; ori-2022 in
/// English), read by `pdftotext`, which must exit 0 without a complaint.
fn combined_pdf_is_read_by_poppler(n: usize) {
    let s = corpus();
    let ins = &instrument::all()[n];
    let lang = lang_of(n);
    let a = combined(ins, &s, n);
    let r = report::build(ins, &a, lang, &s[n]);
    let bytes = pdf::render(&r);
    let what = format!("{} {:?} combined PDF", ins.id, lang);
    pdf_intact(&bytes, &what);
    let path = common::out_dir("hostile").join(format!("hostile-{}-{}.pdf", ins.id, lang.code()));
    std::fs::write(&path, &bytes).unwrap();
    let text = pdftotext(&path);
    for plain in ["../../etc/passwd", "DROP TABLE opd", "endstream endobj xref"] {
        assert!(text.contains(plain), "{what}: {plain:?} is in the text");
    }
}
