//! Native figures for `make bench` (printed, never asserted) and the 100-product fixture the
//! browser benchmark loads: `cargo run --release -p patuh-core --example bench -- [--write FILE]`.

use std::time::Instant;

use patuh_core::assessment::{Answer, Assessment};
use patuh_core::{gaps, instrument, persist, scoring, Instrument};

/// An assessment of `units` × `per_unit` products with a deterministic mix of answers.
fn generate(ins: &Instrument, units: usize, per_unit: usize, seed: usize) -> Assessment {
    let mut a = Assessment::new(
        &format!("bench{seed}"),
        ins,
        &format!("Dinas Uji {seed}"),
        "Unit 1",
        "Produk 1",
    );
    a.date = "2026-11-23".into();
    let u0 = a.units[0].id.clone();
    for p in 1..per_unit {
        a.add_product(&u0, &format!("Produk {}", p + 1));
    }
    for u in 1..units {
        let id = a.add_unit(&format!("Unit {}", u + 1));
        for p in 0..per_unit {
            a.add_product(&id, &format!("Produk {}", p + 1));
        }
    }
    let opts: Vec<String> = ins.scale.options.iter().map(|o| o.value.clone()).collect();
    for (k, place) in a.places().into_iter().enumerate() {
        for (j, (_, i)) in ins.indicators().enumerate() {
            let v = match (k * 7 + j * 3 + seed) % 11 {
                0 => Answer::NotApplicable,
                r => Answer::Value(opts[(r + j) % opts.len()].clone()),
            };
            a.set_answer(ins, &place, &i.id, Some(v));
        }
    }
    a
}

fn time<T>(label: &str, reps: u32, mut f: impl FnMut() -> T) -> T {
    let mut out = f();
    let t = Instant::now();
    for _ in 0..reps {
        out = f();
    }
    let ms = t.elapsed().as_secs_f64() * 1000.0 / f64::from(reps);
    println!("  {label:<52} {ms:>9.3} ms");
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let ins16 = instrument::by_id("ori-2016").unwrap_or_else(|| std::process::exit(1));
    let ins22 = instrument::by_id("ori-2022").unwrap_or_else(|| std::process::exit(1));
    let big = generate(ins16, 10, 10, 0);
    if let Some(i) = args.iter().position(|a| a == "--write-many") {
        // N ori-2022 files of different OPDs (1–3 units each), for the recap tests and benchmark.
        let dir = args.get(i + 1).cloned().unwrap_or_else(|| "recap-files".into());
        let n: usize = args.get(i + 2).and_then(|s| s.parse().ok()).unwrap_or(50);
        if std::fs::create_dir_all(&dir).is_err() {
            std::process::exit(1);
        }
        for k in 0..n {
            let mut a = generate(ins22, 1 + k % 3, 2, k);
            a.opd = format!("Dinas {:02}", k + 1);
            a.id = format!("opd{k:02}");
            let path = format!("{dir}/penilaian-{k:02}.json");
            if std::fs::write(&path, persist::encode(&a, "2026-11-23T00:00:00Z")).is_err() {
                std::process::exit(1);
            }
        }
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--write") {
        let path = args.get(i + 1).cloned().unwrap_or_else(|| "bench-100.json".into());
        if std::fs::write(&path, persist::encode(&big, "2026-11-23T00:00:00Z")).is_err() {
            std::process::exit(1);
        }
        return;
    }
    let answers: usize = big
        .units
        .iter()
        .map(|u| u.answers.len() + u.products.iter().map(|p| p.answers.len()).sum::<usize>())
        .sum();
    println!("native (release), 100 service products of ori-2016 ({answers} answers):");
    time("score (assess)", 20, || scoring::assess(ins16, &big));
    time("gap list + next-band plans", 3, || gaps::next_plans(ins16, &big).len());
    let text = time("encode JSON", 20, || persist::encode(&big, "x"));
    println!("  {:<52} {:>9} bytes", "JSON file size", text.len());
    time("decode + validate JSON", 20, || persist::decode(&text).is_ok());
    let now = "2026-11-23T00:00:00Z";
    let report = time("report model (report::build)", 5, || {
        patuh_core::report::build(ins16, &big, patuh_core::Lang::Id, now)
    });
    let html = time("HTML report (build + render)", 5, || {
        patuh_core::report::html::render(
            &patuh_core::report::build(ins16, &big, patuh_core::Lang::Id, now),
            &text,
        )
    });
    println!("  {:<52} {:>9} bytes", "HTML report size", html.len());
    let pdf = time("PDF report (build + render)", 5, || {
        patuh_core::report::pdf::render(&patuh_core::report::build(
            ins16,
            &big,
            patuh_core::Lang::Id,
            now,
        ))
    });
    println!("  {:<52} {:>9} bytes", "PDF size", pdf.len());
    time("CSV (render)", 5, || patuh_core::report::csv::render(&report, b';').len());
    let files: Vec<(String, String)> = (0..50)
        .map(|k| {
            let mut a = generate(ins22, 1 + k % 3, 2, k);
            a.opd = format!("Dinas {k}");
            (format!("f{k}.json"), persist::encode(&a, now))
        })
        .collect();
    time("recap of 50 OPD files (decode + score + aggregate)", 5, || {
        patuh_core::recap::recap(&files).groups.len()
    });
    let big22 = generate(ins22, 20, 5, 1);
    time("score ori-2022, 20 units × 5 products", 20, || scoring::assess(ins22, &big22));
}
