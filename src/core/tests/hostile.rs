//! Hostile strings through every export (docs/RELIABILITY.md): a corpus of at least 50 strings
//! (`fixtures/hostile.txt`) put into every text field of an assessment of each shipped instrument,
//! then through the JSON file, the HTML report, the CSV, the PDF, the evidence bundle, the pemda
//! recap (HTML and CSV), the SKM documents and the comparison view. HTML must stay inert markup,
//! CSV must parse back with every formula-like cell neutralised, the PDF must stay a PDF that
//! poppler reads, and every file that can be reopened must reopen to the identical assessment.
//!
//! # The corpus file
//!
//! One string per line, UTF-8, LF line ends, no comments and no blank lines. Everything is literal
//! except these escapes, so that invisible and control characters stay reviewable:
//! `\u{HEX}` (any Unicode scalar value), `\n`, `\r`, `\t` and `\\`. Any other backslash sequence
//! is an error in the file. The 10 kB lines and the long URL are written out literally.
//!
//! # Which string goes where
//!
//! For each instrument there are as many assessments as strings; assessment `k` takes string
//! `k + j` (modulo the corpus length) for text field `j`, so every string lands in every field
//! (OPD, pemda, period, date, assessor name and position, unit name, product name, three notes,
//! several evidence links) of one assessment of every instrument ([`carrying`]). Each of these
//! goes through every export, except that in a debug build a PDF costs 3–10 ms, so one PDF per
//! assessment is made for ori-2016 only. One "combined" assessment per instrument holds every
//! string at once, every identity field holding all of them ([`combined`]); its PDF is read by
//! `pdftotext`, and it is the one compared in the comparison view. The tests are split per
//! instrument so that they run in parallel; the file takes a few seconds.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use patuh_core::assessment::{Answer, Assessment};
use patuh_core::bundle::{self, Photo};
use patuh_core::compare::compare;
use patuh_core::instrument::{self, Instrument, Lang, Scope};
use patuh_core::persist::{decode, encode, file_name};
use patuh_core::recap::{normalise_opd, recap};
use patuh_core::report::{self, comparison, csv, html, pdf, recap_csv, recap_html, skm_doc};
use patuh_core::skm::{self, Survey, N_UNSUR};

const CORPUS: &str = include_str!("fixtures/hostile.txt");

/// The corpus, escapes decoded (see the module documentation).
fn corpus() -> Vec<String> {
    assert!(!CORPUS.contains('\r'), "hostile.txt must have LF line ends (write CR as \\r)");
    let lines: Vec<&str> = CORPUS.strip_suffix('\n').unwrap_or(CORPUS).split('\n').collect();
    let out: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(n, l)| {
            assert!(!l.is_empty(), "hostile.txt line {}: blank lines are not allowed", n + 1);
            unescape(l).unwrap_or_else(|e| panic!("hostile.txt line {}: {e}", n + 1))
        })
        .collect();
    assert!(out.len() >= 50, "the corpus needs at least 50 strings, has {}", out.len());
    let distinct: BTreeSet<&String> = out.iter().collect();
    assert_eq!(distinct.len(), out.len(), "the corpus has a duplicate string");
    out
}

fn unescape(line: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut it = line.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                if it.next() != Some('{') {
                    return Err("\\u must be followed by {".into());
                }
                let hex: String = it.by_ref().take_while(|&c| c != '}').collect();
                let v = u32::from_str_radix(&hex, 16).map_err(|e| format!("\\u{{{hex}}}: {e}"))?;
                out.push(char::from_u32(v).ok_or(format!("\\u{{{hex}}} is not a scalar value"))?);
            }
            other => return Err(format!("unknown escape \\{}", other.unwrap_or(' '))),
        }
    }
    Ok(out)
}

