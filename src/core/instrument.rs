//! Instruments as data: one versioned JSON file per instrument (`instruments/*.json`), parsed once
//! and validated. With the `embedded-instruments` feature (the
//! default: tests, tools module) the files are compiled in; the app leaves it off and fetches the
//! file of an instrument when it is first used ([`register`]), so its first load carries only the
//! small catalogue `catalogue.json` (docs/PERFORMANCE.md).
//!
//! Every indicator carries a stable id, Indonesian and English text, help, a recommended action,
//! its legal source and the confidence tag of docs/SOURCES.md §Confidence tags; whatever is not
//! officially published carries `assumed` with the reason, so the app and every report can show it.

use crate::exact::Hundredths;

/// Interface and report language; Indonesian is the default (DEVELOPERS.md "Indonesian by
/// default").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Bahasa Indonesia (authoritative wording of the regulations).
    #[default]
    Id,
    /// English (translation).
    En,
}

impl Lang {
    /// BCP 47 code for `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
}

/// A text in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Localized {
    /// Indonesian text.
    pub id: String,
    /// English text.
    pub en: String,
}

impl Localized {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

/// Confidence of a fact, exactly the tags of docs/SOURCES.md §Confidence tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    /// Confirmed in a source that was read.
    C,
    /// Confirmed by two or more independent sources.
    C2,
    /// Partly confirmed (secondary source, truncated excerpt, or derived).
    P,
    /// Unverified.
    U,
}

/// Zone of the traffic-light rating (docs/SOURCES.md §Zones 2016–2021, §Bands 2022–2024; hitam only
/// in the 2025 profile, §Opinion 2025).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Zone {
    /// Zona merah (red): low compliance.
    Merah,
    /// Zona kuning (yellow): medium.
    Kuning,
    /// Zona hijau (green): high.
    Hijau,
    /// Zona hitam (black): lowest band of the 2025 provisional profile (docs/SOURCES.md §Opinion
    /// 2025).
    Hitam,
}

/// A source document the data file cites (docs/SOURCES.md §Source index).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Short key used by `source` fields, e.g. `"perombudsman-22-2016"`.
    pub key: String,
    /// Title as cited.
    pub title: String,
    /// Where it was read, if online.
    pub url: Option<String>,
}

/// One answer option of a scale (docs/SOURCES.md §Checklist 2016–2021 "√ = Ada; – = Tdk Ada",
/// §Scale 2022–2024 interval 0–3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScaleOption {
    /// Stored value, e.g. `"ada"`, `"tidak_ada"`, `"0"`…`"3"`.
    pub value: String,
    /// Points earned with this option (out of [`Scale::max`]).
    pub points: u32,
    /// Label on the answer control.
    pub label: Localized,
    /// What the level means; for 0–3 scales written by us and flagged by [`Scale::assumed`].
    pub description: Option<Localized>,
}

/// The answer scale of an instrument; "Tidak berlaku" (not applicable) leaves the denominator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scale {
    /// Maximum points of one indicator (1 for Ada/Tidak ada, 3 for the 0–3 interval).
    pub max: u32,
    /// Options from worst to best.
    pub options: Vec<ScaleOption>,
    /// Label of the not-applicable choice.
    pub not_applicable: Localized,
    /// Set when the meaning of the levels is ours, not official (docs/SOURCES.md §Scale 2022–2024).
    pub assumed: Option<Localized>,
}

/// How a unit's score is computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Per product: 100 × points / maximum over applicable indicators, equal weights
    /// (docs/SOURCES.md §Weights 2016–2021); unit = mean of its products; agency = mean of **all**
    /// product scores (§Aggregation 2016–2021).
    Fulfilment,
    /// Per unit: Σ over dimensions of max points × fulfilment of the dimension (docs/SOURCES.md
    /// §Scale 2022–2024); OPD = mean of its units; pemda = mean of **all** its units (§Aggregation
    /// 2022–2024).
    DimensionPoints,
}

/// Where an indicator is answered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// Answered for every service product (e.g. the requirements posted for that product).
    #[default]
    Product,
    /// Answered once for the whole service unit (toilet, waiting room, complaint officer…).
    Unit,
}

/// Scoring and aggregation rules of an instrument, with their provenance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scoring {
    /// The computation.
    pub method: Method,
    /// How the method is known (docs/SOURCES.md §Confidence tags).
    pub confidence: Confidence,
    /// Set where the weights are not official (docs/SOURCES.md §Weights 2016–2021, §Weights and
    /// rubric 2022–2024).
    pub weights_assumed: Option<Localized>,
    /// How product/unit scores roll up, in words, with its source.
    pub aggregation: Localized,
    /// Confidence of the aggregation rule.
    pub aggregation_confidence: Confidence,
}

/// A score band: the grade/zone from `min` (inclusive, hundredths) up to the next band's minimum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BandDef {
    /// Lowest score in the band, in hundredths (8800 = 88.00).
    pub min: u32,
    /// Opinion grade (A–E, since 2022), if the instrument has grades.
    pub grade: Option<String>,
    /// The zone.
    pub zone: Zone,
    /// Predicate as published, e.g. "Kepatuhan Tinggi" or "Kualitas Tertinggi".
    pub label: Localized,
}

