//! One report model for every export, built in the pure core, never from the live page.
//!
//! [`build`] turns an instrument and an assessment into a [`Report`]: plain data, every text
//! already in the report language and every figure already formatted. [`html::render`] and
//! [`csv::render`] only lay that model out, so the printed report, the spreadsheet and the screen
//! agree.

pub mod comparison;
pub mod csv;
pub mod html;
mod opinion_html;
mod opinion_texts;
pub mod pdf;
pub mod recap_csv;
pub mod recap_html;
pub mod skm_doc;
mod texts;

pub use opinion_texts::{opinion_texts, OpinionTexts};

pub use texts::{confidence_text, format_date, texts, zone_name, zone_symbol, Texts};

use crate::assessment::{Answer, Assessment, Entry, Place, Product, Unit};
use crate::exact::{Hundredths, Ratio};
use crate::gaps::{self, Gap};
use crate::instrument::{
    BandDef, Indicator, Instrument, Lang, Localized, Method, Scope, Section, Zone,
};
use crate::scoring::{self, AssessmentResult, ProductResult, SectionScore, UnitResult};
use texts::{complete_text, provisional_text};

/// What stands where there is no figure (nothing applicable), on screen and in every file.
pub const NO_FIGURE: &str = "—";

/// A two-decimal figure with its text in the report language: "49,85" or "49.85".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// The value in hundredths (4985 = 49.85).
    pub value: Hundredths,
    /// The value written in the report language, without unit.
    pub text: String,
}

impl Figure {
    /// Formats hundredths in the language's number format (Indonesian comma decimal).
    pub fn new(value: Hundredths, lang: Lang) -> Figure {
        let text = match lang {
            Lang::Id => value.id(),
            Lang::En => value.en(),
        };
        Figure { value, text }
    }

    /// An exact ratio rounded half-up to two decimals once (docs/SOURCES.md §Design choices).
    pub fn exact(r: Ratio, lang: Lang) -> Figure {
        Figure::new(r.round2(), lang)
    }

    /// The text of a figure, or [`NO_FIGURE`] where there is none: one rule for the screen and
    /// every file.
    pub fn shown(f: Option<&Figure>) -> &str {
        f.map_or(NO_FIGURE, |f| f.text.as_str())
    }

    /// A fraction shown as a percentage, rounded once (docs/SOURCES.md §Weights 2016–2021
    /// fulfilment).
    pub fn percent(fraction: Ratio, lang: Lang) -> Figure {
        Figure::exact(fraction * Ratio::int(100), lang)
    }
}

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
    /// Unanswered indicator places (unit-wide ones once per unit).
    pub unanswered: u32,
    /// All indicator places.
    pub total: u32,
    /// One sentence stating whether the result is final, provisional or has no score.
    pub status: String,
    /// Under an opinion instrument, the opinion as published ("Kualitas Sedang Tanpa
    /// Maladministrasi"): the headline instead of the zone (docs/SCORING.md §Opinion).
    pub opinion: Option<String>,
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
    /// Version of the instrument data.
    pub version: String,
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
    /// Number of photos kept in the browser's photo store.
    pub photos: usize,
    /// Marked for review.
    pub review: bool,
    /// Legal source.
    pub legal: String,
    /// Why the indicator (or its section) is patuh's assumption, when it is.
    pub assumed: Option<String>,
    /// What to do when it is unmet.
    pub action: String,
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
}

/// A rule that is not officially published, with the reason (docs/SOURCES.md §Confidence tags).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assumption {
    /// What is assumed, e.g. "Bobot" or an indicator.
    pub subject: String,
    /// Why, as written in the instrument file.
    pub reason: String,
}

/// The report view-model every export is built from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// Language of every text in the report.
    pub lang: Lang,
    /// When the report was made (from the caller's clock).
    pub generated_at: String,
    /// Who, what, when.
    pub identity: Identity,
    /// The instrument.
    pub instrument: InstrumentInfo,
    /// OPD score, band and completeness.
    pub overall: Overall,
    /// Every band of the instrument, lowest first.
    pub legend: Vec<BandView>,
    /// OPD-level breakdown per section, aggregated by the instrument's rule.
    pub sections: Vec<SectionRow>,
    /// Per unit, with products and every indicator.
    pub units: Vec<UnitReport>,
    /// Plans to the next band and the next zone.
    pub plans: Vec<PlanView>,
    /// Every unmet indicator, largest gain first.
    pub gaps: Vec<ActionItem>,
    /// Provenance of every assumed rule.
    pub assumptions: Vec<Assumption>,
    /// Where the data lives.
    pub privacy: String,
    /// The comparison with an earlier assessment, when one was opened; `None` from
    /// [`build`], so a report without one renders exactly as before.
    pub comparison: Option<comparison::ComparisonView>,
    /// The opinion (2025 onward, docs/SCORING.md §Opinion): its words, the qualifier, the
    /// register, Output figures and trust surveys; `None` for an instrument with zones.
    pub opinion: Option<crate::opinion::OpinionView>,
}

