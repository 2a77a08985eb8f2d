//! The pemda recap: the instrument's own aggregation rule, bad files, duplicates, the
//! zone distribution, the weakest indicators, sorting, 50 files, and the provisional ori-2025.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{answer_all, file, generated_opd, ins};
use patuh_core::assessment::{Answer, Assessment};
use patuh_core::exact::{Hundredths, Ratio};
use patuh_core::instrument::{Instrument, Scope, Zone};
use patuh_core::open::OpenError;
use patuh_core::persist::{encode, DecodeError};
use patuh_core::recap::{
    normalise_opd, pemda_from_unit_scores, recap, sort_opds, sort_unit_lines, Counted, SortKey,
};
use patuh_core::scoring::{aggregate, assess};

/// An HTML report with the file embedded the way `report::html` writes it (`<` escaped).
fn html_file(name: &str, a: &Assessment) -> (String, String) {
    let json = encode(a, "x").replace('<', "\\u003c").replace('>', "\\u003e");
    let html = format!(
        "<!doctype html>\n<html lang=\"id\"><head><title>Laporan</title></head><body>\n\
         <main><h1>Laporan</h1></main>\n\
         <script type=\"application/json\" id=\"patuh-data\">\n{json}\n</script>\n</body></html>\n"
    );
    (name.to_string(), html)
}

/// A generated OPD with notes and links on every answer, like a finished file.
fn generated(ins: &Instrument, seed: u64, opd: &str, units: usize, products: usize) -> Assessment {
    generated_opd(ins, seed, opd, units, products, true)
}

#[test]
fn maluku_tenggara_2023_seven_units_give_60_80_c_kuning() {
    let units: Vec<Hundredths> = ["49.85", "52.86", "55.09", "59.85", "62.06", "71.08", "74.82"]
        .iter()
        .map(|s| Hundredths::parse(s).unwrap())
        .collect();
    let m = pemda_from_unit_scores(ins("ori-2022"), &units).unwrap();
    assert_eq!(m.score, Hundredths(6080));
    assert_eq!(m.grade.as_deref(), Some("C"));
    assert_eq!(m.zone, Zone::Kuning);
    assert_eq!(m.exact, Ratio::new(42561, 700).unwrap());
    assert_eq!(pemda_from_unit_scores(ins("ori-2022"), &[]), None);
}

#[test]
fn seven_unit_files_recap_to_the_mean_of_all_units() {
    // Seven one-unit OPD files, as the Ombudsman sampled Maluku Tenggara: the pemda score is the
    // mean of the seven unit scores, exactly what scoring::aggregate gives.
    let i = ins("ori-2022");
    let opds: Vec<Assessment> =
        (0..7).map(|k| generated(i, 100 + k, &format!("OPD {k}"), 1, 2)).collect();
    let files: Vec<_> =
        opds.iter().enumerate().map(|(k, a)| file(&format!("opd{k}.json"), a)).collect();
    let r = recap(&files);
    assert!(r.errors.is_empty());
    assert_eq!(r.groups.len(), 1);
    let g = &r.groups[0];
    assert_eq!(g.instrument.id, "ori-2022");
    assert_eq!(g.opds.len(), 7);
    let units: Vec<_> = opds.iter().flat_map(|a| assess(i, a).units).collect();
    let want = aggregate(i, &units).unwrap();
    let pemda = g.pemda.as_ref().unwrap();
    assert_eq!(pemda.exact, want);
    assert_eq!(pemda.score, want.round2());
    let scores: Vec<Hundredths> =
        g.opds.iter().map(|o| o.units[0].mark.as_ref().unwrap().score).collect();
    // The published-figure path agrees up to the rounding of each unit figure.
    let from_figures = pemda_from_unit_scores(i, &scores).unwrap();
    assert!(from_figures.score.0.abs_diff(pemda.score.0) <= 1);
    for (row, a) in g.opds.iter().zip(&opds) {
        let res = assess(i, a);
        assert_eq!(row.mark.as_ref().unwrap().exact, res.exact.unwrap());
        assert_eq!(row.units.len(), a.units.len());
        assert_eq!(row.unanswered, 0);
    }
    assert_eq!(g.distribution.counted, Counted::Units);
    let n: usize = g.distribution.bands.iter().map(|b| b.count).sum();
    assert_eq!(n + g.distribution.unscored, 7);
}

