//! Hostile strings through the pemda recap (HTML and CSV), the SKM documents, the comparison view
//! and photo ids (docs/RELIABILITY.md), with the corpus and checks of `hostile_kit`; the checks
//! themselves are shown to catch what they look for. Every field of a single assessment through
//! every export is `hostile.rs`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod hostile_kit;

use std::collections::BTreeSet;

use hostile_kit::markup::inert_markup;
use hostile_kit::*;
use patuh_core::assessment::{Answer, Assessment};
use patuh_core::bundle;
use patuh_core::compare::compare;
use patuh_core::instrument::{self, Lang, Scope};
use patuh_core::persist::{decode, encode};
use patuh_core::recap::{normalise_opd, recap};
use patuh_core::report::{self, comparison, csv, html, pdf, recap_csv, recap_html, skm_doc};
use patuh_core::skm::Subject;
use patuh_core::skm::{self, Survey, N_UNSUR};

/// The pemda recap over files carrying the corpus (JSON and HTML reports, hostile file names) and
/// over files that are nothing but a hostile string.
#[test]
fn the_recap_escapes_and_neutralises() {
    let s = corpus();
    let mut files = Vec::new();
    let mut units = 0;
    for ins in instrument::all() {
        for k in 0..s.len() {
            let a = carrying(ins, &s, k);
            let json = encode(&a, "2026-11-23T10:00:00Z");
            units += a.units.len();
            if k.is_multiple_of(3) {
                let doc = html::render(&report::build(ins, &a, Lang::Id, "x"), &json);
                files.push((format!("{}.html", s[(k + 20) % s.len()]), doc));
            } else {
                files.push((s[(k + 20) % s.len()].clone(), json));
            }
        }
    }
    for (k, x) in s.iter().enumerate() {
        files.push((s[(k + 1) % s.len()].clone(), x.clone()));
        let _ = normalise_opd(x);
    }
    let r = recap(&files);
    assert_eq!(r.errors.len(), s.len(), "every bare hostile string is refused");
    let read: usize = r.groups.iter().map(|g| g.opds.len()).sum();
    assert_eq!(read, instrument::all().len() * s.len(), "every file carrying the corpus is read");
    for (k, lang) in [Lang::Id, Lang::En].into_iter().enumerate() {
        let doc = recap_html::render(&r, lang, &s[k]);
        let markup = inert_markup(&doc, false, &format!("recap HTML {lang:?}"));
        for o in r.groups.iter().flat_map(|g| &g.opds).filter(|o| !o.opd.trim().is_empty()) {
            assert!(markup.contains(&html::escape(&o.opd)), "recap shows {}", short(&o.opd));
        }
        for d in [csv::SEMICOLON, csv::COMMA] {
            let rows = csv_records(&recap_csv::render(&r, lang, d), d, "recap CSV");
            assert_eq!(
                rows.len(),
                1 + r.groups.len() + units,
                "a pemda row per group, one row per unit"
            );
            let opds: BTreeSet<&String> = rows[1..].iter().map(|r| &r[0]).collect();
            for o in r.groups.iter().flat_map(|g| &g.opds) {
                assert!(opds.contains(&csv::neutralise(&o.opd)), "recap CSV has {}", short(&o.opd));
            }
        }
    }
}

/// SKM documents with a hostile title (and generation time); the SKM CSV importer and the count
/// box refuse every hostile string without panicking.
#[test]
fn skm_documents_with_a_hostile_title() {
    let s = corpus();
    let survey = Survey::from_counts([[1, 2, 3, 4]; N_UNSUR]).unwrap();
    for lang in [Lang::Id, Lang::En] {
        let width = skm_doc::csv_headers(lang).len();
        let plain = csv_records(
            &skm_doc::csv(&survey, lang, &Subject::unit("Unit"), b';'),
            b';',
            "SKM CSV",
        )
        .len();
        for (k, title) in s.iter().enumerate() {
            let what = format!("SKM {lang:?} #{k}");
            // Kept as typed, its control characters made spaces and cut to the longest name.
            let subject = Subject::unit(title);
            let named = subject.unit.trim();
            let doc = skm_doc::html(&survey, lang, &subject, &s[(k + 1) % s.len()]);
            let markup = inert_markup(&doc, false, &what);
            if !named.is_empty() {
                assert!(markup.contains(&html::escape(named)), "{what}: title shown");
            }
            let d = delimiter_of(k);
            let rows = csv_records(&skm_doc::csv(&survey, lang, &subject, d), d, &what);
            assert_eq!(rows.len(), plain, "{what}: rows");
            assert!(rows.iter().all(|r| r.len() == width), "{what}: width");
            assert!(rows.iter().any(|r| r[1] == csv::neutralise(named)), "{what}: title cell");
            assert!(skm::from_csv(title).is_err(), "{what}: importer refuses it");
            let with_header = format!("{title}\n4;4;4;4;4;4;4;4;4\n");
            let _ = skm::from_csv(&with_header);
            // Typed into a count box: refused (unless it is a whole number), the message short.
            if let Err(e) = skm::parse_count(title) {
                assert!(e.message(lang, 7).chars().count() < 300, "{what}: count message");
            } else {
                assert!(title.trim().bytes().all(|b| b.is_ascii_digit()), "{what}: count");
            }
        }
    }
}

