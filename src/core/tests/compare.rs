//! Comparison with an earlier assessment: statuses per indicator, pairing of units and
//! products, exact signed deltas rounded once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{answer_all, ins, set_opt as set};
use patuh_core::assessment::Assessment;
use patuh_core::compare::{
    check, compare, pair_up, CompareError, Delta, MatchedBy, Side, Status, StatusCounts,
};
use patuh_core::exact::{Hundredths, Ratio};
use patuh_core::instrument;
use patuh_core::Lang;

#[test]
fn every_status_from_points() {
    let i = ins("ori-2022");
    let mut before = Assessment::new("a", i, "Dinas", "Unit", "Produk");
    answer_all(i, &mut before, "2");
    let mut after = before.clone();
    let p = before.places()[0].clone();
    let ids: Vec<String> = i.sections[0].indicators.iter().map(|x| x.id.clone()).collect();
    set(i, &mut after, &p, &ids[0], Some("3")); // improved
    set(i, &mut after, &p, &ids[1], Some("1")); // worsened
                                                // ids[2] unchanged
    set(i, &mut before, &p, &ids[3], None); // unanswered → answered: new
    set(i, &mut before, &p, &ids[4], Some("tb")); // N/A → answered: new
    set(i, &mut after, &p, &ids[5], None); // answered → unanswered: removed
    set(i, &mut after, &p, &ids[6], Some("tb")); // answered → N/A: removed
    set(i, &mut before, &p, &ids[7], Some("tb")); // N/A → unanswered: unscored
    set(i, &mut after, &p, &ids[7], None);
    let c = compare(i, &before, &after).unwrap();
    assert!(c.same_opd);
    let u = &c.units[0];
    assert_eq!(u.pair.matched_by, Some(MatchedBy::Id));
    let st = |k: usize| u.indicators.iter().find(|x| x.indicator == ids[k]).unwrap();
    assert_eq!(st(0).status, Status::Improved);
    assert_eq!((st(0).before, st(0).after), (Side::Points(2), Side::Points(3)));
    assert_eq!(st(1).status, Status::Worsened);
    assert_eq!(st(2).status, Status::Unchanged);
    assert_eq!(st(3).status, Status::New);
    assert_eq!(st(3).before, Side::Unanswered);
    assert_eq!(st(4).status, Status::New);
    assert_eq!(st(4).before, Side::NotApplicable);
    assert_eq!(st(5).status, Status::Removed);
    assert_eq!(st(6).status, Status::Removed);
    assert_eq!(st(7).status, Status::Unscored);
    let total = i.indicators().count();
    assert_eq!(
        c.counts,
        StatusCounts {
            improved: 1,
            worsened: 1,
            unchanged: total - 7,
            new: 2,
            removed: 2,
            unscored: 1
        }
    );
    assert_eq!(c.changes().count(), total);
    // Product-scope indicators sit under the product.
    assert_eq!(u.products[0].indicators.len(), i.sections[1].indicators.len());
    assert!(c.changes().filter(|(_, p, _)| p.is_some()).all(|(_, _, x)| x.section == "proses"));
}

#[test]
fn total_and_section_deltas_are_exact_and_rounded_once() {
    let i = ins("ori-2022");
    let mut before = Assessment::new("a", i, "Dinas", "Unit", "Produk");
    answer_all(i, &mut before, "1");
    let mut after = before.clone();
    answer_all(i, &mut after, "3");
    let c = compare(i, &before, &after).unwrap();
    // 33.333… → 100: the exact change +66.666… is rounded once → +66.67.
    assert_eq!(c.total.before, Ratio::new(100, 3));
    assert_eq!(c.total.after, Some(Ratio::int(100)));
    let d = c.total.delta.unwrap();
    assert_eq!((d.negative, d.value), (false, Hundredths(6667)));
    assert_eq!(d.id(), "+66,67");
    assert_eq!(d.hundredths(), 6667);
    // Input: 21.85 × 1/3 = 7.28333… → 21.85: +14.56666… → +14.57.
    assert_eq!(c.sections[0].section, "input");
    assert_eq!(c.sections[0].change.delta.unwrap().value, Hundredths(1457));
    assert_eq!(c.units[0].sections[0].change.delta.unwrap().value, Hundredths(1457));
    // Backwards: a drop.
    let back = compare(i, &after, &before).unwrap();
    let d = back.total.delta.unwrap();
    assert!(d.negative);
    assert_eq!(d.hundredths(), -6667);
    assert_eq!(d.en(), "-66.67");
    // The OPD section figures add up to the OPD total (ori-2022, one unit).
    let sum = back.sections.iter().fold(Ratio::ZERO, |a, s| a + s.change.after.unwrap());
    assert_eq!(Some(sum), back.total.after);
}

