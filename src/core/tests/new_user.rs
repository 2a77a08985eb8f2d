//! What a new user of ori-2025 reads on the result (docs/SCORING.md §Public trust, §Opinion): the
//! trust survey's completeness is its respondents, the figure its points are computed from, the
//! same on the screen's model, in the HTML and in the PDF.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{answer_all, ins, norm, poppler, write_to};
use patuh_core::assessment::Assessment;
use patuh_core::instrument::Lang;
use patuh_core::report::{self, html, pdf, Report};
use patuh_core::scoring::PART_TRUST;

const AT: &str = "2026-12-03T13:50:54.527Z";

/// One unit, one product, every indicator answered; the trust survey has 27 respondents who all
/// chose the option worth 2 of 3.
fn surveyed() -> Assessment {
    let i = ins("ori-2025");
    let mut a = Assessment::new("Dinas", i, "Dinas", "Unit", "Produk");
    answer_all(i, &mut a, "2");
    let o = i.opinion.as_ref().unwrap();
    for q in &o.trust.questions {
        let mut c = vec![0; o.trust.options.len()];
        c[2] = 27;
        a.units[0].products[0].trust.insert(q.id.clone(), c);
    }
    a
}

fn pdf_text(r: &Report, name: &str) -> String {
    let path = write_to("new_user", name, &pdf::render(r));
    let out = poppler("pdftotext", &[path.to_str().unwrap(), "-"]);
    assert!(out.status.success());
    norm(&String::from_utf8(out.stdout).unwrap())
}

#[test]
fn the_trust_survey_shows_its_respondents_not_zero_of_one() {
    let a = surveyed();
    for (lang, want) in [(Lang::Id, "27/30 responden"), (Lang::En, "27/30 respondents")] {
        let r = report::build(ins("ori-2025"), &a, lang, AT);
        // The survey scores 20,00 of 30 from those 27 respondents…
        let opd = r.sections.iter().find(|s| s.id == PART_TRUST).unwrap();
        assert_eq!(
            opd.points.as_ref().unwrap().text,
            if lang == Lang::Id { "20,00" } else { "20.00" }
        );
        // …and its completeness says so, at the OPD and on the unit, never "0/1".
        assert_eq!(opd.done, want);
        let unit = r.units[0].sections.iter().find(|s| s.id == PART_TRUST).unwrap();
        assert_eq!(unit.done, want);
        // Not reached the target: still one open place, the result provisional.
        assert_eq!((unit.answered, unit.total), (0, 1));
        assert!(r.overall.provisional);
        let page = html::render(&r, "{}");
        assert!(page.contains(want) && !page.contains(">0/1<"), "HTML {lang:?}");
        let text = pdf_text(&r, &format!("trust-{}.pdf", lang.code()));
        assert!(text.contains(want), "PDF {lang:?}: {text}");
        assert!(!text.contains("0/1"), "PDF {lang:?}");
    }
    // An ordinary section keeps its answered places.
    let r = report::build(ins("ori-2025"), &a, Lang::Id, AT);
    assert_eq!(r.sections[0].done, "3/3");
}

/// The text a reader sees in the HTML (tags dropped, whitespace collapsed).
fn visible(page: &str) -> String {
    let mut out = String::new();
    let mut tag = false;
    for c in page.chars() {
        match c {
            '<' => tag = true,
            '>' => {
                tag = false;
                out.push(' ');
            }
            c if !tag => out.push(c),
            _ => {}
        }
    }
    norm(&out)
}

#[test]
fn rounded_parts_are_said_to_differ_from_the_score_before_rounding() {
    let mut a = surveyed();
    // One indicator unmet, so there is a plan whose after-score is summed before rounding.
    answer_all(ins("ori-2025"), &mut a, "1");
    for (lang, sum, after) in [
        (Lang::Id, "Nilai dihitung sebelum pembulatan", "Nilai setelah perbaikan dihitung sebelum"),
        (
            Lang::En,
            "The score is computed before rounding",
            "The score after the fixes is computed",
        ),
    ] {
        let r = report::build(ins("ori-2025"), &a, lang, AT);
        let note = r.sections_note.clone().unwrap();
        assert!(note.starts_with(sum), "{note}");
        assert!(!r.plans.is_empty());
        assert!(r.plans.iter().all(|p| p.after_note.starts_with(after)));
        let page = visible(&html::render(&r, "{}"));
        assert!(page.contains(&norm(&note)), "HTML {lang:?}");
        assert!(page.contains(&norm(&r.plans[0].after_note)), "HTML plan {lang:?}");
        let text = pdf_text(&r, &format!("rounding-{}.pdf", lang.code()));
        assert!(text.contains(&norm(&note)), "PDF {lang:?}: {text}");
        assert!(text.contains(&norm(&r.plans[0].after_note)), "PDF plan {lang:?}");
    }
    // Under ori-2016 the breakdown is in percent, no sum of points: no such sentence.
    let r = report::build(ins("ori-2016"), &common::sample_2016(), Lang::Id, AT);
    assert!(r.sections_note.is_none());
}

#[test]
fn the_footer_writes_the_date_out_and_marks_the_time_utc() {
    use patuh_core::report::format_moment;
    assert_eq!(format_moment(AT, Lang::Id), "3 Desember 2026, 13.50 UTC");
    assert_eq!(format_moment(AT, Lang::En), "3 December 2026, 13:50 UTC");
    // Not a UTC timestamp: kept as given, nothing invented.
    assert_eq!(format_moment("kemarin", Lang::Id), "kemarin");
    assert_eq!(format_moment("2026-12-03T13:50:54+07:00", Lang::Id), "2026-12-03T13:50:54+07:00");
    for (lang, want) in
        [(Lang::Id, "3 Desember 2026, 13.50 UTC"), (Lang::En, "3 December 2026, 13:50 UTC")]
    {
        let r = report::build(ins("ori-2025"), &surveyed(), lang, AT);
        let page = visible(&html::render(&r, "{}"));
        assert!(page.contains(want) && !page.contains("13:50:54"), "HTML {lang:?}");
        let text = pdf_text(&r, &format!("footer-{}.pdf", lang.code()));
        assert!(text.contains(want) && !text.contains("13:50:54"), "PDF {lang:?}");
    }
}
