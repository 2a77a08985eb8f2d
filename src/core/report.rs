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
mod readiness_html;
pub mod recap_csv;
pub mod recap_html;
pub mod skm_doc;
mod texts;
mod wording;

pub use model::{
    ActionItem, Assumption, BandView, Identity, IndicatorRow, InstrumentInfo, NamedUnit, Overall,
    PlanView, ProductReport, SectionRow, SourceRef, UnitReport,
};
pub use opinion_texts::{opinion_texts, OpinionTexts};
pub use texts::{texts, Texts};
pub use wording::{
    confidence_text, format_date, format_moment, missing_text, not_started, zone_name, zone_symbol,
};

pub use answers::answer_label;
pub use figures::band_view;

use crate::assessment::Assessment;
use crate::exact::{Hundredths, Ratio};
use crate::gaps;
use crate::instrument::{Instrument, Lang};
use crate::scoring;

mod actions;
mod answers;
mod figures;
mod model;
mod provenance;

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
    /// Under a breakdown in dimension points: the score is summed before rounding, so the rounded
    /// points may differ from it by a few hundredths (docs/SCORING.md §Common rules).
    pub sections_note: Option<String>,
    /// Per unit, with products and every indicator.
    pub units: Vec<UnitReport>,
    /// Plans to the next band and the next zone.
    pub plans: Vec<PlanView>,
    /// Said where there is a score but no plan: no higher band can be reached with the current
    /// answers, or the score is already in the highest band (docs/SCORING.md §What to fix first).
    /// The screen and every file show this same sentence.
    pub plans_note: Option<String>,
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
    /// What the office ticked ready for the visit and what is missing (docs/SCORING.md
    /// §Readiness); `None` for an instrument without the opinion.
    pub readiness: Option<crate::readiness::Readiness>,
}

impl Report {
    /// The fixed texts of the report language.
    pub fn texts(&self) -> &'static Texts {
        texts(self.lang)
    }

    /// The report's title: of a compliance self-assessment (zones, until 2024), or of one of
    /// maladministration under the opinion (Perombudsman 61/2025, docs/SCORING.md §Opinion).
    pub fn title(&self) -> &'static str {
        if self.opinion.is_some() {
            opinion_texts(self.lang).title
        } else {
            self.texts().title
        }
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
    let shares = scoring::shares(ins, a, &result);
    let units: Vec<UnitReport> = a
        .units
        .iter()
        .zip(&result.units)
        .zip(&shares)
        .map(|((u, r), sh)| answers::unit_report(ins, u, r, sh, lang))
        .collect();
    let overall = figures::overall(ins, a, &result, lang);
    // Nothing answered yet: no opinion words or zone either (docs/SCORING.md §Common rules).
    let score = result.exact.map(Ratio::round2).filter(|_| overall.pending.is_none());
    let plans = actions::plans(ins, a, &result, lang);
    let plans_note = actions::plans_note(ins, &result, &plans, lang);
    Report {
        opinion: crate::opinion::view(ins, a, score, lang),
        readiness: crate::readiness::view(ins, a, lang),
        lang,
        generated_at: generated_at.to_string(),
        identity: provenance::identity(a, lang),
        instrument: provenance::instrument_info(ins, lang),
        overall,
        legend: ins.bands.iter().map(|b| band_view(ins, b, lang)).collect(),
        sections_note: (ins.scoring.method == crate::instrument::Method::DimensionPoints)
            .then(|| texts(lang).sum_rounding.to_string()),
        sections: figures::opd_sections(ins, a, &result, &units, lang),
        plans,
        plans_note,
        gaps: gaps::gaps(ins, a).iter().map(|g| actions::action_item(ins, a, g, lang)).collect(),
        units,
        assumptions: provenance::assumptions(ins, lang),
        privacy: texts(lang).privacy.to_string(),
        comparison: None,
    }
}

/// The OPD score, band and completeness of an assessment: the live score of the walk and the
/// headline of every report are this one function (docs/SCORING.md).
pub fn summary(ins: &Instrument, a: &Assessment, lang: Lang) -> Overall {
    figures::overall(ins, a, &scoring::assess(ins, a), lang)
}
