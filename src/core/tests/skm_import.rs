//! Importing a CSV of responses (docs/SKM.md §Import): counts already typed are added to or
//! replaced only by the official's choice, with the numbers each way; afterwards a message says
//! what happened; the SKM and public-trust importers accept the same cells and refuse the others
//! in the same words; the same trust answers imported twice in a row are noticed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ins;
use patuh_core::instrument::Lang;
use patuh_core::skm::{self, Counts, Merge, N_UNSUR};
use patuh_core::trust::{self, CsvError};

/// `n` respondents answering `v` (1–4) to every unsur.
fn all(n: u32, v: usize) -> Counts {
    let mut c: Counts = [[0; 4]; N_UNSUR];
    for row in &mut c {
        row[v - 1] = n;
    }
    c
}

#[test]
fn nothing_typed_is_blank_and_a_typed_count_is_not() {
    assert!(skm::is_blank(&[[0; 4]; N_UNSUR]));
    let mut c: Counts = [[0; 4]; N_UNSUR];
    c[8][3] = 1;
    assert!(!skm::is_blank(&c));
    // Uneven while typing: the respondents are the most answers of any unsur.
    assert_eq!(skm::respondents_of(&c), 1);
}

#[test]
fn adding_counts_every_respondent_and_replacing_keeps_only_the_file() {
    let (typed, file) = (all(100, 3), all(3, 4));
    let added = skm::merge(&typed, &file, Merge::Add);
    assert_eq!(added[0], [0, 0, 100, 3]);
    assert_eq!(skm::respondents_of(&added), 103);
    assert_eq!(skm::merge(&typed, &file, Merge::Replace), file);
    // A box at the largest tally stays there instead of wrapping to a small number.
    let full = skm::merge(&all(u32::MAX, 1), &all(5, 1), Merge::Add);
    assert_eq!(full[0][0], u32::MAX);
}

#[test]
fn the_question_says_how_many_each_way_in_both_languages() {
    let q = skm::question(&all(100, 3), "skm.csv", &all(3, 4), Lang::Id);
    assert!(q.text.contains("100 responden") && q.text.contains("skm.csv berisi 3 responden"));
    assert!(q.add.contains("jumlah 103 responden"), "{}", q.add);
    assert!(q.replace.contains("jumlah 3 responden"), "{}", q.replace);
    let q = skm::question(&all(100, 3), "skm.csv", &all(3, 4), Lang::En);
    assert!(q.add.contains("total 103") && q.replace.contains("total 3"));
}

#[test]
fn the_message_afterwards_says_what_happened() {
    let (typed, file) = (all(100, 3), all(3, 4));
    let after = skm::merge(&typed, &file, Merge::Add);
    let m = skm::done_message(Some(Merge::Add), "skm.csv", &typed, &after, &file, Lang::Id);
    assert_eq!(m, "3 responden dari skm.csv ditambahkan; jumlah 103.");
    let m = skm::done_message(Some(Merge::Replace), "skm.csv", &typed, &file, &file, Lang::Id);
    assert_eq!(m, "3 responden dari skm.csv menggantikan 100 responden sebelumnya; jumlah 3.");
    let blank = [[0; 4]; N_UNSUR];
    let m = skm::done_message(None, "skm.csv", &blank, &file, &file, Lang::En);
    assert_eq!(m, "3 respondents from skm.csv entered; total 3.");
    assert!(skm::cancelled_message("skm.csv", Lang::Id).contains("tidak berubah"));
    // A hostile name cannot fill the screen.
    let long = "a".repeat(500);
    assert!(skm::cancelled_message(&long, Lang::Id).chars().count() < 120);
}

#[test]
fn one_rule_for_an_answer_cell() {
    for (cell, v) in [("1", Some(1)), ("4", Some(4)), ("5", None), ("0", None), ("03", None)] {
        assert_eq!(skm::answer_value(cell, 4), v, "{cell}");
    }
    for cell in ["+3", "", "3.5", "baik", " 2", "-1"] {
        assert_eq!(skm::answer_value(cell, 4), None, "{cell}");
    }
    assert_eq!(skm::answer_value("5", 5), Some(5));
}

#[test]
fn a_refused_trust_file_says_row_column_and_value_in_the_skm_words() {
    let o = ins("ori-2025").opinion.as_ref().unwrap();
    let err = trust::from_csv(&o.trust, "4;4;4;4;4\n5;0;3;3;3\n").unwrap_err();
    assert_eq!(err, CsvError::Value { row: 2, column: 1, value: "5".into() });
    let skm_words = skm::from_csv("1;1;1;1;1;1;1;1;1\n5;1;1;1;1;1;1;1;1\n").unwrap_err();
    assert_eq!(err.message(&o.trust, Lang::Id), skm_words.message(Lang::Id));
    let m = trust::refused_message(&o.trust, "trust.csv", &err, Lang::Id);
    assert_eq!(
        m,
        "trust.csv tidak diimpor. Baris 2, kolom 1: “5” bukan nilai 1–4. Tidak ada jawaban yang \
         ditambahkan."
    );
    // A JSON file picked by mistake is refused by its shape, nothing added.
    let json = "{\n  \"format\": \"patuh\",\n  \"units\": []\n}\n";
    assert!(matches!(trust::from_csv(&o.trust, json), Err(CsvError::Columns { .. })));
    assert!(trust::refused_message(
        &o.trust,
        "r22.json",
        &trust::from_csv(&o.trust, json).unwrap_err(),
        Lang::En
    )
    .ends_with("No answer was added."));
}

#[test]
fn a_trust_import_says_what_it_added_and_notices_the_same_answers_again() {
    let o = ins("ori-2025").opinion.as_ref().unwrap();
    let before = trust::from_csv(&o.trust, &"3;3;3;3;3\n".repeat(30)).unwrap();
    let added = trust::from_csv(&o.trust, &"4;4;4;4;4\n".repeat(5)).unwrap();
    assert_eq!(
        trust::import_message(&o.trust, "trust.csv", &before, &added, Lang::Id),
        "5 responden ditambahkan dari trust.csv; sekarang 35 dari 30 responden."
    );
    assert_eq!(
        trust::import_message(&o.trust, "trust.csv", &before, &added, Lang::En),
        "5 respondents added from trust.csv; now 35 of 30 respondents."
    );
    assert!(!trust::is_repeat(None, &added));
    assert!(trust::is_repeat(Some(&added), &added));
    assert!(!trust::is_repeat(Some(&before), &added));
    assert!(trust::repeat_question("trust.csv", &added, Lang::Id).contains("5 responden"));
}

#[test]
fn the_values_mean_what_the_documents_say() {
    let id: Vec<_> = (1..=4).map(|v| skm::answer_label(v, Lang::Id).unwrap()).collect();
    assert_eq!(id, ["tidak baik", "kurang baik", "baik", "sangat baik"]);
    // The documents' column note names the two ends in the same words.
    let note = patuh_core::report::skm_doc::skm_texts(Lang::Id).columns_note;
    assert!(note.contains("1 (tidak baik)") && note.contains("4 (sangat baik)"));
    let note = patuh_core::report::skm_doc::skm_texts(Lang::En).columns_note;
    assert!(note.contains(skm::answer_label(1, Lang::En).unwrap()));
    assert!(note.contains(skm::answer_label(4, Lang::En).unwrap()));
    assert_eq!(skm::answer_label(0, Lang::Id), None);
    assert_eq!(skm::answer_label(5, Lang::Id), None);
}
