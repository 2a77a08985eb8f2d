//! What to fix: every unmet indicator as an action item with its place, and the plans to the next
//! band (gaps.rs; docs/SCORING.md §What to fix first).

use super::model::{ActionItem, PlanView};
use super::texts::texts;
use super::wording::remaining_first;
use super::{answer_label, band_view, Figure};
use crate::assessment::{Assessment, Place};
use crate::gaps::{self, Gap};
use crate::instrument::{Instrument, Lang, Localized, Scope};
use crate::scoring::AssessmentResult;

pub(super) fn place_names(a: &Assessment, place: &Place, scope: Scope) -> (String, Option<String>) {
    let unit = a.unit(&place.unit);
    let product = unit
        .and_then(|u| u.products.iter().find(|p| p.id == place.product))
        .filter(|_| scope == Scope::Product)
        .map(|p| p.name.clone());
    (unit.map(|u| u.name.clone()).unwrap_or_default(), product)
}

/// Where an action is, as the reader sees it: "Unit › Produk", or "Seluruh unit Unit" for a
/// unit-wide indicator (answered once for the whole unit, docs/SCORING.md §Common rules).
fn place_text(unit: &str, product: Option<&str>, lang: Lang) -> String {
    match product {
        Some(p) => format!("{unit} › {p}"),
        None => format!("{} {unit}", texts(lang).whole_unit),
    }
}

pub(super) fn action_item(ins: &Instrument, a: &Assessment, g: &Gap, lang: Lang) -> ActionItem {
    let found = ins.indicators().find(|(_, i)| i.id == g.indicator);
    let scope = found.map_or(Scope::Product, |(_, i)| i.scope);
    let (unit, product) = place_names(a, &g.place, scope);
    let place_text = place_text(&unit, product.as_deref(), lang);
    let answer = a.entry(ins, &g.place, &g.indicator).and_then(|e| e.answer.as_ref());
    let get = |l: &Localized| l.get(lang).to_string();
    ActionItem {
        indicator: g.indicator.clone(),
        text: found.map(|(_, i)| get(&i.text)).unwrap_or_default(),
        section: found.map(|(s, _)| get(&s.title)).unwrap_or_default(),
        unit,
        product,
        place_text,
        answer: answer_label(found.map_or(&ins.scale, |(_, i)| ins.scale_of(i)), answer, lang),
        gain: Figure::exact(g.gain, lang),
        action: found.map(|(_, i)| get(&i.action)).unwrap_or_default(),
        legal: found.map(|(_, i)| i.legal.clone()).unwrap_or_default(),
        place: g.place.clone(),
    }
}

pub(super) fn plans(
    ins: &Instrument,
    a: &Assessment,
    r: &AssessmentResult,
    lang: Lang,
) -> Vec<PlanView> {
    let Some(base) = r.exact else {
        return Vec::new();
    };
    gaps::next_plans(ins, a)
        .iter()
        .map(|p| PlanView {
            target: band_view(ins, p.target, lang),
            score_after: Figure::exact(p.fixes.iter().fold(base, |s, g| s + g.gain), lang),
            fixes: p.fixes.iter().map(|g| action_item(ins, a, g, lang)).collect(),
            after_note: texts(lang).after_rounding.to_string(),
        })
        .collect()
}

/// The sentence where there is a score but no plan (docs/SCORING.md §What to fix first): the
/// score is already in the highest band, or no higher band can be reached with the current
/// answers (unanswered indicators are not fixes).
pub(super) fn plans_note(
    ins: &Instrument,
    r: &AssessmentResult,
    plans: &[PlanView],
    lang: Lang,
) -> Option<String> {
    let score = r.exact?.round2();
    if !plans.is_empty() {
        return None;
    }
    let t = texts(lang);
    if ins.bands.iter().all(|b| b.min <= score.0) {
        return Some(t.top_band.to_string());
    }
    // With places still open the list is computed from what is answered: say to answer them first
    // (docs/SCORING.md §What to fix first).
    let opinion: u32 = r.units.iter().flat_map(|u| &u.parts).map(|p| p.tally.unanswered()).sum();
    let questions = r.unanswered - opinion.min(r.unanswered);
    Some(remaining_first(questions, opinion, lang).unwrap_or_else(|| t.no_plans.to_string()))
}
