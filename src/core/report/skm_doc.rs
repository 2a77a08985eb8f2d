//! The SKM/IKM result as a document.
//!
//! [`html`] is one self-contained HTML file in the report's look (no JavaScript, inline CSS, A4
//! print CSS); [`csv`] is the same figures for a spreadsheet (BOM, CRLF, formulas neutralised).
//! Both show the nine unsur with their answers, NRR to three decimals with the exact fraction
//! Σ/n, the weighted NRR (× 1/9), the IKM to two decimals, the mutu pelayanan with its interval,
//! the four bands, and the note on the regulation's rounded weight 0,11 (Permenpan RB 14/2017,
//! docs/SOURCES.md §SKM, `docs/SKM.md`).

use crate::instrument::Lang;
use crate::skm::{subject_labels, Ikm, Mutu, Sample, SkmView, Subject, Survey};

use super::html::{document_head, escape, fact, stack_head, user};
use super::{texts, Figure};

mod csv;
mod labels;
pub use crate::skm::three_decimals;
pub use csv::{csv, csv_headers};
pub use labels::{skm_texts, SkmTexts};

/// "76,61–88,30": the IKM interval of a mutu (Permenpan RB 14/2017 conversion table).
pub fn interval_text(m: Mutu, lang: Lang) -> String {
    let (lo, hi) = m.interval();
    format!("{}–{}", Figure::new(lo, lang).text, Figure::new(hi, lang).text)
}

/// The note on the weight: patuh uses 1/9; the regulation's rounded 0,11 gives `x`.
pub fn weight_note(ikm: &Ikm, lang: Lang) -> String {
    let exact = Figure::new(ikm.score, lang).text;
    let x = Figure::new(ikm.score_weight_011, lang).text;
    match lang {
        Lang::Id => format!(
            "patuh menghitung IKM dengan bobot 1/9 untuk setiap unsur: IKM = 25 × (Σ NRR) / 9, \
             dihitung dengan pecahan tepat lalu dibulatkan sekali ke dua desimal ({exact}). \
             Permenpan RB 14/2017 menuliskan nilai penimbang yang dibulatkan menjadi 0,11; dengan \
             bobot 0,11 hasilnya {x}, tepat 1 % lebih rendah. Angka {x} hanya pembanding dan tidak \
             dipakai untuk menentukan mutu pelayanan."
        ),
        Lang::En => format!(
            "patuh computes the IKM with the weight 1/9 for every element: IKM = 25 × (Σ NRR) / 9, \
             in exact fractions, rounded once to two decimals ({exact}). Permenpan RB 14/2017 \
             writes the weight rounded to 0.11; with 0.11 the result is {x}, exactly 1 % lower. \
             The figure {x} is for comparison only and is not used for the service quality."
        ),
    }
}

