//! The report as a spreadsheet an official can check against the screen and sum: RFC 4180, UTF-8
//! with a BOM for Excel, one rectangular table (docs/FORMAT.md §CSV export).
//!
//! First the summary rows ("Ringkasan"): the OPD score with its grade and zone (or, under an
//! opinion instrument, the opinion), each section's figure, then per unit its score, its sections
//! and its products — the figures of the report model the result screen lays out, never computed
//! again. Under an opinion instrument, the opinion's rows follow (register, Output figures, trust
//! surveys). Then one row per indicator per place: unit-wide indicators once per unit (product
//! cell empty), product indicators once per product, each with its answer and the points it earns
//! on its unit's score ([`points`]), so a sum over indicator rows counts nothing twice.

pub mod points;
mod readiness;
mod summary;
mod texts;

use std::collections::BTreeMap;

use ::csv::{QuoteStyle, Terminator, WriterBuilder};

use super::comparison::{compare_texts, ComparisonView, IndicatorChangeView};
use super::{IndicatorRow, Report, UnitReport};
use crate::instrument::Scope;
pub use texts::{csv_texts, CsvTexts, COLUMNS};

/// Separator for Excel in an Indonesian locale, where the comma is the decimal mark.
pub const SEMICOLON: u8 = b';';
/// Separator of RFC 4180.
pub const COMMA: u8 = b',';

/// Column positions of the report CSV (docs/FORMAT.md §CSV export); a comparison adds
/// [`col::PREVIOUS`] and [`col::CHANGE`].
pub mod col {
    /// Row kind: summary, opinion or indicator.
    pub const KIND: usize = 0;
    /// OPD name.
    pub const OPD: usize = 1;
    /// Unit name.
    pub const UNIT: usize = 2;
    /// Product name (empty for a unit-wide indicator and a unit's figures).
    pub const PRODUCT: usize = 3;
    /// Scope: OPD, unit, product or whole unit.
    pub const SCOPE: usize = 4;
    /// Section title.
    pub const SECTION: usize = 5;
    /// Indicator id.
    pub const ID: usize = 6;
    /// The question, or the name of the summary figure.
    pub const ITEM: usize = 7;
    /// The answer label (or an opinion row's value).
    pub const ANSWER: usize = 8;
    /// Points on the unit score (indicator), or the figure (summary).
    pub const POINTS: usize = 9;
    /// Maximum points.
    pub const MAX: usize = 10;
    /// Fulfilment in percent.
    pub const FULFILMENT: usize = 11;
    /// Grade (ori-2022), opinion or unit label (ori-2025).
    pub const OPINION: usize = 12;
    /// Zone name.
    pub const ZONE: usize = 13;
    /// Predicate of the band.
    pub const PREDICATE: usize = 14;
    /// Answered places.
    pub const ANSWERED: usize = 15;
    /// All places.
    pub const TOTAL: usize = 16;
    /// Note (the status sentence on the OPD row).
    pub const NOTE: usize = 17;
    /// Evidence links.
    pub const LINKS: usize = 18;
    /// Marked for review.
    pub const REVIEW: usize = 19;
    /// Legal source.
    pub const LEGAL: usize = 20;
    /// Assumed.
    pub const ASSUMED: usize = 21;
    /// Action when unmet.
    pub const ACTION: usize = 22;
    /// With a comparison: the earlier answer or figure.
    pub const PREVIOUS: usize = 23;
    /// With a comparison: the change.
    pub const CHANGE: usize = 24;
}

/// One row of the sheet, by column.
#[derive(Clone, Debug, Default)]
struct Line {
    kind: String,
    opd: String,
    unit: String,
    product: String,
    scope: String,
    section: String,
    id: String,
    item: String,
    answer: String,
    points: String,
    max: String,
    fulfilment: String,
    opinion: String,
    zone: String,
    predicate: String,
    answered: String,
    total: String,
    note: String,
    links: String,
    review: String,
    legal: String,
    assumed: String,
    action: String,
    previous: String,
    change: String,
}

impl Line {
    /// The cells in column order; the last two only with a comparison.
    fn cells(self, compared: bool) -> Vec<String> {
        let mut v = vec![
            self.kind,
            self.opd,
            self.unit,
            self.product,
            self.scope,
            self.section,
            self.id,
            self.item,
            self.answer,
            self.points,
            self.max,
            self.fulfilment,
            self.opinion,
            self.zone,
            self.predicate,
            self.answered,
            self.total,
            self.note,
            self.links,
            self.review,
            self.legal,
            self.assumed,
            self.action,
        ];
        if compared {
            v.extend([self.previous, self.change]);
        }
        v
    }
}

