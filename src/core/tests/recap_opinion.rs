//! The recap of 2025 files (an opinion instrument, docs/SCORING.md §Opinion): every rendering
//! names each unit's and band's result by its quality label ("Kualitas Sedang"), never a zone, the
//! CSV names the instrument by its title, and a unit's indicator count (with its Output and
//! public-trust places) is the same in the CSV as in its OPD's row.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{file, generated_opd, ins, norm, parse_csv, poppler};
use patuh_core::instrument::Lang;
use patuh_core::recap::{recap, Recap};
use patuh_core::report::{pdf, recap_csv, recap_html};

const ZONES: [&str; 6] =
    ["Zona Hijau", "Zona Kuning", "Zona Merah", "Green Zone", "Yellow Zone", "Red Zone"];

fn two_2025_files() -> Recap {
    let i = ins("ori-2025");
    let files: Vec<(String, String)> = (0..2)
        .map(|k| file(&format!("dinas-{k}.json"), &generated_opd(i, 900 + k, "Dinas", 2, 1, false)))
        .collect();
    recap(&files)
}

#[test]
fn the_2025_recap_csv_gives_quality_labels_titles_and_the_opd_counts() {
    let r = two_2025_files();
    let g = &r.groups[0];
    let i = g.instrument;
    for lang in [Lang::Id, Lang::En] {
        let rows = parse_csv(&recap_csv::render(&r, lang, b','), b',');
        let labels: Vec<&str> = i.bands.iter().map(|b| b.label.get(lang)).collect();
        let units: Vec<&Vec<String>> = rows.iter().skip(2).collect();
        assert_eq!(units.len(), 4);
        for row in &rows[1..] {
            let name = format!("{} ({})", i.title.get(lang), i.years);
            assert_eq!(row[10], name, "instrument named by its title: {row:?}");
            assert_eq!(row[4], "", "no zone as a 2025 result: {row:?}");
        }
        for row in &units {
            assert!(
                labels.contains(&row[3].as_str()),
                "opinion column is a quality label: {row:?}"
            );
        }
        // The units' indicator counts add up to their OPD's, as the screen's OPD row says.
        for (k, o) in g.opds.iter().enumerate() {
            let total: u32 =
                units[k * 2..k * 2 + 2].iter().map(|r| r[6].parse::<u32>().unwrap()).sum();
            let answered: u32 =
                units[k * 2..k * 2 + 2].iter().map(|r| r[5].parse::<u32>().unwrap()).sum();
            assert_eq!((answered, total), (o.total - o.unanswered, o.total));
            assert!(o.total > o.units.iter().map(|u| u.products.len() as u32).sum::<u32>() * 20);
        }
    }
}

#[test]
fn the_2025_recap_html_and_pdf_name_quality_labels_not_zones() {
    let r = two_2025_files();
    let g = &r.groups[0];
    let i = g.instrument;
    for lang in [Lang::Id, Lang::En] {
        let doc = recap_html::render(&r, lang, "2026-03-02T09:00:00+07:00");
        let bytes = pdf::render_recap(&r, lang, "2026-03-02T09:00:00+07:00");
        let path = common::write_to("recap_opinion", &format!("r-{}.pdf", lang.code()), &bytes);
        let out = poppler("pdftotext", &[path.to_str().unwrap(), "-"]);
        let text = norm(&String::from_utf8(out.stdout).unwrap());
        let unit = g.opds[0].units[0].mark.as_ref().unwrap();
        let label = i.bands[unit.band].label.get(lang);
        for (what, doc) in [("HTML", &doc), ("PDF", &text)] {
            for z in ZONES {
                assert!(!doc.contains(z), "{what} ({lang:?}) names {z} as a 2025 result");
            }
            assert!(doc.contains(label), "{what} ({lang:?}) does not say {label}");
        }
        // Each band is named by its label in the bars and in the table.
        for b in &i.bands {
            let n = text.matches(b.label.get(lang)).count();
            assert!(n >= 2, "{} listed {n} times", b.label.get(lang));
        }
    }
}
