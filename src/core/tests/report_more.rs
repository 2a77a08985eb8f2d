//! The documents built on the report: the pemda recap as HTML and CSV and the SKM/IKM result as
//! HTML and CSV (the comparison inside the single report: `report_compare.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{file, generated_opd, ins, known_survey, parse_csv as parse};
use patuh_core::assessment::Assessment;
use patuh_core::instrument::{Instrument, Lang};
use patuh_core::open::{self, OpenError};
use patuh_core::persist::{DecodeError, Problem};
use patuh_core::recap::recap;
use patuh_core::report::{self, csv, html, recap_csv, recap_html, skm_doc};
use patuh_core::skm::Subject;

const HOSTILE_OPDS: [&str; 5] = [
    "</script><img src=x onerror=alert(1)>",
    "Dinas \"Kesehatan\" & 'Sosial'",
    "<!-- Dinas Pendidikan",
    "\u{202e}lanoitan\u{202c} Dinas",
    "Dinas Pekerjaan Umum <b>PUPR</b>",
];

/// Seven ori-2022 OPD files (five with hostile names, one OPD twice), two ori-2016 files, and
/// three files that cannot be read.
fn recap_files() -> Vec<(String, String)> {
    let i22 = ins("ori-2022");
    let i16 = ins("ori-2016");
    let mut files = Vec::new();
    for (k, name) in HOSTILE_OPDS.iter().enumerate() {
        files.push(file(&format!("opd{k}.json"), &generated(i22, 100 + k as u64, name, 1, 2)));
    }
    files.push(file("dinkes.json", &generated(i22, 200, "Dinas Kesehatan", 2, 1)));
    files.push(file("dinkes-lagi.json", &generated(i22, 201, "Dinas Kesehatan", 1, 1)));
    files.push(("rusak <b>.json".to_string(), "{ \"format\": \"patuh-penilaian-".to_string()));
    files.push(file("dukcapil.json", &generated(i16, 300, "Dinas Dukcapil", 1, 2)));
    files.push(("lain.json".to_string(), "{\"hello\": 1}".to_string()));
    files.push(file("dinsos.json", &generated(i16, 301, "Dinas Sosial", 2, 1)));
    files.push(("foto.html".to_string(), "<html><body>tanpa data</body></html>".to_string()));
    files
}

// ---------------------------------------------------------------------------------------------
// Recap HTML
// ---------------------------------------------------------------------------------------------

/// A generated OPD, answers only.
fn generated(ins: &Instrument, seed: u64, opd: &str, units: usize, products: usize) -> Assessment {
    generated_opd(ins, seed, opd, units, products, false)
}

