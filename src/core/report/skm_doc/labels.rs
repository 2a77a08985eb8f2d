//! The fixed texts of the SKM document in both languages (Permenpan RB 14/2017, docs/SKM.md).

use crate::instrument::Lang;

/// Fixed texts of the SKM document.
#[derive(Debug)]
pub struct SkmTexts {
    /// Document title.
    pub title: &'static str,
    /// Label: unit or service surveyed.
    pub unit: &'static str,
    /// Label: respondents.
    pub respondents: &'static str,
    /// Label: legal basis.
    pub legal_basis: &'static str,
    /// The regulation, cited.
    pub regulation: &'static str,
    /// Heading: per unsur.
    pub per_unsur: &'static str,
    /// Column: unsur code.
    pub code: &'static str,
    /// Column: unsur name.
    pub unsur: &'static str,
    /// Column prefix: answers with value k.
    pub answers_of: &'static str,
    /// What the columns 1–4 count.
    pub columns_note: &'static str,
    /// Column: sum of scores.
    pub sum: &'static str,
    /// Column: NRR.
    pub nrr: &'static str,
    /// Column: NRR as the exact fraction.
    pub fraction: &'static str,
    /// Column: weighted NRR.
    pub weighted: &'static str,
    /// Row: total of weighted NRRs.
    pub weighted_total: &'static str,
    /// Heading and label: IKM.
    pub ikm: &'static str,
    /// Label: mutu pelayanan.
    pub mutu: &'static str,
    /// Label: kinerja unit pelayanan.
    pub kinerja: &'static str,
    /// Label: IKM interval.
    pub interval: &'static str,
    /// Label: nilai persepsi.
    pub persepsi: &'static str,
    /// Heading: conversion table.
    pub bands: &'static str,
    /// Marker of the band of this result.
    pub this_result: &'static str,
    /// Label: IKM with the weight 0,11.
    pub with_011: &'static str,
    /// Label: note.
    pub note: &'static str,
    /// Label: what patuh can say of the number of respondents (docs/SKM.md §Sample size).
    pub sample: &'static str,
    /// Note on the order of the unsur.
    pub order_note: &'static str,
}

static ID_TEXTS: SkmTexts = SkmTexts {
    title: "Hasil Survei Kepuasan Masyarakat (SKM)",
    unit: "Unit layanan",
    respondents: "Jumlah responden",
    legal_basis: "Dasar hukum",
    regulation: "Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei \
                 Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik (Permenpan RB 14/2017)",
    per_unsur: "Nilai per unsur",
    code: "Unsur",
    unsur: "Nama unsur",
    answers_of: "Jawaban",
    columns_note: "Kolom 1–4: jumlah responden yang menjawab nilai 1 (tidak baik) sampai 4 \
                   (sangat baik). NRR = jumlah nilai / jumlah responden.",
    sum: "Jumlah nilai",
    nrr: "NRR",
    fraction: "NRR (pecahan tepat)",
    weighted: "NRR tertimbang (× 1/9)",
    weighted_total: "Jumlah NRR tertimbang",
    ikm: "Indeks Kepuasan Masyarakat (IKM)",
    mutu: "Mutu pelayanan",
    kinerja: "Kinerja unit pelayanan",
    interval: "Interval IKM",
    persepsi: "Nilai persepsi",
    bands: "Tabel konversi mutu pelayanan",
    this_result: "hasil ini",
    with_011: "IKM dengan bobot 0,11 (hanya pembanding)",
    note: "Catatan",
    sample: "Jumlah sampel",
    order_note: "Urutan unsur U1–U9 di sini belum dicocokkan dengan teks resmi peraturan. Hasil \
                 tidak bergantung pada urutan karena setiap unsur berbobot sama.",
};

static EN_TEXTS: SkmTexts = SkmTexts {
    title: "Public Satisfaction Survey (SKM) Result",
    unit: "Service unit",
    respondents: "Respondents",
    legal_basis: "Legal basis",
    regulation: "Regulation of the Minister of State Apparatus Empowerment and Bureaucratic Reform \
                 No. 14 of 2017 on guidelines for public satisfaction surveys (Permenpan RB 14/2017)",
    per_unsur: "Score per element",
    code: "Element",
    unsur: "Element name",
    answers_of: "Answers",
    columns_note: "Columns 1–4: respondents who answered 1 (not good) to 4 (very good). \
                   NRR = sum of scores / respondents.",
    sum: "Sum of scores",
    nrr: "NRR",
    fraction: "NRR (exact fraction)",
    weighted: "Weighted NRR (× 1/9)",
    weighted_total: "Sum of weighted NRRs",
    ikm: "Public Satisfaction Index (IKM)",
    mutu: "Service quality (mutu pelayanan)",
    kinerja: "Unit performance",
    interval: "IKM interval",
    persepsi: "Perception value",
    bands: "Service quality conversion table",
    this_result: "this result",
    with_011: "IKM with the weight 0.11 (for comparison only)",
    note: "Note",
    sample: "Sample size",
    order_note: "The order of the elements U1–U9 here has not been checked against the official \
                 text. The result does not depend on the order, as every element weighs the same.",
};

/// The fixed SKM texts of a language.
pub fn skm_texts(lang: Lang) -> &'static SkmTexts {
    match lang {
        Lang::Id => &ID_TEXTS,
        Lang::En => &EN_TEXTS,
    }
}
