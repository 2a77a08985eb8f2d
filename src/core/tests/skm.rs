//! The SKM/IKM calculator (Permenpan RB 14/2017, docs/SOURCES.md §SKM): NRR, IKM with 1/9, the 0,11
//! figure, every mutu band edge, counts and CSV input.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use patuh_core::exact::{Hundredths, Ratio};
use patuh_core::instrument::Lang;
use patuh_core::skm::{from_csv, Counts, Mutu, SkmError, Survey, N_UNSUR, UNSUR};

/// Every unsur with the same counts of values 1–4.
fn same(c: [u32; 4]) -> Survey {
    Survey::from_counts([c; N_UNSUR]).unwrap()
}

#[test]
fn nine_unsur_in_the_domain_order() {
    let names: Vec<&str> = UNSUR.iter().map(|u| u.id).collect();
    assert_eq!(names[0], "Persyaratan");
    assert_eq!(names[7], "Penanganan Pengaduan, Saran dan Masukan");
    assert_eq!(names[8], "Sarana dan Prasarana");
    assert_eq!(UNSUR[8].code, "U9");
    assert_eq!(UNSUR[2].name(Lang::En), "Turnaround time");
}

#[test]
fn nrr_per_unsur_and_ikm_with_one_ninth() {
    // 10 respondents; unsur k has k+1 answers of 4 and the rest 3 (k = 0…8).
    let mut counts: Counts = [[0; 4]; N_UNSUR];
    for (k, c) in counts.iter_mut().enumerate() {
        let fours = k as u32 + 1;
        *c = [0, 0, 10 - fours, fours];
    }
    let r = Survey::from_counts(counts).unwrap().ikm();
    assert_eq!(r.respondents, [10; N_UNSUR]);
    assert_eq!(r.nrr[0], Ratio::new(31, 10).unwrap());
    assert_eq!(r.nrr[8], Ratio::new(39, 10).unwrap());
    // Σ NRR = 27 + 45/10 = 31.5; IKM = 25 × 31.5 / 9 = 87.5 exactly → B.
    assert_eq!(r.exact, Ratio::new(175, 2).unwrap());
    assert_eq!(r.score, Hundredths(8750));
    assert_eq!(r.mutu, Mutu::B);
    // With the regulation's 0,11: 25 × 0.11 × 31.5 = 86.625 → 86.63, exactly 1 % lower.
    assert_eq!(r.exact_weight_011, Ratio::new(86625, 1000).unwrap());
    assert_eq!(r.score_weight_011, Hundredths(8663));
    assert_eq!(r.exact_weight_011, r.exact * Ratio::new(99, 100).unwrap());
}

#[test]
fn one_ninth_versus_0_11_near_a_band_edge() {
    // All 4: 100.00 (A) against 99.00 with 0,11; IKM 88.35 exact is A, its 0,11 twin 87.47 would be
    // B.
    let top = same([0, 0, 0, 5]).ikm();
    assert_eq!((top.score, top.score_weight_011), (Hundredths(10000), Hundredths(9900)));
    // NRR 3.534 for every unsur (n = 500, Σ = 1767): IKM 88.35.
    let s = same([0, 0, 233, 267]).ikm();
    assert_eq!(s.score, Hundredths(8835));
    assert_eq!(s.mutu, Mutu::A);
    assert_eq!(s.score_weight_011, Hundredths(8747));
    assert_eq!(Mutu::of(s.score_weight_011), Mutu::B, "why patuh bands the 1/9 figure");
}

#[test]
fn every_band_edge_on_the_rounded_ikm() {
    for (h, want) in [
        (2500, Mutu::D),
        (6499, Mutu::D),
        (6500, Mutu::C),
        (7660, Mutu::C),
        (7661, Mutu::B),
        (8830, Mutu::B),
        (8831, Mutu::A),
        (10000, Mutu::A),
    ] {
        assert_eq!(Mutu::of(Hundredths(h)), want, "IKM {}", Hundredths(h));
    }
    for m in Mutu::ALL {
        let (lo, hi) = m.interval();
        assert_eq!(Mutu::of(lo), m);
        assert_eq!(Mutu::of(hi), m);
    }
    assert_eq!(Mutu::A.label(Lang::Id), "Sangat baik");
    assert_eq!(Mutu::C.label(Lang::Id), "Kurang baik");
    assert_eq!((Mutu::D.letter(), Mutu::D.persepsi()), ("D", 1));
}

#[test]
fn band_edges_through_real_surveys_round_once_then_band() {
    // n = 5000 respondents, the same answers for every unsur: IKM = 25 × Σ / 5000, steps of 0.005.
    let ikm = |c: [u32; 4]| {
        let r = same(c).ikm();
        (r.score, r.mutu)
    };
    assert_eq!(ikm([5000, 0, 0, 0]), (Hundredths(2500), Mutu::D)); // 25.00
    assert_eq!(ikm([0, 2002, 2998, 0]), (Hundredths(6499), Mutu::D)); // 64.99
    assert_eq!(ikm([0, 2001, 2999, 0]), (Hundredths(6500), Mutu::C)); // 64.995 → 65.00
    assert_eq!(ikm([0, 0, 4680, 320]), (Hundredths(7660), Mutu::C)); // 76.60
    assert_eq!(ikm([0, 0, 4679, 321]), (Hundredths(7661), Mutu::B)); // 76.605 → 76.61
    assert_eq!(ikm([0, 0, 2340, 2660]), (Hundredths(8830), Mutu::B)); // 88.30
    assert_eq!(ikm([0, 0, 2339, 2661]), (Hundredths(8831), Mutu::A)); // 88.305 → 88.31
    assert_eq!(ikm([0, 0, 0, 5000]), (Hundredths(10000), Mutu::A)); // 100.00
    assert_eq!(same([0, 0, 2339, 2661]).ikm().exact, Ratio::new(17661, 200).unwrap());
}

