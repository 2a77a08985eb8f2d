//! The fixed texts of the report in Indonesian and English ([`Texts`]).

use crate::instrument::Lang;

/// Fixed texts of the report in one language (README.md: "Indonesian by default").
#[derive(Debug)]
pub struct Texts {
    /// Document title.
    pub title: &'static str,
    /// Heading: identity.
    pub identity: &'static str,
    /// Label: OPD.
    pub opd: &'static str,
    /// Label: pemda.
    pub pemda: &'static str,
    /// Label: units and products.
    pub units_products: &'static str,
    /// Label: assessor.
    pub assessor: &'static str,
    /// Label: position.
    pub position: &'static str,
    /// Label: period.
    pub period: &'static str,
    /// Label: assessment date.
    pub date: &'static str,
    /// Heading: instrument.
    pub instrument: &'static str,
    /// Label: rounds.
    pub years: &'static str,
    /// Label: legal basis.
    pub legal_basis: &'static str,
    /// Label: answer scale.
    pub scale: &'static str,
    /// Heading: result.
    pub result: &'static str,
    /// Label: score.
    pub score: &'static str,
    /// Label: the grade letter A–E of 2022–2024 ("Kategori C", docs/SOURCES.md §Bands 2022–2024;
    /// "Opini" is the 2025 word).
    pub grade: &'static str,
    /// Before a band's minimum in a plan: "nilai minimal 78,00".
    pub at_least: &'static str,
    /// Label: zone.
    pub zone: &'static str,
    /// Label: predicate.
    pub predicate: &'static str,
    /// Badge: provisional.
    pub provisional: &'static str,
    /// Status without a score.
    pub no_score: &'static str,
    /// The one sentence under every score: what it is (its rules are in the assumptions).
    pub estimate: &'static str,
    /// Where the details of the estimate are (weights, sources, rounding).
    pub estimate_where: &'static str,
    /// Heading: legend.
    pub legend: &'static str,
    /// Label: score range.
    pub range: &'static str,
    /// Heading: breakdown per section.
    pub breakdown: &'static str,
    /// Label: section.
    pub section: &'static str,
    /// Label: fulfilment.
    pub fulfilment: &'static str,
    /// Label: points.
    pub points: &'static str,
    /// Label: answered.
    pub answered: &'static str,
    /// Word after the trust survey's count, "27/30 responden" (docs/SCORING.md §Public trust).
    pub respondents: &'static str,
    /// Heading: per unit and product.
    pub per_unit: &'static str,
    /// Label: unit.
    pub unit: &'static str,
    /// Label: product.
    pub product: &'static str,
    /// Heading: answers per indicator.
    pub answers: &'static str,
    /// Prefix of the appendix heading.
    pub appendix: &'static str,
    /// Heading: unit-wide indicators.
    pub unit_wide: &'static str,
    /// Label: indicator.
    pub indicator: &'static str,
    /// Label: answer.
    pub answer: &'static str,
    /// Label: note.
    pub note: &'static str,
    /// Label: evidence.
    pub evidence: &'static str,
    /// Label: review flag.
    pub review: &'static str,
    /// Label after a number of photos: they are in the evidence bundle.
    pub photos: &'static str,
    /// One photo, numbered in a link ("foto 1").
    pub photo: &'static str,
    /// Answer: unanswered.
    pub unanswered: &'static str,
    /// Heading: action plan.
    pub action_plan: &'static str,
    /// Plan heading prefix.
    pub plan_to: &'static str,
    /// Plan: number of fixes.
    pub fixes: &'static str,
    /// Plan: score after the fixes.
    pub score_after: &'static str,
    /// Under the dimension points: the score is summed before rounding (docs/SCORING.md §Common
    /// rules, rounded once).
    pub sum_rounding: &'static str,
    /// Beside the score after the fixes: it is summed before rounding (docs/SCORING.md §Common
    /// rules, rounded once).
    pub after_rounding: &'static str,
    /// Heading: every gap.
    pub all_gaps: &'static str,
    /// No gap.
    pub no_gaps: &'static str,
    /// No plan: no higher band can be reached with the current answers.
    pub no_plans: &'static str,
    /// No plan: the score is in the highest band.
    pub top_band: &'static str,
    /// The place of a unit-wide indicator, before the unit's name.
    pub whole_unit: &'static str,
    /// The instrument data for a reader (provenance): the words before the title and before the
    /// edition number.
    pub edition: [&'static str; 2],
    /// Heading: per service product.
    pub per_product: &'static str,
    /// Label: the unit's score.
    pub unit_score: &'static str,
    /// Label: the product's score (ori-2016).
    pub product_score: &'static str,
    /// Label: a unit's quality label under an opinion instrument.
    pub unit_label: &'static str,
    /// Label: gain.
    pub gain: &'static str,
    /// Label: action.
    pub action: &'static str,
    /// Label: place.
    pub place: &'static str,
    /// Label: legal source.
    pub legal: &'static str,
    /// Heading: assumptions.
    pub assumptions: &'static str,
    /// Heading: sources.
    pub sources: &'static str,
    /// Subject: provisional instrument.
    pub provisional_instrument: &'static str,
    /// Subject: weights.
    pub weights: &'static str,
    /// Subject: scale meaning.
    pub scale_meaning: &'static str,
    /// Subject: aggregation.
    pub aggregation: &'static str,
    /// Label: confidence.
    pub confidence: &'static str,
    /// Label: assumed.
    pub assumed: &'static str,
    /// Privacy note.
    pub privacy: &'static str,
    /// Footer: made with.
    pub generated: &'static str,
    /// Signature: acknowledged by.
    pub acknowledged: &'static str,
    /// Signature: head of.
    pub head_of: &'static str,
    /// Signature: the assessor.
    pub assessor_sign: &'static str,
    /// Signature: civil-servant number line.
    pub nip: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
}

static ID_TEXTS: Texts = Texts {
    title: "Laporan Penilaian Mandiri Kepatuhan Pelayanan Publik",
    identity: "Identitas",
    opd: "Organisasi Perangkat Daerah (OPD)",
    pemda: "Pemerintah daerah",
    units_products: "Unit layanan dan produk layanan",
    assessor: "Penilai",
    position: "Jabatan",
    period: "Periode",
    date: "Tanggal penilaian",
    instrument: "Instrumen",
    years: "Tahun penilaian",
    legal_basis: "Dasar hukum",
    scale: "Skala jawaban",
    result: "Hasil",
    score: "Nilai",
    grade: "Kategori",
    at_least: "nilai minimal",
    zone: "Zona",
    predicate: "Predikat",
    provisional: "Sementara",
    no_score: "Belum ada nilai: tidak ada indikator yang berlaku.",
    estimate: "Perkiraan, bukan nilai resmi Ombudsman.",
    estimate_where: "Bobot, sumber dan pembulatannya ada di lampiran “Asumsi dan sumber aturan”.",
    legend: "Keterangan nilai",
    range: "Rentang nilai",
    breakdown: "Rincian per bagian",
    section: "Bagian",
    fulfilment: "Terpenuhi (%)",
    points: "Poin",
    answered: "Dijawab",
    respondents: "responden",
    per_unit: "Rincian per unit layanan",
    unit: "Unit layanan",
    product: "Produk layanan",
    answers: "Jawaban per indikator",
    appendix: "Lampiran",
    unit_wide: "Indikator tingkat unit (dijawab sekali untuk unit ini, berlaku untuk semua produknya)",
    indicator: "Indikator",
    answer: "Jawaban",
    note: "Catatan",
    evidence: "Bukti",
    review: "Perlu ditinjau",
    photos: "foto (lihat bundel bukti)",
    photo: "foto",
    unanswered: "Belum dijawab",
    action_plan: "Rencana tindak lanjut",
    plan_to: "Agar naik ke",
    fixes: "perbaikan",
    score_after: "nilai setelah perbaikan",
    sum_rounding: "Nilai dihitung sebelum pembulatan, sehingga jumlah poin di atas dapat berbeda beberapa perseratus dari nilai itu.",
    after_rounding: "Nilai setelah perbaikan dihitung sebelum pembulatan, sehingga jumlah tambahan poin dapat berbeda beberapa perseratus darinya.",
    all_gaps: "Semua indikator yang belum terpenuhi, urut dari tambahan nilai terbesar",
    no_gaps: "Tidak ada indikator yang belum terpenuhi.",
    no_plans:
        "Tidak ada rentang nilai yang lebih tinggi yang dapat dicapai dengan jawaban saat ini.",
    top_band: "Nilai sudah berada di rentang tertinggi.",
    whole_unit: "Seluruh unit",
    edition: ["Data instrumen yang dipakai patuh:", "edisi ke-"],
    per_product: "Rincian per produk layanan",
    unit_score: "Nilai unit",
    product_score: "Nilai produk",
    unit_label: "Kualitas layanan",
    gain: "Tambahan nilai",
    action: "Tindak lanjut",
    place: "Tempat",
    legal: "Dasar hukum",
    assumptions: "Asumsi dan sumber aturan",
    sources: "Sumber",
    provisional_instrument: "Instrumen sementara",
    weights: "Bobot",
    scale_meaning: "Arti tingkat skala",
    aggregation: "Agregasi",
    confidence: "tingkat keyakinan",
    assumed: "Asumsi",
    privacy: "Data hanya disimpan di peramban; patuh tidak mengirim data ke server mana pun.",
    generated: "Dibuat dengan patuh pada",
    acknowledged: "Mengetahui,",
    head_of: "Kepala",
    assessor_sign: "Penilai,",
    nip: "NIP.",
    yes: "ya",
    no: "tidak",
};

static EN_TEXTS: Texts = Texts {
    title: "Public Service Compliance Self-Assessment Report",
    identity: "Identity",
    opd: "Regional agency (OPD)",
    pemda: "Regional government",
    units_products: "Service units and service products",
    assessor: "Assessor",
    position: "Position",
    period: "Period",
    date: "Assessment date",
    instrument: "Instrument",
    years: "Assessment rounds",
    legal_basis: "Legal basis",
    scale: "Answer scale",
    result: "Result",
    score: "Score",
    grade: "Category",
    at_least: "score at least",
    zone: "Zone",
    predicate: "Predicate",
    provisional: "Provisional",
    no_score: "No score yet: no indicator is applicable.",
    estimate: "An estimate, not an official Ombudsman score.",
    estimate_where: "Its weights, sources and rounding are in the appendix “Assumptions and sources of the rules”.",
    legend: "Score legend",
    range: "Score range",
    breakdown: "Breakdown by section",
    section: "Section",
    fulfilment: "Met (%)",
    points: "Points",
    answered: "Answered",
    respondents: "respondents",
    per_unit: "Breakdown by service unit",
    unit: "Service unit",
    product: "Service product",
    answers: "Answers by indicator",
    appendix: "Appendix",
    unit_wide: "Unit-level indicators (answered once for this unit, counting for all its products)",
    indicator: "Indicator",
    answer: "Answer",
    note: "Note",
    evidence: "Evidence",
    review: "Marked for review",
    photos: "photo(s) (see the evidence bundle)",
    photo: "photo",
    unanswered: "Not answered yet",
    action_plan: "Action plan",
    plan_to: "To reach",
    fixes: "fixes",
    score_after: "score after the fixes",
    sum_rounding: "The score is computed before rounding, so the points above may add up to a few hundredths more or less than it.",
    after_rounding: "The score after the fixes is computed before rounding, so the gains may add up to a few hundredths more or less than it.",
    all_gaps: "Every unmet indicator, largest score gain first",
    no_gaps: "No unmet indicator.",
    no_plans: "No higher band can be reached with the current answers.",
    top_band: "The score is already in the highest band.",
    whole_unit: "Whole unit",
    edition: ["Instrument data used by patuh:", "edition "],
    per_product: "Breakdown by service product",
    unit_score: "Unit score",
    product_score: "Product score",
    unit_label: "Service quality",
    gain: "Score gain",
    action: "Action",
    place: "Place",
    legal: "Legal source",
    assumptions: "Assumptions and sources of the rules",
    sources: "Sources",
    provisional_instrument: "Provisional instrument",
    weights: "Weights",
    scale_meaning: "Meaning of the scale levels",
    aggregation: "Aggregation",
    confidence: "confidence",
    assumed: "Assumed",
    privacy: "Data is kept only in the browser; patuh sends no data to any server.",
    generated: "Made with patuh on",
    acknowledged: "Acknowledged by,",
    head_of: "Head of",
    assessor_sign: "Assessor,",
    nip: "Staff ID",
    yes: "yes",
    no: "no",
};

/// The fixed texts of a language (README.md: "Indonesian by default").
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Id => &ID_TEXTS,
        Lang::En => &EN_TEXTS,
    }
}
