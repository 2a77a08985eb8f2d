//! The fixed texts of the report CSV in Indonesian and English: column headers, the kind of each
//! row, the scope of a figure and the names of the summary figures (docs/FORMAT.md §CSV export).

use crate::instrument::Lang;

/// Number of columns of the report CSV without a comparison (docs/FORMAT.md §CSV export).
pub const COLUMNS: usize = 23;

/// Fixed texts of the report CSV in one language (docs/FORMAT.md §CSV export).
#[derive(Debug)]
pub struct CsvTexts {
    /// Column headers, in order (the comparison adds two, from the comparison's texts).
    pub headers: [&'static str; COLUMNS],
    /// Row kind: a figure of the result (score, section, unit, product).
    pub summary: &'static str,
    /// Row kind: a part of the opinion (register, Output figures, trust surveys).
    pub opinion: &'static str,
    /// Row kind: what is ready for the visit (docs/SCORING.md §Readiness).
    pub readiness: &'static str,
    /// Row kind: one indicator at one place.
    pub indicator: &'static str,
    /// Scope: the whole OPD.
    pub scope_opd: &'static str,
    /// Scope: a service unit's figure.
    pub scope_unit: &'static str,
    /// Scope: a service product (its figure, or an indicator answered per product).
    pub scope_product: &'static str,
    /// Scope: an indicator answered once for the whole unit.
    pub scope_whole_unit: &'static str,
    /// Item: the OPD score.
    pub opd_score: &'static str,
    /// Item: a unit's score.
    pub unit_score: &'static str,
    /// Item: a product's score or fulfilment.
    pub product_score: &'static str,
    /// Item: a section's (dimension's) figure.
    pub section_figure: &'static str,
}

static ID: CsvTexts = CsvTexts {
    headers: [
        "Jenis baris",
        "OPD",
        "Unit layanan",
        "Produk layanan",
        "Lingkup",
        "Bagian",
        "ID indikator",
        "Uraian",
        "Jawaban",
        "Poin",
        "Poin maks.",
        "Terpenuhi (%)",
        "Opini",
        "Zona",
        "Predikat",
        "Dijawab",
        "Jumlah indikator",
        "Catatan",
        "Tautan bukti",
        "Perlu ditinjau",
        "Dasar hukum",
        "Asumsi",
        "Tindak lanjut",
    ],
    summary: "Ringkasan",
    opinion: "Opini",
    readiness: "Kesiapan",
    indicator: "Indikator",
    scope_opd: "OPD",
    scope_unit: "Unit",
    scope_product: "Produk",
    scope_whole_unit: "Seluruh unit",
    opd_score: "Nilai OPD",
    unit_score: "Nilai unit",
    product_score: "Nilai produk",
    section_figure: "Nilai bagian",
};

static EN: CsvTexts = CsvTexts {
    headers: [
        "Row type",
        "OPD",
        "Service unit",
        "Service product",
        "Scope",
        "Section",
        "Indicator ID",
        "Item",
        "Answer",
        "Points",
        "Max points",
        "Met (%)",
        "Opinion",
        "Zone",
        "Predicate",
        "Answered",
        "Indicators",
        "Note",
        "Evidence links",
        "Marked for review",
        "Legal source",
        "Assumed",
        "Action",
    ],
    summary: "Summary",
    opinion: "Opinion",
    readiness: "Readiness",
    indicator: "Indicator",
    scope_opd: "OPD",
    scope_unit: "Unit",
    scope_product: "Product",
    scope_whole_unit: "Whole unit",
    opd_score: "OPD score",
    unit_score: "Unit score",
    product_score: "Product score",
    section_figure: "Section figure",
};

/// The fixed texts of the report CSV in a language (docs/FORMAT.md §CSV export).
pub fn csv_texts(lang: Lang) -> &'static CsvTexts {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}