#[test]
fn the_corpus_covers_what_issue_7_lists() {
    let c = corpus();
    let has = |p: &dyn Fn(&str) -> bool| c.iter().any(|s| p(s));
    assert!(has(&|s| s.contains("<script")));
    assert!(has(&|s| s.contains("</script>")));
    assert!(has(&|s| s.contains("onerror")));
    assert!(has(&|s| s.starts_with("javascript:")));
    assert!(has(&|s| s.contains('\'') && s.contains('"') && s.contains('\\')));
    assert!(has(&|s| s.contains("&amp;")));
    assert!(has(&|s| s.contains('\u{2028}') && s.contains('\u{2029}')));
    assert!(has(&|s| s.contains('\u{202e}')));
    assert!(has(&|s| s.contains('\u{200d}')));
    for p in ['=', '+', '-', '@', '\t', '\r'] {
        assert!(has(&|s| s.starts_with(p)), "a string starting with {p:?}");
    }
    assert!(has(&|s| s == "=cmd|' /C calc'!A0"));
    for c in [';', ',', '"', '\n', '\r'] {
        assert!(has(&|s| s.contains(c) && s.len() > 1), "a string with {c:?}");
    }
    assert!(has(&|s| s.len() >= 10_000));
    assert!(has(&|s| s.chars().any(|c| c >= '\u{1f300}')));
    assert!(has(&|s| s.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c))));
    assert!(has(&|s| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))));
    assert!(has(&|s| s.contains('\u{0}')));
    assert!(has(&|s| s.chars().any(|c| c.is_control() && c != '\0' && c < ' ')));
    assert!(has(&|s| s.contains('\u{fffd}')));
    assert!(has(&|s| s.starts_with("https://") && s.len() > 2000));
    assert!(has(&|s| s == "../../etc/passwd"));
    assert!(has(&|s| s == "\"}]}"));
    assert!(has(&|s| s.contains("%PDF")) && has(&|s| s.contains("%%EOF")));
    assert!(has(&|s| s.contains(")Tj") || s.contains(") Tj")));
    assert!(has(&|s| s.starts_with("PK\u{3}\u{4}")));
}

// ---------------------------------------------------------------------------------------------
// Assessments carrying the corpus
// ---------------------------------------------------------------------------------------------

/// The first indicator of a scope.
fn first(ins: &Instrument, scope: Scope) -> String {
    ins.indicators().find(|(_, i)| i.scope == scope).map(|(_, i)| i.id.clone()).unwrap()
}

/// Answers every indicator at every place, cycling through the scale and "Tidak berlaku", so the
/// report has met, unmet and not-applicable rows (and an action plan with the notes).
fn answer_all(ins: &Instrument, a: &mut Assessment, k: usize) {
    let opts: Vec<Answer> = ins
        .scale
        .options
        .iter()
        .map(|o| Answer::Value(o.value.clone()))
        .chain([Answer::NotApplicable])
        .collect();
    for (pi, place) in a.places().into_iter().enumerate() {
        for (n, (_, i)) in ins.indicators().enumerate() {
            let v = opts[(k + pi + n) % opts.len()].clone();
            a.set_answer(ins, &place, &i.id, Some(v));
        }
    }
}

/// The photo of an assessment: hostile bytes that look like ZIP records, to attack the bundle.
fn photo(s: &str) -> Photo {
    let mut bytes = b"\xff\xd8\xff\xe0".to_vec();
    bytes.extend_from_slice(s.as_bytes());
    bytes.extend_from_slice(b"PK\x01\x02PK\x05\x06\0\0\0\0\x01\0\x01\0\0\0\0\0\0\0\0\0\0\0");
    ("ph-1".to_string(), bytes)
}

