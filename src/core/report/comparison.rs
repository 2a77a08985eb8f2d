//! The comparison with an earlier assessment as plain report data for the app and
//! the reports.
//!
//! [`view`] turns a [`Comparison`] (compare.rs) into a [`ComparisonView`]: every figure already
//! formatted and every text already in the report language, so [`super::html`] and [`super::csv`]
//! only lay it out. Attach it with [`super::Report::with_comparison`]; the report must be of the
//! *later* assessment of the comparison, because the CSV finds each row's earlier answer by the
//! unit and product ids of that assessment.

use crate::compare::{Comparison, Delta, IndicatorChange, Pair, ScoreChange, Side, StatusCounts};
use crate::instrument::{Instrument, Lang, Method, Scale, Scope};

pub use crate::compare::Status;

use super::{texts, Figure};

/// A signed change as shown: "+1,23" with its direction in a symbol and a word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeltaView {
    /// The change, rounded once (compare.rs).
    pub delta: Delta,
    /// "+1,23", "-0,50" or "0,00" in the report language.
    pub text: String,
    /// "▲" up, "▼" down, "=" unchanged: the direction never rests on colour alone.
    pub symbol: String,
    /// "naik", "turun" or "tetap".
    pub word: String,
}

/// A figure before and after with its change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeRow {
    /// Earlier figure; `None` when it had no score.
    pub before: Option<Figure>,
    /// Later figure; `None` when it has no score.
    pub after: Option<Figure>,
    /// The change; `None` unless both sides have a score.
    pub delta: Option<DeltaView>,
}

/// One section (variable or dimension) before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionChangeView {
    /// Section id.
    pub id: String,
    /// Section title.
    pub title: String,
    /// Dimension maximum (ori-2022/2025 only), so "21,58 / 32,37" can be shown.
    pub max_points: Option<Figure>,
    /// Figures and change.
    pub change: ChangeRow,
}

/// One service unit before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitChangeView {
    /// The later name, or the earlier one for a unit that is gone.
    pub name: String,
    /// Whether the unit is new, gone or renamed ("baru", "tidak ada lagi", "dahulu: …").
    pub note: Option<String>,
    /// Unit score before and after.
    pub change: ChangeRow,
}

/// One indicator at one place, before and after (improved, worsened, unchanged,
/// new).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorChangeView {
    /// Indicator id.
    pub indicator: String,
    /// The question.
    pub text: String,
    /// Section title.
    pub section: String,
    /// Unit-wide or per product.
    pub scope: Scope,
    /// Unit name (later, else earlier).
    pub unit: String,
    /// Product name for a product-scope indicator.
    pub product: Option<String>,
    /// Unit id in the later assessment (the report's); `None` when the unit is gone.
    pub unit_id: Option<String>,
    /// Product id in the later assessment for a product-scope indicator; `None` otherwise.
    pub product_id: Option<String>,
    /// Earlier answer label ("Ada", "2 · Sebagian besar", "Belum dijawab", "Tidak berlaku"…).
    pub before: String,
    /// Later answer label.
    pub after: String,
    /// The status (compare.rs rules).
    pub status: Status,
    /// "▲", "▼", "=", "+", "−" or "·".
    pub symbol: String,
    /// "naik", "turun", "tetap", "baru", "tidak dinilai lagi" or "tidak dinilai".
    pub status_text: String,
}

impl IndicatorChangeView {
    /// True when the score changed at this place: improved, worsened, new or no longer scored.
    pub fn changed(&self) -> bool {
        matches!(self.status, Status::Improved | Status::Worsened | Status::New | Status::Removed)
    }
}

/// The comparison as report data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComparisonView {
    /// Language of every text in the view.
    pub lang: Lang,
    /// True when both assessments name the same OPD.
    pub same_opd: bool,
    /// A warning when they do not (the comparison is still shown).
    pub warning: Option<String>,
    /// What the section figures are: dimension points or fulfilment in percent.
    pub section_measure: String,
    /// OPD score before and after.
    pub total: ChangeRow,
    /// Per section, in instrument order.
    pub sections: Vec<SectionChangeView>,
    /// Per unit: paired ones in the later order, then the gone ones.
    pub units: Vec<UnitChangeView>,
    /// How many indicator places have each status.
    pub counts: StatusCounts,
    /// Every indicator at every place of either assessment (see [`ComparisonView::changed`]).
    pub indicators: Vec<IndicatorChangeView>,
}

impl ComparisonView {
    /// The indicators whose score changed, in place and walk order.
    pub fn changed(&self) -> impl Iterator<Item = &IndicatorChangeView> {
        self.indicators.iter().filter(|c| c.changed())
    }

