//! The documents built on the report: the pemda recap as HTML and CSV, the
//! SKM/IKM result as HTML and CSV, and the comparison with an earlier assessment inside the single
//! report (HTML section and two CSV columns; without one the report is unchanged).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{
    answer_all, file, generated_opd, ins, known_survey, parse_csv as parse, set_opt as set,
};
use patuh_core::assessment::Assessment;
use patuh_core::compare::compare;
use patuh_core::instrument::{Instrument, Lang, Scope};
use patuh_core::open::{self, OpenError};
use patuh_core::persist::{encode, DecodeError, Problem};
use patuh_core::recap::recap;
use patuh_core::report::comparison::{self, Status};
use patuh_core::report::csv::col;
use patuh_core::report::{self, csv, html, recap_csv, recap_html, skm_doc, Report};

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
    // Opini only where the instrument has grades.
    let g22 = &r.groups[0];
    assert_eq!(g22.instrument.id, "ori-2022");
    let grade = g22.pemda.as_ref().unwrap().grade.clone().unwrap();
    assert!(doc.contains(&format!("Opini <strong>{grade}</strong>")));
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
            assert_eq!(row[10], g.instrument.id);
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
            assert_eq!(row[10], g.instrument.id);
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
    let doc = skm_doc::html(&s, Lang::Id, "Puskesmas Watdek <2026>", "2026-03-01");
    assert!(doc.starts_with("<!DOCTYPE html>\n<html lang=\"id\">"));
    assert!(!doc.contains("<script"));
    assert!(doc.contains("@page { size: A4;"));
    assert!(doc.contains("<bdi>Puskesmas Watdek &lt;2026&gt;</bdi>"));
    // IKM, mutu letter, label and interval.
    assert!(doc.contains("<p class=\"score\">87,50</p>"));
    assert!(doc.contains("<span class=\"mutu\">B</span>"));
    assert!(doc.contains("<strong>Baik</strong>"));
    assert!(doc.contains("76,61–88,30"));
    // Per unsur: respondents, the exact fraction, NRR to 3 decimals, weighted NRR.
    assert!(doc.contains("<th scope=\"row\">U1</th><td>Persyaratan</td><td class=\"num\">0</td>"));
    assert!(doc.contains(
        "<td class=\"num\">31/10</td><td class=\"num\">3,100</td><td class=\"num\">0,344</td>"
    ));
    assert!(doc.contains(
        "<td class=\"num\">39/10</td><td class=\"num\">3,900</td><td class=\"num\">0,433</td>"
    ));
    // Σ NRR / 9 = 31,5 / 9 = 3,5; IKM = 25 × 3,5.
    assert!(doc.contains("<td class=\"num\">3,500</td>"));
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

    let en = skm_doc::html(&s, Lang::En, "Clinic", "x");
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
        let text = skm_doc::csv(&s, Lang::Id, "=Puskesmas", delimiter);
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
    let en = parse(&skm_doc::csv(&s, Lang::En, "Clinic", b','), b',');
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

// ---------------------------------------------------------------------------------------------
// Comparison in the single report
// ---------------------------------------------------------------------------------------------

/// Last year's and this year's ori-2022 file: two units, the second with two products; one
/// unit-wide indicator improved, one product indicator worsened, one new (was unanswered), one
/// no longer scored, and a hostile unit name.
fn before_after() -> (Assessment, Assessment, String, String) {
    let i = ins("ori-2022");
    let mut before = Assessment::new("a", i, "Dinas Kesehatan", "Puskesmas Watdek", "Rawat jalan");
    let u2 = before.add_unit("<b>Puskesmas</b> & \"Ohoijang\"");
    before.add_product(&u2, "Imunisasi");
    before.add_product(&u2, "KIA");
    answer_all(i, &mut before, "2");
    let mut after = before.clone();
    after.period = "2026".into();
    let unit_ind = i.indicators().find(|(_, x)| x.scope == Scope::Unit).unwrap().1.id.clone();
    let prod_ind = i.indicators().find(|(_, x)| x.scope == Scope::Product).unwrap().1.id.clone();
    let places = after.places();
    let (p0, p1, p2) = (places[0].clone(), places[1].clone(), places[2].clone());
    set(i, &mut after, &p1, &unit_ind, Some("3")); // improved, unit-wide in unit 2
    set(i, &mut after, &p2, &prod_ind, Some("0")); // worsened, product KIA
    set(i, &mut before, &p0, &prod_ind, None); // new
    let other =
        i.indicators().filter(|(_, x)| x.scope == Scope::Product).nth(1).unwrap().1.id.clone();
    set(i, &mut after, &p0, &other, Some("tb")); // no longer scored
    (before, after, unit_ind, prod_ind)
}

