//! The save format round-trips, and bad input is refused with a reason, never a panic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use patuh_core::assessment::{Answer, Assessment};
use patuh_core::instrument;
use patuh_core::persist::{decode, encode, DecodeError, MAX_BYTES};

fn sample() -> Assessment {
    let ins = instrument::by_id("ori-2016").unwrap();
    let mut a = Assessment::new("a1", ins, "Dinas \"<Dukcapil>\" \u{2028}", "Unit 1", "KTP-el");
    a.assessor_name = "Siti".into();
    let p = a.places()[0].clone();
    let id = ins.sections[0].indicators[0].id.clone();
    a.set_answer(ins, &p, &id, Some(Answer::Value("ada".into())));
    a.edit(ins, &p, &id, |e| {
        e.note = "</script><b>catatan</b>".into();
        e.links.push("https://example.go.id/sp.pdf".into());
        e.review = true;
    });
    let id2 = ins.sections[0].indicators[1].id.clone();
    a.set_answer(ins, &p, &id2, Some(Answer::NotApplicable));
    a
}

#[test]
fn save_open_save_is_identical() {
    let text = encode(&sample(), "2026-11-23T10:00:00Z");
    let back = decode(&text).unwrap();
    assert_eq!(back.assessment, sample());
    assert_eq!(encode(&back.assessment, &back.saved_at), text);
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    assert!(matches!(decode("{ not json"), Err(DecodeError::NotJson)));
    assert!(matches!(decode(""), Err(DecodeError::NotJson)));
    assert!(matches!(decode("[1,2]"), Err(DecodeError::NotOurs)));
    assert!(matches!(decode(r#"{"format":"other"}"#), Err(DecodeError::NotOurs)));
    let big = " ".repeat(MAX_BYTES + 1);
    assert_eq!(decode(&big), Err(DecodeError::TooLarge));
    let text = encode(&sample(), "x");
    let newer = text.replace("\"format_version\": 1", "\"format_version\": 99");
    assert_eq!(decode(&newer), Err(DecodeError::NewerFormat(99)));
    let other = text.replace("\"instrument\": \"ori-2016\"", "\"instrument\": \"ori-1999\"");
    assert_eq!(decode(&other), Err(DecodeError::UnknownInstrument("ori-1999".into())));
    let ver = text.replace("\"instrument_version\": \"1\"", "\"instrument_version\": \"0.9\"");
    assert!(matches!(decode(&ver), Err(DecodeError::InstrumentVersion { .. })));
    let bad_answer = text.replace("\"answer\": \"ada\"", "\"answer\": \"maybe\"");
    assert!(matches!(decode(&bad_answer), Err(DecodeError::Invalid(_))));
    let ins = instrument::by_id("ori-2016").unwrap();
    let id = &ins.sections[0].indicators[0].id;
    let bad_id = text.replace(&format!("\"{id}\""), "\"no-such-indicator\"");
    assert!(matches!(decode(&bad_id), Err(DecodeError::Invalid(_))));
    let no_units = text.replace("\"units\": [", "\"units\": [], \"x\": [");
    assert!(decode(&no_units).is_err());
}

#[test]
fn truncated_files_never_panic() {
    let text = encode(&sample(), "x");
    for cut in (0..text.len()).step_by(7) {
        if text.is_char_boundary(cut) {
            let _ = decode(&text[..cut]);
        }
    }
}

#[test]
fn a_bom_from_a_windows_editor_is_accepted() {
    let text = format!("\u{feff}{}", encode(&sample(), "x"));
    assert!(decode(&text).is_ok());
}

#[test]
fn file_names_are_slugged_safely() {
    use patuh_core::persist::file_name;
    assert_eq!(
        file_name("Dinas Kependudukan & Capil", "2026-11-23", "json"),
        "penilaian-mandiri_dinas-kependudukan-capil_2026-11-23.json"
    );
    assert_eq!(
        file_name("../../etc/passwd", "2026-11-23", "csv"),
        "penilaian-mandiri_etc-passwd_2026-11-23.csv"
    );
    assert_eq!(file_name("<script>", "", "html"), "penilaian-mandiri_script_tanpa-tanggal.html");
    assert_eq!(file_name("🙂", "2026-01-01", "pdf"), "penilaian-mandiri_opd_2026-01-01.pdf");
    // A long name is cut between words, never inside one ("…-satu-pintu", not "…-kabup").
    assert_eq!(
        file_name(
            "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Sleman",
            "2026-12-04",
            "json"
        ),
        "penilaian-mandiri_dinas-penanaman-modal-dan-pelayanan-terpadu-satu-pintu_2026-12-04.json"
    );
    // Exactly at a word's end, the word stays; one word of 70 letters is cut at 60.
    let sixty = "a".repeat(60);
    assert_eq!(
        file_name(&format!("{sixty} b"), "", "csv"),
        format!("penilaian-mandiri_{sixty}_tanpa-tanggal.csv")
    );
    assert_eq!(
        file_name(&"x".repeat(70), "", "csv"),
        format!("penilaian-mandiri_{}_tanpa-tanggal.csv", "x".repeat(60))
    );
}

/// Files saved by the first released format (made through the app's UI by the end-to-end walk) must
/// keep opening unchanged and scoring the same: the regression guard against "my old file no longer
/// opens". A future format version adds its migration test next to these.
#[test]
fn format_version_1_fixtures_still_open_identically() {
    use patuh_core::scoring::assess;
    for (name, text, score) in [
        ("ori-2016", include_str!("fixtures/format-v1-ori-2016.json"), "71.81"),
        ("ori-2022", include_str!("fixtures/format-v1-ori-2022.json"), "57.03"),
    ] {
        let snap = decode(text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(snap.format_version, 1);
        // ori-2022 data version 1 opens as version 2 (same ids, docs/FORMAT.md §Migration): the
        // file re-encodes byte for byte apart from that version.
        let want = text.replace(
            "\"instrument_version\": \"1\"",
            &format!("\"instrument_version\": \"{}\"", snap.assessment.instrument_version),
        );
        assert_eq!(encode(&snap.assessment, &snap.saved_at), want, "{name} re-encodes");
        let ins = instrument::by_id(&snap.assessment.instrument).unwrap();
        assert_eq!(assess(ins, &snap.assessment).band(ins).unwrap().score.en(), score, "{name}");
    }
}
