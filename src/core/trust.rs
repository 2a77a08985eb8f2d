//! The public-trust part of the 2025 opinion (30 %; docs/SCORING.md §Public trust): per service
//! product, tallies of answers to the trust questions, respondents counted towards the target of
//! 30 per product, and the import of one row per respondent from a CSV file (the SKM calculator's
//! pattern, Permenpan RB 14/2017 §CSV in docs/SKM.md).

use std::collections::BTreeMap;

use crate::assessment::{Product, Unit};
use crate::exact::Ratio;
use crate::instrument::{Lang, TrustRules};

/// Tallies of one product: question id → count of respondents per option (least trust first).
pub type Tallies = BTreeMap<String, Vec<u32>>;

/// Respondents of a product: the largest number of answers to any one question (each respondent
/// answers every question; docs/SCORING.md §Public trust).
pub fn respondents(t: &Tallies) -> u32 {
    t.values().map(|c| c.iter().sum::<u32>()).max().unwrap_or(0)
}

/// Trust of a product: the mean answer over every answer given, option `k` worth `k`, divided by
/// the highest option (assumed, docs/SCORING.md §Public trust); `None` without answers.
pub fn product_fraction(rules: &TrustRules, t: &Tallies) -> Option<Ratio> {
    let top = u128::try_from(rules.options.len().checked_sub(1)?).ok()?;
    let (mut sum, mut n) = (0u128, 0u128);
    for q in &rules.questions {
        for (k, c) in t.get(&q.id).into_iter().flatten().enumerate() {
            sum += k as u128 * u128::from(*c);
            n += u128::from(*c);
        }
    }
    Ratio::new(sum, n.checked_mul(top)?)
}

/// Trust of a unit: the mean over its products, a product without respondents counting 0 (a
/// floor, like an unanswered indicator); `None` for a unit without products.
pub fn unit_fraction(rules: &TrustRules, u: &Unit) -> Option<Ratio> {
    let parts: Vec<Ratio> = u
        .products
        .iter()
        .map(|p| product_fraction(rules, &p.trust).unwrap_or(Ratio::ZERO))
        .collect();
    Ratio::mean(&parts)
}

/// When the questions of a product have different numbers of answers: "Pertanyaan 2 berisi 5
/// jawaban, sedangkan pertanyaan 3 berisi 58; …" (every respondent answers every question,
/// docs/SCORING.md §Public trust; the SKM calculator checks its elements the same way).
pub fn uneven(rules: &TrustRules, t: &Tallies, lang: Lang) -> Option<String> {
    let counts: Vec<u32> =
        rules.questions.iter().map(|q| t.get(&q.id).map_or(0, |c| c.iter().sum())).collect();
    let (most, low) = (counts.iter().copied().max()?, counts.iter().copied().min()?);
    if most == low {
        return None;
    }
    let at = |n: u32| counts.iter().position(|&c| c == n).map_or(0, |i| i + 1);
    Some(match lang {
        Lang::Id => format!(
            "Pertanyaan {} berisi {low} jawaban, sedangkan pertanyaan {} berisi {most}; setiap \
             responden menjawab semua pertanyaan. Periksa isian ini.",
            at(low),
            at(most)
        ),
        Lang::En => format!(
            "Question {} has {low} answers while question {} has {most}; every respondent \
             answers every question. Please check these counts.",
            at(low),
            at(most)
        ),
    })
}

/// True when the product has reached the target number of respondents.
pub fn complete(rules: &TrustRules, p: &Product) -> bool {
    respondents(&p.trust) >= rules.target
}

/// Respondents of a unit against its target: each product's count up to the target, over the
/// target times the products (docs/SCORING.md §Public trust).
pub fn unit_progress(rules: &TrustRules, u: &Unit) -> (u32, u32) {
    let n = u.products.iter().map(|p| respondents(&p.trust).min(rules.target)).sum();
    (n, rules.target.saturating_mul(u.products.len() as u32))
}

/// "18 dari 30 responden" / "18 of 30 respondents".
pub fn progress_text(rules: &TrustRules, t: &Tallies, lang: Lang) -> String {
    let n = respondents(t);
    match lang {
        Lang::Id => format!("{n} dari {} responden", rules.target),
        Lang::En => format!("{n} of {} respondents", rules.target),
    }
}

/// Keeps only known questions, with exactly one count per option (what a file may hold).
pub fn clean(rules: &TrustRules, t: &Tallies) -> Tallies {
    let mut out = Tallies::new();
    out.extend(rules.questions.iter().filter_map(|q| {
        let c = t.get(&q.id)?;
        let mut v = c.clone();
        v.resize(rules.options.len(), 0);
        v.iter().any(|x| *x > 0).then(|| (q.id.clone(), v))
    }));
    out
}

/// Why a trust CSV could not be read (worded for the user by [`CsvError::message`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// A row has another number of cells than there are questions.
    Columns {
        /// Row number in the file (1 = first line).
        row: usize,
        /// Cells found.
        found: usize,
    },
    /// A cell is not one of the option numbers.
    Value {
        /// Row number.
        row: usize,
        /// Column number (1 = first question).
        column: usize,
        /// The cell as written.
        value: String,
    },
    /// No respondent row.
    Empty,
}

