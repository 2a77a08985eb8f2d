//! A result that explains itself, in the model and so in every file: why there is no plan, a
//! unit-wide gap listed once on its unit, and no internal note (indicator ids, the instrument's
//! id or data version) in the text a reader sees, except the edition told once with the sources.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{ins, norm, poppler, set, write_to};
use patuh_core::assessment::Assessment;
use patuh_core::compare::compare;
use patuh_core::instrument::{Instrument, Lang, Scope};
use patuh_core::report::{self, comparison, html, pdf, Report};

const AT: &str = "2026-12-03T10:00:00Z";

/// The text a reader sees in the HTML report: the data block and the head dropped, tags removed,
/// entities of the escaper turned back, whitespace collapsed.
fn visible(page: &str) -> String {
    let body = &page[page.find("<body>").unwrap()..];
    let body = &body[..body.find("<script").unwrap_or(body.len())];
    let mut out = String::new();
    let mut tag = false;
    for c in body.chars() {
        match c {
            '<' => tag = true,
            '>' if tag => {
                tag = false;
                out.push(' ');
            }
            c if !tag => out.push(c),
            _ => {}
        }
    }
    let out = out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
    norm(&out.replace("&#39;", "'").replace("&amp;", "&"))
}

/// The text of the PDF of `r` (pdftotext), whitespace collapsed.
fn pdf_text(r: &Report, name: &str) -> String {
    let path = write_to("explains", name, &pdf::render(r));
    let out = poppler("pdftotext", &[path.to_str().unwrap(), "-"]);
    assert!(out.status.success());
    norm(&String::from_utf8(out.stdout).unwrap())
}

/// The first answer option of the scale below the maximum (a gap) and the maximum.
fn low_and_max(i: &Instrument) -> (String, String) {
    let max = i.scale.options.iter().find(|o| o.points == i.scale.max).unwrap();
    let low = i.scale.options.iter().find(|o| o.points < i.scale.max).unwrap();
    (low.value.clone(), max.value.clone())
}

/// Two units (one product, then three), every indicator answered, alternating low and maximum,
/// and the first unit-wide indicator low in the second unit.
fn mixed(id: &str) -> Assessment {
    let i = ins(id);
    let mut a = Assessment::new("x", i, "Dinas Contoh", "Unit Satu", "Produk Satu");
    let u2 = a.add_unit("Unit Dua");
    for p in ["Produk Dua", "Produk Tiga", "Produk Empat"] {
        a.add_product(&u2, p);
    }
    let (low, max) = low_and_max(i);
    for (k, place) in a.places().iter().enumerate() {
        for (n, (_, ind)) in i.indicators().enumerate() {
            let v = if (n + k) % 3 == 0 { &low } else { &max };
            set(i, &mut a, place, &ind.id, v);
        }
    }
    let unit_wide = i.indicators().find(|(_, x)| x.scope == Scope::Unit).unwrap().1;
    let second = a.places()[1].clone();
    set(i, &mut a, &second, &unit_wide.id, &low);
    a
}

#[test]
fn with_a_score_and_no_reachable_band_the_model_says_so_and_every_file_shows_it() {
    for id in ["ori-2016", "ori-2022", "ori-2025"] {
        let i = ins(id);
        let mut a = Assessment::new("x", i, "Dinas Contoh", "Unit", "Produk");
        // A few indicators at the maximum, the rest unanswered: a score, no gap, so no plan.
        let place = a.places()[0].clone();
        let (_, max) = low_and_max(i);
        for (_, ind) in i.indicators().take(3) {
            set(i, &mut a, &place, &ind.id, &max);
        }
        for lang in [Lang::Id, Lang::En] {
            let r = report::build(i, &a, lang, AT);
            assert!(r.overall.score.is_some() && r.plans.is_empty(), "{id}");
            let note = r.plans_note.clone().expect("a score without a plan says why");
            // The list is computed from what is answered: answer the rest first.
            let questions = r.overall.unanswered - r.overall.unanswered_opinion;
            let first = match lang {
                Lang::Id => format!("Jawab dulu {questions} pertanyaan"),
                Lang::En => format!("First answer the {questions} remaining questions"),
            };
            assert!(note.starts_with(&first), "{id}: {note}");
            assert_eq!(visible(&html::render(&r, "{}")).matches(&note).count(), 1, "{id}");
            assert!(pdf_text(&r, &format!("note-{id}.pdf")).contains(&note), "{id}");
        }
    }
}

