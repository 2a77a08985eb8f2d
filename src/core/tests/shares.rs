//! One rule from an answer to points on a score (docs/SCORING.md §One model): for random
//! assessments of every instrument, the shares `scoring::shares` gives add up to each unit's
//! score, each dimension's points and the OPD score; the gain "what to fix first" reports for a
//! gap is the share the answer gets at the top of the scale minus its share now; and the CSV's
//! "Poin" cells of a unit sum to the figures on screen (docs/FORMAT.md §CSV export).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod scenario;

use patuh_core::assessment::{Answer, Assessment, Place};
use patuh_core::exact::Ratio;
use patuh_core::instrument::{Instrument, Lang, Method, Scope};
use patuh_core::report::{self, csv};
use patuh_core::scoring::{self, assess, Share, UnitShares};
use patuh_core::secondary::OutputFigure;
use proptest::prelude::*;
use scenario::{build, scenario};

/// Under an opinion instrument, an Output figure and some trust answers, so that the parts outside
/// the indicators are not all 0.
fn with_parts(ins: &Instrument, mut a: Assessment, seed: u8) -> Assessment {
    let Some(o) = &ins.opinion else { return a };
    let f = &o.output.figures[usize::from(seed) % o.output.figures.len()];
    let value = format!("{}.5", 40 + seed);
    let fig =
        OutputFigure { value, source: "BPS".into(), year: "2025".into(), not_applicable: false };
    a.units[0].output.insert(f.id.clone(), fig);
    let q = &o.trust.questions[0];
    let counts: Vec<u32> = (0..o.trust.options.len() as u32).map(|k| k + u32::from(seed)).collect();
    a.units[0].products[0].trust.insert(q.id.clone(), counts);
    a
}

/// The section of each share of a unit, in the shares' layout (unit-wide, then per product).
fn sections(ins: &Instrument, scope: Scope) -> Vec<usize> {
    let walk = ins.sections.iter().enumerate();
    walk.flat_map(|(s, sec)| sec.indicators.iter().filter(|i| i.scope == scope).map(move |_| s))
        .collect()
}

/// Every share of a unit with its section.
fn all(ins: &Instrument, u: &UnitShares) -> Vec<(usize, Share)> {
    let (su, sp) = (sections(ins, Scope::Unit), sections(ins, Scope::Product));
    let unit = su.into_iter().zip(u.unit.iter().copied());
    let products = u.products.iter().flat_map(|p| sp.iter().copied().zip(p.iter().copied()));
    unit.chain(products).filter_map(|(s, x)| x.map(|x| (s, x))).collect()
}

fn sum(xs: impl Iterator<Item = Ratio>) -> Ratio {
    xs.fold(Ratio::ZERO, |a, b| a + b)
}

/// The share of `indicator` at `place`.
fn share_at(ins: &Instrument, a: &Assessment, sh: &[UnitShares], place: &Place, id: &str) -> Share {
    let u = a.units.iter().position(|u| u.id == place.unit).unwrap();
    let p = a.units[u].products.iter().position(|p| p.id == place.product).unwrap();
    let scope = ins.indicator(id).unwrap().scope;
    let nth = ins.indicators().filter(|(_, i)| i.scope == scope).position(|(_, i)| i.id == id);
    let list = match scope {
        Scope::Unit => &sh[u].unit,
        Scope::Product => &sh[u].products[p],
    };
    list[nth.unwrap()].unwrap()
}