fn section_of(doc: &str) -> Option<(usize, usize)> {
    let start = doc.find("<section aria-labelledby=\"h-compare\">")?;
    let end = start + doc[start..].find("</section>\n")? + "</section>\n".len();
    Some((start, end))
}

#[test]
fn comparison_view_has_totals_sections_counts_and_changed_indicators() {
    let i = ins("ori-2022");
    let (before, after, unit_ind, prod_ind) = before_after();
    let c = compare(i, &before, &after).unwrap();
    let v = comparison::view(&c, i, Lang::Id);
    assert!(v.same_opd && v.warning.is_none());
    assert_eq!(v.section_measure, "Poin");
    assert_eq!(v.sections.len(), 4);
    assert_eq!(v.sections[0].max_points.as_ref().unwrap().text, "21,85");
    assert_eq!(v.total.delta.as_ref().map(|d| d.delta), c.total.delta);
    assert_eq!(v.counts, c.counts);
    assert_eq!(
        (v.counts.improved, v.counts.worsened, v.counts.new, v.counts.removed),
        (1, 1, 1, 1)
    );
    let changed: Vec<_> = v.changed().collect();
    assert_eq!(changed.len(), 4);
    let up = changed.iter().find(|x| x.status == Status::Improved).unwrap();
    assert_eq!(up.indicator, unit_ind);
    assert_eq!((up.before.as_str(), up.after.as_str()), ("2 · Sebagian besar", "3 · Lengkap"));
    assert_eq!((up.symbol.as_str(), up.status_text.as_str()), ("▲", "naik"));
    assert_eq!(up.product, None);
    let down = changed.iter().find(|x| x.status == Status::Worsened).unwrap();
    assert_eq!(down.indicator, prod_ind);
    assert_eq!(down.product.as_deref(), Some("KIA"));
    assert_eq!((down.symbol.as_str(), down.status_text.as_str()), ("▼", "turun"));
    let new = changed.iter().find(|x| x.status == Status::New).unwrap();
    assert_eq!((new.before.as_str(), new.symbol.as_str()), ("Belum dijawab", "+"));
    let gone = changed.iter().find(|x| x.status == Status::Removed).unwrap();
    assert_eq!(gone.after, "Tidak berlaku");
    assert!(v.counts_text().starts_with("▲ 1 naik · ▼ 1 turun · = "));
    // Another OPD is compared but flagged.
    let mut other = before.clone();
    other.opd = "Dinas Sosial".into();
    let w = comparison::view(&compare(i, &other, &after).unwrap(), i, Lang::En);
    assert!(w.warning.unwrap().contains("different OPDs"));
    assert!(w.units[0].change.before.as_ref().unwrap().text.contains('.'));
}

