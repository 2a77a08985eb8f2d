//! The figures of the report: the OPD result and its band, and the section rows of a unit and of
//! the OPD aggregated by the instrument's rule (docs/SCORING.md §Common rules).

use super::model::{BandView, IndicatorRow, Overall, ProductReport, SectionRow, UnitReport};
use super::texts::texts;
use super::wording::{complete_text, missing_text, not_started, provisional_text, zone_name};
use super::Figure;
use crate::assessment::{Assessment, Unit};
use crate::exact::{Hundredths, Ratio};
use crate::instrument::{BandDef, Instrument, Lang, Method, Section};
use crate::scoring::{self, AssessmentResult, SectionScore};
use crate::trust;

pub(super) fn overall(
    ins: &Instrument,
    a: &Assessment,
    r: &AssessmentResult,
    lang: Lang,
) -> Overall {
    let pending = not_started(r.total - r.unanswered.min(r.total), r.total, lang);
    // Nothing answered: no score, band or opinion, only "Belum dijawab" (docs/SCORING.md §Common
    // rules); the status still says what is missing.
    let band = r.band(ins).filter(|_| pending.is_none());
    let opinion_missing: u32 =
        r.units.iter().flat_map(|u| &u.parts).map(|p| p.tally.unanswered()).sum();
    // A figure typed but not valid counts 0 like one not typed; it is called invalid (§Output).
    let invalid = ins.opinion.as_ref().map_or(0, |o| {
        a.units.iter().map(|u| crate::secondary::invalid(&o.output, u)).sum::<u32>()
    });
    let invalid = invalid.min(opinion_missing);
    let missing =
        missing_text(r.unanswered - opinion_missing, opinion_missing - invalid, invalid, lang);
    let status = match (&band, &missing) {
        (None, Some(m)) if pending.is_some() => provisional_text(m, lang),
        (None, _) => no_score_text(ins, a, r, lang),
        (Some(_), Some(m)) => provisional_text(m, lang),
        (Some(_), None) => complete_text(r.total, ins.opinion.is_some(), lang),
    };
    Overall {
        score: band.as_ref().map(|b| Figure::new(b.score, lang)),
        band: band.map(|b| band_view(ins, b.def, lang)),
        provisional: r.provisional(),
        unanswered: r.unanswered,
        unanswered_opinion: opinion_missing,
        total: r.total,
        missing,
        status,
        opinion: ins.opinion.as_ref().zip(r.exact).filter(|_| pending.is_none()).map(|(_, e)| {
            let q = crate::followup::qualifier(&a.followups, a.no_followups);
            crate::opinion::words(ins, e.round2(), q, lang)
        }),
        pending,
    }
}

/// Why there is no score: the first unit whose score cannot be computed and its sections with no
/// applicable indicator ("semua indikator Dimensi Pengaduan ditandai Tidak berlaku di Unit A"),
/// else the general sentence (docs/SCORING.md §Common rules: "Tidak berlaku" leaves the
/// denominator, so a section with none left has no fulfilment).
fn no_score_text(ins: &Instrument, a: &Assessment, r: &AssessmentResult, lang: Lang) -> String {
    let why =
        r.units.iter().zip(&a.units).filter(|(u, _)| u.exact.is_none()).find_map(|(u, au)| {
            let empty: Vec<&str> = u
                .sections
                .iter()
                .zip(&ins.sections)
                .filter(|(s, _)| s.fraction.is_none() && s.tally.unanswered() == 0)
                .map(|(_, sec)| sec.title.get(lang))
                .collect();
            // Every part empty means nothing applies at all: the general sentence says that best.
            (!empty.is_empty() && empty.len() < u.sections.len())
                .then(|| (empty.join(", "), au.name.as_str()))
        });
    match (why, lang) {
        (Some((secs, unit)), Lang::Id) => format!(
            "Belum ada nilai: semua indikator {secs} ditandai “Tidak berlaku” di {unit}. Setiap \
             bagian perlu setidaknya satu indikator yang berlaku."
        ),
        (Some((secs, unit)), Lang::En) => format!(
            "No score yet: every indicator of {secs} is marked “Not applicable” in {unit}. Each \
             part needs at least one applicable indicator."
        ),
        (None, _) => texts(lang).no_score.to_string(),
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

pub(super) fn section_counts(rows: &[&IndicatorRow], section: &str) -> (u32, u32) {
    let mine = rows.iter().filter(|r| r.section_id == section);
    let (mut answered, mut total) = (0, 0);
    for r in mine {
        total += 1;
        answered += u32::from(r.answered);
    }
    (answered, total)
}

pub(super) fn section_row(
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
        done: format!("{}/{}", counts.0, counts.1),
        respondents: None,
        note: sec.note.as_ref().map(|n| n.get(lang).to_string()),
    }
}

/// Every indicator row of a unit: unit-wide ones once, then each product's.
pub(super) fn unit_rows<'a>(
    indicators: &'a [IndicatorRow],
    products: &'a [ProductReport],
) -> Vec<&'a IndicatorRow> {
    indicators.iter().chain(products.iter().flat_map(|p| p.indicators.iter())).collect()
}

