//! Whose SKM result it is (docs/SKM.md §Whose result): the unit layanan, OPD and survey period
//! head the HTML, the PDF and the CSV and name the download; what the official typed is kept,
//! each empty name prefilled from the open assessment; hostile names stay inert.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{known_survey as survey, norm, poppler, untag};
use patuh_core::exports::{skm_file, Format};
use patuh_core::instrument::Lang;
use patuh_core::persist::file_name;
use patuh_core::report::skm_doc;
use patuh_core::skm::{subject_labels, Subject, SUBJECT_MAX_CHARS};

fn sleman() -> Subject {
    Subject::new("Loket Kartu Keluarga", "Dinas Dukcapil Kabupaten Sleman", "Januari–Juni 2026")
}

#[test]
fn the_html_and_the_csv_name_the_unit_the_opd_and_the_period() {
    let s = survey();
    for lang in [Lang::Id, Lang::En] {
        let [unit, opd, period] = subject_labels(lang);
        let html = norm(&untag(&skm_doc::html(&s, lang, &sleman(), "2026-07-01")));
        assert!(html.contains(&format!("{unit} Loket Kartu Keluarga")), "{html}");
        assert!(html.contains(&format!("{opd} Dinas Dukcapil Kabupaten Sleman")));
        assert!(html.contains(&format!("{period} Januari–Juni 2026")));
        let csv = skm_doc::csv(&s, lang, &sleman(), b';');
        assert!(csv.contains(&format!("{unit};Loket Kartu Keluarga;")), "{csv}");
        assert!(csv.contains(&format!("{opd};Dinas Dukcapil Kabupaten Sleman;")));
        assert!(csv.contains(&format!("{period};Januari–Juni 2026;")));
    }
    // Left empty: a dash in the documents, never the word "SKM" as a unit.
    let html = norm(&untag(&skm_doc::html(&s, Lang::Id, &Subject::default(), "x")));
    assert!(html.contains("Unit layanan — Perangkat daerah (OPD) — Periode survei —"), "{html}");
}

#[test]
fn the_pdf_names_them_in_its_header_and_its_footer() {
    let bytes = skm_file(&survey(), &sleman(), Format::Pdf, Lang::Id, "2026-07-01", b';');
    let path = common::write_to("skm_subject", "skm-sleman.pdf", &bytes);
    let out = poppler("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
    let text = String::from_utf8(out.stdout).unwrap();
    for want in ["Loket Kartu Keluarga", "Dinas Dukcapil Kabupaten Sleman", "Januari–Juni 2026"] {
        assert!(text.contains(want), "{want} in {text}");
    }
    assert!(text.contains("Periode survei"));
    // The running footer names whose result it is, not "SKM".
    assert!(norm(&text).contains("patuh — Loket Kartu Keluarga · Dinas Dukcapil Kabupaten Sleman"));
}

#[test]
fn the_file_name_carries_the_unit_and_the_period() {
    let name = file_name(&sleman().file_stem(), "2026-07-01", "pdf");
    assert!(name.starts_with("penilaian-mandiri_skm-ikm-loket-kartu-keluarga-januari-juni-2026"));
    assert!(name.ends_with("_2026-07-01.pdf"), "{name}");
    let other =
        Subject::new("Loket KTP-el", "Dinas Dukcapil Kabupaten Sleman", "Januari–Juni 2026");
    assert_ne!(file_name(&other.file_stem(), "2026-07-01", "pdf"), name);
    assert_eq!(
        file_name(&Subject::default().file_stem(), "2026-07-01", "csv"),
        "penilaian-mandiri_skm-ikm_2026-07-01.csv"
    );
}

#[test]
fn typed_names_stay_and_empty_ones_come_from_the_open_assessment() {
    let typed = Subject::new("Loket KK", "", "Semester I 2026");
    let p = typed.prefilled("Dinas Dukcapil", "Bidang Pelayanan");
    assert_eq!(p, Subject::new("Loket KK", "Dinas Dukcapil", "Semester I 2026"));
    let p = Subject::default().prefilled("Dinas Dukcapil", "Bidang Pelayanan");
    assert_eq!(
        (p.unit.as_str(), p.opd.as_str(), p.period.as_str()),
        ("Bidang Pelayanan", "Dinas Dukcapil", "")
    );
    assert!(Subject::default().is_empty() && !p.is_empty());
    assert_eq!(Subject::default().label(), "SKM");
}

#[test]
fn a_hostile_name_is_cut_and_stays_text() {
    let long = format!("<script>{}\n", "x".repeat(2 * SUBJECT_MAX_CHARS));
    let s = Subject::new(&long, "=HYPERLINK(\"http://x\")", "a\tb");
    assert_eq!(s.unit.chars().count(), SUBJECT_MAX_CHARS);
    assert_eq!(s.period, "a b");
    let html = skm_doc::html(&survey(), Lang::Id, &s, "x");
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
    let csv = skm_doc::csv(&survey(), Lang::Id, &s, b';');
    assert!(!csv.contains(";=HYPERLINK"), "a formula is neutralised");
}
