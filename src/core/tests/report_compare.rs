//! The comparison with an earlier assessment inside the single report: the comparison view's
//! totals, sections, counts and changed indicators, the HTML section and the two CSV columns, and
//! a report without one unchanged to the byte.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{answer_all, generated_opd, ins, parse_csv as parse, set_opt as set};
use patuh_core::assessment::Assessment;
use patuh_core::compare::compare;
use patuh_core::instrument::{Instrument, Lang, Scope};
use patuh_core::persist::encode;
use patuh_core::report::comparison::{self, Status};
use patuh_core::report::csv::col;
use patuh_core::report::{self, csv, html, Report};

/// A generated OPD, answers only.
fn generated(ins: &Instrument, seed: u64, opd: &str, units: usize, products: usize) -> Assessment {
    generated_opd(ins, seed, opd, units, products, false)
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