#[test]
fn delta_rounds_the_exact_difference_symmetrically() {
    let r = |n, d| Ratio::new(n, d).unwrap();
    // 60.004 → 60.006: the exact change 0.002 rounds to 0.00 although the rounded scores differ.
    let d = Delta::between(r(60004, 1000), r(60006, 1000));
    assert!(d.is_zero() && !d.negative);
    assert_eq!(d.id(), "0,00");
    // Half a hundredth rounds away from zero in both directions.
    assert_eq!(Delta::between(Ratio::ZERO, r(5, 1000)).hundredths(), 1);
    assert_eq!(Delta::between(r(5, 1000), Ratio::ZERO).hundredths(), -1);
    assert_eq!(Delta::between(r(1, 3), r(2, 3)).hundredths(), 33);
    assert_eq!(Delta::between(r(2, 3), r(1, 3)).hundredths(), -33);
    // A tiny drop that rounds to zero is not negative.
    let d = Delta::between(r(1, 1000), Ratio::ZERO);
    assert_eq!((d.negative, d.en()), (false, "0.00".to_string()));
    assert_eq!(Delta::between(r(7, 1), r(7, 1)), Delta::default());
}

#[test]
fn other_instrument_is_refused() {
    let a = Assessment::new("a", ins("ori-2016"), "Dinas", "U", "P");
    let b = Assessment::new("b", ins("ori-2022"), "Dinas", "U", "P");
    let e = compare(ins("ori-2022"), &a, &b).unwrap_err();
    assert_eq!(
        e,
        CompareError::InstrumentMismatch {
            instrument: "ori-2022".into(),
            before: "ori-2016".into(),
            after: "ori-2022".into()
        }
    );
    assert!(compare(ins("ori-2016"), &a, &a).is_ok());
    let mut other = a.clone();
    other.opd = "Dinas Lain".into();
    assert!(!compare(ins("ori-2016"), &a, &other).unwrap().same_opd);
    assert!(compare(ins("ori-2022"), &a, &a).is_err());
}

/// Another OPD's file is refused with words for the user; the same OPD renamed between rounds
/// (same units), or a copy of the same assessment, is still compared (docs/SCORING.md
/// §Comparison).
#[test]
fn another_opds_file_is_refused_but_a_renamed_opd_is_not() {
    let i = ins("ori-2022");
    let dukcapil = Assessment::new("a", i, "Disdukcapil", "Bidang Pendaftaran Penduduk", "KTP");
    let ptsp = Assessment::new("b", i, "DPMPTSP", "Bidang Perizinan", "Izin usaha");
    let e = compare(i, &ptsp, &dukcapil).unwrap_err();
    assert_eq!(e, CompareError::OtherOpd { before: "DPMPTSP".into(), after: "Disdukcapil".into() });
    assert_eq!(check(&ptsp, &dukcapil), Err(e.clone()));
    assert_eq!(
        e.message(Lang::Id),
        "Berkas itu penilaian OPD lain (DPMPTSP) tanpa unit layanan yang sama. Pilih penilaian \
         sebelumnya dari Disdukcapil."
    );
    assert!(e.message(Lang::En).starts_with("That file is another OPD's assessment (DPMPTSP)"));
    // Renamed OPD, a new file, the same unit: compared, with the warning.
    let renamed =
        Assessment::new("c", i, "Dinas Kependudukan", " bidang pendaftaran  penduduk", "KTP");
    assert!(!compare(i, &renamed, &dukcapil).unwrap().same_opd);
    // A copy of the same assessment with the OPD renamed: compared.
    let mut copy = dukcapil.clone();
    copy.opd = "Dinas Dukcapil".into();
    copy.units[0].name = "Pendaftaran".into();
    assert!(compare(i, &copy, &dukcapil).is_ok());
}