    /// The counts in words with their symbols: "▲ 3 naik · ▼ 1 turun · = 30 tetap · + 2 baru ·
    /// − 0 tidak dinilai lagi".
    pub fn counts_text(&self) -> String {
        let c = &self.counts;
        [
            (Status::Improved, c.improved),
            (Status::Worsened, c.worsened),
            (Status::Unchanged, c.unchanged),
            (Status::New, c.new),
            (Status::Removed, c.removed),
        ]
        .iter()
        .map(|&(s, n)| format!("{} {n} {}", status_symbol(s), status_word(s, self.lang)))
        .collect::<Vec<_>>()
        .join(" · ")
    }
}

/// Fixed texts of the comparison section and columns.
#[derive(Debug)]
pub struct CompareTexts {
    /// Section heading.
    pub heading: &'static str,
    /// Row label: the OPD score.
    pub total: &'static str,
    /// Column: earlier figure or answer.
    pub before: &'static str,
    /// Column: later figure or answer.
    pub after: &'static str,
    /// Column: change.
    pub change: &'static str,
    /// Column: status.
    pub status: &'static str,
    /// Heading: per unit.
    pub per_unit: &'static str,
    /// Heading: changed indicators.
    pub changed: &'static str,
    /// No indicator changed.
    pub none_changed: &'static str,
    /// Line before the counts.
    pub counts: &'static str,
    /// CSV column: earlier answer.
    pub csv_previous: &'static str,
    /// CSV column: change.
    pub csv_change: &'static str,
}

static ID_TEXTS: CompareTexts = CompareTexts {
    heading: "Perbandingan dengan penilaian sebelumnya",
    total: "Nilai OPD",
    before: "Sebelumnya",
    after: "Sekarang",
    change: "Perubahan",
    status: "Status",
    per_unit: "Per unit layanan",
    changed: "Indikator yang berubah",
    none_changed: "Tidak ada indikator yang nilainya berubah.",
    counts: "Indikator per tempat",
    csv_previous: "Jawaban sebelumnya",
    csv_change: "Perubahan",
};

static EN_TEXTS: CompareTexts = CompareTexts {
    heading: "Comparison with the previous assessment",
    total: "OPD score",
    before: "Before",
    after: "Now",
    change: "Change",
    status: "Status",
    per_unit: "By service unit",
    changed: "Indicators that changed",
    none_changed: "No indicator's score changed.",
    counts: "Indicators per place",
    csv_previous: "Previous answer",
    csv_change: "Change",
};

/// The fixed comparison texts of a language.
pub fn compare_texts(lang: Lang) -> &'static CompareTexts {
    match lang {
        Lang::Id => &ID_TEXTS,
        Lang::En => &EN_TEXTS,
    }
}

/// The symbol of a status, shown with its word so it never rests on colour alone.
pub fn status_symbol(s: Status) -> &'static str {
    match s {
        Status::Improved => "▲",
        Status::Worsened => "▼",
        Status::Unchanged => "=",
        Status::New => "+",
        Status::Removed => "−",
        Status::Unscored => "·",
    }
}

/// The word of a status in the report language.
pub fn status_word(s: Status, lang: Lang) -> &'static str {
    match (s, lang) {
        (Status::Improved, Lang::Id) => "naik",
        (Status::Worsened, Lang::Id) => "turun",
        (Status::Unchanged, Lang::Id) => "tetap",
        (Status::New, Lang::Id) => "baru",
        (Status::Removed, Lang::Id) => "tidak dinilai lagi",
        (Status::Unscored, Lang::Id) => "tidak dinilai",
        (Status::Improved, Lang::En) => "up",
        (Status::Worsened, Lang::En) => "down",
        (Status::Unchanged, Lang::En) => "unchanged",
        (Status::New, Lang::En) => "new",
        (Status::Removed, Lang::En) => "no longer scored",
        (Status::Unscored, Lang::En) => "not scored",
    }
}