/// Assessment `k` of an instrument: string `k + j` in text field `j` (see the module docs). One
/// unit with one product, so that rendering ~250 of them stays fast.
fn carrying(ins: &Instrument, s: &[String], k: usize) -> Assessment {
    let f = |j: usize| s[(k + j) % s.len()].clone();
    let mut a = Assessment::new(&format!("h{k}"), ins, &f(0), &f(6), &f(7));
    a.pemda = f(1);
    a.period = f(2);
    a.date = f(3);
    a.assessor_name = f(4);
    a.assessor_position = f(5);
    answer_all(ins, &mut a, k);
    let place = a.places()[0].clone();
    let unit_ind = first(ins, Scope::Unit);
    let mut prod = ins.indicators().filter(|(_, i)| i.scope == Scope::Product).map(|(_, i)| &i.id);
    let (p1, p2) = (prod.next().unwrap(), prod.next().unwrap());
    a.edit(ins, &place, &unit_ind, |e| {
        e.note = f(8);
        e.links = vec![f(11)];
        e.review = true;
        e.photos = vec![photo(&f(0)).0];
    });
    a.edit(ins, &place, p1, |e| {
        e.note = f(9);
        e.links = vec![f(12), f(8)];
    });
    a.edit(ins, &place, p2, |e| {
        e.note = f(10);
        e.links = vec![f(13), f(0), f(1)];
        e.review = true;
    });
    a
}

/// Every string in one assessment. Place `i` has unit name `3i`, product name `3i + 1` and note
/// `3i + 2` (`offset` shifts the strings, so over the three instruments each string is a unit
/// name, a product name and a note once), and links `3i + 2` and `3i`; each identity field (OPD,
/// pemda, period, date, assessor name and position) holds every string, joined by line breaks.
fn combined(ins: &Instrument, s: &[String], offset: usize) -> Assessment {
    let n = s.len();
    let g = |j: usize| s[(j + offset) % n].clone();
    let all = |sep: &str| (0..n).map(g).collect::<Vec<_>>().join(sep);
    let mut a = Assessment::new("all", ins, &all("\n"), &g(0), &g(1));
    a.pemda = all(" ");
    a.period = all("\n");
    a.date = all("");
    a.assessor_name = all("\n");
    a.assessor_position = all(" | ");
    for i in (1..).take_while(|i| 3 * i < n) {
        let u = a.add_unit(&g(3 * i));
        a.add_product(&u, &g(3 * i + 1));
    }
    // Everything met but the noted indicator, so each place is in the action plan once (a plan
    // row per unmet indicator repeats the place's name, which makes long names costly to lay out).
    let best = ins.scale.options.iter().max_by_key(|o| o.points).unwrap();
    let worst = ins.scale.options.iter().min_by_key(|o| o.points).unwrap();
    let prod_ind = first(ins, Scope::Product);
    for (i, place) in a.places().into_iter().enumerate() {
        for (_, ind) in ins.indicators() {
            let v = if ind.id == prod_ind { &worst.value } else { &best.value };
            a.set_answer(ins, &place, &ind.id, Some(Answer::Value(v.clone())));
        }
        a.edit(ins, &place, &prod_ind, |e| {
            e.note = g(3 * i + 2);
            e.links = vec![g(3 * i + 2), g(3 * i)];
            e.review = i.is_multiple_of(2);
        });
    }
    a
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

/// Elements any patuh HTML export may contain. Anything else (script outside the data block, img,
/// svg, iframe, meta outside the head, link, form, …) means user text became markup.
const ELEMENTS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "header",
    "footer",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "div",
    "span",
    "strong",
    "em",
    "small",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "a",
    "bdi",
    "br",
    "abbr",
    "sup",
    "sub",
    "figure",
    "figcaption",
    "details",
    "summary",
    "time",
    "aside",
    "nav",
];

/// Attributes any patuh HTML export may write (no event handler, no src, no srcdoc).
const ATTRIBUTES: &[&str] = &[
    "lang",
    "charset",
    "name",
    "content",
    "http-equiv",
    "class",
    "id",
    "href",
    "rel",
    "scope",
    "colspan",
    "rowspan",
    "data-label",
    "style",
    "role",
    "aria-label",
    "aria-labelledby",
    "aria-describedby",
    "aria-hidden",
    "title",
    "datetime",
    "type",
    // The column name a phone shows before a value of the recap's stacked tables (fixed text).
    "data-label",
];

