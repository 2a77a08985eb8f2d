//! One model for every result (docs/SCORING.md "One model"): for random assessments of every
//! instrument, each figure of the report view-model is the figure the HTML report and the PDF
//! print, in the same row. The result screen lays out the same model (src/components/result), so
//! it cannot differ either.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{norm, poppler, write_to};
use patuh_core::assessment::{Answer, Assessment};
use patuh_core::instrument::{self, Instrument};
use patuh_core::report::{self, html, pdf, Figure, Report};
use patuh_core::Lang;
use proptest::prelude::*;

/// An instrument, products per unit (uneven), and one answer code per (place, indicator).
fn scenario() -> impl Strategy<Value = (&'static Instrument, Vec<usize>, Vec<u8>, bool)> {
    (0..instrument::all().len(), prop::collection::vec(1usize..=3, 1..=3), any::<bool>())
        .prop_flat_map(|(i, shape, en)| {
            let ins = &instrument::all()[i];
            let n = shape.iter().sum::<usize>() * ins.indicators().count();
            (Just(ins), Just(shape), prop::collection::vec(0u8..=8, n), Just(en))
        })
}

fn assessment(ins: &Instrument, shape: &[usize], codes: &[u8]) -> Assessment {
    let mut a = Assessment::new("model", ins, "Dinas Model", "Unit 1", "Produk 1.1");
    let u0 = a.units[0].id.clone();
    for k in 1..shape[0] {
        a.add_product(&u0, &format!("Produk 1.{}", k + 1));
    }
    for (n, &count) in shape.iter().enumerate().skip(1) {
        let u = a.add_unit(&format!("Unit {}", n + 1));
        for k in 0..count {
            a.add_product(&u, &format!("Produk {}.{}", n + 1, k + 1));
        }
    }
    let opts = &ins.scale.options;
    let mut k = 0;
    for place in a.places() {
        for (_, i) in ins.indicators() {
            let v = match codes[k] {
                0 => None,
                1 => Some(Answer::NotApplicable),
                c => Some(Answer::Value(opts[(c as usize - 2) % opts.len()].value.clone())),
            };
            k += 1;
            a.set_answer(ins, &place, &i.id, v);
        }
    }
    a
}

fn text(f: &Option<Figure>) -> String {
    Figure::shown(f.as_ref()).to_string()
}

/// The HTML table row whose first cell is `head` (escaped as the report writes it), to its end.
fn html_row<'a>(page: &'a str, head: &str) -> &'a str {
    let start = page
        .find(&format!("<th scope=\"row\">{head}"))
        .unwrap_or_else(|| panic!("no row {head:?} in the HTML"));
    let end = page[start..].find("</tr>").unwrap();
    &page[start..start + end]
}

/// The PDF line (pdftotext -layout) that starts with `head`, after `from`.
fn pdf_line<'a>(text: &'a str, head: &str, from: usize) -> (&'a str, usize) {
    let at = text[from..]
        .find(&format!("\n{head} "))
        .or_else(|| text[from..].find(&format!("\n{head}\n")))
        .map(|i| from + i + 1)
        .unwrap_or_else(|| panic!("no line {head:?} in the PDF text"));
    let end = text[at..].find('\n').map_or(text.len(), |e| at + e);
    (&text[at..end], end)
}

fn check(r: &Report, page: &str, pdf_text: &str) {
    // The headline: score, band and status.
    let score = text(&r.overall.score);
    assert!(page.contains(&score) && pdf_text.contains(&score), "score {score}");
    if let Some(b) = &r.overall.band {
        assert!(page.contains(&html::escape(&b.label)) && pdf_text.contains(&b.label));
    }
    assert!(norm(pdf_text).contains(&norm(&r.overall.status)), "status {}", r.overall.status);
    // The OPD breakdown per section: fulfilment and dimension points, in the section's row.
    let mut from = pdf_text.find(r.texts().breakdown).unwrap_or(0);
    for s in &r.sections {
        let row = html_row(page, &html::escape(&s.title));
        assert!(row.contains(&text(&s.fulfilment)), "{}: HTML row {row}", s.title);
        assert!(
            row.contains(&text(&s.points)) || s.points.is_none(),
            "{}: HTML row {row}",
            s.title
        );
        let (line, end) = pdf_line(pdf_text, &s.title, from);
        assert!(line.contains(&text(&s.fulfilment)), "{}: PDF line {line}", s.title);
        if s.points.is_some() {
            assert!(line.contains(&text(&s.points)), "{}: PDF line {line}", s.title);
        }
        from = end;
    }
    // Every unit's score in its row, then (in the products' own table) every product's score or
    // fulfilment in its row, led by its unit's name.
    let products = page.find(&html::escape(r.texts().per_product)).unwrap();
    for u in &r.units {
        let row = html_row(page, &format!("<bdi>{}</bdi>", html::escape(&u.name)));
        assert!(row.contains(&text(&u.score)), "{}: HTML row {row}", u.name);
        for p in &u.products {
            let head = format!(
                "<th scope=\"row\"><bdi>{}</bdi></th><td data-label=\"{}\"><bdi>{}</bdi></td>",
                html::escape(&p.name),
                html::escape(r.texts().unit),
                html::escape(&u.name)
            );
            let at = products + page[products..].find(&head).unwrap();
            let row = &page[at..at + page[at..].find("</tr>").unwrap()];
            assert!(row.contains(&text(&p.fulfilment)), "{}: HTML row {row}", p.name);
            if p.score.is_some() {
                assert!(row.contains(&text(&p.score)), "{}: HTML row {row}", p.name);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Each figure of the report model stands in the HTML report and the PDF, in its row.
    #[test]
    fn every_figure_of_the_model_is_the_one_in_the_files((ins, shape, codes, en) in scenario()) {
        let a = assessment(ins, &shape, &codes);
        let lang = if en { Lang::En } else { Lang::Id };
        let r = report::build(ins, &a, lang, "2026-12-03T10:00:00Z");
        let page = html::render(&r, "{}");
        let path = write_to("one-model", &format!("{}-{}.pdf", ins.id, lang.code()), &pdf::render(&r));
        let out = poppler("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
        prop_assert!(out.status.success());
        check(&r, &page, &String::from_utf8(out.stdout).unwrap());
    }
}

/// The uneven case the result screen once got wrong (ori-2016): one unit with one product at
/// 100 % and one with three products at 0 % is 25 % per section (the mean over all products), not
/// 50 % (a mean of unit means), in the model and so everywhere.
#[test]
fn an_uneven_ori_2016_assessment_is_the_mean_over_all_products() {
    let ins = common::ins("ori-2016");
    let mut a = assessment(ins, &[1, 3], &vec![0; 4 * ins.indicators().count()]);
    let places = a.places();
    common::set_all(ins, &mut a, &places[0], "ada");
    for p in &places[1..] {
        common::set_all(ins, &mut a, p, "tidak_ada");
    }
    let r = report::build(ins, &a, Lang::Id, "2026-12-03T10:00:00Z");
    assert_eq!(text(&r.overall.score), "25,00");
    for s in &r.sections {
        assert_eq!(text(&s.fulfilment), "25,00", "{}", s.title);
    }
    let page = html::render(&r, "{}");
    check(&r, &page, &{
        let path = write_to("one-model", "uneven-2016.pdf", &pdf::render(&r));
        String::from_utf8(poppler("pdftotext", &["-layout", path.to_str().unwrap(), "-"]).stdout)
            .unwrap()
    });
}
