//! The small text helpers of the report: zone names and symbols, confidence tags, written-out
//! dates and the status line of a score.

pub use crate::dates::{format_date, format_moment};
use crate::instrument::{Confidence, Lang, Zone};

/// "Zona Hijau" / "Green zone" (docs/SOURCES.md §Zones 2016–2021, §Bands 2022–2024, §Opinion 2025).
pub fn zone_name(zone: Zone, lang: Lang) -> &'static str {
    match (zone, lang) {
        (Zone::Merah, Lang::Id) => "Zona Merah",
        (Zone::Kuning, Lang::Id) => "Zona Kuning",
        (Zone::Hijau, Lang::Id) => "Zona Hijau",
        (Zone::Hitam, Lang::Id) => "Zona Hitam",
        (Zone::Merah, Lang::En) => "Red zone",
        (Zone::Kuning, Lang::En) => "Yellow zone",
        (Zone::Hijau, Lang::En) => "Green zone",
        (Zone::Hitam, Lang::En) => "Black zone",
    }
}

/// The shape shown with a zone so it never rests on colour alone.
pub fn zone_symbol(zone: Zone) -> &'static str {
    match zone {
        Zone::Hijau => "●",
        Zone::Kuning => "▲",
        Zone::Merah => "■",
        Zone::Hitam => "◆",
    }
}

/// What a confidence tag of docs/SOURCES.md §Confidence tags means, in words for a reader (the
/// letter codes stay in the data).
pub fn confidence_text(c: Confidence, lang: Lang) -> &'static str {
    match (c, lang) {
        (Confidence::C, Lang::Id) => "terkonfirmasi dari sumbernya",
        (Confidence::C2, Lang::Id) => "terkonfirmasi oleh dua sumber atau lebih",
        (Confidence::P, Lang::Id) => "terkonfirmasi sebagian",
        (Confidence::U, Lang::Id) => "belum terverifikasi",
        (Confidence::C, Lang::En) => "confirmed by its source",
        (Confidence::C2, Lang::En) => "confirmed by two or more sources",
        (Confidence::P, Lang::En) => "partly confirmed",
        (Confidence::U, Lang::En) => "unverified",
    }
}

/// "Belum dijawab" where nothing at a place (the OPD, a unit, a product) is answered yet: such a
/// place shows these words, neutral, and no score or band, which would read as the lowest band
/// (docs/SCORING.md §Common rules). `None` once anything there is answered.
pub fn not_started(answered: u32, total: u32, lang: Lang) -> Option<String> {
    (total > 0 && answered == 0).then(|| super::texts(lang).unanswered.to_string())
}

/// What is still missing before a result is final, in words an official reads aloud: the
/// questions not answered, the opinion-data entries not filled in and those typed but not valid,
/// each named for what it is (docs/SCORING.md §Common rules); `None` when nothing is missing.
pub fn missing_text(indicators: u32, opinion: u32, invalid: u32, lang: Lang) -> Option<String> {
    let questions = (indicators > 0).then(|| match lang {
        Lang::Id => format!("{indicators} pertanyaan belum dijawab"),
        Lang::En if indicators == 1 => "1 question not answered".to_string(),
        Lang::En => format!("{indicators} questions not answered"),
    });
    let entries = (opinion > 0).then(|| match lang {
        Lang::Id => format!("{opinion} isian Data Opini belum diisi"),
        Lang::En if opinion == 1 => "1 opinion-data entry not filled in".to_string(),
        Lang::En => format!("{opinion} opinion-data entries not filled in"),
    });
    let wrong = (invalid > 0).then(|| match lang {
        Lang::Id => format!("{invalid} isian Data Opini tidak valid"),
        Lang::En if invalid == 1 => "1 opinion-data entry not valid".to_string(),
        Lang::En => format!("{invalid} opinion-data entries not valid"),
    });
    let parts: Vec<String> = [questions, entries, wrong].into_iter().flatten().collect();
    let and = match lang {
        Lang::Id => " dan ",
        Lang::En => " and ",
    };
    match parts.split_last() {
        None => None,
        Some((last, [])) => Some(last.clone()),
        Some((last, rest)) => Some(format!("{}{and}{last}", rest.join(", "))),
    }
}

/// Why there is no plan yet while places are open: answer them first, the list being computed
/// from what is answered (docs/SCORING.md §What to fix first); `None` when nothing is open.
pub fn remaining_first(questions: u32, opinion: u32, lang: Lang) -> Option<String> {
    let text = match (lang, questions, opinion) {
        (_, 0, 0) => return None,
        (Lang::Id, q, 0) => format!("Jawab dulu {q} pertanyaan yang tersisa"),
        (Lang::Id, 0, e) => format!("Isi dulu {e} isian Data Opini yang tersisa"),
        (Lang::Id, q, e) => {
            format!("Jawab dulu {q} pertanyaan dan {e} isian Data Opini yang tersisa")
        }
        (Lang::En, 1, 0) => "First answer the 1 remaining question".to_string(),
        (Lang::En, q, 0) => format!("First answer the {q} remaining questions"),
        (Lang::En, 0, e) => format!("First fill in the {e} remaining opinion-data entries"),
        (Lang::En, q, e) => {
            format!("First answer the {q} remaining questions and {e} opinion-data entries")
        }
    };
    Some(match lang {
        Lang::Id => format!("{text}: daftar perbaikan dihitung dari yang sudah dijawab."),
        Lang::En => format!("{text}: the list of fixes is computed from what is answered."),
    })
}

/// The status of a provisional score: what is missing, and why the score is a floor, explained.
pub(super) fn provisional_text(missing: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "Sementara: {missing}. Yang belum dijawab dihitung belum terpenuhi, jadi nilai ini \
             batas bawah: nilai akhirnya sama atau lebih tinggi."
        ),
        Lang::En => format!(
            "Provisional: {missing}. What is not answered yet counts as unmet, so this score is a \
             floor: the final score is the same or higher."
        ),
    }
}

/// The status of a final score: every place given (under an opinion instrument the opinion data
/// too, docs/SCORING.md §Output, §Public trust).
pub(super) fn complete_text(total: u32, opinion: bool, lang: Lang) -> String {
    match (lang, opinion) {
        (Lang::Id, false) => format!("Lengkap: semua {total} indikator sudah dijawab."),
        (Lang::Id, true) => {
            format!("Lengkap: semua {total} indikator dan isian Data Opini sudah diisi.")
        }
        (Lang::En, false) => format!("Complete: all {total} indicators are answered."),
        (Lang::En, true) => {
            format!("Complete: all {total} indicators and opinion-data entries are filled in.")
        }
    }
}