#[test]
fn in_the_highest_band_the_model_says_so_and_with_a_plan_nothing() {
    let i = ins("ori-2022");
    let mut a = Assessment::new("x", i, "Dinas Contoh", "Unit", "Produk");
    common::answer_all(i, &mut a, "3");
    let r = report::build(i, &a, Lang::Id, AT);
    assert_eq!(r.plans_note.as_deref(), Some(r.texts().top_band));
    assert!(visible(&html::render(&r, "{}")).contains(r.texts().top_band));
    let r = report::build(i, &common::sample_2022(), Lang::Id, AT);
    assert!(!r.plans.is_empty());
    assert_eq!(r.plans_note, None);
    // Everything "Tidak berlaku": no score, so no sentence about plans either.
    let i = ins("ori-2016");
    let mut none = Assessment::new("y", i, "Dinas Kosong", "Unit", "Produk");
    let place = none.places()[0].clone();
    common::set_all(i, &mut none, &place, "tb");
    let r = report::build(i, &none, Lang::Id, AT);
    assert_eq!((r.overall.score.is_some(), r.plans_note.is_some()), (false, false));
}

#[test]
fn a_unit_wide_gap_is_listed_once_on_its_unit_and_still_leads_to_its_place() {
    for id in ["ori-2016", "ori-2022", "ori-2025"] {
        let i = ins(id);
        let a = mixed(id);
        let r = report::build(i, &a, Lang::Id, AT);
        let unit_wide = i.indicators().find(|(_, x)| x.scope == Scope::Unit).unwrap().1;
        let items: Vec<_> =
            r.gaps.iter().filter(|g| g.indicator == unit_wide.id && g.unit == "Unit Dua").collect();
        assert_eq!(items.len(), 1, "{id}: one item for a unit-wide gap, not one per product");
        let g = items[0];
        assert_eq!(g.product, None, "{id}");
        assert_eq!(g.place_text, "Seluruh unit Unit Dua", "{id}");
        // "Go to this indicator" opens the unit at its first product.
        assert_eq!(g.place, a.places()[1], "{id}");
        let product_items = r.gaps.iter().filter(|g| g.product.is_some());
        assert!(product_items.clone().count() > 0, "{id}");
        for p in product_items {
            assert_eq!(p.place_text, format!("{} › {}", p.unit, p.product.clone().unwrap()));
        }
        // In the files: the list of every gap names the whole unit once for that indicator.
        let page = visible(&html::render(&r, "{}"));
        let t = r.texts();
        let gaps = &page[page.find(t.all_gaps).unwrap()..];
        let gaps = &gaps[..gaps.find(t.assumptions).unwrap()];
        let row = format!("{} · {} Seluruh unit Unit Dua", g.section, g.legal);
        let text_then_place = format!("{} {}", unit_wide.text.get(Lang::Id), row);
        assert_eq!(gaps.matches(&text_then_place).count(), 1, "{id}: HTML gap rows");
        let en = report::build(i, &a, Lang::En, AT);
        let g = en.gaps.iter().find(|g| g.indicator == unit_wide.id && g.unit == "Unit Dua");
        assert_eq!(g.unwrap().place_text, "Whole unit Unit Dua");
        assert!(pdf_text(&r, &format!("unit-wide-{id}.pdf")).contains("Seluruh unit Unit Dua"));
    }
}

