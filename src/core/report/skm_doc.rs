//! The SKM/IKM result as a document.
//!
//! [`html`] is one self-contained HTML file in the report's look (no JavaScript, inline CSS, A4
//! print CSS); [`csv`] is the same figures for a spreadsheet (BOM, CRLF, formulas neutralised).
//! Both show the nine unsur with their answers, NRR to three decimals with the exact fraction
//! Σ/n, the weighted NRR (× 1/9), the IKM to two decimals, the mutu pelayanan with its interval,
//! the four bands, and the note on the regulation's rounded weight 0,11 (Permenpan RB 14/2017,
//! docs/SOURCES.md §SKM, `docs/SKM.md`).

use crate::exact::Hundredths;
use crate::instrument::Lang;
use crate::skm::{Ikm, Mutu, Survey};

use super::csv::{neutralise, with_bom, writer};
use super::html::{document_head, escape, fact, table_head, user};
use super::{texts, Figure};

/// Fixed texts of the SKM document.
#[derive(Debug)]
pub struct SkmTexts {
    /// Document title.
    pub title: &'static str,
    /// Label: unit or service surveyed.
    pub unit: &'static str,
    /// Label: respondents.
    pub respondents: &'static str,
    /// Label: legal basis.
    pub legal_basis: &'static str,
    /// The regulation, cited.
    pub regulation: &'static str,
    /// Heading: per unsur.
    pub per_unsur: &'static str,
    /// Column: unsur code.
    pub code: &'static str,
    /// Column: unsur name.
    pub unsur: &'static str,
    /// Column prefix: answers with value k.
    pub answers_of: &'static str,
    /// What the columns 1–4 count.
    pub columns_note: &'static str,
    /// Column: sum of scores.
    pub sum: &'static str,
    /// Column: NRR.
    pub nrr: &'static str,
    /// Column: NRR as the exact fraction.
    pub fraction: &'static str,
    /// Column: weighted NRR.
    pub weighted: &'static str,
    /// Row: total of weighted NRRs.
    pub weighted_total: &'static str,
    /// Heading and label: IKM.
    pub ikm: &'static str,
    /// Label: mutu pelayanan.
    pub mutu: &'static str,
    /// Label: kinerja unit pelayanan.
    pub kinerja: &'static str,
    /// Label: IKM interval.
    pub interval: &'static str,
    /// Label: nilai persepsi.
    pub persepsi: &'static str,
    /// Heading: conversion table.
    pub bands: &'static str,
    /// Marker of the band of this result.
    pub this_result: &'static str,
    /// Label: IKM with the weight 0,11.
    pub with_011: &'static str,
    /// Label: note.
    pub note: &'static str,
    /// Note on the order of the unsur.
    pub order_note: &'static str,
}

static ID_TEXTS: SkmTexts = SkmTexts {
    title: "Hasil Survei Kepuasan Masyarakat (SKM)",
    unit: "Unit layanan",
    respondents: "Jumlah responden",
    legal_basis: "Dasar hukum",
    regulation: "Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei \
                 Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik (Permenpan RB 14/2017)",
    per_unsur: "Nilai per unsur",
    code: "Unsur",
    unsur: "Nama unsur",
    answers_of: "Jawaban",
    columns_note: "Kolom 1–4: jumlah responden yang menjawab nilai 1 (tidak baik) sampai 4 \
                   (sangat baik). NRR = jumlah nilai / jumlah responden.",
    sum: "Jumlah nilai",
    nrr: "NRR",
    fraction: "NRR (pecahan tepat)",
    weighted: "NRR tertimbang (× 1/9)",
    weighted_total: "Jumlah NRR tertimbang",
    ikm: "Indeks Kepuasan Masyarakat (IKM)",
    mutu: "Mutu pelayanan",
    kinerja: "Kinerja unit pelayanan",
    interval: "Interval IKM",
    persepsi: "Nilai persepsi",
    bands: "Tabel konversi mutu pelayanan",
    this_result: "hasil ini",
    with_011: "IKM dengan bobot 0,11 (hanya pembanding)",
    note: "Catatan",
    order_note: "Urutan unsur U1–U9 di sini belum dicocokkan dengan teks resmi peraturan. Hasil \
                 tidak bergantung pada urutan karena setiap unsur berbobot sama.",
};

static EN_TEXTS: SkmTexts = SkmTexts {
    title: "Public Satisfaction Survey (SKM) Result",
    unit: "Service unit",
    respondents: "Respondents",
    legal_basis: "Legal basis",
    regulation: "Regulation of the Minister of State Apparatus Empowerment and Bureaucratic Reform \
                 No. 14 of 2017 on guidelines for public satisfaction surveys (Permenpan RB 14/2017)",
    per_unsur: "Score per element",
    code: "Element",
    unsur: "Element name",
    answers_of: "Answers",
    columns_note: "Columns 1–4: respondents who answered 1 (not good) to 4 (very good). \
                   NRR = sum of scores / respondents.",
    sum: "Sum of scores",
    nrr: "NRR",
    fraction: "NRR (exact fraction)",
    weighted: "Weighted NRR (× 1/9)",
    weighted_total: "Sum of weighted NRRs",
    ikm: "Public Satisfaction Index (IKM)",
    mutu: "Service quality (mutu pelayanan)",
    kinerja: "Unit performance",
    interval: "IKM interval",
    persepsi: "Perception value",
    bands: "Service quality conversion table",
    this_result: "this result",
    with_011: "IKM with the weight 0.11 (for comparison only)",
    note: "Note",
    order_note: "The order of the elements U1–U9 here has not been checked against the official \
                 text. The result does not depend on the order, as every element weighs the same.",
};

