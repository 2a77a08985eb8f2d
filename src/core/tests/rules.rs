//! Each rule lives in one function: the exact order of fractions (`Ord` for `Ratio`, overflow-safe,
//! used by the gaps, the comparison and the recap), an answer's points (`scoring::credit`, used by
//! scoring, the report, the gaps, the comparison and the recap) and the SKM arithmetic
//! (`Survey::view`, laid out by the screen, the HTML, the PDF and the CSV) — docs/SCORING.md.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{build, ins, known_survey, parse_csv, sample_2016, sample_2022};
use patuh_core::assessment::Answer;
use patuh_core::compare::Delta;
use patuh_core::exact::Ratio;
use patuh_core::instrument::Lang;
use patuh_core::report::skm_doc;
use patuh_core::scoring::{credit, Credit};
use patuh_core::skm::Subject;
use patuh_core::skm::{three_decimals, Survey};
use proptest::prelude::*;

fn r(n: u128, d: u128) -> Ratio {
    Ratio::new(n, d).unwrap()
}

proptest! {
    /// Where cross-multiplying cannot overflow, the order is exactly its order.
    #[test]
    fn ratio_order_is_the_order_of_the_fractions(
        an in 0u128..1_000_000, ad in 1u128..1_000_000, bn in 0u128..1_000_000, bd in 1u128..1_000_000,
    ) {
        let (a, b) = (r(an, ad), r(bn, bd));
        prop_assert_eq!(a.cmp(&b), (an * bd).cmp(&(bn * ad)));
        prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        prop_assert_eq!(a == b, a.cmp(&b).is_eq());
    }

    /// Near the top of `u128`, where cross-multiplying overflows, the order still holds and agrees
    /// with subtraction.
    #[test]
    fn ratio_order_never_overflows(k in 1u128..1_000_000, j in 1u128..1_000_000) {
        let (a, b) = (r(u128::MAX - k, u128::MAX - 1), r(u128::MAX - j, u128::MAX - 1));
        prop_assert_eq!(a.cmp(&b), j.cmp(&k));
        let (c, d) = (r(u128::MAX / 3, u128::MAX - k), r(u128::MAX / 3, u128::MAX - j));
        prop_assert_eq!(c.cmp(&d), k.cmp(&j));
    }
}

#[test]
fn one_minus_a_tiny_fraction_orders_without_overflow() {
    // 1 − 1/M > 1 − 1/(M−1); cross-multiplying these overflows u128.
    let m = u128::MAX;
    let (a, b) = (r(m - 1, m), r(m - 2, m - 1));
    assert!(a > b);
    assert_eq!(a.max(b), a);
    let mut v = vec![a, Ratio::ZERO, b, Ratio::int(1)];
    v.sort();
    assert_eq!(v, vec![Ratio::ZERO, b, a, Ratio::int(1)]);
    // The comparison's signed change uses the same order: a drop is negative.
    assert!(Delta::between(r(7, 3), r(2, 1)).negative);
    assert!(!Delta::between(r(2, 1), r(7, 3)).negative);
    assert_eq!(r(7, 3).abs_diff(r(2, 1)), r(1, 3));
}

#[test]
fn an_answer_counts_one_way() {
    let i = ins("ori-2022");
    assert_eq!(credit(i, None), Credit::Unanswered);
    assert_eq!(credit(i, Some(&Answer::NotApplicable)), Credit::NotApplicable);
    assert_eq!(credit(i, Some(&Answer::Value("3".into()))), Credit::Points(3));
    assert_eq!(Credit::Unanswered.counted(), Some(0), "unanswered counts as unmet");
    assert_eq!(Credit::Unanswered.given(), None);
    assert_eq!(Credit::NotApplicable.counted(), None, "not applicable leaves the denominator");
    assert_eq!(Credit::Points(2).counted(), Some(2));
}

/// The report's points of every indicator at every place are the credit of its answer.
#[test]
fn the_report_shows_each_answers_credit() {
    for (id, a) in [("ori-2016", sample_2016()), ("ori-2022", sample_2022())] {
        let i = ins(id);
        let report = build(id, &a, Lang::Id);
        let mut seen = 0;
        for (u, unit) in report.units.iter().zip(&a.units) {
            for row in &u.indicators {
                let e = unit.answers.get(&row.id).and_then(|e| e.answer.as_ref());
                assert_eq!(row.points, credit(i, e).counted(), "{id} {}", row.id);
                seen += 1;
            }
            for (p, product) in u.products.iter().zip(&unit.products) {
                for row in &p.indicators {
                    let e = product.answers.get(&row.id).and_then(|e| e.answer.as_ref());
                    assert_eq!(row.points, credit(i, e).counted(), "{id} {}", row.id);
                    seen += 1;
                }
            }
        }
        assert!(seen > 20, "{id}: every row checked");
    }
}

/// The SKM documents lay out the core's view: each NRR, weighted NRR and their total as the view
/// has them, and three decimals never divide by zero.
#[test]
fn the_skm_documents_show_the_view() {
    let s: Survey = known_survey();
    let v = s.view();
    assert_eq!(v.rows.len(), 9);
    assert_eq!(v.weighted_total * Ratio::int(25), v.ikm.exact);
    for row in &v.rows {
        assert_eq!(row.nrr, Ratio::new(u128::from(row.sum), u128::from(row.respondents)).unwrap());
        assert_eq!(row.respondents, s.respondents());
    }
    let csv = parse_csv(&skm_doc::csv(&s, Lang::Id, &Subject::unit("x"), b';'), b';');
    for (line, row) in csv[1..10].iter().zip(&v.rows) {
        assert_eq!(line[7], row.sum.to_string());
        assert_eq!(line[8], three_decimals(row.nrr, Lang::Id));
        assert_eq!(line[9], three_decimals(row.weighted, Lang::Id));
    }
    let total = csv.iter().find(|l| l[0].starts_with("Jumlah")).unwrap();
    assert_eq!(total[1], three_decimals(v.weighted_total, Lang::Id));
    let html = skm_doc::html(&s, Lang::En, &Subject::unit("x"), "x");
    for row in &v.rows {
        assert!(html.contains(&format!("{}/{}", row.sum, row.respondents)));
        assert!(html.contains(&three_decimals(row.weighted, Lang::En)));
    }
    assert_eq!(three_decimals(Ratio::ZERO, Lang::Id), "0,000");
    assert_eq!(three_decimals(r(31, 10), Lang::En), "3.100");
}
