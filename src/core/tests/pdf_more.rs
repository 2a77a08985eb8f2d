//! PDF output of the pemda recap, the SKM/IKM result and the comparison section (each downloadable
//! like a single assessment's report): real files poppler reads, with the figures of the HTML
//! documents, intact with hostile strings, first pages rendered to PNG for a look.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{answer_all, ins, known_survey as survey, norm, poppler, set_opt as set, word_boxes};
use patuh_core::assessment::Assessment;
use patuh_core::compare::compare;
use patuh_core::instrument::{Lang, Scope};
use patuh_core::persist::encode;
use patuh_core::recap::recap;
use patuh_core::report::{self, comparison, pdf, Figure};
use patuh_core::skm::Subject;

const HEADING: &str = "Perbandingan dengan penilaian sebelumnya";

/// Where the tests write their files (under `target/`).
const OUT: &str = "pdf_more";

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    assert!(bytes.starts_with(b"%PDF-"), "{name} does not start with %PDF-");
    assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"), "{name} does not end with %%EOF");
    common::write_to(OUT, name, bytes)
}

/// The text of a PDF as `pdftotext -layout` reads it; the tool must succeed without complaint.
fn text_of(path: &Path) -> String {
    let out = poppler("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("Syntax Error"),
        "pdftotext complains about {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every word lies on the A4 page (nothing runs off the right edge).
fn assert_inside(path: &Path) {
    for b in word_boxes(path) {
        assert!(b[0] >= 0.0 && b[2] <= 595.3 && b[1] >= 0.0 && b[3] <= 842.0, "{b:?} off the page");
    }
}

/// Page 1 as a PNG at 60 dpi under target/ (to be looked at); pdftoppm must succeed.
fn png_of_page_1(path: &Path, name: &str) -> PathBuf {
    let prefix = common::out_dir(OUT).join(name);
    let out = poppler(
        "pdftoppm",
        &[
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            "-png",
            path.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "pdftoppm failed: {}", String::from_utf8_lossy(&out.stderr));
    let png = std::fs::read_dir(common::out_dir(OUT))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let f = p.file_name().unwrap().to_string_lossy().into_owned();
            f.starts_with(&format!("{name}-")) && f.ends_with(".png")
        })
        .expect("pdftoppm wrote a PNG");
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG"), "{}", png.display());
    png
}

fn assert_has(text: &str, want: &str, what: &str) {
    assert!(norm(text).contains(&norm(want)), "{what}: {want:?} not in the PDF text:\n{text}");
}

/// Every word of `want` in order (a name wrapped in a table cell: `-layout` puts the other
/// columns' text between its lines).
fn assert_words(text: &str, want: &str, what: &str) {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut at = 0;
    for w in want.split_whitespace() {
        match words[at..].iter().position(|x| x.contains(w)) {
            Some(k) => at += k + 1,
            None => panic!("{what}: {w:?} of {want:?} not in order in the PDF text:\n{text}"),
        }
    }
}

/// An ori-2022 OPD file of `units` one-product units, every indicator answered `v` except the
/// first section of the first unit, answered `first`.
fn opd(name: &str, units: usize, v: &str, first: &str) -> Assessment {
    let i = ins("ori-2022");
    let mut a = Assessment::new(&format!("id-{}", name.len()), i, name, "Unit 1", "Produk 1");
    a.pemda = "Kabupaten Maluku Tenggara".into();
    a.period = "2026".into();
    for u in 1..units {
        let id = a.add_unit(&format!("Puskesmas {}", u + 1));
        a.add_product(&id, "Rawat jalan");
    }
    answer_all(i, &mut a, v);
    let p = a.places()[0].clone();
    for ind in &i.sections[0].indicators {
        set(i, &mut a, &p, &ind.id, Some(first));
    }
    a
}

const OPDS: [&str; 3] =
    ["Dinas Kesehatan", "Dinas Kependudukan dan Pencatatan Sipil", "RSUD Karel Sadsuitubun"];

fn recap_files(names: &[&str]) -> Vec<(String, String)> {
    let values = [("2", "3"), ("3", "1"), ("1", "2")];
    let mut files: Vec<(String, String)> = names
        .iter()
        .zip(values.iter().cycle())
        .enumerate()
        .map(|(k, (n, (v, f)))| {
            (format!("opd-{k}.json"), encode(&opd(n, 1 + k % 3, v, f), "2026-03-01T10:00:00Z"))
        })
        .collect();
    files.push(("rusak.json".into(), "{ not json".into()));
    files
}

/// Last year's and this year's ori-2022 file: one indicator up, one down, one new, one gone.
fn before_after(opd: &str) -> (Assessment, Assessment) {
    let i = ins("ori-2022");
    let mut before = Assessment::new("a", i, opd, "Puskesmas Watdek", "Rawat jalan");
    let u2 = before.add_unit("Puskesmas Ohoijang");
    before.add_product(&u2, "KIA");
    answer_all(i, &mut before, "2");
    let mut after = before.clone();
    after.period = "2026".into();
    let unit_ind = i.indicators().find(|(_, x)| x.scope == Scope::Unit).unwrap().1.id.clone();
    let prod: Vec<String> = i
        .indicators()
        .filter(|(_, x)| x.scope == Scope::Product)
        .map(|(_, x)| x.id.clone())
        .collect();
    let places = after.places();
    set(i, &mut after, &places[1], &unit_ind, Some("3"));
    set(i, &mut after, &places[1], &prod[0], Some("0"));
    set(i, &mut before, &places[0], &prod[0], None);
    set(i, &mut after, &places[0], &prod[1], Some("tb"));
    (before, after)
}

fn compared(opd: &str, lang: Lang) -> (report::Report, report::Report) {
    let i = ins("ori-2022");
    let (before, after) = before_after(opd);
    let plain = report::build(i, &after, lang, "2026-03-01T10:00:00Z");
    let c = compare(i, &before, &after).unwrap();
    let with = plain.clone().with_comparison(comparison::view(&c, i, lang));
    (plain, with)
}

#[test]
fn the_recap_pdf_has_the_pemda_score_the_opds_and_the_unreadable_file() {
    let r = recap(&recap_files(&OPDS));
    assert_eq!(r.groups.len(), 1);
    assert_eq!(r.errors.len(), 1);
    let g = &r.groups[0];
    let pemda = g.pemda.as_ref().expect("a pemda score");
    for lang in [Lang::Id, Lang::En] {
        let bytes = pdf::render_recap(&r, lang, "2026-03-02T09:00:00+07:00");
        assert_eq!(
            bytes,
            pdf::render_recap(&r, lang, "2026-03-02T09:00:00+07:00"),
            "deterministic"
        );
        let path = write(&format!("recap-{}.pdf", lang.code()), &bytes);
        let text = text_of(&path);
        assert_has(&text, &Figure::new(pemda.score, lang).text, "pemda score");
        let rt = report::recap_html::recap_texts(lang);
        for want in [rt.title, rt.pemda_score, rt.opds, rt.weakest, rt.errors, "rusak.json"] {
            assert_has(&text, want, "recap texts");
        }
        assert_has(&text, "Kabupaten Maluku Tenggara", "pemda");
        let grade = format!("{} {}", report::texts(lang).grade, pemda.grade.as_deref().unwrap());
        assert_has(&text, &grade, "grade");
        for n in OPDS {
            assert_words(&text, n, "OPD name");
        }
        assert_has(&text, "Puskesmas 2", "unit name");
        let reason = report::recap_html::decode_error_text(&r.errors[0].error, lang);
        assert_has(&text, &reason, "decode error reason");
        assert_has(&text, report::texts(lang).privacy, "privacy note");
        assert_has(&text, report::recap_html::rule_text(g.distribution.counted, lang), "rule");
        assert_inside(&path);
    }
}

#[test]
fn the_recap_pdf_of_nothing_and_of_two_instruments() {
    let empty = recap(&[("x.txt".to_string(), "hello".to_string())]);
    let path = write("recap-empty.pdf", &pdf::render_recap(&empty, Lang::Id, "x"));
    let text = text_of(&path);
    assert_has(&text, "Belum ada berkas yang dapat dibaca.", "nothing read");
    assert_has(&text, "x.txt", "the bad file");

    let i = ins("ori-2016");
    let mut old = Assessment::new("b", i, "Dinas Sosial", "Unit Pelayanan", "KTP-el");
    answer_all(i, &mut old, "ada");
    let mut files = recap_files(&OPDS[..1]);
    files.push(("lama.json".into(), encode(&old, "2026-03-01T10:00:00Z")));
    let r = recap(&files);
    assert_eq!(r.groups.len(), 2);
    let path = write("recap-two.pdf", &pdf::render_recap(&r, Lang::Id, "x"));
    let text = text_of(&path);
    assert_has(&text, "Dinas Sosial", "ori-2016 OPD");
    assert_has(&text, "rata-rata seluruh produk layanan", "ori-2016 rule");
    assert_has(&text, "rata-rata seluruh unit", "ori-2022 rule");
}

#[test]
fn the_skm_pdf_has_the_ikm_and_the_mutu() {
    let s = survey();
    let ikm = s.ikm();
    for lang in [Lang::Id, Lang::En] {
        let bytes =
            pdf::render_skm(&s, lang, &Subject::unit("Puskesmas Watdek · 2026"), "2026-03-02");
        let path = write(&format!("skm-{}.pdf", lang.code()), &bytes);
        let text = text_of(&path);
        let st = report::skm_doc::skm_texts(lang);
        assert_has(&text, &Figure::new(ikm.score, lang).text, "IKM");
        assert_eq!(Figure::new(ikm.score, Lang::Id).text, "87,50");
        assert_has(&text, &format!("{}: {}", st.mutu, ikm.mutu.letter()), "mutu letter");
        assert_has(&text, ikm.mutu.label(lang), "mutu label");
        assert_has(&text, &report::skm_doc::interval_text(ikm.mutu, lang), "interval");
        assert_has(&text, &Figure::new(ikm.score_weight_011, lang).text, "0,11 figure");
        assert_has(&text, "Puskesmas Watdek", "title");
        assert_has(&text, st.weighted_total, "weighted total");
        assert_has(&text, "31/10", "exact fraction");
        assert_has(&text, &report::skm_doc::three_decimals(ikm.nrr[0], lang), "NRR");
        assert_has(&text, st.bands, "bands");
        assert_has(&text, st.this_result, "this result");
        assert_has(&text, report::texts(lang).privacy, "privacy");
        assert_inside(&path);
    }
}

/// The sample check is in the PDF as on the screen: a warning under the facts when the sample is
/// small (docs/SKM.md §Sample size), the population rule in the note otherwise.
#[test]
fn the_skm_pdf_says_when_the_sample_is_small() {
    use patuh_core::skm::{Sample, Survey, N_UNSUR};
    let small = survey();
    let big = Survey::from_counts([[5, 10, 20, 15]; N_UNSUR]).unwrap();
    for (s, name) in [(&small, "small"), (&big, "big")] {
        let v = s.view();
        let text = norm(&text_of(&write(
            &format!("skm-{name}.pdf"),
            &pdf::render_skm(s, Lang::Id, &Subject::unit("x"), "x"),
        )));
        assert_has(&text, &norm(&v.sample.message(v.respondents, Lang::Id)), name);
        let warned = text.contains("Sampel kecil");
        assert_eq!(warned, v.sample == Sample::Small, "{name}: {text}");
    }
}

#[test]
fn the_comparison_section_is_in_the_report_pdf_only_when_attached() {
    let (plain, with) = compared("Dinas Kesehatan", Lang::Id);
    let a = write("compare-plain.pdf", &pdf::render(&plain));
    let b = write("compare-with.pdf", &pdf::render(&with));
    let (ta, tb) = (text_of(&a), text_of(&b));
    assert!(!ta.contains(HEADING), "no comparison section without a comparison");
    assert_has(&tb, HEADING, "comparison heading");
    // Where html.rs places it: after the per-unit table, before the action plan.
    let t = report::texts(Lang::Id);
    let (pu, cmp, plan) =
        (norm(&tb).find(t.per_unit), norm(&tb).find(HEADING), norm(&tb).rfind(t.action_plan));
    assert!(pu < cmp && cmp < plan, "order {pu:?} {cmp:?} {plan:?}");
    // Status as a word (the triangle is drawn next to it), counts and per-unit rows.
    for want in ["naik", "turun", "baru", "tidak dinilai lagi", "Nilai OPD", "Per unit layanan"] {
        assert_has(&tb, want, "comparison words");
    }
    assert_has(&tb, "Puskesmas Ohoijang", "unit");
    assert!(!tb.contains('▲') && !tb.contains('▼'), "arrows are drawn, not set as text");
    // The PDF without a comparison is the same file as before it existed.
    assert_eq!(pdf::render(&plain), pdf::render(&plain));
    assert_eq!(plain.comparison, None);
    assert_inside(&b);
    // In English too, with the other-OPD warning.
    let i = ins("ori-2022");
    let (before, after) = before_after("Dinas Kesehatan");
    let mut other = before.clone();
    other.opd = "Dinas Sosial".into();
    let en = report::build(i, &after, Lang::En, "x").with_comparison(comparison::view(
        &compare(i, &other, &after).unwrap(),
        i,
        Lang::En,
    ));
    let text = text_of(&write("compare-en.pdf", &pdf::render(&en)));
    assert_has(&text, "Comparison with the previous assessment", "English heading");
    assert_has(&text, "different OPDs", "warning");
}

/// Hostile strings: markup, an RTL override, emoji, NUL, and a 10 kB word.
fn hostile() -> Vec<String> {
    vec![
        "</script><script>alert(1)</script> & \"Dinas\"".to_string(),
        "Dinas \u{202e}lanoisiviD\u{202c} Kesehatan".to_string(),
        "Dinas 😀🇮🇩 Pariwisata 👩‍👩‍👧".to_string(),
        "Dinas\0 Sosial\u{1}\u{7f}".to_string(),
        "x".repeat(10_000),
    ]
}

#[test]
fn hostile_names_and_titles_leave_every_file_intact() {
    let names = hostile();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut files = recap_files(&refs);
    files.push((names[1].clone(), "{".into()));
    files.push((names[4].clone(), "<html>".into()));
    let r = recap(&files);
    assert_eq!(r.groups.iter().map(|g| g.opds.len()).sum::<usize>(), names.len());
    for lang in [Lang::Id, Lang::En] {
        let path = write(
            &format!("hostile-recap-{}.pdf", lang.code()),
            &pdf::render_recap(&r, lang, &names[3]),
        );
        let text = text_of(&path);
        assert_words(&text, "Dinas ??? Pariwisata", "emoji become ?, the name still reads");
        assert_words(&text, "Dinas lanoisiviD Kesehatan", "the RTL override is dropped");
        assert_words(&text, "Dinas Sosial", "NUL and controls");
        assert!(!text.contains('\0'), "no NUL in the text");
        assert_has(&text, "xxxxxxxxxx", "the 10 kB word");
        assert_inside(&path);
        for (k, title) in names.iter().enumerate() {
            let path = write(
                &format!("hostile-skm-{k}-{}.pdf", lang.code()),
                &pdf::render_skm(&survey(), lang, &Subject::unit(title), title),
            );
            let text = text_of(&path);
            assert_has(&text, "87", "IKM with a hostile title");
            assert_inside(&path);
        }
        for (k, name) in names.iter().enumerate() {
            let (_, with) = compared(name, lang);
            let path =
                write(&format!("hostile-compare-{k}-{}.pdf", lang.code()), &pdf::render(&with));
            let text = text_of(&path);
            assert!(text.contains(comparison::compare_texts(lang).heading), "{k}");
            assert_inside(&path);
        }
    }
}

#[test]
fn first_pages_render_to_png() {
    let r = recap(&recap_files(&OPDS));
    let (_, with) = compared("Dinas Kesehatan", Lang::Id);
    let names = hostile();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let hostile_recap = recap(&recap_files(&refs));
    let docs: Vec<(&str, Vec<u8>)> = vec![
        ("recap", pdf::render_recap(&r, Lang::Id, "2026-03-02")),
        (
            "skm",
            pdf::render_skm(
                &survey(),
                Lang::Id,
                &Subject::unit("Puskesmas Watdek · 2026"),
                "2026-03-02",
            ),
        ),
        ("compare", pdf::render(&with)),
        ("hostile-recap", pdf::render_recap(&hostile_recap, Lang::Id, "x")),
    ];
    for (name, bytes) in docs {
        let path = write(&format!("look-{name}.pdf"), &bytes);
        let png = png_of_page_1(&path, &format!("look-{name}"));
        assert!(std::fs::metadata(&png).unwrap().len() > 1000, "{name}: an empty page?");
    }
}
