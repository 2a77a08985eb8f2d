//! The report CSV an official checks against the screen and sums (docs/FORMAT.md §CSV export):
//! its summary rows are the report model's figures, unit-wide indicators stand once per unit, a
//! unit's indicator points add up to its score, every row is as wide as the header, and hostile
//! strings stay inert.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{build, generated_opd, ins, parse_csv as parse, sample_2016, sample_2022};
use patuh_core::assessment::Assessment;
use patuh_core::exact::{Hundredths, Ratio};
use patuh_core::instrument::{Instrument, Lang, Scope};
use patuh_core::report::csv::{self, col, csv_texts, points};
use patuh_core::report::{self, Figure, Report};
use patuh_core::scoring;
use patuh_core::secondary::OutputFigure;

const INSTRUMENTS: [&str; 3] = ["ori-2016", "ori-2022", "ori-2025"];

/// An uneven OPD: one unit with one product, one with three, every indicator answered at random
/// (some "Tidak berlaku"), one unanswered, and under ori-2025 some Output figures typed.
fn uneven(i: &Instrument, seed: u64) -> Assessment {
    let mut a = generated_opd(i, seed, "Dinas Contoh", 2, 1, true);
    let u2 = a.units[1].id.clone();
    a.add_product(&u2, "Produk B");
    a.add_product(&u2, "Produk C");
    let values: Vec<String> = i.scale.options.iter().map(|o| o.value.clone()).collect();
    for (k, place) in a.places().into_iter().enumerate().skip(1) {
        for (n, (_, ind)) in i.indicators().enumerate() {
            if ind.scope == Scope::Product {
                let v = values[(n + k) % values.len()].clone();
                a.set_answer(i, &place, &ind.id, Some(patuh_core::assessment::Answer::Value(v)));
            }
        }
    }
    let p = a.places()[0].clone();
    let first = i.indicators().next().unwrap().1.id.clone();
    a.set_answer(i, &p, &first, None);
    if let Some(o) = &i.opinion {
        let f = &o.output.figures[0];
        let (value, source, year) = ("72.5".into(), "BPS".into(), "2025".into());
        let fig = OutputFigure { value, source, year, not_applicable: false };
        a.units[0].output.insert(f.id.clone(), fig);
        a.no_followups = true;
    }
    a
}

fn text(f: Option<&Figure>) -> String {
    f.map(|f| f.text.clone()).unwrap_or_default()
}

/// The summary row of the sheet at (unit, product, section, item).
fn find<'a>(
    s: &'a csv::Sheet,
    unit: &str,
    product: &str,
    section: &str,
    item: &str,
) -> &'a [String] {
    let at =
        [(col::UNIT, unit), (col::PRODUCT, product), (col::SECTION, section), (col::ITEM, item)];
    let row = s.summary.iter().find(|r| at.iter().all(|(c, v)| r[*c] == *v));
    row.unwrap_or_else(|| panic!("no summary row {unit}/{product}/{section}/{item}"))
}