/// Characters that open a bidi embedding, override or isolate.
const BIDI_OPENERS: &[char] =
    &['\u{202a}', '\u{202b}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}'];

/// Checks an HTML export and returns it without its data block. `data` is whether the document
/// must carry the assessment file (`<script type="application/json" id="patuh-data">`): then it
/// is the only script, and it holds no raw `<`, `>`, `&`, U+2028, U+2029 or C0 control.
fn inert_markup(doc: &str, data: bool, what: &str) -> String {
    // The data block is cut out first; any other script element, in any letter case, then fails
    // the element check below.
    let markup = if data {
        let open = format!("<script type=\"application/json\" id=\"{}\">", html::DATA_ID);
        let start = doc.find(&open).unwrap_or_else(|| panic!("{what}: no data block"));
        let end = start + doc[start..].find("</script>").unwrap() + "</script>".len();
        let block = &doc[start + open.len()..end - "</script>".len()];
        assert!(
            !block.contains(['<', '>', '&', '\u{2028}', '\u{2029}']),
            "{what}: raw < > & U+2028 U+2029 in the data block"
        );
        assert!(
            !block.bytes().any(|b| b < b' ' && b != b'\n'),
            "{what}: control in the data block"
        );
        format!("{}{}", &doc[..start], &doc[end..])
    } else {
        doc.to_string()
    };
    // C0 controls but tab and line breaks, DEL, and C1 controls (UTF-8 C2 80 … C2 9F).
    let bytes = markup.as_bytes();
    if let Some(i) = bytes.iter().enumerate().position(|(i, &b)| {
        (b < b' ' && !matches!(b, b'\t' | b'\n' | b'\r'))
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n)))
    }) {
        panic!("{what}: raw control character at byte {i}: {:?}", short(&markup[i..]));
    }
    let head_end = markup.find("</head>").unwrap_or_else(|| panic!("{what}: no </head>"));
    let mut rest = markup.as_str();
    let mut at = 0;
    let mut in_style = false;
    let mut bdi = 0usize;
    while let Some(lt) = rest.find('<') {
        let text = &rest[..lt];
        if !in_style {
            entities_ok(text, what);
        }
        // A bidi override or isolate opened by user text stays inside a <bdi> in the body, so it
        // cannot reorder the report's own text (a score, a zone) around it.
        if at > head_end && bdi == 0 && text.contains(BIDI_OPENERS) {
            panic!("{what}: a bidi control outside a <bdi>: {}", short(text));
        }
        let after = &rest[lt + 1..];
        let gt = after.find('>').unwrap_or_else(|| panic!("{what}: unclosed tag"));
        let tag = &after[..gt];
        assert!(!tag.contains('<'), "{what}: '<' inside a tag: <{}", short(tag));
        if tag.starts_with("!DOCTYPE") {
            assert_eq!(tag, "!DOCTYPE html", "{what}");
        } else {
            let closing = tag.starts_with('/');
            let name = check_tag(tag.trim_start_matches('/'), what);
            if name == "meta" {
                assert!(at + lt < head_end, "{what}: <meta> outside the head");
            }
            if name == "style" {
                in_style = !closing;
            }
            if name == "bdi" {
                bdi = if closing { bdi.saturating_sub(1) } else { bdi + 1 };
            }
        }
        at += lt + 1 + gt + 1;
        rest = &after[gt + 1..];
    }
    entities_ok(rest, what);
    markup
}

