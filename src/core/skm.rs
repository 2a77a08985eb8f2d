//! The SKM/IKM calculator of Permenpan RB 14/2017 (docs/SOURCES.md §SKM).
//!
//! Nine unsur (elements), each answered on the 1–4 scale. NRR (nilai rata-rata) per unsur = Σ
//! scores / n respondents; IKM = 25 × the mean of the nine NRRs, computed exactly (weight 1/9),
//! rounded half-up to two decimals once, then banded into mutu pelayanan A–D. The regulation writes
//! the weight as 0,11; that figure (exactly 1 % lower, 0,11 × 9 = 0,99) is given for the note. See
//! `docs/SKM.md`.

use std::fmt;

use crate::exact::{Hundredths, Ratio};
use crate::instrument::Lang;

mod import;
mod input;
mod subject;
mod view;
pub use import::{
    answer_value, cancelled_message, done_message, file_shown, is_blank, merge, question,
    respondents_of, value_message, Merge, Question,
};
pub use input::{parse_count, CountError, Sample, SMALL_SAMPLE_BELOW};
pub use subject::{subject_labels, subject_legend, Subject, SUBJECT_MAX_CHARS};
pub use view::{three_decimals, SkmView, UnsurRow};

/// Number of unsur (Permenpan RB 14/2017, docs/SOURCES.md §SKM).
pub const N_UNSUR: usize = 9;

/// One unsur of the survey (Permenpan RB 14/2017, docs/SOURCES.md §SKM).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unsur {
    /// Short code, "U1"…"U9", in the order of docs/SOURCES.md §SKM.
    pub code: &'static str,
    /// Indonesian name as in the regulation.
    pub id: &'static str,
    /// English translation.
    pub en: &'static str,
}

impl Unsur {
    /// The name in `lang`.
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => self.id,
            Lang::En => self.en,
        }
    }
}

/// The nine unsur in the order of docs/SOURCES.md §SKM (the order varies between implementations:
/// some put Sarana as U8 and Pengaduan as U9; the official order is unverified, see `docs/SKM.md`).
pub const UNSUR: [Unsur; N_UNSUR] = [
    Unsur { code: "U1", id: "Persyaratan", en: "Requirements" },
    Unsur {
        code: "U2",
        id: "Sistem, Mekanisme, dan Prosedur",
        en: "System, mechanism and procedure",
    },
    Unsur { code: "U3", id: "Waktu Penyelesaian", en: "Turnaround time" },
    Unsur { code: "U4", id: "Biaya/Tarif", en: "Fee/tariff" },
    Unsur {
        code: "U5",
        id: "Produk Spesifikasi Jenis Pelayanan",
        en: "Product specification of the service",
    },
    Unsur { code: "U6", id: "Kompetensi Pelaksana", en: "Implementer competence" },
    Unsur { code: "U7", id: "Perilaku Pelaksana", en: "Implementer conduct" },
    Unsur {
        code: "U8",
        id: "Penanganan Pengaduan, Saran dan Masukan",
        en: "Handling of complaints, suggestions and feedback",
    },
    Unsur { code: "U9", id: "Sarana dan Prasarana", en: "Facilities and infrastructure" },
];

/// Counts of answers per unsur (outer, in [`UNSUR`] order) per value 1–4 (inner, index 0 = value
/// 1).
pub type Counts = [[u32; 4]; N_UNSUR];

/// What an answer value 1–4 means, as the SKM documents' column note says it: 1 tidak baik,
/// 2 kurang baik, 3 baik, 4 sangat baik (the scale of Permenpan RB 14/2017, docs/SKM.md §Formula);
/// `None` outside 1–4.
pub fn answer_label(value: usize, lang: Lang) -> Option<&'static str> {
    let m = *Mutu::ALL.get(value.checked_sub(1)?)?;
    Some(match (m, lang) {
        (Mutu::D, Lang::Id) => "tidak baik",
        (Mutu::C, Lang::Id) => "kurang baik",
        (Mutu::B, Lang::Id) => "baik",
        (Mutu::A, Lang::Id) => "sangat baik",
        (Mutu::D, Lang::En) => "not good",
        (Mutu::C, Lang::En) => "less than good",
        (Mutu::B, Lang::En) => "good",
        (Mutu::A, Lang::En) => "very good",
    })
}

