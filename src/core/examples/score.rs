//! Prints the core's result for a saved assessment file, as JSON:
//! `cargo run -q -p patuh-core --example score -- penilaian.json`
//! The end-to-end tests compare the app's displayed result with this.

use patuh_core::{instrument, persist, scoring};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: score FILE.json");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let snap = match persist::decode(&text) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e:?}");
            std::process::exit(1);
        }
    };
    let a = &snap.assessment;
    let Some(ins) = instrument::by_id(&a.instrument) else { std::process::exit(1) };
    let r = scoring::assess(ins, a);
    let band = r.band(ins);
    let units: Vec<String> = r
        .units
        .iter()
        .map(|u| format!("\"{}\"", u.exact.map(|e| e.round2().en()).unwrap_or_default()))
        .collect();
    println!(
        "{{\"score\":\"{}\",\"zone\":\"{}\",\"grade\":\"{}\",\"unanswered\":{},\"total\":{},\"units\":[{}]}}",
        band.as_ref().map(|b| b.score.en()).unwrap_or_default(),
        band.as_ref().map(|b| format!("{:?}", b.def.zone).to_lowercase()).unwrap_or_default(),
        band.as_ref().and_then(|b| b.def.grade.clone()).unwrap_or_default(),
        r.unanswered,
        r.total,
        units.join(",")
    );
}
