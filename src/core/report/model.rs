//! The types of the report view-model ([`super::Report`] holds them): bands, the overall result,
//! identity, instrument, section, unit, product and indicator rows, action items and plans,
//! assumptions. Plain data, every text in the report language (docs/SCORING.md §One model).

use super::Figure;
use crate::assessment::Place;
use crate::instrument::{Scope, Zone};

/// A score band as shown in the legend, in a plan target or next to a score (docs/SOURCES.md §Zones
/// 2016–2021, §Bands 2022–2024).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BandView {
    /// Opinion grade A–E (ori-2022), if the instrument has grades.
    pub grade: Option<String>,
    /// The zone.
    pub zone: Zone,
    /// "Zona Hijau" / "Green zone".
    pub zone_name: String,
    /// The published predicate, e.g. "Kepatuhan Tinggi".
    pub label: String,
    /// Lowest score of the band.
    pub min: Figure,
    /// Highest two-decimal score of the band.
    pub max: Figure,
}

impl BandView {
    /// The predicate as the result screen writes it, the grade after it where the instrument has
    /// grades: "Kualitas Sedang (C)" (docs/SOURCES.md §Bands 2022–2024). The screen, the HTML,
    /// the PDF and the CSV write a band with this and [`BandView::title`], never "Opini C".
    pub fn predicate(&self) -> String {
        match &self.grade {
            Some(g) => format!("{} ({g})", self.label),
            None => self.label.clone(),
        }
    }

    /// Zone and predicate in the words of the screen's badge: "Zona Kuning — Kualitas Sedang (C)".
    pub fn title(&self) -> String {
        format!("{} — {}", self.zone_name, self.predicate())
    }

    /// "C · Zona Kuning · Kualitas Sedang" (grade only when the instrument has grades).
    pub fn summary(&self) -> String {
        let mut parts: Vec<&str> = self.grade.iter().map(String::as_str).collect();
        parts.push(&self.zone_name);
        parts.push(&self.label);
        parts.join(" · ")
    }
}

/// The overall result of the OPD (docs/SCORING.md §Common rules, grade, zone, "sementara" while
/// incomplete).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overall {
    /// The rounded OPD score; `None` when nothing is applicable (`exact` is `None`).
    pub score: Option<Figure>,
    /// The band of the score.
    pub band: Option<BandView>,
    /// True while an indicator is unanswered: the score is a provisional floor (docs/SCORING.md
    /// §Common rules).
    pub provisional: bool,
    /// Places still to give (unit-wide ones once per unit): the indicators not answered plus,
    /// under an opinion instrument, the opinion-data places (Output figures, trust surveys) not
    /// filled in. The one count of what is missing (docs/SCORING.md §Common rules).
    pub unanswered: u32,
    /// Of [`Overall::unanswered`], the opinion-data places not filled in (docs/SCORING.md
    /// §Output, §Public trust); the rest are indicators.
    pub unanswered_opinion: u32,
    /// All places.
    pub total: u32,
    /// What is still missing, in words ("31 pertanyaan belum dijawab", "10 isian Data Opini belum
    /// diisi"); `None` when nothing is. The live bar, the result screen and every file say this.
    pub missing: Option<String>,
    /// One sentence stating whether the result is final, provisional or has no score.
    pub status: String,
    /// Under an opinion instrument, the opinion as published ("Kualitas Sedang Tanpa
    /// Maladministrasi"): the headline instead of the zone (docs/SCORING.md §Opinion).
    pub opinion: Option<String>,
    /// "Belum dijawab" while nothing is answered: then there is no score, band or opinion
    /// (`report::not_started`, docs/SCORING.md §Common rules).
    pub pending: Option<String>,
}

/// A service unit and its products by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedUnit {
    /// Unit name.
    pub name: String,
    /// Product names, in order.
    pub products: Vec<String>,
}

