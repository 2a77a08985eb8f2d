//! Interface text in Indonesian (default) and English. Adding a field fails to compile until both
//! languages fill it. Instrument text lives in the instrument files instead.

use patuh_core::instrument::Zone;
use patuh_core::open::OpenError;
use patuh_core::Lang;

/// The fixed strings of the start screen and the page frame (the first load, docs/PERFORMANCE.md).
/// Every other screen's strings are in [`More`], reached through `Deref`, so the first load carries
/// only these.
pub struct Texts {
    /// The language of these texts.
    pub lang: Lang,
    pub app_title: &'static str,
    pub app_subtitle: &'static str,
    pub switch_lang: &'static str,
    pub switch_lang_label: &'static str,
    pub privacy: &'static str,
    pub storage_warning: &'static str,
    pub about_instruments: &'static str,
    pub skip_to_main: &'static str,
    pub new_assessment: &'static str,
    pub choose_instrument: &'static str,
    pub legal_basis: &'static str,
    pub provisional_instrument: &'static str,
    pub opd_name: &'static str,
    pub opd_hint: &'static str,
    pub unit_name: &'static str,
    pub unit_hint: &'static str,
    pub product_name: &'static str,
    pub product_hint: &'static str,
    pub start: &'static str,
    pub required: &'static str,
    pub continue_last: &'static str,
    pub continue_btn: &'static str,
    pub saved_list: &'static str,
    pub open: &'static str,
    pub duplicate: &'static str,
    pub delete: &'static str,
    pub confirm_delete: &'static str,
    pub cancel: &'static str,
    pub save_failed: &'static str,
    pub corrupt_save: &'static str,
    pub download_damaged: &'static str,
    pub dismiss: &'static str,
    pub download_json: &'static str,
    pub open_file: &'static str,
    pub update_available: &'static str,
    pub update_reload: &'static str,
}

/// The fixed strings of every other screen (reached from [`Texts`] through `Deref`).
pub struct More {
    pub steps: &'static str,
    pub prev: &'static str,
    pub next: &'static str,
    pub next_unanswered: &'static str,
    pub all_answered: &'static str,
    pub help: &'static str,
    pub legal_source: &'static str,
    pub confidence: &'static str,
    pub assumed: &'static str,
    pub assumed_label: &'static str,
    pub note: &'static str,
    pub evidence_links: &'static str,
    pub add_link: &'static str,
    pub remove: &'static str,
    pub link_placeholder: &'static str,
    pub mark_review: &'static str,
    pub clear_answer: &'static str,
    pub unit_wide: &'static str,
    pub projection: &'static str,
    pub projection_note: &'static str,
    pub score: &'static str,
    pub provisional: &'static str,
    pub final_result: &'static str,
    pub no_score: &'static str,
    pub not_answered_yet: &'static str,
    pub unanswered: &'static str,
    pub see_result: &'static str,
    pub back_to_walk: &'static str,
    pub result_title: &'static str,
    pub legend: &'static str,
    pub range: &'static str,
    pub breakdown: &'static str,
    pub section: &'static str,
    pub fulfilment: &'static str,
    pub points: &'static str,
    pub max_points: &'static str,
    pub per_unit: &'static str,
    pub gaps_title: &'static str,
    pub gain_points: &'static str,
    pub all_unmet: &'static str,
    pub unanswered_not_listed: &'static str,
    pub no_gaps: &'static str,
    pub gain: &'static str,
    pub provenance: &'static str,
    pub provenance_intro: &'static str,
    pub weights: &'static str,
    pub scale_levels: &'static str,
    pub aggregation: &'static str,
    pub completeness: &'static str,
    pub complete: &'static str,
    pub marked: &'static str,
    pub saved_at: &'static str,
    pub structure: &'static str,
    pub identity: &'static str,
    pub assessor_name: &'static str,
    pub assessor_position: &'static str,
    pub period: &'static str,
    pub date: &'static str,
    pub pemda: &'static str,
    pub units_products: &'static str,
    pub add_unit: &'static str,
    pub add_product: &'static str,
    pub rename: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub new_unit_name: &'static str,
    pub new_product_name: &'static str,
    pub product: &'static str,
    pub unit: &'static str,
    pub close_assessment: &'static str,
    pub opened_file: &'static str,
    pub answering_for: &'static str,
    pub about_section: &'static str,
    pub section_note: &'static str,
    pub level_meaning: &'static str,
    pub photo: &'static str,
    pub photos: &'static str,
    pub take_photo: &'static str,
    pub choose_photos: &'static str,
    pub processing: &'static str,
    pub notes_evidence: &'static str,
    pub copy_from: &'static str,
    pub copy_btn: &'static str,
    pub copied: &'static str,
    pub downloads: &'static str,
    pub downloads_intro: &'static str,
    pub download_html: &'static str,
    pub download_csv: &'static str,
    pub csv_separator: &'static str,
    pub csv_semicolon: &'static str,
    pub csv_comma: &'static str,
}