impl Report {
    /// The fixed texts of the report language.
    pub fn texts(&self) -> &'static Texts {
        texts(self.lang)
    }

    /// The report with a comparison section and CSV columns; the view must compare an earlier
    /// assessment with the one this report is of.
    pub fn with_comparison(mut self, v: comparison::ComparisonView) -> Report {
        self.comparison = Some(v);
        self
    }
}

/// Builds the report of an assessment: identity, score, legend, breakdown, every answer,
/// action plan, assumptions and privacy note, all in `lang`.
pub fn build(ins: &Instrument, a: &Assessment, lang: Lang, generated_at: &str) -> Report {
    let result = scoring::assess(ins, a);
    let units: Vec<UnitReport> =
        a.units.iter().zip(&result.units).map(|(u, r)| unit_report(ins, u, r, lang)).collect();
    let score = result.exact.map(Ratio::round2);
    Report {
        opinion: crate::opinion::view(ins, a, score, lang),
        lang,
        generated_at: generated_at.to_string(),
        identity: identity(a, lang),
        instrument: instrument_info(ins, lang),
        overall: overall(ins, a, &result, lang),
        legend: ins.bands.iter().map(|b| band_view(ins, b, lang)).collect(),
        sections: opd_sections(ins, &result, &units, lang),
        plans: plans(ins, a, &result, lang),
        gaps: gaps::gaps(ins, a).iter().map(|g| action_item(ins, a, g, lang)).collect(),
        units,
        assumptions: assumptions(ins, lang),
        privacy: texts(lang).privacy.to_string(),
        comparison: None,
    }
}

fn identity(a: &Assessment, lang: Lang) -> Identity {
    Identity {
        opd: a.opd.clone(),
        pemda: a.pemda.clone(),
        units: a
            .units
            .iter()
            .map(|u| NamedUnit {
                name: u.name.clone(),
                products: u.products.iter().map(|p| p.name.clone()).collect(),
            })
            .collect(),
        assessor_name: a.assessor_name.clone(),
        assessor_position: a.assessor_position.clone(),
        period: a.period.clone(),
        date: format_date(&a.date, lang),
    }
}

fn instrument_info(ins: &Instrument, lang: Lang) -> InstrumentInfo {
    let mut scale: Vec<String> =
        ins.scale.options.iter().map(|o| format!("{} = {}", o.label.get(lang), o.points)).collect();
    scale.push(ins.scale.not_applicable.get(lang).to_string());
    InstrumentInfo {
        id: ins.id.clone(),
        title: ins.title.get(lang).to_string(),
        years: ins.years.clone(),
        legal_basis: ins.legal_basis.get(lang).to_string(),
        version: ins.version.clone(),
        provisional: ins.provisional,
        scale,
        sources: ins
            .sources
            .iter()
            .map(|s| SourceRef { title: s.title.clone(), url: s.url.clone() })
            .collect(),
    }
}

/// The OPD score, band and completeness of an assessment: the live score of the walk and the
/// headline of every report are this one function (docs/SCORING.md).
pub fn summary(ins: &Instrument, a: &Assessment, lang: Lang) -> Overall {
    overall(ins, a, &scoring::assess(ins, a), lang)
}

fn overall(ins: &Instrument, a: &Assessment, r: &AssessmentResult, lang: Lang) -> Overall {
    let band = r.band(ins);
    let status = match (&band, r.provisional()) {
        (None, _) => texts(lang).no_score.to_string(),
        (Some(_), true) => provisional_text(r.unanswered, r.total, lang),
        (Some(_), false) => complete_text(r.total, lang),
    };
    Overall {
        score: band.as_ref().map(|b| Figure::new(b.score, lang)),
        band: band.map(|b| band_view(ins, b.def, lang)),
        provisional: r.provisional(),
        unanswered: r.unanswered,
        total: r.total,
        status,
        opinion: ins.opinion.as_ref().zip(r.exact).map(|(_, e)| {
            let q = crate::followup::qualifier(&a.followups, a.no_followups);
            crate::opinion::words(ins, e.round2(), q, lang)
        }),
    }
}

