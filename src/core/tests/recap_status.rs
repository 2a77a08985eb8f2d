//! One count and one status for the pemda recap (docs/SCORING.md §Pemda recap): with one
//! unreadable and one incomplete file among those chosen, the recap screen's words
//! (`recap::summary`), the HTML, the PDF text and the CSV state the same counts and the same
//! provisional status, in Indonesian and English; a complete recap is final everywhere.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{file, generated_opd, ins, norm, parse_csv, poppler, set_opt};
use patuh_core::instrument::Lang;
use patuh_core::recap::{recap, summary, FileCounts, Reason, Recap, SummaryWords};
use patuh_core::report::{pdf, recap_csv, recap_html};

/// Five files chosen: three complete OPDs, one with three unanswered indicators, one unreadable.
fn five_files() -> Vec<(String, String)> {
    let i = ins("ori-2022");
    let mut files: Vec<(String, String)> = (0..3)
        .map(|k| {
            let a = generated_opd(i, 700 + k, &format!("Dinas {k}"), 2, 1, false);
            file(&format!("dinas-{k}.json"), &a)
        })
        .collect();
    let mut partly = generated_opd(i, 710, "Dinas Sosial", 1, 2, false);
    let place = partly.places()[0].clone();
    for (_, ind) in i.indicators().take(3) {
        set_opt(i, &mut partly, &place, &ind.id, None);
    }
    files.insert(1, file("dinsos.json", &partly));
    files.insert(3, ("rusak.json".to_string(), "{ \"format\": ".to_string()));
    files
}

/// The text of an HTML document as a reader sees it: tags out, entities back, spaces collapsed.
fn html_text(doc: &str) -> String {
    let body = &doc[doc.find("<body>").unwrap()..];
    let out = common::untag(body);
    // A tag inside a sentence ("<bdi>") left a space before the punctuation after it.
    out.replace(" .", ".").replace(" :", ":").replace(" ,", ",")
}

/// The text of the recap PDF as `pdftotext` reads it, spaces collapsed.
/// (`name`: each test its own file, as tests run at once).
fn pdf_text(r: &Recap, lang: Lang, name: &str) -> String {
    let bytes = pdf::render_recap(r, lang, "2026-03-02T09:00:00+07:00");
    let path = common::write_to("recap_status", &format!("{name}-{}.pdf", lang.code()), &bytes);
    let out = poppler("pdftotext", &[path.to_str().unwrap(), "-"]);
    assert!(out.status.success());
    norm(&String::from_utf8(out.stdout).unwrap())
}

/// Every rendering carries the screen's sentences: the files line, what the score counts, and the
/// status sentence right after its label ("Sementara" as a badge, "Sementara:" or "Sementara ·").
fn assert_says(doc: &str, what: &str, w: &SummaryWords) {
    let g = &w.groups[0];
    for s in [w.files.text(), g.counted.clone()] {
        assert!(doc.contains(&norm(&s)), "{what} does not say {s:?}:\n{doc}");
    }
    let at = doc.find(&norm(&g.status));
    let at = at.unwrap_or_else(|| panic!("{what} does not say {:?}:\n{doc}", g.status));
    let before = doc[..at].trim_end_matches([' ', ':', '·']);
    assert!(before.ends_with(g.label), "{what}: {:?} is not led by {:?}", g.status, g.label);
    let other = if g.provisional { "Final" } else { "Sementara" };
    assert!(!doc.contains(other), "{what} also says {other}");
}

#[test]
fn one_unreadable_and_one_incomplete_file_make_a_provisional_recap_of_4_out_of_5() {
    let r = recap(&five_files());
    assert_eq!(r.files, FileCounts { chosen: 5, read: 4, refused: 1 });
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.groups.len(), 1);
    let g = &r.groups[0];
    assert_eq!(g.opds.len(), 4);
    // Units counted: 3 files × 2 units + 1 unit; the unreadable file's are in no mean.
    assert_eq!(g.scored(), 7);
    assert!(g.status.provisional());
    assert_eq!(
        g.status.reasons,
        vec![Reason::Unanswered { indicators: 3, files: 1 }, Reason::Unreadable { files: 1 }]
    );
    let id = summary(&r, Lang::Id);
    assert_eq!(id.files.text(), "5 berkas dipilih, 4 terbaca, 1 tidak dapat dibaca: rusak.json.");
    assert_eq!(id.groups[0].label, "Sementara");
    assert_eq!(
        id.groups[0].status,
        "3 indikator belum dijawab di 1 berkas; indikator yang belum dijawab dihitung belum \
         terpenuhi, jadi nilai ini batas bawah. 1 berkas tidak dapat dibaca, jadi isinya belum \
         masuk nilai ini."
    );
    assert_eq!(id.groups[0].counted, "Nilai ini rata-rata 7 unit layanan dari 4 berkas OPD.");
    assert_eq!(id.refused[0].0, "rusak.json");
    let en = summary(&r, Lang::En);
    assert_eq!(en.files.text(), "5 files chosen, 4 read, 1 could not be read: rusak.json.");
    assert_eq!(en.groups[0].label, "Provisional");
}