/// Indonesian.
pub const ID: Texts = Texts {
    lang: Lang::Id,
    app_title: "patuh",
    app_subtitle: "Swa-penilaian kepatuhan pelayanan publik sebelum penilaian Ombudsman RI",
    switch_lang: "English",
    switch_lang_label: "Switch the interface to English",
    privacy: "Semua data hanya disimpan di peramban ini. Tidak ada yang dikirim ke server mana pun.",
    storage_warning: "Menghapus data peramban akan menghapus draf ini. Unduh salinan secara berkala.",
    about_instruments: "Tentang instrumen dan dasar hukumnya",
    skip_to_main: "Langsung ke isi",
    new_assessment: "Penilaian baru",
    choose_instrument: "Pilih tahun penilaian",
    legal_basis: "Dasar hukum",
    provisional_instrument: "Instrumen sementara: sebagian isinya belum dapat dipastikan.",
    opd_name: "Nama OPD",
    opd_hint: "Contoh: Dinas Dukcapil",
    unit_name: "Nama unit layanan",
    unit_hint: "Contoh: Bidang Pendaftaran Penduduk",
    product_name: "Nama produk layanan",
    product_hint: "Contoh: Penerbitan KTP-el",
    start: "Mulai penilaian",
    required: "Wajib diisi.",
    continue_last: "Ada penilaian yang belum selesai",
    continue_btn: "Lanjutkan",
    saved_list: "Penilaian tersimpan di peramban ini",
    open: "Buka",
    duplicate: "Gandakan",
    delete: "Hapus",
    confirm_delete: "Hapus penilaian ini beserta semua jawabannya? Tindakan ini tidak dapat dibatalkan.",
    cancel: "Batal",
    save_failed: "Gagal menyimpan di peramban (penyimpanan penuh atau diblokir). Pekerjaan Anda masih ada di layar ini; unduh salinan sekarang.",
    corrupt_save: "Simpanan penilaian di peramban ini rusak dan tidak dapat dibuka. Simpanan itu tidak dihapus.",
    download_damaged: "Unduh salinan yang rusak",
    dismiss: "Tutup",
    download_json: "Unduh berkas penilaian (JSON)",
    open_file: "Buka berkas penilaian",
    update_available: "Versi baru tersedia. Pekerjaan Anda sudah tersimpan.",
    update_reload: "Muat ulang",
};