/// OPD-level section figures by the instrument's aggregation rule: the mean over all products
/// (ori-2016, docs/SOURCES.md §Aggregation 2016–2021) or over units (ori-2022, §Aggregation
/// 2022–2024), so ori-2022 points sum to the score.
pub(super) fn opd_sections(
    ins: &Instrument,
    a: &Assessment,
    r: &AssessmentResult,
    units: &[UnitReport],
    lang: Lang,
) -> Vec<SectionRow> {
    let all_rows: Vec<&IndicatorRow> =
        units.iter().flat_map(|u| unit_rows(&u.indicators, &u.products)).collect();
    ins.sections
        .iter()
        .enumerate()
        .map(|(i, sec)| {
            let (fraction, points) = scoring::opd_section(ins, &r.units, i);
            let counts = section_counts(&all_rows, &sec.id);
            section_row(ins, sec, fraction, points, counts, lang)
        })
        .chain(opd_parts(ins, &a.units, r, lang))
        .collect()
}

/// The OPD rows of the opinion parts (Output, public trust): the mean over units, like the
/// dimensions (docs/SCORING.md §ori-2025).
pub(super) fn opd_parts<'a>(
    ins: &'a Instrument,
    units: &'a [Unit],
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
        let (fraction, points) = (mean(|s| s.fraction), mean(|s| s.points));
        Some(part_row(ins, first, fraction, points, counts, units, lang))
    })
}

/// The row of an opinion part (Output or public trust), titled and explained by the instrument.
pub(super) fn part_row(
    ins: &Instrument,
    part: &SectionScore,
    fraction: Option<Ratio>,
    points: Option<Ratio>,
    counts: (u32, u32),
    units: &[Unit],
    lang: Lang,
) -> SectionRow {
    let o = ins.opinion.as_ref();
    // The survey's own figure, what the trust score is computed from.
    let respondents = o.filter(|_| part.section == scoring::PART_TRUST).map(|o| {
        units
            .iter()
            .map(|u| trust::unit_progress(&o.trust, u))
            .fold((0, 0), |c, p| (c.0 + p.0, c.1 + p.1))
    });
    let done = match respondents {
        Some((n, m)) => format!("{n}/{m} {}", texts(lang).respondents),
        None => format!("{}/{}", counts.0, counts.1),
    };
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
        done,
        respondents,
        note: Some(note.get(lang).to_string()),
    }
}

pub(super) fn section_row_empty(part: &SectionScore) -> SectionRow {
    SectionRow {
        id: part.section.clone(),
        title: part.section.clone(),
        fulfilment: None,
        points: None,
        max_points: None,
        answered: 0,
        total: 0,
        done: "0/0".to_string(),
        respondents: None,
        note: None,
    }
}
