//! A place with nothing answered (the OPD, a unit, a product) says "Belum dijawab", neutral, and
//! shows no score, zone or opinion, on screen (the model) and in the HTML, PDF and CSV alike
//! (docs/SCORING.md §Common rules).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{ins, norm, poppler, set, untag, write_to};
use patuh_core::assessment::Assessment;
use patuh_core::instrument::{Lang, Scope};
use patuh_core::report::csv::{self, col, csv_texts};
use patuh_core::report::{self, html, pdf, Report};

const AT: &str = "2026-12-03T10:00:00Z";
const INSTRUMENTS: [&str; 3] = ["ori-2016", "ori-2022", "ori-2025"];

/// Two units of one product each; in the first, the first product-scope indicator is answered at
/// the maximum; the second unit is untouched.
fn half(id: &str) -> Assessment {
    let i = ins(id);
    let mut a = Assessment::new("x", i, "Dinas Contoh", "Unit Satu", "Produk Satu");
    let u2 = a.add_unit("Unit Dua");
    a.add_product(&u2, "Produk Dua");
    let max = i.scale.options.iter().find(|o| o.points == i.scale.max).unwrap().value.clone();
    let first = i.indicators().find(|(_, x)| x.scope == Scope::Product).unwrap().1;
    let place = a.places()[0].clone();
    set(i, &mut a, &place, &first.id, &max);
    a
}

fn pdf_text(r: &Report, name: &str) -> String {
    let path = write_to("not_started", name, &pdf::render(r));
    let out = poppler("pdftotext", &[path.to_str().unwrap(), "-"]);
    assert!(out.status.success());
    norm(&String::from_utf8(out.stdout).unwrap())
}

#[test]
fn the_words_are_the_reports_unanswered_label() {
    assert_eq!(report::not_started(0, 41, Lang::Id).as_deref(), Some("Belum dijawab"));
    assert_eq!(report::not_started(0, 41, Lang::En).as_deref(), Some("Not answered yet"));
    assert_eq!(report::not_started(1, 41, Lang::Id), None);
    assert_eq!(report::not_started(0, 0, Lang::Id), None, "nothing to answer is not pending");
}

#[test]
fn an_untouched_assessment_has_no_score_zone_or_opinion_anywhere() {
    for id in INSTRUMENTS {
        let i = ins(id);
        let a = Assessment::new("x", i, "Dinas Kosong", "Unit", "Produk");
        let r = report::build(i, &a, Lang::Id, AT);
        let o = &r.overall;
        assert_eq!(o.pending.as_deref(), Some("Belum dijawab"), "{id}");
        assert_eq!((&o.score, &o.band, &o.opinion), (&None, &None, &None), "{id}");
        assert!(o.status.starts_with("Sementara: ") && o.status.contains("belum dijawab"), "{id}");
        assert!(r
            .opinion
            .as_ref()
            .is_none_or(|v| v.words.is_none() && v.zone_translation.is_none()));
        // The result card up to its legend (which names every zone).
        let page = html::render(&r, "{}");
        let card = &page[page.find("id=\"h-result\"").unwrap()..];
        let card = untag(&card[..card.find(&format!("<h3>{}", r.texts().legend)).unwrap()]);
        assert!(card.contains("Belum dijawab"), "{id}: {card}");
        assert!(!card.contains("Zona Merah") && !card.contains("0,00"), "{id}: {card}");
        let text = pdf_text(&r, &format!("empty-{id}.pdf"));
        assert!(text.contains("Belum dijawab"), "{id}");
        let s = csv::sheet(&r);
        let opd = &s.summary[0];
        assert_eq!((opd[col::ANSWER].as_str(), opd[col::POINTS].as_str()), ("Belum dijawab", ""));
        assert_eq!((opd[col::ZONE].as_str(), opd[col::OPINION].as_str()), ("", ""), "{id}");
    }
}

#[test]
fn an_untouched_unit_beside_a_started_one_says_belum_dijawab_in_every_file() {
    for id in INSTRUMENTS {
        let i = ins(id);
        for lang in [Lang::Id, Lang::En] {
            let r = report::build(i, &half(id), lang, AT);
            let words = report::texts(lang).unanswered;
            let (one, two) = (&r.units[0], &r.units[1]);
            assert!(one.pending.is_none() && one.score.is_some(), "{id}: the started unit scores");
            assert!(r.overall.pending.is_none() && r.overall.score.is_some(), "{id}");
            assert_eq!(two.pending.as_deref(), Some(words), "{id}");
            assert_eq!((&two.score, &two.band, &two.label), (&None, &None, &None), "{id}");
            let p = &two.products[0];
            assert_eq!(p.pending.as_deref(), Some(words), "{id}");
            assert_eq!((&p.score, &p.fulfilment), (&None, &None), "{id}");
            // HTML: the unit's row and the product's row say the words, with no zone.
            let page = html::render(&r, "{}");
            for name in ["Unit Dua", "Produk Dua"] {
                let row = page.split("<tr>").map(untag).find(|r| r.starts_with(name)).unwrap();
                assert!(row.contains(words), "{id} {name}: {row}");
                assert!(!row.contains("Zona") && !row.contains("zone"), "{id} {name}: {row}");
            }
            let text = pdf_text(&r, &format!("half-{id}-{lang:?}.pdf"));
            // PDF: the unit's line ("— Belum dijawab 0/41") and the product's, in place of figures.
            assert_eq!(text.matches(&format!("{words} 0/")).count(), 2, "{id}: {text}");
            // CSV: the unit's and the product's summary rows.
            let ct = csv_texts(lang);
            let s = csv::sheet(&r);
            let unit = s
                .summary
                .iter()
                .find(|x| x[col::UNIT] == "Unit Dua" && x[col::ITEM] == ct.unit_score);
            let unit = unit.unwrap();
            assert_eq!((unit[col::ANSWER].as_str(), unit[col::POINTS].as_str()), (words, ""));
            assert_eq!((unit[col::ZONE].as_str(), unit[col::OPINION].as_str()), ("", ""));
            let prod = s
                .summary
                .iter()
                .find(|x| x[col::PRODUCT] == "Produk Dua" && x[col::ITEM] == ct.product_score);
            let prod = prod.unwrap();
            assert_eq!((prod[col::ANSWER].as_str(), prod[col::FULFILMENT].as_str()), (words, ""));
        }
    }
}
