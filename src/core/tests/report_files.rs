//! The files made from the report model: a self-contained HTML file that survives hostile input
//! and reopens (the example of docs/FORMAT.md too), a CSV that Excel reads without running
//! formulas, and every shipped instrument reported and reopened in both languages.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{build, ins, parse_csv as parse, sample_2016, sample_2022, set_all};
use patuh_core::assessment::Assessment;
use patuh_core::exact::Hundredths;
use patuh_core::instrument::{self, Lang, Scope};
use patuh_core::open;
use patuh_core::persist::{decode, encode};
use patuh_core::report::csv::col;
use patuh_core::report::{self, csv, html};

fn h(n: u32) -> Hundredths {
    Hundredths(n)
}

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------

fn page(id: &str, a: &Assessment, lang: Lang) -> String {
    html::render(&build(id, a, lang), &encode(a, "2026-11-23T10:00:00Z"))
}

#[test]
fn html_is_self_contained_and_complete() {
    for (id, a) in [("ori-2016", sample_2016()), ("ori-2022", sample_2022())] {
        let doc = page(id, &a, Lang::Id);
        let r = build(id, &a, Lang::Id);
        assert!(doc.starts_with("<!DOCTYPE html>\n<html lang=\"id\">"));
        assert_eq!(doc.matches("<script").count(), 1, "only the JSON data block");
        assert!(doc.contains("<script type=\"application/json\" id=\"patuh-data\">"));
        for external in ["<link", "src=", "@import", "url("] {
            assert!(!doc.contains(external), "{id}: external resource {external}");
        }
        assert!(doc.contains("@page { size: A4;"));
        assert!(doc.contains("break-inside: avoid"));
        assert!(doc.contains("thead { display: table-header-group; }"));
        let score = &r.overall.score.as_ref().unwrap().text;
        assert!(doc.contains(&format!("<p class=\"score\">{score}</p>")));
        // Zone badge: colour class, shape and text.
        assert!(doc.contains(
            "<span class=\"badge zone-kuning\"><span aria-hidden=\"true\">▲</span> Zona Kuning</span>"
        ));
        // Every indicator text (apostrophes and quotes come out escaped).
        let ins = ins(id);
        for (_, i) in ins.indicators() {
            let text = html::escape(&i.text.id);
            assert!(doc.contains(&text), "{id}: missing indicator {}", i.id);
        }
        // Signature block.
        assert!(doc.contains("Mengetahui,<br>Kepala <bdi>"));
        assert!(doc.contains("(______________________________)"));
        assert!(doc.contains("Penilai,<br>"));
        assert!(doc.contains(&format!("<strong><bdi>{}</bdi></strong>", a.assessor_name)));
        assert!(doc.contains("Data hanya disimpan di peramban"));
    }
    let doc = page("ori-2016", &sample_2016(), Lang::Id);
    assert!(doc.contains("Kabupaten Contoh</bdi>, <bdi>23 November 2026</bdi>"));
    assert!(doc.contains("Sementara"));
    let en = page("ori-2022", &sample_2022(), Lang::En);
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("<p class=\"score\">70.66</p>"));
}

use common::HOSTILE_FIELDS as HOSTILE;

/// An assessment with a hostile string in every text field, and a 10 kB line.
fn hostile(n: usize) -> Assessment {
    common::hostile_assessment(&HOSTILE, n, false)
}

#[test]
fn hostile_strings_cannot_break_out_and_the_file_reopens() {
    for (n, generated_at) in HOSTILE.iter().enumerate() {
        let a = hostile(n);
        let json = encode(&a, "2026-11-23T10:00:00Z");
        for lang in [Lang::Id, Lang::En] {
            let r = report::build(ins("ori-2016"), &a, lang, generated_at);
            let doc = html::render(&r, &json);
            assert_eq!(doc.matches("<script").count(), 1, "case {n}");
            assert_eq!(doc.matches("</script>").count(), 1, "case {n}");
            assert!(!doc.contains("<script>alert"), "case {n}");
            assert!(!doc.contains("<img"), "case {n}");
            assert!(!doc.contains("<!--"), "case {n}");
            assert!(!doc.contains('\u{0}'), "case {n}");
            assert!(!doc.contains("href=\"javascript"), "case {n}");
            // The data block holds no raw < > & U+2028 U+2029; the rest no raw quote either.
            let start = doc.find("id=\"patuh-data\">").unwrap() + "id=\"patuh-data\">".len();
            let block = &doc[start..start + doc[start..].find("</script>").unwrap()];
            let markup = doc.replace(block, "");
            assert!(!markup.contains("onmouseover='"), "case {n}");
            assert!(!block.contains(['<', '>', '&', '\u{2028}', '\u{2029}']), "case {n}");
            let back = decode(&open::extract_json(&doc).unwrap()).unwrap();
            assert_eq!(back.assessment, a, "case {n}: round-trip");
            assert_eq!(encode(&back.assessment, &back.saved_at), json);
        }
    }
}

#[test]
fn only_web_links_become_links() {
    assert_eq!(html::safe_href(" https://a.go.id/x "), Some("https://a.go.id/x"));
    assert_eq!(html::safe_href("HTTP://A.GO.ID"), Some("HTTP://A.GO.ID"));
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<b>",
        "//evil.example",
        "file:///etc/passwd",
        "https://a b",
        "https://",
        "vbscript:x",
    ] {
        assert_eq!(html::safe_href(bad), None, "{bad}");
    }
    let doc = page("ori-2016", &sample_2016(), Lang::Id);
    assert!(doc.contains(
        "<a href=\"https://contoh.go.id/standar-pelayanan.pdf\" rel=\"noopener noreferrer\">"
    ));
}