#[test]
fn recap_html_shows_the_pemda_score_rule_distribution_opds_and_broken_files() {
    let files = recap_files();
    let r = recap(&files);
    assert_eq!(r.groups.len(), 2);
    assert_eq!(r.errors.len(), 3);
    let doc = recap_html::render(&r, Lang::Id, "2026-03-01 10.00 WIB");
    assert!(doc.starts_with("<!DOCTYPE html>\n<html lang=\"id\">"));
    // Self-contained, no script, A4 print CSS of the single report.
    assert!(!doc.contains("<script"));
    for external in ["<link", "@import", "url(", "<img", "<iframe"] {
        assert!(!doc.contains(external), "external or injected {external}");
    }
    assert!(doc.contains("@page { size: A4;"));
    assert!(doc.contains("thead { display: table-header-group; }"));
    // The pemda score of each group, in Indonesian format, with its badge and rule.
    for g in &r.groups {
        let m = g.pemda.as_ref().unwrap();
        let text = m.score.id();
        assert!(text.contains(','), "{text}");
        assert!(doc.contains(&format!("<p class=\"score\">{text}</p>")), "pemda score {text}");
        let zone = report::zone_name(m.zone, Lang::Id);
        assert!(doc.contains(&format!("</span> {zone}</span>")));
        assert!(doc.contains(&html::escape(g.instrument.scoring.aggregation.get(Lang::Id))));
    }
    assert!(doc.contains("<strong>rata-rata seluruh unit</strong>"));
    assert!(doc.contains("<strong>rata-rata seluruh produk layanan</strong>"));
    // The grade only where the instrument has grades, after the predicate as on the screen.
    let g22 = &r.groups[0];
    assert_eq!(g22.instrument.id, "ori-2022");
    let grade = g22.pemda.as_ref().unwrap().grade.clone().unwrap();
    assert!(doc.contains(&format!(" ({grade})</strong>")));
    // The distribution as a chart (bars with shape and text) and as a table.
    assert!(doc.contains("<div class=\"bars\" aria-hidden=\"true\">"));
    assert!(doc.contains("class=\"bar zone-"));
    assert!(doc.contains("Sebaran zona (unit layanan)"));
    assert!(doc.contains("Sebaran zona (produk layanan)"));
    let n_units: usize = g22.distribution.bands.iter().map(|b| b.count).sum();
    assert_eq!(n_units, 8);
    // Every OPD and unit name, escaped and isolated; every file name.
    for g in &r.groups {
        for o in &g.opds {
            assert!(doc.contains(&format!("<bdi>{}</bdi>", html::escape(&o.opd))), "{}", o.opd);
            assert!(doc.contains(&html::escape(&o.file_name)));
            for u in &o.units {
                assert!(doc.contains(&format!("<bdi>{}</bdi>", html::escape(&u.name))));
            }
        }
    }
    assert!(doc.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!doc.contains("<b>"));
    assert!(!doc.contains("<!--"));
    // The duplicate OPD is flagged.
    assert!(doc.contains("<span aria-hidden=\"true\">⚠</span> duplikat</span>"));
    assert!(doc.contains("OPD yang sama muncul lebih dari sekali"));
    // Weakest indicators with counts and mean points.
    let w = &g22.weakest[0];
    let text = g22.instrument.indicator(&w.indicator).unwrap().text.get(Lang::Id);
    assert!(doc.contains(&html::escape(text)));
    assert!(doc.contains(&format!("{} dari {} unit layanan", w.below_max, w.answered)));
    assert!(doc.contains(" / 3</td>"));
    // The files that could not be read, with the reason in the report language.
    assert!(doc.contains("Berkas yang tidak dapat dibaca"));
    assert!(doc.contains("<bdi>rusak &lt;b&gt;.json</bdi>"));
    assert!(doc.contains(&open::message(&OpenError::File(DecodeError::NotJson), Lang::Id)));
    assert!(doc.contains("<bdi>lain.json</bdi>"));
    assert!(doc.contains(&recap_html::decode_error_text(
        &OpenError::File(DecodeError::NotOurs),
        Lang::Id
    )));
    // The one count of files, every refused name isolated (docs/SCORING.md §Pemda recap).
    assert!(doc.contains("12 berkas dipilih, 9 terbaca, 3 tidak dapat dibaca: <bdi>"));
    // Privacy note and the caller's clock.
    assert!(doc.contains("Data hanya disimpan di peramban"));
    assert!(doc.contains("2026-03-01 10.00 WIB"));

    let en = recap_html::render(&r, Lang::En, "x");
    assert!(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(en.contains("<strong>mean of all units</strong>"));
    assert!(en.contains("<strong>mean of all service products</strong>"));
    assert!(
        en.contains(&format!("<p class=\"score\">{}</p>", g22.pemda.as_ref().unwrap().score.en()))
    );
    assert!(en.contains(&open::message(&OpenError::File(DecodeError::NotJson), Lang::En)));
}

#[test]
fn recap_html_of_nothing_and_every_decode_error_in_both_languages() {
    let r = recap(&[("x.json".to_string(), String::new())]);
    let doc = recap_html::render(&r, Lang::Id, "x");
    assert!(doc.contains("Belum ada berkas yang dapat dibaca."));
    assert!(doc.contains("<bdi>x.json</bdi>"));
    let errors = [
        OpenError::File(DecodeError::TooLarge),
        OpenError::File(DecodeError::NotJson),
        OpenError::File(DecodeError::NotOurs),
        OpenError::File(DecodeError::NewerFormat(9)),
        OpenError::File(DecodeError::UnknownInstrument("ori-2030".into())),
        OpenError::File(DecodeError::InstrumentVersion {
            id: "ori-2022".into(),
            found: "0".into(),
            expected: "1".into(),
        }),
        OpenError::File(DecodeError::Invalid(Problem::UnknownIndicator("x".into()))),
    ];
    for e in &errors {
        for lang in [Lang::Id, Lang::En] {
            assert!(!recap_html::decode_error_text(e, lang).is_empty());
        }
    }
    assert!(recap_html::decode_error_text(&errors[3], Lang::Id).contains("format 9"));
    assert!(recap_html::decode_error_text(&errors[4], Lang::En).contains("ori-2030"));
}

// ---------------------------------------------------------------------------------------------
// Recap CSV
// ---------------------------------------------------------------------------------------------

#[test]
fn recap_csv_has_bom_one_row_per_unit_and_no_formulas() {
    let i22 = ins("ori-2022");
    let mut files = recap_files();
    files.push(file("cmd.json", &generated(i22, 400, "=cmd|' /C calc'!A0", 1, 1)));
    let mut plus = generated(i22, 401, "@SUM(A1)", 1, 1);
    plus.units[0].name = "+1 Unit".into();
    files.push(file("plus.json", &plus));
    let r = recap(&files);
    for delimiter in [b';', b','] {
        let text = recap_csv::render(&r, Lang::Id, delimiter);
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("\r\n"));
        let rows = parse(&text, delimiter);
        let units: usize = r.groups.iter().flat_map(|g| &g.opds).map(|o| o.units.len()).sum();
        assert_eq!(rows.len(), 1 + r.groups.len() + units);
        // Each group's pemda row (no file) carries the pemda score, as on the recap screen.
        let pemda_rows: Vec<_> = rows[1..].iter().filter(|row| row[7].is_empty()).collect();
        assert_eq!(pemda_rows.len(), r.groups.len());
        for (row, g) in pemda_rows.iter().zip(&r.groups) {
            assert_eq!(row[1], "Nilai pemerintah daerah");
            assert_eq!(row[2], g.pemda.as_ref().map(|m| m.score.id()).unwrap_or_default());
            let ins = g.instrument;
            assert_eq!(row[10], format!("{} ({})", ins.title.get(Lang::Id), ins.years));
        }
        let rows: Vec<Vec<String>> = std::iter::once(rows[0].clone())
            .chain(rows[1..].iter().filter(|row| !row[7].is_empty()).cloned())
            .collect();
        assert_eq!(rows[0], recap_csv::headers(Lang::Id).map(String::from).to_vec());
        assert!(rows.iter().all(|row| row.len() == 13));
        // Row order = group, file, unit order; figures as in the recap.
        let lines: Vec<_> = r
            .groups
            .iter()
            .flat_map(|g| g.opds.iter().flat_map(move |o| o.units.iter().map(move |u| (g, o, u))))
            .collect();
        for (row, (g, o, u)) in rows[1..].iter().zip(&lines) {
            assert_eq!(row[0], csv::neutralise(&o.opd));
            assert_eq!(row[1], csv::neutralise(&u.name));
            assert_eq!(row[2], u.mark.as_ref().map(|m| m.score.id()).unwrap_or_default());
            assert_eq!(row[7], o.file_name);
            let ins = g.instrument;
            assert_eq!(row[10], format!("{} ({})", ins.title.get(Lang::Id), ins.years));
            let dup = if o.duplicate { "ya" } else { "tidak" };
            assert_eq!(row[8], dup);
            let answered: u32 = row[5].parse().unwrap();
            let total: u32 = row[6].parse().unwrap();
            assert_eq!(total - answered, u.unanswered);
        }
        let cmd = rows.iter().find(|row| row[7] == "cmd.json").unwrap();
        assert_eq!(cmd[0], "'=cmd|' /C calc'!A0");
        let plus = rows.iter().find(|row| row[7] == "plus.json").unwrap();
        assert_eq!((plus[0].as_str(), plus[1].as_str()), ("'@SUM(A1)", "'+1 Unit"));
        let hostile = rows.iter().find(|row| row[7] == "opd0.json").unwrap();
        assert_eq!(hostile[0], HOSTILE_OPDS[0]);
        // ori-2022 rows carry a grade; ori-2016 rows none.
        let dukcapil = rows.iter().find(|row| row[7] == "dukcapil.json").unwrap();
        assert_eq!(dukcapil[3], "");
        assert!(dukcapil[4].starts_with("Zona "));
        assert!(!hostile[3].is_empty());
    }
    let en = parse(&recap_csv::render(&r, Lang::En, b','), b',');
    assert_eq!(en[0][1], "Service unit");
    assert!(en[2][2].contains('.'));
}