/// Indonesian, the other screens.
const MORE_ID: More = More {
    steps: "Langkah penilaian",
    prev: "Sebelumnya",
    next: "Berikutnya",
    next_unanswered: "Ke pertanyaan yang belum dijawab",
    all_answered: "Semua indikator sudah dijawab.",
    help: "Bantuan dan bukti",
    legal_source: "Dasar hukum",
    confidence: "Tingkat kepastian sumber",
    assumed: "Asumsi",
    assumed_label: "Bukan angka/aturan resmi",
    note: "Catatan",
    evidence_links: "Tautan bukti",
    add_link: "Tambah tautan",
    remove: "Hapus",
    link_placeholder: "https://… atau nomor dokumen",
    mark_review: "Tandai untuk ditinjau",
    clear_answer: "Kosongkan jawaban",
    unit_wide: "Berlaku untuk seluruh unit",
    projection: "Proyeksi",
    projection_note: "Dimensi ini dinilai Ombudsman dari wawancara pengguna layanan. Isian di sini adalah perkiraan (proyeksi).",
    score: "Nilai",
    provisional: "Sementara",
    final_result: "Final",
    no_score: "Belum dapat dihitung",
    not_answered_yet: "Belum dijawab",
    unanswered: "belum dijawab",
    see_result: "Lihat hasil",
    back_to_walk: "Kembali ke penilaian",
    result_title: "Hasil penilaian mandiri",
    legend: "Keterangan rentang nilai",
    range: "Rentang",
    breakdown: "Rincian per bagian",
    section: "Bagian",
    fulfilment: "Pemenuhan",
    points: "Poin",
    max_points: "Poin maks.",
    per_unit: "Rincian per unit dan produk",
    gaps_title: "Yang perlu diperbaiki lebih dulu",
    gain_points: "poin pada nilai OPD",
    all_unmet: "Semua indikator yang belum terpenuhi, urut dari tambahan nilai terbesar",
    unanswered_not_listed: "indikator belum dijawab dan tidak masuk daftar ini; daftarnya ada di bagian Kelengkapan.",
    no_gaps: "Tidak ada indikator yang belum terpenuhi di antara yang sudah dijawab.",
    gain: "Tambahan nilai",
    provenance: "Asal-usul aturan penilaian",
    provenance_intro: "Bagian berikut bukan angka resmi Ombudsman RI karena tidak dipublikasikan. patuh memakai asumsi yang dijelaskan di sini.",
    weights: "Bobot",
    scale_levels: "Arti tingkat nilai",
    aggregation: "Agregasi",
    completeness: "Kelengkapan",
    complete: "Lengkap: semua indikator sudah dijawab dan tidak ada yang ditandai.",
    marked: "Ditandai untuk ditinjau",
    saved_at: "Tersimpan pukul",
    structure: "Identitas, unit dan produk",
    identity: "Identitas penilaian",
    assessor_name: "Nama penilai",
    assessor_position: "Jabatan penilai",
    period: "Periode penilaian",
    date: "Tanggal penilaian",
    pemda: "Pemerintah daerah",
    units_products: "Unit layanan dan produk layanan",
    add_unit: "Tambah unit",
    add_product: "Tambah produk",
    rename: "Ubah nama",
    move_up: "Naikkan",
    move_down: "Turunkan",
    new_unit_name: "Unit baru",
    new_product_name: "Produk baru",
    product: "Produk layanan",
    unit: "Unit layanan",
    close_assessment: "Tutup penilaian",
    opened_file: "Berkas dibuka.",
    answering_for: "Menjawab untuk",
    about_section: "cara bagian ini dinilai",
    section_note: "Cara data bagian ini dikumpulkan",
    level_meaning: "Arti tingkat (panduan patuh, bukan resmi)",
    photo: "Foto bukti",
    photos: "Foto bukti",
    take_photo: "Ambil foto",
    choose_photos: "Pilih foto",
    processing: "Memproses foto…",
    notes_evidence: "Catatan dan bukti",
    copy_from: "Salin jawaban yang belum diisi dari produk",
    copy_btn: "Salin",
    copied: "Jawaban disalin. Periksa kembali yang berbeda.",
    downloads: "Unduh hasil penilaian",
    downloads_intro: "Laporan HTML dapat dibuka tanpa internet, dicetak ke PDF, dan dibuka kembali di patuh. Berkas JSON adalah salinan kerja Anda.",
    download_html: "Unduh laporan (HTML)",
    download_csv: "Unduh tabel (CSV)",
    csv_separator: "Pemisah kolom CSV",
    csv_semicolon: "Titik koma ; (Excel berbahasa Indonesia)",
    csv_comma: "Koma ,",
};

