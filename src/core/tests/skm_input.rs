//! What the SKM calculator accepts (docs/SKM.md §Input, §Sample size): a typed tally is a whole
//! number 0 or more, or it is refused with a message in both languages and the previous tally kept;
//! a sample below patuh's limit is called small, and no figure is given as the regulation's
//! minimum.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use patuh_core::instrument::Lang;
use patuh_core::report::skm_doc;
use patuh_core::skm::Subject;
use patuh_core::skm::{parse_count, CountError, Sample, Survey, N_UNSUR, SMALL_SAMPLE_BELOW};

#[test]
fn a_tally_is_the_digits_typed() {
    for (typed, n) in [("0", 0), ("12", 12), (" 30 ", 30), ("007", 7), ("4294967295", u32::MAX)] {
        assert_eq!(parse_count(typed), Ok(n), "{typed:?}");
    }
}

#[test]
fn a_negative_tally_is_refused_never_read_as_zero() {
    for typed in ["-5", "−5", " -12", "- 3", "-0"] {
        assert!(matches!(parse_count(typed), Err(CountError::Negative { .. })), "{typed:?}");
    }
}

#[test]
fn anything_but_a_whole_number_is_refused() {
    assert_eq!(parse_count(""), Err(CountError::Empty));
    assert_eq!(parse_count("   "), Err(CountError::Empty));
    for typed in ["3,5", "3.5", "1.000", "abc", "+5", "1e3", "5 orang", "-abc", "٣", "--5"] {
        assert!(matches!(parse_count(typed), Err(CountError::NotWhole { .. })), "{typed:?}");
    }
    assert!(matches!(parse_count("4294967296"), Err(CountError::TooLarge { .. })));
    assert!(matches!(parse_count("99999999999999999999999"), Err(CountError::TooLarge { .. })));
}

#[test]
fn each_refusal_says_what_was_typed_and_that_the_previous_tally_stays() {
    let cases = [
        ("-5", "negatif", "negative"),
        ("3,5", "bilangan bulat", "whole number"),
        ("", "kosong", "empty"),
        ("99999999999", "terlalu besar", "too large"),
    ];
    for (typed, id, en) in cases {
        let e = parse_count(typed).unwrap_err();
        let (mid, men) = (e.message(Lang::Id, 4), e.message(Lang::En, 4));
        assert!(mid.contains(id) && mid.ends_with("Angka sebelumnya (4) tetap dipakai."), "{mid}");
        assert!(
            men.contains(en) && men.ends_with("The previous number (4) is still used."),
            "{men}"
        );
        if !typed.is_empty() {
            assert!(mid.contains(&format!("“{typed}”")) && men.contains(&format!("“{typed}”")));
        }
    }
    // A pasted page is cut short in the message.
    let long = "x".repeat(10_000);
    let m = parse_count(&long).unwrap_err().message(Lang::Id, 0);
    assert!(m.len() < 300 && m.contains("xxx…"), "{m}");
}

#[test]
fn a_sample_below_the_limit_is_small() {
    assert_eq!(SMALL_SAMPLE_BELOW, 30);
    for n in [1, 3, 29] {
        assert_eq!(Sample::of(n), Sample::Small, "{n}");
    }
    for n in [30, 31, 400, 100_000] {
        assert_eq!(Sample::of(n), Sample::Unchecked, "{n}");
    }
    // The view every screen and document lays out carries the check.
    let three = Survey::from_counts([[0, 0, 1, 2]; N_UNSUR]).unwrap().view();
    assert_eq!((three.respondents, three.sample), (3, Sample::Small));
    let thirty = Survey::from_counts([[0, 10, 10, 10]; N_UNSUR]).unwrap().view();
    assert_eq!((thirty.respondents, thirty.sample), (30, Sample::Unchecked));
}

#[test]
fn the_sample_messages_name_the_population_rule_and_no_minimum_figure() {
    let small_id = Sample::Small.message(3, Lang::Id);
    let small_en = Sample::Small.message(3, Lang::En);
    assert!(small_id.starts_with("Sampel kecil: baru 3 responden."), "{small_id}");
    assert!(small_en.starts_with("Small sample: only 3 respondents."), "{small_en}");
    assert!(small_id.contains("menurut jumlah populasi"), "{small_id}");
    assert!(small_en.contains("by the population"), "{small_en}");
    // patuh's own limit is said to be patuh's, not the regulation's.
    assert!(small_id.contains("bukan angka peraturan"), "{small_id}");
    assert!(small_en.contains("not a figure of the regulation"), "{small_en}");
    for m in [&small_id, &small_en] {
        for claim in ["minimal 30", "minimum of 30", "minimal 150", "150"] {
            assert!(!m.contains(claim), "{m}");
        }
    }
    let unchecked = Sample::Unchecked.message(120, Lang::Id);
    assert!(unchecked.contains("120 responden") && unchecked.contains("tidak mengetahui"));
    assert!(Sample::Unchecked.message(120, Lang::En).contains("does not know the population"));
}

#[test]
fn the_html_and_csv_say_what_the_screen_says_of_the_sample() {
    let small = Survey::from_counts([[0, 1, 1, 1]; N_UNSUR]).unwrap();
    let big = Survey::from_counts([[5, 10, 20, 15]; N_UNSUR]).unwrap();
    for (s, warned) in [(small, true), (big, false)] {
        let v = s.view();
        for lang in [Lang::Id, Lang::En] {
            let said = v.sample.message(v.respondents, lang);
            let html = skm_doc::html(&s, lang, &Subject::unit("Puskesmas"), "x");
            assert_eq!(html.contains("<p class=\"warn\" id=\"sample\">"), warned);
            assert_eq!(html.matches("id=\"sample\"").count(), 1);
            assert!(html.contains(&patuh_core::report::html::escape(&said)), "{said}");
            let csv = skm_doc::csv(&s, lang, &Subject::unit("Puskesmas"), b';');
            let label = skm_doc::skm_texts(lang).sample;
            let row = csv.lines().find(|l| l.starts_with(label)).unwrap();
            assert!(row.contains(&said), "{row}");
        }
    }
}