#[test]
fn a_broken_file_among_good_ones_is_listed_and_the_rest_go_on() {
    let i = ins("ori-2022");
    let good1 = generated(i, 1, "Dinas Kesehatan", 2, 1);
    let good2 = generated(i, 2, "Dinas Pendidikan </script> & \"Kebudayaan\"", 1, 1);
    let files = vec![
        file("dinkes.json", &good1),
        ("rusak.json".to_string(), "{ \"format\": \"patuh-penilaian-mandiri\", ".to_string()),
        html_file("laporan-dindik.html", &good2),
        ("foto.html".to_string(), "<html><body>tidak ada data</body></html>".to_string()),
        ("lain.json".to_string(), "{\"hello\": 1}".to_string()),
        ("kosong.json".to_string(), String::new()),
    ];
    let r = recap(&files);
    let errs: Vec<(usize, &str)> = r.errors.iter().map(|e| (e.file, e.name.as_str())).collect();
    assert_eq!(
        errs,
        vec![(1, "rusak.json"), (3, "foto.html"), (4, "lain.json"), (5, "kosong.json")]
    );
    assert_eq!(r.errors[0].error, OpenError::File(DecodeError::NotJson));
    assert_eq!(r.errors[1].error, OpenError::ReportWithoutData);
    assert_eq!(r.errors[2].error, OpenError::File(DecodeError::NotOurs));
    assert_eq!(r.errors[3].error, OpenError::Empty);
    let g = &r.groups[0];
    let names: Vec<&str> = g.opds.iter().map(|o| o.opd.as_str()).collect();
    assert_eq!(names, vec!["Dinas Kesehatan", "Dinas Pendidikan </script> & \"Kebudayaan\""]);
    assert_eq!(g.opds[1].file, 2);
    assert_eq!(g.opds[1].file_name, "laporan-dindik.html");
    let units: Vec<_> = [&good1, &good2].iter().flat_map(|a| assess(i, a).units).collect();
    assert_eq!(g.pemda.as_ref().unwrap().exact, aggregate(i, &units).unwrap());
}

#[test]
fn the_same_opd_twice_is_flagged() {
    let i = ins("ori-2022");
    let a = generated(i, 7, "Dinas Kependudukan & Pencatatan Sipil", 1, 1);
    let mut b = generated(i, 8, "  dinas kependudukan  pencatatan sipil ", 1, 1);
    let mut c = generated(i, 9, "Dinas Kependudukan & Pencatatan Sipil", 1, 1);
    c.period = "2025".into();
    let d = generated(i, 10, "Dinas Sosial", 1, 1);
    let r =
        recap(&[file("a.json", &a), file("b.json", &b), file("c.json", &c), file("d.json", &d)]);
    let g = &r.groups[0];
    assert_eq!(g.duplicates.len(), 1);
    assert_eq!(g.duplicates[0].files, vec![0, 1]);
    assert_eq!(g.duplicates[0].period, "2026");
    let flags: Vec<bool> = g.opds.iter().map(|o| o.duplicate).collect();
    assert_eq!(flags, vec![true, true, false, false]);
    assert_eq!(g.periods, vec!["2025".to_string(), "2026".to_string()]);
    // Another period of the same OPD is not a duplicate; the same file twice is.
    b.period = "2024".into();
    let r = recap(&[file("a.json", &a), file("b.json", &b), file("a-lagi.json", &a)]);
    assert_eq!(r.groups[0].duplicates[0].files, vec![0, 2]);
    assert_eq!(normalise_opd(" Dinas  KESEHATAN, Kab. "), "dinas kesehatan kab");
}