/// English.
pub const EN: Texts = Texts {
    lang: Lang::En,
    app_title: "patuh",
    app_subtitle: "Public-service compliance self-assessment before the Ombudsman RI review",
    switch_lang: "Bahasa Indonesia",
    switch_lang_label: "Ganti bahasa antarmuka ke Bahasa Indonesia",
    privacy: "All data stays in this browser. Nothing is sent to any server.",
    storage_warning: "Clearing browser data deletes this draft. Download a copy regularly.",
    about_instruments: "About the instruments and their legal basis",
    skip_to_main: "Skip to content",
    new_assessment: "New assessment",
    choose_instrument: "Choose the assessment round",
    legal_basis: "Legal basis",
    provisional_instrument: "Provisional instrument: parts of it cannot be confirmed yet.",
    opd_name: "Agency (OPD) name",
    opd_hint: "E.g. Civil Registration Office",
    unit_name: "Service unit name",
    unit_hint: "E.g. Population Registration",
    product_name: "Service product name",
    product_hint: "E.g. Issuing ID cards",
    start: "Start assessment",
    required: "Required.",
    continue_last: "You have an unfinished assessment",
    continue_btn: "Continue",
    saved_list: "Assessments saved in this browser",
    open: "Open",
    duplicate: "Duplicate",
    delete: "Delete",
    confirm_delete: "Delete this assessment and all its answers? This cannot be undone.",
    cancel: "Cancel",
    save_failed: "Could not save in the browser (storage full or blocked). Your work is still on this screen; download a copy now.",
    corrupt_save: "A saved assessment in this browser is damaged and cannot be opened. It has not been deleted.",
    download_damaged: "Download the damaged copy",
    dismiss: "Dismiss",
    download_json: "Download assessment file (JSON)",
    open_file: "Open an assessment file",
    update_available: "New version available. Your work is saved.",
    update_reload: "Reload",
};

/// English, the other screens.
const MORE_EN: More = More {
    steps: "Assessment steps",
    prev: "Previous",
    next: "Next",
    next_unanswered: "Go to the next unanswered question",
    all_answered: "Every indicator is answered.",
    help: "Help and evidence",
    legal_source: "Legal source",
    confidence: "Source confidence",
    assumed: "Assumption",
    assumed_label: "Not an official figure/rule",
    note: "Note",
    evidence_links: "Evidence links",
    add_link: "Add link",
    remove: "Remove",
    link_placeholder: "https://… or a document number",
    mark_review: "Mark for review",
    clear_answer: "Clear answer",
    unit_wide: "Applies to the whole unit",
    projection: "Projection",
    projection_note: "The Ombudsman rates this dimension by interviewing service users. What you enter here is an estimate (projection).",
    score: "Score",
    provisional: "Provisional",
    final_result: "Final",
    no_score: "Cannot be computed yet",
    not_answered_yet: "Not answered yet",
    unanswered: "unanswered",
    see_result: "See result",
    back_to_walk: "Back to the assessment",
    result_title: "Self-assessment result",
    legend: "Score bands",
    range: "Range",
    breakdown: "Breakdown by part",
    section: "Part",
    fulfilment: "Fulfilment",
    points: "Points",
    max_points: "Max. points",
    per_unit: "Breakdown by unit and product",
    gaps_title: "What to fix first",
    gain_points: "points on the OPD score",
    all_unmet: "Every indicator not yet met, largest gain first",
    unanswered_not_listed: "indicators are not answered yet and are not in this list; they are listed under Completeness.",
    no_gaps: "No unmet indicator among those answered.",
    gain: "Score gain",
    provenance: "Where the scoring rules come from",
    provenance_intro: "The following are not official Ombudsman RI figures because they are not published. patuh uses the assumptions explained here.",
    weights: "Weights",
    scale_levels: "Meaning of the levels",
    aggregation: "Aggregation",
    completeness: "Completeness",
    complete: "Complete: every indicator is answered and none is marked.",
    marked: "Marked for review",
    saved_at: "Saved at",
    structure: "Identity, units and products",
    identity: "Assessment identity",
    assessor_name: "Assessor's name",
    assessor_position: "Assessor's position",
    period: "Assessment period",
    date: "Assessment date",
    pemda: "Regional government",
    units_products: "Service units and service products",
    add_unit: "Add unit",
    add_product: "Add product",
    rename: "Rename",
    move_up: "Move up",
    move_down: "Move down",
    new_unit_name: "New unit",
    new_product_name: "New product",
    product: "Service product",
    unit: "Service unit",
    close_assessment: "Close assessment",
    opened_file: "File opened.",
    answering_for: "Answering for",
    about_section: "how this part is scored",
    section_note: "How the data for this part is gathered",
    level_meaning: "Meaning of the levels (patuh guidance, not official)",
    photo: "Evidence photo",
    photos: "Evidence photos",
    take_photo: "Take photo",
    choose_photos: "Choose photos",
    processing: "Processing photos…",
    notes_evidence: "Notes and evidence",
    copy_from: "Copy the still-empty answers from product",
    copy_btn: "Copy",
    copied: "Answers copied. Check the ones that differ.",
    downloads: "Download the assessment",
    downloads_intro: "The HTML report opens without internet, prints to PDF, and reopens in patuh. The JSON file is your working copy.",
    download_html: "Download report (HTML)",
    download_csv: "Download table (CSV)",
    csv_separator: "CSV column separator",
    csv_semicolon: "Semicolon ; (Excel in Indonesian)",
    csv_comma: "Comma ,",
};