fn check_summary(r: &Report) {
    let s = csv::sheet(r);
    let ct = csv_texts(r.lang);
    let o = &r.overall;
    let opd = find(&s, "", "", "", ct.opd_score);
    assert_eq!(opd[col::KIND], ct.summary);
    assert_eq!(opd[col::POINTS], text(o.score.as_ref()), "OPD score");
    assert_eq!(opd[col::TOTAL], o.total.to_string());
    assert_eq!(opd[col::ANSWERED], (o.total - o.unanswered).to_string());
    assert_eq!(opd[col::NOTE], o.status);
    match &r.opinion {
        Some(_) => {
            assert_eq!(Some(&opd[col::OPINION]), o.opinion.as_ref(), "the opinion's words");
            assert_eq!(opd[col::ZONE], "", "no zone under an opinion instrument");
        }
        None => {
            let b = o.band.as_ref().unwrap();
            assert_eq!(opd[col::OPINION], "", "\"Opini\" is the 2025 word");
            assert_eq!((&opd[col::ZONE], &opd[col::PREDICATE]), (&b.zone_name, &b.predicate()));
        }
    }
    for sec in &r.sections {
        let row = find(&s, "", "", &sec.title, ct.section_figure);
        assert_eq!(row[col::POINTS], text(sec.points.as_ref()), "{}", sec.title);
        assert_eq!(row[col::MAX], text(sec.max_points.as_ref()));
        assert_eq!(row[col::FULFILMENT], text(sec.fulfilment.as_ref()));
        assert_eq!(row[col::ANSWERED], sec.answered.to_string());
    }
    for u in &r.units {
        let row = find(&s, &u.name, "", "", ct.unit_score);
        assert_eq!(row[col::POINTS], text(u.score.as_ref()), "{}", u.name);
        assert_eq!(
            (&row[col::ANSWERED], &row[col::TOTAL]),
            (&u.answered.to_string(), &u.total.to_string())
        );
        match (&r.opinion, &u.band) {
            (Some(_), _) => assert_eq!(Some(&row[col::OPINION]), u.label.as_ref()),
            (None, Some(b)) => assert_eq!(row[col::ZONE], b.zone_name),
            (None, None) => assert_eq!(row[col::ZONE], ""),
        }
        for sec in &u.sections {
            let row = find(&s, &u.name, "", &sec.title, ct.section_figure);
            assert_eq!(row[col::POINTS], text(sec.points.as_ref()), "{} {}", u.name, sec.title);
            assert_eq!(row[col::FULFILMENT], text(sec.fulfilment.as_ref()));
        }
        for p in &u.products {
            let row = find(&s, &u.name, &p.name, "", ct.product_score);
            assert_eq!(row[col::POINTS], text(p.score.as_ref()));
            assert_eq!(row[col::FULFILMENT], text(p.fulfilment.as_ref()));
        }
    }
    // The summary comes first, the indicator rows after it.
    let rows = parse(&csv::render(r, b';'), b';');
    assert_eq!(rows[1][col::ITEM], ct.opd_score);
    assert_eq!(rows[1 + s.summary.len()][col::KIND], ct.indicator);
}

#[test]
fn summary_rows_are_the_models_figures() {
    for id in INSTRUMENTS {
        for (k, lang) in [Lang::Id, Lang::En].into_iter().enumerate() {
            check_summary(&build(id, &uneven(ins(id), 3 + k as u64), lang));
        }
    }
    check_summary(&build("ori-2016", &sample_2016(), Lang::Id));
    check_summary(&build("ori-2022", &sample_2022(), Lang::En));
    // The hand-computed figures of the samples (common/mod.rs).
    let s = csv::sheet(&build("ori-2016", &sample_2016(), Lang::Id));
    let opd = &s.summary[0];
    assert_eq!(
        [&opd[col::POINTS], &opd[col::ZONE], &opd[col::PREDICATE]].map(String::as_str),
        ["74,34", "Zona Kuning", "Kepatuhan Sedang"]
    );
    let s = csv::sheet(&build("ori-2022", &sample_2022(), Lang::Id));
    assert_eq!(
        [&s.summary[0][col::POINTS], &s.summary[0][col::OPINION], &s.summary[0][col::PREDICATE]]
            .map(String::as_str),
        ["70,66", "", "Kualitas Sedang (C)"]
    );
}

