//! The invariants every instrument file must hold before it is used (`Instrument::validate`):
//! both languages everywhere, a scale that reaches its maximum, bands from 0 upwards, dimension
//! maxima that make 100 (docs/SCORING.md), unique lowercase ids, a legal source for every
//! indicator and an `assumed` reason wherever a rule is unverified (docs/SOURCES.md §Confidence
//! tags).

use std::collections::BTreeSet;

use super::{Confidence, Indicator, Instrument, Localized, Method, OpinionRules, Scale, Section};
use crate::exact::Hundredths;

/// True when a text is given in both languages.
fn both(l: &Localized) -> bool {
    !l.id.trim().is_empty() && !l.en.trim().is_empty()
}

/// Collects the problems found: `need(ok, what)` records `what` when `ok` is false.
struct Problems(Vec<String>);

impl Problems {
    fn need(&mut self, ok: bool, what: impl Into<String>) {
        if !ok {
            self.0.push(what.into());
        }
    }
}

impl Instrument {
    /// Checks the invariants every shipped file must hold; empty when valid.
    pub fn validate(&self) -> Vec<String> {
        let mut p = Problems(Vec::new());
        self.check_header(&mut p);
        self.check_scale_and_bands(&mut p);
        self.check_dimensions(&mut p);
        let mut ids = BTreeSet::new();
        for s in &self.sections {
            p.need(ids.insert(s.id.clone()), format!("duplicate id {}", s.id));
            p.need(
                both(&s.title) && !s.indicators.is_empty(),
                format!("section {} titled and non-empty", s.id),
            );
            for i in &s.indicators {
                p.need(ids.insert(i.id.clone()), format!("duplicate id {}", i.id));
                check_indicator(s, i, &mut p);
                p.need(
                    i.scale.as_ref().is_none_or(|k| self.scales.iter().any(|n| &n.id == k)),
                    format!("{}: its scale is defined", i.id),
                );
            }
        }
        p.0
    }

    fn check_header(&self, p: &mut Problems) {
        p.need(!self.id.is_empty() && !self.version.is_empty(), "id and version");
        p.need(
            both(&self.title) && both(&self.legal_basis) && both(&self.summary),
            "title/legal_basis/summary in both languages",
        );
        let keys = set(self.sources.iter().map(|s| s.key.as_str()));
        p.need(!keys.is_empty(), "cites sources");
        p.need(!self.sections.is_empty(), "has sections");
        for problem in self.opinion.iter().flat_map(OpinionRules::problems) {
            p.need(false, problem);
        }
    }

    fn check_scale_and_bands(&self, p: &mut Problems) {
        let scale = &self.scale;
        p.need(scale.max > 0 && !scale.options.is_empty(), "scale has options and max > 0");
        p.need(
            scale.options.iter().all(|o| o.points <= scale.max && both(&o.label)),
            "scale option points ≤ max, labels in both languages",
        );
        p.need(scale.options.iter().any(|o| o.points == scale.max), "scale reaches its max");
        let values = set(scale.options.iter().map(|o| o.value.as_str()));
        p.need(
            values.len() == scale.options.len() && !values.contains(crate::assessment::NA),
            "scale values unique and not the N/A value",
        );
        for n in &self.scales {
            let same = |a: &Scale, b: &Scale| {
                a.max == b.max
                    && a.options.len() == b.options.len()
                    && a.options
                        .iter()
                        .zip(&b.options)
                        .all(|(x, y)| x.value == y.value && x.points == y.points)
            };
            p.need(
                same(&n.scale, scale)
                    && both(&n.applies_to)
                    && n.scale.options.iter().all(|o| both(&o.label)),
                format!(
                    "scale {}: the same values and points as the scale, words in both languages",
                    n.id
                ),
            );
        }
        p.need(self.bands.first().map(|b| b.min) == Some(0), "first band starts at 0");
        p.need(self.bands.windows(2).all(|w| w[0].min < w[1].min), "bands strictly increasing");
        p.need(
            self.bands.iter().all(|b| b.min <= 10000 && both(&b.label)),
            "bands within 0–100 with labels",
        );
    }

    /// Dimension instruments: every dimension has its maximum, and the maxima (with the opinion
    /// parts) make 100,00 (docs/SCORING.md §ori-2022, §ori-2025).
    fn check_dimensions(&self, p: &mut Problems) {
        if self.scoring.method != Method::DimensionPoints {
            return;
        }
        let parts = self.opinion.as_ref().map_or(0, |o| o.output.max_points + o.trust.max_points);
        let total: u32 = self.sections.iter().filter_map(|s| s.max_points).sum::<u32>() + parts;
        p.need(
            self.sections.iter().all(|s| s.max_points.is_some()),
            "every dimension has max_points",
        );
        p.need(
            total == 10000,
            format!("dimension maxima sum to 100.00 (got {})", Hundredths(total)),
        );
    }
}

/// One indicator: its id, texts in both languages, legal source, the reason of what is assumed,
/// and unique evidence items.
fn check_indicator(s: &Section, i: &Indicator, p: &mut Problems) {
    p.need(
        i.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        format!("id {} is lowercase ascii with dashes", i.id),
    );
    p.need(
        both(&i.text) && both(&i.help) && both(&i.action),
        format!("{}: text/help/action in both languages", i.id),
    );
    p.need(!i.legal.trim().is_empty(), format!("{}: legal source", i.id));
    if matches!(i.confidence, Confidence::U) {
        p.need(
            i.assumed.is_some() || s.assumed.is_some(),
            format!("{}: unverified but not flagged assumed", i.id),
        );
    }
    if let Some(a) = &i.assumed {
        p.need(both(a), format!("{}: assumed reason in both languages", i.id));
    }
    let ev = set(i.evidence.iter().map(|e| e.id.as_str()));
    p.need(
        ev.len() == i.evidence.len() && i.evidence.iter().all(|e| both(&e.text)),
        format!("{}: evidence ids unique, texts in both languages", i.id),
    );
}

/// The ids as a set, inserted one by one (collecting into a set sorts first, a sort routine
/// compiled for this type alone: docs/PERFORMANCE.md).
fn set<'a>(ids: impl Iterator<Item = &'a str>) -> BTreeSet<&'a str> {
    let mut s = BTreeSet::new();
    s.extend(ids);
    s
}
