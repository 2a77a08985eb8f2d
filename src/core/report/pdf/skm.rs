//! The PDF of the SKM/IKM result: the contents of `skm_doc::html`.

use super::doc::{Doc, Meta};
use super::layout::{col, Block, Cell};
use super::parts::{card, closing, fact, num, user, FACTS};
use super::text::Font;

use crate::instrument::Lang;
use crate::report::skm_doc::{interval_text, skm_texts, three_decimals, weight_note};
use crate::skm::{subject_labels, Ikm, Mutu, Sample, SkmView, Subject, Survey};

/// Renders the SKM/IKM result as a PDF file:
/// the contents of `skm_doc::html` (Permenpan RB 14/2017), A4, selectable text: the core's
/// `SkmView`, laid out, headed by its unit layanan, OPD and survey period (docs/SKM.md §Whose
/// result).
pub fn render_skm(survey: &Survey, lang: Lang, subject: &Subject, generated_at: &str) -> Vec<u8> {
    let view = survey.view();
    let ikm = &view.ikm;
    let st = skm_texts(lang);
    let mut d = Doc::new();
    d.heading(st.title, 1, None);
    d.space(4.0);
    let [unit, opd, period] = subject_labels(lang);
    let rows = vec![
        fact(unit, user(Subject::shown(&subject.unit))),
        fact(opd, user(Subject::shown(&subject.opd))),
        fact(period, user(Subject::shown(&subject.period))),
        fact(st.respondents, &view.respondents.to_string()),
        fact(st.legal_basis, st.regulation),
    ];
    d.grid(&FACTS, rows);
    let sample = view.sample.message(view.respondents, lang);
    if view.sample == Sample::Small {
        d.space(4.0);
        d.para(&Block::new(Font::Bold, &sample, 10.0), 0.0);
    }
    card(&mut d, 120.0, |d| skm_result(d, ikm, lang));
    skm_unsur(&mut d, &view, lang);
    skm_bands(&mut d, ikm.mutu, lang);
    d.heading(st.note, 2, None);
    // "Σ" has no WinAnsi form: the sum is written out.
    let sum = match lang {
        Lang::Id => "jumlah ",
        Lang::En => "sum of ",
    };
    d.para(&Block::text(weight_note(ikm, lang).replace("Σ ", sum)), 0.0);
    if view.sample == Sample::Unchecked {
        d.space(3.0);
        d.para(&Block::text(sample), 0.0);
    }
    d.space(3.0);
    d.para(&Block::small(st.order_note, 8.0), 0.0);
    closing(&mut d, lang, generated_at);
    d.finish(&Meta {
        lang,
        running: st.title.to_string(),
        who: subject.label(),
        subject: st.regulation.to_string(),
        author: String::new(),
        generated_at: generated_at.to_string(),
    })
}

fn skm_result(d: &mut Doc, ikm: &Ikm, lang: Lang) {
    let st = skm_texts(lang);
    d.heading(st.ikm, 3, None);
    d.para(&Block::new(Font::Bold, num(ikm.score, lang), 26.0), 0.0);
    let line = Block::text(format!("{}: ", st.mutu))
        .then(Font::Bold, ikm.mutu.letter())
        .then(Font::Regular, format!(" · {}: ", st.kinerja))
        .then(Font::Bold, ikm.mutu.label(lang))
        .then(Font::Regular, format!(" · {}: {}", st.interval, interval_text(ikm.mutu, lang)));
    d.para(&line, 0.0);
    d.space(2.0);
    let small = format!("{}: {}", st.with_011, num(ikm.score_weight_011, lang));
    d.para(&Block::small(small, 8.0), 0.0);
}

fn skm_unsur(d: &mut Doc, view: &SkmView, lang: Lang) {
    let st = skm_texts(lang);
    d.heading(st.per_unsur, 2, None);
    d.para(&Block::small(st.columns_note, 8.0), 0.0);
    d.space(3.0);
    let mut rows = Vec::with_capacity(view.rows.len());
    for r in &view.rows {
        let (u, c, sum, n) = (r.unsur, &r.counts, r.sum, r.respondents);
        rows.push(vec![
            Cell::bold(u.code),
            Cell::plain(u.name(lang)),
            Cell::plain(c[0].to_string()),
            Cell::plain(c[1].to_string()),
            Cell::plain(c[2].to_string()),
            Cell::plain(c[3].to_string()),
            Cell::plain(format!("{sum}/{n}")),
            Cell::plain(three_decimals(r.nrr, lang)),
            Cell::plain(three_decimals(r.weighted, lang)),
        ]);
    }
    let cols = [
        col(7.0, false),
        col(27.0, false),
        col(6.0, true),
        col(6.0, true),
        col(6.0, true),
        col(6.0, true),
        col(13.0, true),
        col(10.0, true),
        col(19.0, true),
    ];
    let head = [st.code, st.unsur, "1", "2", "3", "4", st.fraction, st.nrr, st.weighted];
    d.table(&cols, &head, rows);
    d.y += 6.0;
    let sums = vec![
        vec![Cell::bold(st.weighted_total), Cell::bold(three_decimals(view.weighted_total, lang))],
        vec![
            Cell::bold(format!("{} = 25 × {}", st.ikm, st.weighted_total)),
            Cell::bold(num(view.ikm.score, lang)),
        ],
    ];
    d.grid(&[col(81.0, true), col(19.0, true)], sums);
    d.y -= 4.0;
}

fn skm_bands(d: &mut Doc, current: Mutu, lang: Lang) {
    let st = skm_texts(lang);
    d.heading(st.bands, 2, None);
    let rows = Mutu::ALL
        .iter()
        .rev()
        .map(|m| {
            let this = *m == current;
            let font = if this { Font::Bold } else { Font::Regular };
            let kinerja = if this {
                format!("{} <- {}", m.label(lang), st.this_result)
            } else {
                m.label(lang).to_string()
            };
            let row = vec![
                Cell::new(font, interval_text(*m, lang)),
                Cell::new(font, m.persepsi().to_string()),
                Cell::new(font, m.letter()),
                Cell::new(font, kinerja),
            ];
            (row, this.then_some(0.9))
        })
        .collect();
    let cols = [col(30.0, true), col(16.0, true), col(22.0, false), col(32.0, false)];
    d.table_filled(&cols, &[st.interval, st.persepsi, st.mutu, st.kinerja], rows);
}