/// The comparison of two assessments carrying every string as unit and product names (units
/// reordered, one gone, one renamed, one changed answer per place, another OPD), in the HTML
/// report, the CSV and the PDF (read by `pdftotext` for ori-2016).
#[test]
fn the_comparison_view_escapes_and_neutralises() {
    let s = corpus();
    for (n, ins) in instrument::all().iter().enumerate() {
        let before = combined(ins, &s, n);
        let mut after = before.clone();
        after.opd = s[(n + 40) % s.len()].clone();
        let last = after.units.pop().unwrap();
        after.units.insert(0, last);
        after.units.remove(1);
        let (u, p) = (after.units[2].id.clone(), after.units[2].products[0].id.clone());
        after.rename_product(&u, &p, &s[(n + 50) % s.len()]);
        // One change per place (the noted indicator improves; the first place also loses one),
        // so each hostile name is in the list of changes without it growing huge.
        let best = ins.scale.options.iter().max_by_key(|o| o.points).unwrap().value.clone();
        let prod_ind = first(ins, Scope::Product);
        for place in after.places() {
            after.set_answer(ins, &place, &prod_ind, Some(Answer::Value(best.clone())));
        }
        let place = after.places()[0].clone();
        after.set_answer(ins, &place, &first(ins, Scope::Unit), Some(Answer::NotApplicable));
        let c = compare(ins, &before, &after).unwrap_or_else(|e| panic!("{}: {e:?}", ins.id));
        assert!(!c.same_opd || normalise_opd(&before.opd) == normalise_opd(&after.opd));
        {
            let lang = lang_of(n + 1);
            let what = format!("{} {lang:?} comparison", ins.id);
            let view = comparison::view(&c, ins, lang);
            let r = report::build(ins, &after, lang, "2026-11-23").with_comparison(view);
            let json = encode(&after, "x");
            let doc = html::render(&r, &json);
            let markup = inert_markup(&doc, true, &what);
            for u in &before.units {
                if !u.name.trim().is_empty() {
                    assert!(markup.contains(&html::escape(&u.name)), "{what}: {}", short(&u.name));
                }
            }
            assert_eq!(
                decode(&patuh_core::open::extract_json(&doc).unwrap()).unwrap().assessment,
                after
            );
            let d = delimiter_of(n);
            let rows = csv_records(&csv::render(&r, d), d, &what);
            let sheet = csv::sheet(&r);
            assert_eq!(rows.len(), 1 + sheet.summary.len() + sheet.indicators.len(), "{what}");
            assert_eq!(sheet.indicators.len(), indicator_places(ins, &after), "{what}");
            assert_eq!(rows[0].len(), csv::COLUMNS + 2, "{what}: two more columns");
            let bytes = pdf::render(&r);
            pdf_intact(&bytes, &what);
            if n == 0 {
                let path =
                    common::out_dir("hostile").join(format!("hostile-comparison-{}.pdf", ins.id));
                std::fs::write(&path, &bytes).unwrap();
                pdftotext(&path);
            }
        }
    }
}