/// The sheet before it is written: the header, the summary and opinion rows, then the indicator
/// rows, every row as wide as the header (cells not yet neutralised).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    /// Column headers in the report language.
    pub header: Vec<String>,
    /// Summary rows, then the opinion's rows.
    pub summary: Vec<Vec<String>>,
    /// One row per indicator per place: unit-wide ones once per unit.
    pub indicators: Vec<Vec<String>>,
}

/// Lays the report out as a sheet (docs/FORMAT.md §CSV export).
pub fn sheet(r: &Report) -> Sheet {
    let compared = r.comparison.is_some();
    let mut header: Vec<String> = csv_texts(r.lang).headers.iter().map(|h| h.to_string()).collect();
    if compared {
        let ct = compare_texts(r.lang);
        header.extend([ct.csv_previous.to_string(), ct.csv_change.to_string()]);
    }
    let summary = summary::lines(r).into_iter().map(|l| l.cells(compared)).collect();
    let indicators = indicator_lines(r).into_iter().map(|l| l.cells(compared)).collect();
    Sheet { header, summary, indicators }
}

/// Renders the report as CSV: UTF-8 with a BOM, CRLF line ends, a header row in the report
/// language, and formula-like cells neutralised.
pub fn render(r: &Report, delimiter: u8) -> String {
    with_bom(&write(&sheet(r), delimiter).unwrap_or_default())
}

/// Writes every record into memory; writing to a `Vec` cannot fail, so `None` is unreachable.
fn write(s: &Sheet, delimiter: u8) -> Option<Vec<u8>> {
    let mut w = writer(delimiter);
    for row in std::iter::once(&s.header).chain(&s.summary).chain(&s.indicators) {
        w.write_record(row.iter().map(|c| neutralise(c))).ok()?;
    }
    w.into_inner().ok()
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

/// Every indicator row: per unit its unit-wide indicators once, then each product's indicators,
/// in walk order.
fn indicator_lines(r: &Report) -> Vec<Line> {
    let places = r.comparison.as_ref().map(by_place);
    let mut out = Vec::new();
    for u in &r.units {
        let shares = points::unit_points(u);
        for (row, share) in u.indicators.iter().zip(&shares.unit) {
            out.push(indicator_line(r, u, None, row, *share, places.as_ref()));
        }
        for (p, rows) in u.products.iter().zip(&shares.products) {
            for (row, share) in p.indicators.iter().zip(rows) {
                let product = Some((p.id.as_str(), p.name.as_str()));
                out.push(indicator_line(r, u, product, row, *share, places.as_ref()));
            }
        }
    }
    out
}

fn indicator_line(
    r: &Report,
    u: &UnitReport,
    product: Option<(&str, &str)>,
    row: &IndicatorRow,
    share: Option<points::Earned>,
    places: Option<&BTreeMap<PlaceKey<'_>, &IndicatorChangeView>>,
) -> Line {
    let (t, ct) = (r.texts(), csv_texts(r.lang));
    let yes_no = |b: bool| if b { t.yes } else { t.no }.to_string();
    let found = places.and_then(|m| m.get(&(u.id.as_str(), product.map(|p| p.0), row.id.as_str())));
    Line {
        kind: ct.indicator.to_string(),
        opd: r.identity.opd.clone(),
        unit: u.name.clone(),
        product: product.map(|p| p.1.to_string()).unwrap_or_default(),
        scope: match row.scope {
            Scope::Product => ct.scope_product,
            Scope::Unit => ct.scope_whole_unit,
        }
        .to_string(),
        section: row.section.clone(),
        id: row.id.clone(),
        item: row.text.clone(),
        answer: row.answer.clone(),
        points: share.map(|s| points::text(s.shown, r.lang)).unwrap_or_default(),
        max: share.map(|s| points::text(s.shown_max, r.lang)).unwrap_or_default(),
        note: row.note.clone(),
        links: row.links.join(" | "),
        review: yes_no(row.review),
        legal: row.legal.clone(),
        assumed: yes_no(row.assumed.is_some()),
        action: if row.unmet() { row.action.clone() } else { String::new() },
        previous: found.map(|c| c.before.clone()).unwrap_or_default(),
        change: found.map(|c| c.status_text.clone()).unwrap_or_default(),
        ..Line::default()
    }
}

/// Prefixes `'` to a cell a spreadsheet would read as a formula: first character `= + - @`, tab or
/// carriage return (OWASP "CSV injection").
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}