/// The view of a band, its maximum being one hundredth below the next band (docs/SOURCES.md §Design
/// choices).
pub fn band_view(ins: &Instrument, def: &BandDef, lang: Lang) -> BandView {
    let max = ins.bands.iter().find(|b| b.min > def.min).map_or(10000, |b| b.min.saturating_sub(1));
    BandView {
        grade: def.grade.clone(),
        zone: def.zone,
        zone_name: zone_name(def.zone, lang).to_string(),
        label: def.label.get(lang).to_string(),
        min: Figure::new(Hundredths(def.min), lang),
        max: Figure::new(Hundredths(max), lang),
    }
}

fn section_counts(rows: &[&IndicatorRow], section: &str) -> (u32, u32) {
    let mine = rows.iter().filter(|r| r.section_id == section);
    let (mut answered, mut total) = (0, 0);
    for r in mine {
        total += 1;
        answered += u32::from(r.answered);
    }
    (answered, total)
}

fn section_row(
    ins: &Instrument,
    sec: &Section,
    fraction: Option<Ratio>,
    points: Option<Ratio>,
    counts: (u32, u32),
    lang: Lang,
) -> SectionRow {
    let dimension = ins.scoring.method == Method::DimensionPoints;
    SectionRow {
        id: sec.id.clone(),
        title: sec.title.get(lang).to_string(),
        fulfilment: fraction.map(|f| Figure::percent(f, lang)),
        points: points.map(|p| Figure::exact(p, lang)),
        max_points: sec.max_points.filter(|_| dimension).map(|m| Figure::new(Hundredths(m), lang)),
        answered: counts.0,
        total: counts.1,
        note: sec.note.as_ref().map(|n| n.get(lang).to_string()),
    }
}

/// Every indicator row of a unit: unit-wide ones once, then each product's.
fn unit_rows<'a>(
    indicators: &'a [IndicatorRow],
    products: &'a [ProductReport],
) -> Vec<&'a IndicatorRow> {
    indicators.iter().chain(products.iter().flat_map(|p| p.indicators.iter())).collect()
}

fn unit_report(ins: &Instrument, u: &Unit, r: &UnitResult, lang: Lang) -> UnitReport {
    let indicators = rows(ins, Scope::Unit, &u.answers, lang);
    let products: Vec<ProductReport> = u
        .products
        .iter()
        .zip(&r.products)
        .map(|(p, pr)| product_report(ins, p, pr, lang))
        .collect();
    let all = unit_rows(&indicators, &products);
    let mut sections: Vec<SectionRow> = ins
        .sections
        .iter()
        .zip(&r.sections)
        .map(|(sec, s)| {
            let counts = section_counts(&all, &sec.id);
            section_row(ins, sec, s.fraction, s.points, counts, lang)
        })
        .collect();
    for p in &r.parts {
        sections.push(part_row(
            ins,
            p,
            p.fraction,
            p.points,
            (p.tally.answered, p.tally.total),
            lang,
        ));
    }
    UnitReport {
        id: u.id.clone(),
        name: u.name.clone(),
        score: r.exact.map(|e| Figure::exact(e, lang)),
        band: r.exact.map(|e| band_view(ins, scoring::band(ins, e).def, lang)),
        label: r.exact.and_then(|e| crate::opinion::unit_label(ins, e.round2(), lang)),
        answered: r.tally.answered,
        total: r.tally.total,
        sections,
        indicators,
        products,
    }
}

fn product_report(ins: &Instrument, p: &Product, r: &ProductResult, lang: Lang) -> ProductReport {
    ProductReport {
        id: p.id.clone(),
        name: p.name.clone(),
        score: r.exact.map(|e| Figure::exact(e, lang)),
        fulfilment: r.tally.fraction().map(|f| Figure::percent(f, lang)),
        answered: r.tally.answered,
        total: r.tally.total,
        indicators: rows(ins, Scope::Product, &p.answers, lang),
    }
}

/// The rows of every indicator of one scope, read from the map that holds that scope's entries.
fn rows(
    ins: &Instrument,
    scope: Scope,
    answers: &std::collections::BTreeMap<String, Entry>,
    lang: Lang,
) -> Vec<IndicatorRow> {
    ins.indicators()
        .enumerate()
        .filter(|(_, (_, i))| i.scope == scope)
        .map(|(index, (sec, ind))| indicator_row(ins, index, sec, ind, answers.get(&ind.id), lang))
        .collect()
}

/// The label of an answer: a scale option, "Tidak berlaku" or "Belum dijawab".
pub fn answer_label(ins: &Instrument, answer: Option<&Answer>, lang: Lang) -> String {
    match answer {
        None => texts(lang).unanswered.to_string(),
        Some(Answer::NotApplicable) => ins.scale.not_applicable.get(lang).to_string(),
        Some(Answer::Value(v)) => ins
            .scale
            .options
            .iter()
            .find(|o| &o.value == v)
            .map_or_else(|| v.clone(), |o| o.label.get(lang).to_string()),
    }
}

