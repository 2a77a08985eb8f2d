//! The downloads are made from the view-model a screen shows (docs/SCORING.md "One model"): each
//! export gives exactly the bytes its renderer gives for that model, the HTML report reopens as the
//! same assessment, an earlier file adds the comparison, and the bundle carries the file and the
//! photos.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{build, known_survey, sample_2016, sample_2022};
use patuh_core::exports::{bundle_file, recap_file, report_file, skm_file, Format};
use patuh_core::instrument::Lang;
use patuh_core::persist::encode;
use patuh_core::report;
use patuh_core::skm::Subject;

const NOW: &str = "2026-11-23T10:00:00.000Z";

#[test]
fn each_format_is_its_renderer_over_the_same_report() {
    let a = sample_2016();
    let doc = encode(&a, NOW);
    let r = build("ori-2016", &a, Lang::En);
    let html = report_file(&r, Format::Html, b';', &doc);
    assert_eq!(String::from_utf8(html).unwrap(), report::html::render(&r, &doc));
    let csv = report_file(&r, Format::Csv, report::csv::SEMICOLON, &doc);
    assert_eq!(String::from_utf8(csv).unwrap(), report::csv::render(&r, report::csv::SEMICOLON));
    assert_eq!(report_file(&r, Format::Pdf, b';', &doc), report::pdf::render(&r));
}

#[test]
fn the_html_report_reopens_as_the_same_assessment() {
    let a = sample_2022();
    let doc = encode(&a, NOW);
    let html = report_file(&build("ori-2022", &a, Lang::Id), Format::Html, b';', &doc);
    let json = patuh_core::open::extract_json(&String::from_utf8(html).unwrap()).unwrap();
    assert_eq!(patuh_core::persist::decode(&json).unwrap().assessment, a);
}

#[test]
fn an_earlier_file_adds_the_comparison() {
    let after = sample_2016();
    let mut before = after.clone();
    before.units[0].products[0].answers.clear();
    let ins = common::ins("ori-2016");
    let doc = encode(&after, NOW);
    let plain = build("ori-2016", &after, Lang::Id);
    let c = patuh_core::compare::compare(ins, &before, &after).unwrap();
    let with = plain.clone().with_comparison(report::comparison::view(&c, ins, Lang::Id));
    let html = |r| String::from_utf8(report_file(r, Format::Html, b';', &doc)).unwrap();
    assert!(!html(&plain).contains("Perbandingan"), "no comparison without an earlier file");
    assert!(html(&with).contains("Perbandingan"), "the comparison section is in the report");
}

#[test]
fn the_bundle_carries_the_file_and_the_photos() {
    let mut a = sample_2016();
    let (ins, p) = (common::ins("ori-2016"), a.places()[0].clone());
    a.edit(ins, &p, "sa-toilet", |e| e.photos = vec!["p1".into()]);
    let doc = encode(&a, NOW);
    let photos = vec![("p1".to_string(), vec![0xFF, 0xD8, 0xFF, 1, 2, 3])];
    let zip = bundle_file(&build("ori-2016", &a, Lang::Id), &doc, &photos).unwrap();
    let (snap, back) = patuh_core::bundle::read(&zip).unwrap();
    assert_eq!(snap.assessment, a);
    assert_eq!(back, photos);
    // The bundle's report links the photo lying beside it (entries are stored, so its text is in
    // the archive as is); a report on its own says where the photo is.
    let beside = "<a href=\"foto/p1.jpg\">foto 1</a>";
    assert!(zip.windows(beside.len()).any(|w| w == beside.as_bytes()));
    let alone = report_file(&build("ori-2016", &a, Lang::Id), Format::Html, b';', &doc);
    let alone = String::from_utf8(alone).unwrap();
    assert!(alone.contains("1 foto (lihat bundel bukti)") && !alone.contains("foto/p1.jpg"));
}

#[test]
fn recap_and_skm_documents() {
    let files =
        vec![common::file("a.json", &sample_2016()), common::file("b.json", &sample_2022())];
    let r = patuh_core::recap::recap(&files);
    let csv = recap_file(&r, Format::Csv, Lang::Id, NOW, b';');
    assert_eq!(String::from_utf8(csv).unwrap(), report::recap_csv::render(&r, Lang::Id, b';'));
    let s = known_survey();
    let html = skm_file(&s, &Subject::unit("SKM"), Format::Html, Lang::En, NOW, b',');
    assert_eq!(
        String::from_utf8(html).unwrap(),
        report::skm_doc::html(&s, Lang::En, &Subject::unit("SKM"), NOW)
    );
}
