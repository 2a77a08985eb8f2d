//! The SKM/IKM result as CSV for a spreadsheet: BOM, CRLF, formulas neutralised (Permenpan RB
//! 14/2017, docs/SKM.md).

use crate::exact::Hundredths;
use crate::instrument::Lang;
use crate::report::csv::{neutralise, with_bom, writer};
use crate::report::Figure;
use crate::skm::{subject_labels, three_decimals, Mutu, Subject, Survey};

use super::{interval_text, skm_texts, weight_note};

/// Column headers of the SKM CSV, in order.
pub fn csv_headers(lang: Lang) -> [String; 10] {
    let st = skm_texts(lang);
    let a = |k: u8| format!("{} {k}", st.answers_of);
    [
        st.code.to_string(),
        st.unsur.to_string(),
        st.respondents.to_string(),
        a(1),
        a(2),
        a(3),
        a(4),
        st.sum.to_string(),
        st.nrr.to_string(),
        st.weighted.to_string(),
    ]
}

/// Renders the SKM result as CSV: the header, one row per unsur (Σ scores and
/// respondents give the exact NRR fraction), then the result rows: IKM, mutu, kinerja, interval,
/// the 0,11 figure, the four bands, the respondents and what patuh can say of their number
/// (docs/SKM.md §Sample size), the legal basis and the note, each label in the first column.
pub fn csv(survey: &Survey, lang: Lang, subject: &Subject, delimiter: u8) -> String {
    with_bom(&write_csv(survey, lang, subject, delimiter).unwrap_or_default())
}

/// Writes every record into memory; writing to a `Vec` cannot fail, so `None` is unreachable.
fn write_csv(survey: &Survey, lang: Lang, subject: &Subject, delimiter: u8) -> Option<Vec<u8>> {
    let view = survey.view();
    let ikm = &view.ikm;
    let st = skm_texts(lang);
    let mut w = writer(delimiter);
    let width = csv_headers(lang).len();
    let mut put = |cells: Vec<String>| -> Option<()> {
        let mut cells = cells;
        cells.resize(width, String::new());
        w.write_record(cells.iter().map(|c| neutralise(c))).ok()
    };
    put(csv_headers(lang).to_vec())?;
    for r in &view.rows {
        let (u, c, sum, n) = (r.unsur, &r.counts, r.sum, r.respondents);
        put(vec![
            u.code.to_string(),
            u.name(lang).to_string(),
            n.to_string(),
            c[0].to_string(),
            c[1].to_string(),
            c[2].to_string(),
            c[3].to_string(),
            sum.to_string(),
            three_decimals(r.nrr, lang),
            three_decimals(r.weighted, lang),
        ])?;
    }
    let fig = |x: Hundredths| Figure::new(x, lang).text;
    put(vec![st.weighted_total.to_string(), three_decimals(view.weighted_total, lang)])?;
    put(vec![st.ikm.to_string(), fig(ikm.score)])?;
    put(vec![st.mutu.to_string(), ikm.mutu.letter().to_string()])?;
    put(vec![st.kinerja.to_string(), ikm.mutu.label(lang).to_string()])?;
    put(vec![st.interval.to_string(), interval_text(ikm.mutu, lang)])?;
    put(vec![st.with_011.to_string(), fig(ikm.score_weight_011)])?;
    for m in Mutu::ALL.iter().rev() {
        put(vec![
            format!("{} {}", st.mutu, m.letter()),
            interval_text(*m, lang),
            m.label(lang).to_string(),
        ])?;
    }
    // Whose result it is (docs/SKM.md §Whose result); an empty name stays an empty cell.
    let [unit, opd, period] = subject_labels(lang);
    put(vec![unit.to_string(), subject.unit.trim().to_string()])?;
    put(vec![opd.to_string(), subject.opd.trim().to_string()])?;
    put(vec![period.to_string(), subject.period.trim().to_string()])?;
    put(vec![st.respondents.to_string(), view.respondents.to_string()])?;
    put(vec![st.sample.to_string(), view.sample.message(view.respondents, lang)])?;
    put(vec![st.legal_basis.to_string(), st.regulation.to_string()])?;
    put(vec![st.note.to_string(), weight_note(ikm, lang)])?;
    w.into_inner().ok()
}