fn assumed_reason(sec: &Section, ind: &Indicator, lang: Lang) -> Option<String> {
    ind.assumed.as_ref().or(sec.assumed.as_ref()).map(|l| l.get(lang).to_string())
}

fn indicator_row(
    ins: &Instrument,
    index: usize,
    sec: &Section,
    ind: &Indicator,
    entry: Option<&Entry>,
    lang: Lang,
) -> IndicatorRow {
    let answer = entry.and_then(|e| e.answer.as_ref());
    let points = scoring::credit(ins, answer).counted();
    let max_points = points.map(|_| ins.scale.max);
    let empty = Entry::default();
    let e = entry.unwrap_or(&empty);
    IndicatorRow {
        index,
        id: ind.id.clone(),
        section_id: sec.id.clone(),
        section: sec.title.get(lang).to_string(),
        text: ind.text.get(lang).to_string(),
        scope: ind.scope,
        answer: answer_label(ins, answer, lang),
        answered: answer.is_some(),
        points,
        max_points,
        note: e.note.clone(),
        links: e.links.clone(),
        photos: e.photos.len(),
        review: e.review,
        legal: ind.legal.clone(),
        assumed: assumed_reason(sec, ind, lang),
        action: ind.action.get(lang).to_string(),
    }
}

/// OPD-level section figures by the instrument's aggregation rule: the mean over all products
/// (ori-2016, docs/SOURCES.md §Aggregation 2016–2021) or over units (ori-2022, §Aggregation
/// 2022–2024), so ori-2022 points sum to the score.
fn opd_sections(
    ins: &Instrument,
    r: &AssessmentResult,
    units: &[UnitReport],
    lang: Lang,
) -> Vec<SectionRow> {
    let parts: Vec<&[SectionScore]> = match ins.scoring.method {
        Method::Fulfilment => {
            r.units.iter().flat_map(|u| u.products.iter().map(|p| p.sections.as_slice())).collect()
        }
        Method::DimensionPoints => r.units.iter().map(|u| u.sections.as_slice()).collect(),
    };
    let all_rows: Vec<&IndicatorRow> =
        units.iter().flat_map(|u| unit_rows(&u.indicators, &u.products)).collect();
    ins.sections
        .iter()
        .enumerate()
        .map(|(i, sec)| {
            let mean = |f: fn(&SectionScore) -> Option<Ratio>| {
                let v: Vec<Ratio> = parts.iter().filter_map(|p| p.get(i).and_then(f)).collect();
                Ratio::mean(&v)
            };
            let counts = section_counts(&all_rows, &sec.id);
            section_row(ins, sec, mean(|s| s.fraction), mean(|s| s.points), counts, lang)
        })
        .chain(opd_parts(ins, r, lang))
        .collect()
}

/// The OPD rows of the opinion parts (Output, public trust): the mean over units, like the
/// dimensions (docs/SCORING.md §ori-2025).
fn opd_parts<'a>(
    ins: &'a Instrument,
    r: &'a AssessmentResult,
    lang: Lang,
) -> impl Iterator<Item = SectionRow> + 'a {
    let n = r.units.first().map_or(0, |u| u.parts.len());
    (0..n).filter_map(move |i| {
        let first = r.units.first()?.parts.get(i)?;
        let mean = |f: fn(&SectionScore) -> Option<Ratio>| {
            let v: Vec<Ratio> = r.units.iter().filter_map(|u| u.parts.get(i).and_then(f)).collect();
            Ratio::mean(&v)
        };
        let counts = r
            .units
            .iter()
            .filter_map(|u| u.parts.get(i))
            .fold((0, 0), |c, p| (c.0 + p.tally.answered, c.1 + p.tally.total));
        Some(part_row(ins, first, mean(|s| s.fraction), mean(|s| s.points), counts, lang))
    })
}

/// The row of an opinion part (Output or public trust), titled and explained by the instrument.
fn part_row(
    ins: &Instrument,
    part: &SectionScore,
    fraction: Option<Ratio>,
    points: Option<Ratio>,
    counts: (u32, u32),
    lang: Lang,
) -> SectionRow {
    let o = ins.opinion.as_ref();
    let (title, max, note) = match o {
        Some(o) if part.section == scoring::PART_TRUST => {
            (&o.trust.title, o.trust.max_points, &o.trust.note)
        }
        Some(o) => (&o.output.title, o.output.max_points, &o.output.note),
        None => return section_row_empty(part),
    };
    SectionRow {
        id: part.section.clone(),
        title: title.get(lang).to_string(),
        fulfilment: fraction.map(|f| Figure::percent(f, lang)),
        points: points.map(|p| Figure::exact(p, lang)),
        max_points: Some(Figure::new(Hundredths(max), lang)),
        answered: counts.0,
        total: counts.1,
        note: Some(note.get(lang).to_string()),
    }
}