#[test]
fn counts_are_checked() {
    assert_eq!(Survey::from_counts([[0; 4]; N_UNSUR]), Err(SkmError::NoRespondents));
    let mut c: Counts = [[0, 1, 2, 3]; N_UNSUR];
    c[2] = [0, 1, 2, 2];
    assert_eq!(
        Survey::from_counts(c),
        Err(SkmError::UnevenRespondents { unsur: 3, found: 5, expected: 6 })
    );
    c[0] = [0; 4];
    assert!(Survey::from_counts(c).is_err());
    let ok = Survey::from_counts([[1, 2, 3, 4]; N_UNSUR]).unwrap();
    assert_eq!(ok.respondents(), 10);
    assert_eq!(ok.counts()[4], [1, 2, 3, 4]);
    assert!(SkmError::UnevenRespondents { unsur: 3, found: 5, expected: 6 }
        .message(Lang::Id)
        .contains("U3"));
}

#[test]
fn responses_and_csv_give_the_same_counts() {
    let rows =
        [[4, 3, 3, 4, 2, 4, 4, 3, 1], [3, 3, 4, 4, 3, 4, 3, 2, 2], [4, 4, 4, 4, 4, 4, 4, 4, 4]];
    let from_rows = Survey::from_responses(&rows).unwrap();
    let csv = "\u{feff}U1;U2;U3;U4;U5;U6;U7;U8;U9\r\n\
               4;3;3;4;2;4;4;3;1\r\n\
               \r\n\
               \"3\"; 3 ;4;4;3;4;3;2;2;\r\n\
               4;4;4;4;4;4;4;4;4\r\n\
               ;;;;;;;;\r\n";
    let from_text = from_csv(csv).unwrap();
    assert_eq!(from_text, from_rows);
    assert_eq!(from_text.respondents(), 3);
    assert_eq!(from_text.counts()[8], [1, 1, 0, 1]);
    // Comma-separated, no header.
    let comma = "4,3,3,4,2,4,4,3,1\n3,3,4,4,3,4,3,2,2\n4,4,4,4,4,4,4,4,4\n";
    assert_eq!(from_csv(comma).unwrap(), from_rows);
    assert_eq!(
        Survey::from_responses(&[[4, 4, 4, 4, 0, 4, 4, 4, 4]]),
        Err(SkmError::Value { row: 1, column: 5, value: "0".into() })
    );
}

#[test]
fn csv_errors_name_the_row_and_column() {
    let head = "No;Persyaratan;Prosedur;Waktu;Biaya;Produk;Kompetensi;Perilaku;Pengaduan;Sarana\n";
    // A header with ten columns is fine; the data rows are checked.
    assert_eq!(
        from_csv(&format!("{head}4;4;4;4;4;4;4;4;4;4\n")),
        Err(SkmError::Columns { row: 2, found: 10 })
    );
    assert_eq!(
        from_csv("4;4;4;4;4;4;4;4;4\n4;4;4;5;4;4;4;4;4\n"),
        Err(SkmError::Value { row: 2, column: 4, value: "5".into() })
    );
    assert_eq!(
        from_csv("4;4;4;4;4;4;4;4;4\n4;4;4;4;;4;4;4;4\n"),
        Err(SkmError::Value { row: 2, column: 5, value: String::new() })
    );
    assert_eq!(
        from_csv("4,4,4,4,4,4,4,4,4\n4,4,4,4,4,4,4,4,baik\n"),
        Err(SkmError::Value { row: 2, column: 9, value: "baik".into() })
    );
    assert_eq!(from_csv("1;2;3\n"), Err(SkmError::Columns { row: 1, found: 3 }));
    assert_eq!(
        from_csv("4;4;4;4;4;4;4;4;4\n3.5;4;4;4;4;4;4;4;4\n"),
        Err(SkmError::Value { row: 2, column: 1, value: "3.5".into() })
    );
    // A typo in the first data row is an error, not a header.
    assert_eq!(
        from_csv("4;4;x;4;4;4;4;4;4\n"),
        Err(SkmError::Value { row: 1, column: 3, value: "x".into() })
    );
    assert_eq!(from_csv("U1;;U3\n4;4;4;4;4;4;4;4;4\n").unwrap().respondents(), 1);
    assert_eq!(from_csv(""), Err(SkmError::NoRespondents));
    assert_eq!(from_csv("\u{feff}"), Err(SkmError::NoRespondents));
    assert_eq!(from_csv(head), Err(SkmError::NoRespondents));
    let e = from_csv("4;4;4;4;4;4;4;4;4\n4;4;4;5;4;4;4;4;4\n").unwrap_err();
    assert_eq!(e.message(Lang::Id), "Baris 2, kolom 4: “5” bukan nilai 1–4.");
    assert_eq!(e.to_string(), "Row 2, column 4: “5” is not a value from 1 to 4.");
}
