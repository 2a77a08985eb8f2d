//! Exact scoring, band edges, the published figures, and both aggregation rules (docs/SCORING.md
//! §Common rules).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{answer_all, ins};
use patuh_core::assessment::{Answer, Assessment, Place};
use patuh_core::exact::{Hundredths, Ratio};
use patuh_core::instrument::{self, Zone};
use patuh_core::scoring::{self, aggregate, assess, sum_points};

fn first(a: &Assessment) -> Place {
    a.places()[0].clone()
}

#[test]
fn band_edges_ori_2016() {
    let i = ins("ori-2016");
    let zone = |h| i.band(Hundredths(h)).zone;
    assert_eq!(zone(0), Zone::Merah);
    assert_eq!(zone(5099), Zone::Merah);
    assert_eq!(zone(5100), Zone::Kuning);
    assert_eq!(zone(8099), Zone::Kuning);
    assert_eq!(zone(8100), Zone::Hijau);
    assert_eq!(zone(10000), Zone::Hijau);
}

#[test]
fn band_edges_ori_2022() {
    let i = ins("ori-2022");
    let g = |h| i.band(Hundredths(h)).grade.clone().unwrap();
    for (h, want) in [
        (0, "E"),
        (3199, "E"),
        (3200, "D"),
        (5399, "D"),
        (5400, "C"),
        (7799, "C"),
        (7800, "B"),
        (8799, "B"),
        (8800, "A"),
        (10000, "A"),
    ] {
        assert_eq!(g(h), want, "score {}", Hundredths(h));
    }
}

#[test]
fn rounding_happens_once_before_banding() {
    let i = ins("ori-2016");
    // 50.994999… rounds to 50.99 (merah); 50.995 rounds half-up to 51.00 (kuning).
    let below = Ratio::new(50_994_999, 1_000_000).unwrap();
    let edge = Ratio::new(50_995, 1_000).unwrap();
    assert_eq!(scoring::band(i, below).score, Hundredths(5099));
    assert_eq!(scoring::band(i, below).def.zone, Zone::Merah);
    assert_eq!(scoring::band(i, edge).score, Hundredths(5100));
    assert_eq!(scoring::band(i, edge).def.zone, Zone::Kuning);
    let g = ins("ori-2022");
    assert_eq!(scoring::band(g, Ratio::new(87_995, 1000).unwrap()).def.grade.as_deref(), Some("A"));
    assert_eq!(scoring::band(g, Ratio::new(87_994, 1000).unwrap()).def.grade.as_deref(), Some("B"));
}

#[test]
fn puskesmas_watdek_2023_dimension_points() {
    let pts: Vec<Hundredths> =
        ["8.72", "10.76", "20.76", "9.61"].iter().map(|s| Hundredths::parse(s).unwrap()).collect();
    let b = scoring::band(ins("ori-2022"), sum_points(&pts));
    assert_eq!(b.score, Hundredths(4985));
    assert_eq!(b.def.grade.as_deref(), Some("D"));
    assert_eq!(b.def.zone, Zone::Merah);
}

#[test]
fn maluku_tenggara_2023_pemda_mean_of_units() {
    let units: Vec<Ratio> = ["49.85", "52.86", "55.09", "59.85", "62.06", "71.08", "74.82"]
        .iter()
        .map(|s| Hundredths::parse(s).unwrap().ratio())
        .collect();
    let b = scoring::band(ins("ori-2022"), Ratio::mean(&units).unwrap());
    assert_eq!(b.score, Hundredths(6080));
    assert_eq!(b.def.grade.as_deref(), Some("C"));
    assert_eq!(b.def.zone, Zone::Kuning);
}

#[test]
fn all_present_is_100_and_one_absent_lowers_exactly() {
    let i = ins("ori-2016");
    let mut a = Assessment::new("t", i, "Dinas", "Unit", "Produk");
    answer_all(i, &mut a, "ada");
    let r = assess(i, &a);
    assert!(!r.provisional());
    assert_eq!(r.band(i).unwrap().score, Hundredths(10000));
    let n = i.indicators().count() as u128;
    let first_id = i.sections[0].indicators[0].id.clone();
    a.set_answer(i, &first(&a), &first_id, Some(Answer::Value("tidak_ada".into())));
    let r = assess(i, &a);
    assert_eq!(r.exact, Ratio::new(100 * (n - 1), n));
}

#[test]
fn not_applicable_leaves_the_denominator_and_unanswered_is_provisional() {
    let i = ins("ori-2016");
    let mut a = Assessment::new("t", i, "Dinas", "Unit", "Produk");
    answer_all(i, &mut a, "ada");
    let ids: Vec<String> = i.indicators().map(|(_, x)| x.id.clone()).collect();
    let p = first(&a);
    a.set_answer(i, &p, &ids[0], Some(Answer::Value("tidak_ada".into())));
    a.set_answer(i, &p, &ids[1], Some(Answer::NotApplicable));
    let n = ids.len() as u128;
    assert_eq!(assess(i, &a).exact, Ratio::new(100 * (n - 2), n - 1));
    a.set_answer(i, &p, &ids[2], None);
    let r = assess(i, &a);
    assert!(r.provisional());
    assert_eq!(r.unanswered, 1);
    // Unanswered counts as unmet until answered: the provisional score is a floor.
    assert_eq!(r.exact, Ratio::new(100 * (n - 3), n - 1));
}

