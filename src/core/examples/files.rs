//! Writes the files the end-to-end test of opening files chooses (`tests/e2e/files.mjs`):
//! `cargo run -q -p patuh-core --example files -- DIR` writes into DIR a patuh JSON file
//! (`penilaian.json`), the same assessment's evidence bundle as patuh writes it (`bundel.zip`,
//! stored) and unpacked (`bundel/`, for re-zipping with other tools), and the HTML report of a
//! file whose note is 1.5 million `<` (`catatan-panjang.html`: its escaped data block is over
//! 5 MiB, the file itself is not).

use patuh_core::assessment::{Answer, Assessment};
use patuh_core::instrument::{self, Lang};
use patuh_core::{bundle, persist, report};

const NOW: &str = "2026-11-23T10:15:30+07:00";

fn write(path: &str, bytes: &[u8]) {
    if let Err(e) = std::fs::write(path, bytes) {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    }
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: files DIR");
        std::process::exit(2);
    };
    let Some(ins) = instrument::by_id("ori-2016") else { std::process::exit(1) };
    let mut a =
        Assessment::new("e2e-files", ins, "Dinas Arsip", "Unit Layanan", "Peminjaman Arsip");
    let place = a.places()[0].clone();
    for (k, (_, i)) in ins.indicators().enumerate() {
        let v = if k % 3 == 0 { "tidak_ada" } else { "ada" };
        a.set_answer(ins, &place, &i.id, Some(Answer::Value(v.into())));
    }
    let json = persist::encode(&a, NOW);
    let page = report::html::render(&report::build(ins, &a, Lang::Id, NOW), &json);
    let zip = bundle::write(&json, Some(&page), &[]).unwrap_or_default();
    let _ = std::fs::create_dir_all(format!("{dir}/bundel"));
    write(&format!("{dir}/penilaian.json"), json.as_bytes());
    write(&format!("{dir}/bundel.zip"), &zip);
    write(&format!("{dir}/bundel/penilaian.json"), json.as_bytes());
    write(&format!("{dir}/bundel/laporan.html"), page.as_bytes());
    write(&format!("{dir}/bundel/BACA-SAYA.txt"), bundle::README.as_bytes());
    let first = ins.indicators().next().map(|(_, i)| i.id.clone()).unwrap_or_default();
    a.edit(ins, &place, &first, |e| e.note = "<".repeat(1_500_000));
    let long = persist::encode(&a, NOW);
    let page = report::html::render(&report::build(ins, &a, Lang::Id, NOW), &long);
    write(&format!("{dir}/catatan-panjang.html"), page.as_bytes());
}