const SKM_CSS: &str = r#"
tr.total th, tr.total td { font-weight: bold; border-top: 1.5pt solid #444; }
tr.this th, tr.this td { font-weight: bold; background: #f4f4f4; }
.mutu { display: inline-block; min-width: 18pt; text-align: center; padding: 1pt 6pt; border: 1.5pt solid #000; border-radius: 4pt; font-weight: bold; }
.warn { border: 1.5pt solid #000; border-left-width: 6pt; border-radius: 4pt; padding: 4pt 8pt; margin: 6pt 0; font-weight: bold; }
"#;

/// Renders the SKM result as one self-contained HTML document (Permenpan RB 14/2017): the core's
/// [`SkmView`], laid out, headed by whose result it is: unit layanan, OPD and survey period
/// (docs/SKM.md §Whose result).
pub fn html(survey: &Survey, lang: Lang, subject: &Subject, generated_at: &str) -> String {
    let view = survey.view();
    let st = skm_texts(lang);
    let t = texts(lang);
    let mut h = String::with_capacity(16 * 1024);
    let doc_title = if subject.is_empty() {
        st.title.to_string()
    } else {
        format!("{} · {}", st.title, subject.label())
    };
    document_head(&mut h, lang, &doc_title, SKM_CSS);
    h.push_str(&format!(
        "<body>\n<main>\n<header>\n<h1>{}</h1>\n</header>\n<dl class=\"facts\">\n",
        escape(st.title)
    ));
    let [unit, opd, period] = subject_labels(lang);
    fact(&mut h, unit, &user(Subject::shown(&subject.unit)));
    fact(&mut h, opd, &user(Subject::shown(&subject.opd)));
    fact(&mut h, period, &user(Subject::shown(&subject.period)));
    fact(&mut h, st.respondents, &view.respondents.to_string());
    fact(&mut h, st.legal_basis, &escape(st.regulation));
    h.push_str("</dl>\n");
    let sample = escape(&view.sample.message(view.respondents, lang));
    if view.sample == Sample::Small {
        h.push_str(&format!("<p class=\"warn\" id=\"sample\">{sample}</p>\n"));
    }
    result(&mut h, &view.ikm, lang);
    unsur_table(&mut h, &view, lang);
    bands(&mut h, view.ikm.mutu, lang);
    h.push_str(&format!(
        "<section aria-labelledby=\"h-note\">\n<h2 id=\"h-note\">{}</h2>\n<p>{}</p>\n",
        escape(st.note),
        escape(&weight_note(&view.ikm, lang)),
    ));
    if view.sample == Sample::Unchecked {
        h.push_str(&format!("<p id=\"sample\">{sample}</p>\n"));
    }
    h.push_str(&format!(
        "<p class=\"small\">{}</p>\n</section>\n<p><strong>{}</strong></p>\n\
         <footer class=\"small\">\n<p>{} {}</p>\n</footer>\n</main>\n</body>\n</html>\n",
        escape(st.order_note),
        escape(t.privacy),
        escape(t.generated),
        user(&crate::report::wording::format_moment(generated_at, lang))
    ));
    h
}

fn result(h: &mut String, ikm: &Ikm, lang: Lang) {
    let st = skm_texts(lang);
    h.push_str(&format!(
        "<section class=\"card\" aria-labelledby=\"h-ikm\">\n<h2 id=\"h-ikm\">{}</h2>\n\
         <p class=\"score\">{}</p>\n\
         <p>{}: <span class=\"mutu\">{}</span> · {}: <strong>{}</strong> · {}: {}</p>\n\
         <p class=\"small\">{}: {}</p>\n</section>\n",
        escape(st.ikm),
        escape(&Figure::new(ikm.score, lang).text),
        escape(st.mutu),
        ikm.mutu.letter(),
        escape(st.kinerja),
        escape(ikm.mutu.label(lang)),
        escape(st.interval),
        escape(&interval_text(ikm.mutu, lang)),
        escape(st.with_011),
        escape(&Figure::new(ikm.score_weight_011, lang).text),
    ));
}

/// The nine unsur: a table on a laptop and on A4, stacked rows on a phone (each value led by its
/// column's name, the report's `table.stack`).
fn unsur_table(h: &mut String, view: &SkmView, lang: Lang) {
    let st = skm_texts(lang);
    h.push_str(&format!(
        "<section aria-labelledby=\"h-unsur\">\n<h2 id=\"h-unsur\">{}</h2>\n",
        escape(st.per_unsur)
    ));
    h.push_str(&format!("<p class=\"small\">{}</p>\n", escape(st.columns_note)));
    let answers = |k: usize| format!("{} {k}", st.answers_of);
    let cols = stack_head(
        h,
        &[
            (st.code, 8, false),
            (st.unsur, 28, false),
            ("1", 6, true),
            ("2", 6, true),
            ("3", 6, true),
            ("4", 6, true),
            (st.fraction, 12, true),
            (st.nrr, 10, true),
            (st.weighted, 18, true),
        ],
    )
    .relabel(2, &answers(1))
    .relabel(3, &answers(2))
    .relabel(4, &answers(3))
    .relabel(5, &answers(4));
    for r in &view.rows {
        let (u, c) = (r.unsur, &r.counts);
        h.push_str(&format!(
            "<tr><th scope=\"row\">{}</th>{}{}{}{}{}{}{}{}</tr>\n",
            u.code,
            cols.td(1, &escape(u.name(lang))),
            cols.td(2, &c[0].to_string()),
            cols.td(3, &c[1].to_string()),
            cols.td(4, &c[2].to_string()),
            cols.td(5, &c[3].to_string()),
            cols.td(6, &format!("{}/{}", r.sum, r.respondents)),
            cols.td(7, &three_decimals(r.nrr, lang)),
            cols.td(8, &three_decimals(r.weighted, lang)),
        ));
    }
    // The row header names the figure; on a phone the value stands right under it.
    let total = |label: &str, value: &str| {
        format!(
            "<tr class=\"total\"><th scope=\"row\" colspan=\"8\">{}</th>\
             <td data-label=\"\" class=\"num\"><span>{value}</span></td></tr>\n",
            escape(label),
        )
    };
    h.push_str(&total(st.weighted_total, &three_decimals(view.weighted_total, lang)));
    h.push_str(&total(
        &format!("{} = 25 × {}", st.ikm, st.weighted_total),
        &escape(&Figure::new(view.ikm.score, lang).text),
    ));
    h.push_str("</tbody>\n</table>\n</section>\n");
}

/// The conversion table, this result's band marked in words.
fn bands(h: &mut String, current: Mutu, lang: Lang) {
    let st = skm_texts(lang);
    h.push_str(&format!(
        "<section aria-labelledby=\"h-bands\">\n<h2 id=\"h-bands\">{}</h2>\n",
        escape(st.bands)
    ));
    let cols = stack_head(
        h,
        &[
            (st.interval, 30, true),
            (st.persepsi, 16, true),
            (st.mutu, 22, false),
            (st.kinerja, 32, false),
        ],
    );
    for m in Mutu::ALL.iter().rev() {
        let this = *m == current;
        let (class, mark) = if this {
            (
                " class=\"this\"",
                format!(" <span aria-hidden=\"true\">◀</span> {}", escape(st.this_result)),
            )
        } else {
            ("", String::new())
        };
        h.push_str(&format!(
            "<tr{class}>{}{}{}{}</tr>\n",
            cols.td(0, &escape(&interval_text(*m, lang))),
            cols.td(1, &m.persepsi().to_string()),
            cols.td(2, m.letter()),
            cols.td(3, &format!("{}{mark}", escape(m.label(lang)))),
        ));
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}