#[test]
fn unit_wide_indicators_stand_once_per_unit() {
    for id in INSTRUMENTS {
        let i = ins(id);
        let a = uneven(i, 5);
        let r = build(id, &a, Lang::Id);
        let s = csv::sheet(&r);
        let ct = csv_texts(Lang::Id);
        let (unit_wide, per_product): (Vec<_>, Vec<_>) =
            i.indicators().map(|(_, x)| x).partition(|x| x.scope == Scope::Unit);
        let products: usize = a.units.iter().map(|u| u.products.len()).sum();
        assert_eq!(
            s.indicators.len(),
            a.units.len() * unit_wide.len() + products * per_product.len(),
            "{id}"
        );
        for u in &a.units {
            for x in &unit_wide {
                let rows: Vec<_> = s
                    .indicators
                    .iter()
                    .filter(|r| r[col::UNIT] == u.name && r[col::ID] == x.id)
                    .collect();
                assert_eq!(rows.len(), 1, "{id}: {} once in {}", x.id, u.name);
                assert_eq!(
                    (rows[0][col::PRODUCT].as_str(), rows[0][col::SCOPE].as_str()),
                    ("", ct.scope_whole_unit)
                );
            }
            for p in &u.products {
                for x in &per_product {
                    let n = s.indicators.iter().filter(|r| {
                        r[col::UNIT] == u.name && r[col::PRODUCT] == p.name && r[col::ID] == x.id
                    });
                    assert_eq!(n.count(), 1, "{id}: {} once for {}", x.id, p.name);
                }
            }
        }
    }
    // The sample: the absent toilet once, with its action; the biaya row not applicable, no points.
    let s = csv::sheet(&build("ori-2016", &sample_2016(), Lang::Id));
    let toilet: Vec<_> = s.indicators.iter().filter(|r| r[col::ID] == "sa-toilet").collect();
    assert_eq!(toilet.len(), 1);
    assert_eq!(
        [&toilet[0][col::ANSWER], &toilet[0][col::POINTS], &toilet[0][col::MAX]]
            .map(String::as_str),
        ["Tidak ada", "0,0000", "5,1316"]
    );
    assert!(!toilet[0][col::ACTION].is_empty(), "an unmet row carries the action");
    let jw = s
        .indicators
        .iter()
        .find(|r| r[col::ID] == "sp-jangka-waktu" && r[col::PRODUCT] == "KTP-el")
        .unwrap();
    assert_eq!(
        [&jw[col::POINTS], &jw[col::MAX], &jw[col::REVIEW]].map(String::as_str),
        ["0,0000", "2,6316", "ya"]
    );
    assert_eq!(jw[col::LINKS], "https://contoh.go.id/standar-pelayanan.pdf");
    let rk = s.indicators.iter().find(|r| r[col::ID] == "rk-rekognisi").unwrap();
    assert_eq!(rk[col::ASSUMED], "ya");
    let biaya = s
        .indicators
        .iter()
        .find(|r| r[col::ID] == "sp-biaya" && r[col::PRODUCT] == "KTP-el")
        .unwrap();
    assert_eq!(
        [&biaya[col::ANSWER], &biaya[col::POINTS], &biaya[col::MAX]].map(String::as_str),
        ["Tidak berlaku", "", ""]
    );
}

/// Parses a four-decimal cell ("1,4567" or "1.4567") into ten-thousandths.
fn ten_thousandths(cell: &str) -> u64 {
    cell.replace([',', '.'], "").parse().unwrap()
}

fn has_dims(u: &report::UnitReport) -> bool {
    u.sections.iter().any(|s| s.max_points.is_some())
}

fn hundredths(f: Option<&Figure>) -> Option<Hundredths> {
    f.map(|f| f.value)
}