impl CsvError {
    /// The message in the user's language.
    pub fn message(&self, rules: &TrustRules, lang: Lang) -> String {
        let (n, k) = (rules.questions.len(), rules.options.len());
        match (self, lang) {
            (CsvError::Columns { row, found }, Lang::Id) => {
                format!("Baris {row} berisi {found} kolom; seharusnya {n} (satu per pertanyaan).")
            }
            (CsvError::Columns { row, found }, Lang::En) => {
                format!("Row {row} has {found} columns; it should have {n} (one per question).")
            }
            // The SKM importer's words for the same rule (docs/SKM.md "CSV of responses").
            (CsvError::Value { row, column, value }, lang) => {
                crate::skm::value_message(*row, *column, value, k, lang)
            }
            (CsvError::Empty, Lang::Id) => "Berkas tidak berisi satu pun baris responden.".into(),
            (CsvError::Empty, Lang::En) => "The file has no respondent row.".into(),
        }
    }
}

/// Reads one row per respondent, one column per question in the instrument's order, each cell
/// `1`…`n` (1 = least trust); `;`, `,` or tab separated; a first row without any number is a
/// header. Returns the tallies to add.
pub fn from_csv(rules: &TrustRules, text: &str) -> Result<Tallies, CsvError> {
    let k = rules.options.len();
    // Inserted one by one: collecting into a map sorts first (docs/PERFORMANCE.md).
    let mut out = Tallies::new();
    out.extend(rules.questions.iter().map(|q| (q.id.clone(), vec![0; k])));
    let mut rows = 0u32;
    for (row, cells) in crate::skm::response_rows(text) {
        if cells.len() != rules.questions.len() {
            return Err(CsvError::Columns { row, found: cells.len() });
        }
        for (column, (q, c)) in (1..).zip(rules.questions.iter().zip(&cells)) {
            let v = crate::skm::answer_value(c, k);
            let v = v.ok_or_else(|| CsvError::Value { row, column, value: c.to_string() })?;
            if let Some(slot) = out.get_mut(&q.id).and_then(|t| t.get_mut(v - 1)) {
                *slot += 1;
            }
        }
        rows += 1;
    }
    if rows == 0 {
        return Err(CsvError::Empty);
    }
    Ok(out)
}

/// Adds imported tallies to a product's (the import counts more respondents; it never replaces).
pub fn add(into: &mut Tallies, more: &Tallies) {
    for (q, c) in more {
        let t = into.entry(q.clone()).or_default();
        if t.len() < c.len() {
            t.resize(c.len(), 0);
        }
        for (a, b) in t.iter_mut().zip(c) {
            *a = a.saturating_add(*b);
        }
    }
}

/// What an import of `file` did to a product whose tallies were `before` (docs/SCORING.md §Public
/// trust, docs/SKM.md §Import): "5 responden ditambahkan dari trust.csv; sekarang 35 dari 30
/// responden."
pub fn import_message(
    rules: &TrustRules,
    file: &str,
    before: &Tallies,
    added: &Tallies,
    lang: Lang,
) -> String {
    let (k, f) = (respondents(added), crate::skm::file_shown(file));
    let mut after = before.clone();
    add(&mut after, added);
    let now = progress_text(rules, &after, lang);
    match lang {
        Lang::Id => format!("{k} responden ditambahkan dari {f}; sekarang {now}."),
        Lang::En => format!("{k} respondents added from {f}; now {now}."),
    }
}

/// Why `file` was refused, and that nothing was added (docs/SKM.md §Import).
pub fn refused_message(rules: &TrustRules, file: &str, why: &CsvError, lang: Lang) -> String {
    let (f, why) = (crate::skm::file_shown(file), why.message(rules, lang));
    match lang {
        Lang::Id => format!("{f} tidak diimpor. {why} Tidak ada jawaban yang ditambahkan."),
        Lang::En => format!("{f} was not imported. {why} No answer was added."),
    }
}

/// True when a file holds exactly the answers imported last into this product: importing it
/// again would count the same respondents twice, so the screen asks first (docs/SKM.md §Import).
pub fn is_repeat(last: Option<&Tallies>, next: &Tallies) -> bool {
    last.is_some_and(|l| l == next)
}

/// The question before the same answers are added again: "trust.csv (5 responden) baru saja
/// ditambahkan …" (docs/SKM.md §Import).
pub fn repeat_question(file: &str, added: &Tallies, lang: Lang) -> String {
    let (k, f) = (respondents(added), crate::skm::file_shown(file));
    match lang {
        Lang::Id => format!(
            "Jawaban yang sama ({f}, {k} responden) baru saja ditambahkan ke produk ini. Setiap \
             responden hanya boleh dihitung sekali. Tambahkan lagi?"
        ),
        Lang::En => format!(
            "The same answers ({f}, {k} respondents) were just added to this product. Each \
             respondent may be counted only once. Add them again?"
        ),
    }
}

/// The button that adds the same answers again after [`repeat_question`].
pub fn add_again_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Tambahkan lagi",
        Lang::En => "Add them again",
    }
}
