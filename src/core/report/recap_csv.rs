//! The pemda recap as a spreadsheet: one row per unit, like a single assessment's
//! CSV.
//!
//! Each instrument group starts with the pemda's own row (its score, and its opinion or grade and
//! zone, computed as on the recap screen: docs/SCORING.md §Pemda recap), with the file column empty,
//! so a sum over unit rows can leave it out; its status is final or provisional and its note says
//! how many files were chosen, read and refused and why it is provisional, the recap's words
//! ([`crate::recap::summary`]) as on the screen. Then one row per service unit, in file order, with the same rules as the report CSV
//! ([`super::csv`]): UTF-8 with a BOM, CRLF, a header row in the report language, and cells a
//! spreadsheet would read as a formula neutralised. Answered and total are separate columns, so
//! Excel cannot read "3/12" as a date.

use crate::instrument::Lang;
use crate::recap::words::{band_name, label};
use crate::recap::{summary, Group, GroupWords, Mark, OpdRow, Recap, SummaryWords, UnitRow};

use super::csv::{neutralise, with_bom, writer};
use super::recap_html::mark_band;
use super::{texts, Figure};

/// Column headers of the recap CSV, in order.
pub fn headers(lang: Lang) -> [&'static str; 13] {
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
            "Status",
            "Keterangan",
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
            "Status",
            "Note",
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
    let words = summary(r, lang);
    for (g, gw) in r.groups.iter().zip(&words.groups) {
        w.write_record(pemda_cells(g, gw, &words, lang).iter().map(|c| neutralise(c))).ok()?;
        for o in &g.opds {
            for u in &o.units {
                w.write_record(cells(g, o, u, lang).iter().map(|c| neutralise(c))).ok()?;
            }
        }
    }
    w.into_inner().ok()
}

/// The pemda's row: "Nilai pemerintah daerah", its score and its opinion (an opinion instrument)
/// or grade, the zone of instruments that have zones, its status and the note: the files line, why
/// it is provisional (or that it is final), what it counts.
fn pemda_cells(g: &Group, gw: &GroupWords, words: &SummaryWords, lang: Lang) -> [String; 13] {
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
        instrument_name(ins, lang),
        gw.label.to_string(),
        note(gw, words),
    ]
}

/// The instrument as the recap screen heads it: its catalogue title and rounds ("Penilaian
/// Kepatuhan Penyelenggaraan Pelayanan Publik (2022–2024)"), never its internal id.
fn instrument_name(ins: &crate::instrument::Instrument, lang: Lang) -> String {
    format!("{} ({})", ins.title.get(lang), ins.years)
}

/// The note of the pemda row, sentence after sentence as the screen shows them.
fn note(gw: &GroupWords, words: &SummaryWords) -> String {
    let mut parts = vec![words.files.text()];
    parts.extend(words.pemdas.iter().map(|l| l.text()));
    parts.extend(words.no_pemda.iter().cloned());
    parts.extend([gw.status.clone(), gw.counted.clone()]);
    parts.extend(gw.duplicates.iter().cloned());
    parts.extend(gw.periods.iter().map(|p| p.text()));
    parts.extend(gw.unscored.iter().cloned());
    parts.extend(words.refused.iter().map(|(name, reason)| format!("{name}: {reason}")));
    parts.join(" ")
}

fn cells(g: &Group, o: &OpdRow, u: &UnitRow, lang: Lang) -> [String; 13] {
    let ins = g.instrument;
    let t = texts(lang);
    let band = u.mark.as_ref().and_then(|m| mark_band(ins, m, lang));
    let total = u.total;
    let score = |m: &Mark| Figure::new(m.score, lang).text;
    // Under an opinion instrument a unit's result is its quality label, and it has no zone
    // (docs/SCORING.md §Opinion); otherwise its grade and zone.
    let (verdict, zone) = match (&ins.opinion, u.mark.as_ref()) {
        (Some(_), m) => (m.and_then(|m| band_name(ins, m.band, lang)), None),
        (None, _) => (
            band.as_ref().and_then(|b| b.grade.clone()),
            band.as_ref().map(|b| b.zone_name.clone()),
        ),
    };
    [
        o.opd.clone(),
        u.name.clone(),
        u.mark.as_ref().map(score).unwrap_or_default(),
        verdict.unwrap_or_default(),
        zone.unwrap_or_default(),
        total.saturating_sub(u.unanswered).to_string(),
        total.to_string(),
        o.file_name.clone(),
        if o.duplicate { t.yes } else { t.no }.to_string(),
        o.period.clone(),
        instrument_name(ins, lang),
        label(u.unanswered > 0, lang).to_string(),
        String::new(),
    ]
}
