//! The report as a spreadsheet (issue #4 "CSV"; anchors.md §11.5 "spreadsheet export of findings
//! for action plans", §12 "CSV of items, RFC 4180, UTF-8 BOM for Excel").
//!
//! One row per indicator per service product, in walk order. Unit-wide indicators are repeated on
//! every product row of their unit and say so in the scope column; the report model lists them once.

use ::csv::{QuoteStyle, Terminator, WriterBuilder};

use super::{IndicatorRow, ProductReport, Report, Texts, UnitReport};
use crate::instrument::Scope;

/// Separator for Excel in an Indonesian locale, where the comma is the decimal mark (issue #4).
pub const SEMICOLON: u8 = b';';
/// Separator of RFC 4180.
pub const COMMA: u8 = b',';

/// Renders the report as CSV: UTF-8 with a BOM, CRLF line ends, a header row in the report
/// language, and formula-like cells neutralised (issue #4 "CSV").
pub fn render(r: &Report, delimiter: u8) -> String {
    let body = write(r, delimiter).unwrap_or_default();
    let mut out = String::from("\u{feff}");
    out.push_str(&String::from_utf8_lossy(&body));
    out
}

/// Writes every record into memory; writing to a `Vec` cannot fail, so `None` is unreachable.
fn write(r: &Report, delimiter: u8) -> Option<Vec<u8>> {
    let t = r.texts();
    let mut w = WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(Terminator::CRLF)
        .quote_style(QuoteStyle::Necessary)
        .from_writer(Vec::new());
    w.write_record(t.csv_headers.iter().map(|h| neutralise(h))).ok()?;
    for u in &r.units {
        for p in &u.products {
            for row in product_rows(u, p) {
                w.write_record(cells(r, u, p, row, t).iter().map(|c| neutralise(c))).ok()?;
            }
        }
    }
    w.into_inner().ok()
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
/// carriage return (OWASP "CSV injection"; issue #4).
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}
