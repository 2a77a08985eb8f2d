//! The gap list ranking and the smallest fix set to the next band.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::answer_all as set_all;
use patuh_core::assessment::{Answer, Assessment};
use patuh_core::exact::Hundredths;
use patuh_core::gaps::{gaps, next_plans, plan_to};
use patuh_core::instrument::{self, Zone};
use patuh_core::scoring::assess;

#[test]
fn gaps_are_ranked_by_gain_and_unit_wide_fixes_weigh_more() {
    let ins = instrument::by_id("ori-2016").unwrap();
    let mut a = Assessment::new("t", ins, "Dinas", "Unit", "P1");
    let u = a.units[0].id.clone();
    a.add_product(&u, "P2");
    set_all(ins, &mut a, "ada");
    let p1 = a.places()[0].clone();
    let prod =
        ins.indicators().find(|(_, i)| i.scope == instrument::Scope::Product).unwrap().1.id.clone();
    let unit =
        ins.indicators().find(|(_, i)| i.scope == instrument::Scope::Unit).unwrap().1.id.clone();
    a.set_answer(ins, &p1, &prod, Some(Answer::Value("tidak_ada".into())));
    a.set_answer(ins, &p1, &unit, Some(Answer::Value("tidak_ada".into())));
    let g = gaps(ins, &a);
    assert_eq!(g.len(), 2);
    // A unit-wide indicator is missing in both products; a product one in one only: twice the gain.
    assert_eq!(g[0].indicator, unit);
    assert_eq!(g[1].indicator, prod);
    assert_eq!(g[0].gain.num() * g[1].gain.den(), 2 * g[1].gain.num() * g[0].gain.den());
    // Unanswered indicators are not gaps.
    a.set_answer(ins, &p1, &prod, None);
    assert_eq!(gaps(ins, &a).len(), 1);
}

#[test]
fn plan_reaches_the_next_zone_with_the_fewest_fixes() {
    let ins = instrument::by_id("ori-2016").unwrap();
    let mut a = Assessment::new("t", ins, "Dinas", "Unit", "P1");
    set_all(ins, &mut a, "tidak_ada");
    let p = a.places()[0].clone();
    let n = ins.indicators().count();
    let ids: Vec<String> = ins.indicators().map(|(_, i)| i.id.clone()).collect();
    // Fulfil just under 51 %.
    let have = (n * 51).div_ceil(100) - 1;
    for id in &ids[..have] {
        a.set_answer(ins, &p, id, Some(Answer::Value("ada".into())));
    }
    let before = assess(ins, &a).band(ins).unwrap();
    assert_eq!(before.def.zone, Zone::Merah);
    let kuning = &ins.bands[1];
    let plan = plan_to(ins, &a, kuning).unwrap();
    assert_eq!(plan.fixes.len(), 1, "one more indicator crosses 51.00");
    for f in &plan.fixes {
        a.set_answer(ins, &f.place, &f.indicator, Some(Answer::Value("ada".into())));
    }
    assert_eq!(assess(ins, &a).band(ins).unwrap().def.zone, Zone::Kuning);
    // And the next plans from kuning aim at hijau.
    let plans = next_plans(ins, &a);
    assert_eq!(plans[0].target.zone, Zone::Hijau);
    let need = (n * 81).div_ceil(100) - (have + 1);
    assert_eq!(plans[0].fixes.len(), need);
}

#[test]
fn plan_to_next_grade_and_next_zone_for_ori_2022() {
    let ins = instrument::by_id("ori-2022").unwrap();
    let mut a = Assessment::new("t", ins, "Dinas", "Unit", "P1");
    set_all(ins, &mut a, "1");
    let r = assess(ins, &a).band(ins).unwrap();
    assert_eq!(r.score, Hundredths(3333));
    assert_eq!(r.def.grade.as_deref(), Some("D"));
    // From D (merah) the next grade, C, is also the next zone (kuning): one plan.
    let plans = next_plans(ins, &a);
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0].target.grade.as_deref(), Some("C"));
    // From E (merah) the next grade D is still merah, so the plan to zona kuning comes too.
    set_all(ins, &mut a, "0");
    let plans = next_plans(ins, &a);
    let targets: Vec<_> = plans.iter().map(|p| p.target.grade.as_deref().unwrap()).collect();
    assert_eq!(targets, vec!["D", "C"]);
    assert!(plans[0].fixes.len() < plans[1].fixes.len());
}

#[test]
fn no_plan_at_the_top() {
    let ins = instrument::by_id("ori-2016").unwrap();
    let mut a = Assessment::new("t", ins, "Dinas", "Unit", "P1");
    set_all(ins, &mut a, "ada");
    assert!(next_plans(ins, &a).is_empty());
}