impl std::ops::Deref for Texts {
    type Target = More;
    fn deref(&self) -> &More {
        match self.lang {
            Lang::Id => &MORE_ID,
            Lang::En => &MORE_EN,
        }
    }
}

/// The texts of a language.
pub fn t(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

/// A score in the language's number format ("49,85" / "49.85").
pub fn num(lang: Lang, h: patuh_core::Hundredths) -> String {
    match lang {
        Lang::Id => h.id(),
        Lang::En => h.en(),
    }
}

/// "12 dari 40" / "12 of 40".
pub fn of(lang: Lang, a: u32, b: u32) -> String {
    match lang {
        Lang::Id => format!("{a} dari {b}"),
        Lang::En => format!("{a} of {b}"),
    }
}

/// "Zona Hijau" / "Green zone": the core's one table of zone names (`report::zone_name`), as in
/// every file.
pub fn zone(lang: Lang, z: Zone) -> &'static str {
    patuh_core::report::zone_name(z, lang)
}

/// "Perbaiki 3 hal ini untuk naik ke Zona Hijau (A)".
pub fn plan_title(lang: Lang, n: usize, target: &str) -> String {
    match lang {
        Lang::Id => format!("Perbaiki {n} hal ini untuk naik ke {target}"),
        Lang::En if n == 1 => format!("Fix this 1 item to reach {target}"),
        Lang::En => format!("Fix these {n} items to reach {target}"),
    }
}

/// A file that could not be made (an evidence bundle whose photo store is not patuh's), in the
/// user's language.
pub fn file_not_made(lang: Lang) -> String {
    tr(
        lang,
        "Berkas tidak dapat dibuat. Data Anda tetap tersimpan.",
        "The file could not be made. Your data is still saved.",
    )
    .to_string()
}

/// The app module (every screen past the start screen) could not be loaded, in the user's language.
pub fn app_unavailable(lang: Lang) -> String {
    tr(
        lang,
        "patuh belum dapat melanjutkan: bagian aplikasi ini belum termuat. Periksa sambungan internet, lalu coba lagi. Isian Anda tetap ada, dan data yang tersimpan aman.",
        "patuh cannot go on yet: this part of the app has not loaded. Check the connection and try again. What you typed is still here, and saved data is safe.",
    )
    .to_string()
}

/// Why a file could not be opened, in the user's language (the core's wording, `open::message`,
/// shared with the recap report's list of unreadable files).
pub fn decode_error(lang: Lang, e: &OpenError) -> String {
    patuh_core::open::message(e, lang)
}

/// The confidence tag in words.
pub fn confidence(lang: Lang, c: patuh_core::instrument::Confidence) -> &'static str {
    use patuh_core::instrument::Confidence::*;
    match (lang, c) {
        (Lang::Id, C) => "Terkonfirmasi dari sumber",
        (Lang::Id, C2) => "Terkonfirmasi dari dua sumber atau lebih",
        (Lang::Id, P) => "Sebagian terkonfirmasi",
        (Lang::Id, U) => "Belum terverifikasi",
        (Lang::En, C) => "Confirmed in a source",
        (Lang::En, C2) => "Confirmed by two or more sources",
        (Lang::En, P) => "Partly confirmed",
        (Lang::En, U) => "Unverified",
    }
}

/// A pair of texts chosen by language, for screens whose words live next to their markup
/// (both languages must be written at the call site, so none can be forgotten).
pub fn tr(lang: Lang, id: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}