#[test]
fn uneven_opds_use_the_mean_of_all_units_not_of_opd_means() {
    let i = ins("ori-2022");
    let mut one = Assessment::new("a", i, "Dinas Satu", "U1", "P");
    answer_all(i, &mut one, "3");
    let mut three = Assessment::new("b", i, "Dinas Tiga", "U1", "P");
    for n in ["U2", "U3"] {
        let u = three.add_unit(n);
        three.add_product(&u, "P");
    }
    answer_all(i, &mut three, "0");
    let r = recap(&[file("1.json", &one), file("3.json", &three)]);
    let g = &r.groups[0];
    assert_eq!(g.opds[0].mark.as_ref().unwrap().score, Hundredths(10000));
    assert_eq!(g.opds[1].mark.as_ref().unwrap().score, Hundredths(0));
    // (100 + 0 + 0 + 0) / 4 = 25.00 (E, merah); the mean of OPD means would be 50.00 (D).
    let p = g.pemda.as_ref().unwrap();
    assert_eq!(p.score, Hundredths(2500));
    assert_eq!(p.grade.as_deref(), Some("E"));
    assert_eq!(p.zone, Zone::Merah);
    let bands: Vec<usize> = g.distribution.bands.iter().map(|b| b.count).collect();
    assert_eq!(bands, vec![3, 0, 0, 0, 1]);
    let zones: Vec<(Zone, usize)> =
        g.distribution.zones.iter().map(|z| (z.zone, z.count)).collect();
    assert_eq!(zones, vec![(Zone::Merah, 3), (Zone::Kuning, 0), (Zone::Hijau, 1)]);
}

#[test]
fn ori_2016_pemda_is_the_mean_of_all_products() {
    let i = ins("ori-2016");
    let mut one = Assessment::new("a", i, "Dinas Satu", "U1", "P1");
    answer_all(i, &mut one, "ada");
    let mut other = Assessment::new("b", i, "Dinas Dua", "U1", "P1");
    let u = other.units[0].id.clone();
    for n in ["P2", "P3"] {
        other.add_product(&u, n);
    }
    answer_all(i, &mut other, "tidak_ada");
    let r = recap(&[file("1.json", &one), file("2.json", &other)]);
    let g = &r.groups[0];
    assert_eq!(g.distribution.counted, Counted::Products);
    // Four products (100, 0, 0, 0): 25.00; the mean of OPD means would be 50.00.
    assert_eq!(g.pemda.as_ref().unwrap().score, Hundredths(2500));
    assert_eq!(g.opds[1].units[0].products.len(), 3);
    assert_eq!(g.opds[1].units[0].products[2].mark.as_ref().unwrap().score, Hundredths(0));
    let zones: Vec<usize> = g.distribution.zones.iter().map(|z| z.count).collect();
    assert_eq!(zones, vec![3, 0, 1]);
}

#[test]
fn files_of_different_instruments_are_grouped_per_instrument() {
    let a = generated(ins("ori-2022"), 1, "Dinas A", 1, 1);
    let b = generated(ins("ori-2016"), 2, "Dinas B", 1, 2);
    let c = generated(ins("ori-2022"), 3, "Dinas C", 2, 1);
    let r = recap(&[file("a.json", &a), file("b.json", &b), file("c.json", &c)]);
    let ids: Vec<&str> = r.groups.iter().map(|g| g.instrument.id.as_str()).collect();
    assert_eq!(ids, vec!["ori-2022", "ori-2016"]);
    assert_eq!(r.groups[0].opds.len(), 2);
    assert_eq!(r.groups[1].opds.len(), 1);
    let i = ins("ori-2022");
    let units: Vec<_> = [&a, &c].iter().flat_map(|x| assess(i, x).units).collect();
    assert_eq!(r.groups[0].pemda.as_ref().unwrap().exact, aggregate(i, &units).unwrap());
}