/// Four-decimal cells ("1,4567") in ten-thousandths.
fn cell(c: &str) -> u64 {
    c.replace([',', '.'], "").parse().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn shares_make_every_score((ins, shape, codes) in scenario()) {
        let a = with_parts(ins, build(ins, &shape, &codes), codes[0]);
        let r = assess(ins, &a);
        let sh = scoring::shares(ins, &a, &r);
        let scored = r.units.iter().filter(|u| u.exact.is_some()).count() as u128;
        let mut opd = Ratio::ZERO;
        for (u, us) in r.units.iter().zip(&sh) {
            let mine = all(ins, us);
            let parts = sum(u.parts.iter().filter_map(|p| p.points));
            // Each dimension's points are the sum of its answers' shares.
            for (s, sec) in u.sections.iter().enumerate() {
                if let Some(points) = sec.points {
                    prop_assert_eq!(sum(mine.iter().filter(|x| x.0 == s).map(|x| x.1.unit())), points);
                }
            }
            if let Some(exact) = u.exact {
                prop_assert_eq!(sum(mine.iter().map(|x| x.1.unit())) + parts, exact, "{}", ins.id);
                if ins.scoring.method == Method::DimensionPoints {
                    opd = opd + parts * Ratio::new(1, scored).unwrap();
                }
            }
            opd = opd + sum(mine.iter().map(|x| x.1.opd()));
        }
        if let Some(exact) = r.exact {
            prop_assert_eq!(opd, exact, "{}: the OPD", ins.id);
        }
    }

    #[test]
    fn a_gain_is_the_share_at_the_top_minus_the_share_now((ins, shape, codes) in scenario()) {
        let a = with_parts(ins, build(ins, &shape, &codes), codes[0]);
        let r = assess(ins, &a);
        let sh = scoring::shares(ins, &a, &r);
        let best = ins.scale.options.iter().find(|o| o.points == ins.scale.max).unwrap();
        for g in patuh_core::gaps::gaps(ins, &a) {
            let now = share_at(ins, &a, &sh, &g.place, &g.indicator);
            prop_assert_eq!(now.opd() + g.gain, now.opd_max());
            let mut fixed = a.clone();
            fixed.set_answer(ins, &g.place, &g.indicator, Some(Answer::Value(best.value.clone())));
            let after = scoring::shares(ins, &fixed, &assess(ins, &fixed));
            let top = share_at(ins, &fixed, &after, &g.place, &g.indicator);
            prop_assert_eq!(top.opd(), now.opd() + g.gain, "{}", g.indicator);
            prop_assert_eq!(top.unit(), now.unit_max());
        }
    }

    #[test]
    fn the_csv_points_sum_to_the_screen((ins, shape, codes) in scenario(), lang in prop::sample::select(vec![Lang::Id, Lang::En])) {
        let a = with_parts(ins, build(ins, &shape, &codes), codes[0]);
        let rep = report::build(ins, &a, lang, "x");
        let sheet = csv::sheet(&rep);
        let round = |t: u64| u32::try_from((t + 50) / 100).unwrap();
        let mut rows = sheet.indicators.iter();
        for u in &rep.units {
            let n = u.indicators.len() + u.products.iter().map(|p| p.indicators.len()).sum::<usize>();
            let mine: Vec<&Vec<String>> = rows.by_ref().take(n).collect();
            prop_assert!(mine.iter().all(|row| row[csv::col::UNIT] == u.name));
            let poin = |section: Option<&str>| -> (u64, usize) {
                let cells = mine.iter().filter(|row| !row[csv::col::POINTS].is_empty());
                let cells: Vec<u64> = cells
                    .filter(|row| section.is_none_or(|t| row[csv::col::SECTION] == t))
                    .map(|row| cell(&row[csv::col::POINTS]))
                    .collect();
                (cells.iter().sum(), cells.len())
            };
            let dims: Vec<_> = u.sections.iter().filter(|s| s.max_points.is_some()).collect();
            if dims.is_empty() {
                if let Some(score) = &u.score {
                    prop_assert_eq!(round(poin(None).0), score.value.0, "{}: Excel's sum", ins.id);
                }
            }
            for sec in dims {
                let (total, cells) = poin(Some(&sec.title));
                if let (Some(p), true) = (&sec.points, cells > 0) {
                    prop_assert_eq!(round(total), p.value.0, "{}: Excel's sum of {}", ins.id, &sec.title);
                }
            }
        }
        prop_assert!(rows.next().is_none());
    }
}
