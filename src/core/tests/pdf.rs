//! The PDF report: a real file that poppler reads, with the same contents as the
//! HTML report, intact with hostile strings, laid out within the A4 page.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{build, ins, norm, poppler, sample_2022, set_all, word_boxes};
use patuh_core::assessment::Assessment;
use patuh_core::instrument::{self, Lang};
use patuh_core::report::{self, pdf};

/// Where the tests write their files (under `target/`).
const OUT: &str = "pdf";

/// The ori-2016 sample of tests/report.rs (74,34, kuning, provisional), with two photos on the
/// sp-jangka-waktu evidence.
fn sample_2016() -> Assessment {
    let i = ins("ori-2016");
    let mut a = common::sample_2016();
    let p1 = a.places()[0].clone();
    a.edit(i, &p1, "sp-jangka-waktu", |e| e.photos = vec!["ph1".into(), "ph2".into()]);
    a
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    common::write_to(OUT, name, bytes)
}

/// The text of a PDF as `pdftotext -layout` reads it; the tool must succeed.
fn text_of(path: &Path) -> String {
    let out = poppler("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The text in reading order (`pdftotext` without `-layout`), where a table cell's wrapped lines
/// come out together instead of side by side with the other columns.
fn text_in_reading_order(path: &Path) -> String {
    let out = poppler("pdftotext", &[path.to_str().unwrap(), "-"]);
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// `pdfinfo` output; the tool must succeed.
fn info_of(path: &Path) -> String {
    let out = poppler("pdfinfo", &[path.to_str().unwrap()]);
    assert!(out.status.success(), "pdfinfo failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pages(info: &str) -> usize {
    let line = info.lines().find(|l| l.starts_with("Pages:")).expect("pdfinfo lists the pages");
    line["Pages:".len()..].trim().parse().unwrap()
}

/// The text without the running header (pages 2…) and footer of each page, so that a paragraph
/// broken across pages reads on.
fn body(text: &str) -> String {
    let mut out = Vec::new();
    for (n, page) in text.split('\u{c}').enumerate() {
        let mut lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
        if lines.last().is_some_and(|l| l.contains("patuh — ")) {
            lines.pop();
        }
        if n > 0 && !lines.is_empty() {
            lines.remove(0);
        }
        out.extend(lines);
    }
    out.join("\n")
}

/// What a text looks like once printed in WinAnsi and read back (“ ” – … stay; → becomes ->).
fn printed(s: &str) -> String {
    const HIGH: [char; 32] = [
        '€', '?', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '?', 'Ž', '?', '?', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '?', 'ž', 'Ÿ',
    ];
    pdf::to_winansi(s)
        .into_iter()
        .map(|b| match b {
            0x80..=0x9f => HIGH[usize::from(b - 0x80)],
            b => char::from(b),
        })
        .collect()
}

fn assert_has(text: &str, want: &str, what: &str) {
    let (text, want) = (norm(text), norm(&printed(want)));
    assert!(text.contains(&want), "{what}: {want:?} not in the PDF text");
}

#[test]
fn the_file_is_a_pdf() {
    for (id, a) in [("ori-2016", sample_2016()), ("ori-2022", sample_2022())] {
        let bytes = pdf::render(&build(id, &a, Lang::Id));
        assert!(bytes.starts_with(b"%PDF-"), "{id}");
        assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"), "{id}");
        // No font file is embedded: only the standard Helvetica fonts are referenced.
        let raw = String::from_utf8_lossy(&bytes);
        assert!(raw.contains("/BaseFont /Helvetica") && raw.contains("/BaseFont /Helvetica-Bold"));
        assert!(raw.contains("/WinAnsiEncoding"));
        assert!(!raw.contains("/FontFile"));
    }
}

#[test]
fn metadata_page_size_and_creation_date() {
    let a = sample_2016();
    let path = write("meta.pdf", &pdf::render(&build("ori-2016", &a, Lang::Id)));
    let info = info_of(&path);
    assert!(info.contains("Title:") && info.contains(&a.opd), "{info}");
    assert!(info.contains("Author:          Siti Rahma"), "{info}");
    assert!(info.contains("Page size:       595.28 x 841.89 pts (A4)"), "{info}");
    let created = info.lines().find(|l| l.starts_with("CreationDate:")).expect("creation date");
    assert!(created.contains("Nov 23 10:00:00 2026"), "{created}");
    assert!(pages(&info) >= 3);
}

/// The same contents as the HTML report: identity, score, zone, legend, breakdown, plan, gaps,
/// signature, then the appendices: assumptions, sources, privacy, every indicator with answer,
/// note and evidence.
#[test]
fn the_text_has_the_contents_of_the_html_report() {
    let cases = [
        ("ori-2016", sample_2016(), Lang::Id),
        ("ori-2022", sample_2022(), Lang::Id),
        ("ori-2022", sample_2022(), Lang::En),
    ];
    for (id, a, lang) in cases {
        let r = build(id, &a, lang);
        let t = r.texts();
        let path = write(&format!("contents-{id}-{}.pdf", lang.code()), &pdf::render(&r));
        let raw = text_of(&path);
        let text = body(&raw);
        let cells = body(&text_in_reading_order(&path));
        let has =
            |want: &str, what: &str| assert_has(&text, want, &format!("{id} {lang:?} {what}"));
        let in_cell =
            |want: &str, what: &str| assert_has(&cells, want, &format!("{id} {lang:?} {what}"));
        has(t.title, "title");
        has(&a.opd, "OPD");
        has(&r.instrument.title, "instrument");
        has(&r.instrument.legal_basis, "legal basis");
        let score = r.overall.score.as_ref().unwrap();
        has(&score.text, "score");
        let band = r.overall.band.as_ref().unwrap();
        has(&band.zone_name, "zone");
        has(&band.label, "predicate");
        has(&r.overall.status, "status");
        for b in &r.legend {
            has(&format!("{}–{}", b.min.text, b.max.text), "legend range");
        }
        for s in &r.sections {
            has(&s.title, "section");
        }
        for g in &r.gaps {
            in_cell(&g.text, "indicator of a gap");
            in_cell(&g.action, "action of a gap");
        }
        for p in &r.plans {
            has(&p.score_after.text, "score after the plan");
        }
        for x in &r.assumptions {
            has(&x.reason, "assumption");
        }
        has(&r.privacy, "privacy note");
        for label in [t.acknowledged, t.head_of, t.assessor_sign, t.nip] {
            has(label, "signature label");
        }
        has(&a.assessor_name, "assessor");
        has("(______________________________)", "signature line");
        has(&format!("{}: {}", t.appendix, t.answers), "appendix");
        for (_, i) in ins(id).indicators() {
            has(i.text.get(lang), &format!("indicator {}", i.id));
        }
        let (page, of) = if lang == Lang::Id { ("halaman", "dari") } else { ("page", "of") };
        let n = pages(&info_of(&path));
        assert!(n >= 3, "{id}: {n} pages");
        for (k, page_text) in raw.split('\u{c}').take(n).enumerate() {
            let footer = format!("patuh — {} — {page} {} {of} {n}", a.opd, k + 1);
            assert_has(page_text, &footer, &format!("{id} {lang:?} footer of page {}", k + 1));
            if k > 0 {
                assert_has(page_text, t.title, &format!("{id} {lang:?} header of page {}", k + 1));
            }
        }
    }
    // The 2016 sample's note, link, photos, review flag and provisional status.
    let text = text_of(&write(
        "contents-2016b.pdf",
        &pdf::render(&build("ori-2016", &sample_2016(), Lang::Id)),
    ));
    assert_has(&text, "Catatan: Papan informasi belum memuat jangka waktu", "note");
    assert_has(&text, "https://contoh.go.id/standar-pelayanan.pdf", "link");
    assert_has(&text, "2 foto (lihat bundel bukti)", "photos");
    assert_has(&text, "Jawaban: Tidak ada (0/1) · Perlu ditinjau", "answer with review flag");
    assert_has(&text, "Jawaban: Tidak berlaku", "not applicable");
    assert_has(&text, "Jawaban: Belum dijawab", "unanswered");
    assert_has(&text, "Sementara: 1 dari 26", "provisional");
    assert_has(&text, "Kabupaten Contoh, 23 November 2026", "place and date of signing");
}

#[test]
fn evidence_links_are_clickable_only_for_web_addresses() {
    let i = ins("ori-2016");
    let mut a = sample_2016();
    let p = a.places()[0].clone();
    a.edit(i, &p, "sp-persyaratan", |e| {
        e.links = vec!["javascript:alert(1)".into(), "https://a.go.id/x".into()];
    });
    let bytes = pdf::render(&build("ori-2016", &a, Lang::Id));
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("/URI (https://a.go.id/x)"));
    assert!(raw.contains("/URI (https://contoh.go.id/standar-pelayanan.pdf)"));
    assert!(!raw.contains("/URI (javascript"));
    let text = text_of(&write("links.pdf", &bytes));
    assert_has(&text, "javascript:alert(1)", "a non-web link is still listed as text");
}

#[test]
fn characters_outside_winansi_are_mapped_or_replaced() {
    assert_eq!(pdf::to_winansi("Ada"), b"Ada");
    assert_eq!(
        pdf::to_winansi("“a” ‘b’ – — … • € ™"),
        b"\x93a\x94 \x91b\x92 \x96 \x97 \x85 \x95 \x80 \x99"
    );
    assert_eq!(pdf::to_winansi("é ü ñ ß × ·"), b"\xe9 \xfc \xf1 \xdf \xd7 \xb7");
    assert_eq!(pdf::to_winansi("≥ 81 → ok − 1"), b">= 81 -> ok - 1");
    assert_eq!(pdf::to_winansi("🙂 Dinas 🇮🇩"), b"? Dinas ??");
    assert_eq!(pdf::to_winansi("\u{202e}abc\u{202c}\u{200b}\u{feff}"), b"abc");
    assert_eq!(pdf::to_winansi("nul\u{0}\u{7}\u{7f}\u{80}x"), b"nul????x");
    assert_eq!(pdf::to_winansi("a\u{2028}b\nc\r\nd\r\re"), b"a b c d  e");
    assert_eq!(pdf::to_winansi("漢字 עברית"), b"?? ?????");
    assert_eq!(pdf::to_winansi("ＡＢＣ"), b"ABC");
}

#[test]
fn widths_are_the_helvetica_metrics() {
    // H 722, e 556, l 222, o 556 (regular); H 722, e 556, l 278, o 611 (bold).
    assert!((pdf::text_width(b"Hello", false, 10.0) - 22.78).abs() < 1e-3);
    assert!((pdf::text_width(b"Hello", true, 10.0) - 24.45).abs() < 1e-3);
    assert!((pdf::text_width(b"\x93W\x94", false, 1000.0) - (333.0 + 944.0 + 333.0)).abs() < 1e-2);
}

use common::HOSTILE_FIELDS as HOSTILE;

/// An assessment with a hostile string in every text field, a 10 kB product name and 10 kB notes.
fn hostile(n: usize) -> Assessment {
    common::hostile_assessment(&HOSTILE, n, true)
}

#[test]
fn hostile_strings_leave_the_file_intact_and_inside_the_page() {
    for (n, generated_at) in HOSTILE.iter().enumerate() {
        let a = hostile(n);
        for lang in [Lang::Id, Lang::En] {
            let r = report::build(ins("ori-2016"), &a, lang, generated_at);
            let bytes = pdf::render(&r);
            assert!(bytes.starts_with(b"%PDF-") && bytes.trim_ascii_end().ends_with(b"%%EOF"));
            let path = write(&format!("hostile-{n}-{}.pdf", lang.code()), &bytes);
            let text = text_of(&path);
            assert!(pages(&info_of(&path)) > 0, "case {n}");
            // Nothing was lost: the 10 kB word and the six 10 kB notes are all there, broken.
            assert!(text.matches('x').count() >= 10_000, "case {n}");
            assert!(text.matches('y').count() >= 60_000, "case {n}");
            assert_has(&text, &a.opd, &format!("case {n}: OPD as printed"));
            // Every word stays inside the margins of an A4 page.
            for [x0, y0, x1, y1] in word_boxes(&path) {
                assert!(x0 >= 49.0 && x1 <= 595.28 - 49.0, "case {n}: word overflows ({x0}, {x1})");
                assert!(y0 >= 0.0 && y1 <= 841.89, "case {n}: word off the page");
            }
        }
    }
}

/// Renders the first page of each sample to PNG under `target/` (look at them when the layout
/// changes: `target/tmp/pdf/page-*.png`).
#[test]
fn first_pages_render_to_png() {
    let samples = [
        ("2016", build("ori-2016", &sample_2016(), Lang::Id)),
        ("2022-en", build("ori-2022", &sample_2022(), Lang::En)),
        ("hostile", report::build(ins("ori-2016"), &hostile(0), Lang::Id, "x")),
    ];
    for (name, r) in samples {
        let path = write(&format!("page-{name}.pdf"), &pdf::render(&r));
        let prefix = common::out_dir(OUT).join(format!("page-{name}"));
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
                "-singlefile",
                path.to_str().unwrap(),
                prefix.to_str().unwrap(),
            ],
        );
        assert!(out.status.success(), "pdftoppm: {}", String::from_utf8_lossy(&out.stderr));
        let png = std::fs::read(prefix.with_extension("png")).unwrap();
        assert!(png.starts_with(b"\x89PNG"));
    }
}

#[test]
fn every_shipped_instrument_renders_with_its_zones_or_its_opinion() {
    for i in instrument::all() {
        let mut a = Assessment::new("s", i, "Dinas", "Unit", "P1");
        let p = a.places()[0].clone();
        set_all(i, &mut a, &p, &i.scale.options[0].value);
        for lang in [Lang::Id, Lang::En] {
            let r = report::build(i, &a, lang, "x");
            let path = write(&format!("all-{}-{}.pdf", i.id, lang.code()), &pdf::render(&r));
            let text = body(&text_of(&path));
            for b in &r.legend {
                // An opinion's legend has no zones (docs/SCORING.md §Opinion).
                if r.opinion.is_none() {
                    assert_has(&text, &b.zone_name, &format!("{} {lang:?} legend", i.id));
                } else {
                    assert!(!text.contains(&b.zone_name) || text.contains("2022–2024"));
                }
                assert_has(&text, &b.label, &format!("{} {lang:?} legend", i.id));
            }
            for (_, ind) in i.indicators() {
                assert_has(&text, ind.text.get(lang), &format!("{} {lang:?} {}", i.id, ind.id));
            }
        }
    }
}

#[test]
fn a_10_kb_opd_name_wraps_in_the_text_and_is_cut_in_the_footer() {
    let mut a = sample_2022();
    a.opd = "D".repeat(10_000);
    let path = write("long-opd.pdf", &pdf::render(&build("ori-2022", &a, Lang::Id)));
    let raw = text_of(&path);
    assert!(body(&raw).matches('D').count() >= 3 * 10_000, "identity, heading and signature");
    let footer = raw.lines().find(|l| l.contains("patuh — ")).unwrap().trim();
    assert!(footer.starts_with("patuh — DDD") && footer.ends_with('…'), "{footer}");
    for [x0, _, x1, _] in word_boxes(&path) {
        assert!(x0 >= 49.0 && x1 <= 595.28 - 49.0, "word overflows ({x0}, {x1})");
    }
}
