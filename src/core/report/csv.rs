//! The report as a spreadsheet for action plans: RFC 4180, UTF-8 with a BOM for
//! Excel.
//!
//! One row per indicator per service product, in walk order. Unit-wide indicators are repeated on
//! every product row of their unit and say so in the scope column; the report model lists them
//! once.

use std::collections::BTreeMap;

use ::csv::{QuoteStyle, Terminator, WriterBuilder};

use super::comparison::{compare_texts, ComparisonView, IndicatorChangeView};
use super::{IndicatorRow, ProductReport, Report, Texts, UnitReport};
use crate::instrument::Scope;

/// Separator for Excel in an Indonesian locale, where the comma is the decimal mark.
pub const SEMICOLON: u8 = b';';
/// Separator of RFC 4180.
pub const COMMA: u8 = b',';

/// Renders the report as CSV: UTF-8 with a BOM, CRLF line ends, a header row in the report
/// language, and formula-like cells neutralised.
pub fn render(r: &Report, delimiter: u8) -> String {
    with_bom(&write(r, delimiter).unwrap_or_default())
}

/// Writes every record into memory; writing to a `Vec` cannot fail, so `None` is unreachable.
/// With a comparison every row gets two more cells: the earlier answer and the change.
fn write(r: &Report, delimiter: u8) -> Option<Vec<u8>> {
    let t = r.texts();
    let mut w = writer(delimiter);
    let compared = r.comparison.as_ref().map(|c| (c, by_place(c)));
    let mut header: Vec<&str> = t.csv_headers.to_vec();
    if compared.is_some() {
        let ct = compare_texts(r.lang);
        header.extend([ct.csv_previous, ct.csv_change]);
    }
    w.write_record(header.iter().map(|h| neutralise(h))).ok()?;
    for u in &r.units {
        for p in &u.products {
            for row in product_rows(u, p) {
                let mut cells: Vec<String> = cells(r, u, p, row, t).to_vec();
                if let Some((_, places)) = &compared {
                    let product = (row.scope == Scope::Product).then_some(p.id.as_str());
                    let found = places.get(&(u.id.as_str(), product, row.id.as_str()));
                    cells.push(found.map(|c| c.before.clone()).unwrap_or_default());
                    cells.push(found.map(|c| c.status_text.clone()).unwrap_or_default());
                }
                w.write_record(cells.iter().map(|c| neutralise(c))).ok()?;
            }
        }
    }
    for pair in opinion_rows(r) {
        let mut cells = vec![String::new(); header.len()];
        cells[0] = pair.0;
        cells[1] = pair.1;
        w.write_record(cells.iter().map(|c| neutralise(c))).ok()?;
    }
    w.into_inner().ok()
}

/// The opinion after the indicator rows, label then value, padded to the header's width
/// (docs/SCORING.md §Opinion): the words, the qualifier, each unit's label, the register, the
/// Output figures and the trust surveys, worded as on screen.
pub fn opinion_rows(r: &Report) -> Vec<(String, String)> {
    let Some(o) = &r.opinion else { return Vec::new() };
    let t = super::opinion_texts(r.lang);
    let mut out = vec![(t.opinion.to_string(), o.words.clone().unwrap_or_default())];
    out.push((String::new(), o.qualifier_note.clone()));
    for u in &r.units {
        out.push((format!("{}: {}", t.unit_label, u.name), u.label.clone().unwrap_or_default()));
    }
    for f in &o.followups {
        let what = [f.kind.as_str(), &f.number, &f.asks, &f.status, &f.deadline];
        out.push((t.followups.to_string(), what.join(" · ")));
    }
    for f in &o.figures {
        out.push((format!("{}: {}", f.unit, f.title), format!("{} ({})", f.value, f.source)));
    }
    for v in &o.trust {
        out.push((format!("{}: {} · {}", t.trust, v.unit, v.product), v.progress.clone()));
    }
    out
}

/// The CSV writer every patuh spreadsheet uses: CRLF, quotes only where needed.
pub(crate) fn writer(delimiter: u8) -> ::csv::Writer<Vec<u8>> {
    WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(Terminator::CRLF)
        .quote_style(QuoteStyle::Necessary)
        .from_writer(Vec::new())
}

/// A BOM and the written bytes: what Excel needs to read UTF-8.
pub(crate) fn with_bom(body: &[u8]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&String::from_utf8_lossy(body));
    out
}

type PlaceKey<'a> = (&'a str, Option<&'a str>, &'a str);

/// The comparison's indicators at places of the later assessment, by (unit id, product id for a
/// product-scope indicator, indicator id).
fn by_place(c: &ComparisonView) -> BTreeMap<PlaceKey<'_>, &IndicatorChangeView> {
    c.indicators
        .iter()
        .filter_map(|x| {
            let unit = x.unit_id.as_deref()?;
            let product = match x.scope {
                Scope::Unit => None,
                Scope::Product => Some(x.product_id.as_deref()?),
            };
            Some(((unit, product, x.indicator.as_str()), x))
        })
        .collect()
}

/// The unit-wide and product rows of one product, merged back into walk order.
fn product_rows<'a>(u: &'a UnitReport, p: &'a ProductReport) -> Vec<&'a IndicatorRow> {
    let mut rows: Vec<&IndicatorRow> = u.indicators.iter().chain(&p.indicators).collect();
    rows.sort_by_key(|row| row.index);
    rows
}

fn yes_no(b: bool, t: &Texts) -> String {
    if b { t.yes } else { t.no }.to_string()
}

fn cells(
    r: &Report,
    u: &UnitReport,
    p: &ProductReport,
    row: &IndicatorRow,
    t: &Texts,
) -> [String; 16] {
    let scope = match row.scope {
        Scope::Product => t.scope_product,
        Scope::Unit => t.scope_unit,
    };
    let num = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let action = if row.unmet() { row.action.clone() } else { String::new() };
    [
        r.identity.opd.clone(),
        u.name.clone(),
        p.name.clone(),
        scope.to_string(),
        row.section.clone(),
        row.id.clone(),
        row.text.clone(),
        row.answer.clone(),
        num(row.points),
        num(row.max_points),
        row.note.clone(),
        row.links.join(" | "),
        yes_no(row.review, t),
        row.legal.clone(),
        yes_no(row.assumed.is_some(), t),
        action,
    ]
}

/// Prefixes `'` to a cell a spreadsheet would read as a formula: first character `= + - @`, tab or
/// carriage return (OWASP "CSV injection").
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}