/// Who assessed what, when (assessor always typed by the user).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    /// Name of the OPD.
    pub opd: String,
    /// Pemerintah daerah.
    pub pemda: String,
    /// Units with their products.
    pub units: Vec<NamedUnit>,
    /// Assessor's name.
    pub assessor_name: String,
    /// Assessor's position.
    pub assessor_position: String,
    /// Assessment period.
    pub period: String,
    /// Assessment date as written in the report language ("23 November 2026"), or as typed.
    pub date: String,
}

/// A document the instrument cites (docs/SOURCES.md §Source index).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRef {
    /// Title as cited.
    pub title: String,
    /// Where it was read, if online.
    pub url: Option<String>,
}

/// The instrument the answers were given against (with sources).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstrumentInfo {
    /// Instrument id, e.g. "ori-2016".
    pub id: String,
    /// Official name.
    pub title: String,
    /// Assessment rounds, e.g. "2016–2021".
    pub years: String,
    /// Legal basis as cited.
    pub legal_basis: String,
    /// Version of the instrument data (machine data: the JSON save records it).
    pub version: String,
    /// The instrument data in one sentence for a reader, shown only with the provenance
    /// ("Data instrumen yang dipakai: …, edisi ke-2"; docs/SOURCES.md §Source index).
    pub edition: String,
    /// True when the official text of the instrument is not confirmed (docs/SOURCES.md §Opinion
    /// 2025).
    pub provisional: bool,
    /// The answer options with their points, e.g. "Ada = 1".
    pub scale: Vec<String>,
    /// Documents cited.
    pub sources: Vec<SourceRef>,
}

/// A section's figures (dimension points for ori-2022, docs/SOURCES.md §Scale 2022–2024).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionRow {
    /// Section id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Fulfilment in percent; `None` when nothing in it is applicable.
    pub fulfilment: Option<Figure>,
    /// Dimension points earned (ori-2022 only).
    pub points: Option<Figure>,
    /// Dimension maximum (ori-2022 only).
    pub max_points: Option<Figure>,
    /// Answered indicator places (unit-wide ones once per unit).
    pub answered: u32,
    /// All indicator places.
    pub total: u32,
    /// The Answered figure as shown: `answered/total`, or for the trust part the respondents
    /// against the target, "27/30 responden" (docs/SCORING.md §Public trust).
    pub done: String,
    /// The public-trust part only: respondents counted and the target, the two numbers `done` is
    /// written from (docs/SCORING.md §Public trust), for files that give them as numbers.
    pub respondents: Option<(u32, u32)>,
    /// The section's explanation, e.g. why Output is a projection.
    pub note: Option<String>,
}

/// One indicator at one place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorRow {
    /// Position in the instrument's walk order.
    pub index: usize,
    /// Indicator id.
    pub id: String,
    /// Section id.
    pub section_id: String,
    /// Section title.
    pub section: String,
    /// The question.
    pub text: String,
    /// Unit-wide or per product.
    pub scope: Scope,
    /// Answer label: a scale option, "Tidak berlaku" or "Belum dijawab".
    pub answer: String,
    /// True when answered (including "Tidak berlaku").
    pub answered: bool,
    /// Points earned (unanswered counts 0); `None` when not applicable.
    pub points: Option<u32>,
    /// Maximum points; `None` when not applicable (it leaves the denominator).
    pub max_points: Option<u32>,
    /// Free-text note.
    pub note: String,
    /// Evidence links as typed (only http/https become links in HTML).
    pub links: Vec<String>,
    /// The ids of its photos (kept in the browser's photo store; `foto/<id>.jpg` in the evidence
    /// bundle, docs/FORMAT.md §Evidence bundle).
    pub photos: Vec<String>,
    /// Marked for review.
    pub review: bool,
    /// Legal source.
    pub legal: String,
    /// Why the indicator (or its section) is patuh's assumption, when it is.
    pub assumed: Option<String>,
    /// What to do when it is unmet.
    pub action: String,
    /// The answer's exact share of its unit's and its OPD's score (`scoring::shares`,
    /// docs/SCORING.md §One model); `None` when not applicable.
    pub share: Option<crate::scoring::Share>,
}