#[test]
fn weakest_indicators_put_the_fix_that_lifts_most_units_first() {
    let i = ins("ori-2022");
    let unit_ind = i.sections[0].indicators[0].id.clone(); // unit-wide (Input)
    let prod_ind = i.sections[1].indicators[0].id.clone(); // per product (Proses)
    let other = i.sections[0].indicators[1].id.clone();
    let mut a = Assessment::new("a", i, "Dinas A", "U1", "P1");
    let u1 = a.units[0].id.clone();
    a.add_product(&u1, "P2");
    let u2 = a.add_unit("U2");
    a.add_product(&u2, "P1");
    answer_all(i, &mut a, "3");
    let places = a.places(); // u1/p1, u1/p2, u2/p3
                             // The product indicator is low in both products of U1 and in U2: 2
                             // units.
    for p in &places {
        a.set_answer(i, p, &prod_ind, Some(Answer::Value("1".into())));
    }
    // The unit indicator is low in U1 only: 1 unit, but lower points.
    a.set_answer(i, &places[0], &unit_ind, Some(Answer::Value("0".into())));
    // Another unit indicator low in both units, one with "Tidak berlaku".
    a.set_answer(i, &places[0], &other, Some(Answer::Value("2".into())));
    a.set_answer(i, &places[2], &other, Some(Answer::NotApplicable));
    let mut b = Assessment::new("b", i, "Dinas B", "U1", "P1");
    answer_all(i, &mut b, "3");
    let pb = b.places()[0].clone();
    b.set_answer(i, &pb, &other, Some(Answer::Value("2".into())));
    b.set_answer(i, &pb, &prod_ind, Some(Answer::Value("2".into())));
    let r = recap(&[file("a.json", &a), file("b.json", &b)]);
    let w = &r.groups[0].weakest;
    let got: Vec<(&str, usize, usize)> =
        w.iter().map(|x| (x.indicator.as_str(), x.below_max, x.answered)).collect();
    assert_eq!(
        got,
        vec![(prod_ind.as_str(), 3, 3), (other.as_str(), 2, 2), (unit_ind.as_str(), 1, 3)]
    );
    // Mean points over answer places: product indicator (1 + 1 + 1 + 2) / 4.
    assert_eq!(w[0].mean_points, Ratio::new(5, 4));
    assert_eq!(w[1].mean_points, Ratio::new(4, 2));
    assert_eq!(w[2].mean_points, Ratio::new(6, 3));
    assert_eq!(w[0].section, "proses");
}

#[test]
fn weakest_ori_2016_counts_a_unit_wide_gap_in_every_product() {
    let i = ins("ori-2016");
    let unit_ind =
        i.indicators().find(|(_, x)| x.scope == Scope::Unit).map(|(_, x)| x.id.clone()).unwrap();
    let prod_ind =
        i.indicators().find(|(_, x)| x.scope == Scope::Product).map(|(_, x)| x.id.clone()).unwrap();
    let mut a = Assessment::new("a", i, "Dinas", "U1", "P1");
    let u = a.units[0].id.clone();
    a.add_product(&u, "P2");
    a.add_product(&u, "P3");
    answer_all(i, &mut a, "ada");
    let p = a.places();
    a.set_answer(i, &p[0], &unit_ind, Some(Answer::Value("tidak_ada".into())));
    a.set_answer(i, &p[0], &prod_ind, Some(Answer::Value("tidak_ada".into())));
    a.set_answer(i, &p[1], &prod_ind, Some(Answer::Value("tidak_ada".into())));
    let r = recap(&[file("a.json", &a)]);
    let w: Vec<(&str, usize)> =
        r.groups[0].weakest.iter().map(|x| (x.indicator.as_str(), x.below_max)).collect();
    assert_eq!(w, vec![(unit_ind.as_str(), 3), (prod_ind.as_str(), 2)]);
}

