//! The pemda recap as a spreadsheet: one row per unit, like a single assessment's
//! CSV.
//!
//! Each instrument group starts with the pemda's own row (its score, and its opinion or grade and
//! zone, computed as on the recap screen: docs/SCORING.md "Recap"), with the file column empty, so a
//! sum over unit rows can leave it out. Then one row per service unit, in file order, with the same rules as the report CSV
//! ([`super::csv`]): UTF-8 with a BOM, CRLF, a header row in the report language, and cells a
//! spreadsheet would read as a formula neutralised. Answered and total are separate columns, so
//! Excel cannot read "3/12" as a date.

use crate::instrument::Lang;
use crate::recap::{Group, Mark, OpdRow, Recap, UnitRow};

use super::csv::{neutralise, with_bom, writer};
use super::recap_html::{mark_band, unit_total};
use super::{texts, Figure};

/// Column headers of the recap CSV, in order.
pub fn headers(lang: Lang) -> [&'static str; 11] {
    match lang {
        Lang::Id => [
            "OPD",
            "Unit layanan",
            "Nilai",
            "Opini",
            "Zona",
            "Dijawab",
            "Jumlah indikator",
            "Berkas",
            "Duplikat",
            "Periode",
            "Instrumen",
        ],
        Lang::En => [
            "OPD",
            "Service unit",
            "Score",
            "Opinion",
            "Zone",
            "Answered",
            "Indicators",
            "File",
            "Duplicate",
            "Period",
            "Instrument",
        ],
    }
}

/// Renders the recap as CSV: one row per unit of every readable file.
pub fn render(r: &Recap, lang: Lang, delimiter: u8) -> String {
    with_bom(&write(r, lang, delimiter).unwrap_or_default())
}

/// Writes every record into memory; writing to a `Vec` cannot fail, so `None` is unreachable.
fn write(r: &Recap, lang: Lang, delimiter: u8) -> Option<Vec<u8>> {
    let mut w = writer(delimiter);
    w.write_record(headers(lang).iter().map(|h| neutralise(h))).ok()?;
    for g in &r.groups {
        w.write_record(pemda_cells(g, lang).iter().map(|c| neutralise(c))).ok()?;
        for o in &g.opds {
            for u in &o.units {
                w.write_record(cells(g, o, u, lang).iter().map(|c| neutralise(c))).ok()?;
            }
        }
    }
    w.into_inner().ok()
}

/// The pemda's row: "Nilai pemerintah daerah", its score and its opinion (an opinion instrument)
/// or grade, and the zone of instruments that have zones.
fn pemda_cells(g: &Group, lang: Lang) -> [String; 11] {
    let ins = g.instrument;
    let band = g.pemda.as_ref().and_then(|m| mark_band(ins, m, lang));
    let verdict = g.opinion(lang).or_else(|| band.as_ref().and_then(|b| b.grade.clone()));
    let zone =
        if ins.opinion.is_some() { None } else { band.as_ref().map(|b| b.zone_name.clone()) };
    [
        String::new(),
        super::recap_html::recap_texts(lang).pemda_score.to_string(),
        g.pemda.as_ref().map(|m| Figure::new(m.score, lang).text).unwrap_or_default(),
        verdict.unwrap_or_default(),
        zone.unwrap_or_default(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        g.periods.join(", "),
        ins.id.clone(),
    ]
}

fn cells(g: &Group, o: &OpdRow, u: &UnitRow, lang: Lang) -> [String; 11] {
    let ins = g.instrument;
    let t = texts(lang);
    let band = u.mark.as_ref().and_then(|m| mark_band(ins, m, lang));
    let total = unit_total(ins, u.products.len());
    let score = |m: &Mark| Figure::new(m.score, lang).text;
    [
        o.opd.clone(),
        u.name.clone(),
        u.mark.as_ref().map(score).unwrap_or_default(),
        band.as_ref().and_then(|b| b.grade.clone()).unwrap_or_default(),
        band.as_ref().map(|b| b.zone_name.clone()).unwrap_or_default(),
        total.saturating_sub(u.unanswered).to_string(),
        total.to_string(),
        o.file_name.clone(),
        if o.duplicate { t.yes } else { t.no }.to_string(),
        o.period.clone(),
        ins.id.clone(),
    ]
}
