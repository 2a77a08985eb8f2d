//! The recap's OPD table is one view-model (docs/SCORING.md §Pemda recap, §One model): the recap
//! HTML and the recap PDF lay out the same columns, and every OPD's and unit's figures stand in
//! both, for a recap of three files (one of them the same OPD twice, flagged).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{file, generated_opd, ins, poppler, write_to};
use patuh_core::instrument::Lang;
use patuh_core::recap::{recap, Recap};
use patuh_core::report::html::escape;
use patuh_core::report::recap_html::{self, opd_table, recap_texts, OpdTable};
use patuh_core::report::{pdf, zone_symbol};

/// Three ori-2022 files (the instrument with grades): two units each; the third repeats the first
/// OPD and period.
fn three_files() -> Recap {
    let i = ins("ori-2022");
    let mut files = Vec::new();
    for (k, opd) in ["Dinas Kesehatan", "Dinas Sosial", "Dinas Kesehatan"].iter().enumerate() {
        let a = generated_opd(i, 40 + k as u64, opd, 2, 1, false);
        files.push(file(&format!("berkas-{k}.json"), &a));
    }
    recap(&files)
}

/// Tags removed and the five escapes read back, spaces collapsed.
fn plain(html: &str) -> String {
    common::untag(html)
}

/// The parts of `s` between each `open…>` and `close`.
fn between<'a>(s: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(at) = rest.find(open) {
        let from = at + rest[at..].find('>').unwrap() + 1;
        let to = from + rest[from..].find(close).unwrap();
        out.push(&rest[from..to]);
        rest = &rest[to..];
    }
    out
}

/// The OPD table of the recap HTML: its headers, and per row the name cell and the other cells.
fn html_table(doc: &str, lang: Lang) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    let h3 = format!("<h3>{}</h3>", escape(recap_texts(lang).opds));
    let table = &doc[doc.find(&h3).unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    let head = between(table, "<th scope=\"col\"", "</th>").into_iter().map(plain).collect();
    let body = &table[table.find("<tbody>").unwrap()..];
    let rows = between(body, "<tr", "</tr>")
        .into_iter()
        .map(|row| {
            let name = plain(between(row, "<th", "</th>")[0]);
            (name, between(row, "<td", "</td>").into_iter().map(plain).collect())
        })
        .collect();
    (head, rows)
}

fn pdf_layout(r: &Recap, lang: Lang) -> String {
    let path = write_to(
        "recap-columns",
        &format!("recap-{}.pdf", lang.code()),
        &pdf::render_recap(r, lang, "x"),
    );
    String::from_utf8(poppler("pdftotext", &["-layout", path.to_str().unwrap(), "-"]).stdout)
        .unwrap()
}

/// The recap PDF's OPD table read with `pdftotext -layout`: the header line is the model's
/// column headers, and each line of the model has a text line with its name and then its figures,
/// in column order (cells are compared with spaces collapsed: a right-aligned figure may stand one
/// space from the next column).
fn check_pdf(text: &str, t: &OpdTable, lang: Lang) {
    let rt = recap_texts(lang);
    let part = &text[text.find(rt.opds).unwrap()..];
    let part = &part[..part.find(rt.weakest).unwrap()];
    let lines: Vec<String> = part.lines().map(common::norm).collect();
    let labels: Vec<&str> = t.columns.iter().map(|c| c.label).collect();
    assert!(lines.contains(&labels.join(" ")), "PDF {lang:?}: the same column headers {labels:?}");
    let mut at = 0;
    for l in &t.lines {
        let name = if l.opd { l.name.clone() } else { format!("– {}", l.name) };
        let want = format!("{name} {}", l.figures().join(" "));
        let k = lines[at..].iter().position(|x| *x == want);
        let k = at + k.unwrap_or_else(|| panic!("PDF {lang:?}: no line \"{want}\" in {lines:#?}"));
        at = k + 1;
    }
}

#[test]
fn the_recap_html_and_pdf_lay_out_the_same_opd_columns_and_figures() {
    let r = three_files();
    assert_eq!(r.groups.len(), 1);
    let g = &r.groups[0];
    for lang in [Lang::Id, Lang::En] {
        let t = opd_table(g, lang);
        assert_eq!(t.columns.len(), 5, "name, score, grade, zone, answered");
        assert_eq!(t.lines.len(), 3 + 6, "each OPD and its two units");
        assert_eq!(
            t.lines.iter().filter(|l| l.duplicate.is_some()).count(),
            2,
            "both files of the repeated OPD are flagged"
        );
        let doc = recap_html::render(&r, lang, "x");
        let (head, rows) = html_table(&doc, lang);
        let labels: Vec<&str> = t.columns.iter().map(|c| c.label).collect();
        assert_eq!(head, labels, "HTML {lang:?}: the columns of the model");
        assert_eq!(rows.len(), t.lines.len());
        for ((name, cells), l) in rows.iter().zip(&t.lines) {
            assert!(name.starts_with(&l.name), "{name}");
            for about in &l.about {
                assert!(name.contains(about.as_str()), "HTML: {about} under {name}");
            }
            // The badge leads the zone's name with its shape (hidden from screen readers).
            let mut expected = l.figures();
            if let Some(b) = &l.band {
                let k = expected.len() - 2;
                expected[k] = format!("{} {}", zone_symbol(b.zone), b.zone_name);
            }
            assert_eq!(*cells, expected, "HTML {lang:?}: the figures of {name}");
        }
        let text = pdf_layout(&r, lang);
        check_pdf(&text, &t, lang);
        // What the HTML shows under an OPD's name (file, pemda, period, the flag) the PDF shows too.
        let flat = common::norm(&text);
        for l in t.lines.iter().filter(|l| l.opd) {
            assert!(flat.contains(&l.about.join(" · ")), "PDF: {:?}", l.about);
        }
        let flag = format!("(!) {}", recap_texts(lang).duplicate_flag);
        assert_eq!(flat.matches(&flag).count(), 2, "PDF: both lines of the repeated OPD flagged");
    }
}