#[test]
fn no_indicator_id_instrument_id_or_data_version_in_what_a_reader_sees() {
    for id in ["ori-2016", "ori-2022", "ori-2025"] {
        let i = ins(id);
        let before = mixed(id);
        let mut after = before.clone();
        let (low, max) = low_and_max(i);
        let place = after.places()[0].clone();
        for (n, (_, ind)) in i.indicators().enumerate().take(6) {
            set(i, &mut after, &place, &ind.id, if n % 2 == 0 { &max } else { &low });
        }
        for lang in [Lang::Id, Lang::En] {
            let c = compare(i, &before, &after).unwrap();
            let r =
                report::build(i, &after, lang, AT).with_comparison(comparison::view(&c, i, lang));
            assert!(!r.gaps.is_empty() && !r.assumptions.is_empty(), "{id}: gaps to list");
            let page = visible(&html::render(&r, "{}"));
            let text = pdf_text(&r, &format!("ids-{id}-{}.pdf", lang.code()));
            for (what, body) in [("HTML", &page), ("PDF", &text)] {
                for (_, ind) in i.indicators() {
                    assert!(!body.contains(&ind.id), "{id} {what}: indicator id {}", ind.id);
                }
                assert!(!body.contains(id), "{id} {what}: instrument id");
                for old in ["edisi data", "data edition"] {
                    assert!(!body.contains(old), "{id} {what}: {old}");
                }
                // The edition, told once, with the sources, in words.
                let edition = &r.instrument.edition;
                assert_eq!(body.matches(edition.as_str()).count(), 1, "{id} {what}: {edition}");
                let sources = body.rfind(r.texts().sources).unwrap();
                assert!(body.find(edition.as_str()).unwrap() > sources, "{id} {what}");
            }
            // The footer says when and with what, nothing more.
            let footer = &page[page.rfind(r.texts().generated).unwrap()..];
            let when = report::format_moment(AT, r.lang);
            assert_eq!(footer.trim(), format!("{} {when}", r.texts().generated), "{id}");
        }
    }
}

/// One count of what is missing, named for what it is (docs/SCORING.md §Common rules): the
/// questions not answered and, under the opinion, the opinion-data entries not filled in; the
/// status line of the model, the HTML and the PDF say the same words, with "batas bawah" explained.
#[test]
fn what_is_missing_is_one_count_named_for_what_it_is_in_every_file() {
    // 2025, every indicator answered but no opinion data: entries, not questions.
    let i = ins("ori-2025");
    let mut a = Assessment::new("x", i, "Dinas Contoh", "Unit", "Produk");
    common::answer_all(i, &mut a, "3");
    let r = report::build(i, &a, Lang::Id, AT);
    let o = &r.overall;
    assert!(o.unanswered > 0 && o.unanswered == o.unanswered_opinion, "{o:?}");
    let words = format!("{} isian Data Opini belum diisi", o.unanswered);
    assert_eq!(o.missing.as_deref(), Some(words.as_str()));
    assert!(!o.status.contains("indikator belum dijawab"), "{}", o.status);
    assert!(
        o.status.contains(&words) && o.status.contains("nilai akhirnya sama atau lebih tinggi")
    );
    assert!(visible(&html::render(&r, "{}")).contains(&words));
    assert!(pdf_text(&r, "missing-2025.pdf").contains(&words));
    let en = report::build(i, &a, Lang::En, AT);
    let n = en.overall.unanswered;
    assert_eq!(en.overall.missing, Some(format!("{n} opinion-data entries not filled in")));
    // 2022, a few answered: only questions; its Output dimension is indicators, counted once.
    let i = ins("ori-2022");
    let mut a = Assessment::new("x", i, "Dinas Contoh", "Unit", "Produk");
    let place = a.places()[0].clone();
    for (_, ind) in i.indicators().take(10) {
        set(i, &mut a, &place, &ind.id, "3");
    }
    let r = report::build(i, &a, Lang::Id, AT);
    let o = &r.overall;
    assert_eq!(o.unanswered_opinion, 0);
    assert_eq!(o.unanswered, o.total - 10);
    assert_eq!(o.missing, Some(format!("{} pertanyaan belum dijawab", o.total - 10)));
    let listed: u32 = r.units.iter().map(|u| u.total - u.answered).sum();
    assert_eq!(listed, o.unanswered, "the units' completeness adds up to the same count");
    // Nothing missing: no words, and the status says it is complete.
    common::answer_all(i, &mut a, "3");
    let r = report::build(i, &a, Lang::Id, AT);
    assert_eq!((r.overall.missing.as_deref(), r.overall.unanswered), (None, 0));
    assert!(r.overall.status.starts_with("Lengkap"));
}

