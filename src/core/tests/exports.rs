//! The file producers behind the lazily loaded tools module (docs/PERFORMANCE.md): a request sent
//! as JSON gives exactly the bytes the renderers give when called directly, and a request the app
//! did not build is refused with a reason, never a panic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{build, known_survey, sample_2016, sample_2022};
use patuh_core::exports::{produce, produce_json, ExportError, Format, Request};
use patuh_core::instrument::Lang;
use patuh_core::persist::encode;
use patuh_core::report;
use patuh_core::skm::{Counts, N_UNSUR};

const NOW: &str = "2026-11-23T10:00:00.000Z";

fn report_req(format: Format, doc: &str, before: Option<String>, lang: Lang) -> String {
    let r = Request::Report {
        format,
        doc: doc.to_string(),
        before,
        lang,
        now: NOW.into(),
        delimiter: report::csv::SEMICOLON,
    };
    serde_json::to_string(&r).unwrap()
}

#[test]
fn report_over_json_equals_the_direct_renderers() {
    let a = sample_2016();
    let doc = encode(&a, NOW);
    let direct = build("ori-2016", &a, Lang::En);
    let html = produce_json(&report_req(Format::Html, &doc, None, Lang::En), &[]).unwrap();
    assert_eq!(String::from_utf8(html).unwrap(), report::html::render(&direct, &doc));
    let csv = produce_json(&report_req(Format::Csv, &doc, None, Lang::En), &[]).unwrap();
    assert_eq!(
        String::from_utf8(csv).unwrap(),
        report::csv::render(&direct, report::csv::SEMICOLON)
    );
    let pdf = produce_json(&report_req(Format::Pdf, &doc, None, Lang::En), &[]).unwrap();
    assert_eq!(pdf, report::pdf::render(&direct));
}

#[test]
fn the_html_report_reopens_as_the_same_assessment() {
    let a = sample_2022();
    let doc = encode(&a, NOW);
    let html = produce_json(&report_req(Format::Html, &doc, None, Lang::Id), &[]).unwrap();
    let json = patuh_core::open::extract_json(&String::from_utf8(html).unwrap()).unwrap();
    assert_eq!(patuh_core::persist::decode(&json).unwrap().assessment, a);
}

#[test]
fn an_earlier_file_adds_the_comparison() {
    let after = sample_2016();
    let mut before = after.clone();
    before.units[0].products[0].answers.clear();
    let doc = encode(&after, NOW);
    let plain = produce_json(&report_req(Format::Html, &doc, None, Lang::Id), &[]).unwrap();
    let with =
        produce_json(&report_req(Format::Html, &doc, Some(encode(&before, NOW)), Lang::Id), &[])
            .unwrap();
    let (plain, with) = (String::from_utf8(plain).unwrap(), String::from_utf8(with).unwrap());
    assert!(!plain.contains("Perbandingan"), "no comparison without an earlier file");
    assert!(with.contains("Perbandingan"), "the comparison section is in the report");
}

#[test]
fn the_bundle_carries_the_file_and_the_photos() {
    let mut a = sample_2016();
    let (ins, p) = (common::ins("ori-2016"), a.places()[0].clone());
    a.edit(ins, &p, "sa-toilet", |e| e.photos = vec!["p1".into()]);
    let doc = encode(&a, NOW);
    let req = Request::Bundle { doc: doc.clone(), before: None, lang: Lang::Id, now: NOW.into() };
    let photos = vec![("p1".to_string(), vec![0xFF, 0xD8, 0xFF, 1, 2, 3])];
    let zip = produce(&req, &photos).unwrap();
    let (snap, back) = patuh_core::bundle::read(&zip).unwrap();
    assert_eq!(snap.assessment, a);
    assert_eq!(back, photos);
}

#[test]
fn recap_and_skm_documents() {
    let files =
        vec![common::file("a.json", &sample_2016()), common::file("b.json", &sample_2022())];
    let req = Request::Recap {
        format: Format::Csv,
        files: files.clone(),
        lang: Lang::Id,
        now: NOW.into(),
        delimiter: b';',
    };
    let csv = produce_json(&serde_json::to_string(&req).unwrap(), &[]).unwrap();
    let r = patuh_core::recap::recap(&files);
    assert_eq!(String::from_utf8(csv).unwrap(), report::recap_csv::render(&r, Lang::Id, b';'));

    let s = known_survey();
    let req = Request::Skm {
        format: Format::Html,
        counts: *s.counts(),
        lang: Lang::En,
        now: NOW.into(),
        delimiter: b',',
    };
    let html = produce_json(&serde_json::to_string(&req).unwrap(), &[]).unwrap();
    assert_eq!(String::from_utf8(html).unwrap(), report::skm_doc::html(&s, Lang::En, "SKM", NOW));
}

#[test]
fn requests_the_app_did_not_build_are_refused() {
    assert!(matches!(produce_json("", &[]), Err(ExportError::Request(_))));
    assert!(matches!(produce_json(r#"{"kind":"spreadsheet"}"#, &[]), Err(ExportError::Request(_))));
    let broken = report_req(Format::Pdf, "{\"format\": 1", None, Lang::Id);
    assert!(matches!(produce_json(&broken, &[]), Err(ExportError::Document(_))));
    let mut a = sample_2016();
    a.instrument = "ori-1999".into();
    let unknown = report_req(Format::Pdf, &encode(&a, NOW), None, Lang::Id);
    assert!(matches!(
        produce_json(&unknown, &[]),
        Err(ExportError::Document(_) | ExportError::Instrument(_))
    ));
    let empty: Counts = [[0; 4]; N_UNSUR];
    let skm = Request::Skm {
        format: Format::Pdf,
        counts: empty,
        lang: Lang::Id,
        now: NOW.into(),
        delimiter: b';',
    };
    assert_eq!(produce(&skm, &[]), Err(ExportError::Survey));
}