#[test]
fn the_screen_words_html_pdf_and_csv_state_the_same_counts_and_status() {
    let r = recap(&five_files());
    for (lang, delimiter) in [(Lang::Id, b';'), (Lang::En, b',')] {
        let w = summary(&r, lang);
        let g = &w.groups[0];
        // HTML: the same sentences, and no other count of files read.
        let html = html_text(&recap_html::render(&r, lang, "x"));
        assert_says(&html, "the HTML", &w);
        let once = |doc: &str| doc.matches(&w.files.lead).count() == 1;
        let old = ["berkas terbaca", "files read ·"];
        assert!(once(&html) && !old.iter().any(|o| html.contains(o)), "one count in the HTML");
        assert!(html.contains(&w.refused[0].1), "the HTML gives the reason");
        // PDF: the same sentences in its text.
        let pdf = pdf_text(&r, lang, "five");
        assert_says(&pdf, "the PDF", &w);
        assert!(once(&pdf) && !old.iter().any(|o| pdf.contains(o)), "one count in the PDF");
        assert!(pdf.contains(&norm(&w.refused[0].1)), "the PDF gives the reason");
        // CSV: the pemda row's status and note.
        let rows = parse_csv(&recap_csv::render(&r, lang, delimiter), delimiter);
        let head = &rows[0];
        let status = head.iter().position(|h| h == "Status").unwrap();
        let note = status + 1;
        let pemda = &rows[1];
        assert_eq!(pemda[status], g.label);
        for s in [w.files.text(), g.status.clone(), g.counted.clone()] {
            assert!(pemda[note].contains(&s), "the CSV note does not say {s:?}: {}", pemda[note]);
        }
        // Unit rows: provisional exactly where the unit has an unanswered indicator.
        let provisional_units = rows[2..].iter().filter(|row| row[status] == g.label).count();
        assert_eq!(provisional_units, 1);
    }
}

#[test]
fn a_complete_recap_is_final_on_screen_and_in_every_file() {
    let files: Vec<_> = five_files().into_iter().filter(|(n, _)| n.starts_with("dinas-")).collect();
    let r = recap(&files);
    assert_eq!(r.files, FileCounts { chosen: 3, read: 3, refused: 0 });
    assert!(!r.groups[0].status.provisional());
    let w = summary(&r, Lang::Id);
    assert_eq!(w.files.text(), "3 berkas dipilih, semuanya terbaca.");
    assert_eq!(w.groups[0].label, "Final");
    assert_says(&html_text(&recap_html::render(&r, Lang::Id, "x")), "the HTML", &w);
    let pdf = pdf_text(&r, Lang::Id, "final");
    assert_says(&pdf, "the PDF", &w);
    assert!(!pdf.contains("Sementara"), "a final recap says nowhere that it is provisional");
    let rows = parse_csv(&recap_csv::render(&r, Lang::Id, b';'), b';');
    assert!(rows[1..].iter().all(|row| row[11] == "Final"));
}

#[test]
fn an_unreadable_file_alone_makes_the_score_provisional_and_says_only_that() {
    let files: Vec<_> =
        five_files().into_iter().filter(|(n, _)| n != "dinsos.json").collect::<Vec<_>>();
    let r = recap(&files);
    assert_eq!(r.files, FileCounts { chosen: 4, read: 3, refused: 1 });
    assert_eq!(r.groups[0].status.reasons, vec![Reason::Unreadable { files: 1 }]);
    let w = summary(&r, Lang::Id);
    assert_eq!(
        w.groups[0].status,
        "1 berkas tidak dapat dibaca, jadi isinya belum masuk nilai ini."
    );
    assert!(!w.groups[0].status.contains("batas bawah"), "not a floor: nothing is unanswered");
    assert_says(&pdf_text(&r, Lang::Id, "unreadable"), "the PDF", &w);
}