/// Why survey input was refused; rows and columns are 1-based as a spreadsheet shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkmError {
    /// No respondent at all (or an unsur with no answer).
    NoRespondents,
    /// Counts given per unsur do not add up to the same number of respondents (Permenpan RB 14/2017
    /// assumes every respondent answers every unsur; a mismatch is usually a typing slip).
    UnevenRespondents {
        /// 1-based unsur number.
        unsur: usize,
        /// Respondents counted for that unsur.
        found: u64,
        /// Respondents counted for U1.
        expected: u64,
    },
    /// A CSV row without exactly nine values.
    Columns {
        /// Line number in the file.
        row: usize,
        /// Values found.
        found: usize,
    },
    /// A CSV value other than 1, 2, 3 or 4.
    Value {
        /// Line number in the file.
        row: usize,
        /// Column number.
        column: usize,
        /// The text found (trimmed).
        value: String,
    },
}

impl SkmError {
    /// The reason in the user's language (for the calculator's error line).
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SkmError::NoRespondents, Lang::Id) => "Belum ada responden.".into(),
            (SkmError::NoRespondents, Lang::En) => "There are no respondents.".into(),
            (SkmError::UnevenRespondents { unsur, found, expected }, Lang::Id) => format!(
                "U{unsur} berisi {found} jawaban, sedangkan U1 berisi {expected}; \
                 setiap unsur harus dijawab oleh semua responden."
            ),
            (SkmError::UnevenRespondents { unsur, found, expected }, Lang::En) => format!(
                "U{unsur} has {found} answers but U1 has {expected}; \
                 every respondent must answer every element."
            ),
            (SkmError::Columns { row, found }, Lang::Id) => {
                format!("Baris {row}: {found} nilai, seharusnya 9 (U1–U9).")
            }
            (SkmError::Columns { row, found }, Lang::En) => {
                format!("Row {row}: {found} values, expected 9 (U1–U9).")
            }
            (SkmError::Value { row, column, value }, lang) => {
                value_message(*row, *column, value, 4, lang)
            }
        }
    }
}

impl fmt::Display for SkmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SkmError {}

/// Mutu pelayanan (service quality) of an IKM, Permenpan RB 14/2017 conversion table
/// (docs/SOURCES.md §SKM).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mutu {
    /// D, Tidak baik: IKM 25,00–64,99.
    D,
    /// C, Kurang baik: IKM 65,00–76,60.
    C,
    /// B, Baik: IKM 76,61–88,30.
    B,
    /// A, Sangat baik: IKM 88,31–100,00.
    A,
}

impl Mutu {
    /// All four, from lowest to highest (for the legend table).
    pub const ALL: [Mutu; 4] = [Mutu::D, Mutu::C, Mutu::B, Mutu::A];

    /// The mutu of an IKM rounded to two decimals (`>=` on the lower limits 88,31 / 76,61 / 65,00
    /// of docs/SOURCES.md §SKM; anything lower is D, whose interval starts at 25,00, the least
    /// IKM).
    pub fn of(ikm: Hundredths) -> Mutu {
        match ikm.0 {
            8831.. => Mutu::A,
            7661.. => Mutu::B,
            6500.. => Mutu::C,
            _ => Mutu::D,
        }
    }

