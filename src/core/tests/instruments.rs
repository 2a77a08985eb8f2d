//! Every shipped instrument file parses with the real model and satisfies its invariants.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use patuh_core::instrument::{self, Confidence, Instrument, Method, Scope, Zone};

#[test]
fn every_shipped_file_parses_and_validates() {
    for (name, raw) in instrument::raw_files() {
        let ins = Instrument::from_json(raw).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(ins.id, name);
        let problems = ins.validate();
        assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
    }
    assert_eq!(instrument::all().len(), instrument::raw_files().len());
}

#[test]
fn ori_2016_has_the_checklist_variables_and_published_zones() {
    let ins = instrument::by_id("ori-2016").unwrap();
    assert_eq!(ins.scoring.method, Method::Fulfilment);
    let ids: Vec<&str> = ins.sections.iter().map(|s| s.id.as_str()).collect();
    for v in [
        "standar-pelayanan",
        "maklumat",
        "sistem-informasi",
        "sarana-prasarana",
        "pelayanan-khusus",
        "pengelolaan-pengaduan",
        "penilaian-kinerja",
        "visi-misi-moto",
        "atribut",
        "pelayanan-terpadu",
        "rekognisi",
    ] {
        assert!(ids.contains(&v), "missing variable {v}");
    }
    assert_eq!(ins.sections[0].indicators.len(), 5, "the five service-standard components");
    let bands: Vec<(u32, Zone)> = ins.bands.iter().map(|b| (b.min, b.zone)).collect();
    assert_eq!(bands, vec![(0, Zone::Merah), (5100, Zone::Kuning), (8100, Zone::Hijau)]);
    assert_eq!(ins.bands[2].label.id, "Kepatuhan Tinggi");
    assert!(ins.scoring.weights_assumed.is_some(), "equal weights must be flagged assumed");
    let rek = ins.sections.iter().find(|s| s.id == "rekognisi").unwrap();
    assert!(rek.assumed.is_some() && rek.indicators.iter().all(|i| i.confidence == Confidence::U));
}

#[test]
fn ori_2022_has_official_dimension_weights_and_grades() {
    let ins = instrument::by_id("ori-2022").unwrap();
    assert_eq!(ins.scoring.method, Method::DimensionPoints);
    let dims: Vec<(&str, Option<u32>)> =
        ins.sections.iter().map(|s| (s.id.as_str(), s.max_points)).collect();
    assert_eq!(
        dims,
        vec![
            ("input", Some(2185)),
            ("proses", Some(3237)),
            ("output", Some(2424)),
            ("pengaduan", Some(2154))
        ]
    );
    assert_eq!(ins.sections[0].indicators.len(), 15);
    assert_eq!(ins.sections[1].indicators.len(), 12, "11 indicators, maklumat split in two");
    assert_eq!(ins.sections[2].indicators.len(), 5);
    assert!(ins.sections[2].projection, "output is a projection");
    assert!(
        ins.sections[3].assumed.is_some()
            && ins.sections[3].indicators.iter().all(|i| i.assumed.is_some())
    );
    assert!(ins.sections[1].indicators.iter().all(|i| i.scope == Scope::Product));
    assert!(ins.scale.assumed.is_some(), "0–3 level descriptions are ours");
    assert_eq!(ins.scale.max, 3);
    let grades: Vec<(u32, &str, Zone)> =
        ins.bands.iter().map(|b| (b.min, b.grade.as_deref().unwrap(), b.zone)).collect();
    assert_eq!(
        grades,
        vec![
            (0, "E", Zone::Merah),
            (3200, "D", Zone::Merah),
            (5400, "C", Zone::Kuning),
            (7800, "B", Zone::Hijau),
            (8800, "A", Zone::Hijau)
        ]
    );
}

#[test]
fn validation_catches_broken_data() {
    let mut ins = instrument::by_id("ori-2022").unwrap().clone();
    ins.sections[0].max_points = Some(2000);
    ins.sections[1].indicators[1].id = ins.sections[1].indicators[0].id.clone();
    ins.sections[3].indicators[0].assumed = None;
    ins.sections[3].assumed = None;
    ins.bands.swap(1, 2);
    let p = ins.validate().join("\n");
    assert!(p.contains("sum to 100.00"), "{p}");
    assert!(p.contains("duplicate id"), "{p}");
    assert!(p.contains("not flagged assumed"), "{p}");
    assert!(p.contains("strictly increasing"), "{p}");
}

/// A question about a maladministration that should not happen is answered "Tidak terjadi" for
/// full points, not "Tidak ada" for none; a share is answered "Seluruhnya". The words change, the
/// values and points do not (docs/SCORING.md §Scale words).
#[test]
fn questions_the_general_words_do_not_fit_have_their_own() {
    let i22 = instrument::by_id("ori-2022").unwrap();
    let output = i22.sections.iter().find(|s| s.id == "output").unwrap();
    for ind in &output.indicators {
        let scale = i22.scale_of(ind);
        assert_eq!(scale.options[3].label.id, "3 · Tidak terjadi", "{}", ind.id);
        assert_eq!(scale.options[0].label.id, "0 · Sering terjadi", "{}", ind.id);
        assert!(!ind.text.id.starts_with("Tidak ada"), "{}: no double negative", ind.id);
    }
    let i25 = instrument::by_id("ori-2025").unwrap();
    let share = i25.indicator("in-usulan").unwrap();
    assert_eq!(i25.scale_of(share).options[3].label.id, "3 · Seluruhnya");
    // Every other question keeps the instrument's words.
    let first = &i22.sections[0].indicators[0];
    assert!(std::ptr::eq(i22.scale_of(first), &i22.scale));
    // The report and its answer column use the question's words.
    let mut a = patuh_core::Assessment::new("a", i22, "Dinas", "Unit", "Produk");
    let p = a.places()[0].clone();
    a.set_answer(i22, &p, "out-penundaan", Some(patuh_core::Answer::Value("3".into())));
    let r = patuh_core::report::build(i22, &a, patuh_core::Lang::Id, "2026-12-03T10:00:00.000Z");
    let row = r.units[0].indicators.iter().find(|row| row.id == "out-penundaan").unwrap();
    assert_eq!(row.answer, "3 · Tidak terjadi");
    assert_eq!(row.points, Some(3));
}

#[test]
fn other_words_must_keep_the_values_and_points_of_the_scale() {
    let mut ins = instrument::by_id("ori-2022").unwrap().clone();
    ins.scales[0].scale.options[3].points = 2;
    ins.sections[0].indicators[0].scale = Some("nowhere".into());
    let p = ins.validate().join("\n");
    assert!(p.contains("the same values and points"), "{p}");
    assert!(p.contains("its scale is defined"), "{p}");
}

/// The catalogue the app's start screen shows (and checks saves against) says what the files say.
#[test]
fn the_catalogue_lists_every_file_as_it_is() {
    let cat = instrument::catalogue();
    assert_eq!(cat.len(), instrument::all().len());
    for (l, i) in cat.iter().zip(instrument::all()) {
        assert_eq!(
            (&l.id, &l.version, &l.title, &l.years, &l.legal_basis, &l.summary, l.provisional),
            (&i.id, &i.version, &i.title, &i.years, &i.legal_basis, &i.summary, i.provisional),
            "catalogue.json is out of date for {}",
            i.id
        );
        assert_eq!(l.file, format!("{}.json", i.id));
        assert!(std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("instruments")
            .join(&l.file)
            .is_file());
    }
}
