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