/// Under the score one sentence says what it is; the formula and its sources stay in the
/// assumptions further down, on the report in HTML and PDF.
#[test]
fn under_the_score_one_sentence_and_the_rules_further_down() {
    for id in ["ori-2022", "ori-2025"] {
        let i = ins(id);
        let r = report::build(i, &mixed(id), Lang::Id, AT);
        let t = r.texts();
        let weights = i.scoring.weights_assumed.as_ref().unwrap().get(Lang::Id);
        let head = weights.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
        for (what, text) in [
            ("html", visible(&html::render(&r, "{}"))),
            ("pdf", pdf_text(&r, &format!("estimate-{id}.pdf"))),
        ] {
            let estimate = text.find(t.estimate).unwrap_or_else(|| panic!("{id} {what}"));
            let legend = text.find(t.legend).unwrap();
            assert!(estimate < legend, "{id} {what}: the sentence is under the score");
            let rules = text.find(&head).unwrap_or_else(|| panic!("{id} {what}: {head}"));
            assert!(rules > text.find(t.all_gaps).unwrap(), "{id} {what}: weights further down");
        }
    }
}

/// What the head of office signs ends with the plan and the signatures; the assumptions and the
/// research trail (press articles, third-party uploads) follow as an appendix, in both files.
#[test]
fn the_sources_come_after_the_signatures() {
    for id in ["ori-2022", "ori-2025"] {
        let i = ins(id);
        let r = report::build(i, &mixed(id), Lang::Id, AT);
        let t = r.texts();
        let appendix = format!("{}: {}", t.appendix, t.assumptions);
        let page = visible(&html::render(&r, "{}"));
        let text = pdf_text(&r, &format!("sources-after-{id}.pdf"));
        for (what, s) in [("HTML", &page), ("PDF", &text)] {
            let sign = s.find(t.acknowledged).unwrap_or_else(|| panic!("{id} {what}: signature"));
            let after = s.find(&appendix).unwrap_or_else(|| panic!("{id} {what}: appendix"));
            assert!(sign < after, "{id} {what}: the assumptions come after the signatures");
            let first_source = r.instrument.sources.first().map(|s| s.title.as_str()).unwrap();
            assert!(!s[..sign].contains(first_source), "{id} {what}: no source before signing");
        }
    }
}

/// 2016–2024 results are written in the screen's words (docs/SOURCES.md §Bands 2022–2024): zone
/// and predicate with the grade after it, never "Opini" (the 2025 word); the legend highest
/// first; a plan's minimum in words, no ">=".
#[test]
fn a_2022_result_is_written_in_the_screens_words() {
    let i = ins("ori-2022");
    let r = report::build(i, &mixed("ori-2022"), Lang::Id, AT);
    let band = r.overall.band.clone().unwrap();
    assert!(
        band.grade.is_some()
            && band.title().ends_with(&format!("({})", band.grade.clone().unwrap()))
    );
    assert!(!r.plans.is_empty());
    let (top, bottom) = (r.legend.last().unwrap().predicate(), r.legend[0].predicate());
    for (what, text) in
        [("html", visible(&html::render(&r, "{}"))), ("pdf", pdf_text(&r, "words-2022.pdf"))]
    {
        assert!(text.contains(&band.title()), "{what}: {}", band.title());
        // Before the appendix (whose sources may cite a 2025 article) no "Opini": the 2025 word.
        let t = r.texts();
        let signed = &text[..text.find(&format!("{}: {}", t.appendix, t.assumptions)).unwrap()];
        assert!(!signed.contains("Opini"), "{what}: \"Opini\" is the 2025 word");
        assert!(!text.contains(">="), "{what}: no >= in a plan");
        assert!(text.contains(&format!("{}, nilai minimal", r.plans[0].target.title())), "{what}");
        let legend = &text[text.find(r.texts().legend).unwrap()..];
        assert!(legend.find(&top).unwrap() < legend.find(&bottom).unwrap(), "{what}: A first");
    }
}
