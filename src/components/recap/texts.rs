//! The recap screen's own words, one table per language. Headings the recap files share come from
//! the core's `recap_texts`, and the counts and status from `recap::summary`, so that the screen
//! and the files say the same.

use patuh_core::Lang;

/// The fixed words of the recap screen.
pub struct ScreenTexts {
    pub back: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub choose: &'static str,
    pub or_drop: &'static str,
    pub reading: &'static str,
    pub clear: &'static str,
    pub refused: &'static str,
    pub sort: &'static str,
    pub sort_high: &'static str,
    pub sort_low: &'static str,
    pub sort_opd: &'static str,
    pub sort_zone: &'static str,
    pub filter: &'static str,
    pub no_match: &'static str,
    pub download: &'static str,
    pub download_html: &'static str,
    pub download_pdf: &'static str,
    pub download_csv: &'static str,
    pub opds: &'static str,
}

static ID: ScreenTexts = ScreenTexts {
    back: "Kembali",
    title: "Rekap pemerintah daerah",
    intro: "Buka berkas penilaian mandiri dari banyak OPD sekaligus: berkas JSON patuh, laporan \
            HTML patuh, atau bundel bukti (ZIP). Berkas hanya dibaca di peramban ini.",
    choose: "Pilih berkas…",
    or_drop: " atau seret berkas ke sini",
    reading: "Membaca berkas…",
    clear: "Kosongkan daftar",
    refused: "Berkas yang tidak dapat dibaca, dan sebabnya:",
    sort: "Urutkan",
    sort_high: "Nilai tertinggi dulu",
    sort_low: "Nilai terendah dulu",
    sort_opd: "Nama OPD",
    sort_zone: "Zona atau kualitas",
    filter: "Saring nama OPD",
    no_match: "Tidak ada OPD yang namanya cocok dengan saringan.",
    download: "Unduh rekap",
    download_html: "Unduh rekap (HTML)",
    download_pdf: "Unduh rekap (PDF)",
    download_csv: "Unduh tabel (CSV)",
    opds: "OPD dan unit layanan",
};

static EN: ScreenTexts = ScreenTexts {
    back: "Back",
    title: "Regional government recap",
    intro: "Open the self-assessment files of many OPDs at once: patuh JSON files, patuh HTML \
            reports, or evidence bundles (ZIP). Files are only read in this browser.",
    choose: "Choose files…",
    or_drop: " or drop files here",
    reading: "Reading files…",
    clear: "Clear the list",
    refused: "Files that could not be read, and why:",
    sort: "Sort by",
    sort_high: "Highest score first",
    sort_low: "Lowest score first",
    sort_opd: "OPD name",
    sort_zone: "Zone or quality",
    filter: "Filter OPD name",
    no_match: "No OPD name matches the filter.",
    download: "Download the recap",
    download_html: "Download recap (HTML)",
    download_pdf: "Download recap (PDF)",
    download_csv: "Download table (CSV)",
    opds: "OPDs and service units",
};

/// The screen's words in `lang`.
pub fn st(lang: Lang) -> &'static ScreenTexts {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

/// " · belum maksimal di 3 unit layanan": where a weak indicator is below its maximum.
pub fn below_in(n: usize, counted: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(" · belum maksimal di {n} {counted}"),
        Lang::En => format!(" · below the maximum in {n} {counted}"),
    }
}