    /// The letter, "A"…"D".
    pub fn letter(self) -> &'static str {
        match self {
            Mutu::A => "A",
            Mutu::B => "B",
            Mutu::C => "C",
            Mutu::D => "D",
        }
    }

    /// Kinerja unit pelayanan as the table names it (docs/SOURCES.md §SKM).
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Mutu::A, Lang::Id) => "Sangat baik",
            (Mutu::B, Lang::Id) => "Baik",
            (Mutu::C, Lang::Id) => "Kurang baik",
            (Mutu::D, Lang::Id) => "Tidak baik",
            (Mutu::A, Lang::En) => "Very good",
            (Mutu::B, Lang::En) => "Good",
            (Mutu::C, Lang::En) => "Less than good",
            (Mutu::D, Lang::En) => "Not good",
        }
    }

    /// The IKM interval, lowest and highest, inclusive (docs/SOURCES.md §SKM conversion table).
    pub fn interval(self) -> (Hundredths, Hundredths) {
        match self {
            Mutu::A => (Hundredths(8831), Hundredths(10000)),
            Mutu::B => (Hundredths(7661), Hundredths(8830)),
            Mutu::C => (Hundredths(6500), Hundredths(7660)),
            Mutu::D => (Hundredths(2500), Hundredths(6499)),
        }
    }

    /// Nilai persepsi 1–4 of the conversion table (docs/SOURCES.md §SKM).
    pub fn persepsi(self) -> u8 {
        match self {
            Mutu::D => 1,
            Mutu::C => 2,
            Mutu::B => 3,
            Mutu::A => 4,
        }
    }
}

/// The result of a survey (Permenpan RB 14/2017, docs/SOURCES.md §SKM).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ikm {
    /// Respondents per unsur (the n of each NRR).
    pub respondents: [u64; N_UNSUR],
    /// Exact NRR per unsur = Σ scores / n of that unsur.
    pub nrr: [Ratio; N_UNSUR],
    /// Exact IKM = 25 × mean of the nine NRRs (weight 1/9).
    pub exact: Ratio,
    /// IKM rounded half-up to two decimals, once.
    pub score: Hundredths,
    /// Mutu pelayanan of [`Ikm::score`].
    pub mutu: Mutu,
    /// Exact IKM with the regulation's rounded weight 0,11 = 25 × Σ (NRR × 0,11): 0,99 × the exact.
    pub exact_weight_011: Ratio,
    /// That figure rounded half-up to two decimals (for the note only; never banded).
    pub score_weight_011: Hundredths,
}

/// A validated survey: answer counts per unsur per value (Permenpan RB 14/2017, docs/SOURCES.md
/// §SKM).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Survey {
    counts: Counts,
}

impl Survey {
    /// From counts per unsur per value 1–4. Refused when an unsur has no answer or when the unsur
    /// do not all have the same number of respondents (each respondent answers all nine).
    pub fn from_counts(counts: Counts) -> Result<Survey, SkmError> {
        let n = |c: &[u32; 4]| c.iter().map(|&x| u64::from(x)).sum::<u64>();
        let expected = n(&counts[0]);
        if expected == 0 {
            return Err(SkmError::NoRespondents);
        }
        for (i, c) in counts.iter().enumerate() {
            let found = n(c);
            if found != expected {
                return Err(SkmError::UnevenRespondents { unsur: i + 1, found, expected });
            }
        }
        Ok(Survey { counts })
    }

    /// From individual responses, one array of nine values 1–4 per respondent (row numbers in
    /// errors are 1-based indexes into `rows`).
    pub fn from_responses(rows: &[[u8; N_UNSUR]]) -> Result<Survey, SkmError> {
        let mut counts: Counts = [[0; 4]; N_UNSUR];
        for (r, row) in rows.iter().enumerate() {
            for (u, &v) in row.iter().enumerate() {
                if !(1..=4).contains(&v) {
                    return Err(SkmError::Value {
                        row: r + 1,
                        column: u + 1,
                        value: v.to_string(),
                    });
                }
                counts[u][usize::from(v - 1)] += 1;
            }
        }
        Survey::from_counts(counts)
    }

    /// The counts per unsur per value 1–4.
    pub fn counts(&self) -> &Counts {
        &self.counts
    }

