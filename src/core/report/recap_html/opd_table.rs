//! The OPD table of the pemda recap as one view-model (docs/SCORING.md §Pemda recap, §One model):
//! its columns and every line's figures, which the recap HTML and the recap PDF both lay out, so a
//! figure in one is in the other. Four or five columns fit an A4 page, and the HTML stacks each
//! row on a phone.

use super::{mark_band, num, recap_texts, result_header};
use crate::instrument::Lang;
use crate::recap::{Group, Mark, OpdRow};
use crate::report::{texts, BandView, NO_FIGURE};

/// One column of the OPD table: its header, its share of the width in %, and whether it holds a
/// number (right-aligned).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpdColumn {
    /// Header in the recap language.
    pub label: &'static str,
    /// Share of the table width, in %.
    pub percent: u8,
    /// True for a figure.
    pub numeric: bool,
}

/// One line of the OPD table: an OPD (its file, pemda and period under the name) or one of its
/// units, indented under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpdLine {
    /// True for an OPD's line, false for one of its units.
    pub opd: bool,
    /// OPD or unit name as typed.
    pub name: String,
    /// The OPD's file, pemda and period, each only when there is one (empty for a unit).
    pub about: Vec<String>,
    /// "Berkas ganda" when another file has the same OPD and period.
    pub duplicate: Option<&'static str>,
    /// The score, or "—".
    pub score: String,
    /// The grade, or "—"; `None` when the instrument has no grades (no column).
    pub grade: Option<String>,
    /// The band: zone (or, under the opinion, the quality label) with its predicate.
    pub band: Option<BandView>,
    /// "answered/all" places.
    pub answered: String,
}

impl OpdLine {
    /// The text of every column after the name, in column order: score, grade (with grades),
    /// zone or quality, answered.
    pub fn figures(&self) -> Vec<String> {
        let mut out = vec![self.score.clone()];
        out.extend(self.grade.clone());
        out.push(self.band.as_ref().map_or_else(|| NO_FIGURE.to_string(), |b| b.zone_name.clone()));
        out.push(self.answered.clone());
        out
    }
}

/// The OPD table of one instrument group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpdTable {
    /// The columns, the name column first.
    pub columns: Vec<OpdColumn>,
    /// Each OPD followed by its units, in the recap's order.
    pub lines: Vec<OpdLine>,
}

/// The OPD table of a group in `lang`: name, score, grade (when the instrument has grades), zone
/// or quality, answered places (docs/SCORING.md §Pemda recap).
pub fn opd_table(g: &Group, lang: Lang) -> OpdTable {
    opd_table_of(g, &g.opds, lang)
}

/// [`opd_table`] of the rows `opds` of the group `g` (the recap screen's, sorted and filtered as
/// the user chose; docs/SCORING.md §One model).
pub fn opd_table_of(g: &Group, opds: &[OpdRow], lang: Lang) -> OpdTable {
    let ins = g.instrument;
    let (t, rt) = (texts(lang), recap_texts(lang));
    let grades = ins.bands.iter().any(|b| b.grade.is_some());
    let c = |label, percent, numeric| OpdColumn { label, percent, numeric };
    let columns = if grades {
        vec![
            c(rt.opd_unit, 36, false),
            c(t.score, 12, true),
            // "Kategori" (the 2022–24 word for the letter) fits on one line.
            c(t.grade, 12, false),
            c(result_header(ins, lang), 24, false),
            c(t.answered, 16, true),
        ]
    } else {
        vec![
            c(rt.opd_unit, 44, false),
            c(t.score, 12, true),
            c(result_header(ins, lang), 28, false),
            c(t.answered, 16, true),
        ]
    };
    let mut lines = Vec::new();
    for o in opds {
        lines.push(opd_line(g, o, grades, lang));
        for u in &o.units {
            let answered = format!("{}/{}", u.total.saturating_sub(u.unanswered), u.total);
            lines.push(line(g, u.name.clone(), u.mark.as_ref(), grades, answered, lang));
        }
    }
    OpdTable { columns, lines }
}

fn opd_line(g: &Group, o: &OpdRow, grades: bool, lang: Lang) -> OpdLine {
    let answered = format!("{}/{}", o.total.saturating_sub(o.unanswered), o.total);
    let mut l = line(g, o.opd.clone(), o.mark.as_ref(), grades, answered, lang);
    l.opd = true;
    l.about = [&o.file_name, &o.pemda, &o.period]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .cloned()
        .collect();
    l.duplicate = o.duplicate.then_some(recap_texts(lang).duplicate_flag);
    l
}

fn line(
    g: &Group,
    name: String,
    m: Option<&Mark>,
    grades: bool,
    answered: String,
    lang: Lang,
) -> OpdLine {
    let band = m.and_then(|m| mark_band(g.instrument, m, lang));
    OpdLine {
        opd: false,
        name,
        about: Vec::new(),
        duplicate: None,
        score: m.map_or_else(|| NO_FIGURE.to_string(), |m| num(m.score, lang)),
        grade: grades.then(|| {
            band.as_ref().and_then(|b| b.grade.clone()).unwrap_or_else(|| NO_FIGURE.to_string())
        }),
        band,
        answered,
    }
}
