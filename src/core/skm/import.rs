//! A CSV of responses meeting counts already typed (docs/SKM.md §Import): nothing typed is
//! replaced without asking; the official chooses to add the file's respondents or to replace the
//! typed ones, and is told afterwards what happened. Also the rule for one answer cell, shared by
//! the SKM and public-trust importers, and the words of a refused value.

use super::{Counts, N_UNSUR};
use crate::instrument::Lang;

/// One cell of a CSV of responses read as an answer `1`…`top` (docs/SKM.md "CSV of responses"):
/// the digits only, without a sign or a leading zero; anything else is `None` ("5", "3.5", "",
/// "+3", "03", "baik"). The SKM importer (top 4) and the public-trust importer use it.
pub fn answer_value(cell: &str, top: usize) -> Option<usize> {
    let digits = !cell.is_empty() && cell.bytes().all(|b| b.is_ascii_digit());
    if !digits || cell.starts_with('0') {
        return None;
    }
    cell.parse::<usize>().ok().filter(|v| (1..=top).contains(v))
}

/// "Baris 2, kolom 1: “5” bukan nilai 1–4.": why a cell of a CSV of responses was refused, in the
/// words of both importers (docs/SKM.md "CSV of responses"); the value is cut to 24 characters.
pub fn value_message(row: usize, column: usize, value: &str, top: usize, lang: Lang) -> String {
    let value = super::input::shown(value);
    match lang {
        Lang::Id => format!("Baris {row}, kolom {column}: “{value}” bukan nilai 1–{top}."),
        Lang::En => {
            format!("Row {row}, column {column}: “{value}” is not a value from 1 to {top}.")
        }
    }
}

/// A file name as a message shows it: cut to 60 characters, so a long name cannot fill a phone's
/// screen (docs/SKM.md §Import).
pub fn file_shown(name: &str) -> String {
    let name = name.trim();
    let mut s: String = name.chars().take(60).collect();
    if s.len() < name.len() {
        s.push('…');
    }
    if s.is_empty() {
        s.push_str("CSV");
    }
    s
}

/// What an import does with the counts already typed (docs/SKM.md §Import).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Merge {
    /// The file's respondents are counted on top of the typed ones (a second batch of forms).
    Add,
    /// The file's respondents take the place of the typed ones.
    Replace,
}

/// True when every typed count is 0: the file is taken without a question (docs/SKM.md §Import).
pub fn is_blank(c: &Counts) -> bool {
    c.iter().flatten().all(|&n| n == 0)
}

/// Respondents of counts that may still be uneven while typing: the most answers of any unsur
/// (every respondent answers all nine, docs/SKM.md §Input).
pub fn respondents_of(c: &Counts) -> u64 {
    c.iter().map(|r| r.iter().map(|&n| u64::from(n)).sum::<u64>()).max().unwrap_or(0)
}

/// The counts after an import: the typed ones plus the file's (each box capped at the largest
/// tally), or the file's alone (docs/SKM.md §Import).
pub fn merge(typed: &Counts, file: &Counts, how: Merge) -> Counts {
    match how {
        Merge::Replace => *file,
        Merge::Add => {
            let mut out: Counts = [[0; 4]; N_UNSUR];
            for ((o, t), f) in out.iter_mut().zip(typed).zip(file) {
                for ((o, t), f) in o.iter_mut().zip(t).zip(f) {
                    *o = t.saturating_add(*f);
                }
            }
            out
        }
    }
}

/// The question asked before typed counts are touched, and its two answers with the number of
/// respondents each leads to (docs/SKM.md §Import).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// "Kalkulator ini sudah berisi 100 responden. Berkas skm.csv berisi 3 responden. …"
    pub text: String,
    /// "Tambahkan ke isian (jumlah 103 responden)".
    pub add: String,
    /// "Ganti isian dengan berkas (jumlah 3 responden)".
    pub replace: String,
}

/// The question for the counts of the file named `file` meeting the `typed` counts.
pub fn question(typed: &Counts, file: &str, file_counts: &Counts, lang: Lang) -> Question {
    let (n, k, f) = (respondents_of(typed), respondents_of(file_counts), file_shown(file));
    let total = respondents_of(&merge(typed, file_counts, Merge::Add));
    match lang {
        Lang::Id => Question {
            text: format!(
                "Kalkulator ini sudah berisi {n} responden. Berkas {f} berisi {k} responden. \
                 Tambahkan jawaban berkas ke isian, atau ganti isian dengan berkas?"
            ),
            add: format!("Tambahkan ke isian (jumlah {total} responden)"),
            replace: format!("Ganti isian dengan berkas (jumlah {k} responden)"),
        },
        Lang::En => Question {
            text: format!(
                "The calculator already holds {n} respondents. The file {f} holds {k} \
                 respondents. Add the file's answers to them, or replace them with the file?"
            ),
            add: format!("Add to them (total {total} respondents)"),
            replace: format!("Replace them with the file (total {k} respondents)"),
        },
    }
}

/// What an import did, said afterwards: `how` is `None` when nothing was typed before, and the
/// counts are those before and after (docs/SKM.md §Import).
pub fn done_message(
    how: Option<Merge>,
    file: &str,
    before: &Counts,
    after: &Counts,
    file_counts: &Counts,
    lang: Lang,
) -> String {
    let (was, k, total, f) = (
        respondents_of(before),
        respondents_of(file_counts),
        respondents_of(after),
        file_shown(file),
    );
    match (how, lang) {
        (None, Lang::Id) => format!("{k} responden dari {f} dimasukkan; jumlah {total}."),
        (None, Lang::En) => format!("{k} respondents from {f} entered; total {total}."),
        (Some(Merge::Add), Lang::Id) => {
            format!("{k} responden dari {f} ditambahkan; jumlah {total}.")
        }
        (Some(Merge::Add), Lang::En) => {
            format!("{k} respondents from {f} added; total {total}.")
        }
        (Some(Merge::Replace), Lang::Id) => format!(
            "{k} responden dari {f} menggantikan {was} responden sebelumnya; jumlah {total}."
        ),
        (Some(Merge::Replace), Lang::En) => {
            format!("{k} respondents from {f} replaced the {was} entered before; total {total}.")
        }
    }
}

/// Said when the official cancels the question: nothing changed (docs/SKM.md §Import).
pub fn cancelled_message(file: &str, lang: Lang) -> String {
    let f = file_shown(file);
    match lang {
        Lang::Id => format!("{f} tidak diimpor; isian tidak berubah."),
        Lang::En => format!("{f} was not imported; the counts are unchanged."),
    }
}
