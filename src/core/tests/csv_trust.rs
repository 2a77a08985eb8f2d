//! The 2025 trust survey in the report CSV (docs/FORMAT.md §CSV export, docs/SCORING.md §Public
//! trust): its rows say what the screen and the HTML report say ("57/60 responden"), and give the
//! respondents and their target as two numbers a spreadsheet can sum, in both languages — never
//! the survey's one completeness place ("0/1").
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{answer_all, ins, parse_csv as parse};
use patuh_core::assessment::Assessment;
use patuh_core::instrument::Lang;
use patuh_core::report::csv::{self, col, csv_texts};
use patuh_core::report::{self, html, opinion_texts, SectionRow};
use patuh_core::scoring::PART_TRUST;

/// Two units: the first with two products surveyed by 27 and 35 people (35 counts 30 towards the
/// target), the second with one product nobody answered yet.
fn surveyed() -> Assessment {
    let i = ins("ori-2025");
    let mut a = Assessment::new("Dinas", i, "Dinas Contoh", "Puskesmas A", "Rawat jalan");
    let u0 = a.units[0].id.clone();
    a.add_product(&u0, "Imunisasi");
    let u1 = a.add_unit("Puskesmas B");
    a.add_product(&u1, "Rawat inap");
    answer_all(i, &mut a, "2");
    let o = i.opinion.as_ref().unwrap();
    for (p, n) in [(0, 27), (1, 35)] {
        for q in &o.trust.questions {
            let mut c = vec![0; o.trust.options.len()];
            c[2] = n;
            a.units[0].products[p].trust.insert(q.id.clone(), c);
        }
    }
    a
}

fn trust(rows: &[SectionRow]) -> &SectionRow {
    rows.iter().find(|s| s.id == PART_TRUST).unwrap()
}

#[test]
fn the_trust_survey_gives_its_respondents_as_numbers_and_as_on_screen() {
    let a = surveyed();
    for (lang, unit_a, opd) in [
        (Lang::Id, "57/60 responden", "57/90 responden"),
        (Lang::En, "57/60 respondents", "57/90 respondents"),
    ] {
        let r = report::build(ins("ori-2025"), &a, lang, "x");
        // The model's words, on screen and in the HTML, are the ones the CSV writes.
        assert_eq!(trust(&r.sections).done, opd);
        assert_eq!(trust(&r.units[0].sections).done, unit_a);
        assert!(html::render(&r, "{}").contains(unit_a));
        let (ct, title) = (csv_texts(lang), &trust(&r.sections).title);
        for d in [csv::SEMICOLON, csv::COMMA] {
            let rows = parse(&csv::render(&r, d), d);
            let summary = |unit: &str| {
                rows.iter()
                    .find(|x| {
                        x[col::KIND] == ct.summary
                            && x[col::UNIT] == unit
                            && &x[col::SECTION] == title
                    })
                    .unwrap()
            };
            let cells = |x: &Vec<String>| {
                [&x[col::ANSWER], &x[col::ANSWERED], &x[col::TOTAL]].map(|c| c.to_string())
            };
            assert_eq!(cells(summary("")), [opd, "57", "90"], "{lang:?}: the OPD's survey");
            assert_eq!(cells(summary("Puskesmas A")), [unit_a, "57", "60"]);
            let none = if lang == Lang::Id { "0/30 responden" } else { "0/30 respondents" };
            assert_eq!(cells(summary("Puskesmas B")), [none, "0", "30"]);
            // A spreadsheet sum of the units' rows is the OPD's row.
            let sum = |c: usize| -> u32 {
                ["Puskesmas A", "Puskesmas B"]
                    .iter()
                    .map(|u| summary(u)[c].parse::<u32>().unwrap())
                    .sum()
            };
            assert_eq!((sum(col::ANSWERED), sum(col::TOTAL)), (57, 90));
            // Each product's survey row: its words and its respondents against the target.
            let t = opinion_texts(lang);
            let products: Vec<[String; 3]> = rows
                .iter()
                .filter(|x| x[col::KIND] == ct.opinion && x[col::ITEM] == t.trust)
                .map(cells)
                .collect();
            let of = if lang == Lang::Id { "dari" } else { "of" };
            let word = if lang == Lang::Id { "responden" } else { "respondents" };
            let want: Vec<[String; 3]> = [(27, "27"), (35, "35"), (0, "0")]
                .iter()
                .map(|(n, s)| [format!("{n} {of} 30 {word}"), s.to_string(), "30".to_string()])
                .collect();
            assert_eq!(products, want, "{lang:?}: the products' surveys");
        }
    }
}

#[test]
fn other_sections_keep_their_answered_places_and_no_answer() {
    let r = report::build(ins("ori-2025"), &surveyed(), Lang::Id, "x");
    let s = csv::sheet(&r);
    let first = &r.sections[0];
    let row = s.summary.iter().find(|x| x[col::UNIT].is_empty() && x[col::SECTION] == first.title);
    let row = row.unwrap();
    assert_eq!(
        [&row[col::ANSWERED], &row[col::TOTAL]],
        [&first.answered.to_string(), &first.total.to_string()]
    );
    assert_eq!(row[col::ANSWER], "");
}
