//! Helpers shared by the core's integration tests (each test file has `mod common;`): instrument
//! look-up, answer setters, the sample assessments, generated OPD files, CSV parsing and the
//! poppler runners of the PDF tests.
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use patuh_core::assessment::{Answer, Assessment, Place};
use patuh_core::instrument::{self, Instrument, Lang};
use patuh_core::persist::encode;
use patuh_core::report::{self, Report};
use patuh_core::skm::{Counts, Survey, N_UNSUR};

// ---------------------------------------------------------------------------------------------
// Instruments and answers
// ---------------------------------------------------------------------------------------------

pub fn ins(id: &str) -> &'static Instrument {
    instrument::by_id(id).unwrap()
}

/// Answers one indicator: `"tb"` is "Tidak berlaku", anything else a value; the indicator must
/// exist.
pub fn set(ins: &Instrument, a: &mut Assessment, place: &Place, id: &str, v: &str) {
    let answer = if v == "tb" { Answer::NotApplicable } else { Answer::Value(v.into()) };
    assert!(ins.indicator(id).is_some(), "unknown indicator {id}");
    a.set_answer(ins, place, id, Some(answer));
}

/// Answers (or, with `None`, clears) one indicator: `"tb"` is "Tidak berlaku".
pub fn set_opt(ins: &Instrument, a: &mut Assessment, p: &Place, id: &str, v: Option<&str>) {
    let ans = v.map(|v| if v == "tb" { Answer::NotApplicable } else { Answer::Value(v.into()) });
    a.set_answer(ins, p, id, ans);
}

/// Answers every indicator of one place with `v`.
pub fn set_all(ins: &Instrument, a: &mut Assessment, place: &Place, v: &str) {
    for (_, i) in ins.indicators() {
        set(ins, a, place, &i.id, v);
    }
}