    /// Number of respondents (equal for every unsur).
    pub fn respondents(&self) -> u64 {
        self.counts[0].iter().map(|&x| u64::from(x)).sum()
    }

    /// NRR per unsur, IKM (exact, rounded, mutu) and the 0,11-weight figure (docs/SOURCES.md §SKM).
    pub fn ikm(&self) -> Ikm {
        let mut respondents = [0u64; N_UNSUR];
        let mut nrr = [Ratio::ZERO; N_UNSUR];
        for (u, c) in self.counts.iter().enumerate() {
            let n: u128 = c.iter().map(|&x| u128::from(x)).sum();
            let sum: u128 = c.iter().zip(1u128..).map(|(&k, v)| u128::from(k) * v).sum();
            respondents[u] = u64::try_from(n).unwrap_or(u64::MAX);
            // n > 0 is guaranteed by the constructors; NRR is per unsur with its own n.
            nrr[u] = Ratio::new(sum, n).unwrap_or(Ratio::ZERO);
        }
        let mean = Ratio::mean(&nrr).unwrap_or(Ratio::ZERO);
        let exact = mean * Ratio::int(25);
        let total = nrr.iter().fold(Ratio::ZERO, |a, b| a + *b);
        // 25 × 0,11 × Σ NRR = 11/4 × Σ NRR.
        let exact_weight_011 = total * Ratio::new(11, 4).unwrap_or(Ratio::ZERO);
        let score = exact.round2();
        Ikm {
            respondents,
            nrr,
            exact,
            score,
            mutu: Mutu::of(score),
            exact_weight_011,
            score_weight_011: exact_weight_011.round2(),
        }
    }
}

/// Reads a CSV of responses: one row per respondent, nine values 1–4 (U1…U9 in [`UNSUR`] order),
/// separated by `;`, `,` or a tab (the first row decides); an optional header row (a first row
/// without any numeric cell); a UTF-8 BOM, blank lines, quotes around values and trailing empty
/// cells are tolerated. Any other value is refused with its row and column.
pub fn from_csv(text: &str) -> Result<Survey, SkmError> {
    let mut counts: Counts = [[0; 4]; N_UNSUR];
    for (row, cells) in response_rows(text) {
        if cells.len() != N_UNSUR {
            return Err(SkmError::Columns { row, found: cells.len() });
        }
        for (u, c) in cells.iter().enumerate() {
            match answer_value(c, 4) {
                Some(v) => counts[u][v - 1] += 1,
                None => {
                    return Err(SkmError::Value { row, column: u + 1, value: (*c).to_string() })
                }
            }
        }
    }
    Survey::from_counts(counts)
}

/// The data rows of a CSV of survey responses, each with its 1-based line number and its cells
/// (docs/SKM.md "CSV of responses"): a UTF-8 BOM, blank lines, rows of empty cells, quotes around values and
/// trailing empty cells are tolerated; `;`, `,` or a tab separates (the first row decides); a
/// first row without any numeric cell is a header and is left out, so a typo in the first data
/// row is still reported by the caller. Shared by the SKM and public-trust importers.
pub fn response_rows(text: &str) -> Vec<(usize, Vec<&str>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (mut delimiter, mut first, mut out) = (None, true, Vec::new());
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let d = *delimiter.get_or_insert_with(|| {
            [';', ',', '\t'].into_iter().find(|d| line.contains(*d)).unwrap_or(';')
        });
        let mut cells: Vec<&str> =
            line.split(d).map(|c| c.trim().trim_matches('"').trim()).collect();
        while cells.last().is_some_and(|c| c.is_empty()) {
            cells.pop();
        }
        if cells.is_empty() {
            // A row of empty cells that a spreadsheet left behind.
            continue;
        }
        let numeric = |c: &&str| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit());
        let header = first && !cells.iter().any(numeric);
        first = false;
        if !header {
            out.push((i + 1, cells));
        }
    }
    out
}