// ---------------------------------------------------------------------------------------------
// SKM document
// ---------------------------------------------------------------------------------------------

#[test]
fn skm_html_shows_nrr_ikm_mutu_bands_and_the_weight_note() {
    let s = known_survey();
    let doc = skm_doc::html(&s, Lang::Id, &Subject::unit("Puskesmas Watdek <2026>"), "2026-03-01");
    assert!(doc.starts_with("<!DOCTYPE html>\n<html lang=\"id\">"));
    assert!(!doc.contains("<script"));
    assert!(doc.contains("@page { size: A4;"));
    assert!(doc.contains("<bdi>Puskesmas Watdek &lt;2026&gt;</bdi>"));
    // IKM, mutu letter, label and interval.
    assert!(doc.contains("<p class=\"score\">87,50</p>"));
    assert!(doc.contains("<span class=\"mutu\">B</span>"));
    assert!(doc.contains("<strong>Baik</strong>"));
    assert!(doc.contains("76,61–88,30"));
    // Per unsur: respondents, the exact fraction, NRR to 3 decimals, weighted NRR; every value
    // named by its column, so the table can stack on a phone.
    let td = |label: &str, v: &str| {
        format!("<td data-label=\"{label}\" class=\"num\"><span>{v}</span></td>")
    };
    assert!(doc.contains(&format!(
        "<th scope=\"row\">U1</th><td data-label=\"Nama unsur\">Persyaratan</td>{}",
        td("Jawaban 1", "0")
    )));
    let fraction = |f: &str, nrr: &str, w: &str| {
        [td("NRR (pecahan tepat)", f), td("NRR", nrr), td("NRR tertimbang (× 1/9)", w)].concat()
    };
    assert!(doc.contains(&fraction("31/10", "3,100", "0,344")));
    assert!(doc.contains(&fraction("39/10", "3,900", "0,433")));
    // Σ NRR / 9 = 31,5 / 9 = 3,5; IKM = 25 × 3,5.
    assert!(doc.contains(
        "<th scope=\"row\" colspan=\"8\">Jumlah NRR tertimbang</th><td data-label=\"\" class=\"num\"><span>3,500</span></td>"
    ));
    assert_eq!(doc.matches("<table class=\"stack\">").count(), 2, "both tables stack on a phone");
    // 10 respondents: a small sample, said at the top, without a figure for the minimum.
    assert!(doc.contains("<p class=\"warn\" id=\"sample\">Sampel kecil: baru 10 responden."));
    assert!(doc.contains("menurut jumlah populasi"));
    // All four bands, this one marked with text.
    for interval in ["88,31–100,00", "76,61–88,30", "65,00–76,60", "25,00–64,99"] {
        assert!(doc.contains(interval), "{interval}");
    }
    for label in ["Sangat baik", "Kurang baik", "Tidak baik"] {
        assert!(doc.contains(label));
    }
    assert!(doc.contains("<tr class=\"this\">"));
    assert!(doc.contains("hasil ini"));
    // The note: 1/9, the regulation's 0,11 and its figure.
    assert!(doc.contains("bobot 1/9"));
    assert!(doc.contains("0,11"));
    assert!(doc.contains("86,63"));
    assert!(doc.contains("Permenpan RB 14/2017"));
    assert!(doc.contains("Data hanya disimpan di peramban"));

    let en = skm_doc::html(&s, Lang::En, &Subject::unit("Clinic"), "x");
    assert!(en.contains("<p class=\"score\">87.50</p>"));
    assert!(en.contains("<strong>Good</strong>"));
    assert!(en.contains("76.61–88.30"));
    assert!(en.contains("3.100"));
    assert!(en.contains("86.63"));
}

