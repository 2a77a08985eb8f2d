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

pub(super) fn provisional_text(unanswered: u32, total: u32, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "Sementara: {unanswered} dari {total} indikator belum dijawab. Indikator yang belum \
             dijawab dihitung belum terpenuhi, jadi nilai ini adalah batas bawah."
        ),
        Lang::En => format!(
            "Provisional: {unanswered} of {total} indicators are unanswered. Unanswered \
             indicators count as unmet, so this score is a floor."
        ),
    }
}

pub(super) fn complete_text(total: u32, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Lengkap: semua {total} indikator sudah dijawab."),
        Lang::En => format!("Complete: all {total} indicators are answered."),
    }
}
