//! The fixed texts of the recap documents (HTML and PDF), Indonesian and English; the recap's
//! counts and status are said by [`crate::recap::words`] (docs/SCORING.md §Pemda recap).

use crate::instrument::Lang;
use crate::open::{self, OpenError};
use crate::recap::Counted;

use super::WEAKEST_SHOWN;

/// Fixed texts of the recap document.
#[derive(Debug)]
pub struct RecapTexts {
    /// Document title.
    pub title: &'static str,
    /// Heading: the pemda score.
    pub pemda_score: &'static str,
    /// Label before the rule.
    pub rule: &'static str,
    /// Heading: zone distribution.
    pub distribution: &'static str,
    /// Column: count.
    pub count: &'static str,
    /// Column: share.
    pub share: &'static str,
    /// Heading: per zone (for instruments with grades).
    pub per_zone: &'static str,
    /// Heading: OPD table.
    pub opds: &'static str,
    /// Column: OPD / unit.
    pub opd_unit: &'static str,
    /// Column: duplicate.
    pub duplicate: &'static str,
    /// The duplicate flag.
    pub duplicate_flag: &'static str,
    /// Heading: weakest indicators.
    pub weakest: &'static str,
    /// Column: below the maximum.
    pub below_max: &'static str,
    /// Column: mean points.
    pub mean_points: &'static str,
    /// No weak indicator.
    pub no_weakest: &'static str,
    /// Heading: unreadable files.
    pub errors: &'static str,
    /// Column: file.
    pub file: &'static str,
    /// Column: reason.
    pub reason: &'static str,
    /// No file could be read.
    pub nothing: &'static str,
    /// Column: OPD (short).
    pub opd: &'static str,
}

static ID_TEXTS: RecapTexts = RecapTexts {
    title: "Rekap Penilaian Mandiri Kepatuhan Pelayanan Publik",
    pemda_score: "Nilai pemerintah daerah",
    rule: "Aturan",
    distribution: "Sebaran zona",
    count: "Jumlah",
    share: "Bagian (%)",
    per_zone: "Per zona",
    opds: "OPD dan unit layanan",
    opd_unit: "OPD / unit layanan",
    duplicate: "Duplikat",
    duplicate_flag: "duplikat",
    weakest: "Indikator terlemah di pemerintah daerah",
    below_max: "Belum maksimal di",
    mean_points: "Rata-rata poin",
    no_weakest: "Tidak ada indikator yang belum maksimal.",
    errors: "Berkas yang tidak dapat dibaca",
    file: "Berkas",
    reason: "Alasan",
    nothing: "Belum ada berkas yang dapat dibaca.",
    opd: "OPD",
};

static EN_TEXTS: RecapTexts = RecapTexts {
    title: "Recap of Public Service Compliance Self-Assessments",
    pemda_score: "Regional government score",
    rule: "Rule",
    distribution: "Zone distribution",
    count: "Count",
    share: "Share (%)",
    per_zone: "By zone",
    opds: "OPDs and service units",
    opd_unit: "OPD / service unit",
    duplicate: "Duplicate",
    duplicate_flag: "duplicate",
    weakest: "Weakest indicators across the regional government",
    below_max: "Below the maximum in",
    mean_points: "Mean points",
    no_weakest: "No indicator is below its maximum.",
    errors: "Files that could not be read",
    file: "File",
    reason: "Reason",
    nothing: "No file could be read yet.",
    opd: "OPD",
};

/// The fixed recap texts of a language.
pub fn recap_texts(lang: Lang) -> &'static RecapTexts {
    match lang {
        Lang::Id => &ID_TEXTS,
        Lang::En => &EN_TEXTS,
    }
}

/// Why a file could not be read, in the report language (`open::message`, the words the app
/// shows too).
pub fn decode_error_text(e: &OpenError, lang: Lang) -> String {
    open::message(e, lang)
}

/// "10 of N indicators below the maximum; the full list is in the app", shared by the HTML and PDF
/// recaps.
pub(crate) fn weakest_more_note(total: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{WEAKEST_SHOWN} dari {total} indikator yang belum maksimal; daftar lengkap ada di aplikasi."
        ),
        Lang::En => {
            format!("{WEAKEST_SHOWN} of {total} indicators below the maximum; the full list is in the app.")
        }
    }
}

/// The rule the pemda score follows, in short: "rata-rata seluruh unit" (ori-2022/2025,
/// docs/SOURCES.md §Aggregation 2022–2024) or "rata-rata seluruh produk layanan" (ori-2016,
/// §Aggregation 2016–2021).
pub fn rule_text(counted: Counted, lang: Lang) -> &'static str {
    match (counted, lang) {
        (Counted::Units, Lang::Id) => "rata-rata seluruh unit",
        (Counted::Products, Lang::Id) => "rata-rata seluruh produk layanan",
        (Counted::Units, Lang::En) => "mean of all units",
        (Counted::Products, Lang::En) => "mean of all service products",
    }
}

/// "3 dari 12 unit layanan": where a weak indicator is below its maximum, out of where it is
/// answered (shared by the HTML and PDF recaps).
pub(crate) fn below_of(below: usize, answered: usize, counted: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{below} dari {answered} {counted}"),
        Lang::En => format!("{below} of {answered} {counted}"),
    }
}