#[test]
fn escapes_cover_html_and_script_data() {
    assert_eq!(
        html::escape("<a href=\"x\" title='y'>&</a>"),
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
    );
    assert_eq!(html::escape("a\u{0}b\u{7}c\td\ne"), "a\u{fffd}b\u{fffd}c\td\ne");
    let json = "{\"a\":\"</script>&\u{2028}\u{2029}\"}";
    let escaped = html::escape_json(json);
    assert_eq!(escaped, "{\"a\":\"\\u003c/script\\u003e\\u0026\\u2028\\u2029\"}");
    let back = patuh_core::json::parse(&escaped).unwrap();
    let orig = patuh_core::json::parse(json).unwrap();
    assert_eq!(back, orig);
}

#[test]
fn extract_json_finds_only_the_data_block() {
    assert_eq!(open::extract_json("<html><body>no data</body></html>"), None);
    assert_eq!(
        open::extract_json("<script>var x</script><SCRIPT type=\"application/json\" id=\"patuh-data\"> {\"a\":1} </SCRIPT>"),
        Some("{\"a\":1}".to_string())
    );
    assert_eq!(open::extract_json("<script type=\"application/json\" id=\"patuh-data\">{"), None);
    let a = sample_2022();
    let doc = page("ori-2022", &a, Lang::Id);
    assert_eq!(decode(&open::extract_json(&doc).unwrap()).unwrap().assessment, a);
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

#[test]
fn csv_neutralises_formulas_and_quotes_awkward_values() {
    let i = ins("ori-2016");
    let mut a = Assessment::new("c", i, "=cmd|' /C calc'!A0", "+1", "-1");
    let p = a.places()[0].clone();
    a.edit(i, &p, "sp-persyaratan", |e| {
        e.note = "@SUM(A1)".into();
        e.links = vec!["a;b".into(), "say \"hi\"".into()];
    });
    a.edit(i, &p, "sp-prosedur", |e| e.note = "line 1\r\nline 2; \"quoted\"".into());
    a.edit(i, &p, "sp-produk", |e| e.note = "\t=1+1".into());
    let r = report::build(i, &a, Lang::Id, "x");
    let summary = csv::sheet(&r).summary.len();
    for delimiter in [b';', b','] {
        let rows = parse(&csv::render(&r, delimiter), delimiter);
        let row = |id: &str| rows[1 + summary..].iter().find(|r| r[col::ID] == id).unwrap();
        let first = row("sp-persyaratan");
        assert_eq!(first[col::OPD], "'=cmd|' /C calc'!A0");
        assert_eq!(first[col::UNIT], "'+1");
        assert_eq!(first[col::PRODUCT], "'-1");
        assert_eq!(first[col::NOTE], "'@SUM(A1)");
        assert_eq!(first[col::LINKS], "a;b | say \"hi\"");
        assert_eq!(row("sp-prosedur")[col::NOTE], "line 1\r\nline 2; \"quoted\"");
        assert_eq!(row("sp-produk")[col::NOTE], "'\t=1+1");
    }
    let text = csv::render(&r, b';');
    assert!(text.contains("\"a;b | say \"\"hi\"\"\""));
}

#[test]
fn the_example_in_format_md_opens_and_saves_identically() {
    let doc = include_str!("../../../docs/FORMAT.md");
    let start = doc.find("```json\n").unwrap() + "```json\n".len();
    let example = &doc[start..start + doc[start..].find("```").unwrap()];
    let snap = decode(example).unwrap();
    assert_eq!(snap.assessment.instrument, "ori-2022");
    assert_eq!(encode(&snap.assessment, &snap.saved_at), example);
    // And it survives the trip through an HTML report.
    let r = report::build(ins("ori-2022"), &snap.assessment, Lang::Id, "x");
    let page = html::render(&r, example);
    assert_eq!(open::extract_json(&page).unwrap(), example.trim());
}

#[test]
fn every_shipped_instrument_reports_and_reopens() {
    for i in instrument::all() {
        let mut a = Assessment::new("s", i, "Dinas", "Unit", "P1");
        let u = a.units[0].id.clone();
        a.add_product(&u, "P2");
        let p = a.places()[0].clone();
        set_all(i, &mut a, &p, &i.scale.options[0].value);
        let json = encode(&a, "x");
        for lang in [Lang::Id, Lang::En] {
            let r = report::build(i, &a, lang, "x");
            let band = r.overall.band.as_ref().unwrap();
            assert_eq!(band.min.value, h(0), "{}: all lowest is the lowest band", i.id);
            assert_eq!(r.units[0].products.len(), 2);
            if i.provisional {
                assert_eq!(r.assumptions[0].subject, report::texts(lang).provisional_instrument);
            }
            let doc = html::render(&r, &json);
            assert_eq!(doc.matches("<script").count(), 1);
            assert!(doc.contains(&band.zone_name));
            match &r.opinion {
                // An opinion names the zone only as the pre-2025 translation, without a badge.
                Some(o) => assert!(doc.contains(o.words.as_deref().unwrap())),
                None => assert!(doc.contains(report::zone_symbol(band.zone))),
            }
            assert_eq!(decode(&open::extract_json(&doc).unwrap()).unwrap().assessment, a);
            let rows = parse(&csv::render(&r, b';'), b';');
            let sheet = csv::sheet(&r);
            assert_eq!(rows.len(), 1 + sheet.summary.len() + sheet.indicators.len(), "{}", i.id);
            let unit_wide = i.indicators().filter(|(_, x)| x.scope == Scope::Unit).count();
            let per_product = i.indicators().count() - unit_wide;
            assert_eq!(sheet.indicators.len(), unit_wide + 2 * per_product, "{}", i.id);
        }
    }
}