#[test]
fn skm_csv_has_bom_the_nine_unsur_and_the_result() {
    let s = known_survey();
    for delimiter in [b';', b','] {
        let text = skm_doc::csv(&s, Lang::Id, &Subject::unit("=Puskesmas"), delimiter);
        assert!(text.starts_with('\u{feff}'));
        let rows = parse(&text, delimiter);
        assert!(rows.iter().all(|r| r.len() == 10));
        assert_eq!(rows[0][0], "Unsur");
        assert_eq!(rows[0][8], "NRR");
        assert_eq!(
            rows[1],
            ["U1", "Persyaratan", "10", "0", "0", "9", "1", "31", "3,100", "0,344"]
                .map(String::from)
                .to_vec()
        );
        assert_eq!(rows[9][0], "U9");
        assert_eq!(rows[9][8], "3,900");
        let find = |label: &str| rows.iter().find(|r| r[0].starts_with(label)).unwrap().clone();
        assert_eq!(find("Jumlah NRR tertimbang")[1], "3,500");
        assert_eq!(find("Indeks Kepuasan Masyarakat")[1], "87,50");
        assert_eq!(find("Mutu pelayanan")[1], "B");
        assert_eq!(find("Kinerja unit pelayanan")[1], "Baik");
        assert_eq!(find("Interval IKM")[1], "76,61–88,30");
        assert_eq!(find("IKM dengan bobot 0,11")[1], "86,63");
        assert_eq!(find("Mutu pelayanan A")[1], "88,31–100,00");
        assert_eq!(find("Mutu pelayanan D")[2], "Tidak baik");
        assert_eq!(find("Unit layanan")[1], "'=Puskesmas");
        assert!(find("Dasar hukum")[1].contains("14/2017"));
        assert!(find("Catatan")[1].contains("1/9"));
    }
    let en = parse(&skm_doc::csv(&s, Lang::En, &Subject::unit("Clinic"), b','), b',');
    assert_eq!(en[1][8], "3.100");
    assert!(en.iter().any(|r| r[1] == "87.50"));
}

#[test]
fn three_decimals_round_half_up() {
    use patuh_core::exact::Ratio;
    assert_eq!(skm_doc::three_decimals(Ratio::new(1, 9).unwrap(), Lang::Id), "0,111");
    assert_eq!(skm_doc::three_decimals(Ratio::new(2, 3).unwrap(), Lang::En), "0.667");
    assert_eq!(skm_doc::three_decimals(Ratio::new(1, 2000).unwrap(), Lang::En), "0.001");
    assert_eq!(skm_doc::three_decimals(Ratio::int(4), Lang::Id), "4,000");
}
