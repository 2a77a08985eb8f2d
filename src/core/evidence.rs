//! The evidence checklist (docs/SCORING.md §Evidence checklist): per indicator, the documents and
//! photos an assessor asks for, with what is ready counted, so "what to prepare" is one list.

use crate::assessment::{Assessment, Entry, Place};
use crate::instrument::{Indicator, Instrument, Lang, Scope};

/// The checklist of one indicator at one place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChecklistRow {
    /// Indicator id.
    pub indicator: String,
    /// The indicator's question.
    pub text: String,
    /// Unit name.
    pub unit: String,
    /// Product name; `None` for a unit-wide indicator.
    pub product: Option<String>,
    /// Where it is answered (a unit-wide indicator names the unit's first product).
    pub place: Place,
    /// Items ready.
    pub ready: usize,
    /// Items asked for.
    pub total: usize,
    /// "2 dari 4 bukti siap", as the screen and every file show it.
    pub count: String,
    /// The items ready, in the instrument's order.
    pub ready_items: Vec<String>,
    /// The items not ready yet, in the instrument's order.
    pub missing: Vec<String>,
}

/// Items of an indicator that an entry marks ready (unknown ids are not counted).
pub fn ready(ind: &Indicator, e: Option<&Entry>) -> usize {
    let Some(e) = e else { return 0 };
    ind.evidence.iter().filter(|d| e.ready.contains(&d.id)).count()
}

/// Every indicator with evidence items, at every place (unit-wide ones once per unit).
pub fn checklist(ins: &Instrument, a: &Assessment, lang: Lang) -> Vec<ChecklistRow> {
    let mut out = Vec::new();
    for u in &a.units {
        for (pi, p) in u.products.iter().enumerate() {
            for (_, ind) in ins.indicators().filter(|(_, i)| !i.evidence.is_empty()) {
                let (e, product) = match ind.scope {
                    Scope::Unit if pi > 0 => continue,
                    Scope::Unit => (u.answers.get(&ind.id), None),
                    Scope::Product => (p.answers.get(&ind.id), Some(p.name.clone())),
                };
                let (ready_items, missing): (Vec<_>, Vec<_>) =
                    ind.evidence.iter().partition(|d| e.is_some_and(|e| e.ready.contains(&d.id)));
                let text = |v: Vec<&crate::instrument::EvidenceDef>| {
                    v.iter().map(|d| d.text.get(lang).to_string()).collect()
                };
                out.push(ChecklistRow {
                    indicator: ind.id.clone(),
                    text: ind.text.get(lang).to_string(),
                    unit: u.name.clone(),
                    product,
                    place: Place { unit: u.id.clone(), product: p.id.clone() },
                    ready: ready(ind, e),
                    total: ind.evidence.len(),
                    count: count_text(ready(ind, e), ind.evidence.len(), lang),
                    ready_items: text(ready_items),
                    missing: text(missing),
                });
            }
        }
    }
    out
}

/// Items ready and asked for over the whole checklist.
pub fn totals(rows: &[ChecklistRow]) -> (usize, usize) {
    rows.iter().fold((0, 0), |(r, t), x| (r + x.ready, t + x.total))
}

/// "3 dari 7 bukti siap" / "3 of 7 items ready".
pub fn count_text(ready: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{ready} dari {total} bukti siap"),
        Lang::En => format!("{ready} of {total} items ready"),
    }
}
