//! What the hostile-string tests share (docs/RELIABILITY.md): the corpus, the assessments that
//! carry it into every field, and the checks every export must pass (inert HTML in
//! [`markup`], CSV and PDF here).
//!
//! # The corpus file
//!
//! One string per line, UTF-8, LF line ends, no comments and no blank lines. Everything is literal
//! except these escapes, so that invisible and control characters stay reviewable:
//! `\u{HEX}` (any Unicode scalar value), `\n`, `\r`, `\t` and `\\`. Any other backslash sequence
//! is an error in the file. The 10 kB lines and the long URL are written out literally.
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

pub mod markup;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use patuh_core::assessment::{Answer, Assessment};
use patuh_core::bundle::Photo;
use patuh_core::instrument::{Instrument, Lang, Scope};
use patuh_core::report::csv;

pub const CORPUS: &str = include_str!("../fixtures/hostile.txt");

/// The corpus, escapes decoded (see the module documentation).
pub fn corpus() -> Vec<String> {
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

pub fn unescape(line: &str) -> Result<String, String> {
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

// ---------------------------------------------------------------------------------------------
// Assessments carrying the corpus
// ---------------------------------------------------------------------------------------------

/// The first indicator of a scope.
pub fn first(ins: &Instrument, scope: Scope) -> String {
    ins.indicators().find(|(_, i)| i.scope == scope).map(|(_, i)| i.id.clone()).unwrap()
}

/// Answers every indicator at every place, cycling through the scale and "Tidak berlaku", so the
/// report has met, unmet and not-applicable rows (and an action plan with the notes).
pub fn answer_all(ins: &Instrument, a: &mut Assessment, k: usize) {
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
pub fn photo(s: &str) -> Photo {
    let mut bytes = b"\xff\xd8\xff\xe0".to_vec();
    bytes.extend_from_slice(s.as_bytes());
    bytes.extend_from_slice(b"PK\x01\x02PK\x05\x06\0\0\0\0\x01\0\x01\0\0\0\0\0\0\0\0\0\0\0");
    ("ph-1".to_string(), bytes)
}

/// Assessment `k` of an instrument: string `k + j` in text field `j` (see the module docs). One
/// unit with one product, so that rendering ~250 of them stays fast.
pub fn carrying(ins: &Instrument, s: &[String], k: usize) -> Assessment {
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
pub fn combined(ins: &Instrument, s: &[String], offset: usize) -> Assessment {
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

pub fn short(s: &str) -> String {
    s.chars().take(80).collect()
}

/// Parses a CSV export: BOM first, every record as wide as the header, no formula-like cell.
pub fn csv_records(text: &str, delimiter: u8, what: &str) -> Vec<Vec<String>> {
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
pub fn pdftotext(path: &Path) -> String {
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

pub fn pdf_intact(bytes: &[u8], what: &str) {
    assert!(bytes.starts_with(b"%PDF-"), "{what}: does not start with %PDF-");
    assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"), "{what}: does not end with %%EOF");
}

pub fn lang_of(k: usize) -> Lang {
    if k.is_multiple_of(2) {
        Lang::Id
    } else {
        Lang::En
    }
}

pub fn delimiter_of(k: usize) -> u8 {
    if k.is_multiple_of(3) {
        csv::COMMA
    } else {
        csv::SEMICOLON
    }
}

/// Indicator places of an assessment: unit-wide indicators once per unit, the others per product.
pub fn indicator_places(ins: &Instrument, a: &Assessment) -> usize {
    let unit_wide = ins.indicators().filter(|(_, i)| i.scope == Scope::Unit).count();
    let per_product = ins.indicators().count() - unit_wide;
    a.units.iter().map(|u| unit_wide + u.products.len() * per_product).sum()
}
