//! The fixed texts of the opinion parts of a report (docs/SCORING.md §Opinion), Indonesian and
//! English; the result screen and every file use these same words.

use crate::instrument::Lang;

/// Labels of the opinion section, the register, the Output figures and the trust surveys.
#[derive(Debug)]
pub struct OpinionTexts {
    /// The report's title under the opinion (the instrument's name, Perombudsman 61/2025).
    pub title: &'static str,
    /// Heading and label of the opinion.
    pub opinion: &'static str,
    /// Label: unit service label.
    pub unit_label: &'static str,
    /// Subject: unit labels (assumption).
    pub unit_labels: &'static str,
    /// Subject: the lowest edge (assumption).
    pub lowest_edge: &'static str,
    /// Subject: zones after 2025 (assumption).
    pub zones_2025: &'static str,
    /// Label: certificate.
    pub certificate: &'static str,
    /// Heading: the register.
    pub followups: &'static str,
    /// Heading: open items that lead what to fix first.
    pub open_first: &'static str,
    /// Column: kind.
    pub kind: &'static str,
    /// Column: number.
    pub number: &'static str,
    /// Column: date.
    pub date: &'static str,
    /// Column: what it asks.
    pub asks: &'static str,
    /// Column: status.
    pub status: &'static str,
    /// Column: evidence.
    pub evidence: &'static str,
    /// Column: deadline.
    pub deadline: &'static str,
    /// The register is empty.
    pub none_registered: &'static str,
    /// Heading: Output figures.
    pub figures: &'static str,
    /// Column: figure.
    pub figure: &'static str,
    /// Column: value.
    pub value: &'static str,
    /// Column: source and year.
    pub source: &'static str,
    /// Heading: trust surveys.
    pub trust: &'static str,
    /// Column: respondents.
    pub respondents: &'static str,
    /// Column: trust in percent.
    pub trust_percent: &'static str,
}

static ID: OpinionTexts = OpinionTexts {
    title: "Laporan Penilaian Mandiri Maladministrasi Penyelenggaraan Pelayanan Publik",
    opinion: "Opini Ombudsman (perkiraan)",
    unit_label: "Predikat unit",
    unit_labels: "Predikat unit",
    lowest_edge: "Batas Kualitas Terendah",
    zones_2025: "Zona warna",
    certificate: "Sertifikat",
    followups: "Tindak lanjut produk Ombudsman",
    open_first: "Tindak lanjut produk Ombudsman yang belum selesai (kerjakan lebih dulu)",
    kind: "Jenis",
    number: "Nomor",
    date: "Tanggal",
    asks: "Yang diminta",
    status: "Status",
    evidence: "Bukti tindak lanjut",
    deadline: "Batas waktu",
    none_registered: "Belum ada produk Ombudsman yang dicatat.",
    figures: "Data sekunder dimensi Output",
    figure: "Data",
    value: "Angka",
    source: "Sumber dan tahun",
    trust: "Survei kepercayaan masyarakat",
    respondents: "Responden",
    trust_percent: "Kepercayaan (%)",
};

static EN: OpinionTexts = OpinionTexts {
    title: "Self-Assessment Report on Maladministration in Public Service Delivery",
    opinion: "Ombudsman opinion (estimate)",
    unit_label: "Unit label",
    unit_labels: "Unit labels",
    lowest_edge: "Edge of Lowest Quality",
    zones_2025: "Colour zones",
    certificate: "Certificate",
    followups: "Follow-up of Ombudsman products",
    open_first: "Ombudsman products not yet acted on (do these first)",
    kind: "Kind",
    number: "Number",
    date: "Date",
    asks: "What it asks",
    status: "Status",
    evidence: "Evidence of follow-up",
    deadline: "Deadline",
    none_registered: "No Ombudsman product recorded yet.",
    figures: "Secondary data of the Output dimension",
    figure: "Figure",
    value: "Value",
    source: "Source and year",
    trust: "Public-trust survey",
    respondents: "Respondents",
    trust_percent: "Trust (%)",
};

/// The opinion texts of a language.
pub fn opinion_texts(lang: Lang) -> &'static OpinionTexts {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}
