//! Which pemda the recap names (docs/SCORING.md §Pemda recap): the heading is the pemda most files
//! name, not the first file's, and when files name different pemda (or none) the recap's one
//! summary says so, the same sentence on the screen (`recap::summary`) and in the HTML, PDF and
//! CSV.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{file, generated_opd, ins, norm, parse_csv, poppler};
use patuh_core::instrument::Lang;
use patuh_core::recap::{recap, summary, Recap};
use patuh_core::report::{pdf, recap_csv, recap_html};

/// The first file (2022) from Maluku Tenggara, then four (2025) from Halmahera Utara, one of them
/// spelled with other case and spaces, and one file naming no pemda.
fn mixed() -> Recap {
    let mut files = Vec::new();
    let mut a = generated_opd(ins("ori-2022"), 1, "Dinas Kesehatan", 1, 1, false);
    a.pemda = "Pemerintah Kabupaten Maluku Tenggara".into();
    files.push(file("malra.json", &a));
    for k in 0..5u64 {
        let mut a = generated_opd(ins("ori-2025"), 10 + k, &format!("Dinas {k}"), 1, 1, false);
        a.pemda = match k {
            0 => "kabupaten  HALMAHERA utara".into(),
            4 => String::new(),
            _ => "Kabupaten Halmahera Utara".into(),
        };
        files.push(file(&format!("halut-{k}.json"), &a));
    }
    recap(&files)
}

fn html_text(doc: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in doc[doc.find("<body>").unwrap()..].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    norm(&out)
}

#[test]
fn the_heading_is_the_pemda_most_files_name_and_a_mix_is_said_everywhere() {
    let r = mixed();
    for lang in [Lang::Id, Lang::En] {
        let w = summary(&r, lang);
        assert_eq!(w.pemda.as_deref(), Some("Kabupaten Halmahera Utara"));
        let mix = w.pemdas.as_ref().expect("two pemda are named").text();
        let (halut, malra) = match lang {
            Lang::Id => (
                "Kabupaten Halmahera Utara (4 berkas)",
                "Pemerintah Kabupaten Maluku Tenggara (1 berkas)",
            ),
            Lang::En => (
                "Kabupaten Halmahera Utara (4 files)",
                "Pemerintah Kabupaten Maluku Tenggara (1 file)",
            ),
        };
        assert!(mix.contains(halut) && mix.contains(malra), "{mix}");
        assert!(mix.starts_with(if lang == Lang::Id {
            "Berkas berasal dari 2"
        } else {
            "The files come from 2"
        }));
        let missing = w.no_pemda.clone().expect("one file names no pemda");
        assert!(missing.starts_with("1 "), "{missing}");

        let html = html_text(&recap_html::render(&r, lang, "2026-03-02T09:00:00+07:00"));
        let bytes = pdf::render_recap(&r, lang, "2026-03-02T09:00:00+07:00");
        let path = common::write_to("recap_pemda", &format!("mixed-{}.pdf", lang.code()), &bytes);
        let out = poppler("pdftotext", &[path.to_str().unwrap(), "-"]);
        let pdf = norm(&String::from_utf8(out.stdout).unwrap());
        let rows = parse_csv(&recap_csv::render(&r, lang, b';'), b';');
        let pemda_rows: Vec<String> = rows
            .iter()
            .filter(|row| row[7].is_empty() && row[0].is_empty())
            .map(|r| norm(&r[12]))
            .collect();
        assert_eq!(pemda_rows.len(), 2, "one pemda row per instrument");
        for (what, doc) in
            [("HTML", &html), ("PDF", &pdf), ("CSV", &pemda_rows[0]), ("CSV", &pemda_rows[1])]
        {
            for s in [&mix, &missing] {
                assert!(doc.contains(&norm(s)), "{what} ({lang:?}) does not say {s:?}");
            }
        }
        // The heading is the majority pemda, before any mention of the other.
        for (what, doc) in [("HTML", &html), ("PDF", &pdf)] {
            let first = doc.find("Halmahera").unwrap();
            assert!(first < doc.find("Maluku").unwrap(), "{what} ({lang:?}) leads with Maluku");
        }
    }
}

#[test]
fn one_pemda_named_by_every_file_needs_no_note() {
    let i = ins("ori-2022");
    let files: Vec<(String, String)> = (0..3)
        .map(|k| file(&format!("d{k}.json"), &generated_opd(i, 30 + k, "Dinas", 1, 1, false)))
        .collect();
    let w = summary(&recap(&files), Lang::Id);
    assert_eq!(w.pemda.as_deref(), Some("Kabupaten Contoh"));
    assert_eq!((w.pemdas, w.no_pemda), (None, None));
}
