//! Instruments fetched at run time (docs/PERFORMANCE.md).
//! Run without the compiled-in files, as the app is built:
//!   cargo test -p patuh-core --no-default-features --test registry   (make host-test does)
#![cfg(not(feature = "embedded-instruments"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use patuh_core::instrument::{self, register, RegisterError};
use patuh_core::persist::{self, DecodeError};

fn file(id: &str) -> String {
    std::fs::read_to_string(format!("{}/instruments/{id}.json", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
}

/// A real save of `id`, made with the instrument registered.
fn save_of(id: &str) -> String {
    let ins = register(id, &file(id)).unwrap();
    let a = patuh_core::Assessment::new("x1", ins, "Dinas", "Unit", "Produk");
    persist::encode(&a, "2026-11-23T10:00:00Z")
}

#[test]
fn nothing_is_known_until_registered_and_the_catalogue_lists_every_file() {
    let ids: Vec<&str> = instrument::catalogue().iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["ori-2016", "ori-2022", "ori-2025"]);
    // ori-2025 is registered by no other test of this file.
    assert!(instrument::by_id("ori-2025").is_none());
    let ins = register("ori-2025", &file("ori-2025")).unwrap();
    assert!(std::ptr::eq(instrument::by_id("ori-2025").unwrap(), ins));
    assert!(std::ptr::eq(register("ori-2025", &file("ori-2025")).unwrap(), ins), "parsed once");
}

#[test]
fn a_file_that_is_not_what_the_catalogue_lists_is_refused() {
    assert_eq!(
        register("ori-1999", &file("ori-2016")),
        Err(RegisterError::Unknown("ori-1999".into()))
    );
    assert!(matches!(
        register("ori-2022", "<!doctype html>offline"),
        Err(RegisterError::Invalid(_))
    ));
    assert!(matches!(register("ori-2022", &file("ori-2016")), Err(RegisterError::Mismatch { .. })));
    let stale = file("ori-2022").replacen("\"version\": \"", "\"version\": \"0-", 1);
    assert!(matches!(register("ori-2022", &stale), Err(RegisterError::Mismatch { .. })));
    assert!(instrument::by_id("ori-2022").is_none(), "nothing refused was kept");
}

#[test]
fn a_save_is_peeked_before_and_decoded_after_its_instrument_is_loaded() {
    let text = save_of("ori-2016");
    let peeked = persist::peek(&text).unwrap();
    assert_eq!(peeked.assessment.instrument, "ori-2016");
    assert_eq!(persist::decode(&text).unwrap(), peeked);
    let unknown = text.replace("\"instrument\": \"ori-2016\"", "\"instrument\": \"ori-1999\"");
    assert_eq!(persist::peek(&unknown), Err(DecodeError::UnknownInstrument("ori-1999".into())));
    let old = text.replace("\"instrument_version\": \"1\"", "\"instrument_version\": \"0\"");
    assert!(matches!(persist::peek(&old), Err(DecodeError::InstrumentVersion { .. })));
    // The start screen's entry: the same checks, and what it lists.
    let e = persist::entry(&text).unwrap();
    let a = &peeked.assessment;
    assert_eq!(
        (e.id.as_str(), e.opd.as_str(), e.instrument.as_str()),
        (a.id.as_str(), a.opd.as_str(), "ori-2016")
    );
    assert_eq!(e.saved_at, peeked.saved_at);
    assert_eq!(persist::entry(&unknown), Err(DecodeError::UnknownInstrument("ori-1999".into())));
    assert!(matches!(persist::entry(&old), Err(DecodeError::InstrumentVersion { .. })));
    assert!(matches!(persist::entry(&text[..text.len() / 2]), Err(DecodeError::NotJson)));
    assert_eq!(persist::entry("{\"format\": \"lain\"}"), Err(DecodeError::NotOurs));
    // The same rules for fields read by another JSON reader (the browser's, in the first load).
    let head = |format: &str, version: u64, ins: &str, ins_version: &str| persist::Head {
        format: Some(format.into()),
        format_version: Some(version),
        saved_at: e.saved_at.clone(),
        id: e.id.clone(),
        opd: e.opd.clone(),
        instrument: ins.into(),
        instrument_version: ins_version.into(),
    };
    assert_eq!(persist::entry_of(head(persist::FORMAT, 1, "ori-2016", "1")), Ok(e.clone()));
    assert_eq!(persist::entry_of(head("lain", 1, "ori-2016", "1")), Err(DecodeError::NotOurs));
    assert_eq!(
        persist::entry_of(head(persist::FORMAT, 9, "ori-2016", "1")),
        Err(DecodeError::NewerFormat(9))
    );
    assert!(matches!(
        persist::entry_of(head(persist::FORMAT, 0, "ori-2016", "1")),
        Err(DecodeError::Invalid(_))
    ));
    assert_eq!(
        persist::entry_of(head(persist::FORMAT, 1, "ori-1999", "1")),
        Err(DecodeError::UnknownInstrument("ori-1999".into()))
    );
    assert!(matches!(
        persist::entry_of(head(persist::FORMAT, 1, "ori-2016", "0")),
        Err(DecodeError::InstrumentVersion { .. })
    ));
}