/// Checks one tag (without `<`, `>` and a leading `/`) and returns its name.
fn check_tag(tag: &str, what: &str) -> String {
    let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    assert!(ELEMENTS.contains(&name.as_str()), "{what}: element <{}>", short(tag));
    let mut rest = tag[name.len()..].trim_end_matches('/');
    loop {
        rest = rest.trim_start_matches([' ', '\n']);
        if rest.is_empty() {
            break;
        }
        let attr: String =
            rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        assert!(ATTRIBUTES.contains(&attr.as_str()), "{what}: attribute in <{}>", short(tag));
        rest = &rest[attr.len()..];
        let Some(v) = rest.strip_prefix("=\"") else {
            continue; // a boolean attribute
        };
        let close = v.find('"').unwrap_or_else(|| panic!("{what}: unquoted <{}>", short(tag)));
        let value = &v[..close];
        entities_ok(value, what);
        match attr.as_str() {
            "href" => {
                let l = value.to_ascii_lowercase();
                assert!(
                    (l.starts_with("https://") || l.starts_with("http://") || l.starts_with('#'))
                        && !value.chars().any(|c| c.is_whitespace() || c.is_control()),
                    "{what}: href {}",
                    short(value)
                );
            }
            "style" => assert!(
                value.chars().all(|c| c.is_ascii_alphanumeric() || " :;.%-".contains(c)),
                "{what}: style {}",
                short(value)
            ),
            _ => {}
        }
        rest = &v[close + 1..];
    }
    name
}

/// Every `&` in text or an attribute value starts a character reference.
fn entities_ok(text: &str, what: &str) {
    for (i, _) in text.match_indices('&') {
        let t = &text[i + 1..];
        let ok = ["amp;", "lt;", "gt;", "quot;", "#39;", "nbsp;"].iter().any(|e| t.starts_with(e))
            || t.strip_prefix('#')
                .and_then(|d| d.split_once(';'))
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        assert!(ok, "{what}: a raw '&' in the markup: {}", short(&text[i..]));
    }
}

fn short(s: &str) -> String {
    s.chars().take(80).collect()
}

/// Parses a CSV export: BOM first, every record as wide as the header, no formula-like cell.
fn csv_records(text: &str, delimiter: u8, what: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').unwrap_or_else(|| panic!("{what}: no BOM"));
    let mut r = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(false)
        .from_reader(body.as_bytes());
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|rec| {
            rec.unwrap_or_else(|e| panic!("{what}: CSV does not parse: {e}"))
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    for (n, row) in rows.iter().enumerate() {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{what}: row {n}: formula-like cell {}",
                short(cell)
            );
        }
    }
    rows
}

