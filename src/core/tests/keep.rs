//! Keeping work (docs/RELIABILITY.md §Lost work): two tabs never overwrite each other, an opened
//! file never silently replaces a different saved version, and the SKM figures are kept.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use patuh_core::assessment::{Answer, Assessment};
use patuh_core::instrument;
use patuh_core::keep::{
    check_open, check_save, copy_of, skm_decode, skm_encode, Newer, OpenCheck, SaveCheck,
};
use patuh_core::persist::{decode, encode};
use patuh_core::skm::Subject;

const T1: &str = "2026-12-03T16:30:00.000Z";
const T2: &str = "2026-12-03T16:31:05.250Z";

fn sample() -> Assessment {
    let ins = instrument::by_id("ori-2016").unwrap();
    Assessment::new("a1", ins, "Dinas Kependudukan", "Unit 1", "KTP-el")
}

fn answered(a: &Assessment) -> Assessment {
    let ins = instrument::by_id("ori-2016").unwrap();
    let mut b = a.clone();
    let p = b.places()[0].clone();
    let id = ins.sections[0].indicators[0].id.clone();
    b.set_answer(ins, &p, &id, Some(Answer::Value("ada".into())));
    b
}

#[test]
fn a_tab_overwrites_only_the_version_it_last_saw() {
    // New assessment, nothing stored; the tab's own next save; a deleted save.
    assert_eq!(check_save(None, None), SaveCheck::Write);
    assert_eq!(check_save(Some(T1), Some(T1)), SaveCheck::Write);
    assert_eq!(check_save(Some(T1), None), SaveCheck::Write);
    // Another tab saved since (whatever its clock says, later or earlier).
    assert_eq!(check_save(Some(T1), Some(T2)), SaveCheck::Conflict);
    assert_eq!(check_save(Some(T2), Some(T1)), SaveCheck::Conflict);
    // A tab that never read this id finds one stored (a file of a saved assessment): not silently.
    assert_eq!(check_save(None, Some(T1)), SaveCheck::Conflict);
}

#[test]
fn an_old_file_without_a_save_time_is_still_saved_over_by_the_tab_that_opened_it() {
    // Files of format 1 may lack `saved_at` (it defaults to ""): the tab that read "" may write.
    let old = encode(&sample(), "").replace("  \"saved_at\": \"\",\n", "");
    assert!(!old.contains("saved_at"));
    let s = decode(&old).unwrap();
    assert_eq!(s.saved_at, "");
    assert_eq!(check_save(Some(&s.saved_at), Some("")), SaveCheck::Write);
    assert_eq!(check_save(Some(&s.saved_at), Some(T1)), SaveCheck::Conflict);
}

#[test]
fn the_shipped_old_files_still_open_and_compare() {
    for name in ["format-v1-ori-2016.json", "format-v1-ori-2022.json"] {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let s = decode(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert_eq!(check_open(&s, Some(&s)), OpenCheck::Same, "{name}");
        assert_eq!(check_open(&s, None), OpenCheck::New, "{name}");
    }
}

#[test]
fn opening_a_file_of_a_saved_assessment_asks_when_they_differ_and_says_which_is_newer() {
    let saved_doc = answered(&sample());
    let snap = |a: &Assessment, at: &str| decode(&encode(a, at)).unwrap();
    let older_file = snap(&sample(), T1);
    let saved = snap(&saved_doc, T2);
    assert_eq!(check_open(&older_file, None), OpenCheck::New);
    assert_eq!(check_open(&snap(&saved_doc, T1), Some(&saved)), OpenCheck::Same);
    assert_eq!(check_open(&older_file, Some(&saved)), OpenCheck::Differs { newer: Newer::Saved });
    let newer_file = snap(&sample(), "2026-12-04T08:00:00.000Z");
    assert_eq!(check_open(&newer_file, Some(&saved)), OpenCheck::Differs { newer: Newer::File });
    // A time patuh does not write (typed by hand, another zone, empty): not guessed.
    for at in ["", "kemarin", "2026-11-20T09:30:00+07:00", "2026-12-03T16:30:00Z"] {
        let f = snap(&sample(), at);
        assert_eq!(
            check_open(&f, Some(&saved)),
            OpenCheck::Differs { newer: Newer::Unknown },
            "{at}"
        );
    }
}

#[test]
fn a_separate_copy_has_a_new_id_and_a_marked_name_and_the_same_answers() {
    let a = answered(&sample());
    let c = copy_of(&a, "b2");
    assert_eq!(c.id, "b2");
    assert_eq!(c.opd, "Dinas Kependudukan (2)");
    assert_eq!(c.units, a.units);
    assert_eq!(c.instrument, a.instrument);
}

#[test]
fn skm_figures_round_trip_and_anything_else_is_nothing_kept() {
    let mut c = [[0u32; 4]; 9];
    c[0] = [0, 0, 55, 45];
    c[8] = [1, 2, 3, 4_000_000];
    let none = Subject::default();
    assert_eq!(skm_decode(&skm_encode(&c, &none)), Some((c, none.clone())));
    // With whose result it is (docs/SKM.md §Whose result), hostile text included.
    let named = Subject::new("Loket \"KK\" <b>", "Dinas Dukcapil", "Januari–Juni 2026");
    assert_eq!(skm_decode(&skm_encode(&c, &named)), Some((c, named)));
    // Kept by an earlier build (counts only): read, no names.
    let earlier = r#"{"counts":[[0,0,55,45],[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0],[1,2,3,4]],"format":"patuh-skm-angka","format_version":1}"#;
    assert_eq!(skm_decode(earlier).map(|(_, s)| s), Some(none));
    for bad in [
        "",
        "{",
        "[]",
        r#"{"format":"patuh-penilaian-mandiri","format_version":1,"counts":[]}"#,
        r#"{"format":"patuh-skm-angka","format_version":2,"counts":[]}"#,
        r#"{"format":"patuh-skm-angka","format_version":1,"counts":[[1,2,3,4]]}"#,
        r#"{"format":"patuh-skm-angka","format_version":1,"counts":[[1,2,3],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4]]}"#,
        r#"{"format":"patuh-skm-angka","format_version":1,"unit":7,"counts":[[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0]]}"#,
        r#"{"format":"patuh-skm-angka","format_version":1,"counts":[[-1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4]]}"#,
    ] {
        assert_eq!(skm_decode(bad), None, "{bad}");
    }
}