/// One indicator (a row of the checklist).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Indicator {
    /// Stable id; answers are stored under it, so it never changes once shipped.
    pub id: String,
    /// The question as shown.
    pub text: Localized,
    /// What the assessor looks at and what evidence counts.
    pub help: Localized,
    /// What to put up, write or appoint when the indicator is unmet.
    pub action: Localized,
    /// Legal source, e.g. "UU 25/2009 Pasal 21 huruf b".
    pub legal: String,
    /// Confidence tag (docs/SOURCES.md §Confidence tags) of the indicator being part of the
    /// instrument.
    pub confidence: Confidence,
    /// Where it is answered.
    pub scope: Scope,
    /// Sub-group inside a dimension (e.g. "Kompetensi Pelaksana"), for display only.
    pub group: Option<Localized>,
    /// Why this indicator (or its content) is our assumption, when it is.
    pub assumed: Option<Localized>,
    /// The documents and photos an assessor asks for (docs/SCORING.md §Evidence checklist).
    pub evidence: Vec<EvidenceDef>,
    /// The id of the [`NamedScale`] whose words fit this question; `None`: the instrument's scale.
    pub scale: Option<String>,
}

/// Other words for the instrument's scale, for questions its general words do not fit (a
/// maladministration that should not happen, a share of something): the same values and points,
/// so scores do not change (docs/SCORING.md §Scale words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedScale {
    /// Referred to by [`Indicator::scale`].
    pub id: String,
    /// The questions that use these words, for the report's description of the scales.
    pub applies_to: Localized,
    /// The words; `max` and each option's value and points equal [`Instrument::scale`]'s.
    pub scale: Scale,
}

/// One document or photo an assessor asks for under an indicator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceDef {
    /// Stable id inside the indicator, e.g. `"b3"`; a file records it when the item is ready.
    pub id: String,
    /// What it is.
    pub text: Localized,
}

/// A variable (ori-2016) or dimension (ori-2022): one step of the walk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: Localized,
    /// Maximum points in hundredths for [`Method::DimensionPoints`] (the official weight,
    /// docs/SOURCES.md §Dimensions 2022–2024).
    pub max_points: Option<u32>,
    /// True when the unit cannot observe this section itself and its entry is a projection
    /// (the Output dimension; docs/SOURCES.md §Design choices).
    pub projection: bool,
    /// Explanation shown with the section (e.g. why it is a projection).
    pub note: Option<Localized>,
    /// Confidence of the section's content.
    pub confidence: Confidence,
    /// Why the section's content is assumed, when it is (e.g. the Pengaduan list, docs/SOURCES.md
    /// §Indicators 2022–2024).
    pub assumed: Option<Localized>,
    /// The indicators.
    pub indicators: Vec<Indicator>,
}

/// A versioned instrument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instrument {
    /// Stable id, e.g. "ori-2016".
    pub id: String,
    /// Version of this data file; a save records it.
    pub version: String,
    /// Official name.
    pub title: Localized,
    /// Assessment rounds it applies to, e.g. "2016–2021".
    pub years: String,
    /// Legal basis as cited.
    pub legal_basis: Localized,
    /// Short description for the chooser.
    pub summary: Localized,
    /// True for an instrument whose official text is not confirmed (2025, docs/SOURCES.md §Opinion
    /// 2025).
    pub provisional: bool,
    /// The answer scale.
    pub scale: Scale,
    /// Other words for the same scale, used by the indicators that name them.
    pub scales: Vec<NamedScale>,
    /// Scoring and aggregation.
    pub scoring: Scoring,
    /// Bands from lowest to highest `min`; the first has `min == 0`.
    pub bands: Vec<BandDef>,
    /// Set for an instrument whose result is an opinion (2025 onward, docs/SCORING.md §Opinion).
    pub opinion: Option<OpinionRules>,
    /// Steps of the walk.
    pub sections: Vec<Section>,
    /// Documents cited.
    pub sources: Vec<Source>,
}

impl Instrument {
    /// Parses an instrument file (JSON, docs/FORMAT.md §Instrument files).
    pub fn from_json(s: &str) -> Result<Instrument, String> {
        let v = crate::json::parse(s).map_err(|_| "not JSON".to_string())?;
        read::instrument(&v).map_err(|_| "a field is missing or of the wrong kind".to_string())
    }

    /// Every indicator with its section, in walk order.
    pub fn indicators(&self) -> impl Iterator<Item = (&Section, &Indicator)> {
        self.sections.iter().flat_map(|s| s.indicators.iter().map(move |i| (s, i)))
    }

    /// The indicator with this id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators().map(|(_, i)| i).find(|i| i.id == id)
    }

    /// The band a rounded score falls in (`>=` on two-decimal values, docs/SOURCES.md §Design
    /// choices).
    pub fn band(&self, score: Hundredths) -> &BandDef {
        self.bands.iter().rev().find(|b| score.0 >= b.min).unwrap_or(&self.bands[0])
    }

    /// The scale an indicator is answered on: its [`NamedScale`]'s words, else the instrument's
    /// (docs/SCORING.md §Scale words).
    pub fn scale_of(&self, ind: &Indicator) -> &Scale {
        let named = ind.scale.as_ref().and_then(|k| self.scales.iter().find(|n| &n.id == k));
        named.map_or(&self.scale, |n| &n.scale)
    }

    /// Points of an option value, or `None` for an unknown value.
    pub fn points(&self, value: &str) -> Option<u32> {
        self.scale.options.iter().find(|o| o.value == value).map(|o| o.points)
    }
}

mod catalogue;
mod opinion;
mod read;
mod validate;

pub use opinion::{FigureDef, LabelDef, OpinionRules, OutputRules, QuestionDef, TrustRules};

#[cfg(feature = "embedded-instruments")]
pub use catalogue::{all, raw_files};
pub use catalogue::{by_id, catalogue, listing, register, Listing, RegisterError};