/// Hostile photo ids (a file can carry any): the bundle refuses them as file names and still
/// carries the assessment that refers to them.
#[test]
fn hostile_photo_ids_never_become_file_names() {
    let s = corpus();
    let ins = instrument::by_id("ori-2016").unwrap();
    let mut a = Assessment::new("p", ins, "Dinas", "Unit", "Produk");
    let place = a.places()[0].clone();
    let id = first(ins, Scope::Product);
    a.edit(ins, &place, &id, |e| e.photos = s.clone());
    let json = encode(&a, "x");
    let (snap, photos) = bundle::read(&bundle::write(&json, None, &[]).unwrap()).unwrap();
    assert_eq!((snap.assessment, photos), (a, vec![]));
    let mut refused = 0;
    for x in &s {
        let photo = (x.clone(), b"jpeg".to_vec());
        match bundle::write(&json, None, std::slice::from_ref(&photo)) {
            // Only ASCII letters, digits, '-' and '_' (such as "-1-1") make a file name…
            Ok(zip) => {
                assert!(bundle::valid_photo_id(x), "{}", short(x));
                assert_eq!(bundle::read(&zip).unwrap().1, vec![photo]);
            }
            // …everything else is refused.
            Err(e) => {
                assert_eq!(e, bundle::BundleError::BadPhotoId(x.clone()));
                refused += 1;
            }
        }
    }
    assert!(refused >= s.len() - 3, "{refused} of {} refused", s.len());
}

/// JSON text the corpus cannot express as a Rust string: a lone surrogate escape is refused (not a
/// panic), a surrogate pair reads as its character.
#[test]
fn lone_surrogate_escapes_are_refused_not_a_panic() {
    let ins = instrument::by_id("ori-2022").unwrap();
    let a = Assessment::new("s", ins, "OPD_MARK", "Unit", "Produk");
    let json = encode(&a, "x");
    for lone in ["\\ud800", "\\udfff", "\\ud800x", "\\ud83d\\u0041"] {
        let bad = json.replace("OPD_MARK", lone);
        assert!(decode(&bad).is_err(), "{lone} is refused");
        let doc = html::render(&report::build(ins, &a, Lang::Id, "x"), &bad);
        assert!(
            decode(&patuh_core::open::extract_json(&doc).unwrap()).is_err(),
            "{lone} in a report"
        );
    }
    let pair = json.replace("OPD_MARK", "\\ud83d\\ude00");
    assert_eq!(decode(&pair).unwrap().assessment.opd, "😀");
}

/// The checks above catch what they look for (so a passing run means something).
#[test]
fn the_checks_catch_what_they_look_for() {
    let fails = |f: &dyn Fn()| std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).is_err();
    let page = |body: &str| {
        format!("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<title>t</title>\n<style>p > b {{}}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")
    };
    let data = |json: &str| {
        format!("<script type=\"application/json\" id=\"{}\">{json}</script>", html::DATA_ID)
    };
    assert!(!fails(&|| {
        inert_markup(
            &page("<p class=\"x\"><bdi>&lt;img&gt; &amp; &#39; \u{202e}x</bdi></p>"),
            false,
            "ok",
        );
    }));
    assert!(!fails(&|| {
        inert_markup(&page(&data("{\"a\":\"\\u003c\"}")), true, "ok");
    }));
    for bad in [
        "<img src=x onerror=alert(1)>",
        "<p onclick=\"x\">a</p>",
        "<SCRIPT>alert(1)</SCRIPT>",
        "<a href=\"javascript:alert(1)\">a</a>",
        "<a href=\"https://a b\">a</a>",
        "<p>&</p>",
        "<p>a\u{0}b</p>",
        "<p>a\u{85}b</p>",
        "<p style=\"background:url(x)\">a</p>",
        "<meta http-equiv=\"refresh\" content=\"0\">",
        "<p title=x>a</p>",
        "<p>\u{202e}abc</p>",
        "<p><bdi>a</bdi>\u{2067}b</p>",
    ] {
        assert!(
            fails(&|| {
                inert_markup(&page(bad), false, "bad");
            }),
            "{bad}"
        );
    }
    assert!(fails(&|| {
        inert_markup(&page(&format!("{}{}", data("{}"), data("{}"))), true, "two blocks");
    }));
    assert!(fails(&|| {
        inert_markup(&page(&data("{\"a\":\"</b>\"}")), true, "raw < in data");
    }));
    assert!(fails(&|| {
        inert_markup(&page(&data("{}")), false, "unexpected data block");
    }));
    assert!(!fails(&|| {
        csv_records("\u{feff}a;'=1\r\n\"x;y\";\"'\t=2\"\r\n", b';', "ok");
    }));
    for bad in ["a;b\r\n", "\u{feff}a;=1\r\n", "\u{feff}\"\r=1\";b\r\n", "\u{feff}a;b\r\nc\r\n"] {
        assert!(
            fails(&|| {
                csv_records(bad, b';', "bad");
            }),
            "{bad:?}"
        );
    }
    assert!(fails(&|| pdf_intact(b"%PDF-1.7 ... no end", "bad")));
    assert!(fails(&|| pdf_intact(b"<html>%%EOF", "bad")));
}