/// Builds the report view of a comparison. `ins` is the instrument both assessments use.
pub fn view(c: &Comparison, ins: &Instrument, lang: Lang) -> ComparisonView {
    let dimension = ins.scoring.method == Method::DimensionPoints;
    let t = texts(lang);
    let sections = c
        .sections
        .iter()
        .map(|s| {
            let sec = ins.sections.iter().find(|x| x.id == s.section);
            SectionChangeView {
                id: s.section.clone(),
                title: sec.map_or_else(|| s.section.clone(), |x| x.title.get(lang).to_string()),
                max_points: sec
                    .and_then(|x| x.max_points)
                    .filter(|_| dimension)
                    .map(|m| Figure::new(crate::exact::Hundredths(m), lang)),
                change: change_row(&s.change, lang),
            }
        })
        .collect();
    let units = c
        .units
        .iter()
        .map(|u| UnitChangeView {
            name: u.pair.name().to_string(),
            note: pair_note(&u.pair, lang),
            change: change_row(&u.total, lang),
        })
        .collect();
    let mut indicators = Vec::new();
    for u in &c.units {
        let unit_id = u.pair.after.as_ref().map(|n| n.id.clone());
        // Unit-wide and product rows, each in walk order: unit-wide first, then per product.
        for ch in &u.indicators {
            indicators.push(indicator_view(ins, ch, &u.pair, None, unit_id.clone(), lang));
        }
        for p in &u.products {
            for ch in &p.indicators {
                indicators.push(indicator_view(
                    ins,
                    ch,
                    &u.pair,
                    Some(&p.pair),
                    unit_id.clone(),
                    lang,
                ));
            }
        }
    }
    ComparisonView {
        lang,
        same_opd: c.same_opd,
        warning: (!c.same_opd).then(|| other_opd_text(lang).to_string()),
        section_measure: if dimension { t.points } else { t.fulfilment }.to_string(),
        total: change_row(&c.total, lang),
        sections,
        units,
        counts: c.counts,
        indicators,
    }
}

fn other_opd_text(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Perhatian: kedua penilaian menyebut OPD yang berbeda.",
        Lang::En => "Note: the two assessments name different OPDs.",
    }
}

fn delta_view(d: Delta, lang: Lang) -> DeltaView {
    let status = match (d.is_zero(), d.negative) {
        (true, _) => Status::Unchanged,
        (false, true) => Status::Worsened,
        (false, false) => Status::Improved,
    };
    DeltaView {
        delta: d,
        text: match lang {
            Lang::Id => d.id(),
            Lang::En => d.en(),
        },
        symbol: status_symbol(status).to_string(),
        word: status_word(status, lang).to_string(),
    }
}

fn change_row(s: &ScoreChange, lang: Lang) -> ChangeRow {
    ChangeRow {
        before: s.before.map(|r| Figure::exact(r, lang)),
        after: s.after.map(|r| Figure::exact(r, lang)),
        delta: s.delta.map(|d| delta_view(d, lang)),
    }
}

fn pair_note(p: &Pair, lang: Lang) -> Option<String> {
    match (&p.before, &p.after, lang) {
        (None, Some(_), Lang::Id) => Some("baru".into()),
        (None, Some(_), Lang::En) => Some("new".into()),
        (Some(_), None, Lang::Id) => Some("tidak ada lagi".into()),
        (Some(_), None, Lang::En) => Some("no longer present".into()),
        (Some(b), Some(_), Lang::Id) if p.renamed() => Some(format!("dahulu: {}", b.name)),
        (Some(b), Some(_), Lang::En) if p.renamed() => Some(format!("formerly: {}", b.name)),
        _ => None,
    }
}

/// The label of one side: the scale option with those points, "Tidak berlaku", "Belum dijawab",
/// or "—" where the unit or product did not exist.
fn side_label(scale: &Scale, s: Side, lang: Lang) -> String {
    match s {
        Side::Absent => "—".to_string(),
        Side::Unanswered => texts(lang).unanswered.to_string(),
        Side::NotApplicable => scale.not_applicable.get(lang).to_string(),
        Side::Points(p) => scale
            .options
            .iter()
            .find(|o| o.points == p)
            .map_or_else(|| p.to_string(), |o| o.label.get(lang).to_string()),
    }
}

fn indicator_view(
    ins: &Instrument,
    ch: &IndicatorChange,
    unit: &Pair,
    product: Option<&Pair>,
    unit_id: Option<String>,
    lang: Lang,
) -> IndicatorChangeView {
    let found = ins.indicators().find(|(_, i)| i.id == ch.indicator);
    let scale = found.map_or(&ins.scale, |(_, i)| ins.scale_of(i));
    IndicatorChangeView {
        indicator: ch.indicator.clone(),
        text: found.map_or_else(|| ch.indicator.clone(), |(_, i)| i.text.get(lang).to_string()),
        section: found.map_or_else(|| ch.section.clone(), |(s, _)| s.title.get(lang).to_string()),
        scope: if product.is_some() { Scope::Product } else { Scope::Unit },
        unit: unit.name().to_string(),
        product: product.map(|p| p.name().to_string()),
        unit_id,
        product_id: product.and_then(|p| p.after.as_ref()).map(|n| n.id.clone()),
        before: side_label(scale, ch.before, lang),
        after: side_label(scale, ch.after, lang),
        status: ch.status,
        symbol: status_symbol(ch.status).to_string(),
        status_text: status_word(ch.status, lang).to_string(),
    }
}