/// The fixed SKM texts of a language.
pub fn skm_texts(lang: Lang) -> &'static SkmTexts {
    match lang {
        Lang::Id => &ID_TEXTS,
        Lang::En => &EN_TEXTS,
    }
}

pub use crate::skm::three_decimals;

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
"#;

/// Renders the SKM result as one self-contained HTML document (Permenpan RB 14/2017).
/// `title` names the unit or service surveyed (and, if wanted, the period).
pub fn html(survey: &Survey, lang: Lang, title: &str, generated_at: &str) -> String {
    let ikm = survey.ikm();
    let st = skm_texts(lang);
    let t = texts(lang);
    let mut h = String::with_capacity(16 * 1024);
    let doc_title = if title.trim().is_empty() {
        st.title.to_string()
    } else {
        format!("{} · {title}", st.title)
    };
    document_head(&mut h, lang, &doc_title, SKM_CSS);
    h.push_str(&format!(
        "<body>\n<main>\n<header>\n<h1>{}</h1>\n</header>\n<dl class=\"facts\">\n",
        escape(st.title)
    ));
    fact(&mut h, st.unit, &user(title));
    fact(&mut h, st.respondents, &survey.respondents().to_string());
    fact(&mut h, st.legal_basis, &escape(st.regulation));
    h.push_str("</dl>\n");
    result(&mut h, &ikm, lang);
    unsur_table(&mut h, survey, &ikm, lang);
    bands(&mut h, ikm.mutu, lang);
    h.push_str(&format!(
        "<section aria-labelledby=\"h-note\">\n<h2 id=\"h-note\">{}</h2>\n<p>{}</p>\n\
         <p class=\"small\">{}</p>\n</section>\n",
        escape(st.note),
        escape(&weight_note(&ikm, lang)),
        escape(st.order_note)
    ));
    h.push_str(&format!(
        "<p><strong>{}</strong></p>\n<footer class=\"small\">\n<p>{} {}</p>\n</footer>\n\
         </main>\n</body>\n</html>\n",
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

fn unsur_table(h: &mut String, survey: &Survey, ikm: &Ikm, lang: Lang) {
    let st = skm_texts(lang);
    h.push_str(&format!(
        "<section aria-labelledby=\"h-unsur\">\n<h2 id=\"h-unsur\">{}</h2>\n",
        escape(st.per_unsur)
    ));
    h.push_str(&format!("<p class=\"small\">{}</p>\n", escape(st.columns_note)));
    table_head(
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
    );
    let view = survey.view();
    for r in &view.rows {
        let (u, c, sum, n) = (r.unsur, &r.counts, r.sum, r.respondents);
        h.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{sum}/{n}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            u.code,
            escape(u.name(lang)),
            c[0],
            c[1],
            c[2],
            c[3],
            three_decimals(r.nrr, lang),
            three_decimals(r.weighted, lang),
        ));
    }
    h.push_str(&format!(
        "<tr class=\"total\"><th scope=\"row\" colspan=\"8\">{}</th><td class=\"num\">{}</td></tr>\n\
         <tr class=\"total\"><th scope=\"row\" colspan=\"8\">{} = 25 × {}</th><td class=\"num\">{}</td></tr>\n",
        escape(st.weighted_total),
        three_decimals(view.weighted_total, lang),
        escape(st.ikm),
        escape(st.weighted_total),
        escape(&Figure::new(ikm.score, lang).text),
    ));
    h.push_str("</tbody>\n</table>\n</section>\n");
}

fn bands(h: &mut String, current: Mutu, lang: Lang) {
    let st = skm_texts(lang);
    h.push_str(&format!(
        "<section aria-labelledby=\"h-bands\">\n<h2 id=\"h-bands\">{}</h2>\n",
        escape(st.bands)
    ));
    table_head(
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
            "<tr{class}><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td>\
             <td>{}{mark}</td></tr>\n",
            escape(&interval_text(*m, lang)),
            m.persepsi(),
            m.letter(),
            escape(m.label(lang)),
        ));
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

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
/// the 0,11 figure, the four bands, the legal basis and the note, each label in the first column.
pub fn csv(survey: &Survey, lang: Lang, title: &str, delimiter: u8) -> String {
    with_bom(&write_csv(survey, lang, title, delimiter).unwrap_or_default())
}

/// Writes every record into memory; writing to a `Vec` cannot fail, so `None` is unreachable.
fn write_csv(survey: &Survey, lang: Lang, title: &str, delimiter: u8) -> Option<Vec<u8>> {
    let ikm = survey.ikm();
    let st = skm_texts(lang);
    let mut w = writer(delimiter);
    let width = csv_headers(lang).len();
    let mut put = |cells: Vec<String>| -> Option<()> {
        let mut cells = cells;
        cells.resize(width, String::new());
        w.write_record(cells.iter().map(|c| neutralise(c))).ok()
    };
    put(csv_headers(lang).to_vec())?;
    let view = survey.view();
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
    put(vec![st.unit.to_string(), title.to_string()])?;
    put(vec![st.legal_basis.to_string(), st.regulation.to_string()])?;
    put(vec![st.note.to_string(), weight_note(&ikm, lang)])?;
    w.into_inner().ok()
}