#[test]
fn all_not_applicable_gives_no_score() {
    let i = ins("ori-2016");
    let mut a = Assessment::new("t", i, "Dinas", "Unit", "Produk");
    for (_, x) in i.indicators() {
        a.set_answer(i, &first(&a), &x.id, Some(Answer::NotApplicable));
    }
    assert_eq!(assess(i, &a).exact, None);
}

#[test]
fn ori_2016_agency_is_mean_of_all_products_not_of_unit_means() {
    let i = ins("ori-2016");
    let mut a = Assessment::new("t", i, "Dinas", "Unit A", "A1");
    let b = a.add_unit("Unit B");
    for n in ["B1", "B2", "B3"] {
        a.add_product(&b, n);
    }
    answer_all(i, &mut a, "tidak_ada");
    // Unit A (one product) fully compliant; unit-wide indicators belong to unit A only.
    let pa = first(&a);
    for (_, x) in i.indicators() {
        a.set_answer(i, &pa, &x.id, Some(Answer::Value("ada".into())));
    }
    let r = assess(i, &a);
    assert_eq!(r.units[0].exact.unwrap().round2(), Hundredths(10000));
    assert_eq!(r.units[1].exact.unwrap().round2(), Hundredths(0));
    // Mean of 4 products = 25.00; the wrong rule (mean of unit means) would give 50.00.
    assert_eq!(r.band(i).unwrap().score, Hundredths(2500));
}

#[test]
fn ori_2022_unit_is_sum_of_dimension_points() {
    let i = ins("ori-2022");
    let mut a = Assessment::new("t", i, "Dinas", "Unit", "Produk");
    answer_all(i, &mut a, "3");
    let r = assess(i, &a);
    assert_eq!(r.band(i).unwrap().score, Hundredths(10000));
    assert_eq!(r.band(i).unwrap().def.grade.as_deref(), Some("A"));
    // Input all 0, everything else full: 100 − 21.85 = 78.15 → B.
    let p = first(&a);
    for x in &i.sections[0].indicators {
        a.set_answer(i, &p, &x.id, Some(Answer::Value("0".into())));
    }
    let r = assess(i, &a);
    assert_eq!(r.units[0].sections[0].points, Some(Ratio::ZERO));
    assert_eq!(r.band(i).unwrap().score, Hundredths(7815));
    assert_eq!(r.band(i).unwrap().def.grade.as_deref(), Some("B"));
}

#[test]
fn ori_2022_proses_is_the_mean_over_products() {
    let i = ins("ori-2022");
    let mut a = Assessment::new("t", i, "Dinas", "Unit", "P1");
    let u = a.units[0].id.clone();
    a.add_product(&u, "P2");
    answer_all(i, &mut a, "3");
    let p2 = a.places()[1].clone();
    for x in &i.sections[1].indicators {
        a.set_answer(i, &p2, &x.id, Some(Answer::Value("0".into())));
    }
    let r = assess(i, &a);
    // Proses = 32.37 × ½ = 16.185; total 100 − 16.185 = 83.815 → 83.82 (half-up), B.
    assert_eq!(r.units[0].sections[1].points, Some(Ratio::new(16185, 1000).unwrap()));
    assert_eq!(r.band(i).unwrap().score, Hundredths(8382));
}

#[test]
fn ori_2022_pemda_is_mean_of_all_units_not_of_opd_means() {
    let i = ins("ori-2022");
    let mut opd1 = Assessment::new("a", i, "Dinas 1", "U1", "P");
    answer_all(i, &mut opd1, "3");
    let mut opd2 = Assessment::new("b", i, "Dinas 2", "U2", "P");
    for n in ["U3", "U4"] {
        let u = opd2.add_unit(n);
        opd2.add_product(&u, "P");
    }
    answer_all(i, &mut opd2, "0");
    let r1 = assess(i, &opd1);
    let r2 = assess(i, &opd2);
    assert_eq!(r1.band(i).unwrap().score, Hundredths(10000));
    assert_eq!(r2.band(i).unwrap().score, Hundredths(0));
    let units: Vec<_> = r1.units.into_iter().chain(r2.units).collect();
    // 4 units: (100 + 0 + 0 + 0) / 4 = 25.00; a mean of the two OPD means would give 50.00.
    assert_eq!(aggregate(i, &units).unwrap().round2(), Hundredths(2500));
}

#[test]
fn ori_2022_dimension_with_nothing_applicable_gives_no_score() {
    let i = ins("ori-2022");
    let mut a = Assessment::new("t", i, "Dinas", "Unit", "Produk");
    answer_all(i, &mut a, "3");
    let p = first(&a);
    for x in &i.sections[2].indicators {
        a.set_answer(i, &p, &x.id, Some(Answer::NotApplicable));
    }
    let r = assess(i, &a);
    assert_eq!(r.exact, None);
    assert_eq!(r.units[0].sections[2].fraction, None);
}

#[test]
fn unit_wide_answers_count_once_per_unit() {
    let i = ins("ori-2016");
    let mut a = Assessment::new("t", i, "Dinas", "Unit", "P1");
    let u = a.units[0].id.clone();
    a.add_product(&u, "P2");
    let product_scope =
        i.indicators().filter(|(_, x)| x.scope == instrument::Scope::Product).count() as u32;
    let unit_scope = i.indicators().count() as u32 - product_scope;
    assert_eq!(assess(i, &a).total, 2 * product_scope + unit_scope);
}
