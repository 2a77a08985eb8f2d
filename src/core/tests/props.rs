//! Property tests of scoring and decoding (docs/RELIABILITY.md): every score lies in [0, 100]; a
//! better answer never lowers a score; "Tidak berlaku" in one product never moves another product's
//! score; aggregation equals the mean of its parts; files round-trip; decoding never panics.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod scenario;

use patuh_core::assessment::{Answer, Place};
use patuh_core::exact::Ratio;
use patuh_core::instrument::{Method, Scope};
use patuh_core::persist::{decode, encode};
use patuh_core::scoring::assess;
use proptest::prelude::*;
use scenario::{build, scenario};

fn le(a: Ratio, b: Ratio) -> bool {
    a.num() * b.den() <= b.num() * a.den()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn every_score_is_between_0_and_100((ins, shape, codes) in scenario()) {
        let a = build(ins, &shape, &codes);
        let r = assess(ins, &a);
        for s in r.exact.iter().chain(r.units.iter().filter_map(|u| u.exact.as_ref())) {
            prop_assert!(le(*s, Ratio::int(100)));
        }
        if let Some(b) = r.band(ins) {
            prop_assert!(b.score.0 <= 10000);
        }
    }

    #[test]
    fn a_better_answer_never_lowers_the_score((ins, shape, codes) in scenario(), pick in any::<prop::sample::Index>()) {
        let a = build(ins, &shape, &codes);
        let places = a.places();
        let inds: Vec<_> = ins.indicators().map(|(_, i)| i.id.clone()).collect();
        let place = &places[pick.index(places.len())];
        let id = &inds[pick.index(inds.len())];
        let before = assess(ins, &a).exact;
        let current = a.entry(ins, place, id).and_then(|e| e.answer.clone());
        let cur_points = match &current {
            Some(Answer::Value(v)) => ins.points(v),
            None => Some(0),
            Some(Answer::NotApplicable) => None,
        };
        if let (Some(cur), Some(before)) = (cur_points, before) {
            for o in ins.scale.options.iter().filter(|o| o.points >= cur) {
                let mut b = a.clone();
                b.set_answer(ins, place, id, Some(Answer::Value(o.value.clone())));
                let after = assess(ins, &b).exact.unwrap();
                prop_assert!(le(before, after), "{} → {}: {:?} > {:?}", cur, o.points, before, after);
            }
        }
    }

    #[test]
    fn not_applicable_never_moves_another_products_score((ins, shape, codes) in scenario(), pick in any::<prop::sample::Index>()) {
        prop_assume!(ins.scoring.method == Method::Fulfilment);
        let a = build(ins, &shape, &codes);
        let places = a.places();
        let place = places[pick.index(places.len())].clone();
        let before = assess(ins, &a);
        for (_, ind) in ins.indicators() {
            let mut b = a.clone();
            b.set_answer(ins, &place, &ind.id, Some(Answer::NotApplicable));
            let after = assess(ins, &b);
            for (ub, ua) in before.units.iter().zip(&after.units) {
                for (pb, pa) in ub.products.iter().zip(&ua.products) {
                    let same_unit = ub.unit == place.unit;
                    let touched = pb.product == place.product || (ind.scope == Scope::Unit && same_unit);
                    if !touched {
                        prop_assert_eq!(pb.exact, pa.exact);
                    }
                }
            }
        }
    }

    #[test]
    fn aggregation_is_the_mean_of_its_parts((ins, shape, codes) in scenario()) {
        let a = build(ins, &shape, &codes);
        let r = assess(ins, &a);
        let parts: Vec<Ratio> = match ins.scoring.method {
            Method::Fulfilment => r.units.iter().flat_map(|u| u.products.iter().filter_map(|p| p.exact)).collect(),
            Method::DimensionPoints => r.units.iter().filter_map(|u| u.exact).collect(),
        };
        prop_assert_eq!(r.exact, Ratio::mean(&parts));
        for u in &r.units {
            if ins.scoring.method == Method::Fulfilment {
                prop_assert_eq!(u.exact, Ratio::mean(&u.products.iter().filter_map(|p| p.exact).collect::<Vec<_>>()));
            }
        }
    }

    #[test]
    fn files_round_trip((ins, shape, codes) in scenario(), note in ".{0,40}", link in "\\PC{0,30}") {
        let mut a = build(ins, &shape, &codes);
        let place: Place = a.places()[0].clone();
        let id = ins.sections[0].indicators[0].id.clone();
        a.edit(ins, &place, &id, |e| { e.note = note.clone(); e.links.push(link.clone()); });
        a.opd = note.clone();
        let text = encode(&a, "2026-11-23T00:00:00Z");
        let back = decode(&text).unwrap();
        prop_assert_eq!(&back.assessment, &a);
        prop_assert_eq!(encode(&back.assessment, &back.saved_at), text);
    }

    #[test]
    fn decoding_never_panics(s in "\\PC{0,200}") {
        let _ = decode(&s);
    }

    #[test]
    fn decoding_a_mutated_file_never_panics((ins, shape, codes) in scenario(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let a = build(ins, &shape, &codes);
        let mut bytes = encode(&a, "x").into_bytes();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        if let Ok(s) = String::from_utf8(bytes) {
            let _ = decode(&s);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

    /// The fast, derivative-based gains equal applying each fix and scoring again.
    #[test]
    fn gap_gains_equal_fix_and_rescore((ins, shape, codes) in scenario()) {
        let a = build(ins, &shape, &codes);
        let Some(base) = assess(ins, &a).exact else { return Ok(()) };
        let best = ins.scale.options.iter().find(|o| o.points == ins.scale.max).unwrap().value.clone();
        for g in patuh_core::gaps::gaps(ins, &a) {
            let mut fixed = a.clone();
            fixed.set_answer(ins, &g.place, &g.indicator, Some(Answer::Value(best.clone())));
            let after = assess(ins, &fixed).exact.unwrap();
            prop_assert_eq!(base + g.gain, after, "{}", g.indicator);
        }
    }
}