#[test]
fn a_units_indicator_points_add_up_to_its_score() {
    for id in INSTRUMENTS {
        let i = ins(id);
        for seed in 1..6 {
            let r = build(id, &uneven(i, seed), Lang::Id);
            let s = csv::sheet(&r);
            for u in &r.units {
                let shares = points::unit_points(u);
                let all: Vec<_> =
                    shares.unit.iter().chain(shares.products.iter().flatten()).flatten().collect();
                let sum =
                    |f: fn(&points::Earned) -> Ratio| all.iter().fold(Ratio::ZERO, |a, e| a + f(e));
                // Exactly: ori-2016 and ori-2022 units are the sum of their rows; every dimension
                // of a unit is the sum of its rows (ori-2025 adds Output and trust to the unit).
                if i.opinion.is_none() {
                    assert_eq!(
                        Some(sum(|e| e.points).round2()),
                        hundredths(u.score.as_ref()),
                        "{id} {}",
                        u.name
                    );
                    assert_eq!(
                        sum(|e| e.max).round2(),
                        Hundredths(10000),
                        "{id}: the maxima make 100"
                    );
                }
                let rows = u.indicators.iter().chain(u.products.iter().flat_map(|p| &p.indicators));
                let zipped: Vec<_> =
                    rows.zip(shares.unit.iter().chain(shares.products.iter().flatten())).collect();
                for sec in u.sections.iter().filter(|x| x.max_points.is_some()) {
                    let mine = zipped
                        .iter()
                        .filter(|(row, _)| row.section_id == sec.id)
                        .filter_map(|(_, e)| e.as_ref());
                    let (pts, max) =
                        mine.fold((Ratio::ZERO, Ratio::ZERO), |a, e| (a.0 + e.points, a.1 + e.max));
                    let part = i.opinion.is_some()
                        && [scoring::PART_OUTPUT, scoring::PART_TRUST].contains(&sec.id.as_str());
                    if let (Some(p), false) = (&sec.points, part) {
                        assert_eq!(pts.round2(), p.value, "{id} {} {}", u.name, sec.title);
                        assert_eq!(max.round2(), sec.max_points.as_ref().unwrap().value);
                    }
                }
                // ori-2025: the rows and the Output and trust parts make the unit's score (each
                // part rounded once, so within two hundredths).
                if let (Some(_), Some(score)) = (&i.opinion, &u.score) {
                    let parts = u.sections.iter().filter(|x| {
                        [scoring::PART_OUTPUT, scoring::PART_TRUST].contains(&x.id.as_str())
                    });
                    let parts = parts
                        .fold(Ratio::ZERO, |a, x| a + x.points.as_ref().unwrap().value.ratio());
                    let whole = (sum(|e| e.points) + parts).round2().0;
                    assert!(whole.abs_diff(score.value.0) <= 2, "{id} {}: {whole}", u.name);
                }
                // In the file: the four-decimal cells of a unit's indicator rows sum, rounded to
                // two decimals, to the unit's figure (within their rounding, 0,00005 a row).
                let cells: Vec<u64> = s
                    .indicators
                    .iter()
                    .filter(|row| row[col::UNIT] == u.name && !row[col::POINTS].is_empty())
                    .map(|row| ten_thousandths(&row[col::POINTS]))
                    .collect();
                let exact = sum(|e| e.points);
                let total: u64 = cells.iter().sum();
                let floor = (exact.num() * 10_000 / exact.den()) as u64;
                assert!(total.abs_diff(floor) <= cells.len() as u64, "{id}: {total} vs {floor}");
                // Excel's sum, rounded to two decimals, is the figure on screen: the unit score
                // (ori-2016), each dimension of the unit (ori-2022, ori-2025).
                let round = |cells: u64| u32::try_from((cells + 50) / 100).unwrap();
                if let (Some(score), false) = (&u.score, has_dims(u)) {
                    assert_eq!(round(total), score.value.0, "{id}: Excel's sum");
                }
                for sec in u.sections.iter().filter(|x| x.max_points.is_some()) {
                    let cells = s
                        .indicators
                        .iter()
                        .filter(|row| row[col::UNIT] == u.name && row[col::SECTION] == sec.title)
                        .filter(|row| !row[col::POINTS].is_empty());
                    let cells: u64 = cells.map(|row| ten_thousandths(&row[col::POINTS])).sum();
                    if let (Some(p), true) = (&sec.points, cells > 0) {
                        assert_eq!(round(cells), p.value.0, "{id}: Excel's sum of {}", sec.title);
                    }
                }
            }
        }
    }
}

