//! The readiness section of the ori-2025 report (docs/SCORING.md §Readiness, docs/FORMAT.md
//! §Readiness in the reports): what the office ticked ready on the opinion screen — evidence per
//! indicator and place, the interview per person — stands in the HTML, the PDF and the CSV with
//! the counts of the one view the screen shows, in both languages; one sentence when nothing is
//! ticked; no section for an instrument without the opinion.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{build, ins, norm, parse_csv, poppler, write_to};
use patuh_core::assessment::{Assessment, Place};
use patuh_core::instrument::Lang;
use patuh_core::readiness::{self, texts};
use patuh_core::report::{csv, html, pdf, Report};

/// One unit with two products; two sarpras items ready on the second product, one legal-basis
/// item on the first, and the front-line officer ready for two questions.
fn prepared() -> Assessment {
    let i = ins("ori-2025");
    let mut a = Assessment::new("r", i, "Dinas Sosial", "Bidang Rehabilitasi", "Rekomendasi PBI");
    a.add_product("u1", "Kartu Lansia");
    let p2 = Place { unit: "u1".into(), product: "p2".into() };
    let p3 = Place { unit: "u1".into(), product: "p3".into() };
    a.edit(i, &p3, "pr-sarpras", |e| e.ready = vec!["b1".into(), "b2".into()]);
    let first = i.indicator("pr-dasar-hukum").unwrap().evidence[0].id.clone();
    a.edit(i, &p2, "pr-dasar-hukum", |e| e.ready = vec![first]);
    a.units[0].interview.insert("petugas".into(), vec!["komponen".into(), "rentan".into()]);
    a
}

fn pdf_text(r: &Report, name: &str) -> String {
    let path = write_to("readiness", name, &pdf::render(r));
    norm(&String::from_utf8_lossy(&poppler("pdftotext", &[path.to_str().unwrap(), "-"]).stdout))
}

fn csv_rows(r: &Report) -> Vec<Vec<String>> {
    let kind = patuh_core::report::csv::csv_texts(r.lang).readiness;
    parse_csv(&csv::render(r, csv::SEMICOLON), csv::SEMICOLON)
        .into_iter()
        .filter(|row| row[csv::col::KIND] == kind)
        .collect()
}

#[test]
fn the_counts_are_those_of_the_screen_and_count_what_is_ticked() {
    let a = prepared();
    let v = readiness::view(ins("ori-2025"), &a, Lang::Id).unwrap();
    assert_eq!(v.evidence_ready, 3);
    let items: usize = ins("ori-2025")
        .indicators()
        .map(|(_, x)| {
            x.evidence.len() * if x.scope == patuh_core::instrument::Scope::Product { 2 } else { 1 }
        })
        .sum();
    assert_eq!(v.evidence_total, items, "product indicators once per product");
    assert_eq!(v.evidence_count, format!("3 dari {items} bukti siap"));
    assert_eq!((v.interview_ready, v.interview_total), (2, 19), "5 + 5 + 4 + 5 questions");
    assert_eq!(v.interview_count, "2 dari 19 pertanyaan wawancara siap");
    let sarpras = v.evidence.iter().find(|r| r.indicator == "pr-sarpras").unwrap();
    assert_eq!(sarpras.product, None, "unit-wide: once for the unit");
    let legal = v
        .evidence
        .iter()
        .find(|r| {
            r.indicator == "pr-dasar-hukum" && r.product.as_deref() == Some("Rekomendasi PBI")
        })
        .unwrap();
    assert_eq!(legal.count, "1 dari 2 bukti siap");
    assert_eq!((sarpras.ready, sarpras.ready_items.len(), sarpras.missing.len()), (2, 2, 13));
    assert_eq!(sarpras.count, "2 dari 15 bukti siap");
    let petugas = v.interview.iter().find(|p| p.role == "petugas").unwrap();
    assert_eq!(petugas.count, "2 dari 5 siap");
    assert_eq!(petugas.ready, ["Komponen standar pelayanan", "Pelayanan kelompok rentan"]);
    assert_eq!(petugas.missing.len(), 3);
    assert!(v.nothing.is_none());
    // The report carries this very view.
    assert_eq!(build("ori-2025", &a, Lang::Id).readiness.as_ref(), Some(&v));
}