fn section_row_empty(part: &SectionScore) -> SectionRow {
    SectionRow {
        id: part.section.clone(),
        title: part.section.clone(),
        fulfilment: None,
        points: None,
        max_points: None,
        answered: 0,
        total: 0,
        note: None,
    }
}

fn place_names(a: &Assessment, place: &Place, scope: Scope) -> (String, Option<String>) {
    let unit = a.unit(&place.unit);
    let product = unit
        .and_then(|u| u.products.iter().find(|p| p.id == place.product))
        .filter(|_| scope == Scope::Product)
        .map(|p| p.name.clone());
    (unit.map(|u| u.name.clone()).unwrap_or_default(), product)
}

fn action_item(ins: &Instrument, a: &Assessment, g: &Gap, lang: Lang) -> ActionItem {
    let found = ins.indicators().find(|(_, i)| i.id == g.indicator);
    let scope = found.map_or(Scope::Product, |(_, i)| i.scope);
    let (unit, product) = place_names(a, &g.place, scope);
    let answer = a.entry(ins, &g.place, &g.indicator).and_then(|e| e.answer.as_ref());
    let get = |l: &Localized| l.get(lang).to_string();
    ActionItem {
        indicator: g.indicator.clone(),
        text: found.map(|(_, i)| get(&i.text)).unwrap_or_default(),
        section: found.map(|(s, _)| get(&s.title)).unwrap_or_default(),
        unit,
        product,
        answer: answer_label(ins, answer, lang),
        gain: Figure::exact(g.gain, lang),
        action: found.map(|(_, i)| get(&i.action)).unwrap_or_default(),
        legal: found.map(|(_, i)| i.legal.clone()).unwrap_or_default(),
        place: g.place.clone(),
    }
}

fn plans(ins: &Instrument, a: &Assessment, r: &AssessmentResult, lang: Lang) -> Vec<PlanView> {
    let Some(base) = r.exact else {
        return Vec::new();
    };
    gaps::next_plans(ins, a)
        .iter()
        .map(|p| PlanView {
            target: band_view(ins, p.target, lang),
            score_after: Figure::exact(p.fixes.iter().fold(base, |s, g| s + g.gain), lang),
            fixes: p.fixes.iter().map(|g| action_item(ins, a, g, lang)).collect(),
        })
        .collect()
}

/// The provenance of every assumed rule (docs/SOURCES.md §Confidence tags): weights, scale meaning,
/// aggregation with its confidence, and every assumed section and indicator.
fn assumptions(ins: &Instrument, lang: Lang) -> Vec<Assumption> {
    let t = texts(lang);
    let mut out = Vec::new();
    let mut add = |subject: String, reason: &Localized| {
        out.push(Assumption { subject, reason: reason.get(lang).to_string() });
    };
    if ins.provisional {
        add(t.provisional_instrument.to_string(), &ins.summary);
    }
    if let Some(w) = &ins.scoring.weights_assumed {
        add(t.weights.to_string(), w);
    }
    if let Some(s) = &ins.scale.assumed {
        add(t.scale_meaning.to_string(), s);
    }
    let conf = confidence_text(ins.scoring.aggregation_confidence, lang);
    add(format!("{} ({}: {conf})", t.aggregation, t.confidence), &ins.scoring.aggregation);
    if let Some(o) = &ins.opinion {
        add(o.output.title.get(lang).to_string(), &o.output.assumed);
        add(o.trust.title.get(lang).to_string(), &o.trust.assumed);
        let ot = opinion_texts(lang);
        add(ot.unit_labels.to_string(), &o.unit_labels_assumed);
        add(ot.lowest_edge.to_string(), &o.lowest_assumed);
        add(o.qualifier.get(lang).to_string(), &o.qualifier_none_assumed);
        add(ot.zones_2025.to_string(), &o.zones_note);
    }
    for sec in &ins.sections {
        if let Some(r) = &sec.assumed {
            add(format!("{}: {}", t.section, sec.title.get(lang)), r);
        }
        for ind in &sec.indicators {
            if let Some(r) = &ind.assumed {
                add(format!("{} · {}", ind.id, ind.text.get(lang)), r);
            }
        }
    }
    out
}
