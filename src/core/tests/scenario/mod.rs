//! Random assessments of every instrument for the property tests (props.rs, shares.rs): an
//! instrument, products per unit, and one answer code per (place, indicator).
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use patuh_core::assessment::{Answer, Assessment};
use patuh_core::instrument::{self, Instrument};
use proptest::prelude::*;

/// An instrument, a structure (products per unit) and one answer code per (place, indicator).
pub fn scenario() -> impl Strategy<Value = (&'static Instrument, Vec<usize>, Vec<u8>)> {
    (0..instrument::all().len(), prop::collection::vec(1usize..=3, 1..=3)).prop_flat_map(
        |(i, shape)| {
            let ins = &instrument::all()[i];
            let places: usize = shape.iter().sum();
            let n = places * ins.indicators().count();
            (Just(ins), Just(shape), prop::collection::vec(0u8..=8, n))
        },
    )
}

/// Code 0 = unanswered, 1 = Tidak berlaku, 2.. = scale options (cycled).
pub fn answer(ins: &Instrument, code: u8) -> Option<Answer> {
    match code {
        0 => None,
        1 => Some(Answer::NotApplicable),
        c => {
            let opts = &ins.scale.options;
            Some(Answer::Value(opts[(c as usize - 2) % opts.len()].value.clone()))
        }
    }
}

pub fn build(ins: &Instrument, shape: &[usize], codes: &[u8]) -> Assessment {
    let mut a = Assessment::new("prop", ins, "Dinas", "U0", "P0");
    let u0 = a.units[0].id.clone();
    for _ in 1..shape[0] {
        a.add_product(&u0, "P");
    }
    for &n in &shape[1..] {
        let u = a.add_unit("U");
        for _ in 0..n {
            a.add_product(&u, "P");
        }
    }
    let mut k = 0;
    for place in a.places() {
        for (_, i) in ins.indicators() {
            let v = answer(ins, codes[k]);
            k += 1;
            a.set_answer(ins, &place, &i.id, v);
        }
    }
    a
}