#[test]
fn html_pdf_and_csv_carry_the_section_with_the_same_counts_in_both_languages() {
    let a = prepared();
    for lang in [Lang::Id, Lang::En] {
        let r = build("ori-2025", &a, lang);
        let v = r.readiness.as_ref().unwrap();
        let t = texts(lang);
        let page = html::render(&r, "{}");
        let section = &page[page.find("id=\"h-readiness\"").unwrap()..];
        let section = &section[..section.find("</section>").unwrap()];
        for s in [t.title, t.evidence, t.interview, &v.evidence_count, &v.interview_count] {
            assert!(section.contains(s), "HTML {lang:?}: {s}");
        }
        for row in &v.evidence {
            assert!(section.contains(&format!(">{}</td>", row.count)), "HTML row {}", row.count);
        }
        let sarpras = v.evidence.iter().find(|r| r.ready == 2).unwrap();
        for item in sarpras.ready_items.iter().chain(&sarpras.missing) {
            assert!(
                section.contains(&format!("<li>{}</li>", html::escape(item))),
                "HTML item {item}"
            );
        }
        for p in &v.interview {
            assert!(section.contains(&p.who) && section.contains(&p.count), "{}", p.who);
        }
        let text = pdf_text(&r, &format!("prepared-{}.pdf", lang.code()));
        let section = &text[text.find(t.title).expect("PDF heading")..];
        for s in [t.evidence, t.interview, &v.evidence_count, &v.interview_count] {
            assert!(section.contains(s), "PDF {lang:?}: {s}");
        }
        // A ready item stands as a bullet (its first word: the narrow column wraps the rest).
        let first = sarpras.ready_items[0].split_whitespace().next().unwrap();
        assert!(section.contains(&format!("• {first}")), "PDF ready item");
        assert!(section.contains(&sarpras.count));
        let rows = csv_rows(&r);
        assert_eq!(rows.len(), 2 + v.evidence.len() + v.interview.len());
        let head = &rows[0];
        assert_eq!(head[csv::col::ITEM], t.evidence);
        assert_eq!(head[csv::col::ANSWER], v.evidence_count);
        assert_eq!(head[csv::col::ANSWERED], v.evidence_ready.to_string());
        assert_eq!(head[csv::col::TOTAL], v.evidence_total.to_string());
        let sum: usize = rows[1..=v.evidence.len()]
            .iter()
            .map(|x| x[csv::col::ANSWERED].parse::<usize>().unwrap())
            .sum();
        assert_eq!(sum, v.evidence_ready, "the rows add up to the count");
        let iv = &rows[1 + v.evidence.len()];
        assert_eq!(iv[csv::col::ANSWER], v.interview_count);
        let petugas = rows.iter().find(|x| x[csv::col::ANSWER] == v.interview[3].count).unwrap();
        assert!(petugas[csv::col::NOTE].starts_with(&format!("{}: ", t.ready)), "{:?}", petugas);
    }
}

#[test]
fn nothing_ticked_is_said_in_one_sentence_everywhere() {
    let i = ins("ori-2025");
    let a = Assessment::new("n", i, "Dinas", "Unit", "Produk");
    for lang in [Lang::Id, Lang::En] {
        let r = build("ori-2025", &a, lang);
        let v = r.readiness.as_ref().unwrap();
        let s = v.nothing.as_ref().expect("one sentence");
        assert!(s.contains(&v.evidence_count) && s.contains(&v.interview_count));
        assert_eq!(s.matches(". ").count(), 0, "one sentence: {s}");
        let page = html::render(&r, "{}");
        assert!(page.contains(&format!("<p id=\"readiness-none\">{s}</p>")));
        assert!(!page.contains("id=\"readiness-evidence\""), "no empty lists");
        let text = pdf_text(&r, &format!("nothing-{}.pdf", lang.code()));
        assert!(text.contains(&norm(s)), "PDF {lang:?}");
        assert!(!text.contains(texts(lang).interview));
        let rows = csv_rows(&r);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0][csv::col::NOTE], *s);
    }
    assert!(s_id(&a).starts_with("Belum ada bukti atau kesiapan wawancara"));
}

fn s_id(a: &Assessment) -> String {
    readiness::view(ins("ori-2025"), a, Lang::Id).unwrap().nothing.unwrap()
}

#[test]
fn no_section_without_the_opinion() {
    let a = common::sample_2022();
    let r = build("ori-2022", &a, Lang::Id);
    assert!(r.readiness.is_none());
    assert!(!html::render(&r, "{}").contains("h-readiness"));
    assert!(csv_rows(&r).is_empty());
    assert!(!pdf_text(&r, "none-2022.pdf").contains(texts(Lang::Id).title));
}

/// A 2025 report is titled as what the Ombudsman assesses since 2025, maladministration (the
/// opinion, Perombudsman 61/2025), not compliance; 2016–2024 reports keep the compliance title.
#[test]
fn the_report_title_follows_the_instrument() {
    let r = build("ori-2025", &prepared(), Lang::Id);
    let title = "Laporan Penilaian Mandiri Maladministrasi Penyelenggaraan Pelayanan Publik";
    assert_eq!(r.title(), title);
    let h = html::render(&r, "{}");
    assert!(
        h.contains(&format!("<h1>{title}</h1>"))
            && !h.contains("Laporan Penilaian Mandiri Kepatuhan")
    );
    assert!(pdf_text(&r, "title-2025.pdf").contains(title));
    assert!(build("ori-2025", &prepared(), Lang::En).title().contains("Maladministration"));
    let old = build("ori-2022", &common::sample_2022(), Lang::Id);
    assert_eq!(old.title(), "Laporan Penilaian Mandiri Kepatuhan Pelayanan Publik");
    assert!(html::render(&old, "{}")
        .contains("<h1>Laporan Penilaian Mandiri Kepatuhan Pelayanan Publik</h1>"));
}