#[test]
fn the_report_with_a_comparison_has_its_section_and_csv_columns() {
    let i = ins("ori-2022");
    let (before, after, unit_ind, prod_ind) = before_after();
    let json = encode(&after, "2026-03-01T10:00:00Z");
    let c = compare(i, &before, &after).unwrap();
    let plain = report::build(i, &after, Lang::Id, "2026-03-01");
    assert_eq!(plain.comparison, None);
    let with = plain.clone().with_comparison(comparison::view(&c, i, Lang::Id));

    let doc = html::render(&with, &json);
    let base = html::render(&plain, &json);
    let (start, end) = section_of(&doc).expect("comparison section");
    assert!(doc[start..end]
        .contains("<h2 id=\"h-compare\">Perbandingan dengan penilaian sebelumnya</h2>"));
    // Only the section is added, between the per-unit breakdown and the action plan.
    assert_eq!(format!("{}{}", &doc[..start], &doc[end..]), base);
    assert!(doc[end..].starts_with("<section aria-labelledby=\"h-plan\">"));
    let sec = &doc[start..end];
    assert!(sec.contains("<span aria-hidden=\"true\">▲</span> naik"));
    assert!(sec.contains("<span aria-hidden=\"true\">▼</span> turun"));
    assert!(sec.contains("<span aria-hidden=\"true\">+</span> baru"));
    assert!(sec.contains("tidak dinilai lagi"));
    assert!(sec.contains("Indikator yang berubah"));
    assert!(sec.contains("Per unit layanan"));
    assert!(sec.contains(
        "<bdi>&lt;b&gt;Puskesmas&lt;/b&gt; &amp; &quot;Ohoijang&quot;</bdi> › <bdi>KIA</bdi>"
    ));
    assert!(!sec.contains("<b>"));
    assert!(sec.contains(" / 21,85</span></td>"));
    let total = with.comparison.as_ref().unwrap().total.delta.as_ref().unwrap();
    assert!(sec.contains(&html::escape(&total.text)));

    // CSV: the same rows plus two columns; without the columns it is the plain CSV.
    let base_csv = csv::render(&plain, b';');
    let with_csv = csv::render(&with, b';');
    let rows = parse(&with_csv, b';');
    let base_rows = parse(&base_csv, b';');
    assert_eq!(rows.len(), base_rows.len());
    assert_eq!(
        rows[0][col::PREVIOUS..],
        ["Jawaban sebelumnya".to_string(), "Perubahan".to_string()]
    );
    assert!(rows.iter().all(|r| r.len() == csv::COLUMNS + 2));
    for (r, b) in rows.iter().zip(&base_rows) {
        assert_eq!(&r[..csv::COLUMNS], &b[..]);
    }
    // The OPD score before and its change.
    let total = with.comparison.as_ref().unwrap().total.clone();
    assert_eq!(rows[1][col::PREVIOUS], total.before.unwrap().text);
    assert!(rows[1][col::CHANGE].ends_with(&total.delta.unwrap().text));
    // The unit-wide change shows once, on its unit's row.
    let unit2 = &after.units[1].name;
    let up: Vec<_> =
        rows.iter().filter(|r| r[col::ID] == unit_ind && &r[col::UNIT] == unit2).collect();
    assert_eq!(up.len(), 1);
    assert_eq!(up[0][col::PRODUCT], "");
    assert!(up
        .iter()
        .all(|r| r[col::PREVIOUS] == "2 · Sebagian besar" && r[col::CHANGE] == "naik"));
    let at = |product: &str| {
        rows.iter().find(|r| r[col::ID] == prod_ind && r[col::PRODUCT] == product).unwrap()
    };
    let down = at("KIA");
    assert_eq!(
        (down[col::PREVIOUS].as_str(), down[col::CHANGE].as_str()),
        ("2 · Sebagian besar", "turun")
    );
    let new = at("Rawat jalan");
    assert_eq!((new[col::PREVIOUS].as_str(), new[col::CHANGE].as_str()), ("Belum dijawab", "baru"));
    assert_eq!(at("Imunisasi")[col::CHANGE], "tetap");

    // English.
    let en =
        report::build(i, &after, Lang::En, "x").with_comparison(comparison::view(&c, i, Lang::En));
    let doc = html::render(&en, &json);
    assert!(doc.contains("Comparison with the previous assessment"));
    assert!(doc.contains("<span aria-hidden=\"true\">▲</span> up"));
    let rows = parse(&csv::render(&en, b','), b',');
    assert_eq!(rows[0][col::PREVIOUS..], ["Previous answer".to_string(), "Change".to_string()]);
}

#[test]
fn without_a_comparison_the_report_is_byte_identical() {
    // The same report with `comparison: None` set by hand, by `build`, and after a round trip
    // through `with_comparison` and back renders the same bytes in HTML and CSV.
    let i = ins("ori-2016");
    let (before, mut after) = {
        let mut b = generated(i, 11, "Dinas Dukcapil", 2, 2);
        b.period = "2025".into();
        (b.clone(), generated(i, 12, "Dinas Dukcapil", 2, 2))
    };
    after.assessor_name = "Siti".into();
    let json = encode(&after, "x");
    let plain = report::build(i, &after, Lang::Id, "x");
    let with = plain.clone().with_comparison(comparison::view(
        &compare(i, &before, &after).unwrap(),
        i,
        Lang::Id,
    ));
    let stripped = Report { comparison: None, ..with.clone() };
    assert_eq!(stripped, plain);
    assert_eq!(html::render(&stripped, &json), html::render(&plain, &json));
    assert_eq!(csv::render(&stripped, b';'), csv::render(&plain, b';'));
    assert_ne!(html::render(&with, &json), html::render(&plain, &json));
    // ori-2016 sections are fulfilment percentages, without a maximum.
    let v = with.comparison.as_ref().unwrap();
    assert_eq!(v.section_measure, "Terpenuhi (%)");
    assert!(v.sections.iter().all(|s| s.max_points.is_none()));
    let base = parse(&csv::render(&plain, b','), b',');
    assert!(base.iter().all(|r| r.len() == csv::COLUMNS));
}