/// Runs `pdftotext` on a PDF: it must exist, exit 0 and report no error; returns the text.
fn pdftotext(path: &Path) -> String {
    let out = match Command::new("pdftotext").arg(path).arg("-").output() {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "`pdftotext` is not installed: the hostile-string PDF check needs Debian's \
             poppler-utils (run .ci/install.sh or `apt-get install poppler-utils`)"
        ),
        Err(e) => panic!("cannot run pdftotext: {e}"),
    };
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "pdftotext failed on {}: {err}", path.display());
    assert!(err.trim().is_empty(), "pdftotext complained about {}: {err}", path.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pdf_intact(bytes: &[u8], what: &str) {
    assert!(bytes.starts_with(b"%PDF-"), "{what}: does not start with %PDF-");
    assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"), "{what}: does not end with %%EOF");
}

fn lang_of(k: usize) -> Lang {
    if k.is_multiple_of(2) {
        Lang::Id
    } else {
        Lang::En
    }
}

fn delimiter_of(k: usize) -> u8 {
    if k.is_multiple_of(3) {
        csv::COMMA
    } else {
        csv::SEMICOLON
    }
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[test]
fn every_field_through_every_export_ori_2016() {
    every_field_through_every_export("ori-2016");
}

#[test]
fn every_field_through_every_export_ori_2022() {
    every_field_through_every_export("ori-2022");
}

#[test]
fn every_field_through_every_export_ori_2025() {
    every_field_through_every_export("ori-2025");
}

/// Indicator places of an assessment: unit-wide indicators once per unit, the others per product.
fn indicator_places(ins: &Instrument, a: &Assessment) -> usize {
    let unit_wide = ins.indicators().filter(|(_, i)| i.scope == Scope::Unit).count();
    let per_product = ins.indicators().count() - unit_wide;
    a.units.iter().map(|u| unit_wide + u.products.len() * per_product).sum()
}

#[test]
fn every_shipped_instrument_is_tested_above() {
    let ids: Vec<&str> = instrument::all().iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["ori-2016", "ori-2022", "ori-2025"], "add a test for the new instrument");
}

/// JSON, HTML report, CSV, PDF, evidence bundle and download names of every assessment `k` of one
/// instrument (one test per instrument, so they run in parallel).
fn every_field_through_every_export(id: &str) {
    let s = corpus();
    let ins = instrument::by_id(id).unwrap();
    for k in 0..s.len() {
        let what = format!("{} #{k}", ins.id);
        let a = carrying(ins, &s, k);
        let lang = lang_of(k);
        // JSON: round-trips exactly, and so does a hostile saved_at.
        let json = encode(&a, "2026-11-23T10:00:00+07:00");
        let back = decode(&json).unwrap_or_else(|e| panic!("{what}: {e:?}"));
        assert_eq!(back.assessment, a, "{what}: JSON round-trip");
        assert_eq!(encode(&back.assessment, &back.saved_at), json, "{what}: same bytes");
        let odd = decode(&encode(&a, &s[k])).unwrap();
        assert_eq!(odd.saved_at, s[k], "{what}: saved_at round-trip");
        // Download names stay safe file names.
        for ext in ["json", "html", "csv", "pdf", "zip"] {
            let name = file_name(&a.opd, &a.date, ext);
            let stem = name.strip_prefix("penilaian-mandiri_").unwrap();
            let stem = stem.strip_suffix(&format!(".{ext}")).unwrap();
            assert!(
                stem.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_".contains(&b))
                    && !stem.is_empty(),
                "{what}: download name {name}"
            );
        }
        // HTML report: inert markup, escaped text, the file reopens from it.
        let r = report::build(ins, &a, lang, &s[(k + 15) % s.len()]);
        let doc = html::render(&r, &json);
        let markup = inert_markup(&doc, true, &format!("{what} HTML"));
        for field in [&a.opd, &a.pemda, &a.assessor_name, &a.units[0].name] {
            if !field.trim().is_empty() {
                assert!(markup.contains(&html::escape(field)), "{what}: {} shown", short(field));
            }
        }
        let data =
            patuh_core::open::extract_json(&doc).unwrap_or_else(|| panic!("{what}: no data"));
        assert_eq!(decode(&data).unwrap().assessment, a, "{what}: HTML round-trip");
        // CSV: BOM, the summary rows, then one row per indicator per place (unit-wide ones once
        // per unit), every cell as given but neutralised.
        let d = delimiter_of(k);
        let rows = csv_records(&csv::render(&r, d), d, &format!("{what} CSV"));
        let sheet = csv::sheet(&r);
        assert_eq!(rows.len(), 1 + sheet.summary.len() + sheet.indicators.len(), "{what}");
        assert_eq!(sheet.indicators.len(), indicator_places(ins, &a), "{what}");
        for row in &rows[1..] {
            assert_eq!(row[csv::col::OPD], csv::neutralise(&a.opd), "{what}: OPD cell");
        }
        for row in &rows[1 + sheet.summary.len()..] {
            assert_eq!(row[csv::col::UNIT], csv::neutralise(&a.units[0].name), "{what}: unit");
        }
        let notes: Vec<&String> = rows.iter().map(|r| &r[csv::col::NOTE]).collect();
        let u = &a.units[0];
        for e in u.answers.values().chain(u.products[0].answers.values()) {
            assert!(notes.contains(&&csv::neutralise(&e.note)), "{what}: note cell");
        }
        // PDF: still a PDF. In debug builds a PDF takes ~3 ms (ori-2016) to ~10 ms, so one per
        // string is made for ori-2016 only; `combined_pdfs_stay_readable_by_poppler` puts every
        // string into every field of one PDF per instrument and has poppler read it.
        if ins.id == "ori-2016" {
            pdf_intact(&pdf::render(&r), &what);
        }
        // Evidence bundle: reopens to the same assessment and photo.
        let ph = photo(&a.opd);
        let zip = bundle::write(&json, Some(&doc), std::slice::from_ref(&ph))
            .unwrap_or_else(|e| panic!("{what}: bundle::write {e:?}"));
        let (snap, photos) = bundle::read(&zip).unwrap_or_else(|e| panic!("{what}: {e:?}"));
        assert_eq!(snap.assessment, a, "{what}: bundle round-trip");
        assert_eq!(photos, vec![ph], "{what}: bundle photo");
    }
}

#[test]
fn combined_pdf_ori_2016_is_read_by_poppler() {
    combined_pdf_is_read_by_poppler(0);
}

#[test]
fn combined_pdf_ori_2022_is_read_by_poppler() {
    combined_pdf_is_read_by_poppler(1);
}

#[test]
fn combined_pdf_ori_2025_is_read_by_poppler() {
    combined_pdf_is_read_by_poppler(2);
}

/// One PDF of instrument `n` with every string in every text field (see [`combined`]; ori-2022 in
/// English), read by `pdftotext`, which must exit 0 without a complaint.
fn combined_pdf_is_read_by_poppler(n: usize) {
    let s = corpus();
    let ins = &instrument::all()[n];
    let lang = lang_of(n);
    let a = combined(ins, &s, n);
    let r = report::build(ins, &a, lang, &s[n]);
    let bytes = pdf::render(&r);
    let what = format!("{} {:?} combined PDF", ins.id, lang);
    pdf_intact(&bytes, &what);
    let path = common::out_dir("hostile").join(format!("hostile-{}-{}.pdf", ins.id, lang.code()));
    std::fs::write(&path, &bytes).unwrap();
    let text = pdftotext(&path);
    for plain in ["../../etc/passwd", "DROP TABLE opd", "endstream endobj xref"] {
        assert!(text.contains(plain), "{what}: {plain:?} is in the text");
    }
}

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

/// SKM documents with a hostile title (and generation time); the SKM CSV importer refuses every
/// hostile string without panicking.
#[test]
fn skm_documents_with_a_hostile_title() {
    let s = corpus();
    let survey = Survey::from_counts([[1, 2, 3, 4]; N_UNSUR]).unwrap();
    for lang in [Lang::Id, Lang::En] {
        let width = skm_doc::csv_headers(lang).len();
        let plain = csv_records(&skm_doc::csv(&survey, lang, "Unit", b';'), b';', "SKM CSV").len();
        for (k, title) in s.iter().enumerate() {
            let what = format!("SKM {lang:?} #{k}");
            let doc = skm_doc::html(&survey, lang, title, &s[(k + 1) % s.len()]);
            let markup = inert_markup(&doc, false, &what);
            if !title.trim().is_empty() {
                assert!(markup.contains(&html::escape(title)), "{what}: title shown");
            }
            let d = delimiter_of(k);
            let rows = csv_records(&skm_doc::csv(&survey, lang, title, d), d, &what);
            assert_eq!(rows.len(), plain, "{what}: rows");
            assert!(rows.iter().all(|r| r.len() == width), "{what}: width");
            assert!(rows.iter().any(|r| r[1] == csv::neutralise(title)), "{what}: title cell");
            assert!(skm::from_csv(title).is_err(), "{what}: importer refuses it");
            let with_header = format!("{title}\n4;4;4;4;4;4;4;4;4\n");
            let _ = skm::from_csv(&with_header);
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
