//! Fuzz target: the file decoder must never panic, whatever the bytes (docs/PERFORMANCE.md). Valid
//! inputs must also re-encode and decode to the same assessment.
#![no_main]

use libfuzzer_sys::fuzz_target;
use patuh_core::persist::{decode, encode};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(snap) = decode(&text) {
        let again = encode(&snap.assessment, &snap.saved_at);
        let back = decode(&again).map(|s| s.assessment);
        assert_eq!(back.as_ref(), Ok(&snap.assessment));
    }
});