#[test]
fn sorting_by_name_score_and_zone() {
    let i = ins("ori-2022");
    let mk = |name: &str, v: &str| {
        let mut a = Assessment::new("x", i, name, "U", "P");
        answer_all(i, &mut a, v);
        a
    };
    let mut none = Assessment::new("x", i, "Dinas Tanpa Nilai", "U", "P");
    answer_all(i, &mut none, "3");
    let p = none.places()[0].clone();
    for x in &i.sections[2].indicators {
        none.set_answer(i, &p, &x.id, Some(Answer::NotApplicable));
    }
    let files = [
        file("1", &mk("dinas B", "2")),
        file("2", &mk("Dinas a", "3")),
        file("3", &none),
        file("4", &mk("Dinas C", "0")),
    ];
    let r = recap(&files);
    let mut rows = r.groups[0].opds.clone();
    let names = |rows: &[patuh_core::recap::OpdRow]| -> Vec<String> {
        rows.iter().map(|o| o.opd.clone()).collect()
    };
    sort_opds(&mut rows, SortKey::Opd, false);
    assert_eq!(names(&rows), vec!["Dinas a", "dinas B", "Dinas C", "Dinas Tanpa Nilai"]);
    sort_opds(&mut rows, SortKey::Score, true);
    assert_eq!(names(&rows), vec!["Dinas a", "dinas B", "Dinas C", "Dinas Tanpa Nilai"]);
    sort_opds(&mut rows, SortKey::Score, false);
    assert_eq!(names(&rows), vec!["Dinas C", "dinas B", "Dinas a", "Dinas Tanpa Nilai"]);
    sort_opds(&mut rows, SortKey::Zone, false);
    assert_eq!(rows[0].mark.as_ref().unwrap().grade.as_deref(), Some("E"));
    assert!(rows[3].mark.is_none(), "no score sorts last");
    sort_opds(&mut rows, SortKey::Opd, true);
    assert_eq!(names(&rows), vec!["Dinas Tanpa Nilai", "Dinas C", "dinas B", "Dinas a"]);
    let mut lines = r.groups[0].unit_lines();
    sort_unit_lines(&mut lines, SortKey::Score, true);
    assert_eq!(lines[0].opd.opd, "Dinas a");
    assert!(lines[3].unit.mark.is_none());
}

#[test]
fn fifty_realistic_files_recap_with_one_broken() {
    // 50 OPD files of 3–5 units with 1–3 products each, every entry with a note and a link.
    let i = ins("ori-2022");
    let mut files = Vec::new();
    let mut want_units = 0;
    let mut assessments = Vec::new();
    for k in 0..50u64 {
        let a = generated(i, k, &format!("OPD {k:02}"), 3 + (k % 3) as usize, 1 + (k % 3) as usize);
        want_units += a.units.len();
        files.push(file(&format!("opd-{k:02}.json"), &a));
        assessments.push(a);
    }
    let size: usize = files.iter().map(|(_, t)| t.len()).sum();
    assert!(size > 50 * 20_000, "files of realistic size ({size} bytes)");
    // One of them broken, mid-file.
    let cut = files[17].1.len() / 2;
    files[17].1.truncate(cut);
    let r = recap(&files);
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].name, "opd-17.json");
    let g = &r.groups[0];
    assert_eq!(g.opds.len(), 49);
    let units: Vec<_> = assessments
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != 17)
        .flat_map(|(_, a)| assess(i, a).units)
        .collect();
    assert_eq!(units.len(), want_units - assessments[17].units.len());
    let counted: usize = g.distribution.bands.iter().map(|b| b.count).sum();
    assert_eq!(counted + g.distribution.unscored, units.len());
    assert_eq!(g.pemda.as_ref().unwrap().exact, aggregate(i, &units).unwrap());
    assert!(g.duplicates.is_empty());
    assert_eq!(g.unit_lines().len(), units.len());
}