/// Answers every indicator of every place with `v`.
pub fn answer_all(ins: &Instrument, a: &mut Assessment, v: &str) {
    for p in a.places() {
        for (_, i) in ins.indicators() {
            a.set_answer(ins, &p, &i.id, Some(Answer::Value(v.into())));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Sample assessments
// ---------------------------------------------------------------------------------------------

/// ori-2016, one unit, two products (hand-computed in the comments).
///
/// Unit-wide (16): all "ada" except sa-toilet, sa-ruang-tunggu, pg-petugas, rk-rekognisi (absent)
/// and pk-sarpras (not applicable): 11 of 15 applicable.
/// P1 (5 product indicators): sp-jangka-waktu absent, sp-biaya n/a: 3 of 4 → P1 = 14/19.
/// P2: sp-persyaratan unanswered (counts 0), the rest present: 4 of 5 → P2 = 15/20.
/// OPD = (14/19 + 15/20) / 2 × 100 = 565/760 × 100 = 74.342… → 74.34, kuning.
pub fn sample_2016() -> Assessment {
    let i = ins("ori-2016");
    let mut a = Assessment::new(
        "a-2016",
        i,
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Unit Pelayanan",
        "KTP-el",
    );
    let u = a.units[0].id.clone();
    a.add_product(&u, "Kartu Keluarga");
    a.pemda = "Kabupaten Contoh".into();
    a.period = "2026".into();
    a.date = "2026-11-23".into();
    a.assessor_name = "Siti Rahma".into();
    a.assessor_position = "Analis Pelayanan".into();
    let places = a.places();
    let (p1, p2) = (places[0].clone(), places[1].clone());
    set_all(i, &mut a, &p1, "ada");
    set_all(i, &mut a, &p2, "ada");
    for id in ["sa-toilet", "sa-ruang-tunggu", "pg-petugas", "rk-rekognisi"] {
        set(i, &mut a, &p1, id, "tidak_ada");
    }
    set(i, &mut a, &p1, "pk-sarpras", "tb");
    set(i, &mut a, &p1, "sp-jangka-waktu", "tidak_ada");
    set(i, &mut a, &p1, "sp-biaya", "tb");
    a.set_answer(i, &p2, "sp-persyaratan", None);
    a.edit(i, &p1, "sp-jangka-waktu", |e| {
        e.note = "Papan informasi belum memuat jangka waktu".into();
        e.links.push("https://contoh.go.id/standar-pelayanan.pdf".into());
        e.review = true;
    });
    a
}

/// ori-2022, one unit, one product, all answered (hand-computed in the comments).
///
/// Input all 3 → 21.85; Proses all 2 → 32.37 × 2/3 = 21.58; Output all 1 → 24.24 / 3 = 8.08;
/// Pengaduan all 3 but pg-waktu 0 → 21.54 × 24/27 = 19.1466…; sum 70.6566… → 70.66, C, kuning.
pub fn sample_2022() -> Assessment {
    let i = ins("ori-2022");
    let mut a = Assessment::new("a-2022", i, "Dinas Kesehatan", "Puskesmas Watdek", "Rawat jalan");
    a.assessor_name = "Budi".into();
    let p = a.places()[0].clone();
    let values = ["3", "2", "1", "3"];
    for (sec, v) in i.sections.iter().zip(values) {
        for ind in &sec.indicators {
            set(i, &mut a, &p, &ind.id, v);
        }
    }
    set(i, &mut a, &p, "pg-waktu", "0");
    a
}

/// The report model of `a` under instrument `id`, generated at a fixed time.
pub fn build(id: &str, a: &Assessment, lang: Lang) -> Report {
    report::build(ins(id), a, lang, "2026-11-23T10:00:00.000Z")
}

/// Strings that try to break out of HTML, JSON, CSV and PDF text, one per case of the hostile
/// tests of every renderer.
pub const HOSTILE_FIELDS: [&str; 9] = [
    "</script><script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "' onmouseover='alert(1)",
    "a\u{2028}b\u{2029}c",
    "\u{202e}lanoitan\u{202c} evil",
    "🙂 Dinas 🇮🇩",
    "nul\u{0}byte",
    "<!-- <script",
    "&amp; &lt; ]]> (unbalanced \\ paren",
];

/// An ori-2016 assessment with a hostile string of `strings` in every text field (rotated by
/// `n`), a 10 kB product name and 10 kB notes; with `photos`, entry k also carries k photo ids.
pub fn hostile_assessment(strings: &[&str], n: usize, photos: bool) -> Assessment {
    let i = ins("ori-2016");
    let s = |k: usize| strings[(n + k) % strings.len()].to_string();
    let mut a = Assessment::new("h", i, &s(0), &s(1), &s(2));
    let u = a.units[0].id.clone();
    a.add_product(&u, &"x".repeat(10_000));
    a.pemda = s(3);
    a.period = s(4);
    a.date = s(5);
    a.assessor_name = s(6);
    a.assessor_position = s(7);
    let p = a.places()[0].clone();
    set_all(i, &mut a, &p, "ada");
    set(i, &mut a, &p, "sp-biaya", "tidak_ada");
    for (k, (_, ind)) in i.indicators().enumerate().take(6) {
        a.edit(i, &p, &ind.id, |e| {
            e.note = format!("{}\n{}", s(k), "y".repeat(10_000));
            e.links = vec![
                s(k + 1),
                "javascript:alert(1)".into(),
                format!("https://x.go.id/?q={}", s(k + 2)),
            ];
            if photos {
                e.photos = vec!["p".into(); k];
            }
            e.review = true;
        });
    }
    a
}

// ---------------------------------------------------------------------------------------------
// Generated OPD files
// ---------------------------------------------------------------------------------------------

/// Tiny deterministic generator (no dependency).
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// An OPD with `units` units of `products` products, every indicator answered at random (about
/// 1 in 12 "Tidak berlaku"); with `notes`, each answer also has a note and a link, like a
/// finished file.
pub fn generated_opd(
    ins: &Instrument,
    seed: u64,
    opd: &str,
    units: usize,
    products: usize,
    notes: bool,
) -> Assessment {
    let mut rng = Lcg(seed);
    let mut a = Assessment::new(&format!("a{seed}"), ins, opd, "Unit 1", "Produk 1");
    a.pemda = "Kabupaten Contoh".into();
    a.period = "2026".into();
    a.date = "2026-03-01".into();
    let u0 = a.units[0].id.clone();
    for p in 1..products {
        a.add_product(&u0, &format!("Produk {}", p + 1));
    }
    for u in 1..units {
        let id = a.add_unit(&format!("Unit {}", u + 1));
        for p in 0..products {
            a.add_product(&id, &format!("Produk {}", p + 1));
        }
    }
    let values: Vec<String> = ins.scale.options.iter().map(|o| o.value.clone()).collect();
    for place in a.places() {
        for (_, i) in ins.indicators() {
            let ans = if rng.next(12) == 0 {
                Answer::NotApplicable
            } else {
                Answer::Value(values[rng.next(values.len() as u64) as usize].clone())
            };
            a.set_answer(ins, &place, &i.id, Some(ans));
            if notes {
                a.edit(ins, &place, &i.id, |e| {
                    e.note = format!("Catatan pemeriksaan untuk {} di {}.", i.id, place.product);
                    e.links =
                        vec![format!("https://contoh.go.id/bukti/{}/{}.pdf", place.unit, i.id)];
                });
            }
        }
    }
    a
}

/// A saved file as the recap reads it: (file name, contents).
pub fn file(name: &str, a: &Assessment) -> (String, String) {
    (name.to_string(), encode(a, "2026-03-01T10:00:00Z"))
}

/// 10 respondents; unsur k has k+1 answers of 4 and the rest 3: IKM 87,50 (B), 86,63 with 0,11.
pub fn known_survey() -> Survey {
    let mut counts: Counts = [[0; 4]; N_UNSUR];
    for (k, c) in counts.iter_mut().enumerate() {
        let fours = k as u32 + 1;
        *c = [0, 0, 10 - fours, fours];
    }
    Survey::from_counts(counts).unwrap()
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/// The records of a CSV export, which must start with a BOM.
pub fn parse_csv(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("BOM first");
    ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// PDF files and poppler
// ---------------------------------------------------------------------------------------------

/// Where the tests write their files: `sub` under `target/`.
pub fn out_dir(sub: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(sub);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `bytes` as `name` in [`out_dir`]`(sub)`.
pub fn write_to(sub: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let path = out_dir(sub).join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Runs a poppler tool; a missing tool FAILS the test (`.ci/install.sh` installs poppler-utils).
pub fn poppler(tool: &str, args: &[&str]) -> Output {
    match Command::new(tool).args(args).output() {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "`{tool}` is not installed: the PDF tests need Debian's poppler-utils \
             (run .ci/install.sh or `apt-get install poppler-utils`)"
        ),
        Err(e) => panic!("cannot run {tool}: {e}"),
    }
}

/// Every word box `pdftotext -bbox` finds: (xMin, yMin, xMax, yMax) from the top left.
pub fn word_boxes(path: &Path) -> Vec<[f64; 4]> {
    let out = poppler("pdftotext", &["-bbox", path.to_str().unwrap(), "-"]);
    assert!(out.status.success());
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let attr = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..start + tag[start..].find('"').unwrap()].parse().unwrap()
    };
    html.split("<word ")
        .skip(1)
        .map(|tag| ["xMin", "yMin", "xMax", "yMax"].map(|n| attr(tag, n)))
        .collect()
}

/// Whitespace collapsed to single spaces, as text wrapped over lines is compared.
pub fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// HTML as a reader sees it: each tag becomes a space, the five escapes are read back, spaces
/// collapsed.
pub fn untag(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    norm(&out)
}
