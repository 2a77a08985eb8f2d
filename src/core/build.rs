//! Compiles `catalogue.json` into Rust (`$OUT_DIR/catalogue.rs`), so the app lists its instruments
//! without parsing JSON at start-up (docs/PERFORMANCE.md). The file
//! stays the one source; `tests/instruments.rs` keeps it equal to the instrument files.

// A build script fails the build with a message: that is what `expect` does here.
#![allow(clippy::expect_used)]

use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=catalogue.json");
    let text = std::fs::read_to_string("catalogue.json").expect("catalogue.json is readable");
    let list: Vec<serde_json::Value> =
        serde_json::from_str(&text).expect("catalogue.json is a JSON array");
    let s = |v: &serde_json::Value, k: &str| -> String {
        let x = v[k].as_str().unwrap_or_else(|| panic!("catalogue.json: `{k}` is not a string"));
        format!("{x:?}")
    };
    let loc = |v: &serde_json::Value, k: &str| {
        format!("Localized {{ id: {}.into(), en: {}.into() }}", s(&v[k], "id"), s(&v[k], "en"))
    };
    let mut out = String::from("vec![\n");
    for v in &list {
        let provisional =
            v["provisional"].as_bool().expect("catalogue.json: `provisional` is a boolean");
        writeln!(
            out,
            "Listing {{ id: {}.into(), version: {}.into(), title: {}, years: {}.into(), \
             purpose: {}, legal_basis: {}, summary: {}, provisional: {provisional}, \
             file: {}.into() }},",
            s(v, "id"),
            s(v, "version"),
            loc(v, "title"),
            s(v, "years"),
            loc(v, "purpose"),
            loc(v, "legal_basis"),
            loc(v, "summary"),
            s(v, "file"),
        )
        .expect("writing to a String");
    }
    out.push(']');
    let dest =
        std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("catalogue.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