impl IndicatorRow {
    /// Answered below the maximum: a gap to act on (gaps.rs).
    pub fn unmet(&self) -> bool {
        self.answered && matches!((self.points, self.max_points), (Some(p), Some(m)) if p < m)
    }
}

/// One service product.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProductReport {
    /// Product id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Product score (ori-2016 only; docs/SOURCES.md §Weights 2016–2021).
    pub score: Option<Figure>,
    /// Fulfilment over all its indicators, unit-wide ones included, in percent.
    pub fulfilment: Option<Figure>,
    /// Answered indicators (unit-wide ones included).
    pub answered: u32,
    /// All indicators (unit-wide ones included).
    pub total: u32,
    /// Product-scope indicators, in walk order.
    pub indicators: Vec<IndicatorRow>,
    /// "Belum dijawab" while nothing of the product is answered: then no score or fulfilment
    /// (`report::not_started`, docs/SCORING.md §Common rules).
    pub pending: Option<String>,
}

/// One service unit (docs/SOURCES.md §Aggregation 2022–2024).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitReport {
    /// Unit id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Unit score: mean of products (ori-2016) or sum of dimension points (ori-2022).
    pub score: Option<Figure>,
    /// Band of the unit score.
    pub band: Option<BandView>,
    /// The unit's service label under an opinion instrument (Sangat Baik … Kurang; edges
    /// assumed, docs/SCORING.md §Opinion).
    pub label: Option<String>,
    /// Answered indicator places (unit-wide once).
    pub answered: u32,
    /// All indicator places.
    pub total: u32,
    /// Per section.
    pub sections: Vec<SectionRow>,
    /// Unit-wide indicators, once per unit, in walk order.
    pub indicators: Vec<IndicatorRow>,
    /// Products.
    pub products: Vec<ProductReport>,
    /// "Belum dijawab" while nothing of the unit is answered: then no score, band or label,
    /// which would read as the lowest band (`report::not_started`, docs/SCORING.md §Common rules).
    pub pending: Option<String>,
}

/// An unmet indicator with what fixing it adds and what to do (gaps.rs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionItem {
    /// Indicator id.
    pub indicator: String,
    /// The question.
    pub text: String,
    /// Section title.
    pub section: String,
    /// Unit name.
    pub unit: String,
    /// Product name; `None` for a unit-wide indicator.
    pub product: Option<String>,
    /// Where it is, as the reader sees it: "Unit › Produk", or "Seluruh unit Unit" for a
    /// unit-wide indicator, listed once per unit (docs/SCORING.md §Common rules).
    pub place_text: String,
    /// Current answer label.
    pub answer: String,
    /// Points the OPD score gains when it is fully met.
    pub gain: Figure,
    /// What to put up, write or appoint.
    pub action: String,
    /// Legal source.
    pub legal: String,
    /// Where it is answered (unit id and product id; a unit-wide indicator names the unit's first
    /// product), so a screen can open the walk at it.
    pub place: Place,
}

/// The fewest fixes that reach a band (gaps.rs `next_plans`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanView {
    /// The band aimed at.
    pub target: BandView,
    /// The OPD score once every fix is made.
    pub score_after: Figure,
    /// The fixes, largest gain first.
    pub fixes: Vec<ActionItem>,
    /// The after-score is summed before rounding, so the rounded gains may differ from it by a
    /// few hundredths (docs/SCORING.md §Common rules).
    pub after_note: String,
}

/// A rule that is not officially published, with the reason (docs/SOURCES.md §Confidence tags).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assumption {
    /// What is assumed, e.g. "Bobot" or an indicator.
    pub subject: String,
    /// Why, as written in the instrument file.
    pub reason: String,
}
