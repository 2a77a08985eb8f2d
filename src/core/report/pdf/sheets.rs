//! Printable sheets of the 2025 opinion made in the browser (docs/SCORING.md §Interview
//! preparation, §Public trust): the interview practice sheet of one unit, and the public-trust
//! questionnaire of one service product for respondents to fill in by hand (a form for the public:
//! instructions and thanks, no method notes).

use super::doc::{Doc, Meta};
use super::layout::{col, Block, Cell, SMALL};
use super::parts::{fact, user, FACTS};
use super::text::Font;

use crate::assessment::Assessment;
use crate::instrument::{Instrument, Lang};
use crate::interview::{pick, question, role_name, ROLES};

fn tr(lang: Lang, id: &'static str, en: &'static str) -> &'static str {
    if lang == Lang::En {
        en
    } else {
        id
    }
}

/// The interview practice sheet of a unit: per interviewee, each question, what a good answer
/// contains, and room to write one's own; `None` for an unknown unit.
pub fn render_interview(a: &Assessment, unit: &str, lang: Lang, now: &str) -> Option<Vec<u8>> {
    let u = a.unit(unit)?;
    let title =
        tr(lang, "Lembar latihan wawancara Ombudsman", "Ombudsman interview practice sheet");
    let mut d = Doc::new();
    d.heading(title, 1, None);
    d.grid(
        &FACTS,
        vec![
            fact("OPD", user(&a.opd)),
            fact(tr(lang, "Unit layanan", "Service unit"), user(&u.name)),
        ],
    );
    d.space(4.0);
    d.para(&Block::small(tr(lang,
        "Pertanyaan menurut kisi-kisi wawancara Ombudsman 2023; siapa ditanya apa disusun patuh (asumsi). Jawaban yang diharapkan adalah panduan, bukan kunci resmi.",
        "Questions from the Ombudsman's 2023 interview sheet; who is asked what is patuh's (assumed). The expected answers are guidance, not an official key."), SMALL), 0.0);
    for role in &ROLES {
        d.heading(role_name(role, lang), 2, None);
        d.para(
            &Block::text(format!("{}: ____________________________", tr(lang, "Nama", "Name"))),
            0.0,
        );
        for (n, key) in role.questions.iter().enumerate() {
            let Some(q) = question(key) else { continue };
            d.space(4.0);
            d.para(
                &Block::new(Font::Bold, format!("{}. {}", n + 1, pick(&q.ask, lang)), 10.0),
                0.0,
            );
            let hint =
                format!("{}: {}", tr(lang, "Yang diharapkan", "Expected"), pick(&q.answer, lang));
            d.para(&Block::small(hint, SMALL), 10.0);
            d.para(&Block::text(format!("{}: ", tr(lang, "Jawaban saya", "My answer"))), 10.0);
            for _ in 0..2 {
                d.para(&Block::text("_".repeat(70)), 10.0);
            }
        }
    }
    Some(d.finish(&Meta {
        lang,
        running: title.to_string(),
        who: u.name.clone(),
        subject: title.to_string(),
        author: String::new(),
        generated_at: now.to_string(),
    }))
}

/// The public-trust questionnaire of one service product (the questions are patuh's, and the
/// sheet says so); `None` without an opinion instrument or for an unknown place.
pub fn render_questionnaire(
    ins: &Instrument,
    a: &Assessment,
    (unit, product): (&str, &str),
    lang: Lang,
    now: &str,
) -> Option<Vec<u8>> {
    let rules = &ins.opinion.as_ref()?.trust;
    let u = a.unit(unit)?;
    let p = u.products.iter().find(|p| p.id == product)?;
    let title = tr(lang, "Survei kepercayaan masyarakat", "Public-trust survey");
    let mut d = Doc::new();
    d.heading(title, 1, None);
    d.grid(
        &FACTS,
        vec![
            fact(tr(lang, "Instansi", "Body"), user(&a.opd)),
            fact(tr(lang, "Unit layanan", "Service unit"), user(&u.name)),
            fact(tr(lang, "Produk layanan", "Service product"), user(&p.name)),
            fact(tr(lang, "Responden nomor", "Respondent no."), "______"),
        ],
    );
    // Room under the last line of the grid, so the blank never touches the instruction.
    d.space(8.0);
    d.para(&Block::text(tr(lang,
        "Beri tanda silang (X) pada satu pilihan untuk setiap pernyataan. Jawaban Anda tidak mencantumkan nama.",
        "Put a cross (X) in one box for each statement. Your answers carry no name.")), 0.0);
    d.space(4.0);
    let mut head: Vec<&str> = vec![tr(lang, "Pernyataan", "Statement")];
    head.extend(rules.options.iter().map(|o| o.get(lang)));
    let rows = rules
        .questions
        .iter()
        .enumerate()
        .map(|(n, q)| {
            let mut row = vec![Cell::plain(format!("{}. {}", n + 1, q.text.get(lang)))];
            row.extend(rules.options.iter().map(|_| Cell::plain("[   ]")));
            row
        })
        .collect();
    let each = 48.0 / rules.options.len().max(1) as f32;
    let mut cols = vec![col(52.0, false)];
    cols.extend(rules.options.iter().map(|_| col(each, false)));
    d.table(&cols, &head, rows);
    // A form for the public: instructions and thanks only. How the answers are scored (patuh's
    // assumption) stays in the officials' report (docs/SCORING.md §Public trust).
    d.space(10.0);
    d.para(
        &Block::text(tr(
            lang,
            "Terima kasih atas kesediaan Anda mengisi survei ini.",
            "Thank you for taking part in this survey.",
        )),
        0.0,
    );
    Some(d.finish(&Meta {
        lang,
        running: title.to_string(),
        who: p.name.clone(),
        subject: title.to_string(),
        author: String::new(),
        generated_at: now.to_string(),
    }))
}