#[test]
fn units_pair_by_id_then_by_name_and_new_units_are_new() {
    let i = ins("ori-2022");
    let mut before = Assessment::new("a", i, "Dinas", "Puskesmas Watdek", "P");
    let u = before.add_unit("Dinas Pendidikan");
    before.add_product(&u, "P");
    let u = before.add_unit("Kantor Lama");
    before.add_product(&u, "P");
    answer_all(i, &mut before, "1");
    // A new file: ids assigned afresh in another order, one unit renamed in case only, one new.
    let mut after = Assessment::new("b", i, "Dinas", " dinas pendidikan ", "P");
    let u = after.add_unit("PUSKESMAS WATDEK");
    after.add_product(&u, "P");
    let u = after.add_unit("Unit Baru");
    after.add_product(&u, "P");
    answer_all(i, &mut after, "2");
    let c = compare(i, &before, &after).unwrap();
    let pairs: Vec<(Option<&str>, Option<&str>, Option<MatchedBy>)> = c
        .units
        .iter()
        .map(|u| {
            (
                u.pair.before.as_ref().map(|n| n.name.as_str()),
                u.pair.after.as_ref().map(|n| n.name.as_str()),
                u.pair.matched_by,
            )
        })
        .collect();
    // Ids u1/u3/u5 exist on both sides but name differently: names win over bare ids.
    assert_eq!(
        pairs,
        vec![
            (Some("Dinas Pendidikan"), Some(" dinas pendidikan "), Some(MatchedBy::Name)),
            (Some("Puskesmas Watdek"), Some("PUSKESMAS WATDEK"), Some(MatchedBy::Name)),
            (Some("Kantor Lama"), Some("Unit Baru"), Some(MatchedBy::Id)),
        ]
    );
    assert!(c.units[2].pair.renamed());
    assert!(!c.units[0].pair.renamed());
    assert!(!c.units[0].total.delta.unwrap().negative);
    // A unit only in the later file: every indicator is New; only in the earlier: Removed.
    let mut later = after.clone();
    let u = later.add_unit("Unit Ketiga");
    later.add_product(&u, "P");
    answer_all(i, &mut later, "2");
    let c = compare(i, &after, &later).unwrap();
    let extra = c.units.iter().find(|u| u.pair.before.is_none()).unwrap();
    assert_eq!(extra.pair.name(), "Unit Ketiga");
    assert!(extra.indicators.iter().all(|x| x.status == Status::New && x.before == Side::Absent));
    assert!(extra.total.delta.is_none());
    let c = compare(i, &later, &after).unwrap();
    let gone = c.units.last().unwrap();
    assert!(gone.pair.after.is_none());
    assert!(gone.products[0].indicators.iter().all(|x| x.status == Status::Removed));
}

#[test]
fn pairing_rules() {
    let s = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    };
    // Same id and name first; swapped ids paired by name; a rename keeps its id.
    let before = s(&[("u1", "A"), ("u2", "B"), ("u3", "C"), ("u4", "Gone")]);
    let after = s(&[("u2", "a"), ("u1", "b"), ("u3", "C renamed"), ("u9", "New")]);
    let p = pair_up(&before, &after);
    assert_eq!(
        p,
        vec![
            (Some(0), Some(0), Some(MatchedBy::Name)),
            (Some(1), Some(1), Some(MatchedBy::Name)),
            (Some(2), Some(2), Some(MatchedBy::Id)),
            (None, Some(3), None),
            (Some(3), None, None),
        ]
    );
}

#[test]
fn ori_2016_products_are_paired_and_scored() {
    let i = ins("ori-2016");
    let mut before = Assessment::new("a", i, "Dinas", "Unit", "KTP-el");
    let u = before.units[0].id.clone();
    before.add_product(&u, "KK");
    answer_all(i, &mut before, "tidak_ada");
    let mut after = before.clone();
    after.rename_product(&u, &after.units[0].products[1].id.clone(), "Kartu Keluarga");
    let p0 = after.places()[0].clone();
    let ind =
        i.indicators().find(|(_, x)| x.scope == instrument::Scope::Product).unwrap().1.id.clone();
    set(i, &mut after, &p0, &ind, Some("ada"));
    let c = compare(i, &before, &after).unwrap();
    let prods = &c.units[0].products;
    assert_eq!(prods.len(), 2);
    assert_eq!(prods[1].pair.matched_by, Some(MatchedBy::Id));
    assert!(prods[1].pair.renamed());
    let n = i.indicators().count() as u128;
    // Product 1 gains one of n indicators: +100/n; the OPD (mean of 2 products) +50/n.
    assert_eq!(
        prods[0].total.delta.unwrap(),
        Delta::between(Ratio::ZERO, Ratio::new(100, n).unwrap())
    );
    assert_eq!(c.total.delta.unwrap(), Delta::between(Ratio::ZERO, Ratio::new(50, n).unwrap()));
    assert_eq!(c.counts.improved, 1);
    let imp: Vec<_> = c.changes().filter(|(_, _, x)| x.status == Status::Improved).collect();
    assert_eq!(imp[0].1.unwrap().name(), "KTP-el");
    assert_eq!(imp[0].2.indicator, ind);
}
