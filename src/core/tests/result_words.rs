//! The result's words where they used to mislead: a plan list computed from a few answers says to
//! answer the rest first, and an Output figure typed wrongly is called invalid, not missing — in
//! the model, so on screen and in every file (docs/SCORING.md §Common rules, §What to fix first).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{ins, set, untag};
use patuh_core::assessment::Assessment;
use patuh_core::instrument::Lang;
use patuh_core::report::{self, csv, html, missing_text};
use patuh_core::secondary::OutputFigure;

const AT: &str = "2026-12-03T10:00:00Z";

#[test]
fn a_few_answers_and_no_plan_say_to_answer_the_rest_first() {
    let i = ins("ori-2022");
    let mut a = Assessment::new("x", i, "Dinas Contoh", "Unit", "Produk");
    let place = a.places()[0].clone();
    for (_, ind) in i.indicators().take(3) {
        set(i, &mut a, &place, &ind.id, "3");
    }
    let r = report::build(i, &a, Lang::Id, AT);
    assert!(r.plans.is_empty());
    let left = r.overall.unanswered;
    let note = r.plans_note.clone().unwrap();
    assert_eq!(
        note,
        format!("Jawab dulu {left} pertanyaan yang tersisa: daftar perbaikan dihitung dari yang sudah dijawab.")
    );
    assert!(untag(&html::render(&r, "{}")).contains(&note));
    let en = report::build(i, &a, Lang::En, AT).plans_note.unwrap();
    assert!(en.starts_with(&format!("First answer the {left} remaining questions")), "{en}");
}

#[test]
fn an_invalid_output_figure_is_called_invalid_not_missing() {
    let i = ins("ori-2025");
    let mut a = Assessment::new("x", i, "Dinas Contoh", "Unit", "Produk");
    common::answer_all(i, &mut a, "3");
    let o = i.opinion.as_ref().unwrap();
    for (n, f) in o.output.figures.iter().enumerate() {
        let value = if n == 0 { "825".to_string() } else { "80".to_string() };
        a.units[0].output.insert(f.id.clone(), OutputFigure { value, ..OutputFigure::default() });
    }
    let r = report::build(i, &a, Lang::Id, AT);
    let missing = r.overall.missing.clone().unwrap();
    // The product's trust survey is still empty; the IKM typed as 825 is invalid, not missing.
    assert_eq!(missing, "1 isian Data Opini belum diisi dan 1 isian Data Opini tidak valid");
    assert!(csv::render(&r, b';').contains("1 isian Data Opini tidak valid"));
    let en = report::build(i, &a, Lang::En, AT).overall.missing.unwrap();
    assert!(en.contains("1 opinion-data entry not valid"), "{en}");
}

#[test]
fn the_missing_words_name_each_kind_once() {
    assert_eq!(missing_text(0, 0, 0, Lang::Id), None);
    assert_eq!(missing_text(3, 0, 0, Lang::Id).unwrap(), "3 pertanyaan belum dijawab");
    assert_eq!(
        missing_text(3, 2, 1, Lang::Id).unwrap(),
        "3 pertanyaan belum dijawab, 2 isian Data Opini belum diisi dan 1 isian Data Opini tidak valid"
    );
    assert_eq!(missing_text(0, 0, 2, Lang::En).unwrap(), "2 opinion-data entries not valid");
}