#[test]
fn every_row_is_as_wide_as_the_header() {
    for id in INSTRUMENTS {
        for lang in [Lang::Id, Lang::En] {
            let i = ins(id);
            let r = build(id, &uneven(i, 9), lang);
            for d in [b';', b','] {
                let rows = parse(&csv::render(&r, d), d);
                let s = csv::sheet(&r);
                assert_eq!(rows.len(), 1 + s.summary.len() + s.indicators.len());
                assert_eq!(rows[0].len(), csv::COLUMNS);
                assert!(rows.iter().all(|x| x.len() == csv::COLUMNS), "{id} {lang:?}: ragged");
                assert_eq!(rows[0][0], csv_texts(lang).headers[0]);
            }
            // With a comparison, two more columns on every row.
            let before = uneven(i, 10);
            let c = patuh_core::compare::compare(i, &before, &uneven(i, 9)).unwrap();
            let with = r.clone().with_comparison(report::comparison::view(&c, i, lang));
            let rows = parse(&csv::render(&with, b';'), b';');
            assert!(rows.iter().all(|x| x.len() == csv::COLUMNS + 2), "{id}: compared");
            let opd = &rows[1];
            let total = with.comparison.as_ref().unwrap().total.clone();
            assert_eq!(opd[col::PREVIOUS], text(total.before.as_ref()));
            assert!(opd[col::CHANGE].ends_with(&total.delta.unwrap().text));
        }
    }
}

#[test]
fn hostile_strings_stay_inert_in_every_row() {
    let i = ins("ori-2025");
    let mut a = uneven(i, 4);
    a.opd = "=cmd|' /C calc'!A0".into();
    a.units[0].name = "+SUM(A1)".into();
    a.units[1].products[0].name = "-2+3".into();
    let p = a.places()[1].clone();
    a.edit(i, &p, &i.indicators().last().unwrap().1.id, |e| {
        e.note = "@HYPERLINK(\"http://x\")\r\n;\"quoted\"".into();
        e.links = vec!["\t=1+1".into()];
    });
    let r = report::build(i, &a, Lang::Id, "x");
    for d in [b';', b','] {
        let rows = parse(&csv::render(&r, d), d);
        assert!(rows.iter().all(|x| x.len() == csv::COLUMNS));
        for row in &rows[1..] {
            assert_eq!(row[col::OPD], "'=cmd|' /C calc'!A0");
            assert!(
                row.iter().all(|c| !c.starts_with(['=', '+', '-', '@', '\t', '\r'])),
                "{row:?}"
            );
        }
        assert!(rows.iter().any(|x| x[col::UNIT] == "'+SUM(A1)" && x[col::ITEM] == "Nilai unit"));
        assert!(rows.iter().any(|x| x[col::PRODUCT] == "'-2+3" && x[col::KIND] == "Ringkasan"));
        assert!(rows.iter().any(|x| x[col::NOTE] == "'@HYPERLINK(\"http://x\")\r\n;\"quoted\""));
        assert!(rows.iter().any(|x| x[col::LINKS] == "'\t=1+1"));
    }
    assert_eq!(csv::neutralise("49,85"), "49,85");
    assert_eq!(csv::neutralise(""), "");
    assert_eq!(csv::neutralise("\rx"), "'\rx");
}

#[test]
fn bom_crlf_and_both_delimiters() {
    let r = build("ori-2022", &sample_2022(), Lang::En);
    let text = csv::render(&r, csv::COMMA);
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains("\r\n"));
    let rows = parse(&text, b',');
    assert_eq!(rows[0][col::UNIT], "Service unit");
    assert_eq!(rows[0][col::POINTS], "Points");
    let input = rows.iter().find(|x| x[col::ID] == "in-paham-sp").unwrap();
    assert_eq!(
        [&input[col::ANSWER], &input[col::POINTS], &input[col::MAX]].map(String::as_str),
        ["3 · Complete", "1.4567", "1.4567"]
    );
    let id = csv::render(&build("ori-2022", &sample_2022(), Lang::Id), csv::SEMICOLON);
    assert!(id.contains(";1,4567;1,4567;"));
}
